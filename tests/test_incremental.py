"""Incremental runs, atomic writes and the output lock (issue 7).

Re-running unchanged inputs reads no file and gives byte-identical CSV; adding a document reads
only that one; removing one drops its rows; a run killed part-way leaves the previous dataset
whole, and the next run completes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from small_corpus import SEED, S, csv_bytes, dataset_files, intact, rows, small_corpus
from typer.testing import CliRunner

import extractor.api
import extractor.write
from extractor import store
from extractor.api import run
from extractor.cli import app
from extractor.settings import Settings

LATE = "na-2023-205-KH-UBND.txt"  # the latest plan of its series


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The source paths each run hands to iter_results (the files it reads), in order."""
    seen: list[str] = []
    real = extractor.api.iter_results

    def spy(files: list[tuple[Path, str]], settings: Settings, progress: bool = False, **kwargs: Any) -> Any:
        seen.extend(rel for _, rel in files)
        return real(files, settings, progress=progress, **kwargs)

    monkeypatch.setattr(extractor.api, "iter_results", spy)
    return seen


def partition(out: Path) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for r in rows(out / "mentions.csv"):
        groups[r["exemplar_id"]].add(r["mention_id"])
    return {frozenset(g) for g in groups.values()}


def test_rerun_reads_nothing_and_gives_byte_identical_csv(tmp_path: Path, reads: list[str]) -> None:
    folder, out = small_corpus(tmp_path / "in"), tmp_path / "out"
    first = run([folder], out, S)
    assert len(reads) == first.n_files == 12
    before = csv_bytes(out)
    parquet = {p.name: p.read_bytes() for p in out.glob("*.parquet")}
    reads.clear()
    again = run([folder], out, S)
    assert reads == [] and again.n_read == 0
    assert csv_bytes(out) == before
    assert {p.name: p.read_bytes() for p in out.glob("*.parquet")} == parquet
    # a touched file (new mtime, same bytes) is hashed, not read
    os.utime(folder / LATE, ns=(time.time_ns(), time.time_ns()))
    run([folder], out, S)
    assert reads == [] and csv_bytes(out) == before
    # dedup thresholds do not change what a file gives: nothing is read again
    run([folder], out, S.model_copy(update={"dedup_title_min": 85.0}))
    assert reads == []
    # a setting that changes extraction does; so does --fresh
    run([folder], out, S.model_copy(update={"min_text_chars_per_page": 41}))
    assert len(reads) == 12
    reads.clear()
    run([folder], out, S, fresh=True)
    assert len(reads) == 12 and csv_bytes(out) == before


def test_adding_a_document_reads_only_it_and_ends_as_a_fresh_run(tmp_path: Path, reads: list[str]) -> None:
    folder, out = small_corpus(tmp_path / "in", leave_out=(LATE,)), tmp_path / "out"
    run([folder], out, S)
    reads.clear()
    small_corpus(folder)  # brings the missing plan
    summary = run([folder], out, S)
    assert reads == [LATE] and summary.n_read == 1 and summary.n_files == 12
    fresh = tmp_path / "fresh"
    run([folder], fresh, S)
    assert csv_bytes(out) == csv_bytes(fresh)  # the same dataset, exemplar ids included


def test_removing_a_document_drops_its_rows(tmp_path: Path, reads: list[str]) -> None:
    folder, out = small_corpus(tmp_path / "in"), tmp_path / "out"
    run([folder], out, S)
    gone = "hb-2020-196-KH-UBND.txt"
    (doc_id,) = [r["doc_id"] for r in rows(out / "documents.csv") if r["source_path"] == gone]
    assert any(doc_id in r["mention_ids"] for r in rows(out / "exemplars.csv"))
    reads.clear()
    (folder / gone).unlink()
    summary = run([folder], out, S)
    assert reads == [] and summary.n_dropped == 1 and summary.n_files == 11
    assert all(r["source_path"] != gone for r in rows(out / "mentions.csv"))
    assert all(r["source_path"] != gone for r in rows(out / "documents.csv"))
    assert all(doc_id not in r["mention_ids"] for r in rows(out / "exemplars.csv"))
    assert all(doc_id not in (r["mention_a"] + r["mention_b"]) for r in rows(out / "links.csv"))
    fresh = tmp_path / "fresh"
    run([folder], fresh, S)
    assert (out / "documents.csv").read_bytes() == (fresh / "documents.csv").read_bytes()
    assert partition(out) == partition(fresh)  # ids may differ: kept from the last run where possible


