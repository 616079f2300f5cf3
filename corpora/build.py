#!/usr/bin/env python3
"""Render the golden corpus from its structured sources.

    python corpora/build.py            # render every format, replicate the gold, check it
    python corpora/build.py --check    # only check sources against the gold (no rendering)
    python corpora/build.py --only ID  # render one document (repeatable)
    python corpora/build.py --no-office  # skip LibreOffice (pdf, doc, scans)

Each `source/<id>.json` is one plan or decision: metadata, body paragraphs and appendix tables
(or an appendix list written as numbered paragraphs).
This script turns it into the formats listed in its "render" block:

    txt/<id>.txt              plain-text dump in the seed's style (Word "Plain Text" export)
    txt/<id>.tabrows.txt      one table row per line, cells separated by tabs
    txt/<id>.pipe.txt         pipe table ("| 1 | ... |"), as converters write
    txt/<id>.cp1258.txt       the seed style in Windows-1258 (tone marks as combining bytes)
    txt/<id>.utf16.txt        the seed style in UTF-16 LE with BOM and CRLF (Notepad "Unicode")
    txt/<id>.tcvn3.txt        the seed style in TCVN3 (ABC) 8-bit, as old .VnTime documents
    docx/<id>.docx            python-docx: real Word tables, merged cells, borderless layout tables
    html/<id>.html            a legal-portal page around the document
    pdf/<id>.pdf              LibreOffice's export of the DOCX (born-digital, with a text layer)
    doc/<id>.doc              LibreOffice's "MS Word 97" export of the DOCX
    scan/<id>.scan.pdf        the PDF rasterised, skewed, blurred and noised: image-only PDF

It never extracts anything: the gold is hand-made in gold/mentions.csv and gold/documents.csv
(one row set per document, `file` = the TXT basename). This script only copies that gold to
gold/by_format/ once per rendered file, and checks that gold and sources agree
(row counts, STT, and that each gold title/actor text occurs in its source row).

Deterministic: fixed seeds for the scans, fixed zip timestamps in the DOCX, fixed dates and
IDs in the PDFs. LibreOffice's .doc still carries its own timestamps; its text does not change.
"""
from __future__ import annotations

import argparse
import csv
import html
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
GOLD = HERE / "gold"
SEED_TXT = HERE / "seed" / "hoa-binh-2019-181-KH-UBND.txt"
NBSP = "\u00a0"
FIXED_DT = datetime(2024, 1, 1, tzinfo=UTC)

# ---------------------------------------------------------------- the document model
# A document is a list of blocks:
#   {"t": "p", "text": str, "align": "left|center|right|justify", "bold": bool, "italic": bool}
#   {"t": "table", "rows": [[cell, ...], ...], "widths": [cm], "grid": bool,
#    "header_rows": int, "repeat_header": bool, "nested": bool}
#       cell = {"text": str, "colspan": int, "rowspan": int, "cont": bool, "bold": bool}
#       ("cont" marks the covered part of a vertical merge)
#   {"t": "break", "landscape": bool|None}   a page break (a new section when landscape is set)


def P(text: str, align: str = "justify", bold: bool = False, italic: bool = False) -> dict:
    return {"t": "p", "text": text, "align": align, "bold": bold, "italic": italic}


def cell(value, bold: bool = False) -> dict:
    if isinstance(value, dict):
        c = {"text": value.get("text", ""), "colspan": value.get("colspan", 1),
             "rowspan": value.get("rowspan", 1), "cont": False, "bold": value.get("bold", bold)}
        return c
    return {"text": value, "colspan": 1, "rowspan": 1, "cont": False, "bold": bold}


