"""Column roles from a header row's words, whatever their order and number."""

from __future__ import annotations

import re

from ..normalize.text import key

# Role -> header patterns on the cell's key (lower case, punctuation dropped). First match wins,
# so specific patterns come before general ones.
ROLE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("stt", re.compile(r"^(số )?(stt|tt|thứ tự|số thứ tự)$")),
    ("note", re.compile(r"^ghi chú")),
    ("role", re.compile(r"^(chức vụ|chức danh|nghề nghiệp)|đơn vị công tác|nơi công tác")),
    ("address", re.compile(r"^(địa chỉ|địa bàn|địa điểm|địa phương|nơi thực hiện|nơi cư trú|quê quán)")),
    ("achievement", re.compile(r"^(thành tích|tóm tắt thành tích|kết quả|hiệu quả|nội dung thành tích)")),
    ("sector", re.compile(r"^(lĩnh vực|ngành)")),
    ("year", re.compile(r"^năm( xây dựng| công nhận)?$")),
    # "Tên điển hình" names the exemplar (a person or body), not a model: it is the actor column
    ("title", re.compile(r"^(tên )(mô hình|sáng kiến|giải pháp)( tiên tiến)?$")),
    ("actor", re.compile(
        r"(tập thể|cá nhân|họ và tên|họ tên|tên đơn vị|chủ mô hình|chủ hộ|người thực hiện|tên điển hình)")),
    ("unit", re.compile(r"^(đơn vị|cơ quan|tổ chức)")),
    ("model", re.compile(r"(mô hình|điển hình|nội dung|tên gọi)")),
]

# A header cell naming only unit types ("Xã, phường, thị trấn", "Huyện/thị xã") heads a locality
# column: no content cell consists of type words alone.
_UNIT_TYPE = (r"(xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|tx|tp"
              r"|thôn|xóm|bản|ấp|khóm|buôn|làng|tổ dân phố|khu phố|tổ)")
_PLACE_LABEL = re.compile(rf"^{_UNIT_TYPE}(( ?[,/] ?| (và|hoặc) | ){_UNIT_TYPE})*$")

_LABELLED = re.compile(r"^\s*([IVXLC]+|[A-ZĐ]|\d+)[.)]\s")
_STT_VALUE = re.compile(r"^\(?\d+([.,]\d+)*\)?[.)]?$|^[a-zđ][.)]$|^[IVXLC]+[.)]?$")


def role_of(text: str) -> str | None:
    k = key(text)
    if not k or len(k) > 45:
        return None
    for role, pattern in ROLE_PATTERNS:
        if pattern.search(k):
            return role
    if _PLACE_LABEL.match(k):
        return "address"
    return None


def header_roles(cells: list[str]) -> list[str] | None:
    """Roles of a header row, or None when the row is not a header.

    A header names at least two roles, and a content role (actor, title, unit or model).
    """
    if any(looks_like_stt(c) and c.strip() for c in cells):
        return None  # a numbered row is content, however its cells read
    roles = [role_of(c) or "" for c in cells]
    named = [r for r in roles if r]
    content = {"actor", "title", "unit", "model", "achievement"}
    if len(named) < 2 or not content & set(named):
        return None
    if any(len(c) > 80 for c in cells):
        return None
    if "stt" not in roles and not roles[0] and len(cells[0].strip()) <= 6:
        roles[0] = "stt"  # "Số" (OCR lost the "TT"), "#", or nothing: a first narrow column is the STT
    return _dedupe(roles)


def _dedupe(roles: list[str]) -> list[str]:
    """Two columns of one role: the later one becomes a secondary role."""
    seen: set[str] = set()
    out = []
    for role in roles:
        renamed = role
        if role and role in seen and role != "address":  # a place split over columns stays one
            renamed = {"actor": "unit", "model": "achievement", "title": "model"}.get(role, "extra")
        seen.add(renamed)
        out.append(renamed)
    return out


def merge_header(head: list[str], sub: list[str], spans_lost: bool) -> list[str]:
    """One header from a two-row one: each column's sub-header label, else its parent's.

    A text dump loses the parent's span ("Địa bàn" over "Xã | Huyện" is one cell there): with
    `spans_lost`, the parent's cell is widened over the run of labels under it.
    """
    width = max(len(head), len(sub))
    head = head + [""] * (width - len(head))
    sub = sub + [""] * (width - len(sub))
    if spans_lost:
        col = 0
        while col < width:
            end = col
            while sub[col] and end + 1 < width and sub[end + 1]:
                end += 1
            if end > col:
                head = head[: col + 1] + [""] * (end - col) + head[col + 1:]
            col = end + 1
        head = head[:width]
    return [s or h for h, s in zip(head, sub, strict=True)]


def is_sub_header(cells: list[str]) -> bool:
    """A second header row: two labels or more (each a role's words), no number, no section
    ("A. TẬP THỂ" names a role's words too, alone across the table)."""
    filled = [c for c in cells if c.strip()]
    return len(filled) >= 2 and all(not looks_like_stt(c) and not _LABELLED.match(c) and role_of(c) for c in filled)


def is_numbering_row(cells: list[str]) -> bool:
    """The "(1) | (2) | (3)" row printed under some headers."""
    vals = [c.strip().strip("()") for c in cells if c.strip()]
    return len(vals) >= 2 and all(v.isdigit() for v in vals) and [int(v) for v in vals] == list(
        range(int(vals[0]), int(vals[0]) + len(vals))
    )


def looks_like_stt(text: str) -> bool:
    return bool(_STT_VALUE.match(text.strip()))
