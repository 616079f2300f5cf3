"""Appendices written as numbered paragraphs instead of a table (some text dumps, HTML)."""

from __future__ import annotations

import re

from ..model import Line, Row
from ..normalize.text import clean
from .sections import Section, parse_section

_ITEM = re.compile(r"^(?P<stt>\d{1,3})\s*[.)/-]\s+(?P<text>\S.+)$")
_MODEL = re.compile(r"mô hình|điển hình|[“\"«]", re.I)


def rows_from_lines(lines: list[Line], default_kind: str) -> tuple[list[Row], list[Section]]:
    """Numbered items that carry a model ("1. Công an huyện X: Mô hình “...”"), and the
    sections they sit in (with their declared counts)."""
    rows: list[Row] = []
    sections: list[Section] = []
    open_item = False
    top_label, kind, group = "", default_kind, ""
    for line in lines:
        text = clean(line.text)
        m = _ITEM.match(text)
        if m and _MODEL.search(m.group("text")):
            # the item's full stop ends the sentence, not the model; without one the item
            # goes on in the next line (a PDF wraps it)
            item = m.group("text")
            open_item = not item.endswith(".")
            row = Row(row_no=int(m.group("stt")), cells={"combined": item.removesuffix(".")}, prov=line.prov)
            row.section_kind, row.section_label, row.group = kind, top_label, group
            rows.append(row)
            continue
        # a lower-case line goes on an unfinished item before it can be a heading: "…xã Hương
        # Trà," / "huyện Hương Khê." ("huyện Hương Khê" alone reads as a district heading)
        section = None if rows and open_item and text[:1].islower() else parse_section("", text)
        if section is not None:
            sections.append(section)
            if section.level == 1:
                top_label, group = section.label, ""
                kind = section.kind or kind
            else:
                group = section.text
        elif rows and not m and text and (open_item or text[:1].islower()):
            rows[-1].cells["combined"] += " " + text.removesuffix(".")  # the item runs on
            open_item = not text.endswith(".")
        else:
            open_item = False
    return rows, sections
