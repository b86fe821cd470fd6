"""Troop figures and who gives them: right for the seeds, and the traps left out."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.attribution import claimant_near, find_attribution
from briefing.figure_counts import Counts
from briefing.figures import find_figures
from briefing.models import Article
from briefing.segment import split_sentences

from .conftest import SeedBrief


def _figures(brief: SeedBrief) -> dict[tuple[str, str], tuple[str | None, str]]:
    deployment = next(s for s in brief.data["sections"] if s["id"] == "deployment")
    return {(f["source"][:3], f["value"]): (f["attribution"], f["kind"]) for f in deployment["figures"]}


def test_seed_figures_are_the_north_korean_troop_numbers(seed_brief: SeedBrief) -> None:
    """The rows the seed table had before figures learnt kinds; "die ersten 2000" and "2.000 weitere"
    are now told apart from totals."""
    found = _figures(seed_brief)
    expected = {("003", "Bis zu 3000"): "upper-bound", ("000", "bis zu 8.000"): "upper-bound",
                ("000", "rund 2.000"): "increment", ("000", "11.000 bis 12.000"): "range", ("001", "8000"): "count",
                ("001", "bis zu 15.000"): "upper-bound", ("002", "etwa 10.000"): "count", ("004", "12.000"): "count",
                ("004", "die ersten 2000"): "part"}
    assert {key: kind for key, (_, kind) in found.items()} == expected


def test_seed_figures_name_who_gives_them(seed_brief: SeedBrief) -> None:
    found = {key: who for key, (who, _) in _figures(seed_brief).items()}
    assert "Pat Ryder" in (found[("000", "11.000 bis 12.000")] or "")
    assert "Pentagon" in (found[("002", "etwa 10.000")] or "")
    assert "Liga" in (found[("003", "Bis zu 3000")] or "")
    assert "Militärgeheimdienst" in (found[("003", "Bis zu 3000")] or "")
    assert "Kyodo" in (found[("004", "12.000")] or "")
    assert found[("000", "rund 2.000")] == "US"


def test_seed_figure_table_has_dates_verbatim_excerpts_and_listed_sources(seed_brief: SeedBrief) -> None:
    deployment = next(s for s in seed_brief.data["sections"] if s["id"] == "deployment")
    listed = {s["id"] for s in seed_brief.data["sources"] if s["cited"]}
    for f in deployment["figures"]:
        assert f["value"] in f["excerpt"]["text"]
        assert f["low"] is None if f["kind"] == "upper-bound" else f["low"] <= f["high"]
        assert f["source"] in listed  # its link leads to an entry of the source list
    dated = {f["source"][:3]: f["published"] for f in deployment["figures"]}
    assert dated["000"] == "2024-11-05" and dated["003"] == "2024-10-16"
    assert deployment["figures_label"] == "Gemeldete Truppenstärke"  # from config.yaml, not from the code


def _article(text: str, language: str = "de") -> Article:
    return Article(id="a", path="a.txt", text=text, language=language, published=dt.date(2024, 11, 1))


def _counts(*terms: str, exclude: tuple[str, ...] = (), topic: str = "Nordkorea | North Korea",
            others: str = "Russland | Moskau | Kreml | Russia") -> Counts:
    from briefing.config import Config

    config = Config.model_validate({"title": "t", "author": "a", "topic": [topic] if topic else [], "sections": [
        {"id": "s", "title": "s", "figures": True, "terms": list(terms), "exclude": list(exclude)},
        {"id": "o", "title": "o", "terms": ["x"], "require": [others]}]})
    return Counts.of(config.sections[0], config)


TROOPS = _counts("Soldat | Truppe | Offizier | troop | soldier | officer", "entsenden | send",
                 exclude=("töten | sterben | Verlust | kill", "Gehalt | Dollar | salary"))


@pytest.mark.parametrize(
    "text",
    [
        "Laut ukrainischen Angaben starben 1.000 bis 1.200 russische Soldaten an der Front, auch Nordkoreaner.",
        "Nordkoreanische Soldaten erhalten 2.000 Dollar im Monat, bei 10.000 Soldaten 240 Millionen Dollar.",
        "Aber: „Selbst 15.000 Nordkoreaner würden die Lage nicht ändern.“",
        "Im Jahr 2024 schickte Nordkorea Soldaten nach Russland.",
        "Angesichts von rund 50.000 Soldaten inklusive nordkoreanischem Beistand befürchtet Kiew eine Offensive.",
        "Einem Bericht zufolge könnte der Kreml in Kursk 50.000 Soldaten zusammengezogen haben.",
        "Nordkorea verlegte Soldaten an die Grenze, 500 Kilometer von der Hauptstadt entfernt.",
        "Russia has 11,000 Russian troops in the region, North Korea none.",
    ],
)
def test_numbers_that_do_not_count_the_subjects_troops_are_left_out(text: str) -> None:
    assert find_figures(split_sentences(_article(text)), TROOPS) == []


@pytest.mark.parametrize(
    ("text", "value", "kind", "low", "high"),
    [
        ("Western officials estimate that between 10,000 and 12,000 North Korean troops are now in Russia.",
         "between 10,000 and 12,000", "range", 10000, 12000),
        ("Nordkorea hat bis zu 15.000 Soldaten geschickt.", "bis zu 15.000", "upper-bound", None, 15000),
        ("Inzwischen sind rund 2.000 weitere nordkoreanische Soldaten angekommen.", "rund 2.000", "increment", 2000, 2000),
        ("North Korea sent another 2,000 troops.", "2,000", "increment", 2000, 2000),
        ("Von 12.000 Soldaten aus Nordkorea sind die ersten 2000 unterwegs.", "die ersten 2000", "part", 2000, 2000),
        ("North Korea has sent 12,000 troops, including about 500 officers.", "including about 500", "part", 500, 500),
        ("Die Zahl der Soldaten aus Nordkorea liege bei 11.000 bis 12.000, sagte ein Sprecher.", "11.000 bis 12.000",
         "range", 11000, 12000),
    ],
)
def test_kinds_of_figures(text: str, value: str, kind: str, low: float | None, high: float) -> None:
    language = "en" if text.split()[0] in ("Western", "North") else "de"
    sentences = split_sentences(_article(text, language))
    found = find_figures(sentences, TROOPS)
    rows = {sentences[f.sentence].text[f.start : f.end]: (f.kind, f.low, f.high) for f in found}
    assert rows[value] == (kind, low, high)


def test_a_section_counts_what_its_own_terms_name() -> None:
    """Jobs, shares of them and money: the same machinery as for troops, from the section's terms."""
    jobs = _counts("Stelle | Arbeitsplatz | Job", "abbauen | streichen | cut", topic="Hartmann", others="IG Metall")
    text = ("Hartmann will 3.800 Arbeitsplätze streichen, etwa 10 Prozent der Stellen. Die IG Metall spricht von "
            "6.000 Jobs. Hartmann spart damit 1,2 Milliarden Euro und hat 38.000 Beschäftigte.")
    sentences = split_sentences(_article(text))
    found = {sentences[f.sentence].text[f.start : f.end]: (f.kind, f.high, f.quantity) for f in find_figures(sentences, jobs)}
    assert found == {"3.800": ("count", 3800, "Stelle"), "etwa 10 Prozent": ("share", 10, "Stelle"),
                     "6.000": ("count", 6000, "Stelle")}  # money and the workforce are not what it counts
    money = _counts("Euro | Dollar", "sparen | save", topic="Hartmann", others="IG Metall")
    found_money = [(f.kind, f.high) for f in find_figures(sentences, money)]
    assert found_money == [("money", 1_200_000_000)]