def expand_rows(rows: list, ncols: int, header_rows: int) -> list[list[dict]]:
    """Turn a source table's rows into rows of cells; vertical merges become 'cont' cells."""
    out: list[list[dict]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan
    for i, row in enumerate(rows):
        bold = i < header_rows
        if isinstance(row, dict) and "section" in row:
            sec = row["section"]
            if isinstance(sec, list):  # unmerged section row, as in the seed
                out.append([cell(v, True) for v in sec])
            else:
                out.append([{"text": sec, "colspan": ncols, "rowspan": 1, "cont": False, "bold": True}])
            continue
        values = row["cells"] if isinstance(row, dict) else row
        cells: list[dict] = []
        it = iter(values)
        col = 0
        while col < ncols:
            if pending.get(col):
                pending[col] -= 1
                cells.append({"text": "", "colspan": 1, "rowspan": 1, "cont": True, "bold": False})
                col += 1
                continue
            try:
                v = next(it)
            except StopIteration:
                break
            c = cell(v, bold)
            if c["rowspan"] > 1:
                pending[col] = c["rowspan"] - 1
            cells.append(c)
            col += c["colspan"]
        out.append(cells)
    return out


def date_parts(iso: str) -> tuple[int, int, int]:
    y, m, d = (int(x) for x in iso.split("-"))
    return y, m, d


def build_blocks(src: dict) -> list[dict]:
    meta = src["meta"]
    y, m, d = date_parts(meta["date"])
    place_date = meta.get("place_date") or f"{meta['place']}, ngày {d:02d} tháng {m:02d} năm {y}"
    if meta.get("date_style") == "short":
        place_date = f"{meta['place']}, ngày {d} tháng {m} năm {y}"
    blocks: list[dict] = []
    left = "\n".join(meta["issuer_lines"]) + "\n-------"
    right = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------"
    blocks.append({"t": "table", "grid": False, "widths": [6.0, 10.0], "header_rows": 0,
                   "role": "header",
                   "rows": [[cell(left, True), cell(right, True)],
                            [cell(f"Số: {meta['doc_number']}"), cell(place_date)]]})
    blocks.append(P("", "center"))
    for line in meta["title_lines"]:
        blocks.append(P(line, "center", bold=True))
    blocks.append(P("", "center"))
    for para in src["body"]:
        if isinstance(para, dict):
            blocks.append(P(para.get("text", ""), para.get("align", "justify"),
                            bold=para.get("bold", False), italic=para.get("italic", False)))
        else:
            blocks.append(P(para))
    sign = "\n".join(meta["sign_lines"]) + "\n\n\n\n\n" + meta["signer"]
    recipients = "\n" + "\n".join(meta["recipients"])
    blocks.append({"t": "table", "grid": False, "widths": [8.0, 8.0], "header_rows": 0,
                   "role": "signer", "rows": [[cell(recipients), cell(sign, True)]]})
    for app in src.get("appendices", []):
        blocks.append({"t": "break", "landscape": app.get("landscape", False)})
        for line in app["caption"]:
            italic = line.startswith("(")
            blocks.append(P(line, "center", bold=not italic, italic=italic))
        for item in app.get("paragraphs", []):  # a list written as paragraphs, no table
            blocks.append(list_paragraph(item))
        for k, tab in enumerate(app.get("tables", [])):
            if k and tab.get("break_before"):
                blocks.append({"t": "break", "landscape": None})
            for line in tab.get("before", []):
                blocks.append(P(line, "left", italic=True))
            ncols = len(tab["widths"])
            header_rows = tab.get("header_rows", 1)
            blocks.append({"t": "table", "grid": True, "widths": tab["widths"],
                           "header_rows": header_rows, "role": "appendix",
                           "repeat_header": tab.get("repeat_header", False),
                           "nested": tab.get("nested", False),
                           "rows": expand_rows(tab["rows"], ncols, header_rows)})
        for line in app.get("after", []):
            blocks.append(P(line, "left"))
    return blocks


def list_paragraph(item) -> dict:
    """One paragraph of an appendix written as a list: a plain line, a heading
    ({"text", "bold"}), or an item ({"row": [number, text]}) written "number. text"."""
    if isinstance(item, str):
        return P(item)
    if "row" in item:
        number, text = item["row"]
        return P(f"{number}{item.get('sep', '. ')}{text}")
    return P(item.get("text", ""), item.get("align", "left"), bold=item.get("bold", False),
             italic=item.get("italic", False))


# ---------------------------------------------------------------- plain text renderers

def txt_word(blocks: list[dict], omit_header: bool = False) -> str:
    """Word's 'Plain Text' export, as in the seed: a cell is a tab then its text, a row ends
    with an empty line; paragraphs inside a cell follow on their own lines without a tab."""
    out: list[str] = []
    for b in blocks:
        if b["t"] == "p":
            out.append(b["text"] + "\n")
        elif b["t"] == "break":
            out.append(NBSP + "\n\n")
        elif b["t"] == "table":
            if omit_header and b.get("role") == "header":
                continue
            for row in b["rows"]:
                for c in row:
                    out.append("\t" + c["text"] + "\n")
                out.append("\n")
    return "".join(out)


def fold(text: str) -> str:
    return " ".join(text.split())


def txt_tabrows(blocks: list[dict]) -> str:
    """A dump that writes each table row on one line with tab-separated cells."""
    out: list[str] = []
    for b in blocks:
        if b["t"] == "p":
            out.append(b["text"] + "\n")
        elif b["t"] == "break":
            out.append("\n")
        elif b["t"] == "table":
            for row in b["rows"]:
                out.append("\t".join(fold(c["text"]) for c in row) + "\n")
            out.append("\n")
    return "".join(out)


def txt_pipe(blocks: list[dict]) -> str:
    """A converter's pipe tables; layout tables become plain lines."""
    out: list[str] = []
    for b in blocks:
        if b["t"] == "p":
            out.append(b["text"] + "\n")
        elif b["t"] == "break":
            out.append("\n")
        elif b["t"] == "table":
            if not b["grid"]:
                for row in b["rows"]:
                    for c in row:
                        out.extend(line + "\n" for line in c["text"].split("\n") if line.strip())
                out.append("\n")
                continue
            ncols = len(b["widths"])
            for i, row in enumerate(b["rows"]):
                vals: list[str] = []
                for c in row:
                    vals.append(fold(c["text"]).replace("|", "/"))
                    vals.extend([""] * (c["colspan"] - 1))
                vals += [""] * (ncols - len(vals))
                out.append("| " + " | ".join(vals) + " |\n")
                if i == b["header_rows"] - 1:
                    out.append("|" + "|".join(["---"] * ncols) + "|\n")
            out.append("\n")
    return "".join(out)


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 keeps tone marks as combining characters after the base letter."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = [c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323"]
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += base.encode("cp1258") + "".join(tones).encode("cp1258")
    return bytes(out)


