"""Plain data passed from stage to stage. Offsets always index the decoded file text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of an article's text that must never be quoted, and why."""

    start: int
    end: int
    kind: str  # e.g. "caption", "promo", "teaser", "widget", "byline", "heading"; see below for "tail"

    @property
    def inline(self) -> bool:
        """Furniture inside a paragraph ("… Assad. Hintergrund: Wer ist Al-Dschulani? Ohne Zweifel …"):
        the paragraph's other sentences are the article's."""
        return self.kind.startswith("inline-")


# A block after the article's last subheading that shares little vocabulary with the article: often
# another story appended to the page, but sometimes the article's own last part. Which it is depends on
# what the brief is about, so it is decided in select: quoted only when it names the brief's subject.
TAIL, TAIL_HEADING = "tail", "tail-heading"


@dataclass(frozen=True)
class Article:
    id: str
    path: str  # as given relative to the articles folder
    text: str  # decoded file text, never altered
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str | None = None
    furniture: tuple[Span, ...] = ()
    encoding: str | None = None  # of the file; for HTML, the text is what was extracted from it

    def headings(self) -> list[Span]:
        """Its subheadings, the heading of a possibly unrelated tail among them, in order."""
        return sorted(f for f in self.furniture if f.kind in ("heading", TAIL_HEADING))

    def is_furniture(self, start: int, end: int) -> bool:
        """Never to be quoted (a possibly unrelated tail is not yet furniture: see TAIL)."""
        return any(span.start < end and start < span.end and span.kind != TAIL for span in self.furniture)


class Sentence(NamedTuple):  # a tuple: a large folder has hundreds of thousands, and a tuple is made fastest
    article: Article
    start: int
    end: int
    index: int  # type: ignore[assignment]  # position among the article's sentences (shadows tuple.index)
    paragraph: int  # sentences of one paragraph share this number

    @property
    def text(self) -> str:
        return self.article.text[self.start : self.end]

    def __repr__(self) -> str:  # without the article's whole text
        return f"Sentence({self.article.id!r}, {self.start}, {self.end}, {self.index}, {self.paragraph})"


class Reading(NamedTuple):
    """What one sentence tells selection (reading.py: masks of concept ids in the numbering of the concepts
    read for)."""

    named: int  # the concepts it names
    asserted: int  # those it names outside a what-if or an occasion
    lead: int  # those in its opening words
    apart: int  # those it names as a thing of their own, not beside another concept (see language.Said)
    words: int  # how many words it has
    leans: int  # whether it leans on the sentence before it: leaning.POINTS_BACK, CONTINUES (or 0: it stands alone)


@dataclass(frozen=True)
class Readings:
    """The readings of many sentences, a list per field of Reading: a large folder has hundreds of
    thousands of sentences, and lists of ints are made and read faster than a tuple per sentence."""

    named: list[int] = field(default_factory=list)
    asserted: list[int] = field(default_factory=list)
    lead: list[int] = field(default_factory=list)
    apart: list[int] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    leans: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, readings: Iterable[Reading]) -> Readings:
        columns = list(zip(*readings, strict=True)) or [()] * len(Reading._fields)
        return cls(*map(list, columns))

    def __len__(self) -> int:
        return len(self.named)

    def __getitem__(self, at: int) -> Reading:
        return Reading(self.named[at], self.asserted[at], self.lead[at], self.apart[at], self.words[at], self.leans[at])

    def __iter__(self) -> Iterator[Reading]:
        return map(Reading, self.named, self.asserted, self.lead, self.apart, self.words, self.leans)

    def only(self, positions: Sequence[int]) -> Readings:
        """The readings at these positions, in their order."""
        return Readings(*([column[at] for at in positions] for column in (*self.masks(), self.words, self.leans)))

    def masks(self) -> tuple[list[int], list[int], list[int], list[int]]:
        """The lists of concept masks: named, asserted, lead, apart."""
        return self.named, self.asserted, self.lead, self.apart


