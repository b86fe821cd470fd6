"""select: for each section, the excerpts that belong there.

Sentences are first grouped into units that stand on their own (a sentence opening with
"Demnach", "Sie", "Einige von ihnen" … joins the one before it). Each unit is scored against every
section's concepts and given to the section it fits best; neighbouring units of one section merge
into one excerpt; the same fact told by several sources becomes one excerpt citing them all."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .attribution import attribute
from .config import Config, SectionConfig
from .language import ConceptIndex, Word, ids, mask, number_value, words
from .models import TAIL, TAIL_HEADING, Citation, Excerpt, Sentence
from .reading import Reading, read_sentences

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
HEDGED_WEIGHT = 0.5
REPEAT_COST = 0.5  # how much of its score an excerpt loses for repeating what an earlier one said

# Why a sentence that gives a troop figure may still go to the section showing figures: the figure
# stands for the subject and for the section's terms. It must still not be excluded or too short.
_A_FIGURE_SUFFICES = {"matches none of the required terms", "only one term matched",
                      f"weak match (score below {MIN_SCORE})"}


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
    concepts_mask: int = 0  # the same two, as bit masks
    required_mask: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "ordered", tuple(self.terms + self.require))
        object.__setattr__(self, "concepts", frozenset(self.ordered))
        object.__setattr__(self, "required", frozenset(self.require))
        object.__setattr__(self, "concepts_mask", mask(self.ordered))
        object.__setattr__(self, "required_mask", mask(self.require))


# What a combination of concepts decides: the sections a unit fits (section, score, matched labels), best
# first, and those it is left out of (section, score, why).
_Decision = tuple[list[tuple[str, float, list[str]]], list[tuple[str, float, str]]]


@dataclass(frozen=True)
class _Found:
    """The concepts a unit mentions: anywhere, in its opening words, and just before it."""

    all: frozenset[int]
    asserted: frozenset[int]  # named at least once outside a hedged stretch
    lead: frozenset[int]
    apart: frozenset[int]  # named as a thing of their own, not beside another concept
    context: frozenset[int]  # named just before it (the paragraph so far, the one before), or by its article
    short: bool  # fewer than MIN_WORDS words
    nearby: frozenset[int] = frozenset()  # of `context`, those named just before it


def concepts_of(config: Config) -> list[Sequence[str]]:
    """Every concept of the config (its synonyms), numbered as selection numbers them."""
    return _numbered(config)[0]


def _numbered(config: Config) -> tuple[list[Sequence[str]], list[_Rules], set[int]]:
    """The concepts, each section's rules as concept ids, and the topic's ids."""
    concepts: list[Sequence[str]] = []

    def numbered(entries: Sequence[Sequence[str]]) -> list[int]:
        concepts.extend(entries)
        return list(range(len(concepts) - len(entries), len(concepts)))

    rules = [_Rules(sc, numbered(sc.terms), numbered(sc.require), numbered(sc.exclude)) for sc in config.sections]
    return concepts, rules, set(numbered(config.topic))


def unrelated_tails(config: Config, sentences: Sequence[Sentence], readings: Sequence[Reading]) -> set[int]:
    """Positions of the sentences in a block at an article's end that may be another story (see TAIL)
    and names nothing of the brief: not its topic, no section's required concept, nor two concepts of
    one section. A tail that does is the article's own last part ("Erste Schritte Richtung Übergang")."""
    _, rules, topic = _numbered(config)
    subjects = mask(topic) | mask(c for r in rules for c in r.require)
    blocks: dict[tuple[str, int], list[int]] = {}
    for at, s in enumerate(sentences):
        tails = [f for f in s.article.furniture if f.kind in (TAIL, TAIL_HEADING) and f.start <= s.start]
        if tails and tails[-1].kind == TAIL and tails[-1].end >= s.end:
            heading = next((f.start for f in reversed(tails) if f.kind == TAIL_HEADING), 0)
            blocks.setdefault((s.article.id, heading), []).append(at)
    unrelated: set[int] = set()
    for block in blocks.values():
        named = 0
        for at in block:
            named |= readings[at].named
        if not (named & subjects or any((named & r.concepts_mask).bit_count() >= MIN_CONCEPTS for r in rules)):
            unrelated.update(block)
    return unrelated


