"""The run's rows on disk (`extractor.spill`): dedup one province at a time gives what dedup over
all mentions at once gives, and the spill reads back what went in."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import CORPORA

from extractor import Settings
from extractor.dedup import deduplicate, mention_block
from extractor.dedup.places import change_table
from extractor.dedup.spilled import deduplicate_spill
from extractor.execute import process_all
from extractor.model import Mention, Result
from extractor.settings import DATA
from extractor.spill import Spill
from extractor.store import FileEntry

FILES = sorted([*(CORPORA / "txt").glob("*.txt"), *(CORPORA / "dedup").glob("*.txt")])


@pytest.fixture(scope="module")
def results() -> list[Result]:
    return process_all([(p, f"{p.parent.name}/{p.name}") for p in FILES], Settings(workers=2))


def entry(ordinal: int, result: Result) -> FileEntry:
    return FileEntry(ordinal, f"/in/{ordinal}", result.document.source_path, 1, 0, "", "k", result.document.status,
                     "{}")


def spilled(tmp_path: Path, results: list[Result], previous: dict[str, str]) -> Spill:
    spill = Spill(tmp_path / "spill.sqlite")
    for ordinal, r in enumerate(results):
        spill.add(ordinal, r, entry(ordinal, r))
    changes = change_table(str(DATA / "unit_changes.csv"), "")
    for chunk in spill.mention_chunks():
        spill.set_blocks([(seq, mention_block(m, changes)) for seq, m in chunk])
    csv = tmp_path / "mentions.csv"
    csv.write_text("mention_id,exemplar_id\n" + "".join(f"{k},{v}\n" for k, v in previous.items()), encoding="utf-8")
    spill.load_previous(csv)
    return spill


def test_the_spill_reads_back_what_went_in(tmp_path: Path, results: list[Result]) -> None:
    spill = spilled(tmp_path, results, {})
    back = [Mention(**{k: v for k, v in row.items() if k != "exemplar_id"})
            for chunk in spill.mention_chunks() for _, row in [(s, dataclasses.asdict(m)) for s, m in chunk]]
    assert back == [m for r in results for m in r.mentions]
    assert [d for chunk in spill.documents() for d in chunk] == [dataclasses.asdict(r.document) for r in results]
    assert spill.count("files") == len(results)


def test_dedup_province_by_province_is_dedup_of_all(tmp_path: Path, results: list[Result]) -> None:
    mentions = [dataclasses.replace(m) for r in results for m in r.mentions]
    assert len({mention_block(m, change_table(str(DATA / "unit_changes.csv"), "")) for m in mentions}) >= 5
    # an earlier run's ids: every third mention keeps one, and two clusters claim the same id
    previous = {m.mention_id: f"ex-old{i // 6:04d}" for i, m in enumerate(mentions) if i % 3 == 0}
    exemplars, links = deduplicate(mentions, Settings(), previous)
    spill = spilled(tmp_path, results, previous)
    deduplicate_spill(spill, Settings())
    spill.conn.commit()
    got = [row for chunk in spill.exemplars() for row in chunk]
    want = [{k: v for k, v in e.__dict__.items() if k != "members"} for e in exemplars]
    assert got == want
    assert [row for chunk in spill.links() for row in chunk] == links
    assert [row["exemplar_id"] for chunk in spill.mentions() for row in chunk] == [m.exemplar_id for m in mentions]
    assert sum(e.n_mentions > 1 for e in exemplars) > 10 and any(e.exemplar_id.startswith("ex-old") for e in exemplars)
