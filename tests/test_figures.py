"""Troop figures and who gives them: right for the seeds, and the traps left out."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.attribution import claimant_near, find_attribution
from briefing.figures import find_figures, subject_patterns
from briefing.models import Article
from briefing.segment import split_sentences

from .conftest import SeedBrief


def _figures(brief: SeedBrief) -> dict[tuple[str, str], str | None]:
    deployment = next(s for s in brief.data["sections"] if s["id"] == "deployment")
    return {(f["source"][:3], f["value"]): f["attribution"] for f in deployment["figures"]}


def test_seed_figures_are_the_north_korean_troop_numbers(seed_brief: SeedBrief) -> None:
    found = _figures(seed_brief)
    expected = {("003", "Bis zu 3000"), ("000", "bis zu 8.000"), ("000", "rund 2.000"), ("000", "11.000 bis 12.000"),
                ("001", "8000"), ("001", "bis zu 15.000"), ("002", "etwa 10.000"), ("004", "12.000"), ("004", "2000")}
    assert set(found) == expected


def test_seed_figures_name_who_gives_them(seed_brief: SeedBrief) -> None:
    found = _figures(seed_brief)
    assert "Pat Ryder" in (found[("000", "11.000 bis 12.000")] or "")
    assert "Pentagon" in (found[("002", "etwa 10.000")] or "")
    assert "Liga" in (found[("003", "Bis zu 3000")] or "")
    assert "Militärgeheimdienst" in (found[("003", "Bis zu 3000")] or "")
    assert "Kyodo" in (found[("004", "12.000")] or "")
    assert found[("000", "rund 2.000")] == "US"


def test_seed_figure_table_has_dates_and_verbatim_excerpts(seed_brief: SeedBrief) -> None:
    deployment = next(s for s in seed_brief.data["sections"] if s["id"] == "deployment")
    for f in deployment["figures"]:
        assert f["value"] in f["excerpt"]["text"]
        assert f["low"] <= f["high"]
    dated = {f["source"][:3]: f["published"] for f in deployment["figures"]}
    assert dated["000"] == "2024-11-05" and dated["003"] == "2024-10-16"


def _article(text: str, language: str = "de") -> Article:
    return Article(id="a", path="a.txt", text=text, language=language, published=dt.date(2024, 11, 1))


@pytest.mark.parametrize(
    "text",
    [
        "Laut ukrainischen Angaben starben 1.000 bis 1.200 russische Soldaten an der Front, auch Nordkoreaner.",
        "Nordkoreanische Soldaten erhalten 2.000 Dollar im Monat, bei 10.000 Soldaten 240 Millionen Dollar.",
        "Aber: „Selbst 15.000 Nordkoreaner würden die Lage nicht ändern.“",
        "Im Jahr 2024 schickte Nordkorea Soldaten nach Russland.",
        "Angesichts von rund 50.000 Soldaten inklusive nordkoreanischem Beistand befürchtet Kiew eine Offensive.",
        "Einem Bericht zufolge könnte der Kreml in Kursk 50.000 Soldaten zusammengezogen haben.",
    ],
)
def test_numbers_that_are_not_north_korean_troop_strength_are_left_out(text: str) -> None:
    from briefing.config import Config

    config = Config.model_validate({"title": "t", "author": "a", "topic": ["Nordkorea | North Korea"],
                                    "sections": [{"id": "s", "title": "s", "terms": ["x"]}]})
    sentences = split_sentences(_article(text))
    assert find_figures(sentences, subject_patterns(config)) == []


def test_english_ranges_and_hedges() -> None:
    text = "Western officials estimate that between 10,000 and 12,000 North Korean troops are now in Russia."
    (figure,) = find_figures(split_sentences(_article(text, "en")))
    assert (figure.value, figure.low, figure.high) == ("between 10,000 and 12,000", 10000, 12000)
    assert figure.attribution == "Western officials"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ('"Wir gehen davon aus", sagte die stellvertretende Pentagon-Sprecherin Sabrina Singh.',
         "die stellvertretende Pentagon-Sprecherin Sabrina Singh"),  # in its base form: the article stays
        ("Die Zahl liege bei 12.000, sagte US-Verteidigungsministeriumssprecher Pat Ryder am Montag.",
         "US-Verteidigungsministeriumssprecher Pat Ryder"),
        ("Laut ukrainischem Geheimdienst sind die Fluchtgründe nicht bekannt.", "ukrainischer Geheimdienst"),
        ('Wie das US-Magazin "Newsweek" berichtet, sollen Soldaten geschossen haben.', 'US-Magazin "Newsweek"'),
        ("Insgesamt seien es 10.000, teilte der Nachrichtendienst NIS am Mittwoch mit.", "Nachrichtendienst NIS"),
        ("About 11,000 troops are in Kursk, U.S. Secretary of State Antony Blinken said on Thursday.",
         "U.S. Secretary of State Antony Blinken"),
        ("South Korea's spy agency says at least 10,000 soldiers were sent.", "South Korea's spy agency"),
        ("U.S. and South Korean officials say roughly 11,000 soldiers are in Kursk.", "U.S. and South Korean officials"),
        ("In return, Pyongyang gets oil and hard currency, South Korea's spy agency told lawmakers.",
         "South Korea's spy agency"),
        ("Der südkoreanische Geheimdienst geht von gut 10.000 Soldaten aus.", "der südkoreanische Geheimdienst"),
        ("Russland zahlt nach südkoreanischen Schätzungen mehrere Hundert Millionen Dollar.",
         "südkoreanische Schätzungen"),
        ("Die Zeitung zitierte Wi Sung-lac, einen südkoreanischen Gesetzgeber.", "Wi Sung-lac"),
        ("Das sagte einen Tag später ein Sprecher.", None),
        ("However, the change is not without risks, the German also wrote on X.", None),
        ("According to Russian reports, Assad fled abroad.", "Russian reports"),
        ("Jede Entscheidung stünde auf tönernen Füßen, so der Sprecher.Dem Bericht zufolge gibt es 47.270 Anträge.", None),
        ("Im Interview bezeichnete der die US-Einstufung von HTS als unfair.", None),
        ("The troops suffered losses, a Ukrainian commander told Reuters. He said they were poorly trained.",
         "a Ukrainian commander"),
        ("Russland bestätigte Assads Flucht, nannte aber keinen Aufenthaltsort.", "Russland"),
        ("Die IG Metall sprach von einem „schwarzen Tag“ für die Beschäftigten. Sie kündigte Warnstreiks an.", "IG Metall"),
        ("Die HTS verkündete die Öffnung des Gefängnisses.", "HTS"),
        ("Der Vizeminister Kim Hong-kyun erläuterte Botschafter Georgy Zinovyev die Lage und forderte den Abzug.",
         "Vizeminister Kim Hong-kyun"),  # the addressee is no speaker
        ("Die Soldaten kamen am Montag an.", None),
        ("The troops arrived, he said on Tuesday.", None),
    ],
)
def test_attribution(text: str, who: str | None) -> None:
    assert find_attribution(text) == who


def test_an_interview_answer_is_attributed_to_its_speaker() -> None:
    from briefing.attribution import attribute

    before = "Frage: Wie viele sind es?\n\nBallbach: Die besten Zahlen kommen aus Seoul. "
    assert attribute("Der Großteil steht inzwischen im Gebiet Kursk.", before, before) == "Ballbach"
    assert attribute("Frage: Und Südkorea?", "", "Frage: Und Südkorea?") is None


def test_a_dateline_is_not_a_speaker() -> None:
    from briefing.attribution import attribute

    article = "Kiew: Die ersten Truppen sind in Kursk. Insgesamt sind es 12.000, heißt es.\n\nWashington: Die USA warnen."
    before = "Kiew: Die ersten Truppen sind in Kursk. "
    assert attribute("Insgesamt sind es 12.000, heißt es.", before, article) is None


def test_er_is_nobody_when_no_person_was_named_before() -> None:
    from briefing.attribution import attribute

    before = "Wolodymyr Selenskyj sprach am Abend. Kremlchef Putin hatte zuvor Truppen geschickt. "
    assert attribute("Putin fühle sich dadurch ermutigt, warnte er.", before, before) is None


def test_er_is_the_person_named_before_not_the_agency() -> None:
    from briefing.attribution import attribute

    before = "Die Halle wurde in Brand gesetzt, berichtet die Nachrichtenagentur AFP. "
    text = "HTS-Anführer Ahmed Hussein al-Scharaa rief zur Ruhe auf. Die Behörden bleiben im Amt, erklärte er."
    assert attribute(text, before, before + text) == "HTS-Anführer Ahmed Hussein al-Scharaa"


def test_the_claimant_of_a_figure_is_the_one_in_its_clause() -> None:
    text = "Das Pentagon nannte eine Zahl von etwa 10.000, der Geheimdienst NIS geht von bis zu 13.000 aus."
    assert claimant_near(text, text.index("10.000")) == "Pentagon"
    assert claimant_near(text, text.index("13.000")) == "Geheimdienst NIS"


@pytest.mark.parametrize(
    ("excerpt_start", "claimant_parts"),
    [
        ("Nach Einschätzung des US-Verteidigungsministeriums", ["US-Verteidigungsministerium", "Sabrina Singh"]),
        ("Bis zu 3000 nordkoreanische Soldaten", ["Liga", "Militärgeheimdienst"]),
        ("Nordkoreanische Soldaten sollen außerdem ein monatliches Gehalt", ["Wi Sung-lac"]),  # "…, sagte er."
        ("Pjöngjang wird von Russland Geld", ["Newsweek"]),
        ("Zuvor hatte auch NATO-Generalsekretär Mark Rutte", ["Mark Rutte"]),
        ("Vor dem Hintergrund solcher Informationen hat Kim Yong-hyun", ["Kim Yong-hyun"]),
    ],
)
def test_seed_excerpts_name_who_said_it(seed_brief: SeedBrief, excerpt_start: str, claimant_parts: list[str]) -> None:
    excerpts = [ex for s in seed_brief.data["sections"] for ex in s["excerpts"]]
    (excerpt,) = [ex for ex in excerpts if excerpt_start in ex["text"]]
    for part in claimant_parts:
        assert part in (excerpt["attribution"] or ""), excerpt["attribution"]
