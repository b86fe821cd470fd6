"""select: for each section, the excerpts that belong there.

Sentences are first grouped into units that stand on their own (a sentence opening with
"Demnach", "Sie", "Einige von ihnen" … joins the one before it). Each unit is scored against every
section's concepts and given to the section it fits best; neighbouring units of one section merge
into one excerpt; the same fact told by several sources becomes one excerpt citing them all."""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import NamedTuple

from .attribution import attribute
from .config import Config, SectionConfig
from .language import (
    ConceptIndex,
    Word,
    count_words,
    hedged,
    ids,
    mask,
    may_hedge,
    new_lemmas,
    number_value,
    remember_lemmas,
    words,
)
from .models import Citation, Excerpt, Sentence
from .prepare import PARALLEL_FROM

MIN_WORDS = 6  # shorter units are headline leftovers or fragments, not evidence
MIN_CONCEPTS = 2  # one matching word is chance; two concepts make a sentence about the section
MIN_SCORE = 3.0  # two concepts that are each found in a third of all sentences are still a weak match
MAX_UNIT_SENTENCES = 4
MAX_EXCERPT_CHARS = 900
SAME_FACT = 0.5  # share of content words above which two excerpts tell the same thing
CONTEXT_WEIGHT = 0.5  # a required concept found only in the sentence before counts half
TOPIC_BONUS = 1.25
MAX_CORROBORATIONS = 10  # other sources quoted with an excerpt; the rest are counted
CANDIDATES_PER_SLOT = 3  # distinct candidates per excerpt slot, enough for the ordering to choose from
EXAMINED_PER_SLOT = 60  # best candidates per excerpt slot examined for repeats; a large folder has thousands
REJECTED_KEPT = 50  # best rejected candidates kept per section, for `briefing explain`
LEAD_WEIGHT = 1.5  # a concept in the sentence's opening words is what the sentence is about
HEDGED_WEIGHT = 0.5  # a concept named only in a what-if or as the occasion ("in response to …")

# A sentence that opens like this points back to the one before it and cannot be quoted alone.
# Pure connectives ("Allerdings", "Doch", "However") are left out: they join claims, not references.
_LEANS_BACK = re.compile(
    r"^[\"„“»«]?\s*(demnach|demzufolge|dem bericht zufolge|dem entgegen|dies|diese[rsnm]?|er|sie|ihr|ihre[rsnm]?|"
    r"sein|seine[rsnm]?|dort|damit|dabei|daher|deshalb|deswegen|darauf|dafür|dagegen|so|zuvor|letzterer|"
    r"letztere|einige von ihnen|he|she|they|it|this|these|those|his|her|their|there|thus|some of them|"
    r"according to the report)\b|^(das|that)\s+(?=(?-i:[a-zäöüß]))|^(und|aber|and|but)\s*:|"
    # a pointer among the first words: "Kim Jong-un soll nämlich …", "Ein Teil dieser Soldaten …"
    r"^(\S+\s+){1,3}(nämlich|wiederum|demnach|daher|deshalb|dabei|dort|diese[rsnm]?|jene[rsnm]?|"
    r"of them|of these|of those)\b", re.I)


_CLAUSE_END = re.compile(r"[,;:]")
# Why a sentence that gives a troop figure may still go to the section showing figures: the figure
# stands for the subject and for the section's terms. It must still not be excluded or too short.
_A_FIGURE_SUFFICES = {"matches none of the required terms", "only one term matched",
                      f"weak match (score below {MIN_SCORE})"}
_CONCESSION = re.compile(r"^\W*(zwar|admittedly|granted)\b", re.I)
_ANSWER = re.compile(r"^\W*(doch|aber|jedoch|allerdings|but|yet|however)\b", re.I)


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
class Rejected:
    text: str
    score: float
    reason: str


@dataclass(frozen=True)
class SectionChoice:
    """A section's excerpts, plus the best candidates left out and why (for `briefing explain`)."""

    config: SectionConfig
    excerpts: list[Excerpt]
    rejected: list[Rejected]


@dataclass(frozen=True)
class _Rules:
    """A section's concepts, as ids into the shared ConceptIndex."""

    config: SectionConfig
    terms: list[int]
    require: list[int]
    exclude: list[int]
    ordered: tuple[int, ...] = ()  # terms, then require
    concepts: frozenset[int] = frozenset()  # the same, as a set
    required: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "ordered", tuple(self.terms + self.require))
        object.__setattr__(self, "concepts", frozenset(self.ordered))
        object.__setattr__(self, "required", frozenset(self.require))


