"""Word .docx: paragraphs and tables in document order, merged cells resolved, legacy fonts decoded.

* The body XML is walked in order (not `doc.paragraphs` then `doc.tables`), through content
  controls (`w:sdt`), custom XML, inserted text and the chosen branch of `mc:AlternateContent`;
  deleted text is skipped. A paragraph's text boxes follow it as their own lines.
* Merged cells: `gridSpan` gives one Cell with `colspan` (a section title across the table is
  one cell); a vertical merge (`vMerge`) is stored once, on its first row, with `rowspan`;
  the legacy `hMerge` is folded into `colspan` as well. `gridBefore` shifts a row's cells.
* A table continued as several Word tables stays several consecutive Table blocks: the
  segmenter joins them.
* Nested tables: a one-row table that holds tables is a layout wrapper, and its cells'
  contents are emitted as blocks in their own right (the data table inside becomes a Table);
  in any other table a nested table is flattened into its cell's text, a line per row.
* Word's automatic numbering (an STT column or "I.", "II." headings drawn from `w:numPr`) is
  written into the paragraph's text (`docx_numbering`).
* Runs set in TCVN3 (".VnTime", ".VnArialH", ...) or VNI ("VNI-Times", ...) fonts are turned
  into Unicode; the font comes from the run, its character style, the paragraph style chain
  or the document defaults.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DocumentLoadError
from ..model import Block, Cell, Document, Line, Provenance, Table
from ..settings import Settings
from .docx_numbering import Numbering
from .legacy import decode_font_text, font_encoding

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Containers whose children are walked as if they were in the parent.
_TRANSPARENT = {q("sdt"), q("sdtContent"), q("customXml"), q("smartTag"), q("ins"), q("moveTo"),
                q("hyperlink"), q("fldSimple"), q("dir"), q("bdo")}
_SKIP = {q("del"), q("moveFrom"), q("pPr"), q("rPr"), q("sdtPr"), q("sdtEndPr"), q("tblPr"), q("tblGrid"),
         q("trPr"), q("tcPr"), q("sectPr"), q("proofErr"), q("bookmarkStart"), q("bookmarkEnd"),
         q("commentRangeStart"), q("commentRangeEnd"), q("customXmlPr")}
_ALT = f"{{{MC}}}AlternateContent"


def read(path: Path, settings: Settings | None = None) -> Document:
    return read_docx(path, "docx")


_MAX_XML_MB = 200  # a plan's document.xml is a few MB; more is a zip bomb, not a plan


def _check_expansion(path: Path) -> None:
    """Refuse a zip whose XML parts would expand far beyond any real document (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as zf:
            big = [(i.filename, i.file_size) for i in zf.infolist()
                   if i.filename.endswith(".xml") and i.file_size > _MAX_XML_MB * 1024 * 1024]
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise DocumentLoadError(f"cannot read the Word document (corrupt or truncated .docx): {exc}") from exc
    if big:
        name, size = big[0]
        raise DocumentLoadError(f"{name} would expand to {size // (1024 * 1024)} MB (over {_MAX_XML_MB} MB): "
                                "a zip bomb, not a plan; not read")


def _xml_reason(exc: Exception) -> str:
    text = str(exc).lower()
    if "amplification" in text or "entity" in text:
        return "XML entity expansion refused"
    if "depth" in text:
        return "nested too deeply"
    return "malformed XML"


def read_docx(path: Path, fmt: str) -> Document:
    """Read a .docx file; `fmt` is the format recorded (`doc` when converted by LibreOffice)."""
    import docx  # noqa: PLC0415 - heavy import, first needed here
    from docx.opc.exceptions import OpcError  # noqa: PLC0415
    from lxml import etree  # noqa: PLC0415

    _check_expansion(path)
    try:
        word = docx.Document(str(path))
        body = word.element.body
        styles = _Styles(word.styles.element)
    except etree.XMLSyntaxError as exc:
        raise DocumentLoadError(f"cannot read the Word document's XML ({_xml_reason(exc)}): {exc}") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OpcError) as exc:
        raise DocumentLoadError(f"cannot read the Word document (corrupt or truncated .docx): {exc}") from exc
    except ValueError as exc:  # python-docx: not a WordprocessingML main part
        raise DocumentLoadError(f"not a Word document: {exc}") from exc
    try:
        numbering_xml = word.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering_xml = None  # no numbering part: nothing is numbered automatically
    walker = _Walker(styles, Numbering(numbering_xml, word.styles.element))
    walker.container(body)
    doc = Document(path=str(path), format=fmt, blocks=walker.blocks)
    doc.warnings.extend(f"encoding:{name}" for name in sorted(walker.legacy))
    return doc


# ---------------------------------------------------------------- styles and fonts


