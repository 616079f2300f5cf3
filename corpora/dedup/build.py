#!/usr/bin/env python3
"""Render the dedup corpus: nine plans (Hòa Bình 2019-2021, Lào Cai 2020-2022, Nghệ An 2021-2023)
as plain-text dumps in the seed's style, and their hand-made gold.

    python corpora/dedup/build.py          # write the .txt files and gold_*.csv
    python corpora/dedup/build.py --check  # only check that the written files are up to date

Every gold value below is written by hand from SPEC and the seed gold (never by running the
extractor); `cluster_id` names the real-world exemplar. Codes are GSO codes of the unit as it
was on the document's date: from vietnamadminunits' `admin_units_legacy` for units unchanged
since, and from `extractor/data/unit_changes.csv` (pre-2020 GSO list) for Hòa Bình's units that
ended on 2020-02-01. The drift and the hard negatives are described in README.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD_COLUMNS = [
    "file", "section_kind", "row_no", "actor_kind", "actor_name", "honorific", "person_name",
    "hamlet_type", "hamlet", "commune_type", "commune", "district_type", "district", "province",
    "commune_code", "district_code", "province_code", "title", "cluster_id",
]
DOC_COLUMNS = ["file", "doc_type", "doc_number", "issuer", "province", "province_code", "issue_date", "year",
               "title", "signer", "n_rows", "declared_rows", "status"]

# (district name as in gold) -> (type, code); keyed by province.
DISTRICTS = {
    "Hòa Bình": {"Hòa Bình": ("thành phố", "148"), "Kỳ Sơn": ("huyện", "151"), "Đà Bắc": ("huyện", "150"),
                 "Lương Sơn": ("huyện", "152"), "Kim Bôi": ("huyện", "153"), "Cao Phong": ("huyện", "154"),
                 "Tân Lạc": ("huyện", "155"), "Mai Châu": ("huyện", "156"), "Lạc Sơn": ("huyện", "157"),
                 "Yên Thủy": ("huyện", "158"), "Lạc Thủy": ("huyện", "159")},
    "Lào Cai": {"Lào Cai": ("thành phố", "080"), "Bát Xát": ("huyện", "082"), "Mường Khương": ("huyện", "083"),
                "Si Ma Cai": ("huyện", "084"), "Bắc Hà": ("huyện", "085"), "Bảo Thắng": ("huyện", "086"),
                "Bảo Yên": ("huyện", "087"), "Sa Pa": ("thị xã", "088"), "Văn Bàn": ("huyện", "089")},
    "Nghệ An": {"Vinh": ("thành phố", "412"), "Quế Phong": ("huyện", "415"), "Quỳnh Lưu": ("huyện", "421"),
                "Con Cuông": ("huyện", "422"), "Diễn Châu": ("huyện", "425"), "Đô Lương": ("huyện", "427"),
                "Thanh Chương": ("huyện", "428"), "Nghi Lộc": ("huyện", "429"), "Nam Đàn": ("huyện", "430")},
}
# (commune, district) -> (type, code) as on the documents' dates that name them.
COMMUNES = {
    # Hòa Bình, before 2020-02-01 (unit_changes.csv: these ended then)
    ("Hợp Thịnh", "Kỳ Sơn"): ("xã", "04897"), ("Độc Lập", "Kỳ Sơn"): ("xã", "04921"),
    ("Trung Sơn", "Lương Sơn"): ("xã", "04975"), ("Phú Lão", "Lạc Thủy"): ("xã", "05395"),
    ("Nam Sơn", "Tân Lạc"): ("xã", "05188"), ("Hợp Kim", "Kim Bôi"): ("xã", "05056"),
    ("Mường Khến", "Tân Lạc"): ("thị trấn", "05128"),
    # Hòa Bình, units in the 2024 list (created 2020-02-01 or unchanged)
    ("Thịnh Minh", "Hòa Bình"): ("xã", "04897"), ("Độc Lập", "Hòa Bình"): ("xã", "04921"),
    ("Liên Sơn", "Lương Sơn"): ("xã", "04969"), ("Phú Nghĩa", "Lạc Thủy"): ("xã", "05395"),
    ("Vân Sơn", "Tân Lạc"): ("xã", "05176"), ("Kim Lập", "Kim Bôi"): ("xã", "05035"),
    ("Mãn Đức", "Tân Lạc"): ("thị trấn", "05128"), ("Nhân Nghĩa", "Lạc Sơn"): ("xã", "05290"),
    ("Hàng Trạm", "Yên Thủy"): ("thị trấn", "05353"), ("Pà Cò", "Mai Châu"): ("xã", "05209"),
    ("Tiền Phong", "Đà Bắc"): ("xã", "04888"), ("Cao Phong", "Cao Phong"): ("thị trấn", "05089"),
    ("Cuối Hạ", "Kim Bôi"): ("xã", "05077"), ("Yên Trị", "Yên Thủy"): ("xã", "05386"),
    ("Mai Châu", "Mai Châu"): ("thị trấn", "05200"), ("Hòa Sơn", "Lương Sơn"): ("xã", "04945"),
    ("Lạc Thịnh", "Yên Thủy"): ("xã", "05374"), ("Thanh Hối", "Tân Lạc"): ("xã", "05167"),
    # Lào Cai
    ("Bản Lầu", "Mường Khương"): ("xã", "02788"), ("Tả Van", "Sa Pa"): ("xã", "03040"),
    ("Phong Niên", "Bảo Thắng"): ("xã", "02920"), ("Xuân Quang", "Bảo Thắng"): ("xã", "02926"),
    ("Gia Phú", "Bảo Thắng"): ("xã", "02923"), ("Nậm Pung", "Bát Xát"): ("xã", "02740"),
    ("Thải Giàng Phố", "Bắc Hà"): ("xã", "02857"), ("Sín Chéng", "Si Ma Cai"): ("xã", "02824"),
    ("Phố Ràng", "Bảo Yên"): ("thị trấn", "02947"), ("Nghĩa Đô", "Bảo Yên"): ("xã", "02953"),
    # Nghệ An
    ("Kim Liên", "Nam Đàn"): ("xã", "17971"), ("Hưng Dũng", "Vinh"): ("phường", "16675"),
    ("Bến Thủy", "Vinh"): ("phường", "16693"), ("Trường Thi", "Vinh"): ("phường", "16690"),
    ("Diễn Kim", "Diễn Châu"): ("xã", "17431"), ("Môn Sơn", "Con Cuông"): ("xã", "17263"),
    ("Châu Khê", "Con Cuông"): ("xã", "17248"), ("Quỳnh Đôi", "Quỳnh Lưu"): ("xã", "17173"),
    ("Thanh An", "Thanh Chương"): ("xã", "17773"), ("Thanh Thịnh", "Thanh Chương"): ("xã", "17770"),
    ("Nghi Thiết", "Nghi Lộc"): ("xã", "17845"),
}
PROVINCE_CODES = {"Hòa Bình": "17", "Lào Cai": "10", "Nghệ An": "40"}


@dataclass
class Row:
    cluster: str
    actor_cell: str
    model_cell: str
    kind: str
    name: str
    title: str
    honorific: str = ""
    person: str = ""
    hamlet: tuple[str, str] = ("", "")
    commune: str = ""
    district: str = ""


def org(cluster: str, actor: str, model: str, name: str, title: str, *, kind: str = "organization",
        commune: str = "", district: str = "", hamlet: tuple[str, str] = ("", "")) -> Row:
    return Row(cluster, actor, model, kind, name, title, hamlet=hamlet, commune=commune, district=district)


def grp(cluster: str, actor: str, model: str, name: str, title: str, **place: str | tuple[str, str]) -> Row:
    return org(cluster, actor, model, name, title, kind="group", **place)  # type: ignore[arg-type]


def per(cluster: str, actor: str, model: str, name: str, title: str, *, hon: str = "", commune: str = "",
        district: str = "", hamlet: tuple[str, str] = ("", "")) -> Row:
    return Row(cluster, actor, model, "person", name, title, hon, name, hamlet, commune, district)


def hh(cluster: str, actor: str, model: str, name: str, title: str, *, hon: str, commune: str = "",
       district: str = "", hamlet: tuple[str, str] = ("", "")) -> Row:
    """A household: "Gia đình ông Hà Văn Hưng" -> person_name "Hà Văn Hưng"."""
    person = re.sub(r"^(?:Hộ gia đình|Gia đình) (?:ông|bà) ", "", name)
    return Row(cluster, actor, model, "household", name, title, hon, person, hamlet, commune, district)


@dataclass
class Section:
    label: str
    heading: str  # "MÔ HÌNH" | "ĐIỂN HÌNH"
    rows: list[Row]

    @property
    def kind(self) -> str:
        return "mô hình" if self.heading == "MÔ HÌNH" else "điển hình"


@dataclass
class Doc:
    file: str
    province: str
    province_upper: str
    number: str
    place: str  # as written in the date line
    date: str  # ISO
    heading: str  # the title line(s) under KẾ HOẠCH, upper case as printed
    title: str  # the trích yếu as gold
    sign_lines: list[str]
    signer: str
    body: list[str]
    sections: list[Section] = field(default_factory=list)
    issuer_lines: tuple[str, str] = ("ỦY BAN NHÂN DÂN", "")
    caption_issuer: str = ""


BODY_HB = [
    "Thực hiện Kế hoạch số 41/KH-UBND ngày 06/4/2016 của UBND tỉnh về tuyên truyền, xây dựng và nhân rộng "
    "điển hình tiên tiến, Ủy ban nhân dân tỉnh xây dựng Kế hoạch triển khai nhân rộng mô hình, điển hình tiên tiến "
    "năm {year} (phụ lục kèm theo) trên địa bàn tỉnh, như sau:",
    "",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "Triển khai, phổ biến và nhân rộng điển hình tiên tiến nhằm tạo sự chuyển biến trong nhận thức và trách nhiệm "
    "của cấp ủy đảng, chính quyền, Mặt trận, đoàn thể các cấp về vai trò, tác dụng của công tác thi đua, khen thưởng.",
    "",
    "2. Yêu cầu",
    "- Việc nhân rộng điển hình tiên tiến phải được cụ thể hóa thông qua hiệu quả từng mô hình, nhân tố mới trên "
    "mọi lĩnh vực của đời sống xã hội;",
    "- Các mô hình, điển hình được lựa chọn phải thực sự tiêu biểu, có sức lan tỏa.",
    "",
    "II. NỘI DUNG, GIẢI PHÁP",
    "- Tuyên truyền, phổ biến các mô hình, điển hình trên Báo Hòa Bình, Đài Phát thanh và Truyền hình tỉnh;",
    "- Tổ chức tham quan, học tập kinh nghiệm tại các mô hình; định kỳ sơ kết, đánh giá hiệu quả.",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Ban Thi đua - Khen thưởng tỉnh thuộc Sở Nội vụ theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ủy ban "
    "nhân dân tỉnh./.",
]
BODY_LC = [
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 22/02/2016 của UBND tỉnh về tuyên truyền, xây dựng và nhân rộng điển "
    "hình tiên tiến, Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch nhân rộng mô hình, điển hình tiên tiến năm "
    "{year}, cụ thể như sau:",
    "",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "Tuyên truyền, phổ biến và nhân rộng các mô hình hay, cách làm sáng tạo, hiệu quả của các tập thể, cá nhân "
    "trên các lĩnh vực của đời sống xã hội.",
    "",
    "2. Yêu cầu",
    "- Việc nhân rộng phải thiết thực, phù hợp với điều kiện thực tế của từng địa phương, cơ quan, đơn vị.",
    "",
    "II. NỘI DUNG",
    "1. Các sở, ban, ngành, đoàn thể tỉnh, UBND các huyện, thị xã, thành phố tổ chức cho cán bộ, công chức và "
    "nhân dân tham quan, học tập các mô hình, điển hình tại Phụ lục kèm theo.",
    "2. Báo Lào Cai, Đài Phát thanh - Truyền hình tỉnh mở chuyên trang, chuyên mục giới thiệu các mô hình.",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Giao Sở Nội vụ (Ban Thi đua - Khen thưởng) chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này./.",
]
BODY_NA = [
    "Căn cứ Luật Thi đua, Khen thưởng; thực hiện Kế hoạch số 520/KH-UBND ngày 18/8/2021 của UBND tỉnh về phát "
    "hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình tiên tiến, UBND tỉnh ban hành Kế hoạch xây dựng và nhân "
    "rộng mô hình, điển hình tiên tiến năm {year} như sau:",
    "",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "- Phát hiện, bồi dưỡng, xây dựng và nhân rộng các mô hình, điển hình tiên tiến trên các lĩnh vực;",
    "- Các mô hình được lựa chọn phải có tính thực tiễn, hiệu quả và khả năng nhân rộng.",
    "",
    "II. NHIỆM VỤ, GIẢI PHÁP",
    "- Các cơ quan thông tin, báo chí trên địa bàn tỉnh tăng cường tuyên truyền các mô hình, điển hình tiên tiến;",
    "- Các huyện, thành phố, thị xã tổ chức cho các địa phương tham quan, học tập, nhân rộng.",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Giao Sở Nội vụ (Ban Thi đua - Khen thưởng) hướng dẫn, kiểm tra, tổng hợp kết quả, báo cáo UBND tỉnh./.",
]
RECIPIENTS = ["Nơi nhận:", "- Ban Thi đua - Khen thưởng Trung ương;", "- TT. Tỉnh ủy, TT. HĐND tỉnh;",
              "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "- Các sở, ban, ngành, đoàn thể tỉnh;",
              "- UBND các huyện, thị xã, thành phố;", "- Lưu: VT, NC."]


def hoa_binh() -> list[Doc]:
    kt = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    d19 = Doc("hb-2019-181-KH-UBND.txt", "Hòa Bình", "HÒA BÌNH", "181/KH-UBND", "Hòa Bình", "2019-11-11",
              "TRIỂN KHAI NHÂN RỘNG MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM 2019",
              "Triển khai nhân rộng mô hình, điển hình tiên tiến năm 2019", kt, "Bùi Văn Khánh", BODY_HB)
    d19.sections = [Section("I", "MÔ HÌNH", [
        org("hb-ca-lacson-chungtay", "Công an huyện Lạc Sơn",
            "Mô hình: “Chung tay vì cuộc sống cộng đồng”, giúp đỡ các hộ dân có hoàn cảnh đặc biệt khó khăn, "
            "nỗ lực vươn lên trong cuộc sống",
            "Công an huyện Lạc Sơn", "Chung tay vì cuộc sống cộng đồng", district="Lạc Sơn"),
        per("hb-sanh-maytre", "Bà Bùi Thị Sành, xóm Bui, xã Nhân Nghĩa, huyện Lạc Sơn",
            "Mô hình: “Hợp tác xã mây tre đan”, giúp tạo việc làm, tăng thu nhập cho nhiều lao động địa phương",
            "Bùi Thị Sành", "Hợp tác xã mây tre đan", hon="Bà", hamlet=("xóm", "Bui"), commune="Nhân Nghĩa",
            district="Lạc Sơn"),
        org("hb-ca-caophong-camera", "Công an huyện Cao Phong",
            "Mô hình: “Camera giám sát tình hình an ninh trật tự và hoạt động giao thông huyện Cao Phong”, giúp "
            "cho công tác quản lý, giám sát trật tự an toàn giao thông đạt hiệu quả cao",
            "Công an huyện Cao Phong",
            "Camera giám sát tình hình an ninh trật tự và hoạt động giao thông huyện Cao Phong",
            district="Cao Phong"),
        grp("hb-kp7-clb", "Khu phố 7, thị trấn Hàng Trạm, huyện Yên Thủy",
            "Mô hình: “Câu lạc bộ gia đình phát triển bền vững”, nhằm tuyên truyền, thực hiện tốt công tác "
            "phòng, chống bạo lực gia đình",
            "Khu phố 7", "Câu lạc bộ gia đình phát triển bền vững", hamlet=("khu phố", "7"),
            commune="Hàng Trạm", district="Yên Thủy"),
        per("hb-thu-hoa", "Bà Nguyễn Thị Thu, hội viên phụ nữ thôn An Ninh, xã Phú Lão, huyện Lạc Thủy",
            "Mô hình: “Phát triển kinh tế gia đình nhờ trồng hoa”, giúp tạo việc làm, tăng thu nhập cho nhiều "
            "lao động",
            "Nguyễn Thị Thu", "Phát triển kinh tế gia đình nhờ trồng hoa", hon="Bà", hamlet=("thôn", "An Ninh"),
            commune="Phú Lão", district="Lạc Thủy"),
        org("hb-tht-paco", "Tổ hợp tác sản xuất nông nghiệp xã Pà cò, huyện Mai Châu",
            "Mô hình: “Tổ hợp tác sản xuất nông nghiệp, tiêu thụ nông sản”, trồng và tiêu thụ chanh leo mang "
            "lại hiệu quả kinh tế cao, ổn định cho người dân",
            "Tổ hợp tác sản xuất nông nghiệp xã Pà cò", "Tổ hợp tác sản xuất nông nghiệp, tiêu thụ nông sản",
            commune="Pà Cò", district="Mai Châu"),
        per("hb-duc-viba", "Ông Trần Trung Đức, xóm Tân Sơn, xã Trung Sơn, huyện Lương Sơn",
            "Mô hình: “Hợp tác xã sản xuất chuối Viba”, làm tăng hiệu quả sử dụng đất, tăng thu nhập, giải quyết "
            "việc làm cho lao động",
            "Trần Trung Đức", "Hợp tác xã sản xuất chuối Viba", hon="Ông", hamlet=("xóm", "Tân Sơn"),
            commune="Trung Sơn", district="Lương Sơn"),
        org("hb-hlhpn-luongson-bhyt", "Hội Liên hiệp Phụ nữ huyện Lương Sơn",
            "Mô hình: “Vận động phụ nữ tiết kiệm, mua Bảo hiểm y tế - Vì sức khỏe gia đình”, góp phần đảm bảo "
            "tỷ lệ tham gia BHYT toàn dân",
            "Hội Liên hiệp Phụ nữ huyện Lương Sơn",
            "Vận động phụ nữ tiết kiệm, mua Bảo hiểm y tế - Vì sức khỏe gia đình", district="Lương Sơn"),
        hh("hb-hung-cayanqua", "Gia đình ông Hà Văn Hưng, xóm Bương Bái, xã Nam Sơn, huyện Tân Lạc",
           "Mô hình: “Trồng cây ăn quả kết hợp chăn nuôi gia súc, gia cầm”, phát triển kinh tế hộ gia đình, "
           "chia sẻ với bà con nông dân những kinh nghiệm về chăn nuôi",
           "Gia đình ông Hà Văn Hưng", "Trồng cây ăn quả kết hợp chăn nuôi gia súc, gia cầm",
           hon="Ông", hamlet=("xóm", "Bương Bái"), commune="Nam Sơn", district="Tân Lạc"),
        org("hb-chpn-khu6", "Chi Hội Phụ nữ khu 6, thị trấn Mường Khến, huyện Tân Lạc",
            "Mô hình: “Phát triển Mô hình CLB điểm phụ nữ tự tin- tự trọng- trung hậu- đảm đang và phong trào xây "
            "dựng đường hoa không đồng”, tạo sự đồng thuận cao trong Hội viên phụ nữ",
            "Chi Hội Phụ nữ khu 6",
            "Phát triển Mô hình CLB điểm phụ nữ tự tin- tự trọng- trung hậu- đảm đang và phong trào xây dựng đường "
            "hoa không đồng",
            hamlet=("khu", "6"), commune="Mường Khến", district="Tân Lạc"),
        org("hb-thpt-tanlac", "Trường Trung học Phổ thông Tân Lạc",
            "Mô hình: “Dạy học tích hợp liên môn gắn với trải nghiệm thực tế mô hình trồng bưởi đỏ Tân Lạc”, "
            "đáp ứng yêu cầu về cơ sở lý luận và cơ sở thực tiễn",
            "Trường Trung học Phổ thông Tân Lạc",
            "Dạy học tích hợp liên môn gắn với trải nghiệm thực tế mô hình trồng bưởi đỏ Tân Lạc"),
        org("hb-mn-phuonglam", "Trường Mầm non Phương Lâm, thành phố Hòa Bình",
            "Mô hình: “Giáo dục kỹ năng tự bảo vệ bản thân cho trẻ Mẫu giáo khi gặp các tình huống nguy hiểm”, "
            "giúp trẻ phát triển tốt khả năng tư duy",
            "Trường Mầm non Phương Lâm",
            "Giáo dục kỹ năng tự bảo vệ bản thân cho trẻ Mẫu giáo khi gặp các tình huống nguy hiểm",
            district="Hòa Bình"),
        org("hb-mn-tanhoa-a", "Trường Mầm non Tân Hòa A, thành phố Hòa Bình",
            "Mô hình: “Trang trại của bé”, mang lại hiệu quả cao trong phong trào xây dựng trường mầm non lấy "
            "trẻ làm trung tâm",
            "Trường Mầm non Tân Hòa A", "Trang trại của bé", district="Hòa Bình"),
        org("hb-th-levantam", "Trường Tiểu học Lê Văn Tám, thành phố Hòa Bình",
            "Mô hình: “Giáo dục kỹ năng sống cho học sinh thông qua các hoạt động trải nghiệm”, giúp cho học "
            "sinh có kỹ năng tự quản lý, ra quyết định",
            "Trường Tiểu học Lê Văn Tám",
            "Giáo dục kỹ năng sống cho học sinh thông qua các hoạt động trải nghiệm", district="Hòa Bình"),
        grp("hb-nhomtuthien", "Nhóm từ thiện thành phố Hòa Bình",
            "Mô hình: “Câu Lạc bộ thiện nguyện áo xanh”, lan tỏa giá trị nhân đạo trong cộng đồng",
            "Nhóm từ thiện thành phố Hòa Bình", "Câu Lạc bộ thiện nguyện áo xanh", district="Hòa Bình"),
        org("hb-mn-saomai-kyson", "Trường Mầm non Sao Mai, xã Hợp Thịnh, huyện Kỳ Sơn",
            "Mô hình: “Thư viện thân thiện của bé”, thúc đẩy sự phát triển đồng đều tất cả các kỹ năng của trẻ",
            "Trường Mầm non Sao Mai", "Thư viện thân thiện của bé", commune="Hợp Thịnh", district="Kỳ Sơn"),
        grp("hb-kyson-baogoi", "Các xã trên địa bàn huyện Kỳ Sơn",
            "Mô hình: “Thu gom bao gói thuốc Bảo vệ thực vật sau sử dụng tại các vùng sản xuất trồng trọt tập "
            "trung” tại huyện Kỳ Sơn, giúp cải thiện môi trường sống",
            "Các xã trên địa bàn huyện Kỳ Sơn",
            "Thu gom bao gói thuốc Bảo vệ thực vật sau sử dụng tại các vùng sản xuất trồng trọt tập trung",
            district="Kỳ Sơn"),
        hh("hb-hieu-trau", "Gia đình ông Nguyễn Văn Hiệu xóm Gò Chè, xã Hợp Kim, huyện Kim Bôi",
           "Mô hình: “Trang trại nuôi Trâu, Bò vỗ béo”, giúp tạo việc làm, tăng thu nhập cho nhiều lao động",
           "Gia đình ông Nguyễn Văn Hiệu", "Trang trại nuôi Trâu, Bò vỗ béo", hon="Ông",
           hamlet=("xóm", "Gò Chè"), commune="Hợp Kim", district="Kim Bôi"),
        org("hb-htx-xanh-chanhleo", "Hợp tác xã Nông nghiệp xanh Kim Bôi, huyện Kim Bôi",
            "Mô hình: “Trồng và tiêu thụ chanh leo theo chuỗi giá trị”, mang lại hiệu quả kinh tế cao, thu nhập "
            "ổn định cho người dân",
            "Hợp tác xã Nông nghiệp xanh Kim Bôi", "Trồng và tiêu thụ chanh leo theo chuỗi giá trị",
            district="Kim Bôi"),
        grp("hb-dabac-sachi", "Các xã trên địa bàn huyện Đà Bắc",
            "Mô hình: “Chuỗi liên kết phát triển vùng nguyên liệu của cây Sachi trong tái cơ cấu nông nghiệp "
            "gắn với xây dựng nông thôn mới tại huyện Đà Bắc”, tạo vùng sản xuất nguyên liệu tập trung",
            "Các xã trên địa bàn huyện Đà Bắc",
            "Chuỗi liên kết phát triển vùng nguyên liệu của cây Sachi trong tái cơ cấu nông nghiệp gắn với xây "
            "dựng nông thôn mới tại huyện Đà Bắc", district="Đà Bắc"),
        grp("hb-dabia-dulich", "Xóm Đá Bia, xã Tiền Phong huyện Đà Bắc",
            "Mô hình: “Phát triển du lịch cộng đồng”, tận dụng lợi thế về địa hình để phát triển du lịch sinh "
            "thái vùng lòng hồ Hòa Bình",
            "Xóm Đá Bia", "Phát triển du lịch cộng đồng", hamlet=("xóm", "Đá Bia"), commune="Tiền Phong",
            district="Đà Bắc"),
        org("hb-phong-cachinh",
            "Phòng nuôi trồng khai thác và phát triển nguồn lợi thủy sản, Chi cục Thủy sản, trực thuộc Sở Nông "
            "nghiệp và Phát triển nông thôn",
            "Mô hình: “Nuôi cá Chình Bông trong lồng trên hồ thủy điện sông Đà”, nhằm phát huy thế mạnh tiềm "
            "năng mặt nước nuôi trồng thủy sản",
            "Phòng nuôi trồng khai thác và phát triển nguồn lợi thủy sản, Chi cục Thủy sản, trực thuộc Sở Nông "
            "nghiệp và Phát triển nông thôn", "Nuôi cá Chình Bông trong lồng trên hồ thủy điện sông Đà"),
    ]), Section("II", "ĐIỂN HÌNH", [
        per("hb-dangthithu", "Bà Đặng Thị Thu, thị trấn Cao Phong, huyện Cao Phong",
            "Điển hình “Làm giàu theo lời Bác chia sẻ nhân ái”, phát triển kinh tế gia đình, tạo việc làm, tăng "
            "thu nhập cho nhiều lao động",
            "Đặng Thị Thu", "Làm giàu theo lời Bác chia sẻ nhân ái", hon="Bà", commune="Cao Phong",
            district="Cao Phong"),
        per("hb-thang-ong", "Ông Bùi Văn Thắng, xóm Mòn, xã Độc Lập, huyện Kỳ Sơn",
            "Điển hình “Nông dân sản xuất giỏi với mô hình nuôi ong lấy mật”, mỗi năm thu trên 2 tấn mật ong, "
            "hướng dẫn kỹ thuật cho nhiều hộ trong xóm",
            "Bùi Văn Thắng", "Nông dân sản xuất giỏi với mô hình nuôi ong lấy mật", hon="Ông",
            hamlet=("xóm", "Mòn"), commune="Độc Lập", district="Kỳ Sơn"),
        per("hb-hang-ysi", "Bà Nguyễn Thị Hằng, xóm Bưng, xã Cuối Hạ, huyện Kim Bôi",
            "Điển hình “Nữ y sĩ tận tụy với đồng bào vùng cao”, nhiều năm gắn bó với trạm y tế xã, vận động "
            "bà con khám thai, tiêm chủng đầy đủ",
            "Nguyễn Thị Hằng", "Nữ y sĩ tận tụy với đồng bào vùng cao", hon="Bà", hamlet=("xóm", "Bưng"),
            commune="Cuối Hạ", district="Kim Bôi"),
        per("hb-nam-lon", "Ông Quách Văn Nam, xóm Đồi, xã Yên Trị, huyện Yên Thủy",
            "Điển hình “Trang trại chăn nuôi lợn an toàn sinh học”, quy mô 500 con/lứa, tạo việc làm cho 6 lao "
            "động",
            "Quách Văn Nam", "Trang trại chăn nuôi lợn an toàn sinh học", hon="Ông", hamlet=("xóm", "Đồi"),
            commune="Yên Trị", district="Yên Thủy"),
        per("hb-lan-homestay", "Bà Hà Thị Lan, bản Lác, thị trấn Mai Châu, huyện Mai Châu",
            "Điển hình “Làm du lịch homestay gắn với giữ gìn bản sắc văn hóa dân tộc Thái”, đón trên 3.000 "
            "lượt khách mỗi năm",
            "Hà Thị Lan", "Làm du lịch homestay gắn với giữ gìn bản sắc văn hóa dân tộc Thái", hon="Bà",
            hamlet=("bản", "Lác"), commune="Mai Châu", district="Mai Châu"),
        per("hb-hung-rau-hoason", "Ông Nguyễn Văn Hùng, xóm Đồng Bái, xã Hòa Sơn, huyện Lương Sơn",
            "Điển hình “Sản xuất rau an toàn theo tiêu chuẩn VietGAP”, liên kết tiêu thụ với các bếp ăn tập thể",
            "Nguyễn Văn Hùng", "Sản xuất rau an toàn theo tiêu chuẩn VietGAP", hon="Ông",
            hamlet=("xóm", "Đồng Bái"), commune="Hòa Sơn", district="Lương Sơn"),
    ])]

    d20 = Doc("hb-2020-196-KH-UBND.txt", "Hòa Bình", "HOÀ BÌNH", "196/KH-UBND", "Hoà Bình", "2020-09-15",
              "TRIỂN KHAI NHÂN RỘNG MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM 2020",
              "Triển khai nhân rộng mô hình, điển hình tiên tiến năm 2020", kt, "Nguyễn Văn Chương", BODY_HB,
              issuer_lines=("UỶ BAN NHÂN DÂN", ""), caption_issuer="Uỷ ban nhân dân tỉnh Hoà Bình")
    d20.sections = [Section("I", "MÔ HÌNH", [
        org("hb-ca-lacson-chungtay", "Công an huyện Lạc Sơn",
            "Mô hình: “Chung tay vì cuộc sống cộng đồng”, tiếp tục giúp đỡ 30 hộ dân có hoàn cảnh khó khăn",
            "Công an huyện Lạc Sơn", "Chung tay vì cuộc sống cộng đồng", district="Lạc Sơn"),
        per("hb-sanh-maytre", "Bà Bùi Thị Sành, xóm Bui, xã Nhân Nghĩa, huyện Lạc Sơn",
            "Mô hình: “HTX mây tre đan”, tạo việc làm thường xuyên cho 45 lao động, sản phẩm xuất khẩu",
            "Bùi Thị Sành", "HTX mây tre đan", hon="Bà", hamlet=("xóm", "Bui"), commune="Nhân Nghĩa",
            district="Lạc Sơn"),
        org("hb-ca-caophong-camera", "Công an huyện Cao Phong",
            "Mô hình: “Camera giám sát an ninh trật tự và giao thông”, mở rộng tới các xã trên địa bàn huyện",
            "Công an huyện Cao Phong", "Camera giám sát an ninh trật tự và giao thông", district="Cao Phong"),
        grp("hb-kp7-clb", "Khu phố 7, thị trấn Hàng Trạm, huyện Yên Thuỷ",
            "Mô hình: “CLB gia đình phát triển bền vững”, duy trì sinh hoạt định kỳ hằng tháng",
            "Khu phố 7", "CLB gia đình phát triển bền vững", hamlet=("khu phố", "7"), commune="Hàng Trạm",
            district="Yên Thủy"),
        per("hb-thu-hoa", "Nguyễn Thị Thu, thôn An Ninh, xã Phú Nghĩa, huyện Lạc Thuỷ",
            "Mô hình: “Phát triển kinh tế gia đình nhờ trồng hoa”, cung cấp hoa cho thị trường Hà Nội",
            "Nguyễn Thị Thu", "Phát triển kinh tế gia đình nhờ trồng hoa", hamlet=("thôn", "An Ninh"),
            commune="Phú Nghĩa", district="Lạc Thủy"),
        per("hb-hung-cayanqua", "Ông Hà Văn Hưng, xóm Bương Bái, xã Vân Sơn, huyện Tân Lạc",
            "Mô hình: “Trồng cây ăn quả kết hợp chăn nuôi gia súc, gia cầm”, thu nhập trên 300 triệu đồng/năm",
            "Hà Văn Hưng", "Trồng cây ăn quả kết hợp chăn nuôi gia súc, gia cầm", hon="Ông",
            hamlet=("xóm", "Bương Bái"), commune="Vân Sơn", district="Tân Lạc"),
        org("hb-thpt-tanlac", "Trường THPT Tân Lạc",
            "Mô hình: “Dạy học tích hợp liên môn gắn với trải nghiệm thực tế”, mở rộng ra các môn khoa học "
            "tự nhiên",
            "Trường THPT Tân Lạc", "Dạy học tích hợp liên môn gắn với trải nghiệm thực tế"),
        org("hb-mn-saomai-kyson", "Trường Mầm non Sao Mai, xã Thịnh Minh, thành phố Hoà Bình",
            "Mô hình: “Thư viện thân thiện của bé”, huy động phụ huynh đóng góp trên 500 đầu sách",
            "Trường Mầm non Sao Mai", "Thư viện thân thiện của bé", commune="Thịnh Minh", district="Hòa Bình"),
        org("hb-htx-xanh-chanhleo", "HTX Nông nghiệp xanh Kim Bôi, huyện Kim Bôi",
            "Mô hình: “Trồng, tiêu thụ chanh leo theo chuỗi giá trị”, mở rộng diện tích lên 45 ha",
            "HTX Nông nghiệp xanh Kim Bôi", "Trồng, tiêu thụ chanh leo theo chuỗi giá trị", district="Kim Bôi"),
        org("hb-htx-paco-chanhleo", "Hợp tác xã Nông nghiệp và Dịch vụ Pà Cò, xã Pà Cò, huyện Mai Châu",
            "Mô hình: “Trồng và tiêu thụ chanh leo theo chuỗi giá trị”, liên kết với doanh nghiệp bao tiêu "
            "toàn bộ sản phẩm",
            "Hợp tác xã Nông nghiệp và Dịch vụ Pà Cò", "Trồng và tiêu thụ chanh leo theo chuỗi giá trị",
            commune="Pà Cò", district="Mai Châu"),
        grp("hb-dabia-dulich", "Xóm Đá Bia, xã Tiền Phong, huyện Đà Bắc",
            "Mô hình: “Phát triển du lịch cộng đồng gắn với bảo tồn văn hoá dân tộc Dao”, đón trên 5.000 lượt "
            "khách",
            "Xóm Đá Bia", "Phát triển du lịch cộng đồng gắn với bảo tồn văn hóa dân tộc Dao",
            hamlet=("xóm", "Đá Bia"), commune="Tiền Phong", district="Đà Bắc"),
        org("hb-hlhpn-luongson-bhyt", "Hội LHPN huyện Lương Sơn",
            "Mô hình: “Vận động phụ nữ tiết kiệm, mua BHYT - Vì sức khoẻ gia đình”, nhân rộng ra 100% chi hội",
            "Hội LHPN huyện Lương Sơn", "Vận động phụ nữ tiết kiệm, mua BHYT - Vì sức khỏe gia đình",
            district="Lương Sơn"),
        org("hb-th-levantam", "Trường Tiểu học Lê Văn Tám, thành phố Hoà Bình",
            "Mô hình: “Giáo dục kỹ năng sống cho học sinh thông qua hoạt động trải nghiệm”, duy trì 12 câu lạc "
            "bộ kỹ năng",
            "Trường Tiểu học Lê Văn Tám", "Giáo dục kỹ năng sống cho học sinh thông qua hoạt động trải nghiệm",
            district="Hòa Bình"),
        org("hb-mn-tanhoa-b", "Trường Mầm non Tân Hoà B, thành phố Hoà Bình",
            "Mô hình: “Trang trại của bé”, trẻ được trực tiếp chăm sóc rau, vật nuôi",
            "Trường Mầm non Tân Hòa B", "Trang trại của bé", district="Hòa Bình"),
    ]), Section("II", "ĐIỂN HÌNH", [
        per("hb-dangthithu", "Đặng Thị Thu, thị trấn Cao Phong, huyện Cao Phong",
            "Điển hình “Làm giàu theo lời Bác, chia sẻ nhân ái”, ủng hộ trên 200 triệu đồng cho quỹ vì người "
            "nghèo",
            "Đặng Thị Thu", "Làm giàu theo lời Bác, chia sẻ nhân ái", commune="Cao Phong", district="Cao Phong"),
        per("hb-thang-ong", "Ông Bùi Văn Thắng, xóm Mòn, xã Độc Lập, thành phố Hoà Bình",
            "Điển hình “Nông dân sản xuất giỏi với mô hình nuôi ong lấy mật”, mở rộng lên 400 đàn ong",
            "Bùi Văn Thắng", "Nông dân sản xuất giỏi với mô hình nuôi ong lấy mật", hon="Ông",
            hamlet=("xóm", "Mòn"), commune="Độc Lập", district="Hòa Bình"),
        per("hb-lan-homestay", "Bà Hà Thị Lan, bản Lác, thị trấn Mai Châu, huyện Mai Châu",
            "Điển hình “Làm du lịch homestay gắn với giữ gìn bản sắc văn hoá dân tộc Thái”, tạo việc làm cho "
            "12 lao động trong bản",
            "Hà Thị Lan", "Làm du lịch homestay gắn với giữ gìn bản sắc văn hóa dân tộc Thái", hon="Bà",
            hamlet=("bản", "Lác"), commune="Mai Châu", district="Mai Châu"),
        per("hb-hang-ysi", "Bà Nguyễn Thị Hằng, xóm Bưng, xã Cuối Hạ, huyện Kim Bôi",
            "Điển hình “Nữ y sĩ tận tụy, hết lòng với đồng bào vùng cao”, không để xảy ra dịch bệnh trên địa "
            "bàn xã",
            "Nguyễn Thị Hằng", "Nữ y sĩ tận tụy, hết lòng với đồng bào vùng cao", hon="Bà",
            hamlet=("xóm", "Bưng"), commune="Cuối Hạ", district="Kim Bôi"),
        per("hb-hung-rau-hoason", "Ông Nguyễn Văn Hùng, xóm Đồng Bái, xã Hòa Sơn, huyện Lương Sơn",
            "Điển hình “Sản xuất rau an toàn theo hướng VietGAP”, cung cấp 3 tấn rau mỗi tháng cho các trường "
            "học",
            "Nguyễn Văn Hùng", "Sản xuất rau an toàn theo hướng VietGAP", hon="Ông", hamlet=("xóm", "Đồng Bái"),
            commune="Hòa Sơn", district="Lương Sơn"),
    ])]

    d21 = Doc("hb-2021-162-KH-UBND.txt", "Hòa Bình", "HÒA BÌNH", "162/KH-UBND", "Hòa Bình", "2021-08-20",
              "TRIỂN KHAI NHÂN RỘNG MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM 2021",
              "Triển khai nhân rộng mô hình, điển hình tiên tiến năm 2021", kt, "Nguyễn Văn Chương", BODY_HB)
    d21.sections = [Section("I", "MÔ HÌNH", [
        org("hb-ca-lacson-totuquan", "Công an huyện Lạc Sơn",
            "Mô hình: “Tổ tự quản về an ninh trật tự ở khu dân cư”, 100% xóm, tiểu khu thành lập tổ tự quản",
            "Công an huyện Lạc Sơn", "Tổ tự quản về an ninh trật tự ở khu dân cư", district="Lạc Sơn"),
        org("hb-ca-lacson-chungtay", "Công an huyện Lạc Sơn",
            "Mô hình: “Chung tay vì cộng đồng”, giúp 12 hộ thoát nghèo bền vững",
            "Công an huyện Lạc Sơn", "Chung tay vì cộng đồng", district="Lạc Sơn"),
        per("hb-duc-viba", "Ông Trần Trung Đức, xóm Tân Sơn, xã Liên Sơn, huyện Lương Sơn",
            "Mô hình: “HTX sản xuất chuối Viba”, liên kết với 60 hộ trồng chuối trong xã",
            "Trần Trung Đức", "HTX sản xuất chuối Viba", hon="Ông", hamlet=("xóm", "Tân Sơn"),
            commune="Liên Sơn", district="Lương Sơn"),
        grp("hb-kp5-clb", "Khu phố 5, thị trấn Hàng Trạm, huyện Yên Thủy",
            "Mô hình: “Câu lạc bộ gia đình phát triển bền vững”, thu hút 40 hộ gia đình tham gia",
            "Khu phố 5", "Câu lạc bộ gia đình phát triển bền vững", hamlet=("khu phố", "5"),
            commune="Hàng Trạm", district="Yên Thủy"),
        grp("hb-kp7-clb", "Khu phố 7, thị trấn Hàng Trạm, huyện Yên Thủy",
            "Mô hình: “Câu lạc bộ gia đình phát triển bền vững”, nhiều năm liền không có bạo lực gia đình",
            "Khu phố 7", "Câu lạc bộ gia đình phát triển bền vững", hamlet=("khu phố", "7"),
            commune="Hàng Trạm", district="Yên Thủy"),
        org("hb-thpt-tanlac", "Trường Trung học phổ thông Tân Lạc, huyện Tân Lạc",
            "Mô hình: “Dạy học tích hợp liên môn gắn với trải nghiệm thực tế mô hình trồng bưởi đỏ Tân Lạc”, "
            "được Sở Giáo dục và Đào tạo nhân rộng",
            "Trường Trung học phổ thông Tân Lạc",
            "Dạy học tích hợp liên môn gắn với trải nghiệm thực tế mô hình trồng bưởi đỏ Tân Lạc",
            district="Tân Lạc"),
        org("hb-mn-saomai-yenthuy", "Trường Mầm non Sao Mai, xã Lạc Thịnh, huyện Yên Thủy",
            "Mô hình: “Thư viện thân thiện của bé”, mỗi lớp có một góc đọc sách",
            "Trường Mầm non Sao Mai", "Thư viện thân thiện của bé", commune="Lạc Thịnh", district="Yên Thủy"),
        org("hb-mn-saomai-kyson", "Trường Mầm non Sao Mai, xã Thịnh Minh, TP. Hòa Bình",
            "Mô hình: “Thư viện thân thiện của bé”, tiếp tục duy trì và mở rộng thư viện ngoài trời",
            "Trường Mầm non Sao Mai", "Thư viện thân thiện của bé", commune="Thịnh Minh", district="Hòa Bình"),
        org("hb-htx-xanh-chanhleo", "Hợp tác xã Nông nghiệp xanh Kim Bôi, huyện Kim Bôi",
            "Mô hình: “Trồng và tiêu thụ chanh leo theo chuỗi giá trị”, sản phẩm đạt chứng nhận OCOP 3 sao",
            "Hợp tác xã Nông nghiệp xanh Kim Bôi", "Trồng và tiêu thụ chanh leo theo chuỗi giá trị",
            district="Kim Bôi"),
        org("hb-htx-xanh-rauhuuco", "Hợp tác xã Nông nghiệp xanh Kim Bôi, huyện Kim Bôi",
            "Mô hình: “Sản xuất rau hữu cơ trong nhà lưới”, cung ứng rau sạch cho các bếp ăn tập thể",
            "Hợp tác xã Nông nghiệp xanh Kim Bôi", "Sản xuất rau hữu cơ trong nhà lưới", district="Kim Bôi"),
        hh("hb-hieu-trau", "Gia đình ông Nguyễn Văn Hiệu, xóm Gò Chè, xã Kim Lập, huyện Kim Bôi",
           "Mô hình: “Trang trại nuôi trâu, bò vỗ béo”, quy mô 80 con, tạo việc làm cho 5 lao động",
           "Gia đình ông Nguyễn Văn Hiệu", "Trang trại nuôi trâu, bò vỗ béo", hon="Ông",
           hamlet=("xóm", "Gò Chè"), commune="Kim Lập", district="Kim Bôi"),
        org("hb-chpn-khu6", "Chi hội Phụ nữ khu 6, thị trấn Mãn Đức, huyện Tân Lạc",
            "Mô hình: “Phát triển mô hình CLB điểm phụ nữ tự tin - tự trọng - trung hậu - đảm đang”, duy trì "
            "sinh hoạt đều đặn",
            "Chi hội Phụ nữ khu 6", "Phát triển mô hình CLB điểm phụ nữ tự tin - tự trọng - trung hậu - đảm đang",
            hamlet=("khu", "6"), commune="Mãn Đức", district="Tân Lạc"),
        grp("hb-nhomtuthien", "Nhóm từ thiện thành phố Hòa Bình",
            "Mô hình: “CLB thiện nguyện Áo xanh”, tổ chức bữa cơm miễn phí cho bệnh nhân nghèo",
            "Nhóm từ thiện thành phố Hòa Bình", "CLB thiện nguyện Áo xanh", district="Hòa Bình"),
    ]), Section("II", "ĐIỂN HÌNH", [
        per("hb-dangthithu", "Bà Đặng Thị Thu, thị trấn Cao Phong, huyện Cao Phong",
            "Điển hình “Làm giàu theo lời Bác, chia sẻ nhân ái”, tích cực tham gia các hoạt động từ thiện",
            "Đặng Thị Thu", "Làm giàu theo lời Bác, chia sẻ nhân ái", hon="Bà", commune="Cao Phong",
            district="Cao Phong"),
        per("hb-thang-ong", "Bùi Văn Thắng, xóm Mòn, xã Độc Lập, thành phố Hòa Bình",
            "Điển hình “Nông dân sản xuất giỏi nuôi ong lấy mật”, sản phẩm mật ong đạt OCOP 3 sao",
            "Bùi Văn Thắng", "Nông dân sản xuất giỏi nuôi ong lấy mật", hamlet=("xóm", "Mòn"),
            commune="Độc Lập", district="Hòa Bình"),
        per("hb-hung-rau-thanhhoi", "Ông Nguyễn Văn Hùng, xóm Chum, xã Thanh Hối, huyện Tân Lạc",
            "Điển hình “Sản xuất rau an toàn theo tiêu chuẩn VietGAP”, liên kết với 15 hộ trong xóm",
            "Nguyễn Văn Hùng", "Sản xuất rau an toàn theo tiêu chuẩn VietGAP", hon="Ông",
            hamlet=("xóm", "Chum"), commune="Thanh Hối", district="Tân Lạc"),
        per("hb-lan-thocam", "Bà Hà Thị Lan, bản Lác, thị trấn Mai Châu, huyện Mai Châu",
            "Điển hình “Giữ gìn nghề dệt thổ cẩm truyền thống”, truyền nghề cho 30 phụ nữ trong bản",
            "Hà Thị Lan", "Giữ gìn nghề dệt thổ cẩm truyền thống", hon="Bà", hamlet=("bản", "Lác"),
            commune="Mai Châu", district="Mai Châu"),
        per("hb-nam-lon", "Ông Quách Văn Nam, xóm Đồi, xã Yên Trị, huyện Yên Thủy",
            "Điển hình “Trang trại chăn nuôi lợn an toàn sinh học”, áp dụng đệm lót sinh học, không gây ô nhiễm",
            "Quách Văn Nam", "Trang trại chăn nuôi lợn an toàn sinh học", hon="Ông", hamlet=("xóm", "Đồi"),
            commune="Yên Trị", district="Yên Thủy"),
    ])]
    return [d19, d20, d21]


def lao_cai() -> list[Doc]:
    kt = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    d20 = Doc("lc-2020-57-KH-UBND.txt", "Lào Cai", "LÀO CAI", "57/KH-UBND", "Lào Cai", "2020-03-09",
              "NHÂN RỘNG MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM 2020",
              "Nhân rộng mô hình, điển hình tiên tiến năm 2020", kt, "Hoàng Quốc Khánh", BODY_LC)
    d20.sections = [Section("I", "MÔ HÌNH", [
        org("lc-hnd-banlau-chuoi", "Hội Nông dân xã Bản Lầu, huyện Mường Khương",
            "Mô hình: “Trồng chuối tiêu hồng theo chuỗi giá trị”, liên kết với doanh nghiệp bao tiêu sản phẩm",
            "Hội Nông dân xã Bản Lầu", "Trồng chuối tiêu hồng theo chuỗi giá trị", commune="Bản Lầu",
            district="Mường Khương"),
        org("lc-dbp-yty", "Đồn Biên phòng Y Tý, Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
            "Mô hình: “Mỗi tổ tự quản là một cột mốc sống nơi biên cương”, phát huy vai trò của nhân dân trong "
            "tự quản đường biên, mốc quốc giới",
            "Đồn Biên phòng Y Tý, Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
            "Mỗi tổ tự quản là một cột mốc sống nơi biên cương"),
        org("lc-htx-tavan", "Hợp tác xã Dịch vụ du lịch cộng đồng Tả Van, xã Tả Van, thị xã Sa Pa",
            "Mô hình: “Du lịch cộng đồng gắn với bảo tồn bản sắc văn hóa dân tộc Giáy”, tạo việc làm cho hơn 60 "
            "lao động địa phương",
            "Hợp tác xã Dịch vụ du lịch cộng đồng Tả Van",
            "Du lịch cộng đồng gắn với bảo tồn bản sắc văn hóa dân tộc Giáy", commune="Tả Van", district="Sa Pa"),
        hh("lc-tien-trangtrai", "Gia đình ông Hoàng Văn Tiến, thôn Cốc Sâm, xã Phong Niên, huyện Bảo Thắng",
           "Mô hình: “Trang trại tổng hợp nuôi lợn, trồng cây ăn quả”, doanh thu trên 800 triệu đồng/năm",
           "Gia đình ông Hoàng Văn Tiến", "Trang trại tổng hợp nuôi lợn, trồng cây ăn quả",
           hon="Ông", hamlet=("thôn", "Cốc Sâm"), commune="Phong Niên", district="Bảo Thắng"),
        org("lc-ptdtbt-namchay", "Trường Phổ thông Dân tộc bán trú Tiểu học Nậm Chày, huyện Văn Bàn",
            "Mô hình: “Bữa ăn bán trú đủ chất cho học sinh vùng cao”, huy động phụ huynh góp rau, củi, ngày công",
            "Trường Phổ thông Dân tộc bán trú Tiểu học Nậm Chày", "Bữa ăn bán trú đủ chất cho học sinh vùng cao",
            district="Văn Bàn"),
        org("lc-ca-tplc-camera", "Công an thành phố Lào Cai",
            "Mô hình: “Camera an ninh - Mắt thần khu phố”, lắp đặt 350 camera tại các tổ dân phố",
            "Công an thành phố Lào Cai", "Camera an ninh - Mắt thần khu phố", district="Lào Cai"),
        org("lc-ccb-xuantan", "Chi hội Cựu chiến binh thôn Xuân Tân, xã Xuân Quang, huyện Bảo Thắng",
            "Mô hình: “Cựu chiến binh giúp nhau giảm nghèo”, giúp 9 hội viên thoát nghèo",
            "Chi hội Cựu chiến binh thôn Xuân Tân", "Cựu chiến binh giúp nhau giảm nghèo",
            hamlet=("thôn", "Xuân Tân"), commune="Xuân Quang", district="Bảo Thắng"),
        org("lc-htx-che-nampung", "Hợp tác xã chè Shan tuyết Nậm Pung, xã Nậm Pung, huyện Bát Xát",
            "Mô hình: “Chế biến chè Shan tuyết theo tiêu chuẩn hữu cơ”, bao tiêu chè búp tươi cho 120 hộ",
            "Hợp tác xã chè Shan tuyết Nậm Pung", "Chế biến chè Shan tuyết theo tiêu chuẩn hữu cơ",
            commune="Nậm Pung", district="Bát Xát"),
        org("lc-thcs-kimtan", "Trường THCS Kim Tân, thành phố Lào Cai",
            "Mô hình: “Thư viện xanh thân thiện”, học sinh đọc sách ngoài giờ dưới tán cây",
            "Trường THCS Kim Tân", "Thư viện xanh thân thiện", district="Lào Cai"),
    ]), Section("II", "ĐIỂN HÌNH", [
        per("lc-mai-danvan", "Bà Sùng Thị Mai, thôn Sín Chải, xã Thải Giàng Phố, huyện Bắc Hà",
            "Điển hình “Dân vận khéo trong vận động nhân dân hiến đất làm đường”, vận động 45 hộ hiến trên "
            "6.000 m² đất",
            "Sùng Thị Mai", "Dân vận khéo trong vận động nhân dân hiến đất làm đường", hon="Bà",
            hamlet=("thôn", "Sín Chải"), commune="Thải Giàng Phố", district="Bắc Hà"),
        per("lc-chinh-uytin", "Ông Vàng Seo Chính, xã Sín Chéng, huyện Si Ma Cai",
            "Điển hình “Người có uy tín tiêu biểu trong phòng, chống ma túy”, vận động 12 người cai nghiện "
            "thành công",
            "Vàng Seo Chính", "Người có uy tín tiêu biểu trong phòng, chống ma túy", hon="Ông",
            commune="Sín Chéng", district="Si Ma Cai"),
        per("lc-huong-cogiao", "Lò Thị Hương, thị trấn Phố Ràng, huyện Bảo Yên",
            "Điển hình “Cô giáo vùng cao hết lòng vì học trò”, nhiều năm liền là giáo viên dạy giỏi cấp tỉnh",
            "Lò Thị Hương", "Cô giáo vùng cao hết lòng vì học trò", commune="Phố Ràng", district="Bảo Yên"),
        per("lc-quan-nongdan", "Ông Lù Văn Quân, thôn Na Lốc, xã Bản Lầu, huyện Mường Khương",
            "Điển hình “Nông dân sản xuất kinh doanh giỏi với cây chuối, cây dứa”, thu nhập trên 1 tỷ đồng/năm",
            "Lù Văn Quân", "Nông dân sản xuất kinh doanh giỏi với cây chuối, cây dứa", hon="Ông",
            hamlet=("thôn", "Na Lốc"), commune="Bản Lầu", district="Mường Khương"),
    ])]

    d21 = Doc("lc-2021-126-KH-UBND.txt", "Lào Cai", "LÀO CAI", "126/KH-UBND", "Lào Cai", "2021-04-02",
              "NHÂN RỘNG MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM 2021",
              "Nhân rộng mô hình, điển hình tiên tiến năm 2021", kt, "Hoàng Quốc Khánh", BODY_LC)
    d21.sections = [Section("I", "MÔ HÌNH", [
        org("lc-hnd-banlau-chuoi", "Hội ND xã Bản Lầu, huyện Mường Khương",
            "Mô hình: “Trồng chuối tiêu hồng liên kết theo chuỗi giá trị”, diện tích tăng lên 150 ha",
            "Hội ND xã Bản Lầu", "Trồng chuối tiêu hồng liên kết theo chuỗi giá trị", commune="Bản Lầu",
            district="Mường Khương"),
        org("lc-dbp-yty", "Đồn Biên phòng Y Tý",
            "Mô hình: “Tổ tự quản - cột mốc sống nơi biên cương”, duy trì 14 tổ tự quản đường biên",
            "Đồn Biên phòng Y Tý", "Tổ tự quản - cột mốc sống nơi biên cương"),
        org("lc-htx-tavan", "HTX Dịch vụ du lịch cộng đồng Tả Van, xã Tả Van, thị xã Sa Pa",
            "Mô hình: “Du lịch cộng đồng gắn với bảo tồn bản sắc văn hoá dân tộc Giáy”, duy trì hoạt động "
            "trong thời gian dịch Covid-19",
            "HTX Dịch vụ du lịch cộng đồng Tả Van", "Du lịch cộng đồng gắn với bảo tồn bản sắc văn hóa dân tộc Giáy",
            commune="Tả Van", district="Sa Pa"),
        per("lc-tien-trangtrai", "Ông Hoàng Văn Tiến, thôn Cốc Sâm, xã Phong Niên, huyện Bảo Thắng",
            "Mô hình: “Trang trại tổng hợp nuôi lợn và trồng cây ăn quả”, giải quyết việc làm cho 8 lao động",
            "Hoàng Văn Tiến", "Trang trại tổng hợp nuôi lợn và trồng cây ăn quả", hon="Ông",
            hamlet=("thôn", "Cốc Sâm"), commune="Phong Niên", district="Bảo Thắng"),
        org("lc-ptdtbt-namchay", "Trường PTDTBT TH Nậm Chày, huyện Văn Bàn",
            "Mô hình: “Nâng cao chất lượng bữa ăn bán trú cho học sinh vùng cao”, tỷ lệ chuyên cần đạt 99%",
            "Trường PTDTBT TH Nậm Chày", "Nâng cao chất lượng bữa ăn bán trú cho học sinh vùng cao",
            district="Văn Bàn"),
        org("lc-ca-tplc-camera", "Công an thành phố Lào Cai",
            "Mô hình: “Camera an ninh - Mắt thần khu phố”, kết nối camera với trung tâm chỉ huy",
            "Công an thành phố Lào Cai", "Camera an ninh - Mắt thần khu phố", district="Lào Cai"),
        org("lc-ca-tplc-pccc", "Công an thành phố Lào Cai",
            "Mô hình: “Tổ liên gia an toàn phòng cháy, chữa cháy”, thành lập 210 tổ liên gia",
            "Công an thành phố Lào Cai", "Tổ liên gia an toàn phòng cháy, chữa cháy", district="Lào Cai"),
        org("lc-ccb-xuantan", "Chi hội CCB thôn Xuân Tân, xã Xuân Quang, huyện Bảo Thắng",
            "Mô hình: “CCB giúp nhau giảm nghèo”, cho hội viên vay vốn không lãi",
            "Chi hội CCB thôn Xuân Tân", "CCB giúp nhau giảm nghèo", hamlet=("thôn", "Xuân Tân"),
            commune="Xuân Quang", district="Bảo Thắng"),
        org("lc-ccb-giaphu", "Hội Cựu chiến binh xã Gia Phú, huyện Bảo Thắng",
            "Mô hình: “Cựu chiến binh giúp nhau giảm nghèo”, giúp 15 hội viên có việc làm ổn định",
            "Hội Cựu chiến binh xã Gia Phú", "Cựu chiến binh giúp nhau giảm nghèo", commune="Gia Phú",
            district="Bảo Thắng"),
        org("lc-thcs-kimtan", "Trường Trung học cơ sở Kim Tân, thành phố Lào Cai",
            "Mô hình: “Thư viện xanh thân thiện”, mở rộng thư viện ra sân trường",
            "Trường Trung học cơ sở Kim Tân", "Thư viện xanh thân thiện", district="Lào Cai"),
        org("lc-th-kimtan", "Trường Tiểu học Kim Tân, thành phố Lào Cai",
            "Mô hình: “Thư viện xanh thân thiện”, xây dựng góc đọc tại mỗi lớp học",
            "Trường Tiểu học Kim Tân", "Thư viện xanh thân thiện", district="Lào Cai"),
    ]), Section("II", "ĐIỂN HÌNH", [
        per("lc-mai-danvan", "Sùng Thị Mai, thôn Sín Chải, xã Thải Giàng Phố, huyện Bắc Hà",
            "Điển hình “Dân vận khéo trong vận động nhân dân hiến đất làm đường giao thông nông thôn”, góp phần "
            "đưa xã về đích nông thôn mới",
            "Sùng Thị Mai", "Dân vận khéo trong vận động nhân dân hiến đất làm đường giao thông nông thôn",
            hamlet=("thôn", "Sín Chải"), commune="Thải Giàng Phố", district="Bắc Hà"),
        per("lc-chinh-uytin", "Ông Vàng Seo Chính, xã Sín Chéng, huyện Si Ma Cai",
            "Điển hình “Người có uy tín tiêu biểu trong phòng, chống ma tuý”, giữ bình yên cho thôn bản",
            "Vàng Seo Chính", "Người có uy tín tiêu biểu trong phòng, chống ma túy", hon="Ông",
            commune="Sín Chéng", district="Si Ma Cai"),
        per("lc-huong-cogiao", "Bà Lò Thị Hương, thị trấn Phố Ràng, huyện Bảo Yên",
            "Điển hình “Cô giáo vùng cao hết lòng vì học trò”, vận động 100% trẻ trong độ tuổi ra lớp",
            "Lò Thị Hương", "Cô giáo vùng cao hết lòng vì học trò", hon="Bà", commune="Phố Ràng",
            district="Bảo Yên"),
        per("lc-huong-nghiado", "Bà Lò Thị Hương, thôn Bản Hốc, xã Nghĩa Đô, huyện Bảo Yên",
            "Điển hình “Phụ nữ dân tộc Tày làm du lịch cộng đồng”, mở homestay đón khách trong và ngoài nước",
            "Lò Thị Hương", "Phụ nữ dân tộc Tày làm du lịch cộng đồng", hon="Bà", hamlet=("thôn", "Bản Hốc"),
            commune="Nghĩa Đô", district="Bảo Yên"),
    ])]

    d22 = Doc("lc-2022-88-KH-UBND.txt", "Lào Cai", "LÀO CAI", "88/KH-UBND", "Lào Cai", "2022-03-14",
              "NHÂN RỘNG MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM 2022",
              "Nhân rộng mô hình, điển hình tiên tiến năm 2022", kt, "Giàng Thị Dung", BODY_LC)
    d22.sections = [Section("I", "MÔ HÌNH", [
        org("lc-hnd-banlau-chuoi", "Hội Nông dân xã Bản Lầu, huyện Mường Khương",
            "Mô hình: “Trồng chuối tiêu hồng theo chuỗi giá trị”, sản phẩm xuất khẩu sang thị trường Nhật Bản",
            "Hội Nông dân xã Bản Lầu", "Trồng chuối tiêu hồng theo chuỗi giá trị", commune="Bản Lầu",
            district="Mường Khương"),
        org("lc-hnd-banlau-dua", "Hội Nông dân xã Bản Lầu, huyện Mường Khương",
            "Mô hình: “Tổ hội nghề nghiệp trồng dứa”, 35 hội viên tham gia, liên kết tiêu thụ sản phẩm",
            "Hội Nông dân xã Bản Lầu", "Tổ hội nghề nghiệp trồng dứa", commune="Bản Lầu", district="Mường Khương"),
        org("lc-htx-tavan", "Hợp tác xã Du lịch cộng đồng Tả Van, xã Tả Van, thị xã Sa Pa",
            "Mô hình: “Du lịch cộng đồng gắn với bảo tồn văn hóa Giáy”, phục hồi hoạt động du lịch sau dịch",
            "Hợp tác xã Du lịch cộng đồng Tả Van", "Du lịch cộng đồng gắn với bảo tồn văn hóa Giáy",
            commune="Tả Van", district="Sa Pa"),
        hh("lc-tien-trangtrai", "Gia đình ông Hoàng Văn Tiến, thôn Cốc Sâm, xã Phong Niên, huyện Bảo Thắng",
           "Mô hình: “Trang trại tổng hợp nuôi lợn, trồng cây ăn quả”, áp dụng quy trình chăn nuôi an toàn",
           "Gia đình ông Hoàng Văn Tiến", "Trang trại tổng hợp nuôi lợn, trồng cây ăn quả",
           hon="Ông", hamlet=("thôn", "Cốc Sâm"), commune="Phong Niên", district="Bảo Thắng"),
        org("lc-ca-tplc-pccc", "Công an TP. Lào Cai",
            "Mô hình: “Tổ liên gia an toàn PCCC”, nhân rộng ra toàn bộ các phường, xã",
            "Công an TP. Lào Cai", "Tổ liên gia an toàn PCCC", district="Lào Cai"),
        org("lc-htx-che-nampung", "HTX chè Shan tuyết Nậm Pung, xã Nậm Pung, huyện Bát Xát",
            "Mô hình: “Chế biến chè Shan tuyết hữu cơ”, sản phẩm đạt chứng nhận OCOP 4 sao",
            "HTX chè Shan tuyết Nậm Pung", "Chế biến chè Shan tuyết hữu cơ", commune="Nậm Pung",
            district="Bát Xát"),
        org("lc-ptdtbt-namchay", "Trường Phổ thông Dân tộc bán trú Tiểu học Nậm Chày, huyện Văn Bàn",
            "Mô hình: “Bữa ăn bán trú đủ chất cho học sinh vùng cao”, trường tự tăng gia 2 tấn rau mỗi năm",
            "Trường Phổ thông Dân tộc bán trú Tiểu học Nậm Chày", "Bữa ăn bán trú đủ chất cho học sinh vùng cao",
            district="Văn Bàn"),
        org("lc-ccb-xuantan", "Chi hội Cựu chiến binh thôn Xuân Tân, xã Xuân Quang, huyện Bảo Thắng",
            "Mô hình: “Cựu chiến binh giúp nhau giảm nghèo, làm kinh tế giỏi”, không còn hội viên hộ nghèo",
            "Chi hội Cựu chiến binh thôn Xuân Tân", "Cựu chiến binh giúp nhau giảm nghèo, làm kinh tế giỏi",
            hamlet=("thôn", "Xuân Tân"), commune="Xuân Quang", district="Bảo Thắng"),
        org("lc-htx-banlau-chuoi", "Hợp tác xã Nông nghiệp Bản Lầu, xã Bản Lầu, huyện Mường Khương",
            "Mô hình: “Trồng chuối tiêu hồng theo chuỗi giá trị”, đầu tư nhà sơ chế, đóng gói đạt chuẩn",
            "Hợp tác xã Nông nghiệp Bản Lầu", "Trồng chuối tiêu hồng theo chuỗi giá trị", commune="Bản Lầu",
            district="Mường Khương"),
    ]), Section("II", "ĐIỂN HÌNH", [
        per("lc-chinh-uytin", "Ông Vàng Seo Chính, xã Sín Chéng, huyện Si Ma Cai",
            "Điển hình “Người có uy tín tiêu biểu trong phòng, chống ma túy”, được Chủ tịch UBND tỉnh tặng "
            "Bằng khen",
            "Vàng Seo Chính", "Người có uy tín tiêu biểu trong phòng, chống ma túy", hon="Ông",
            commune="Sín Chéng", district="Si Ma Cai"),
        per("lc-quan-nongdan", "Ông Lù Văn Quân, thôn Na Lốc, xã Bản Lầu, huyện Mường Khương",
            "Điển hình “Nông dân sản xuất kinh doanh giỏi với cây chuối, cây dứa”, hướng dẫn kỹ thuật cho "
            "30 hộ",
            "Lù Văn Quân", "Nông dân sản xuất kinh doanh giỏi với cây chuối, cây dứa", hon="Ông",
            hamlet=("thôn", "Na Lốc"), commune="Bản Lầu", district="Mường Khương"),
        per("lc-huong-nghiado", "Lò Thị Hương, thôn Bản Hốc, xã Nghĩa Đô, huyện Bảo Yên",
            "Điển hình “Phụ nữ dân tộc Tày làm du lịch cộng đồng”, liên kết 10 hộ cùng làm homestay",
            "Lò Thị Hương", "Phụ nữ dân tộc Tày làm du lịch cộng đồng", hamlet=("thôn", "Bản Hốc"),
            commune="Nghĩa Đô", district="Bảo Yên"),
        per("lc-mai-danvan", "Bà Sùng Thị Mai, thôn Sín Chải, xã Thải Giàng Phố, huyện Bắc Hà",
            "Điển hình “Dân vận khéo trong vận động nhân dân hiến đất làm đường”, tiếp tục vận động làm 3 km "
            "đường bê tông",
            "Sùng Thị Mai", "Dân vận khéo trong vận động nhân dân hiến đất làm đường", hon="Bà",
            hamlet=("thôn", "Sín Chải"), commune="Thải Giàng Phố", district="Bắc Hà"),
    ])]
    return [d20, d21, d22]


def nghe_an() -> list[Doc]:
    kt = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    d21 = Doc("na-2021-312-KH-UBND.txt", "Nghệ An", "NGHỆ AN", "312/KH-UBND", "Nghệ An", "2021-06-15",
              "XÂY DỰNG VÀ NHÂN RỘNG MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM 2021",
              "Xây dựng và nhân rộng mô hình, điển hình tiên tiến năm 2021", kt, "Lê Hồng Vinh", BODY_NA)
    d21.sections = [Section("I", "MÔ HÌNH", [
        org("na-htx-kimlien", "Hợp tác xã Nông nghiệp Kim Liên, xã Kim Liên, huyện Nam Đàn",
            "Mô hình: “Sản xuất rau, củ, quả an toàn theo chuỗi liên kết”, cung cấp rau cho các siêu thị tại "
            "thành phố Vinh",
            "Hợp tác xã Nông nghiệp Kim Liên", "Sản xuất rau, củ, quả an toàn theo chuỗi liên kết",
            commune="Kim Liên", district="Nam Đàn"),
        org("na-dtn-hungdung", "Đoàn Thanh niên phường Hưng Dũng, thành phố Vinh",
            "Mô hình: “Tuyến đường thanh niên tự quản văn minh”, ra quân vệ sinh môi trường mỗi sáng chủ nhật",
            "Đoàn Thanh niên phường Hưng Dũng", "Tuyến đường thanh niên tự quản văn minh", commune="Hưng Dũng",
            district="Vinh"),
        org("na-thpt-dl1", "Trường THPT Đô Lương 1, huyện Đô Lương",
            "Mô hình: “Câu lạc bộ khởi nghiệp học đường”, nhiều dự án đạt giải cấp tỉnh",
            "Trường THPT Đô Lương 1", "Câu lạc bộ khởi nghiệp học đường", district="Đô Lương"),
        org("na-hlhpn-dienkim", "Hội Liên hiệp Phụ nữ xã Diễn Kim, huyện Diễn Châu",
            "Mô hình: “Tổ phụ nữ tiết kiệm vốn vay giúp nhau phát triển kinh tế”, 45 hội viên tham gia",
            "Hội Liên hiệp Phụ nữ xã Diễn Kim", "Tổ phụ nữ tiết kiệm vốn vay giúp nhau phát triển kinh tế",
            commune="Diễn Kim", district="Diễn Châu"),
        org("na-ca-quephong", "Công an huyện Quế Phong",
            "Mô hình: “Bản làng không có ma túy”, 12 bản đăng ký xây dựng bản không có ma túy",
            "Công an huyện Quế Phong", "Bản làng không có ma túy", district="Quế Phong"),
        org("na-htx-nghithuan", "Hợp tác xã Dịch vụ Nông nghiệp Nghi Thuận, huyện Nghi Lộc",
            "Mô hình: “Liên kết sản xuất lúa chất lượng cao”, cánh đồng liên kết 120 ha",
            "Hợp tác xã Dịch vụ Nông nghiệp Nghi Thuận", "Liên kết sản xuất lúa chất lượng cao",
            district="Nghi Lộc"),
        org("na-tyt-monson", "Trạm Y tế xã Môn Sơn, huyện Con Cuông",
            "Mô hình: “Khám chữa bệnh kết hợp y học cổ truyền với y học hiện đại”, xây dựng vườn thuốc nam "
            "100 loài",
            "Trạm Y tế xã Môn Sơn", "Khám chữa bệnh kết hợp y học cổ truyền với y học hiện đại",
            commune="Môn Sơn", district="Con Cuông"),
        org("na-chnd-quynhdoi", "Chi hội Nông dân xóm 3, xã Quỳnh Đôi, huyện Quỳnh Lưu",
            "Mô hình: “Cánh đồng mẫu lớn trồng lạc”, năng suất tăng 20% so với sản xuất nhỏ lẻ",
            "Chi hội Nông dân xóm 3", "Cánh đồng mẫu lớn trồng lạc", hamlet=("xóm", "3"), commune="Quỳnh Đôi",
            district="Quỳnh Lưu"),
    ]), Section("II", "ĐIỂN HÌNH", [
        per("na-hoa-thanhan", "Bà Nguyễn Thị Hoa, xóm 2, xã Thanh An, huyện Thanh Chương",
            "Điển hình “Trồng chè công nghiệp kết hợp chăn nuôi bò”, thu nhập 400 triệu đồng/năm",
            "Nguyễn Thị Hoa", "Trồng chè công nghiệp kết hợp chăn nuôi bò", hon="Bà", hamlet=("xóm", "2"),
            commune="Thanh An", district="Thanh Chương"),
        per("na-tien-calong", "Ông Lô Văn Tiến, bản Khe Choăng, xã Châu Khê, huyện Con Cuông",
            "Điển hình “Nuôi cá lồng trên lòng hồ thủy điện”, hướng dẫn 10 hộ đồng bào Thái cùng làm",
            "Lô Văn Tiến", "Nuôi cá lồng trên lòng hồ thủy điện", hon="Ông", hamlet=("bản", "Khe Choăng"),
            commune="Châu Khê", district="Con Cuông"),
        per("na-hai-danhbat", "Ông Trần Văn Hải, xã Diễn Kim, huyện Diễn Châu",
            "Điển hình “Đánh bắt xa bờ gắn với bảo vệ chủ quyền biển đảo”, đầu tư 2 tàu công suất lớn",
            "Trần Văn Hải", "Đánh bắt xa bờ gắn với bảo vệ chủ quyền biển đảo", hon="Ông", commune="Diễn Kim",
            district="Diễn Châu"),
        per("na-thanh-totruong", "Bà Phan Thị Thanh, phường Trường Thi, thành phố Vinh",
            "Điển hình “Tổ trưởng dân phố tận tâm với công việc khu dân cư”, khối phố nhiều năm đạt văn hóa",
            "Phan Thị Thanh", "Tổ trưởng dân phố tận tâm với công việc khu dân cư", hon="Bà",
            commune="Trường Thi", district="Vinh"),
    ])]

    d22 = Doc("na-2022-177-KH-UBND.txt", "Nghệ An", "NGHỆ AN", "177/KH-UBND", "Nghệ An", "2022-03-30",
              "XÂY DỰNG VÀ NHÂN RỘNG MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM 2022",
              "Xây dựng và nhân rộng mô hình, điển hình tiên tiến năm 2022", kt, "Lê Hồng Vinh", BODY_NA)
    d22.sections = [Section("I", "MÔ HÌNH", [
        org("na-htx-kimlien", "HTX Nông nghiệp Kim Liên, xã Kim Liên, huyện Nam Đàn",
            "Mô hình: “Sản xuất rau củ quả an toàn theo chuỗi liên kết”, mở rộng thêm 5 ha nhà lưới",
            "HTX Nông nghiệp Kim Liên", "Sản xuất rau củ quả an toàn theo chuỗi liên kết", commune="Kim Liên",
            district="Nam Đàn"),
        org("na-dtn-hungdung", "ĐTN phường Hưng Dũng, thành phố Vinh",
            "Mô hình: “Tuyến đường thanh niên tự quản, văn minh”, trồng 500 cây xanh trên tuyến đường",
            "ĐTN phường Hưng Dũng", "Tuyến đường thanh niên tự quản, văn minh", commune="Hưng Dũng",
            district="Vinh"),
        org("na-thpt-dl1", "Trường Trung học phổ thông Đô Lương 1, huyện Đô Lương",
            "Mô hình: “CLB khởi nghiệp học đường”, thu hút 200 học sinh tham gia",
            "Trường Trung học phổ thông Đô Lương 1", "CLB khởi nghiệp học đường", district="Đô Lương"),
        org("na-hlhpn-dienkim", "Hội LHPN xã Diễn Kim, huyện Diễn Châu",
            "Mô hình: “Tổ phụ nữ tiết kiệm vốn vay giúp nhau phát triển kinh tế gia đình”, tổng nguồn vốn "
            "trên 1 tỷ đồng",
            "Hội LHPN xã Diễn Kim", "Tổ phụ nữ tiết kiệm vốn vay giúp nhau phát triển kinh tế gia đình",
            commune="Diễn Kim", district="Diễn Châu"),
        org("na-ca-quephong", "Công an huyện Quế Phong",
            "Mô hình: “Bản làng không có ma tuý”, nhân rộng ra 30 bản",
            "Công an huyện Quế Phong", "Bản làng không có ma túy", district="Quế Phong"),
        org("na-ca-quephong-camera", "Công an huyện Quế Phong",
            "Mô hình: “Camera giám sát an ninh bản làng”, lắp đặt 80 camera tại các bản vùng biên",
            "Công an huyện Quế Phong", "Camera giám sát an ninh bản làng", district="Quế Phong"),
        org("na-tyt-monson", "Trạm Y tế xã Môn Sơn, huyện Con Cuông",
            "Mô hình: “Khám, chữa bệnh kết hợp y học cổ truyền với y học hiện đại”, 40% lượt khám có sử dụng "
            "thuốc nam",
            "Trạm Y tế xã Môn Sơn", "Khám, chữa bệnh kết hợp y học cổ truyền với y học hiện đại",
            commune="Môn Sơn", district="Con Cuông"),
        org("na-tyt-chaukhe", "Trạm Y tế xã Châu Khê, huyện Con Cuông",
            "Mô hình: “Khám chữa bệnh kết hợp y học cổ truyền với y học hiện đại”, học tập kinh nghiệm của "
            "Trạm Y tế xã Môn Sơn",
            "Trạm Y tế xã Châu Khê", "Khám chữa bệnh kết hợp y học cổ truyền với y học hiện đại",
            commune="Châu Khê", district="Con Cuông"),
        org("na-chnd-quynhdoi", "Chi hội Nông dân xóm 3, xã Quỳnh Đôi, huyện Quỳnh Lưu",
            "Mô hình: “Cánh đồng mẫu lớn trồng lạc”, liên kết với doanh nghiệp bao tiêu",
            "Chi hội Nông dân xóm 3", "Cánh đồng mẫu lớn trồng lạc", hamlet=("xóm", "3"), commune="Quỳnh Đôi",
            district="Quỳnh Lưu"),
    ]), Section("II", "ĐIỂN HÌNH", [
        per("na-hoa-thanhthinh", "Bà Nguyễn Thị Hoa, xóm Tân Hương, xã Thanh Thịnh, huyện Thanh Chương",
            "Điển hình “Trồng chè công nghiệp kết hợp chăn nuôi bò”, tạo việc làm cho 7 lao động",
            "Nguyễn Thị Hoa", "Trồng chè công nghiệp kết hợp chăn nuôi bò", hon="Bà",
            hamlet=("xóm", "Tân Hương"), commune="Thanh Thịnh", district="Thanh Chương"),
        per("na-tien-calong", "Lô Văn Tiến, bản Khe Choăng, xã Châu Khê, huyện Con Cuông",
            "Điển hình “Nuôi cá lồng trên lòng hồ thuỷ điện”, mở rộng lên 20 lồng cá",
            "Lô Văn Tiến", "Nuôi cá lồng trên lòng hồ thủy điện", hamlet=("bản", "Khe Choăng"),
            commune="Châu Khê", district="Con Cuông"),
        per("na-hai-danhbat", "Ông Trần Văn Hải, xã Diễn Kim, huyện Diễn Châu",
            "Điển hình “Đánh bắt xa bờ, bảo vệ chủ quyền biển đảo”, cứu hộ thành công 2 tàu cá gặp nạn",
            "Trần Văn Hải", "Đánh bắt xa bờ, bảo vệ chủ quyền biển đảo", hon="Ông", commune="Diễn Kim",
            district="Diễn Châu"),
        per("na-thanh-totruong", "Bà Phan Thị Thanh, phường Trường Thi, thành phố Vinh",
            "Điển hình “Tổ trưởng dân phố tận tâm với công việc khu dân cư”, vận động nhân dân hiến đất mở "
            "rộng ngõ",
            "Phan Thị Thanh", "Tổ trưởng dân phố tận tâm với công việc khu dân cư", hon="Bà",
            commune="Trường Thi", district="Vinh"),
    ])]

    d23 = Doc("na-2023-205-KH-UBND.txt", "Nghệ An", "NGHỆ AN", "205/KH-UBND", "Nghệ An", "2023-03-28",
              "XÂY DỰNG VÀ NHÂN RỘNG MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM 2023",
              "Xây dựng và nhân rộng mô hình, điển hình tiên tiến năm 2023", kt, "Bùi Đình Long", BODY_NA)
    d23.sections = [Section("I", "MÔ HÌNH", [
        org("na-htx-kimlien", "Hợp tác xã Nông nghiệp Kim Liên, xã Kim Liên, huyện Nam Đàn",
            "Mô hình: “Sản xuất rau an toàn theo chuỗi liên kết”, sản phẩm có mã truy xuất nguồn gốc",
            "Hợp tác xã Nông nghiệp Kim Liên", "Sản xuất rau an toàn theo chuỗi liên kết", commune="Kim Liên",
            district="Nam Đàn"),
        org("na-thpt-dl3", "Trường THPT Đô Lương 3, huyện Đô Lương",
            "Mô hình: “Câu lạc bộ khởi nghiệp học đường”, học tập cách làm của Trường THPT Đô Lương 1",
            "Trường THPT Đô Lương 3", "Câu lạc bộ khởi nghiệp học đường", district="Đô Lương"),
        org("na-thpt-dl1", "Trường THPT Đô Lương 1, huyện Đô Lương",
            "Mô hình: “Câu lạc bộ khởi nghiệp học đường”, 3 dự án được hỗ trợ vốn ươm tạo",
            "Trường THPT Đô Lương 1", "Câu lạc bộ khởi nghiệp học đường", district="Đô Lương"),
        org("na-dtn-hungdung", "Đoàn Thanh niên phường Hưng Dũng, thành phố Vinh",
            "Mô hình: “Tuyến đường thanh niên tự quản văn minh”, được Thành đoàn Vinh nhân rộng",
            "Đoàn Thanh niên phường Hưng Dũng", "Tuyến đường thanh niên tự quản văn minh", commune="Hưng Dũng",
            district="Vinh"),
        org("na-dtn-benthuy", "Đoàn Thanh niên phường Bến Thủy, thành phố Vinh",
            "Mô hình: “Tuyến đường thanh niên tự quản văn minh”, ra mắt tuyến đường đầu tiên của phường",
            "Đoàn Thanh niên phường Bến Thủy", "Tuyến đường thanh niên tự quản văn minh", commune="Bến Thủy",
            district="Vinh"),
        org("na-htx-nghithuan", "HTX Dịch vụ Nông nghiệp Nghi Thuận, huyện Nghi Lộc",
            "Mô hình: “Liên kết sản xuất lúa chất lượng cao”, mở rộng cánh đồng liên kết lên 200 ha",
            "HTX Dịch vụ Nông nghiệp Nghi Thuận", "Liên kết sản xuất lúa chất lượng cao", district="Nghi Lộc"),
        org("na-hlhpn-dienkim", "Hội Liên hiệp Phụ nữ xã Diễn Kim, huyện Diễn Châu",
            "Mô hình: “Tổ phụ nữ tiết kiệm vốn vay giúp nhau phát triển kinh tế”, 10 hội viên thoát nghèo",
            "Hội Liên hiệp Phụ nữ xã Diễn Kim", "Tổ phụ nữ tiết kiệm vốn vay giúp nhau phát triển kinh tế",
            commune="Diễn Kim", district="Diễn Châu"),
        org("na-ca-quephong-camera", "Công an huyện Quế Phong",
            "Mô hình: “Camera giám sát an ninh bản làng”, kết nối với Công an các xã",
            "Công an huyện Quế Phong", "Camera giám sát an ninh bản làng", district="Quế Phong"),
    ]), Section("II", "ĐIỂN HÌNH", [
        per("na-hoa-thanhan", "Nguyễn Thị Hoa, xóm 2, xã Thanh An, huyện Thanh Chương",
            "Điển hình “Trồng chè kết hợp chăn nuôi bò”, mở rộng đồi chè lên 6 ha",
            "Nguyễn Thị Hoa", "Trồng chè kết hợp chăn nuôi bò", hamlet=("xóm", "2"), commune="Thanh An",
            district="Thanh Chương"),
        per("na-hai-danhbat", "Ông Trần Văn Hải, xã Diễn Kim, huyện Diễn Châu",
            "Điển hình “Đánh bắt xa bờ gắn với bảo vệ chủ quyền biển, đảo”, tham gia tổ đội sản xuất trên biển",
            "Trần Văn Hải", "Đánh bắt xa bờ gắn với bảo vệ chủ quyền biển, đảo", hon="Ông", commune="Diễn Kim",
            district="Diễn Châu"),
        per("na-hai-nghithiet", "Ông Trần Văn Hải, xóm 6, xã Nghi Thiết, huyện Nghi Lộc",
            "Điển hình “Đánh bắt xa bờ gắn với bảo vệ chủ quyền biển đảo”, chủ tàu cá công suất 800 CV",
            "Trần Văn Hải", "Đánh bắt xa bờ gắn với bảo vệ chủ quyền biển đảo", hon="Ông", hamlet=("xóm", "6"),
            commune="Nghi Thiết", district="Nghi Lộc"),
        per("na-thanh-totruong", "Bà Phan Thị Thanh, phường Trường Thi, thành phố Vinh",
            "Điển hình “Tổ trưởng dân phố tận tâm với công việc khu dân cư”, 10 năm liền làm tổ trưởng",
            "Phan Thị Thanh", "Tổ trưởng dân phố tận tâm với công việc khu dân cư", hon="Bà",
            commune="Trường Thi", district="Vinh"),
    ])]
    return [d21, d22, d23]


# -- rendering ---------------------------------------------------------------------------------


def _date_words(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"ngày {int(d):02d} tháng {int(m):02d} năm {y}"


def _date_short(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)}/{int(m)}/{y}"


def render(doc: Doc) -> str:
    year = doc.date[:4]
    issuer1 = doc.issuer_lines[0]
    caption_issuer = doc.caption_issuer or f"Ủy ban nhân dân tỉnh {doc.province}"
    lines = [
        f"\t{issuer1}", f"TỈNH {doc.province_upper}", "-------",
        "\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------", "",
        f"\tSố: {doc.number}", f"\t{doc.place}, {_date_words(doc.date)}", "", "",
        "KẾ HOẠCH", doc.heading, "",
    ]
    lines += [p.format(year=year) for p in doc.body]
    lines += ["", "\t", *RECIPIENTS, "\t" + doc.sign_lines[0], *doc.sign_lines[1:], "", "", "", "", doc.signer,
              "", "\u00a0", ""]
    declared = sum(len(s.rows) for s in doc.sections)
    assert declared
    lines += ["PHỤ LỤC", f"DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM {year}",
              f"(Kèm theo Kế hoạch số {doc.number} ngày {_date_short(doc.date)} của {caption_issuer})",
              "\tSố TT", "\tTên tập thể, cá nhân", "\tMô hình, điển hình", ""]
    for section in doc.sections:
        lines += [f"\t{section.label}", f"\t{section.heading}: {len(section.rows):02d}", "\t\u00a0", ""]
        for no, row in enumerate(section.rows, start=1):
            lines += [f"\t{no}", f"\t{row.actor_cell}", f"\t{row.model_cell}", ""]
    return "\n".join(lines) + "\n"


def gold_rows(doc: Doc) -> list[dict[str, str]]:
    out = []
    for section in doc.sections:
        for no, row in enumerate(section.rows, start=1):
            dtype, dcode = DISTRICTS[doc.province][row.district] if row.district else ("", "")
            ctype, ccode = COMMUNES[(row.commune, row.district)] if row.commune else ("", "")
            out.append({
                "file": doc.file, "section_kind": section.kind, "row_no": str(no), "actor_kind": row.kind,
                "actor_name": row.name, "honorific": row.honorific, "person_name": row.person,
                "hamlet_type": row.hamlet[0], "hamlet": row.hamlet[1], "commune_type": ctype,
                "commune": row.commune, "district_type": dtype, "district": row.district,
                "province": doc.province, "commune_code": ccode, "district_code": dcode,
                "province_code": PROVINCE_CODES[doc.province], "title": row.title, "cluster_id": row.cluster,
            })
    return out


def doc_row(doc: Doc) -> dict[str, str]:
    n = sum(len(s.rows) for s in doc.sections)
    return {"file": doc.file, "doc_type": "Kế hoạch", "doc_number": doc.number,
            "issuer": f"UBND tỉnh {doc.province}", "province": doc.province,
            "province_code": PROVINCE_CODES[doc.province], "issue_date": doc.date, "year": doc.date[:4],
            "title": doc.title, "signer": doc.signer, "n_rows": str(n), "declared_rows": str(n), "status": "ok"}


def _csv(rows: list[dict[str, str]], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def check(docs: list[Doc]) -> list[str]:
    """Gold and sources agree: each gold actor name and title occurs in its row (tones folded)."""
    problems = []
    for doc in docs:
        for section in doc.sections:
            for no, row in enumerate(section.rows, start=1):
                where = f"{doc.file} {section.label}.{no}"
                if row.title.casefold() not in _official(row.model_cell).casefold():
                    problems.append(f"{where}: title not in its cell: {row.title!r}")
                name = row.person if row.kind == "household" else row.name
                if _official(name).casefold() not in _official(row.actor_cell).casefold():
                    problems.append(f"{where}: actor not in its cell: {row.name!r}")
                if row.district and row.district not in DISTRICTS[doc.province]:
                    problems.append(f"{where}: unknown district {row.district!r}")
                if row.commune and (row.commune, row.district) not in COMMUNES:
                    problems.append(f"{where}: unknown commune {row.commune!r}")
    return problems


_OLD_TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
              "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}


def _official(text: str) -> str:
    """Old tone placement to official, on word ends only ("Hoà" -> "Hòa", "tuý" -> "túy")."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if word.lower().startswith("qu"):
            return word
        for old, new in _OLD_TONES.items():
            if word.endswith(old):
                return word[: -len(old)] + new
            if word.endswith(old.capitalize()) and len(word) == len(old):
                return new.capitalize()
        return word

    return re.sub(r"\w+", fix, text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="check only; exit 1 when files are stale")
    args = ap.parse_args(argv)
    docs = hoa_binh() + lao_cai() + nghe_an()
    problems = check(docs)
    files = {doc.file: render(doc) for doc in docs}
    files["gold_mentions.csv"] = _csv([r for d in docs for r in gold_rows(d)], GOLD_COLUMNS)
    files["gold_documents.csv"] = _csv([doc_row(d) for d in docs], DOC_COLUMNS)
    for name, text in files.items():
        path = HERE / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                problems.append(f"{name} is stale: run corpora/dedup/build.py")
        else:
            path.write_text(text, encoding="utf-8")
    for p in problems:
        print(p, file=sys.stderr)
    n = sum(len(s.rows) for d in docs for s in d.sections)
    clusters = {r.cluster for d in docs for s in d.sections for r in s.rows}
    print(f"{len(docs)} documents, {n} rows, {len(clusters)} exemplars", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
