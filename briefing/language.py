"""Words to comparable keys, so that section terms match inflections and compounds in
German and English: Abkommen ~ Verteidigungsabkommens, Soldat ~ Soldaten, Südkorea ~ Südkoreas,
Nordkorea ~ nordkoreanische, troop ~ troops."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import simplemma
import snowballstemmer

_TOKEN = re.compile(r"\d+(?:[.,'’ ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?|[^\W\d_]+", re.U)
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "á": "a"})
_STEMMERS = {"de": snowballstemmer.stemmer("german"), "en": snowballstemmer.stemmer("english")}
_NUMBER_WORDS = {"tausend", "tausende", "tausenden", "tausender", "hunderttausend", "hunderttausende",
                 "thousand", "thousands", "hundreds"}
NUMBER_TERM = "#number"
_NUMBER_START = frozenset("0123456789tThH")  # figures, tausend, thousands, Hunderttausende


# The commonest function words: between German and English they decide a text's language at once.
_FUNCTION_WORDS = {
    "de": set(["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "mit", "von", "zu", "den", "im", "auf", "für", "sich", "dem", "des", "auch", "es", "sie", "er", "wir", "werden", "wurde", "hat", "haben", "als", "bei", "aus", "nach", "sind", "war", "noch", "nur", "wie", "oder", "aber", "dass", "so", "zum", "zur", "vom", "am"]),
    "en": set(["the", "and", "is", "are", "was", "were", "of", "to", "in", "that", "for", "on", "with", "as", "by", "at", "from", "it", "this", "have", "has", "be", "not", "an", "or", "said", "will", "would", "their", "they", "he", "she", "its", "been", "which", "who", "than"]),
}


def detect_language(text: str) -> tuple[str, float]:
    """("de" | "en" | "unk", share of the function words that point that way)."""
    words = re.findall(r"[a-zäöüß]+", text.lower())
    counts = {lang: sum(1 for w in words if w in vocabulary) for lang, vocabulary in _FUNCTION_WORDS.items()}
    total = sum(counts.values())
    if total < 2:
        return "unk", 0.0
    lang = max(counts, key=lambda k: counts[k])
    return lang, counts[lang] / total


class Token(NamedTuple):  # a tuple: hundreds of thousands are made for a large folder
    text: str
    start: int  # offset within the analysed string
    end: int
    keys: frozenset[str]  # stems of the word in the languages it may be read in


def tokens(text: str, language: str | None) -> list[Token]:
    """Words and figures with their keys, in the text's language (both when it is not known)."""
    langs = (language,) if language in _STEMMERS else ("de", "en")
    return [Token(m.group(), m.start(), m.end(), word_keys(m.group(), langs)) for m in _TOKEN.finditer(text)]


def words(text: str, language: str | None) -> list[tuple[str, frozenset[str]]]:
    """Like `tokens`, without positions: a quicker look at a sentence that may not matter."""
    langs = (language,) if language in _STEMMERS else ("de", "en")
    return [(w, word_keys(w, langs)) for w in _TOKEN.findall(text)]


@lru_cache(maxsize=200_000)
def word_keys(word: str, langs: tuple[str, ...] = ("de", "en")) -> frozenset[str]:
    """Keys as "lang:stem": a German stem is only ever compared with German ones."""
    if word[:1].isdigit():
        return frozenset({f"#:{word}"})
    keys = set()
    for lang in langs:
        # German inflects too much for a stemmer alone (geschickt ~ schicken); English does not, and
        # leaving its lemma dictionary unloaded saves most of a second at start-up
        lemma = german_lemma(word).lower() if lang == "de" else word.lower()
        keys.add(f"{lang}:{_stem(lemma, lang)}")
        keys.add(f"{lang}:{_stem(word.lower(), lang)}")
    if word.startswith("ge") and len(word) >= 7 and "de" in langs:
        keys.add(f"de:{_stem(word[2:], 'de')}")  # a participle the lemmatiser does not know: geflüchtet ~ flüchten
    return frozenset(keys)


# German lemmas already looked up, in this run or (through the cache) in earlier ones: with all words
# of a corpus known, simplemma's dictionary, the slowest thing to load, is not loaded at all.
_lemmas: dict[str, str] = {}
_new_lemmas: dict[str, str] = {}


def german_lemma(word: str) -> str:
    lemma = _lemmas.get(word)
    if lemma is None:
        lemma = _lemmas[word] = _new_lemmas[word] = simplemma.lemmatize(word, lang="de")
    return lemma


def remember_lemmas(known: dict[str, str]) -> None:
    _lemmas.update(known)


