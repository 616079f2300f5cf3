"""Random appendix tables in every supported layout, and their renderings (for property tests)."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

UNITS = ["Hội Nông dân xã Tân Lập", "Công an huyện Bảo Yên", "Trường Tiểu học Quan Lạn",
         "Hợp tác xã Dịch vụ nông nghiệp Đông Ngũ", "Đoàn Thanh niên xã Đô Thành", "Chi bộ thôn Đồng Cậy",
         "Trạm Y tế xã Hưng Tây", "Tổ hợp tác mộc dân dụng Nam Cát"]
PEOPLE = ["Ông Nguyễn Văn Thành", "Bà Lò Thị Xuân", "Ông Giàng A Páo", "Bà Trần Thị Hằng"]
PLACES = ["xã Tân Lập, huyện Bắc Hà", "thôn Cốc Sâm, xã Phong Niên", "huyện Quỳ Châu", ""]
WORDS = ["trồng", "cam", "sành", "nuôi", "bò", "sinh", "sản", "camera", "an", "ninh", "thư", "viện", "xanh",
         "du", "lịch", "cộng", "đồng", "tiết", "kiệm", "OCOP", "khuyến", "học", "đường", "hoa"]
LAYOUTS = ["seed", "wide", "persons", "two"]
HEADERS = {
    "seed": ["STT", "Tên tập thể, cá nhân", "Mô hình, điển hình"],
    "wide": ["TT", "Tên mô hình", "Đơn vị thực hiện", "Địa chỉ", "Ghi chú"],
    "persons": ["Số TT", "Họ và tên", "Chức vụ, đơn vị công tác", "Thành tích"],
    "two": ["STT", "Nội dung"],
}


@dataclass
class GenRow:
    actor: str
    title: str
    description: str
    place: str


@dataclass
class GenTable:
    layout: str
    sections: list[tuple[str, str, list[GenRow]]]  # (label, heading, rows)

    def cells(self, row: GenRow, stt: int) -> list[str]:
        model = f"Mô hình “{row.title}”" + (f", {row.description}" if row.description else "")
        actor = row.actor + (f", {row.place}" if row.place else "")
        if self.layout == "seed":
            return [str(stt), actor, model]
        if self.layout == "wide":
            return [str(stt), row.title, row.actor, row.place, ""]
        if self.layout == "persons":
            return [str(stt), row.actor, row.place, model]
        return [str(stt), f"{actor}: {model}"]

    def grid(self) -> list[list[str]]:
        width = len(HEADERS[self.layout])
        out = [HEADERS[self.layout]]
        for label, heading, rows in self.sections:
            if label:
                out.append([label, heading] + [""] * (width - 2))
            out.extend(self.cells(r, i) for i, r in enumerate(rows, start=1))
        return out


def _title(words: list[str]) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:]


rows_st = st.builds(
    GenRow,
    actor=st.sampled_from(UNITS + PEOPLE),
    title=st.lists(st.sampled_from(WORDS), min_size=2, max_size=7).map(_title),
    description=st.lists(st.sampled_from(WORDS), min_size=0, max_size=6).map(" ".join),
    place=st.sampled_from(PLACES),
)


@st.composite
def tables(draw: st.DrawFn) -> GenTable:
    layout = draw(st.sampled_from(LAYOUTS))
    if draw(st.booleans()):
        n = draw(st.integers(1, 2))
        kinds = ["MÔ HÌNH", "ĐIỂN HÌNH"]
        sections = []
        for i in range(n):
            rows = draw(st.lists(rows_st, min_size=1, max_size=6))
            sections.append((["I", "II"][i], f"{kinds[i]}: {len(rows):02d}", rows))
    else:
        sections = [("", "", draw(st.lists(rows_st, min_size=1, max_size=8)))]
    if layout == "persons":
        for _, _, rows in sections:
            for r in rows:
                r.actor = draw(st.sampled_from(PEOPLE))
    return GenTable(layout, sections)


def as_dump(table: GenTable) -> str:
    """Word's plain-text export, as the seed: a tab before each cell, a blank line between rows."""
    head = "KẾ HOẠCH\nNHÂN RỘNG MÔ HÌNH TIÊN TIẾN\n\nPHỤ LỤC\nDANH SÁCH MÔ HÌNH, ĐIỂN HÌNH\n"
    rows = ["".join(f"\t{c or ' '}\n" for c in r) for r in table.grid()]
    return head + "\n".join(rows)


def as_tab_rows(table: GenTable) -> str:
    head = "KẾ HOẠCH\n\nPHỤ LỤC\n"
    return head + "".join("\t".join(r) + "\n" for r in table.grid())


def as_pipes(table: GenTable) -> str:
    grid = table.grid()
    head = "KẾ HOẠCH\n\nPHỤ LỤC\n"
    lines = ["| " + " | ".join(grid[0]) + " |", "|" + "---|" * len(grid[0])]
    lines += ["| " + " | ".join(r) + " |" for r in grid[1:]]
    return head + "\n".join(lines) + "\n"