class _Styles:
    """Fonts of paragraph and character styles, resolved through `basedOn`."""

    def __init__(self, element: Any) -> None:
        self.fonts: dict[str, str | None] = {}
        self.based: dict[str, str] = {}
        self.default_para = ""
        self.default_font: str | None = None
        if element is None:
            return
        for style in element.iter(q("style")):
            sid = style.get(q("styleId")) or ""
            self.fonts[sid] = _font_of(style.find(q("rPr")))
            based = style.find(q("basedOn"))
            if based is not None:
                self.based[sid] = based.get(q("val")) or ""
            if style.get(q("type")) == "paragraph" and style.get(q("default")) in ("1", "true"):
                self.default_para = sid
        defaults = element.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}")
        self.default_font = _font_of(defaults)
        self._cache: dict[str, str | None] = {}

    def font(self, style_id: str) -> str | None:
        if style_id in self._cache:
            return self._cache[style_id]
        found, seen, sid = None, set(), style_id
        while sid and sid not in seen:
            seen.add(sid)
            found = self.fonts.get(sid)
            if found:
                break
            sid = self.based.get(sid, "")
        self._cache[style_id] = found
        return found


def _font_of(rpr: Any) -> str | None:
    if rpr is None:
        return None
    fonts = rpr.find(q("rFonts"))
    if fonts is None:
        return None
    # Vietnamese letters of the legacy fonts sit in the high-ANSI range: hAnsi first.
    return fonts.get(q("hAnsi")) or fonts.get(q("ascii"))


# ---------------------------------------------------------------- the walker


@dataclass
class _Para:
    text: list[str] = field(default_factory=list)
    boxes: list[str] = field(default_factory=list)  # text-box paragraphs
    bold: list[bool] = field(default_factory=list)