# TCVN3 (TCVN 5712:1993 "ABC", .VnTime fonts). Lower-case letters only carry tones; upper-case
# toned letters were typed in the upper-case font (.VnTimeH) with the lower-case codes, so a
# dump of them reads back in lower case. Cross-checked against the table of the PyPI package
# `vietnamese` 0.0.8 (Converter.TCVN3), which is not a dependency.
TCVN3_LOWER = {
    "à": "µ", "ả": "¶", "ã": "·", "á": "¸", "ạ": "¹",
    "ă": "¨", "ằ": "»", "ẳ": "¼", "ẵ": "½", "ắ": "¾", "ặ": "Æ",
    "â": "©", "ầ": "Ç", "ẩ": "È", "ẫ": "É", "ấ": "Ê", "ậ": "Ë",
    "đ": "®",
    "è": "Ì", "ẻ": "Î", "ẽ": "Ï", "é": "Ð", "ẹ": "Ñ",
    "ê": "ª", "ề": "Ò", "ể": "Ó", "ễ": "Ô", "ế": "Õ", "ệ": "Ö",
    "ì": "×", "ỉ": "Ø", "ĩ": "Ü", "í": "Ý", "ị": "Þ",
    "ò": "ß", "ỏ": "á", "õ": "â", "ó": "ã", "ọ": "ä",
    "ô": "«", "ồ": "å", "ổ": "æ", "ỗ": "ç", "ố": "è", "ộ": "é",
    "ơ": "¬", "ờ": "ê", "ở": "ë", "ỡ": "ì", "ớ": "í", "ợ": "î",
    "ù": "ï", "ủ": "ñ", "ũ": "ò", "ú": "ó", "ụ": "ô",
    "ư": "\u00ad", "ừ": "õ", "ử": "ö", "ữ": "÷", "ứ": "ø", "ự": "ù",
    "ỳ": "ú", "ỷ": "û", "ỹ": "ü", "ý": "ý", "ỵ": "þ",
}
TCVN3_UPPER = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}


def encode_tcvn3(text: str) -> bytes:
    out = bytearray()
    for ch in text:
        if ch in TCVN3_UPPER:
            out += TCVN3_UPPER[ch].encode("latin-1")
        elif ch in TCVN3_LOWER:
            out += TCVN3_LOWER[ch].encode("latin-1")
        elif ch.lower() in TCVN3_LOWER:  # upper-case toned letter: .VnTimeH glyph, lower code
            out += TCVN3_LOWER[ch.lower()].encode("latin-1")
        elif ch in "“”":
            out += b'"'
        elif ch in "‘’":
            out += b"'"
        elif ch in "–—":
            out += b"-"
        elif ch == NBSP:
            out += b" "
        else:
            out += ch.encode("ascii")
    return bytes(out)


# ---------------------------------------------------------------- HTML (legal portal page)

