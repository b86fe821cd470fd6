"""hedging: what a sentence only supposes, reports, names as its occasion or says to whom; where
reported speech starts and who closes it. A concept named only in a what-if is weaker evidence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .language import Token, count_words, plain_tokens


def hypothetical(texts: Sequence[str], i: int, reported: bool) -> bool:
    """'Selbst 15.000 Nordkoreaner würden …': a figure in a what-if is not a report of one; but in
    reported speech "würden" is how German reports ("hieß es, 1.500 Soldaten würden ausgebildet")."""
    before = {t.lower() for t in texts[max(0, i - 2) : i]}
    after = {t.lower() for t in texts[i + 1 : i + 8]}
    return bool(before & {"selbst", "even"}) or (not reported and bool(after & {"würden", "would"}))


# Words that say something was said or reported: shared by attribution (who said it) and hedging
# (in reported speech, "würden" and "would" report what was said, they do not speculate).
SAY_DE = (r"sagte|sagt|erklärte|erklärt|betonte|warnte|bestätigte|berichtete|berichtet|meldete|meldet|schreibt|"
          r"schrieb|teilte mit|ergänzt|ergänzte|führte aus|behauptete|bezeichnete|konstatierte|resümiert|zitierte|"
          r"spricht|sprach|nennt|nannte|schätzt|schätzte|geht davon aus|gehen davon aus")
SAY_EN = r"said|says|told|reported|reports|wrote|warned|confirmed|stated|added|claimed|estimate|estimates|believes|gave|put|conveyed"
# Participles of saying: "habe geantwortet", "sei bestätigt worden": a speaker or source of the sentence's own
SAID_DE = (r"gesagt|geantwortet|erklärt|betont|mitgeteilt|berichtet|angekündigt|gewarnt|bestätigt|erwidert|"
           r"hinzugefügt|entgegnet|versichert|wissen lassen")
# Verbs of announcing and demanding: what follows them is what was announced, so they name a claimant
# only before them ("Die HTS verkündete die Öffnung …": HTS, not "die Öffnung").
ANNOUNCE = (r"verkündete|verkündet|kündigte|warnt|forderte|fordert|kritisierte|kritisiert|bekräftigte|mahnte|betont|"
            r"announced|announces|urged|demanded|welcomed|criticized|criticised|insisted|stressed|denied")
_REPORTING = [w for words in (SAY_DE, SAY_EN, ANNOUNCE, "hieß es|hiess es|heißt es|teilte|teilten|laut|zufolge|according to")
              for w in words.split("|")]
# with a small and a capital initial rather than IGNORECASE, which makes Python's re several times slower
_REPORTED = re.compile(r"\b(?:" + "|".join(sorted({f for w in _REPORTING for f in (w, w[0].upper() + w[1:])},
                                                   key=len, reverse=True)) + r")\b")
_REPORTING_MODALS = {"würde", "würden", "would"}


# A speech tag that closes the sentence names its grammatical subject, the speaker: "…, erklärte Scholz
# in Berlin." "…, the ministry said." What the sentence is about includes who says it; but not who
# reports it ("…, berichtet die Nachrichtenagentur AFP"): a medium is the channel, not an actor.
_REPORTS = {"berichtete", "berichtet", "meldete", "meldet", "schreibt", "schrieb", "zitierte", "reported", "reports",
            "wrote"}
_STATES_DE = "|".join(v for v in SAY_DE.split("|") if v not in _REPORTS)
_STATES_EN = "|".join(v for v in SAY_EN.split("|") if v not in _REPORTS)
_SPEECH_TAG = re.compile(rf"[,:]\s*[\"“”»«]?\s*(?:(?:{_STATES_DE})\s+(?:\S+\s+){{0,5}}\S+|(?:\S+\s+){{0,5}}(?:{_STATES_EN})(?:\s+\S+){{0,3}})"
                         r"\s*[.!?]?[\"“”»«]?\s*$")


def _closing(text: str) -> re.Match[str] | None:
    return _SPEECH_TAG.search(text) if "," in text or ":" in text else None


def speech_tag(text: str) -> int:
    """Where a closing speech tag starts, as a token position (past the end: there is none)."""
    found = _closing(text)
    return count_words(text[: found.start()]) if found else 1 << 30


def closing_tag(text: str) -> str:
    """The closing speech tag itself: ", sagte ein Sprecher der Behörde dem »Spiegel«." ("" if none)."""
    found = _closing(text)
    return found.group() if found else ""


def reported_from(text: str) -> int | None:
    """Where the sentence starts to report what someone said, as a token position: after "hieß es,",
    "sagte er,", "laut …" (None: it does not, or only after the fact: "X würde …, erklärt Y" may
    as well be the speaker's own what-if)."""
    found = _REPORTED.search(text)
    return None if found is None else count_words(text[: found.start()])


# What might happen is weaker evidence than what did: "Soldaten könnten geschickt werden" does not report
# a deployment. Nor is what a sentence names as its occasion ("in response to the deployment of …")
# what it reports. Both stretch to the end of their clause; a modal in a clause that opens with a
# conjunction (German puts it last: "dass … geschickt werden könnten") hedges the whole clause.
_MODAL = {"würde", "würden", "würdest", "könnte", "könnten", "dürfte", "dürften", "would", "could", "might"}
_CONDITION = {"wenn", "falls", "sollte", "sollten", "if", "unless"}
_OPENS_CLAUSE = {"dass", "ob", "that", "whether"}
# A relative clause set off by commas describes someone; it is not what the sentence reports:
# "Zelensky, who called for South Korea to take a more active role, warned that …"
_RELATIVE = {"who", "which", "whose", "whom", "dessen", "deren", "welcher", "welche", "welches"}
# ... unless a source states it as its assessment: "Der Geheimdienst vermutet, dass Moskau liefern könnte".
_ASSESSES = re.compile(r"(vermut|glaub|befürcht|fürcht|erwart|schätz|believ|expect|fear|suspect|estimat|assess)", re.I)
# The occasion of a sentence, what it reacts to, is not what it reports: "Seoul bestellte wegen der
# Truppenentsendung den Botschafter ein" reports a summons, not a deployment.
_OCCASIONS = ("angesichts", "als reaktion auf", "wegen", "aufgrund", "infolge", "vor dem hintergrund",
              "in response to", "in reaction to", "in the wake of", "because of", "due to", "in protest at")
_OCCASION = re.compile(r"\b(" + "|".join(_OCCASIONS) + r")\b", re.I)
# Python's re is several times slower with IGNORECASE: the words are listed with a small and a capital initial
_HEDGE_WORDS = sorted(form for w in (*_MODAL, *_CONDITION, *_OCCASIONS, *_RELATIVE) for form in (w, w[0].upper() + w[1:]))
_MAY_HEDGE = re.compile(r"\b(?:" + "|".join(_HEDGE_WORDS) + r")\b")
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_CLAUSE_END = re.compile(r"[,;:]")


def opening_words(text: str) -> int:
    """How many words open the sentence, up to the first comma (at most 12; past a short introductory
    phrase): where news sentences name what they are about ("South Korea's President Yoon … has said …")."""
    cut = _CLAUSE_END.search(text)
    if cut and count_words(text[: cut.start()]) <= 3:  # "In many places, government forces withdrew …"
        cut = _CLAUSE_END.search(text, cut.end())  # an introductory phrase: the subject comes after it
    return min(12, count_words(text[: cut.start()] if cut else text))


def reported_opening(text: str, lead: int) -> range:
    """The opening words of the clause a speaker's verb introduces after the sentence's `lead` opening
    words: "Secretary of State Antony Blinken, speaking alongside …, said the troops have been trained
    …" (none when the verb only closes the sentence: "…, berichtet die Nachrichtenagentur AFP.")."""
    found = _REPORTED.search(text)
    if found is None or count_words(text[: found.start()]) < lead:
        return range(0)
    rest = count_words(text[found.end() :])
    if rest == 0 or rest <= 6 and text[: found.start()].rstrip().endswith((",", ",\"", ",“", ",”", ",«", ",»")):
        return range(0)
    start = count_words(text[: found.end()])
    return range(start, start + opening_words(text[found.end() :]))


# What a reporter appends after the speech tag is the background, not the statement: "Workers went on
# strike on Monday, the union said, escalating a dispute over the carmaker's plans to cut wages" reports
# a strike (but "…, he said, adding that …" goes on with what was said)
_AFTER_THE_TAG = re.compile(rf",\s*(?:[\w'’.-]+\s+){{0,5}}?(?:{SAY_EN}),\s+(?!adding|saying|noting|citing|according)"
                            r"(?=[a-z]+ing\b)")


def _background(text: str) -> int | None:
    """Where a participle clause after a closing speech tag starts (a character offset), if any."""
    found = _AFTER_THE_TAG.search(text) if "ing " in text and "," in text else None
    return found.end() if found else None


def may_hedge(text: str) -> bool:
    """Could anything in the text be hedged? (False for most sentences: then `hedged` is all False.)"""
    return bool(_MAY_HEDGE.search(text)) or _background(text) is not None


def hedged(text: str) -> list[bool]:
    """For each token of text: does it stand in a what-if or in the occasion of the sentence?"""
    toks = plain_tokens(text)
    flags = [False] * len(toks)
    if not may_hedge(text):
        return flags
    background = _background(text)
    if background is not None:
        flags = [t.start >= background for t in toks]
    clause: list[int] = []
    assessed = False  # a verb of assessment seen so far in the sentence
    speech = reported_from(text)

    def close() -> None:
        nonlocal assessed
        if not clause:
            return
        words = [toks[i].text.lower() for i in clause]
        start = None
        if words[0] in _CONDITION or (words[0] in _RELATIVE and clause[0] and "," in text[toks[clause[0] - 1].end : toks[clause[0]].start]):
            start = 0
        else:
            modal = next((j for j, w in enumerate(words) if w in _MODAL and not (
                speech is not None and speech < clause[j] and w in _REPORTING_MODALS)), None)
            assessed = assessed or any(_ASSESSES.match(w) for w in words[: modal])
            if modal is not None and not assessed:
                start = 0 if words[0] in _OPENS_CLAUSE else modal
        occasion = _OCCASION.search(text, toks[clause[0]].start, toks[clause[-1]].end)
        if occasion:
            at = next(j for j, i in enumerate(clause) if toks[i].end > occasion.start())
            start = at if start is None else min(start, at)
        if start is not None:
            for i in clause[start:]:
                flags[i] = True
        clause.clear()

    for i, token in enumerate(toks):
        if i and _CLAUSE_BREAK.search(text, toks[i - 1].end, token.start):
            close()
        clause.append(i)
    close()
    return flags


# Whom a statement was made to, or where, says nothing of what it is about: "… sprach in einem Interview
# mit dem südkoreanischen Fernsehsender KBS von ersten Gefechten", "told South Korea's KBS". The concepts
# named there are not read at all.
_AUDIENCE = re.compile(r"\b(?:(?:[Ii]n einem|[Ii]m) (?:Interview|Gespräch) mit|[Gg]egenüber (?:dem|der|den)|"
                       r"[Ii]n an interview with|(?:[Tt]old|[Ss]peaking to|[Ss]aid to))\s")  # not IGNORECASE: slow


def audience(text: str) -> set[int]:
    """Positions of the tokens that name a statement's audience."""
    if not _AUDIENCE.search(text):
        return set()
    toks = plain_tokens(text)
    return {i for match in _AUDIENCE.finditer(text) for i in _audience(toks, match.start(), match.end())}


def _audience(toks: Sequence[Token], start: int, end: int) -> range:
    """The tokens of the phrase `start`..`end` and of the noun phrase after it: articles and small words,
    then the noun and the names that follow it."""
    first = next((i for i, t in enumerate(toks) if t.end > start), len(toks))
    i = next((j for j, t in enumerate(toks) if t.start >= end), len(toks))
    while i < len(toks) and toks[i].text[:1].islower() and i - first < 8:
        i += 1  # dem, einem, südkoreanischen …; "told reporters": the one word
        if toks[i - 1].text.lower() not in _ARTICLES and not toks[i - 1].text.endswith(("en", "em", "er", "es", "e")):
            return range(first, i)
    while i < len(toks) and toks[i].text[:1].isupper() and i - first < 12:
        i += 1
    return range(first, i)


_ARTICLES = {"dem", "der", "den", "des", "einem", "einer", "einen", "the", "a", "an"}
