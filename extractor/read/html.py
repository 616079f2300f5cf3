"""HTML pages saved from legal portals (thuvienphapluat.vn, vbpl.vn and the like), with lxml.

* Charset: BOM, then the `<meta charset>` / `http-equiv` declaration, then the text decoders
  (UTF-8, UTF-16, Windows-1258, TCVN3, VNI, mojibake repair).
* The page's chrome is dropped: scripts, styles, forms, navigation, header and footer, menus,
  breadcrumbs, side columns, hidden tabs. The document itself is looked for in the portals'
  content containers; failing those, the element holding most paragraph and table text; then
  the body.
* Paragraphs, headings, list items and `<br>` make Lines; tables make Tables with `colspan` and
  `rowspan` honoured (grid columns account for cells spanning down from rows above). Nested
  tables follow the DOCX rule: a one-row table holding tables is a layout wrapper whose cells
  are read as blocks; elsewhere a nested table is flattened into its cell, a line per row.
* Text in legacy fonts (`<font face=".VnTime">`, `font-family: VNI-Times`) is converted.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DocumentLoadError
from ..model import Block, Cell, Document, Line, Provenance, Table
from ..settings import Settings
from .encoding import decode, fix_mojibake
from .legacy import decode_font_text, font_encoding

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_LEGACY_FACE = re.compile(rb"""(face|font-family)\s*[:=]\s*["']?\s*(\.?Vn[A-Z]|VNI[- ])""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "form",
              "input", "button", "select", "textarea", "nav", "header", "footer", "aside", "head", "link", "meta",
              "title", "map", "audio", "video"}
_JUNK = re.compile(
    r"^(header|footer|menu|mainmenu|topmenu|nav|navbar|navigation|breadcrumbs?|sidebar|right-?col|rightcol|"
    r"banner|ads?|advert\w*|quang-?cao|share|social|comments?|related|tabs|login|search|cookie\w*|popup|modal|"
    r"toolbar|lienquan|vb-?lienquan|news)$", re.I,
)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_FONT_FAMILY = re.compile(r"font-family\s*:\s*([^;]+)", re.I)
# Content containers of the legal portals, most specific first.
_CONTAINERS = ("toanvancontent", "divContentDoc", "content1", "fulltext", "toanvan", "vbContent", "noidung",
               "content-doc", "doc-content")
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "section",
          "article", "main", "center", "address", "ul", "ol", "dl", "hr", "body", "figure", "figcaption", "caption"}
_SPACE = re.compile(r"[ \t\r\n\f]+")


def read(path: Path, settings: Settings | None = None) -> Document:
    from lxml import etree  # noqa: PLC0415 - first needed here
    from lxml import html as lhtml  # noqa: PLC0415

    text, encoding = decode_html(path.read_bytes())
    text = unicodedata.normalize("NFC", _XML_DECL.sub("", text, count=1))
    if not text.strip():
        raise DocumentLoadError("empty HTML page")
    try:
        root = lhtml.document_fromstring(text)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise DocumentLoadError(f"cannot parse the HTML page: {exc}") from exc
    body = root.find("body")
    _strip_junk(root)
    container = find_content(root if body is None else body)
    walker = _Walker()
    walker.walk(container)
    walker.flush()
    doc = Document(path=str(path), format="html", blocks=walker.blocks)
    if encoding not in ("utf-8", "utf-8-sig"):
        doc.warnings.append(f"encoding:{encoding}")
    doc.warnings.extend(f"encoding:{name}" for name in sorted(walker.legacy))
    return doc


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and the encoding used: BOM, declared charset, then the text decoders."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)
    found = _META_CHARSET.search(data[:8192])
    if found:
        name = found.group(1).decode("ascii", "ignore").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = ""
        if codec and codec not in ("utf-8", "ascii", "latin-1", "iso8859-1", "cp1252"):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
    # Declared UTF-8, Latin-1 or nothing: let the decoders judge (pages declaring Latin-1 often
    # hold UTF-8 or TCVN3 bytes). A page set in legacy fonts holds their bytes as Windows-1252
    # characters, converted font by font later.
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        if _LEGACY_FACE.search(data):
            return data.decode("cp1252", errors="replace"), "cp1252"
    text, encoding = decode(data)
    return fix_mojibake(text), encoding


# ---------------------------------------------------------------- the page's chrome


def _strip_junk(root: Any) -> None:
    drop = []
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            drop.append(el)
            continue
        tag = el.tag.lower()
        if tag in _DROP_TAGS or el.get("hidden") is not None or _HIDDEN.search(el.get("style") or ""):
            drop.append(el)
            continue
        if any(_JUNK.match(n) for n in _names(el) if n) and not _holds_container(el):
            drop.append(el)
    for el in drop:
        if el.getparent() is not None:
            el.drop_tree()


def _holds_container(el: Any) -> bool:
    return any(_is_container(d) for d in el.iter() if isinstance(d.tag, str))