PORTAL_HEAD = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{desc}">
<link rel="stylesheet" href="/Content/vbpl.min.css?v=20240115">
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());gtag('config','G-XXXXXXX');</script>
<script src="/Scripts/jquery-3.6.0.min.js"></script>
<script>var vbID={vbid};var isLogin=false;function showTab(t){{$('.tab').hide();$('#'+t).show();}}</script>
<style>.content1 table{{border-collapse:collapse}} .content1 td{{vertical-align:top;padding:2px 4px}}</style>
</head>
<body>
<div id="header"><div class="logo"><a href="/">CƠ SỞ DỮ LIỆU VĂN BẢN PHÁP LUẬT</a></div>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/van-ban-moi">Văn bản mới</a></li><li><a href="/van-ban-dia-phuong">Văn bản địa phương</a></li><li><a href="/lien-he">Liên hệ</a></li></ul>
<form class="search" action="/tim-kiem"><input name="q" placeholder="Tìm văn bản..."><button>Tìm</button></form></div>
<div id="breadcrumb"><a href="/">Trang chủ</a> &raquo; <a href="/van-ban-dia-phuong">Văn bản địa phương</a> &raquo; <span>{province}</span></div>
<div id="main"><div class="left-col">
<div class="vb-info"><table class="info"><tr><td>Số hiệu:</td><td>{number}</td><td>Loại văn bản:</td><td>{doc_type}</td></tr>
<tr><td>Nơi ban hành:</td><td>{issuer_long}</td><td>Người ký:</td><td>{signer}</td></tr>
<tr><td>Ngày ban hành:</td><td>{date_vn}</td><td>Tình trạng:</td><td>Đã biết</td></tr></table></div>
<ul class="tabs"><li class="active"><a href="#" onclick="showTab('noidung')">Nội dung</a></li><li><a href="#" onclick="showTab('lienquan')">Văn bản liên quan</a></li><li><a href="#">Tải về</a></li></ul>
<div id="noidung" class="tab"><div class="content1">
"""

PORTAL_FOOT = """</div></div>
<div id="lienquan" class="tab" style="display:none"><p>Không có văn bản liên quan.</p></div>
</div>
<div class="right-col"><h3>Văn bản mới ban hành</h3><ul class="news">
<li><a href="/vb/1">Quyết định về việc công bố danh mục thủ tục hành chính mới ban hành</a></li>
<li><a href="/vb/2">Kế hoạch tổ chức Hội nghị điển hình tiên tiến giai đoạn 2020 - 2025</a></li>
<li><a href="/vb/3">Chỉ thị về tăng cường công tác thi đua, khen thưởng</a></li></ul>
<div class="ads"><script>document.write('<a href="/quang-cao"><img src="/banner.gif" alt="Quảng cáo"></a>');</script></div></div></div>
<div id="footer"><p>Cơ quan chủ quản: Cổng thông tin điện tử. Địa chỉ: 01 Đường Số 1, Hà Nội.</p>
<p>&copy; Bản quyền thuộc về Cổng thông tin điện tử. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div>
<script>(function(){{var s=document.createElement('script');s.src='/Scripts/stats.js';document.body.appendChild(s);}})();</script>
</body>
</html>
"""


def html_cell_text(text: str) -> str:
    lines = text.split("\n")
    if len(lines) == 1:
        return html.escape(text)
    return "".join(f"<p>{html.escape(line) if line else '&nbsp;'}</p>" for line in lines)


def html_table(b: dict) -> str:
    attrs = f' border="{1 if b["grid"] else 0}" cellspacing="0" cellpadding="0" width="100%"'
    parts = [f"<table{attrs}>"]
    for row in b["rows"]:
        parts.append("<tr>")
        col = 0
        for c in row:
            if c["cont"]:
                col += 1
                continue
            span = ""
            if c["colspan"] > 1:
                span += f' colspan="{c["colspan"]}"'
            if c["rowspan"] > 1:
                span += f' rowspan="{c["rowspan"]}"'
            body = html_cell_text(c["text"])
            if c["bold"]:
                body = f"<b>{body}</b>"
            parts.append(f"<td{span} valign=\"top\">{body}</td>")
            col += c["colspan"]
        parts.append("</tr>")
    parts.append("</table>")
    out = "\n".join(parts)
    if b.get("nested"):
        out = ('<table border="0" cellspacing="0" cellpadding="0" width="100%"><tr><td>\n'
               + out + "\n</td></tr></table>")
    return out


def render_html(src: dict, blocks: list[dict]) -> str:
    meta = src["meta"]
    y, m, d = date_parts(meta["date"])
    head = PORTAL_HEAD.format(
        title=html.escape(f"{meta['doc_type']} {meta['doc_number']} {meta['title']}"),
        desc=html.escape(meta["title"]), vbid=abs(hash_text(src["id"])) % 900000 + 100000,
        province=html.escape(meta["province"]), number=html.escape(meta["doc_number"]),
        doc_type=html.escape(meta["doc_type"]), issuer_long=html.escape(meta["issuer_long"]),
        signer=html.escape(meta["signer"]), date_vn=f"{d:02d}/{m:02d}/{y}")
    parts = [head]
    for b in blocks:
        if b["t"] == "p":
            style = f' style="text-align:{b["align"]}"' if b["align"] != "justify" else ""
            text = html.escape(b["text"]) if b["text"] else "&nbsp;"
            if b["bold"]:
                text = f"<b>{text}</b>"
            if b["italic"]:
                text = f"<i>{text}</i>"
            parts.append(f"<p{style}>{text}</p>")
        elif b["t"] == "break":
            parts.append('<br clear="all" style="page-break-before:always">')
        elif b["t"] == "table":
            parts.append(html_table(b))
    parts.append(PORTAL_FOOT.format())
    return "\n".join(parts)


def hash_text(text: str) -> int:
    h = 0
    for ch in text:
        h = (h * 131 + ord(ch)) % 1_000_000_007
    return h


# ---------------------------------------------------------------- DOCX

def render_docx(src: dict, blocks: list[dict], path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    align = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
             "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    style.paragraph_format.space_after = Pt(3)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    cp = doc.core_properties
    cp.author = ""
    cp.last_modified_by = ""
    cp.title = src["meta"]["title"]
    cp.created = FIXED_DT.replace(tzinfo=None)
    cp.modified = FIXED_DT.replace(tzinfo=None)
    cp.revision = 1

    def fill_cell(dc, c: dict) -> None:
        lines = c["text"].split("\n")
        dc.paragraphs[0].text = ""
        for k, line in enumerate(lines):
            para = dc.paragraphs[0] if k == 0 else dc.add_paragraph()
            run = para.add_run(line)
            run.bold = c["bold"]
            para.paragraph_format.space_after = Pt(0)

    def add_table(container, b: dict):
        rows = b["rows"]
        ncols = len(b["widths"])
        t = container.add_table(rows=len(rows), cols=ncols)
        if b["grid"]:
            t.style = doc.styles["Table Grid"]
        t.autofit = False
        merges = []
        for i, row in enumerate(rows):
            col = 0
            for c in row:
                if c["cont"]:
                    col += 1
                    continue
                dc = t.cell(i, col)
                if c["colspan"] > 1:
                    dc = dc.merge(t.cell(i, col + c["colspan"] - 1))
                fill_cell(dc, c)
                if c["rowspan"] > 1:
                    merges.append((i, col, i + c["rowspan"] - 1))
                col += c["colspan"]
        for i, col, last in merges:
            keep = t.cell(i, col).text
            merged = t.cell(i, col).merge(t.cell(last, col))
            # merge() appends the (empty) paragraphs of the covered cells: drop them
            for extra in merged.paragraphs[len(keep.split("\n")):]:
                extra._element.getparent().remove(extra._element)
        for j, w in enumerate(b["widths"]):
            t.columns[j].width = Cm(w)
            for r in t.rows:
                if j < len(r.cells):
                    r.cells[j].width = Cm(w)
        if b.get("repeat_header") and b["header_rows"]:
            for r in t.rows[: b["header_rows"]]:
                trPr = r._tr.get_or_add_trPr()
                el = OxmlElement("w:tblHeader")
                el.set(qn("w:val"), "true")
                trPr.append(el)
        return t

    for b in blocks:
        if b["t"] == "p":
            para = doc.add_paragraph()
            run = para.add_run(b["text"])
            run.bold, run.italic = b["bold"], b["italic"]
            para.alignment = align[b["align"]]
        elif b["t"] == "break":
            if b.get("landscape") is None:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            else:
                new = doc.add_section(WD_SECTION.NEW_PAGE)
                if b["landscape"]:
                    new.orientation = WD_ORIENT.LANDSCAPE
                    new.page_width, new.page_height = Cm(29.7), Cm(21)
                    new.left_margin, new.right_margin = Cm(2), Cm(2)
                else:
                    new.orientation = WD_ORIENT.PORTRAIT
                    new.page_width, new.page_height = Cm(21), Cm(29.7)
        elif b["t"] == "table":
            if b.get("nested"):
                outer = doc.add_table(rows=1, cols=1)
                outer.autofit = False
                oc = outer.cell(0, 0)
                add_table(oc, b)
                oc.add_paragraph()
            else:
                add_table(doc, b)
    buf = io.BytesIO()
    doc.save(buf)
    write_zip_fixed(buf.getvalue(), path)


def write_zip_fixed(data: bytes, path: Path) -> None:
    """Re-zip with fixed timestamps so the DOCX bytes do not change between builds."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------- LibreOffice, PDF, scans

