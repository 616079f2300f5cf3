"""Born-digital PDF reader: ruled tables across pages, running headers, borderless tables,
layout blocks, page limits and broken files. PDFs are drawn in the test (fixtures_read/pdfgen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_read.pdfgen import PageSpec, write_pdf

from extractor.errors import DocumentLoadError
from extractor.model import Line, Table
from extractor.read import read_document
from extractor.segment import segment
from extractor.settings import Settings

XS = [60.0, 100.0, 280.0, 540.0]
ACTORS = [f"Hội Nông dân xã số {i}" for i in range(1, 17)]


def _header(page: PageSpec, top: float) -> None:
    page.grid(XS, [top, top + 24])
    page.text(66, top + 6, "STT")
    page.text(106, top + 6, "Tên tập thể, cá nhân")
    page.text(286, top + 6, "Mô hình, điển hình")


def _running(page: PageSpec, number: int) -> None:
    page.text(230, 22, "UBND TỈNH HÒA BÌNH - KẾ HOẠCH 181", 8)
    page.text(295, 812, str(number), 9)


def _crossing(path: Path) -> Path:
    """Two pages: header block, caption, a ruled table with a section row whose last row on
    page 1 wraps over the break, its header repeated on page 2; running header, page numbers."""
    one, two = PageSpec(), PageSpec()
    for number, page in enumerate((one, two), start=1):
        _running(page, number)
    one.text(60, 50, "ỦY BAN NHÂN DÂN", 11)
    one.text(300, 50, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 11)
    one.text(75, 66, "TỈNH HÒA BÌNH", 11)
    one.text(330, 66, "Độc lập - Tự do - Hạnh phúc", 11)
    one.text(260, 110, "PHỤ LỤC", 12)
    _header(one, 140)
    one.grid(XS, [164, 188], skip={(0, 1), (0, 2)})  # section row merged across the table
    one.text(66, 170, "I. MÔ HÌNH: 16")
    top = 188.0
    for i in range(13):  # rows 1-13 whole, row 14 starts at the page's foot
        one.grid(XS, [top, top + 40])
        one.text(66, top + 6, str(i + 1))
        one.text(106, top + 6, ACTORS[i])
        one.text(286, top + 6, f"Mô hình “Mô hình số {i + 1}”, hiệu quả")
        top += 40
    one.grid(XS, [top, 760.0])
    one.text(66, top + 6, "14")
    one.text(106, top + 6, ACTORS[13])
    one.text(286, top + 6, "Mô hình “Mô hình số 14”, giúp")
    _header(two, 60)
    two.grid(XS, [84, 110])
    two.text(286, 90, "hội viên thoát nghèo")  # the rest of row 14
    top = 110.0
    for i in (14, 15):
        two.grid(XS, [top, top + 40])
        two.text(66, top + 6, str(i + 1))
        two.text(106, top + 6, ACTORS[i])
        two.text(286, top + 6, f"Mô hình “Mô hình số {i + 1}”, hiệu quả")
        top += 40
    two.text(60, top + 30, "Tổng cộng: 16 mô hình.")
    return write_pdf(path, [one, two])


def test_table_crossing_a_page_break_is_one_table_with_each_row_once(tmp_path: Path) -> None:
    doc = read_document(_crossing(tmp_path / "cross.pdf"))
    assert doc.format == "pdf" and not doc.ocr and doc.n_pages == 2
    appendix = [t for t in doc.tables() if t.n_cols == 3]
    assert len(appendix) == 1
    table = appendix[0]
    assert [r[0].text for r in table.rows[:2]] == ["STT", "I. MÔ HÌNH: 16"]
    assert sum(1 for r in table.rows if r[0].text == "STT") == 1  # the repeated header is dropped
    assert [r[0].prov.row for r in table.rows] == list(range(len(table.rows)))
    rows = segment(doc).rows
    assert [r.row_no for r in rows] == list(range(1, 17))
    assert [r.cells["actor"] for r in rows] == ACTORS
    assert rows[13].cells["model"] == "Mô hình “Mô hình số 14”, giúp hội viên thoát nghèo"
    assert rows[13].prov.page == 1 and rows[15].prov.page == 2


def test_running_header_and_page_numbers_are_removed(tmp_path: Path) -> None:
    doc = read_document(_crossing(tmp_path / "cross.pdf"))
    texts = [b.text for b in doc.lines()]
    assert not any("UBND TỈNH HÒA BÌNH - KẾ HOẠCH" in t for t in texts)
    assert "1" not in texts and "2" not in texts
    assert "PHỤ LỤC" in texts and "Tổng cộng: 16 mô hình." in texts


def test_header_block_in_two_columns_becomes_a_layout_table(tmp_path: Path) -> None:
    doc = read_document(_crossing(tmp_path / "cross.pdf"))
    first = doc.blocks[0]
    assert isinstance(first, Table)
    assert first.texts() == [["ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH",
                              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"]]
    assert first.prov.page == 1 and first.prov.bbox is not None


def test_borderless_table_is_recovered_from_word_positions(tmp_path: Path) -> None:
    page = PageSpec()
    page.text(250, 60, "PHỤ LỤC", 12)
    page.text(66, 100, "STT")
    page.text(106, 100, "Tên tập thể, cá nhân")
    page.text(320, 100, "Mô hình, điển hình")
    top = 130.0
    for i, (actor, more) in enumerate([("Công an huyện Lạc Sơn", "cộng đồng"), ("Xóm Đá Bia, xã Tiền", "Phong")]):
        page.text(66, top, str(i + 1))
        page.text(106, top, actor)
        page.text(320, top, "Mô hình “Chung tay vì cuộc sống")
        page.text(106, top + 15, more)
        page.text(320, top + 15, "đồng”, giúp hộ nghèo")
        top += 36
    doc = read_document(write_pdf(tmp_path / "plain.pdf", [page]))
    (table,) = doc.tables()
    assert table.texts()[0] == ["STT", "Tên tập thể, cá nhân", "Mô hình, điển hình"]
    assert table.texts()[2] == ["2", "Xóm Đá Bia, xã Tiền\nPhong", "Mô hình “Chung tay vì cuộc sống\nđồng”, giúp hộ nghèo"]
    rows = segment(doc).rows
    assert [(r.row_no, r.cells["actor"]) for r in rows] == [(1, "Công an huyện Lạc Sơn cộng đồng"),
                                                            (2, "Xóm Đá Bia, xã Tiền Phong")]


def test_max_pages_reads_the_first_pages_and_warns(tmp_path: Path) -> None:
    pages = []
    for i in range(3):
        page = PageSpec()
        page.text(60, 100, f"Trang nội dung thứ {i + 1} của kế hoạch nhân rộng mô hình tiên tiến.")
        pages.append(page)
    doc = read_document(write_pdf(tmp_path / "long.pdf", pages), Settings(max_pages=2))
    assert doc.n_pages == 3
    assert [b.prov.page for b in doc.lines()] == [1, 2]
    assert any("max_pages" in w and "2 of 3" in w for w in doc.warnings)


def _encrypted_pdf() -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
               b"<< /Filter /Standard /V 1 /R 2 /O <" + b"28" * 32 + b"> /U <" + b"4e" * 32 + b"> /P -44 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<" + b"ab" * 16 + b"> <" + b"ab" * 16 + b">] >>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_encrypted_pdf_is_a_load_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypted_pdf())
    with pytest.raises(DocumentLoadError, match="PDF is encrypted"):
        read_document(path)


def test_truncated_and_corrupt_pdfs_are_load_errors(tmp_path: Path) -> None:
    good = _crossing(tmp_path / "cross.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good[:200])
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    for path in (cut, junk):
        with pytest.raises(DocumentLoadError, match="PDF"):
            read_document(path)


def test_lines_carry_page_and_box(tmp_path: Path) -> None:
    doc = read_document(_crossing(tmp_path / "cross.pdf"))
    caption = next(b for b in doc.blocks if isinstance(b, Line) and b.text == "PHỤ LỤC")
    assert caption.prov.page == 1 and caption.prov.bbox is not None
    assert 105 < caption.prov.bbox[1] < 115


def test_text_layer_in_a_tcvn3_font_is_converted(tmp_path: Path) -> None:
    page = PageSpec()
    page.text(60, 100, "Uû ban nh©n d©n tØnh Hßa B×nh")  # what a .VnTime PDF's text layer holds
    page.text(60, 130, "C«ng an huyÖn L¹c S¬n, x· Nh©n NghÜa")
    doc = read_document(write_pdf(tmp_path / "vntime.pdf", [page]))
    assert [b.text for b in doc.lines()] == ["Uỷ ban nhân dân tỉnh Hòa Bình", "Công an huyện Lạc Sơn, xã Nhân Nghĩa"]
    assert "encoding:tcvn3" in doc.warnings


def test_a_gutter_shown_by_a_later_line_splits_the_first_line() -> None:
    # row 1's actor and model run together (one word space across the gutter); row 2 shows
    # the gutter, and row 1 is cut there
    from extractor.read.layout import Page, TextLine, Word, _region, _region_table

    def words(top: float, x: float, text: str) -> list[Word]:
        out = []
        for t in text.split():
            out.append(Word(t, x, top, x + 6 * len(t), top + 9))
            x += 6 * len(t) + 4  # a word space
        return out

    lines = [TextLine(words(100, 91, "1.") + words(100, 235, "Công an xã Lạc") + words(100, 320, "Mô hình")),
             TextLine(words(125, 91, "2.") + words(125, 235, "Hội Nông") + words(125, 320, "Mô hình"))]
    region = _region(lines, 0)
    assert region is not None
    start, end, bands = region
    table, _ = _region_table(Page(number=1, width=600, height=800), lines[start:end], bands)
    assert [[c.text for c in row] for row in table.rows] == [["1.", "Công an xã Lạc", "Mô hình"],
                                                             ["2.", "Hội Nông", "Mô hình"]]
