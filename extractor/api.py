"""The library entry points the CLI and notebooks call: `run` a batch, `parse_file` one file."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .collect import collect
from .dedup import deduplicate
from .execute import process_all
from .model import Mention, Result
from .pipeline import process_file
from .settings import Settings
from .write import write_dataset


@dataclass
class RunSummary:
    out: Path
    n_files: int = 0
    n_failed: int = 0
    n_mentions: int = 0
    n_exemplars: int = 0
    statuses: dict[str, int] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return 1 if self.n_failed else 0


def parse_file(path: str | Path, settings: Settings | None = None) -> Result:
    """Extract one file: its documents row and its mentions (no dedup, nothing written)."""
    path = Path(path)
    settings = settings or Settings()
    result = process_file(path, path.name, settings)
    return result


def run(inputs: list[str | Path] | str | Path, out: str | Path, settings: Settings | None = None,
        progress: bool = False) -> RunSummary:
    """Read every file under INPUTs and write the dataset into `out`."""
    settings = settings or Settings()
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    files = collect(list(inputs))
    results = process_all(files, settings, progress=progress)
    mentions = unique_mention_ids(results)
    exemplars, links = deduplicate(mentions)
    run_info = {
        "inputs": [str(p) for p in inputs],
        "started": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "settings": settings.model_dump(mode="json", exclude={"workers"}),
        "settings_fingerprint": settings.fingerprint(),
    }
    out = Path(out)
    write_dataset(out, [r.document for r in results], mentions, exemplars=exemplars, links=links, run=run_info)
    summary = RunSummary(out=out, n_files=len(results), n_mentions=len(mentions), n_exemplars=len(exemplars))
    for r in results:
        summary.statuses[r.document.status] = summary.statuses.get(r.document.status, 0) + 1
    summary.n_failed = summary.statuses.get("failed", 0)
    return summary


def unique_mention_ids(results: list[Result]) -> list[Mention]:
    """Mentions of all files; copies of one file under other names get suffixed ids."""
    by_doc: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_doc[r.document.doc_id].append(r)
    for group in by_doc.values():
        group.sort(key=lambda r: r.document.source_path)
        for k, r in enumerate(group[1:], start=1):
            for m in r.mentions:
                m.mention_id = m.mention_id.replace("-", f"~{k}-", 1)
    return [m for r in results for m in r.mentions]