def soffice_convert(files: list[Path], target: str, outdir: Path) -> None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit("LibreOffice (soffice) is needed for pdf/doc: apt-get install libreoffice-writer-nogui")
    profile = Path(tempfile.gettempdir()) / "lo_profile_corpora"
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", target, "--outdir", str(outdir), *map(str, files)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


def pin_pdf(path: Path) -> None:
    """Replace LibreOffice's dates and document ID by fixed values of the same length."""
    data = path.read_bytes()

    def fix_date(m: re.Match) -> bytes:
        body = m.group(2)
        fixed = b"D:20240101000000"
        return m.group(1) + (fixed + body[len(fixed):] if len(body) >= len(fixed) else body) + b")"

    data = re.sub(rb"(/(?:CreationDate|ModDate)\()([^)]*)\)", fix_date, data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]",
                  lambda m: b"/ID [ <" + b"0" * len(m.group(1)) + b"> <" + b"0" * len(m.group(2)) + b"> ]"
                  if m.group(0).startswith(b"/ID [ <") else m.group(0), data)
    data = re.sub(rb"/DocChecksum\s*/([0-9A-Fa-f]+)",
                  lambda m: m.group(0)[: -len(m.group(1))] + b"0" * len(m.group(1)), data)
    path.write_bytes(data)


def make_scan(pdf: Path, out: Path, seed: int, dpi: int = 150) -> None:
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    pages = []
    doc = pdfium.PdfDocument(str(pdf))
    for page in doc:
        img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        angle = rng.choice([-1, 1]) * rng.uniform(0.5, 1.5)
        img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur(radius=0.7))
        arr = np.asarray(img).astype(np.float32)
        arr = arr * 0.92 + 12  # greyish paper, slightly faded ink
        arr += nrng.normal(0, 9, arr.shape)
        specks = nrng.random(arr.shape) < 0.0006
        arr[specks] = 40
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
        pages.append(img)
    doc.close()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi,
                  quality=60, creationDate=time.gmtime(1704067200), modDate=time.gmtime(1704067200),
                  title="", author="", producer="scanner")


# ---------------------------------------------------------------- gold

GOLD_COLUMNS = ["file", "section_kind", "row_no", "actor_kind", "actor_name", "honorific",
                "person_name", "hamlet_type", "hamlet", "commune_type", "commune",
                "district_type", "district", "province", "commune_code", "district_code",
                "province_code", "title", "section_label", "group", "description", "sector",
                "flags", "cluster_id"]
DOC_COLUMNS = ["file", "doc_type", "doc_number", "issuer", "province", "province_code",
               "issue_date", "year", "title", "signer", "n_rows", "declared_rows", "status"]
TONES = "\u0300\u0301\u0303\u0309\u0323"


def loose(text: str) -> str:
    """For the consistency check only: no tone marks, no case, no quotes, folded spaces."""
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if c not in TONES)
    text = unicodedata.normalize("NFC", text).casefold()
    for q in "“”\"«»‘’'":
        text = text.replace(q, "")
    return " ".join(text.split())


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def source_data_rows(src: dict) -> list[list[str]]:
    """The appendix rows that the gold must hold, in order (sections and headers left out)."""
    rows = []
    for app in src.get("appendices", []):
        for item in app.get("paragraphs", []):
            if isinstance(item, dict) and "row" in item:
                rows.append(list(item["row"]))
        for tab in app.get("tables", []):
            header_rows = tab.get("header_rows", 1)
            for i, row in enumerate(tab["rows"]):
                if i < header_rows:
                    continue
                if isinstance(row, dict) and ("section" in row or row.get("kind") in ("section", "header")):
                    continue
                values = row["cells"] if isinstance(row, dict) else row
                texts = [v["text"] if isinstance(v, dict) else (v or "") for v in values]
                if any(t.strip() for t in texts[1:]):  # an STT with no content (a cut document) is no row
                    rows.append(texts)
    return rows