def select_excerpts(config: Config, sentences: Sequence[Sentence], readings: Sequence[Reading] | None = None,
                    workers: int | None = None, reports_figures: frozenset[int] = frozenset()) -> list[SectionChoice]:
    """`readings`: of the sentences, for the concepts of `concepts_of(config)` (read here when not given).
    `reports_figures`: ids of the sentences that give a troop figure of the brief's subject; they are
    quoted in the section that shows the figures (`figures: true`) when it does not exclude them."""
    concepts, rules, topic = _numbered(config)
    topic_mask = mask(topic)
    index = ConceptIndex(concepts)
    labels = [c[0] for c in concepts]
    # A section concept that only ever names the brief's topic ("Nordkorea" in a brief about North
    # Korea) is in nearly every sentence: it adds weight but does not count as one of a section's two.
    names_topic = [c not in topic and [bool(index.read(synonym, None)[0] & topic_mask) for synonym in concepts[c]]
                   for c in range(len(concepts))]
    topical = frozenset(c for c, named in enumerate(names_topic) if named and all(named))
    # a concept that can name the topic ("Russland | Nordkorea") says who, not what: it is no aspect of a section
    subjectlike = frozenset(c for c, named in enumerate(names_topic) if c in topic or (named and any(named)))
    shared = _Shared(frozenset(topic), topical, subjectlike, frozenset(index.numbers),
                     frozenset(c for c in subjectlike | {c for r in rules for c in r.require}
                               if c not in topic and c not in topical))
    section_concepts = frozenset(c for r in rules for c in r.concepts)
    languages = {s.article.id: s.article.language for s in sentences}
    texts = {s.article.id: s.article.text for s in sentences}

    if readings is None:
        readings = read_sentences(sentences, concepts, workers)
    named_of = [r.named for r in readings]
    follows = [i > 0 and _contiguous(sentences[i - 1], s) for i, s in enumerate(sentences)]
    # A sentence that leans on the one before joins it, unless it names what a section excludes: then
    # the fact before it is quoted without it, and it is quoted nowhere ("… erklärten die Aufständischen.
    # Sie riefen Millionen Flüchtlinge zur Rückkehr auf." in a section that excludes refugees).
    excluded = mask(c for r in rules for c in r.exclude)
    leans = [r.leans and not r.asserted & excluded for r in readings]
    cut_off = [r.leans and bool(r.asserted & excluded) for r in readings]
    starts = _unit_starts(follows, leans)  # the units: sentences starts[u] to starts[u + 1]
    starts.append(len(sentences))
    named_by_unit = []
    for a, b in zip(starts, starts[1:], strict=False):
        named = named_of[a]
        for k in range(a + 1, b):
            named |= named_of[k]
        named_by_unit.append(named)
    about = _articles_about(sentences, named_of, index, mask(c for r in rules for c in r.require) | topic_mask)
    as_set = _Ids()
    weight = _idf(Counter(named_by_unit), labels, as_set)
    sections_mask = mask(section_concepts)
    chosen: dict[str, list[tuple[Unit, float, list[str]]]] = {r.config.id: [] for r in rules}
    rejected: dict[str, _Rejections] = {r.config.id: _Rejections() for r in rules}
    figure_at = {i for i, s in enumerate(sentences) if id(s) in reports_figures} if reports_figures else set()

    def decide(named: int, asserted: int, lead: int, apart: int, nearby: int, article: int, short: bool,
               figure: bool) -> _Decision:
        """Which sections a unit that names these concepts fits (the best first) and which it does not, and why."""
        here = _Found(as_set(named), as_set(asserted), as_set(lead), as_set(apart), as_set(nearby | article), short,
                      as_set(nearby))
        bonus = TOPIC_BONUS if here.all & topic else 1.0
        fits: list[tuple[bool, float, str, list[str]]] = []
        left_out: list[tuple[str, float, str]] = []
        for r in rules:
            if not here.all & r.concepts:
                continue
            score, hits, carried, reason = _fit(here, r, weight, labels, bonus, shared)
            shows = figure and r.config.figures
            if shows and reason and (reason in _A_FIGURE_SUFFICES or reason.startswith("is about")):
                reason = None  # a troop figure of the subject is what this section is about
            if reason:
                left_out.append((r.config.id, score, reason))
            elif hits:
                fits.append((shows, score, r.config.id, _matched(here, hits, carried, labels)))
        fits.sort(key=lambda f: (not f[0], -f[1]))
        return [(sid, score, matched) for _, score, sid, matched in fits], left_out

    # A folder has far fewer distinct combinations of concepts than units: each is decided once.
    decided: dict[tuple[int, int, int, int, int, int, bool, bool], _Decision] = {}
    for u, named in enumerate(named_by_unit):
        if not named & sections_mask:
            continue  # most units of a large folder
        a, b = starts[u], starts[u + 1]
        if cut_off[a] and follows[a]:
            continue  # it cannot be quoted without the sentence before, which is quoted without it
        asserted = apart = words = 0
        for k in range(a, b):
            asserted |= readings[k].asserted
            apart |= readings[k].apart
            words += readings[k].words
        nearby = 0
        for k in _context(sentences, starts, u, follows):  # what the reader has just read
            nearby |= named_of[k]
        key = (named, asserted, readings[a].lead, apart, nearby, about.get(sentences[a].article.id, 0), words < MIN_WORDS,
               any(k in figure_at for k in range(a, b)))
        decision = decided.get(key)
        if decision is None:
            decision = decided[key] = decide(*key)
        fits, left_out = decision
        if not fits and not any(rejected[sid].wants(score) for sid, score, _ in left_out):
            continue  # nothing of this unit would be kept
        unit = Unit(tuple(sentences[a:b]))
        for sid, score, reason in left_out:
            rejected[sid].add(score, unit, reason)
        if fits:
            best, score, matched = fits[0]
            chosen[best].append((unit, score, matched))
            for other, other_score, other_matched in fits[1:]:
                if config.quote_once:
                    rejected[other].add(other_score, unit, f"fits '{best}' better")
                else:
                    chosen[other].append((unit, other_score, other_matched))

    # Repeats are folded best first, until there are enough distinct candidates to choose from.
    candidates = {r.config.id: _merge_neighbours(chosen[r.config.id], EXAMINED_PER_SLOT * r.config.max_excerpts)
                  for r in rules}
    gist = {_where(ex): _gist(ex, languages) for excerpts in candidates.values() for ex in excerpts}
    # how rare a word is among the candidates: the words the topic brings everywhere prove no shared fact
    rarity = _rarity([content for content, _ in gist.values()])
    choices = []
    for r in rules:
        sid, cap = r.config.id, r.config.max_excerpts
        ranked = _order(_deduplicate(candidates[sid], gist, rarity, CANDIDATES_PER_SLOT * cap), gist, rarity)
        for ex in ranked[cap:]:
            rejected[sid].add(ex.score, ex, f"over max_excerpts ({cap})")
        choices.append(SectionChoice(r.config, [_attributed(ex, texts) for ex in ranked[:cap]], rejected[sid].best()))
    return choices


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
        self.added = 0
        self.floor = -math.inf  # once the list was cut: a score no better than this can no longer be kept

    def wants(self, score: float) -> bool:
        return score > self.floor

    def add(self, score: float, what: Unit | Excerpt, reason: str) -> None:
        if score <= self.floor:
            return
        self.items.append((-score, self.added, what, reason))
        self.added += 1
        if len(self.items) > 20 * REJECTED_KEPT:
            self.items.sort(key=lambda item: item[:2])
            del self.items[REJECTED_KEPT:]
            self.floor = -self.items[-1][0]

    def best(self) -> list[Rejected]:
        return [Rejected(what.text, round(-score, 3), reason)
                for score, _, what, reason in sorted(self.items, key=lambda item: item[:2])[:REJECTED_KEPT]]


