"""The adversarial corpus (tests/adversarial.py) through the real command line (issue 10).

One run of `python -m extractor run` over 50+ hostile files beside three good plans, with a
small per-file limit and a memory cap, watched from outside: its memory (the whole process
tree, sampled), its time, the files it leaves. Then, for every case: exactly one documents row
with the expected status and a message that says why; the good plans' rows as in a clean run;
nothing written outside --out; links outside the input never followed; no secret leaked.

While the run goes on, one plan is deleted (once the log says the run started) and two paths are
made unreadable. As root, mode 000 does not stop reads: the run is then started without the
capabilities that let root read anything (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, via setpriv);
where that is not possible the two cases are checked as root sees them (read normally).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
import pytest
from adversarial import ANY_READ, GOOD, Case, build

LIMIT_S = 20  # per-file time limit of the run
CAP_MB = 1500  # memory cap per worker
WORKERS = 2
SECRET = b"root:x:0:0"  # the first line of /etc/passwd
DROP_DAC = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--"]


@dataclass
class Watched:
    """What the run did, seen from outside."""

    returncode: int
    seconds: float
    peak_tree_mb: float  # the largest sum of resident memory over the process tree
    peak_process_mb: float  # the largest resident memory of any one process in it
    processes: int  # how many different processes were seen
    stderr: str
    log: list[dict[str, Any]]
    denied: bool  # whether mode 000 denied reads to the run
    deleted_after_start: bool
    before: dict[str, tuple[int, int]] = field(default_factory=dict)
    after: dict[str, tuple[int, int]] = field(default_factory=dict)


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def tree(folder: Path) -> dict[str, tuple[int, int]]:
    """Every path under `folder` (links not followed) with its size and mtime."""
    seen = {}
    for dirpath, dirnames, filenames in os.walk(folder, onerror=lambda e: None):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            with contextlib.suppress(OSError):
                st = path.lstat()
                seen[os.fsdecode(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return seen


def can_drop_dac() -> bool:
    """Whether a process started through setpriv is denied a mode 000 file (root here)."""
    if shutil.which("setpriv") is None:
        return False
    probe = Path(os.environ.get("TMPDIR", "/tmp")) / f"probe-{os.getpid()}"
    probe.write_text("x")
    probe.chmod(0)
    try:
        done = subprocess.run([*DROP_DAC, sys.executable, "-c", f"open({str(probe)!r})"], capture_output=True,
                              check=False, timeout=30)
        return done.returncode != 0 and b"PermissionError" in done.stderr
    finally:
        probe.unlink()


def cli(folder: Path, out: Path, log: Path, tmp: Path, prefix: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONWARNINGS": "ignore"}
    return subprocess.Popen([*prefix, sys.executable, "-m", "extractor", "run", str(folder), "--out", str(out),
                             "--workers", str(WORKERS), "--timeout", str(LIMIT_S), "--memory-mb", str(CAP_MB),
                             "-q", "--log", str(log)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True)


def watch(proc: subprocess.Popen[bytes], log: Path, gone: Path, deadline_s: float) -> tuple[float, float, int, bool]:
    """Sample the process tree's memory until the run ends; delete `gone` once the run started."""
    peak_tree = peak_one = 0.0
    pids: set[int] = set()
    deleted_after_start = False
    root = psutil.Process(proc.pid)
    started = time.monotonic()
    while proc.poll() is None:
        if time.monotonic() - started > deadline_s:
            os.killpg(proc.pid, 9)
            pytest.fail(f"the run did not end within {deadline_s:.0f} s")
        if gone.exists() and log.exists() and '"event": "start"' in log.read_text(encoding="utf-8"):
            gone.unlink()
            deleted_after_start = True
        total = 0.0
        with contextlib.suppress(psutil.Error):
            for p in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    rss = p.memory_info().rss / 2**20
                    pids.add(p.pid)
                    total += rss
                    peak_one = max(peak_one, rss)
        peak_tree = max(peak_tree, total)
        time.sleep(0.05)
    return peak_tree, peak_one, len(pids), deleted_after_start


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("adversarial")


