"""concepts: the config's concepts numbered once, and what each section asks of them, for reading and
selection alike. A concept is one line of synonyms ("Abkommen | Vertrag | Pakt"); concept c is bit c
of every mask that reading produces."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .config import Config, SectionConfig
from .terms import ConceptIndex, mask


@dataclass(frozen=True)
class Rules:
    """A section's concepts, as concept ids."""

    config: SectionConfig
    terms: tuple[int, ...]
    require: tuple[int, ...]
    exclude: tuple[int, ...]

    @cached_property
    def ordered(self) -> tuple[int, ...]:  # terms, then require
        return self.terms + self.require

    @cached_property
    def concepts(self) -> frozenset[int]:
        return frozenset(self.ordered)

    @cached_property
    def required(self) -> frozenset[int]:
        return frozenset(self.require)

    @cached_property
    def concepts_mask(self) -> int:
        return mask(self.ordered)

    @cached_property
    def required_mask(self) -> int:
        return mask(self.require)


@dataclass(frozen=True)
class Concepts:
    """Every concept of a config, numbered: each section's, then the topic's."""

    synonyms: tuple[tuple[str, ...], ...]  # concept id -> its synonyms, as reading reads them
    rules: tuple[Rules, ...]  # per section, in the config's order
    topic: frozenset[int]
    index: ConceptIndex = field(compare=False, repr=False)  # which concepts a text names
    # Section concepts that only ever name the topic ("Nordkorea" in a brief about North Korea): they are
    # in nearly every sentence, so they add weight but do not count as one of a section's concepts.
    topical: frozenset[int] = frozenset()
    # Concepts that can name the topic ("Russland | Nordkorea", the topic's own): they say who, not
    # what, so they are no aspect of a section.
    subjectlike: frozenset[int] = frozenset()
    # Others the brief is about: concepts that can name the topic and more, and every required one.
    actors: frozenset[int] = frozenset()
    numbers: frozenset[int] = frozenset()  # "#number"

    @classmethod
    def of(cls, config: Config) -> Concepts:
        synonyms: list[tuple[str, ...]] = []

        def numbered(entries: Sequence[Sequence[str]]) -> tuple[int, ...]:
            synonyms.extend(tuple(e) for e in entries)
            return tuple(range(len(synonyms) - len(entries), len(synonyms)))

        rules = tuple(Rules(sc, numbered(sc.terms), numbered(sc.require), numbered(sc.exclude)) for sc in config.sections)
        topic = frozenset(numbered(config.topic))
        index = ConceptIndex(synonyms)
        topic_mask = mask(topic)
        names_topic = [c not in topic and [bool(index.names(s, None) & topic_mask) for s in synonyms[c]]
                       for c in range(len(synonyms))]
        topical = frozenset(c for c, named in enumerate(names_topic) if named and all(named))
        subjectlike = frozenset(c for c, named in enumerate(names_topic) if c in topic or (named and any(named)))
        required = {c for r in rules for c in r.require}
        actors = frozenset(c for c in subjectlike | required if c not in topic and c not in topical)
        return cls(tuple(synonyms), rules, topic, index, topical=topical, subjectlike=subjectlike, actors=actors,
                   numbers=frozenset(index.numbers))

    def subject(self, rules: Rules) -> frozenset[int]:
        """What a section is about: its `require` concepts, else the brief's topic."""
        return rules.required if rules.require else self.topic

    @cached_property
    def labels(self) -> list[str]:
        """Each concept by its first synonym: concepts with the same label count as one."""
        return [c[0] for c in self.synonyms]

    @cached_property
    def topic_mask(self) -> int:
        return mask(self.topic)

    @cached_property
    def sections_mask(self) -> int:
        return mask(c for r in self.rules for c in r.ordered)

    @cached_property
    def excluded_mask(self) -> int:
        return mask(c for r in self.rules for c in r.exclude)

    @cached_property
    def subjects_mask(self) -> int:
        """What the brief and its sections are about: the topic and every required concept."""
        return self.topic_mask | mask(c for r in self.rules for c in r.require)
