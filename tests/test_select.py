"""Selection rules, each on a sentence or two: what counts as a match, what is hedged, which section
a sentence goes to, and what is quoted together."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from briefing.config import Config
from briefing.figure_counts import Counts
from briefing.figures import find_figures
from briefing.hedging import hedged
from briefing.language import tokens
from briefing.models import Article
from briefing.segment import split_sentences
from briefing.select import select_excerpts
from briefing.terms import ConceptIndex

from .conftest import ROOT


def _article(text: str, language: str = "de") -> Article:
    return Article(id="a", path="a.txt", text=text, title="t", published=dt.date(2024, 11, 1), language=language)


def _config(**extra: Any) -> Config:
    sections = [
        {"id": "deployment", "title": "d", "figures": True, "terms": ["Soldat | troop | soldier", "entsenden | schicken | send | deploy",
                                                    "#number", "Kursk | Front"],
         "require": ["Nordkorea | North Korea"]},
        {"id": "combat", "title": "c", "terms": ["Kanonenfutter | cannon fodder", "Gefecht | battle", "Verlust | loss",
                                                "Nordkoreaner | nordkoreanisch | North Korean"],
         "require": ["Nordkoreaner | nordkoreanisch | North Korean"]},
        {"id": "south-korea", "title": "s", "terms": ["Südkorea | South Korea", "Waffe | weapon",
                                                     "Präsident | president"],
         "require": ["Südkorea | South Korea"]},
    ]
    return Config.model_validate({"title": "t", "author": "a", "topic": ["Nordkorea | North Korea"],
                                  "sections": sections, **extra})


# Other news of the same topic around the sentences under test, as in a real folder: how rare a concept
# is decides how much it weighs, and the topic's own words are everywhere.
_FILLER = "\n\n".join(f"Meldung {i}: Nordkorea stellte am Tag {i} seine Soldaten bei einer Parade in Pjöngjang vor."
                        for i in range(12))


def _sections(text: str, language: str = "de", filler: str = _FILLER, **extra: Any) -> dict[str, list[str]]:
    sentences = split_sentences(_article(f"{filler}\n\n{text}", language))
    config = _config(**extra)
    figures = {s.id: {f.sentence for f in find_figures(sentences, Counts.of(s, config))} for s in config.sections if s.figures}
    choices = select_excerpts(config, sentences, figures=figures)
    return {c.config.id: [e.text for e in c.excerpts] for c in choices}


@pytest.mark.parametrize(
    ("term", "word", "matches"),
    [
        ("Abkommen", "Verteidigungsabkommens", True),  # compound head
        ("Angriff", "Angriffskrieg", False),  # a compound is about its head, not its first part
        ("Soldat", "Soldaten", True),
        ("Nordkorea", "nordkoreanische", True),  # derivation
        ("Südkorea", "Südkoreas", True),
        ("entsenden", "entsandt", True),  # lemma
        ("schicken", "geschickt", True),
        ("send", "Hunderttausend", False),  # only nouns head compounds
        ("troop", "troops", True),
        ("Truppe", "troops", False),  # a German term does not match an English word through its stem
        ("warnen", "Warnungen", True),  # the noun German makes of a verb
        ("verlegen", "Truppenverlegung", True),  # ... also as the head of a compound
        ("liefern", "Lieferung", True),
        # a short head keeps the ending the stemmer cuts from the longer compound (streichung, stellenstreich)
        ("Streichung", "Stellenstreichungen", True),
        ("Rüstung", "Aufrüstung", True),
        ("Warnung", "Unwetterwarnungen", True),
        ("Unwetter", "Unwetterwarnungen", False),  # ... and a compound is still not what it opens with
    ],
)
def test_terms_match_inflections_compounds_and_derivations(term: str, word: str, matches: bool) -> None:
    index = ConceptIndex([[term]])
    language = "en" if word == "troops" else "de"
    assert (index.found(tokens(f"Die {word} heute", language)) == {0}) is matches


def _hedged_words(text: str) -> list[str]:
    toks = tokens(text, None)
    return [t.text for t, h in zip(toks, hedged(text), strict=True) if h]


def test_what_ifs_and_occasions_are_hedged_and_reports_are_not() -> None:
    assert _hedged_words("Nordkorea hat 3.000 Soldaten nach Kursk geschickt.") == []
    assert _hedged_words("Berichte, dass Soldaten an die Front geschickt werden könnten.") == \
        ["dass", "Soldaten", "an", "die", "Front", "geschickt", "werden", "könnten"]
    assert _hedged_words("Kim würde die Soldaten entsenden, weil er Geld braucht.") == \
        ["würde", "die", "Soldaten", "entsenden"]
    assert _hedged_words("Sollte es zu einer Entsendung kommen, wäre das neu.") == \
        ["Sollte", "es", "zu", "einer", "Entsendung", "kommen"]
    # the subject of a what-if is still what the sentence is about
    assert _hedged_words("Seoul could send weapons, in response to the deployment of troops.") == \
        ["could", "send", "weapons", "in", "response", "to", "the", "deployment", "of", "troops"]
    # reported speech (Konjunktiv I, "sollen") reports
    assert _hedged_words("Bis zu 3000 Soldaten sollen in Kursk sein, sagte er, und es könne mehr geben.") == []


def test_a_what_if_about_sending_goes_to_the_section_of_what_the_sentence_reports() -> None:
    text = ("Ein Sprecher sagte, dass nordkoreanische Soldaten an die Front geschickt werden könnten. "
            "Er bezeichnete sie als Kanonenfutter für die ersten Gefechte.")
    chosen = _sections(text)
    assert chosen["deployment"] == []
    assert chosen["combat"] == [text]


def test_a_reaction_to_a_deployment_goes_to_the_reaction() -> None:
    text = ("South Korea's president said his country could start sending weapons to Ukraine, in response "
            "to North Korea's deployment of thousands of troops.")
    chosen = _sections(text, "en")
    assert chosen["deployment"] == []
    assert chosen["south-korea"] == [text]


def test_a_sentence_that_names_a_section_only_in_a_what_if_is_not_evidence_for_it() -> None:
    text = "Sollte Nordkorea weitere 5.000 Soldaten nach Kursk schicken, wäre das eine neue Lage, sagen Beobachter."
    assert _sections(text)["deployment"] == []


def test_a_report_of_a_deployment_stays_there() -> None:
    text = "Nordkorea hat nach Angaben aus Kiew 3.000 Soldaten nach Kursk geschickt, darunter Offiziere."
    assert _sections(text)["deployment"] == [text]


def test_a_troop_figure_goes_to_the_section_that_shows_figures() -> None:
    # South Korea's spy agency is the source here, not the subject: the sentence reports troop strength
    text = ("Nordkorea verlegt Truppen.\n\nSüdkoreas Geheimdienst und Präsident Yoon gehen von gut 10.000 Soldaten "
            "aus, die per Schiff gebracht wurden.")
    chosen = _sections(text)
    assert any("10.000 Soldaten" in e for e in chosen["deployment"])
    assert not any("10.000 Soldaten" in e for e in chosen["south-korea"])


def test_a_sentence_is_quoted_once_unless_the_config_allows_more() -> None:
    text = "Nordkoreanische Soldaten wurden nach Kursk geschickt und erlitten dort im ersten Gefecht schwere Verluste."
    once = _sections(text)
    assert sum(text in excerpts for excerpts in once.values()) == 1
    shared = _sections(text, quote_once=False)
    assert text in shared["deployment"] and text in shared["combat"]


def test_a_sentence_that_points_back_brings_its_antecedent() -> None:
    first = "Nordkorea hat rund 10.000 Soldaten nach Russland geschickt."
    text = f"{first} Einige von ihnen sind bereits in Kursk eingetroffen und kämpfen dort."
    chosen = _sections(text)["deployment"]
    assert chosen == [text]  # never "Einige von ihnen …" alone


def test_the_topic_alone_does_not_make_a_sentence_fit_a_section() -> None:
    # "nordkoreanische Soldaten" names the brief's topic and one deployment concept: not enough
    text = "Nordkoreanische Soldaten nahmen nach ukrainischen Angaben an ersten Angriffen nahe Plechowo teil."
    # soldiers are rare in this folder, so the two words would weigh enough on their own
    filler = "\n\n".join(f"Meldung {i}: Nordkorea feierte am Tag {i} einen Feiertag in Pjöngjang." for i in range(12))
    assert _sections(text, filler=filler)["deployment"] == []


def test_a_section_without_evidence_stays_empty_rather_than_padded() -> None:
    text = "Nordkorea feierte am Wochenende einen Feiertag. Die Wetterlage in Pjöngjang bleibt ruhig."
    assert _sections(text) == {"deployment": [], "combat": [], "south-korea": []}


def test_readings_follow_the_order_of_the_sentences_given() -> None:
    from briefing.reading import read_sentences

    one = split_sentences(_article("Nordkorea schickte 3.000 Soldaten. Sie kamen nach Kursk."))
    other = split_sentences(Article(id="b", path="b.txt", text="Das Wetter bleibt mild. Seoul erwägt Waffen.",
                                    language="de"))
    mixed = [one[0], other[0], one[1], other[1]]  # not grouped by article
    concepts = [["Soldat"], ["Kursk"], ["Waffe"]]
    readings = read_sentences(mixed, concepts, workers=1)
    alone = [read_sentences([s], concepts, workers=1)[0][:4] for s in mixed]
    assert [r[:4] for r in readings] == alone
    assert readings[0][0] == 1 and readings[2][0] == 2 and readings[3][0] == 4  # Soldat, Kursk, Waffe


# ---- Rules for real pages: a sentence's subject may be known from before it or from its article ----

# A folder of the size of a real one, where a concept named once is rare enough to weigh what it says.
_LARGER_FILLER = "\n\n".join(f"Meldung {i}: Nordkorea stellte am Tag {i} seine Soldaten bei einer Parade in Pjöngjang vor."
                               for i in range(40))


def test_one_aspect_said_of_the_sections_subject_is_enough() -> None:
    # "Verlust" is the only combat term besides the required one: the sentence says it of the subject
    text = "Die Nordkoreaner sollen bei den Kämpfen schwere Verluste erlitten haben, heißt es."
    assert _sections(text)["combat"] == [text]


def test_a_subject_known_from_the_sentence_before_lends_it_to_an_opening_aspect() -> None:
    before = "Nordkorea hat nach Angaben aus Seoul bereits 1.500 Soldaten nach Russland entsandt."
    text = "Eine zweite Entsendung werde in Kürze erfolgen, hieß es weiter."
    assert any(text in e for e in _sections(f"{before} {text}", filler=_LARGER_FILLER)["deployment"])


def test_a_sentence_opening_with_another_actor_does_not_take_the_articles_subject() -> None:
    # the article is about South Korea (its headline), but this sentence is about Putin, not Seoul
    config = _config()
    text = ("Südkorea prüft Waffen für Kiew\n\nSüdkorea erwägt Waffenlieferungen an die Ukraine, sagte Präsident Yoon.\n\n"
            "Russlands Präsident Wladimir Putin hat die Frage nach Waffen aus Südkorea als Provokation bezeichnet.\n\n"
            "Nordkorea liefert Soldaten und Waffen an Russland, berichten Beobachter seit Wochen.")
    article = Article(id="a", path="a.txt", text=text, title="Südkorea prüft Waffen für Kiew", language="de")
    choices = select_excerpts(config, split_sentences(article))
    quoted = [e.text for c in choices if c.config.id == "south-korea" for e in c.excerpts]
    assert not any("Putin" in q for q in quoted)


def test_a_leaning_sentence_that_names_an_excluded_concept_is_cut_off_the_fact_before_it() -> None:
    config = _config()
    sections = [s.model_dump() for s in config.sections]
    sections[0]["exclude"] = [["Flüchtling"]]
    text = ("Nordkorea hat weitere 2.000 Soldaten an die Front in Kursk geschickt. "
            "Sie sollen dort auch Flüchtlinge bewachen.")
    sentences = split_sentences(_article(f"{_FILLER}\n\n{text}"))
    (deployment, *_) = select_excerpts(config.model_copy(update={"sections": [type(config.sections[0])(**sections[0]),
                                                                            *config.sections[1:]]}), sentences)
    assert [e.text for e in deployment.excerpts] == ["Nordkorea hat weitere 2.000 Soldaten an die Front in Kursk geschickt."]


@pytest.mark.parametrize(
    ("text", "hedged_words"),
    [
        # reported speech: "hieß es, … würden" reports what was said
        ("Am Freitag hieß es, 1.500 Soldaten würden in Russland ausgebildet.", []),
        # a what-if whose speaker is named only afterwards stays a what-if
        ("Kim würde die Soldaten auch deshalb entsenden, weil er Geld braucht, erklärt ein Experte.",
         ["würde", "die", "Soldaten", "auch", "deshalb", "entsenden"]),
        # the occasion of a reaction is not what it reports
        ("Seoul bestellte wegen der Truppenentsendung den Botschafter ein.", ["wegen", "der", "Truppenentsendung", "den",
                                                                             "Botschafter", "ein"]),
        # what the reporter appends after the speech tag is the background; "adding that" is more of the statement
        ("Workers went on strike on Monday, the union said, escalating a dispute over plans to close plants.",
         ["escalating", "a", "dispute", "over", "plans", "to", "close", "plants"]),
        ("The plant will close, the company said, adding that 500 jobs would go.", []),
        ("Missiles struck the city, killing 12 people, officials said.", []),
    ],
)
def test_reported_speech_and_occasions(text: str, hedged_words: list[str]) -> None:
    flags = hedged(text)
    assert [t.text for t, h in zip(tokens(text, "de"), flags, strict=True) if h] == hedged_words


@pytest.mark.parametrize(
    ("text", "language", "named"),
    [("The EU has imposed tariffs of up to 35.3% on cars.", "en", {0, 1}),
     ("Die Zölle betragen 35,3 % je Auto.", "de", {0, 1}),
     ("The strike cost $100m a day.", "en", {3}),
     ("Der Schaden liegt bei 100 € am Tag.", "de", {2}),
     ("Ein Zoll; das % steht allein.", "de", {0})],  # a sign beside no number names nothing
)
def test_a_sign_beside_a_number_names_its_word(text: str, language: str, named: set[int]) -> None:
    from briefing.terms import ids

    index = ConceptIndex([["Zoll", "tariff"], ["Prozent", "percent"], ["Euro"], ["Dollar"]])
    assert ids(index.read(text, language).named) == named


@pytest.mark.parametrize(
    ("term", "text"),
    [("eindringen", "Trotz Verbots drangen Menschen in den Präsidentenpalast ein."),
     ("aufrufen", "Sie riefen Millionen Flüchtlinge zur Rückkehr auf."),
     ("ankündigen", "Die Miliz (HTS) kündigte einen friedlichen Übergang an.")],
)
def test_separable_verbs_match_their_infinitive(term: str, text: str) -> None:
    assert ConceptIndex([[term]]).read(text, "de").named == 1


def test_a_tail_that_names_the_brief_is_quoted_and_another_story_is_not(tmp_path: Any) -> None:
    from briefing.pipeline import build_brief

    (tmp_path / "a.txt").write_text(
        "Nordkorea schickt Soldaten\n\n"
        "Nordkorea hat nach Angaben aus Kiew weitere 3.000 Soldaten in die Region Kursk geschickt. "
        "Die Soldaten sollen die russische Front verstärken, heißt es aus Kiew.\n\n"
        "Beobachter erwarten, dass Pjöngjang im Gegenzug Geld und Technik erhält.\n\n"
        "Was die Entsendung für Seoul bedeutet\n\n"
        "Südkorea erwägt nun Waffenlieferungen an die Ukraine, sagte Präsident Yoon am Montag.\n\n"
        "Bundesliga: Bayern gewinnt Spitzenspiel\n\n"
        "Im Spitzenspiel der Fußball-Bundesliga hat der FC Bayern München gegen Leverkusen mit zwei zu eins gewonnen.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(_LARGER_FILLER, encoding="utf-8")
    brief = build_brief(_config(), tmp_path).brief
    quoted = " ".join(e.text for s in brief.sections for e in s.excerpts)
    assert "Südkorea erwägt nun Waffenlieferungen" in quoted  # after a subheading, but about the brief
    assert "Bundesliga" not in quoted


def test_a_tails_subheading_says_what_it_is_about(tmp_path: Any) -> None:
    """A live blog's last entry: its sentence names none of the brief's concepts, its subheading two."""
    from briefing.pipeline import build_brief

    lead = ("Nordkorea schickt Soldaten\n\n"
            "Nordkorea hat nach Angaben aus Kiew weitere 3.000 Soldaten in die Region Kursk geschickt. "
            "Die Soldaten sollen die russische Front verstärken, heißt es aus Kiew.\n\n"
            "Beobachter erwarten, dass Pjöngjang im Gegenzug Geld und Technik erhält.\n\n")
    entry = "Am Abend zogen lange Kolonnen durch das Grenzgebiet im Norden des Landes."
    unrelated = {}
    for heading in ("Neue Transporte mit Soldaten Richtung Front", "Bundesliga: Bayern gewinnt"):
        (tmp_path / "a.txt").write_text(f"{lead}{heading}\n\n{entry}\n", encoding="utf-8")
        (tmp_path / "b.txt").write_text(_LARGER_FILLER, encoding="utf-8")
        build = build_brief(_config(), tmp_path)
        article = next(a for a in build.articles if a.id == "a")
        unrelated[heading] = ("a", article.text.index(entry)) in build.unrelated
    assert unrelated == {"Neue Transporte mit Soldaten Richtung Front": False, "Bundesliga: Bayern gewinnt": True}


@pytest.mark.parametrize(
    ("term", "text", "matches"),
    [("Ostrussland", "Videos zeigen Soldaten im fernen Osten Russlands.", True),
     ("Truppenentsendung", "Die Entsendung von Truppen geht weiter.", True),
     ("Waffenlieferung", "Seoul erwägt die Lieferung von Waffen.", True),
     ("Ostrussland", "Der Osten des Landes ist ruhig.", False),  # both parts must stand there
     ("Abkommen", "Er kam ab Kommen.", False)],
)
def test_a_german_compound_term_matches_its_parts_said_in_words(term: str, text: str, matches: bool) -> None:
    assert bool(ConceptIndex([[term]]).read(text, "de").named) is matches


def test_the_audience_of_a_statement_is_not_what_it_is_about() -> None:
    text = ("Der ukrainische Verteidigungsminister sprach in einem Interview mit dem südkoreanischen Fernsehsender KBS "
            "von ersten Gefechten mit Nordkoreanern.")
    sections = _sections(text, filler=_LARGER_FILLER)
    assert sections["south-korea"] == []
    assert sections["combat"] == [text]


@pytest.mark.parametrize(
    ("text", "before", "leans"),
    [
        # a pronominal adverb in the first clause points back; one that announces a clause does not
        ("Die Angriffe auf die Region wären dafür jetzt ein passender Vorwand.", "Beide schlossen einen Pakt.", True),
        ("Die Regierung setzt sich dafür ein, dass die Hilfe ankommt.", "Die Lage ist ernst.", False),
        # what was just reported, named as such
        ("Weder das Pentagon noch die NATO bestätigen diese Meldung.", "Kiew meldet 3.000 Soldaten.", True),
        ("The Pentagon has not confirmed these reports so far.", "Kyiv reported 3,000 troops.", True),
        ("Nordkorea hat diese Woche Raketen getestet.", "Die Lage ist ernst.", False),
        # German reported speech goes on in the subjunctive after a sentence that names its speaker ...
        ("Pjöngjang zweifle nicht daran, dass Russland siege.", "Choe erklärte, beide Länder seien Partner.", True),
        ("Es sei schwer abzusehen, wie es weitergehe.", "Die Lage sei unklar, sagte ein Sprecher.", True),
        # ... but only right after the sentence that says who speaks: further on it may be the writer's own report
        ("Südkorea kritisiere die Kooperation scharf.", "Dies stelle eine Bedrohung dar.", False),
        # a subjunctive that names its own speaker stands alone; an indicative is no continuation
        ("Die Lage sei unklar, sagte ein Sprecher.", "Das Amt erklärte, es prüfe alles.", False),
        ("Der Diplomat habe geantwortet, er werde es weitergeben.", "Der Minister sagte, es sei ernst.", False),
        ("Die eigene Armee kämpft weiter.", "Der Minister sagte, alles sei ruhig.", False),
        ("Ich glaube das nicht.", "Er sagte, es sei so.", False),
        # a speech tag that says the statement goes on
        ("Eine zweite Entsendung werde in Kürze erfolgen, hieß es weiter.", "Am Freitag hieß es, 1.500 würden ausgebildet.", True),
        ("The deal also covers pensions, the union added.", "The plant will close, the company said.", True),
        ("The deal also covers pensions, the union added.", "The plant will close next year.", False),
        ("The ministry also said it would appeal.", "The plant will close, the company said.", True),
        # ... not when it names a speaker of its own whom the sentence before does not name
        ("Boeing also said it expects a charge of $5 billion.", "The cuts will include managers, he said.", False),
        ("Blinken also said the troops were trained.", "Blinken said the troops had arrived.", True),
        # ... but not a pure connective, a relative clause or "weiter" that is no speech tag's
        ("Darüber hinaus wurden 500 Offiziere entsandt.", "Der Minister sagte, alles sei ruhig.", False),
        ("The company, which added 500 jobs last year, grew.", "The plant will close, the company said.", False),
        ("Die Zahl ist so hoch wie nie und steigt weiter.", "Der Minister sagte, alles sei ruhig.", False),
        # a speaker named only by what it is, with a definite article, is one the sentence before names ...
        ("Die Lage sei unklar, sagte ein Sprecher der Behörde dem „Spiegel“.", "Das Amt stoppt alle Verfahren.", True),
        ("„Alle müssen Schutz genießen“, betonte der Kanzler.", "Olaf Scholz begrüßte den Sturz.", True),
        ("The talks will resume in May, the ministry said.", "Germany's foreign ministry summoned the envoy.", True),
        # ... not one named there and then
        ("Die Lage sei unklar, sagte der Sprecher Hans Weber.", "Das Amt stoppt alle Verfahren.", False),
        ("The talks will resume in May, the Defense Ministry said.", "Troops left the town on Monday.", False),
        # a person named in full, then by one name, goes on speaking
        ("Kim wies darauf hin, dass die Kooperation zu einer Entsendung führte.",
         "Der Vizeminister Kim Hong-kyun erläuterte die Position.", True),
        ("Blinken said the troops were trained in artillery.", "Secretary of State Antony Blinken met his counterparts.", True),
        ("Kim wies darauf hin, dass die Kooperation zu einer Entsendung führte.", "Der Botschafter traf den Minister.", False),
        ("Russland werde siegen, sagte Choe am Freitag nach Gesprächen.", "Außenministerin Choe Son Hui sprach in Moskau.", True),
        ("Lawrow lobte die engen Bindungen beider Länder.", "Choe traf ihren Amtskollegen Sergej Lawrow.", True),
        ("Russland werde siegen, sagte Choe Son Hui am Freitag.", "Außenministerin Choe Son Hui sprach in Moskau.", False),
    ],
)
def test_a_sentence_that_points_back_or_goes_on_with_reported_speech_leans_on_the_one_before(
        text: str, before: str, leans: bool) -> None:
    from briefing.leaning import leans_back

    language = "en" if text.startswith("The ") else "de"
    assert bool(leans_back(text, before, language)) is leans


def test_the_speaker_of_a_closing_speech_tag_is_what_the_sentence_is_about_but_not_a_medium_that_reports_it() -> None:
    index = ConceptIndex([["Assad"], ["Scholz", "Berlin"], ["Nachrichtenagentur"], ["Flucht"]])
    said = index.read("Assad habe viele unterdrückt, Tausende trieb er zur Flucht, erklärte Scholz in Berlin.", "de")
    assert said.lead == 0b0011  # Assad, and the speaker; not the flight of others in the middle
    reported = index.read("Die Halle wurde in Brand gesetzt, berichtet die Nachrichtenagentur AFP.", "de")
    assert reported.named == 0b0100 and reported.lead == 0


def test_a_sentence_opening_with_its_speaker_alone_is_about_what_the_reported_clause_opens_with() -> None:
    index = ConceptIndex([["trained", "Ausbildung"], ["Yoon"], ["support"], ["Nachrichtenagentur"]])
    long_speaker = ("Defence Secretary John Healey, speaking alongside his counterparts from three other countries, "
                    "said the soldiers have been trained in artillery and drones.")
    assert index.read(long_speaker, "en").lead == 0b0001
    # the opening names the speaker, a concept: it stays what the sentence is about
    named = index.read("Mr Yoon, speaking to reporters on Monday in Seoul, said the country would adjust its support.", "en")
    assert named.lead == 0b0010
    # (a verb that closes the sentence introduces nothing: see the test of closing speech tags)


def test_two_sources_giving_one_exact_statistic_are_one_fact_and_a_year_is_no_figure_that_disagrees() -> None:
    from briefing.corroboration import deduplicate, gist_of, rarity_of, where
    from briefing.models import Excerpt

    a = ("Ende Oktober lebten laut dem Bundesinnenministerium 974.136 Menschen mit syrischer Herkunft in Deutschland, "
         "davon 5.090 anerkannte Asylbewerber.")
    b = "Knapp eine Million Syrer leben in der Bundesrepublik, Ende Oktober 2024 waren es laut Innenministerium 974.136 Menschen."
    # other candidates about Syrians in Germany: what the two share is rare among them
    others = [f"Am Tag {i} kamen {i + 1}00 Syrer in Deutschland an, berichtete eine Helferin im Lager." for i in range(12)]
    excerpts = [Excerpt(source=f"s{i}", start=0, end=len(t), text=t, score=10.0 - i, matched=[])
                for i, t in enumerate([a, b, *others])]
    gist = {where(e): gist_of(e, {e.source: "de" for e in excerpts}) for e in excerpts}
    kept = deduplicate(excerpts, gist, rarity_of([content for content, _ in gist.values()]), 20)
    assert kept[0].text == a and [c.text for c in kept[0].corroborated_by] == [b]
    assert len(kept) == 13


def test_a_word_said_of_an_actor_no_concept_names_is_not_what_the_sentence_is_about() -> None:
    # (bit 0: the section's word; bit 1: the brief's own actor)
    index = ConceptIndex([["intelligence", "Truppe", "forces"], ["South Korea", "South Korean", "südkoreanisch"]])
    assert index.read("South Korean intelligence said on Monday that units had moved.", "en").lead == 0b11
    assert index.read("Ukrainian military intelligence said on Monday that units had moved.", "en").lead == 0
    assert index.read("Footage published by Ukraine's special forces on Monday shows it.", "en").lead == 0
    assert index.read("Der Vormarsch ukrainischer Truppen in die Region überraschte alle.", "de").lead == 0
    assert index.read("Der Vormarsch der Truppen in die Region überraschte alle.", "de").lead == 0b01
    # a nationality of a country the concepts name is the brief's own: "deutsche" when a term says "Deutschland"
    own = ConceptIndex([["Außenministerin"], ["Deutschland"]])
    assert own.read("Die deutsche Außenministerin sprach von einem Aufatmen.", "de").lead == 0b01
    assert ConceptIndex([["Außenministerin"]]).read("Die deutsche Außenministerin sprach von einem Aufatmen.", "de").lead == 0
    # still named and asserted: only what the sentence is about changes
    assert index.read("Ukrainian military intelligence said on Monday that units had moved.", "en").asserted == 0b01


def test_a_question_reports_nothing_but_the_answer_after_it_does() -> None:
    asked = "Wie viele nordkoreanische Soldaten hat Nordkorea nach Kursk geschickt? Und wann kommen weitere an die Front?"
    told = "Nordkorea hat nach Angaben aus Seoul 3.000 Soldaten nach Kursk geschickt."
    quoted = _sections(f"{asked}\n\n{told}")["deployment"]
    assert any(told in q for q in quoted)
    assert not any("Wie viele" in q or "wann kommen" in q for q in quoted)
    # the same words, stated, are quoted
    assert any("Kursk geschickt, und weitere" in q for q in _sections(
        "Nordkorea hat viele Soldaten nach Kursk geschickt, und weitere kommen an die Front.")["deployment"])


def test_german_reported_speech_goes_on_from_sentence_to_sentence_in_the_subjunctive() -> None:
    from briefing.leaning import CONTINUES, POINTS_BACK, leanings

    texts = ["Der Minister Hans Weber erklärte, die Lage sei ernst.", "Dies stelle eine Bedrohung für alle dar.",
             "Das Land werde mit allen Mitteln dagegen vorgehen.", "Der Diplomat habe geantwortet, er gebe es weiter.",
             "Die Truppen zogen am Montag ab."]
    # each goes on with the minister's words, until one names a speaker of its own or is the writer's indicative
    assert leanings(texts, "de") == [0, POINTS_BACK, CONTINUES, 0, 0]
    assert leanings(["Die Truppen zogen ab.", "Das Land werde mit allen Mitteln dagegen vorgehen."], "de") == [0, 0]


def test_a_subheading_says_what_the_paragraphs_under_it_are_about() -> None:
    from briefing.furniture import find_furniture

    def deployment(text: str) -> list[str]:
        article = Article(id="a", path="a.txt", text=text, title="Lage an der Front", language="de",
                          furniture=tuple(find_furniture(text)))
        choices = select_excerpts(_config(), split_sentences(article))
        return [e.text for c in choices if c.config.id == "deployment" for e in c.excerpts]

    body = ("Lage an der Front\n\nDie Ukraine meldet neue Angriffe im Osten des Landes. Kiew bittet seine Partner um mehr "
            "Flugabwehr. Die Stromversorgung ist in mehreren Städten unterbrochen. Der Winter stellt die Armee vor große "
            "Probleme. In Charkiw fielen am Abend erneut Raketen. Die Behörden rieten den Menschen, Schutzräume aufzusuchen.\n\n")
    fact = "Weitere 2.000 Soldaten sollen in Kürze nach Kursk geschickt werden, heißt es in Seoul."
    assert deployment(f"{body}Nordkorea verstärkt seine Truppen in Russland\n\n{fact}") == [fact]
    assert deployment(f"{body}Neue Soldaten für Russland\n\n{fact}") == []  # whose soldiers, nothing says


def test_a_unit_that_fits_two_sections_goes_to_the_one_whose_subject_it_opens_with() -> None:
    # the union's section scores a little more (three of its concepts against two), but the sentence is
    # what Volkswagen's managers said: it opens with the company, and names the union only further on
    sections = [{"id": "union", "title": "u", "terms": ["union | IG Metall", "strike | walkout", "pay | wage"],
                 "require": ["union | IG Metall"]},
                {"id": "company", "title": "c", "terms": ["Volkswagen | VW", "plant | factory", "pay | wage"],
                 "require": ["Volkswagen | VW"]}]
    config = Config.model_validate({"title": "t", "author": "a", "sections": sections})
    filler = "\n\n".join(f"Note {i}: the weather in Lower Saxony was mild on day {i}, and traffic was calm."
                         for i in range(10))
    text = "Volkswagen managers had warned for weeks and weeks that a strike by the union would close a factory."
    article = _article(f"{filler}\n\nThe union called a strike over pay at the plant.\n\n"
                       f"Volkswagen said the plant would stay open.\n\n{text}", "en")
    quoted = {c.config.id: [e.text for e in c.excerpts] for c in select_excerpts(config, split_sentences(article))}
    assert any(text in q for q in quoted["company"]) and not any(text in q for q in quoted["union"])


def test_a_unit_whose_subject_is_only_carried_yields_to_the_section_whose_subject_it_opens_with() -> None:
    # the strikes section takes the union from the headline and scores a little more (union, deal); but the
    # sentence opens with the company, the subject of the section on its reasons (the topic: no require)
    from briefing.furniture import find_furniture

    sections = [{"id": "strikes", "title": "s", "terms": ["union | works council", "agreement | deal", "worker | staff"],
                 "require": ["union | works council"]},
                {"id": "reasons", "title": "r", "terms": ["save | saving", "cost | costs", "demand | sales"]}]
    config = Config.model_validate({"title": "t", "author": "a", "topic": ["Hartmann"], "sections": sections})
    # (a few other deals in the folder make 'agreement' common enough for the two to score within a tenth)
    filler = "\n\n".join(f"Note {i}: a deal on farm prices in Saxony was signed on day {i}, traffic was calm." if i < 3
                         else f"Note {i}: the weather in Saxony was mild on day {i}, and traffic was calm." for i in range(70))
    text = "Hartmann expects the agreement to save about 900 million euros a year from 2027."
    body = (f"{filler}\n\nHartmann blamed weak demand and high costs for the cuts.\n\nWorkers will forgo a pay rise "
            f"under the deal, the union said.\nPhoto: Hartmann's Zwickau plant. Credit: Hartmann Automotive\n{text}")
    article = Article(id="a", path="a.txt", text=body, language="en", title="Hartmann and union agree on job cuts",
                      furniture=tuple(find_furniture(body)))
    quoted = {c.config.id: [e.text for e in c.excerpts] for c in select_excerpts(config, split_sentences(article))}
    assert quoted["reasons"] and any(text in q for q in quoted["reasons"])
    assert not any(text in q for q in quoted["strikes"])


def test_in_a_small_folder_a_common_concept_still_weighs() -> None:
    """Two articles about one rail strike: every concept of the brief is in several of their few units,
    so that by its share alone each would weigh little and the deal that ended the strike score too low."""
    import math
    from collections import Counter

    from briefing.pipeline import build_brief
    from briefing.scoring import CALIBRATED_UNITS, Ids, idf

    def weight(units: int, naming: int) -> float:  # of a concept named by `naming` of `units` units
        return idf(Counter({1: naming, 0: units - naming}), ["a"], Ids())[0]

    assert weight(12, 4) > weight(24, 8) > weight(CALIBRATED_UNITS, 20)  # the same share, fewer units
    assert weight(12, 10) == weight(120, 100)  # ... but a concept in most units is common in any folder
    assert weight(CALIBRATED_UNITS, 6) == math.log((CALIBRATED_UNITS + 1) / 7)  # from 60 units: by share alone
    config = Config.model_validate({"title": "t", "author": "a", "topic": ["GDL | Deutsche Bahn | Bahn | train drivers"],
                                    "sections": [{"id": "strikes", "title": "s", "terms": [
                                        "Streik | Wellenstreik | strike", "Personenverkehr | Fahrgast | travel | train",
                                        "Stunde | hour | Donnerstag"]}]})
    quoted = " ".join(e.text for s in build_brief(config, ROOT / "tests" / "small_folder").brief.sections
                      for e in s.excerpts)
    assert "has reached an agreement with Deutsche Bahn, ending months of strikes" in quoted
    assert "Die Lokführergewerkschaft GDL hat erneut zum Streik bei der Deutschen Bahn aufgerufen" in quoted


def test_what_follows_a_sentence_on_the_topic_clears_the_bar_as_if_it_named_it() -> None:
    """"The delegation aims to share intelligence with Ukrainian officials" after a sentence on the North
    Korean troops is about them too: it passes the threshold that a unit naming the topic passes (the
    score it would have with the topic's bonus), but it ranks by its own score, below one that names it."""
    from briefing.concepts import Concepts
    from briefing.scoring import MIN_SCORE, TOPIC_BONUS, Found, Reason, fit

    concepts = Concepts.of(_config())
    seoul = concepts.rules[2]
    president, south_korea = seoul.terms[2], seoul.require[0]
    topic = min(concepts.topic)
    weight = [1.0] * len(concepts.labels)
    weight[south_korea] = 2.0  # in the section's opening words (1.5) and carried at half weight (1.0)

    def unit(named: set[int], before: set[int]) -> Found:
        return Found(frozenset(named), frozenset(named), frozenset(named), frozenset(named), frozenset(before),
                     False, nearby=frozenset(before))

    after_topic = fit(unit({president}, {south_korea, topic}), seoul, weight, concepts)
    elsewhere = fit(unit({president}, {south_korea}), seoul, weight, concepts)
    naming_it = fit(unit({president, topic}, {south_korea}), seoul, weight, concepts)
    assert after_topic.score == elsewhere.score == 2.5 and MIN_SCORE / TOPIC_BONUS < 2.5 < MIN_SCORE
    assert after_topic.why is None
    assert elsewhere.why is not None and elsewhere.why.reason is Reason.WEAK and "below 3)" in str(elsewhere.why)
    assert naming_it.why is None and naming_it.score == 2.5 * TOPIC_BONUS


@pytest.mark.parametrize("order", [[0, 1, 2], [2, 0, 1], [1, 2, 0]])
def test_units_that_follow_each_other_become_one_excerpt_in_any_order_given(order: list[int]) -> None:
    from briefing.corroboration import merge_neighbours
    from briefing.models import Reading, Readings
    from briefing.units import group

    first = split_sentences(_article("Seoul schickt Waffen. Kiew dankt dafür. Das Wetter bleibt mild."))
    other = split_sentences(Article(id="b", path="b.txt", text="Pjöngjang schweigt.", language="de"))
    sentences = first + other
    grouping = group(sentences, Readings.of([Reading(0, 0, 0, 0, 3, 0)] * len(sentences)), 0)  # one unit per sentence
    chosen = [(0, 2.0, ["Waffen"]), (1, 1.0, []), (3, 1.5, [])]
    excerpts = merge_neighbours([chosen[i] for i in order], 5, grouping, sentences)
    assert [(e.source, e.text) for e in excerpts] == [("a", "Seoul schickt Waffen. Kiew dankt dafür."),
                                                      ("b", "Pjöngjang schweigt.")]
