"""The same plan in every format gives the same rows and fields as its TXT version.

Every rendering of each `corpora/source/<id>.json` (DOCX, HTML, born-digital PDF, .doc, the TXT
variants, the scanned PDF) goes through the whole pipeline and its mentions are compared with
those of `corpora/txt/<id>.txt`: field by field for born-digital formats; for the scan, rows found
(recall >= 0.95, matched as the scorer does: by STT, with the actor or title half alike) and the share of
scored fields equal (>= 0.85, the scorer's fields.mean). Needs tesseract + vie and LibreOffice, as CI has.
"""

from __future__ import annotations

from dataclasses import asdict
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

import pytest

from extractor.pipeline import process_file
from extractor.settings import Settings

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
# The fields the scorer (shared/tools/score.py) figures, compared as it does.
SCORED = ("section_kind", "actor_kind", "actor_name", "honorific", "person_name", "hamlet", "hamlet_type", "commune",
          "commune_type", "district", "district_type", "province", "title", "commune_code", "district_code",
          "province_code")
FIELDS = ("section_kind", "section_label", "group", "row_no", "actor_raw", "actor_kind", "actor_name", "honorific",
          "person_name", "hamlet", "hamlet_type", "commune", "commune_type", "district", "district_type", "province",
          "commune_code", "district_code", "province_code", "title", "description", "sector")
# Renderings whose differences come from the corpus, not the readers (see the reason).
KNOWN: dict[str, str] = {}


def _renderings() -> list[Path]:
    out = []
    for source in sorted((CORPORA / "source").glob("*.json")):
        sid = source.stem
        if not (CORPORA / "txt" / f"{sid}.txt").exists():
            continue
        for folder in ("txt", "docx", "html", "pdf", "doc", "scan"):
            out.extend(p for p in sorted((CORPORA / folder).glob(f"{sid}.*")) if p.name != f"{sid}.txt")
    return out


@cache
def _mentions(path: Path) -> list[dict[str, object]]:
    result = process_file(path, path.name, Settings(workers=1))
    assert result.document.status != "failed", result.document.message
    return [{k: asdict(m)[k] for k in FIELDS} for m in result.mentions]


def _base(path: Path) -> Path:
    return CORPORA / "txt" / f"{path.name.split('.')[0]}.txt"


def _case(path: Path) -> object:
    kind = path.parent.name
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN[kind])] if kind in KNOWN else []
    return pytest.param(path, id=f"{kind}/{path.name}", marks=marks)


RENDERINGS = _renderings()


@pytest.mark.parametrize("path", [_case(p) for p in RENDERINGS if p.parent.name != "scan"])
def test_born_digital_rendering_matches_txt(path: Path) -> None:
    want, got = _mentions(_base(path)), _mentions(path)
    assert len(got) == len(want), f"{len(got)} rows, the TXT has {len(want)}"
    for i, (a, b) in enumerate(zip(want, got, strict=True)):
        diff = {k: (a[k], b[k]) for k in FIELDS if a[k] != b[k]}
        assert not diff, f"row {i + 1}: {diff}"


DOC_FIELDS = ("doc_type", "doc_number", "issuer", "province", "province_code", "issue_date", "year", "title", "signer",
              "n_rows", "declared_rows")


@pytest.mark.parametrize("path", [_case(p) for p in RENDERINGS if p.parent.name in ("pdf", "html", "doc")])
def test_document_fields_match_the_docx(path: Path) -> None:
    """The header block and signature (which some TXT dumps leave out) read as from the DOCX."""
    docx = CORPORA / "docx" / f"{path.name.split('.')[0]}.docx"
    want = process_file(docx, docx.name, Settings(workers=1)).document
    got = process_file(path, path.name, Settings(workers=1)).document
    diff = {k: (getattr(want, k), getattr(got, k)) for k in DOC_FIELDS if getattr(want, k) != getattr(got, k)}
    assert not diff


def _alike(a: object, b: object) -> float:
    return SequenceMatcher(None, str(a).casefold(), str(b).casefold()).ratio()


def _same(a: object, b: object) -> bool:
    """Equal as the scorer sees it: case, white space and surrounding quotes/punctuation aside."""
    def norm(v: object) -> str:
        return " ".join(str(v if v is not None else "").split()).strip(" .,;:“”\"'").casefold()

    return norm(a) == norm(b)


@pytest.mark.parametrize("path", [_case(p) for p in RENDERINGS if p.parent.name == "scan"])
def test_scanned_rendering_is_close_to_txt(path: Path) -> None:
    want, got = _mentions(_base(path)), _mentions(path)
    free = list(got)
    matched = []
    for row in want:
        for cand in free:
            if (cand["row_no"] == row["row_no"]
                    and max(_alike(cand["actor_raw"], row["actor_raw"]), _alike(cand["title"], row["title"])) >= 0.5):
                matched.append((row, cand))
                free.remove(cand)
                break
    recall = len(matched) / max(len(want), 1)
    equal = sum(_same(a[k], b[k]) for a, b in matched for k in SCORED) / max(len(want) * len(SCORED), 1)
    assert recall >= 0.95, f"rows recall {recall:.3f}"
    assert equal >= 0.85, f"fields equal {equal:.3f}"


def test_every_format_is_rendered() -> None:
    kinds = {p.parent.name for p in RENDERINGS}
    assert {"docx", "html", "pdf", "doc", "scan", "txt"} <= kinds
