"""The notebooks in notebooks/ (issue 9): stored without outputs, and run top to bottom here.

The pipeline runs once over corpora/ (OCR of the scans included) into a temporary folder, and
both notebooks read that run through VN_EXEMPLARS_OUT. Without the variable a notebook runs the
pipeline itself; that path is checked on a small corpus of two text files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

from conftest import CORPORA, ROOT  # noqa: E402

from extractor import Settings, run  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
CELL_TIMEOUT = 300
IMAGES = ("image/png", "image/svg+xml")


def _read(path: Path):
    return nbformat.read(path, as_version=4)


def _execute(path: Path, monkeypatch: pytest.MonkeyPatch, out: Path):
    """Run a notebook top to bottom in its own folder, reading the run in `out`."""
    monkeypatch.setenv("VN_EXEMPLARS_OUT", str(out))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb = _read(path)
    nbclient.NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def _outputs(nb) -> list[dict]:
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]


def _html(nb) -> str:
    return "\n".join(o.get("data", {}).get("text/html", "") for o in _outputs(nb))


@pytest.fixture(scope="session")
def corpora_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("notebooks-run")
    summary = run([CORPORA], out, Settings(workers=2))
    assert summary.n_mentions > 0
    return out


def test_both_notebooks_are_there() -> None:
    assert {p.name for p in PATHS} >= {"explore.ipynb", "quality.ipynb"}


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_stored_without_outputs(path: Path) -> None:
    nb = _read(path)
    nbformat.validate(nb)
    dirty = [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
             and (cell.outputs or cell.execution_count is not None)]
    assert not dirty, (f"{path.name}: cells {dirty} hold outputs; strip them with "
                       f"`.venv/bin/nbstripout {path.relative_to(ROOT)}` before committing")


def _check_charts(nb, name: str) -> None:
    """Every cell that draws a chart shows it as an image."""
    drawing = [cell for cell in nb.cells if cell.cell_type == "code" and "plt.show()" in cell.source]
    assert drawing, f"{name} draws no chart"
    for cell in drawing:
        images = [o for o in cell.outputs if any(kind in o.get("data", {}) for kind in IMAGES)]
        assert images, f"{name}: no image from the cell starting {cell.source.splitlines()[0]!r}"


def test_explore_runs(corpora_run: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = _execute(NOTEBOOKS / "explore.ipynb", monkeypatch, corpora_run)
    _check_charts(nb, "explore.ipynb")
    html = _html(nb)
    assert 'class="entities"' in html and "PERSON" in html, "no displaCy entity rendering"
    assert 'class="spans"' in html, "no displaCy span rendering"
    text = "\n".join(o.get("text", "") for o in _outputs(nb) if o.get("output_type") == "stream")
    assert f"Using the existing run in {corpora_run}" in text
    assert "Why they are one exemplar" in text, "explain() output missing"


def test_quality_runs(corpora_run: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = _execute(NOTEBOOKS / "quality.ipynb", monkeypatch, corpora_run)
    _check_charts(nb, "quality.ipynb")
    text = "\n".join(o.get("text", "") for o in _outputs(nb) if o.get("output_type") == "stream")
    assert "default settings reproduce the run's exemplars: True" in text


def test_without_a_run_the_notebook_runs_the_pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The set-up cells of explore.ipynb in a checkout-like folder with a two-file corpus."""
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "corpora").mkdir()
    for name in ("hb-2019-181-KH-UBND.txt", "hb-2020-196-KH-UBND.txt"):
        shutil.copy(CORPORA / "dedup" / name, tmp_path / "corpora" / name)
    (tmp_path / "notebooks").mkdir()
    monkeypatch.delenv("VN_EXEMPLARS_OUT", raising=False)
    nb = _read(NOTEBOOKS / "explore.ipynb")
    setup = [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"][:2]
    client = nbclient.NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path / "notebooks")}})
    with client.setup_kernel():
        for i in setup:
            client.execute_cell(nb.cells[i], i)
    assert (tmp_path / "notebooks" / "out" / "mentions.parquet").is_file()
    text = "".join(o.get("text", "") for i in setup for o in nb.cells[i].outputs)
    assert "2 files (2 read now)" in text