def check(sources: dict[str, dict]) -> list[str]:
    problems: list[str] = []
    mentions = read_csv(GOLD / "mentions.csv")
    documents = read_csv(GOLD / "documents.csv")
    for r in mentions + documents:
        for k, v in r.items():
            if v is not None and v != unicodedata.normalize("NFC", v):
                problems.append(f"{r['file']}: {k} is not NFC")
    by_file: dict[str, list[dict]] = {}
    for r in mentions:
        by_file.setdefault(r["file"], []).append(r)
    docs = {r["file"]: r for r in documents}
    for sid, src in sources.items():
        fname = f"{sid}.txt"
        gold = by_file.get(fname, [])
        rows = source_data_rows(src)
        doc = docs.get(fname)
        if doc is None:
            problems.append(f"{fname}: no row in gold/documents.csv")
            continue
        if int(doc["n_rows"]) != len(gold):
            problems.append(f"{fname}: documents.n_rows={doc['n_rows']} but {len(gold)} gold rows")
        if len(rows) != len(gold):
            problems.append(f"{fname}: source has {len(rows)} data rows, gold {len(gold)}")
            continue
        for g, cells in zip(gold, rows, strict=True):
            text = loose(" ".join(cells))
            if g["title"] and loose(g["title"]) not in text:
                problems.append(f"{fname} #{g['row_no']}: title not in source row: {g['title']!r}")
            if g["description"] and loose(g["description"]) not in text:
                problems.append(f"{fname} #{g['row_no']}: description not in source row")
            if g["actor_name"] and loose(g["actor_name"]) not in text:
                problems.append(f"{fname} #{g['row_no']}: actor_name not in source row: {g['actor_name']!r}")
            stt = cells[0].strip() if cells else ""
            if stt and re.fullmatch(r"\d+", stt) and stt != g["row_no"]:
                problems.append(f"{fname}: STT {stt} but gold row_no {g['row_no']}")
            if g["province"] != src["meta"]["province"]:
                problems.append(f"{fname} #{g['row_no']}: province {g['province']!r}")
            for col in ("actor_kind", "section_kind", "sector"):
                if not g[col]:
                    problems.append(f"{fname} #{g['row_no']}: empty {col}")
    return problems


VOCAB = {
    "section_kind": {"mô hình", "điển hình"},
    "actor_kind": {"person", "household", "group", "organization"},
    "honorific": {"", "Ông", "Bà"},
    "hamlet_type": {"", "xóm", "thôn", "bản", "ấp", "khóm", "khu", "tiểu khu", "khu phố",
                    "tổ dân phố", "tổ", "buôn"},
    "commune_type": {"", "xã", "phường", "thị trấn"},
    "district_type": {"", "huyện", "quận", "thị xã", "thành phố"},
    "sector": {"agriculture", "education", "security", "health", "environment", "culture_tourism",
               "social_welfare", "economy", "governance", "other"},
}
# Codes the 2025 snapshot cannot confirm, each checked by hand (see README, "Codes").
CODE_NOTES = {
    ("Thanh Hóa", "district", "405"): "huyện Đông Sơn, merged into thành phố Thanh Hóa in 2024",
    ("Hòa Bình", "commune", "04897"): "xã Thịnh Minh, formed on 2020-02-01 from Hợp Thịnh and Phú Minh "
                                       "(NQ 830/NQ-UBTVQH14); the 2021 plan names Thịnh Minh",
    ("Thái Bình", "commune", "13075"): "thị trấn Thanh Nê, huyện Kiến Xương, in the 2017 plan; it absorbed xã An "
                                        "Bồi and was renamed thị trấn Kiến Xương in the 2019-2021 arrangement, "
                                        "keeping its code (the snapshot lists Thanh Nê as an alias)",
    # hung-yen-2025: units formed or enlarged by NQ 1248/NQ-UBTVQH15 (2024), in force before the
    # decision of 22/4/2025, which names them as they were then (the snapshot's own units)
    ("Hưng Yên", "commune", "12055"): "xã Nguyễn Văn Linh, formed from Nghĩa Hiệp and Giai Phạm (NQ 1248/NQ-UBTVQH15)",
    ("Hưng Yên", "commune", "12091"): "xã Việt Yên, formed from Yên Hòa, Minh Châu and Việt Cường (2023-2025 arrangement)",
    ("Hưng Yên", "commune", "12100"): "xã Tân Minh, formed from Lý Thường Kiệt and Tân Việt (2023-2025 arrangement)",
    ("Hưng Yên", "commune", "12214"): "xã Phạm Hồng Thái, formed from Hàm Tử and Dạ Trạch (2023-2025 arrangement)",
    ("Hưng Yên", "commune", "12364"): "xã Hải Thắng, formed from Đức Thắng and Hải Triều (NQ 1248/NQ-UBTVQH15)",
    ("Hưng Yên", "commune", "11977"): "xã Phương Nam, formed from Phương Chiểu and Hồng Nam (NQ 1248/NQ-UBTVQH15)",
    ("Hưng Yên", "commune", "12337"): "thị trấn Vương, which absorbed Ngô Quyền and Dị Chế (NQ 1248/NQ-UBTVQH15)",
    ("Hưng Yên", "commune", "11959"): "phường Lê Lợi, which absorbed phường Quang Trung (NQ 1248/NQ-UBTVQH15)",
}
# Codes whose unit the document names under a name the snapshot only keeps as an alias.
CODE_RENAMED = {("Thái Bình", "13075"): "Thanh Nê"}


REFORM_2025 = "2025-07-01"  # two-level local government: no districts, 34 provinces


def district_short(name: str) -> str:
    """The snapshot tells apart a huyện and a thị xã of one name: "Cai Lậy (Thị xã)"."""
    return re.sub(r" \((Huyện|Thị xã|Thành phố|Quận)\)$", "", name or "")


