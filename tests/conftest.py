from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from briefing.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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
