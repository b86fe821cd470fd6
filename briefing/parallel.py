"""parallel: per-article work on all cores when there are many articles, in this one process when
there are few (starting a second process costs more than it saves on a handful)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

PARALLEL_FROM = 200  # below this many articles to process, a second process costs more than it saves

J = TypeVar("J")
R = TypeVar("R")


def per_article(work: Callable[[J], R], jobs: Sequence[J], workers: int | None,
                progress: Callable[[int, int], None] | None) -> Iterator[R]:
    """work(job) for each job, results in order, reporting (done, total) as they arrive.
    `work` must be a module-level function (a worker process imports it)."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and len(jobs) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=workers, initializer=_end_with_parent, initargs=(os.getpid(),)) as pool:
            yield from _counted(pool.map(work, jobs, chunksize=max(1, len(jobs) // (workers * 8))), len(jobs), progress)
    else:
        yield from _counted(map(work, jobs), len(jobs), progress)


def _end_with_parent(parent: int) -> None:
    """In each worker: end when the main process is gone (killed with -9, it cannot tell its workers),
    so that no worker lives on holding the caller's pipes."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _counted(results: Iterable[R], total: int, progress: Callable[[int, int], None] | None) -> Iterator[R]:
    for n, result in enumerate(results, start=1):
        if progress:
            progress(n, total)
        yield result
