"""OCR reader: a scanned page gives the table's rows (within tolerance) with confidences; images
too; a missing Tesseract or Vietnamese model is a MissingToolError. Needs tesseract + vie."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fixtures_read.pdfgen import PageSpec, scan_pdf, write_pdf
from PIL import Image, ImageDraw
from rapidfuzz import fuzz

from extractor.errors import MissingToolError
from extractor.read import ocr, read_document
from extractor.read.ruling import Rule, estimate_skew, grid_tables
from extractor.segment import segment
from extractor.settings import Settings

ROWS = [("1", "Công an huyện Lạc Sơn", "Mô hình “Chung tay vì cuộc sống cộng đồng”"),
        ("2", "Hội Nông dân xã Nhân Nghĩa", "Mô hình “Hợp tác xã mây tre đan”"),
        ("3", "Trường Mầm non Sao Mai", "Mô hình “Thư viện thân thiện của bé”"),
        ("4", "Trạm Y tế xã Ngổ Luông", "Mô hình “Khám chữa bệnh bằng y học cổ truyền”")]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("scan")
    page = PageSpec(width=595, height=420)
    page.text(230, 40, "PHỤ LỤC", 14)
    xs, top = [40.0, 80.0, 290.0, 570.0], 80.0
    page.grid(xs, [top, top + 30])
    for x, label in zip(xs, ("STT", "Tên tập thể, cá nhân", "Mô hình, điển hình"), strict=False):
        page.text(x + 6, top + 8, label, 12)
    top += 30
    for stt, actor, model in ROWS:
        page.grid(xs, [top, top + 44])
        page.text(xs[0] + 6, top + 8, stt, 12)
        page.text(xs[1] + 6, top + 8, actor, 12)
        page.text(xs[2] + 6, top + 8, model, 11)
        top += 44
    digital = write_pdf(tmp / "page.pdf", [page])
    return scan_pdf(digital, tmp / "page.scan.pdf", dpi=200, angle=0.7)


@pytest.fixture(scope="module")
def scanned_doc(scanned: Path):  # type: ignore[no-untyped-def]
    return read_document(scanned)


def test_scanned_page_is_read_by_ocr(scanned_doc) -> None:  # type: ignore[no-untyped-def]
    assert scanned_doc.format == "pdf-ocr" and scanned_doc.ocr
    (table,) = scanned_doc.tables()
    assert table.n_cols == 3 and len(table.rows) == 1 + len(ROWS)
    cells = [c for row in table.rows for c in row if c.text]
    assert all(c.confidence is not None and 0 < c.confidence <= 1 for c in cells)
    assert any(line.text == "PHỤ LỤC" and line.confidence for line in scanned_doc.lines())


def test_scanned_rows_within_tolerance(scanned_doc) -> None:  # type: ignore[no-untyped-def]
    rows = segment(scanned_doc).rows
    assert [r.row_no for r in rows] == [1, 2, 3, 4]
    for row, (_stt, actor, model) in zip(rows, ROWS, strict=True):
        assert fuzz.ratio(row.cells.get("actor", ""), actor) >= 90
        assert fuzz.ratio(row.cells.get("model", ""), model) >= 90


def test_image_file_is_read_by_ocr(scanned: Path, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(scanned))
    image = pdf[0].render(scale=200 / 72, grayscale=True).to_pil()
    pdf.close()
    path = tmp_path / "page.png"
    image.save(path, dpi=(200, 200))
    doc = read_document(path)
    assert doc.format == "pdf-ocr" and doc.ocr and doc.n_pages == 1
    assert [r.row_no for r in segment(doc).rows] == [1, 2, 3, 4]


def test_missing_tesseract_is_a_missing_tool_error(scanned: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on the path
    with pytest.raises(MissingToolError, match="tesseract-ocr-vie"):
        read_document(scanned)


def test_missing_vietnamese_model_is_a_missing_tool_error(scanned: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "_languages", lambda exe: frozenset({"eng", "osd"}))
    with pytest.raises(MissingToolError, match=r"no 'vie' language model.*tesseract-ocr-vie"):
        read_document(scanned)


def test_skew_is_measured() -> None:
    img = Image.new("L", (1000, 1200), 255)
    draw = ImageDraw.Draw(img)
    for y in range(100, 1100, 35):
        draw.line([(100, y), (900, y)], fill=0, width=3)
    tilted = img.rotate(1.2, fillcolor=255)
    assert abs(estimate_skew(np.asarray(tilted)) + 1.2) <= 0.1


def test_grid_with_a_missing_rule_has_a_merged_cell() -> None:
    rules = [Rule(True, y, 0, 300) for y in (0, 20, 40)]
    rules += [Rule(False, 0, 0, 40), Rule(False, 300, 0, 40), Rule(False, 100, 20, 40)]  # no rule in row 0
    ((xs, ys, cells),) = grid_tables(rules)
    assert xs == [0, 100, 300] and ys == [0, 20, 40]
    assert cells == [(0, 0, 1, 2), (1, 0, 1, 1), (1, 1, 1, 1)]


def test_pages_ocred_in_parallel_read_the_same() -> None:
    from conftest import CORPORA

    from extractor.read import read_document
    from extractor.settings import Settings

    scan = CORPORA / "scan" / "nghe-an-2022-215-KH-UBND.scan.pdf"
    one = read_document(scan, Settings(ocr_threads=1))
    two = read_document(scan, Settings(ocr_threads=2))
    assert one.blocks == two.blocks and one.ocr and two.ocr


def test_the_strips_of_all_pages_are_read_in_one_call_as_if_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document's doubtful table cells are re-read in one tesseract call for all its pages
    (a start saved per page), each page's strip read as a page of its own: the words are those
    of one call per strip."""
    from conftest import CORPORA

    scan = CORPORA / "scan" / "nghe-an-2022-215-KH-UBND.scan.pdf"
    calls: list[int] = []
    real = ocr.tesseract_pages

    def spy(images: list[Image.Image], *args: object, **kwargs: object) -> list[list[ocr.Word]]:
        calls.append(len(images))
        return real(images, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ocr, "tesseract_pages", spy)
    together = read_document(scan, Settings(ocr_threads=1))
    strips = [n for n in calls if n > 1]
    assert len(strips) == 1 and strips[0] >= 2, calls  # one call, every page's strip
    assert calls.count(1) >= together.n_pages  # the pages, one call each

    def apart(images: list[Image.Image], *args: object, **kwargs: object) -> list[list[ocr.Word]]:
        return [real([image], *args, **kwargs)[0] for image in images]  # type: ignore[arg-type]

    monkeypatch.setattr(ocr, "tesseract_pages", apart)
    assert read_document(scan, Settings(ocr_threads=1)).blocks == together.blocks


