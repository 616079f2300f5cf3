"""The document's own metadata: type, number, issuer, date, trích yếu, signer."""

from __future__ import annotations

import datetime as dt
import re

from ..model import DocMeta, Document, Line, Table
from ..normalize.text import clean

DOC_TYPES = {
    "KẾ HOẠCH": "Kế hoạch", "QUYẾT ĐỊNH": "Quyết định", "THÔNG BÁO": "Thông báo",
    "BÁO CÁO": "Báo cáo", "CÔNG VĂN": "Công văn", "HƯỚNG DẪN": "Hướng dẫn",
    "CHỈ THỊ": "Chỉ thị", "NGHỊ QUYẾT": "Nghị quyết", "TỜ TRÌNH": "Tờ trình",
}
# Ký hiệu of a số hiệu -> doc type, for documents whose heading is lost.
CODE_TYPES = {"KH": "Kế hoạch", "QĐ": "Quyết định", "TB": "Thông báo", "BC": "Báo cáo",
              "HD": "Hướng dẫn", "CT": "Chỉ thị", "NQ": "Nghị quyết", "TTr": "Tờ trình"}
_NUMBER = re.compile(r"\b(\d{1,5}\s*/\s*(?:\d{4}\s*/\s*)?[A-ZĐ]{1,6}(?:\s*-\s*[A-ZĐa-zđ]{1,12}){0,3})")
_NUMBER_LINE = re.compile(r"^\s*Số\s*(?:hiệu)?\s*:?\s*" + _NUMBER.pattern, re.I)
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_DATE_NUM = re.compile(r"ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.I)
_CAPTION = re.compile(
    r"^\W*(?:được\s+)?(?:ban hành\s+)?kèm theo\s+"
    r"(?P<type>kế hoạch|quyết định|công văn|thông báo|hướng dẫn)\s+(?:số\s*:?\s*)?"
    r"(?P<number>[^\s,;)]+)?(?P<rest>.*)", re.I,
)
_ISSUER_OF = re.compile(r"\bcủa\s+(?P<who>(?:ủy ban nhân dân|ubnd|chủ tịch ubnd|ban|sở|hội đồng)[^)]*)", re.I)
_SIGN_ROLE = re.compile(
    r"^(?:KT\.?\s*|TM\.?\s*|TL\.?\s*|Q\.?\s*)?(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|TRƯỞNG BAN|"
    r"GIÁM ĐỐC|PHÓ GIÁM ĐỐC|PHÓ TRƯỞNG BAN|CHÁNH VĂN PHÒNG|BÍ THƯ)\b", re.I,
)
_SIGN_INLINE = re.compile(
    r"(?:CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC)\s+(?P<name>[A-ZĐÀ-Ỹ][a-zđà-ỹ]+(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]+){1,4})\s*$"
)
_NOT_NAME = re.compile(r"(đã ký|ký tên|đóng dấu|\(|\)|:|;|nơi nhận|\d)", re.I)
_RECIPIENT = re.compile(r"^[-–+•*]\s*\S")  # an item of the Nơi nhận list
_AFTER_SIGNING = re.compile(r"^(DANH SÁCH|PHỤ LỤC|DANH MỤC|BIỂU)\b")
_NUMBERED = re.compile(r"^([IVXL]+|\d+|[a-zđ])\s*[.)]\s")
_BODY = re.compile(r"^(HỘI ĐỒNG|SỞ|BAN|PHÒNG|VĂN PHÒNG)\b")
_SEPARATOR = re.compile(r"^[-_=*.…\s]{3,}$")
_BODY_START = ("Căn cứ", "Để ", "Thực hiện", "Số:", "-", "Nhằm", "Kính gửi", "Ủy ban nhân dân", "UBND",
               "Chủ tịch", "Xét đề nghị", "Theo đề nghị", "Trên cơ sở")
_UBND = re.compile(r"^(?:ỦY BAN NHÂN DÂN|UBND)\s*(?P<rest>.*)$", re.I)
_ADMIN = re.compile(r"^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+(.+)$", re.I)


def text_lines(doc: Document) -> list[str]:
    """Every line of the document in order: paragraphs, then cell paragraphs row by row."""
    out: list[str] = []
    last_line: int | None = None
    for block in doc.blocks:
        if isinstance(block, Line):
            if last_line is not None and block.prov.line is not None and block.prov.line > last_line + 1:
                out.append("")  # a blank line in the source ends a paragraph
            last_line = block.prov.line
            out.extend(block.text.split("\n"))
        elif isinstance(block, Table):
            last_line = None
            for row in block.rows:
                for cell in row:
                    out.extend(cell.text.split("\n"))
    return [clean(t) for t in out]


def read_metadata(doc: Document) -> DocMeta:
    lines = text_lines(doc)
    meta = DocMeta()
    head = lines[:60]
    meta.doc_type = _doc_type(head)
    meta.doc_number = _number(head)
    caption = _caption(lines)
    if caption:
        ctype, cnumber, _ = caption
        meta.doc_type = meta.doc_type or ctype
        meta.doc_number = meta.doc_number or cnumber
    if not meta.doc_type and meta.doc_number:
        meta.doc_type = _type_from_number(meta.doc_number)
    meta.issuer = _issuer(head) or (_issuer_from_caption(caption[2]) if caption else "")
    body_date = _first_date(head, words_only=True)
    caption_date = _first_date([caption[2]]) if caption else None
    date = body_date or caption_date
    if body_date and caption_date and body_date != caption_date:
        meta.flags.append(f"date_mismatch:{body_date.isoformat()}!={caption_date.isoformat()}")
    if date:
        meta.issue_date, meta.year = date.isoformat(), date.year
    meta.title = _title(lines, meta.doc_type)
    meta.signer = _signer(lines)
    return meta


def _doc_type(lines: list[str]) -> str:
    for line in lines:
        up = line.strip().upper()
        if up in DOC_TYPES:
            return DOC_TYPES[up]
    return ""


def _number(lines: list[str]) -> str:
    for line in lines:
        m = _NUMBER_LINE.match(line)
        if m:
            return _tidy_number(m.group(1))
    return ""


def _tidy_number(number: str) -> str:
    return re.sub(r"\s+", "", number).rstrip(".,;")


def _type_from_number(number: str) -> str:
    code = number.rsplit("/", maxsplit=1)[-1].split("-", maxsplit=1)[0]
    return CODE_TYPES.get(code, "")


def _caption(lines: list[str]) -> tuple[str, str, str] | None:
    """("Kế hoạch", "181/KH-UBND", rest) from "(Kèm theo Kế hoạch số 181/KH-UBND ngày ...)"."""
    for line in lines:
        m = _CAPTION.match(line)
        if m:
            number = m.group("number") or ""
            number = _tidy_number(number) if _NUMBER.match(number) else ""
            return m.group("type").capitalize(), number, line
    return None


def _first_date(lines: list[str], words_only: bool = False) -> dt.date | None:
    for i, written in enumerate(lines):
        line = written
        if re.search(r"\b(ngày|tháng|năm)\s*$", line) and i + 1 < len(lines):
            line = f"{line} {lines[i + 1]}"  # "…, ngày 16 tháng 08 năm" / "2022": a wrapped header line
        m = _DATE_WORDS.search(line) or (None if words_only else _DATE_NUM.search(line))
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                continue
    return None


def _issuer(head: list[str]) -> str:
    """"UBND tỉnh Hòa Bình" from the header block ("ỦY BAN NHÂN DÂN" / "TỈNH HÒA BÌNH")."""
    for i, line in enumerate(head[:25]):
        m = _UBND.match(line.strip())
        if not m:
            continue
        rest = m.group("rest").strip()
        j = i
        if not rest and i + 1 < len(head):
            rest, j = head[i + 1].strip(), i + 1
        rest, j = _wrapped(head, rest, j)
        admin = _ADMIN.match(rest)
        if admin:
            where = f"{admin.group(1).lower()} {_name_case(admin.group(2))}"
            body, _ = _wrapped(head, head[j + 1].strip(), j + 1) if j + 1 < len(head) else ("", j)
            if _BODY.match(body) and body.isupper():  # "UBND TỈNH X / HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
                return f"{_sentence_case(body)} {where}"
            return f"UBND {where}"
    return ""


def _wrapped(head: list[str], text: str, j: int) -> tuple[str, int]:
    """A header line with the upper-case lines it wraps onto ("THÀNH PHỐ HỒ CHÍ" / "MINH",
    "HỘI ĐỒNG THI ĐUA -" / "KHEN THƯỞNG"), and the index of its last line."""
    while j + 1 < len(head):
        nxt = head[j + 1].strip()
        if not nxt or not nxt.isupper() or _SEPARATOR.match(nxt) or any(c.isdigit() for c in nxt):
            break
        if not (text.endswith("-") or (len(nxt.split()) <= 2 and not _BODY.match(nxt) and not _ADMIN.match(nxt))):
            break
        text, j = f"{text} {nxt}", j + 1
    return text, j


def _issuer_from_caption(caption: str) -> str:
    m = _ISSUER_OF.search(caption)
    if not m:
        return ""
    who = re.sub(r"^chủ tịch\s+", "", m.group("who").strip(" )"), flags=re.I)
    u = _UBND.match(who)
    if u:
        admin = _ADMIN.match(u.group("rest").strip())
        if admin:
            return f"UBND {admin.group(1).lower()} {_name_case(admin.group(2))}"
    return who


def _name_case(name: str) -> str:
    name = name.strip().rstrip(".,;")
    if name.isupper():
        return " ".join(w[:1] + w[1:].lower() for w in name.split())
    return name


def _title(lines: list[str], doc_type: str) -> str:
    """The trích yếu: the lines under the type heading, up to the first blank or body line."""
    if not doc_type:
        return ""
    for i, line in enumerate(lines[:80]):
        if line.strip().upper() != doc_type.upper():
            continue
        parts: list[str] = []
        for nxt in lines[i + 1 : i + 6]:
            s = nxt.strip()
            if not s:
                if parts:
                    break
                continue
            if _SEPARATOR.match(s) or len(s) > 160 or s.startswith(_BODY_START) or _NUMBERED.match(s):
                break
            if parts and parts[-1].isupper() != s.isupper():
                break
            parts.append(s)
        title = " ".join(parts).strip()
        return _sentence_case(title)
    return ""


def _sentence_case(text: str) -> str:
    if not text.isupper():
        return text
    low = text.lower()
    return low[:1].upper() + low[1:]


def _signer(lines: list[str]) -> str:
    """The name under the first signing block ("CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")."""
    found = ""
    for line in lines:  # a block flattened on one line: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Quang Minh"
        m = _SIGN_INLINE.search(line)
        if m and len(line) < 160:
            return m.group("name")
    for i, line in enumerate(lines):
        if not _SIGN_ROLE.match(line.strip()) or len(line) > 60:
            continue
        for nxt in lines[i + 1 : i + 12]:
            s = nxt.strip()
            if _AFTER_SIGNING.match(s):
                break
            # the Nơi nhận list runs beside the block and may come first in reading order
            if not s or _SIGN_ROLE.match(s) or _NOT_NAME.search(s) or _ADMIN.match(s) or _RECIPIENT.match(s):
                continue
            if _is_person_name(s):
                found = _name_case(s)
            break
        if found:
            return found
    return found


def _is_person_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words)
