"""Property tests: any text as an article never crashes the pipeline; every excerpt is verbatim at
its offsets; the JSON always validates against the published schema."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.config import load_config
from briefing.ingest import decode
from briefing.models import Brief
from briefing.pipeline import build_brief
from briefing.render import brief_json, render_html, render_pdf

from .conftest import ROOT

CONFIG = load_config(ROOT / "config.yaml").model_copy(update={"date": dt.date(2024, 11, 5)})
SCHEMA = Brief.model_json_schema()
SEED_LINES = [line for p in sorted((ROOT / "seeds").iterdir()) for line in decode(p.read_bytes()).splitlines() if line]

unicode_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
article_text = st.lists(
    st.one_of(unicode_text, st.sampled_from(SEED_LINES), st.sampled_from(["\n", "\n\n", " ", "„", "“", "«", '"', "+++"])),
    min_size=1, max_size=25,
).map("".join)


def _build(text: str, suffix: str = ".txt") -> tuple[Brief, str]:
    """Build from the text (and one seed line beside it); a file briefing skips must say why."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"a{suffix}"
        path.write_text(text, encoding="utf-8", newline="")
        (Path(folder) / "b.txt").write_text(SEED_LINES[0] + "\n\n" + SEED_LINES[5], encoding="utf-8")
        build = build_brief(CONFIG, Path(folder))
        if not any(s.id == "a" for s in build.brief.sources):
            copy = any(path.name in c for s in build.brief.sources for c in s.copies)  # the same text as b.txt
            assert copy or [s.path for s in build.skipped] == [path.name]
            return build.brief, ""
        return build.brief, decode(path.read_bytes())  # the file read afresh, not the text the excerpts were cut from


def _check(brief: Brief, text: str) -> None:
    for section in brief.sections:
        for excerpt in section.excerpts:
            if excerpt.source == "a":
                assert text[excerpt.start : excerpt.end] == excerpt.text
            for c in excerpt.corroborated_by:
                if c.source == "a":
                    assert text[c.start : c.end] == c.text
        for figure in section.figures:
            if figure.source == "a":
                assert text[figure.excerpt.start : figure.excerpt.end] == figure.excerpt.text
    jsonschema.validate(json.loads(brief_json(brief)), SCHEMA)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text)
def test_any_text_builds_a_valid_brief_with_verbatim_excerpts(text: str) -> None:
    brief, decoded = _build(text)
    _check(brief, decoded)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text)
def test_any_text_as_markdown(text: str) -> None:
    brief, decoded = _build("---\ntitle: x\n---\n" + text, ".md")
    _check(brief, decoded)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text)
def test_any_text_renders_to_pdf(text: str) -> None:
    brief, _ = _build(text)
    assert render_pdf(render_html(brief), brief, [ROOT / "templates"]).startswith(b"%PDF")
