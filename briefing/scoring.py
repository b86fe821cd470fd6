"""scoring: how well a unit fits a section, and if it does not, why.

A unit fits a section when it names two of its concepts (or one aspect said of the section's subject),
its subject (`require`, in the unit, just before it or by its article), none of what it excludes, not
only in a what-if, is long enough and scores enough. Rare concepts weigh more than common ones, a
concept in the opening words more, one in a what-if or as the occasion less."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from .concepts import Concepts, Rules
from .terms import ids
from .units import MIN_CONCEPTS

MIN_WORDS = 6  # shorter units are headline leftovers or fragments, not evidence
MIN_SCORE = 3.0  # two concepts that are each found in a third of all sentences are still a weak match
# A folder of fewer units than this cannot tell rare concepts from common ones: every concept of a
# brief on one strike is in several of its dozen units. There a concept found in fewer than half of
# them weighs at least a part of what a concept in one unit of ten does, the larger the fewer units
# (see `idf`; the gold sets have 68 to 131 units, and are weighed by share alone).
CALIBRATED_UNITS = 60
PRIOR_WEIGHT = math.log(10)
CONTEXT_WEIGHT = 0.5  # a required concept found only in the sentence before counts half
TOPIC_BONUS = 1.25  # a unit that names the brief's topic
LEAD_WEIGHT = 1.5  # a concept in the sentence's opening words is what the sentence is about
HEDGED_WEIGHT = 0.5  # a concept named only in a what-if, as the occasion ("in response to …") or in a side clause


class Reason(Enum):
    """Why a unit is left out of a section; the message `briefing explain` shows."""

    NO_REQUIRED = "matches none of the required terms"
    OTHER_SUBJECT = "is about '{}', not a required term"
    TOO_SHORT = "too short to stand alone"
    QUESTION = "asks a question, reports nothing"
    EXCLUDED = "excluded by '{}'"
    ONE_TERM = "only one term matched: {}; its other words are in no term"
    WHAT_IF = "named only in a what-if, an occasion or a side clause"
    WEAK = "weak match: {} are common in this folder (score below {:g})"
    FITS_BETTER = "fits '{}' better"
    OVER_CAP = "over max_excerpts ({})"

    @property
    def figure_suffices(self) -> bool:
        """A sentence that gives a figure of the brief's subject is what the section showing figures is
        about, whatever its words; it must still not be excluded or too short."""
        return self in (Reason.NO_REQUIRED, Reason.OTHER_SUBJECT, Reason.ONE_TERM, Reason.WEAK)


class Why(NamedTuple):
    reason: Reason
    detail: str | int = ""
    floor: float = MIN_SCORE  # the score it fell short of (WEAK)

    def __str__(self) -> str:
        return self.reason.value.format(self.detail, self.floor)


@dataclass(frozen=True)
class Found:
    """The concepts a unit mentions, as sets of concept ids."""

    all: frozenset[int]
    asserted: frozenset[int]  # named at least once outside a hedged stretch
    lead: frozenset[int]  # in its opening words
    apart: frozenset[int]  # named as a thing of their own, not beside another concept
    context: frozenset[int]  # named just before it (the paragraph so far, the one before), or by its article
    short: bool  # fewer than MIN_WORDS words
    nearby: frozenset[int] = frozenset()  # of `context`, those named just before it
    asks: bool = False  # every sentence of it is a question ("Und wie wahrscheinlich ist eine Rückkehr?")


class Fit(NamedTuple):
    score: float
    hits: list[int]  # the section's concepts it matched
    carried: int | None  # the required concept it takes from the sentences before or its article
    why: Why | None  # why it is left out (None: it is not)


class Ids(dict[int, frozenset[int]]):
    """Bit mask to the set of concept ids, remembered: a folder has few distinct ones."""

    def __call__(self, bits: int) -> frozenset[int]:
        known = self.get(bits)
        if known is None:
            known = self[bits] = ids(bits)
        return known


def fit(found: Found, rules: Rules, weight: list[float], concepts: Concepts) -> Fit:
    """How well a unit fits a section."""
    labels = concepts.labels
    named = found.all
    hits = list({labels[c]: c for c in rules.ordered if c in named}.values())  # a concept listed twice counts once
    if not hits:
        return Fit(0.0, [], None, None)
    score = 0.0
    for c in hits:
        score += weight[c] * (LEAD_WEIGHT if c in found.lead else 1.0) * (1.0 if c in found.asserted else HEDGED_WEIGHT)
    carried = None
    if rules.require and not named & rules.required:
        carried = next((c for c in rules.require if c in found.context), None)
        if carried is None:
            return Fit(score, hits, None, Why(Reason.NO_REQUIRED))
        # what the reader has just read, or the whole article, names what this one is about: that
        # satisfies `require`, at half weight; unless the sentence opens with another subject of its own
        other = other_subject(found, rules, concepts)
        if other:
            return Fit(score, hits, None, Why(Reason.OTHER_SUBJECT, other))
        score += CONTEXT_WEIGHT * weight[carried]
    on_topic = bool(named & concepts.topic)
    if on_topic:
        score *= TOPIC_BONUS
    # what follows a sentence on the topic is about it too ("The delegation aims to …"): it clears the bar
    # as if it named the topic, and still ranks below a unit that does
    floor = MIN_SCORE if on_topic or not found.nearby & concepts.topic else MIN_SCORE / TOPIC_BONUS
    if found.short:
        return Fit(score, hits, carried, Why(Reason.TOO_SHORT))
    if found.asks:  # a standfirst's teaser or a subheading: what the article goes on to answer is the evidence
        return Fit(score, hits, carried, Why(Reason.QUESTION))
    hit = next((labels[c] for c in rules.exclude if c in found.asserted), None)  # not in a what-if or occasion
    if hit:
        return Fit(score, hits, carried, Why(Reason.EXCLUDED, hit))
    counting = {labels[c] for c in hits if c not in concepts.topical}
    if rules.require and not rules.required & concepts.subjectlike and found.all & concepts.topic:
        counting.add("")  # the topic, said of a section's own subject, links the two, even as the occasion ("Seoul … wegen Nordkoreas …")
    if len(counting) < MIN_CONCEPTS and not about_subject(found, rules, concepts, hits):
        topical = " (names of the topic count for none)" if any(c in concepts.topical for c in hits) else ""
        return Fit(score, hits, carried, Why(Reason.ONE_TERM, ", ".join(matched(found, hits, carried, labels)) + topical))
    if not any(c in found.asserted for c in hits):
        return Fit(score, hits, carried, Why(Reason.WHAT_IF))
    if score < floor:
        return Fit(score, hits, carried, Why(Reason.WEAK, ", ".join(matched(found, hits, carried, labels)), floor))
    return Fit(score, hits, carried, None)


def about_subject(found: Found, rules: Rules, concepts: Concepts, hits: list[int]) -> bool:
    """One aspect of the section said of its subject: "Assad ist geflohen" in a section that requires
    Assad. The subject is the `require` concepts, else the topic. Named in the unit, the aspect must be
    a thing of its own, not a word that only qualifies another ("nordkoreanische Soldaten" is the
    subject, not a deployment); named only before it or by the article ("Eine zweite Entsendung werde
    in Kürze erfolgen"), the aspect must open the sentence, as what it is about. A bare figure is no
    aspect of anything."""
    labels = concepts.labels
    subject = concepts.subject(rules)
    if found.asserted & subject:
        opening = found.apart  # not merely qualifying the subject: "nordkoreanische Soldaten" is the subject
    elif rules.require and found.context & subject and not other_subject(found, rules, concepts):
        # (the topic, the subject of a section with no `require`, is what every sentence of a focused
        # folder is about: there it must be named in the unit)
        opening = found.lead
    else:
        return False
    subject_labels = {labels[c] for c in subject}
    return any(c in found.asserted and c not in concepts.subjectlike and c not in concepts.numbers
               and labels[c] not in subject_labels and c in opening for c in hits)


def other_subject(found: Found, rules: Rules, concepts: Concepts) -> str | None:
    """A subject the unit opens with that is not the section's ("Russlands Präsident Putin hat …" in a
    section on Seoul): one of the brief's actors (a concept that can name the topic, a section's
    required one). Then the section's subject, known only from the article as a whole, is not what it
    is about; when the sentence before names it, the other is more likely the source of what it says."""
    subject = concepts.subject(rules)
    if found.lead & concepts.topic or found.nearby & subject:
        return None  # "In Damaskus feierten …": a concept that names the topic, where it does, is no other subject
    labels = concepts.labels
    own = {labels[c] for c in subject}
    return next((labels[c] for c in found.lead if c in concepts.actors and labels[c] not in own), None)


def matched(found: Found, hits: list[int], carried: int | None, labels: list[str]) -> list[str]:
    """The labels of the concepts a unit matched, for `briefing explain`: "Term?" only in a what-if,
    "(Term)" in the sentence before."""
    found_labels = [labels[c] if c in found.asserted else f"{labels[c]}?" for c in hits]
    return found_labels + [f"({labels[carried]})"] if carried is not None else found_labels


def idf(units: Counter[int], labels: list[str], as_set: Ids) -> list[float]:
    """Rare concepts say more about a sentence than ones found everywhere (e.g. 'Soldaten'); in a folder
    of few units, which cannot tell them apart, less so (see CALIBRATED_UNITS).
    `units`: how many units name each combination of concepts (a bit mask)."""
    n = sum(units.values()) or 1
    df: Counter[str] = Counter()
    for named, count in units.items():
        for label in {labels[c] for c in as_set(named)}:  # concepts with the same label count as one
            df[label] += count
    floor = max(0.0, 1.0 - n / CALIBRATED_UNITS) * PRIOR_WEIGHT  # (not for a concept in most units: that is common)
    return [max(0.5, floor if df[label] < n / 2 else 0.0, math.log((n + 1) / (df[label] + 1))) for label in labels]
