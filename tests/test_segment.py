"""segment: German and English news sentences, as offsets into the original text."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.models import Article
from briefing.segment import paragraphs, split_sentences


def _sentences(text: str, language: str = "de") -> list[str]:
    article = Article(id="a", path="a.txt", text=text, language=language)
    found = split_sentences(article)
    assert all(text[s.start : s.end] == s.text for s in found)
    return [s.text for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laut Dr. Müller kamen ca. 10.000 Soldaten an. Das ist viel.", 2),
        ("Sie trafen u.a. Kim Jong Un (M.) bei einer Übung. Danach reisten sie ab.", 2),
        ("Am 5. November kamen die ersten Soldaten an. Weitere folgten.", 2),
        ("Rund 10'000 Soldaten sind dort. Das meldet die NZZ.", 2),
        ("1,4 Millionen junge Menschen meldeten sich. Das berichtete KCNA.", 2),
        ("About 11,000 troops arrived in Kursk. U.S. officials confirmed it on Monday.", 2),
        ("Mr. Kim left at 5 p.m. on Monday. Nobody followed him.", 2),
    ],
)
def test_abbreviations_dates_and_numbers_do_not_end_sentences(text: str, expected: int) -> None:
    language = "en" if text.startswith(("About", "Mr.")) else "de"
    assert len(_sentences(text, language)) == expected


@pytest.mark.parametrize(
    "quote",
    [
        "Er sagte: „Wir sind da. Und wir bleiben.“ Dann ging er.",
        "Er sagte: »Wir sind da. Und wir bleiben.« Dann ging er.",
        "Er sagte: «Wir sind da. Und wir bleiben.» Dann ging er.",
        'Er sagte: "Wir sind da. Und wir bleiben." Dann ging er.',
        "He said: “We are here. And we stay.” Then he left.",
    ],
)
def test_a_quotation_over_several_sentences_stays_whole(quote: str) -> None:
    found = _sentences(quote, "en" if quote.startswith("He") else "de")
    assert len(found) == 2
    assert found[1] in ("Dann ging er.", "Then he left.")


def test_single_quotes_inside_a_sentence() -> None:
    assert len(_sentences("Er nannte es 'Kanonenfutter'. Das sorgte für Streit.")) == 2


def test_headlines_without_punctuation_are_paragraphs_of_their_own() -> None:
    text = "Nordkorea schickt Soldaten\nDie Soldaten sind in Kursk angekommen. Sie sollen kämpfen.\nNeue Lage in Kursk\nWeitere Truppen folgen."
    assert len(list(paragraphs(text))) == 4
    found = _sentences(text)
    assert found[0] == "Nordkorea schickt Soldaten"
    assert found[1] == "Die Soldaten sind in Kursk angekommen."


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = ("Wie viele nordkoreanische Soldaten inzwischen auf russischer Seite\n"
            "stehen, lässt sich nur schätzen. Der ukrainische Präsident Wolodymyr\n"
            "Selenskyj sprach von 11.000 Mann.\n\nNeuer Absatz.")
    found = _sentences(text)
    assert len(found) == 3
    assert found[1].startswith("Der ukrainische Präsident Wolodymyr\nSelenskyj")


def test_a_page_header_of_headline_standfirst_and_caption_is_not_wrapped_prose() -> None:
    # a page's top as archived: headline, standfirst, photo caption, date; no blank lines between them
    text = ("Port strike to end as dockworkers accept a new three-year contract\n"
            "The union says the deal raises wages and limits automation at the nation's largest ports.\n"
            "Dockworkers picket outside a terminal in the harbour on Monday. / Photo: Reuters / Reuters\n"
            "March 4, 2025\n\nThe strike ended after nine days.")
    lines = [text[s:e] for s, e in paragraphs(text)]
    assert lines[1] == "The union says the deal raises wages and limits automation at the nation's largest ports."
    assert len(lines) == 5


def test_offsets_survive_windows_line_ends() -> None:
    text = "Erster Satz hier.\r\nZweiter Satz dort.\r\n"
    assert _sentences(text) == ["Erster Satz hier.", "Zweiter Satz dort."]


# Pieces of news prose, including the ones that trip sentence splitters.
_PIECES = ["Soldaten", "kamen", "an", "Kursk", "am", "5.", "November", "3.000", "Dr.", "z.B.", "U.S.", "Mr.", "usw.",
           "ca.", "Nr.", "(M.)", "„Wir", "kommen.“", "kommen!“", "»Ja«", "\"Nein\"", "sagte", "er.", "Er", "Das", "ist",
           "gut.", "gut!", "gut?", "gut…", "gut...", "dann", "2023.", "(dpa)", "–", ":-)", "@kim", "#Ukraine",
           "www.tagesschau.de", "Ende.Das", "'So'", "’s", "É", "étage.", "Ärger.", "12", "Uhr.", "troops.", "The", "said.",
           "D:", "XD", "Hauptstr.", "Ukraine-Krieg.", "(Foto)", "Jan.", "Kim-Jong-un.", "A.", "UN.", "OK.",
           "\"Schwäche\".", "bedroht».", "«Provokation».", "»Diese", "„Wir“.", "‹so›.", "it’s.", "ist\".",
           "18.", "Mai", "März", "Oktober.", "1.", "2024.", "12.5.", "U.S.", "e.g.", "U.S.A.", "Ph.D.", "a.",
           "U.S.-Army", "(U.S.)", "\"U.S.\"", "ab.«", "so.‘", "»Ja.«", "„Nein.“", "ja.“,", "›Gut.‹", "Ende.“)",
           "Dec.", "19", "Rep.", "(Nov.", "»Dr.", "Dr.“", "etc.", "vgl.", "No.", "Mio."]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30), st.sampled_from(["de", "en"]))
def test_sentences_are_the_ones_somajo_finds(words: list[str], language: str) -> None:
    """Plain sentence ends are cut without SoMaJo, for speed; the sentences must be the same."""
    from briefing.segment import sentence_spans, somajo_sentences

    chunk = " ".join(words)
    assert sentence_spans(chunk, language) == somajo_sentences(chunk, language)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES[:40], "🙂", "❤️", "👍🏽", "©", "™", "‼", "Sieg!🎉", "↔", "☺"]), min_size=1, max_size=25),
       st.sampled_from(["de", "en"]))
def test_somajo_finds_the_same_tokens_when_the_emoji_search_is_skipped_for_text_without_emoji(
        words: list[str], language: str) -> None:
    """segment skips SoMaJo's search for emoji in tokens that have no character that could be one."""
    from briefing.segment import _splitter

    chunk = " ".join(words)
    model = "en_PTB" if language == "en" else "de_CMC"
    untouched = _untouched_somajo(model)
    assert [[t.text for t in s] for s in _splitter(language).tokenize_text([chunk])] == \
        [[t.text for t in s] for s in untouched.tokenize_text([chunk])]


