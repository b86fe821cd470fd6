"""Key figures: the troop numbers the sources report, side by side, so that disagreements show.

A figure is a number (or range: "11.000 bis 12.000", "between 10,000 and 12,000", "bis zu 15.000")
that counts soldiers of the section's subject: it stands next to a troop noun ("10.000 Soldaten",
"11,000 North Korean soldiers", "8,000 of them") or in a sentence about "die Zahl der Soldaten".
Numbers of other forces ("russische Soldaten"), of the dead, of money and what-ifs are left out."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .attribution import claimant_near
from .config import Config
from .language import Token, number_value, plain_tokens
from .models import Citation, Figure, Sentence

_TROOPS = re.compile(
    r"^(soldat\w*|truppe\w*|streitkr\w*|kämpfer\w*|mann|männer|nordkoreaner\w*|offizier\w*|"
    r"soldiers?|troops?|forces?|fighters?|officers?|men|personnel)$", re.I)
_TROOP_WORD = re.compile(_TROOPS.pattern[1:-1])  # _TROOPS anywhere in the lower-cased text: a quick first look
_COUNT_WORDS = re.compile(r"^(zahl|anzahl|gesamtzahl|number|figure|total|insgesamt)$", re.I)
_OF_THEM = re.compile(r"^(of|von|davon)$", re.I)
_RANGE = re.compile(r"^(bis|to|and|und|–|-)$", re.I)
_HEDGE = re.compile(r"^(bis zu|up to|etwa|rund|ca\.?|circa|ungefähr|mehr als|über|more than|over|about|around|"
                    r"some|at least|mindestens|close to|nearly|fast|knapp|approximately)$", re.I)
# Sentences about these are not about troop strength, whatever numbers they hold.
_OFF_TOPIC = re.compile(
    r"\b(dollar|euro|rubel|won|kosten|gehalt|millionen|milliarden|million|billion|cost|salary|getötet|gestorben|"
    r"starben|tote|verwundet|verluste|killed|dead|wounded|casualties|würden|would)\b")  # on the lower-cased text
# Another actor named as such (not as an adjective: "in der russischen Region Kursk" is fine).
_OTHER_FORCES = re.compile(r"^(Kreml|Kremlin|Moskau|Moscow|Russland|Russia|Kiew|Kyiv|Ukraine)$")
_HAS_FIGURE = re.compile(r"\d{3}|\d[.,'’ ]\d{3}")  # a hundred or more, in any notation
_COMBINED = {"inklusive", "einschließlich", "samt", "plus"}
_NOT_A_YEAR_AFTER = {"ersten", "weitere", "weiteren", "first", "another", "additional", "rund", "etwa", "about",
                     "some", "zu", "to", "als", "than", "around"}
_FOREIGN_ADJ = re.compile(r"^(russisch|ukrainisch|russian|ukrainian|amerikanisch|american|westlich|western|"
                          r"südkoreanisch|south)\w*$", re.I)


MAX_FIGURES = 20  # a table longer than this is not read; the rest is in the sources


# A troop figure found: its sentence (index into the sentences searched), start and end in that sentence,
# lowest and highest value.
Found = tuple[int, int, int, int, int]


def find_figures(sentences: Sequence[Sentence], subject: Sequence[re.Pattern[str]] | None = None,
                 cited: set[str] | None = None) -> list[Figure]:
    """Troop figures in `sentences`; `subject` patterns name whose troops count (default: any)."""
    return figure_table(sentences, troop_figures(sentences, subject), cited)


def troop_figures(sentences: Sequence[Sentence], subject: Sequence[re.Pattern[str]] | None = None) -> list[Found]:
    """Every troop figure of the subject in `sentences`, in text order."""
    found: list[Found] = []
    subject_pattern = re.compile("|".join(f"(?:{p.pattern})" for p in subject), re.I) if subject else None
    names_subject: dict[int, bool] = {}  # sentence -> whether it names the subject, asked once
    for i in _with_figures(sentences):
        sentence = sentences[i]
        text = sentence.text
        before = sentences[i - 1] if i and sentences[i - 1].article is sentence.article else None
        lowered = text.lower()
        if _OFF_TOPIC.search(lowered) or not (_TROOP_WORD.search(lowered) or (before and _TROOP_WORD.search(before.text.lower()))):
            continue  # not about troop strength, or no troop noun anywhere near
        if subject_pattern and not _mentions(sentences, i, subject_pattern, names_subject):
            continue
        toks = plain_tokens(text)
        numbers = _numbers(toks)
        if subject_pattern and not names_subject[i]:
            # "könnte der Kreml in Kursk 50.000 Soldaten zusammengezogen haben": another actor's troops
            numbers = [n for n in numbers if not any(_OTHER_FORCES.match(t.text) for t in toks[max(0, n[0] - 5) : n[0]])]
        troop_words = toks + (plain_tokens(before.text) if before else [])
        about_count = any(_COUNT_WORDS.match(t.text) for t in toks) and any(_TROOPS.match(t.text) for t in troop_words)
        # "von 12.000 Soldaten … die ersten 2000": once one number counts troops, its neighbours do too
        about_count = about_count or any(_counts_troops(toks, end) for _, end, _, _ in numbers)
        for start, end, low, high in numbers:
            if _counts_troops(toks, end) or about_count:
                found.append((i, toks[start].start, toks[end - 1].end, low, high))
    return found


def figure_table(sentences: Sequence[Sentence], found: Sequence[Found], cited: set[str] | None = None) -> list[Figure]:
    """The rows of the figure table: with many, one per figure and claimant, from the sources the
    brief quotes first; who gives a figure is worked out only for the rows that may make the table."""
    cited = cited or set()
    seen: set[tuple[str, int, int]] = set()
    first = []  # an article that repeats its figure gives it once
    for f in found:
        key = (sentences[f[0]].article.id, f[3], f[4])
        if key not in seen:
            seen.add(key)
            first.append(f)
    first.sort(key=lambda f: (sentences[f[0]].article.id not in cited, sentences[f[0]].article.published is None,
                              sentences[f[0]].article.published, sentences[f[0]].article.id))
    rows: dict[tuple[int, int, str | None], Figure] = {}
    for i, start, end, low, high in first:
        sentence = sentences[i]
        who = claimant_near(_with_next(sentences, i), start)
        rows.setdefault((low, high, who), Figure(
            value=sentence.text[start:end], low=low, high=high, source=sentence.article.id,
            published=sentence.article.published, attribution=who,
            excerpt=Citation(source=sentence.article.id, start=sentence.start, end=sentence.end, text=sentence.text),
        ))
        if len(rows) >= MAX_FIGURES:
            break
    return sorted(rows.values(), key=lambda f: (f.published is None, f.published, f.low, f.source))


def _with_figures(sentences: Sequence[Sentence]) -> list[int]:
    """The sentences that hold a number of a hundred or more. Each article's text is searched once
    (a large folder has hundreds of thousands of sentences); the sentences a match touches are then
    asked one by one."""
    hits: list[int] = []
    i = 0
    while i < len(sentences):
        article = sentences[i].article
        j = i
        while j < len(sentences) and sentences[j].article is article:
            j += 1
        starts = [s.start for s in sentences[i:j]]
        touched: set[int] = set()
        for m in _HAS_FIGURE.finditer(article.text, starts[0], sentences[j - 1].end):
            touched.add(bisect.bisect_right(starts, m.start()) - 1)
            touched.add(bisect.bisect_right(starts, m.end() - 1) - 1)
        hits += [i + k for k in sorted(touched) if k >= 0 and _HAS_FIGURE.search(sentences[i + k].text)]
        i = j
    return hits


def _numbers(toks: list[Token]) -> list[tuple[int, int, int, int]]:
    """(first token, end token, low, high) of each figure of a hundred or more, with its hedge."""
    found = []
    i = 0
    while i < len(toks):
        value = number_value(toks[i].text)
        after = toks[i - 1].text.lower() if i else ""
        if value is None or value < 100 or (_is_year(toks[i].text) and after not in _NOT_A_YEAR_AFTER):
            i += 1
            continue
        start, end, low, high = i, i + 1, value, value
        # "11.000 bis 12.000", "between 10,000 and 12,000"
        if i + 2 < len(toks) and _RANGE.match(toks[i + 1].text):
            upper = number_value(toks[i + 2].text)
            if upper is not None and upper > value:
                end, high = i + 3, upper
        # a hedge of one or two words before the number
        for width in (2, 1):
            if start - width >= 0 and _HEDGE.match(" ".join(t.text for t in toks[start - width : start])):
                start -= width
                break
        if start > 0 and toks[start - 1].text.lower() == "between" and end > i + 1:
            start -= 1
        if start > 0 and toks[start - 1].text.lower() in {"selbst", "even", "including", "darunter", "davon"}:
            i = end
            continue  # "Selbst 15.000 Nordkoreaner würden …"; "12,000, including about 500 officers"
        if high == low:
            # "bis zu 15.000": an upper bound
            hedge = " ".join(t.text.lower() for t in toks[start:i])
            if hedge in {"bis zu", "up to"}:
                low = 0
        found.append((start, end, low, high))
        i = end
    return found


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def _counts_troops(toks: list[Token], end: int) -> bool:
    """The number is followed (within three words) by a troop noun not qualified as another army's."""
    for j in range(end, min(end + 4, len(toks))):
        word = toks[j].text
        if _TROOPS.match(word):
            combined = j + 1 < len(toks) and toks[j + 1].text.lower() in _COMBINED  # "50.000 Soldaten inklusive …"
            return not combined and not (j > end and _FOREIGN_ADJ.match(toks[j - 1].text))
        if _OF_THEM.match(word) and j + 1 < len(toks) and toks[j + 1].text.lower() in {"them", "ihnen"}:
            return True
    return False