@pytest.fixture(scope="module")
def cases(sandbox: Path) -> list[Case]:
    return build(sandbox / "in")


@pytest.fixture(scope="module")
def clean(sandbox: Path) -> Path:
    """A run over the good plans alone, under the same relative paths."""
    folder, out = sandbox / "clean-in", sandbox / "clean-out"
    for rel, source in GOOD.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / rel)
    done = subprocess.run([sys.executable, "-m", "extractor", "run", str(folder), "--out", str(out), "--workers",
                           str(WORKERS), "-q"], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def watched(sandbox: Path, cases: list[Case], clean: Path) -> Watched:
    folder, out, log, tmp = sandbox / "in", sandbox / "out", sandbox / "run.log", sandbox / "tmp"
    tmp.mkdir()
    denied = can_drop_dac() if os.geteuid() == 0 else True
    for case in cases:
        if case.action == "deny":
            (folder / case.source_path).chmod(0)
    before = tree(sandbox)
    started = time.monotonic()
    proc = cli(folder, out, log, tmp, DROP_DAC if denied and os.geteuid() == 0 else [])
    gone = next(folder / c.source_path for c in cases if c.action == "delete")
    peak_tree, peak_one, n_proc, deleted = watch(proc, log, gone, deadline_s=len(cases) * LIMIT_S / WORKERS)
    seconds = time.monotonic() - started
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    for case in cases:
        if case.action == "deny":
            (folder / case.source_path).chmod(0o755)
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return Watched(proc.returncode, seconds, peak_tree, peak_one, n_proc, stderr, events, denied, deleted,
                   before, tree(sandbox))


def expected(case: Case, watched: Watched) -> tuple[str, str, str]:
    """(source_path, status, reason) the case must get; mode 000 as root reads normally."""
    if case.action == "deny" and not watched.denied:
        path = case.source_path + ("/ke-hoach.txt" if case.name == "folder-denied" else "")
        return path, ANY_READ, ".*"
    if case.name == "folder-denied":
        return case.source_path + "/", case.status, case.reason
    return case.source_path, case.status, case.reason


def test_the_run_finishes_with_exit_1_and_no_crash(watched: Watched) -> None:
    assert watched.returncode == 1, watched.stderr[-3000:]
    assert "Traceback" not in watched.stderr, watched.stderr[-3000:]
    assert watched.log[0]["event"] == "start" and watched.log[-1]["event"] == "end"
    assert watched.deleted_after_start  # the deletion happened during the run, not before


def test_every_case_gets_its_row_and_reason(sandbox: Path, cases: list[Case], watched: Watched) -> None:
    docs = rows(sandbox / "out" / "documents.csv")
    by_path: dict[str, list[dict[str, str]]] = {}
    for doc in docs:
        by_path.setdefault(doc["source_path"], []).append(doc)
    problems = []
    for case in cases:
        path, status, reason = expected(case, watched)
        found = by_path.get(path, [])
        if len(found) != case.rows:
            problems.append(f"{case.name}: {len(found)} documents rows for {path!r}, expected {case.rows}")
            continue
        for doc in found:
            if not re.fullmatch(status, doc["status"]):
                problems.append(f"{case.name}: status {doc['status']!r} not {status!r} ({doc['message'][:200]})")
            elif doc["status"] != "ok" and not doc["message"]:
                problems.append(f"{case.name}: status {doc['status']} without a message")
            elif not re.search(reason, doc["message"], re.I):
                problems.append(f"{case.name}: message {doc['message'][:200]!r} does not match {reason!r}")
            if case.fmt and doc["format"] != case.fmt:
                problems.append(f"{case.name}: read as {doc['format']!r}, not {case.fmt!r}")
    assert not problems, "\n".join(problems)


def test_every_walked_file_has_exactly_one_row(sandbox: Path, cases: list[Case], watched: Watched) -> None:
    docs = rows(sandbox / "out" / "documents.csv")
    paths = [d["source_path"] for d in docs]
    assert len(paths) == len(set(paths))
    wanted = {expected(c, watched)[0] for c in cases if c.rows} | set(GOOD)
    assert set(paths) == wanted
    end = watched.log[-1]
    assert end["files"] == len(docs) == sum(end["statuses"].values())
    assert len([e for e in watched.log if e["event"] == "file"]) == len(docs)


def test_good_plans_come_out_as_in_a_clean_run(sandbox: Path, clean: Path) -> None:
    def good(out: Path, table: str) -> list[dict[str, str]]:
        return [{k: v for k, v in r.items() if k != "exemplar_id"}
                for r in rows(out / f"{table}.csv") if r["source_path"] in GOOD]

    for table in ("documents", "mentions"):
        assert good(sandbox / "out", table) == good(clean, table), table
    assert len(good(clean, "mentions")) > 20


def test_memory_stays_under_the_cap(watched: Watched) -> None:
    assert watched.processes >= 1 + WORKERS
    assert watched.peak_process_mb < CAP_MB, f"one process reached {watched.peak_process_mb:.0f} MB"
    assert watched.peak_tree_mb < WORKERS * CAP_MB + 1000, f"the tree reached {watched.peak_tree_mb:.0f} MB"


def test_time_stays_bounded(cases: list[Case], watched: Watched) -> None:
    worst = len(cases) * LIMIT_S / WORKERS  # every file at its limit
    assert watched.seconds < worst / 4, f"{watched.seconds:.0f} s"
    timed_out = [e["source_path"] for e in watched.log if "per-file limit" in (e.get("message") or "")]
    assert len(timed_out) <= 3, timed_out


def test_nothing_is_written_outside_out(sandbox: Path, cases: list[Case], watched: Watched) -> None:
    gone = next(c.source_path for c in cases if c.action == "delete")
    changed = {p for p in set(watched.before) | set(watched.after)
               if watched.before.get(p) != watched.after.get(p)}
    allowed = ("out", "run.log", "tmp")
    deleted = {f"in/{gone}", f"in/{Path(gone).parent}"}  # the test deleted it: the file and its folder's mtime
    outside = sorted(p for p in changed if p.split("/")[0] not in allowed and p not in deleted)
    # (the denied paths changed mode only: size and mtime stay) nothing else in the input changed
    assert outside == [], outside
    assert list((sandbox / "tmp").iterdir()) == [], "temporary files left behind"


def test_links_outside_the_input_are_not_followed(sandbox: Path, cases: list[Case], watched: Watched) -> None:
    out = sandbox / "out"
    db = sqlite3.connect(out / "exemplars.sqlite")
    files = {r[0]: r[1:] for r in db.execute("SELECT source_path, path, size, sha256 FROM files")}
    for case in cases:
        if case.name.startswith("link-to-"):
            path, size, sha = files[case.source_path]
            assert (size, sha) == (-1, "") and path.endswith(case.source_path)  # never even hashed
    secrets = {c.secret for c in cases if c.secret}
    assert secrets == {SECRET}
    for path in [*out.iterdir(), sandbox / "run.log"]:
        if path.is_file():
            assert SECRET not in path.read_bytes(), f"/etc/passwd leaked into {path.name}"


def test_the_dataset_is_consistent(sandbox: Path) -> None:
    out = sandbox / "out"
    db = sqlite3.connect(out / "exemplars.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    docs = rows(out / "documents.csv")
    mentions = rows(out / "mentions.csv")
    assert sum(int(d["n_rows"]) for d in docs) == len(mentions)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == len(docs)
    assert not list(out.glob(".staging-*"))
    # the run report's counts are the tables' counts
    facts = dict(re.findall(r"<dt>([^<]*)</dt><dd>([^<]*)</dd>", (out / "report.html").read_text(encoding="utf-8")))
    assert int(facts["files"]) == len(docs)
    assert int(facts["rows (mentions)"]) == len(mentions)
    assert int(facts["exemplars"]) == len(rows(out / "exemplars.csv"))
    for status in {d["status"] for d in docs}:
        assert int(facts[f"status {status}"]) == sum(d["status"] == status for d in docs)
