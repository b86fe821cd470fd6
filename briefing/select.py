"""select: for each section, the excerpts that belong there.

Sentences are grouped into units that stand on their own (units.py); each unit is scored against
every section (scoring.py) and given to the section it fits best; a section's units become excerpts,
the same fact from several sources one excerpt citing them all, ordered and capped (corroboration.py);
the excerpts kept are attributed (attribution.py)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from .attribution import attribute
from .concepts import Concepts
from .config import Config, SectionConfig
from .corroboration import Candidate, deduplicate, gist_of, merge_neighbours, order, rarity_of, where
from .leaning import POINTS_BACK
from .models import Excerpt, Sentence
from .reading import Reading, read_sentences
from .scoring import MIN_WORDS, TOPIC_BONUS, Found, Ids, Reason, Why, fit, idf, matched
from .timeline import dated, newest_first
from .units import Unit, articles_about, context, contiguous, unit_starts

CANDIDATES_PER_SLOT = 3  # distinct candidates per excerpt slot, enough for the ordering to choose from
EXAMINED_PER_SLOT = 60  # best candidates per excerpt slot examined for repeats; a large folder has thousands
REJECTED_KEPT = 50  # best rejected candidates kept per section, for `briefing explain`


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


# What a combination of concepts decides: the sections a unit fits (section, score, matched labels), best
# first, and those it is left out of (section, score, why).
_Decision = tuple[list[tuple[str, float, list[str]]], list[tuple[str, float, Why]]]


def select_excerpts(config: Config, sentences: Sequence[Sentence], readings: Sequence[Reading] | None = None,
                    workers: int | None = None, figures: Mapping[str, Collection[int]] | None = None,
                    concepts: Concepts | None = None) -> list[SectionChoice]:
    """`readings`: of the sentences, for `concepts` (read here when not given). `figures`: per section
    that shows a figure table, the positions of the sentences that give one of its figures; such a
    sentence is quoted there when the section does not exclude it, whatever its words."""
    concepts = concepts or Concepts.of(config)
    if readings is None:
        readings = read_sentences(sentences, concepts.synonyms, workers)
    named_of = [r.named for r in readings]
    follows = [i > 0 and contiguous(sentences[i - 1], s) for i, s in enumerate(sentences)]
    # A sentence that leans on the one before joins it, unless it names what a section excludes: then
    # the fact before it is quoted without it, and it is quoted nowhere ("… erklärten die Aufständischen.
    # Sie riefen Millionen Flüchtlinge zur Rückkehr auf." in a section that excludes refugees).
    excluded = concepts.excluded_mask
    cut_off = [bool(r.leans) and bool(r.asserted & excluded) for r in readings]
    starts = unit_starts(follows, [bool(r.leans) and not cut for r, cut in zip(readings, cut_off, strict=True)])
    starts.append(len(sentences))  # the units: sentences starts[u] to starts[u + 1]
    named_by_unit = []
    for a, b in zip(starts, starts[1:], strict=False):
        named = named_of[a]
        for k in range(a + 1, b):
            named |= named_of[k]
        named_by_unit.append(named)
    about = articles_about(sentences, readings, concepts)
    as_set = Ids()
    weight = idf(Counter(named_by_unit), concepts.labels, as_set)
    sections_mask = concepts.sections_mask
    subjects = concepts.subjects_mask
    chosen: dict[str, list[Candidate]] = {r.config.id: [] for r in concepts.rules}
    rejected: dict[str, _Rejections] = {r.config.id: _Rejections() for r in concepts.rules}
    figure_at: dict[int, set[str]] = {}
    for sid, positions in (figures or {}).items():
        for i in positions:
            figure_at.setdefault(i, set()).add(sid)

    def decide(named: int, asserted: int, lead: int, apart: int, nearby: int, article: int, short: bool,
               figure: frozenset[str]) -> _Decision:
        """Which sections a unit that names these concepts fits (the best first) and which it does not, and why."""
        here = Found(as_set(named), as_set(asserted), as_set(lead), as_set(apart), as_set(nearby | article), short,
                     as_set(nearby))
        bonus = TOPIC_BONUS if here.all & concepts.topic else 1.0
        fits: list[tuple[bool, float, str, list[str]]] = []
        left_out: list[tuple[str, float, Why]] = []
        for r in concepts.rules:
            if not here.all & r.concepts:
                continue
            found = fit(here, r, weight, concepts, bonus)
            shows = r.config.id in figure
            why = None if shows and found.why and found.why.reason.figure_suffices else found.why
            if why:
                left_out.append((r.config.id, found.score, why))
            elif found.hits:
                fits.append((shows, found.score, r.config.id, matched(here, found.hits, found.carried, concepts.labels)))
        fits.sort(key=lambda f: (not f[0], -f[1]))
        return [(sid, score, labels) for _, score, sid, labels in fits], left_out

    # A folder has far fewer distinct combinations of concepts than units: each is decided once.
    decided: dict[tuple[int, int, int, int, int, int, bool, frozenset[str]], _Decision] = {}
    for u, named in enumerate(named_by_unit):
        if not named & sections_mask:
            continue  # most units of a large folder
        a, b = starts[u], starts[u + 1]
        if cut_off[a] and follows[a] and readings[a].leans == POINTS_BACK:
            continue  # it cannot be quoted without the sentence before, which is quoted without it
        asserted = apart = words = 0
        for k in range(a, b):
            asserted |= readings[k].asserted
            apart |= readings[k].apart
            words += readings[k].words
        nearby = 0
        for k in context(sentences, starts, u, follows):  # what the reader has just read
            nearby |= named_of[k]
        # (of what comes before, only the subjects matter: fewer distinct keys to decide)
        key = (named, asserted, readings[a].lead, apart, nearby & subjects, about.get(sentences[a].article.id, 0),
               words < MIN_WORDS, frozenset(sid for k in range(a, b) for sid in figure_at.get(k, ())))
        decision = decided.get(key)
        if decision is None:
            decision = decided[key] = decide(*key)
        fits, left_out = decision
        if not fits and not any(rejected[sid].wants(score) for sid, score, _ in left_out):
            continue  # nothing of this unit would be kept
        unit = Unit(tuple(sentences[a:b]))
        for sid, score, why in left_out:
            rejected[sid].add(score, unit, why)
        if fits:
            best, score, labels = fits[0]
            chosen[best].append((unit, score, labels))
            for other, other_score, other_labels in fits[1:]:
                if config.quote_once:
                    rejected[other].add(other_score, unit, Why(Reason.FITS_BETTER, best))
                else:
                    chosen[other].append((unit, other_score, other_labels))
    return _excerpts(concepts, chosen, rejected, sentences)


def _excerpts(concepts: Concepts, chosen: dict[str, list[Candidate]], rejected: dict[str, _Rejections],
              sentences: Sequence[Sentence]) -> list[SectionChoice]:
    """Each section's units as excerpts: repeats folded best first, until there are enough distinct
    candidates to choose from; ordered, capped, attributed."""
    languages = {s.article.id: s.article.language for s in sentences}
    texts = {s.article.id: s.article.text for s in sentences}
    published = {s.article.id: s.article.published for s in sentences}
    candidates = {r.config.id: merge_neighbours(chosen[r.config.id], EXAMINED_PER_SLOT * r.config.max_excerpts)
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
                                     rejected[sid].best()))
    return choices


class _Rejections:
    """The best candidates a section left out, and why: enough to explain, not every sentence of a
    large folder (their text is cut out only for the ones kept)."""

    def __init__(self) -> None:
        self.items: list[tuple[float, int, Unit | Excerpt, Why]] = []
        self.added = 0
        self.floor = -math.inf  # once the list was cut: a score no better than this can no longer be kept

    def wants(self, score: float) -> bool:
        return score > self.floor

    def add(self, score: float, what: Unit | Excerpt, why: Why) -> None:
        if score <= self.floor:
            return
        self.items.append((-score, self.added, what, why))
        self.added += 1
        if len(self.items) > 20 * REJECTED_KEPT:
            self.items.sort(key=lambda item: item[:2])
            del self.items[REJECTED_KEPT:]
            self.floor = -self.items[-1][0]

    def best(self) -> list[Rejected]:
        return [Rejected(what.text, round(-score, 3), str(why), why.reason, *_where(what))
                for score, _, what, why in sorted(self.items, key=lambda item: item[:2])[:REJECTED_KEPT]]


def _where(what: Unit | Excerpt) -> tuple[str, int, int]:
    if isinstance(what, Excerpt):
        return what.source, what.start, what.end
    return what.article, what.sentences[0].start, what.sentences[-1].end


def _attributed(excerpt: Excerpt, texts: dict[str, str]) -> Excerpt:
    """Who said it: worked out only for the excerpts that make it into the brief."""
    before = texts[excerpt.source][max(0, excerpt.start - 400) : excerpt.start]
    return excerpt.model_copy(update={"attribution": attribute(excerpt.text, before, texts[excerpt.source])})
