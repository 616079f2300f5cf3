"""The library entry points the CLI and notebooks call: `run` a batch, `parse_file` one file.

A run into an output folder that holds an earlier run reads only the files that are new or
changed (see `extractor.store`), drops the rows of files that are gone, re-applies the
corrections made by hand (`extractor.corrections`), dedups with the earlier exemplar ids, and
writes the whole dataset anew, atomically (`extractor.write`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__, invariants
from . import corrections as hand
from .collect import Found, display, walk
from .dedup import deduplicate, previous_assignments
from .errors import UsageError
from .execute import process_all
from .model import Mention, Result
from .pipeline import not_read, process_file
from .runlog import RunLog, open_log
from .settings import Settings
from .store import DB_NAME, Cache, FileEntry, entry_for, load_entries, load_run, output_lock, read_key, result_of
from .write import recover, write_dataset

NOT_LOOKED_AT: dict[str, Any] = {"size": -1, "mtime_ns": 0, "sha256": ""}


@dataclass
class RunSummary:
    out: Path
    n_files: int = 0
    n_failed: int = 0
    n_mentions: int = 0
    n_exemplars: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    n_read: int = 0  # files read (or refused, with the reason) in this run; the others were unchanged
    n_dropped: int = 0  # files of the last run that are gone
    n_corrected: int = 0  # corrections applied

    @property
    def exit_code(self) -> int:
        return 1 if self.n_failed else 0


def parse_file(path: str | Path, settings: Settings | None = None) -> Result:
    """Extract one file: its documents row and its mentions (no dedup, nothing written)."""
    path = Path(path)
    settings = settings or Settings()
    result = process_file(path, display(path.name), settings)
    return result


def run(inputs: list[str | Path] | str | Path, out: str | Path, settings: Settings | None = None,
        progress: bool = False, *, fresh: bool = False, log: str | Path | None = None) -> RunSummary:
    """Read every file under INPUTs and write the dataset into `out`.

    Files unchanged since the last run into `out` are not read again (`fresh=True` reads all).
    Files inside `out` (its report, its review spreadsheet) are never inputs. `log` names a
    JSON-lines file that gets one event per file read, and the run's start and end.
    """
    settings = settings or Settings()
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    out = Path(out)
    files = [f for f in walk(list(inputs)) if not _inside(f.path, out)]
    with open_log(log) as events:
        events.event("start", inputs=[display(str(p)) for p in inputs], out=display(str(out)), files=len(files),
                     workers=settings.workers, executor=settings.executor)
        summary = _run(files, inputs, out, settings=settings, progress=progress, fresh=fresh, events=events)
        events.event("end", files=summary.n_files, read=summary.n_read, rows=summary.n_mentions,
                     exemplars=summary.n_exemplars, statuses=summary.statuses)
    return summary


def _run(files: list[Found], inputs: list[str | Path], out: Path, *, settings: Settings, progress: bool,
         fresh: bool, events: RunLog) -> RunSummary:
    with output_lock(out):
        recover(out)
        started = _now()
        key = read_key(settings)
        cache = Cache([]) if fresh else Cache.open(out)
        # A refused file (a link leading outside its INPUT) is not even looked at to hash it.
        found = [(None, dict(NOT_LOOKED_AT)) if f.refused else cache.find(f.path, key) for f in files]
        to_read = [(f.path, f.rel) for f, (entry, _) in zip(files, found, strict=True)
                   if entry is None and not f.refused]
        read = iter(process_all(to_read, settings, progress=progress, on_result=events.file_done))
        n_refused = sum(1 for f in files if f.refused)
        results: list[Result] = []
        entries: list[FileEntry] = []
        for ordinal, (f, (entry, facts)) in enumerate(zip(files, found, strict=True)):
            if f.refused:
                result, text = not_read(f.rel, f.refused), None
                events.file_done(result, 0.0)
            elif entry is None:
                result, text = next(read), None
            else:
                result = result_of(entry.result, f.rel)
                text = entry.result if entry.source_path == f.rel else None
            results.append(result)
            entries.append(entry_for(ordinal, f.path, result, facts, key=key, text=text, follow=not f.refused))
        run_info = {
            "inputs": [display(str(p)) for p in inputs],
            "started": started,
            "settings": settings.model_dump(mode="json", exclude={"workers"}),
            "settings_fingerprint": settings.fingerprint(),
            "read_key": key,
            "reading": {"read": len(to_read), "reused": len(files) - len(to_read) - n_refused,
                        "dropped": len(load_paths(cache.entries) - load_paths(entries)),
                        **({"refused": n_refused} if n_refused else {})},  # links and folders not followed
        }
        return _finish(out, results, entries, hand.load(out), settings=settings, run_info=run_info)


def rebuild(out: str | Path, corrections: list[hand.Correction]) -> RunSummary:
    """Write the last run's dataset again with `corrections`, reading no input file.

    The caller holds the output folder's lock (`extractor.store.output_lock`).
    """
    out = Path(out)
    last = load_run(out / DB_NAME)
    if not last:
        raise UsageError(f"no run found in {out} (no {DB_NAME}); run `exemplars run ... --out {out}` first")
    entries = load_entries(out / DB_NAME)
    settings = Settings.model_validate(last.get("settings", {}))
    run_info = {k: v for k, v in last.items() if k not in {"corrections", "tool_version"}}
    run_info.update(started=_now(), rebuilt_from="the last run's stored extraction, for new corrections",
                    reading={"read": 0, "reused": len(entries), "dropped": 0})
    return _finish(out, [result_of(e.result) for e in entries], entries, corrections, settings=settings,
                   run_info=run_info)


def _finish(out: Path, results: list[Result], entries: list[FileEntry], corrections: list[hand.Correction], *,
            settings: Settings, run_info: dict[str, Any]) -> RunSummary:
    """Corrections, dedup (ids kept from the last run), and the dataset written whole."""
    mentions = unique_mention_ids(results)
    n_applied, missing = hand.apply(mentions, corrections)
    exemplars, links = deduplicate(mentions, settings, previous_assignments(out))
    invariants.check([e.source_path for e in entries], results, mentions, exemplars)
    run_info["corrections"] = {"stored": len(corrections), "applied": n_applied, "not_applied": missing}
    run_info["tool_version"] = __version__
    write_dataset(out, [r.document for r in results], mentions, exemplars=exemplars, links=links, run=run_info,
                  corrections=corrections, files=entries)
    summary = RunSummary(out=out, n_files=len(results), n_mentions=len(mentions), n_exemplars=len(exemplars),
                         n_read=run_info["reading"]["read"] + run_info["reading"].get("refused", 0),
                         n_dropped=run_info["reading"]["dropped"],
                         n_corrected=n_applied)
    for r in results:
        summary.statuses[r.document.status] = summary.statuses.get(r.document.status, 0) + 1
    summary.n_failed = summary.statuses.get("failed", 0)
    return summary


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path` lies in `folder` (the output folder's own files are never inputs)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def load_paths(entries: list[FileEntry]) -> set[str]:
    return {e.path for e in entries}


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


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
