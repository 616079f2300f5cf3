"""Faults around a run (issue 10): a full disk, two runs at once, kill -9 at any moment; and the
regression tests of what the adversarial corpus found (tests/test_adversarial.py).

The runs here are real `exemplars run` processes. Where a test needs a run to be slow at one
point (holding the lock, moving files), it starts the same command through a small launcher
that slows that step down; nothing else of the program changes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from small_corpus import SEED, S, csv_bytes, dataset_files, intact, rows, small_corpus
from typer.testing import CliRunner

import extractor.write
from extractor import collect, execute
from extractor.api import run
from extractor.cli import app
from extractor.execute import process_all
from extractor.model import DocMeta, DocumentRecord, Segmented
from extractor.pipeline import _fill_record
from extractor.read import txt
from extractor.settings import Settings

# `exemplars run ...`, slowed where the environment says: SLOW_READ_S per file read (in the
# worker), SLOW_WRITE_S before the report is staged, SLOW_MOVE_S per file moved into --out;
# LOCK_WAIT_S for the lock.
LAUNCH = r"""
import os, sys, time
import extractor.execute, extractor.pipeline, extractor.store

slow_read = float(os.environ.get("SLOW_READ_S", "0"))
if slow_read:
    real_process = extractor.pipeline.process_file

    def process_file(path, source_path, settings):
        time.sleep(slow_read)
        return real_process(path, source_path, settings)

    process_file.__module__ = "extractor.pipeline"  # pickled by name to the (forked) workers
    extractor.pipeline.process_file = extractor.execute.process_file = process_file
if "LOCK_WAIT_S" in os.environ:
    extractor.store.LOCK_WAIT_S = float(os.environ["LOCK_WAIT_S"])
slow_move = float(os.environ.get("SLOW_MOVE_S", "0"))
if slow_move:
    real_replace = os.replace

    def replace(src, dst, **kwargs):
        if os.path.basename(os.path.dirname(os.fspath(src))).startswith(".staging-") and \
                os.path.basename(os.fspath(dst)) != "COMMIT":
            time.sleep(slow_move)
        real_replace(src, dst, **kwargs)

    os.replace = replace
slow_write = float(os.environ.get("SLOW_WRITE_S", "0"))
if slow_write:
    import extractor.write

    real_report = extractor.write.write_report

    def write_report(*args, **kwargs):
        time.sleep(slow_write)
        return real_report(*args, **kwargs)

    extractor.write.write_report = write_report

