"""Quality gates: every gold set (tests/gold_eval.SETS: the seeds, the articles written for the tests,
the real pages of tests/gold/real/) briefed with its own config and scored against its hand-made
gold annotation. No score may fall below tests/gold/baseline.json minus its margin; raising the
baseline is a deliberate commit (python -m tests.gold_eval --write-baseline), lowering it needs
--allow-lower and a reason in the commit message. The seeds and the written set also keep the
floors the product promises."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefing.ingest import read_articles

from .gold_eval import BASELINE, SETS, GoldSet, below_baseline, build, digest, score_set

BRIEFS: dict[str, dict[str, Any]] = {}


def _brief(gold_set: GoldSet) -> dict[str, Any]:
    if gold_set.name not in BRIEFS:
        BRIEFS[gold_set.name] = build(gold_set)
    return BRIEFS[gold_set.name]


def _baseline() -> dict[str, Any]:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def test_the_baseline_was_measured_on_this_gold_data() -> None:
    assert _baseline()["digest"] == digest(), (
        "the gold data changed since the baseline was measured: python -m tests.gold_eval --write-baseline")


@pytest.mark.parametrize("gold_set", SETS, ids=[s.name for s in SETS])
def test_no_score_falls_below_its_baseline(gold_set: GoldSet) -> None:
    score = score_set(gold_set, _brief(gold_set))
    falls = below_baseline(gold_set.name, score.metrics(), _baseline())
    assert not falls, "\n".join(falls) + "\n" + score.report()


@pytest.mark.parametrize("gold_set", [s for s in SETS if s.name in ("seeds", "written")], ids=["seeds", "written"])
def test_the_promised_floors_hold(gold_set: GoldSet) -> None:
    score = score_set(gold_set, _brief(gold_set))
    assert score.precision >= 0.9, score.report()
    assert score.recall >= 0.85, score.report()
    assert not score.wrong, score.report()  # nothing that belongs to another section
    if score.attribution_precision is not None:
        assert score.attribution_precision >= 0.95, score.report()


@pytest.mark.parametrize("gold_set", [s for s in SETS if s.furniture], ids=[s.name for s in SETS if s.furniture])
def test_no_furniture_of_a_real_page_is_quoted(gold_set: GoldSet) -> None:
    score = score_set(gold_set, _brief(gold_set))
    assert not score.furniture, score.report()


@pytest.mark.parametrize("gold_set", SETS, ids=[s.name for s in SETS])
def test_every_quotation_is_in_its_source_file_at_its_offsets(gold_set: GoldSet) -> None:
    """Checked against the file read afresh from disk, not against the text the brief was made from."""
    from .conftest import source_text

    brief = _brief(gold_set)
    paths = {s["id"]: gold_set.articles / s["path"] for s in brief["sources"]}
    articles = {a.id: a for a in read_articles(gold_set.articles)[0]}
    for section in brief["sections"]:
        for ex in section["excerpts"]:
            for quoted in [ex, *ex.get("corroborated_by", [])]:
                path: Path = paths[quoted["source"]]
                if path.suffix in (".txt", ".md"):
                    assert source_text(path)[quoted["start"] : quoted["end"]] == quoted["text"]
                assert not articles[quoted["source"]].is_furniture(quoted["start"], quoted["end"]), quoted["text"]


def test_a_fall_below_the_baseline_is_caught_and_noise_is_not() -> None:
    baseline = {"sets": {"x": {"precision": 0.9, "recall": 0.8, "wrong_section": 0}}}
    assert below_baseline("x", {"precision": 0.89, "recall": 0.8, "wrong_section": 0}, baseline) == []
    falls = below_baseline("x", {"precision": 0.85, "recall": 0.8, "wrong_section": 1}, baseline)
    assert [f.split(":")[0] for f in falls] == ["precision", "wrong_section"]
    assert below_baseline("x", {"precision": 0.9, "wrong_section": 0}, baseline) == ["recall: not measured (baseline 0.8)"]
