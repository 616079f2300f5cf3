"""How borderless.scan.pdf was made: a DOCX whose table has no borders and an auto-numbered STT
column, exported to PDF by LibreOffice, rasterised at 200 dpi grey and saved as an image-only PDF:

    python make_borderless.py OUT.docx && soffice --headless --convert-to pdf OUT.docx
    pdftoppm -r 200 -gray -png OUT.pdf page   # then Pillow: Image.save(..., save_all=True)
"""

import sys

import docx

ROWS = [("Công an huyện Lạc Sơn", "Mô hình “Chung tay vì cộng đồng”"),
        ("Hội Nông dân xã Nhân Nghĩa, huyện Lạc Sơn", "Mô hình “Trồng cam”"),
        ("Khu phố 7, thị trấn Hàng Trạm, huyện Yên Thủy", "Mô hình “Câu lạc bộ gia đình”")]

d = docx.Document()
for text in ("ỦY BAN NHÂN DÂN", "TỈNH HÒA BÌNH", "Số: 12/KH-UBND", "Hòa Bình, ngày 03 tháng 02 năm 2021",
             "KẾ HOẠCH", "Nhân rộng mô hình, điển hình tiên tiến năm 2021", "PHỤ LỤC",
             "DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN"):
    d.add_paragraph(text)
t = d.add_table(rows=1, cols=3)
for cell, text in zip(t.rows[0].cells, ("STT", "Tên tập thể, cá nhân", "Mô hình, điển hình"), strict=True):
    cell.text = text
for actor, model in ROWS:
    cells = t.add_row().cells
    cells[0].paragraphs[0].style = d.styles["List Number"]  # Word draws 1., 2., 3.
    cells[1].text, cells[2].text = actor, model
d.save(sys.argv[1])
