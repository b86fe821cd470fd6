"""build --watch: rebuild whenever the config, the templates or an article changes."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

Snapshot = dict[str, tuple[float, int]]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Modification time and size of every file under the given files and folders."""
    state: Snapshot = {}
    for root in paths:
        for path in _files(root):
            try:
                stat = path.stat()
            except OSError:
                continue  # gone since it was listed
            state[repr(str(path))] = (stat.st_mtime, stat.st_size)  # (repr: a name with surrogates is a key too)
    return state


def _files(root: Path) -> list[Path]:
    """The files under `root`, listed with os.walk: folders created and deleted while it looks, and
    names that are no valid text, are no reason to stop watching."""
    if root.is_file():
        return [root]
    found = []
    for folder, _, names in os.walk(root, onerror=lambda _: None):
        found += [Path(folder) / name for name in names]
    return sorted(found)


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
