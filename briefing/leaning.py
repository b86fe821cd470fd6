"""leaning: whether a sentence leans on the one before it, so that it is quoted with it: it points
back ("Sie …", "Demnach …", "… bestätigen diese Meldung", "…, sagte ein Sprecher der Behörde"), answers
a concession, or goes on with what the sentence before reported someone to say (German subjunctive,
"hieß es weiter", "he added", the same speaker by one name: "Kim wies darauf hin")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .hedging import ANNOUNCE, SAID_DE, SAY_DE, SAY_EN, closing_tag, reported_from
from .language import german_lemma
from .lexicon import ALL_FUNCTION_WORDS as _ALL_FUNCTION_WORDS

# How a sentence leans on the one before it. One that points back ("Sie riefen …") cannot be quoted
# without it; one that goes on with the statement reported there ("Pjöngjang zweifle nicht daran, …")
# is quoted with it, but says a fact of its own and may stand alone where the one before cannot join.
POINTS_BACK = 1
CONTINUES = 2

# A sentence that opens like this points back to the one before it and cannot be quoted alone.
# Pure connectives ("Allerdings", "Doch", "However") are left out: they join claims, not references.
_LEANS_BACK = re.compile(
    r"^[\"„“»«]?\s*(demnach|demzufolge|dem bericht zufolge|dem entgegen|dies|diese[rsnm]?|er|sie|ihr|ihre[rsnm]?|"
    r"sein|seine[rsnm]?|dort|damit|dabei|daher|deshalb|deswegen|darauf|dafür|dagegen|so|zuvor|letzterer|"
    r"letztere|einige von ihnen|he|she|they|it|this|these|those|his|her|their|there|thus|some of them|"
    r"according to the report)\b|^(das|that)\s+(?=(?-i:[a-zäöüß]))|^(und|aber|and|but)\s*:|"
    # a pointer among the first words: "Kim Jong-un soll nämlich …", "Ein Teil dieser Soldaten …"
    r"^(\S+\s+){1,3}(nämlich|wiederum|demnach|daher|deshalb|dabei|dort|(diese[rsnm]?|jene[rsnm]?)(?! (woche|jahr|monat|tag|zeit))|"
    r"of them|of these|of those)\b|"
    # a pronominal adverb in the first clause points back, unless a clause it announces follows ("dafür …, dass …")
    r"^[^,;:]*\b(dafür|dazu|dadurch|darüber(?! hinaus)|hierfür|hierzu)\b(?![^.;:]*,\s*(dass|ob|wie|um)\b)|"
    # what was just reported, named as such: "Weder das Pentagon noch die NATO bestätigen diese Meldung"
    r"^.*?\b(diese[rsnm]?|jene[rsnm]?|solche[rsnm]?|these|this|those|such) (meldung|angabe|bericht|information|"
    r"darstellung|einschätzung|aussage|behauptung|schätzung|report|claim|account|assessment|estimate|figure)", re.I)
# A speaker named only by what it is, with a definite article and no name after it ("…, sagte ein
# Sprecher der Behörde", "…, betonte der Kanzler", "…, the ministry said") is one the sentence before names.
_NAMED_BEFORE = re.compile(
    r"\b(?:der|des|dem|den|the)\s+(?:Behörde|Ministeriums?|Amte?s|Agentur|Organisation|Partei|Unternehmens?|"
    r"Konzerns?|Regierung|Sprecher(?:in)?|Minister(?:in)?|Präsident(?:in)?|Kanzler(?:in)?|Diplomat(?:en)?|"
    r"agency|ministry|department|organi[sz]ation|party|company|government|spokes(?:person|man|woman)|"
    r"minister|president|chancellor|diplomat)\b(?![\s-]+[A-ZÄÖÜ])")
_CONCESSION = re.compile(r"^\W*(zwar|admittedly|granted)\b", re.I)
_ANSWER = re.compile(r"^\W*(doch|aber|jedoch|allerdings|but|yet|however)\b", re.I)


def leanings(texts: Sequence[str], language: str | None) -> list[int]:
    """How each of an article's sentences leans on the one before it (see leans_back). German reported
    speech goes on from sentence to sentence in the subjunctive: "Kim wies darauf hin, …. Dies stelle
    eine Bedrohung dar. Südkorea kritisiere …": each is still the speaker's."""
    leans: list[int] = []
    for i, text in enumerate(texts):
        lean = leans_back(text, texts[i - 1], language) if i else 0
        if not lean and i and leans[-1] and language == "de" and continues_speech(texts[i - 1]) \
                and _speaks_on(text):
            lean = CONTINUES
        leans.append(lean)
    return leans


def _speaks_on(text: str) -> bool:
    """A German subjunctive that names no speaker of its own ("Pjöngjang zweifle nicht daran, …")."""
    return reported_from(text) is None and not _SAID.search(text) and continues_speech(text)


