"""Golden corpora: every document of corpora/ against its hand-made gold (issues 4 and 5).

Formats other than text are added as their readers land; the text dumps cover every layout.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import score
from conftest import CORPORA

from extractor import Settings, run

GOLD = CORPORA / "gold" / "by_format"
TEXT_FILES = [*sorted((CORPORA / "txt").glob("*.txt")), CORPORA / "seed" / "hoa-binh-2019-181-KH-UBND.txt"]


@pytest.fixture(scope="module")
def text_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpora-txt")
    run(TEXT_FILES, out, Settings(workers=2))
    return out


def _by_file(rows: list[dict[str, str]], name: str) -> list[dict[str, str]]:
    return [r for r in rows if os.path.basename(r.get("file") or r.get("source_path") or "") == name]


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_rows_fields_and_codes(text_run: Path, path: Path) -> None:
    gold = _by_file(score.read_rows(str(GOLD / "mentions.csv")), path.name)
    pred = _by_file(score.read_rows(str(text_run)), path.name)
    figures, misses = score.score(gold, pred)
    assert figures["codes.wrong"] == 0, misses
    if gold:
        assert figures["rows.recall"] == 1.0 and figures["rows.precision"] == 1.0, misses
        assert figures["fields.mean"] >= 0.95, misses
    else:
        assert pred == []


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_metadata_is_exact(text_run: Path, path: Path) -> None:
    gold = _by_file(score.read_rows(str(GOLD / "documents.csv")), path.name)
    pred = _by_file(score.read_rows(str(text_run), "documents"), path.name)
    figures, misses = score.score_documents(gold, pred)
    assert all(v == 1.0 for v in figures.values()), misses


def test_corpus_totals(text_run: Path) -> None:
    names = {p.name for p in TEXT_FILES}
    gold = [g for g in score.read_rows(str(GOLD / "mentions.csv")) if g["file"] in names]
    figures, misses = score.score(gold, score.read_rows(str(text_run)))
    assert figures["fields.mean"] >= 0.98, misses[:20]
    assert figures["codes.wrong"] == 0