def _articles_about(sentences: Sequence[Sentence], named_of: Sequence[int], index: ConceptIndex,
                    subjects: int) -> dict[str, int]:
    """Of the subject concepts (`require`, topic), those each article is about: named in its headline,
    or in a fifth of its sentences (and at least two). Its sentences need not name them again."""
    counts: dict[str, Counter[int]] = {}
    totals: Counter[str] = Counter()
    titles: dict[str, str | None] = {}
    for s, named in zip(sentences, named_of, strict=True):
        art = s.article.id
        totals[art] += 1
        titles.setdefault(art, s.article.title)
        if named & subjects:
            counts.setdefault(art, Counter()).update(ids(named & subjects))
    about = {}
    for art, total in totals.items():
        title = titles[art]
        bits = index.read(title, None)[0] & subjects if title else 0
        bits |= mask(c for c, n in counts.get(art, Counter()).items() if n >= max(2, total / 5))
        if bits:
            about[art] = bits
    return about


def _unit_starts(follows: Sequence[bool], leans: Sequence[bool]) -> list[int]:
    """Where each unit starts: a sentence that leans on the one before it (`leans`) and directly
    follows it (`follows`) is never quoted without it."""
    starts: list[int] = []
    for i, (after, leaning) in enumerate(zip(follows, leans, strict=True)):
        if not (starts and leaning and after and i - starts[-1] < MAX_UNIT_SENTENCES):
            starts.append(i)
    return starts


