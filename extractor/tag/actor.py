"""The actor of a row: its kind, its name without trailing locality clauses, the person in it.

Kinds (SPEC): person (one named individual), household ("Gia đình ông ..."), group (a
residential community acting as one, or a plural or informal collective), organization
(any constituted body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .places import FORMER, Known, Place, find_places

DATA = Path(__file__).resolve().parent.parent / "data"
HONORIFICS = {"ông": "Ông", "bà": "Bà", "anh": "", "chị": "", "cô": "", "thầy": "", "cụ": ""}
# Titles and ranks written before a person's name (the person still has no honorific).
_TITLES = "|".join(sorted((
    "đồng chí", "đ/c", r"đc\.?", "đại tá", "thượng tá", "trung tá", "thiếu tá", "đại úy", "thượng úy",
    "trung úy", "thiếu úy", "nhà giáo", "nhà giáo ưu tú", "nhà giáo nhân dân", "ngưt",
    "nghệ nhân", "nghệ nhân ưu tú", "nghệ nhân nhân dân", "bác sĩ", r"bs\.?", "thầy giáo", "cô giáo",
    "cựu chiến binh", "ccb", "em", "cháu", "học sinh", "sinh viên", "chiến sĩ", "thạc sĩ", "tiến sĩ",
    r"ts\.?", r"ths\.?", "kỹ sư", r"ks\.?", "già làng", "người có uy tín", "đảng viên", "hội viên",
    "đoàn viên", "y sĩ", "điều dưỡng", "dược sĩ", "cô", "thầy",
    r"bs\.?\s?cki{1,2}\.?", r"bsck\.?\s?i{1,2}\.?", r"pgs\.?\s?ts\.?", r"gs\.?\s?ts\.?", r"pgs\.?", r"gs\.?",
    r"cn\.", "thầy thuốc ưu tú", "thầy thuốc nhân dân", "ttưt", "ttnd", "nghệ sĩ ưu tú", "nghệ sĩ nhân dân",
    "nsưt", "nsnd", "luật sư", r"ls\.", "nhà báo",
    "trưởng thôn", "trưởng ấp", "trưởng bản", "trưởng xóm", "trưởng khu phố", "trưởng buôn", "tổ trưởng",
    "chi hội trưởng", "bí thư chi bộ", "bí thư chi đoàn", "công an viên",
), key=len, reverse=True))
# A unit's cell that adds its head after a dash: "Chi hội Nông dân thôn X - Ông Nguyễn Văn Y, Chi hội trưởng"
_HEAD_AFTER_DASH = re.compile(r"\s+[-–]\s+(?=(?:ông|bà|đồng chí|đ/c)\s+[A-ZĐÀ-Ỹ])", re.I)
_HOUSEHOLD = re.compile(
    r"^(?P<lead>(?:hộ\s+gia\s+đình|gia\s+đình|hộ)\s+(?P<hon>ông|bà|anh|chị)?)\s*(?P<name>.+)$", re.I
)
_PERSON = re.compile(
    r"^(?:(?P<title>(?:" + _TITLES + r"))\s+|(?P<hon>ông|bà|anh|chị|cô|thầy|cụ)\s+)(?P<name>.+)$", re.I
)
_GROUP_START = re.compile(
    r"^(các|nhóm|nhân dân|bà con|cộng đồng|đồng bào|hội viên|tập thể|những|một số|toàn thể|dòng họ|"
    r"họ tộc)\b", re.I
)
# Capitalised words that open unit names, never a person's name.
_NOT_NAMES = {"trường", "hội", "hợp", "công", "chi", "ban", "đội", "đồn", "trạm", "trung", "phòng", "sở", "câu",
              "nhóm", "tổ", "đoàn", "ủy", "ubnd", "htx", "clb", "bệnh", "viện", "cụm", "khối", "liên", "nhà"}
_GLUED = re.compile(r"^(Ông|Bà|Anh|Chị)(?=[A-ZĐÀ-Ỹ])")
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][\wÀ-ỹ'’-]*$")


@dataclass
class Actor:
    kind: str
    name: str
    honorific: str = ""
    person_name: str = ""
    flags: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    lines = (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip().lower() for s in lines if s.strip() and not s.startswith("#"))


def split_clauses(text: str) -> list[str]:
    """Comma/semicolon clauses, not splitting inside parentheses or quotes."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch in "(“«":
            depth += 1
        elif ch in ")”»" and depth:
            depth -= 1
        if ch in ",;" and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur).strip())
    return [c for c in out if c]


