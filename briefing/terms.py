"""terms: which of a config's concepts a text names, and how (asserted, in its opening words, as a
thing of its own): a term is a word or phrase, matched by its keys (language.py), as a compound said in
words, as a separable verb (found by language.py), or as the noun of a German verb (wording.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .hedging import (
    audience,
    hedged,
    hypothetical,
    may_hedge,
    opening_words,
    reported_from,
    reported_opening,
    speech_tag,
)
from .language import (
    FOLD,
    MAX_DERIVATION_SUFFIX,
    TOKEN,
    Token,
    may_split_a_verb,
    number_value,
    readable_as,
    separable_verbs,
    word_keys,
)
from .lexicon import NATIONALITY_WORD, SIGN_WORDS
from .wording import Term, nominalisation

_NUMBER_WORDS = {"tausend", "tausende", "tausenden", "tausender", "hunderttausend", "hunderttausende",
                 "thousand", "thousands", "hundreds"}
NUMBER_TERM = "#number"
_NUMBER_START = frozenset("0123456789tThH")  # figures, tausend, thousands, Hunderttausende


class Said(NamedTuple):
    """What a text says, as bit masks of concept ids (bit c for concept c)."""

    named: int  # the concepts it mentions
    asserted: int  # of them, those mentioned at least once outside a what-if or an occasion (see `hedged`)
    lead: int  # those in its opening words (see `opening_words`): what it is about
    apart: int  # those mentioned at least once with no other concept right beside them: not merely
    #             qualifying another ("nordkoreanische Soldaten"), but a thing of their own ("Assad ist geflohen")
    words: int  # its number of words, figures left out



class ConceptIndex:
    """Which of many concepts a text mentions. Terms are indexed by their keys, so each word of the
    text costs a few dictionary look-ups (its stem, its compound heads, its derivation bases)
    instead of a comparison with every term; the answer per distinct word is remembered."""

    def __init__(self, concepts: Sequence[Sequence[str]]) -> None:
        self.terms = [(cid, Term.parse(text)) for cid, synonyms in enumerate(concepts) for text in synonyms]
        self.terms += [(cid, said) for cid, term in list(self.terms) for said in term.paraphrases()]
        self.terms += [(cid, Term.parse(noun)) for cid, synonyms in enumerate(concepts) for text in synonyms
                       if (noun := nominalisation(text))]
        self.numbers = {cid for cid, term in self.terms if term.label == NUMBER_TERM}
        # the countries the concepts name, by their first letters: "deutsche" is Germany's when a term says
        # "Deutschland", "Ukrainian" Ukraine's when one says "Ukraine" (then neither is another actor)
        self.named_countries = frozenset(_country_key(w) for _, term in self.terms for w in term.label.split())
        self._exact: dict[str, set[int]] = {}
        self._head: dict[str, set[int]] = {}
        self._base: dict[str, set[int]] = {}
        for ti, (_, term) in enumerate(self.terms):
            if not term.words:
                continue
            for key in term.words[0]:
                self._exact.setdefault(key, set()).add(ti)
                if term.capitalised:
                    continue  # a compound said in words opens with the very word, or it is not that compound
                lang, stem = key.split(":", 1)
                if lang in ("de", "dh") and term.nouns[0] and len(stem) >= 4:
                    self._head.setdefault(key, set()).add(ti)
                if len(stem) >= 5 and lang != "dh":  # (a lemma key is no base of derivations: see language.word_keys)
                    self._base.setdefault(key, set()).add(ti)
        self._cache: dict[frozenset[str], frozenset[int]] = {}
        self._words: dict[tuple[str, tuple[str, ...]], tuple[int, tuple[int, ...], bool]] = {}
        self._numbers = mask(self.numbers)
        self._signs = {sign: named for sign, words in SIGN_WORDS.items()
                       if (named := mask(cid for cid, synonyms in enumerate(concepts)
                                         if any(w.lower() in words for w in synonyms)))}
        self._silent: dict[tuple[str, ...], set[str]] = {}

    def found(self, toks: Sequence[Token]) -> frozenset[int]:
        """Ids (positions in the list given) of the concepts the tokens mention."""
        return ids(self.names(" ".join(t.text for t in toks), None))

    def read(self, text: str, language: str | None) -> Said:
        """What the text says of the concepts."""
        texts, hits, found_at, covered, figures = self._found(text, readable_as(language))
        if not hits:
            return Said(0, 0, 0, 0, len(texts) - figures)
        flags = hedged(text) if may_hedge(text) else None  # most sentences hedge nothing
        lead = opening_words(text)
        tag = speech_tag(text)
        # a sentence that opens with its speaker alone is about what the clause reported opens with
        reported = range(0) if any(i < lead for i, _ in found_at) else reported_opening(text, lead)
        asserted = opening = apart = 0
        for i, found in found_at:
            if flags is None or not flags[i]:
                asserted |= found
            if (i < lead or i >= tag or i in reported) and not _of_another(texts, i, covered, self.named_countries):
                opening |= found
            beside = covered.get(i - 1, 0) | covered.get(i + 1, 0)
            if not beside & ~found:
                apart |= found
        return Said(hits, asserted, opening, apart, len(texts) - figures)

    def names(self, text: str, language: str | None) -> int:
        """The concepts the text names: what `read` finds as `named`, without working out how."""
        return self._found(text, readable_as(language))[1]

    def _found(self, text: str, langs: tuple[str, ...]) -> tuple[list[str], int, list[tuple[int, int]], dict[int, int], int]:
        """Its words; the concepts it names; where (token, concepts); the concepts each token is part
        of; how many of its words are figures."""
        texts = TOKEN.findall(text)
        hits = 0
        figures = 0
        reporting: int | None = -1  # where reported speech starts: worked out at the first figure
        found_at: list[tuple[int, int]] = []  # (token, concepts it names)
        covered: dict[int, int] = {}  # the concepts each token is part of (a term of several words covers them all)
        for i, word in enumerate(texts):
            found, phrases, figure = self._word(word, langs)
            if word[0].isdigit():
                figures += 1
            if phrases:  # terms of several words that start here
                for ti in phrases:
                    term = self.terms[ti][1]
                    if term.matches_at(texts, i, langs):
                        found |= 1 << self.terms[ti][0]
                        for j in range(i + 1, i + len(term.words)):
                            covered[j] = covered.get(j, 0) | 1 << self.terms[ti][0]
            if figure:
                if reporting == -1:
                    reporting = reported_from(text)
                if not hypothetical(texts, i, reporting is not None and reporting < i):
                    found |= self._numbers
            if found:
                hits |= found
                found_at.append((i, found))
                covered[i] = covered.get(i, 0) | found
        for sign, named in self._signs.items():  # "35,3 %", "$100m": the number beside the sign names its word
            if sign in text:
                for at in _sign_positions(text, sign, texts):
                    hits |= named
                    found_at.append((at, named))
                    covered[at] = covered.get(at, 0) | named
        if "de" in langs and may_split_a_verb(text):
            for i, verb in separable_verbs(text):
                found = self._word(verb, langs)[0]
                if found:
                    hits |= found
                    found_at.append((i, found))
        unread = audience(text) if hits else set()  # whom it was said to: not read
        if unread:
            found_at = [(i, found) for i, found in found_at if i not in unread]
            covered = {i: found for i, found in covered.items() if i not in unread}
            hits = 0
            for _, found in found_at:
                hits |= found
        return texts, hits, found_at, covered, figures

    def names_any(self, text: str, language: str | None) -> bool:
        """Could `read` find any of the concepts in the text? (A quick look at its distinct words:
        False means it finds none.)"""
        langs = readable_as(language)
        silent = self._silent.setdefault(langs, set())  # words known to name nothing
        for word in set(TOKEN.findall(text)) - silent:
            if any(self._word(word, langs)):
                return True
            silent.add(word)
        if any(sign in text for sign in self._signs):
            return True  # (whether the sign stands beside a number, `read` tells)
        return ("de" in langs and may_split_a_verb(text)
                and any(self._word(verb, langs)[0] for _, verb in separable_verbs(text)))

    def _word(self, word: str, langs: tuple[str, ...]) -> tuple[int, tuple[int, ...], bool]:
        """What one word can tell, remembered: the concepts it names alone, the terms of several
        words it may open, whether it is a figure."""
        known = self._words.get((word, langs))
        if known is None:
            candidates = self._first_words(word_keys(word, langs))
            alone = mask(self.terms[ti][0] for ti in candidates if len(self.terms[ti][1].words) == 1)
            phrases = tuple(ti for ti in candidates if len(self.terms[ti][1].words) > 1)
            figure = bool(self.numbers) and word[0] in _NUMBER_START and _is_big_number(word)
            known = self._words[(word, langs)] = (alone, phrases, figure)
        return known

    def _first_words(self, keys: frozenset[str]) -> frozenset[int]:
        cached = self._cache.get(keys)
        if cached is None:
            found: set[int] = set()
            for key in keys:
                found |= self._exact.get(key, set())
                lang, stem = key.split(":", 1)
                if lang in ("de", "dh"):  # the term as the head of a compound: Verteidigungs|abkommen
                    for i in range(3, len(stem) - 3):
                        found |= self._head.get(f"{lang}:{stem[i:]}", set())
                if lang == "dh":
                    continue  # (a lemma key is no base of derivations)
                for cut in range(1, MAX_DERIVATION_SUFFIX + 1):  # nordkorean|isch
                    if len(stem) - cut >= 5:
                        found |= self._base.get(f"{lang}:{stem[:-cut]}", set())
            cached = self._cache[keys] = frozenset(found)
        return cached


def _sign_positions(text: str, sign: str, texts: Sequence[str]) -> list[int]:
    """The tokens of the numbers a sign stands beside: before "%" and "€", after "$" and "£"."""
    found = []
    start = text.find(sign)
    while start != -1:
        i = len(TOKEN.findall(text, 0, start))  # the token after the sign
        if i and texts[i - 1][:1].isdigit() and text[start - 1 : start].strip() in ("", texts[i - 1][-1:]):
            found.append(i - 1)  # "35,3 %", "35.3%", "100 €"
        elif i < len(texts) and texts[i][:1].isdigit():
            found.append(i)  # "$100m", "€ 5"
        start = text.find(sign, start + 1)
    return found


def mask(concepts: Iterable[int]) -> int:
    """Concept ids as a bit mask: sets of them are then joined and compared with one operation."""
    bits = 0
    for c in concepts:
        bits |= 1 << c
    return bits


def ids(bits: int) -> frozenset[int]:
    """The concept ids of a bit mask."""
    return frozenset(i for i in range(bits.bit_length()) if bits >> i & 1)


def _is_big_number(word: str) -> bool:
    first = word[:1]
    if not first.isdigit() and first not in "tThH":  # tausend, thousands, Hunderttausende
        return False
    if word.lower() in _NUMBER_WORDS or word.lower().startswith(("tausend", "thousand")):
        return True
    value = number_value(word)
    return value is not None and value >= 100 and not (1900 <= value <= 2100 and len(word) == 4)


def _of_another(texts: Sequence[str], i: int, covered: dict[int, int], named: frozenset[str]) -> bool:
    """The word at i belongs to an actor no concept names: "Ukrainian military intelligence", "Ukraine's
    special forces", "die ukrainische Armee" in a brief whose concepts never name Ukraine. Then the
    sentence is not about the section's own (Seoul's intelligence, North Korea's soldiers)."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if covered.get(j):
            return False  # a concept qualifies it ("südkoreanischen Geheimdienstes")
        word = texts[j]
        if word == "s" and j and texts[j - 1][:1].isupper():  # "Ukraine’s": the possessive's own word is next
            return not covered.get(j - 1) and _country_key(texts[j - 1]) not in named
        if NATIONALITY_WORD.match(word):
            return _country_key(word) not in named
        if not word.islower() or word in ("the", "der", "die", "das", "des", "dem", "den"):
            return False  # only adjectives between the nationality and the word ("military", "special")
    return False


def _country_key(word: str) -> str:
    return word[:4].lower().translate(FOLD)
