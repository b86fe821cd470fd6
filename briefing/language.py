"""Words to comparable keys, so that section terms match inflections and compounds in
German and English: Abkommen ~ Verteidigungsabkommens, Soldat ~ Soldaten, Südkorea ~ Südkoreas,
Nordkorea ~ nordkoreanische, troop ~ troops."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

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


class Said(NamedTuple):
    """What a text says, as bit masks of concept ids (bit c for concept c)."""

    named: int  # the concepts it mentions
    asserted: int  # of them, those mentioned at least once outside a what-if or an occasion (see `hedged`)
    lead: int  # those in its opening words (see `opening_words`): what it is about
    apart: int  # those mentioned at least once with no other concept right beside them: not merely
    #             qualifying another ("nordkoreanische Soldaten"), but a thing of their own ("Assad ist geflohen")
    words: int  # its number of words, figures left out


class Token(NamedTuple):  # a tuple: hundreds of thousands are made for a large folder
    text: str
    start: int  # offset within the analysed string
    end: int
    keys: frozenset[str]  # stems of the word in the languages it may be read in


def _langs(language: str | None) -> tuple[str, ...]:
    return (language,) if language in _STEMMERS else ("de", "en")


def tokens(text: str, language: str | None) -> list[Token]:
    """Words and figures with their keys, in the text's language (both when it is not known)."""
    langs = _langs(language)
    return [Token(m.group(), m.start(), m.end(), word_keys(m.group(), langs)) for m in _TOKEN.finditer(text)]


Word = tuple[str, frozenset[str]]  # a word and its keys


def count_words(text: str) -> int:
    """How many tokens `tokens` would find."""
    return len(_TOKEN.findall(text))


def words(text: str, language: str | None) -> list[Word]:
    """Like `tokens`, without positions: quicker, and all that matching concepts needs."""
    langs = _langs(language)
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
        import simplemma  # imported only when a word is not known from the cache

        lemma = _lemmas[word] = _new_lemmas[word] = simplemma.lemmatize(word, lang="de")
    return lemma