def leans_back(text: str, before: str, language: str | None = None) -> int:
    if _LEANS_BACK.match(text):
        return POINTS_BACK
    # "Zwar X. Doch Y.": the concession and its answer are one thought
    if _CONCESSION.match(before) and _ANSWER.match(text):
        return POINTS_BACK
    if _NAMED_BEFORE.search(closing_tag(text)):
        return POINTS_BACK  # "…, sagte ein Sprecher der Behörde.": the authority the sentence before names
    if language == "de" and reported_from(before) is not None and _speaks_on(text):
        return CONTINUES  # "Choe erklärte, …. Pjöngjang zweifle nicht daran, …": the speaker is in the sentence before
    if _GOES_ON.search(text) and (reported_from(before) is not None or language == "de" and continues_speech(before)) \
            and not _new_speaker(text, before):
        return CONTINUES  # "…, hieß es weiter.", "…, he added.": more of what the sentence before reports
    if _by_surname(text, before):
        return CONTINUES  # "Vizeminister Kim Hong-kyun erläuterte …. Kim wies darauf hin, …": the same speaker goes on
    return 0


# One name and a verb of saying: "Kim wies darauf hin, …", "Blinken said …", "Lawrow lobte …"; "…, sagte Choe am Freitag"
_SPEECH_ACT = rf"{SAY_DE}|{SAY_EN}|{ANNOUNCE}|wies|fügte|lobte|lobt|dankte|versicherte|noted|praised|thanked"
_SURNAME_SAYS = re.compile(rf"^[\"„“»]?([A-ZÄÖÜ][\w'’-]+)\s+(?:hat\s+|habe\s+)?(?:{_SPEECH_ACT})\b")
_SAYS_SURNAME = re.compile(rf"\b(?:{SAY_DE})\s+([A-ZÄÖÜ][\w'’-]+)\b(?!\s+[A-ZÄÖÜ])")


def _by_surname(text: str, before: str) -> bool:
    """News names a person in full once, then by one name: the sentence goes on with what the person
    named in full in the sentence before says ("Kim Hong-kyun" or "Antony Blinken", then "Kim", "Blinken")."""
    said = _SURNAME_SAYS.match(text) or _SAYS_SURNAME.search(text)
    if not said:
        return False
    name = re.escape(said.group(1))
    return bool(re.search(rf"\b{name}[ -][A-ZÄÖÜ][\w'’-]+|[A-ZÄÖÜ][\w'’-]+ {name}\b", before))


# A speech tag that says the statement goes on: "hieß es weiter", "so der Sprecher weiter", "fügte er hinzu",
# "the ministry also said", "he added"
_GOES_ON = re.compile(r"\b(?:hieß es|heißt es|hiess es|sagte|sagt|erklärte|betonte)\b[^.;:!?]{0,40}?\bweiter\b|"
                      r"[,\"“”»«]\s*so\s+(?:\S+\s+){0,4}?weiter\b|\bfügte\b[^.;!?]{0,60}\bhinzu\b|"
                      r"\b(?:also|further) (?:said|says|told|stated|wrote)\b|"
                      r",\s*(?:\S+\s+){0,4}?added\b[^,.;!?]{0,30}[.!?]?[\"”»]?\s*$")


# "Boeing also said it expects …" after "…, he said": a speaker named by name, whom the sentence before
# does not name, makes a statement of its own ("The ministry also said", "Blinken also said" after
# Blinken go on)
_NAMED_ALSO = re.compile(r"^[\"„“»]?([A-ZÄÖÜ][\w&'’.-]+)\s+(?:also|further)\s+(?:said|says|told|stated|wrote)\b")


def _new_speaker(text: str, before: str) -> bool:
    named = _NAMED_ALSO.match(text)
    return named is not None and named.group(1).lower() not in _ALL_FUNCTION_WORDS and named.group(1) not in before


# "Der Diplomat habe geantwortet, …": a subjunctive that names a speaker of its own starts a statement
_SAID = re.compile(rf"\b(?:{SAID_DE})\b")
_SUBORDINATE = {"dass", "ob", "wenn", "weil", "falls", "als", "obwohl", "während", "nachdem", "bevor", "damit", "wie"}


def continues_speech(text: str) -> bool:
    """German reports what was said in the subjunctive: a sentence whose main verb is one ("Pjöngjang
    zweifle nicht daran", "Die Lage sei unklar") and that names no speaker goes on with the statement
    of the sentence before. The verb stands second, among the first words of the first clause."""
    first = re.split(r"[,;:(–]", text, maxsplit=1)[0]
    words = re.findall(r"[^\W\d_]+", first)
    if not words or words[0].lower() in _SUBORDINATE:
        return False
    for before, word in zip(words[:4], words[1:5], strict=False):
        if word in ("sei", "seien") or (word.islower() and before.lower() not in ("ich", "wir") and _subjunctive(word)):
            return True
    return False


def _subjunctive(word: str) -> bool:
    """The third person of the German present subjunctive: habe (haben), sei (sein), zweifle (zweifeln)."""
    if not word.endswith("e") or len(word) < 3:
        return False
    lemma = german_lemma(word)
    if lemma == word or not lemma.islower():
        return False
    if lemma.endswith(("eln", "ern")):
        return word in (lemma[:-1], lemma[:-3] + lemma[-2] + "e")
    return lemma.endswith("n") and word == lemma[:-1]
