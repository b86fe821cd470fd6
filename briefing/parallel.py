"""parallel: per-article work on all cores when there are many articles, in this one process when
there are few (starting a second process costs more than it saves on a handful)."""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

PARALLEL_FROM = 200  # below this many articles to process, a second process costs more than it saves
# Chosen, not left to the platform's default (fork on Linux until Python 3.14, spawn on macOS): fork
# starts a worker without importing anything again. Workers never rely on inheriting the parent's
# state: what they need beyond the job comes through `setup` (the suite runs the pool under spawn).
START_METHOD = "fork" if sys.platform == "linux" else "spawn"

J = TypeVar("J")
R = TypeVar("R")
IN_TWO_FROM = 100_000  # below this many items, forking a copy of a large process costs more than it saves
# What this process and its copy may hold together (#16: a 10,000-article folder within 1 GB). The copy
# writes to about half of the memory it shares (reference counts), so that much is counted for it.
MEMORY_BUDGET = 1 << 30


def per_article(work: Callable[[J], R], jobs: Sequence[J], workers: int | None,
                progress: Callable[[int, int], None] | None, setup: tuple[Callable[..., object], tuple[object, ...]] | None = None,
                start_method: str | None = None) -> Iterator[R]:
    """work(job) for each job, results in order, reporting (done, total) as they arrive.
    `work` and `setup`'s function must be module-level (a worker process imports them); each worker
    calls setup's function with its arguments before its first job."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and len(jobs) >= PARALLEL_FROM:
        context = multiprocessing.get_context(start_method or START_METHOD)
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker,
                                 initargs=(os.getpid(), setup)) as pool:
            yield from _counted(pool.map(work, jobs, chunksize=max(1, len(jobs) // (workers * 8))), len(jobs), progress)
    else:
        yield from _counted(_collecting(map(work, jobs)), len(jobs), progress)


def _collecting(results: Iterator[R]) -> Iterator[R]:
    """The work done in this process collects its cycles, as a worker's does (_start_worker): a folder
    read on one core left about 110 cyclic objects an article (18 MB more for 1,000 articles)."""
    was = gc.isenabled()
    gc.enable()
    try:
        yield from results
    finally:
        if not was:
            gc.disable()


def _start_worker(parent: int, setup: tuple[Callable[..., object], tuple[object, ...]] | None) -> None:
    gc.enable()  # a forked worker inherits the collector switched off (cli._main); its thousands of articles leave cycles
    _end_with_parent(parent)
    if setup:
        setup[0](*setup[1])


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


def in_two(work: Callable[[int, int], R], total: int, workers: int | None) -> tuple[R, R]:
    """work(0, half) and work(half, total), the second half in a forked copy of this process (when
    there are two cores, many items, and fork: the copy shares the parent's memory, nothing is sent
    to it), and memory for the copy within MEMORY_BUDGET. `work` must change nothing outside its result:
    what the copy changes is lost with it."""
    half = total // 2
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers < 2 or total < IN_TWO_FROM or START_METHOD != "fork" or _resident() * 3 // 2 > MEMORY_BUDGET:
        return work(0, half), work(half, total)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: its half to the pipe, then gone without running the parent's exit code
        status = 1
        try:
            os.close(read_end)
            gc.disable()  # (a collection would touch, and so copy, every page of the parent's objects)
            data = pickle.dumps(work(half, total), pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    pipe = os.fdopen(read_end, "rb")
    try:
        first = work(0, half)
        data = pipe.read()
    finally:
        pipe.close()  # (should this half fail, the copy's write fails too, and it ends)
        _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        return first, work(half, total)  # the copy failed (out of memory, killed): its half done here
    return first, pickle.loads(data)


def _resident() -> int:
    """Bytes of this process in memory (Linux, where copies are forked)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
