"""select: for each section, the excerpts that belong there.

Sentences are grouped into units that stand on their own (units.py); each unit is scored against
every section (scoring.py) and given to the section it fits best; a section's units become excerpts,
the same fact from several sources one excerpt citing them all, ordered and capped (corroboration.py);
the excerpts kept are attributed (attribution.py)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from .attribution import attribute
from .concepts import Concepts
from .config import Config, SectionConfig
from .corroboration import Candidate, deduplicate, gist_of, merge_neighbours, order, rarity_of, where
from .leaning import POINTS_BACK
from .models import Excerpt, Readings, Sentence
from .parallel import in_two
from .reading import read_sentences
from .scoring import MIN_WORDS, Found, Ids, Reason, Why, fit, idf, matched
from .timeline import dated, newest_first
from .units import Grouping, Heads, Unit, articles_about, context, group, under_headings, unit

_QUESTION = re.compile(r"\?[\"'“”»«)]*$")
CANDIDATES_PER_SLOT = 3  # distinct candidates per excerpt slot, enough for the ordering to choose from
# Two sections fit a unit: the one whose subject it opens with (what it is about) ranks as if the
# other scored this much less, when that one's subject is named only further on ("Military aid from
# Moscow played a key role in Assad's ability to push back opposition forces": about Assad's backers)
# or only before it ("Hartmann expects the agreement to save …" after a sentence on the union)
SUBJECT_ASIDE = 0.9
EXAMINED_PER_SLOT = 60  # best candidates per excerpt slot examined for repeats; a large folder has thousands
REJECTED_KEPT = 50  # best rejected candidates kept per section, for `briefing explain`
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rejected:
    text: str
    score: float
    reason: str
    why: Reason | None = None
    source: str = ""  # where the text is: article id and offsets
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class SectionChoice:
    """A section's excerpts, plus the best candidates left out and why (for `briefing explain`)."""

    config: SectionConfig
    excerpts: list[Excerpt]
    rejected: list[Rejected]


# What a unit's concepts and surroundings are, as far as they decide where it goes (see _key)
_Key = tuple[int, int, int, int, int, int, bool, bool, frozenset[str]]
# What a key decides: the sections a unit fits (section, score, matched labels), best first, and
# those it is left out of (section, score, why).
_Decision = tuple[list[tuple[str, float, list[str]]], list[tuple[str, float, Why]]]
Chosen = dict[str, list[Candidate]]


def select_excerpts(config: Config, sentences: Sequence[Sentence], readings: Readings | None = None,
                    workers: int | None = None, figures: Mapping[str, Collection[int]] | None = None,
                    concepts: Concepts | None = None, heads: Heads | None = None) -> list[SectionChoice]:
    """`readings`: of the sentences, for `concepts` (read here when not given). `figures`: per section
    that shows a figure table, the positions of the sentences that give one of its figures; such a
    sentence is quoted there when the section does not exclude it, whatever its words. `heads`: what
    the articles' headlines and headings name, as read (read here for an article without)."""
    concepts = concepts or Concepts.of(config)
    if readings is None:
        readings = read_sentences(sentences, concepts.synonyms, workers)
    grouping = group(sentences, readings, concepts.excluded_mask)
    decisions = _Decisions(concepts, grouping)
    chosen, rejected = _assign(grouping, sentences, readings, concepts, decisions, figures or {}, config.quote_once,
                              workers, heads)
    return _excerpts(concepts, chosen, rejected, grouping, sentences)


class _Decisions:
    """Which sections a unit fits (the best first) and which it does not, and why. A folder has far
    fewer distinct keys than units: each is decided once."""

    def __init__(self, concepts: Concepts, grouping: Grouping) -> None:
        self.concepts = concepts
        self.as_set = Ids()
        self.weight = idf(Counter(grouping.named), concepts.labels, self.as_set)
        self.known: dict[_Key, _Decision] = {}

    def __call__(self, key: _Key) -> _Decision:
        decision = self.known.get(key)
        if decision is None:
            decision = self.known[key] = self._decide(*key)
        return decision

    def _decide(self, named: int, asserted: int, lead: int, apart: int, nearby: int, article: int, short: bool,
                asks: bool, figure: frozenset[str]) -> _Decision:
        as_set, concepts = self.as_set, self.concepts
        here = Found(as_set(named), as_set(asserted), as_set(lead), as_set(apart), as_set(nearby | article), short,
                     as_set(nearby), asks)
        fits: list[tuple[bool, float, float, str, list[str]]] = []
        left_out: list[tuple[str, float, Why]] = []
        for r in concepts.rules:
            if not here.all & r.concepts:
                continue
            found = fit(here, r, self.weight, concepts)
            shows = r.config.id in figure
            why = None if shows and found.why and found.why.reason.figure_suffices else found.why
            if why:
                left_out.append((r.config.id, found.score, why))
            elif found.hits:
                subject = concepts.subject(r)
                aside = not here.lead & subject
                fits.append((shows, found.score * (SUBJECT_ASIDE if aside else 1.0), found.score, r.config.id,
                             matched(here, found.hits, found.carried, concepts.labels)))
        fits.sort(key=lambda f: (not f[0], -f[1]))
        return [(sid, score, labels) for _, _, score, sid, labels in fits], left_out


