"""OCR for pages without a usable text layer (scanned PDFs) and for images, with Tesseract.

One page, as small stages:

    render        pypdfium2 at `settings.ocr_dpi` (images: as stored, upscaled when coarse)
    skew          the page's skew from a projection profile of a half-size copy
    rules         table rules found on the deskewed half-size copy (long dark runs), mapped
                  back to the page and painted out so Tesseract reads the text, not the lines
    tesseract     one `tesseract ... tsv` call per page (words, boxes, confidences)
    grid          the rules make a table grid (merged cells where a rule is missing); each
                  word, turned into the deskewed frame, goes to its cell or to the page's lines

The pages then go through the same layout stages as born-digital pages (`layout.py`).
Confidence (0-1) is kept on every Cell and Line. A missing `tesseract` or language model is a
`MissingToolError` naming the packages to install.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
import unicodedata
import warnings as warnings_module
from bisect import bisect_right
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import DocumentLoadError, MissingToolError
from ..model import Cell, Document, Provenance, Table
from ..settings import Settings
from .layout import GridTable, Page, TextLine, Word, cell_text, drop_running, group_lines, join_pages, page_blocks
from .lexicon import repair_tones, repair_type_words
from .ruling import erase_rules, estimate_skew, find_rules, grid_tables, rotate

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"
_JUNK = set("|_[]‡¦¦!:;'`.,~^*-—–=“”\"")


# ---------------------------------------------------------------- entry points


def read(path: Path, settings: Settings | None = None) -> Document:
    """An image file (PNG, JPEG, TIFF; every frame of a multi-page TIFF) read by OCR.

    The format is reported as `pdf-ocr`: the SPEC's name for a document read without a text
    layer (it has no separate name for images).
    """
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415
    from PIL.Image import DecompressionBombError  # noqa: PLC0415

    settings = settings or Settings()
    check_tesseract(settings.ocr_lang)
    warnings: list[str] = []
    deadline = time.monotonic() + settings.file_timeout_s
    try:
        with warnings_module.catch_warnings():
            # Huge images are scaled down below; Pillow's bomb warning would only go to stderr.
            warnings_module.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                n_frames = getattr(img, "n_frames", 1)
                reads = []
                for frame in range(min(n_frames, settings.max_pages)):
                    img.seek(frame)
                    gray, dpi = _page_scale(img.convert("L"), _image_dpi(img))
                    reads.append(read_page(gray, dpi, frame + 1, settings, deadline))
                pages = finish_pages(reads, settings, deadline)
    except (UnidentifiedImageError, DecompressionBombError, OSError, SyntaxError) as exc:  # broken or huge
        raise DocumentLoadError(f"cannot read the image: {exc}") from exc
    if n_frames > settings.max_pages:
        warnings.append(f"only the first {settings.max_pages} of {n_frames} pages were read (max_pages)")
    drop_running(pages)
    doc = Document(path=str(path), format="pdf-ocr", blocks=join_pages([page_blocks(p) for p in pages]),
                   n_pages=n_frames, ocr=True)
    doc.warnings.extend(warnings)
    return doc


def ocr_pdf_pages(pdf: Any, indexes: list[int], settings: Settings, warnings: list[str]) -> dict[int, Page]:
    """OCR the given 0-based pages of an open pypdfium2 document."""
    import pypdfium2 as pdfium  # noqa: PLC0415

    check_tesseract(settings.ocr_lang)
    deadline = time.monotonic() + settings.file_timeout_s
    reads: dict[int, _PageRead] = {}
    sizes: dict[int, tuple[float, float]] = {}
    threads = max(1, settings.ocr_threads)
    # Pages are rendered one by one (pdfium is not thread-safe) and OCRed by up to `threads`
    # tesseract processes at once; at most `threads` rendered pages wait in memory.
    with ThreadPoolExecutor(max_workers=threads) as pool:
        pending: list[tuple[int, Future[_PageRead]]] = []
        for index in indexes:
            page = pdf[index]
            try:
                sizes[index] = page.get_size()
                bitmap = page.render(scale=settings.ocr_dpi / 72, grayscale=True)
                image = bitmap.to_pil().convert("L")
                bitmap.close()
            except pdfium.PdfiumError as exc:
                warnings.append(f"page {index + 1} could not be rendered for OCR: {exc}")
                continue
            finally:
                page.close()
            if len(pending) >= threads:
                done, future = pending.pop(0)
                reads[done] = future.result()
            pending.append((index, pool.submit(read_page, image, settings.ocr_dpi, index + 1, settings, deadline)))
        for done, future in pending:
            reads[done] = future.result()
    pages = finish_pages(list(reads.values()), settings, deadline)
    for index, page in zip(reads, pages, strict=True):
        page.width, page.height = (float(v) for v in sizes[index])
    return dict(zip(reads, pages, strict=True))


# ---------------------------------------------------------------- the tool


@lru_cache(maxsize=8)
def _languages(exe: str) -> frozenset[str]:
    try:
        done = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise MissingToolError(f"Tesseract does not run ({exc}): {INSTALL_HINT}") from exc
    lines = (done.stdout + done.stderr).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip())


def check_tesseract(lang: str) -> str:
    """The tesseract executable, after checking it has every model `lang` names."""
    exe = shutil.which("tesseract")
    if not exe:
        raise MissingToolError(f"Tesseract is needed to read scanned pages and images: {INSTALL_HINT}")
    missing = [code for code in lang.split("+") if code not in _languages(exe)]
    if missing:
        raise MissingToolError(f"Tesseract has no '{'+'.join(missing)}' language model: "
                               f"apt-get install {' '.join('tesseract-ocr-' + m for m in missing)}")
    return exe


def tesseract_words(image: Any, dpi: int, lang: str, timeout_s: float, psm: str = "3", *,
                    options: tuple[str, ...] = ()) -> list[Word]:
    """Every word Tesseract reads, in pixels of `image`, with its confidence (0-1)."""
    return tesseract_pages([image], dpi, lang, timeout_s, psm, options=options)[0]


def tesseract_pages(images: list[Any], dpi: int, lang: str, timeout_s: float, psm: str = "3", *,
                    options: tuple[str, ...] = ()) -> list[list[Word]]:
    """The words of each image, each read as a page of its own, in one tesseract call."""
    if not images:
        return []
    exe = check_tesseract(lang)
    # One thread: Tesseract's OpenMP threads fight over the cores and make a page slower.
    env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
    # Pages go through uncompressed files: Tesseract reads stdin through a slow C++ stream
    # (+0.2 s for a 300-dpi page, measured in benchmarks/profile_ocr.py). Several pages go as
    # a list file, so one process (one start, one model load) reads them all.
    with tempfile.TemporaryDirectory(prefix="vn-ocr-") as folder:
        names = []
        for i, image in enumerate(images):
            names.append(os.path.join(folder, f"{i}.ppm"))
            image.save(names[-1], format="PPM")
        source = names[0]
        if len(names) > 1:
            source = os.path.join(folder, "pages.txt")
            Path(source).write_text("\n".join(names) + "\n", encoding="utf-8")
        cmd = [exe, source, "stdout", "-l", lang, "--dpi", str(dpi), "--psm", psm, *options, "tsv"]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=max(timeout_s, 1.0), check=False, env=env)
        except subprocess.TimeoutExpired as exc:
            raise DocumentLoadError("OCR took longer than the file time limit") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DocumentLoadError(f"Tesseract failed: {message[-1] if message else done.returncode}")
    pages: list[list[Word]] = [[] for _ in images]
    for row in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5" or not 1 <= int(parts[1]) <= len(images):
            continue
        text, conf = parts[11].strip(), float(parts[10]) / 100
        if not text or conf < 0 or _junk(text, conf):
            continue
        left, top, width, height = (float(v) for v in parts[6:10])
        pages[int(parts[1]) - 1].append(Word(text, left, top, left + width, top + height, conf))
    return pages


def median3(image: Any) -> Any:
    """Exact 3x3 median of an 8-bit image, edges replicated: PIL's MedianFilter(3), ~100x faster
    (OpenCV's SIMD median; 0.002 s for a 300-dpi page, against 0.05 in numpy, 0.36 in PIL)."""
    import cv2  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415
    from PIL import Image  # noqa: PLC0415

    cv2.setNumThreads(1)  # a worker per core already: OpenCV's own threads would only compete
    return Image.fromarray(cv2.medianBlur(np.asarray(image, dtype=np.uint8), 3), "L")


_MAX_SIDE = 5000  # pixels: an A4 page at 300 dpi is 2480 x 3508


def _page_scale(gray: Any, dpi: int) -> tuple[Any, int]:
    """A page image at about 300 dpi for Tesseract, never larger than _MAX_SIDE pixels a side.

    A low dpi is scaled up (Tesseract wants ~300 dpi text) unless the image is already large
    (a big image labelled 72 dpi is a scan whose dpi was lost); a huge one is scaled down.
    """
    from PIL import Image  # noqa: PLC0415

    factor = 300 / dpi if dpi < 200 else 1.0
    longest = max(gray.width, gray.height)
    factor = min(factor, _MAX_SIDE / longest) if longest * factor > _MAX_SIDE else factor
    if abs(factor - 1.0) < 0.01:
        return gray, dpi
    size = (max(1, round(gray.width * factor)), max(1, round(gray.height * factor)))
    return gray.resize(size, Image.Resampling.BICUBIC), max(72, round(dpi * factor))


def _image_dpi(img: Any) -> int:
    dpi = img.info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        value = 0
    return value if 50 <= value <= 1200 else 300


# ---------------------------------------------------------------- one page


@dataclass
class _Grid:
    """A ruled table on the page (points, deskewed frame) and the words of each cell."""

    xs: list[float]
    ys: list[float]
    cells: list[tuple[int, int, int, int]]  # row, col, rowspan, colspan
    words: list[list[Word]]

    def __post_init__(self) -> None:
        self.owner = {(r, c): k for k, (r0, c0, rs, cs) in enumerate(self.cells)
                      for r in range(r0, r0 + rs) for c in range(c0, c0 + cs)}
        self.strip: dict[int, list[Word]] = {}  # cell -> words of the second, cell-by-cell reading

    def narrow(self, k: int) -> bool:
        """A cell of a narrow first column (STT)."""
        _r, c, _rs, cs = self.cells[k]
        return c == 0 and self.xs[c + cs] - self.xs[c] < 0.12 * (self.xs[-1] - self.xs[0])

    def cell_at(self, x: float, y: float) -> int:
        if not (self.xs[0] <= x < self.xs[-1] and self.ys[0] <= y < self.ys[-1]):
            return -1
        return self.owner.get((bisect_right(self.ys, y) - 1, bisect_right(self.xs, x) - 1), -1)

    def box(self, k: int) -> tuple[float, float, float, float]:
        r, c, rs, cs = self.cells[k]
        return self.xs[c], self.ys[r], self.xs[c + cs], self.ys[r + rs]


@dataclass
class _PageRead:
    """A page read by Tesseract whose doubtful table cells (`pieces`) still wait for the strip."""

    page: Page
    grids: list[_Grid]
    frame: _Frame
    dpi: int
    paper: int
    pieces: list[tuple[_Grid, int, Any]]  # (grid, cell, the cell's crop of the cleaned page)


def read_page(image: Any, dpi: int, number: int, settings: Settings, deadline: float) -> _PageRead:
    """One page through Tesseract; its tables wait for `finish_pages` (the strip of cells)."""
    import numpy as np  # noqa: PLC0415

    half = image.reduce(2) if image.width > 1600 else image
    scale = image.width / half.width
    small = np.asarray(half, dtype=np.uint8)
    angle = estimate_skew(small)
    paper = int(np.median(small[::4, ::4]))
    straight = half.rotate(angle, resample=2, fillcolor=paper) if abs(angle) >= 0.05 else half
    rules = find_rules(np.asarray(straight, dtype=np.uint8))
    # specks make Tesseract misread tone marks: a median filter takes them out
    cleaned = erase_rules(median3(image), rules, angle, scale, paper=paper,
                          width=max(5, dpi // 30))
    pt = 72 / dpi
    frame = _Frame(centre=(image.width / 2, image.height / 2), angle=angle, pt=pt)
    words = [frame.to_points(w) for w in tesseract_words(cleaned, dpi, settings.ocr_lang, _left(deadline))
             if (w.conf or 0) >= 0.1]
    grids = [_Grid(xs, ys, cells, [[] for _ in cells])
             for xs, ys, cells in grid_tables([r.scaled(scale * pt) for r in rules])]
    outside: list[Word] = []
    for word in words:
        cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        for grid in grids:
            k = grid.cell_at(cx, cy)
            if k >= 0:
                grid.words[k].append(word)
                break
        else:
            outside.append(word)
    pieces = _doubtful_cells(cleaned, grids, frame, dpi=dpi)
    outside += _missing_numbers(cleaned, outside, frame, dpi=dpi, lang=settings.ocr_lang, deadline=deadline)
    page = Page(number=number, width=image.width * pt, height=image.height * pt, lines=_read_lines(outside))
    return _PageRead(page, grids, frame, dpi, paper, pieces)


def finish_pages(reads: list[_PageRead], settings: Settings, deadline: float) -> list[Page]:
    """The pages with their tables, once every page's doubtful cells are read again: each page's
    strip is read as Tesseract reads a page of its own, but all in one call (a call costs a
    start, ~0.06 s)."""
    for dpi in sorted({r.dpi for r in reads}):
        pending = [r for r in reads if r.dpi == dpi and r.pieces]
        strips = [_strip(r.pieces, dpi, r.paper) for r in pending]
        found = tesseract_pages([image for image, _ in strips], dpi, settings.ocr_lang, _left(deadline), psm="6")
        for r, (_image, spans), words in zip(pending, strips, found, strict=True):
            _place_strip(r, spans, words, gap=dpi // 6)
    for r in reads:
        r.page.tables = [_grid_table(grid, r.page.number) for grid in r.grids]
    return [r.page for r in reads]


_NUMBER = re.compile(r"^(\d{1,3})[.)]?$")


def _missing_numbers(image: Any, words: list[Word], frame: _Frame, *, dpi: int, lang: str,
                     deadline: float) -> list[Word]:
    """STT numbers of a table without rules that the page pass dropped ("1.", "3." read, "2."
    lost, so rows 1 and 2 would run together): when the numbers down one column skip, that
    column is read again on its own (`--psm 6`) and the numbers that fill the gaps are added.
    One more tesseract call, only for a page whose numbers skip."""
    numbers = [w for w in words if _NUMBER.match(w.text)]
    if len(numbers) < 2:
        return []
    column = max(([w for w in numbers if abs(w.x0 - a.x0) <= 6] for a in numbers), key=len)
    column.sort(key=lambda w: w.top)
    values = [int(m.group(1)) for w in column if (m := _NUMBER.match(w.text))]
    if len(column) < 2 or all(b - a == 1 for a, b in pairwise(values)) or any(b <= a for a, b in pairwise(values)):
        return []
    x0, x1 = min(w.x0 for w in column) - 8, max(w.x1 for w in column) + 8
    left, top, right, bottom = frame.to_pixels((x0, column[0].top - 4, x1, column[-1].bottom + 4))
    left, top = max(0, left), max(0, top)
    found: list[Word] = []
    # digits only: the Vietnamese model reads a lone "2." as a word ("lây"); English, when
    # installed (it comes with tesseract), reads digits better
    digits_lang = "eng" if "eng" in _languages(check_tesseract(lang)) else lang
    crop = image.crop((left, top, right, bottom))
    for word in tesseract_words(crop, dpi, digits_lang, _left(deadline), psm="6",
                                options=("-c", "tessedit_char_whitelist=0123456789.)")):
        m = _NUMBER.match(word.text)
        if not m or not values[0] < int(m.group(1)) < values[-1] or int(m.group(1)) in values:
            continue
        placed = frame.to_points(Word(word.text, word.x0 + left, word.top + top, word.x1 + left, word.bottom + top,
                                      word.conf))
        if all(abs(placed.top - w.top) > 4 for w in column):
            found.append(placed)
    return found


def _left(deadline: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise DocumentLoadError("OCR took longer than the file time limit")
    return remaining


@dataclass
class _Frame:
    """Page pixels <-> points of the deskewed page."""

    centre: tuple[float, float]
    angle: float
    pt: float

    def to_points(self, word: Word) -> Word:
        cx, cy = rotate(((word.x0 + word.x1) / 2, (word.top + word.bottom) / 2), self.centre, self.angle)
        w, h = (word.x1 - word.x0) / 2, (word.bottom - word.top) / 2
        p = self.pt
        return Word(word.text, (cx - w) * p, (cy - h) * p, (cx + w) * p, (cy + h) * p, word.conf)

    def to_pixels(self, box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        """The page-pixel bounding box of a deskewed box given in points."""
        x0, y0, x1, y1 = (v / self.pt for v in box)
        corners = [rotate(c, self.centre, -self.angle) for c in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        return round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys))


def _doubtful_cells(image: Any, grids: list[_Grid], frame: _Frame, *, dpi: int) -> list[tuple[_Grid, int, Any]]:
    """The cells page segmentation gets wrong, cut out of the page: Tesseract drops a lone STT
    ("1", "II") in a narrow column among specks, and loses cells whose text it merged with a
    neighbour's. So every narrow-column cell, and every cell left empty that has ink."""
    pieces: list[tuple[_Grid, int, Any]] = []
    inset = max(4, dpi // 45)
    for grid in grids:
        for k in range(len(grid.cells)):
            if grid.words[k] and not grid.narrow(k):
                continue
            x0, y0, x1, y1 = frame.to_pixels(grid.box(k))
            if x1 - x0 <= 3 * inset or y1 - y0 <= 3 * inset:
                continue
            crop = image.crop((x0 + inset, y0 + inset, x1 - inset, y1 - inset))
            if _ink(crop) >= 0.002:
                pieces.append((grid, k, crop))
    return pieces


def _strip(pieces: list[tuple[_Grid, int, Any]], dpi: int, paper: int) -> tuple[Any, list[tuple[int, int]]]:
    """A page's doubtful cells stacked in a strip on the paper's shade, to be read as one block
    (`--psm 6`); and where each cell lies in it."""
    from PIL import Image  # noqa: PLC0415

    gap = dpi // 6
    size = (max(p[2].width for p in pieces) + 2 * gap, sum(p[2].height + gap for p in pieces) + gap)
    strip = Image.new("L", size, paper)
    spans = []
    y = gap
    for _grid, _k, crop in pieces:
        strip.paste(crop, (gap, y))
        spans.append((y, y + crop.height))
        y += crop.height + gap
    return strip, spans


def _place_strip(read: _PageRead, spans: list[tuple[int, int]], words: list[Word], gap: int) -> None:
    """The strip's words back to their cells (`grid.strip`), in the page's points."""
    found: list[list[Word]] = [[] for _ in read.pieces]
    for word in words:
        mid = (word.top + word.bottom) / 2
        for i, (a, b) in enumerate(spans):
            if a - gap / 2 <= mid < b + gap / 2:
                found[i].append(word)
                break
    p = read.frame.pt
    for (grid, k, _crop), cell_words, (a, _b) in zip(read.pieces, found, spans, strict=True):
        left, top, _right, _bottom = grid.box(k)
        grid.strip[k] = [Word(w.text, left + (w.x0 - gap) * p, top + (w.top - a) * p, left + (w.x1 - gap) * p,
                              top + (w.bottom - a) * p, w.conf) for w in cell_words]


def _ink(crop: Any) -> float:
    """Share of dark pixels."""
    histogram = crop.histogram()
    return sum(histogram[:110]) / max(crop.width * crop.height, 1)


def _junk(text: str, conf: float) -> bool:
    """Marks Tesseract makes of specks and rule remains."""
    if any(ch.isalnum() and unicodedata.category(ch) != "Lm" for ch in text):  # "ˆ" is a modifier letter
        return False
    if text in ("-", "–"):  # a bullet, or a speck
        return conf < 0.8
    return len(text) <= 3 or all(ch in _JUNK for ch in text)


# What Tesseract makes of a bold Roman numeral alone in a narrow STT column.
_ROMAN_MISREAD = {"L": "I", "l": "I", "H": "II", "ll": "II", "Il": "II", "lI": "II", "IL": "II", "LI": "II",
                  "HI": "III", "IH": "III",
                  "lll": "III", "Ill": "III", "IIl": "III", "lV": "IV", "Vl": "VI"}
# ... and at the head of a section row merged across the table ("HI. LĨNH VỰC ..." is "III.").
# The stop may be lost too ("L MÔ HÌNH (10 mô hình)"): then a word in capitals must follow.
_LEAD_ROMAN = re.compile(r"^(HI|IH|H|Il|lI|ll|lll|Ill|L|l)(?:([.)] +[A-ZĐÀ-Ỹ])|( +)(?=(\w{2,})))")
_STT_LIKE = re.compile(r"^(\d{1,3}[.)]?|[IVX]{1,5}[.)]?|[a-zđA-Z][.)]|(số )?(stt|tt)|số)$", re.I)


def _stt_readings(*readings: list[Word]) -> list[str]:
    """A narrow STT cell's readings, each as text: confident words only, Roman numerals read
    back; the readings that look like an STT (or its header) first."""
    texts = []
    for words in readings:
        kept = [w for w in words if (w.conf or 0) >= 0.3] or words
        joined = _stt_form(" ".join(w.text for w in kept))
        texts.append(joined)
        if not _STT_LIKE.match(joined):  # a speck read beside the number: "1 4", "3 Ị"
            texts.extend(_stt_form(w.text) for w in sorted(kept, key=lambda w: -(w.conf or 0)))
    return sorted((t for t in texts if t), key=lambda t: not _STT_LIKE.match(t))


def mend_lead_roman(text: str) -> str:
    """A section row merged across the table, its roman numeral misread: "HI. LĨNH VỰC" is "III."."""
    m = _LEAD_ROMAN.match(text)
    if m is None or (m.group(2) is None and not m.group(4).isupper()):
        return text
    return _ROMAN_MISREAD.get(m.group(1), m.group(1)) + text[len(m.group(1)):]


def _stt_form(text: str) -> str:
    text = text.strip(" -_.,'")
    if re.fullmatch(r"(?i)s\s*t\s*t?", text):  # "STT" broken over two lines, its last T lost
        return "STT"
    return _ROMAN_MISREAD.get(text, text)


def _choose_stt(options: list[list[str]]) -> list[str]:
    """One text per STT cell, top to bottom: the reading that continues the numbering when there
    is one ("1" over "412"), else the first that looks like an STT; a lone "I" before "2" is 1,
    and an unreadable mark between 2 and 4 is 3 (it has ink: the cell is not empty)."""
    out: list[str] = []
    expected: int | None = None
    for opts in options:
        plain = [t.rstrip(".)") for t in opts]
        if expected is not None and str(expected) in plain:
            pick = opts[plain.index(str(expected))]
        else:
            pick = opts[0] if opts else ""
        number = pick.rstrip(".)")
        expected = int(number) + 1 if number.isdigit() else expected
        out.append(pick)
    filled = [i for i, t in enumerate(out) if t]
    for i, j in pairwise(filled):
        if out[i] in ("I", "l", "|", "L", "i") and out[j].rstrip(".)") == "2":
            out[i] = "1"
    # a number Tesseract cannot make out ("3" read "s;") between n-1 and n+1 is n
    for h, i, j in zip(filled, filled[1:], filled[2:], strict=False):
        before, after = out[h].rstrip(".)"), out[j].rstrip(".)")
        if (not _STT_LIKE.match(out[i]) and before.isdigit() and after.isdigit()
                and int(after) == int(before) + 2):
            out[i] = str(int(before) + 1)
    return out


def _read_lines(words: list[Word]) -> list[TextLine]:
    """Lines of words, without the lines Tesseract made of rule remains and specks (a line whose
    words it is on average less than 35% sure of), tone marks repaired from the word list, a line's
    last word read with the next line's first (a cell's text runs on)."""
    lines = [line for line in group_lines(words) if (line.conf or 0) >= 0.35]
    flat = [w for line in lines for w in line.words]  # "Tố hợp tác" is "Tổ hợp tác": the hook above
    texts = repair_type_words(repair_tones([w.text for w in flat]))
    for word, text in zip(flat, texts, strict=True):  # read as an acute
        word.text = text
    return lines


def _grid_table(grid: _Grid, page: int) -> GridTable:
    rows: dict[int, list[Cell]] = {}
    stt: dict[tuple[int, int], list[str]] = {}  # narrow first-column cells -> their readings
    for k, (r, c, rs, cs) in enumerate(grid.cells):
        words = grid.words[k]
        if grid.narrow(k):
            stt[(r, c)] = _stt_readings(grid.strip.get(k, []), words)
            text = stt[(r, c)][0] if stt[(r, c)] else ""
            words = grid.strip.get(k) or words
        else:
            words = words or grid.strip.get(k, [])
            text = cell_text([line.text for line in _read_lines(words)])
            if c == 0:
                text = mend_lead_roman(text)
        confs = [w.conf for w in words if w.conf is not None]
        text = unicodedata.normalize("NFC", text)
        rows.setdefault(r, []).append(Cell(text, Provenance(page=page, col=c, bbox=grid.box(k)), colspan=cs,
                                           rowspan=rs, confidence=sum(confs) / len(confs) if confs else None))
    order = sorted(stt)
    for (r, _c), text in zip(order, _choose_stt([stt[key] for key in order]), strict=True):
        rows[r][0].text = text  # the first-column cell is the row's first
    kept: list[list[Cell]] = []
    for r in sorted(rows):
        cells = sorted(rows[r], key=lambda cell: cell.prov.col or 0)
        kept.append([replace(cell, prov=replace(cell.prov, row=len(kept))) for cell in cells])
    xs, ys = grid.xs, grid.ys
    table = Table(rows=kept, prov=Provenance(page=page, bbox=(xs[0], ys[0], xs[-1], ys[-1])), n_cols=len(xs) - 1)
    return GridTable(table, xs, ys[0], ys[-1])
