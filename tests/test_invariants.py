"""The invariant check: it passes on real runs and catches each kind of contradiction."""

from __future__ import annotations

import copy

import pytest
from conftest import CORPORA

from extractor import Settings
from extractor.api import unique_mention_ids
from extractor.dedup import deduplicate
from extractor.execute import process_all
from extractor.invariants import InvariantError, check, problems

FILES = [(p, p.name) for p in sorted((CORPORA / "txt").glob("*.txt"))[:4]]


@pytest.fixture(scope="module")
def tables():  # type: ignore[no-untyped-def]
    results = process_all(FILES, Settings(workers=2))
    mentions = unique_mention_ids(results)
    exemplars, _ = deduplicate(mentions, Settings())
    return [rel for _, rel in FILES], results, mentions, exemplars


def test_a_real_run_passes(tables) -> None:  # type: ignore[no-untyped-def]
    assert problems(*tables) == []


def test_each_contradiction_is_caught(tables) -> None:  # type: ignore[no-untyped-def]
    files, results, mentions, exemplars = copy.deepcopy(tables)
    assert problems([*files, "lost.pdf"], results, mentions, exemplars)  # a file without a row
    results[0].document.n_rows += 1
    assert any("n_rows" in p for p in problems(files, results, mentions, exemplars))
    results[0].document.n_rows -= 1
    mentions[0].exemplar_id = "ex-nowhere"
    assert any("no exemplar" in p for p in problems(files, results, mentions, exemplars))
    mentions[0].doc_id = "nowhere"
    with pytest.raises(InvariantError, match="no document"):
        check(files, results, mentions, exemplars)
