"""copies: agency copy run by several outlets, or one file saved twice, is one report. Files that
share nearly all of their sentences are folded into the fullest telling, which lists the others."""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .models import Article, Sentence


class CopiesStore(Protocol):
    """Where what was found for a folder is kept between runs (the article cache: see cache.py)."""

    def copies(self, key: str) -> dict[str, str] | None: ...
    def put_copies(self, key: str, folded: dict[str, str]) -> None: ...


SAME_TEXT = 0.9  # share of the shorter one's sentences two files must share to be one report
MIN_SHARED = 3  # sentences; two short notes that share a sentence or two are still two reports
BOILERPLATE = 20  # a sentence in more files than this is likely page furniture that got through


@dataclass(frozen=True)
class Copies:
    articles: list[Article]  # one per report
    sentences: list[Sentence]
    copies: dict[str, list[Article]]  # article id kept -> the other files of the same report


def _key_sentences(mine: set[str], by_sentence: dict[str, list[str]]) -> list[str]:
    """MIN_SHARED of a file's sentences, chosen as every file that has them chooses: of those few files
    share, the smallest by hash; where every sentence is in many files, the least shared."""
    rare = [text for text in mine if len(by_sentence[text]) <= BOILERPLATE]
    if rare:
        return sorted(rare, key=_digest)[:MIN_SHARED]
    return sorted(mine, key=lambda text: (len(by_sentence[text]), _digest(text)))[:MIN_SHARED]


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=8).digest()


def fold_copies(articles: Sequence[Article], sentences: Sequence[Sentence], store: CopiesStore | None = None,
                keys: Sequence[str | None] = ()) -> Copies:
    """Agency copy run by several outlets, or one file saved twice, is one report: its fullest telling
    (the first by file name of equally full ones) stands for all and lists the others. With the
    articles' cache `keys` (in their order), what was found for exactly these articles is kept in the
    `store`: it depends on their texts alone, and a large folder takes seconds to compare."""
    key = _folder_key(keys) if store and len(keys) == len(articles) and all(keys) else None
    folded = store.copies(key) if store and key else None
    if folded is None:
        folded = find_copies(articles, sentences)
        if store and key:
            store.put_copies(key, folded)
    if not folded:
        return Copies(list(articles), list(sentences), {})
    copies: dict[str, list[Article]] = {}
    for a in articles:
        if a.id in folded:
            copies.setdefault(folded[a.id], []).append(a)
    return Copies([a for a in articles if a.id not in folded], [s for s in sentences if s.article.id not in folded],
                  copies)


def _folder_key(keys: Sequence[str | None]) -> str:
    return hashlib.sha256("\n".join(k or "" for k in keys).encode()).hexdigest()


def find_copies(articles: Sequence[Article], sentences: Sequence[Sentence]) -> dict[str, str]:
    """Each copy's article id -> the id of the article kept for it."""
    told: dict[str, set[str]] = {}
    for s in sentences:
        text = " ".join(s.text.split())
        if len(text) >= 25:
            told.setdefault(s.article.id, set()).add(text)
    by_sentence: dict[str, list[str]] = {}
    for aid, texts in told.items():
        for text in texts:
            by_sentence.setdefault(text, []).append(aid)
    # a copy shares nearly every sentence, so also any few of them chosen the same way in every file
    # (_key_sentences): only files that share those are compared. Sentences that many files share
    # (boilerplate) are left out of the choice where there are others: comparing every file with
    # every other would take minutes in a large folder.
    keys: dict[str, list[str]] = {}
    keyed_by: dict[str, list[str]] = {}  # a sentence -> the files it is a key of
    for aid, mine in told.items():
        keys[aid] = _key_sentences(mine, by_sentence)
        for text in keys[aid]:
            keyed_by.setdefault(text, []).append(aid)
    # the fullest telling stands for the report (the first by file name of equally full ones); each
    # copy is folded into one that it matches itself, never through a third
    order = {a.id: i for i, a in enumerate(articles)}
    folded: dict[str, str] = {}  # copy -> the article kept for it
    for a in sorted(articles, key=lambda a: (-len(told.get(a.id, ())), order[a.id])):
        if a.id in folded or len(told.get(a.id, ())) < MIN_SHARED:
            continue
        mine = told[a.id]
        # a copy holds nearly all of the other's key sentences: a file is compared when it holds two of
        # mine, or I hold two of its, or one each; one common sentence shared makes no candidate (where
        # every sentence is in thousands of files, comparing each such file took minutes)
        hits = Counter(other for text in keys[a.id] for other in by_sentence[text])
        hits.update(other for text in mine for other in keyed_by.get(text, ()))  # shorter ones within it
        candidates = {other for other, n in hits.items() if n >= 2}
        for other in sorted(candidates - {a.id} - folded.keys() - set(folded.values()), key=order.__getitem__):
            theirs = told[other]
            shorter, longer = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
            if _nearly_within(shorter, longer, max(MIN_SHARED, math.ceil(SAME_TEXT * len(shorter)))):
                folded[other] = a.id
    return folded


def _nearly_within(shorter: set[str], longer: set[str], need: int) -> bool:
    """At least `need` of the shorter one's sentences are in the longer one. Most candidates share a
    few paragraphs and no more: the count stops at the first miss too many (in a large folder of
    recombined reports there were half a million candidates, and counting each to the end took most
    of the time)."""
    misses = len(shorter) - need
    if misses < 0:
        return False  # (fewer than MIN_SHARED sentences)
    for text in shorter:
        if text not in longer:
            misses -= 1
            if misses < 0:
                return False
    return True
