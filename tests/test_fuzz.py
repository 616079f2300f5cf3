"""The segmenter's fuzzing target (tests/fuzz_segment.py), run briefly: atheris (libFuzzer)
mutates the text plans of corpora/ for about 20 seconds; any exception, broken invariant or input
slower than 30 s fails the test and leaves the input beside the report."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPORA
from fuzz_segment import check

from extractor.read.encoding import decode

FUZZ = Path(__file__).parent / "fuzz_segment.py"
SEEDS = [*sorted((CORPORA / "txt").glob("*.txt")), *sorted((CORPORA / "seed").glob("*.txt"))]


def test_fuzz_target_accepts_every_seed() -> None:
    assert sum(check(decode(p.read_bytes())[0]) for p in SEEDS) > 100


def test_fuzz_the_segmenter_briefly(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus, found = tmp_path / "corpus", tmp_path / "found"
    corpus.mkdir()
    found.mkdir()
    for path in SEEDS:
        shutil.copy(path, corpus / path.name)
    done = subprocess.run([sys.executable, str(FUZZ), "-atheris_runs=1500", "-max_total_time=25", "-seed=1",
                           "-max_len=8000", "-timeout=30", "-rss_limit_mb=3000", f"-artifact_prefix={found}/",
                           str(corpus)], capture_output=True, text=True, timeout=300, check=False)
    crashes = [p.name for p in found.iterdir()]
    assert done.returncode == 0 and not crashes, done.stderr[-4000:]
    assert "Done" in done.stderr
