#!/usr/bin/env python3
"""Reading speed, side by side on the same files: our readers against the bare libraries.

    .venv/bin/python benchmarks/bench_read.py                      # generate, measure, print one table
    .venv/bin/python benchmarks/bench_read.py --pdf-docs 30 --docx-docs 300 --scans 3 --repeat 5

    PDF  pages/s  ours: extractor.read.read_document, and the whole process_file (read, segment, tag)
                  pdfplumber: page.extract_tables() alone, every page
                  pypdfium2: get_textpage().get_text_range(), every page (the floor: text, no layout)
    DOCX docs/s   ours: read_document, and process_file
                  python-docx: Document(), every paragraph's text, every table's rows and cells' text
    OCR  s/page   ours: read_document on the scanned PDFs (render, deskew, rules, tesseract, cells)
                  tesseract: `tesseract PAGE.png stdout -l vie --dpi D` on the same pages rendered
                  at the same DPI (settings.ocr_dpi) beforehand, one OpenMP thread as ours;
                  also, for the wall time: ours with ocr_threads=2 (pages OCRed two at a time, as a
                  run does for a lone file on 2 cores) and tesseract with its default threads

The corpus comes from benchmarks/generate.py (kept in --corpus, made again only if missing).
Each method runs --repeat times, the methods interleaved so that load from other processes
falls on all of them alike; the table gives the median wall time, and the median CPU time of
this process and its children (steadier on a shared machine), with the ratio to ours. One
warm-up pass first (imports, the gazetteer), not timed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

from extractor.pipeline import process_file  # noqa: E402
from extractor.read import read_document  # noqa: E402
from extractor.settings import Settings  # noqa: E402


def cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


# ---------------------------------------------------------------- the methods


def ours_read(files: list[Path], settings: Settings) -> int:
    return sum(len(read_document(f, settings).blocks) > 0 for f in files)


def ours_process(files: list[Path], settings: Settings) -> int:
    return sum(len(process_file(f, f.name, settings).mentions) for f in files)


def plumber_tables(files: list[Path], _settings: Settings) -> int:
    import pdfplumber  # noqa: PLC0415

    n = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                n += len(page.extract_tables())
                page.close()
    return n


def pdfium_text(files: list[Path], _settings: Settings) -> int:
    import pypdfium2 as pdfium  # noqa: PLC0415

    n = 0
    for f in files:
        doc = pdfium.PdfDocument(str(f))
        for page in doc:
            textpage = page.get_textpage()
            n += len(textpage.get_text_range())
            textpage.close()
            page.close()
        doc.close()
    return n


def python_docx(files: list[Path], _settings: Settings) -> int:
    import docx  # noqa: PLC0415

    n = 0
    for f in files:
        d = docx.Document(str(f))
        n += sum(len(p.text) for p in d.paragraphs)
        for table in d.tables:
            for row in table.rows:
                n += sum(len(c.text) for c in row.cells)
    return n


def bare_tesseract(images: list[Path], settings: Settings, threads: str | None = "1") -> int:
    """`tesseract IMG stdout -l vie --dpi D` per page; one OpenMP thread (as ours), or its default (None)."""
    env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    if threads:
        env["OMP_THREAD_LIMIT"] = threads
    n = 0
    for img in images:
        done = subprocess.run(["tesseract", str(img), "stdout", "-l", settings.ocr_lang, "--dpi",
                               str(settings.ocr_dpi)], capture_output=True, check=True, env=env)
        n += len(done.stdout)
    return n


def bare_tesseract_default(images: list[Path], settings: Settings) -> int:
    return bare_tesseract(images, settings, threads=None)


def ours_read_parallel(files: list[Path], settings: Settings) -> int:
    """Ours with its pages spread over two tesseract processes (what a run gives a lone file on 2 cores)."""
    return ours_read(files, settings.model_copy(update={"ocr_threads": 2}))


def page_images(scans: list[Path], dpi: int, folder: Path) -> list[Path]:
    """Every page of the scans rendered as ours renders it for OCR (grayscale, `dpi`), as PNG."""
    import pypdfium2 as pdfium  # noqa: PLC0415

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for scan in scans:
        doc = pdfium.PdfDocument(str(scan))
        for i, page in enumerate(doc):
            path = folder / f"{scan.stem}-{i + 1:03d}.png"
            if not path.exists():
                page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L").save(path, dpi=(dpi, dpi))
            out.append(path)
            page.close()
        doc.close()
    return out


def n_pages(pdfs: list[Path]) -> int:
    import pypdfium2 as pdfium  # noqa: PLC0415

    total = 0
    for f in pdfs:
        doc = pdfium.PdfDocument(str(f))
        total += len(doc)
        doc.close()
    return total


# ---------------------------------------------------------------- measuring

Method = Callable[[list[Path], Settings], int]


def measure(groups: dict[str, tuple[Method, list[Path]]], settings: Settings, repeat: int) -> dict[str, dict]:
    """name -> wall and CPU seconds of every repetition, the methods interleaved."""
    runs: dict[str, dict[str, list[float]]] = {name: {"wall": [], "cpu": []} for name in groups}
    for fn, files in groups.values():  # warm-up: imports, caches, the gazetteer
        fn(files[:1], settings)
    for _ in range(repeat):
        for name, (fn, files) in groups.items():
            c0, t0 = cpu(), time.perf_counter()
            fn(files, settings)
            runs[name]["wall"].append(time.perf_counter() - t0)
            runs[name]["cpu"].append(cpu() - c0)
    return {name: {"wall": statistics.median(r["wall"]), "cpu": statistics.median(r["cpu"]), "runs": r}
            for name, r in runs.items()}


def corpus(folder: Path, pdf_docs: int, docx_docs: int, scans: int, seed: int) -> dict[str, list[Path]]:
    """The benchmark's files, generated into `folder` unless they are there already."""
    wanted = {"pdf": (pdf_docs, ("pdf", "scan")), "docx": (docx_docs, ("docx",))}
    out: dict[str, list[Path]] = {}
    for name, (docs, formats) in wanted.items():
        sub = folder / f"{name}-n{docs}-s{seed}-scans{scans}"
        manifest = sub / "manifest.json"
        if not manifest.exists():
            print(f"generating {docs} documents ({','.join(formats)}) into {sub} ...", file=sys.stderr)
            generate(sub, docs, formats, seed=seed, scans=scans if "scan" in formats else 0, quiet=False)
        for fmt in formats:
            out[fmt] = sorted((sub / fmt).glob(f"*.{fmt if fmt != 'scan' else 'scan.pdf'}"))
        out[f"{name}-manifest"] = [manifest]
    return out


