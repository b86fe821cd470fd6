"""stated: what the user states about an article, as against what is found in it: front matter at the
top of a text file, and sources.yaml beside the files (the file name to its metadata)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .models import Span
from .yamlio import load_yaml

SIDECAR = "sources.yaml"
METADATA_KEYS = {"title", "outlet", "published", "url", "language"}

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def front_matter(text: str) -> tuple[dict[str, Any], list[Span]]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, []
    block = [Span(0, match.end(), "front-matter")]  # never quoted, even when it is no valid YAML
    try:
        data = load_yaml(match.group(1))
    except yaml.YAMLError:
        return {}, block
    return (data if isinstance(data, dict) else {}), block


def clean_metadata(values: dict[str, Any]) -> dict[str, Any]:
    """Sidecar/front-matter values: only known keys, dates as dates."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        key = "published" if key == "date" and "published" not in values else key  # Hugo's and Jekyll's name
        if key not in METADATA_KEYS or value is None:
            continue
        if key == "published":
            if isinstance(value, dt.datetime):
                value = value.date()
            elif isinstance(value, str):
                try:
                    value = dt.date.fromisoformat(value[:10])
                except ValueError:
                    continue
            elif not isinstance(value, dt.date):
                continue
        elif key == "url":
            value = str(value).strip()
            if not value.lower().startswith(("http://", "https://")):
                continue  # a brief links to web pages only: not javascript:, file: or data:
        else:
            value = str(value)
        out[key] = value
    return out


def read_sidecar(folder: Path) -> dict[str, dict[str, Any]]:
    path = folder / SIDECAR
    if not path.is_file():
        return {}
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}".splitlines()[0]) from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ConfigError(f"{path}: expected a mapping of file name to metadata (title, outlet, published, url, language)")
    return {str(k): v for k, v in data.items()}
