"""Property tests: random tables in each layout, rendered several ways, segment back to their rows."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from layouts import GenTable, as_dump, as_pipes, as_tab_rows, tables

from extractor.model import Document
from extractor.read.txt import parse_text
from extractor.segment import segment
from extractor.settings import Settings
from extractor.tag import Tagger, row_texts

TAGGER = Tagger(Settings(), None)


def _check(table: GenTable, text: str) -> None:
    seg = segment(Document(path="x.txt", format="txt", blocks=parse_text(text)))
    expected = [(label, i, r) for label, _, rows in table.sections for i, r in enumerate(rows, start=1)]
    assert [(r.section_label, r.row_no) for r in seg.rows] == [(label, i) for label, i, _ in expected]
    declared = sum(len(rows) for label, _, rows in table.sections if label) or None
    assert seg.meta.declared_rows == declared
    for row, (_, _, gen) in zip(seg.rows, expected, strict=True):
        texts = row_texts(row)
        assert texts.actor.startswith(gen.actor)
        mention = TAGGER.tag(row, seg.meta)
        assert mention.title == gen.title
        if table.layout != "wide":
            assert mention.description == gen.description


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_word_dump_round_trip(table: GenTable) -> None:
    _check(table, as_dump(table))


@settings(max_examples=40, deadline=None)
@given(tables())
def test_tab_rows_round_trip(table: GenTable) -> None:
    _check(table, as_tab_rows(table))


@settings(max_examples=40, deadline=None)
@given(tables())
def test_pipe_table_round_trip(table: GenTable) -> None:
    _check(table, as_pipes(table))
