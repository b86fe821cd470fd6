"""ingest: files in, Articles out (decoded text never altered, metadata, furniture marked)."""

from __future__ import annotations

import codecs
import logging
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from typing import Any, NamedTuple

from .errors import IngestError
from .furniture import find_furniture
from .metadata import detect_metadata
from .models import Article, Span
from .stated import SIDECAR, clean_metadata, front_matter, read_sidecar

log = logging.getLogger("briefing.ingest")

MAX_BYTES = 5_000_000  # a "news article" larger than this is not one
MAX_LINE = 50_000  # nor is a file with a single line this long (a dump, a minified page)


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True)
class ArticleFile:
    """A file found in the articles folder, before it is read."""

    path: Path
    rel: str  # path relative to the folder, with "/"
    overrides: dict[str, Any]  # its entry in sources.yaml


def find_files(folder: Path) -> tuple[list[ArticleFile], list[Skipped]]:
    """The article files in `folder` (sorted, hidden ones left out) and the ones skipped with why."""
    if not folder.is_dir():
        raise IngestError(f"{folder}: articles folder not found")
    sidecar = read_sidecar(folder)
    files: list[ArticleFile] = []
    skipped: list[Skipped] = []
    root = folder.resolve()
    try:
        entries = _entries(folder)
    except OSError as exc:
        raise IngestError(f"{folder}: cannot list the articles folder: {exc.strerror or exc}") from None
    for posix, entry in sorted(entries, key=lambda found: found[0].split("/")):  # in the order of the paths' parts
        rel = safe_name(posix)
        try:
            if entry.is_symlink():
                inside = Path(entry.path).resolve(strict=True).is_relative_to(root)
                kind = os.stat(entry.path).st_mode
            else:  # (a folder that is a link is never entered: whatever is in one is inside)
                inside = True
                kind = stat.S_IFDIR if entry.is_dir(follow_symlinks=False) else \
                    stat.S_IFREG if entry.is_file(follow_symlinks=False) else entry.stat(follow_symlinks=False).st_mode
        except (OSError, RuntimeError):  # a dangling link, a link loop
            skipped.append(Skipped(rel, "broken or looping symbolic link, not followed"))
            continue
        if not inside:
            skipped.append(Skipped(rel, "symbolic link to outside the articles folder, not followed"))
            continue
        if stat.S_ISDIR(kind) or rel == SIDECAR:
            continue
        if not stat.S_ISREG(kind):  # a FIFO would block the run, a device never end
            skipped.append(Skipped(rel, "not a regular file (a pipe, a device or a socket)"))
            continue
        if rel != posix:
            skipped.append(Skipped(rel, "the file name is not valid text (or holds control characters): rename it"))
            continue
        suffix = PurePath(entry.name).suffix.lower()
        if suffix not in READERS:
            skipped.append(Skipped(rel, f"unsupported file type '{suffix or entry.name}'"))
            continue
        files.append(ArticleFile(Path(entry.path), rel, sidecar.get(rel, {})))
    if not files and not skipped:
        raise IngestError(f"{folder}: no articles in the folder")
    return files, skipped


def _entries(folder: Path) -> list[tuple[str, os.DirEntry[str]]]:
    """What is under `folder` and not hidden, with its path relative to it. Links to folders are not
    entered; a folder inside that cannot be listed is left out, as rglob did (OSError: `folder` itself)."""
    found: list[tuple[str, os.DirEntry[str]]] = []
    todo = [("", str(folder))]
    while todo:
        prefix, path = todo.pop()
        try:
            with os.scandir(path) as listing:
                entries = [e for e in listing if not e.name.startswith(".")]
        except OSError:
            if prefix:
                continue
            raise
        for entry in entries:
            found.append((prefix + entry.name, entry))
            if entry.is_dir(follow_symlinks=False):
                todo.append((f"{prefix}{entry.name}/", entry.path))
    return found


def read_articles(folder: Path) -> tuple[list[Article], list[Skipped]]:
    """Every readable article in `folder` (sorted by name), and the files skipped with why."""
    files, skipped = find_files(folder)
    articles: list[Article] = []
    for file in files:
        try:
            articles.append(parse_article(read_bytes(file), file.rel, file.overrides))
        except Unreadable as exc:
            skipped.append(Skipped(file.rel, str(exc)))
    return articles, sorted(skipped, key=lambda s: s.path)


