"""Scale out on Dask: the same per-file work, scheduled on a dask.distributed cluster.

`--executor dask --scheduler tcp://host:8786` uses a running cluster (its workers must see the
input files at the same paths, e.g. on a shared file system); with no address a LocalCluster
of `workers` processes is started. Each file runs in a child process of the Dask worker, so the
per-file time limit and memory cap hold there too.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

from .model import Result
from .settings import Settings


def guarded(path: Path, rel: str, settings: Settings) -> Result:
    """process_file in a child process with the time limit and memory cap (runs on a Dask worker)."""
    import multiprocessing  # noqa: PLC0415

    from .execute import collect_result  # noqa: PLC0415
    from .pipeline import process_file  # noqa: PLC0415

    if multiprocessing.current_process().daemon:
        # A daemonic Dask worker may not start children (distributed.worker.daemon: true):
        # the file is read in the worker itself, without the per-file kill.
        return process_file(path, rel, settings)
    future = _pool(settings).schedule(process_file, args=(path, rel, settings), timeout=settings.file_timeout_s)
    return collect_result(future, path, rel, settings)


_POOLS: dict[str, Any] = {}


def close_pools() -> None:
    """Stop the child processes of this Dask worker (run on every worker at the end)."""
    while _POOLS:
        _, pool = _POOLS.popitem()
        pool.close()
        pool.join()


def _pool(settings: Settings) -> Any:
    """One child process per Dask worker, kept between files (recycled like local workers)."""
    from .execute import new_pool  # noqa: PLC0415

    key = settings.model_dump_json()
    if key not in _POOLS:
        _POOLS[key] = new_pool(1, settings)
    return _POOLS[key]


def run_dask(files: list[tuple[Path, str]], settings: Settings) -> Iterator[tuple[int, Result, float]]:
    import dask  # noqa: PLC0415
    from dask.distributed import Client, LocalCluster, as_completed  # noqa: PLC0415

    from .execute import failed  # noqa: PLC0415

    dask.config.set({"distributed.worker.daemon": False})  # workers may start the per-file child
    cluster = None
    if settings.scheduler:
        client = Client(settings.scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, min(settings.workers, len(files))), threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    started = time.monotonic()
    try:
        futures = [client.submit(guarded, p, rel, settings, key=f"file-{i}-{rel}", pure=False)
                   for i, (p, rel) in enumerate(files)]
        index = {f.key: i for i, f in enumerate(futures)}
        done = as_completed(futures)
        futures.clear()  # as_completed holds them now; each one given is let go, here and on the cluster
        for future in done:
            i = index.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker must not stop the batch
                path, rel = files[i]
                result = failed(path, rel, f"dask task failed: {type(exc).__name__}: {exc}")
            future.release()
            yield i, result, time.monotonic() - started
    finally:
        with suppress(OSError, TimeoutError):  # workers already gone
            client.run(close_pools)
        client.close()
        if cluster is not None:
            cluster.close()
