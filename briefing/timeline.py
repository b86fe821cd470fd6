"""timeline: when things were reported. Which articles belong to the brief's period, which dates are
implausible, the newest telling of a fact first, the key point of a section, and what is new since
the previous edition of the brief."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
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
    return InPeriod(kept, [s if s.article is by_id[s.article.id] else replace(s, article=by_id[s.article.id])
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


# ---- copies ----

SAME_TEXT = 0.9  # share of the shorter one's sentences two files must share to be one report
MIN_SHARED = 3  # sentences; two short notes that share a sentence or two are still two reports
BOILERPLATE = 20  # a sentence in more files than this is likely page furniture that got through


@dataclass(frozen=True)
class Copies:
    articles: list[Article]  # one per report
    sentences: list[Sentence]
    copies: dict[str, list[Article]]  # article id kept -> the other files of the same report


def _key_sentences(mine: set[str], by_sentence: dict[str, list[str]]) -> list[str]:
    """MIN_SHARED of a file's sentences, chosen as every file that has them chooses: of those few files
    share, the smallest by hash; where every sentence is in many files, the least shared."""
    rare = [text for text in mine if len(by_sentence[text]) <= BOILERPLATE]
    if rare:
        return sorted(rare, key=_digest)[:MIN_SHARED]
    return sorted(mine, key=lambda text: (len(by_sentence[text]), _digest(text)))[:MIN_SHARED]


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=8).digest()


def fold_copies(articles: Sequence[Article], sentences: Sequence[Sentence]) -> Copies:
    """Agency copy run by several outlets, or one file saved twice, is one report: its fullest telling
    (the first by file name of equally full ones) stands for all and lists the others."""
    told: dict[str, set[str]] = {}
    for s in sentences:
        text = " ".join(s.text.split())
        if len(text) >= 25:
            told.setdefault(s.article.id, set()).add(text)
    by_sentence: dict[str, list[str]] = {}
    for aid, texts in told.items():
        for text in texts:
            by_sentence.setdefault(text, []).append(aid)
    # a copy shares nearly every sentence, so also any few of them chosen the same way in every file
    # (_key_sentences): only files that share those are compared. Sentences that many files share
    # (boilerplate) are left out of the choice where there are others: comparing every file with
    # every other would take minutes in a large folder.
    keys: dict[str, list[str]] = {}
    keyed_by: dict[str, list[str]] = {}  # a sentence -> the files it is a key of
    for aid, mine in told.items():
        keys[aid] = _key_sentences(mine, by_sentence)
        for text in keys[aid]:
            keyed_by.setdefault(text, []).append(aid)
    # the fullest telling stands for the report (the first by file name of equally full ones); each
    # copy is folded into one that it matches itself, never through a third
    order = {a.id: i for i, a in enumerate(articles)}
    folded: dict[str, str] = {}  # copy -> the article kept for it
    for a in sorted(articles, key=lambda a: (-len(told.get(a.id, ())), order[a.id])):
        if a.id in folded or len(told.get(a.id, ())) < MIN_SHARED:
            continue
        mine = told[a.id]
        # a copy holds nearly all of the other's key sentences: a file is compared when it holds two of
        # mine, or I hold two of its, or one each; one common sentence shared makes no candidate (where
        # every sentence is in thousands of files, comparing each such file took minutes)
        hits = Counter(other for text in keys[a.id] for other in by_sentence[text])
        hits.update(other for text in mine for other in keyed_by.get(text, ()))  # shorter ones within it
        candidates = {other for other, n in hits.items() if n >= 2}
        for other in sorted(candidates - {a.id} - folded.keys() - set(folded.values()), key=order.__getitem__):
            n = len(mine & told[other])
            if n >= MIN_SHARED and n >= SAME_TEXT * min(len(mine), len(told[other])):
                folded[other] = a.id
    if not folded:
        return Copies(list(articles), list(sentences), {})
    copies: dict[str, list[Article]] = {}
    for a in articles:
        if a.id in folded:
            copies.setdefault(folded[a.id], []).append(a)
    return Copies([a for a in articles if a.id not in folded], [s for s in sentences if s.article.id not in folded],
                  copies)
