"""pipeline: the stages in order. ingest -> segment -> read (concepts, figures) -> select -> Brief."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .cache import ArticleCache
from .concepts import Concepts
from .config import Config, config_warnings
from .copies import fold_copies
from .errors import IngestError
from .figure_counts import Counts
from .figure_table import figure_table, spreads
from .figures import Found
from .ingest import Skipped
from .language import new_lemmas, remember_lemmas
from .models import Article, Brief, Excerpt, Section, Sentence, Source, Spread
from .prepare import prepare_articles
from .reading import read_concepts
from .select import SectionChoice, select_excerpts
from .source_checks import front_matter_problems, sidecar_problems
from .timeline import Edition, key_point, mark_new, within_period
from .units import unrelated_tails

log = logging.getLogger("briefing")


@dataclass(frozen=True)
class Build:
    """What one run produced: the brief, plus what the user should hear about."""

    brief: Brief
    articles: list[Article]
    choices: list[SectionChoice]
    skipped: list[Skipped]
    notes: list[str]
    concepts: Concepts | None = None
    unrelated: frozenset[tuple[str, int]] = frozenset()  # (article, start) of the sentences taken for another story

    @property
    def warnings(self) -> list[str]:
        notes = [f"skipped {s.path}: {s.reason}" for s in self.skipped] + self.notes
        notes += [f"section '{s.id}' has no evidence in the sources" for s in self.brief.sections if not s.excerpts]
        return notes


def build_brief(config: Config, articles_dir: Path, cache: ArticleCache | None = None, workers: int | None = None,
                progress: Callable[[str], Callable[[int, int], None]] | None = None,
                previous: Edition | None = None) -> Build:
    """`progress`, given a stage's name, gives what to call with (done, total) as it goes; `previous`,
    the edition before this one, to mark what is new."""
    timer = _Timer()
    prepared = prepare_articles(articles_dir, cache, workers, progress("prepare") if progress else None)
    articles, sentences, skipped = prepared.articles, prepared.sentences, prepared.skipped
    if not articles:
        raise IngestError(f"{articles_dir}: none of the {len(skipped)} files could be read as an article")
    timer.lap("ingest+segment", f"{len(articles)} articles, {len(sentences)} sentences, {len(skipped)} skipped")
    groups = prepared.groups
    period = within_period(config, articles, sentences)  # dates that cannot be right, the config's period
    keys = {group[0].article.id: key for key, group in groups if group}
    # the same report in several files is one source
    copies = fold_copies(period.articles, period.sentences, cache, [keys.get(a.id) for a in period.articles])
    if period.changed or copies.copies:
        mine: dict[str, list[Sentence]] = {a.id: [] for a in copies.articles}
        for sentence in copies.sentences:
            mine[sentence.article.id].append(sentence)
        articles, sentences = copies.articles, copies.sentences
        groups = [(keys.get(a.id), mine[a.id]) for a in articles]
    if not articles:
        raise IngestError(f"{articles_dir}: no article is dated within the period of the config")
    if cache:
        remember_lemmas(cache.lemmas())
    # what each sentence says, and the figures of each section with a table (a sentence that gives one is
    # quoted there): read once per article and concept, kept in the cache
    concepts = Concepts.of(config)
    counts = [Counts.of(s, config) for s in config.sections if s.figures]
    read = read_concepts(groups, concepts.synonyms, counts, cache, workers,
                         progress("read") if progress else None)
    readings, found = read.readings, read.figures
    timer.lap("read", f"{sum(map(len, found.values()))} figures")
    unrelated = unrelated_tails(concepts, sentences, readings)  # another story appended to a page
    left_out = frozenset((sentences[at].article.id, sentences[at].start) for at in unrelated)
    if unrelated:
        kept = {old: new for new, old in enumerate(at for at in range(len(sentences)) if at not in unrelated)}
        found = {sid: [f._replace(sentence=kept[f.sentence]) for f in fs if f.sentence in kept] for sid, fs in found.items()}
        sentences = [sentences[at] for at in kept]
        readings = readings.only(list(kept))
    choices = select_excerpts(config, sentences, readings, figures={sid: {f.sentence for f in fs} for sid, fs in found.items()},
                              workers=workers, concepts=concepts, heads=read.heads)
    if cache:
        cache.add_lemmas(new_lemmas())
    timer.lap("select", f"{sum(len(c.excerpts) for c in choices)} excerpts")
    cited = {e.source for c in choices for e in c.excerpts}
    sections = [_section(c, sentences, found.get(c.config.id, []), cited) for c in choices]
    sources = _sources(articles, [e for s in sections for e in s.excerpts], [f.source for s in sections for f in s.figures],
                       copies.copies)
    dates = sorted(a.published for a in articles if a.published)
    date, note = _brief_date(config, dates)
    covered = (config.period.start or dates[0], config.period.end or dates[-1]) if config.period and dates else \
        (dates[0], dates[-1]) if dates else None
    brief = Brief(
        title=config.title, subtitle=config.subtitle, author=config.author,
        date=date, language=config.language, classification=config.classification,
        period=covered, undated=sum(a.published is None for a in articles), sources=sources, sections=sections,
    )
    if previous:
        brief = mark_new(brief, previous)
    notes = config_warnings(config) + sidecar_problems(articles_dir, [a.path for a in prepared.articles]
                                                       + [s.path for s in skipped])
    notes += front_matter_problems(prepared.articles) + period.notes + ([note] if note else [])
    notes += [f"section '{c.config.id}' shows figures, but no sentence gives a number with a word of "
              f"{'its figures.counts' if c.config.figure_spec.counts else 'its terms'}: add the noun the sources count to it"
              for c, s in zip(choices, sections, strict=True) if c.config.figures and not s.figures]
    return Build(brief, articles, choices, skipped, notes, concepts, left_out)


def _section(choice: SectionChoice, sentences: list[Sentence], found: list[Found], cited: set[str]) -> Section:
    c = choice.config
    rows, left_out = figure_table(sentences, found, cited) if c.figures else ([], 0)
    return Section(id=c.id, title=c.title, question=c.question, excerpts=choice.excerpts,
                   key_point=key_point(choice.excerpts), figures=rows,
                   figures_label=c.figure_spec.label, figures_left_out=left_out,
                   figure_spreads=[Spread(quantity=q, low=lo, high=hi, sources=n) for q, lo, hi, n in spreads(rows)])


class _Timer:
    """Logs each stage's time at INFO level (briefing build -v), for the benchmarks and the curious."""

    def __init__(self) -> None:
        self.last = time.perf_counter()

    def lap(self, stage: str, detail: str) -> None:
        now = time.perf_counter()
        log.info("%s: %.3f s (%s)", stage, now - self.last, detail)
        self.last = now


