"""Segmentation: find the appendices, their sections and declared counts, and their rows."""

from __future__ import annotations

import re

from ..model import Document, Line, Row, Segmented, Table
from ..normalize.text import clean
from .lists import rows_from_lines
from .metadata import read_metadata
from .rows import Context, check_numbering, rows_from_table
from .sections import Section, kind_of

_APPENDIX = re.compile(r"^(PHỤ LỤC|DANH SÁCH|DANH MỤC)\b", re.I)


def segment(doc: Document) -> Segmented:
    meta = read_metadata(doc)
    default_kind = kind_of(meta.title) or "mô hình"
    rows: list[Row] = []
    warnings: list[str] = []
    sections: list[Section] = []
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
                ctx = Context(default_kind=kind_of(text) or default_kind)
                seen_caption = True
            elif seen_caption and not ctx.roles and kind_of(text) and text.isupper():
                ctx.default_kind = kind_of(text)
            if seen_caption:
                after_caption.append(block)
            continue
        assert isinstance(block, Table)
        found, notes = rows_from_table(block, ctx, appendix)
        rows.extend(found)
        warnings.extend(notes)
    sections.extend(ctx.sections)
    if not rows and seen_caption:
        rows = rows_from_lines(after_caption, default_kind)
    check_numbering(rows)
    meta.declared_rows = declared_total(sections)
    return Segmented(meta=meta, rows=rows, warnings=warnings, found_appendix=bool(rows))


def declared_total(sections: list[Section]) -> int | None:
    """Top-level declared counts if any section declares one, else the sub-sections' sum."""
    top = [s.declared for s in sections if s.level == 1 and s.declared is not None]
    if top:
        return sum(top)
    sub = [s.declared for s in sections if s.level == 2 and s.declared is not None]
    return sum(sub) if sub else None


__all__ = ["declared_total", "segment"]