# ---- The brief: what render receives and what the JSON twin contains. ----


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Source(_Out):
    id: str
    number: int = Field(description="Citation number shown in the brief.")
    path: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None = None
    language: str | None
    encoding: str | None = Field(None, description="Encoding the file was read in: offsets index the text decoded "
                                 "with it (for HTML, the main text extracted from the page).")
    cited: int = Field(0, description="How many excerpts cite this source.")
    label: str = Field("", description="Short name shown next to quotations: the outlet, else the title's first words.")
    copies: list[str] = Field(default_factory=list, description="Other files with the same text (agency copy run by "
                              "several outlets, a file saved twice), by their label; they are this one source.")


class Citation(_Out):
    source: str
    start: int
    end: int
    text: str
    published: dt.date | None = Field(None, description="Publication date of its source, where known.")


class Excerpt(_Out):
    source: str = Field(description="Id of the source quoted.")
    start: int = Field(description="Offset of the first character in the source's decoded text.")
    end: int = Field(description="Offset after the last character.")
    text: str = Field(description="Exactly source_text[start:end].")
    score: float = Field(description="Relevance to the section; higher is better.")
    matched: list[str] = Field(default_factory=list, description="Section terms found in the excerpt.")
    attribution: str | None = Field(None, description="Who makes the claim, where the text names it.")
    corroborated_by: list[Citation] = Field(
        default_factory=list, description="The same fact in other sources, each quoted verbatim (the first ten)."
    )
    corroborations: int = Field(0, description="How many other excerpts tell the same fact, listed or not.")
    published: dt.date | None = Field(None, description="Publication date of its source, where known.")
    new: bool = Field(False, description="Not quoted in the previous edition (build --since); false without --since.")


class Figure(_Out):
    value: str = Field(description="The figure as the text gives it, e.g. '11.000 bis 12.000'.")
    low: int | float | None = Field(description="Lowest value; null for an upper bound ('bis zu 15.000').")
    high: int | float
    kind: Literal["count", "range", "upper-bound", "increment", "part", "share", "money"] = Field(
        description="A count, a range, an upper bound, an increment ('2.000 weitere'), a part of a total ('die ersten "
        "2000'), a share (percent) or an amount of money.")
    bound: Literal["", "≈", "≥", "≤"] = Field("", description="How the text hedges a figure: about (≈), at least (≥), "
                                                "up to (≤: an amount of money or a share; an upper bound of a count is its kind).")
    counts: str | None = Field(None, description="The word it stands with, as written ('Soldaten', 'Stellen').")
    quantity: str = Field(description="What it counts: the label of the section's concept ('Soldat', 'Stelle').")
    source: str
    published: dt.date | None
    attribution: str | None
    excerpt: Citation


class Spread(_Out):
    """Sources that give different values for the same quantity at about the same time."""

    quantity: str
    low: int | float
    high: int | float
    sources: int


class Section(_Out):
    id: str
    title: str
    question: str | None = None
    excerpts: list[Excerpt]
    figures: list[Figure] = Field(default_factory=list)
    figures_label: str | None = Field(None, description="Heading of the figure table (config), else the default.")
    key_point: int = Field(0, description="Index of the excerpt shown among the key points: the newest strong one.")
    figures_left_out: int = Field(0, description="Figures found but not in the table (it keeps the newest).")
    figure_spreads: list[Spread] = Field(default_factory=list, description="Where sources disagree.")


class Brief(_Out):
    title: str
    subtitle: str | None = None
    author: str
    date: dt.date
    language: str
    classification: str | None = None
    period: tuple[dt.date, dt.date] | None = Field(
        None, description="The period covered: the config's period, else the earliest and latest date of the sources.")
    undated: int = Field(0, description="How many sources state no date.")
    since: dt.date | None = Field(None, description="Date of the previous edition (build --since), if one was given.")
    sources: list[Source]
    sections: list[Section]
