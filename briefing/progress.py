"""progress: how the command shows a long run's progress (cli.py's; the stages only call back with
(done, total) and never print)."""

from __future__ import annotations

import sys
from collections.abc import Callable


def terminal_progress(label: str) -> Callable[[int, int], None]:
    """A progress bar with counts and time left on a terminal; a line every tenth otherwise.
    The callable takes (done, total)."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar: list[tqdm] = []

        def update(n: int, total: int) -> None:
            if not bar:
                bar.append(tqdm(total=total, desc=label, unit="article", file=sys.stderr, leave=False))
            bar[0].update(n - bar[0].n)
            if n == total:
                bar[0].close()

        return update

    told = [0]  # tenths reported so far

    def line(n: int, total: int) -> None:
        if total >= 100 and (n * 10 // total > told[0] or n == total):
            told[0] = n * 10 // total
            print(f"{label}: {n}/{total} articles", file=sys.stderr)

    return line
