"""Tagging on hand-built cells (no gazetteer: a small `known` stands in for it)."""

import pytest

from extractor.tag import split_combined
from extractor.tag.actor import parse_actor
from extractor.tag.places import find_places
from extractor.tag.title import split_title


def known(level: str, name: str) -> bool:
    return (level, name.lower()) in {("commune", "pà cò"), ("commune", "nhân nghĩa"), ("district", "lạc sơn"),
                                  ("district", "phan rang - tháp chàm")}


@pytest.mark.parametrize(
    ("cell", "kind", "name", "honorific", "person"),
    [
        ("Công an huyện Lạc Sơn", "organization", "Công an huyện Lạc Sơn", "", ""),
        ("Bà Bùi Thị Sành, xóm Bui, xã Nhân Nghĩa, huyện Lạc Sơn", "person", "Bùi Thị Sành", "Bà", "Bùi Thị Sành"),
        ("Gia đình ông Nguyễn Văn Hiệu xóm Gò Chè, xã Hợp Kim", "household", "Gia đình ông Nguyễn Văn Hiệu", "Ông",
         "Nguyễn Văn Hiệu"),
        ("Hộ gia đình bà Lò Thị Xuân, bản Lướt", "household", "Hộ gia đình bà Lò Thị Xuân", "Bà", "Lò Thị Xuân"),
        ("Khu phố 7, thị trấn Hàng Trạm, huyện Yên Thủy", "group", "Khu phố 7", "", ""),
        ("Xóm Đá Bia, xã Tiền Phong huyện Đà Bắc", "group", "Xóm Đá Bia", "", ""),
        ("Các xã trên địa bàn huyện Kỳ Sơn", "group", "Các xã trên địa bàn huyện Kỳ Sơn", "", ""),
        ("Nhóm từ thiện thành phố Hòa Bình", "group", "Nhóm từ thiện thành phố Hòa Bình", "", ""),
        ("Tổ hợp tác sản xuất nông nghiệp xã Pà cò, huyện Mai Châu", "organization",
         "Tổ hợp tác sản xuất nông nghiệp xã Pà cò", "", ""),
        ("Hợp tác xã Nông nghiệp xanh Kim Bôi, huyện Kim Bôi", "organization", "Hợp tác xã Nông nghiệp xanh Kim Bôi",
         "", ""),
        ("Phòng nuôi trồng thủy sản, Chi cục Thủy sản, trực thuộc Sở Nông nghiệp", "organization",
         "Phòng nuôi trồng thủy sản, Chi cục Thủy sản, trực thuộc Sở Nông nghiệp", "", ""),
        ("Nguyễn Văn Toàn", "person", "Nguyễn Văn Toàn", "", "Nguyễn Văn Toàn"),
        ("Thượng tá Phạm Văn Hùng, Công an tỉnh", "person", "Phạm Văn Hùng", "", "Phạm Văn Hùng"),
        ("BàNguyễn Thị Thu, thôn An Ninh", "person", "Nguyễn Thị Thu", "Bà", "Nguyễn Thị Thu"),
        ("Bàn Văn Sơn", "person", "Bàn Văn Sơn", "", "Bàn Văn Sơn"),
    ],
)
def test_actor(cell: str, kind: str, name: str, honorific: str, person: str) -> None:
    actor, _ = parse_actor(cell, known)
    assert (actor.kind, actor.name, actor.honorific, actor.person_name) == (kind, name, honorific, person)


def _places(text: str) -> list[tuple[str, str, str]]:
    return [(p.level, p.type, p.name) for p in find_places(text, known)]


