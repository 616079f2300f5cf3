"""DOCX reader: document order, merged cells, split and nested tables, content controls,
legacy fonts, broken files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from extractor.errors import DocumentLoadError
from extractor.model import Line, Table
from extractor.read import read_document
from extractor.segment import segment


def _fill(table, rows: list[list[str]]) -> None:
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value


def _appendix(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("PHỤ LỤC")
    t = d.add_table(rows=5, cols=3)
    _fill(t, [["STT", "Tên tập thể, cá nhân", "Mô hình, điển hình"],
              ["", "", ""],
              ["1", "Công an huyện Lạc Sơn", "Mô hình “Chung tay vì cuộc sống cộng đồng”"],
              ["2", "Hội Nông dân xã Bản Lầu", "Mô hình “Trồng chuối”"],
              ["3", "Xóm Đá Bia", "Mô hình “Du lịch cộng đồng”"]])
    section = t.cell(1, 0).merge(t.cell(1, 2))  # a section title across the table
    section.text = "I. MÔ HÌNH: 03"
    note = t.cell(2, 2).merge(t.cell(3, 2))  # a vertical merge over rows 2-3
    note.paragraphs[0].text = "Mô hình “Chung tay vì cuộc sống cộng đồng”"
    for extra in note.paragraphs[1:]:
        extra._element.getparent().remove(extra._element)
    d.add_paragraph("Sau bảng")
    d.save(path)
    return path


def test_merged_cells_are_stored_once_with_their_span(tmp_path: Path) -> None:
    doc = read_document(_appendix(tmp_path / "a.docx"))
    table = doc.tables()[0]
    assert doc.format == "docx"
    assert len(table.rows[1]) == 1
    section = table.rows[1][0]
    assert (section.text, section.colspan, section.prov.col) == ("I. MÔ HÌNH: 03", 3, 0)
    merged = table.rows[2][2]
    assert merged.rowspan == 2 and merged.prov.row == 2
    assert [c.prov.col for c in table.rows[3]] == [0, 1]  # the covered cell is not repeated
    assert table.n_cols == 3


def test_blocks_keep_document_order(tmp_path: Path) -> None:
    doc = read_document(_appendix(tmp_path / "a.docx"))
    kinds = [(type(b).__name__, b.text if isinstance(b, Line) else "") for b in doc.blocks]
    assert kinds == [("Line", "KẾ HOẠCH"), ("Line", "PHỤ LỤC"), ("Table", ""), ("Line", "Sau bảng")]


def test_table_split_in_two_word_tables_stays_two_blocks(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("PHỤ LỤC")
    first = d.add_table(rows=2, cols=3)
    _fill(first, [["STT", "Tên tập thể, cá nhân", "Mô hình, điển hình"],
                  ["1", "Công an huyện Lạc Sơn", "Mô hình “Chung tay”"]])
    second = d.add_table(rows=1, cols=3)
    _fill(second, [["2", "Xóm Đá Bia", "Mô hình “Du lịch”"]])
    d.save(tmp_path / "split.docx")
    doc = read_document(tmp_path / "split.docx")
    tables = doc.tables()
    assert [t.prov.table for t in tables] == [0, 1]
    assert tables[1].rows[0][0].prov.table == 1
    rows = segment(doc).rows
    assert [r.row_no for r in rows] == [1, 2]


def test_nested_table_in_a_layout_wrapper_is_unwrapped(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("PHỤ LỤC")
    outer = d.add_table(rows=1, cols=1)
    cell = outer.cell(0, 0)
    cell.paragraphs[0].text = "Danh sách kèm theo"
    inner = cell.add_table(rows=2, cols=3)
    _fill(inner, [["STT", "Tên tập thể, cá nhân", "Mô hình, điển hình"],
                  ["1", "Công an huyện Lạc Sơn", "Mô hình “Chung tay”"]])
    d.save(tmp_path / "nested.docx")
    doc = read_document(tmp_path / "nested.docx")
    assert [b.text for b in doc.lines()] == ["PHỤ LỤC", "Danh sách kèm theo"]
    (table,) = doc.tables()
    assert table.texts()[1] == ["1", "Công an huyện Lạc Sơn", "Mô hình “Chung tay”"]


def test_nested_table_inside_a_data_table_is_flattened_into_its_cell(tmp_path: Path) -> None:
    d = docx.Document()
    outer = d.add_table(rows=2, cols=2)
    _fill(outer, [["STT", "Tên tập thể"], ["1", ""]])
    inner = outer.cell(1, 1).add_table(rows=2, cols=2)
    _fill(inner, [["Công an", "huyện Lạc Sơn"], ["Xóm", "Đá Bia"]])
    d.save(tmp_path / "flat.docx")
    (table,) = read_document(tmp_path / "flat.docx").tables()
    assert table.rows[1][1].text.split("\n")[-2:] == ["Công an huyện Lạc Sơn", "Xóm Đá Bia"]


def test_content_controls_are_read(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Trước")
    body = d.element.body
    block = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent>'
        '<w:p><w:r><w:t>Số: 181/KH-UBND</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    body.insert(body.index(d.paragraphs[0]._element) + 1, block)
    p = d.add_paragraph("Ngày ")
    inline = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:r><w:t>11/11/2019</w:t></w:r></w:sdtContent></w:sdt>')
    p._element.append(inline)
    deleted = parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="x"><w:r><w:delText>XOÁ</w:delText></w:r></w:del>')
    p._element.append(deleted)
    d.save(tmp_path / "sdt.docx")
    texts = [b.text for b in read_document(tmp_path / "sdt.docx").lines()]
    assert texts == ["Trước", "Số: 181/KH-UBND", "Ngày 11/11/2019"]


def _legacy_run(paragraph, text: str, font: str) -> None:
    run = paragraph.add_run(text)
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:ascii"), font)
    fonts.set(qn("w:hAnsi"), font)
    run._element.get_or_add_rPr().append(fonts)


def test_runs_in_legacy_fonts_are_converted(tmp_path: Path) -> None:
    d = docx.Document()
    _legacy_run(d.add_paragraph(), "Uû ban nh©n d©n tØnh Hßa B×nh", ".VnTime")
    _legacy_run(d.add_paragraph(), "kÕ ho¹ch", ".VnTimeH")
    _legacy_run(d.add_paragraph(), "Coâng an huyeän Laïc Sôn", "VNI-Times")
    mixed = d.add_paragraph("Unicode, ")
    _legacy_run(mixed, "Hµ Néi", ".VnArial")
    d.save(tmp_path / "legacy.docx")
    doc = read_document(tmp_path / "legacy.docx")
    assert [b.text for b in doc.lines()] == ["Uỷ ban nhân dân tỉnh Hòa Bình", "KẾ HOẠCH", "Công an huyện Lạc Sơn",
                                            "Unicode, Hà Nội"]
    assert "encoding:tcvn3" in doc.warnings and "encoding:vni" in doc.warnings


def test_legacy_font_from_the_paragraph_style(tmp_path: Path) -> None:
    d = docx.Document()
    style = d.styles["Normal"]
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:ascii"), ".VnTime")
    fonts.set(qn("w:hAnsi"), ".VnTime")
    d.add_paragraph("X· Nh©n NghÜa, huyÖn L¹c S¬n")
    d.save(tmp_path / "style.docx")
    assert read_document(tmp_path / "style.docx").lines()[0].text == "Xã Nhân Nghĩa, huyện Lạc Sơn"


def test_truncated_docx_is_a_load_error(tmp_path: Path) -> None:
    good = _appendix(tmp_path / "good.docx").read_bytes()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(good[: len(good) // 2])
    with pytest.raises(DocumentLoadError, match=r"(?i)corrupt|truncated"):
        read_document(bad)


def test_zip_of_something_else_is_a_load_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    with zipfile.ZipFile(fake, "w") as zf:
        zf.writestr("notes.txt", "không phải Word")
        zf.writestr("data.csv", "a,b")
    with pytest.raises(DocumentLoadError, match=r"not a Word \.docx.*notes\.txt"):
        read_document(fake)
    sheet = tmp_path / "sheet.docx"
    with zipfile.ZipFile(sheet, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(DocumentLoadError, match="Excel workbook"):
        read_document(sheet)


def test_docx_with_a_wrong_extension_is_read_by_content(tmp_path: Path) -> None:
    src = _appendix(tmp_path / "a.docx")
    renamed = tmp_path / "plan.pdf"
    renamed.write_bytes(src.read_bytes())
    doc = read_document(renamed)
    assert doc.format == "docx" and isinstance(doc.blocks[2], Table)


def test_docx_main_part_that_is_not_xml_is_a_load_error(tmp_path: Path) -> None:
    src = _appendix(tmp_path / "a.docx")
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, b"<w:document" if item.filename == "word/document.xml" else data)
    with pytest.raises(DocumentLoadError):
        read_document(broken)


def test_word_automatic_numbering_is_read_into_the_text(tmp_path: Path) -> None:
    import docx

    from extractor.model import Table
    from extractor.read import read_document

    d = docx.Document()
    d.add_paragraph("PHỤ LỤC")
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "STT", "Tên tập thể, cá nhân"
    for name in ("Công an huyện Lạc Sơn", "Hội Nông dân xã Nhân Nghĩa"):
        cells = t.add_row().cells
        cells[0].paragraphs[0].style = d.styles["List Number"]  # the number is drawn, not stored
        cells[1].text = name
    path = tmp_path / "numbered.docx"
    d.save(str(path))
    table = next(b for b in read_document(path).blocks if isinstance(b, Table))
    assert [row[0].text.strip() for row in table.rows] == ["STT", "1.", "2."]


def test_numbering_formats_levels_and_restarts() -> None:
    from lxml import etree

    from extractor.read.docx_numbering import Numbering, format_number

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    numbering = etree.fromstring(f"""<w:numbering xmlns:w="{w}">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>""")

    def para(num_id: str, level: int) -> etree._Element:
        return etree.fromstring(f'<w:p xmlns:w="{w}"><w:pPr><w:numPr><w:ilvl w:val="{level}"/>'
                                f'<w:numId w:val="{num_id}"/></w:numPr></w:pPr></w:p>')

    n = Numbering(numbering, None)
    got = [n.label(para("1", lvl), None) for lvl in (0, 1, 1, 0, 1)]
    assert got == ["I.", "I.1", "I.2", "II.", "II.1"]
    assert n.label(para("2", 0), None) == ""  # a bullet is no number
    assert [format_number(k, "upperRoman") for k in (4, 9, 14)] == ["IV", "IX", "XIV"]
    assert format_number(2, "lowerLetter") == "b"
