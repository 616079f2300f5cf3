"""A fuzzing target for the text segmenter (atheris, coverage-guided): bytes -> text ->
`parse_text` -> `segment` -> `Tagger.tag` (no gazetteer), checking on every input what must hold
whatever the text: no exception, no row without content, values of the documented kinds.

    python tests/fuzz_segment.py -atheris_runs=20000 CORPUS_DIR     # run it (CORPUS_DIR: seeds)
    python tests/fuzz_segment.py CRASH_FILE                          # replay one input

`tests/test_fuzz.py` runs it briefly in CI from the text plans of `corpora/`; `check` is also
what the hypothesis property tests call (tests/test_segment_properties.py).
"""

from __future__ import annotations

import dataclasses
import sys
import unicodedata

SECTION_KINDS = {"mô hình", "điển hình"}
ACTOR_KINDS = {"", "person", "household", "group", "organization"}
SECTORS = {"", "agriculture", "education", "security", "health", "environment", "culture_tourism",
           "social_welfare", "economy", "governance", "other"}
MAX_CHARS = 20_000  # longer inputs only slow the fuzzer down


def check(text: str) -> int:
    """Segment and tag `text`; assert the invariants; return the number of rows."""
    from extractor.model import Document
    from extractor.read.txt import parse_text
    from extractor.segment import segment
    from extractor.tag import row_texts

    seg = segment(Document(path="fuzz.txt", format="txt", blocks=parse_text(text)))
    assert seg.meta.declared_rows is None or seg.meta.declared_rows >= 0, seg.meta.declared_rows
    for row in seg.rows:
        assert any(v.strip() for v in row.cells.values()), f"a row without content: {row}"
        row_texts(row)
        assert row.row_no is None or (isinstance(row.row_no, int) and row.row_no >= 0), row.row_no
        assert row.section_kind in SECTION_KINDS, row.section_kind
        mention = tagger().tag(row, seg.meta)
        assert mention.actor_kind in ACTOR_KINDS, mention.actor_kind
        assert mention.sector in SECTORS, mention.sector
        assert 0.0 <= mention.confidence <= 1.0, mention.confidence
        for name, value in dataclasses.asdict(mention).items():
            if isinstance(value, str):
                assert unicodedata.is_normalized("NFC", value), (name, value)
    return len(seg.rows)


_TAGGER = None


def tagger():  # type: ignore[no-untyped-def]
    global _TAGGER  # noqa: PLW0603 - one per process
    if _TAGGER is None:
        from extractor.settings import Settings
        from extractor.tag import Tagger

        _TAGGER = Tagger(Settings(), None)
    return _TAGGER


def test_one_input(data: bytes) -> None:
    check(data[: MAX_CHARS * 2].decode("utf-8", "replace"))


def main() -> None:
    import atheris

    with atheris.instrument_imports(include=["extractor"]):
        import extractor.model
        import extractor.read.txt
        import extractor.segment
        import extractor.tag  # noqa: F401
    tagger()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
