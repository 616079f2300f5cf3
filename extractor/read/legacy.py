"""Legacy Vietnamese encodings: Windows-1258, TCVN3 (ABC) and VNI, to Unicode.

Two uses:

* `decode_legacy(bytes)` for text files that are not UTF-8: each candidate decoding is scored by
  how many of its words are well-formed Vietnamese syllables, and the best one wins.
* `decode_font_text(text, font)` for DOCX/.doc runs typed in a legacy font (".VnTime",
  "VNI-Times"): Word stores such a run's bytes as the Windows-1252 characters they look like
  ("Hµ Néi"), so the font name tells which table turns them back into Unicode ("Hà Nội").

The tables are data (`extractor/data/legacy_tcvn3.csv`, `legacy_vni.csv`), with their sources.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"

# Bytes 0x80-0x9F: the full TCVN 5712 (VN1) puts upper-case toned letters there, but the ABC
# fonts people typed with keep Windows-1252 punctuation (Word's smart quotes and dashes).
_CP1252_PUNCT = {0x85: "…", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x96: "–", 0x97: "—"}

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx]"
_NUCLEUS = (
    "iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
    "[aăâeêioôơuưy]"
)
_SYLLABLE = re.compile(rf"^({_ONSET})?({_NUCLEUS})(c|ch|k|m|n|ng|nh|p|t)?$")  # k: Đắk, Lắk
_WORD = re.compile(r"[^\W\d_]+")
# The one capitalised word of this genre that starts with an upper-case toned letter mid-sentence.
_UY_BAN = re.compile(r"\bủy ban\b")
_NAME_CHARS = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ "
                            "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
                            "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ")


# ---------------------------------------------------------------- tables


def _rows(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.reader(lines))[1:]


@lru_cache(maxsize=1)
def tcvn3_table() -> dict[int, str]:
    """Byte -> Unicode for TCVN3 (ABC and the VN1 upper-case range)."""
    table = {int(byte, 16): chr(int(uni[2:], 16)) for byte, uni, _set, _name in _rows("legacy_tcvn3.csv")}
    table.update(_CP1252_PUNCT)
    return table


@lru_cache(maxsize=1)
def vni_table() -> tuple[dict[str, str], re.Pattern[str]]:
    """VNI sequence (as Windows-1252 characters) -> Unicode, and a longest-first matcher."""
    table = {seq: uni for seq, uni, _name in _rows("legacy_vni.csv")}
    keys = sorted(table, key=len, reverse=True)
    return table, re.compile("|".join(re.escape(k) for k in keys))


# ---------------------------------------------------------------- decoders


def tcvn3_to_unicode(text: str, upper: bool = False) -> str:
    """TCVN3 text whose bytes were read as Latin-1/Windows-1252 characters -> Unicode.

    `upper`: the run was set in an upper-case font (".VnTimeH"), whose glyphs for the
    lower-case codes are capitals.
    """
    table = tcvn3_table()
    out = []
    for ch in text:
        code = ord(ch)
        if 0xF000 <= code <= 0xF0FF:  # symbol-font private use area
            code -= 0xF000
        if 0xA0 < code <= 0xFF or (0x80 <= code < 0xA0 and code in table):
            out.append(table.get(code, ch))
        else:
            out.append(ch)
    result = unicodedata.normalize("NFC", "".join(out))
    return result.upper() if upper else result


def vni_to_unicode(text: str) -> str:
    """VNI text whose bytes were read as Windows-1252 characters -> Unicode."""
    table, pattern = vni_table()
    text = "".join(chr(ord(ch) - 0xF000) if 0xF000 <= ord(ch) <= 0xF0FF else ch for ch in text)
    return unicodedata.normalize("NFC", pattern.sub(lambda m: table[m.group(0)], text))


def font_encoding(font: str | None) -> str | None:
    """'tcvn3', 'tcvn3-upper', 'vni' or None, from a font name (the best evidence there is)."""
    if not font:
        return None
    name = font.strip()
    if re.match(r"(?i)^vni[- _]", name):
        return "vni"
    if re.match(r"^\.?Vn[A-Z]", name):
        return "tcvn3-upper" if re.search(r"H$|H\b", name.split(",")[0].strip()) else "tcvn3"
    return None


def decode_font_text(text: str, encoding: str) -> str:
    """Convert a run's text set in a legacy font (see `font_encoding`)."""
    if encoding == "vni":
        return vni_to_unicode(text)
    if encoding.startswith("tcvn3"):
        return tcvn3_to_unicode(text, upper=encoding == "tcvn3-upper")
    return text


def _tcvn3_bytes(data: bytes) -> str:
    table = tcvn3_table()
    chars = [table.get(b, chr(b)) if b >= 0x80 or (b < 0x20 and b in table) else chr(b) for b in data]
    return restore_capitals(unicodedata.normalize("NFC", "".join(chars)))


