"""Cut appendix rows out of tables: header roles, sections, continuations, STT checks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Cell, Provenance, Row, Table
from ..normalize.text import clean
from .columns import header_roles, is_numbering_row, is_sub_header, looks_like_stt, merge_header, role_of
from .sections import Section, parse_section, place_heading

_INT = re.compile(r"\d+")
_TOTAL = re.compile(r"^(tổng|cộng|tổng cộng|tổng số)\b", re.I)
_MODEL_HINT = re.compile(r"mô hình|điển hình|[“\"«]", re.I)


@dataclass
class Context:
    """What a table hands on to the next part of the same list (split tables, pages)."""

    roles: list[str] | None = None
    top: Section | None = None
    sub: Section | None = None
    default_kind: str = ""
    sections: list[Section] = field(default_factory=list)
    listing: bool = False  # the appendix caption names a list of models or exemplars
    field_heading: bool = False  # ctx.sub is a numbered heading over rows N.1, N.2 (ends at row N+1)
    totals: list[int] = field(default_factory=list)  # counts of "Tổng cộng: 13 mô hình" rows


def grid(row: list[Cell], width: int) -> list[str]:
    """Cell texts laid on the table grid; a merged cell fills its first column only."""
    out = [""] * max(width, 1)
    pos = 0
    for cell in row:
        col = cell.prov.col if cell.prov.col is not None and cell.prov.col >= pos else pos
        if col >= len(out):
            out.extend([""] * (col - len(out) + 1))
        out[col] = clean(cell.text) if not out[col] else out[col] + " " + clean(cell.text)
        pos = col + max(cell.colspan, 1)
    return out


def infer_roles(table: Table) -> list[str] | None:
    """Roles for a table with no header: STT column, then the model column, then the actor."""
    rows = [grid(r, table.n_cols) for r in table.rows]
    width = max((len(r) for r in rows), default=0)
    if width < 2 or len(rows) < 1:
        return None
    numbered = [r for r in rows if looks_like_stt(r[0]) and any(c for c in r[1:])]
    if len(numbered) < max(1, len(rows) // 3):
        return None
    hint = [sum(1 for r in numbered if len(r) > i and _MODEL_HINT.search(r[i])) for i in range(width)]
    if max(hint[1:], default=0) == 0:
        return None
    if width == 2:
        return ["stt", "combined"]
    model_col = max(range(1, width), key=lambda i: (hint[i], i))
    roles = ["stt"] + ["extra"] * (width - 1)
    roles[model_col] = "model"
    actor_col = 1 if model_col != 1 else 2
    roles[actor_col] = "actor"
    return roles


def parse_stt(text: str) -> tuple[int | None, str]:
    """(row number, the STT as written); "1.2" -> 2, "b)" -> 2, "" -> None."""
    t = clean(text).strip("()[]. ")
    nums = _INT.findall(t)
    if nums and re.fullmatch(r"\d+([.,]\d+)*[.)]?", t):
        return int(nums[-1]), t
    if re.fullmatch(r"[a-zđ][.)]?", t):
        return ord(t[0]) - ord("a") + 1, t
    return None, t


def compact(table: Table) -> Table:
    """The table without grid columns that no cell starts in: a stray rule (OCR) or a phantom
    grid column (Word) splits a column that every row's cell spans over."""
    cells = [c for r in table.rows for c in r]
    if not cells or any(c.prov.col is None for c in cells):
        return table
    table = _merge_stray_splits(table)
    cells = [c for r in table.rows for c in r]
    starts = sorted({c.prov.col for c in cells if c.prov.col is not None})
    width = max(table.n_cols, *((c.prov.col or 0) + max(c.colspan, 1) for c in cells))
    if len(starts) == width:
        return table
    index = {col: i for i, col in enumerate(starts)}

    def new_col(col: int) -> int:  # a grid line's position among the starts (an end maps past them)
        return sum(1 for s in starts if s < col)

    rows = [[replace(c, prov=replace(c.prov, col=index[c.prov.col or 0]),
                     colspan=max(1, new_col((c.prov.col or 0) + max(c.colspan, 1)) - index[c.prov.col or 0]))
             for c in r] for r in table.rows]
    return replace(table, rows=rows, n_cols=len(starts))