def remember_lemmas(known: dict[str, str], new: bool = False) -> None:
    """Lemmas looked up elsewhere: in an earlier run (from the cache) or, `new`, in another process."""
    _lemmas.update(known)
    if new:
        _new_lemmas.update(known)


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
                if lang == "de" and term.nouns[0] and len(stem) >= 4:
                    self._head.setdefault(key, set()).add(ti)
                if len(stem) >= 5:
                    self._base.setdefault(key, set()).add(ti)
        self._cache: dict[frozenset[str], frozenset[int]] = {}
        self._words: dict[tuple[str, tuple[str, ...]], tuple[int, tuple[int, ...], bool]] = {}
        self._numbers = mask(self.numbers)
        self._silent: dict[tuple[str, ...], set[str]] = {}

    def found(self, toks: Sequence[Token]) -> frozenset[int]:
        """Ids (positions in the list given) of the concepts the tokens mention."""
        return ids(self.read(" ".join(t.text for t in toks), None)[0])

    def read(self, text: str, language: str | None) -> Said:
        """What the text says of the concepts."""
        langs = _langs(language)
        texts = _TOKEN.findall(text)
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
        if "de" in langs and _PARTICLE_AT_END.search(text):
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
        if not hits:
            return Said(0, 0, 0, 0, len(texts) - figures)
        flags = hedged(text) if may_hedge(text) else None  # most sentences hedge nothing
        lead = opening_words(text)
        tag = speech_tag(text)
        asserted = opening = apart = 0
        for i, found in found_at:
            if flags is None or not flags[i]:
                asserted |= found
            if i < lead or i >= tag:
                opening |= found
            beside = covered.get(i - 1, 0) | covered.get(i + 1, 0)
            if not beside & ~found:
                apart |= found
        return Said(hits, asserted, opening, apart, len(texts) - figures)

    def names_any(self, text: str, language: str | None) -> bool:
        """Could `read` find any of the concepts in the text? (A quick look at its distinct words:
        False means it finds none.)"""
        langs = _langs(language)
        silent = self._silent.setdefault(langs, set())  # words known to name nothing
        for word in set(_TOKEN.findall(text)) - silent:
            if any(self._word(word, langs)):
                return True
            silent.add(word)
        return ("de" in langs and bool(_PARTICLE_AT_END.search(text))
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
                if lang == "de":  # the term as the head of a compound: Verteidigungs|abkommen
                    for i in range(3, len(stem) - 3):
                        found |= self._head.get(f"de:{stem[i:]}", set())
                for cut in range(1, MAX_DERIVATION_SUFFIX + 1):  # nordkorean|isch
                    if len(stem) - cut >= 5:
                        found |= self._base.get(f"{lang}:{stem[:-cut]}", set())
            cached = self._cache[keys] = frozenset(found)
        return cached


@lru_cache(maxsize=100_000)
def _word_matches(keys: frozenset[str], term_keys: frozenset[str], noun: bool) -> bool:
    return any(keys_match(tk, k, noun) for tk in keys for k in term_keys)


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
        for j, token in enumerate(_TOKEN.findall(clause.group())[:-1]):
            if len(token) >= 4 and token.islower():
                found.append((before + j, particle + german_lemma(token).lower()))
    return found


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
# Verbs of announcing and demanding: what follows them is what was announced, so they name a claimant
# only before them ("Die HTS verkündete die Öffnung …": HTS, not "die Öffnung").
ANNOUNCE = (r"verkündete|verkündet|kündigte|warnt|forderte|fordert|kritisierte|kritisiert|bekräftigte|mahnte|betont|"
            r"announced|announces|urged|demanded|welcomed|criticized|criticised|insisted|stressed|denied")
_REPORTED = re.compile(rf"\b(?:{SAY_DE}|{SAY_EN}|{ANNOUNCE}|hieß es|hiess es|heißt es|teilte|teilten|laut|zufolge|"
                       r"according to)\b", re.I)
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


def speech_tag(text: str) -> int:
    """Where a closing speech tag starts, as a token position (past the end: there is none)."""
    found = _SPEECH_TAG.search(text) if "," in text or ":" in text else None
    return count_words(text[: found.start()]) if found else 1 << 30


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


def mask(concepts: Iterable[int]) -> int:
    """Concept ids as a bit mask: sets of them are then joined and compared with one operation."""
    bits = 0
    for c in concepts:
        bits |= 1 << c
    return bits


def ids(bits: int) -> frozenset[int]:
    """The concept ids of a bit mask."""
    return frozenset(i for i in range(bits.bit_length()) if bits >> i & 1)


_CLAUSE_END = re.compile(r"[,;:]")


def opening_words(text: str) -> int:
    """How many words open the sentence, up to the first comma (at most 12; past a short introductory
    phrase): where news sentences name what they are about ("South Korea's President Yoon … has said …")."""
    cut = _CLAUSE_END.search(text)
    if cut and count_words(text[: cut.start()]) <= 3:  # "In many places, government forces withdrew …"
        cut = _CLAUSE_END.search(text, cut.end())  # an introductory phrase: the subject comes after it
    return min(12, count_words(text[: cut.start()] if cut else text))


def may_hedge(text: str) -> bool:
    """Could anything in the text be hedged? (False for most sentences: then `hedged` is all False.)"""
    return bool(_MAY_HEDGE.search(text))


def plain_tokens(text: str) -> list[Token]:
    """The tokens of `tokens`, without their keys: for work that needs only the words and where they stand."""
    return [Token(m.group(), m.start(), m.end(), _NO_KEYS) for m in _TOKEN.finditer(text)]


_NO_KEYS: frozenset[str] = frozenset()


def hedged(text: str) -> list[bool]:
    """For each token of text: does it stand in a what-if or in the occasion of the sentence?"""
    toks = plain_tokens(text)
    flags = [False] * len(toks)
    if not may_hedge(text):
        return flags
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
_AUDIENCE = re.compile(r"\b(?:(?:in einem|im) (?:Interview|Gespräch) mit|gegenüber (?:dem|der|den)|"
                       r"in an interview with|(?:told|speaking to|said to))\s", re.I)


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

def _is_big_number(word: str) -> bool:
    first = word[:1]
    if not first.isdigit() and first not in "tThH":  # tausend, thousands, Hunderttausende
        return False
    if word.lower() in _NUMBER_WORDS or word.lower().startswith(("tausend", "thousand")):
        return True
    value = number_value(word)
    return value is not None and value >= 100 and not (1900 <= value <= 2100 and len(word) == 4)
