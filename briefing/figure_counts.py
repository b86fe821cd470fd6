"""figure_counts: what one section's figure table counts, as read from the config (its concepts, what
it excludes, whose figures count and who else acts), and the reader that names them in a text."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from . import lexicon as lx
from .config import Config, SectionConfig
from .models import Article
from .terms import ConceptIndex, mask


def digest(text: str) -> str:
    """A short name for a long key, as the reading cache keeps them (see reading.concept_key)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


class Counts(NamedTuple):
    """What one section's table counts, as read from the config: the concepts whose words a figure
    must stand with, the ones it excludes, whose figures count (the topic) and who else acts."""

    section: str
    counts: tuple[tuple[str, ...], ...]
    exclude: tuple[tuple[str, ...], ...]
    subject: tuple[str, ...]
    others: tuple[tuple[str, ...], ...]

    @property
    def key(self) -> str:
        """What the figures found depend on: the reading cache keeps them under it (a digest, as concepts)."""
        return digest(json.dumps([self.counts, self.exclude, self.subject, self.others], ensure_ascii=False))

    @classmethod
    def of(cls, section: SectionConfig, config: Config) -> Counts:
        spec = section.figure_spec
        counts = tuple(tuple(c) for c in (spec.counts or [t for t in section.terms if t != ["#number"]]))
        exclude = tuple(tuple(c) for c in [*section.exclude, *spec.exclude])
        subject = tuple(w for concept in config.topic for w in concept)
        mine = {w for c in counts for w in c} | set(subject)
        others = tuple(tuple(c) for s in config.sections for c in s.require if s is not section and not mine & set(c))
        return cls(section.id, counts, exclude, subject, others)


@dataclass
class Reader:
    """Reads sentences for one section's figures: concept ids are counts, then exclude, subject, others."""

    spec: Counts
    headlines: dict[str, bool] = field(default_factory=dict)  # per headline: it names the subject

    @cached_property
    def index(self) -> ConceptIndex:
        return ConceptIndex([*self.spec.counts, *self.spec.exclude, self.spec.subject, *self.spec.others])

    @cached_property
    def counted(self) -> ConceptIndex:
        """The counted concepts alone: whether a sentence can count anything at all is asked of it."""
        return ConceptIndex(self.spec.counts)

    @cached_property
    def topical(self) -> int:
        """Of the counted concepts, those that only name the subject ("Nordkorea" in a brief about it)."""
        if not self.spec.subject:
            return 0
        subject = self.masks[2]
        return mask(c for c, synonyms in enumerate(self.spec.counts)
                    if all(self.names(w, None) & subject for w in synonyms))

    @cached_property
    def currencies(self) -> dict[str, int]:
        """The counted concepts that name each currency ("Dollar | dollars" names "$"): a "$" counts for them."""
        found: dict[str, int] = {}
        for c, synonyms in enumerate(self.spec.counts):
            for w in synonyms:
                if (code := lx.CURRENCY.get(w.lower())) is not None:
                    found[code] = found.get(code, 0) | 1 << c
        return found

    @cached_property
    def currency_mask(self) -> int:
        mask_ = 0
        for named in self.currencies.values():
            mask_ |= named
        return mask_

    @cached_property
    def masks(self) -> tuple[int, int, int, int]:
        n, e = len(self.spec.counts), len(self.spec.exclude)
        return (mask(range(n)), mask(range(n, n + e)), 1 << (n + e) if self.spec.subject else 0,
                mask(range(n + e + 1, n + e + 1 + len(self.spec.others))))

    def label(self, concepts: int) -> str:
        """The label of the first of the concepts."""
        return self.spec.counts[((concepts & -concepts).bit_length() - 1)][0]

    def names(self, text: str, language: str | None) -> int:
        return self.index.names(text, language) if text else 0

    def headline_names(self, article: Article, subject: int) -> bool:
        title = article.title or ""
        known = self.headlines.get(title)
        if known is None:
            known = self.headlines[title] = bool(self.names(title, article.language) & subject)
        return known