def test_numbers_print_in_the_briefs_style_whatever_the_source_wrote() -> None:
    from briefing.models import Citation, Figure
    from briefing.render import figure_text

    quote = Citation(source="a", start=0, end=1, text="x")
    row = Figure(value="between 10,000 and 12,000", low=10000, high=12000, kind="range", quantity="Soldat",
                 counts="troops", source="a", published=None, attribution=None, excerpt=quote)
    assert figure_text(row, "de") == "10.000–12.000 troops"
    assert figure_text(row, "en") == "10,000–12,000 troops"
    share = row.model_copy(update={"kind": "share", "low": 83.6, "high": 83.6, "bound": "≈"})
    assert (figure_text(share, "de"), figure_text(share, "en")) == ("≈ 83,6 %", "≈ 83.6%")
    money = row.model_copy(update={"kind": "money", "value": "1,5 Mrd. Euro", "low": 1.5e9, "high": 1.5e9})
    assert (figure_text(money, "de"), figure_text(money, "en")) == ("1,5 Mrd. €", "1.5 bn €")


def test_sources_that_differ_at_about_the_same_time_are_flagged() -> None:
    from briefing.figure_table import spreads
    from briefing.models import Citation, Figure

    quote = Citation(source="a", start=0, end=1, text="x")

    def row(value: int, source: str, day: int, who: str | None = None) -> Figure:
        return Figure(value=str(value), low=value, high=value, kind="count", quantity="Stelle", source=source,
                      published=dt.date(2024, 11, day), attribution=who, excerpt=quote)

    assert spreads([row(3800, "a", 8, "Konzern"), row(6000, "b", 9, "IG Metall"), row(2900, "c", 30)]) == \
        [("Stelle", 3800, 6000, 2)]
    assert spreads([row(3800, "a", 8), row(2900, "c", 30)]) == []  # weeks apart: a trend, not a dispute
    # a source that gives the whole firm's and one plant's figure speaks of two things, it does not dispute itself
    assert spreads([row(3800, "a", 8), row(1400, "a", 8), row(6000, "b", 9, "IG Metall")]) == []


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
        ("However, the change is not without risks, the German also wrote on X.", None),  # no one named before
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
        # an adjective is put in the nominative, a noun never ("Grünen-Politiker", not "grünen-politike")
        ("Grünen-Politiker Anton Hofreiter sagte, die Lage sei ernst.", "Grünen-Politiker Anton Hofreiter"),
        ("Die Lage sei ernst, sagte Ministerin Stefanie Hubig.", "Ministerin Stefanie Hubig"),
        # a genitive with its adjective in the nominative; a role and the name in apposition as one; a clause is no name
        ("Nordkorea hat nach Erkenntnissen des südkoreanischen Geheimdienstes weitere Soldaten geschickt.",
         "der südkoreanische Geheimdienst"),
        ("Nach Angaben des russischen Verteidigungsministeriums fielen 300 Soldaten.", "das russische Verteidigungsministerium"),
        ("Seoul has sent aid, but its defence minister, Kim Yong-hyun, said on Tuesday that all options were open.",
         "Kim Yong-hyun"),
        ("A Pentagon spokesperson, Sabrina Singh, said the troops had arrived.", "Pentagon spokesperson Sabrina Singh"),
        ("In Seoul, the government has summoned the Russian ambassador and warned that it could send weapons.", None),
        ("Workers will forgo a pay rise. Union negotiator Daniel Friedrich called the deal \"painful\".",
         "Union negotiator Daniel Friedrich"),
        ("Al-Dschalali rief die Bevölkerung zur Kooperation auf.", "Al-Dschalali"),
        ("Er rief seine Mutter an.", None),
        ("Regionalpräsident Carlos Mazón wies die Vorwürfe zurück: Man habe sich an die Protokolle gehalten.",
         "Regionalpräsident Carlos Mazón"),  # who rejects or admits: German splits the verb
        ("Die Ministerin räumte Fehler bei der Warnung ein.", "Ministerin"),
        # English demands and urges name their speaker, also past an apposition; German opens with an adverb
        ("Friedrich Merz, the leader of the Christian Democrats, demanded that Scholz call the vote soon.",
         "Friedrich Merz"),
        ("The Conservative leader, Rishi Sunak, said the chancellor had broken Labour's promises.",
         "Conservative leader Rishi Sunak"),
        ("Zugleich forderte die Ministerin, das Land dürfe jetzt nicht zerfallen.", "Ministerin"),
        # a name after "said" that goes on with a verb of its own is what was said, not who said it
        ("Lindner, who was dismissed on Wednesday, said Scholz had been trying to force him to break the debt brake.",
         "Lindner"),
        ("The troops arrived, said Olaf Scholz on Monday.", "Olaf Scholz"),
        # who made the estimate; a name with an ampersand is one name
        ("The strike cost Boeing about $100 million a day, according to an estimate by S&P Global Ratings.",
         "S&P Global Ratings"),
        ("According to a new report by the Pentagon, 500 troops arrived.", "Pentagon"),
        ("Einer Studie von Greenpeace zufolge steigt der Meeresspiegel.", "Greenpeace"),
        ("Johnson & Johnson said it would appeal the ruling.", "Johnson & Johnson"),
        # a deputy is not the minister
        ("Der stellvertretende Außenminister Kim Hong-kyun erläuterte Botschafter Georgy Zinovyev die Lage und forderte "
         "den Abzug.", "der stellvertretende Außenminister Kim Hong-kyun"),
        ("Die Soldaten kamen am Montag an.", None),
        ("The troops arrived, he said on Tuesday.", None),
        # a genitive named as a reader names it
        ("Nach Einschätzung des US-Verteidigungsministeriums beläuft sich die Zahl auf 10.000.", "US-Verteidigungsministerium"),
        ("Im Werk sollen nach Angaben des Betriebsratsvorsitzenden Thomas Kreher 1.400 Stellen wegfallen.",
         "Betriebsratsvorsitzender Thomas Kreher"),
        # a role in small letters, with what tells whose; both speakers of two sentences
        ("The plant will close in 2026, a company spokesperson said on Saturday. The union said it would strike.",
         "a company spokesperson"),
        ("The plant will close in 2026, a spokesperson said.", None),
        ("The plant will close, a company spokesperson said. Germany's IG Metall union said it would strike.",
         "a company spokesperson; Germany's IG Metall union"),
        # whose speaker it is, in the genitive after the role; not whom it was told
        ("Die Lage sei unübersichtlich, sagte ein Sprecher der Behörde dem „Spiegel“.", "ein Sprecher der Behörde"),
        ("Die Lage sei ernst, sagte der Chef des Bundesamtes.", "Chef des Bundesamtes"),
        # a role alone, after the excerpt named the person in it, is that person
        ("Bundeskanzler Olaf Scholz begrüßte den Sturz. „Alle müssen Schutz genießen“, betonte der Kanzler.",
         "Bundeskanzler Olaf Scholz"),
        ("Präsident Joe Biden reiste ab. Die Gespräche gingen weiter, betonte der Präsident.", "Präsident Joe Biden"),
        # after an adverbial, the German subject follows the verb; not when the subject opens the sentence
        ("Am Sonntag verkündete die Miliz die Einnahme der Hauptstadt.", "Miliz"),
        ("Zuvor hatte das russische Außenministerium mitgeteilt, dass Assad das Land verlassen habe.",
         "das russische Außenministerium"),
        ("Zuvor hatte das Militär die Stadt eingenommen.", None),
        ("Die Miliz Haiat Tahrir al-Scham (HTS) kündigte einen friedlichen Übergang an.", "Miliz Haiat Tahrir al-Scham (HTS)"),
        # who gives a figure, just after it
        ("The 8,000 troops are a majority of the 10,000 the US says were deployed to Russia.", "US"),
        ("Außenministerin Choe Son Hui hat in Moskau erklärt, beide seien Partner. Russland siege, sagte Choe am Freitag.",
         "Außenministerin Choe Son Hui"),
        ("Präsident Joe Biden reiste ab. Die Gespräche gingen weiter, sagte ein Sprecher des Ministeriums.",
         "ein Sprecher des Ministeriums"),
        # a long description of the speaker set off by commas before the verb; a clause so set off is none
        ("Interior Minister Nancy Faeser, speaking alongside her French and Austrian counterparts at the ministers meeting in "
         "Luxembourg on Thursday, said the decisions would be paused.", "Interior Minister Nancy Faeser"),
        ("Berlin zweifle nicht daran, dass die Lage in Damaskus sich rasch und grundlegend ändern werde, sagte Baerbock.",
         "Baerbock"),
        # by its own account: the subject is the source, never "eigene Angaben"
        ("Die Staatsanwaltschaft leitete nach eigenen Angaben Ermittlungen wegen Wahlfälschung ein.", "Staatsanwaltschaft"),
        ("Der Konzern hat eigenen Angaben zufolge 4.000 Stellen gestrichen.", "Konzern"),
        ("Am Dienstag leitete sie nach eigenen Angaben Ermittlungen ein.", None),
        ("Das Unternehmen schrieb nach seinen Angaben Verluste.", "Unternehmen"),
        # an English institution in small letters
        ("The central election commission said Georgian Dream won 53.93% of the vote.", "the central election commission"),
        ("The interior ministry said 12 people had died.", "the interior ministry"),
        # an abbreviation with its dots, a name with "of" or "for"; a clause after the tag is no speaker
        ("More than 700 herds tested positive, according to the U.S. Department of Agriculture.",
         "the U.S. Department of Agriculture"),
        ("The Centers for Disease Control and Prevention said the risk remains low.",
         "the Centers for Disease Control and Prevention"),
        ("Bird flu was found in 14 states, officials said on Friday, after California reported new infected herds.", None),
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


