"""timeline: when things were reported. Which articles belong to the brief's period, which dates are
implausible, the newest telling of a fact first, the key point of a section, and what is new since
the previous edition of the brief."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .config import Config
from .errors import BriefingError
from .models import Article, Brief, Citation, Excerpt, Sentence

EARLIEST = dt.date(1990, 1, 1)  # news older than this in a briefing folder is a misread date
STRONG = 0.75  # of the best score in a section: an excerpt this strong may lead the key points if it is newer


@dataclass(frozen=True)
class InPeriod:
    articles: list[Article]
    sentences: list[Sentence]
    notes: list[str]
    changed: bool  # an article left out, or its date dropped


def within_period(config: Config, articles: Sequence[Article], sentences: Sequence[Sentence]) -> InPeriod:
    """The articles the brief is made of: a date that cannot be right (before 1990, after the brief's
    date or today) is dropped with a warning, the article stays, undated; articles dated outside the
    config's period are left out, with one line saying how many."""
    notes: list[str] = []
    latest = config.date if isinstance(config.date, dt.date) else dt.date.today()
    earliest = min(EARLIEST, config.period.start) if config.period and config.period.start else EARLIEST
    fixed: dict[str, Article] = {}
    for a in articles:
        if a.published and not earliest <= a.published <= max(latest, dt.date.today()):
            notes.append(f"{a.path}: the date {a.published.isoformat()} cannot be right (before {earliest.year} or "
                         f"in the future); the article is taken as undated")
            fixed[a.id] = replace(a, published=None)
        elif a.published and isinstance(config.date, dt.date) and a.published > config.date:
            notes.append(f"{a.path}: dated {a.published.isoformat()}, after the brief's date {config.date.isoformat()}")
    kept = [fixed.get(a.id, a) for a in articles]
    period = config.period
    if period and (period.start or period.end):
        outside = [a for a in kept if a.published and ((period.start and a.published < period.start)
                                                       or (period.end and a.published > period.end))]
        if outside:
            notes.append(f"{len(outside)} article(s) dated outside the period "
                         f"{period.start or '…'} – {period.end or '…'} left out")
            gone = {a.id for a in outside}
            kept = [a for a in kept if a.id not in gone]
    by_id = {a.id: a for a in kept}
    if not fixed and len(kept) == len(articles):
        return InPeriod(kept, list(sentences), notes, False)
    return InPeriod(kept, [s if s.article is by_id[s.article.id] else s._replace(article=by_id[s.article.id])
                           for s in sentences if s.article.id in by_id], notes, True)


def dated(excerpt: Excerpt, published: dict[str, dt.date | None]) -> Excerpt:
    """The excerpt with its sources' dates; the newest telling of the fact leads, the earlier ones
    are its corroborations (an undated one never displaces a dated one)."""
    tellings = [Citation(source=excerpt.source, start=excerpt.start, end=excerpt.end, text=excerpt.text),
                *excerpt.corroborated_by]
    tellings = [t.model_copy(update={"published": published.get(t.source)}) for t in tellings]
    newest = max(t.published or dt.date.min for t in tellings)
    lead = next(t for t in tellings if (t.published or dt.date.min) == newest)  # when tied, the best telling
    others = [t for t in tellings if t is not lead]
    return excerpt.model_copy(update={"source": lead.source, "start": lead.start, "end": lead.end, "text": lead.text,
                                      "published": lead.published, "corroborated_by": others})


def newest_first(excerpts: Sequence[Excerpt]) -> list[Excerpt]:
    """`order: date`: the newest first, undated last, otherwise as ranked."""
    return sorted(excerpts, key=lambda e: (e.published is None, -(e.published or dt.date.min).toordinal()))


def key_point(excerpts: Sequence[Excerpt]) -> int:
    """The excerpt that stands for the section among the key points: of the strong ones (a score
    near the best), the newest; where they are undated, the best."""
    if not excerpts:
        return 0
    best = max(e.score for e in excerpts)
    strong = [i for i, e in enumerate(excerpts) if e.score >= STRONG * best]
    return max(strong, key=lambda i: (excerpts[i].published or dt.date.min, -i))


# ---- editions ----


@dataclass(frozen=True)
class Edition:
    """What an earlier brief quoted, and when it was made."""

    date: dt.date
    quoted: frozenset[str]


def previous_edition(path: Path) -> Edition:
    """The brief written by `build --json` (or the PDF with the JSON attached) of an earlier edition."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BriefingError(f"{path}: cannot read the previous edition: {exc.strerror or exc}") from None
    if data.startswith(b"%PDF"):
        data = _attached_json(path)
    try:
        brief = Brief.model_validate_json(data)
    except ValueError:
        raise BriefingError(f"{path}: not the JSON of a brief (write one with build --json)") from None
    quoted = {_key(e.text) for s in brief.sections for e in s.excerpts}
    quoted |= {_key(c.text) for s in brief.sections for e in s.excerpts for c in e.corroborated_by}
    return Edition(brief.date, frozenset(quoted))


def _attached_json(path: Path) -> bytes:
    from pypdf import PdfReader  # only --since with a PDF needs it
    from pypdf.errors import PdfReadError

    try:
        files = PdfReader(path).attachments
    except (PdfReadError, OSError, ValueError) as exc:
        raise BriefingError(f"{path}: cannot read the PDF: {exc}") from None
    for name, contents in files.items():
        if name.endswith(".json") and contents:
            return contents[0]
    raise BriefingError(f"{path}: the PDF has no brief attached (built with attach_json: false?); give its JSON instead")


def mark_new(brief: Brief, previous: Edition) -> Brief:
    """Each excerpt `new` when the previous edition did not quote its text (in any of its tellings)."""
    sections = []
    for s in brief.sections:
        excerpts = [e.model_copy(update={"new": not ({_key(e.text)} | {_key(c.text) for c in e.corroborated_by})
                                          & previous.quoted}) for e in s.excerpts]
        sections.append(s.model_copy(update={"excerpts": excerpts}))
    return brief.model_copy(update={"sections": sections, "since": previous.date})


def _key(text: str) -> str:
    return " ".join(text.split())
