"""OCR tone repair with a Vietnamese word list.

On blurred scans Tesseract reads the hook above as an acute accent ("Tổ" as "Tố", "điển" as
"điến", "tập thể" as "tập thế"). A syllable whose tone is one of the two is swapped for the other
when the other makes a known syllable or a known word with a neighbour and it does not. The list
is underthesea's Viet74K dictionary (underthesea is a dependency already); without it nothing is
changed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from itertools import pairwise

ACUTE, HOOK = "\u0301", "\u0309"
_CORE = re.compile(r"^([^\w]*)(\w+)([^\w]*)$")


@lru_cache(maxsize=1)
def words() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """Known syllables and known pairs of neighbouring syllables (lower case, NFC)."""
    try:
        text = resources.files("underthesea").joinpath("corpus/data/Viet74K.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset(), frozenset()
    syllables: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for entry in text.splitlines():
        parts = unicodedata.normalize("NFC", entry.lower()).replace("-", " ").split()
        syllables.update(parts)
        pairs.update(pairwise(parts))
    return frozenset(syllables), frozenset(pairs)


def _swap(word: str) -> str | None:
    """The word with its acute accent as a hook above, or the reverse; None if it has neither."""
    decomposed = unicodedata.normalize("NFD", word)
    if ACUTE in decomposed:
        return unicodedata.normalize("NFC", decomposed.replace(ACUTE, HOOK))
    if HOOK in decomposed:
        return unicodedata.normalize("NFC", decomposed.replace(HOOK, ACUTE))
    return None


def repair_tones(tokens: list[str]) -> list[str]:
    """A line's words with acute/hook-above misreadings repaired (punctuation kept)."""
    syllables, pairs = words()
    if not syllables:
        return tokens
    split = [_CORE.match(t) for t in tokens]
    cores = [m.group(2).lower() if m else "" for m in split]
    out = list(tokens)
    for i, m in enumerate(split):
        if m is None:
            continue
        alt = _swap(m.group(2))
        if alt is None:
            continue
        word = m.group(2)
        if cores[i] in syllables and ACUTE not in unicodedata.normalize("NFD", word):
            continue  # a known word is only mended the way Tesseract errs: acute back to hook
        name = i > 0 and word[:1].isupper() and not word.isupper() and cores[i] in syllables
        if name and not (i + 1 < len(cores) and (alt.lower(), cores[i + 1]) in pairs):
            continue  # a name inside the line ("Hòa Hiếu") is mended only by the word it starts

        def score(core: str, i: int = i) -> int:
            known = core in syllables
            before = i > 0 and (cores[i - 1], core) in pairs
            after = i + 1 < len(cores) and (core, cores[i + 1]) in pairs
            return 2 * known + before + after

        if score(alt.lower()) > score(cores[i]):
            out[i] = m.group(1) + alt + m.group(3)
            cores[i] = alt.lower()
    return out


# Unit type words with a tone Tesseract often drops or mistakes, mended only in the place they
# stand in a locality ("huyên Yên Thủy", "thi trấn", "thành phô"): the word before or after decides.
_TYPE_AFTER_NAME = {"huyên": "huyện", "huyến": "huyện", "huyền": "huyện"}  # + a capitalised name
_TYPE_BEFORE = {"thi": ("thị", {"trấn", "xã"}),  # + the next word
                "chỉ": ("chi", {"hội", "bộ", "đoàn", "cục", "nhánh"})}  # "Chỉ hội" is Chi hội read with a hook
_TYPE_AFTER = {k: ("phố", {"thành", "khu", "dân"}) for k in ("phô", "phồ", "phổ")}  # after the previous word


def repair_type_words(tokens: list[str]) -> list[str]:
    """A line's words with misread unit type words mended (punctuation and case kept)."""
    split = [_CORE.match(t) for t in tokens]
    cores = [m.group(2) if m else "" for m in split]
    out = list(tokens)
    for i, m in enumerate(split):
        if m is None:
            continue
        core = cores[i]
        nxt = cores[i + 1] if i + 1 < len(cores) else ""
        prev = cores[i - 1].lower() if i > 0 else ""
        fixed = None
        if core in _TYPE_AFTER_NAME and nxt[:1].isupper() and not m.group(3):
            fixed = _TYPE_AFTER_NAME[core]
        elif core.lower() in _TYPE_BEFORE and nxt.lower() in _TYPE_BEFORE[core.lower()][1] and not m.group(3):
            fixed = _TYPE_BEFORE[core.lower()][0]
        elif core.lower() in _TYPE_AFTER and prev in _TYPE_AFTER[core.lower()][1]:
            fixed = _TYPE_AFTER[core.lower()][0]
        if fixed is not None:
            fixed = fixed[:1].upper() + fixed[1:] if core[:1].isupper() else fixed
            out[i] = m.group(1) + fixed + m.group(3)
    return out