@pytest.mark.parametrize(
    ("before", "who"),
    [
        # a role in capitals before a name is no agency's acronym
        ("Boeing said it plans to cut jobs. \"Times are hard,\" CEO Kelly Ortberg said in a note to staff. ",
         "CEO Kelly Ortberg"),
        # the nearest speaker is no person: "he" is not someone named further back
        ("Boeing said it plans to cut jobs. The cuts were confirmed, the ministry said. ", None),
        # ... but one who is only "er" again is: the person named before that
        ("Bundeskanzler Olaf Scholz sagte, die Lage sei ernst. Das sei wichtig, betonte er. ", "Bundeskanzler Olaf Scholz"),
    ],
)
def test_he_is_the_nearest_speaker_or_no_one(before: str, who: str | None) -> None:
    from briefing.attribution import attribute

    text = "The cuts will include executives, managers and employees, he said."
    assert attribute(text, before, before + text) == who


def test_er_is_the_person_named_before_not_the_agency() -> None:
    from briefing.attribution import attribute

    before = "Die Halle wurde in Brand gesetzt, berichtet die Nachrichtenagentur AFP. "
    text = "HTS-Anführer Ahmed Hussein al-Scharaa rief zur Ruhe auf. Die Behörden bleiben im Amt, erklärte er."
    assert attribute(text, before, before + text) == "HTS-Anführer Ahmed Hussein al-Scharaa"