def _mentions(sentences: Sequence[Sentence], i: int, subject: re.Pattern[str], known: dict[int, bool]) -> bool:
    """The sentence, or the paragraph it stands in, names the subject."""
    here = sentences[i]
    for j in range(i, max(0, i - 6) - 1, -1):
        s = sentences[j]
        if s.article is not here.article or s.paragraph < here.paragraph - 1:
            continue
        if j not in known:
            known[j] = bool(subject.search(s.text))
        if known[j]:
            return True
    return False


def _with_next(sentences: Sequence[Sentence], i: int) -> str:
    """The sentence and, when the next one names the source ("Dies berichtet …"), that one too."""
    text = sentences[i].text
    if i + 1 < len(sentences) and sentences[i + 1].article is sentences[i].article:
        nxt = sentences[i + 1].text
        if re.match(r"^(dies|das|so|this|that)\b", nxt, re.I):
            return text + " " + nxt
    return text


def subject_patterns(config: Config) -> list[re.Pattern[str]]:
    """Whose troops the figures count: the brief's topic terms, as word-start patterns
    (Nordkorea matches nordkoreanische, North Korea matches North Korean)."""
    words = [term for concept in config.topic for term in concept]
    return [re.compile(r"(?<!\w)" + re.escape(w[:-1] if len(w) > 5 else w), re.I) for w in words]
