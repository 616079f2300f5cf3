"""Bytes to Unicode text for text-like inputs: BOMs, UTF-8, UTF-16, Windows-1258, mojibake.

Legacy Vietnamese font encodings (TCVN3, VNI) are recognised by `legacy.py`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import DocumentLoadError

# Pairs that only appear when UTF-8 Vietnamese was decoded as Latin-1/cp1252: a lead byte
# (Ã, Ä, Æ, á) followed by a continuation byte (0x80-0xBF read as Latin-1 or cp1252). A lone
# "Ã" is a Vietnamese letter ("XÃ HỘI"), not a mark.
_MOJIBAKE = re.compile("[ÃÄÆ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                       "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|á[º»]")


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises DocumentLoadError when nothing fits."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if _looks_utf16(data):
        enc = "utf-16-le" if data[1:200:2].count(0) > data[0:200:2].count(0) else "utf-16-be"
        return data.decode(enc, errors="replace"), enc
    try:
        text = data.decode("utf-8")
        return fix_mojibake(text), "utf-8"
    except UnicodeDecodeError:
        pass
    from .legacy import decode_legacy  # noqa: PLC0415 - only for non-UTF-8 inputs

    found = decode_legacy(data)
    if found is not None:
        return found
    raise DocumentLoadError("text is not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI")


def _looks_utf16(data: bytes) -> bool:
    head = data[:400]
    return len(head) >= 4 and head.count(0) >= len(head) // 4


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 that was once read as Latin-1 ("Hòa" stored as "HÃ²a")."""
    marks = len(_MOJIBAKE.findall(text))
    if not marks:
        return text
    import ftfy  # noqa: PLC0415 - rarely needed

    fixed = unicodedata.normalize("NFC", ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=False))
    return fixed if len(_MOJIBAKE.findall(fixed)) < marks else text
