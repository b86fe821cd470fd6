"""reading: what each sentence tells selection and the figure table: the section concepts it names
(anywhere, outside a what-if, in its opening words), how many words it has, whether it leans on the
sentence before it, and the figures it gives for each section that shows a table.

An article is read once per concept and kept in the cache beside it, so that a run after changing
the sections reads only the terms it has never read before: removing a section, renaming one or
changing its cap reads no text at all."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from .figure_counts import Counts, digest
from .figures import Found, find_figures
from .language import known_lemmas, new_lemmas, remember_lemmas
from .leaning import leanings
from .models import Article, Readings, Sentence
from .parallel import per_article
from .terms import ConceptIndex

MAX_CONCEPTS_KEPT = 200  # concepts remembered per article; past this (many edits) the reading starts afresh

@dataclass
class ArticleReading:
    """One article's sentences as read so far: bit j of a mask stands for concepts[j] (a concept's
    key, see concept_key); figures by the key of what they were looked for (Counts.key); and what its
    headline and each of its headings name (see heads_of)."""

    concepts: list[str]
    named: list[int]
    asserted: list[int]
    lead: list[int]
    apart: list[int]
    words: list[int]
    leans: list[int]
    figures: dict[str, list[Found]] = field(default_factory=dict)
    heads: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"concepts": self.concepts, "named": self.named, "asserted": self.asserted, "lead": self.lead,
                "apart": self.apart, "words": self.words, "leans": self.leans,
                "figures": {k: [list(f) for f in v] for k, v in self.figures.items()}, "heads": self.heads}

    @classmethod
    def from_json(cls, data: dict[str, Any], sentences: int) -> ArticleReading | None:
        """None when the data does not fit an article of this many sentences."""
        lists = [data["named"], data["asserted"], data["lead"], data["apart"], data["words"], data["leans"]]
        if any(not isinstance(x, list) or len(x) != sentences or not set(map(type, x)) <= {int} for x in lists):
            return None
        if not isinstance(data["concepts"], list) or not isinstance(data["heads"], list) \
                or not set(map(type, data["heads"])) <= {int}:
            return None
        if any(not isinstance(f, list) or len(f) != len(Found._fields) for v in data["figures"].values() for f in v):
            return None
        figures = {str(k): [Found(*f) for f in v] for k, v in data["figures"].items()}
        if any(not 0 <= f.sentence < sentences for v in figures.values() for f in v):
            return None
        named, asserted, lead, apart, words, leans = lists
        return cls([str(c) for c in data["concepts"]], named, asserted, lead, apart, words, leans,
                   figures, data["heads"])


class ReadingStore(Protocol):
    """Where readings are kept between runs (the article cache: see cache.py)."""

    def reading(self, key: str, sentences: int) -> ArticleReading | None: ...
    def put_reading(self, key: str, reading: ArticleReading) -> None: ...


@dataclass(frozen=True)
class Read:
    readings: Readings  # one per sentence, in the order of the groups given
    figures: dict[str, list[Found]]  # per section that shows figures, sentence positions in that same order
    heads: dict[str, list[int]]  # per article id, the concepts its headline and its headings name (heads_of)


def heads_of(article: Article, index: ConceptIndex) -> list[int]:
    """What the article's headline names, then each of its headings (Article.headings): read once, with
    its sentences, for the articles a brief is about and the paragraphs a heading is about (units)."""
    return [index.names(article.title, None) if article.title else 0] + \
        [index.names(article.text[h.start : h.end], article.language) for h in article.headings()]


def concept_key(synonyms: Sequence[str]) -> str:
    """What a reading keeps a concept under: a digest of its synonyms. (Their words themselves, kept in
    every article's reading, were two thirds of a large folder's readings, and each run made each of
    them anew as a string for every article.)"""
    return digest("|".join(synonyms))


def read_concepts(groups: Sequence[tuple[str | None, Sequence[Sentence]]], concepts: Sequence[Sequence[str]],
                  counts: Sequence[Counts] = (), store: ReadingStore | None = None,
                  workers: int | None = None, progress: Callable[[int, int], None] | None = None) -> Read:
    """Read each group (the sentences of one article, in order, with its cache key) for `concepts`
    and for the figures of each section in `counts`; what the store already holds is not read again."""
    keys = [concept_key(c) for c in concepts]
    by_key = dict(zip(keys, concepts, strict=True))
    by_figures = {c.key: c for c in counts}
    known: list[ArticleReading | None] = []
    jobs: list[tuple[int, Job]] = []
    for g, (key, sentences) in enumerate(groups):
        if not sentences:
            known.append(ArticleReading([], [], [], [], [], [], [], {k: [] for k in by_figures}))
            continue
        cached = store.reading(key, len(sentences)) if store and key else None
        if cached and len(cached.heads) != 1 + len(sentences[0].article.headings()):
            cached = None  # (an entry altered to fit the sentences but not the headings)
        have = set(cached.concepts) if cached else set()
        missing = list(dict.fromkeys(k for k in keys if k not in have))
        if cached and len(cached.concepts) + len(missing) > MAX_CONCEPTS_KEPT:
            cached, missing = None, list(by_key)
        figures = [c for k, c in by_figures.items() if not cached or k not in cached.figures]
        known.append(cached)
        if missing or figures:
            jobs.append((g, Job(sentences[0].article, [(s.start, s.end, s.index, s.paragraph) for s in sentences],
                                [by_key[k] for k in missing], figures, cached, key, store)))
    for _, job in jobs:  # made here, not in each worker process: a new term may need the lemma dictionary
        _index(job.concepts)
    for (g, _), (reading, lemmas) in zip(jobs, per_article(_read_article, [job for _, job in jobs], workers, progress,
                                                                  setup=(remember_lemmas, (known_lemmas(),))),
                                         strict=True):
        remember_lemmas(lemmas, new=True)  # for the cache, so that the next run need not look them up
        known[g] = reading
    return _assemble(known, keys, counts, [g[0].article.id if g else None for _, g in groups])


def read_sentences(sentences: Sequence[Sentence], concepts: Sequence[Sequence[str]],
                   workers: int | None = None) -> Readings:
    """Readings of any sentences, in the order given (those of one article are read together, in order)."""
    batches: dict[str, list[int]] = {}
    for at, s in enumerate(sentences):
        batches.setdefault(s.article.id, []).append(at)
    read = read_concepts([(None, [sentences[at] for at in batch]) for batch in batches.values()], concepts,
                         workers=workers)
    order = [at for batch in batches.values() for at in batch]  # where each reading read goes
    place = [0] * len(order)
    for i, at in enumerate(order):
        place[at] = i
    return read.readings.only(place)


class Job(NamedTuple):
    """One article to read, and where to keep the result."""

    article: Article
    spans: list[tuple[int, int, int, int]]  # its sentences: start, end, index, paragraph
    concepts: list[Sequence[str]]  # to read it for
    figures: list[Counts]  # the sections whose figures to look for
    known: ArticleReading | None  # what is known of it already (None: nothing, so all is read)
    key: str | None  # its cache key
    store: ReadingStore | None  # where the worker keeps the result (None: nowhere)


_indexes: dict[tuple[tuple[str, ...], ...], ConceptIndex] = {}  # per set of concepts, in this process


def _index(concepts: Sequence[Sequence[str]]) -> ConceptIndex:
    signature = tuple(tuple(c) for c in concepts)
    index = _indexes.get(signature)
    if index is None:
        index = _indexes[signature] = ConceptIndex(concepts)
    return index


def _read_article(job: Job) -> tuple[ArticleReading, dict[str, str]]:
    """What is known of the article, now with the concepts given (their bits after the known ones),
    kept in the store; and the German lemmas this process had to look up for it."""
    article, spans, concepts, counts, known, key, store = job
    fresh = known is None
    texts = [article.text[s:e] for s, e, _, _ in spans]
    named, asserted, lead, apart = [0] * len(texts), [0] * len(texts), [0] * len(texts), [0] * len(texts)
    words: list[int] = []
    leans: list[int] = []
    if fresh:
        leans = leanings(texts, article.language)
    index = _index(concepts)
    # an article that names none of the concepts (most, when one new term is read) is not read sentence by sentence
    if fresh or (concepts and index.names_any("\n".join(texts), article.language)):
        for i, text in enumerate(texts):
            named[i], asserted[i], lead[i], apart[i], w = index.read(text, article.language)
            words.append(w)
    figures = {}
    if counts:
        sentences = [Sentence(article, s, e, n, p) for s, e, n, p in spans]
        figures = {c.key: find_figures(sentences, c) for c in counts}
    heads = heads_of(article, index) if concepts else [0] * (1 + len(article.headings()))
    reading = _merge(known, ArticleReading([concept_key(c) for c in concepts], named, asserted, lead, apart, words,
                                           leans, figures, heads))
    if store and key:
        store.put_reading(key, reading)  # here: on all cores, when there are many
    return reading, new_lemmas()


def _merge(old: ArticleReading | None, new: ArticleReading) -> ArticleReading:
    """The new concepts' bits go after the old ones."""
    if old is None:
        return new
    old.figures.update(new.figures)
    shift = len(old.concepts)
    old.concepts += new.concepts
    if any(new.named):  # (the other masks are parts of named) most often none, when one new term is read
        old.named = [a | b << shift for a, b in zip(old.named, new.named, strict=True)]
        old.asserted = [a | b << shift for a, b in zip(old.asserted, new.asserted, strict=True)]
        old.lead = [a | b << shift for a, b in zip(old.lead, new.lead, strict=True)]
        old.apart = [a | b << shift for a, b in zip(old.apart, new.apart, strict=True)]
    if any(new.heads):
        old.heads = [a | b << shift for a, b in zip(old.heads, new.heads, strict=True)]
    return old


