"""The run report: one self-contained HTML file, rendered by headless Chromium (issue 7)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from small_corpus import SEED, S, small_corpus

from extractor import run

SECTIONS = ["summary", "documents", "flagged", "charts", "by-year", "by-district", "by-sector", "dedup",
            "corrections"]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    assert found, "headless Chromium is needed for this test: sh .ci/system-deps.sh installs it"
    return found


def headless(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
         f"--user-data-dir={tmp_path / 'chromium-profile'}", *args],
        capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("report")
    folder = small_corpus(tmp / "in")
    shutil.copy(SEED, folder / "seed.txt")  # declares 28 rows, 23 found
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "letter.txt").write_text("Kính gửi các đồng chí,\nHẹn gặp lại.\n", encoding="utf-8")
    run([folder], tmp / "out", S)
    return tmp / "out" / "report.html"


def test_report_is_self_contained(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    assert "<script" not in text and not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    assert text.count("<svg") >= 4  # year, district, sector, mentions per exemplar


def test_report_renders_its_sections_in_chromium(report: Path, tmp_path: Path) -> None:
    done = headless(tmp_path, "--dump-dom", report.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    for section in SECTIONS:
        assert f'id="{section}"' in dom, section
    # per-document status and declared vs found
    assert re.search(r"empty\.pdf</td>.*?s-failed", dom, re.S)
    assert re.search(r"letter\.txt</td>.*?no_table", dom, re.S)
    assert re.search(r"seed\.txt</td>.*?23 / 28", dom, re.S)
    # rows to review, charts by year, district and sector, dedup summary
    flagged = dom.split('id="flagged"')[1].split('id="charts"')[0]
    assert "stt_written" in flagged and "no_title" in flagged
    year_chart = dom.split('id="by-year"')[1].split('id="by-district"')[0]
    assert "<rect" in year_chart and ">2019<" in year_chart and ">2023<" in year_chart
    assert "Kim Bôi (Hòa Bình)" in dom.split('id="by-district"')[1]
    assert "agriculture" in dom.split('id="by-sector"')[1]
    assert "exemplars named in two or more years" in dom.split('id="dedup"')[1]


def test_report_screenshot_shows_a_page(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    done = headless(tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", report.as_uri())
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    image = Image.open(shot).convert("L")
    assert image.size == (1200, 1600)
    dark = sum(image.histogram()[:128])
    assert dark > 2000  # text and bars were drawn, not a blank page
