"""corroboration: a section's units become excerpts (neighbours merged), the same fact told by several
sources becomes one excerpt citing them all, and the excerpts are ordered so that a cap costs
restatements first."""

from __future__ import annotations

import heapq
import math
import operator
from collections import Counter
from collections.abc import Sequence

from .language import Word, number_value, words
from .models import Citation, Excerpt, Sentence
from .units import Grouping

MAX_EXCERPT_CHARS = 900
SAME_FACT = 0.5  # share of content words above which two excerpts tell the same thing
# ... or, when both give the same exact figure ("974.136 Menschen"), this share: a figure of three or
# more significant digits is not a chance match, it is one statistic told twice
SAME_FIGURE_FACT = 0.25
MAX_CORROBORATIONS = 10  # other sources quoted with an excerpt; the rest are counted
REPEAT_COST = 0.5  # how much of its score an excerpt loses for repeating what an earlier one said

Gist = tuple[frozenset[str], frozenset[int]]  # an excerpt's content words and figures
Candidate = tuple[int, float, list[str]]  # a unit chosen for a section (its position), its score and the labels it matched


def merge_neighbours(chosen: list[Candidate], best: int, grouping: Grouping, sentences: Sequence[Sentence]) -> list[Excerpt]:
    """Units of one section that follow each other directly become one excerpt; the `best` of
    them, best first. (A large folder has hundreds of thousands of candidates: they are positions
    of units until they are among the best.)"""
    positions = [c[0] for c in chosen]
    if not all(map(operator.lt, positions, positions[1:])):  # (select gives them in order)
        chosen = sorted(chosen, key=lambda c: c[0])
    starts, follows = grouping.starts, grouping.follows
    groups: list[list[Candidate]] = []
    last: list[Candidate] = []
    begin, previous = 0, -2
    for item in chosen:
        u = item[0]
        if u == previous + 1 and follows[starts[u]] and sentences[starts[u + 1] - 1].end - begin <= MAX_EXCERPT_CHARS:
            last.append(item)
        else:
            last = [item]
            groups.append(last)
            begin = sentences[starts[u]].start
        previous = u
    # ranked by score, then by where they are. A large folder has a hundred thousand groups: only those
    # scored at least as well as the best-th are placed and sorted.
    scores = list(map(_group_score, groups))
    floor = heapq.nlargest(best, scores)[-1] if 0 < best < len(scores) else -math.inf
    firsts = {at: sentences[starts[groups[at][0][0]]] for at, score in enumerate(scores) if score >= floor}
    ranked = sorted((-scores[at], first.article.id, first.index, at) for at, first in firsts.items())[:best]
    return [_excerpt(groups[at], firsts[at], sentences[starts[groups[at][-1][0] + 1] - 1]) for *_, at in ranked]


def _group_score(group: list[Candidate]) -> float:
    if len(group) == 1:  # (most are one unit)
        return group[0][1]
    return max(s for _, s, _ in group) + 0.25 * (len(group) - 1)


def _excerpt(group: list[Candidate], first: Sentence, last: Sentence) -> Excerpt:
    article = first.article
    text = article.text[first.start : last.end]
    score = _group_score(group)
    matched = list(dict.fromkeys(label for _, _, labels in group for label in labels))
    matched = [m for m in matched if not (m.endswith("?") and m[:-1] in matched)]  # asserted somewhere
    return Excerpt(source=article.id, start=first.start, end=last.end, text=text, score=round(score, 3),
                   matched=matched, attribution=None, corroborations=0)


def _content(found: Sequence[Word]) -> frozenset[str]:
    """The words that carry content: four letters or more, and figures."""
    return frozenset(min(keys) for w, keys in found if len(w) >= 4 or w[:1].isdigit())


def where(excerpt: Excerpt) -> tuple[str, int]:
    return excerpt.source, excerpt.start


