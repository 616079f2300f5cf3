"""Legacy .doc (and RTF) through LibreOffice headless. Needs soffice (CI installs it).

`fixtures_read/plan.doc` is a Word 97 file LibreOffice wrote from an ODT: a header line, a table
with a merged section row and a vertical merge, and a run in the .VnTime font."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from extractor.errors import DocumentLoadError, MissingToolError
from extractor.read import read_document
from extractor.segment import segment
from extractor.settings import Settings

FIXTURE = Path(__file__).parent / "fixtures_read" / "plan.doc"

RTF = r"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}
\pard PH\u7908?L\u7908?C\par
\trowd\cellx1000\cellx5000\cellx9000
\intbl STT\cell T\u234?n t\u7853?p th\u7875?, c\u225? nh\u226?n\cell M\u244? h\u236?nh, \u273?i\u7875?n h\u236?nh\cell\row
\trowd\cellx1000\cellx5000\cellx9000
\intbl 1\cell C\u244?ng an huy\u7879?n L\u7841?c S\u417?n\cell M\u244? h\u236?nh \u8220?Chung tay\u8221?\cell\row
\pard\par}
"""


@pytest.fixture(scope="module")
def plan():  # type: ignore[no-untyped-def]
    return read_document(FIXTURE)


def test_doc_is_converted_and_read_as_docx(plan) -> None:  # type: ignore[no-untyped-def]
    assert plan.format == "doc" and plan.path == str(FIXTURE)
    (table,) = plan.tables()
    assert (table.rows[1][0].text, table.rows[1][0].colspan) == ("I. MÔ HÌNH: 03", 3)
    assert table.rows[3][1].rowspan == 2 and [c.prov.col for c in table.rows[4]] == [0, 2]
    assert plan.lines()[-1].text == "Hà Nội" and "encoding:tcvn3" in plan.warnings
    assert [r.row_no for r in segment(plan).rows] == [1, 2, 3]


def test_input_is_not_changed() -> None:
    before = hashlib.sha256(FIXTURE.read_bytes()).hexdigest()
    read_document(FIXTURE)
    assert hashlib.sha256(FIXTURE.read_bytes()).hexdigest() == before
    assert not list(FIXTURE.parent.glob("*.docx"))


def test_rtf_goes_through_libreoffice(tmp_path: Path) -> None:
    path = tmp_path / "plan.doc"  # RTF saved with a .doc name, as portals often serve it
    path.write_text(RTF, encoding="ascii")
    doc = read_document(path)
    assert doc.format == "doc"
    (table,) = doc.tables()
    assert table.texts() == [["STT", "Tên tập thể, cá nhân", "Mô hình, điển hình"],
                             ["1", "Công an huyện Lạc Sơn", "Mô hình “Chung tay”"]]


def test_missing_libreoffice_is_a_missing_tool_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MissingToolError, match="libreoffice"):
        read_document(FIXTURE)


def test_conversion_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(DocumentLoadError, match="longer than"):
        read_document(FIXTURE, Settings(file_timeout_s=0.01))


def test_corrupt_doc_is_a_load_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.doc"
    path.write_bytes(FIXTURE.read_bytes()[:2048])
    with pytest.raises(DocumentLoadError):
        read_document(path)