def _brief_date(config: Config, dates: list[dt.date]) -> tuple[dt.date, str | None]:
    """The brief's date, and a note when 'latest' had nothing to go by."""
    if isinstance(config.date, dt.date):
        return config.date, None
    if config.date == "today":
        return dt.date.today(), None
    if not dates:
        return dt.date.today(), "no article states its publication date: the brief is dated today (set date: in the config)"
    return dates[-1], None


def _label(article: Article) -> str:
    """The outlet, else the headline's first words, else the file: never a sentence's opening words
    (where a page has no headline, its title is its first sentence)."""
    if article.outlet:
        return article.outlet
    if article.title and not article.title.rstrip().endswith("."):
        words = article.title.split()
        return " ".join(words[:6]) + (" …" if len(words) > 6 else "")
    name = Path(article.path).name
    return name if len(name) <= 36 else name[:34] + "…"  # a label, not the file's whole name (the list has it)


def _sources(articles: list[Article], excerpts: list[Excerpt], tabulated: list[str],
             copies: dict[str, list[Article]]) -> list[Source]:
    """Every article, numbered in the order the brief first cites them (in excerpts, then in figure
    tables: a row links to its source); uncited ones last."""
    cited: dict[str, int] = {}
    for source in [s for ex in excerpts for s in [ex.source, *(c.source for c in ex.corroborated_by)]] + tabulated:
        cited[source] = cited.get(source, 0) + 1
    order = list(dict.fromkeys([ex.source for ex in excerpts] + [c.source for ex in excerpts for c in ex.corroborated_by]
                               + tabulated))
    order += [a.id for a in articles if a.id not in cited]
    by_id = {a.id: a for a in articles}
    return [
        Source(id=a.id, number=n, path=a.path, title=a.title, outlet=a.outlet, published=a.published, url=a.url,
               language=a.language, encoding=a.encoding, cited=cited.get(a.id, 0), label=_label(a),
               copies=[f"{_label(c)} ({c.path})" for c in copies.get(a.id, [])])
        for n, a in enumerate((by_id[i] for i in order), start=1)
    ]