def new_lemmas() -> dict[str, str]:
    """The lemmas looked up since the last call, for the cache to keep."""
    found = dict(_new_lemmas)
    _new_lemmas.clear()
    return found


def _stem(word: str, lang: str) -> str:
    """Snowball's German stemmer drops umlauts (zählen -> zahl, the same as Zahl); put them back
    where the stem is still a prefix of the word, so that only the ending is cut."""
    stem = str(_STEMMERS[lang].stemWord(word))
    folded = word.translate(_FOLD)
    if folded.startswith(stem) and len(folded) == len(word):
        return word[: len(stem)]
    return stem.translate(_FOLD)


@lru_cache(maxsize=100_000)
def number_value(token: str) -> int | None:
    digits = re.sub(r"[.,'’ ]", "", token.split(",")[0] if re.fullmatch(r"\d+,\d{1,2}", token) else token)
    return int(digits) if digits.isascii() and digits.isdigit() else None  # not "²" or "٣"


MAX_DERIVATION_SUFFIX = 4


def keys_match(token_key: str, term_key: str, noun: bool = True) -> bool:
    """Same stem; or the term is the head of a German compound (Abkommen ~ Verteidigungsabkommen);
    or the word is derived from the term (Nordkorea ~ nordkoreanisch). A compound is about its
    head, so a term at the start of a longer compound does not match (Angriff !~ Angriffskrieg).
    Only nouns (capitalised terms) head compounds: "send" must not match "Hunderttausend"."""
    if token_key == term_key:
        return True
    lang, token_key = token_key.split(":", 1)
    term_lang, term_key = term_key.split(":", 1)
    if lang != term_lang:
        return False
    if lang == "de" and noun and len(term_key) >= 4 and token_key.endswith(term_key) and len(token_key) - len(term_key) >= 3:
        return True
    return len(term_key) >= 5 and token_key.startswith(term_key) and len(token_key) - len(term_key) <= MAX_DERIVATION_SUFFIX


@dataclass(frozen=True)
class Term:
    """One way to say a concept: a word or a phrase, as keys."""

    label: str
    words: tuple[frozenset[str], ...]
    nouns: tuple[bool, ...]

    @classmethod
    def parse(cls, text: str) -> Term:
        toks = tokens(text, None)
        words = tuple(t.keys for t in toks)
        return cls(text, words, tuple(t.text[:1].isupper() for t in toks))

    def matches_at(self, toks: Sequence[Token], i: int) -> bool:
        """The term's words stand at toks[i], toks[i+1], …"""
        n = len(self.words)
        return i + n <= len(toks) and all(_word_matches(toks[i + j], self.words[j], self.nouns[j]) for j in range(n))


class ConceptIndex:
    """Which of many concepts a text mentions. Terms are indexed by their keys, so each word of the
    text costs a few dictionary look-ups (its stem, its compound heads, its derivation bases)
    instead of a comparison with every term; the answer per distinct word is remembered."""

    def __init__(self, concepts: Sequence[Sequence[str]]) -> None:
        self.terms = [(cid, Term.parse(text)) for cid, synonyms in enumerate(concepts) for text in synonyms]
        self.numbers = {cid for cid, term in self.terms if term.label == NUMBER_TERM}
        self._exact: dict[str, set[int]] = {}
        self._head: dict[str, set[int]] = {}
        self._base: dict[str, set[int]] = {}
        for ti, (_, term) in enumerate(self.terms):
            if not term.words:
                continue
            for key in term.words[0]:
                self._exact.setdefault(key, set()).add(ti)
                lang, stem = key.split(":", 1)
                if lang == "de" and term.nouns[0] and len(stem) >= 4:
                    self._head.setdefault(key, set()).add(ti)
                if len(stem) >= 5:
                    self._base.setdefault(key, set()).add(ti)
        self._cache: dict[frozenset[str], frozenset[int]] = {}

    def may_mention(self, found_words: Sequence[tuple[str, frozenset[str]]]) -> bool:
        """Could these words mention any concept? (False: certainly not.)"""
        return any(self._first_words(keys) for _, keys in found_words) or bool(
            self.numbers and any(w[0] in _NUMBER_START and _is_big_number(w) for w, _ in found_words))

    def found(self, toks: Sequence[Token]) -> set[int]:
        """Ids (positions in the list given) of the concepts the tokens mention."""
        return self.read(toks, [False] * len(toks))[0]

    def read(self, toks: Sequence[Token], hedged: Sequence[bool], lead: int = 0) -> tuple[set[int], set[int], set[int]]:
        """The concepts the tokens mention; those of them mentioned at least once outside a hedged
        stretch (see `hedged`); and those mentioned among the first `lead` tokens."""
        hits: set[int] = set()
        asserted: set[int] = set()
        opening: set[int] = set()
        for i, token in enumerate(toks):
            for ti in self._first_words(token.keys):
                cid, term = self.terms[ti]
                if len(term.words) == 1 or term.matches_at(toks, i):
                    hits.add(cid)
                    if not hedged[i]:
                        asserted.add(cid)
                    if i < lead:
                        opening.add(cid)
        if self.numbers:
            figures = [i for i, t in enumerate(toks)
                       if t.text[0] in _NUMBER_START and _is_big_number(t.text) and not _hypothetical(toks, i)]
            if figures:
                hits |= self.numbers
            if any(not hedged[i] for i in figures):
                asserted |= self.numbers
            if figures and figures[0] < lead:
                opening |= self.numbers
        return hits, asserted, opening

    def _first_words(self, keys: frozenset[str]) -> frozenset[int]:
        cached = self._cache.get(keys)
        if cached is None:
            found: set[int] = set()
            for key in keys:
                found |= self._exact.get(key, set())
                lang, stem = key.split(":", 1)
                if lang == "de":  # the term as the head of a compound: Verteidigungs|abkommen
                    for i in range(3, len(stem) - 3):
                        found |= self._head.get(f"de:{stem[i:]}", set())
                for cut in range(1, MAX_DERIVATION_SUFFIX + 1):  # nordkorean|isch
                    if len(stem) - cut >= 5:
                        found |= self._base.get(f"{lang}:{stem[:-cut]}", set())
            cached = self._cache[keys] = frozenset(found)
        return cached


