"""Property tests: random tables in each layout, rendered several ways, segment back to their rows."""

from __future__ import annotations

from typing import Any

from fuzz_segment import check
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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


# ---- Whatever the text: segmentation and tagging never crash and never yield a row without
# content (the invariants are `fuzz_segment.check`, shared with the atheris target).

PLAN_LINES = [
    "PHỤ LỤC", "DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN", "DANH MỤC", "I / MÔ HÌNH: 22", "II. ĐIỂN HÌNH: 06",
    "A. TẬP THỂ", "B. CÁ NHÂN", "1. Huyện Mai Châu", "2. Thành phố Hòa Bình", "STT\tTên tập thể, cá nhân\tMô hình",
    "TT\tTên mô hình\tĐơn vị thực hiện\tĐịa chỉ\tGhi chú", "| STT | Tên tập thể, cá nhân | Mô hình, điển hình |",
    "|---|---|---|", "| 1 | Công an huyện Lạc Sơn | Mô hình “Camera an ninh” |", "| | | |", "\t1", "\t12",
    "\tCông an huyện Lạc Sơn", "\tMô hình “Chung tay vì cộng đồng”, giúp đỡ hộ nghèo", "\tBà Lò Thị Xuân, xã Tân Lập",
    "1\tHội Nông dân xã Tân Lập\tMô hình “Trồng cam sành”", "2.\tGia đình ông Hà Văn Hưng\t\t",
    "3\t\t", "\t", "", "Nơi nhận:", "KẾ HOẠCH", "Số: 181/KH-UBND", "Hòa Bình, ngày 11 tháng 11 năm 2019",
    "Điển hình “Tiết kiệm”", "“", "”", "STT", "1", "0", "-1", "999999999999999999999", "I", "II", "A", "B",
]
plan_like = st.lists(st.one_of(st.sampled_from(PLAN_LINES), st.text(max_size=30)), max_size=40).map("\n".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_segmentation_holds_on_any_text(text: str) -> None:
    check(text)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_like)
def test_segmentation_holds_on_plan_like_text(text: str) -> None:
    check(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.randoms(use_true_random=False))
def test_segmentation_holds_on_damaged_tables(table: GenTable, rnd: Any) -> None:
    """A real table with lines dropped, doubled or swapped (a dump cut short, a copy gone wrong)."""
    lines = as_dump(table).split("\n")
    for _ in range(rnd.randint(1, 6)):
        if not lines:
            break
        i = rnd.randrange(len(lines))
        action = rnd.choice(["drop", "double", "swap", "blank"])
        if action == "drop":
            del lines[i]
        elif action == "double":
            lines.insert(i, lines[i])
        elif action == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        else:
            lines[i] = ""
    check("\n".join(lines))
