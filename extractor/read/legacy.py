"""Legacy single-byte Vietnamese encodings: Windows-1258 (and later TCVN3, VNI)."""

from __future__ import annotations

import unicodedata

# Common Vietnamese letters; a decoding that yields many of them is likely right.
_VIET = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def score(text: str) -> float:
    """Share of letters that are Vietnamese-specific, penalised by control characters."""
    letters = [ch for ch in text.lower() if ch.isalpha()]
    if not letters:
        return 0.0
    bad = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\r\n\t")
    return sum(1 for ch in letters if ch in _VIET) / len(letters) - bad / max(len(text), 1)


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Try the legacy encodings; keep the most Vietnamese-looking result."""
    best: tuple[float, str, str] | None = None
    for name in ("cp1258",):
        try:
            text = unicodedata.normalize("NFC", data.decode(name))
        except UnicodeDecodeError:
            continue
        s = score(text)
        if best is None or s > best[0]:
            best = (s, text, name)
    if best is None or best[0] <= 0.02:
        return None
    return best[1], best[2]
