"""Segmentation on hand-built documents."""

from extractor.model import Cell, Document, Line, Provenance, Table
from extractor.read.txt import parse_text
from extractor.segment import segment
from extractor.segment.columns import header_roles
from extractor.segment.sections import declared_count, kind_of, parse_section


def _doc(text: str) -> Document:
    return Document(path="x.txt", format="txt", blocks=parse_text(text))


SEED_LIKE = """KẾ HOẠCH
NHÂN RỘNG MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM 2021

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Triển khai nhân rộng.
2. Yêu cầu
II. NỘI DUNG

\tCHỦ TỊCH




Nguyễn Văn A

PHỤ LỤC
DANH SÁCH MÔ HÌNH
(Kèm theo Kế hoạch số 12/KH-UBND ngày 03/02/2021 của Ủy ban nhân dân tỉnh Lào Cai)
\tSTT
\tTên tập thể, cá nhân
\tMô hình, điển hình

\tI
\tMÔ HÌNH: 2
\t 

\t1
\tCông an huyện Bảo Thắng
\tMô hình: “Camera an ninh”, giúp giữ gìn trật tự

\t2
\tBà Lò Thị Mai, bản Nậm Cang, xã Nậm Cang, huyện Sa Pa
\tMô hình: “Homestay bản Nậm Cang”, phát triển du lịch
cộng đồng

\tII
\tĐIỂN HÌNH: 01
\t 

\t1
\tÔng Giàng A Páo, thôn Tả Van
\tĐiển hình “Làm giàu từ chè”, tạo việc làm
"""


def test_seed_layout_rows_sections_and_counts() -> None:
    seg = segment(_doc(SEED_LIKE))
    assert [(r.section_label, r.row_no, r.section_kind) for r in seg.rows] == [
        ("I", 1, "mô hình"), ("I", 2, "mô hình"), ("II", 1, "điển hình"),
    ]
    assert seg.meta.declared_rows == 3
    # A cell's second paragraph (no leading tab) stays in its cell.
    assert seg.rows[1].cells["model"].endswith("phát triển du lịch cộng đồng")


def test_body_numbered_headings_are_never_rows() -> None:
    seg = segment(_doc(SEED_LIKE))
    texts = " ".join(" ".join(r.cells.values()) for r in seg.rows)
    assert "Mục đích" not in texts and "MỤC ĐÍCH" not in texts


def test_metadata_from_caption_and_signer() -> None:
    meta = segment(_doc(SEED_LIKE)).meta
    assert meta.doc_type == "Kế hoạch"
    assert meta.doc_number == "12/KH-UBND"
    assert meta.issue_date == "2021-02-03" and meta.year == 2021
    assert meta.issuer == "UBND tỉnh Lào Cai"
    assert meta.signer == "Nguyễn Văn A"
    assert meta.title.lower() == "nhân rộng mô hình, điển hình tiên tiến năm 2021"


def test_header_block_wins_and_dates_are_compared() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 45/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Nghệ An, ngày 5 tháng 3 năm 2020\nQUYẾT ĐỊNH\nVề việc công nhận mô hình tiên tiến\n\n"
        "PHỤ LỤC\n(Kèm theo Quyết định số 45/QĐ-UBND ngày 06/3/2020 của UBND tỉnh Nghệ An)\n"
        "\tTT\n\tTên mô hình\n\tĐơn vị thực hiện\n\tĐịa chỉ\n\n"
        "\t1\n\tNuôi bò sinh sản\n\tHợp tác xã Quỳnh Lưu\n\txã Quỳnh Hoa, huyện Quỳnh Lưu\n"
    )
    seg = segment(_doc(text))
    assert seg.meta.doc_number == "45/QĐ-UBND" and seg.meta.issuer == "UBND tỉnh Nghệ An"
    assert seg.meta.issue_date == "2020-03-05"
    assert any(f.startswith("date_mismatch") for f in seg.meta.flags)
    assert seg.meta.title == "Về việc công nhận mô hình tiên tiến"
    (row,) = seg.rows
    assert row.cells == {"title": "Nuôi bò sinh sản", "unit": "Hợp tác xã Quỳnh Lưu",
                         "address": "xã Quỳnh Hoa, huyện Quỳnh Lưu"}


