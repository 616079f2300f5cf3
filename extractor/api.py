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
from .dedup import forget, mention_block
from .dedup.places import change_table
from .dedup.spilled import deduplicate_spill
from .errors import UsageError
from .execute import iter_results
from .model import Result
from .pipeline import not_read, process_file
from .runlog import RunLog, open_log
from .settings import DATA, Settings
from .spill import SPILL_NAME, Spill
from .store import DB_NAME, Cache, entry_for, iter_entries, load_run, output_lock, read_key, result_of
from .write import recover, staging, write_dataset

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
        n_refused = sum(1 for f in files if f.refused)
        with staging(out) as folder:
            spill = Spill(folder / SPILL_NAME)
            try:
                unread = []  # ordinals of the files to read, in the order of `to_read`
                for ordinal, (f, (entry, facts)) in enumerate(zip(files, found, strict=True)):
                    if f.refused:
                        result, text = not_read(f.rel, f.refused), None
                        events.file_done(result, 0.0)
                    elif entry is None:
                        unread.append(ordinal)
                        continue
                    else:
                        stored = cache.text(entry)
                        result = result_of(stored, f.rel)
                        text = stored if entry.source_path == f.rel else None
                    spill.add(ordinal, result, entry_for(ordinal, f.path, result, facts, key=key, text=text,
                                                         follow=not f.refused))
                cache.close()
                # as files finish, in any order: a result goes to the spill, not into a list
                for i, result in iter_results(to_read, settings, progress=progress, on_result=events.file_done):
                    ordinal = unread[i]
                    spill.add(ordinal, result, entry_for(ordinal, files[ordinal].path, result, found[ordinal][1],
                                                         key=key))
                run_info = {
                    "inputs": [display(str(p)) for p in inputs],
                    "started": started,
                    "settings": settings.model_dump(mode="json", exclude={"workers"}),
                    "settings_fingerprint": settings.fingerprint(),
                    "read_key": key,
                    "reading": {"read": len(to_read), "reused": len(files) - len(to_read) - n_refused,
                                "dropped": len(set(cache.by_path) - set(spill.paths())),
                                **({"refused": n_refused} if n_refused else {})},  # links and folders not followed
                }
                return _finish(out, folder, spill, hand.load(out), settings=settings, run_info=run_info)
            finally:
                cache.close()
                spill.close()


def rebuild(out: str | Path, corrections: list[hand.Correction]) -> RunSummary:
    """Write the last run's dataset again with `corrections`, reading no input file.

    The caller holds the output folder's lock (`extractor.store.output_lock`).
    """
    out = Path(out)
    last = load_run(out / DB_NAME)
    if not last:
        raise UsageError(f"no run found in {out} (no {DB_NAME}); run `exemplars run ... --out {out}` first")
    settings = Settings.model_validate(last.get("settings", {}))
    run_info = {k: v for k, v in last.items() if k not in {"corrections", "tool_version"}}
    with staging(out) as folder:
        spill = Spill(folder / SPILL_NAME)
        try:
            for entry in iter_entries(out / DB_NAME):
                spill.add(entry.ordinal, result_of(entry.result), entry)
            run_info.update(started=_now(), rebuilt_from="the last run's stored extraction, for new corrections",
                            reading={"read": 0, "reused": spill.count("files"), "dropped": 0})
            return _finish(out, folder, spill, corrections, settings=settings, run_info=run_info)
        finally:
            spill.close()


def _finish(out: Path, folder: Path, spill: Spill, corrections: list[hand.Correction], *,
            settings: Settings, run_info: dict[str, Any]) -> RunSummary:
    """Corrections, dedup (ids kept from the last run), and the dataset written whole."""
    spill.number_copies()
    repeated = spill.repeated_mention_ids()
    if repeated:
        raise invariants.InvariantError(f"repeated mention ids (a bug, please report): {repeated}")
    n_applied, missing = _prepare(spill, corrections, settings)
    spill.load_previous(out / "mentions.csv")
    deduplicate_spill(spill, settings)
    run_info["corrections"] = {"stored": len(corrections), "applied": n_applied, "not_applied": missing}
    run_info["tool_version"] = __version__
    summary = RunSummary(out=out, n_files=spill.count("documents"), n_mentions=spill.count("mentions"),
                         n_exemplars=spill.count("ids"), n_read=run_info["reading"]["read"]
                         + run_info["reading"].get("refused", 0), n_dropped=run_info["reading"]["dropped"],
                         n_corrected=n_applied, statuses=spill.statuses())
    summary.n_failed = summary.statuses.get("failed", 0)
    write_dataset(out, folder, spill, run=run_info, corrections=corrections)
    return summary


def _prepare(spill: Spill, corrections: list[hand.Correction], settings: Settings) -> tuple[int, list[str]]:
    """The corrections set on their mentions, and each mention's province for dedup: a chunk of
    mentions at a time. The number applied, and the mention ids of those not applied."""
    changes = change_table(str(DATA / "unit_changes.csv"), str(settings.unit_changes or ""))
    by_id: dict[str, list[hand.Correction]] = defaultdict(list)
    for c in corrections:
        by_id[c.mention_id].append(c)
    applied, missing, seen = 0, set[str](), set[str]()
    for chunk in spill.mention_chunks():
        corrected = []
        for seq, m in chunk:
            if m.mention_id in by_id:
                n, left = hand.apply([m], by_id[m.mention_id])
                applied += n
                missing.update(left)
                seen.add(m.mention_id)
                corrected.append((seq, m))
        spill.update_mentions(corrected)
        spill.set_blocks([(seq, mention_block(m, changes)) for seq, m in chunk])  # after the corrections
        forget(settings)  # the chunk's places: the next chunk is other files
    missing.update(i for i in by_id if i not in seen)
    return applied, sorted(missing)


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path` lies in `folder` (the output folder's own files are never inputs)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
