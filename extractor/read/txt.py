"""Plain-text dumps: body lines, and tables written one of three ways.

1. The dump style of the seed: each cell on its own tab-indented line, a blank line between
   rows, a cell's further paragraphs on following lines without the tab.
2. One row per line with cells separated by tabs ("1<TAB>Công an ...<TAB>Mô hình ...").
3. Pipe tables ("| 1 | Công an ... | Mô hình ... |"), separator lines ignored.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..model import Block, Cell, Document, Line, Provenance, Table
from ..settings import Settings
from .encoding import decode

_PIPE_SEP = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")


def read(path: Path, settings: Settings | None = None) -> Document:
    text, encoding = decode(path.read_bytes())
    doc = Document(path=str(path), format="txt", blocks=parse_text(text))
    if encoding not in ("utf-8", "utf-8-sig"):
        doc.warnings.append(f"encoding:{encoding}")
    return doc


def parse_text(text: str) -> list[Block]:
    text = unicodedata.normalize("NFC", text)
    return _Parser().feed(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


class _Parser:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.table: Table | None = None
        self.row: list[Cell] | None = None
        self.cell: Cell | None = None
        self.blank = 0
        self.kind = ""  # "dump", "tabs" or "pipe" while a table is open

    def feed(self, lines: list[str]) -> list[Block]:
        for number, raw in enumerate(lines, start=1):
            self._line(raw, number)
        self._close()
        return self.blocks

    def _line(self, raw: str, number: int) -> None:
        stripped = raw.strip()
        if not stripped and "\t" not in raw:
            self.blank += 1
            return
        if stripped.startswith("|") and stripped.count("|") >= 2:
            self._pipe_row(stripped, number)
        elif "\t" in raw.lstrip("\t") and raw.lstrip("\t").strip():
            self._cells_row(raw.lstrip("\t").split("\t"), number, "tabs")
        elif raw.startswith("\t"):
            self._dump_cell(raw.lstrip("\t"), number)
        elif self.cell is not None and self.blank == 0 and self.kind == "dump":
            self.cell.text += "\n" + raw.rstrip()  # a cell's next paragraph
        else:
            self._close()
            self.blocks.append(Line(raw.rstrip(), Provenance(line=number)))
        self.blank = 0

    def _open(self, kind: str, number: int) -> Table:
        if self.table is None or self.kind != kind:
            self._close()
            self.table = Table(rows=[], prov=Provenance(line=number, table=self._n_tables()))
            self.kind = kind
        return self.table

    def _n_tables(self) -> int:
        return sum(1 for b in self.blocks if isinstance(b, Table))

    def _dump_cell(self, text: str, number: int) -> None:
        table = self._open("dump", number)
        if self.row is None or self.blank > 0:
            self.row = []
            table.rows.append(self.row)
        prov = Provenance(line=number, table=table.prov.table, row=len(table.rows) - 1, col=len(self.row))
        self.cell = Cell(text.rstrip(), prov)
        self.row.append(self.cell)

    def _cells_row(self, texts: list[str], number: int, kind: str) -> None:
        table = self._open(kind, number)
        r = len(table.rows)
        row = [Cell(t.strip(), Provenance(line=number, table=table.prov.table, row=r, col=c))
               for c, t in enumerate(texts)]
        table.rows.append(row)
        self.row, self.cell = row, None

    def _pipe_row(self, stripped: str, number: int) -> None:
        if _PIPE_SEP.match(stripped):
            return
        inner = stripped.strip("|")
        self._cells_row(inner.split("|"), number, "pipe")

    def _close(self) -> None:
        if self.table is not None and self.table.rows:
            self.table.n_cols = max(len(r) for r in self.table.rows)
            self.blocks.append(self.table)
        self.table, self.row, self.cell, self.kind = None, None, None, ""