def _merge_stray_splits(table: Table) -> Table:
    """A grid column that only one or two rows of a long table start a cell in: rules found in
    a heading's letters (OCR, "ĐIỂN | H | ÌNH: 07"); such a cell joins the one before it."""
    if len(table.rows) < 5:
        return table
    used: dict[int, int] = {}
    for r in table.rows:
        for c in r:
            used[c.prov.col or 0] = used.get(c.prov.col or 0, 0) + 1
    stray = {col for col, n in used.items() if col > 0 and n <= 2 and n * 5 <= len(table.rows)}
    if not stray:
        return table
    rows = []
    for r in table.rows:
        out: list[Cell] = []
        for c in r:
            if out and (c.prov.col or 0) in stray:
                prev = out[-1]
                text = f"{prev.text}{c.text}" if c.text[:1].islower() or not prev.text else f"{prev.text} {c.text}"
                out[-1] = replace(prev, text=text.strip(), colspan=prev.colspan + max(c.colspan, 1))
            else:
                out.append(c)
        rows.append(out)
    return replace(table, rows=rows)


def rows_from_table(table: Table, ctx: Context, appendix: int,
                    before: list[Row] | None = None) -> tuple[list[Row], list[str]]:
    """The appendix rows of one table; `ctx` carries roles and sections across split tables.
    `before`: the rows found so far, where a headless table's first line may continue the last."""
    table = compact(table)
    rows: list[Row] = []
    warnings: list[str] = []
    start = 0
    for i, cells in enumerate(table.rows[:6]):
        header = grid(cells, table.n_cols)
        roles = header_roles(header)
        if roles:
            if not _strong_header(header) and not ctx.listing and not _model_rows(table, i + 1):
                return rows, warnings  # a table of tasks ("Nội dung công việc | Đơn vị chủ trì | Thời gian")
            ctx.roles, start = roles, i + 1
            if i + 1 < len(table.rows):
                sub = grid(table.rows[i + 1], table.n_cols)
                merged = header_roles(merge_header(header, sub, _spans_lost(cells, table.rows[i + 1])))
                if is_sub_header(sub) and merged:
                    ctx.roles, start = merged, i + 2
            break
    if ctx.roles is None:
        ctx.roles = infer_roles(table)
        if ctx.roles is None:
            return rows, warnings
    roles = ctx.roles
    width = max(len(roles), table.n_cols)
    carry: dict[int, tuple[str, int]] = {}  # column -> (text of a vertically merged cell, rows left)
    for cells in table.rows[start:]:
        texts = grid(cells, width)
        _fill_merged(texts, cells, carry)
        if not any(texts) or is_numbering_row(texts) or header_roles(texts):
            continue
        by_role = _by_role(roles, texts)
        stt_text = by_role.pop("stt", "")
        section = _section_row(_roman_misread(stt_text, ctx), by_role, texts)
        if section is not None:
            enter_section(ctx, section)
            continue
        _fill_down_place(by_role, rows, ctx)
        total_text = stt_text or next((t for t in texts if t), "")
        if _TOTAL.match(total_text):
            count = re.search(r"\d{1,4}", " ".join(t for t in texts if t))
            if count:
                ctx.totals.append(int(count.group(0)))
            continue
        number, written = parse_stt(stt_text)
        prov = _prov(cells)
        last = rows[-1] if rows else (before[-1] if before and start == 0 else None)
        if number is None and last is not None and _is_continuation(by_role, written):
            _append(last, by_role)  # a row that runs on below a page break
            continue
        if not any(by_role.values()):
            where = f"{ctx.top.label}.{written}" if ctx.top and ctx.top.label else written or "?"
            warnings.append(f"row {where} has an STT but no content (document cut short?)")
            continue
        heading = _heading_above(rows, written)
        if heading is not None:
            rows.pop()  # "1. | Lĩnh vực nông nghiệp" over rows 1.1, 1.2: a sub-section, not a row
            enter_section(ctx, heading)
            ctx.field_heading = True
        elif ctx.field_heading and re.fullmatch(r"\d+\.?", written):
            ctx.sub, ctx.field_heading = None, False  # row N+1: out of heading N
        row = Row(row_no=number, cells=by_role, prov=prov, appendix=appendix, confidence=_confidence(cells))
        _place(row, ctx)
        if written and number is None:
            row.flags.append("stt_unreadable")
        if written and not re.fullmatch(r"\d+[.)]?", written):
            row.flags.append(f"stt_written:{written}")
        rows.append(row)
    return rows, warnings


