"""The benchmark corpus generator keeps working: three synthetic plans read back into their rows.

The benchmarks themselves run on demand (benchmarks/BENCHMARKS.md), never here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from extractor import Settings
from extractor.pipeline import process_file


def _generate(out: Path) -> dict:
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(out), "--docs", "3",
                    "--formats", "txt", "--seed", "5"], check=True, capture_output=True, timeout=120)
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_generated_plans_read_back_into_their_rows(tmp_path: Path) -> None:
    manifest = _generate(tmp_path / "a")
    files = sorted((tmp_path / "a" / "txt").glob("*.txt"))
    assert len(files) == 3 == len(manifest["documents"])
    settings = Settings(workers=1)
    for path in files:
        result = process_file(path, path.name, settings)
        expected = manifest["documents"][path.stem]["rows"]
        assert result.document.status == "ok", result.document.message
        assert len(result.mentions) == expected > 0
        assert all(m.title and m.actor_name and m.province for m in result.mentions)
    again = _generate(tmp_path / "b")  # deterministic for a seed
    assert again["documents"] == manifest["documents"]
    assert [p.read_bytes() for p in files] == [p.read_bytes() for p in sorted((tmp_path / "b" / "txt").glob("*"))]
