"""PDF: born-digital pages with pdfplumber, pages without a usable text layer by OCR.

    pre-pass (pypdfium2, fast)    open, refuse encrypted/corrupt files, count pages, and sort
                                  pages into text / needs-OCR / blank by their text layer
    text pages (pdfplumber)       per page, opened lazily and closed after use: the characters
                                  once; ruled tables (`find_tables`, lines strategy) with merged
                                  cells as spans; each character binned once into its cell or
                                  into the page's text; the rest grouped into lines
    OCR pages (ocr.py)            rendered and read by Tesseract into the same page structure
    layout.py                     page numbers and running headers dropped; header, signature
                                  and borderless tables recovered from column gaps; a table
                                  crossing pages joined into one

Respects `settings.max_pages` (the rest is left out with a warning: the document is partial).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from pathlib import Path
from typing import Any

from ..errors import DocumentLoadError
from ..model import Block, Cell, Document, Line, Provenance, Table
from ..settings import Settings
from .layout import GridTable, Page, Word, cell_text, drop_running, group_lines, join_pages, page_blocks
from .legacy import convert_text, legacy_text_encoding

_BAD = {"Co", "Cn", "Cs"}  # private use, unassigned, surrogates: glyphs without a real mapping


def read(path: Path, settings: Settings | None = None) -> Document:
    import pypdfium2 as pdfium  # noqa: PLC0415

    settings = settings or Settings()
    warnings: list[str] = []
    pdf = open_pdfium(path)
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise DocumentLoadError("the PDF has no pages")
        limit = min(n_pages, settings.max_pages)
        pages: dict[int, Page] = {}
        ruled: list[int] = []
        ocr_pages: list[int] = []
        for index in range(limit):
            try:
                kind, page = survey_page(pdf, index, settings)
            except pdfium.PdfiumError as exc:
                warnings.append(f"page {index + 1} could not be read: {exc}")
                continue
            if page is not None:
                pages[index] = page
            elif kind == "ruled":
                ruled.append(index)
            elif kind == "ocr":
                ocr_pages.append(index)
        if ruled:
            pages.update(read_text_pages(path, ruled, warnings))
            ocr_pages = sorted(ocr_pages + [i for i in ruled if i not in pages])  # no usable text after all
        if ocr_pages:
            from .ocr import ocr_pdf_pages  # noqa: PLC0415 - only for scans

            pages.update(ocr_pdf_pages(pdf, ocr_pages, settings, warnings))
    finally:
        pdf.close()
    ordered = [pages[i] for i in sorted(pages)]
    drop_running(ordered)
    blocks = join_pages([page_blocks(page) for page in ordered])
    legacy = _legacy_layer(blocks)
    if legacy:
        warnings.append(f"encoding:{legacy}")
    doc = Document(path=str(path), format="pdf-ocr" if ocr_pages else "pdf", blocks=blocks, n_pages=n_pages,
                   ocr=bool(ocr_pages))
    if n_pages > limit:
        warnings.append(f"only the first {limit} of {n_pages} pages were read (max_pages)")
    doc.warnings.extend(warnings)
    return doc


def _legacy_layer(blocks: list[Block]) -> str | None:
    """A text layer set in TCVN3 or VNI fonts ("Hµ Néi") is turned into Unicode, in place."""
    texts = [b.text for b in blocks if isinstance(b, Line)]
    texts += [c.text for b in blocks if isinstance(b, Table) for row in b.rows for c in row]
    encoding = legacy_text_encoding("\n".join(texts))
    if encoding is None:
        return None
    for block in blocks:
        if isinstance(block, Line):
            block.text = convert_text(block.text, encoding)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    cell.text = convert_text(cell.text, encoding)
    return encoding


# ---------------------------------------------------------------- pre-pass


def open_pdfium(path: Path) -> Any:
    import pypdfium2 as pdfium  # noqa: PLC0415

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise DocumentLoadError("PDF is encrypted (password protected): it cannot be read") from exc
        if "format" in message.lower() or "file" in message.lower():
            raise DocumentLoadError(f"corrupt or truncated PDF: {message}") from exc
        if "success" in message.lower():  # PDFium gave up without an error code
            raise DocumentLoadError("damaged PDF: no readable pages or structure") from exc
        raise DocumentLoadError(f"cannot open the PDF: {message}") from exc


def survey_page(pdf: Any, index: int, settings: Settings) -> tuple[str, Page | None]:
    """What a page needs, from pdfium's fast look at it:

    * 'plain': a usable text layer and no drawn lines, so no ruled table: the page is read here
      from pdfium's characters (returned), without the slower pdfplumber parse;
    * 'ruled': a usable text layer and drawn lines: pdfplumber finds the tables;
    * 'ocr': something shown without a usable text layer (a scan, glyphs that map to nothing);
    * 'blank': nothing at all.
    """
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415

    page = pdf[index]
    try:
        kinds = {obj.type for obj in page.get_objects(max_depth=2)}
        if {pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT} <= kinds:
            return "ruled", None  # pdfplumber reads it; its text layer is judged there
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            good = sum(1 for ch in text if ch.isalnum() and unicodedata.category(ch) not in _BAD)
            short = good < settings.min_text_chars_per_page
            if not kinds:
                return "blank", None
            if _usable(text) and (not short or pdfium_c.FPDF_PAGEOBJ_IMAGE not in kinds):
                if pdfium_c.FPDF_PAGEOBJ_PATH in kinds:
                    return "ruled", None
                width, height = page.get_size()
                result = Page(number=index + 1, width=float(width), height=float(height))
                result.lines = group_lines(pdfium_words(textpage, float(height)))
                return "plain", result
            return "ocr", None
        finally:
            textpage.close()
    finally:
        page.close()


def _usable(text: str) -> bool:
    good = sum(1 for ch in text if ch.isalnum() and unicodedata.category(ch) not in _BAD)
    bad = sum(1 for ch in text if ch == "\ufffd" or unicodedata.category(ch) in _BAD) + 5 * text.count("(cid:")
    return good > 0 and bad <= 0.3 * (good + bad)


def pdfium_words(textpage: Any, height: float) -> list[Word]:
    """Words from pdfium's characters: split at white space (pdfium adds spaces and line breaks
    where the layout has them) and at gaps; boxes one font size tall, in top-down points."""
    import ctypes  # noqa: PLC0415

    import pypdfium2.raw as pdfium_c  # noqa: PLC0415

    raw = textpage.raw
    box = pdfium_c.FS_RECTF()
    words: list[Word] = []
    chars: list[str] = []
    x0 = top = x1 = bottom = 0.0

    def flush() -> None:
        if chars:
            words.append(Word(unicodedata.normalize("NFC", "".join(chars)), x0, top, x1, bottom))
            chars.clear()

    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        ch = chr(pdfium_c.FPDFText_GetUnicode(raw, i))
        if ch.isspace() or ch in "\x00\x02\ufffe":
            flush()
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, i, ctypes.byref(box))
        # a font-size tall box about the loose box's middle, as pdfplumber measures characters
        middle, half = height - (box.top + box.bottom) / 2, pdfium_c.FPDFText_GetFontSize(raw, i) / 2
        c_top, c_bottom = middle - half, middle + half
        if chars and (box.left - x1 > 0.25 * (bottom - top) or abs(c_top - top) > 0.5 * (bottom - top)):
            flush()
        if not chars:
            x0, top, x1, bottom = box.left, c_top, box.right, c_bottom
        else:
            x1, top, bottom = max(x1, box.right), min(top, c_top), max(bottom, c_bottom)
        chars.append(ch)
    flush()
    return words


# ---------------------------------------------------------------- text pages


def read_text_pages(path: Path, indexes: list[int], warnings: list[str]) -> dict[int, Page]:
    import pdfplumber  # noqa: PLC0415
    from pdfminer.pdfexceptions import PDFException, PSException  # noqa: PLC0415
    from pdfplumber.utils.exceptions import PdfminerException  # noqa: PLC0415

    errors = (PdfminerException, PSException, PDFException)
    out: dict[int, Page] = {}
    try:
        pdf = pdfplumber.open(path, pages=[i + 1 for i in indexes])
    except errors as exc:
        raise DocumentLoadError(f"corrupt PDF (pdfminer cannot parse it): {exc}") from exc
    with pdf:
        for index, page in zip(indexes, pdf.pages, strict=True):
            try:
                found = read_page(page)
                if found is not None:
                    out[index] = found
            except errors as exc:
                warnings.append(f"page {index + 1} could not be read: {exc}")
            finally:
                page.close()
    return out


def read_page(page: Any) -> Page | None:
    """One born-digital page: its ruled tables and its text lines; None when its text layer is
    not usable (glyphs without a Unicode mapping: "(cid:12)", private-use characters)."""
    from pdfplumber.utils import extract_words  # noqa: PLC0415

    chars = [c for c in page.chars if c["text"].strip()]
    if not _usable("".join(c["text"] for c in chars)):
        return None
    result = Page(number=page.page_number, width=float(page.width), height=float(page.height))
    tables = [t for t in page.find_tables() if len(t.cells) >= 2]
    binned: list[list[dict[str, Any]]] = [[] for _ in tables]
    outside: list[dict[str, Any]] = []
    boxes = [t.bbox for t in tables]
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for k, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= cx < x1 and top <= cy < bottom:
                binned[k].append(ch)
                break
        else:
            outside.append(ch)
    for table, table_chars in zip(tables, binned, strict=True):
        result.tables.append(grid_table(table.cells, table_chars, page.page_number))
    words = [Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in extract_words(outside)]
    result.lines = group_lines(words)
    return result


def _cluster(values: list[float], tolerance: float = 1.5) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(bounds: list[float], value: float) -> int:
    """Index of the boundary nearest to `value`."""
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - value))


def grid_table(cells: list[tuple[float, float, float, float]], chars: list[dict[str, Any]], page: int) -> GridTable:
    """pdfplumber's cell boxes to a Table with spans; each character binned into its cell."""
    from pdfplumber.utils import extract_text  # noqa: PLC0415

    xs = _cluster([c[0] for c in cells] + [c[2] for c in cells])
    ys = _cluster([c[1] for c in cells] + [c[3] for c in cells])
    placed: list[tuple[int, int, int, int, tuple[float, float, float, float]]] = []  # row, col, spans, bbox
    owner: dict[tuple[int, int], int] = {}
    for bbox in sorted(cells, key=lambda b: (b[1], b[0])):
        c0, c1 = _index(xs, bbox[0]), _index(xs, bbox[2])
        r0, r1 = _index(ys, bbox[1]), _index(ys, bbox[3])
        if c1 <= c0 or r1 <= r0:
            continue
        k = len(placed)
        placed.append((r0, c0, r1 - r0, c1 - c0, (bbox[0], bbox[1], bbox[2], bbox[3])))
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner.setdefault((r, c), k)
    texts: list[list[dict[str, Any]]] = [[] for _ in placed]
    for ch in chars:
        r = bisect_right(ys, (ch["top"] + ch["bottom"]) / 2) - 1
        c = bisect_right(xs, (ch["x0"] + ch["x1"]) / 2) - 1
        k = owner.get((r, c), -1)
        if k >= 0:
            texts[k].append(ch)
    n_rows = len(ys) - 1
    rows: list[list[Cell]] = [[] for _ in range(n_rows)]
    for k, (r, c, rowspan, colspan, bbox) in enumerate(placed):
        text = cell_text(unicodedata.normalize("NFC", extract_text(texts[k])).split("\n")) if texts[k] else ""
        rows[r].append(Cell(text, Provenance(page=page, row=r, col=c, bbox=bbox), colspan=colspan,
                            rowspan=rowspan))
    kept: list[list[Cell]] = []
    for row in rows:
        if row:
            row.sort(key=lambda cell: cell.prov.col or 0)
            kept.append([_renumber(cell, len(kept)) for cell in row])
    table = Table(rows=kept, prov=Provenance(page=page, bbox=(xs[0], ys[0], xs[-1], ys[-1])), n_cols=len(xs) - 1)
    return GridTable(table, xs, ys[0], ys[-1])


def _renumber(cell: Cell, row: int) -> Cell:
    from dataclasses import replace  # noqa: PLC0415

    return replace(cell, prov=replace(cell.prov, row=row))
