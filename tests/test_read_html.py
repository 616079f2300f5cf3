"""HTML reader: the portal's chrome ignored, the document's paragraphs and tables kept."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from extractor.model import Table
from extractor.read import read_document
from extractor.read.html import decode_html
from extractor.segment import segment

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>Kế hoạch 181/KH-UBND</title>
<script>var menu = "Trang chủ";</script><style>.x {{ color: red }}</style></head>
<body>
<div id="header"><ul class="menu"><li><a href="/">Trang chủ</a></li><li>Văn bản mới</li></ul></div>
<div id="breadcrumb">Trang chủ &raquo; Văn bản</div>
<div class="left-col">
  <ul class="tabs"><li>Nội dung</li><li>Tải về</li></ul>
  <div class="content1">
    <p style="text-align:center"><b>KẾ HOẠCH</b></p>
    <p>Triển khai nhân rộng mô hình,<br>điển hình tiên tiến năm 2019</p>
    <p><b>PHỤ LỤC</b></p>
    <table border="1">
      <tr><td>STT</td><td>Tên tập thể, cá nhân</td><td>Mô hình, điển hình</td><td>Ghi chú</td></tr>
      <tr><td colspan="4"><b>I. MÔ HÌNH: 02</b></td></tr>
      <tr><td>1</td><td>Công an huyện Lạc Sơn</td><td><p>Mô hình “Chung tay”,</p><p>giúp đỡ hộ nghèo</p></td>
          <td rowspan="2">Nhân rộng</td></tr>
      <tr><td>2</td><td>Bà Bùi Thị Sành, xóm Bui</td><td>Mô hình “Hợp tác xã mây tre đan”</td></tr>
    </table>
  </div>
  <div id="lienquan" style="display:none"><p>Văn bản liên quan: không hiện</p></div>
</div>
<div class="right-col"><h3>Văn bản mới</h3><p>Quyết định khác về thi đua khen thưởng</p></div>
<div id="footer"><p>Bản quyền thuộc về Cổng thông tin điện tử</p></div>
<script>document.write("quảng cáo")</script>
</body></html>
"""


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: tone marks as combining characters."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += base.encode("cp1258") + tones.encode("cp1258")
    return out


def _page(tmp_path: Path, charset: str = "utf-8") -> Path:
    path = tmp_path / "page.html"
    text = PAGE.format(charset=charset)
    path.write_bytes(_cp1258(text) if charset == "windows-1258" else text.encode(charset))
    return path


def test_chrome_is_ignored_and_the_document_kept(tmp_path: Path) -> None:
    doc = read_document(_page(tmp_path))
    lines = [b.text for b in doc.lines()]
    assert doc.format == "html"
    assert lines == ["KẾ HOẠCH", "Triển khai nhân rộng mô hình,", "điển hình tiên tiến năm 2019", "PHỤ LỤC"]
    everything = " ".join(lines + [c.text for t in doc.tables() for row in t.rows for c in row])
    for junk in ("Trang chủ", "var menu", "Bản quyền", "liên quan", "Văn bản mới", "quảng cáo", "Tải về"):
        assert junk not in everything


def test_spans_give_grid_columns(tmp_path: Path) -> None:
    (table,) = read_document(_page(tmp_path)).tables()
    assert table.n_cols == 4
    assert (table.rows[1][0].text, table.rows[1][0].colspan) == ("I. MÔ HÌNH: 02", 4)
    note = table.rows[2][3]
    assert (note.text, note.rowspan, note.prov.col) == ("Nhân rộng", 2, 3)
    assert [c.prov.col for c in table.rows[3]] == [0, 1, 2]
    assert table.rows[2][2].text == "Mô hình “Chung tay”,\ngiúp đỡ hộ nghèo"


def test_rows_segment_like_the_other_formats(tmp_path: Path) -> None:
    rows = segment(read_document(_page(tmp_path))).rows
    assert [(r.row_no, r.section_label) for r in rows] == [(1, "I"), (2, "I")]
    assert rows[1].cells["actor"] == "Bà Bùi Thị Sành, xóm Bui"


def test_declared_windows_1258_charset(tmp_path: Path) -> None:
    doc = read_document(_page(tmp_path, charset="windows-1258"))
    assert doc.lines()[0].text == "KẾ HOẠCH"
    assert "encoding:cp1258" in doc.warnings


def test_utf8_page_that_declares_latin1_is_read_as_utf8() -> None:
    text, encoding = decode_html('<meta charset="iso-8859-1"><p>Hòa Bình</p>'.encode())
    assert "Hòa Bình" in text and encoding == "utf-8"


def test_legacy_font_face_is_converted(tmp_path: Path) -> None:
    path = tmp_path / "old.html"
    path.write_text('<html><body><p><font face=".VnTime">Hßa B×nh</font> và '
                    '<span style="font-family: \'VNI-Times\'">Laïc Sôn</span></p></body></html>', encoding="latin-1")
    assert read_document(path).lines()[0].text == "Hòa Bình và Lạc Sơn"


def test_layout_wrapper_table_is_unwrapped(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.html"
    path.write_text('<html><body><table><tr><td><p>PHỤ LỤC</p><table border="1">'
                    '<tr><td>STT</td><td>Tên</td></tr><tr><td>1</td><td>Xóm Đá Bia</td></tr>'
                    "</table></td></tr></table></body></html>", encoding="utf-8")
    doc = read_document(path)
    assert [type(b).__name__ for b in doc.blocks] == ["Line", "Table"]
    assert isinstance(doc.blocks[1], Table) and doc.blocks[1].texts() == [["STT", "Tên"], ["1", "Xóm Đá Bia"]]


def test_page_without_a_known_container_falls_back_to_the_densest_block(tmp_path: Path) -> None:
    path = tmp_path / "plain.html"
    body = "".join(f"<p>Đoạn {i} của văn bản kế hoạch nhân rộng mô hình.</p>" for i in range(6))
    path.write_text(f'<html><body><nav><a href="/">Trang chủ</a></nav><div class="main">{body}</div>'
                    '<aside>Tin khác</aside></body></html>', encoding="utf-8")
    lines = [b.text for b in read_document(path).lines()]
    assert lines[0] == "Đoạn 0 của văn bản kế hoạch nhân rộng mô hình." and len(lines) == 6