def test_a_nationality_that_stands_for_a_person_is_the_person_named_before() -> None:
    from briefing.attribution import attribute

    text = ("EU Commission President Ursula von der Leyen sees opportunities. However, the change is not without "
            "risks, the German also wrote on X.")
    assert attribute(text, "", text) == "President Ursula von der Leyen"
    assert attribute("However, the change is not without risks, the German also wrote on X.", "", "") is None


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


def test_a_full_table_keeps_the_newest_rows_and_says_how_many_it_left_out() -> None:
    from briefing.figure_table import figure_table
    from briefing.figures import Found
    from briefing.models import Article, Sentence

    sentences = []
    for day in range(1, 7):
        text = f"Nordkorea hat {day},000 Soldaten geschickt."
        article = Article(id=f"a{day}", path=f"a{day}.txt", text=text, language="de", published=dt.date(2024, 11, day))
        sentences.append(Sentence(article, 0, len(text), 0, 0))
    found = [Found(i, 14, 19, (i + 1) * 1000, (i + 1) * 1000, "count", "", "Soldaten", "Soldat") for i in range(6)]
    rows, left_out = figure_table(sentences, found, set(), limit=4)
    assert [r.published.day for r in rows if r.published] == [3, 4, 5, 6] and left_out == 2  # oldest first