def same_district(snapshot_name: str, gold_name: str) -> bool:
    """A numbered quận is `3` in the gold (as a numbered phường is `4`), "Quận 3" in the snapshot."""
    short = district_short(snapshot_name)
    return short == gold_name or (gold_name.isdigit() and short == f"Quận {gold_name}")


def check_codes_2025(con, r: dict) -> list[str]:
    """A document dated on or after 1 July 2025 names the new units: the codes are those of
    vietnamadminunits' `admin_units` (34 provinces, communes and wards without districts)."""
    where = f"{r['file']} #{r['row_no']}"
    problems = []
    prov = con.execute("select distinct provinceCode from admin_units where provinceShort=?",
                       (r["province"],)).fetchone()
    if not prov or prov[0] != r["province_code"]:
        problems.append(f"{where}: province code {r['province_code']} (2025: {prov})")
    if r["district_code"] or r["district"]:
        problems.append(f"{where}: a district in a document of the two-level government")
    if r["commune_code"] and r["commune_code"] != "?":
        row = con.execute("select wardShort, wardType, provinceCode from admin_units where wardCode=?",
                          (r["commune_code"],)).fetchone()
        if not row or row[0] != r["commune"] or row[1].lower() != r["commune_type"] \
                or row[2] != r["province_code"]:
            problems.append(f"{where}: commune {r['commune_type']} {r['commune']} "
                            f"vs code {r['commune_code']} (2025: {row})")
    return problems


def check_codes() -> list[str]:
    """Compare gold codes with vietnamadminunits' snapshot (~2025, legacy units)."""
    try:
        import vietnamadminunits
    except ImportError:
        return ["vietnamadminunits is not installed: codes not checked"]
    import sqlite3
    db = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
    con = sqlite3.connect(db)
    problems = []
    dates = {d["file"]: d["issue_date"] for d in read_csv(GOLD / "documents.csv")}
    for r in read_csv(GOLD / "mentions.csv"):
        for col, allowed in VOCAB.items():
            if r[col] not in allowed:
                problems.append(f"{r['file']} #{r['row_no']}: {col}={r[col]!r}")
        if r["file"].startswith(("hoa-binh-2019", "seed-hoa-binh-2019")):
            continue  # the seed's own gold, codes of 2019 (several communes merged in 2020)
        if r["actor_kind"] in ("person", "household") and not r["person_name"]:
            problems.append(f"{r['file']} #{r['row_no']}: no person_name")
        if dates.get(r["file"], "") >= REFORM_2025:
            problems += check_codes_2025(con, r)
            continue
        prov = con.execute("select distinct provinceCode from admin_units_legacy where provinceShort=?",
                           (r["province"],)).fetchone()
        if not prov or prov[0] != r["province_code"]:
            problems.append(f"{r['file']} #{r['row_no']}: province code {r['province_code']}")
        if r["district_code"] and r["district_code"] != "?":
            row = con.execute("select districtShort from admin_units_legacy where provinceShort=? and districtCode=?",
                              (r["province"], r["district_code"])).fetchone()
            note = CODE_NOTES.get((r["province"], "district", r["district_code"]))
            if not note and (not row or not same_district(row[0], r["district"])):
                problems.append(f"{r['file']} #{r['row_no']}: district {r['district']} "
                                f"vs code {r['district_code']} ({row})")
        if r["commune_code"] and r["commune_code"] != "?":
            row = con.execute("select wardShort, districtShort, wardAlias from admin_units_legacy where wardCode=?",
                              (r["commune_code"],)).fetchone()
            numbered = r["commune_type"] == "phường" and r["commune"].isdigit()
            names = {r["commune"], f"Phường {r['commune']}"} if numbered else {r["commune"]}
            if CODE_RENAMED.get((r["province"], r["commune_code"])) == r["commune"]:
                print(f"note: {r['file']} #{r['row_no']}: {r['commune_type']} {r['commune']} {r['commune_code']}, "
                      f"now {row[0] if row else '?'}: {CODE_NOTES[(r['province'], 'commune', r['commune_code'])]}")
            elif not row or row[0] not in names:
                problems.append(f"{r['file']} #{r['row_no']}: commune {r['commune']} "
                                f"vs code {r['commune_code']} ({row})")
            elif row[2] and not CODE_NOTES.get((r["province"], "commune", r["commune_code"])):
                problems.append(f"{r['file']} #{r['row_no']}: commune {r['commune']} "
                                f"absorbed {row[2]}: check the date")
            elif r["district"] and not same_district(row[1], r["district"]) and r["district_code"] != "?":
                print(f"note: {r['file']} #{r['row_no']}: xã {r['commune']} now in {row[1]}, "
                      f"in {r['district']} as the document writes it")
    return problems


def replicate_gold(rendered: dict[str, list[str]]) -> None:
    """gold/by_format/: the same gold rows once per rendered file (keyed by basename)."""
    mentions = read_csv(GOLD / "mentions.csv")
    documents = read_csv(GOLD / "documents.csv")
    out_dir = GOLD / "by_format"
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "mentions.csv", "w", newline="", encoding="utf-8") as fm, \
         open(out_dir / "documents.csv", "w", newline="", encoding="utf-8") as fd:
        wm = csv.DictWriter(fm, GOLD_COLUMNS, lineterminator="\n")
        wd = csv.DictWriter(fd, DOC_COLUMNS, lineterminator="\n")
        wm.writeheader()
        wd.writeheader()
        for doc in documents:
            for name in rendered.get(doc["file"], [doc["file"]]):
                wd.writerow({**{k: doc[k] for k in DOC_COLUMNS}, "file": name})
                for r in mentions:
                    if r["file"] == doc["file"]:
                        wm.writerow({**{k: r[k] for k in GOLD_COLUMNS}, "file": name})


