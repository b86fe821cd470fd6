"""units: sentences grouped so that each group can be quoted on its own, and what surrounds a group
(the sentences just before it, what its article is about); and the tails of pages that are another
story."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .concepts import Concepts
from .models import TAIL, TAIL_HEADING, Article, Readings, Sentence, Span
from .reading import heads_of
from .terms import ids, mask

MAX_UNIT_SENTENCES = 4
MIN_CONCEPTS = 2  # one matching word is chance; two concepts make a sentence about a section


class Unit(NamedTuple):  # a tuple: a large folder has hundreds of thousands
    """One or more consecutive sentences that can be quoted without what came before."""

    sentences: tuple[Sentence, ...]

    @property
    def article(self) -> str:
        return self.sentences[0].article.id

    @property
    def text(self) -> str:
        first, last = self.sentences[0], self.sentences[-1]
        return first.article.text[first.start : last.end]


@dataclass(frozen=True)
class Grouping:
    """A folder's sentences as units: unit u is sentences starts[u] to starts[u + 1] (the last start
    is the number of sentences)."""

    starts: list[int]
    follows: list[bool]  # per sentence: it directly follows the one before (see `contiguous`)
    cut_off: list[bool]  # per sentence: it leans on the one before but names what a section excludes
    named: list[int]  # per unit: the concepts its sentences name


def group(sentences: Sequence[Sentence], readings: Readings, excluded: int) -> Grouping:
    """Units of the sentences. A sentence that leans on the one before joins it, unless it names what
    a section excludes (`excluded`): then the fact before it is quoted without it ("… erklärten die
    Aufständischen. Sie riefen Millionen Flüchtlinge zur Rückkehr auf." in a section that excludes
    refugees)."""
    follows = [i > 0 and contiguous(sentences[i - 1], s) for i, s in enumerate(sentences)]
    cut_off = [bool(leans) and bool(asserted & excluded) for leans, asserted in zip(readings.leans, readings.asserted,
                                                                                     strict=True)]
    starts = unit_starts(follows, [bool(leans) and not cut for leans, cut in zip(readings.leans, cut_off, strict=True)])
    starts.append(len(sentences))
    named_by_unit = []
    said = readings.named
    for a, b in zip(starts, starts[1:], strict=False):
        named = said[a]
        for k in range(a + 1, b):
            named |= said[k]
        named_by_unit.append(named)
    return Grouping(starts, follows, cut_off, named_by_unit)


def unit(grouping: Grouping, sentences: Sequence[Sentence], u: int) -> Unit:
    """Unit u of the sentences `grouping` was made of."""
    return Unit(tuple(sentences[grouping.starts[u] : grouping.starts[u + 1]]))


def unit_starts(follows: Sequence[bool], leans: Sequence[bool]) -> list[int]:
    """Where each unit starts: a sentence that leans on the one before it (`leans`) and directly
    follows it (`follows`) is never quoted without it."""
    starts: list[int] = []
    for i, (after, leaning) in enumerate(zip(follows, leans, strict=True)):
        if not (starts and leaning and after and i - starts[-1] < MAX_UNIT_SENTENCES):
            starts.append(i)
    return starts


def context(sentences: Sequence[Sentence], starts: Sequence[int], u: int, follows: Sequence[bool]) -> range:
    """What the reader has just read before unit u: the paragraph so far and the one before it, when
    nothing (no heading, no furniture) stands between them (positions of its sentences)."""
    first = starts[u]
    paragraph = sentences[first].paragraph
    begin = first
    j = u - 1
    while j >= 0 and first - begin < 2 * MAX_UNIT_SENTENCES:
        last = starts[j + 1] - 1
        if not follows[begin] or paragraph - sentences[last].paragraph > 1:
            break
        begin = starts[j]
        j -= 1
    return range(begin, first)


def contiguous(a: Sentence, b: Sentence) -> bool:
    """b follows a with nothing but white space between them (no furniture, no heading)."""
    return a.article is b.article and b.index == a.index + 1 and not a.article.text[a.end : b.start].strip()


Heads = Mapping[str, list[int]]  # per article id, what its headline and headings name (reading.heads_of)


def _heads(article: Article, heads: Heads | None, concepts: Concepts) -> list[int]:
    found = heads.get(article.id) if heads is not None else None
    return found if found is not None else heads_of(article, concepts.index)


def articles_about(sentences: Sequence[Sentence], readings: Readings, concepts: Concepts,
                   heads: Heads | None = None) -> dict[str, int]:
    """Of the subject concepts (`require`, topic), those each article is about: named in its headline,
    or in a fifth of its sentences (and at least two). Its sentences need not name them again.
    `heads`: as read (read here for an article without)."""
    subjects = concepts.subjects_mask
    masks: dict[str, Counter[int]] = {}  # per article, how many of its sentences name each mask of subjects
    titles: dict[str, int] = {}
    article: Article | None = None
    counted: Counter[int] = Counter()
    for s, named in zip(sentences, readings.named, strict=True):
        if s.article is not article:  # an article's sentences mostly come together
            article = s.article
            counted = masks.setdefault(article.id, Counter())
            if article.id not in titles:
                titles[article.id] = _heads(article, heads, concepts)[0]
        counted[named & subjects] += 1
    about = {}
    for art, counted in masks.items():
        bits = titles[art] & subjects
        total = sum(counted.values())
        per_concept: Counter[int] = Counter()
        for named, n in counted.items():
            for c in ids(named):
                per_concept[c] += n
        bits |= mask(c for c, n in per_concept.items() if n >= max(2, total / 5))
        if bits:
            about[art] = bits
    return about


def under_headings(sentences: Sequence[Sentence], concepts: Concepts, heads: Heads | None = None) -> list[int]:
    """Per sentence, the subject concepts (`require`, topic) of the subheading it stands under, if
    any: "Erste Schritte Richtung Übergang" says what the paragraphs below it are about, as a
    headline does for its article. (Few lines are headings: each is read here, once.)"""
    subjects = concepts.subjects_mask
    under: list[int] = []
    article: Article | None = None
    headings: list[Span] = []
    named_by: list[int] = []
    at, named = 0, 0
    for s in sentences:  # an article's sentences come in order, one article after another
        if s.article is not article:
            article = s.article
            headings = article.headings()
            named_by = _heads(article, heads, concepts)[1:] if headings else []
            at, named = 0, 0
        while at < len(headings) and headings[at].end <= s.start:
            named = named_by[at] & subjects
            at += 1
        under.append(named)
    return under


def unrelated_tails(concepts: Concepts, sentences: Sequence[Sentence], readings: Readings) -> set[int]:
    """Positions of the sentences in a block at an article's end that may be another story (see TAIL)
    and names nothing of the brief: not its topic, no section's required concept, nor two concepts of
    one section. A tail that does is the article's own last part ("Erste Schritte Richtung Übergang")."""
    blocks: dict[tuple[str, int], list[int]] = {}
    headings: dict[tuple[str, int], str] = {}
    article: Article | None = None
    marked: list[Span] = []
    for at, s in enumerate(sentences):
        if s.article is not article:  # (most articles have no tail)
            article = s.article
            marked = [f for f in article.furniture if f.kind in (TAIL, TAIL_HEADING)]
        if not marked:
            continue
        tails = [f for f in marked if f.start <= s.start]
        if tails and tails[-1].kind == TAIL and tails[-1].end >= s.end:
            heading = next((f for f in reversed(tails) if f.kind == TAIL_HEADING), None)
            where = (s.article.id, heading.start if heading else 0)
            blocks.setdefault(where, []).append(at)
            if heading and where not in headings:
                headings[where] = s.article.text[heading.start : heading.end]
    unrelated: set[int] = set()
    for where, block in blocks.items():
        # what the block's subheading says counts too ("Wetterdienst warnt vor neuen Regenfällen")
        named = concepts.index.names(headings[where], sentences[block[0]].article.language) \
            if where in headings else 0
        for at in block:
            named |= readings.named[at]
        if not (named & concepts.subjects_mask
                or any((named & r.concepts_mask).bit_count() >= MIN_CONCEPTS for r in concepts.rules)):
            unrelated.update(block)
    return unrelated