def test_a_figure_in_the_reporters_clause_after_a_speech_tag_is_no_ones_claim() -> None:
    text = ("Spain's government approved a 10.6 billion euro aid package, Prime Minister Pedro Sanchez said, "
            "as the death toll rose to 217.")
    assert claimant_near(text, text.index("217")) is None
    assert claimant_near(text, text.index("10.6")) == "Prime Minister Pedro Sanchez"
    told = "Die Zahl der Toten stieg auf 217, sagte Sánchez, als er das Hilfspaket vorstellte."
    assert claimant_near(told, told.index("217")) == "Sánchez"


FLOOD = _counts("Tote | Todesopfer | dead | death toll", "vermisst | missing", topic="Flut | Hochwasser | flood",
                others="Regierung | government")


def test_a_figure_under_a_headline_on_the_subject_is_the_subjects() -> None:
    """The whole article is about the flood: a paragraph that no longer names it still counts its dead."""
    text = "Die Demonstranten forderten den Rücktritt.\n\nDie Zahl der Todesopfer ist auf mindestens 220 gestiegen."
    elsewhere = Article(id="a", path="a.txt", text=text, language="de", title="Proteste in Valencia")
    assert find_figures(split_sentences(elsewhere), FLOOD) == []
    about = Article(id="a", path="a.txt", text=text, language="de", title="Nach dem Hochwasser: Proteste")
    assert [f.high for f in find_figures(split_sentences(about), FLOOD)] == [220]


