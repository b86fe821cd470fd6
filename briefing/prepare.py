"""prepare: ingest and segment every article, from the cache where it has them, on all cores when
there are many."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath

from .cache import ArticleCache
from .ingest import QUOTES_THE_FILE, ArticleFile, Skipped, Unreadable, decode, find_files, parse_article, read_bytes
from .models import Article, Sentence
from .parallel import per_article
from .readahead import ReadAhead
from .segment import split_sentences

log = logging.getLogger("briefing")

LOOKED_UP_BEHIND = 1000  # files read before an entry is looked up: time for the disk to bring it (see readahead)

Spans = list[tuple[int, int, int]]


@dataclass(frozen=True)
class Prepared:
    articles: list[Article]
    sentences: list[Sentence]
    skipped: list[Skipped]
    groups: list[tuple[str | None, list[Sentence]]]  # each article's cache key (None: no cache) and sentences


def prepare_articles(folder: Path, cache: ArticleCache | None = None, workers: int | None = None,
                     progress: Callable[[int, int], None] | None = None) -> Prepared:
    files, skipped = find_files(folder)
    done: dict[int, tuple[Article, Spans]] = {}
    keys: dict[int, str] = {}
    todo: list[tuple[int, ArticleFile, bytes, str | None]] = []

    def settle(i: int, file: ArticleFile, data: bytes, key: str | None) -> None:
        # a text file's article text is the file's, never the cache's: quote only what the file says
        hit = cache.get(key, _file_text(file, data)) if cache and key else None
        if hit:
            done[i] = hit
        else:
            todo.append((i, file, data, key))

    with ReadAhead(len(files)) as ahead:
        ahead.ask(*(str(f.path) for f in files))
        waiting: deque[tuple[int, ArticleFile, bytes, str | None]] = deque()
        for i, file in enumerate(files):
            try:
                data = read_bytes(file)
            except Unreadable as exc:
                skipped.append(Skipped(file.rel, str(exc)))
                continue
            key = cache.key(data, file.rel, file.overrides) if cache else None
            if cache and key:
                keys[i] = key
                ahead.ask(*cache.paths(key))  # its entry is looked up a little later, its reading in the next stage
            waiting.append((i, file, data, key))
            if len(waiting) > LOOKED_UP_BEHIND:
                settle(*waiting.popleft())
        while waiting:
            settle(*waiting.popleft())
    log.info("prepare: %d articles from the cache, %d to process", len(done), len(todo))
    for (i, file, data, key), result in zip(todo, per_article(_one, [(f.rel, d, f.overrides) for _, f, d, _ in todo], workers,
                                                       progress), strict=True):
        if isinstance(result, str):
            skipped.append(Skipped(file.rel, result))
            continue
        done[i] = result
        if cache and key:
            cache.put(key, *result, text_is_file=result[0].text == _file_text(file, data))
    articles, sentences, groups = [], [], []
    for i in sorted(done):
        article, spans = done[i]
        articles.append(article)
        mine = [Sentence(article, s, e, n, p) for n, (s, e, p) in enumerate(spans)]
        sentences += mine
        groups.append((keys.get(i), mine))
    return Prepared(articles, sentences, sorted(skipped, key=lambda s: s.path), groups)


def _file_text(file: ArticleFile, data: bytes) -> str | None:
    """The article's text when its format quotes the file byte for byte (None: another format)."""
    if PurePath(file.rel).suffix.lower() not in QUOTES_THE_FILE:
        return None
    try:
        return decode(data)
    except Unreadable:
        return None


def _one(job: tuple[str, bytes, dict[str, object]]) -> tuple[Article, Spans] | str:
    rel, data, overrides = job
    try:
        article = parse_article(data, rel, overrides)
    except Unreadable as exc:
        return str(exc)
    try:
        return article, [(s.start, s.end, s.paragraph) for s in split_sentences(article)]
    except Exception as exc:  # noqa: BLE001 - one text the segmenter cannot take must not end the run
        return f"cannot be split into sentences ({type(exc).__name__}); please report this file"
