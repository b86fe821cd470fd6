"""figures: the numbers a section counts, side by side, so that disagreements show.

A section with `figures:` counts what its own concepts name (or the concepts `figures.counts`
lists): a number counts when it stands with one of their words ("10.000 Soldaten", "35.000
Stellen", "8,000 of them", "10 Prozent der Stellen", "1,5 Milliarden Euro" when a concept names
the currency), or in a sentence about "die Zahl der …". Each figure knows its kind: a count, a
range, an upper bound ("bis zu 15.000"), an increment ("2.000 weitere"), a part of a total ("die
ersten 2000"), a share or an amount of money. Figures of another actor ("russische Soldaten"), in a
what-if or in a sentence the section excludes are left out. Words of the two languages are in
lexicon.py; nothing here knows a brief's topic."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from . import lexicon as lx
from .attribution import claimant_of_figure
from .figure_counts import Counts, Reader
from .hedging import hedged, hypothetical, reported_from
from .language import plain_tokens
from .models import Sentence
from .numbers import TOKEN, value_at
from .numbers import numbers as numbers_in

# A sentence that may hold a figure: a number (under a hundred only with a noun of the table's), a share,
# an amount of money. Each alternative opens with a character class, what precedes it is asked by a
# lookbehind: so the search skips the characters none can open with (a third of the time).
_HAS_FIGURE = re.compile(r"\d(?:\d|[.,'’\u202f\u00a0]\d{3}|\s*(?:%|[Pp]rozent|per ?cent|[Mm]io|[Mm]rd|[Mm]illi|[Bb]illi|bn\b|"
                         r"[Ee]uro|[Dd]ollar))|[2-9](?<!\w[2-9])(?!\w)|[$€£]\s*\d|"
                         r" (?<=[a-zöß] )(?:[Mm]illi|[Bb]illi|Prozent|percent|per cent)")  # "eine Milliarde", "zehn Prozent"

class Found(NamedTuple):
    """A figure found: its sentence (index into the sentences searched), start and end in that
    sentence, value, kind, what it counts (the word in the text and its concept's label), and who
    gives it."""

    sentence: int
    start: int
    end: int
    low: float | None  # None for an upper bound
    high: float
    kind: str  # count, range, upper-bound, increment, part, share, money
    bound: str  # "≈", "≥", "≤" or "" as the text hedges it
    noun: str
    quantity: str
    who: str | None = None  # who gives it (found while reading, so that a warm run need not look again)


_readers: dict[str, Reader] = {}  # per section's counts, in this process


def find_figures(sentences: Sequence[Sentence], spec: Counts) -> list[Found]:
    """Every figure of the section in `sentences`, in text order."""
    reader = _readers.get(spec.key)
    if reader is None:
        reader = _readers[spec.key] = Reader(spec)
    counts, excluded, subject, others = reader.masks
    own = counts & ~reader.topical  # the section's own concepts, not only names of the topic
    found: list[Found] = []
    names_subject: dict[int, bool] = {}
    for i in _with_figures(sentences):
        sentence = sentences[i]
        text, language = sentence.text, sentence.article.language
        toks = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
        if not (reader.counted.names_any(text, language) or any(lx.COUNT_WORDS.match(t[0]) for t in toks)
                or reader.currencies and any(lx.CURRENCY.get(t[0].lower()) in reader.currencies for t in toks)):
            continue  # nothing it could count: no word of the section's, no "Zahl", no "$" (a quick look, word by word)
        numbers = numbers_in(toks, small=True)
        if not numbers:
            continue  # a date, a small number
        said = reader.index.read(text, language)
        if said.named & excluded:
            continue  # about what the section leaves out ("getötet", "Gehalt"): so is the number
        if subject and not _mentions(sentences, i, reader, subject, names_subject):
            continue
        before = sentences[i - 1].text if i and sentences[i - 1].article is sentence.article else ""
        # "die Zahl der Soldaten liege bei 12.000": a number with no noun of its own counts what the
        # sentence says it is the number of
        about = (said.named | reader.names(before, language)) & own if any(lx.COUNT_WORDS.match(t[0]) for t in toks) else 0
        if about and not _number_of_own(toks, reader, language, own):
            about = 0  # "the number of infected herds rose to 645": of something this table does not count
        plain = plain_tokens(text)
        plain_starts = [t.start for t in plain]
        words = [t.text for t in plain]
        flags = hedged(text)
        reported = reported_from(text)
        here: list[Found] = []
        for start, end, low, high, kind, bound in numbers:
            at = max(0, bisect.bisect_right(plain_starts, toks[value_at(toks, start, end)][1]) - 1)
            if flags[at] or hypothetical(words, at, reported is not None and reported < at):
                continue  # a what-if ("Selbst 15.000 … würden"), or named only as the occasion
            if not names_subject.get(i, True) and others and _other_actor(toks, start, reader, language, others, subject):
                continue  # "könnte der Kreml 50.000 Soldaten zusammengezogen haben": another actor's
            what = _counted(toks, start, end, kind, reader, language, bool(said.named & own))
            if high < 100 and kind not in ("share", "money") and (
                    what in (None, _OPEN) or not reader.names(what[0], language) & reader.masks[0] & ~reader.topical
                    or end < len(toks) and _POSSESSIVE.match(toks[end][0])):
                continue  # a small number is a figure only with a noun of the table's own: "58 human cases"
                # (not "am Tag 11 seine Soldaten": a possessive after it starts a noun phrase of its own)
            if what == _OPEN and kind == "share":  # "raise inflation by up to 0.5 percentage points"
                what = _named_before(text, toks, start, reader, language, own & ~reader.currency_mask) or _OPEN
            if what is not None:
                here.append(Found(i, toks[start][1], toks[end - 1][2], low, high, kind, bound, *what))
        # a number with no noun counts what the sentence is about ("die Zahl der Soldaten liege bei
        # 12.000"), or what the numbers beside it count ("von 12.000 Soldaten … die ersten 2000")
        known = next((f.quantity for f in here if f.quantity), reader.label(about) if about else "")
        # a share with no noun: of what the sentence names, but not of an amount of money beside it
        named = said.named & own & ~reader.currency_mask
        share = reader.label(named) if named else ""
        kept = [f if f.quantity else f._replace(quantity=share if f.kind == "share" else known) for f in here]
        kept = [f for f in kept if f.quantity]
        if kept:
            after = sentences[i + 1].text if i + 1 < len(sentences) and sentences[i + 1].article is sentence.article else ""
            found += [f._replace(who=claimant_of_figure(text, after, f.start)) for f in kept]
    return found


def _other_actor(toks: list[tuple[str, int, int]], start: int, reader: Reader, language: str | None, others: int,
                 subject: int) -> bool:
    """Another of the brief's actors named as such just before the number: "der Kreml … 50.000 Soldaten".
    Not as an adjective or a possessive, which name a source ("der südkoreanische Geheimdienst geht von
    10.000 aus", "South Korea's spy agency says")."""
    for k in range(max(0, start - 5), start):
        word = toks[k][0]
        if not word[:1].isupper() or (k + 1 < len(toks) and toks[k + 1][0] == "s"):
            continue
        named = reader.names(word, language)
        if named & others and not named & subject:
            return True
    return False


def _number_of_own(toks: list[tuple[str, int, int]], reader: Reader, language: str | None, own: int) -> bool:
    """Whether each "number of …" / "Zahl der …" in the sentence names one of the table's concepts in the
    words after it (a count word without "of", or with the amount after it, says nothing of what it counts)."""
    return all(any(reader.names(w, language) & own for w, _, _ in toks[k + 2 : k + 8])
               for k, (word, _, _) in enumerate(toks[:-1])
               if lx.COUNT_WORDS.match(word) and toks[k + 1][0].lower() in {"of", "der", "des", "von"}
               and not any(t[0][:1].isdigit() for t in toks[k + 2 : k + 4]))  # "eine Zahl von etwa 10.000"


_POSSESSIVE = re.compile(r"(?i)^(?:sein|ihr|unser|euer|mein|dein)(?:e|en|em|er|es)?$|^(?:his|her|their|its|our|my|your)$")
_OPEN = ("", "")  # a number with no noun of its own: it counts what the sentence counts, if it says


def _named_before(text: str, toks: list[tuple[str, int, int]], start: int, reader: Reader, language: str | None,
                  wanted: int) -> tuple[str, str] | None:
    """The nearest word before the number, in its clause, that names one of the `wanted` concepts."""
    for k in range(start - 1, max(-1, start - 9), -1):
        word = toks[k][0]
        if re.search(r"[,;:]", text[toks[k][2] : toks[start][1]]):
            break
        named = reader.names(word, language) & wanted
        if named:
            return word, reader.label(named)
    return None


def _counted(toks: list[tuple[str, int, int]], start: int, end: int, kind: str, reader: Reader,
             language: str | None, names_own: bool) -> tuple[str, str] | None:
    """What the number that ends at `end` counts: (the word as written, its concept's label); _OPEN
    when no noun follows it ("nennen 8000, andere …", "8,000 of them"); None when it counts something
    else. Adjectives may stand between ("10.000 nordkoreanische Soldaten"); a nationality other than
    the subject's makes them another country's."""
    counts, _, subject, _ = reader.masks
    labels = [c[0] for c in reader.spec.counts]
    if kind == "money":  # the currency is what it counts, when the section names money: "Euro", "Dollar", "$"
        for word, _, _ in toks[start:end]:
            if word[:1].isdigit():
                continue
            named = (reader.names(word, language) | reader.currencies.get(lx.CURRENCY.get(word.lower(), ""), 0)) & counts
            if named:
                return word, labels[(named & -named).bit_length() - 1]
    j = end
    if kind == "share":  # "10 Prozent der Stellen", "10% of jobs"
        while j < len(toks) and toks[j][0].lower() in {"der", "des", "aller", "of", "the", "all"}:
            j += 1
    for k in range(j, min(j + 4, len(toks))):
        word = toks[k][0]
        named = reader.names(word, language) & counts
        if not named and k + 1 < len(toks) and word.lower() not in lx.ALL_FUNCTION_WORDS:  # a term of two words
            pair = f"{word} {toks[k + 1][0]}"
            named = reader.names(pair, language) & counts & ~reader.names(toks[k + 1][0], language)
            word = pair if named else word
        if named:
            modifiers = [t[0] for t in toks[j:k]]
            if k + 1 < len(toks) and toks[k + 1][0].lower() in lx.COMBINED:
                return None  # "50.000 Soldaten inklusive …"
            if any(lx.NATIONALITY.match(m) for m in modifiers) and not reader.names(" ".join(modifiers), language) & subject:
                return None  # "11.000 russische Soldaten", "11,000 Russian troops" (but "North Korean troops")
            if not named & ~reader.topical:  # "nordkoreanische Soldaten": the noun after it is what it counts
                after = next((m for m in range(k + 1, min(k + 3, len(toks))) if reader.names(toks[m][0], language)
                              & counts & ~reader.topical), None)
                if after is not None:
                    word, named = toks[after][0], reader.names(toks[after][0], language) & counts
            return word, labels[(named & -named).bit_length() - 1]
        if k + 1 < len(toks) and word.lower() in {"of", "von"} and toks[k + 1][0].lower() in {"them", "ihnen"}:
            return _OPEN  # "8,000 of them"
        if lx.PEOPLE.match(word):  # "974.136 Menschen mit syrischer Herkunft in Deutschland", "11.000 Mann"
            return (word, word) if names_own else None
        if word.lower() in lx.ALL_FUNCTION_WORDS or word[:1].isdigit():
            break  # the noun phrase ended without a noun
        if language != "en" and word[:1].isupper():
            # a German noun of another kind right after it or its adjectives: "500 Kilometer", "12.000 Euro";
            # after a verb it is no longer the number's: "… liegen könne, sagte US-Sprecher …"
            between = [t[0] for t in toks[j:k]]
            return None if len(between) <= 1 and all(_ATTRIBUTIVE.search(w) for w in between) else _OPEN
    # a share with no noun of its own is one of what its sentence names ("Die Aufschläge betragen 7,8 bis 35,3
    # Prozent", "tariffs of up to 35.3%"); not one of something else ("10% of its workforce"), nor one written
    # as the adjective of another noun ("the 5% threshold", "a 10% stake")
    attributive = start > 0 and toks[start - 1][0].lower() in {"a", "an", "the"} and end < len(toks) and \
        toks[end][0].islower() and toks[end][0] not in lx.ALL_FUNCTION_WORDS and toks[end][1] - toks[end - 1][2] == 1
    return _OPEN if kind in ("count", "range", "upper-bound", "increment", "part") or \
        kind == "share" and names_own and j == end and not attributive else None


_ATTRIBUTIVE = re.compile(r"^[a-zäöüß-]+(e|en|er|es|em)$")  # "nordkoreanische", "weiteren": a German adjective


def _with_figures(sentences: Sequence[Sentence]) -> list[int]:
    """The sentences that hold a digit. Each article's text is searched once (a large folder has
    hundreds of thousands of sentences); the sentences a match touches are then asked one by one."""
    hits: list[int] = []
    i = 0
    while i < len(sentences):
        article = sentences[i].article
        j = i
        while j < len(sentences) and sentences[j].article is article:
            j += 1
        starts = [s.start for s in sentences[i:j]]
        touched = {bisect.bisect_right(starts, m.start()) - 1
                   for m in _HAS_FIGURE.finditer(article.text, starts[0], sentences[j - 1].end)}
        hits += [i + k for k in sorted(touched) if k >= 0 and _HAS_FIGURE.search(sentences[i + k].text)]
        i = j
    return hits


def _mentions(sentences: Sequence[Sentence], i: int, reader: Reader, subject: int, known: dict[int, bool]) -> bool:
    """The sentence, or the paragraph it stands in or the one before, names the subject; or the
    article's headline does, when the whole article is about it ("Mindestens 220 Tote" under a
    headline on the flood: the toll is the flood's)."""
    here = sentences[i]
    if reader.headline_names(here.article, subject):
        return True
    for j in range(i, max(0, i - 6) - 1, -1):
        s = sentences[j]
        if s.article is not here.article or s.paragraph < here.paragraph - 1:
            continue
        if j not in known:
            known[j] = bool(reader.names(s.text, s.article.language) & subject)
        if known[j]:
            return True
    return False