def test_places_every_type() -> None:
    assert _places("tổ dân phố 3, phường 4, quận 5") == [
        ("hamlet", "tổ dân phố", "3"), ("commune", "phường", "4"), ("district", "quận", "5")]
    assert _places("ấp Mỹ Hòa, xã Tân Thành, thị xã Cai Lậy, tỉnh Tiền Giang") == [
        ("hamlet", "ấp", "Mỹ Hòa"), ("commune", "xã", "Tân Thành"), ("district", "thị xã", "Cai Lậy"),
        ("province", "tỉnh", "Tiền Giang")]
    assert _places("khóm 2, thị trấn Mỹ An") == [("hamlet", "khóm", "2"), ("commune", "thị trấn", "Mỹ An")]
    assert _places("tiểu khu Chiềng Sinh, TP. Sơn La") == [
        ("hamlet", "tiểu khu", "Chiềng Sinh"), ("district", "thành phố", "Sơn La")]
    assert _places("bản Nậm Cang, thôn Tả Van, khu 6, tổ 12") == [
        ("hamlet", "bản", "Nậm Cang"), ("hamlet", "thôn", "Tả Van"), ("hamlet", "khu", "6"), ("hamlet", "tổ", "12")]
    assert _places("thành phố Hà Nội") == [("province", "thành phố", "Hà Nội")]
    assert _places("tổ dân phố số 5, khu phố Số 2") == [("hamlet", "tổ dân phố", "5"), ("hamlet", "khu phố", "2")]


def test_a_capitalised_numbered_unit_is_one_anywhere() -> None:
    assert _places("Hội Liên hiệp Phụ nữ Phường 14, Quận 3") == [("commune", "phường", "14"), ("district", "quận", "3")]
    assert _places("Văn bản Nhật Bản") == []


def test_model_cell_beside_a_results_column_is_the_title() -> None:
    from extractor.model import Row
    from extractor.tag import row_texts

    row = Row(row_no=3, cells={"unit": "Tổ hợp tác xã Đức Long", "model": "Mô hình trồng, sơ chế thạch đen",
                               "achievement": "Diện tích 85 ha"})
    texts = row_texts(row)
    assert (texts.title_cell, texts.model) == ("Mô hình trồng, sơ chế thạch đen", "Diện tích 85 ha")


def test_academic_titles_one_word_names_and_a_head_after_a_dash() -> None:
    from extractor.tag.actor import parse_actor

    def actor(text: str) -> tuple[str, str, str, str]:
        a, _ = parse_actor(text, known)
        return a.kind, a.name, a.honorific, a.person_name

    assert actor("BSCKII. Trần Thị Bích Ngọc, Trưởng khoa Nhi") == ("person", "Trần Thị Bích Ngọc", "",
                                                                  "Trần Thị Bích Ngọc")
    assert actor("ThS. Nguyễn Văn An") == ("person", "Nguyễn Văn An", "", "Nguyễn Văn An")
    assert actor("Hội Nông dân xã Long Hà (huyện Phú Riềng)")[1] == "Hội Nông dân xã Long Hà"
    assert actor("Trưởng thôn Katơr Văn Minh") == ("person", "Katơr Văn Minh", "", "Katơr Văn Minh")
    assert actor("Chi hội Phụ nữ thôn Phương Chiểu, xã Phương Nam (xã Phương Chiểu cũ)")[1] == (
        "Chi hội Phụ nữ thôn Phương Chiểu")
    assert actor("Câu lạc bộ Thơ (Nhóm Bạn đọc)")[1] == "Câu lạc bộ Thơ (Nhóm Bạn đọc)"  # not a place: kept
    assert actor("Ông K'Brơi, thôn Đạ Nghịt") == ("person", "K'Brơi", "Ông", "K'Brơi")
    assert actor("Chi hội Nông dân thôn Hà Thanh, xã Vũ Hội - Ông Nguyễn Văn Thắng, Chi hội trưởng")[:2] == (
        "organization", "Chi hội Nông dân thôn Hà Thanh")


def test_hyphenated_names_the_gazetteer_knows() -> None:
    assert _places("phường Đô Vinh, thành phố Phan Rang - Tháp Chàm") == [
        ("commune", "phường", "Đô Vinh"), ("district", "thành phố", "Phan Rang - Tháp Chàm")]
    assert _places("xã Tân Lập - Hà Nội") == [("commune", "xã", "Tân Lập")]  # not one name


