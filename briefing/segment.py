"""segment: paragraphs and sentences as character offsets into the article's original text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .models import Article, Sentence

if TYPE_CHECKING:
    from somajo import SoMaJo

_BLANK = re.compile(r"\n[ \t]*\n")
_ENDS_SENTENCE = re.compile(r"[.!?:…][\"“”»«'’)]*\s*$")


def paragraphs(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph. A line is a paragraph, except where a block of
    lines separated by blank lines is hard-wrapped prose: then the block is one."""
    for block in _blocks(text, start):
        lines = [(m.start() + block[0], m.end() + block[0]) for m in re.finditer(r"[^\r\n]+", text[block[0]:block[1]])]
        lines = [_strip(text, s, e) for s, e in lines if text[s:e].strip()]
        if _is_wrapped(text, lines):
            yield lines[0][0], lines[-1][1]
        else:
            yield from lines


def _blocks(text: str, start: int) -> Iterator[tuple[int, int]]:
    pos = start
    for match in _BLANK.finditer(text, start):
        yield pos, match.start()
        pos = match.end()
    yield pos, len(text)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())


WRAP_SLACK = 8  # characters a line wrapped by hand may stop short of the width


def _is_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Hard-wrapped: most lines but the last run on without ending a sentence, and are long."""
    if len(lines) < 2:
        return False
    inner = lines[:-1]
    runs_on = sum(1 for s, e in inner if not _ENDS_SENTENCE.search(text[s:e]) and e - s >= 40)
    if not (runs_on * 2 > len(inner) and max(e - s for s, e in inner) <= 100):
        return False
    # A wrapped line is about as full as the width allows: the next line's first word would not have
    # fit on it (give or take a few characters, for text wrapped by hand). A headline over its
    # standfirst and a caption, lines of their own, do not fill a width.
    width = max(e - s for s, e in lines) - WRAP_SLACK
    full = sum(1 for (s, e), (t, _) in zip(inner, lines[1:], strict=True)
               if e - s + 1 + len(text[t:].split(maxsplit=1)[0]) > width)
    return full * 5 >= len(inner) * 4


@lru_cache(maxsize=2)
def _splitter(language: str) -> SoMaJo:
    from somajo import SoMaJo  # loaded only for paragraphs the plain splitter leaves to it

    model = "en_PTB" if language == "en" else "de_CMC"
    splitter = SoMaJo(model, split_camel_case=False, character_offsets=True)
    _skip_emoji_search_without_emoji(splitter)
    return splitter


# SoMaJo looks for emoji one character at a time, each with a regular expression given as text: half
# of its time on news text, which has none. Where a token has no character that could be one, its
# search finds nothing (and splits nothing): it is skipped. Same tokens, same sentences
# (tests/test_segment.py); should SoMaJo's internals change, it is simply not skipped.
def _skip_emoji_search_without_emoji(splitter: SoMaJo) -> None:
    import regex  # SoMaJo's own dependency: the Unicode properties it searches for

    may_be_emoji = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")
    tokenizer = getattr(splitter, "_tokenizer", None)
    search = getattr(tokenizer, "_split_emojis", None)
    if search is None:
        return

    def split_emojis(node: Any, token_class: str = "emoticon") -> None:
        if may_be_emoji.search(node.value.text):
            search(node, token_class)

    tokenizer._split_emojis = split_emojis  # type: ignore[union-attr]


# Most sentence ends are plain: a word, ".", "!" or "?", white space, a capital. The paragraph is cut
# there, the same way SoMaJo would cut it (tests/test_segment.py compares the two); so is a full stop
# SoMaJo never ends a sentence at (a German date, "U.S.", an abbreviation its model reads as one token).
# Only stretches with what SoMaJo knows better (other abbreviations, ordinals, ellipses, quotes after "!"
# or "?", emoticons, links, lower-case starts, odd spaces) go to SoMaJo, which is about 20 times slower.
# Only quotes that close (or open) a sentence the same way in SoMaJo's German and English models count
# here; the others ("“" opens in English and closes in German) are left to SoMaJo.
_END = {"de": re.compile(r"[.!?]+[\"”’»)\]“«‹›‘]*(?=\s)"), "en": re.compile(r"[.!?]+[\"”’»)\]]*(?=\s)")}
# In German, SoMaJo reads “ « ‹ › ‘ right after a full stop and before a space as closing quotes ("… ab.“ Dann")
_GERMAN_CLOSING = re.compile(r"(?<=[.!?])[“«‹›‘]+(?=\s|$)")
# what may open the next sentence before its capital: "»" opens a German quotation but closes an English one
_NEXT = {"de": re.compile(r"\s+[„\"“«»‚‘‹›(\[]*(.)?"), "en": re.compile(r"\s+[„\"“«‚‘(\[]*(.)?")}
# a word, perhaps in quotation marks ("Schwäche". «Provokation».), then the end
_PLAIN_END = {"de": re.compile(r"(?:^|[\s\"„“«»‚‘(\[-])[^\W\d_]{2,}[\"”’»«]?(?:[.!?]|\.[\"”’»)\]“«‹›‘]+)$"),
              "en": re.compile(r"(?:^|[\s\"„“«»‚‘(\[-])[^\W\d_]{2,}[\"”’»«]?(?:[.!?]|\.[\"”’»)\]]+)$")}
_HARD = re.compile("|".join([  # each kind opens with its mark (a lookbehind for what is before): 4x faster
    r"\.(?<=\d\.)\s", r"\.\.", "…", r"[!?][\"“”»«'’‹›‚‘]", r"[.!?][\"”’»)\]]*[“«‘‹›']", r"[.!?][^\W\d_]", r"\.(?<=[^\W\d_]\.)[^\W\d_]",
    r"\.(?<=(?<!\w)[^\W\d_]\.)", r"[:;]-?[()\[\]DPpOo/|*]", r":(?<=(?i:http):)", r":(?<=(?i:https):)", r"\.(?<=(?i:www)\.)", "@",
    r"#\w", r"[^\S ]", r"\.(?<=[^\W\d_](?i:str)\.)", r"\.(?<=[^\W\d_](?i:nr)\.)", r"[.!?]\s+[^\s\"„“«‚‘(\[A-ZÄÖÜ]"]))
# a word and its full stop before a quote or at the end (one before white space is an end _pieces decided on)
_WORD_DOT = re.compile(r"(?<![\w.])[^\W\d_][\w-]*\.(?=[\"“”»«'’)]|$)")
# "U.S.", "z.B.": SoMaJo never ends a sentence at a run of single letters with full stops
_INITIALS = re.compile(r"(?<![\w.-])(?:[^\W\d_]\.){2,}(?=\s|$)")
# "am 5. November": SoMaJo's German model never ends a sentence at a day before a month's name
_GERMAN_DATE = re.compile(r"(?<![\d.,])(\d{1,2})\.(?=\s+(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|"
                          r"September|Oktober|November|Dezember)\b)")


@lru_cache(maxsize=2)
def _one_token_abbreviations(model: str) -> frozenset[str]:
    """The abbreviations SoMaJo's model reads as one token, full stop included, and never takes for an
    end ("Dec.", "Rep." in English, "ca.", "Nr." in German; not "usw.", "etc."): no sentence ends there."""
    from somajo.utils import read_abbreviation_file

    files = [f"abbreviations_{model}.txt", f"single_token_abbreviations_{model}.txt"]
    ending = {a.lower() for a in read_abbreviation_file("eos_abbreviations.txt")}
    return frozenset(a.lower() for f in files for a in read_abbreviation_file(f)) - ending


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from somajo.utils import read_abbreviation_file

    files = ["abbreviations_de.txt", "abbreviations_en.txt", "single_token_abbreviations_de.txt",
             "single_token_abbreviations_en.txt", "eos_abbreviations.txt"]
    return frozenset(a.lower() for f in files for a in read_abbreviation_file(f))


def sentence_spans(chunk: str, language: str) -> list[tuple[int, int]]:
    """Sentences of one paragraph (line breaks already made spaces), as (start, end) in it."""
    spans: list[tuple[int, int]] = []
    german = language != "en"
    model = "de" if german else "en"
    for start, end, unsure in _pieces(chunk, model):
        piece = chunk[start:end]
        plain = _INITIALS.sub("Initials", _ABBREVIATION_STOP.sub(lambda m: _no_stop(m, model), piece))
        if german:
            plain = _GERMAN_CLOSING.sub('"', _GERMAN_DATE.sub(r"\1", plain))
        if unsure or _doubtful(plain):
            spans += [(start + s, start + e) for s, e in somajo_sentences(piece, language)]
        else:
            spans.append((start, end))
    return spans


# a word's full stop before white space; made a comma where it closes one of _one_token_abbreviations
# (which _pieces did not take for an end): "on Dec. 19", "ca. 3000" are then plain
_ABBREVIATION_STOP = re.compile(r"\S+\.(?=\s)")


def _no_stop(word: re.Match[str], model: str) -> str:
    text = word.group()
    return text[:-1] + "," if _last_word(text).lower() in _one_token_abbreviations(model) else text


def somajo_sentences(chunk: str, language: str) -> list[tuple[int, int]]:
    return [(sent[0].character_offset[0], sent[-1].character_offset[1])
            for sent in _splitter(language).tokenize_text([_alignable(chunk)])]


def _alignable(chunk: str) -> str:
    """The text as SoMaJo can align it to its offsets: it normalises to NFC and fails on what then
    changes (decomposed Hangul, some Tibetan marks). Such characters become a letter of the same
    length: only where sentences end matters here, and the offsets stay those of the real text."""
    if chunk.isascii() or unicodedata.is_normalized("NFC", chunk):
        return chunk
    return "".join("x" if unicodedata.normalize("NFC", c) != c or unicodedata.category(c).startswith("M")
                   or 0x1100 <= ord(c) <= 0x11FF or 0xA960 <= ord(c) <= 0xA97F or 0xD7B0 <= ord(c) <= 0xD7FF else c
                   for c in chunk)


def _pieces(chunk: str, model: str) -> Iterator[tuple[int, int, bool]]:
    """The paragraph cut at its plain sentence ends only; each piece says whether it holds an end
    that is not plain (SoMaJo decides whether it ends a sentence)."""
    start, unsure = 0, False
    german, opening, plain_end = model == "de", _NEXT[model], _PLAIN_END[model]
    for end in _END[model].finditer(chunk):
        following = opening.match(chunk, end.end())
        assert following is not None  # _END is followed by white space
        first = following.group(1)
        if first is None:
            break  # only white space follows
        if german and _is_date(chunk, end.start()) or _after_initials(chunk, end.start()):
            continue  # a date or "U.S.", not an end
        word = chunk[max(start, end.start() - 60) : end.end()]
        if end.group() == "." and _last_word(word).lower() in _one_token_abbreviations(model):
            continue  # "on Dec. 19", "ca. 3000 Soldaten", "Rep. Lee": not an end, whatever follows
        if not (first.isupper() and plain_end.search(word) and not _is_abbreviation(word)):
            unsure = True
            continue
        yield start, end.end(), unsure
        gap = following.group()
        start = following.start() + len(gap) - len(gap.lstrip())  # the next sentence opens after the white space
        unsure = False
    yield start, len(chunk.rstrip()), unsure


def _after_initials(chunk: str, dot: int) -> bool:
    """The full stop at `dot` closes a run of initials ("U.S.")."""
    return any(found.end() == dot + 1 for found in _INITIALS.finditer(chunk, max(0, dot - 16), dot + 2))


def _is_date(chunk: str, dot: int) -> bool:
    """The full stop at `dot` ends the day of a German date ("5. November")."""
    return any((found := _GERMAN_DATE.match(chunk, at)) and found.end() == dot + 1 for at in (dot - 2, dot - 1) if at >= 0)


def _last_word(text: str) -> str:
    """The last word, without the quotes and brackets _PLAIN_END lets stand before and after it."""
    return text.split()[-1].lstrip("\"„“«»‚‘([-").rstrip("\"”’»«)]“‹›‘")


def _is_abbreviation(text: str) -> bool:
    last = _last_word(text)
    return last.lower() in _abbreviations() or bool(re.search(r"(str|nr)\.$", last, re.I))


def _doubtful(piece: str) -> bool:
    return bool(_HARD.search(piece)) or any(w.group().lower() in _abbreviations() for w in _WORD_DOT.finditer(piece))


def split_sentences(article: Article) -> list[Sentence]:
    """Sentences of the article's body, in order; furniture paragraphs are left out whole, furniture
    inside a paragraph is cut out of it."""
    body = [piece for s, e in paragraphs(article.text) for piece in _body(article, s, e)]
    spans = _sentence_spans(article.text, body, article.language or "de")
    return [Sentence(article, s, e, i, p) for i, (s, e, p) in enumerate(spans)]


def _body(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraph, or its parts around inline furniture; nothing if it is furniture."""
    inside = [f for f in article.furniture if f.start < end and start < f.end]
    if not inside:
        return [(start, end)]
    if not all(f.inline for f in inside):
        return [] if article.is_furniture(start, end) else [(start, end)]
    pieces, at = [], start
    for f in sorted(inside):
        pieces.append((at, f.start))
        at = f.end
    pieces.append((at, end))
    return [_strip(article.text, s, e) for s, e in pieces if article.text[s:e].strip()]


