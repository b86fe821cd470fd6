"""A cache of processed articles (decoded text, metadata, furniture, sentences), one file per
article, keyed by the file's content, its sources.yaml entry and the code that processed it. The
folder is safe to delete; an entry from other content or another version of the code is never used,
and a damaged entry is ignored and written anew. An entry no run has used for KEEP_UNUSED_DAYS (an
edited or removed article's, one an older version of the code wrote) is removed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import marshal
import operator
import os
import re
import time
import zlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .errors import RenderError
from .models import Article, Span
from .output import remove_stale_temporaries, write_atomically, write_entry
from .reading import ArticleReading

# The code that decides what an article and its sentences are: ingest and segment, and every module of
# the package they import, found from the import statements themselves (a list kept by hand went
# stale: language detection decides furniture and sentence ends, and was missing from it).
_PROCESSING_ROOTS = ("ingest", "segment", "cache")
_PROCESSING_PACKAGES = ("somajo", "trafilatura", "charset-normalizer")
# ... and what the sentences say (see reading.py): kept beside the article, with a version of its own.
_READING_ROOTS = ("reading",)
_READING_PACKAGES = ("simplemma", "snowballstemmer", "PyStemmer")
# ... and which files are copies of one report (see copies.py): kept for the folder as a whole.
_COPIES_ROOTS = ("copies",)
_IMPORT = re.compile(r"^\s*from \.(\w*) import \(?([\w, ]*)", re.M)  # "from .x import y", "from . import x as y"


def modules_of(*roots: str) -> list[str]:
    """The package's modules that `roots` import, directly or through each other, at any depth
    (imports inside functions count: they run when that code runs)."""
    here = Path(__file__).parent
    found: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in found or not (here / f"{name}.py").is_file():
            continue
        found.add(name)
        for m in _IMPORT.finditer((here / f"{name}.py").read_text(encoding="utf-8")):
            todo += [m.group(1)] if m.group(1) else [n.split()[0] for n in m.group(2).split(",") if n.strip()]
    return sorted(found)


@lru_cache(maxsize=1)
def tool_version() -> str:
    return _version(modules_of(*_PROCESSING_ROOTS), _PROCESSING_PACKAGES)


@lru_cache(maxsize=1)
def reading_version() -> str:
    return _version(modules_of(*_READING_ROOTS), _READING_PACKAGES)


@lru_cache(maxsize=1)
def copies_version() -> str:
    return _version(modules_of(*_COPIES_ROOTS), ())


def _version(modules: list[str], packages: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in modules:
        digest.update((here / f"{name}.py").read_bytes())
    for package in packages:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return digest.hexdigest()[:16]


class ArticleCache:
    def __init__(self, folder: Path, version: str | None = None, reading: str | None = None) -> None:
        self.folder = folder
        self._root = str(folder)  # entries' paths are made as strings: a large folder looks up 20,000 a run
        # what a run killed while writing entries left behind, and entries in the JSON format used before
        remove_stale_temporaries(folder, _JSON_ENTRY)
        remove_unused_entries(folder)
        self.version = version or tool_version()
        self.reading_version = reading or reading_version()

    def key(self, data: bytes, rel: str, overrides: dict[str, Any]) -> str:
        digest = hashlib.sha256(data)
        # the file name decides the format (.html) and the id; sources.yaml decides metadata
        digest.update(json.dumps([rel, overrides, self.version], sort_keys=True, default=str).encode())
        return digest.hexdigest()

    def _path(self, key: str, kind: str = "") -> str:
        return os.path.join(self._root, key[:2], f"{key}{kind}{ENTRY_SUFFIX}")

    def paths(self, key: str) -> tuple[str, str]:
        """The files of an article's entry and of its reading (which may not exist)."""
        return self._path(key), self._path(key, ".reading")

    def get(self, key: str, text: str | None = None) -> tuple[Article, list[tuple[int, int, int]]] | None:
        """`text`: the file's own text, for a format whose article text is the file (see put)."""
        try:
            data = load_entry(self._path(key), used=True)
            if not isinstance(data, dict) or data.get("version") != self.version or data.get("key") != key:
                return None
            a = data["article"]
            text = text if text is not None else a["text"]  # the file's own, whatever an entry may say
            if not isinstance(text, str):
                return None  # (bytes altered after they were written fail the entry's CRC: see load_entry)
            article = Article(
                id=a["id"], path=a["path"], text=text, title=a["title"], outlet=a["outlet"],
                published=dt.date.fromisoformat(a["published"]) if a["published"] else None, url=a["url"],
                language=a["language"], furniture=tuple(Span(s, e, k) for s, e, k in a["furniture"]),
                encoding=a.get("encoding"),
            )
            flat = data["sentences"]  # start, end, paragraph of each sentence, one after the other
            if len(flat) % 3 or not set(map(type, flat)) <= {int}:
                return None
            starts, ends = flat[0::3], flat[1::3]
            if starts and (min(starts) < 0 or max(ends) > len(article.text) or not all(map(operator.le, starts, ends))):
                return None
            it = iter(flat)
            return article, list(zip(it, it, it, strict=True))  # (a multiple of three: checked above)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing or damaged: processed again

    def put(self, key: str, article: Article, spans: list[tuple[int, int, int]], text_is_file: bool = False) -> None:
        """`text_is_file`: the article's text is the file's own decoded bytes (a text file), read anyway
        for the key: the entry keeps no copy of it (it was most of a large folder's cache), and get is
        given it back."""
        data = {
            "version": self.version, "key": key,
            "article": {
                "id": article.id, "path": article.path, "text": None if text_is_file else article.text,
                "title": article.title,
                "outlet": article.outlet, "published": article.published.isoformat() if article.published else None,
                "url": article.url, "language": article.language,
                "furniture": [[s.start, s.end, s.kind] for s in article.furniture], "encoding": article.encoding,
            },
            "sentences": [n for span in spans for n in span],  # flat: a list of lists takes three times as long to load
        }
        _write_entry(self._path(key), dump_entry(data))

    def reading(self, key: str, sentences: int) -> ArticleReading | None:
        """What the article's sentences say, as far as an earlier run read them (see reading.py)."""
        try:
            data = load_entry(self._path(key, ".reading"), used=True)
            if not isinstance(data, dict) or data.get("version") != self.reading_version or data.get("key") != key:
                return None
            return ArticleReading.from_json(data, sentences)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing or damaged: read again

    def put_reading(self, key: str, reading: ArticleReading) -> None:
        data = {"version": self.reading_version, "key": key, **reading.as_json()}
        _write_entry(self._path(key, ".reading"), dump_entry(data))

    def copies(self, key: str) -> dict[str, str] | None:
        """Which files are copies of which, found by the last run on a folder of exactly these articles
        (`key`); one folder is kept: the one briefed last."""
        try:
            data = json.loads((self.folder / "copies.json").read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != copies_version() or data.get("key") != key:
                return None
            folded = data["folded"]
            if not isinstance(folded, dict) or not all(isinstance(v, str) for v in folded.values()):
                return None
            return {str(k): v for k, v in folded.items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing or damaged: found again

    def put_copies(self, key: str, folded: dict[str, str]) -> None:
        _write(self.folder / "copies.json", json.dumps({"version": copies_version(), "key": key, "folded": folded},
                                                       ensure_ascii=False).encode("utf-8"))

    def _lemma_file(self) -> Path:
        try:
            version = metadata.version("simplemma")
        except metadata.PackageNotFoundError:
            version = "unknown"
        return self.folder / f"lemmas-de-{version}.json"

    def lemmas(self) -> dict[str, str]:
        """German lemmas looked up in earlier runs (word -> lemma)."""
        try:
            data = json.loads(self._lemma_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(data, dict) else {}

    def add_lemmas(self, new: dict[str, str]) -> None:
        if not new:
            return
        _write(self._lemma_file(), json.dumps({**self.lemmas(), **new}, ensure_ascii=False, sort_keys=True).encode("utf-8"))


# An entry is the data JSON could hold, in marshal's format (it reads a large folder's 20,000 entries
# in half the time json takes, and keeps the concept masks, integers of up to 200 bits, exact), after a
# tag and a CRC-32 of the data: marshal is not made to read damaged bytes, so none reach it.
ENTRY_SUFFIX = ".entry"
_JSON_ENTRY = re.compile(r"^[0-9a-f]{64}(\.reading)?\.json$")  # the format before: never read, so removed
_ENTRY_TAG = b"briefing cache entry 1\n"
_DATA_AT = len(_ENTRY_TAG) + 4


def dump_entry(data: Any) -> bytes:
    payload = marshal.dumps(data, 4)
    return _ENTRY_TAG + zlib.crc32(payload).to_bytes(4, "big") + payload


def load_entry(path: str, used: bool = False) -> Any:
    """The entry's data; ValueError when the file is not an intact entry (OSError when unreadable).
    `used`: a run uses it, so it is kept (see remove_unused_entries)."""
    with open(path, "rb") as file:
        blob = file.read()
        if used and time.time() - os.fstat(file.fileno()).st_mtime > _DAY:
            _renew(path)
    payload = memoryview(blob)[_DATA_AT:]
    if not blob.startswith(_ENTRY_TAG) or int.from_bytes(blob[len(_ENTRY_TAG):_DATA_AT], "big") != zlib.crc32(payload):
        raise ValueError(f"{path}: not an intact cache entry")
    return marshal.loads(payload)


KEEP_UNUSED_DAYS = 30
_DAY = 86400.0
_SUBFOLDER = re.compile(r"^[0-9a-f]{2}$")
_ENTRY_NAME = re.compile(r"^[0-9a-f]{64}(\.reading)?" + re.escape(ENTRY_SUFFIX) + "$")


def _renew(path: str) -> None:
    """An entry's time is when a run last used it (renewed at most once a day: a warm run of a large
    folder touches no files)."""
    try:
        os.utime(path)
    except OSError:
        pass  # (a cache that cannot be written only costs time)


def remove_unused_entries(folder: Path) -> None:
    """At most once a day: the entries no run has used for KEEP_UNUSED_DAYS. Without this the folder
    grew by a copy of a whole folder's entries with each new version of the code, and kept every
    edited or removed article's. Only files named as entries, in the cache's own subfolders, go."""
    stamp = folder / "swept"
    try:
        if time.time() - stamp.stat().st_mtime < _DAY:
            return
    except FileNotFoundError:
        pass
    except OSError:
        return
    cutoff = time.time() - KEEP_UNUSED_DAYS * _DAY
    try:
        with os.scandir(folder) as subfolders:
            for sub in [d.path for d in subfolders if _SUBFOLDER.match(d.name) and d.is_dir(follow_symlinks=False)]:
                with os.scandir(sub) as entries:
                    for entry in entries:
                        if _ENTRY_NAME.match(entry.name) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                            Path(entry.path).unlink(missing_ok=True)
        stamp.touch()
    except OSError:
        pass  # (an unreadable or missing folder: nothing to remove, or the next run tries again)


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomically(path, data)
    except RenderError:
        pass  # a cache that cannot be written only costs time


def _write_entry(path: str, data: bytes) -> None:
    try:
        write_entry(path, data)
    except OSError:
        pass  # (as _write)