def _context(sentences: Sequence[Sentence], starts: Sequence[int], u: int, follows: Sequence[bool]) -> range:
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


def _contiguous(a: Sentence, b: Sentence) -> bool:
    """b follows a with nothing but white space between them (no furniture, no heading)."""
    return a.article is b.article and b.index == a.index + 1 and not a.article.text[a.end : b.start].strip()


@dataclass(frozen=True)
class _Shared:
    """What the config says about its concepts across sections."""

    topic: frozenset[int]
    topical: frozenset[int]  # section concepts that only ever name the topic
    subjectlike: frozenset[int]  # concepts that can name the topic (the topic's own included)
    numbers: frozenset[int]  # "#number"
    actors: frozenset[int]  # others the brief is about: concepts that can name the topic and more, every required one


def _fit(found: _Found, rules: _Rules, weight: list[float], labels: list[str], bonus: float,
         shared: _Shared) -> tuple[float, list[int], int | None, str | None]:
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
        # what the reader has just read, or the whole article, names what this one is about: that
        # satisfies `require`, at half weight; unless the sentence opens with another subject of its own
        other = _other_subject(found, rules, shared, labels)
        if other:
            return score, hits, None, f"is about '{other}', not a required term"
        score += CONTEXT_WEIGHT * weight[carried]
    score *= bonus
    if found.short:
        return score, hits, carried, "too short to stand alone"
    hit = next((labels[c] for c in rules.exclude if c in found.asserted), None)  # not in a what-if or occasion
    if hit:
        return score, hits, carried, f"excluded by '{hit}'"
    counting = {labels[c] for c in hits if c not in shared.topical}
    if rules.require and not rules.required & shared.subjectlike and found.asserted & shared.topic:
        counting.add("")  # the brief's topic, said of a section's own subject ("Seoul … Nordkoreas …"), links the two
    if len(counting) < MIN_CONCEPTS and not _about_subject(found, rules, shared, labels, hits):
        return score, hits, carried, "only one term matched"
    if not any(c in found.asserted for c in hits):
        return score, hits, carried, "named only in a what-if"
    if score < MIN_SCORE:
        return score, hits, carried, f"weak match (score below {MIN_SCORE})"
    return score, hits, carried, None


