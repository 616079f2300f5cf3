"""Locality mentions: a type word followed by a name ("xã Nhân Nghĩa", "khu phố 7", "TP. Hòa Bình").

A name inside an institution's name without a type word ("Trường THPT Tân Lạc") is not a
locality (SPEC). Names run over capitalised syllables or a number; a lower-case syllable ends
them unless the gazetteer knows the longer name ("xã Pà cò" -> "Pà cò").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

LEVELS = ("hamlet", "commune", "district", "province")
# Type word (lower case) -> level. Longest first when matching.
TYPES: dict[str, str] = {
    "tổ dân phố": "hamlet", "khu phố": "hamlet", "tiểu khu": "hamlet", "xóm": "hamlet",
    "thôn": "hamlet", "bản": "hamlet", "ấp": "hamlet", "khóm": "hamlet", "khu": "hamlet",
    "tổ": "hamlet", "buôn": "hamlet",
    "thị trấn": "commune", "phường": "commune", "xã": "commune",
    "thành phố": "district", "thị xã": "district", "quận": "district", "huyện": "district",
    "tỉnh": "province",
}
ABBREVIATIONS = {"tp": "thành phố", "tx": "thị xã", "h": "huyện", "q": "quận", "p": "phường", "tt": "thị trấn"}
_CLAUSE_ABBREVIATIONS = {"h", "q", "p", "tt"}  # "H. Vũ Thư": only with the stop, opening a clause
# Province-level cities: "thành phố Hà Nội" is a province, not a district.
PROVINCE_CITIES = {"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ"}
# Words before a type word that make it part of another word ("Hợp tác xã", "văn bản").
_BLOCKERS = {
    "xã": ("hợp tác", "tác", "kinh tế", "htx"),
    "bản": ("văn", "cơ", "căn", "nhật", "phiên", "tư", "kịch", "bản"),
    "tổ": ("các", "tổ"),
    "khu": ("các",),
}
_TYPE_RE = re.compile(
    r"(?<![\w])(?P<type>" + "|".join(sorted(map(re.escape, TYPES), key=len, reverse=True))
    + r"|tp\.?|tx\.?|h\.|q\.|p\.|tt\.)(?![\w])",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]", re.UNICODE)

_HYPHENATED = re.compile(r"\s*[-–]\s*([A-ZĐÀ-Ỹ][\w'’]*(?:\s+[A-ZĐÀ-Ỹ][\w'’]*){0,3})")
Known = Callable[[str, str], bool]  # (level, name) -> is it a unit of that level


@dataclass(frozen=True)
class Place:
    level: str  # hamlet | commune | district | province
    type: str  # canonical lower-case type word
    name: str  # as written (tone placement already normalised)
    start: int  # offsets in the text
    end: int


# A former name beside the current one: "Xã Ia Hrung (xã Ia Sao cũ)", "(trước đây là thị trấn X)".
# It is history, not where the row is.
FORMER = re.compile(r"\((?:[^()]*\bcũ|\s*(?:trước đây|trước kia|trước)\b[^()]*)\)", re.IGNORECASE)


def find_places(text: str, known: Known | None = None) -> list[Place]:
    """Every locality mention in a cell, in order (former names in brackets left out)."""
    places: list[Place] = []
    former = [(f.start(), f.end()) for f in FORMER.finditer(text)]
    for m in _TYPE_RE.finditer(text):
        if any(a <= m.start() < b for a, b in former):
            continue
        written = m.group("type")
        canon = ABBREVIATIONS.get(written.lower().rstrip("."), written.lower())
        if not _type_allowed(text, m.start(), written, canon):
            continue
        name, end = _name_after(text, m.end(), TYPES[canon], known)
        if not name:
            continue
        level = TYPES[canon]
        if canon == "thành phố" and name.lower() in PROVINCE_CITIES:
            level = "province"
        if places and places[-1].end > m.start():
            continue  # inside the previous name
        places.append(Place(level, canon, name, m.start(), end))
    return places


def _type_allowed(text: str, start: int, written: str, canon: str) -> bool:
    before = text[:start].rstrip().lower()
    for blocker in _BLOCKERS.get(canon, ()):
        if before.endswith(blocker):
            return False
    if written[:1].isupper() and not written.isupper():
        # Capitalised type words only open a clause: "Xóm Đá Bia", not "Nhật Bản"; but a numbered
        # unit is one anywhere ("Hội Liên hiệp Phụ nữ Phường 14").
        numbered = re.match(r"\s+(?:số\s+)?\d", text[start + len(written):], re.IGNORECASE)
        return not before or before[-1] in ",;:(-–" or before.endswith(("và", "các")) or bool(numbered)
    if written.lower().rstrip(".") in _CLAUSE_ABBREVIATIONS:
        return written.endswith(".") and (not before or before[-1] in ",;:(-–")
    if written.lower().rstrip(".") in ABBREVIATIONS:
        return True  # "TP. Lào Cai", "TX Sa Pa": an abbreviation is a type word wherever it stands
    if written.isupper() and len(written) > 2 and not text.isupper():
        return not before or before[-1] in ",;:(-–"
    return True


def _name_after(text: str, pos: int, level: str, known: Known | None) -> tuple[str, int]:
    """The name that follows a type word, and where it ends."""
    tokens = [(t.group(0), t.start(), t.end()) for t in _TOKEN.finditer(text, pos)]
    if len(tokens) > 1 and tokens[0][0].lower() == "số" and tokens[1][0][:1].isdigit():
        tokens = tokens[1:]  # "tổ dân phố số 5" is tổ dân phố 5
    words: list[tuple[str, int]] = []
    lower_tail: list[tuple[str, int]] = []
    for tok, _s, e in tokens:
        if not re.match(r"\w", tok):
            break
        if _TYPE_RE.fullmatch(tok) and words and tok[:1].islower():
            break  # "xã Tiền Phong huyện Đà Bắc"
        if tok[:1].isupper() or tok[:1].isdigit():
            if lower_tail:
                break
            words.append((tok, e))
            if tok[:1].isdigit() and len(words) == 1:
                break  # numbered unit: "khu 6", "phường 4"
        elif words and known is not None and len(lower_tail) < 2:
            lower_tail.append((tok, e))
        else:
            break
    if not words:
        return _lower_case_name(tokens, level, known) or ("", pos)
    name = " ".join(w for w, _ in words)
    end = words[-1][1]
    joined = _HYPHENATED.match(text, end)
    if joined and known is not None and level != "hamlet" and known(level, f"{name} - {joined.group(1)}"):
        return f"{name} - {joined.group(1)}", joined.end()  # "thành phố Phan Rang - Tháp Chàm"
    if known is not None and level != "hamlet":
        # Try longer spellings the gazetteer knows ("Pà cò"), then shorter ones.
        for k in range(len(lower_tail), 0, -1):
            longer = " ".join([name] + [w for w, _ in lower_tail[:k]])
            if known(level, longer):
                return longer, lower_tail[k - 1][1]
    return name, end


def _lower_case_name(tokens: list[tuple[str, int, int]], level: str, known: Known | None) -> tuple[str, int] | None:
    """A unit name written in lower case ("xã nhân nghĩa"): only as the gazetteer knows it, 2+ syllables."""
    if known is None or level == "hamlet":
        return None
    run: list[tuple[str, int]] = []
    for tok, _s, e in tokens[:4]:
        if not re.match(r"\w", tok) or _TYPE_RE.fullmatch(tok):
            break
        run.append((tok, e))
    for k in range(len(run), 1, -1):
        name = " ".join(w for w, _ in run[:k])
        if known(level, name):
            return name, run[k - 1][1]
    return None


def chain(places: list[Place]) -> dict[str, Place]:
    """One place per level: the last one written wins (trailing clauses name the address)."""
    out: dict[str, Place] = {}
    for p in places:
        out[p.level] = p
    return out
