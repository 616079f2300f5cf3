"""An adversarial corpus: hostile, broken and odd files, each named and described (issue 10).

`build(folder)` writes the cases into `folder` (deterministically: the same bytes every time,
except where a case copies a system file such as an encrypted PDF's random id) beside a few
good plans, and returns what each case is and what a run must say about it. The test
(`tests/test_adversarial.py`) runs the real command over the folder and checks every case.

    python tests/adversarial.py FOLDER      # write the corpus and print its table

Everything is made here with the standard library, Pillow and pypdf: PDFs from a hand-written
byte template, DOCX with zipfile, images with Pillow (or raw PNG chunks where Pillow refuses).
"""

from __future__ import annotations

import io
import os
import random
import shutil
import socket
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
PASSWD = Path("/etc/passwd")

# The good plans, copied as they are: their rows must come out as in a clean run.
GOOD = {
    "good/bac-giang-2024-58-KH-UBND.txt": CORPORA / "txt" / "bac-giang-2024-58-KH-UBND.txt",
    "good/ca-mau-2019-37-KH-UBND.pdf": CORPORA / "pdf" / "ca-mau-2019-37-KH-UBND.pdf",
    "good/dak-lak-2022-74-KH-UBND.docx": CORPORA / "docx" / "dak-lak-2022-74-KH-UBND.docx",
}
# Plans the broken cases are cut from (others than the good ones, so no row is shared).
PDF_PLAN = CORPORA / "pdf" / "hoa-binh-2021-96-KH-UBND.pdf"
DOCX_PLAN = CORPORA / "docx" / "hoa-binh-2021-96-KH-UBND.docx"
TXT_PLAN = CORPORA / "txt" / "ha-giang-2023-142-KH-UBND.txt"
LYING_PDF = CORPORA / "pdf" / "lao-cai-2019-86-KH-UBND.pdf"
LYING_DOCX = CORPORA / "docx" / "yen-bai-2017-47-KH-UBND.docx"
LYING_HTML = CORPORA / "html" / "quang-ninh-2021-128-KH-UBND.html"

ANY_READ = "ok|partial|no_table"  # statuses of a file that is read, rows or not
NOT_READ = "failed"


@dataclass
class Case:
    """One hostile input and what the run must say about it.

    `path` is relative to the corpus folder (str; bytes for a name that is not UTF-8).
    `status` and `reason` are regular expressions the documents row's status and message must
    match (`reason` case-insensitively); `rows` is how many documents rows the path gets (0 for
    a folder link, which is never walked); `fmt` the format it must be read as, if any.
    `action` names what the test does during the run: "delete" (the file disappears once the
    run has started), "deny" (made unreadable).
    """

    name: str
    path: str | bytes
    what: str
    status: str
    reason: str
    rows: int = 1
    fmt: str | None = None
    action: str = ""
    secret: bytes | None = None  # bytes that must not appear in any output (links, XXE)

    @property
    def source_path(self) -> str:
        """The documents row's source_path: a name that is not UTF-8 keeps its bytes as \\xNN."""
        if isinstance(self.path, bytes):
            return self.path.decode("utf-8", "backslashreplace")
        return self.path


# ------------------------------------------------------------------ PDF by hand


def pdf_document(objects: list[bytes], *, root: int = 1, trailer: bytes = b"", version: bytes = b"1.7") -> bytes:
    """A PDF whose objects are `objects` (numbered from 1) with a correct xref table."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer,
                                                                              xref)
    return bytes(out)


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), entries) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
# A ruled page (a drawn line and text): the reader hands it to pdfplumber/pdfminer.
RULED = b"0.5 w 50 700 m 500 700 l S BT /F1 12 Tf 60 710 Td (PHU LUC - DANH SACH MO HINH) Tj ET"


def pdf_many_pages(n: int) -> bytes:
    """`n` tiny pages that share one content stream (a line of text each): a few KB per 100 pages."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
        FONT,
        stream(b"BT /F1 4 Tf 1 4 Td (Trang) Tj ET"),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 40 10] /Resources << /Font << /F1 3 0 R >> >> "
                b"/Contents 4 0 R >>"] * n
    return pdf_document(objects)


def pdf_page_tree_loop() -> bytes:
    """The page tree's root lists itself among its kids, and a page's parent is that root."""
    return pdf_document([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 3 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        FONT,
        stream(RULED),
    ])