def safe_name(name: str) -> str:
    """A file name as it can be shown: bytes that are no text and control characters escaped, so that
    no name can forge a line of output or send codes to the terminal."""
    return "".join(c if c.isprintable() and not 0xDC80 <= ord(c) <= 0xDCFF else repr(c)[1:-1] for c in name)


class Unreadable(Exception):
    """This file is not an article briefing can read; the message says why."""


def read_bytes(file: ArticleFile) -> bytes:
    try:
        if file.path.stat().st_size > MAX_BYTES:
            raise Unreadable(f"not an article: larger than {MAX_BYTES // 1_000_000} MB")
        return file.path.read_bytes()
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None


def parse_article(data: bytes, rel: str, overrides: dict[str, Any] | None = None) -> Article:
    """The file's bytes to an Article: decoded text, furniture marked, metadata found."""
    decoded_text, encoding = decoded(data)
    text, found, front, header = READERS[PurePath(rel).suffix.lower()](decoded_text)
    if not text.strip():
        raise Unreadable("no text")
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > MAX_LINE:
        raise Unreadable(f"not an article: one line of {longest:,} characters")
    article = Article(id=_article_id(rel), path=rel, text=text, encoding=encoding)
    spans = tuple(sorted(header + find_furniture(text, after=header[-1].end if header else 0)))
    article = replace(article, furniture=spans)
    detected = detect_metadata(article)
    fields = {**detected, **{k: v for k, v in found.items() if v}, **clean_metadata(front), **clean_metadata(overrides or {})}
    return replace(article, **fields)


def _article_id(rel: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", rel.rsplit(".", 1)[0]).strip("-") or "article"


def decode(data: bytes) -> str:
    """Bytes to text: BOMs first, then strict UTF-8, then a detected legacy encoding."""
    return decoded(data)[0]


def decoded(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in (recorded, so that anyone can check the offsets)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise Unreadable(f"cannot decode as {encoding}") from None
    if b"\x00" in data:
        utf16 = _try_utf16_without_bom(data)
        if utf16 is None:
            raise Unreadable("binary file (contains NUL bytes)")
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp850"]).best()
    if best is None:
        raise Unreadable("cannot detect the text encoding")
    return str(best), best.encoding


def _try_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    # UTF-16 without BOM: NULs sit on every other byte of ASCII text.
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    encoding = "utf-16-le" if odd > len(data) // 4 else "utf-16-be" if even > len(data) // 4 else None
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else (text, encoding)


class Read(NamedTuple):
    """What a reader makes of a file's decoded text."""

    text: str  # the text to quote from (offsets index it)
    found: dict[str, Any]  # metadata the format states (an HTML page's title, date, site)
    front: dict[str, Any]  # front matter: metadata the user wrote, it wins over what is found
    header: list[Span]  # spans of the text that are the format's own header, never quoted


def _read_text(text: str) -> Read:
    front, header = front_matter(text)
    return Read(text, {}, front, header)


def _read_html(html: str) -> Read:
    return Read(*_extract_html(html), {}, [])


# One reader per input format, chosen by the file's extension: a new format is one entry here.
READERS: dict[str, Callable[[str], Read]] = {
    **dict.fromkeys((".txt", ".md", ".markdown", ".text"), _read_text),
    **dict.fromkeys((".html", ".htm"), _read_html),
}
QUOTES_THE_FILE = {suffix for suffix, reader in READERS.items() if reader is _read_text}  # byte for byte


def _extract_html(html: str) -> tuple[str, dict[str, Any]]:
    import trafilatura  # imported here: only HTML input pays for it

    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_images=False,
        include_tables=False, favor_precision=True, deduplicate=False,
    ) or ""
    meta = trafilatura.extract_metadata(html)
    found: dict[str, Any] = {}
    if meta is not None:
        found = clean_metadata({"title": meta.title, "outlet": meta.sitename, "published": meta.date, "url": meta.url,
                        "language": getattr(meta, "language", None)})
    return text, found
