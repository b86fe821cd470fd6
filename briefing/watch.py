"""build --watch: rebuild whenever the config, the templates or an article changes."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

Snapshot = dict[str, tuple[float, int]]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Modification time and size of every file under the given files and folders."""
    state: Snapshot = {}
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        for path in files:
            try:
                stat = path.stat()
            except OSError:
                continue
            state[str(path)] = (stat.st_mtime, stat.st_size)
    return state


def watch(paths: Callable[[], list[Path]], rebuild: Callable[[], None], interval: float = 0.5,
          stop: Callable[[], bool] = lambda: False) -> None:
    """Call `rebuild` after every change under `paths` (asked anew each round: the config may name
    another articles folder), until `stop` says so or the user presses Ctrl-C."""
    seen = snapshot(paths())
    while not stop():
        time.sleep(interval)
        now = snapshot(paths())
        if now != seen:
            seen = now
            rebuild()
