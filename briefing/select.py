"""select: for each section, the excerpts that belong there - scored, each sentence given to the
section it fits best, extended to stand on its own, merged, de-duplicated across sources, ordered."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .attribution import find_attribution
from .config import Config, SectionConfig
from .language import Term, Token, tokens
from .models import Citation, Excerpt, Sentence

MIN_WORDS = 6  # shorter sentences are headlines' leftovers or fragments, not evidence
MAX_EXCERPT_CHARS = 900
SAME_FACT = 0.55  # overlap of content words above which two excerpts report the same thing

# A sentence that opens like this leans on the one before it ("Demnach …", "Sie …", "Einige von ihnen …").
_LEANS_BACK = re.compile(
    r"^[\"„“»«]?(demnach|demzufolge|dem bericht zufolge|dem entgegen|dies|diese[rsnm]?|er|sie|ihr|ihre[rsnm]?|"
    r"sein|seine[rsnm]?|dort|damit|dabei|daher|deshalb|deswegen|darauf|dafür|dagegen|zudem|außerdem|"
    r"allerdings|jedoch|doch|aber|und|so|zuvor|dennoch|trotzdem|letzterer|letztere|einige von ihnen|"
    r"he|she|they|it|this|these|those|that|his|her|their|there|thus|however|but|and|also|"
    r"some of them|according to the report)\b|^das\s+(?=[a-zäöüß])", re.I)
_CONTENT_MIN = 4


@dataclass(frozen=True)
class Concept:
    """One entry of a section's terms: synonyms in German or English."""

    label: str
    terms: tuple[Term, ...]

    @classmethod
    def parse(cls, synonyms: Sequence[str]) -> Concept:
        return cls(synonyms[0], tuple(Term.parse(s) for s in synonyms))

    def found_in(self, toks: list[Token]) -> bool:
        return any(term.found_in(toks) for term in self.terms)


@dataclass(frozen=True)
class Analysed:
    sentence: Sentence
    toks: list[Token] = field(repr=False)

    @property
    def words(self) -> int:
        return sum(1 for t in self.toks if not t.text.isdigit())


@dataclass(frozen=True)
class Match:
    """How one sentence fits one section."""

    score: float
    matched: tuple[str, ...]


@dataclass(frozen=True)
class Rejected:
    text: str
    score: float
    reason: str


@dataclass
class SectionChoice:
    """A section's excerpts, plus the best candidates left out and why (for `briefing explain`)."""

    config: SectionConfig
    excerpts: list[Excerpt]
    rejected: list[Rejected]


def select_excerpts(config: Config, sentences: Sequence[Sentence]) -> list[SectionChoice]:
    analysed = [Analysed(s, tokens(s.text, s.article.language)) for s in sentences]
    sections = [(sc, [Concept.parse(c) for c in sc.terms], [Concept.parse(c) for c in sc.require],
                 [Concept.parse(c) for c in sc.exclude]) for sc in config.sections]
    topic = [Concept.parse(c) for c in config.topic]
    weight = _idf(analysed, [c for _, terms, req, _ in sections for c in terms + req] + topic)

    # Score every sentence for every section; keep the section it fits best.
    best: dict[str, list[tuple[Analysed, Match]]] = {sc.id: [] for sc in config.sections}
    rejected: dict[str, list[Rejected]] = {sc.id: [] for sc in config.sections}
    for item in analysed:
        on_topic = any(c.found_in(item.toks) for c in topic)
        fits: list[tuple[float, str, Match]] = []
        for sc, terms, require, exclude in sections:
            found = [c for c in terms + require if c.found_in(item.toks)]
            if not found:
                continue
            score = sum(weight[c.label] for c in {c.label: c for c in found}.values()) * (1.25 if on_topic else 1.0)
            match = Match(round(score, 3), tuple(dict.fromkeys(c.label for c in found)))
            reason = _reject_reason(item, found, require, exclude)
            if reason:
                rejected[sc.id].append(Rejected(item.sentence.text, match.score, reason))
                continue
            fits.append((score, sc.id, match))
        if fits:
            fits.sort(key=lambda f: -f[0])
            best[fits[0][1]].append((item, fits[0][2]))
            for _, other, match in fits[1:]:
                rejected[other].append(Rejected(item.sentence.text, match.score, f"fits '{fits[0][1]}' better"))

    built = {sc.id: _deduplicate(_build_excerpts(best[sc.id], analysed)) for sc in config.sections}
    built = _quote_once(built, rejected)
    choices = []
    for sc in config.sections:
        ranked = _order(built[sc.id])
        for ex in ranked[sc.max_excerpts:]:
            rejected[sc.id].append(Rejected(ex.text, ex.score, f"over max_excerpts ({sc.max_excerpts})"))
        choices.append(SectionChoice(sc, ranked[: sc.max_excerpts], sorted(rejected[sc.id], key=lambda r: -r.score)))
    return choices