def test_header_roles_in_any_order() -> None:
    assert header_roles(["Số TT", "Họ và tên", "Chức vụ, đơn vị công tác", "Thành tích"]) == [
        "stt", "actor", "role", "achievement"]
    assert header_roles(["TT", "Tên mô hình", "Đơn vị thực hiện", "Địa chỉ", "Ghi chú"]) == [
        "stt", "title", "unit", "address", "note"]
    assert header_roles(["Mô hình, điển hình", "STT", "Tên tập thể, cá nhân"]) == ["model", "stt", "actor"]
    assert header_roles(["I. MỤC ĐÍCH, YÊU CẦU"]) is None


def test_sections_and_declared_counts() -> None:
    assert declared_count("MÔ HÌNH: 22") == 22
    assert declared_count("ĐIỂN HÌNH: 06") == 6
    assert declared_count("Huyện Mai Châu (12 mô hình)") == 12
    assert kind_of("ĐIỂN HÌNH: 06") == "điển hình"
    s = parse_section("", "1. Huyện Mai Châu")
    assert s is not None and s.level == 2 and s.place == ("huyện", "Mai Châu")
    s = parse_section("", "B. CÁ NHÂN")
    assert s is not None and s.label == "B" and s.level == 1
    assert parse_section("", "1. Mục đích") is None


def test_district_subsection_applies_to_rows_and_merged_cells() -> None:
    header = [Cell("STT"), Cell("Tên tập thể, cá nhân"), Cell("Mô hình, điển hình")]
    table = Table(rows=[
        header,
        [Cell("A. TẬP THỂ", colspan=3)],
        [Cell("1. Huyện Mai Châu (2 mô hình)", colspan=3)],
        [Cell("1"), Cell("Hội Nông dân xã Chiềng Châu"), Cell("Mô hình “Trồng lúa”")],
        [Cell(""), Cell("tiếp theo"), Cell("mang lại hiệu quả")],
        [Cell("2"), Cell("Xóm Lác"), Cell("Mô hình “Du lịch cộng đồng”")],
    ], n_cols=3)
    doc = Document(path="x", format="docx", blocks=[Line("PHỤ LỤC", Provenance(line=1)), table])
    seg = segment(doc)
    assert [r.row_no for r in seg.rows] == [1, 2]
    assert seg.rows[0].group_places == [("huyện", "Mai Châu")]
    assert seg.rows[0].group == "Huyện Mai Châu"
    assert seg.rows[0].section_label == "A"
    assert "joined_continuation" in seg.rows[0].flags and seg.rows[0].cells["actor"].endswith("tiếp theo")
    assert seg.meta.declared_rows == 2


def test_missing_and_repeated_stt_are_kept_and_flagged() -> None:
    text = (
        "PHỤ LỤC\n\tSTT\n\tTên tập thể, cá nhân\n\tMô hình, điển hình\n\n"
        "\t1\n\tCông an xã A\n\tMô hình “X”\n\n\t1\n\tCông an xã B\n\tMô hình “Y”\n\n"
        "\t\n\tTrường Tiểu học C\n\tMô hình “Z”\n"
    )
    rows = segment(_doc(text)).rows
    assert len(rows) == 3
    assert "stt_repeated" in rows[1].flags
    assert "stt_missing" in rows[2].flags


def test_no_appendix_means_no_rows() -> None:
    seg = segment(_doc("KẾ HOẠCH\nTỔ CHỨC HỘI NGHỊ\n\nI. MỤC ĐÍCH\n1. Mục đích\nNội dung.\n"))
    assert seg.rows == []