def pdf_form_recursion() -> bytes:
    """A ruled page drawing a form XObject that draws itself twice: a parser without a guard
    recurses without end (pdfminer), an exponential tree if it catches the error."""
    return pdf_document([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> "
        b"/XObject << /Fm0 6 0 R >> >> /Contents 5 0 R >>",
        FONT,
        stream(RULED + b" /Fm0 Do"),
        stream(b"q 0.9 0 0 0.9 1 1 cm /Fm0 Do Q /Fm0 Do",
               b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Fm0 6 0 R >> >> "),
    ])


def pdf_xref_prev_loop() -> bytes:
    """A ruled page whose trailer's /Prev points back at its own xref table (a loop for a reader
    that follows /Prev without remembering where it has been)."""
    body = pdf_document([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        FONT,
        stream(RULED),
    ])
    xref = int(body.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    return body.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %010d " % xref)


def pdf_image_bomb(side: int = 40_960) -> bytes:
    """A page showing one grey image of side x side pixels: 1.7 GB inflated from 1.7 MB (a
    decompression bomb)."""
    data = zlib_stream([(bytes(side * 64), side // 64)])
    return pdf_document([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
        stream(data, b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                     b"/BitsPerComponent 8 /Filter /FlateDecode " % (side, side)),
    ])


def pdf_deep_nesting(depth: int = 100_000) -> bytes:
    """A ruled page whose dictionary holds an array nested `depth` deep."""
    return pdf_document([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R /Deep 6 0 R >>",
        FONT,
        stream(RULED),
        b"[" * depth + b"]" * depth,
    ])


def pdf_no_pages() -> bytes:
    return pdf_document([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def encrypted(source: Path) -> bytes:
    """A real plan encrypted with a user password (RC4-128), as a clerk would protect it."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(source))
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------ DOCX with zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
DOC_RELS_IMAGE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
    'Target="media/image1.png"/></Relationships>'
)


def paragraphs(*texts: str) -> str:
    return "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>" for t in texts)


def document_xml(body: str, prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')


def docx_bytes(document: str | bytes, extra: dict[str, bytes] | None = None, rels: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS)):
            zf.writestr(_fixed(name), data)
        zf.writestr(_fixed("word/document.xml"), document)
        if rels:
            zf.writestr(_fixed("word/_rels/document.xml.rels"), rels)
        for name, data in (extra or {}).items():
            zf.writestr(_fixed(name), data)
    return buffer.getvalue()


def _fixed(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed date, so the archive's bytes do not depend on the clock."""
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def docx_zip_bomb(megabytes: int = 700) -> bytes:
    """A DOCX whose word/document.xml inflates to `megabytes` MB of paragraphs from ~1/1000 of it."""
    head = document_xml("", "").split("<w:body>")[0].encode() + b"<w:body>"
    para = paragraphs("lol " * 24).encode()
    chunk = para * ((1 << 20) // len(para))
    body = Deflated.of([(head, 1), (chunk, megabytes), (b"</w:body></w:document>", 1)])
    small = {name: Deflated.of([(text.encode(), 1)]) for name, text in
             (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS))}
    return zip_raw({**small, "word/document.xml": body})


@dataclass
class Deflated:
    """Raw deflate data of a long, repetitive content, made without compressing all of it: each
    part is followed by a full flush, after which the same input always gives the same bytes."""

    data: bytes
    crc: int
    adler: int
    size: int

    @classmethod
    def of(cls, parts: list[tuple[bytes, int]]) -> Deflated:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        out, crc, adler, size = [], 0, 1, 0
        for chunk, count in parts:
            unit = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
            out.append(unit * count)
            for _ in range(count):
                crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
            size += len(chunk) * count
        out.append(packer.flush())
        return cls(b"".join(out), crc, adler, size)


def zlib_stream(parts: list[tuple[bytes, int]]) -> bytes:
    """The zlib format (a PDF's FlateDecode) of `parts`, each repeated as often as it says."""
    raw = Deflated.of(parts)
    return b"\x78\xda" + raw.data + struct.pack(">I", raw.adler)


def zip_raw(entries: dict[str, Deflated]) -> bytes:
    """A zip archive of already deflated entries (sizes and CRCs true), with a fixed date."""
    when = (0, (2020 - 1980) << 9 | 1 << 5 | 1)  # 2020-01-01 00:00
    out, directory = bytearray(), bytearray()
    for name, entry in entries.items():
        encoded = name.encode()
        fields = (20, 0, 8, *when, entry.crc, len(entry.data), entry.size, len(encoded), 0)
        directory += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, len(out)) + encoded
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", *fields) + encoded + entry.data
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), len(out), 0)
    return bytes(out + directory + end)


def billion_laughs() -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    prolog = "<!DOCTYPE w:document [" + "".join(entities) + "]>"
    return document_xml(paragraphs("PHỤ LỤC", "&lol9;"), prolog)


def xxe(target: Path) -> str:
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{target}">]>'
    return document_xml(paragraphs("PHỤ LỤC", "DANH SÁCH MÔ HÌNH", "&xxe;"), prolog)


def nested_tables(depth: int = 5000) -> str:
    cell_open, cell_close = "<w:tbl><w:tr><w:tc>", "<w:p/></w:tc></w:tr></w:tbl>"
    return document_xml(paragraphs("PHỤ LỤC") + cell_open * depth + paragraphs("1") + cell_close * depth)


def png_declaring(width: int, height: int, idat: bytes = b"") -> bytes:
    """A PNG header declaring width x height grey pixels, with `idat` as its only data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat or zlib.compress(bytes(4096))) + \
        chunk(b"IEND", b"")


def docx_with_image(image: bytes) -> bytes:
    drawing = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
               'wordprocessingDrawing"><wp:extent cx="5000000" cy="5000000"/><wp:docPr id="1" name="scan"/>'
               '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
               'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.'
               'openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip xmlns:r="http://schemas.'
               'openxmlformats.org/officeDocument/2006/relationships" r:embed="rIdImg"/></pic:blipFill></pic:pic>'
               "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>")
    return docx_bytes(document_xml(paragraphs("Bản scan kế hoạch, xem hình") + drawing),
                      {"word/media/image1.png": image}, rels=DOC_RELS_IMAGE)


# ------------------------------------------------------------------ damage


def truncated(data: bytes, share: float) -> bytes:
    return data[: int(len(data) * share)]


def bit_flipped(data: bytes, flips: int, seed: int, start: int = 16) -> bytes:
    """`flips` single-bit errors at random offsets past the first `start` bytes."""
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(flips):
        i = rng.randrange(start, len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def docx_flipped_body(data: bytes, seed: int) -> bytes:
    """Bit errors inside word/document.xml's compressed bytes (the zip directory stays whole)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(8):
        i = start + rng.randrange(info.compress_size)
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


# ------------------------------------------------------------------ the corpus

LONG_NAME = ("Kế hoạch nhân rộng mô hình điển hình tiên tiến " * 6)[:80].strip() + ".txt"  # 200+ bytes


def cases() -> list[tuple[Case, Callable[[Path], None]]]:
    """Every case with the function that writes it at its path."""
    pdf, docx_plan = PDF_PLAN.read_bytes(), DOCX_PLAN.read_bytes()
    plan_text = TXT_PLAN.read_bytes()

    def data(payload: bytes | Callable[[], bytes]) -> Callable[[Path], None]:
        def write(path: Path) -> None:
            path.write_bytes(payload() if callable(payload) else payload)
        return write

    def link(target: str | Path) -> Callable[[Path], None]:
        return lambda path: os.symlink(target, path)

    def fifo_or_socket(kind: str) -> Callable[[Path], None]:
        def make(path: Path) -> None:
            if kind == "fifo":
                os.mkfifo(path)
            else:
                with socket.socket(socket.AF_UNIX) as s:
                    s.bind(str(path))
        return make

    def denied_dir(path: Path) -> None:
        path.mkdir()
        (path / "ke-hoach.txt").write_bytes(plan_text)

    def loop_pair(path: Path) -> None:
        os.symlink("loop-b.txt", path)
        os.symlink("loop-a.txt", path.with_name("loop-b.txt"))

    corrupt = r"corrupt|truncated|cannot (open|read)|damaged|not a (valid )?pdf|could not|no pages|xref|repair"
    out: list[tuple[Case, Callable[[Path], None]]] = [
        # --- PDF
        (Case("pdf-truncated-half", "pdf/truncated-half.pdf", "a real plan cut at half its bytes (no xref, no "
              "trailer, half the pages)", ANY_READ + "|failed", corrupt + "|declare|no appendix|page"),
         data(truncated(pdf, 0.5))),
        (Case("pdf-truncated-header", "pdf/truncated-header.pdf", "only the first 100 bytes of a PDF",
              NOT_READ, corrupt), data(truncated(pdf, 100 / len(pdf)))),
        (Case("pdf-bit-flips", "pdf/bit-flips.pdf", "64 random bit errors in a real plan",
              ANY_READ + "|failed", ".*"), data(bit_flipped(pdf, 64, seed=1))),
        (Case("pdf-encrypted", "pdf/encrypted.pdf", "a real plan encrypted with a user password (RC4-128)",
              NOT_READ, r"encrypted|password"), data(lambda: encrypted(PDF_PLAN))),
        (Case("pdf-3000-pages", "pdf/3000-pages.pdf", "3,000 tiny pages, one line of text each",
              "partial|no_table", r"only the first \d+ of 3000 pages"), data(pdf_many_pages(3000))),
        (Case("pdf-page-tree-loop", "pdf/page-tree-loop.pdf", "a page tree that lists itself among its kids",
              "no_table|failed", r"no appendix|corrupt|pages|loop"), data(pdf_page_tree_loop())),
        (Case("pdf-form-recursion", "pdf/form-recursion.pdf", "a ruled page drawing a form that draws itself "
              "twice (exponential for pdfium, endless recursion for pdfminer)", "failed",
              r"per-file limit|killed by signal|memory|recursion|nested"),
         data(pdf_form_recursion())),
        (Case("pdf-xref-prev-loop", "pdf/xref-prev-loop.pdf", "a trailer whose /Prev points at its own xref "
              "(pdfminer follows /Prev without end)", "failed|no_table", r"recursion|nested|corrupt|per-file limit|no appendix"),
         data(pdf_xref_prev_loop())),
        (Case("pdf-image-bomb", "pdf/image-bomb.pdf", "a page showing one 40,000 x 40,000 image: 1.6 GB "
              "inflated from 1.6 MB", "no_table|failed", r"no appendix|memory|image|per-file limit|signal"),
         data(pdf_image_bomb)),
        (Case("pdf-deep-nesting", "pdf/deep-nesting.pdf", "an array nested 100,000 deep in a ruled page",
              "no_table|failed", r"no appendix|corrupt|nested|recursion"), data(pdf_deep_nesting())),
        (Case("pdf-no-pages", "pdf/no-pages.pdf", "a well-formed PDF with an empty page tree", NOT_READ,
              r"no (readable )?pages|corrupt|cannot open"), data(pdf_no_pages())),
        (Case("pdf-header-only", "pdf/header-only.pdf", "a PDF header and %%EOF, nothing else", NOT_READ,
              corrupt), data(b"%PDF-1.7\n%%EOF\n")),
        (Case("pdf-garbage", "pdf/garbage.pdf", "a PDF header followed by 64 KB of random bytes", NOT_READ,
              corrupt), data(b"%PDF-1.4\n" + random_bytes(65536, seed=2))),
        # --- DOCX
        (Case("docx-truncated", "docx/truncated.docx", "a real plan's DOCX cut at half its bytes", NOT_READ,
              r"corrupt|truncated"), data(truncated(docx_plan, 0.5))),
        (Case("docx-bit-flips", "docx/bit-flips.docx", "8 bit errors inside the compressed word/document.xml",
              NOT_READ, r"corrupt|truncated|CRC|invalid|not a Word"), data(docx_flipped_body(docx_plan, seed=3))),
        (Case("docx-zip-bomb", "docx/zip-bomb.docx", "word/document.xml inflates to 700 MB from 0.7 MB",
              NOT_READ, r"memory|too (large|big)|expands|zip bomb|limit"), data(docx_zip_bomb)),
        (Case("docx-billion-laughs", "docx/billion-laughs.docx", "XML entities nested 10 deep (10^9 'lol's "
              "if expanded)", "no_table|failed", r"no appendix|entit|DTD|corrupt|not a Word"),
         data(docx_bytes(billion_laughs()))),
        (Case("docx-xxe", "docx/xxe.docx", "an external entity naming /etc/passwd (must never be read)",
              "no_table|failed", r"no appendix|entit|DTD|corrupt|not a Word", secret=b"root:x:0:0"),
         data(docx_bytes(xxe(PASSWD)))),
        (Case("docx-image-bomb", "docx/image-bomb.docx", "a DOCX embedding a PNG that declares 100,000 x "
              "100,000 pixels", "no_table|failed", r"no appendix|image|too large"),
         data(docx_with_image(png_declaring(100_000, 100_000)))),
        (Case("docx-deep-tables", "docx/deep-tables.docx", "5,000 tables nested in each other's cells",
              "no_table|failed", r"depth|nested|recursion|corrupt|no appendix"), data(docx_bytes(nested_tables()))),
        (Case("docx-not-word", "docx/not-word.docx", "a zip archive of a text file, named .docx", NOT_READ,
              r"zip archive, not a Word"), data(_zip_of({"notes.txt": b"ghi chu"}))),
        (Case("docx-malformed-xml", "docx/malformed-xml.docx", "word/document.xml cut in the middle of a tag",
              NOT_READ, r"corrupt|truncated|XML|not a Word"),
         data(docx_bytes(document_xml(paragraphs("PHỤ LỤC"))[:120]))),
        # --- images
        (Case("png-bomb", "image/png-bomb.png", "a PNG declaring 100,000 x 100,000 pixels (10 gigapixels)",
              NOT_READ, r"image|large|bomb|pixels|limit"), data(png_declaring(100_000, 100_000))),
        (Case("png-huge-scan", "image/huge-scan.png", "a blank 12,000 x 12,000 scan without a resolution "
              "(under Pillow's bomb limit; 4x that once upscaled to 300 dpi)", "no_table|failed",
              r"no appendix|memory|per-file limit|large|image"), data(_blank_png(12_000))),
        (Case("jpeg-truncated", "image/truncated.jpg", "a JPEG cut after its header", NOT_READ,
              r"image|truncated|cannot"), data(_truncated_jpeg())),
        # --- text
        (Case("txt-cp1251", "txt/cp1251-russian.txt", "a Russian letter in Windows-1251 (a legacy encoding "
              "that is not Vietnamese)", "no_table|failed", r"no appendix|not UTF-8|encoding"),
         data(("План мероприятий по распространению передового опыта.\n" * 40).encode("cp1251"))),
        (Case("txt-shift-jis", "txt/shift-jis.txt", "a Japanese text in Shift-JIS", "no_table|failed",
              r"no appendix|not UTF-8|encoding"), data(("模範的な取り組みの普及計画。\n" * 40).encode("shift_jis"))),
        (Case("txt-binary", "txt/binary.txt", "64 KB of random bytes named .txt", NOT_READ,
              r"binary|not UTF-8|unknown"), data(random_bytes(65536, seed=4))),
        (Case("txt-one-huge-line", "txt/one-huge-line.txt", "8 MB of Vietnamese words on one line",
              "no_table|failed", r"no appendix|per-file limit"), data(("mô hình điển hình tiên tiến | 1 | xã Hòa Bình " * 160_000)
                                                     .encode())),
        # --- lying extensions
        (Case("lying-pdf-as-docx", "lying/plan-is-a-pdf.docx", "a real PDF plan named .docx", "ok|partial",
              r"^$|declare|.*", fmt="pdf"), data(LYING_PDF.read_bytes())),
        (Case("lying-docx-as-pdf", "lying/plan-is-a-docx.pdf", "a real DOCX plan named .pdf", "ok|partial",
              r".*", fmt="docx"), data(LYING_DOCX.read_bytes())),
        (Case("lying-html-as-doc", "lying/plan-is-html.doc", "a real HTML plan named .doc", "ok|partial", r".*",
              fmt="html"), data(LYING_HTML.read_bytes())),
        (Case("lying-binary-as-pdf", "lying/program.pdf", "an ELF program named .pdf", NOT_READ,
              r"binary|unknown|unsupported"), data(b"\x7fELF\x02\x01\x01\x00" + bytes(8) + random_bytes(8192, 5))),
        (Case("doc-corrupt-ole", "doc/corrupt.doc", "an OLE header naming a WordDocument stream, then garbage",
              NOT_READ, r"LibreOffice|convert|corrupt"), data(_corrupt_ole())),
        # --- names
        (Case("name-not-utf8", "names/k\udce9-ho\udce1ch.txt".encode("utf-8", "surrogateescape"),
              "a plan whose file name is Latin-1 bytes, not UTF-8", ANY_READ, r".*"), data(plan_text)),
        (Case("name-long", f"names/{LONG_NAME}", "a plan with a 200+ byte Vietnamese file name", ANY_READ, r".*"),
         data(plan_text)),
        (Case("name-control-chars", 'names/line\nbreak\t"quoted",=cmd|.txt', "a plan whose name holds a line "
              "break, a tab, quotes, a comma and a formula sign", ANY_READ, r".*"), data(plan_text)),
        # --- links and special files
        (Case("link-to-passwd", "links/passwd.txt", "a link to /etc/passwd, outside the input folder", NOT_READ,
              r"outside the input folder.*not followed", secret=b"root:x:0:0"), link(PASSWD)),
        (Case("link-to-dev-zero", "links/zero.pdf", "a link to /dev/zero (endless if followed)", NOT_READ,
              r"outside the input folder.*not followed"), link("/dev/zero")),
        (Case("link-loop", "links/loop-a.txt", "two links pointing at each other", NOT_READ, r"loop"),
         loop_pair),
        (Case("link-loop-other", "links/loop-b.txt", "(the other link of the pair)", NOT_READ, r"loop"),
         lambda path: None),
        (Case("link-dangling", "links/dangling.txt", "a link to a file that does not exist", NOT_READ,
              r"does not exist|gone|no such file"), link("nothing-here.txt")),
        (Case("link-folder-loop", "links/self", "a link to its own folder (a walk that follows it never ends)",
              "", "", rows=0), link(".")),
        (Case("link-folder-outside", "links/etc", "a link to /etc, outside the input folder", "", "", rows=0),
         link("/etc")),
        (Case("fifo", "special/pipe.pdf", "a named pipe (a read would block for ever)", NOT_READ,
              r"not a regular file"), fifo_or_socket("fifo")),
        (Case("socket", "special/socket.docx", "a Unix socket", NOT_READ, r"not a regular file|no such device"),
         fifo_or_socket("socket")),
        # --- while the run goes on
        (Case("disappears", "zz-runtime/disappears.txt", "a plan deleted once the run has started", NOT_READ,
              r"gone|deleted|no such file", action="delete"), data(plan_text)),
        (Case("permission-denied", "zz-runtime/denied.txt", "a plan nobody may read (mode 000)", NOT_READ,
              r"permission denied", action="deny"), data(plan_text)),
        (Case("folder-denied", "zz-runtime/denied-folder", "a folder nobody may list (mode 000), a plan inside",
              NOT_READ, r"folder.*(cannot|could not) be (listed|read).*permission denied", action="deny"),
         denied_dir),
    ]
    for suffix in ("pdf", "docx", "doc", "html", "txt", "png"):
        out.append((Case(f"empty-{suffix}", f"empty/empty.{suffix}", f"0 bytes named .{suffix}", NOT_READ,
                         r"empty file \(0 bytes\)"), data(b"")))
    return out


def _zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, payload in files.items():
            zf.writestr(_fixed(name), payload)
    return buffer.getvalue()


def _blank_png(side: int) -> bytes:
    """A white side x side grey PNG (no Pillow image of that size is made)."""
    row = b"\x00" + b"\xff" * side  # filter byte "none", then white pixels
    return png_declaring(side, side, zlib_stream([(row * 100, side // 100)]))


def _truncated_jpeg() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (800, 600), 200).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()[:700]


def _corrupt_ole() -> bytes:
    magic = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    return magic + bytes(504) + "WordDocument".encode("utf-16-le") + random_bytes(30_000, seed=6)


def build(folder: Path) -> list[Case]:
    """Write the good plans and every case into `folder`; return the cases."""
    folder.mkdir(parents=True, exist_ok=True)
    for rel, source in GOOD.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / rel)
    made = []
    for case, write in cases():
        path = os.path.join(os.fsencode(folder), case.path) if isinstance(case.path, bytes) else folder / case.path
        parent = os.path.dirname(path)
        os.makedirs(parent, exist_ok=True)
        write(Path(os.fsdecode(path)))
        made.append(case)
    return made


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "adversarial")
    for case in build(target):
        print(f"{case.name:24} {case.status or '(no row)':28} {case.what}")