def _about_subject(found: _Found, rules: _Rules, shared: _Shared, labels: list[str], hits: list[int]) -> bool:
    """One aspect of the section said of its subject: "Assad ist geflohen" in a section that requires
    Assad. The subject is the `require` concepts, else the topic. Named in the unit, the aspect must be
    a thing of its own, not a word that only qualifies another ("nordkoreanische Soldaten" is the
    subject, not a deployment); named only before it or by the article ("Eine zweite Entsendung werde
    in Kürze erfolgen"), the aspect must open the sentence, as what it is about. A bare figure is no
    aspect of anything."""
    subject = rules.required if rules.require else shared.topic
    if found.asserted & subject:
        opening = found.apart  # not merely qualifying the subject: "nordkoreanische Soldaten" is the subject
    elif rules.require and found.context & subject and not _other_subject(found, rules, shared, labels):
        # (the topic, the subject of a section with no `require`, is what every sentence of a focused
        # folder is about: there it must be named in the unit)
        opening = found.lead
    else:
        return False
    subject_labels = {labels[c] for c in subject}
    return any(c in found.asserted and c not in shared.subjectlike and c not in shared.numbers
               and labels[c] not in subject_labels and c in opening for c in hits)


def _other_subject(found: _Found, rules: _Rules, shared: _Shared, labels: list[str]) -> str | None:
    """A subject the unit opens with that is not the section's ("Russlands Präsident Putin hat …" in a
    section on Seoul): one of the brief's actors (a concept that can name the topic, a section's
    required one). Then the section's subject, known only from the article as a whole, is not what it
    is about; when the sentence before names it, the other is more likely the source of what it says."""
    subject = rules.required if rules.require else shared.topic
    if found.lead & shared.topic or found.nearby & subject:
        return None  # "In Damaskus feierten …": a concept that names the topic, where it does, is no other subject
    own = {labels[c] for c in (rules.required if rules.require else shared.topic)}
    return next((labels[c] for c in found.lead if c in shared.actors and labels[c] not in own), None)


def _matched(found: _Found, hits: list[int], carried: int | None, labels: list[str]) -> list[str]:
    """The labels of the concepts a unit matched, for `briefing explain`: "Term?" only in a what-if,
    "(Term)" in the sentence before."""
    matched = [labels[c] if c in found.asserted else f"{labels[c]}?" for c in hits]
    return matched + [f"({labels[carried]})"] if carried is not None else matched


def _idf(units: Counter[int], labels: list[str], as_set: _Ids) -> list[float]:
    """Rare concepts say more about a sentence than ones found everywhere (e.g. 'Soldaten').
    `units`: how many units name each combination of concepts (a bit mask)."""
    n = sum(units.values()) or 1
    df: Counter[str] = Counter()
    for named, count in units.items():
        for label in {labels[c] for c in as_set(named)}:  # concepts with the same label count as one
            df[label] += count
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
    return excerpt.model_copy(update={"attribution": attribute(excerpt.text, before, texts[excerpt.source])})


def _content(found: Sequence[Word]) -> frozenset[str]:
    """The words that carry content: four letters or more, and figures."""
    return frozenset(min(keys) for w, keys in found if len(w) >= 4 or w[:1].isdigit())


def _where(excerpt: Excerpt) -> tuple[str, int]:
    return excerpt.source, excerpt.start


def _gist(excerpt: Excerpt, languages: dict[str, str | None]) -> tuple[frozenset[str], frozenset[int]]:
    """What tells whether two excerpts report the same thing: their content words and their figures."""
    found = words(excerpt.text, languages[excerpt.source])
    return _content(found), frozenset(v for w, _ in found if (v := number_value(w)) is not None and v >= 100)


def _deduplicate(excerpts: list[Excerpt], gist: dict[tuple[str, int], tuple[frozenset[str], frozenset[int]]],
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
        content, figures = gist[_where(ex)]
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


def _order(excerpts: list[Excerpt], gist: dict[tuple[str, int], tuple[frozenset[str], frozenset[int]]],
           rarity: dict[str, float]) -> list[Excerpt]:
    """Most relevant first; but a source already quoted yields to another of similar weight, and an
    excerpt that repeats much of what an earlier one said (its rarer words) yields to one that says
    something new, so that a cap costs restatements first."""
    def told(ex: Excerpt) -> dict[str, float]:
        return {w: rarity.get(w, 1.0) for w in gist[_where(ex)][0]}

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
