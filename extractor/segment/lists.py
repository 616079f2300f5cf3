"""Appendices written as numbered paragraphs instead of a table (some text dumps, HTML)."""

from __future__ import annotations

import re

from ..model import Line, Row
from ..normalize.text import clean
from .sections import parse_section

_ITEM = re.compile(r"^(?P<stt>\d{1,3})\s*[.)/-]\s+(?P<text>\S.+)$")
_MODEL = re.compile(r"mô hình|điển hình|[“\"«]", re.I)


def rows_from_lines(lines: list[Line], default_kind: str) -> list[Row]:
    """Numbered items that carry a model ("1. Công an huyện X: Mô hình “...”")."""
    rows: list[Row] = []
    top_label, kind, group = "", default_kind, ""
    for line in lines:
        text = clean(line.text)
        m = _ITEM.match(text)
        if m and _MODEL.search(m.group("text")):
            row = Row(row_no=int(m.group("stt")), cells={"combined": m.group("text")}, prov=line.prov)
            row.section_kind, row.section_label, row.group = kind, top_label, group
            rows.append(row)
            continue
        section = parse_section("", text)
        if section is not None:
            if section.level == 1:
                top_label, group = section.label, ""
                kind = section.kind or kind
            else:
                group = section.text
        elif rows and not m and text and text[:1].islower():
            rows[-1].cells["combined"] += " " + text
    return rows