def test_a_death_toll_counts_the_dead() -> None:
    text = "After the floods, the death toll rose to 217 on Tuesday."
    found = find_figures(split_sentences(_article(text, "en")), FLOOD)
    assert [(f.high, f.quantity) for f in found] == [(217, "Tote")]


def test_a_currency_sign_is_the_currency_a_concept_names() -> None:
    """"$100 million" is an amount of the concept that names dollars, as "100 Millionen Dollar" is."""
    money = _counts("Dollar | dollars", "loss | charge", topic="Boeing", others="union")
    text = "The strike cost Boeing about $100 million a day. Boeing expects a loss of $9.97 per share."
    found = find_figures(split_sentences(_article(text, "en")), money)
    assert [(f.kind, f.high, f.quantity) for f in found] == [("money", 100_000_000, "Dollar"), ("money", 9.97, "Dollar")]
    assert find_figures(split_sentences(_article("Boeing lost €100 million a day.", "en")), money) == []


@pytest.mark.parametrize(
    ("text", "value", "kind", "low", "high"),
    [
        # numbers written as words, before a scale or a percent sign
        ("Der Ausstand kostet mehr als eine Milliarde Dollar im Monat.", "mehr als eine Milliarde Dollar", "money", 1e9, 1e9),
        ("Der Konzern will die Löhne um zehn Prozent senken.", "zehn Prozent", "share", 10, 10),
        ("Two million people fled the region.", "Two million", "count", 2e6, 2e6),
        # fewer than: an upper bound
        ("Knapp unter einer Million Syrer leben hier.", "Knapp unter einer Million", "upper-bound", None, 1e6),
        ("Fewer than 500 soldiers remain.", "Fewer than 500", "upper-bound", None, 500),
        # German "über" after a noun gives an amount; after a verb or a preposition it is "more than"
        ("Der Konzern vereinbarte eine Kreditlinie über zehn Milliarden Dollar.", "zehn Milliarden Dollar", "money",
         1e10, 1e10),
        ("Die Zahl der Toten stieg auf über 200 Menschen.", "über 200", "count", 200, 200),
    ],
)
def test_figures_in_words_and_below_a_bound(text: str, value: str, kind: str, low: float | None, high: float) -> None:
    from briefing.numbers import TOKEN, numbers

    toks = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
    found = {text[toks[n.start][1] : toks[n.end - 1][2]]: (n.kind, n.low, n.high) for n in numbers(toks)}
    assert found == {value: (kind, low, high)}