def _word_matches(token: Token, term_keys: frozenset[str], noun: bool) -> bool:
    return any(keys_match(tk, k, noun) for tk in token.keys for k in term_keys)


def _hypothetical(toks: Sequence[Token], i: int) -> bool:
    """'Selbst 15.000 Nordkoreaner würden …': a figure in a what-if is not a report of one."""
    before = {t.text.lower() for t in toks[max(0, i - 2) : i]}
    after = {t.text.lower() for t in toks[i + 1 : i + 8]}
    return bool(before & {"selbst", "sogar", "even"}) or bool(after & {"würden", "would"})


# What might happen is weaker evidence than what did: "Soldaten könnten geschickt werden" does not report
# a deployment. Nor is what a sentence names as its occasion ("in response to the deployment of …")
# what it reports. Both stretch to the end of their clause; a modal in a clause that opens with a
# conjunction (German puts it last: "dass … geschickt werden könnten") hedges the whole clause.
_MODAL = {"würde", "würden", "würdest", "könnte", "könnten", "dürfte", "dürften", "would", "could", "might"}
_CONDITION = {"wenn", "falls", "sollte", "sollten", "if", "unless"}
_OPENS_CLAUSE = {"dass", "ob", "that", "whether"}
# ... unless a source states it as its assessment: "Der Geheimdienst vermutet, dass Moskau liefern könnte".
_ASSESSES = re.compile(r"(vermut|glaub|befürcht|fürcht|erwart|schätz|believ|expect|fear|suspect|estimat|assess)", re.I)
_OCCASION = re.compile(r"\b(angesichts|als reaktion auf|in response to|in reaction to|in the wake of|vor dem hintergrund)\b", re.I)
_MAY_HEDGE = re.compile(r"\b(?:" + "|".join(sorted(_MODAL | _CONDITION)) + r")\b|" + _OCCASION.pattern, re.I)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


def hedged(text: str, toks: Sequence[Token]) -> list[bool]:
    """For each token of text: does it stand in a what-if or in the occasion of the sentence?"""
    flags = [False] * len(toks)
    if not _MAY_HEDGE.search(text):
        return flags  # most sentences: nothing to look at
    clause: list[int] = []
    assessed = False  # a verb of assessment seen so far in the sentence

    def close() -> None:
        nonlocal assessed
        if not clause:
            return
        words = [toks[i].text.lower() for i in clause]
        start = None
        if words[0] in _CONDITION:
            start = 0
        else:
            modal = next((j for j, w in enumerate(words) if w in _MODAL), None)
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


def _is_big_number(word: str) -> bool:
    first = word[:1]
    if not first.isdigit() and first not in "tThH":  # tausend, thousands, Hunderttausende
        return False
    if word.lower() in _NUMBER_WORDS or word.lower().startswith(("tausend", "thousand")):
        return True
    value = number_value(word)
    return value is not None and value >= 100 and not (1900 <= value <= 2100 and len(word) == 4)
