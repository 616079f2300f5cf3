"""Text normalization used by every stage: NFC, official tone placement, white space, keys.

Official names put the tone mark of the open rhymes "oa", "oe", "uy" on the first vowel
("Hòa", "khỏe", "thủy", "Ủy"); many documents use the other placement ("Hoà", "khoẻ",
"thuỷ"). Closed rhymes ("hoàn", "hoặc") and "qu" + vowel ("quý", "quà") are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Combining tone marks (grave, acute, hook above, tilde, dot below).
TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+", re.UNICODE)  # letters with any stray combining mark
_SPACE = re.compile(r"\s+")
# Look-alike letters found in documents typed with legacy fonts or OCR.
_LOOKALIKE = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"})
# Quote styles folded to one pair of curly quotes (straight quotes are left as written).
_QUOTES = str.maketrans({"\u201e": "\u201c", "\u201f": "\u201c", "\u00ab": "\u201c",
                         "\u00bb": "\u201d", "\u2033": "\u201d", "\u02ba": "\u201d"})
# Open rhymes whose tone goes on the first vowel in official spelling.
_RHYMES = ("oa", "oe", "uy")


def _move_tone(word: str) -> str:
    """Put the tone of a syllable ending in open oa/oe/uy on its first vowel."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in TONES]
    if len(tones) != 1:
        return word  # no tone, or a malformed syllable with two: nothing to place
    tone = tones[0]
    base = "".join(ch for ch in decomposed if ch not in TONES)
    base_nfc = unicodedata.normalize("NFC", base)
    low = base_nfc.lower()
    for rhyme in _RHYMES:
        if not low.endswith(rhyme):
            continue
        onset = low[: -len(rhyme)]
        # "qu" + y: the u belongs to the onset ("quý", "Quỳnh"); "gi" likewise.
        if onset.endswith("q") or (rhyme == "uy" and onset.endswith("g")):
            return word
        if any(ch in "aăâeêioôơuưy" for ch in onset):
            return word  # more vowels before: not a plain open rhyme ("khuya" etc.)
        i = len(base_nfc) - len(rhyme)
        first = unicodedata.normalize("NFD", base_nfc[i]) + tone
        rest = base_nfc[i + 1 :]
        return unicodedata.normalize("NFC", base_nfc[:i] + first + rest)
    return word


@lru_cache(maxsize=65536)
def fix_tones(word: str) -> str:
    return _move_tone(word)


def normalize_tones(text: str) -> str:
    """Place tone marks as official names do, word by word."""
    return _WORD.sub(lambda m: fix_tones(m.group(0)), text)


def clean(text: str | None) -> str:
    """NFC, look-alike letters, official tone placement, quote styles, white space folded."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_LOOKALIKE).translate(_QUOTES)
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    text = normalize_tones(text)
    return _SPACE.sub(" ", text).strip()


def key(text: str | None) -> str:
    """Matching key: cleaned, case-folded, punctuation dropped. Diacritics are kept."""
    text = clean(text).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return _SPACE.sub(" ", text).strip()


def strip_accents(text: str) -> str:
    """ASCII-ish skeleton for blocking and fuzzy keys only, never for output."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def title_case_name(name: str) -> str:
    """Capitalise each syllable of a proper name ("Pà cò" -> "Pà Cò"), keeping digits."""
    return " ".join(w[:1].upper() + w[1:] if w else w for w in name.split(" "))


@dataclass(frozen=True)
class Normalized:
    """A cleaned copy of a text that remembers where each of its characters came from."""

    original: str
    text: str
    offsets: tuple[int, ...]  # offsets[i]: index in `original` of text[i]

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of text[start:end]."""
        if start >= end:
            at = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(original: str) -> Normalized:
    """`clean()` with an offset map, character by character (NFC per grapheme, spaces folded)."""
    out: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for i, ch in _graphemes(original):
        piece = unicodedata.normalize("NFC", ch).translate(_LOOKALIKE).translate(_QUOTES)
        piece = piece.replace("\u200b", "").replace("\ufeff", "")
        if not piece:
            continue
        if piece.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            offsets.append(i - 1)
            pending_space = False
        for c in piece:
            out.append(c)
            offsets.append(i)
    text = "".join(out)
    toned = normalize_tones(text)
    # Moving a tone mark keeps the length in NFC, so the offsets stay valid.
    if len(toned) != len(text):
        toned = text
    return Normalized(original, toned, tuple(offsets))


def _graphemes(text: str) -> list[tuple[int, str]]:
    """(start, base letter with its combining marks) pairs."""
    out: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if out and unicodedata.combining(ch) and not out[-1][1][0].isspace():
            start, prev = out[-1]
            out[-1] = (start, prev + ch)
        else:
            out.append((i, ch))
    return out