def test_fast_median_is_pils_median() -> None:
    import numpy as np
    from PIL import Image, ImageFilter

    from extractor.read.ocr import median3

    rng = np.random.default_rng(7)
    for shape in ((1, 1), (2, 5), (31, 17), (200, 300)):
        img = Image.fromarray(rng.integers(0, 256, shape, dtype=np.uint8), "L")
        assert np.array_equal(np.asarray(median3(img)), np.asarray(img.filter(ImageFilter.MedianFilter(3))))


def test_misread_unit_type_words_are_mended_where_they_stand() -> None:
    from extractor.read.lexicon import repair_type_words

    line = "Chỉ hội xã Lạc Thịnh, huyên Yên Thủy, thi trấn Mường Khến, thành phô Hòa Bình, khu phổ 7"
    words = line.split(" ")
    assert " ".join(repair_type_words(words)) == (
        "Chi hội xã Lạc Thịnh, huyện Yên Thủy, thị trấn Mường Khến, thành phố Hòa Bình, khu phố 7")
    other = "huyên náo, phổ biến, thi đua, chỉ đạo"
    untouched = other.split(" ")
    assert repair_type_words(untouched) == untouched


def test_rule_pieces_beside_a_merged_cell_are_found() -> None:
    import numpy as np

    from extractor.read.ruling import find_rules, grid_tables

    page = np.full((400, 600), 255, dtype=np.uint8)
    for x in (50, 100, 300, 550):  # four columns
        page[50:350, x - 1 : x + 1] = 0
    for y in (50, 150, 250, 350):  # rules across, but column 2 is one cell merged down two rows
        page[y - 1 : y + 1, 50:550] = 0
    page[249:251, 100:300] = 255  # ... except the rule at 250 between x 100 and 300
    page[149:151, 100:300] = 255
    page[149:151, 50:100] = 0  # the short piece under the first (STT) cell stays
    rules = find_rules(page)
    assert any(r.horizontal and abs(r.pos - 150) <= 2 and r.start <= 52 and r.end >= 98 for r in rules)
    cells = grid_tables(rules)[0][2]
    assert (1, 0, 1, 1) in cells and (2, 0, 1, 1) in cells  # two STT cells, not one merged


def test_borderless_scanned_table_keeps_a_number_the_page_pass_dropped() -> None:
    # at 300 dpi the page pass reads "1." and "3." but not "2.": the number column is read
    # again on its own, so rows 1 and 2 do not run together
    from extractor.pipeline import process_file

    path = Path(__file__).parent / "fixtures_read" / "borderless.scan.pdf"
    result = process_file(path, path.name, Settings(workers=1))
    assert [(m.row_no, m.actor_name) for m in result.mentions] == [
        (1, "Công an huyện Lạc Sơn"), (2, "Hội Nông dân xã Nhân Nghĩa"), (3, "Khu phố 7")]


def test_a_merged_section_row_read_as_l_is_section_i_with_or_without_its_stop() -> None:
    assert ocr.mend_lead_roman("L MÔ HÌNH (10 mô hình)") == "I MÔ HÌNH (10 mô hình)"
    assert ocr.mend_lead_roman("L. MÔ HÌNH: 2") == "I. MÔ HÌNH: 2"
    assert ocr.mend_lead_roman("HI. LĨNH VỰC KINH TẾ") == "III. LĨNH VỰC KINH TẾ"
    assert ocr.mend_lead_roman("L Mô hình của bản") == "L Mô hình của bản"  # no capitals word: left


def test_a_modifier_letter_read_from_a_speck_is_junk() -> None:
    assert ocr._junk("ˆ", 0.9) and ocr._junk("_", 0.9)
    assert not ocr._junk("Sô", 0.9) and not ocr._junk("2.", 0.9)