def _assemble(known: Sequence[ArticleReading | None], keys: list[str], counts: Sequence[Counts],
              ids: Sequence[str | None]) -> Read:
    """The articles' readings in the concept numbering of this run, one after the other (`ids`: their
    articles', None for an article without sentences)."""
    wanted: dict[str, int] = {}
    for cid, key in enumerate(keys):  # a concept listed in two sections has two ids
        wanted[key] = wanted.get(key, 0) | 1 << cid
    tables: dict[tuple[str, ...], dict[int, int]] = {}
    readings = Readings()
    figures: dict[str, list[Found]] = {c.section: [] for c in counts}
    by_key = [(c.section, c.key) for c in counts]
    heads: dict[str, list[int]] = {}
    for reading, article in zip(known, ids, strict=True):
        assert reading is not None  # read above if it was not known
        for section, key in by_key:
            figures[section] += [f._replace(sentence=len(readings) + f.sentence) for f in reading.figures[key]]
        bits = [wanted.get(k, 0) for k in reading.concepts]
        masks = (reading.named, reading.asserted, reading.lead, reading.apart)
        readings.words.extend(reading.words)
        readings.leans.extend(reading.leans)
        if bits == [1 << j for j in range(len(keys))]:  # read for exactly this run's concepts: nothing to renumber
            for column, read in zip(readings.masks(), masks, strict=True):
                column.extend(read)
            if article is not None:
                heads[article] = reading.heads
            continue
        table = tables.setdefault(tuple(reading.concepts), {0: 0})
        for read in (*masks, reading.heads):
            for local in set(read).difference(table):  # (not `- table.keys()`: that makes a set of the whole table)
                table[local] = _renumber(local, bits)
        new = table.__getitem__
        if article is not None:
            heads[article] = list(map(new, reading.heads))
        for column, read in zip(readings.masks(), masks, strict=True):
            column.extend(map(new, read))
    return Read(readings, figures, heads)


def _renumber(local: int, bits: list[int]) -> int:
    """A mask of an article's own concept numbers in this run's (`bits`: the run's mask for each)."""
    found = 0
    for j, bit in enumerate(bits):
        if local >> j & 1:
            found |= bit
    return found