_UNTOUCHED: dict[str, object] = {}


def _untouched_somajo(model: str) -> Any:
    from somajo import SoMaJo

    if model not in _UNTOUCHED:
        _UNTOUCHED[model] = SoMaJo(model, split_camel_case=False, character_offsets=True)
    return _UNTOUCHED[model]


def test_only_doubtful_stretches_go_to_somajo(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing import segment

    given_to_somajo: list[str] = []
    real = segment.somajo_sentences
    monkeypatch.setattr(segment, "somajo_sentences", lambda piece, lang: given_to_somajo.append(piece) or real(piece, lang))
    text = "Es waren 3.000 Soldaten. Sie kamen am 5. November an. Dann gingen sie heim. Das war alles."
    spans = segment.sentence_spans(text, "de")
    assert [text[s:e] for s, e in spans] == ["Es waren 3.000 Soldaten.", "Sie kamen am 5. November an.",
                                             "Dann gingen sie heim.", "Das war alles."]
    assert given_to_somajo == []  # "am 5. November" is a German date SoMaJo never cuts
    segment.sentence_spans("They arrived on 5. November. Then they left.", "en")
    assert given_to_somajo == ["They arrived on 5. November."]  # the English model does cut there
    given_to_somajo.clear()
    assert segment.sentence_spans("They live in the U.S. The army came. Then.", "en") == [(0, 36), (37, 42)]
    assert given_to_somajo == []  # SoMaJo never ends a sentence at "U.S." either
    # nor after an abbreviation it reads as one token, whatever follows (each model its own)
    assert segment.sentence_spans("It was signed on Oct. 24 in Moscow. Rep. Lee said so.", "en") == [(0, 35), (36, 53)]
    assert segment.sentence_spans("Es kamen ca. 3000 Soldaten. Dr. Kim sah sie.", "de") == [(0, 27), (28, 44)]
    assert given_to_somajo == []
    # "Oct." is not one of the German model's: SoMaJo decides (and ends a sentence there)
    assert segment.sentence_spans("Sie kamen im Oct. 2000 Soldaten folgten.", "de") == [(0, 17), (18, 40)]
    assert given_to_somajo == ["Sie kamen im Oct. 2000 Soldaten folgten."]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Kiew: Die ersten nordkoreanischen Truppen sind in Kursk. Das meldet Kiew.", "Die ersten nordkoreanischen Truppen"),
        ("Kiew/Moskau – Einige Wochen lang sorgte der Vormarsch für Aufsehen.", "Einige Wochen lang"),
        ("Nürnberg - Nach dem Sturz will das Bundesamt keine Anträge bearbeiten.", "Nach dem Sturz"),
        ("Seoul (dpa) - Südkorea hat den Botschafter einbestellt.", "Südkorea hat"),
        ("MOSCOW, Nov 5 (Reuters) - Russia said on Tuesday it would respond.", "Russia said"),
        ("Die Armee teilte mit: Assads Zeit sei vorbei.", "Die Armee teilte mit"),  # a colon inside the sentence
    ],
)
def test_a_dateline_is_not_part_of_the_first_sentence(text: str, first: str) -> None:
    assert _sentences(text, "en" if "Reuters" in text else "de")[0].startswith(first)


def test_an_inline_teaser_is_cut_out_of_its_paragraph() -> None:
    text = ("Die Rebellen nahmen die Stadt ein. Hintergrund: Wer ist der Rebellenchef? "
            "Ohne Zweifel zählte er lange zum harten Kern.\n")
    from briefing.furniture import find_furniture

    article = Article(id="a", path="a.txt", text=text, language="de", furniture=tuple(find_furniture(text)))
    found = [s.text for s in split_sentences(article)]
    assert found == ["Die Rebellen nahmen die Stadt ein.", "Ohne Zweifel zählte er lange zum harten Kern."]
