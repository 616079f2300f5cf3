"""Run the per-file pipeline over many files: worker processes with a time limit and a memory
cap per file, or a Dask cluster. `process_all` gives the results in input order, whoever finishes
first; `iter_results` gives them as they come.

A file that overruns its time limit, or whose worker dies (memory cap, crash in a library),
becomes a `failed` result with the reason; the batch goes on.
"""

from __future__ import annotations

import importlib
import logging
import os
import resource
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, wait
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager, suppress
from itertools import islice
from pathlib import Path
from typing import Any

from .model import DocumentRecord, Result
from .pipeline import process_file
from .settings import Settings

log = logging.getLogger(__name__)
Task = tuple[Path, str]
OnResult = Callable[[Result, float], None]  # (result, seconds since the reading began)


IN_FLIGHT = 4  # files scheduled per worker at a time
SCRATCH = "extractor-run-"  # + the pid of the run: the workers' temporary folder


def sweep_scratch() -> list[str]:
    """Remove the workers' temporary folders of runs that were killed (their process is gone)."""
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(f"{SCRATCH}*-*"):
        pid = folder.name[len(SCRATCH):].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
        except OSError:  # alive, another user's
            continue
    return removed


def address_space() -> int:
    """Bytes of address space this process has mapped (0 where /proc/self/statm is missing)."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_memory(megabytes: int, scratch: str | None = None, baseline: int = 0) -> None:
    """Worker initializer: cap the address space so one hostile file cannot take the machine, and
    send the worker's temporary files (LibreOffice profiles, conversions) to `scratch`.

    A worker is forked from the main process and inherits its address space (shared, copy on
    write). Late in a long run the main process holds many files' rows; a worker forked then
    gets the cap on top of what the main process has grown since the pool started (`baseline`,
    its address space then), so that it has the room the first workers had instead of starting
    over the cap (every allocation of a sizeable file would then fail).

    A worker ends without running `atexit` (multiprocessing children leave by `os._exit`), or is
    killed at the time limit: what it leaves in `scratch` is removed with it by the parent.
    """
    limit = megabytes * 1024 * 1024 + (max(0, address_space() - baseline) if baseline else 0)
    with suppress(ValueError, OSError):  # not permitted here: run without the cap
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # tesseract: one thread per worker
    if scratch is not None:
        os.environ["TMPDIR"] = scratch
        tempfile.tempdir = scratch


def failed(path: Path, rel: str, message: str) -> Result:
    """A `failed` result for a file whose worker could not give one."""
    from .pipeline import doc_id_of  # noqa: PLC0415

    record = DocumentRecord(source_path=rel, status="failed", message=message)
    try:
        record.doc_id = doc_id_of(path)
    except OSError:
        import hashlib  # noqa: PLC0415

        record.doc_id = hashlib.sha256(f"unreadable:{rel}".encode()).hexdigest()[:16]
    return Result(record)


def process_all(files: list[Task], settings: Settings, progress: bool = False,
                on_result: OnResult | None = None) -> list[Result]:
    """Results in input order. `on_result` is called as each file finishes (logs, progress)."""
    results: list[Result | None] = [None] * len(files)
    for i, result in iter_results(files, settings, progress, on_result):
        results[i] = result
    return [r for r in results if r is not None]


def iter_results(files: list[Task], settings: Settings, progress: bool = False,
                 on_result: OnResult | None = None) -> Iterator[tuple[int, Result]]:
    """(index in `files`, result) as each file finishes: nothing is kept once given, so a long
    run holds only the results of the files being read."""
    with _progress(len(files), enabled=progress) as tick:
        for i, result, seconds in _run(files, settings):
            tick(result)
            if on_result is not None:
                on_result(result, seconds)
            yield i, result


def _run(files: list[Task], settings: Settings) -> Iterator[tuple[int, Result, float]]:
    if not files:
        return
    if settings.ocr_threads == 0:  # cores not busy with other files OCR one file's pages
        settings = settings.model_copy(update={"ocr_threads": max(1, settings.workers // len(files))})
    if settings.executor == "dask":
        from .execute_dask import run_dask  # noqa: PLC0415 - dask only when asked for

        yield from run_dask(files, settings)
        return
    yield from _run_local(files, settings)


def new_pool(workers: int, settings: Settings, scratch: str | None = None) -> Any:
    """Worker processes, recycled after a number of files so memory stays flat over long runs."""
    from pebble import ProcessPool  # noqa: PLC0415

    return ProcessPool(max_workers=workers, max_tasks=settings.files_per_worker, initializer=_limit_memory,
                       initargs=(settings.memory_limit_mb, scratch, address_space()))


def collect_result(future: Any, path: Path, rel: str, settings: Settings) -> Result:
    """The result of a scheduled file, or a `failed` one saying why there is none."""
    from pebble import ProcessExpired  # noqa: PLC0415

    try:
        result: Result = future.result()
    except FutureTimeout:
        return failed(path, rel, f"took longer than the per-file limit of {settings.file_timeout_s:g} s")
    except ProcessExpired as exc:
        return failed(path, rel, _death(exc.exitcode, settings))
    except MemoryError:
        return failed(path, rel, f"ran out of memory (cap {settings.memory_limit_mb} MB per worker)")
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the batch; it is reported
        where = getattr(exc, "traceback", "").strip().splitlines()[-3:]
        log.error("internal error on %s: %r\n%s", rel, exc, getattr(exc, "traceback", ""))
        return failed(path, rel, f"internal error, please report: {type(exc).__name__}: {exc} "
                                 f"[{' | '.join(s.strip() for s in where)}]")
    return result


# Imported before the workers are forked (the readers import them on first use).
PRELOAD = ("pdfplumber", "pypdfium2", "docx", "lxml.html", "extractor.read.txt", "extractor.read.docx",
           "extractor.read.html", "extractor.read.pdf")


def preload(settings: Settings) -> None:
    """Load here what every file needs (the tagger with its gazetteer, the PDF and DOCX libraries):
    workers forked from this process start with it, instead of spending ~0.5 s loading it again
    each time one is replaced (every `files_per_worker` files)."""
    from .pipeline import tagger_for  # noqa: PLC0415

    tagger_for(settings.model_dump_json())  # the key the workers' process_file asks for
    for module in PRELOAD:
        with suppress(ImportError):
            importlib.import_module(module)


def _run_local(files: list[Task], settings: Settings) -> Iterator[tuple[int, Result, float]]:
    workers = max(1, min(settings.workers, len(files)))
    preload(settings)
    sweep_scratch()
    with (tempfile.TemporaryDirectory(prefix=f"{SCRATCH}{os.getpid()}-", ignore_cleanup_errors=True) as scratch,
          new_pool(workers, settings, scratch) as pool):
        started = time.monotonic()
        # A few files per worker in flight, not the whole list: what waits to be read costs
        # memory here too, and a result given is not held here any longer.
        todo = iter(enumerate(files))
        running: dict[Any, int] = {}

        def schedule(n: int) -> None:
            for i, (p, rel) in islice(todo, n):
                running[pool.schedule(process_file, args=(p, rel, settings), timeout=settings.file_timeout_s)] = i

        schedule(IN_FLIGHT * workers)
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                i = running.pop(future)
                yield i, collect_result(future, *files[i], settings), time.monotonic() - started
            schedule(len(done))


def _death(exitcode: int | None, settings: Settings) -> str:
    if exitcode is not None and exitcode < 0:
        return (f"the worker reading it was killed by signal {-exitcode} "
                f"(memory cap {settings.memory_limit_mb} MB, or a crash in a library)")
    return f"the worker reading it stopped unexpectedly (exit code {exitcode})"


class _Ticker:
    """Counts rows and failures as files finish, and moves the bar if there is one."""

    def __init__(self, bar: Any = None, task: Any = None) -> None:
        self.bar, self.task = bar, task
        self.rows = self.failures = 0

    def __call__(self, result: Result) -> None:
        self.rows += len(result.mentions)
        self.failures += result.document.status == "failed"
        if self.bar is not None:
            self.bar.update(self.task, advance=1, rows=self.rows, failures=self.failures)


@contextmanager
def _progress(total: int, enabled: bool) -> Iterator[_Ticker]:
    """A progress display on standard error: files, rows, failures, elapsed and ETA."""
    if not enabled or total == 0:
        yield _Ticker()
        return
    from rich.console import Console  # noqa: PLC0415
    from rich.progress import (  # noqa: PLC0415
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
        TextColumn("· {task.fields[rows]} rows · {task.fields[failures]} failed"),
        TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
        console=Console(stderr=True),
    ) as bar:
        yield _Ticker(bar, bar.add_task("files", total=total, rows=0, failures=0))