# ---------------------------------------------------------------- main

def load_sources(only: list[str] | None) -> dict[str, dict]:
    out = {}
    for path in sorted(SOURCE.glob("*.json")):
        src = json.loads(path.read_text(encoding="utf-8"))
        if src["id"] != path.stem:
            raise SystemExit(f"{path}: id {src['id']!r} differs from the file name")
        if only and src["id"] not in only:
            continue
        out[src["id"]] = src
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only check the gold against the sources")
    ap.add_argument("--only", action="append", help="render only this document id")
    ap.add_argument("--no-office", action="store_true", help="skip LibreOffice outputs (pdf, doc, scans)")
    args = ap.parse_args()
    started = time.time()
    sources = load_sources(None)
    problems = check(sources) + check_codes()
    for p in problems:
        print("gold check:", p)
    if args.check:
        print(f"{len(sources)} sources checked, {len(problems)} problem(s)")
        return 1 if problems else 0

    todo = load_sources(args.only) if args.only else sources
    rendered: dict[str, list[str]] = {}
    to_pdf: list[Path] = []
    to_doc: list[Path] = []
    scans: list[tuple[str, int]] = []
    for sid, src in todo.items():
        blocks = build_blocks(src)
        r = src["render"]
        names = []
        txt_dir = HERE / "txt"
        txt_dir.mkdir(exist_ok=True)
        word = txt_word(blocks, omit_header=r.get("txt_omit_header", False))
        (txt_dir / f"{sid}.txt").write_bytes(word.encode("utf-8"))
        names.append(f"{sid}.txt")
        for variant in r.get("txt_variants", []):
            name = f"{sid}.{variant}.txt"
            if variant == "tabrows":
                data = txt_tabrows(blocks).encode("utf-8")
            elif variant == "pipe":
                data = txt_pipe(blocks).encode("utf-8")
            elif variant == "cp1258":
                data = encode_cp1258(word)
            elif variant == "utf16":
                data = word.replace("\n", "\r\n").encode("utf-16")
            elif variant == "tcvn3":
                data = encode_tcvn3(word)
            else:
                raise SystemExit(f"{sid}: unknown txt variant {variant}")
            (txt_dir / name).write_bytes(data)
            names.append(name)
        formats = r.get("formats", [])
        if "html" in formats:
            (HERE / "html").mkdir(exist_ok=True)
            (HERE / "html" / f"{sid}.html").write_text(render_html(src, blocks), encoding="utf-8")
            names.append(f"{sid}.html")
        if "docx" in formats:
            (HERE / "docx").mkdir(exist_ok=True)
            render_docx(src, blocks, HERE / "docx" / f"{sid}.docx")
            names.append(f"{sid}.docx")
            if "pdf" in formats:
                to_pdf.append(HERE / "docx" / f"{sid}.docx")
                names.append(f"{sid}.pdf")
            if "doc" in formats:
                to_doc.append(HERE / "docx" / f"{sid}.docx")
                names.append(f"{sid}.doc")
            if r.get("scan"):
                scans.append((sid, int(r.get("scan_seed", hash_text(sid) % 10000))))
                names.append(f"{sid}.scan.pdf")
        rendered[f"{sid}.txt"] = names
    if not args.no_office:
        if to_pdf:
            soffice_convert(to_pdf, "pdf:writer_pdf_Export", HERE / "pdf")
            for p in to_pdf:
                pin_pdf(HERE / "pdf" / f"{p.stem}.pdf")
        if to_doc:
            # LibreOffice's Word 97 export drops python-docx tables when it starts from DOCX;
            # through ODT it keeps them, as a real Word 97 file would have them.
            with tempfile.TemporaryDirectory() as tmp:
                soffice_convert(to_doc, "odt", Path(tmp))
                soffice_convert(sorted(Path(tmp).glob("*.odt")), 'doc:MS Word 97', HERE / "doc")
        if scans:
            (HERE / "scan").mkdir(exist_ok=True)
            for sid, seed in scans:
                make_scan(HERE / "pdf" / f"{sid}.pdf", HERE / "scan" / f"{sid}.scan.pdf", seed)
    # the seed: a byte copy kept under a descriptive name, gold written by hand for it
    rendered["hoa-binh-2019-181-KH-UBND.txt"] = ["hoa-binh-2019-181-KH-UBND.txt"]
    if (HERE / "000_eb003dbd0a78c1ba.txt").exists():  # the same bytes under the seed's own name
        rendered["hoa-binh-2019-181-KH-UBND.txt"].append("000_eb003dbd0a78c1ba.txt")
    if args.only:
        # keep the other documents' rendered names in the replicated gold
        for sid in sources:
            if sid not in todo:
                rendered[f"{sid}.txt"] = rendered_names_on_disk(sid)
    replicate_gold(rendered)
    print(f"rendered {len(todo)} document(s) in {time.time() - started:.1f}s; "
          f"{len(problems)} gold problem(s)")
    return 1 if problems else 0


def rendered_names_on_disk(sid: str) -> list[str]:
    names = []
    for sub in ("txt", "docx", "html", "pdf", "doc", "scan"):
        for p in sorted((HERE / sub).glob(f"{sid}.*")) if (HERE / sub).exists() else []:
            names.append(p.name)
    return names


if __name__ == "__main__":
    sys.exit(main())
