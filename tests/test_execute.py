"""Batch execution: same results with 1 or 2 workers or Dask; time limit, worker death, memory cap."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from conftest import CORPORA

from extractor import Settings
from extractor.execute import process_all
from extractor.read import txt

FILES = [(p, p.name) for p in sorted((CORPORA / "txt").glob("*.txt"))[:6]]


def _rows(results: list) -> list:
    return [(r.document, r.mentions) for r in results]


def test_two_workers_give_what_one_gives() -> None:
    one = process_all(FILES, Settings(workers=1))
    two = process_all(FILES, Settings(workers=2))
    assert _rows(one) == _rows(two)
    assert [r.document.source_path for r in two] == [rel for _, rel in FILES]  # input order


def test_dask_local_cluster_gives_what_local_gives() -> None:
    local = process_all(FILES[:3], Settings(workers=2))
    dask = process_all(FILES[:3], Settings(workers=2, executor="dask"))
    assert _rows(local) == _rows(dask)


def _hostile_reader(path: Path, settings: Settings):  # runs in the forked worker
    name = path.name
    if "slow" in name:
        time.sleep(60)
    if "crash" in name:
        os.kill(os.getpid(), signal.SIGKILL)
    if "hog" in name:
        blob = bytearray(8 * 1024**3)  # far over the cap
        return blob
    return original(path, settings)


original = txt.read


def test_time_limit_death_and_memory_cap_fail_one_file_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(txt, "read", _hostile_reader)
    files = []
    for name in ("slow.txt", "crash.txt", "hog.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
        files.append((tmp_path / name, name))
    good = CORPORA / "seed" / "hoa-binh-2019-181-KH-UBND.txt"
    files.append((good, good.name))
    started = time.monotonic()
    results = process_all(files, Settings(workers=2, file_timeout_s=3, memory_limit_mb=1024))
    assert time.monotonic() - started < 50
    by_name = {r.document.source_path: r.document for r in results}
    assert by_name["slow.txt"].status == "failed" and "per-file limit" in by_name["slow.txt"].message
    assert by_name["crash.txt"].status == "failed" and "signal 9" in by_name["crash.txt"].message
    assert by_name["hog.txt"].status == "failed" and "MemoryError" in by_name["hog.txt"].message
    assert by_name[good.name].status == "partial" and by_name[good.name].n_rows == 23
    assert all(d.doc_id for d in by_name.values())


def _buggy_reader(path: Path, settings: Settings):
    raise KeyError("a bug in a reader")


def test_a_bug_on_one_file_is_reported_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(txt, "read", _buggy_reader)
    results = process_all(FILES[:2], Settings(workers=2))
    assert [r.document.status for r in results] == ["failed", "failed"]
    assert "internal error, please report: KeyError" in results[0].document.message
