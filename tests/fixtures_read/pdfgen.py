"""Small PDFs for the reader tests, drawn with pypdfium2 (no reportlab): text in a TrueType font
with Vietnamese letters, and ruled lines. Coordinates are PDF points from the top left."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)


def font_path() -> Path:
    """A TrueType font with Vietnamese letters (fontconfig's DejaVu comes with Tesseract and
    LibreOffice on Debian)."""
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return Path(candidate)
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{file}", "serif:lang=vi"], capture_output=True, text=True,
                               check=False).stdout.strip()
        if found.endswith(".ttf") and Path(found).exists():
            return Path(found)
    raise RuntimeError("no TrueType font with Vietnamese letters found (install fonts-dejavu-core)")


@dataclass
class PageSpec:
    width: float = 595.0
    height: float = 842.0
    texts: list[tuple[float, float, str, float]] = field(default_factory=list)  # x, top, text, size
    lines: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0, y0, x1, y1

    def text(self, x: float, top: float, text: str, size: float = 11.0) -> None:
        self.texts.append((x, top, text, size))

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.lines.append((x0, y0, x1, y1))

    def grid(self, xs: list[float], ys: list[float], skip: set[tuple[int, int]] | None = None) -> None:
        """Horizontal rules at ys across xs[0]..xs[-1]; vertical rules at xs, per row (rows in
        `skip` as (row, column boundary) get no vertical rule: a merged cell)."""
        for y in ys:
            self.rule(xs[0], y, xs[-1], y)
        for r in range(len(ys) - 1):
            for k, x in enumerate(xs):
                if skip and (r, k) in skip:
                    continue
                self.rule(x, ys[r], x, ys[r + 1])


def write_pdf(path: Path, pages: list[PageSpec]) -> Path:
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    pdf = pdfium.PdfDocument.new()
    data = font_path().read_bytes()
    buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    font = c.FPDFText_LoadFont(pdf.raw, buffer, len(data), c.FPDF_FONT_TRUETYPE, 1)
    keep = []
    for spec in pages:
        page = pdf.new_page(spec.width, spec.height)
        for x, top, text, size in spec.texts:
            obj = c.FPDFPageObj_CreateTextObj(pdf.raw, font, size)
            wide = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
            keep.append(wide)
            c.FPDFText_SetText(obj, ctypes.cast(wide, c.FPDF_WIDESTRING))
            c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, spec.height - top - size * 0.8)
            c.FPDFPage_InsertObject(page.raw, obj)
        for x0, y0, x1, y1 in spec.lines:
            path_obj = c.FPDFPageObj_CreateNewPath(x0, spec.height - y0)
            c.FPDFPath_LineTo(path_obj, x1, spec.height - y1)
            c.FPDFPageObj_SetStrokeWidth(path_obj, 0.75)
            c.FPDFPageObj_SetStrokeColor(path_obj, 0, 0, 0, 255)
            c.FPDFPath_SetDrawMode(path_obj, c.FPDF_FILLMODE_NONE, 1)
            c.FPDFPage_InsertObject(page.raw, path_obj)
        c.FPDFPage_GenerateContent(page.raw)
        page.close()
    pdf.save(str(path))
    pdf.close()
    return path


def scan_pdf(source: Path, target: Path, dpi: int = 200, angle: float = 0.6, seed: int = 7) -> Path:
    """An image-only copy of `source`: rendered, slightly rotated, with paper grey and noise."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    rng = np.random.default_rng(seed)
    pages = []
    doc = pdfium.PdfDocument(str(source))
    for page in doc:
        img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        arr = np.asarray(img).astype(np.float32) * 0.93 + 10 + rng.normal(0, 5, (img.height, img.width))
        pages.append(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L"))
    doc.close()
    pages[0].save(target, "PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return target