def _heading_above(rows: list[Row], written: str) -> Section | None:
    """The row above as a sub-section heading ("1. | Lĩnh vực nông nghiệp | |"), when it holds
    one short cell and no model, and this row's STT is its number's child ("1.1")."""
    if not rows or not re.fullmatch(r"\d+\.\d+\.?", written):
        return None
    above = rows[-1]
    if above.row_no is None or written.split(".", maxsplit=1)[0] != str(above.row_no):
        return None
    if any(f.startswith(("stt_", "joined_")) for f in above.flags):  # its STT was not a plain "N."
        return None
    filled = [v for k, v in above.cells.items() if v and k != "note"]
    if len(filled) != 1 or len(filled[0]) >= 80 or _MODEL_HINT.search(filled[0]):
        return None
    return parse_section(str(above.row_no), filled[0]) or Section(str(above.row_no), filled[0], 2)


def _spans_lost(head: list[Cell], sub: list[Cell]) -> bool:
    """A header row narrower than the row under it: its merged cells lost their span (text dumps)."""
    return sum(max(c.colspan, 1) for c in head) < sum(max(c.colspan, 1) for c in sub)


def _fill_merged(texts: list[str], cells: list[Cell], carry: dict[int, tuple[str, int]]) -> None:
    """Give the rows under a vertically merged cell (rowspan) its text."""
    for col, (text, left) in list(carry.items()):
        if col < len(texts) and not texts[col]:
            texts[col] = text
        if left <= 1:
            del carry[col]
        else:
            carry[col] = (text, left - 1)
    for cell in cells:
        if cell.rowspan > 1 and cell.prov.col is not None:
            carry[cell.prov.col] = (clean(cell.text), cell.rowspan - 1)


def _fill_down_place(by_role: dict[str, str], rows: list[Row], ctx: Context) -> None:
    """An empty locality cell under a place heading cell: a merge that text dumps wrote empty."""
    if by_role.get("address") or not rows or not any(by_role.values()):
        return
    above = rows[-1].cells.get("address", "")
    if above and place_heading(above) and rows[-1].section_label == (ctx.top.label if ctx.top else ""):
        by_role["address"] = above


_STRONG = re.compile(r"mô hình|điển hình|tập thể|cá nhân|họ và tên|họ tên|thành tích|tên đơn vị|sáng kiến|gương",
                     re.I)


def _strong_header(header: list[str]) -> bool:
    """A header that names models, exemplars or the people and bodies holding them."""
    return any(_STRONG.search(h) for h in header)


def _model_rows(table: Table, start: int) -> bool:
    """Whether most rows under a generic header carry a model ("Mô hình ...", a quoted name)."""
    rows = [" ".join(c.text for c in r) for r in table.rows[start:] if any(c.text.strip() for c in r)]
    return bool(rows) and sum(1 for r in rows if _MODEL_HINT.search(r)) * 2 >= len(rows)