def _quote_once(built: dict[str, list[Excerpt]], rejected: dict[str, list[Rejected]]) -> dict[str, list[Excerpt]]:
    """No text is quoted twice: where excerpts of two sections overlap (through the context a
    sentence brought along), the better-scored one keeps it."""
    everything = sorted(((ex, sid) for sid, exs in built.items() for ex in exs), key=lambda p: -p[0].score)
    taken: list[tuple[str, int, int, str]] = []
    kept: dict[str, list[Excerpt]] = {sid: [] for sid in built}
    for ex, sid in everything:
        clash = next((t for t in taken if t[0] == ex.source and t[1] < ex.end and ex.start < t[2]), None)
        if clash:
            rejected[sid].append(Rejected(ex.text, ex.score, f"already quoted in '{clash[3]}'"))
            continue
        taken.append((ex.source, ex.start, ex.end, sid))
        kept[sid].append(ex)
    return kept


def _reject_reason(item: Analysed, found: list[Concept], require: list[Concept], exclude: list[Concept]) -> str | None:
    if item.words < MIN_WORDS:
        return "too short to stand alone"
    if require and not any(c in found for c in require):
        return "matches none of the required terms"
    hit = next((c.label for c in exclude if c.found_in(item.toks)), None)
    if hit:
        return f"excluded by '{hit}'"
    if len({c.label for c in found}) < 2:
        return "only one term matched"
    return None


def _idf(analysed: list[Analysed], concepts: list[Concept]) -> dict[str, float]:
    """Rare concepts say more about a sentence than ones found everywhere (e.g. 'Soldaten')."""
    n = len(analysed) or 1
    weights = {}
    for concept in {c.label: c for c in concepts}.values():
        df = sum(1 for a in analysed if concept.found_in(a.toks))
        weights[concept.label] = max(0.5, math.log((n + 1) / (df + 1)))
    return weights


def _build_excerpts(chosen: list[tuple[Analysed, Match]], analysed: list[Analysed]) -> list[Excerpt]:
    """Chosen sentences, each with the sentence it leans on, adjacent ones merged into one excerpt."""
    by_article: dict[str, list[Analysed]] = {}
    for a in analysed:
        by_article.setdefault(a.sentence.article.id, []).append(a)
    groups: list[tuple[list[Analysed], list[Match]]] = []
    for item, match in sorted(chosen, key=lambda c: (c[0].sentence.article.id, c[0].sentence.index)):
        siblings = by_article[item.sentence.article.id]
        units = [item]
        i = item.sentence.index
        while i > 0 and _leans_back(siblings[i].sentence) and _contiguous(siblings[i - 1].sentence, siblings[i].sentence):
            i -= 1
            units.insert(0, siblings[i])
        last = groups[-1] if groups else None
        if last and _can_join(last[0][-1].sentence, units[0].sentence, last[0], units):
            last[0].extend(u for u in units if u.sentence.index > last[0][-1].sentence.index)
            last[1].append(match)
        else:
            groups.append((units, [match]))
    return [_excerpt(units, matches) for units, matches in groups]


def _leans_back(sentence: Sentence) -> bool:
    return bool(_LEANS_BACK.match(sentence.text))


def _contiguous(a: Sentence, b: Sentence) -> bool:
    """b follows a with nothing but white space between them (no furniture, no heading)."""
    return a.article is b.article and b.index == a.index + 1 and not a.article.text[a.end : b.start].strip()


def _can_join(prev: Sentence, first: Sentence, group: list[Analysed], units: list[Analysed]) -> bool:
    if prev.article is not first.article or first.index > prev.index + 1:
        return False
    if first.index == prev.index + 1 and not _contiguous(prev, first):
        return False
    length = group[-1].sentence.end - group[0].sentence.start + (units[-1].sentence.end - units[0].sentence.start)
    return length <= MAX_EXCERPT_CHARS


def _excerpt(units: list[Analysed], matches: list[Match]) -> Excerpt:
    first, last = units[0].sentence, units[-1].sentence
    article = first.article
    text = article.text[first.start : last.end]
    score = max(m.score for m in matches) + 0.25 * (len(matches) - 1)
    matched = list(dict.fromkeys(label for m in matches for label in m.matched))
    return Excerpt(source=article.id, start=first.start, end=last.end, text=text, score=round(score, 3),
                   matched=matched, attribution=find_attribution(text, article.language))


def content_words(text: str, language: str | None) -> frozenset[str]:
    return frozenset(min(t.keys) for t in tokens(text, language) if len(t.text) >= _CONTENT_MIN or t.text[:1].isdigit())


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _deduplicate(excerpts: list[Excerpt]) -> list[Excerpt]:
    """The same fact from several sources: keep the best-scored telling, cite the others with it."""
    kept: list[tuple[Excerpt, frozenset[str]]] = []
    for ex in sorted(excerpts, key=lambda e: -e.score):
        words = content_words(ex.text, None)
        for i, (other, other_words) in enumerate(kept):
            if other.source != ex.source and similarity(words, other_words) >= SAME_FACT:
                also = Citation(source=ex.source, start=ex.start, end=ex.end, text=ex.text)
                kept[i] = (other.model_copy(update={"corroborated_by": [*other.corroborated_by, also]}), other_words)
                break
        else:
            kept.append((ex, words))
    return [ex for ex, _ in kept]


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