@dataclass(frozen=True)
class _Found:
    """The concepts a unit mentions: anywhere, in its opening words, and just before it."""

    all: frozenset[int]
    asserted: frozenset[int]  # named at least once outside a hedged stretch
    lead: frozenset[int]
    context: frozenset[int]
    words: int


def select_excerpts(config: Config, sentences: Sequence[Sentence], workers: int | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    reports_figures: frozenset[int] = frozenset()) -> list[SectionChoice]:
    """`reports_figures`: ids of the sentences that give a troop figure of the brief's subject; they are
    quoted in the section that shows the figures (`figures: true`) when it does not exclude them."""
    concepts: list[Sequence[str]] = []

    def numbered(entries: Sequence[Sequence[str]]) -> list[int]:
        concepts.extend(entries)
        return list(range(len(concepts) - len(entries), len(concepts)))

    rules = [_Rules(sc, numbered(sc.terms), numbered(sc.require), numbered(sc.exclude)) for sc in config.sections]
    topic = set(numbered(config.topic))
    topic_mask = mask(topic)
    index = ConceptIndex(concepts)
    labels = [c[0] for c in concepts]
    # A section concept that only ever names the brief's topic ("Nordkorea" in a brief about North
    # Korea) is in nearly every sentence: it adds weight but does not count as one of a section's two.
    topical = frozenset(c for c in range(len(concepts)) if c not in topic and all(
        index.read(synonym, None)[0] & topic_mask for synonym in concepts[c]))
    section_concepts = frozenset(c for r in rules for c in r.concepts)
    languages = {s.article.id: s.article.language for s in sentences}
    texts = {s.article.id: s.article.text for s in sentences}

    # Every sentence is read once (on all cores for a large folder); only what selection needs is kept.
    readings = read_sentences(sentences, concepts, workers, progress)
    units = build_units(sentences, [r[4] for r in readings])
    reads = dict(zip(map(id, sentences), readings, strict=True))
    del readings
    as_set = _Ids()
    named_by_unit = []
    for u in units:
        named = 0
        for s in u.sentences:
            named |= reads[id(s)][0]
        named_by_unit.append(named)
    weight = _idf([as_set(named) for named in named_by_unit], labels)
    sections_mask = mask(section_concepts)
    chosen: dict[str, list[tuple[Unit, float, list[str]]]] = {r.config.id: [] for r in rules}
    rejected: dict[str, _Rejections] = {r.config.id: _Rejections() for r in rules}
    for i, (unit, named) in enumerate(zip(units, named_by_unit, strict=True)):
        if not named & sections_mask:
            continue  # most units of a large folder
        asserted = 0
        for s in unit.sentences:
            asserted |= reads[id(s)][1]
        here = _Found(as_set(named), as_set(asserted), as_set(reads[id(unit.sentences[0])][2]), frozenset(),
                      sum(reads[id(s)][3] for s in unit.sentences))
        if any(r.require and here.all & r.concepts and not here.all & r.required for r in rules):
            # what the reader has just read may name what this unit is about
            context = 0
            for s in _context(units, i):
                context |= reads[id(s)][0]
            here = replace(here, context=as_set(context))
        bonus = TOPIC_BONUS if here.all & topic else 1.0
        figure = reports_figures and any(id(s) in reports_figures for s in unit.sentences)
        fits: list[tuple[bool, float, str, list[str]]] = []
        for r in rules:
            if not here.all & r.concepts:
                continue
            score, hits, carried, reason = _fit(here, r, weight, labels, bonus, topical)
            shows = bool(figure and r.config.figures)
            if shows and reason in _A_FIGURE_SUFFICES:
                reason = None  # a troop figure of the subject is what this section is about
            if reason:
                rejected[r.config.id].add(score, unit, reason)
            elif hits:
                fits.append((shows, score, r.config.id, _matched(here, hits, carried, labels)))
        if fits:
            fits.sort(key=lambda f: (not f[0], -f[1]))
            _, score, best, matched = fits[0]
            chosen[best].append((unit, score, matched))
            for _, other_score, other, other_matched in fits[1:]:
                if config.quote_once:
                    rejected[other].add(other_score, unit, f"fits '{best}' better")
                else:
                    chosen[other].append((unit, other_score, other_matched))

    # Repeats are folded best first, until there are enough distinct candidates to choose from.
    candidates = {r.config.id: _merge_neighbours(chosen[r.config.id], EXAMINED_PER_SLOT * r.config.max_excerpts)
                  for r in rules}
    gist = {id(ex): _gist(ex, languages) for excerpts in candidates.values() for ex in excerpts}
    # how rare a word is among the candidates: the words the topic brings everywhere prove no shared fact
    rarity = _rarity([content for content, _ in gist.values()])
    choices = []
    for r in rules:
        sid, cap = r.config.id, r.config.max_excerpts
        ranked = _order(_deduplicate(candidates[sid], gist, rarity, CANDIDATES_PER_SLOT * cap))
        for ex in ranked[cap:]:
            rejected[sid].add(ex.score, ex, f"over max_excerpts ({cap})")
        choices.append(SectionChoice(r.config, [_attributed(ex, texts) for ex in ranked[:cap]], rejected[sid].best()))
    del reads
    return choices


