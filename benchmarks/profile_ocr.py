#!/usr/bin/env python3
"""Where our OCR of a scanned PDF spends its time, stage by stage.

    .venv/bin/python benchmarks/profile_ocr.py                 # the scans bench_read.py generated
    .venv/bin/python benchmarks/profile_ocr.py FILE.scan.pdf ...

Each stage of extractor/read/ocr.py is timed by wrapping its function from here (the module is
not changed).

One process, one tesseract at a time (ocr_threads=1, OMP_THREAD_LIMIT=1).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.pipeline import process_file  # noqa: E402
from extractor.read import ocr  # noqa: E402
from extractor.settings import Settings  # noqa: E402

os.environ["OMP_THREAD_LIMIT"] = "1"


def cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


@contextmanager
def stage_timer() -> Iterator[dict[str, float]]:
    """Seconds spent in each stage (wrapped functions), restored afterwards."""
    import pypdfium2 as pdfium  # noqa: PLC0415

    spent: dict[str, float] = defaultdict(float)
    saved: list[tuple[Any, str, Any]] = []

    def wrap(owner: Any, name: str, label: str) -> None:
        fn = getattr(owner, name)
        saved.append((owner, name, fn))

        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - t0

        setattr(owner, name, timed)

    wrap(ocr, "tesseract_words", "tesseract: the page calls")
    wrap(ocr, "tesseract_pages", "tesseract: all calls (the pages, then one call for every strip)")
    for name in ("_strip", "_place_strip", "_doubtful_cells", "find_rules", "estimate_skew", "erase_rules",
                 "_read_lines", "_grid_table"):
        wrap(ocr, name, name)
    wrap(pdfium.PdfPage, "render", "pdfium render")
    wrap(ocr, "median3", "median3 (3x3 median, OpenCV)")
    wrap(Image.Image, "rotate", "PIL rotate (half-size copy)")
    try:
        yield spent
    finally:
        for owner, name, fn in reversed(saved):
            setattr(owner, name, fn)


def read_all(files: list[Path], settings: Settings) -> tuple[float, float, str]:
    c0, t0 = cpu(), time.perf_counter()
    results = [process_file(f, f.name, settings) for f in files]
    rows = json.dumps([[dataclasses.asdict(m) for m in r.mentions] for r in results], sort_keys=True)
    return time.perf_counter() - t0, cpu() - c0, rows


def pages_of(files: list[Path]) -> int:
    import pypdfium2 as pdfium  # noqa: PLC0415

    n = 0
    for f in files:
        doc = pdfium.PdfDocument(str(f))
        n += len(doc)
        doc.close()
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "vn-exemplars-bench")
    args = ap.parse_args()
    files = args.files or sorted(args.corpus.glob("pdf-*/scan/*.scan.pdf"))[:3]
    if not files:
        print("no scans: run benchmarks/bench_read.py first, or name scanned PDFs", file=sys.stderr)
        return 2
    settings = Settings(workers=1, ocr_threads=1)
    pages = pages_of(files)
    process_file(files[0], files[0].name, settings)  # warm-up
    with stage_timer() as spent:
        wall, _, _ = read_all(files, settings)
    print(f"\n{len(files)} files, {pages} pages, as the module is: {wall / pages:.2f} s/page\n")
    print("| stage | s/page |\n|---|---:|")
    for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"| {label} | {seconds / pages:.3f} |")
    print(f"\n(load {os.getloadavg()[0]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
