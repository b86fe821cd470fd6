"""select: for each section, the excerpts that belong there.

Sentences are first grouped into units that stand on their own (a sentence opening with
"Demnach", "Sie", "Einige von ihnen" … joins the one before it). Each unit is scored against every
section's concepts and given to the section it fits best; neighbouring units of one section merge
into one excerpt; the same fact told by several sources becomes one excerpt citing them all."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .attribution import attribute
from .config import Config, SectionConfig
from .language import ConceptIndex, Token, hedged, number_value, tokens, words
from .models import Citation, Excerpt, Sentence

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


_CONCESSION = re.compile(r"^\W*(zwar|admittedly|granted)\b", re.I)
_ANSWER = re.compile(r"^\W*(doch|aber|jedoch|allerdings|but|yet|however)\b", re.I)


@dataclass(frozen=True)
class Unit:
    """One or more consecutive sentences that can be quoted without what came before."""

    sentences: tuple[Sentence, ...]
    before: tuple[Sentence, ...]  # what the reader has just read, for concepts named just before

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


@dataclass(frozen=True)
class _Found:
    """The concepts a unit mentions: anywhere, in its opening words, and just before it."""

    all: frozenset[int]
    asserted: frozenset[int]  # named at least once outside a hedged stretch
    lead: frozenset[int]
    context: frozenset[int]
    words: int


@dataclass(frozen=True)
class _Read:
    """What selection keeps of a sentence: the concepts it names, its content words, its length."""

    concepts: frozenset[int]
    asserted: frozenset[int]
    content: frozenset[str]
    words: int


def select_excerpts(config: Config, sentences: Sequence[Sentence]) -> list[SectionChoice]:
    units = build_units(sentences)
    concepts: list[Sequence[str]] = []

    def ids(entries: Sequence[Sequence[str]]) -> list[int]:
        concepts.extend(entries)
        return list(range(len(concepts) - len(entries), len(concepts)))

    rules = [_Rules(sc, ids(sc.terms), ids(sc.require), ids(sc.exclude)) for sc in config.sections]
    topic = set(ids(config.topic))
    index = ConceptIndex(concepts)
    labels = [c[0] for c in concepts]
    # A section concept that only ever names the brief's topic ("Nordkorea" in a brief about North
    # Korea) is in nearly every sentence: it adds weight but does not count as one of a section's two.
    topical = frozenset(c for c in range(len(concepts)) if c not in topic and all(
        index.found(tokens(synonym, None)) & topic for synonym in concepts[c]))
    # Each sentence is read once; only what selection needs of it is kept, not its tokens.
    per_sentence: dict[int, _Read] = {}
    lead: dict[int, frozenset[int]] = {}
    nothing: frozenset[int] = frozenset()
    for u in units:
        lead[id(u)] = nothing
        for s in u.sentences:
            found_words = words(s.text, s.article.language)
            content = frozenset(min(keys) for w, keys in found_words if len(w) >= 4 or w[:1].isdigit())
            length = sum(1 for w, _ in found_words if not w[:1].isdigit())
            if not index.may_mention(found_words):  # most sentences of a large folder: no need for positions
                per_sentence[id(s)] = _Read(nothing, nothing, content, length)
                continue
            toks = tokens(s.text, s.article.language)
            first = s is u.sentences[0]
            named, asserted, opening = index.read(toks, hedged(s.text, toks), _lead(s, toks) if first else 0)
            per_sentence[id(s)] = _Read(frozenset(named), frozenset(asserted), content, length)
            if first:
                lead[id(u)] = frozenset(opening)
    none = _Read(frozenset(), frozenset(), frozenset(), 0)
    found = [_Found(frozenset().union(*(per_sentence[id(s)].concepts for s in u.sentences)),
                    frozenset().union(*(per_sentence[id(s)].asserted for s in u.sentences)), lead[id(u)],
                    frozenset().union(*(per_sentence.get(id(s), none).concepts for s in u.before)),
                    sum(per_sentence[id(s)].words for s in u.sentences))
             for u in units]
    weight = _idf(found, labels)
    rarity = _rarity([frozenset().union(*(per_sentence[id(s)].content for s in u.sentences)) for u in units])
    del per_sentence
    languages = {s.article.id: s.article.language for s in sentences}
    texts = {s.article.id: s.article.text for s in sentences}

    chosen: dict[str, list[tuple[Unit, float, list[str]]]] = {r.config.id: [] for r in rules}
    rejected: dict[str, list[Rejected]] = {r.config.id: [] for r in rules}
    for unit, here in zip(units, found, strict=True):
        bonus = TOPIC_BONUS if here.all & topic else 1.0
        fits: list[tuple[float, str, list[str]]] = []
        for r in rules:
            score, matched, reason = _fit(here, r, weight, labels, bonus, topical)
            if not matched:
                continue
            if reason:
                _reject(rejected[r.config.id], Rejected(unit.text, round(score, 3), reason))
            else:
                fits.append((score, r.config.id, matched))
        if fits:
            fits.sort(key=lambda f: -f[0])
            score, best, matched = fits[0]
            chosen[best].append((unit, score, matched))
            for other_score, other, other_matched in fits[1:]:
                if config.quote_once:
                    _reject(rejected[other], Rejected(unit.text, round(other_score, 3), f"fits '{best}' better"))
                else:
                    chosen[other].append((unit, other_score, other_matched))

    choices = []
    for r in rules:
        sid, cap = r.config.id, r.config.max_excerpts
        # repeats are folded best first, until there are enough distinct candidates to choose from
        ranked = _order(_deduplicate(_merge_neighbours(chosen[sid]), rarity, languages, CANDIDATES_PER_SLOT * cap))
        rejected[sid] += [Rejected(ex.text, ex.score, f"over max_excerpts ({cap})") for ex in ranked[cap:]]
        best_rejected = sorted(rejected[sid], key=lambda x: -x.score)[:REJECTED_KEPT]
        choices.append(SectionChoice(r.config, [_attributed(ex, texts) for ex in ranked[:cap]], best_rejected))
    return choices


def _reject(rejected: list[Rejected], item: Rejected) -> None:
    """Keep the rejections worth explaining, without holding on to every sentence of a large corpus."""
    rejected.append(item)
    if len(rejected) > 20 * REJECTED_KEPT:
        rejected.sort(key=lambda r: -r.score)
        del rejected[REJECTED_KEPT:]


def build_units(sentences: Sequence[Sentence]) -> list[Unit]:
    """Group sentences so that one leaning on the sentence before it is never quoted without it."""
    units: list[list[Sentence]] = []
    for sentence in sentences:
        last = units[-1] if units else None
        if last and _leans_back(sentence, last[-1]) and _contiguous(last[-1], sentence) and len(last) < MAX_UNIT_SENTENCES:
            last.append(sentence)
        else:
            units.append([sentence])
    return [Unit(tuple(group), _context(units, i)) for i, group in enumerate(units)]


def _context(units: list[list[Sentence]], i: int) -> tuple[Sentence, ...]:
    """What the reader has just read: the paragraph so far and the one before it, when nothing
    (no heading, no furniture) stands between them."""
    first = units[i][0]
    before: list[Sentence] = []
    j = i - 1
    while j >= 0 and len(before) < 2 * MAX_UNIT_SENTENCES:
        s = units[j][-1]
        follows = before[0] if before else first
        if not _contiguous(s, follows) or first.paragraph - s.paragraph > 1:
            break
        before[:0] = units[j]
        j -= 1
    return tuple(before)


def _lead(first: Sentence, toks: Sequence[Token]) -> int:
    """How many tokens open the sentence, up to the first comma (at most 12): where news sentences
    name what they are about ("South Korea's President Yoon … has said …")."""
    cut = re.search(r"[,;:]", first.text)
    end = cut.start() if cut else len(first.text)
    return min(12, sum(1 for t in toks if t.start < end))


def _leans_back(sentence: Sentence, before: Sentence) -> bool:
    if _LEANS_BACK.match(sentence.text):
        return True
    # "Zwar X. Doch Y.": the concession and its answer are one thought
    return bool(_CONCESSION.match(before.text) and _ANSWER.match(sentence.text))


def _contiguous(a: Sentence, b: Sentence) -> bool:
    """b follows a with nothing but white space between them (no furniture, no heading)."""
    return a.article is b.article and b.index == a.index + 1 and not a.article.text[a.end : b.start].strip()


def _fit(found: _Found, rules: _Rules, weight: list[float], labels: list[str], bonus: float,
         topical: frozenset[int]) -> tuple[float, list[str], str | None]:
    """How well a unit fits a section: score, matched concept labels, and why it is left out (or None)."""
    hits = [c for c in rules.terms + rules.require if c in found.all]
    hits = list({labels[c]: c for c in hits}.values())  # a concept listed twice counts once
    if not hits:
        return 0.0, [], None
    score = sum(weight[c] * (LEAD_WEIGHT if c in found.lead else 1.0) * (1.0 if c in found.asserted else HEDGED_WEIGHT)
                for c in hits)
    matched = [labels[c] if c in found.asserted else f"{labels[c]}?" for c in hits]
    count = len({labels[c] for c in hits if c not in topical})
    if rules.require and not any(c in found.all for c in rules.require):
        carried = next((c for c in rules.require if c in found.context), None)
        if carried is None:
            return score, matched, "matches none of the required terms"
        # the sentence before names what this one is about: that satisfies `require`, at half weight
        score += CONTEXT_WEIGHT * weight[carried]
        matched.append(f"({labels[carried]})")
    score *= bonus
    if found.words < MIN_WORDS:
        return score, matched, "too short to stand alone"
    hit = next((labels[c] for c in rules.exclude if c in found.all), None)
    if hit:
        return score, matched, f"excluded by '{hit}'"
    if count < MIN_CONCEPTS:
        return score, matched, "only one term matched"
    if not any(c in found.asserted for c in hits):
        return score, matched, "named only in a what-if"
    if score < MIN_SCORE:
        return score, matched, f"weak match (score below {MIN_SCORE})"
    return score, matched, None


def _idf(found: list[_Found], labels: list[str]) -> list[float]:
    """Rare concepts say more about a sentence than ones found everywhere (e.g. 'Soldaten')."""
    n = len(found) or 1
    df: Counter[str] = Counter()
    for here in found:
        df.update({labels[c] for c in here.all})  # concepts with the same label count as one
    return [max(0.5, math.log((n + 1) / (df[label] + 1))) for label in labels]


def _merge_neighbours(chosen: list[tuple[Unit, float, list[str]]]) -> list[Excerpt]:
    """Units of one section that follow each other directly become one excerpt."""
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
    return [_excerpt(group) for group in groups]


def _excerpt(group: list[tuple[Unit, float, list[str]]]) -> Excerpt:
    first, last = group[0][0].sentences[0], group[-1][0].sentences[-1]
    article = first.article
    text = article.text[first.start : last.end]
    score = max(s for _, s, _ in group) + 0.25 * (len(group) - 1)
    matched = list(dict.fromkeys(label for _, _, labels in group for label in labels))
    matched = [m for m in matched if not (m.endswith("?") and m[:-1] in matched)]  # asserted somewhere
    return Excerpt(source=article.id, start=first.start, end=last.end, text=text, score=round(score, 3),
                   matched=matched, attribution=None, corroborations=0)


def _attributed(excerpt: Excerpt, texts: dict[str, str]) -> Excerpt:
    """Who said it: worked out only for the excerpts that make it into the brief."""
    before = texts[excerpt.source][max(0, excerpt.start - 400) : excerpt.start]
    return excerpt.model_copy(update={"attribution": attribute(excerpt.text, before)})


def _content(toks: Sequence[Token]) -> frozenset[str]:
    """The words that carry content: four letters or more, and figures."""
    return frozenset(min(t.keys) for t in toks if len(t.text) >= 4 or t.text[:1].isdigit())


def _deduplicate(excerpts: list[Excerpt], rarity: dict[str, float], languages: dict[str, str | None],
                 enough: int) -> list[Excerpt]:
    """The same fact from several sources: keep the best-scored telling, cite the others with it.
    Two excerpts tell the same fact when most of the rarer words of the shorter one recur in the
    other: words found everywhere (Nordkorea, Soldaten) prove nothing, a shared figure a lot.
    Excerpts that give different figures disagree: they are both shown, never folded."""
    kept: list[tuple[Excerpt, frozenset[str], frozenset[int]]] = []
    for examined, ex in enumerate(sorted(excerpts, key=lambda e: -e.score)):
        if len(kept) >= enough or examined >= 20 * enough:
            break
        toks = tokens(ex.text, languages[ex.source])
        content = _content(toks)
        figures = frozenset(v for t in toks if (v := number_value(t.text)) is not None and v >= 100)
        for i, (other, other_content, other_figures) in enumerate(kept):
            if (other.source != ex.source and (figures <= other_figures or other_figures <= figures)
                    and _similarity(content, other_content, rarity) >= SAME_FACT):
                listed = other.corroborated_by
                if len(listed) < MAX_CORROBORATIONS and all(c.source != ex.source for c in listed):
                    listed = [*listed, Citation(source=ex.source, start=ex.start, end=ex.end, text=ex.text)]
                update = {"corroborated_by": listed, "corroborations": other.corroborations + 1}
                kept[i] = (other.model_copy(update=update), other_content, other_figures)
                break
        else:
            kept.append((ex, content, figures))
    return [ex for ex, _, _ in kept]


def _similarity(a: frozenset[str], b: frozenset[str], rarity: dict[str, float]) -> float:
    def mass(words: frozenset[str]) -> float:
        return sum(rarity.get(w, 1.0) for w in words)

    smaller = min(mass(a), mass(b))
    return mass(a & b) / smaller if smaller else 0.0


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