# What one sentence tells selection: the concepts it names, those it names outside a what-if, those in
# its opening words (each a bit mask of concept ids), how many words it has, whether it leans on the
# sentence before it.
Reading = tuple[int, int, int, int, bool]
_index: ConceptIndex | None = None  # the concepts, in a process that reads sentences


def read_sentences(sentences: Sequence[Sentence], concepts: Sequence[Sequence[str]], workers: int | None = None,
                   progress: Callable[[int, int], None] | None = None) -> list[Reading]:
    """Readings of the sentences, in order; on all cores, with progress reported, when the folder is large."""
    batches: dict[str, list[int]] = {}  # article -> positions of its sentences, which are read in order
    for at, s in enumerate(sentences):
        batches.setdefault(s.article.id, []).append(at)
    order = [at for batch in batches.values() for at in batch]
    texts = [(sentences[at].text, sentences[at].article.language) for at in order]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and len(batches) >= PARALLEL_FROM:
        sizes = [len(batch) for batch in batches.values()]
        per_chunk = max(1, len(sizes) // (workers * 8))  # articles per chunk: whole articles, in order
        bounds = [0]
        for i in range(0, len(sizes), per_chunk):
            bounds.append(bounds[-1] + sum(sizes[i : i + per_chunk]))
        chunks = [texts[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        parts: list[Reading] = []
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_reader, initargs=(concepts,)) as pool:
            for done, (part, lemmas) in enumerate(pool.map(_read_in_worker, chunks), start=1):
                parts += part
                remember_lemmas(lemmas, new=True)  # for the cache, so that the next run need not look them up
                if progress:
                    progress(min(done * per_chunk, len(sizes)), len(sizes))
    else:
        _start_reader(concepts)
        parts = _read_chunk(texts)
    readings: list[Reading] = [(0, 0, 0, 0, False)] * len(sentences)
    for at, reading in zip(order, parts, strict=True):
        readings[at] = reading
    return readings


def _start_reader(concepts: Sequence[Sequence[str]]) -> None:
    global _index
    _index = ConceptIndex(concepts)


def _read_chunk(texts: list[tuple[str, str | None]]) -> list[Reading]:
    assert _index is not None
    return [(*_index.read(text, language, hedged(text) if may_hedge(text) else None, _lead(text)),  # hedged: rare
             i > 0 and _leans_back(text, texts[i - 1][0])) for i, (text, language) in enumerate(texts)]


def _read_in_worker(texts: list[tuple[str, str | None]]) -> tuple[list[Reading], dict[str, str]]:
    return _read_chunk(texts), new_lemmas()


class _Ids(dict[int, frozenset[int]]):
    """Bit mask to the set of concept ids, remembered: a folder has few distinct ones."""

    def __call__(self, mask: int) -> frozenset[int]:
        known = self.get(mask)
        if known is None:
            known = self[mask] = ids(mask)
        return known


class _Rejections:
    """The best candidates a section left out, and why: enough to explain, not every sentence of a
    large folder (their text is cut out only for the ones kept)."""

    def __init__(self) -> None:
        self.items: list[tuple[float, int, Unit | Excerpt, str]] = []

    def add(self, score: float, what: Unit | Excerpt, reason: str) -> None:
        self.items.append((-score, len(self.items), what, reason))
        if len(self.items) > 20 * REJECTED_KEPT:
            self.items.sort(key=lambda item: item[:2])
            del self.items[REJECTED_KEPT:]

    def best(self) -> list[Rejected]:
        return [Rejected(what.text, round(-score, 3), reason)
                for score, _, what, reason in sorted(self.items, key=lambda item: item[:2])[:REJECTED_KEPT]]


def build_units(sentences: Sequence[Sentence], leans: Sequence[bool] | None = None) -> list[Unit]:
    """Group sentences so that one leaning on the sentence before it is never quoted without it
    (`leans`: for each sentence, whether it does, when already known)."""
    units: list[list[Sentence]] = []
    for i, sentence in enumerate(sentences):
        last = units[-1] if units else None
        if (last and (leans[i] if leans is not None else _leans_back(sentence.text, last[-1].text))
                and _contiguous(last[-1], sentence) and len(last) < MAX_UNIT_SENTENCES):
            last.append(sentence)
        else:
            units.append([sentence])
    return [Unit(tuple(group)) for group in units]


def _context(units: Sequence[Unit], i: int) -> tuple[Sentence, ...]:
    """What the reader has just read: the paragraph so far and the one before it, when nothing
    (no heading, no furniture) stands between them."""
    first = units[i].sentences[0]
    before: list[Sentence] = []
    j = i - 1
    while j >= 0 and len(before) < 2 * MAX_UNIT_SENTENCES:
        s = units[j].sentences[-1]
        follows = before[0] if before else first
        if not _contiguous(s, follows) or first.paragraph - s.paragraph > 1:
            break
        before[:0] = units[j].sentences
        j -= 1
    return tuple(before)


def _lead(text: str) -> int:
    """How many words open the sentence, up to the first comma (at most 12): where news sentences
    name what they are about ("South Korea's President Yoon … has said …")."""
    cut = _CLAUSE_END.search(text)
    return min(12, count_words(text[: cut.start()] if cut else text))


def _leans_back(text: str, before: str) -> bool:
    if _LEANS_BACK.match(text):
        return True
    # "Zwar X. Doch Y.": the concession and its answer are one thought
    return bool(_CONCESSION.match(before) and _ANSWER.match(text))


def _contiguous(a: Sentence, b: Sentence) -> bool:
    """b follows a with nothing but white space between them (no furniture, no heading)."""
    return a.article is b.article and b.index == a.index + 1 and not a.article.text[a.end : b.start].strip()


def _fit(found: _Found, rules: _Rules, weight: list[float], labels: list[str], bonus: float,
         topical: frozenset[int]) -> tuple[float, list[int], int | None, str | None]:
    """How well a unit fits a section: its score, the concepts it matched, the required concept it
    takes from the sentence before (if any), and why it is left out (None: it is not)."""
    named = found.all
    hits = list({labels[c]: c for c in rules.ordered if c in named}.values())  # a concept listed twice counts once
    if not hits:
        return 0.0, [], None, None
    score = 0.0
    for c in hits:
        score += weight[c] * (LEAD_WEIGHT if c in found.lead else 1.0) * (1.0 if c in found.asserted else HEDGED_WEIGHT)
    carried = None
    if rules.require and not named & rules.required:
        carried = next((c for c in rules.require if c in found.context), None)
        if carried is None:
            return score, hits, None, "matches none of the required terms"
        # the sentence before names what this one is about: that satisfies `require`, at half weight
        score += CONTEXT_WEIGHT * weight[carried]
    score *= bonus
    if found.words < MIN_WORDS:
        return score, hits, carried, "too short to stand alone"
    hit = next((labels[c] for c in rules.exclude if c in named), None)
    if hit:
        return score, hits, carried, f"excluded by '{hit}'"
    if len({labels[c] for c in hits if c not in topical}) < MIN_CONCEPTS:
        return score, hits, carried, "only one term matched"
    if not any(c in found.asserted for c in hits):
        return score, hits, carried, "named only in a what-if"
    if score < MIN_SCORE:
        return score, hits, carried, f"weak match (score below {MIN_SCORE})"
    return score, hits, carried, None


def _matched(found: _Found, hits: list[int], carried: int | None, labels: list[str]) -> list[str]:
    """The labels of the concepts a unit matched, for `briefing explain`: "Term?" only in a what-if,
    "(Term)" in the sentence before."""
    matched = [labels[c] if c in found.asserted else f"{labels[c]}?" for c in hits]
    return matched + [f"({labels[carried]})"] if carried is not None else matched


def _idf(found: list[frozenset[int]], labels: list[str]) -> list[float]:
    """Rare concepts say more about a sentence than ones found everywhere (e.g. 'Soldaten')."""
    n = len(found) or 1
    df: Counter[str] = Counter()
    for here in found:
        df.update({labels[c] for c in here})  # concepts with the same label count as one
    return [max(0.5, math.log((n + 1) / (df[label] + 1))) for label in labels]


def _merge_neighbours(chosen: list[tuple[Unit, float, list[str]]], best: int) -> list[Excerpt]:
    """Units of one section that follow each other directly become one excerpt; the `best` of
    them, best first."""
    groups: list[list[tuple[Unit, float, list[str]]]] = []
    for item in sorted(chosen, key=lambda c: (c[0].article, c[0].sentences[0].index)):
        last = groups[-1] if groups else None
        prev, first = last[-1][0].sentences[-1] if last else None, item[0].sentences[0]
        if last and prev and _contiguous(prev, first) and prev.paragraph == first.paragraph:
            length = item[0].sentences[-1].end - last[0][0].sentences[0].start
            if length <= MAX_EXCERPT_CHARS:
                last.append(item)
                continue
        groups.append([item])
    ranked = sorted(groups, key=lambda group: (-_group_score(group), group[0][0].article, group[0][0].sentences[0].index))
    return [_excerpt(group) for group in ranked[:best]]


def _group_score(group: list[tuple[Unit, float, list[str]]]) -> float:
    return max(s for _, s, _ in group) + 0.25 * (len(group) - 1)


def _excerpt(group: list[tuple[Unit, float, list[str]]]) -> Excerpt:
    first, last = group[0][0].sentences[0], group[-1][0].sentences[-1]
    article = first.article
    text = article.text[first.start : last.end]
    score = _group_score(group)
    matched = list(dict.fromkeys(label for _, _, labels in group for label in labels))
    matched = [m for m in matched if not (m.endswith("?") and m[:-1] in matched)]  # asserted somewhere
    return Excerpt(source=article.id, start=first.start, end=last.end, text=text, score=round(score, 3),
                   matched=matched, attribution=None, corroborations=0)


def _attributed(excerpt: Excerpt, texts: dict[str, str]) -> Excerpt:
    """Who said it: worked out only for the excerpts that make it into the brief."""
    before = texts[excerpt.source][max(0, excerpt.start - 400) : excerpt.start]
    return excerpt.model_copy(update={"attribution": attribute(excerpt.text, before)})


def _content(found: Sequence[Word]) -> frozenset[str]:
    """The words that carry content: four letters or more, and figures."""
    return frozenset(min(keys) for w, keys in found if len(w) >= 4 or w[:1].isdigit())


def _gist(excerpt: Excerpt, languages: dict[str, str | None]) -> tuple[frozenset[str], frozenset[int]]:
    """What tells whether two excerpts report the same thing: their content words and their figures."""
    found = words(excerpt.text, languages[excerpt.source])
    return _content(found), frozenset(v for w, _ in found if (v := number_value(w)) is not None and v >= 100)


def _deduplicate(excerpts: list[Excerpt], gist: dict[int, tuple[frozenset[str], frozenset[int]]],
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
        content, figures = gist[id(ex)]
        weight = mass(content)
        for i, (other, other_content, other_figures, other_weight) in enumerate(kept):
            smaller = min(weight, other_weight)
            if (other.source != ex.source and (figures <= other_figures or other_figures <= figures)
                    and smaller and mass(content & other_content) / smaller >= SAME_FACT):
                listed = other.corroborated_by
                if len(listed) < MAX_CORROBORATIONS and all(c.source != ex.source for c in listed):
                    listed = [*listed, Citation(source=ex.source, start=ex.start, end=ex.end, text=ex.text)]
                update = {"corroborated_by": listed, "corroborations": other.corroborations + 1}
                kept[i] = (other.model_copy(update=update), other_content, other_figures, other_weight)
                break
        else:
            kept.append((ex, content, figures, weight))
    return [ex for ex, _, _, _ in kept]


def _rarity(units: list[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of each content word over the units (given as their content words)."""
    df: Counter[str] = Counter()
    for content in units:
        df.update(content)
    n = len(units) + 1
    return {w: math.log(n / (c + 0.5)) for w, c in df.items()}


def _order(excerpts: list[Excerpt]) -> list[Excerpt]:
    """Most relevant first, but a source already quoted yields to another of similar weight."""
    remaining = sorted(excerpts, key=lambda e: (-e.score, e.source, e.start))
    ordered: list[Excerpt] = []
    used: Counter[str] = Counter()
    while remaining:
        pick = max(remaining, key=lambda e: e.score * (0.85 ** used[e.source]))
        remaining.remove(pick)
        ordered.append(pick)
        used[pick.source] += 1
    return ordered