def _assign(grouping: Grouping, sentences: Sequence[Sentence], readings: Readings, concepts: Concepts,
            decide: _Decisions, figures: Mapping[str, Collection[int]], quote_once: bool,
            workers: int | None, heads: Heads | None) -> tuple[Chosen, dict[str, _Rejections]]:
    """Each unit to the section it fits best (and, unless `quote_once`, to the others it fits), or
    to the rejections of those it does not fit. A large folder's second half of units is assigned in
    a copy of this process, on the other core."""
    about = articles_about(sentences, readings, concepts, heads)
    headed = under_headings(sentences, concepts, heads)
    figure_at: dict[int, frozenset[str]] = {}
    for sid, positions in figures.items():
        for i in positions:
            figure_at[i] = figure_at.get(i, _NONE) | {sid}

    def units(start: int, stop: int) -> tuple[Chosen, dict[str, _Rejections]]:
        chosen: Chosen = {r.config.id: [] for r in concepts.rules}
        rejected = {r.config.id: _Rejections() for r in concepts.rules}
        for u in range(start, stop):
            key = _key(u, grouping, sentences, readings, concepts, about, headed, figure_at)
            if key is None:
                continue
            fits, left_out = decide.known.get(key) or decide(key)  # (most keys were decided before)
            if not fits and (not left_out or not any(rejected[sid].wants(score) for sid, score, _ in left_out)):
                continue  # nothing of this unit would be kept
            for sid, score, why in left_out:
                rejected[sid].add(score, u, why)
            if fits:
                best, score, labels = fits[0]
                chosen[best].append((u, score, labels))
                for other, other_score, other_labels in fits[1:]:
                    if quote_once:
                        rejected[other].add(other_score, u, Why(Reason.FITS_BETTER, best))
                    else:
                        chosen[other].append((u, other_score, other_labels))
        return chosen, rejected

    (chosen, rejected), (later, rejected_later) = in_two(units, len(grouping.named), workers)
    for sid, candidates in later.items():
        chosen[sid] += candidates
        for score, _, what, why in sorted(rejected_later[sid].items, key=lambda item: item[1]):
            rejected[sid].add(-score, what, why)  # in the order they came: the same as one pass
    return chosen, rejected


def _key(u: int, grouping: Grouping, sentences: Sequence[Sentence], readings: Readings, concepts: Concepts,
         about: dict[str, int], headed: Sequence[int], figure_at: dict[int, frozenset[str]]) -> _Key | None:
    """What decides where unit u goes: the concepts it names, asserts, opens with and names apart; the
    subjects named just before it, and by its article or the subheading above it; whether it is short;
    whether it only asks; the sections it gives a figure of. None: it names nothing of any section (most
    units of a large folder), or it cannot be quoted without the sentence before, which is quoted
    without it."""
    named = grouping.named[u]
    if not named & concepts.sections_mask:
        return None
    starts, follows = grouping.starts, grouping.follows
    a, b = starts[u], starts[u + 1]
    if grouping.cut_off[a] and follows[a] and readings.leans[a] == POINTS_BACK:
        return None
    if b == a + 1:  # most units are one sentence
        asserted, apart, words = readings.asserted[a], readings.apart[a], readings.words[a]
        figure = figure_at.get(a, _NONE)
    else:
        asserted = apart = words = 0
        for k in range(a, b):
            asserted |= readings.asserted[k]
            apart |= readings.apart[k]
            words += readings.words[k]
        figure = frozenset(sid for k in range(a, b) for sid in figure_at.get(k, ()))
    nearby = 0
    said = readings.named
    for k in context(sentences, starts, u, follows):  # what the reader has just read
        nearby |= said[k]
    # (of what comes before, only the subjects matter: fewer distinct keys to decide)
    return (named, asserted, readings.lead[a], apart, nearby & concepts.subjects_mask,
            about.get(sentences[a].article.id, 0) | headed[a], words < MIN_WORDS,
            _asks(sentences, a, b), figure)


