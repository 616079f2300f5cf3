"""Page geometry shared by the PDF and OCR readers: words -> lines -> blocks -> one document.

Small pure stages, each testable alone:

    group_lines(words)            words to text lines (vertical overlap), words left to right
    drop_running(pages)           page numbers and running headers/footers removed
    page_blocks(page)             lines to Lines and borderless tables; ruled tables placed in
                                  reading order
    join_pages(pages)             a table that crosses a page break becomes one Table: repeated
                                  header rows dropped, a row wrapped over the break joined

Coordinates are PDF points (x0, top, x1, bottom) with the origin at the top left; OCR words are
scaled to points before they get here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from itertools import pairwise
from statistics import median

from ..model import Block, Cell, Line, Provenance, Table

_PAGE_NUMBER = re.compile(r"^[-–—.\s]*(trang|page)?\s*\d{1,4}(\s*(/|trên|of)\s*\d{1,4})?[-–—.\s]*$", re.I)
_STT = re.compile(r"^\(?(\d{1,3}([.,]\d{1,2})*|[IVXL]{1,6}|[a-zđA-Z])[.)]?$")
_DIGITS = re.compile(r"\d+")


@dataclass
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float | None = None  # OCR confidence 0-1


@dataclass
class TextLine:
    words: list[Word]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return median(w.bottom - w.top for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def conf(self) -> float | None:
        confs = [w.conf for w in self.words if w.conf is not None]
        return sum(confs) / len(confs) if confs else None


@dataclass
class GridTable:
    """A table found on one page, with its column boundaries for joining across pages."""

    table: Table
    xs: list[float]
    top: float
    bottom: float


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)
    tables: list[GridTable] = field(default_factory=list)


# ---------------------------------------------------------------- words to lines


def group_lines(words: list[Word]) -> list[TextLine]:
    """Words whose vertical middles sit near a line's middle join it; lines top to bottom.

    A line's middle and height are the medians of its words', so tall words (stacked tone
    marks, a parenthesis) do not widen it until it swallows the next line.
    """
    lines: list[TextLine] = []
    mids: list[list[float]] = []
    heights: list[list[float]] = []
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        mid, height = (word.top + word.bottom) / 2, word.bottom - word.top
        for k in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            if abs(mid - median(mids[k])) <= 0.45 * max(median(heights[k]), height):
                lines[k].words.append(word)
                mids[k].append(mid)
                heights[k].append(height)
                break
        else:
            lines.append(TextLine([word]))
            mids.append([mid])
            heights.append([height])
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    lines.sort(key=lambda ln: ln.top)
    return lines


def segments(line: TextLine, gap: float) -> list[TextLine]:
    """Pieces of a line separated by a horizontal gap wider than `gap` (columns, tab stops)."""
    out = [[line.words[0]]]
    for prev, word in zip(line.words, line.words[1:], strict=False):
        if word.x0 - prev.x1 > gap:
            out.append([word])
        else:
            out[-1].append(word)
    return [TextLine(ws) for ws in out]


def column_gap(line: TextLine) -> float:
    return max(1.6 * line.height, 12.0)


# ---------------------------------------------------------------- running headers, page numbers


_CAPS_FRAGMENT = re.compile(r"^[A-ZĐ]{1,3}$")
_NO_VOWEL = re.compile(r"^[^AĂÂEÊIOÔƠUƯY]+$")


def cell_text(lines: list[str]) -> str:
    """A cell's lines joined by newlines, mending the one word a narrow column breaks in two:
    a header "STT" set as "ST" over "T" (capital fragments without a vowel)."""
    out: list[str] = []
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and _CAPS_FRAGMENT.match(out[-1]) and _NO_VOWEL.match(out[-1]):
            head = line.split(" ", 1)
            if len(head[0]) <= 2 and _CAPS_FRAGMENT.match(head[0]) and _NO_VOWEL.match(head[0]):
                out[-1] += line
                continue
        out.append(line)
    return "\n".join(out)


def _zone(page: Page, line: TextLine) -> str:
    if line.bottom < 0.1 * page.height:
        return "top"
    if line.top > 0.9 * page.height:
        return "bottom"
    return ""


def _shape(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def drop_running(pages: list[Page]) -> None:
    """Remove page numbers and headers/footers repeated on several pages (in place)."""
    seen: dict[tuple[str, str], int] = {}
    for page in pages:
        for line in _edge_lines(page):
            zone = _zone(page, line)
            if zone:
                seen[(zone, _shape(line.text))] = seen.get((zone, _shape(line.text)), 0) + 1
    need = max(2, round(0.3 * len(pages)))
    for page in pages:
        edges = {id(line) for line in _edge_lines(page)}
        keep = []
        for line in page.lines:
            zone = _zone(page, line) if id(line) in edges else ""
            if zone and (_is_page_number(page, line) or seen.get((zone, _shape(line.text)), 0) >= need):
                continue
            keep.append(line)
        page.lines = keep


def _edge_lines(page: Page) -> list[TextLine]:
    """The two top-most and two bottom-most lines, unless a table is further out."""
    if not page.lines:
        return []
    top_table = min((t.top for t in page.tables), default=page.height)
    bottom_table = max((t.bottom for t in page.tables), default=0.0)
    first = [ln for ln in page.lines[:2] if ln.bottom <= top_table + 1]
    last = [ln for ln in page.lines[-2:] if ln.top >= bottom_table - 1]
    return first + [ln for ln in last if ln not in first]


def _is_page_number(page: Page, line: TextLine) -> bool:
    if not _PAGE_NUMBER.match(line.text):
        return False
    centre = (line.x0 + line.x1) / 2
    return abs(centre - page.width / 2) < 0.15 * page.width or line.x1 > 0.8 * page.width or line.x0 < 0.2 * page.width


# ---------------------------------------------------------------- lines to blocks


def page_blocks(page: Page) -> list[tuple[float, Block, list[float] | None]]:
    """(top, block, column boundaries or None) of one page, in reading order."""
    items: list[tuple[float, Block, list[float] | None]] = []
    lines = page.lines
    i = 0
    while i < len(lines):
        region = _region(lines, i)
        if region is None:
            items.append((lines[i].top, _line_block(page, lines[i]), None))
            i += 1
            continue
        start, end, bands = region
        del items[len(items) - (i - start):]  # lines taken back into the region above it
        table, xs = _region_table(page, lines[start:end], bands)
        items.append((lines[start].top, table, xs))
        i = end
    for grid in page.tables:
        items.append((grid.top, grid.table, grid.xs))
    items.sort(key=lambda item: item[0])
    return items


def _line_block(page: Page, line: TextLine) -> Line:
    bbox = (line.x0, line.top, line.x1, line.bottom)
    return Line(unicodedata.normalize("NFC", line.text), Provenance(page=page.number, bbox=bbox), confidence=line.conf)


def _region(lines: list[TextLine], i: int) -> tuple[int, int, list[list[float]]] | None:
    """A run of lines laid out in columns (header block, signature block, borderless table),
    starting at or a little before line `i`: (start, end, column bands)."""
    first = segments(lines[i], column_gap(lines[i]))
    if len(first) < 2:
        return None
    bands = [[s.x0, s.x1] for s in first]
    end = i + 1
    multi = 1
    while end < len(lines):
        line, prev = lines[end], lines[end - 1]
        gap, height = line.top - prev.bottom, max(prev.height, 1.0)
        segs = split_at_gutters(segments(line, column_gap(line)), bands)
        # a line close below goes on; a row of columns may sit further down (row spacing)
        if gap > 2.5 * height or (gap > 0.8 * height and len(segs) < 2):
            break
        if not _fit(segs, bands, grow=True):
            break
        multi += len(segs) > 1
        end += 1
    start = i
    while start > 0:
        line, nxt = lines[start - 1], lines[start]
        if nxt.top - line.bottom > 0.8 * max(line.height, 1.0):
            break
        segs = segments(line, column_gap(line))
        if len(segs) != 1 or not _fit(segs, bands, grow=False):
            break
        start -= 1
    return start, end, bands


def split_at_gutters(segs: list[TextLine], bands: list[list[float]]) -> list[TextLine]:
    """Split a segment that runs across two columns at a word space lying on the gutter between
    them (a long recipients line reaching close to the signer's name)."""
    out: list[TextLine] = []
    for seg in segs:
        pieces = [seg]
        for a, b in pairwise(sorted(bands)):
            last = pieces[-1]
            cuts = [k for k, (w, v) in enumerate(pairwise(last.words), start=1)
                    if w.x1 <= b[0] + 1 and v.x0 >= a[1] - 1 and v.x0 - w.x1 > 0.2 * last.height]
            cut = cuts[-1] if cuts else None  # the space nearest the right column
            if cut is not None and last.x0 < a[1] and last.x1 > b[0]:
                pieces[-1:] = [TextLine(last.words[:cut]), TextLine(last.words[cut:])]
        out.extend(pieces)
    return out


def _fit(segs: list[TextLine], bands: list[list[float]], grow: bool) -> bool:
    """Do the segments each fall in one column band? With `grow`, widen bands and add new ones."""
    placed = []
    for seg in segs:
        hits = [k for k, (a, b) in enumerate(bands) if seg.x0 < b - 2 and seg.x1 > a + 2]
        if len(hits) > 1:
            return False
        placed.append((seg, hits[0] if hits else None))
    if grow:
        split = _split_bands(placed, bands)
        for seg, k in placed:
            if k is None:
                if len(segs) < 2:
                    return False  # a lone line outside every column: the region is over
                bands.append([seg.x0, seg.x1])
            elif k not in split:
                bands[k][0], bands[k][1] = min(bands[k][0], seg.x0), max(bands[k][1], seg.x1)
        for k in sorted(split, reverse=True):
            bands[k : k + 1] = split[k]
        bands.sort()
        for a, b in pairwise(bands):
            if a[1] > b[0] - 2:
                return False
    elif any(k is None for _, k in placed):
        return False
    return True


def _split_bands(placed: list[tuple[TextLine, int | None]], bands: list[list[float]]) -> dict[int, list[list[float]]]:
    """Bands that one line shows to be two columns: two of its segments in one band. The line
    that made the band ran across the gutter (its words a space apart there: "Lạc Sơn Mô hình");
    `split_at_gutters` cuts such lines once the gutter is known."""
    out: dict[int, list[list[float]]] = {}
    for k in {k for _, k in placed if k is not None}:
        inside = sorted((seg for seg, j in placed if j == k), key=lambda seg: seg.x0)
        if len(inside) < 2:
            continue
        a, b = bands[k]
        cuts = [min(a, inside[0].x0)]
        for left, right in pairwise(inside):
            cuts += [left.x1, right.x0]
        cuts.append(max(b, inside[-1].x1))
        out[k] = [[cuts[i], cuts[i + 1]] for i in range(0, len(cuts), 2)]
    return out


def _region_table(page: Page, lines: list[TextLine], bands: list[list[float]]) -> tuple[Table, list[float]]:
    """Lines in column bands to a Table: a data table (rows start at an STT) or a layout table
    (one row, a cell per column)."""
    bands = sorted(bands)
    placed: list[list[TextLine | None]] = []
    for line in lines:
        cells: list[TextLine | None] = [None] * len(bands)
        for seg in split_at_gutters(segments(line, column_gap(line)), bands):
            k = max(range(len(bands)), key=lambda j: min(seg.x1, bands[j][1]) - max(seg.x0, bands[j][0]))
            cells[k] = seg if cells[k] is None else TextLine(cells[k].words + seg.words)  # type: ignore[union-attr]
        placed.append(cells)
    numbered = [i for i, cells in enumerate(placed) if cells[0] is not None and _STT.match(cells[0].text)]
    header = False
    if len(numbered) >= 2 and len(bands) >= 2:  # a data table: a row starts at each STT
        header = numbered[0] > 0  # the lines above the first STT are its header
        groups = [list(range(numbered[0]))] if header else []
        for a, b in zip(numbered, [*numbered[1:], len(placed)], strict=False):
            groups.append(list(range(a, b)))
    else:  # a layout table: one row, a cell per column
        groups = [list(range(len(placed)))]
    table = Table(rows=[], prov=Provenance(page=page.number, bbox=_bbox(lines)), n_cols=len(bands))
    for r, group in enumerate(groups):
        row = []
        for c in range(len(bands)):
            parts = [placed[i][c] for i in group if placed[i][c] is not None]
            text = (" " if header and r == 0 else "\n").join(p.text for p in parts if p is not None)
            confs = [p.conf for p in parts if p is not None and p.conf is not None]
            bbox = _bbox([p for p in parts if p is not None]) if parts else None
            row.append(Cell(unicodedata.normalize("NFC", text), Provenance(page=page.number, row=r, col=c, bbox=bbox),
                            confidence=sum(confs) / len(confs) if confs else None))
        table.rows.append(row)
    xs = [bands[0][0], *((a[1] + b[0]) / 2 for a, b in pairwise(bands)), bands[-1][1]]
    return table, xs


def _bbox(lines: list[TextLine]) -> tuple[float, float, float, float]:
    return (min(ln.x0 for ln in lines), min(ln.top for ln in lines), max(ln.x1 for ln in lines),
            max(ln.bottom for ln in lines))


# ---------------------------------------------------------------- pages to one document


def join_pages(pages: list[list[tuple[float, Block, list[float] | None]]]) -> list[Block]:
    """Concatenate the pages' blocks; a table ending a page and one starting the next with the
    same columns are one table. Tables are numbered in document order."""
    blocks: list[Block] = []
    last_xs: list[float] | None = None
    for items in pages:
        for k, (_top, block, xs) in enumerate(items):
            prev = blocks[-1] if blocks else None
            if (k == 0 and isinstance(block, Table) and isinstance(prev, Table) and xs and last_xs
                    and _same_columns(xs, last_xs)):
                _continue_table(prev, block)
                continue
            blocks.append(block)
            last_xs = xs
    _number_tables(blocks)
    return blocks


def _same_columns(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= 4.0 for x, y in zip(a, b, strict=True))


def _texts(row: list[Cell]) -> list[str]:
    return [" ".join(c.text.split()).lower() for c in row]


def _continue_table(first: Table, more: Table) -> None:
    rows = list(more.rows)
    # repeated header rows: the continuation starts with the table's own first rows
    repeat = 0
    for k in range(min(3, len(rows), len(first.rows))):
        if _texts(rows[k]) == _texts(first.rows[k]) and any(_texts(rows[k])):
            repeat = k + 1
        else:
            break
    rows = rows[repeat:]
    # a row wrapped over the page break: no STT, not a lone merged cell
    if rows and first.rows and _wrapped(first.rows[-1], rows[0]):
        _merge_row(first.rows[-1], rows.pop(0))
    base = len(first.rows)
    for r, row in enumerate(rows):
        first.rows.append([replace(c, prov=replace(c.prov, row=base + r)) for c in row])
    first.n_cols = max(first.n_cols, more.n_cols)


def _wrapped(last: list[Cell], row: list[Cell]) -> bool:
    if not row or not last:
        return False
    stt = next((c for c in row if c.prov.col == 0), None)
    last_stt = next((c for c in last if c.prov.col == 0), None)
    filled = [c for c in row if c.text.strip()]
    if stt is None or stt.text.strip() or not filled or last_stt is None or not last_stt.text.strip():
        return False
    return not (len(row) == 1 and row[0].colspan > 1)


def _merge_row(last: list[Cell], row: list[Cell]) -> None:
    by_col = {c.prov.col: c for c in last}
    for cell in row:
        if not cell.text.strip():
            continue
        target = by_col.get(cell.prov.col)
        if target is None:
            last.append(replace(cell, prov=replace(cell.prov, row=last[0].prov.row)))
            continue
        target.text = f"{target.text}\n{cell.text}" if target.text.strip() else cell.text


def _number_tables(blocks: list[Block]) -> None:
    index = 0
    for block in blocks:
        if isinstance(block, Table):
            block.prov = replace(block.prov, table=index)
            for row in block.rows:
                for i, cell in enumerate(row):
                    row[i] = replace(cell, prov=replace(cell.prov, table=index))
            index += 1