def test_two_column_list_without_header() -> None:
    table = Table(rows=[
        [Cell("1"), Cell("Công an huyện Bảo Yên: Mô hình “Tổ tự quản an ninh”")],
        [Cell("2"), Cell("Hội Phụ nữ xã Xuân Hòa với mô hình “Nhà sạch vườn đẹp”")],
    ], n_cols=2)
    seg = segment(Document(path="x", format="docx", blocks=[table]))
    assert [r.cells for r in seg.rows] == [
        {"combined": "Công an huyện Bảo Yên: Mô hình “Tổ tự quản an ninh”"},
        {"combined": "Hội Phụ nữ xã Xuân Hòa với mô hình “Nhà sạch vườn đẹp”"},
    ]


def test_tab_and_pipe_rows_in_text() -> None:
    text = "PHỤ LỤC\n| STT | Tên tập thể, cá nhân | Mô hình |\n|---|---|---|\n| 1 | Xã Tả Van | Mô hình “Du lịch” |\n"
    assert segment(_doc(text)).rows[0].cells == {"actor": "Xã Tả Van", "model": "Mô hình “Du lịch”"}
    text = "PHỤ LỤC\nSTT\tTên tập thể, cá nhân\tMô hình\n1\tXã Tả Van\tMô hình “Du lịch”\n"
    assert segment(_doc(text)).rows[0].row_no == 1


def test_table_without_stt_column_is_numbered_in_order() -> None:
    text = (
        "PHỤ LỤC\n\tTên tập thể, cá nhân\n\tMô hình, điển hình\n\n"
        "\tCông an xã A\n\tMô hình “X”\n\n\tCông an xã B\n\tMô hình “Y”\n"
    )
    rows = segment(_doc(text)).rows
    assert [(r.row_no, "stt_missing" in r.flags) for r in rows] == [(1, True), (2, True)]


def test_a_table_of_tasks_is_not_a_list_of_models() -> None:
    text = (
        "KẾ HOẠCH\nTỔ CHỨC HỘI NGHỊ\n\nIII. TỔ CHỨC THỰC HIỆN\n"
        "\tTT\n\tNội dung công việc\n\tĐơn vị chủ trì\n\tThời gian\n\n"
        "\t1\n\tXây dựng kế hoạch\n\tSở Nội vụ\n\tTháng 3\n\n"
        "\t2\n\tTổ chức hội nghị sơ kết\n\tUBND các huyện\n\tTháng 6\n"
    )
    assert segment(_doc(text)).rows == []
    listed = text.replace("III. TỔ CHỨC THỰC HIỆN", "PHỤ LỤC\nDANH SÁCH MÔ HÌNH TIÊU BIỂU")
    assert len(segment(_doc(listed)).rows) == 2


TWO_ROW_HEADER = """PHỤ LỤC I
DANH MỤC MÔ HÌNH NĂM 2016
\tSTT
\tTên mô hình
\tĐơn vị thực hiện
\tĐịa bàn thực hiện
\tGhi chú

\t
\t
\t
\tXã, phường, thị trấn
\tHuyện, thị xã, thành phố
\t

\t(1)
\t(2)
\t(3)
\t(4)
\t(5)
\t(6)

\t1
\tMô hình “Du lịch cộng đồng”
\tHội Nông dân xã Cẩm Thanh
\tXã Cẩm Thanh
\tThành phố Hội An
\tnt

"""


def test_two_row_header_in_a_text_dump_widens_the_parent_cell() -> None:
    # the dump writes "Địa bàn thực hiện" once, over the two columns its labels name
    seg = segment(_doc(TWO_ROW_HEADER))
    assert len(seg.rows) == 1
    cells = seg.rows[0].cells
    assert cells["address"] == "Xã Cẩm Thanh, Thành phố Hội An"
    assert cells["note"] == "nt"