def _by_role(roles: list[str], texts: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for role, text in zip(roles, texts, strict=False):
        if not role or not text:
            continue
        out[role] = f"{out[role]}{', ' if role == 'address' else ' '}{text}" if role in out else text
    return out


_ROMAN_LABEL = re.compile(r"^[IVXL]+$")
_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _roman_misread(stt: str, ctx: Context) -> str:
    """The next roman numeral for an OCR'd "l)", "ll", "|I" after section I, II ...; else `stt`."""
    core = stt.strip().rstrip(".)")
    if not core or not set(core) <= set("Il|1") or set(core) <= {"1"} or core in _ROMANS:
        return stt
    if ctx.top is None or ctx.top.label not in _ROMANS[:-1]:
        return stt
    return _ROMANS[_ROMANS.index(ctx.top.label) + 1]


def _section_row(stt: str, by_role: dict[str, str], texts: list[str]) -> Section | None:
    filled = [t for t in texts if t]
    content = [v for k, v in by_role.items() if k not in ("note",)]
    if not content and stt:
        return parse_section("", stt)  # a merged cell that landed in the STT column
    if len(content) != 1 and len(filled) != 1:
        return None
    text = content[0] if content else filled[0]
    if stt and not looks_like_stt(stt):
        return None
    section = parse_section(stt, text)
    if section is None:
        return None
    if section.level == 2 and section.place is None and _MODEL_HINT.search(text) and "“" in text:
        return None
    return section


def enter_section(ctx: Context, section: Section) -> None:
    top = ctx.top.label if ctx.top else ""
    if (section.level == 1 and len(top) == 1 and top not in "IVXLCDM" and _ROMAN_LABEL.match(section.label)
            and section.label != chr(ord(top) + 1)):
        section.level = 2  # "A. TẬP THỂ" then "I. Cấp tỉnh": roman numerals under a letter are its parts
    ctx.sections.append(section)
    ctx.field_heading = False
    if section.level == 1:
        ctx.top, ctx.sub = section, None
    else:
        ctx.sub = section


def _place(row: Row, ctx: Context) -> None:
    top, sub = ctx.top, ctx.sub
    row.section_kind = (sub.kind if sub and sub.kind else "") or (top.kind if top and top.kind else "")
    row.section_kind = row.section_kind or ctx.default_kind
    row.section_label = top.label if top else ""
    if sub is not None:
        row.group = sub.text if sub.place is None else _place_text(sub)
        if sub.place:
            row.group_places.append(sub.place)
    elif top is not None and not top.kind:
        row.group = f"{top.label}. {top.text}" if top.label else top.text
    if top is not None and top.place:
        row.group_places.insert(0, top.place)


def _place_text(section: Section) -> str:
    assert section.place is not None
    kind, name = section.place
    return f"{kind[:1].upper()}{kind[1:]} {name}"


def _is_continuation(by_role: dict[str, str], written: str) -> bool:
    if written:
        return False
    first = by_role.get("actor") or by_role.get("unit") or by_role.get("combined") or ""
    if not first or first[:1].islower() or first[:1] in ",;-–)":
        return True
    # the model's text running on in lower case: the rest of a row cut by a page break
    model = by_role.get("model") or by_role.get("achievement") or ""
    return bool(model) and model[:1].islower()


def _append(row: Row, by_role: dict[str, str]) -> None:
    for role, text in by_role.items():
        row.cells[role] = f"{row.cells[role]} {text}".strip() if role in row.cells else text
    row.flags.append("joined_continuation")


def _confidence(cells: list[Cell]) -> float | None:
    """The reader's confidence in a row: the mean of its OCR'd cells, None when born digital."""
    known = [c.confidence for c in cells if c.confidence is not None and c.text.strip()]
    return round(sum(known) / len(known), 3) if known else None


def _prov(cells: list[Cell]) -> Provenance:
    return cells[0].prov if cells else Provenance()


def check_numbering(rows: list[Row]) -> None:
    """Flag repeated, missing and skipped STT within each section (the rows are kept)."""
    last: dict[tuple[int, str, str], int] = {}
    missing: set[int] = set()
    for k, row in enumerate(rows):
        scope = (row.appendix, row.section_label, row.group)
        if row.row_no is None:
            row.flags.append("stt_missing")
            row.row_no = last.get(scope, 0) + 1  # numbered as the row before it + 1, and flagged
            missing.add(k)
        last[scope] = row.row_no
    _mend_ocr_numbers(rows)
    seen: set[tuple[int, str, str, int]] = set()
    last = {}
    for k, row in enumerate(rows):
        scope = (row.appendix, row.section_label, row.group)
        assert row.row_no is not None
        if k in missing:
            last[scope] = row.row_no
            continue
        if (*scope, row.row_no) in seen:
            row.flags.append("stt_repeated")
        seen.add((*scope, row.row_no))
        before = last.get(scope)
        if before is not None and row.row_no > before + 1:
            row.flags.append("stt_gap")
        last[scope] = row.row_no


def _mend_ocr_numbers(rows: list[Row]) -> None:
    """An OCR'd STT that breaks a run n-1, ?, n+1 of its section is n ("3" read for 5, "4°")."""
    for before, row, after in zip(rows, rows[1:], rows[2:], strict=False):
        scope = (row.appendix, row.section_label, row.group)
        if row.confidence is None or (before.appendix, before.section_label, before.group) != scope \
                or (after.appendix, after.section_label, after.group) != scope:
            continue
        if before.row_no is not None and after.row_no == before.row_no + 2 and row.row_no != before.row_no + 1:
            row.row_no = before.row_no + 1
            row.flags = [f for f in row.flags if not f.startswith(("stt_unreadable", "stt_written"))]
            row.flags.append("stt_mended")


__all__ = ["Context", "check_numbering", "enter_section", "grid", "infer_roles", "parse_stt", "role_of",
           "rows_from_table"]