def person_run(text: str) -> str:
    """The capitalised words at the start of text: a person's name ("Hà Văn Hưng xóm ...")."""
    words = []
    for raw in text.split():
        w = raw.strip(",;:.()")
        if not w or not _NAME_WORD.match(w):
            break
        words.append(w)
        if len(words) == 5:
            break
    return " ".join(words)


def looks_like_person(clause: str) -> bool:
    """A clause that is only a person's name: a known family name, or else underthesea's NER."""
    run = person_run(clause)
    words = run.split()
    if not (2 <= len(words) <= 5 and run == clause.strip()):
        return False
    if words[0].lower() in surnames():
        return True
    if find_places(run) or words[0].lower() in _NOT_NAMES:
        return False
    from .nlp import is_person_by_ner  # noqa: PLC0415

    return is_person_by_ner(run)


def is_locality_clause(clause: str, known: Known | None = None) -> bool:
    """A clause made only of places ("xã Tiền Phong huyện Đà Bắc", "tỉnh Hòa Bình"), a former
    name in brackets included ("xã Phương Nam (xã Phương Chiểu cũ)")."""
    clause = FORMER.sub("", clause)
    places = find_places(clause, known)
    if not places:
        return False
    covered = "".join(ch for i, ch in enumerate(clause) if not any(p.start <= i < p.end for p in places))
    return not re.sub(r"[\s,;.\-–]", "", covered)


def parse_actor(text: str, known: Known | None = None) -> tuple[Actor, list[Place]]:
    """Kind, name, honorific and person of an actor cell, and the places it names."""
    text = _GLUED.sub(r"\1 ", text)  # OCR drops the space: "BàNguyễn Thị Thu"
    head = _HEAD_AFTER_DASH.search(text)
    if head and not _PERSON.match(text) and not _HOUSEHOLD.match(text):
        text = text[: head.start()]  # the unit is the actor; its head is named only to credit them
    places = find_places(text, known)
    clauses = split_clauses(text) or [text]
    first = clauses[0]
    m = _HOUSEHOLD.match(first)
    if m and person_run(m.group("name")):
        person = person_run(m.group("name"))
        hon = HONORIFICS.get((m.group("hon") or "").lower(), "")
        lead = re.sub(r"\s+", " ", m.group("lead")).strip()
        return Actor("household", f"{lead} {person}", hon, person), places
    m = _PERSON.match(first)
    if m and (len(person_run(m.group("name")).split()) >= 2
              or (m.group("hon") and "'" in person_run(m.group("name")))):  # "Ông K'Brơi": one word
        person = person_run(m.group("name"))
        hon = HONORIFICS.get((m.group("hon") or "").lower(), "")
        return Actor("person", person, hon, person), places
    if looks_like_person(first):
        return Actor("person", first.strip(), "", first.strip()), places
    name = unit_name(clauses, known)
    kind = "group" if _is_group(first, known) else "organization"
    return Actor(kind, name), places


def unit_name(clauses: list[str], known: Known | None = None) -> str:
    """The unit without its trailing comma-separated locality clauses (first clause kept)."""
    keep = list(clauses)
    while len(keep) > 1 and is_locality_clause(keep[-1], known):
        keep.pop()
    name = ", ".join(keep)
    bracket = re.search(r"\s*\(([^()]*)\)\s*$", name)  # "Hội Nông dân xã Long Hà (huyện Phú Riềng)"
    if bracket and bracket.start() > 0 and is_locality_clause(bracket.group(1), known):
        name = name[: bracket.start()]
    return name


def _is_group(first: str, known: Known | None) -> bool:
    if _GROUP_START.match(first):
        return True
    places = find_places(first, known)
    # A residential community named alone: "Khu phố 7", "Xóm Đá Bia", "Thôn Bản Lầu".
    return bool(places) and places[0].start == 0 and places[0].level == "hamlet" and is_locality_clause(first, known)