def _vni_bytes(data: bytes) -> str:
    return vni_to_unicode(data.decode("cp1252", errors="replace"))


def _cp1258_bytes(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258"))


_DECODERS = {"cp1258": _cp1258_bytes, "tcvn3": _tcvn3_bytes, "vni": _vni_bytes}


def restore_capitals(text: str) -> str:
    """Capitals lost in a TCVN3 dump: upper-case toned letters were typed in the upper-case font
    with the lower-case codes, so "KẾ HOẠCH" reads back "Kế HOạCH" and "Ủy ban" as "ủy ban".

    A word whose other letters are capitals is upper-cased (one capital is enough beside an
    all-capital word: "KẾ HOẠCH"); a word starting a line or a sentence, or following two
    capitalised words (a name: "Phan Văn Út"), is capitalised. Other capitals inside a sentence
    ("huyện Ứng Hòa") cannot be told apart and stay lower case. (Đ has its own capital code.)
    """
    lines = text.split("\n")
    return _UY_BAN.sub("Ủy ban", "\n".join(_restore_line(line) for line in lines))


def _restore_line(line: str) -> str:
    words = list(_WORD.finditer(line))
    if not words:
        return line
    out = list(line)
    caps = [_caps_letters(m.group(0)) for m in words]
    for i, m in enumerate(words):
        word = m.group(0)
        if not any(ch.islower() and not ch.isascii() for ch in word):
            continue
        new = word
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(words)]
        # a capitals word beside it: one with a toned letter ("KẾ HOẠCH"), or capitals on both
        # sides; an acronym alone ("THCS Cô Ba") does not make its neighbour shout
        shouty_neighbour = any(caps[j] >= 2 and not words[j].group(0).isascii() for j in near) or (
            len(near) == 2 and all(caps[j] >= 2 for j in near))
        if caps[i] >= 2 or (caps[i] == 1 and shouty_neighbour):
            new = word.upper()
        elif word[0].islower() and not word[0].isascii() and word[0] != "đ":
            before = line[: m.start()].rstrip()
            name = (i >= 2 and all(w.group(0)[:1].isupper() for w in words[i - 2 : i])  # "Phan Văn út"
                    and not line[words[i - 2].start() : m.start()].strip(" ").translate(_NAME_CHARS))
            if not before or before[-1] in ".!?" or name:
                new = word[0].upper() + word[1:]
        out[m.start() : m.end()] = list(new)
    return "".join(out)


def _caps_letters(word: str) -> int:
    """How many ASCII capitals a word has when all its ASCII letters are capitals, else 0."""
    ascii_letters = [ch for ch in word if ch.isascii()]
    return len(ascii_letters) if ascii_letters and all(ch.isupper() for ch in ascii_letters) else 0


# ---------------------------------------------------------------- scoring


def is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable: onset, vowel nucleus, coda and at most one tone."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONES)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return bool(_SYLLABLE.match(base))


def score(text: str) -> float:
    """How Vietnamese a decoding looks: words with non-ASCII letters that are well-formed
    syllables, minus those that are not (twice), per word; control characters count against."""
    good = bad = total = 0
    for m in _WORD.finditer(text[:200_000]):
        word = m.group(0)
        total += 1
        if word.isascii():
            continue
        if is_syllable(word):
            good += 1
        else:
            bad += 1
    controls = sum(1 for ch in text[:200_000] if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\r\n\t")
    return (good - 2 * bad - 5 * controls) / max(total, 1)


def legacy_text_encoding(text: str) -> str | None:
    """'tcvn3' or 'vni' when a text layer (a PDF's) holds a legacy font's codes read as
    Windows-1252 ("Hµ Néi", "Haø Noäi") and decodes much better so; else None."""
    sample = text[:50_000]
    base = score(sample)
    if base >= 0.5:
        return None
    found = [(score(tcvn3_to_unicode(sample)), "tcvn3"), (score(vni_to_unicode(sample)), "vni")]
    best, name = max(found)
    return name if best > base + 0.3 else None


def convert_text(text: str, encoding: str) -> str:
    """A legacy text layer to Unicode (TCVN3 capitals restored as in `restore_capitals`)."""
    if encoding == "vni":
        return vni_to_unicode(text)
    return restore_capitals(tcvn3_to_unicode(text))


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Try Windows-1258, TCVN3 and VNI; keep the most Vietnamese-looking result."""
    best: tuple[float, str, str] | None = None
    for name, decoder in _DECODERS.items():
        try:
            text = decoder(data)
        except UnicodeDecodeError:
            continue
        s = score(text)
        if best is None or s > best[0]:
            best = (s, text, name)
    if best is None or best[0] <= 0.02:
        return None
    return best[1], best[2]


__all__ = [
    "convert_text",
    "decode_font_text",
    "decode_legacy",
    "font_encoding",
    "is_syllable",
    "legacy_text_encoding",
    "restore_capitals",
    "score",
    "tcvn3_to_unicode",
    "vni_to_unicode",
]
