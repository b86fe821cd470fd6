"""segment: paragraphs and sentences as character offsets into the article's original text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from somajo import SoMaJo

from .models import Article, Sentence

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


def _is_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Hard-wrapped: most lines but the last run on without ending a sentence, and are long."""
    if len(lines) < 2:
        return False
    inner = lines[:-1]
    runs_on = sum(1 for s, e in inner if not _ENDS_SENTENCE.search(text[s:e]) and e - s >= 40)
    lengths = [e - s for s, e in inner]
    return runs_on * 2 > len(inner) and max(lengths) <= 100


@lru_cache(maxsize=2)
def _splitter(language: str) -> SoMaJo:
    model = "en_PTB" if language == "en" else "de_CMC"
    return SoMaJo(model, split_camel_case=False, character_offsets=True)


def split_sentences(article: Article) -> list[Sentence]:
    """Sentences of the article's body, in order; furniture paragraphs are left out whole."""
    body = [(s, e) for s, e in paragraphs(article.text) if not article.is_furniture(s, e)]
    spans = _sentence_spans(article.text, body, article.language or "de")
    return [Sentence(article, s, e, i, p) for i, (s, e, p) in enumerate(spans)]


def _sentence_spans(text: str, body: list[tuple[int, int]], language: str) -> Iterator[tuple[int, int, int]]:
    splitter = _splitter(language)
    for p, (base, end) in enumerate(body):
        chunk = text[base:end].replace("\r", " ").replace("\n", " ")  # same length: offsets still hold
        spans = [(sent[0].character_offset[0], sent[-1].character_offset[1]) for sent in splitter.tokenize_text([chunk])]
        for start, stop in _join_open_quotations(chunk, spans):
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