# A dateline opens a paragraph of agency copy: place (and date, agency), then a colon or a dash:
# "Kiew: ", "Kiew/Moskau – ", "Nürnberg - ", "Seoul (dpa) - ", "MOSCOW, Nov 5 (Reuters) - ". It is
# not part of the first sentence: the quotation starts after it, and no one takes it for a speaker.
_DATELINE = re.compile(
    r"^(?:[A-ZÄÖÜ][\w'’.-]+(?:[ /][A-ZÄÖÜ][\w'’.-]+){0,2})(?:,\s+\w{3,9}\.?\s+\d{1,2})?(?:\s+\([\w .-]{2,20}\))?"
    r"(?:\s*:|\s+[–—-])\s+(?=[„\"“»]?[A-ZÄÖÜ])")


def _sentence_spans(text: str, body: list[tuple[int, int]], language: str) -> Iterator[tuple[int, int, int]]:
    for p, (base, end) in enumerate(body):
        chunk = text[base:end].replace("\r", " ").replace("\n", " ")  # same length: offsets still hold
        for start, stop in _join_open_quotations(chunk, sentence_spans(chunk, language)):
            if start == 0 and (dateline := _DATELINE.match(chunk)) and dateline.end() < stop:
                start = dateline.end()
            yield base + start, base + stop, p


def _join_open_quotations(chunk: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """A quotation that runs over several sentences stays one unit, so it is never cut open."""
    pending: int | None = None
    for start, end in spans:
        if pending is not None:
            start = pending
        if _quote_open(chunk[start:end]) and end - start < 1200:
            pending = start
            continue
        pending = None
        yield start, end
    if pending is not None:
        yield pending, len(chunk.rstrip())


def _quote_open(text: str) -> bool:
    if "„" in text:
        return text.count("„") > text.count("“")
    if "“" in text or "”" in text:
        return text.count("“") > text.count("”")
    marks = [c for c in text if c in "»«"]
    if marks:
        closer = "«" if marks[0] == "»" else "»"
        return text.count(marks[0]) > text.count(closer)
    return text.count('"') % 2 == 1
