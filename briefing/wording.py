"""wording: the ways a config's term can be worded in a text: its words as keys (language.py), a
German compound said in words ("Osten Russlands" for "Ostrussland"), the noun German makes of a verb
("Lieferung" for "liefern")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .language import keys_match, tokens, word_keys


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

    capitalised: bool = False  # (a paraphrase of a compound) its nouns must be written as nouns

    def matches_at(self, texts: Sequence[str], i: int, langs: tuple[str, ...]) -> bool:
        """The term's words stand at texts[i], texts[i+1], …"""
        n = len(self.words)
        if i + n > len(texts):
            return False
        # a compound said in words: its nouns capitalised, the word between them not (a quick look first)
        if self.capitalised and any(texts[i + j][:1].isupper() != self.nouns[j] for j in range(n)):
            return False
        return all(_word_matches(word_keys(texts[i + j], langs), self.words[j], self.nouns[j]) for j in range(n))

    def paraphrases(self) -> list[Term]:
        """A German compound said in words: "Ostrussland" as "Osten Russlands", "Truppenentsendung" as
        "Entsendung von Truppen". Every split into a modifier of three letters or more and a head of
        four or more is tried; both must stand there, as nouns, for it to match."""
        word = self.label
        if len(self.words) != 1 or not self.nouns[0] or len(word) < 8 or not word.isalpha():
            return []
        found = []
        for cut in range(3, len(word) - 3):
            head = word[cut].upper() + word[cut + 1 :]
            modifiers = [word[:cut]] + ([word[: cut - 1]] if word[cut - 1] == "s" and cut > 4 else [])
            for modifier in modifiers:
                m, h = word_keys(modifier, ("de",)), word_keys(head, ("de",))
                found.append(Term(word, (m, h), (True, True), capitalised=True))
                found.append(Term(word, (h, _LINKS, m), (True, False, True), capitalised=True))
        return found


def nominalisation(term: str) -> str | None:
    """The noun German makes of a verb term: warnen ~ Warnung, liefern ~ Lieferung, verlegen ~
    Truppenverlegung (as the head of a compound). A form German does not have simply never occurs."""
    if not term.isalpha() or not term.islower() or len(term) < 6 or term.endswith("eln"):
        return None
    stem = term[:-1] if term.endswith("ern") else term[:-2] if term.endswith("en") else None
    return f"{stem[0].upper()}{stem[1:]}ung" if stem else None


_LINKS = frozenset(f"de:{w}" for w in ("von", "der", "des", "aus"))  # their own stems: no lemma needed


@lru_cache(maxsize=100_000)
def _word_matches(keys: frozenset[str], term_keys: frozenset[str], noun: bool) -> bool:
    return any(keys_match(tk, k, noun) for tk in keys for k in term_keys)