from extractor.cli import app
app(prog_name="exemplars")
"""


def launch(folder: Path, out: Path, *extra: str, **env: float | Path) -> subprocess.Popen[str]:
    environment = {**os.environ, **{k: str(v) for k, v in env.items()}}
    return subprocess.Popen([sys.executable, "-c", LAUNCH, "run", str(folder), "--out", str(out), "--workers", "1",
                             "-q", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=environment, start_new_session=True)


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "extractor", *map(str, args)], capture_output=True, text=True,
                          timeout=300, check=False)


def wait_for(condition: Any, proc: subprocess.Popen[str], timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert proc.poll() is None, f"the run ended first: {proc.stderr.read() if proc.stderr else ''}"
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


def consistent(out: Path) -> None:
    """One dataset, whole: every file as datapackage.json describes it, a sound database, no
    duplicated row, every mention with its document and exemplar, no staging left."""
    assert intact(out)
    assert not list(out.glob(".staging-*"))
    db = sqlite3.connect(out / "exemplars.sqlite")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.close()
    docs, mentions = rows(out / "documents.csv"), rows(out / "mentions.csv")
    assert len({d["source_path"] for d in docs}) == len(docs)
    assert len({m["mention_id"] for m in mentions}) == len(mentions)
    assert sum(int(d["n_rows"]) for d in docs) == len(mentions)
    exemplars = {e["exemplar_id"] for e in rows(out / "exemplars.csv")}
    assert {m["exemplar_id"] for m in mentions} <= exemplars


# ------------------------------------------------------------------ a full disk


def _mount_small_disk(folder: Path, size: str) -> bool:
    folder.mkdir(parents=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True,
                          check=False)
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Any:
    """A 2 MB file system for --out (tmpfs; needs root)."""
    folder = tmp_path / "disk"
    if not _mount_small_disk(folder, "2m"):
        pytest.skip("mounting a small tmpfs needs root (test_full_disk_simulated covers the rest)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave_bytes: int) -> Path:
    st = os.statvfs(folder)
    filler = folder / ".filler"
    with filler.open("wb") as fh:
        fh.write(bytes(max(0, st.f_bavail * st.f_frsize - leave_bytes)))
    return filler


def test_full_disk_fails_clearly_and_keeps_the_previous_dataset(tmp_path: Path, small_disk: Path) -> None:
    folder, out = tmp_path / "in", small_disk / "out"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    assert cli("run", folder, "--out", out, "--workers", "1", "-q").returncode == 0
    before = dataset_files(out)
    small_corpus(folder)  # twelve more plans: the new dataset does not fit
    filler = fill(small_disk, leave_bytes=64 * 1024)
    done = cli("run", folder, "--out", out, "--workers", "1", "-q")
    assert done.returncode == 2, done.stderr
    # the disk fills while the run spills its rows (SQLite says so) or writes its files (the OS does)
    assert "No space left on device" in done.stderr or "database or disk is full" in done.stderr, done.stderr
    assert "previous dataset there is unchanged" in done.stderr
    assert "Traceback" not in done.stderr
    assert dataset_files(out) == before
    assert not list(out.glob(".staging-*"))  # the spill went with the run
    consistent(out)
    filler.unlink()  # room again: the next run writes the new dataset
    assert cli("run", folder, "--out", out, "--workers", "1", "-q").returncode == 0
    consistent(out)
    assert len(rows(out / "documents.csv")) == 13


@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left on device"),
                                   sqlite3.OperationalError("database or disk is full")])
def test_full_disk_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    """The same, without root: the disk fills while the database is written."""
    folder, out = small_corpus(tmp_path / "in"), tmp_path / "out"
    run([folder], out, S)
    before = dataset_files(out)
    shutil.copy(SEED, folder / "a-new-plan.txt")

    def full(*args: Any, **kwargs: Any) -> None:
        raise error

    monkeypatch.setattr(extractor.write, "finish_database", full)
    done = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--workers", "1", "-q"])
    assert done.exit_code == 2
    assert "cannot write the dataset" in done.output and "previous dataset there is unchanged" in done.output
    assert dataset_files(out) == before
    consistent(out)


def test_an_output_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    done = cli("run", SEED, "--out", tmp_path / "file" / "out")
    assert done.returncode == 2 and "cannot write into the output folder" in done.stderr
    assert "Traceback" not in done.stderr


# ------------------------------------------------------------------ two runs at once


def test_two_runs_at_once_the_second_refuses(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    first = launch(folder, out, SLOW_READ_S=8)
    try:
        wait_for(lambda: f"process {first.pid}" in _text(out / ".exemplars.lock"), first)  # it holds the lock
        second = launch(folder, out, LOCK_WAIT_S=1)
        _, err = second.communicate(timeout=120)
        assert second.returncode == 2, err
        assert f"being written by process {first.pid}" in err and "Traceback" not in err
        assert first.poll() is None  # still reading: the refusal came while it held the folder
        assert first.wait(timeout=120) == 0, first.stderr.read() if first.stderr else ""
    finally:
        _kill(first)
    consistent(out)
    assert len(rows(out / "mentions.csv")) == 23


def test_two_runs_at_once_the_second_waits_then_writes(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    log_a, log_b = tmp_path / "a.log", tmp_path / "b.log"
    first = launch(folder, out, "--log", str(log_a), SLOW_READ_S=2)
    try:
        wait_for(lambda: f"process {first.pid}" in _text(out / ".exemplars.lock"), first)
        second = launch(folder, out, "--log", str(log_b))  # waits up to 10 s: enough
        assert second.wait(timeout=120) == 0, second.stderr.read() if second.stderr else ""
        assert first.wait(timeout=120) == 0
    finally:
        _kill(first)
    end_a = _text(log_a).splitlines()[-1]
    end_b = _text(log_b).splitlines()[-1]
    assert '"event": "end"' in end_a and '"event": "end"' in end_b
    assert end_a < end_b  # ISO times first: the second wrote after the first
    assert '"read": 0' in end_b  # and found the first one's work to reuse
    consistent(out)
    fresh = tmp_path / "fresh"
    run([folder], fresh, S)
    assert csv_bytes(out) == csv_bytes(fresh)


# ------------------------------------------------------------------ kill -9


def _staging(out: Path, committed: bool) -> bool:
    return any((s / "COMMIT").is_file() == committed for s in out.glob(".staging-*"))


MOMENTS = {  # when to kill: a condition on the run's log and --out, and how to slow the run down there
    "starting": (lambda log, out: '"event": "start"' in _text(log), {}),
    "reading": (lambda log, out: '"event": "file"' in _text(log), {"SLOW_READ_S": 0.3}),
    "writing the staging folder": (lambda log, out: _staging(out, committed=False), {"SLOW_WRITE_S": 1.0}),
    "moving files into --out": (lambda log, out: _staging(out, committed=True), {"SLOW_MOVE_S": 0.4}),
}


REREAD = S.model_copy(update={"min_text_chars_per_page": 41})  # another read key: every file is read again


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_kill_9_then_rerun(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    """Killed at any moment: --out holds the previous dataset whole, or a committed one being
    moved (which datapackage.json shows torn, and the next run finishes); the next run then ends
    as the same runs not killed: nothing lost, nothing twice."""
    folder, out = small_corpus(tmp_path / "in", leave_out=("hb-2021-162-KH-UBND.txt",)), tmp_path / "out"
    run([folder], out, S)
    before = dataset_files(out)
    steady = tmp_path / "steady"  # the same runs, not killed
    shutil.copytree(out, steady)
    small_corpus(folder)
    log = tmp_path / "run.log"
    condition, slow = MOMENTS[moment]
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    proc = launch(folder, out, "--fresh", "--log", str(log), TMPDIR=scratch, **slow)
    try:
        wait_for(lambda: condition(log, out), proc)
        if moment == "moving files into --out":
            time.sleep(1.0)  # two or three files moved
    finally:
        _kill(proc)
    assert proc.returncode == -signal.SIGKILL
    if moment == "moving files into --out":
        assert _staging(out, committed=True) and not intact(out)  # torn, and datapackage.json tells
    else:
        assert dataset_files(out) == before and intact(out)
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    summary = run([folder], out, REREAD)
    assert summary.n_files == 12
    assert list(scratch.iterdir()) == []  # the killed run's temporary folder is swept
    consistent(out)
    run([folder], steady, REREAD)
    assert csv_bytes(out) == csv_bytes(steady)


def _kill(proc: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


# ------------------------------------------------------------------ regressions found by the corpus


def test_issue_10_a_file_name_that_is_not_utf8_gets_its_row(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.path.join(os.fsencode(folder), b"k\xe9 ho\xe1ch.txt")  # Latin-1 bytes
    with open(name, "wb") as fh:
        fh.write(SEED.read_bytes())
    log = tmp_path / "run.log"
    summary = run([folder], tmp_path / "out", S, log=log)  # crashed writing the log and the tables
    assert summary.n_files == 1 and summary.statuses == {"partial": 1}
    (doc,) = rows(tmp_path / "out" / "documents.csv")
    assert doc["source_path"] == "k\\xe9 ho\\xe1ch.txt"
    assert len(rows(tmp_path / "out" / "mentions.csv")) == 23
    assert run([folder], tmp_path / "out", S).n_read == 0  # and it is found again next time


def test_issue_10_links_outside_or_looping_get_a_failed_row_and_are_never_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0 not for the dataset\n", encoding="utf-8")
    os.symlink(secret, folder / "outside.txt")
    os.symlink("b.txt", folder / "a.txt")
    os.symlink("a.txt", folder / "b.txt")
    os.symlink("seed.txt", folder / "zz-inside.txt")  # inside: the same file, read once
    out = tmp_path / "out"
    summary = run([folder], out, S)
    docs = {d["source_path"]: d for d in rows(out / "documents.csv")}
    assert set(docs) == {"seed.txt", "outside.txt", "a.txt", "b.txt"}
    assert docs["outside.txt"]["status"] == "failed"
    assert docs["outside.txt"]["message"] == f"a link to {secret}, outside the input folder: not followed"
    assert "loops" in docs["a.txt"]["message"] and "loops" in docs["b.txt"]["message"]
    assert summary.n_failed == 3 and summary.n_read == 4
    db = sqlite3.connect(out / "exemplars.sqlite")
    (entry,) = db.execute("SELECT path, size, sha256 FROM files WHERE source_path = 'outside.txt'").fetchall()
    assert entry == (str(folder / "outside.txt"), -1, "")  # not even hashed
    assert all(b"not for the dataset" not in p.read_bytes() for p in out.iterdir() if p.is_file())


def test_issue_10_a_folder_that_cannot_be_listed_gets_a_failed_row(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(SEED, folder / "seed.txt")
    shutil.copy(SEED, folder / "locked" / "plan.txt")
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(os.fsdecode(path)).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = collect.walk([folder])
    assert [(f.rel, f.refused) for f in found] == [
        ("seed.txt", ""),
        ("locked/", "a folder that cannot be listed (Permission denied): the files in it were not read"),
    ]


def test_issue_10_an_input_folder_that_cannot_be_listed_is_a_usage_error(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def scandir(path: Any = ".") -> Any:
        raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(collect.UsageError, match="cannot list the folder"):
        collect.walk([tmp_path])


def _leaves_temp_files(path: Path, settings: Settings) -> Any:  # runs in the worker
    Path(tempfile.mkdtemp(prefix="left-behind-")).joinpath("x").write_text("x")
    return original_read(path, settings)


original_read = txt.read


def test_issue_10_temporary_files_of_workers_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers leave by os._exit (no atexit) or are killed: their temporary folder goes with the pool."""
    monkeypatch.setattr(txt, "read", _leaves_temp_files)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    results = process_all([(SEED, "seed.txt")], Settings(workers=1))
    assert results[0].document.n_rows == 23
    assert list(tmp_path.iterdir()) == []
    assert execute._limit_memory.__doc__ and "scratch" in execute._limit_memory.__doc__


def test_issue_10_no_table_keeps_what_the_reader_left_out() -> None:
    record = DocumentRecord(source_path="big.pdf")
    _fill_record(record, Segmented(meta=DocMeta(), rows=[]), [], ["only the first 500 of 3000 pages were read "
                                                                 "(max_pages)", "encoding:tcvn3"])
    assert record.status == "no_table"
    assert record.message == ("no appendix table of models or exemplars found; only the first 500 of 3000 pages "
                              "were read (max_pages)")


def test_issue_10_a_file_that_disappears_says_so(tmp_path: Path) -> None:
    from extractor.pipeline import process_file

    result = process_file(tmp_path / "gone.txt", "gone.txt", S)
    assert result.document.status == "failed" and result.document.message.startswith("the file is gone")
