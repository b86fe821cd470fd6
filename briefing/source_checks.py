"""source_checks: mistakes in sources.yaml and in front matter that would otherwise do nothing
(an entry for no file, an unknown key, a date that is none): one warning line each."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml

from .ingest import safe_name
from .models import Article
from .stated import FRONT_MATTER, METADATA_KEYS, SIDECAR, clean_metadata, read_sidecar
from .yamlio import load_yaml


def sidecar_problems(folder: Path, names: list[str]) -> list[str]:
    """Mistakes in sources.yaml that would otherwise do nothing: an entry for no file, an unknown key,
    a date that is none. One line each."""
    notes = []
    known = set(names)
    for name, entry in read_sidecar(folder).items():
        if name not in known:
            guess = difflib.get_close_matches(name, names, n=1)
            notes.append(f"{SIDECAR}: '{safe_name(name)}' names no file in the folder"
                         + (f" (did you mean '{guess[0]}'?)" if guess else ""))
            continue
        notes += entry_problems(f"{SIDECAR}: {safe_name(name)}", entry)
    return notes


def front_matter_problems(articles: list[Article]) -> list[str]:
    """The same mistakes in the front matter of the articles that have one."""
    notes = []
    for article in articles:
        block = next((s for s in article.furniture if s.kind == "front-matter"), None)
        found = FRONT_MATTER.match(article.text) if block else None
        if found:
            try:
                entry = load_yaml(found.group(1))
            except yaml.YAMLError as exc:
                notes.append(f"{article.path}: front matter is not valid YAML ({str(exc).splitlines()[0]}); ignored")
                continue
            notes += entry_problems(f"{article.path}: front matter", entry if isinstance(entry, dict) else {})
    return notes


def entry_problems(where: str, entry: dict[str, Any]) -> list[str]:
    notes = []
    for key, value in entry.items():
        if key not in METADATA_KEYS | {"date"}:
            guess = difflib.get_close_matches(str(key), sorted(METADATA_KEYS), n=1)
            notes.append(f"{where}: unknown key '{key}'" + (f" (did you mean '{guess[0]}'?)" if guess else ""))
        elif key in ("published", "date") and value is not None and "published" not in clean_metadata({key: value}):
            notes.append(f"{where}: {key}: '{value}' is not a date (write YYYY-MM-DD)")
        elif key == "url" and value and "url" not in clean_metadata({key: value}):
            notes.append(f"{where}: url: only http and https links are kept")
    return notes
