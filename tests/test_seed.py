"""The real seed plan end to end against its gold tables (issue 2's done-when)."""

from __future__ import annotations

from pathlib import Path

import pytest
import score
from conftest import CORPORA

from extractor import run

SEED = CORPORA / "seed" / "hoa-binh-2019-181-KH-UBND.txt"


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    summary = run([SEED], out)
    assert summary.exit_code == 0
    return out


def _gold(table: str) -> list[dict[str, str]]:
    return [r for r in score.read_rows(str(CORPORA / "gold" / f"{table}.csv")) if r["file"] == SEED.name]


def test_rows_and_every_field(seed_run: Path) -> None:
    figures, misses = score.score(_gold("mentions"), score.read_rows(str(seed_run)))
    assert figures["rows.recall"] == 1.0 and figures["rows.precision"] == 1.0, misses
    assert figures["codes.wrong"] == 0, misses
    fields = {k: v for k, v in figures.items() if k.startswith("field.")}
    assert min(fields.values()) >= 0.97, (fields, misses)


def test_document_row(seed_run: Path) -> None:
    (doc,) = score.read_rows(str(seed_run), "documents")
    assert (doc["doc_number"], doc["issue_date"], doc["issuer"], doc["signer"]) == (
        "181/KH-UBND", "2019-11-11", "UBND tỉnh Hòa Bình", "Bùi Văn Khánh")
    assert (doc["n_rows"], doc["declared_rows"], doc["status"]) == ("23", "28", "partial")
    assert "28" in doc["message"] and "23" in doc["message"]
    figures, misses = score.score_documents(_gold("documents"), [doc])
    assert all(v == 1.0 for v in figures.values()), misses