def test_changed_document_is_read_again(tmp_path: Path, reads: list[str]) -> None:
    folder, out = small_corpus(tmp_path / "in"), tmp_path / "out"
    run([folder], out, S)
    reads.clear()
    with (folder / LATE).open("a", encoding="utf-8") as fh:
        fh.write("\n")
    run([folder], out, S)
    assert reads == [LATE]


def test_failed_files_are_read_again(tmp_path: Path, reads: list[str]) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "empty.pdf").write_bytes(b"")
    assert run([folder], out, S).n_failed == 1
    reads.clear()
    run([folder], out, S)
    assert reads == ["empty.pdf"]  # a missing tool may have been installed since


def test_kill_during_a_run_leaves_the_previous_dataset(tmp_path: Path) -> None:
    folder, out = small_corpus(tmp_path / "in"), tmp_path / "out"
    run([folder], out, S)
    before = dataset_files(out)
    shutil.copy(SEED, folder / "a-new-plan.txt")
    slow = folder / "zz-slow.txt"  # ~120 MB of text: the run is still reading it when killed
    slow.write_text("Dòng văn bản không phải kế hoạch, chỉ để đọc lâu.\n" * 1_700_000, encoding="utf-8")
    log = tmp_path / "run.log"
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "run", str(folder), "--out", str(out),
                             "--workers", "1", "-q", "--log", str(log)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    try:  # the log shows the new plan read: the run is now on the slow file
        while '"a-new-plan.txt"' not in (log.read_text(encoding="utf-8") if log.exists() else ""):
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert dataset_files(out) == before and intact(out)
    slow.unlink()
    summary = run([folder], out, S)  # the next run completes, reading only what is new
    assert summary.n_read == 1 and summary.n_files == 13
    assert "a-new-plan.txt" in {r["source_path"] for r in rows(out / "documents.csv")}
    assert not list(out.glob(".staging-*"))


def test_interrupt_while_writing_leaves_the_previous_dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, out = small_corpus(tmp_path / "in"), tmp_path / "out"
    run([folder], out, S)
    before = dataset_files(out)
    shutil.copy(SEED, folder / "a-new-plan.txt")

    def ctrl_c(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(extractor.write, "write_report", ctrl_c)  # after tables and database
    with pytest.raises(KeyboardInterrupt):
        run([folder], out, S)
    assert dataset_files(out) == before
    assert not list(out.glob(".staging-*"))


def test_stop_while_moving_files_is_finished_by_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, out = small_corpus(tmp_path / "in"), tmp_path / "out"
    run([folder], out, S)
    shutil.copy(SEED, folder / "a-new-plan.txt")
    real, moves = os.replace, []

    def stop_after_three(src: Any, dst: Any) -> None:
        if Path(dst).parent == out and len(moves) == 3:
            raise KeyboardInterrupt
        moves.append(dst)
        real(src, dst)

    steady = tmp_path / "steady"
    run([small_corpus(tmp_path / "in-steady")], steady, S)
    monkeypatch.setattr(extractor.write.os, "replace", stop_after_three)
    with pytest.raises(KeyboardInterrupt):
        run([folder], out, S)
    monkeypatch.undo()
    (staging,) = out.glob(".staging-*")
    assert (staging / "COMMIT").is_file()
    assert not intact(out)  # torn: the sizes and hashes in datapackage.json tell
    run([folder], out, S)
    assert not list(out.glob(".staging-*"))
    assert intact(out)
    run([folder], steady, S)  # the same two runs, not stopped
    assert csv_bytes(out) == csv_bytes(steady)


def test_a_second_writer_waits_then_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, out = small_corpus(tmp_path / "in"), tmp_path / "out"
    monkeypatch.setattr(store, "LOCK_WAIT_S", 0.5)
    with store.output_lock(out):
        started = time.monotonic()
        with pytest.raises(store.OutputBusyError, match=f"process {os.getpid()}"):
            run([folder], out, S)
        assert time.monotonic() - started >= 0.5
        done = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--workers", "1", "-q"])
        assert done.exit_code == 2 and "being written" in done.output
    assert not (out / "mentions.csv").exists()
    assert run([folder], out, S).n_files == 12


def test_the_output_folder_inside_the_input_is_not_read(tmp_path: Path, reads: list[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    run([folder], folder / "out", S)
    run([folder], folder / "out", S)  # out/report.html and out/*.csv are there now
    assert reads == ["seed.txt"]
    assert [r["source_path"] for r in rows(folder / "out" / "documents.csv")] == ["seed.txt"]