def _asks(sentences: Sequence[Sentence], a: int, b: int) -> bool:
    """Is every sentence from a to b a question? (Most units end with no question mark at all.)"""
    last = sentences[b - 1]
    if "?" not in last.article.text[max(last.start, last.end - 4) : last.end]:
        return False
    return all(_QUESTION.search(s.article.text, max(s.start, s.end - 4), s.end) for s in sentences[a:b])


def _excerpts(concepts: Concepts, chosen: dict[str, list[Candidate]], rejected: dict[str, _Rejections],
              grouping: Grouping, sentences: Sequence[Sentence]) -> list[SectionChoice]:
    """Each section's units as excerpts: repeats folded best first, until there are enough distinct
    candidates to choose from; ordered, capped, attributed."""
    languages = {s.article.id: s.article.language for s in sentences}
    texts = {s.article.id: s.article.text for s in sentences}
    published = {s.article.id: s.article.published for s in sentences}
    candidates = {r.config.id: merge_neighbours(chosen[r.config.id], EXAMINED_PER_SLOT * r.config.max_excerpts,
                                                grouping, sentences)
                  for r in concepts.rules}
    gist = {where(ex): gist_of(ex, languages) for excerpts in candidates.values() for ex in excerpts}
    # how rare a word is among the candidates: the words the topic brings everywhere prove no shared fact
    rarity = rarity_of([content for content, _ in gist.values()])
    choices = []
    for r in concepts.rules:
        sid, cap = r.config.id, r.config.max_excerpts
        ranked = order(deduplicate(candidates[sid], gist, rarity, CANDIDATES_PER_SLOT * cap), gist, rarity)
        for ex in ranked[cap:]:
            rejected[sid].add(ex.score, ex, Why(Reason.OVER_CAP, cap))
        kept = [_attributed(dated(ex, published), texts) for ex in ranked[:cap]]  # the newest telling leads
        choices.append(SectionChoice(r.config, newest_first(kept) if r.config.order == "date" else kept,
                                     rejected[sid].best(lambda u: unit(grouping, sentences, u))))
    return choices


class _Rejections:
    """The best candidates a section left out, and why: enough to explain, not every sentence of a
    large folder (units are positions, their text is cut out only for the ones kept)."""

    def __init__(self) -> None:
        self.items: list[tuple[float, int, int | Excerpt, Why]] = []
        self.added = 0
        self.floor = -math.inf  # once the list was cut: a score no better than this can no longer be kept

    def wants(self, score: float) -> bool:
        return score > self.floor

    def add(self, score: float, what: int | Excerpt, why: Why) -> None:
        if score <= self.floor:
            return
        self.items.append((-score, self.added, what, why))
        self.added += 1
        if len(self.items) > 20 * REJECTED_KEPT:
            self.items.sort(key=lambda item: item[:2])
            del self.items[REJECTED_KEPT:]
            self.floor = -self.items[-1][0]

    def best(self, unit: Callable[[int], Unit]) -> list[Rejected]:
        kept = [(score, unit(what) if isinstance(what, int) else what, why)
                for score, _, what, why in sorted(self.items, key=lambda item: item[:2])[:REJECTED_KEPT]]
        return [Rejected(told.text, round(-score, 3), str(why), why.reason, *_where(told)) for score, told, why in kept]


def _where(what: Unit | Excerpt) -> tuple[str, int, int]:
    if isinstance(what, Excerpt):
        return what.source, what.start, what.end
    return what.article, what.sentences[0].start, what.sentences[-1].end


def _attributed(excerpt: Excerpt, texts: dict[str, str]) -> Excerpt:
    """Who said it: worked out only for the excerpts that make it into the brief."""
    before = texts[excerpt.source][max(0, excerpt.start - 400) : excerpt.start]
    return excerpt.model_copy(update={"attribution": attribute(excerpt.text, before, texts[excerpt.source])})
