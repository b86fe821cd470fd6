"""The example configs on other topics build as a new user would build them, and their figure tables
show what their sections count (examples/: a supplier's job cuts, the Syria dev set's config)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main

from .conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*/config.yaml"))


def _build(config: Path, tmp_path: Path, *extra: str) -> dict:
    out, data = tmp_path / "brief.pdf", tmp_path / "brief.json"
    assert main(["build", "-q", "--strict", "--no-cache", "--config", str(config), "--out", str(out),
                 "--json", str(data), *extra]) == 0
    assert out.stat().st_size > 0
    return json.loads(data.read_text(encoding="utf-8"))


def test_there_are_examples_on_other_topics() -> None:
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("config", EXAMPLES, ids=[c.parent.name for c in EXAMPLES])
def test_each_example_builds_without_warnings_and_tabulates_its_figures(config: Path, tmp_path: Path) -> None:
    brief = _build(config, tmp_path)
    listed = {s["id"] for s in brief["sources"] if s["cited"]}
    shown = [s for s in brief["sections"] if s["figures"]]
    assert shown, "a section with figures: shows a table"
    for section in shown:
        for row in section["figures"]:
            assert row["value"] in row["excerpt"]["text"] and row["source"] in listed


def test_the_job_cuts_table_counts_jobs_and_says_the_sources_disagree(tmp_path: Path) -> None:
    brief = _build(ROOT / "examples" / "jobs" / "config.yaml", tmp_path)
    jobs = next(s for s in brief["sections"] if s["id"] == "jobs")
    assert jobs["figures_label"] == "Gemeldeter Stellenabbau"
    rows = {(r["source"][:2], r["high"], r["kind"]) for r in jobs["figures"]}
    # the company's, the local paper's and the union's figures, German and English, and the final deal
    assert {("01", 4500, "upper-bound"), ("02", 3800, "count"), ("02", 6000, "count"), ("04", 2900, "count")} <= rows
    assert ("04", 600, "part") in rows and ("03", 500, "increment") in rows  # not totals
    assert all(r["quantity"] == "Stelle" for r in jobs["figures"])
    assert not any(r["kind"] == "money" for r in jobs["figures"])  # 1,2 Milliarden Euro is no number of jobs
    (spread,) = jobs["figure_spreads"]
    assert spread["quantity"] == "Stelle" and spread["high"] == 6000 and spread["sources"] >= 2
    dates = [r["published"] for r in jobs["figures"]]
    assert dates == sorted(dates)  # a trend reads top to bottom


def test_the_syria_table_gives_the_asylum_and_residence_figures(tmp_path: Path) -> None:
    brief = _build(ROOT / "examples" / "syria" / "config.yaml", tmp_path)
    germany = next(s for s in brief["sections"] if s["figures"])
    rows = {(r["source"][:2], r["value"], r["kind"]) for r in germany["figures"]}
    assert ("05", "974.136", "count") in rows and ("06", "974.136", "count") in rows  # Syrians living in Germany
    assert ("05", "mehr als 47.000", "count") in rows  # pending asylum applications
    assert ("05", "davon 46.081", "part") in rows  # of which first applications: part of the 47,000
    assert not any("2254" in r["value"] for r in germany["figures"])  # a UN resolution's number counts nothing


def test_the_flood_table_shows_the_death_toll_rising_and_who_says_what(tmp_path: Path) -> None:
    brief = _build(ROOT / "examples" / "floods" / "config.yaml", tmp_path)
    toll = next(s for s in brief["sections"] if s["id"] == "toll")
    dead = [(r["published"], r["high"]) for r in toll["figures"] if r["quantity"] == "Tote"]
    # the live blog's 158, then 205, the 217 of a clause with no noun after it ("the death toll rose to
    # 217"), the 220 of a paragraph under its own subheading: oldest first
    assert [high for _, high in dead] == [158, 205, 217, 220] and dead == sorted(dead)
    claimants = {r["high"]: r["attribution"] for r in toll["figures"]}
    assert claimants[217] is None  # '…, Sanchez said, as the death toll rose to 217': the reporter's clause
    said = [e["attribution"] for s in brief["sections"] for e in s["excerpts"] if "Mazón wies die Vorwürfe" in e["text"]]
    assert said == ["Regionalpräsident Carlos Mazón"]


def test_the_boeing_table_counts_dollars_and_credits_the_estimate_to_its_author(tmp_path: Path) -> None:
    brief = _build(ROOT / "examples" / "boeing" / "config.yaml", tmp_path)
    money = next(s for s in brief["sections"] if s["id"] == "money")
    rows = {r["value"]: (r["kind"], r["bound"], r["attribution"]) for r in money["figures"]}
    assert rows["about $100 million"] == ("money", "≈", "S&P Global Ratings")  # '$' is the dollar the terms name
    assert rows["mehr als eine Milliarde Dollar"][:2] == ("money", "≥")  # a figure in words
    assert rows["bis zu 25 Milliarden Dollar"][:2] == ("money", "≤")
    jobs = next(s for s in brief["sections"] if s["id"] == "jobs")
    said = [e["attribution"] for e in jobs["excerpts"] if "The cuts will include" in e["text"]]
    assert said == ["CEO Kelly Ortberg"]  # 'he said': the CEO, not 'Boeing'


def test_the_georgia_brief_names_its_sources_by_headline_and_its_claimants_as_written(tmp_path: Path) -> None:
    brief = _build(ROOT / "examples" / "georgia" / "config.yaml", tmp_path)
    titles = {s["id"][:2]: s["title"] for s in brief["sources"]}
    # below a skip link, a breadcrumb and a section label
    assert titles["02"] == "Tens of thousands protest in Tbilisi over disputed Georgian election"
    assert titles["01"].startswith("Parlamentswahl in Georgien") and titles["03"].startswith("Georgien: Wahlkommission")
    assert {s["id"][:2]: s["published"] for s in brief["sources"]}["03"] == "2024-10-29"  # "Datum" at its foot
    said = {e["text"][:30]: e["attribution"] for s in brief["sections"] for e in s["excerpts"]}
    assert said["Die Staatsanwaltschaft leitete"] == "Staatsanwaltschaft"  # "nach eigenen Angaben"
    result = next(s for s in brief["sections"] if s["id"] == "result")
    rows = {(r["high"], r["attribution"]) for r in result["figures"]}
    assert (53.93, "the central election commission") in rows
    assert not any(r["high"] == 5 for r in result["figures"])  # "the 5% threshold" is no result


def test_the_flu_brief_counts_small_numbers_with_their_own_nouns(tmp_path: Path) -> None:
    brief = _build(ROOT / "examples" / "flu" / "config.yaml", tmp_path)
    tables = {s["id"]: s for s in brief["sections"] if s["figures"]}
    humans = sorted((r["high"], r["quantity"]) for r in tables["humans"]["figures"])
    assert humans == [(58, "human case"), (58, "human case"), (61, "human case")]  # "58 human cases", "58 Menschen"
    spread = tables["spread"]
    assert {(r["high"], r["quantity"]) for r in spread["figures"]} >= {(14, "state"), (15, "state"), (645, "herd")}
    assert not any(r["high"] == 18 for r in spread["figures"])  # "Dec 18 (Reuters)" is a day
    assert [(s["quantity"], s["low"], s["high"]) for s in spread["figure_spreads"]] == [("state", 14, 15)]
    assert {s["id"][:2]: s["title"] for s in brief["sources"]}["01"].startswith("Bird flu has now infected")
