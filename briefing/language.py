"""language: which language a text is in, and words as comparable keys, so that section terms match
inflections and compounds in German and English: Abkommen ~ Verteidigungsabkommens, Soldat ~
Soldaten, Südkorea ~ Südkoreas, Nordkorea ~ nordkoreanische, troop ~ troops; and the German verbs
word order splits ("riefen … auf" is aufrufen)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

TOKEN = re.compile(r"\d+(?:[.,'’ ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?|[^\W\d_]+", re.U)
FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "á": "a"})
_STEMMERS = {"de": snowballstemmer.stemmer("german"), "en": snowballstemmer.stemmer("english")}

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


def readable_as(language: str | None) -> tuple[str, ...]:
    return (language,) if language in _STEMMERS else ("de", "en")


def tokens(text: str, language: str | None) -> list[Token]:
    """Words and figures with their keys, in the text's language (both when it is not known)."""
    langs = readable_as(language)
    return [Token(m.group(), m.start(), m.end(), word_keys(m.group(), langs)) for m in TOKEN.finditer(text)]


Word = tuple[str, frozenset[str]]  # a word and its keys


def count_words(text: str) -> int:
    """How many tokens `tokens` would find."""
    return len(TOKEN.findall(text))


def words(text: str, language: str | None) -> list[Word]:
    """Like `tokens`, without positions: quicker, and all that matching concepts needs."""
    langs = readable_as(language)
    return [(w, word_keys(w, langs)) for w in TOKEN.findall(text)]


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
        if lang == "de" and word[:1].isupper() and len(lemma) >= 4:
            # the stemmer cuts a compound's ending and not its short head's ("Stellenstreichung" ->
            # stellenstreich, "Streichung" -> streichung): the lemma itself ends with its head. A key
            # of its own kind ("dh:"), matched only as a whole or as a compound's head: as a base of
            # derivations it would take compounds for them ("Unwetter" ~ "Unwetterwarnung").
            keys.add(f"dh:{lemma}")
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
        import simplemma  # imported only when a word is not known from the cache

        lemma = _lemmas[word] = _new_lemmas[word] = simplemma.lemmatize(word, lang="de")
    return lemma


def remember_lemmas(known: dict[str, str], new: bool = False) -> None:
    """Lemmas looked up elsewhere: in an earlier run (from the cache) or, `new`, in another process."""
    _lemmas.update(known)
    if new:
        _new_lemmas.update(known)


def known_lemmas() -> dict[str, str]:
    """Every lemma known in this process: what a worker process is given to start with."""
    return dict(_lemmas)


def new_lemmas() -> dict[str, str]:
    """The lemmas looked up since the last call, for the cache to keep."""
    found = dict(_new_lemmas)
    _new_lemmas.clear()
    return found


def _stem(word: str, lang: str) -> str:
    """Snowball's German stemmer drops umlauts (zählen -> zahl, the same as Zahl); put them back
    where the stem is still a prefix of the word, so that only the ending is cut."""
    stem = str(_STEMMERS[lang].stemWord(word))
    folded = word.translate(FOLD)
    if folded.startswith(stem) and len(folded) == len(word):
        return word[: len(stem)]
    return stem.translate(FOLD)


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
    if lang in ("de", "dh") and noun and len(term_key) >= 4 and token_key.endswith(term_key) and len(token_key) - len(term_key) >= 3:
        return True
    return lang != "dh" and len(term_key) >= 5 and token_key.startswith(term_key) and len(token_key) - len(term_key) <= MAX_DERIVATION_SUFFIX



def plain_tokens(text: str) -> list[Token]:
    """The tokens of `tokens`, without their keys: for work that needs only the words and where they stand."""
    return [Token(m.group(), m.start(), m.end(), _NO_KEYS) for m in TOKEN.finditer(text)]


_NO_KEYS: frozenset[str] = frozenset()


# German splits a separable verb: "Sie riefen Millionen Flüchtlinge zur Rückkehr auf" is "aufrufen",
# "drangen … in den Palast ein" is "eindringen". The particle closes the clause.
_PARTICLES = ("ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "heim", "her", "herein", "heraus", "hervor",
              "hin", "hinaus", "hinzu", "los", "mit", "nach", "vor", "vorbei", "weg", "weiter", "zu", "zurück", "zusammen")
_PARTICLE_AT_END = re.compile(r"\b(?:" + "|".join(_PARTICLES) + r")\s*(?:[.,;:!?)\"“”»«–]|$)")
_CLAUSE_PIECE = re.compile(r"[^,;:()\u2013\u2014.!?]+")


def separable_verbs(text: str) -> list[tuple[int, str]]:
    """The verbs a clause-final particle completes, as (token position, infinitive): each small word of
    the clause is tried, the lemma of the verb among them is what a term can match."""
    found = []
    for clause in _CLAUSE_PIECE.finditer(text):
        words = clause.group().split()
        if len(words) < 2 or words[-1].strip("\"“”»«") not in _PARTICLES:
            continue
        particle = words[-1].strip("\"“”»«")
        before = count_words(text[: clause.start()])
        for j, token in enumerate(TOKEN.findall(clause.group())[:-1]):
            if len(token) >= 4 and token.islower():
                found.append((before + j, particle + german_lemma(token).lower()))
    return found


def may_split_a_verb(text: str) -> bool:
    """Does a clause of the text end in a verb particle? (False for most sentences: no verb to rebuild.)"""
    return bool(_PARTICLE_AT_END.search(text))
