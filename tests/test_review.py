"""The review loop: export rows to a spreadsheet, correct cells, apply; corrections outlive re-runs."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from small_corpus import S, intact, rows, small_corpus
from typer.testing import CliRunner

from extractor import run
from extractor.cli import app
from extractor.corrections import FLAG
from extractor.errors import UsageError
from extractor.review import COLUMNS, apply_file, export


@pytest.fixture
def dataset(tmp_path: Path) -> tuple[Path, Path]:
    folder, out = small_corpus(tmp_path / "in"), tmp_path / "out"
    run([folder], out, S)
    return folder, out


def by_id(out: Path) -> dict[str, dict[str, str]]:
    return {r["mention_id"]: r for r in rows(out / "mentions.csv")}


def edit_xlsx(path: Path, changes: dict[tuple[str, str], object]) -> None:
    """Set cells of the review sheet by (mention_id, column), as a person in a spreadsheet would."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        for (mention_id, column), value in changes.items():
            if row[0].value == mention_id:
                row[header.index(column)].value = value
    wb.save(path)


def test_export_writes_the_rows_that_need_a_look(dataset: tuple[Path, Path]) -> None:
    _, out = dataset
    xlsx, csv_path, n = export(out)
    want = {r["mention_id"] for r in rows(out / "mentions.csv") if r["flags"] or float(r["confidence"]) < 0.6}
    assert n == len(want) > 0
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        exported = list(csv.DictReader(fh))
    assert {r["mention_id"] for r in exported} == want
    assert list(exported[0]) == COLUMNS
    ws = load_workbook(xlsx).worksheets[0]
    assert [c.value for c in ws[1]] == COLUMNS and ws.max_row == n + 1
    assert not (out / "corrections.csv").read_text(encoding="utf-8").strip().count("\n")  # header only


def test_a_correction_survives_two_reruns(dataset: tuple[Path, Path]) -> None:
    folder, out = dataset
    xlsx, _, _ = export(out)
    target = next(r for r in rows(out / "mentions.csv") if "no_title" in r["flags"])
    mid = target["mention_id"]
    edit_xlsx(xlsx, {(mid, "title"): "Dân vận khéo  trong xây dựng nông thôn mới", (mid, "sector"): "governance",
                     (mid, "year"): 2022})
    done = apply_file(xlsx, out)
    assert len(done.new) == 3 and done.summary is not None and done.summary.n_corrected == 3
    for attempt in range(3):  # right after apply, then after two runs (the second reads every file again)
        row = by_id(out)[mid]
        assert (row["title"], row["sector"], row["year"]) == (
            "Dân vận khéo trong xây dựng nông thôn mới", "governance", "2022"), attempt
        assert FLAG in row["flags"].split(";") and "no_title" in row["flags"]
        stored = {(r["mention_id"], r["column"]): r for r in rows(out / "corrections.csv")}
        assert stored[(mid, "title")]["was"] == "" and stored[(mid, "sector")]["was"] == target["sector"]
        assert intact(out)
        if attempt < 2:
            summary = run([folder], out, S, fresh=attempt == 1)
            assert summary.n_corrected == 3
    assert sum(FLAG in r["flags"] for r in rows(out / "mentions.csv")) == 1


def test_apply_reads_csv_and_refuses_bad_values(dataset: tuple[Path, Path]) -> None:
    _, out = dataset
    _, csv_path, _ = export(out)
    before = (out / "mentions.csv").read_bytes()
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        exported = list(csv.DictReader(fh))
    exported[0]["sector"] = "farming"
    exported[1]["district_code"] = "4975"
    exported[2]["year"] = "twenty"
    exported[3]["flags"] = "ignored: a context column"
    bad = out.parent / "bad.csv"
    with bad.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(exported)
    with pytest.raises(UsageError) as caught:
        apply_file(bad, out)
    message = str(caught.value)
    assert "sector must be one of" in message and "district_code '4975'" in message and "whole number" in message
    assert (out / "mentions.csv").read_bytes() == before
    assert rows(out / "corrections.csv") == []
    # the good cells alone are stored
    exported[0]["sector"], exported[1]["district_code"], exported[2]["year"] = "culture_tourism", "", "2023"
    with bad.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(exported)
    done = apply_file(bad, out)
    changed = {(c.mention_id, c.column) for c in done.new}
    assert (exported[0]["mention_id"], "sector") in changed and len(changed) <= 3
    assert all(c.column != "flags" for c in done.new)
    # applying the same file again changes nothing
    assert apply_file(bad, out).summary is None


def test_a_correction_waits_while_its_row_is_gone(dataset: tuple[Path, Path]) -> None:
    folder, out = dataset
    xlsx, _, _ = export(out)
    target = next(r for r in rows(out / "mentions.csv") if r["flags"])
    edit_xlsx(xlsx, {(target["mention_id"], "actor_name"): "Hợp tác xã Thử nghiệm"})
    apply_file(xlsx, out)
    kept = folder.parent / "kept"
    kept.mkdir()
    shutil.move(folder / target["source_path"], kept / target["source_path"])
    summary = run([folder], out, S)
    assert summary.n_corrected == 0 and target["mention_id"] not in by_id(out)
    assert [r["mention_id"] for r in rows(out / "corrections.csv")] == [target["mention_id"]]
    assert "Not applied" in (out / "report.html").read_text(encoding="utf-8")
    shutil.move(kept / target["source_path"], folder / target["source_path"])
    assert run([folder], out, S).n_corrected == 1
    assert by_id(out)[target["mention_id"]]["actor_name"] == "Hợp tác xã Thử nghiệm"


def test_review_commands(dataset: tuple[Path, Path]) -> None:
    _, out = dataset

    def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "extractor", *map(str, args)],
                              capture_output=True, text=True, timeout=120, check=False)

    done = cli("review", "export", "--out", out)
    assert done.returncode == 0 and "rows to review" in done.stdout, done.stderr
    xlsx = out / "review.xlsx"
    first = load_workbook(xlsx).worksheets[0].cell(row=2, column=1).value
    edit_xlsx(xlsx, {(str(first), "honorific"): "Bà"})
    done = cli("review", "apply", xlsx, "--out", out)
    assert done.returncode == 0 and "1 corrections stored" in done.stdout, done.stderr
    assert by_id(out)[str(first)]["honorific"] == "Bà"
    edit_xlsx(xlsx, {(str(first), "honorific"): "Cô"})
    done = cli("review", "apply", xlsx, "--out", out)
    assert done.returncode == 2 and "honorific must be one of" in done.stderr
    assert cli("review", "apply", out / "nope.xlsx", "--out", out).returncode == 2
    for args in (["review", "--help"], ["review", "export", "--help"], ["review", "apply", "--help"]):
        helped = CliRunner().invoke(app, args)
        assert helped.exit_code == 0 and "Usage" in helped.output


def test_issue_10_text_starting_with_equals_is_not_a_formula(tmp_path: Path) -> None:
    from extractor.review import COLUMNS, _write_xlsx

    row = dict.fromkeys(COLUMNS, "")
    row.update(mention_id="m-0001", title='=HYPERLINK("http://x","y")', actor_raw="=1+1")
    _write_xlsx(tmp_path / "r.xlsx", [row], 0.6)
    cells = [c for r in load_workbook(tmp_path / "r.xlsx").worksheets[0].iter_rows() for c in r]
    assert not any(c.data_type == "f" for c in cells)
    assert any(c.value == "=1+1" for c in cells)