class _Walker:
    def __init__(self, styles: _Styles, numbering: Numbering | None = None) -> None:
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.n_tables = 0
        self.legacy: set[str] = set()

    # -- block level

    def container(self, element: Any) -> None:
        """Walk a body, a cell's content or a content control in document order."""
        for child in element:
            tag = child.tag
            if tag == q("p"):
                self.paragraph(child)
            elif tag == q("tbl"):
                self.table(child)
            elif tag in _TRANSPARENT:
                self.container(child)
            elif tag == _ALT:
                choice = _choice(child)
                if choice is not None:
                    self.container(choice)

    def paragraph(self, p: Any) -> None:
        para = self.para_text(p)
        style = _hint(p, para)
        for text in "".join(para.text).split("\n"):
            if text.strip():
                self.blocks.append(Line(text.rstrip(), Provenance(), style=style))
        for text in para.boxes:
            if text.strip():
                self.blocks.append(Line(text.rstrip(), Provenance()))

    def table(self, tbl: Any) -> None:
        rows = list(_rows(tbl))
        if len(rows) == 1 and any(_nested(tc) for tc in _cells(rows[0])):
            for tc in _cells(rows[0]):  # a layout wrapper: its contents stand on their own
                self.container(tc)
            return
        index = self.n_tables
        self.n_tables += 1
        table = Table(rows=[], prov=Provenance(table=index))
        open_cells: dict[int, Cell] = {}  # grid column -> cell a vertical merge continues
        for r, tr in enumerate(rows):
            table.rows.append(self.row(tr, r, index, open_cells))
        table.n_cols = max((c.prov.col or 0) + c.colspan for row in table.rows for c in row) if any(table.rows) else 0
        grid = tbl.find(q("tblGrid"))
        if grid is not None:
            table.n_cols = max(table.n_cols, len(grid.findall(q("gridCol"))))
        self.blocks.append(table)

    def row(self, tr: Any, r: int, index: int, open_cells: dict[int, Cell]) -> list[Cell]:
        cells: list[Cell] = []
        col = _int(tr.find(f"{q('trPr')}/{q('gridBefore')}"), 0)
        for tc in _cells(tr):
            pr = tc.find(q("tcPr"))
            span = _int(pr.find(q("gridSpan")) if pr is not None else None, 1)
            vmerge = pr.find(q("vMerge")) if pr is not None else None
            hmerge = pr.find(q("hMerge")) if pr is not None else None
            if vmerge is not None and vmerge.get(q("val")) != "restart" and col in open_cells:
                open_cells[col].rowspan += 1
                col += span
                continue
            if hmerge is not None and hmerge.get(q("val")) != "restart" and cells:
                cells[-1].colspan += span
                col += span
                continue
            cell = Cell(self.cell_text(tc), Provenance(table=index, row=r, col=col), colspan=span)
            cells.append(cell)
            for c in range(col, col + span):
                open_cells.pop(c, None)
            if vmerge is not None:
                open_cells[col] = cell
            col += span
        return cells

    def cell_text(self, tc: Any) -> str:
        lines: list[str] = []
        self._cell_lines(tc, lines)
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join(lines)

    def _cell_lines(self, element: Any, lines: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag == q("p"):
                para = self.para_text(child)
                lines.append("".join(para.text))
                lines.extend(para.boxes)
            elif tag == q("tbl"):  # nested table, flattened: a line per row
                for tr in _rows(child):
                    texts = [self.cell_text(tc).replace("\n", " ") for tc in _cells(tr)]
                    lines.append(" ".join(t for t in texts if t.strip()))
            elif tag in _TRANSPARENT:
                self._cell_lines(child, lines)
            elif tag == _ALT:
                choice = _choice(child)
                if choice is not None:
                    self._cell_lines(choice, lines)

    # -- inline level

    def para_text(self, p: Any) -> _Para:
        para = _Para()
        pstyle = p.find(f"{q('pPr')}/{q('pStyle')}")
        style_id = pstyle.get(q("val")) if pstyle is not None else self.styles.default_para
        para_font = self.styles.font(style_id)
        label = self.numbering.label(p, style_id) if self.numbering is not None else ""
        if label:  # Word draws the number (an STT, "II."); no run holds it
            para.text.append(label + " ")
        self._inline(p, para, para_font or self.styles.default_font)
        return para

    def _inline(self, element: Any, para: _Para, para_font: str | None) -> None:
        for child in element:
            tag = child.tag
            if tag == q("r"):
                self._run(child, para, para_font)
            elif tag in _TRANSPARENT:
                self._inline(child, para, para_font)
            elif tag == _ALT:
                choice = _choice(child)
                if choice is not None:
                    self._inline(choice, para, para_font)

    def _run(self, run: Any, para: _Para, para_font: str | None) -> None:
        rpr = run.find(q("rPr"))
        parts: list[str] = []
        for child in run:
            tag = child.tag
            if tag == q("t"):
                parts.append(child.text or "")
            elif tag == q("tab"):
                parts.append("\t")
            elif tag in (q("br"), q("cr")):
                parts.append("" if child.get(q("type")) == "page" else "\n")
            elif tag == q("noBreakHyphen"):
                parts.append("-")
            elif tag in (q("drawing"), q("pict"), _ALT):
                para.boxes.extend(self._boxes(child))
        text = "".join(parts)
        if not text:
            return
        font = _font_of(rpr)
        if font is None and rpr is not None:
            rstyle = rpr.find(q("rStyle"))
            font = self.styles.font(rstyle.get(q("val"))) if rstyle is not None else None
        encoding = font_encoding(font or para_font)
        if encoding:
            text = decode_font_text(text, encoding)
            self.legacy.add(encoding.split("-")[0])
        para.text.append(text)
        if text.strip():
            para.bold.append(rpr is not None and _on(rpr.find(q("b"))))

    def _boxes(self, element: Any) -> list[str]:
        """Paragraphs of the text boxes inside a drawing (the chosen branch only)."""
        out: list[str] = []
        for content in _iter_chosen(element, q("txbxContent")):
            for p in content.iter(q("p")):
                out.append("".join(self.para_text(p).text))
        return out


# ---------------------------------------------------------------- helpers


def _rows(tbl: Any) -> list[Any]:
    out: list[Any] = []
    for child in tbl:
        if child.tag == q("tr"):
            out.append(child)
        elif child.tag in _TRANSPARENT:
            out.extend(_rows(child))
    return out


def _cells(tr: Any) -> list[Any]:
    out: list[Any] = []
    for child in tr:
        if child.tag == q("tc"):
            out.append(child)
        elif child.tag in _TRANSPARENT:
            out.extend(_cells(child))
    return out


def _nested(tc: Any) -> bool:
    return tc.find(f".//{q('tbl')}") is not None


def _choice(alt: Any) -> Any:
    """The first `mc:Choice` of an AlternateContent (Word writes the fallback as a copy)."""
    for child in alt:
        if child.tag == f"{{{MC}}}Choice":
            return child
    return None


def _iter_chosen(element: Any, tag: str) -> list[Any]:
    """Elements `tag` under `element`, not looking into `mc:Fallback` copies."""
    found: list[Any] = []
    stack = [element]
    while stack:
        node = stack.pop()
        for child in node:
            if child.tag == f"{{{MC}}}Fallback":
                continue
            if child.tag == tag:
                found.append(child)
            else:
                stack.append(child)
    return found


def _int(element: Any, default: int) -> int:
    if element is None:
        return default
    try:
        return max(int(element.get(q("val"), default)), 0)
    except ValueError:
        return default


def _on(element: Any) -> bool:
    return element is not None and element.get(q("val"), "true") not in ("0", "false", "off")


def _hint(p: Any, para: _Para) -> str:
    jc = p.find(f"{q('pPr')}/{q('jc')}")
    pstyle = p.find(f"{q('pPr')}/{q('pStyle')}")
    if pstyle is not None and (pstyle.get(q("val")) or "").lower().startswith(("heading", "title")):
        return "heading"
    if para.bold and all(para.bold):
        return "bold"
    if jc is not None and jc.get(q("val")) == "center":
        return "center"
    return ""