def test_merge_header_keeps_spans_a_table_kept() -> None:
    from extractor.segment.columns import merge_header, role_of

    head = ["STT", "Tên mô hình", "Địa bàn", "", "Ghi chú"]
    sub = ["", "", "Xã", "Huyện", ""]
    assert merge_header(head, sub, spans_lost=False) == ["STT", "Tên mô hình", "Xã", "Huyện", "Ghi chú"]
    assert merge_header([*head[:3], "Ghi chú"], sub, spans_lost=True) == ["STT", "Tên mô hình", "Xã", "Huyện",
                                                                          "Ghi chú"]
    assert [role_of(t) for t in ("Xã, phường, thị trấn", "Huyện/thị xã", "Xã Cẩm Thanh")] == ["address", "address",
                                                                                            None]


def test_signer_after_recipients_printed_beside_the_block() -> None:
    from extractor.segment.metadata import _signer

    lines = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "- TT.TU, TT.HĐND tỉnh (b/c);", "- Báo Kiên Giang, Đài PT-TH Kiên",
             "Giang;", "- Lưu: VT.", "Đỗ Thanh Nhàn", "DANH SÁCH"]
    assert _signer(lines) == "Đỗ Thanh Nhàn"
    assert _signer(["CHỦ TỊCH", "- Lưu: VT.", "DANH SÁCH", "Nguyễn Văn A"]) == ""


LIST_LAYOUT = """PHỤ LỤC
DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM 2022
I. MÔ HÌNH (02)
1. Mô hình “Vườn mẫu” của Hội Nông dân xã Hương Trà,
huyện Hương Khê.
2. Mô hình “Thư viện thân thiện” của Trường Tiểu học Đức Bồng, huyện Vũ Quang.
II. ĐIỂN HÌNH TIÊN TIẾN (01)
1. Điển hình: Ông Nguyễn Văn Bảy, thôn Tân Thủy, xã Hương Thủy – sản xuất kinh doanh giỏi, thu nhập cao.
"""


def test_list_layout_items_wrapped_lines_and_declared_counts() -> None:
    from extractor.tag import row_texts

    seg = segment(_doc(LIST_LAYOUT))
    assert [(r.section_label, r.row_no) for r in seg.rows] == [("I", 1), ("I", 2), ("II", 1)]
    assert seg.meta.declared_rows == 3
    first, _, person = (row_texts(r) for r in seg.rows)
    assert first.actor == "Hội Nông dân xã Hương Trà, huyện Hương Khê"  # the wrapped line joined, its stop dropped
    assert person.actor == "Ông Nguyễn Văn Bảy, thôn Tân Thủy, xã Hương Thủy"
    assert person.model == "sản xuất kinh doanh giỏi, thu nhập cao"


def test_numbered_field_heading_over_child_rows_is_a_sub_section() -> None:
    header = [Cell("STT"), Cell("Tên mô hình, điển hình"), Cell("Đơn vị, cá nhân thực hiện"), Cell("Thời gian")]
    table = Table(rows=[
        header,
        [Cell("1."), Cell("Lĩnh vực nông nghiệp"), Cell(""), Cell("")],
        [Cell("1.1"), Cell("Trồng sầu riêng"), Cell("Tổ hợp tác ấp Mỹ Hòa"), Cell("2021")],
        [Cell("1.2"), Cell("Cánh đồng lớn"), Cell("Hợp tác xã Mỹ Phước"), Cell("2021")],
        [Cell("2."), Cell("Khu phố an toàn"), Cell(""), Cell("")],  # no children: a row
    ], n_cols=4)
    seg = segment(Document(path="x", format="docx", blocks=[Line("PHỤ LỤC", Provenance(line=1)), table]))
    assert [(r.row_no, r.group) for r in seg.rows] == [(1, "Lĩnh vực nông nghiệp"), (2, "Lĩnh vực nông nghiệp"),
                                                      (2, "")]
    assert all("heading?" not in r.flags for r in seg.rows)


def test_ocr_glued_section_words_and_a_lone_so_header() -> None:
    assert parse_section("I", "MÔHÌNH:22").declared == 22  # type: ignore[union-attr]
    assert kind_of("ĐIỂNHÌNH: 06") == "điển hình"
    assert header_roles(["Số", "Tên tập thể, cá nhân", "Mô hình, điển hình"]) == ["stt", "actor", "model"]


