"""The command line as a user runs it: exit codes, JSON, missing paths, empty folders."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPORA

SEED = CORPORA / "seed" / "hoa-binh-2019-181-KH-UBND.txt"


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "extractor", *map(str, args)],
                          capture_output=True, text=True, timeout=300, check=False)


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_parse_prints_json(tmp_path: Path) -> None:
    done = cli("parse", SEED)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["document"]["doc_number"] == "181/KH-UBND"
    assert len(payload["mentions"]) == 23
    assert payload["mentions"][0]["actor_name"] == "Công an huyện Lạc Sơn"


def test_run_writes_every_table(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = cli("run", SEED, "--out", out, "--workers", "1")
    assert done.returncode == 0, done.stderr
    assert str(out.resolve()) in done.stdout
    for name in ("documents", "mentions", "exemplars", "links"):
        assert (out / f"{name}.csv").exists() and (out / f"{name}.parquet").exists()
    assert (out / "datapackage.json").exists() and (out / "report.html").exists()
    assert len(rows(out / "mentions.csv")) == 23
    assert not list(out.glob(".staging-*"))


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    done = cli("run", tmp_path / "nope", "--out", tmp_path / "out")
    assert done.returncode == 2
    assert "no such file or folder" in done.stderr
    assert cli("parse", tmp_path / "nope.txt").returncode == 2
    assert cli("run", tmp_path).returncode == 2  # --out is required


def test_empty_folder_gives_empty_tables(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    done = cli("run", tmp_path / "in", "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert rows(tmp_path / "out" / "documents.csv") == []


def test_non_plan_text_is_no_table_and_bad_file_fails(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "letter.txt").write_text("Kính gửi các đồng chí,\nHẹn gặp lại.\n", encoding="utf-8")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    done = cli("run", folder, "--out", tmp_path / "out")
    assert done.returncode == 1
    docs = {r["source_path"]: r for r in rows(tmp_path / "out" / "documents.csv")}
    assert docs["letter.txt"]["status"] == "no_table" and docs["letter.txt"]["n_rows"] == "0"
    assert docs["empty.pdf"]["status"] == "failed" and "empty" in docs["empty.pdf"]["message"]
    assert docs["seed.txt"]["status"] == "partial"


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["parse", "--help"]])
def test_every_command_has_help(args: list[str]) -> None:
    done = cli(*args)
    assert done.returncode == 0 and "Usage" in done.stdout


def test_log_has_one_json_line_per_file_and_a_fifo_fails_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(folder / "pipe.txt")
    log = tmp_path / "run.log"
    done = cli("run", folder, "--out", tmp_path / "out", "--log", log, "--workers", "2", "--timeout", "60")
    assert done.returncode == 1, done.stderr
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [e["event"] for e in events] == ["start", "file", "file", "end"]
    by_path = {e["source_path"]: e for e in events if e["event"] == "file"}
    assert by_path["seed.txt"]["n_rows"] == 23
    assert by_path["pipe.txt"]["status"] == "failed" and "not a regular file" in by_path["pipe.txt"]["message"]


def test_bad_option_values_are_usage_errors(tmp_path: Path) -> None:
    assert cli("run", SEED, "--out", tmp_path / "o", "--executor", "spark").returncode == 2
    assert cli("run", SEED, "--out", tmp_path / "o", "--workers", "0").returncode == 2


def test_a_users_change_table_places_a_unit_ours_does_not_know(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "PHỤ LỤC\n(Kèm theo Kế hoạch số 5/KH-UBND ngày 02/3/2018 của Ủy ban nhân dân tỉnh Hòa Bình)\n"
        "\tSTT\n\tTên tập thể, cá nhân\n\tMô hình, điển hình\n\n"
        "\t1\n\tHội Nông dân xã Khe Mơ, huyện Lương Sơn\n\tMô hình “Nuôi ong”\n", encoding="utf-8")
    table = tmp_path / "changes.csv"
    table.write_text(
        "level,code,name,type,parent_code,valid_from,valid_to,resolution,successor_codes,note\n"
        "commune,99901,Khe Mơ,xã,152,2000-01-01,2020-01-01,test,,a unit only this user knows\n", encoding="utf-8")
    for extra, code in (([], ""), (["--unit-changes", table], "99901")):
        out = tmp_path / f"out{len(extra)}"
        assert cli("run", plan, "--out", out, *extra).returncode == 0
        (mention,) = rows(out / "mentions.csv")
        assert (mention["commune"], mention["commune_code"], mention["district_code"]) == ("Khe Mơ", code, "152")
