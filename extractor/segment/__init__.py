"""Segmentation: find the appendices, their sections and declared counts, and their rows."""

from __future__ import annotations

import re

from ..model import Document, Line, Row, Segmented, Table
from ..normalize.text import clean
from .lists import rows_from_lines
from .metadata import read_metadata
from .rows import Context, check_numbering, enter_section, rows_from_table
from .sections import Section, kind_of, parse_section

_APPENDIX = re.compile(r"^(PHỤ LỤC|DANH SÁCH|DANH MỤC)\b", re.I)


def segment(doc: Document) -> Segmented:
    meta = read_metadata(doc)
    default_kind = kind_of(meta.title) or "mô hình"
    rows: list[Row] = []
    warnings: list[str] = []
    sections: list[Section] = []
    totals: list[int] = []
    ctx = Context(default_kind=default_kind)
    appendix = 0
    seen_caption = False
    after_caption: list[Line] = []
    for block in doc.blocks:
        if isinstance(block, Line):
            text = clean(block.text)
            if _APPENDIX.match(text) and text.isupper():
                if seen_caption and (ctx.sections or rows):
                    appendix += 1
                sections.extend(ctx.sections)
                totals.extend(ctx.totals)
                ctx = Context(default_kind=kind_of(text) or default_kind, listing=_names_list(text))
                seen_caption = True
            elif seen_caption and not ctx.roles and (heading := parse_section("", text)) is not None \
                    and heading.place is not None and heading.label:
                enter_section(ctx, heading)  # "1. Huyện Tam Đảo" above the first of the district's tables
            elif seen_caption and not ctx.roles and kind_of(text) and text.isupper():
                ctx.default_kind = kind_of(text)
                ctx.listing = True
            elif seen_caption and not ctx.roles and _names_list(text):
                ctx.listing = True
            elif ctx.roles:  # a section heading written between parts of a table
                section = parse_section("", text)
                if section is not None:
                    enter_section(ctx, section)
            if seen_caption:
                after_caption.append(block)
            continue
        assert isinstance(block, Table)
        found, notes = rows_from_table(block, ctx, appendix, rows)
        rows.extend(found)
        warnings.extend(notes)
    sections.extend(ctx.sections)
    totals.extend(ctx.totals)
    if not rows and seen_caption:
        rows, listed = rows_from_lines(after_caption, default_kind)
        sections.extend(listed)
    check_numbering(rows)
    meta.declared_rows = declared_total(sections)
    if meta.declared_rows is None and totals:
        meta.declared_rows = sum(totals)  # no section declares a count, a total row does
    return Segmented(meta=meta, rows=rows, warnings=warnings, found_appendix=bool(rows))


def _names_list(text: str) -> bool:
    """A caption line of a list of models or exemplars ("DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH ...")."""
    return bool(kind_of(text)) or bool(re.search(r"tập thể|cá nhân|gương", text, re.I))


def declared_total(sections: list[Section]) -> int | None:
    """Each top section's own count, or else the sum of its sub-sections' counts."""
    total: int | None = None
    own: int | None = None  # the current top section's declared count
    for s in sections:
        if s.level == 1:
            own = s.declared
            if own is not None:
                total = (total or 0) + own
        elif s.declared is not None and own is None:
            total = (total or 0) + s.declared
    return total


__all__ = ["declared_total", "segment"]
