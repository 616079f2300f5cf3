"""The tables' columns as Frictionless Table Schemas: the one place column types live.

`schemas/*.schema.json` are written from here (`python -m extractor.write.schema`), and a
test keeps them in step. `corrections` is the review loop's table (`exemplars review`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..tag.sector import SECTORS

KINDS = ["person", "household", "group", "organization"]
FORMATS = ["pdf", "pdf-ocr", "docx", "doc", "html", "txt", ""]
STATUSES = ["ok", "partial", "no_table", "failed"]
HAMLET_TYPES = ["xóm", "thôn", "bản", "ấp", "khóm", "khu", "tiểu khu", "khu phố", "tổ dân phố", "tổ", "buôn"]
COMMUNE_TYPES = ["xã", "phường", "thị trấn"]
DISTRICT_TYPES = ["huyện", "quận", "thị xã", "thành phố"]


def _f(name: str, type_: str = "string", desc: str = "", **constraints: Any) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": type_}
    if desc:
        field["description"] = desc
    if constraints:
        field["constraints"] = constraints
    return field


def _enum(values: list[str]) -> list[str]:
    return [*values, ""] if "" not in values else values


DOCUMENTS: dict[str, Any] = {
    "fields": [
        _f("doc_id", desc="first 16 hex digits of the file's SHA-256", required=True),
        _f("source_path", desc="path relative to the INPUT it was found under", required=True),
        _f("format", desc="pdf, pdf-ocr, docx, doc, html, txt", enum=FORMATS),
        _f("doc_type", desc="Kế hoạch, Quyết định, ... as the document names itself"),
        _f("doc_number", desc="the số hiệu, e.g. 181/KH-UBND"),
        _f("issuer", desc="e.g. UBND tỉnh Hòa Bình"),
        _f("province", desc="the issuer's province"),
        _f("province_code", desc="its GSO code"),
        _f("issue_date", "date", "ISO date"),
        _f("year", "integer"),
        _f("title", desc="the trích yếu"),
        _f("signer"),
        _f("n_rows", "integer", "appendix rows extracted", required=True, minimum=0),
        _f("declared_rows", "integer", "rows the section headers declare"),
        _f("status", desc="ok, partial, no_table, failed", required=True, enum=STATUSES),
        _f("message", desc="why, for any status but ok"),
    ],
    "primaryKey": ["doc_id", "source_path"],
}

MENTIONS: dict[str, Any] = {
    "fields": [
        _f("mention_id", desc="stable: the same row of the same file keeps its id", required=True),
        _f("doc_id", required=True),
        _f("source_path", required=True),
        _f("year", "integer"),
        _f("section_kind", desc="mô hình or điển hình", enum=["mô hình", "điển hình", ""]),
        _f("section_label", desc="the section as written: I, II, A, B"),
        _f("group", desc="the sub-section the row sits in"),
        _f("row_no", "integer", "the STT"),
        _f("actor_raw", desc="the actor cell as written"),
        _f("actor_kind", enum=_enum(KINDS)),
        _f("actor_name"),
        _f("honorific", enum=["Ông", "Bà", ""]),
        _f("person_name"),
        _f("hamlet"),
        _f("hamlet_type", enum=_enum(HAMLET_TYPES)),
        _f("commune"),
        _f("commune_type", enum=_enum(COMMUNE_TYPES)),
        _f("district"),
        _f("district_type", enum=_enum(DISTRICT_TYPES)),
        _f("province"),
        _f("commune_code", desc="GSO code on the document's date", pattern=r"^(\d{5})?$"),
        _f("district_code", pattern=r"^(\d{3})?$"),
        _f("province_code", pattern=r"^(\d{2})?$"),
        _f("province_code_2025", pattern=r"^(\d{2})?$"),
        _f("commune_code_2025", pattern=r"^(\d{5})?$"),
        _f("title"),
        _f("description"),
        _f("sector", enum=list(SECTORS)),
        _f("page", "integer"),
        _f("line", "integer"),
        _f("confidence", "number", minimum=0, maximum=1),
        _f("flags", desc="';'-separated warnings"),
        _f("exemplar_id", required=True),
    ],
    "primaryKey": ["mention_id"],
    "foreignKeys": [
        {"fields": ["doc_id", "source_path"],
         "reference": {"resource": "documents", "fields": ["doc_id", "source_path"]}},
        {"fields": ["exemplar_id"], "reference": {"resource": "exemplars", "fields": ["exemplar_id"]}},
    ],
}

EXEMPLARS: dict[str, Any] = {
    "fields": [
        _f("exemplar_id", required=True),
        _f("actor_kind", enum=_enum(KINDS)),
        _f("actor_name"),
        _f("person_name"),
        _f("title"),
        _f("province"),
        _f("province_code"),
        _f("district"),
        _f("district_code"),
        _f("commune"),
        _f("commune_code"),
        _f("first_year", "integer"),
        _f("last_year", "integer"),
        _f("years", desc="';'-separated years"),
        _f("n_mentions", "integer", required=True, minimum=1),
        _f("mention_ids", desc="';'-separated mention ids"),
    ],
    "primaryKey": ["exemplar_id"],
}

LINKS: dict[str, Any] = {
    "fields": [
        _f("mention_a", required=True),
        _f("mention_b", required=True),
        _f("actor_score", "number", "rapidfuzz 0-100: person names by ratio, unit names by token order"),
        _f("title_score", "number", "rapidfuzz 0-100; empty when a title is missing"),
        _f("place", desc="same, merged (alike through the change table), compatible (no level both state) "
                         "or different", enum=["same", "merged", "compatible", "different"]),
        _f("decision", desc="link (this pair joined the exemplar) or apart", enum=["link", "apart"]),
        _f("reason", desc="the rule that decided, with its evidence"),
        _f("exemplar_id", desc="the exemplar both belong to; empty when they are in different exemplars"),
    ],
    "primaryKey": ["mention_a", "mention_b"],
    "foreignKeys": [
        {"fields": ["mention_a"], "reference": {"resource": "mentions", "fields": ["mention_id"]}},
        {"fields": ["mention_b"], "reference": {"resource": "mentions", "fields": ["mention_id"]}},
    ],
}

# Columns of `mentions` a person may correct through `exemplars review` (ids, provenance and the
# tool's own judgement -- confidence, flags, exemplar_id -- are not).
NOT_EDITABLE = ("mention_id", "doc_id", "source_path", "page", "line", "confidence", "flags", "exemplar_id")
EDITABLE = [f["name"] for f in MENTIONS["fields"] if f["name"] not in NOT_EDITABLE]

CORRECTIONS: dict[str, Any] = {
    "fields": [
        _f("mention_id", desc="the corrected row; kept even when the row is gone from the data", required=True),
        _f("column", desc="the corrected column of mentions", required=True, enum=EDITABLE),
        _f("value", desc="the value a person gave (empty: not stated)"),
        _f("was", desc="the value in the dataset when the correction was made"),
        _f("corrected_on", "date", "the day the correction was stored"),
    ],
    "primaryKey": ["mention_id", "column"],
}

SCHEMAS: dict[str, dict[str, Any]] = {
    "documents": DOCUMENTS, "mentions": MENTIONS, "exemplars": EXEMPLARS, "links": LINKS,
    "corrections": CORRECTIONS,
}


def columns(table: str) -> list[str]:
    return [f["name"] for f in SCHEMAS[table]["fields"]]


def types(table: str) -> dict[str, str]:
    return {f["name"]: f["type"] for f in SCHEMAS[table]["fields"]}


def write_schemas(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in SCHEMAS.items():
        text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        (folder / f"{name}.schema.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_schemas(Path(__file__).resolve().parents[2] / "schemas")
