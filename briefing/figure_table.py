"""figure_table: the figures a section found, as the rows of its table: one per value and claimant
as first reported, the newest kept when there are too many, rows of one quantity together and oldest
first, and where sources give different values at about the same time."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from .figures import Found
from .models import Citation, Figure, Sentence

MAX_FIGURES = 20  # a table longer than this is not read; the rest is in the sources
SAME_TIME_DAYS = 7  # figures of one quantity reported this close together should agree


def figure_table(sentences: Sequence[Sentence], found: Sequence[Found], cited: set[str],
                 limit: int = MAX_FIGURES) -> tuple[list[Figure], int]:
    """The rows of the table, and how many were left out: one per figure and claimant, as first
    reported; when there are too many, those of the sources the brief quotes and the newest. Rows of
    one quantity stand together, oldest first, so that a trend reads top to bottom."""
    def published(f: Found) -> dt.date:
        return sentences[f.sentence].article.published or _NEVER

    seen: set[tuple[str, float | None, float, str]] = set()
    rows: dict[tuple[float | None, float, str, str, str | None], Figure] = {}
    for f in sorted(found, key=lambda f: (published(f) == _NEVER, published(f), sentences[f.sentence].article.id)):
        sentence = sentences[f.sentence]
        if (sentence.article.id, f.low, f.high, f.kind) in seen:
            continue  # an article that repeats its figure gives it once
        seen.add((sentence.article.id, f.low, f.high, f.kind))
        who = f.who
        row = (f.low, f.high, f.kind, f.quantity, who)
        if row in rows:
            continue  # told before: the first report stands (most figures of a large folder are repeats)
        rows[row] = Figure(
            value=sentence.text[f.start : f.end], low=_number(f.low), high=_number(f.high), kind=f.kind, bound=f.bound,
            counts=f.noun or None, quantity=f.quantity, source=sentence.article.id, published=sentence.article.published,
            attribution=who,
            excerpt=Citation(source=sentence.article.id, start=sentence.start, end=sentence.end, text=sentence.text))
    kept = sorted(rows.values(), key=lambda r: (r.source not in cited, -(r.published or _NEVER).toordinal()))[:limit]
    order = {q: n for n, q in enumerate(dict.fromkeys(r.quantity for r in kept))}
    return sorted(kept, key=lambda r: (order[r.quantity], r.published is None, r.published, r.high, r.source)), \
        len(rows) - len(kept)


_NEVER = dt.date(1, 1, 1)


def _number(value: float | None) -> int | float | None:
    return None if value is None else int(value) if value == int(value) else value


# A figure told as what a count has risen to ("Die Zahl der Toten ist auf 205 gestiegen", "the death toll
# rose to 217") is the newest state of a count that changes, not a claim against the others
_RISEN = re.compile(r"\b(?:gestiegen|angestiegen|steigt|stieg|gewachsen|wuchs|erhöht|rose|risen|rises|climbed|"
                    r"increased|jumped|grew|grown)\b")


def spreads(rows: Sequence[Figure]) -> list[tuple[str, float, float, int]]:
    """Where sources disagree: for each quantity, totals reported within SAME_TIME_DAYS of each other
    by two parties or more (a claimant, else a source) of two sources or more with different values,
    as (quantity, lowest, highest, sources): one article that tells how a figure grew is no dispute, nor
    are reports of what a count has risen to. A party that gives several values of one quantity speaks
    of several things (a plant and the whole firm), not of one it disputes."""
    found = []
    for quantity in dict.fromkeys(r.quantity for r in rows):
        totals = [r for r in rows if r.quantity == quantity and r.kind in ("count", "range", "upper-bound")
                  and r.published is not None and not _RISEN.search(r.excerpt.text)]
        best: tuple[float, float, int] | None = None
        for first in totals:
            assert first.published is not None
            values: dict[str, set[float]] = {}
            for r in totals:
                assert r.published is not None
                if 0 <= (r.published - first.published).days <= SAME_TIME_DAYS:
                    values.setdefault(r.attribution or r.source, set()).add(r.high)
            single = {party: next(iter(vs)) for party, vs in values.items() if len(vs) == 1}
            sources = {r.source for r in totals if (r.attribution or r.source) in single}
            if len(sources) >= 2 and len(set(single.values())) >= 2 and (
                    best is None or max(single.values()) - min(single.values()) > best[1] - best[0]):
                best = (min(single.values()), max(single.values()), len(sources))
        if best:
            found.append((quantity, *best))
    return found