def _names(el: Any) -> list[str]:
    """An element's classes and id."""
    return [*(el.get("class") or "").split(), el.get("id") or ""]


def _is_container(el: Any) -> bool:
    return any(n in _CONTAINERS for n in _names(el))


def find_content(body: Any) -> Any:
    """The element holding the document: a known container, else the densest, else the body."""
    for name in _CONTAINERS:
        for el in body.iter():
            if isinstance(el.tag, str) and name in _names(el) and len(el.text_content().strip()) >= 100:
                return el
    scores: dict[Any, float] = {}
    for el in body.iter("p", "table", "h1", "h2", "h3"):
        size = len(el.text_content().strip())
        parent = el.getparent()
        if parent is None or size == 0:
            continue
        scores[parent] = scores.get(parent, 0.0) + size
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + size / 2
    if not scores:
        return body
    best = max(scores, key=lambda el: scores[el])
    total = len(body.text_content().strip()) or 1
    return best if scores[best] >= 0.3 * total else body


# ---------------------------------------------------------------- walking the content


@dataclass
class _Walker:
    blocks: list[Block] = field(default_factory=list)
    line: list[str] = field(default_factory=list)
    n_tables: int = 0
    legacy: set[str] = field(default_factory=set)

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.line)).strip()
        if text:
            self.blocks.append(Line(text, Provenance()))
        self.line = []

    def walk(self, el: Any, font: str | None = None) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        font = _font(el) or font
        if tag == "table":
            self.flush()
            self.table(el, font)
        elif tag == "br":
            self.flush()
        else:
            block = tag in _BLOCK
            if block:
                self.flush()
            if el.text:
                self.line.append(self._text(el.text, font))
            for child in el:
                self.walk(child, font)
                if child.tail:
                    self.line.append(self._text(child.tail, font))
            if block:
                self.flush()

    def _text(self, text: str, font: str | None) -> str:
        encoding = font_encoding(font)
        if encoding:
            self.legacy.add(encoding.split("-")[0])
            return decode_font_text(text, encoding)
        return text

    def table(self, el: Any, font: str | None) -> None:
        rows = _rows(el)
        if len(rows) == 1 and any(cell.find(".//table") is not None for cell in _cells(rows[0])):
            for cell in _cells(rows[0]):  # a layout wrapper
                self.walk_children(cell, font)
            return
        index = self.n_tables
        self.n_tables += 1
        table = Table(rows=[], prov=Provenance(table=index))
        taken: set[tuple[int, int]] = set()  # grid positions covered by cells from rows above
        for r, tr in enumerate(rows):
            row: list[Cell] = []
            col = 0
            for td in _cells(tr):
                while (r, col) in taken:
                    col += 1
                colspan, rowspan = _span(td, "colspan"), _span(td, "rowspan")
                row.append(Cell(self.cell_text(td, font), Provenance(table=index, row=r, col=col),
                                colspan=colspan, rowspan=min(rowspan, len(rows) - r)))
                for dr in range(rowspan):
                    for dc in range(colspan):
                        taken.add((r + dr, col + dc))
                col += colspan
            table.rows.append(row)
        table.n_cols = max((c.prov.col or 0) + c.colspan for row in table.rows for c in row) if any(table.rows) else 0
        self.blocks.append(table)

    def walk_children(self, el: Any, font: str | None) -> None:
        self.flush()
        if el.text:
            self.line.append(self._text(el.text, font))
        for child in el:
            self.walk(child, font)
            if child.tail:
                self.line.append(self._text(child.tail, font))
        self.flush()

    def cell_text(self, td: Any, font: str | None) -> str:
        inner = _CellWalker(legacy=self.legacy)
        inner.walk_children(td, _font(td) or font)
        return "\n".join(inner.lines)


@dataclass
class _CellWalker(_Walker):
    """Collects a cell's lines; a nested table becomes a line per row."""

    lines: list[str] = field(default_factory=list)

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.line)).strip()
        if text:
            self.lines.append(text)
        self.line = []

    def table(self, el: Any, font: str | None) -> None:
        for tr in _rows(el):
            texts = [self.cell_text(td, font).replace("\n", " ") for td in _cells(tr)]
            self.lines.append(" ".join(t for t in texts if t.strip()))


def _rows(table: Any) -> list[Any]:
    out: list[Any] = []
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            out.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            out.extend(c for c in child if isinstance(c.tag, str) and c.tag.lower() == "tr")
    return out


def _cells(tr: Any) -> list[Any]:
    return [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]


def _span(td: Any, name: str) -> int:
    try:
        return min(max(int((td.get(name) or "1").strip() or 1), 1), 1000)
    except ValueError:
        return 1


def _font(el: Any) -> str | None:
    face = el.get("face")
    if face:
        return str(face)
    found = _FONT_FAMILY.search(el.get("style") or "")
    if found:
        return found.group(1).split(",")[0].strip().strip("'\"")
    return None
