"""The one document model every stage speaks.

Readers turn a file into a `Document`: an ordered list of blocks, each a `Line` of text or a
`Table` of cells, all with `Provenance`. The segmenter cuts appendix `Row`s out of it and reads
`DocMeta`; taggers turn rows into `Mention`s. Nothing here knows which format a file came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Provenance:
    """Where a piece of text sits in its source file. Unknown parts stay None."""

    page: int | None = None  # 1-based page (PDF, OCR)
    line: int | None = None  # 1-based line (text formats)
    table: int | None = None  # 0-based table index in the document
    row: int | None = None  # 0-based row in its table
    col: int | None = None  # 0-based grid column of the cell
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in PDF points


@dataclass
class Line:
    """A paragraph or text line outside tables."""

    text: str
    prov: Provenance = field(default_factory=Provenance)
    confidence: float | None = None  # OCR confidence 0-1, None when born digital
    style: str = ""  # reader hint: "heading", "bold", "center" (may be empty)


@dataclass
class Cell:
    """One cell of a table; merged cells are stored once with their span."""

    text: str
    prov: Provenance = field(default_factory=Provenance)
    colspan: int = 1
    rowspan: int = 1
    confidence: float | None = None


@dataclass
class Table:
    """A table as rows of cells; a table continued over pages or split in parts is one Table."""

    rows: list[list[Cell]]
    prov: Provenance = field(default_factory=Provenance)
    n_cols: int = 0

    def texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.rows]


Block = Union[Line, Table]


@dataclass
class Document:
    """What every reader returns."""

    path: str
    format: str  # pdf, pdf-ocr, docx, doc, html, txt
    blocks: list[Block] = field(default_factory=list)
    n_pages: int | None = None
    warnings: list[str] = field(default_factory=list)  # reader notes, e.g. "encoding:tcvn3"
    ocr: bool = False

    def lines(self) -> list[Line]:
        return [b for b in self.blocks if isinstance(b, Line)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


@dataclass
class Row:
    """One appendix row, as cut by the segmenter: cells by role, with its section context."""

    row_no: int | None
    cells: dict[str, str]  # role -> text: actor, title, unit, address, model, role, note, ...
    section_kind: str = ""  # "mô hình" | "điển hình"
    section_label: str = ""
    group: str = ""
    group_places: list[tuple[str, str]] = field(default_factory=list)  # (type, name) from headers
    prov: Provenance = field(default_factory=Provenance)
    flags: list[str] = field(default_factory=list)
    confidence: float | None = None  # reader confidence (OCR)
    appendix: int = 0


@dataclass
class DocMeta:
    doc_type: str = ""
    doc_number: str = ""
    issuer: str = ""
    province: str = ""
    province_code: str = ""
    issue_date: str = ""  # ISO
    year: int | None = None
    title: str = ""
    signer: str = ""
    declared_rows: int | None = None
    flags: list[str] = field(default_factory=list)


@dataclass
class Segmented:
    """The segmenter's output for one document."""

    meta: DocMeta
    rows: list[Row]
    warnings: list[str] = field(default_factory=list)
    found_appendix: bool = False


@dataclass(slots=True)
class Mention:
    """One row of the `mentions` table (SPEC)."""

    mention_id: str = ""
    doc_id: str = ""
    source_path: str = ""
    year: int | None = None
    section_kind: str = ""
    section_label: str = ""
    group: str = ""
    row_no: int | None = None
    actor_raw: str = ""
    actor_kind: str = ""
    actor_name: str = ""
    honorific: str = ""
    person_name: str = ""
    hamlet: str = ""
    hamlet_type: str = ""
    commune: str = ""
    commune_type: str = ""
    district: str = ""
    district_type: str = ""
    province: str = ""
    commune_code: str = ""
    district_code: str = ""
    province_code: str = ""
    province_code_2025: str = ""
    commune_code_2025: str = ""
    title: str = ""
    description: str = ""
    sector: str = ""
    page: int | None = None
    line: int | None = None
    confidence: float = 1.0
    flags: str = ""
    exemplar_id: str = ""


@dataclass(slots=True)
class DocumentRecord:
    """One row of the `documents` table (SPEC)."""

    doc_id: str = ""
    source_path: str = ""
    format: str = ""
    doc_type: str = ""
    doc_number: str = ""
    issuer: str = ""
    province: str = ""
    province_code: str = ""
    issue_date: str = ""
    year: int | None = None
    title: str = ""
    signer: str = ""
    n_rows: int = 0
    declared_rows: int | None = None
    status: str = ""
    message: str = ""


@dataclass
class Result:
    """One result per file: its documents row and its mentions (docling's ConversionResult)."""

    document: DocumentRecord
    mentions: list[Mention] = field(default_factory=list)