def test_abbreviated_types_open_a_clause_only() -> None:
    assert _places("Hợp tác xã Tân Lập, H. Vũ Thư") == [("district", "huyện", "Vũ Thư")]
    assert _places("Trường THCS Lê Lợi, TT. Phố Ràng") == [("commune", "thị trấn", "Phố Ràng")]
    assert _places("Ông Nguyễn H. Anh") == []


def test_former_names_in_brackets_are_not_the_place() -> None:
    assert _places("Xã Ia Hrung (xã Ia Sao cũ)") == [("commune", "xã", "Ia Hrung")]
    assert _places("xã Tân Lập (trước đây là xã Tân Hòa), huyện Hương Khê") == [
        ("commune", "xã", "Tân Lập"), ("district", "huyện", "Hương Khê")]


def test_names_without_type_words_are_not_places() -> None:
    assert _places("Trường THPT Tân Lạc") == []
    assert _places("Hợp tác xã Nông nghiệp xanh Kim Bôi") == []
    assert _places("Tổ hợp tác sản xuất, văn bản Nhật Bản, khu dân cư") == []


def test_lower_case_names_only_as_the_gazetteer_knows_them() -> None:
    assert _places("xã nhân nghĩa, huyện lạc sơn") == [("commune", "xã", "nhân nghĩa"), ("district", "huyện", "lạc sơn")]
    assert _places("phát triển kinh tế xã hội, huyện ủy") == []


def test_gazetteer_lengthens_lower_case_names() -> None:
    assert _places("xã Pà cò, huyện Mai Châu") == [("commune", "xã", "Pà cò"), ("district", "huyện", "Mai Châu")]
    assert _places("xã Tiền Phong huyện Đà Bắc") == [("commune", "xã", "Tiền Phong"), ("district", "huyện", "Đà Bắc")]


@pytest.mark.parametrize(
    ("cell", "title", "description"),
    [
        ("Mô hình: “Chung tay vì cuộc sống cộng đồng”, giúp đỡ các hộ", "Chung tay vì cuộc sống cộng đồng",
         "giúp đỡ các hộ"),
        ("Điển hình “Làm giàu theo lời Bác”, phát triển kinh tế", "Làm giàu theo lời Bác", "phát triển kinh tế"),
        ('Mô hình "Dân vận khéo" trong cải cách hành chính', "Dân vận khéo", "trong cải cách hành chính"),
        ("Mô hình «Ngôi nhà xanh»", "Ngôi nhà xanh", ""),
        ("Mô hình trồng cam sành theo VietGAP, mang lại thu nhập cao", "Trồng cam sành theo VietGAP",
         "mang lại thu nhập cao"),
        ("Mô hình: “A” gắn với phong trào “B”", "A", "gắn với phong trào “B”"),
    ],
)
def test_title(cell: str, title: str, description: str) -> None:
    assert split_title(cell) == (title, description)


def test_title_cell_is_whole_title() -> None:
    assert split_title("Nuôi bò sinh sản", whole_is_title=True) == ("Nuôi bò sinh sản", "")


def test_combined_cells_split() -> None:
    assert split_combined("Công an huyện Bảo Yên: Mô hình “Tổ tự quản”") == ("Công an huyện Bảo Yên",
                                                                            "Mô hình “Tổ tự quản”")
    assert split_combined("Hội Phụ nữ xã Xuân Hòa với mô hình “Nhà sạch”") == ("Hội Phụ nữ xã Xuân Hòa",
                                                                              "mô hình “Nhà sạch”")
    assert split_combined("Mô hình “Nhà sạch” của Hội Phụ nữ xã Xuân Hòa") == ("Hội Phụ nữ xã Xuân Hòa",
                                                                              "Mô hình “Nhà sạch”")


def test_abbreviated_type_words_inside_a_name() -> None:
    assert _places("Công an TP. Lào Cai") == [("district", "thành phố", "Lào Cai")]
    assert _places("Đội Cảnh sát, TX Sa Pa") == [("district", "thị xã", "Sa Pa")]