def rows_check(files: list[Path], manifest: Path, settings: Settings) -> str:
    """Rows our pipeline finds against the rows generated (a benchmark of a broken reader is no benchmark)."""
    docs = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
    want = sum(docs[f.name.split(".")[0]]["rows"] for f in files)
    got = sum(len(process_file(f, f.name, settings).mentions) for f in files)
    return f"{got}/{want}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "vn-exemplars-bench",
                    help="where generated files are kept between runs")
    ap.add_argument("--pdf-docs", type=int, default=30)
    ap.add_argument("--docx-docs", type=int, default=200)
    ap.add_argument("--scans", type=int, default=3, help="documents OCRed (all their pages)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", choices=["pdf", "docx", "ocr"], action="append")
    ap.add_argument("--json", type=Path, help="write the raw timings here")
    args = ap.parse_args()
    settings = Settings(workers=1, ocr_threads=1)  # one file, one process, one tesseract at a time
    files = corpus(args.corpus, args.pdf_docs, args.docx_docs, args.scans, args.seed)
    only = set(args.only or ["pdf", "docx", "ocr"])
    rows: list[tuple[str, str, float, float, str, str]] = []  # what, method, units/s wall, units/s cpu, ...
    raw: dict[str, Any] = {}
    load = [os.getloadavg()[0]]

    if "pdf" in only:
        pdfs = files["pdf"]
        pages = n_pages(pdfs)
        got = measure({"ours: read_document": (ours_read, pdfs), "ours: process_file": (ours_process, pdfs),
                       "pdfplumber extract_tables": (plumber_tables, pdfs),
                       "pypdfium2 get_text_range": (pdfium_text, pdfs)}, settings, args.repeat)
        check = rows_check(pdfs, files["pdf-manifest"][0], settings)
        raw["pdf"] = {"files": len(pdfs), "pages": pages, "rows": check, **got}
        for name, r in got.items():
            rows.append(("PDF pages/s", name, pages / r["wall"], pages / r["cpu"],
                         f"{len(pdfs)} files, {pages} pages", check if name.startswith("ours") else ""))
        load.append(os.getloadavg()[0])
    if "docx" in only:
        docxs = files["docx"]
        got = measure({"ours: read_document": (ours_read, docxs), "ours: process_file": (ours_process, docxs),
                       "python-docx paragraphs + tables": (python_docx, docxs)}, settings, args.repeat)
        check = rows_check(docxs, files["docx-manifest"][0], settings)
        raw["docx"] = {"files": len(docxs), "rows": check, **got}
        for name, r in got.items():
            rows.append(("DOCX docs/s", name, len(docxs) / r["wall"], len(docxs) / r["cpu"], f"{len(docxs)} files",
                         check if name.startswith("ours") else ""))
        load.append(os.getloadavg()[0])
    if "ocr" in only:
        scans = files["scan"]
        images = page_images(scans, settings.ocr_dpi, args.corpus / f"pages-{args.seed}-{settings.ocr_dpi}dpi")
        pages = len(images)
        got = measure({"ours: read_document (OCR), one tesseract at a time": (ours_read, scans),
                       "tesseract IMG stdout -l vie, OMP_THREAD_LIMIT=1": (bare_tesseract, images),
                       "ours: read_document (OCR), ocr_threads=2": (ours_read_parallel, scans),
                       "tesseract IMG stdout -l vie, default threads": (bare_tesseract_default, images)},
                      settings, args.repeat)
        check = rows_check(scans, files["pdf-manifest"][0], settings)
        raw["ocr"] = {"files": len(scans), "pages": pages, "rows": check, **got}
        for name, r in got.items():
            rows.append(("OCR s/page", name, r["wall"] / pages, r["cpu"] / pages,
                         f"{len(scans)} files, {pages} pages at {settings.ocr_dpi} dpi",
                         check if name.startswith("ours") else ""))
        load.append(os.getloadavg()[0])

    print(f"\n{platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()} · "
          f"repeat {args.repeat} (median) · load {min(load):.2f}-{max(load):.2f}\n")
    print("| measure | method | wall | CPU | ours' time ÷ its time (wall) | (CPU) | files | rows found/generated |")
    print("|---|---|---:|---:|---:|---:|---|---|")
    base: dict[str, tuple[float, float]] = {}
    for what, name, wall, cpu_, files_, check in rows:
        # time per unit: s/page as is, pages/s and docs/s inverted
        t_wall, t_cpu = (wall, cpu_) if what.endswith("/page") else (1 / wall, 1 / cpu_)
        base.setdefault(what, (t_wall, t_cpu))
        print(f"| {what} | {name} | {wall:.3g} | {cpu_:.3g} | {base[what][0] / t_wall:.2f} | "
              f"{base[what][1] / t_cpu:.2f} | {files_} | {check} |")
    if args.json:
        args.json.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