def test_money_and_shares_up_to_a_bound_keep_their_kind_and_say_the_bound() -> None:
    from briefing.numbers import TOKEN, numbers

    text = "Boeing will sich bis zu 25 Milliarden Dollar beschaffen und bis zu 10 Prozent der Stellen streichen."
    found = numbers([(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)])
    assert [(n.kind, n.bound, n.high) for n in found] == [("money", "≤", 25e9), ("share", "≤", 10)]


@pytest.mark.parametrize("text", ["Eine Frau kam am Montag.", "One of the five soldiers left.", "Ein Drittel blieb."])
def test_an_article_or_a_pronoun_is_no_figure(text: str) -> None:
    from briefing.numbers import TOKEN, numbers

    assert numbers([(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]) == []


def test_a_share_with_no_noun_of_its_own_is_one_of_what_its_sentence_names() -> None:
    tariffs = _counts("Zoll | Aufschlag | tariff", topic="Elektroauto | electric vehicle", others="Peking | Beijing")
    text = "The EU has imposed tariffs of up to 35.3% on electric vehicles made in China."
    found = find_figures(split_sentences(_article(text, "en")), tariffs)
    assert [(f.kind, f.bound, f.high, f.quantity) for f in found] == [("share", "≤", 35.3, "Zoll")]
    text = "Die Aufschläge für Elektroautos betragen je nach Hersteller zwischen 7,8 und 35,3 Prozent."
    found = find_figures(split_sentences(_article(text)), tariffs)
    assert [(f.kind, f.low, f.high, f.quantity) for f in found] == [("share", 7.8, 35.3, "Zoll")]
    # a share in a sentence that names nothing the table counts is none of its figures
    assert find_figures(split_sentences(_article("Der Absatz von Elektroautos stieg um 12 Prozent.")), tariffs) == []


def test_a_share_of_something_else_is_not_one_of_what_the_sentence_names() -> None:
    workers = _counts("worker | machinist", topic="Boeing", others="union")
    text = "Boeing plans to cut 10% of its workforce as a crippling machinists' strike enters its second month."
    assert find_figures(split_sentences(_article(text, "en")), workers) == []
    # "the 5% threshold": a share written as an adjective is its noun's, not the parties' before it
    votes = _counts("vote | seat | opposition", topic="Georgia")
    text = "Four opposition parties in Georgia that cleared the 5% threshold shared the remaining seats."
    assert find_figures(split_sentences(_article(text, "en")), votes) == []
    text = "Four opposition parties in Georgia won 37.8% in the vote."
    assert [(f.high, f.quantity) for f in find_figures(split_sentences(_article(text, "en")), votes)] == [(37.8, "vote")]


def test_a_share_with_no_noun_is_one_of_the_concept_named_just_before_it_and_never_of_money() -> None:
    forecast = _counts("borrowing | debt", "inflation | growth", "Pfund | pound | £", topic="Budget", others="OBR")
    text = "The OBR said the budget would add £28bn a year to borrowing and raise inflation by up to 0.5 percentage points."
    found = find_figures(split_sentences(_article(text, "en")), forecast)
    assert {(f.kind, f.quantity) for f in found} == {("money", "Pfund"), ("share", "inflation")}
    text = "The budget raises National Insurance for employers from 13.8% to 15%, which will bring in £25bn."
    taxes = _counts("tax | National Insurance", "Pfund | pound | £", topic="Budget", others="OBR")
    assert {f.quantity for f in find_figures(split_sentences(_article(text, "en")), taxes) if f.kind == "share"} == {"tax"}


def test_a_count_told_as_risen_is_a_trend_not_a_dispute() -> None:
    from briefing.figure_table import spreads
    from briefing.models import Citation, Figure

    def row(value: int, source: str, day: int, text: str) -> Figure:
        return Figure(value=str(value), low=value, high=value, kind="count", quantity="Tote", source=source,
                      published=dt.date(2024, 11, day), attribution=None,
                      excerpt=Citation(source=source, start=0, end=len(text), text=text))

    rising = [row(158, "a", 1, "Die Zahl der Todesopfer ist auf 158 gestiegen."),
              row(205, "b", 2, "Die Zahl der Todesopfer ist auf mindestens 205 gestiegen."),
              row(217, "c", 5, "Spain approved aid, as the death toll rose to 217.")]
    assert spreads(rising) == []
    rival = [row(158, "a", 1, "Die Behörden zählen 158 Tote."), row(205, "b", 2, "Helfer sprechen von 205 Toten.")]
    assert spreads(rival) == [("Tote", 158, 205, 2)]


def test_the_number_of_something_else_is_not_one_of_the_tables() -> None:
    # the number is the herds', though the sentence also names the spread a table of human cases counts
    text = ("California declared a state of emergency over the spread of bird flu, as the number of infected herds in "
            "the state rose to 645.")
    humans = _counts("human case | patient | Mensch", "spread | Übertragung", topic="bird flu | Vogelgrippe")
    assert find_figures(split_sentences(_article(text, "en")), humans) == []
    herds = _counts("herd | Herde", "spread | Übertragung", topic="bird flu | Vogelgrippe")
    assert [(f.high, f.quantity) for f in find_figures(split_sentences(_article(text, "en")), herds)] == [(645, "herd")]
    german = "Wegen der Übertragung der Vogelgrippe stieg die Zahl der infizierten Herden auf 645."
    assert find_figures(split_sentences(_article(german)), humans) == []
    # "eine Zahl von etwa 10.000": the amount after the count word, not what it counts
    troops = _counts("Soldat | Truppe", "Zahl | number")
    text = "Nordkorea hat Soldaten nach Russland geschickt. Das Pentagon nannte zuletzt eine Zahl von etwa 10.000 Soldaten."
    assert [f.high for f in find_figures(split_sentences(_article(text)), troops)] == [10000]
    text = "Nordkorea hat Soldaten nach Russland geschickt. Das Pentagon nannte zuletzt eine Zahl von etwa 10.000."
    assert [f.high for f in find_figures(split_sentences(_article(text)), troops)] == [10000]


def test_a_small_number_is_a_figure_only_with_a_noun_of_the_tables_own() -> None:
    humans = _counts("human case | patient | Mensch", "spread", topic="bird flu | Vogelgrippe")
    found = find_figures(split_sentences(_article(
        "There have been 61 confirmed human cases of bird flu in the U.S. this year, according to the CDC.", "en")), humans)
    assert [(f.high, f.quantity, f.who) for f in found] == [(61, "human case", "CDC")]  # a term of two words
    german = "Nach Angaben der CDC haben sich mindestens 58 Menschen mit der Vogelgrippe angesteckt."
    assert [f.high for f in find_figures(split_sentences(_article(german)), humans)] == [58]
    # not the topic's own noun, not people in general, not a number with no noun
    troops = _counts("Soldat | Truppe", "Nordkorea | Nordkoreaner")
    fled = "Laut ukrainischen Angaben sind bereits über 18 Nordkoreaner aus ihrer Stellung geflüchtet."
    assert find_figures(split_sentences(_article(fled)), troops) == []
    toll = _counts("Tote | Todesopfer", topic="Unwetter | Flut")
    missing = "Nach der Flut gelten noch 78 Menschen als vermisst."
    assert find_figures(split_sentences(_article(missing)), toll) == []
    assert find_figures(split_sentences(_article("Die Flut dauerte 12 Stunden.")), toll) == []
    paraded = "Nordkorea stellte am Tag 11 seine Soldaten bei einer Parade vor."
    assert find_figures(split_sentences(_article(paraded)), troops) == []
    herds = _counts("herd | Herde", "state | California", topic="bird flu | Vogelgrippe")
    dated = "Dec 18 (Reuters) - California declared an emergency over bird flu as the number of infected herds rose to 645."
    assert [f.high for f in find_figures(split_sentences(_article(dated, "en")), herds)] == [645]  # no day of a month
