"""A run's output as a deposit: Table Schemas, datapackage.json checked by the frictionless
validator, Parquet with typed columns, and the SQLite file for browsing (issue 7)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import sqlite_utils
from frictionless import validate
from small_corpus import TABLES, S, rows, small_corpus

from extractor import __version__, run
from extractor.write.datapackage import file_facts
from extractor.write.schema import SCHEMAS, write_schemas


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("dataset")
    folder = small_corpus(tmp / "in")
    (folder / "empty.pdf").write_bytes(b"")  # a failed document belongs in the package too
    out = tmp / "out"
    summary = run([folder], out, S)
    assert summary.n_failed == 1 and summary.n_mentions > 100
    return out


def test_schemas_folder_is_what_schema_py_writes(root: Path, tmp_path: Path) -> None:
    write_schemas(tmp_path)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.name for p in (root / "schemas").iterdir())
    for name in written:
        assert (root / "schemas" / name).read_text(encoding="utf-8") == (tmp_path / name).read_text(encoding="utf-8"), (
            f"schemas/{name} is stale: regenerate it with `python -m extractor.write.schema`")


def test_schemas_carry_keys_and_enumerations() -> None:
    mentions = SCHEMAS["mentions"]
    assert mentions["primaryKey"] == ["mention_id"]
    refs = {fk["reference"]["resource"] for fk in mentions["foreignKeys"]}
    assert refs == {"documents", "exemplars"}
    fields = {f["name"]: f for f in mentions["fields"]}
    assert "person" in fields["actor_kind"]["constraints"]["enum"]
    assert fields["sector"]["constraints"]["enum"][0] == "agriculture"
    assert fields["exemplar_id"]["constraints"]["required"] is True
    assert SCHEMAS["documents"]["primaryKey"] == ["doc_id", "source_path"]


def test_frictionless_validator_passes_on_the_package(dataset: Path) -> None:
    report = validate(str(dataset / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:20]
    names = {t.name for t in report.tasks}
    assert names == {*TABLES, "documents-parquet", "mentions-parquet", "exemplars-parquet", "links-parquet"}
    assert all(t.stats.get("rows", 0) == len(rows(dataset / f"{t.name}.csv")) for t in report.tasks if t.name in TABLES)


def test_datapackage_describes_the_run(dataset: Path) -> None:
    package = json.loads((dataset / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == []  # left for the depositor
    run_info = package["vn_exemplars"]
    assert run_info["tool_version"] == __version__
    assert run_info["inputs"] == [str(dataset.parent / "in")]
    assert run_info["started"] and run_info["settings"]["low_confidence"] == S.low_confidence
    assert run_info["settings_fingerprint"] == S.fingerprint()
    assert run_info["reading"] == {"read": 13, "reused": 0, "dropped": 0}
    for name in ("mentions.csv", "mentions.parquet", "exemplars.sqlite", "report.html"):
        assert run_info["files"][name] == file_facts(dataset / name)
    mentions = next(r for r in package["resources"] if r["name"] == "mentions")
    assert mentions["hash"] == file_facts(dataset / "mentions.csv")["hash"]
    assert mentions["schema"] == SCHEMAS["mentions"]


def test_validator_refuses_a_value_outside_the_schema(dataset: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(dataset, copy)
    text = (copy / "mentions.csv").read_text(encoding="utf-8")
    (copy / "mentions.csv").write_text(text.replace(",agriculture,", ",farming,", 1), encoding="utf-8")
    report = validate(str(copy / "datapackage.json"))
    errors = {row[0] for row in report.flatten(["type"])}
    assert not report.valid
    assert {"constraint-error", "hash-count"} <= errors  # the enum, and the file no longer the one described


def test_parquet_has_typed_columns(dataset: Path) -> None:
    mentions = pq.read_table(dataset / "mentions.parquet")
    assert str(mentions.schema.field("year").type) == "int64"
    assert str(mentions.schema.field("confidence").type) == "double"
    assert mentions.num_rows == len(rows(dataset / "mentions.csv"))
    documents = pq.read_table(dataset / "documents.parquet")
    assert str(documents.schema.field("issue_date").type) == "date32[day]"


def test_sqlite_holds_the_tables_with_keys_indexes_and_search(dataset: Path) -> None:
    db = sqlite_utils.Database(dataset / "exemplars.sqlite")
    for name in ("documents", "mentions", "exemplars", "links", "corrections"):
        assert db[name].count == len(rows(dataset / f"{name}.csv")), name
    mentions = db.table("mentions")
    assert mentions.pks == ["mention_id"]
    indexed = {tuple(i.columns) for i in mentions.indexes}
    assert {("doc_id",), ("exemplar_id",), ("source_path",), ("year",), ("district_code",)} <= indexed
    assert {fk.other_table for fk in mentions.foreign_keys} == {"documents", "exemplars"}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert mentions.detect_fts() == "mentions_fts" and db.table("exemplars").detect_fts() == "exemplars_fts"
    # full-text search over titles and actors, diacritics folded
    def search(query: str, column: str) -> list[str]:
        sql = (f"SELECT {column} FROM mentions WHERE rowid IN "
               "(SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)")
        return [r[0] for r in db.execute(sql, [query]).fetchall()]

    titles = search('title: "chanh leo"', "title")
    assert titles and all("chanh leo" in t.lower() for t in titles)
    actors = search('actor_name: "hop tac xa" AND actor_name: "kim boi"', "actor_name")
    assert actors and all("Hợp tác xã" in a and "Kim Bôi" in a for a in actors)
    row = db.execute("SELECT typeof(year), typeof(confidence) FROM mentions LIMIT 1").fetchone()
    assert row == ("integer", "real")


def test_licence_written_by_the_depositor_is_kept(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(dataset, out)
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    package["licenses"] = [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}]
    (out / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    run([dataset.parent / "in"], out, S)
    again = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert again["licenses"][0]["name"] == "CC-BY-4.0"
    assert validate(str(out / "datapackage.json")).valid


def test_sqlite_file_is_a_plain_database(dataset: Path) -> None:
    conn = sqlite3.connect(f"file:{dataset / 'exemplars.sqlite'}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        sql = "SELECT count(*) FROM mentions m JOIN exemplars e USING (exemplar_id)"
        assert conn.execute(sql).fetchone()[0] == len(rows(dataset / "mentions.csv"))
    finally:
        conn.close()
