"""Words to comparable keys, so that section terms match inflections and compounds in
German and English: Abkommen ~ Verteidigungsabkommens, Soldat ~ Soldaten, Südkorea ~ Südkoreas,
Nordkorea ~ nordkoreanische, troop ~ troops."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import simplemma
import snowballstemmer

_TOKEN = re.compile(r"\d+(?:[.,'’ ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?|[^\W\d_]+", re.U)
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "á": "a"})
_STEMMERS = {"de": snowballstemmer.stemmer("german"), "en": snowballstemmer.stemmer("english")}
_NUMBER_WORDS = {"tausend", "tausende", "tausenden", "tausender", "hunderttausend", "hunderttausende",
                 "thousand", "thousands", "hundreds"}
NUMBER_TERM = "#number"


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offset within the analysed string
    end: int
    keys: frozenset[str]  # stems of the word in the languages it may be read in


def tokens(text: str, language: str | None) -> list[Token]:
    """Words and figures with their keys, in the text's language (both when it is not known)."""
    langs = (language,) if language in _STEMMERS else ("de", "en")
    return [Token(m.group(), m.start(), m.end(), word_keys(m.group(), langs)) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=200_000)
def word_keys(word: str, langs: tuple[str, ...] = ("de", "en")) -> frozenset[str]:
    """Keys as "lang:stem": a German stem is only ever compared with German ones."""
    if word[:1].isdigit():
        return frozenset({f"#:{word}"})
    keys = set()
    for lang in langs:
        lemma = simplemma.lemmatize(word, lang=lang).lower()
        keys.add(f"{lang}:{_stem(lemma, lang)}")
        keys.add(f"{lang}:{_stem(word.lower(), lang)}")
    if word.startswith("ge") and len(word) >= 7 and "de" in langs:
        keys.add(f"de:{_stem(word[2:], 'de')}")  # a participle the lemmatiser does not know: geflüchtet ~ flüchten
    return frozenset(keys)


def _stem(word: str, lang: str) -> str:
    """Snowball's German stemmer drops umlauts (zählen -> zahl, the same as Zahl); put them back
    where the stem is still a prefix of the word, so that only the ending is cut."""
    stem = str(_STEMMERS[lang].stemWord(word))
    folded = word.translate(_FOLD)
    if folded.startswith(stem) and len(folded) == len(word):
        return word[: len(stem)]
    return stem.translate(_FOLD)


def number_value(token: str) -> int | None:
    digits = re.sub(r"[.,'’ ]", "", token.split(",")[0] if re.fullmatch(r"\d+,\d{1,2}", token) else token)
    return int(digits) if digits.isdigit() else None


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

    def found_in(self, toks: list[Token]) -> bool:
        if self.label == NUMBER_TERM:
            return any(_is_big_number(t) and not _hypothetical(toks, i) for i, t in enumerate(toks))
        if not self.words:
            return False
        n = len(self.words)
        for i in range(len(toks) - n + 1):
            if all(_word_matches(toks[i + j], self.words[j], self.nouns[j]) for j in range(n)):
                return True
        return False


def _word_matches(token: Token, term_keys: frozenset[str], noun: bool) -> bool:
    return any(keys_match(tk, k, noun) for tk in token.keys for k in term_keys)


def _hypothetical(toks: list[Token], i: int) -> bool:
    """'Selbst 15.000 Nordkoreaner würden …': a figure in a what-if is not a report of one."""
    before = {t.text.lower() for t in toks[max(0, i - 2) : i]}
    after = {t.text.lower() for t in toks[i + 1 : i + 8]}
    return bool(before & {"selbst", "sogar", "even"}) or bool(after & {"würden", "would"})


def _is_big_number(token: Token) -> bool:
    if token.text.lower() in _NUMBER_WORDS or token.text.lower().startswith(("tausend", "thousand")):
        return True
    value = number_value(token.text)
    return value is not None and value >= 100 and not (1900 <= value <= 2100 and len(token.text) == 4)
