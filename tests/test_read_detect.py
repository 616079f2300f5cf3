"""Format detection by content and the bad inputs that must end as a DocumentLoadError."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from extractor.errors import DocumentLoadError
from extractor.read import detect_format, read_document

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(("name", "data", "fmt"), [
    ("a.txt", b"%PDF-1.7\n...", "pdf"),
    ("a.pdf", "Kế hoạch số 181/KH-UBND\n".encode(), "txt"),
    ("a.htm", b"\xef\xbb\xbf<!DOCTYPE html><html><body>x</body></html>", "html"),
    ("a.doc", "<html><body>Word saved as web page</body></html>".encode("utf-16"), "html"),
    ("a.doc", b"{\\rtf1\\ansi hello}", "rtf"),
    ("a.doc", OLE + b"\x00" * 100 + "WordDocument".encode("utf-16-le"), "doc"),
    ("a.xls", OLE + b"\x00" * 100 + "Workbook".encode("utf-16-le"), "unknown:ole"),
    ("a.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "image"),
    ("a.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image"),
    ("a.bin", bytes(range(256)), "unknown:binary"),
])
def test_format_from_content(tmp_path: Path, name: str, data: bytes, fmt: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert detect_format(path) == fmt


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_zero_byte_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentLoadError, match=r"empty file \(0 bytes\)"):
        read_document(_bad(tmp_path, "empty.pdf", b""))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentLoadError, match="cannot open"):
        read_document(tmp_path / "nowhere.docx")


def test_binary_junk_with_a_pdf_name(tmp_path: Path) -> None:
    with pytest.raises(DocumentLoadError, match=r"binary content.*\.pdf"):
        read_document(_bad(tmp_path, "scan.pdf", bytes(range(256)) * 4))


def test_other_office_files(tmp_path: Path) -> None:
    with pytest.raises(DocumentLoadError, match="OLE compound file"):
        read_document(_bad(tmp_path, "book.doc", OLE + b"\x00" * 100 + "Workbook".encode("utf-16-le")))
    odt = tmp_path / "plan.docx"
    with zipfile.ZipFile(odt, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(DocumentLoadError, match="OpenDocument"):
        read_document(odt)


def test_truncated_zip(tmp_path: Path) -> None:
    with pytest.raises(DocumentLoadError, match="corrupt or truncated zip"):
        read_document(_bad(tmp_path, "plan.docx", b"PK\x03\x04" + b"\x00" * 30))


def test_text_that_is_no_known_encoding(tmp_path: Path) -> None:
    with pytest.raises(DocumentLoadError, match="not UTF-8"):
        read_document(_bad(tmp_path, "notes.txt", b"\x81\x8d\x8f\x90\x9d" * 20))


def test_broken_image(tmp_path: Path) -> None:
    with pytest.raises(DocumentLoadError, match="cannot read the image"):
        read_document(_bad(tmp_path, "page.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40))