def gist_of(excerpt: Excerpt, languages: dict[str, str | None]) -> tuple[frozenset[str], frozenset[int]]:
    """What tells whether two excerpts report the same thing: their content words and their figures."""
    found = words(excerpt.text, languages[excerpt.source])
    return _content(found), frozenset(v for w, _ in found if (v := number_value(w)) is not None and v >= 100
                                      and not (1900 <= v <= 2100 and len(w) == 4))  # a year is a date, not a figure


def _exact(figures: frozenset[int]) -> frozenset[int]:
    """The figures precise enough to identify a statistic: 974136 or 46081, not 10000 or 1500."""
    return frozenset(v for v in figures if len(str(v).rstrip("0")) >= 3)


def deduplicate(excerpts: list[Excerpt], gist: dict[tuple[str, int], Gist],
                 rarity: dict[str, float], enough: int) -> list[Excerpt]:
    """The same fact from several sources: keep the best-scored telling, cite the others with it.
    Two excerpts tell the same fact when most of the rarer words of the shorter one recur in the
    other: words found everywhere (Nordkorea, Soldaten) prove nothing, a shared figure a lot.
    Excerpts that give different figures disagree: they are both shown, never folded."""
    def mass(content: frozenset[str]) -> float:
        return sum(rarity.get(w, 1.0) for w in content)

    kept: list[tuple[Excerpt, frozenset[str], frozenset[int], float]] = []
    for ex in excerpts:  # best first
        if len(kept) >= enough:
            break
        content, figures = gist[where(ex)]
        weight = mass(content)
        for i, (other, other_content, other_figures, other_weight) in enumerate(kept):
            smaller = min(weight, other_weight)
            same = SAME_FIGURE_FACT if _exact(figures & other_figures) else SAME_FACT
            if (other.source != ex.source and (figures <= other_figures or other_figures <= figures)
                    and smaller and mass(content & other_content) / smaller >= same):
                listed = other.corroborated_by
                if len(listed) < MAX_CORROBORATIONS and all(c.source != ex.source for c in listed):
                    listed = [*listed, Citation(source=ex.source, start=ex.start, end=ex.end, text=ex.text)]
                update = {"corroborated_by": listed, "corroborations": other.corroborations + 1}
                kept[i] = (other.model_copy(update=update), other_content, other_figures, other_weight)
                break
        else:
            kept.append((ex, content, figures, weight))
    return [ex for ex, _, _, _ in kept]


def rarity_of(units: list[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of each content word over the units (given as their content words)."""
    df: Counter[str] = Counter()
    for content in units:
        df.update(content)
    n = len(units) + 1
    return {w: math.log(n / (c + 0.5)) for w, c in df.items()}


def order(excerpts: list[Excerpt], gist: dict[tuple[str, int], Gist],
           rarity: dict[str, float]) -> list[Excerpt]:
    """Most relevant first; but a source already quoted yields to another of similar weight, and an
    excerpt that repeats much of what an earlier one said (its rarer words) yields to one that says
    something new, so that a cap costs restatements first."""
    def told(ex: Excerpt) -> dict[str, float]:
        return {w: rarity.get(w, 1.0) for w in gist[where(ex)][0]}

    def overlap(a: dict[str, float], b: dict[str, float]) -> float:
        return sum(min(a[k], b[k]) for k in a.keys() & b.keys()) / (min(sum(a.values()), sum(b.values())) or 1.0)

    remaining = sorted(excerpts, key=lambda e: (-e.score, e.source, e.start))
    words = {id(e): told(e) for e in remaining}
    repeats = {id(e): 0.0 for e in remaining}  # the most of each that an excerpt already ordered said
    ordered: list[Excerpt] = []
    used: Counter[str] = Counter()
    while remaining:
        pick = max(remaining, key=lambda e: e.score * (0.85 ** used[e.source]) * (1.0 - REPEAT_COST * repeats[id(e)]))
        remaining.remove(pick)
        ordered.append(pick)
        used[pick.source] += 1
        for e in remaining:
            repeats[id(e)] = max(repeats[id(e)], overlap(words[id(e)], words[id(pick)]))
    return ordered
