from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def edited_config(path: Path, edit: Any = None, **change: object) -> Path:
    """The repository's config.yaml, changed as data (not as text, where a replacement that no
    longer matches changes nothing), written to `path`. `edit(config)` may change it in place."""
    config = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    config.update(change)
    if edit is not None:
        edit(config)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def section(config: dict[str, Any], sid: str) -> dict[str, Any]:
    """A section of a config loaded as data, by id (KeyError when there is none)."""
    found = next((s for s in config["sections"] if s["id"] == sid), None)
    if found is None:
        raise KeyError(sid)
    return found


@dataclass(frozen=True)
class SeedBrief:
    pdf: Path
    json_path: Path
    html: Path

    @property
    def data(self) -> dict[str, Any]:
        return json.loads(self.json_path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_brief(tmp_path_factory: pytest.TempPathFactory) -> SeedBrief:
    """The seed brief, built once through the real command with the repository's config."""
    out = tmp_path_factory.mktemp("seed")
    brief = SeedBrief(out / "brief.pdf", out / "brief.json", out / "brief.html")
    code = main(["build", "-q", "--no-cache", "--config", str(ROOT / "config.yaml"), "--out", str(brief.pdf),
                 "--json", str(brief.json_path), "--html", str(brief.html)])
    assert code == 0
    return brief


def source_text(path: Path) -> str:
    """A source file's text as briefing decodes it."""
    from briefing.ingest import decode

    return decode(path.read_bytes())