def test_header_block_lines_wrapped_by_a_narrow_column() -> None:
    from extractor.segment.metadata import _first_date, _issuer

    head = ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ", "MINH", "-------", "Số: 2871/KH-UBND"]
    assert _issuer(head) == "UBND thành phố Hồ Chí Minh"
    council = ["UBND TỈNH ĐIỆN BIÊN", "HỘI ĐỒNG THI ĐUA -", "KHEN THƯỞNG", "-------"]
    assert _issuer(council).lower() == "hội đồng thi đua - khen thưởng tỉnh điện biên"
    assert _issuer(["ỦY BAN NHÂN DÂN", "TỈNH HÒA BÌNH", "-------"]) == "UBND tỉnh Hòa Bình"
    assert str(_first_date(["Thành phố Hồ Chí Minh, ngày 16 tháng 08 năm", "2022"], words_only=True)) == "2022-08-16"


def _cell(text: str, col: int, colspan: int = 1, conf: float | None = None) -> Cell:
    return Cell(text, Provenance(col=col), colspan=colspan, confidence=conf)


def test_ocr_table_over_pages_with_a_stray_column_a_garbled_section_and_misread_numbers() -> None:
    head = [_cell("TT", 0), _cell("Tên tập thể, cá nhân", 1), _cell("Mô hình, điển hình", 2)]
    page1 = Table(rows=[head, [_cell("I. MÔ HÌNH: 2", 0, 3)],
                        [_cell("1", 0, conf=0.9), _cell("Công an xã A", 1), _cell("Mô hình “X”", 2)],
                        [_cell("2", 0, conf=0.9), _cell("Hội Nông dân xã B", 1), _cell("Mô hình “Y”, giúp", 2)]],
                  n_cols=3)
    # page 2: a stray rule splits the name column in every row (colspan 2), the first line runs
    # on from row 2, the section II heading is misread, one STT is misread
    rows2 = [[_cell("", 0, conf=0.9), _cell("", 1, 2), _cell("đỡ 12 hộ nghèo", 3)],
             [_cell("l)", 0, conf=0.9), _cell("ĐIIN H NH: 04", 1, 3)]]
    for stt, name in (("1", "Ông Lò Văn A"), ("3", "Bà Lò Thị B"), ("3", "Ông Vàng A C"), ("4", "Bà Lò Thị D")):
        rows2.append([_cell(stt, 0, conf=0.9), _cell(name, 1, 2), _cell("Điển hình “Z”", 3)])
    page2 = Table(rows=rows2, n_cols=4)
    seg = segment(Document(path="x", format="pdf", blocks=[Line("PHỤ LỤC", Provenance(line=1)), page1, page2]))
    got = [(r.section_kind, r.section_label, r.row_no, r.cells.get("actor", "")) for r in seg.rows]
    assert got == [("mô hình", "I", 1, "Công an xã A"), ("mô hình", "I", 2, "Hội Nông dân xã B"),
                   ("điển hình", "II", 1, "Ông Lò Văn A"), ("điển hình", "II", 2, "Bà Lò Thị B"),
                   ("điển hình", "II", 3, "Ông Vàng A C"), ("điển hình", "II", 4, "Bà Lò Thị D")]
    assert seg.rows[1].cells["model"] == "Mô hình “Y”, giúp đỡ 12 hộ nghèo"
    assert "stt_mended" in seg.rows[3].flags
    assert seg.meta.declared_rows == 6


def test_a_column_only_one_heading_row_starts_a_cell_in_is_stray() -> None:
    from extractor.segment.rows import compact

    rows = [[_cell(str(i), 0), _cell(f"Đơn vị {i}", 1, 2), _cell("Mô hình “X”", 3)] for i in range(1, 6)]
    rows.insert(2, [_cell("II", 0), _cell("ĐIỂN", 1), _cell("HÌNH: 03", 2), _cell("", 3)])
    table = compact(Table(rows=rows, n_cols=4))
    assert table.n_cols == 3
    assert [c.text for c in table.rows[2]] == ["II", "ĐIỂN HÌNH: 03", ""]
    assert [(c.prov.col, c.colspan) for c in table.rows[0]] == [(0, 1), (1, 1), (2, 1)]


def test_roman_parts_under_letter_sections_and_a_total_row() -> None:
    header = [Cell("TT"), Cell("Tên đơn vị, cá nhân"), Cell("Thành tích, mô hình tiêu biểu")]
    nested = Table(rows=[
        header,
        [Cell("A. TẬP THỂ (03)", colspan=3)], [Cell("I. Cấp tỉnh (01)", colspan=3)],
        [Cell("1"), Cell("Sở Y tế"), Cell("Mô hình “A”")],
        [Cell("II. Cấp huyện (02)", colspan=3)],
        [Cell("1"), Cell("Công an huyện Di Linh"), Cell("Mô hình “B”")],
        [Cell("2"), Cell("Hội Nông dân xã X"), Cell("Mô hình “C”")],
        [Cell("B. CÁ NHÂN (01)", colspan=3)],
        [Cell("1"), Cell("Ông Nguyễn Văn D"), Cell("Điển hình “D”")],
    ], n_cols=3)
    seg = segment(Document(path="x", format="docx", blocks=[Line("PHỤ LỤC", Provenance(line=1)), nested]))
    assert [r.section_label for r in seg.rows] == ["A", "A", "A", "B"]
    assert seg.meta.declared_rows == 4  # 3 + 1: the parts' own counts are inside A's
    totals = Table(rows=[
        [Cell("STT"), Cell("Tên mô hình"), Cell("Đơn vị chủ trì")],
        [Cell("1"), Cell("Mô hình “A”"), Cell("Chùa Âng")],
        [Cell("2"), Cell("Mô hình “B”"), Cell("HTX Mỹ Chánh")],
        [Cell("Tổng cộng: 2 mô hình", colspan=3)],
    ], n_cols=3)
    seg = segment(Document(path="x", format="docx", blocks=[Line("PHỤ LỤC", Provenance(line=1)), totals]))
    assert len(seg.rows) == 2 and seg.meta.declared_rows == 2


def test_a_heading_count_in_brackets_at_its_end() -> None:
    section = parse_section("I", "CÁC MÔ HÌNH ĐANG TRIỂN KHAI NHÂN RỘNG (07)")
    assert section is not None and section.declared == 7
    year = parse_section("I", "MÔ HÌNH TIÊU BIỂU (2019)")
    assert year is not None and year.declared is None  # a year is no count


def test_district_heading_lines_between_tables_apply_from_the_first() -> None:
    def table(rows: list[tuple[str, str]]) -> Table:
        head = [Cell("TT"), Cell("Đơn vị"), Cell("Tên mô hình")]
        return Table(rows=[head] + [[Cell(n), Cell(u), Cell("Mô hình “X”")] for n, u in rows], n_cols=3)

    blocks = [Line("PHỤ LỤC", Provenance(line=1)), Line("DANH MỤC MÔ HÌNH", Provenance(line=2)),
              Line("1. Huyện Tam Đảo", Provenance(line=3)), table([("1", "Hội Nông dân xã Hợp Châu")]),
              Line("2. Thành phố Vĩnh Yên", Provenance(line=9)), table([("2", "UBND phường Khai Quang")])]
    seg = segment(Document(path="x", format="docx", blocks=blocks))
    assert [r.group_places for r in seg.rows] == [[("huyện", "Tam Đảo")], [("thành phố", "Vĩnh Yên")]]


def test_ten_dien_hinh_heads_the_exemplar_not_a_model() -> None:
    roles = header_roles(["TT", "Tên điển hình", "Đơn vị/Địa chỉ", "Nội dung, kết quả nổi bật"])
    assert roles == ["stt", "actor", "unit", "model"]
    assert header_roles(["STT", "Tên mô hình", "Đơn vị thực hiện"]) == ["stt", "title", "unit"]
