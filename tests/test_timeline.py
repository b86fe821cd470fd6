"""Time in the brief: implausible dates, the period, the newest first, what is new since the last
edition, and one report in several files."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml

from briefing.cli import main
from briefing.models import Excerpt
from briefing.timeline import key_point

from .conftest import ROOT

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _config(tmp_path: Path, articles: Path, **change: object) -> Path:
    config = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    config["articles"] = str(articles)
    for key, value in change.items():
        config[key] = value
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def _build(config: Path, tmp_path: Path, name: str, *extra: str) -> dict:
    out, data = tmp_path / f"{name}.pdf", tmp_path / f"{name}.json"
    assert main(["build", "-q", "--no-cache", "--config", str(config), "--out", str(out), "--json", str(data), *extra]) == 0
    return json.loads(data.read_text(encoding="utf-8"))


def _folder(tmp_path: Path, name: str, files: list[Path]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


def test_since_marks_exactly_the_excerpts_of_the_article_added_since(tmp_path: Path) -> None:
    added = SEEDS[3]  # watson, 16 October
    before = _folder(tmp_path, "before", [f for f in SEEDS if f != added])
    now = _folder(tmp_path, "now", SEEDS)
    previous = _build(_config(tmp_path, before), tmp_path, "previous")
    assert all(e["new"] is False for s in previous["sections"] for e in s["excerpts"])  # no --since: all false
    for earlier in ("previous.json", "previous.pdf"):  # the JSON, or the PDF with the JSON attached
        brief = _build(_config(tmp_path, now), tmp_path, "now", "--since", str(tmp_path / earlier))
        new = [e for s in brief["sections"] for e in s["excerpts"] if e["new"]]
        assert new and {e["source"] for e in new} == {added.stem}
        assert all(e["new"] for s in brief["sections"] for e in s["excerpts"]
                   if e["source"] == added.stem and not e["corroborated_by"])
        assert brief["since"] == previous["date"]


def test_since_with_a_file_that_is_no_brief_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "bogus.json"
    bogus.write_text("{}", encoding="utf-8")
    out = tmp_path / "b.pdf"
    assert main(["build", "-q", "--no-cache", "--since", str(bogus), "--out", str(out)]) == 1
    assert "not the JSON of a brief" in capsys.readouterr().err and not out.exists()


def test_a_date_that_cannot_be_right_is_dropped_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = _folder(tmp_path, "articles", SEEDS[:2])
    text = (ROOT / "seeds" / SEEDS[2].name).read_text(encoding="utf-8")
    (folder / "garbled.txt").write_text("Nordkorea schickt weitere Soldaten\n\nStand: 01.01.9522 10:00 Uhr\n\n" + text,
                                        encoding="utf-8")
    brief = _build(_config(tmp_path, folder), tmp_path, "brief")
    assert brief["date"] != "9522-01-01" and brief["date"] < "2100"
    assert next(s for s in brief["sources"] if s["path"] == "garbled.txt")["published"] is None
    assert any("9522-01-01 cannot be right" in r.getMessage() for r in caplog.records)


def test_period_leaves_out_articles_dated_outside_it(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = _folder(tmp_path, "articles", SEEDS)
    brief = _build(_config(tmp_path, folder, period={"from": "2024-11-01", "to": "2024-11-30"}), tmp_path, "brief")
    assert "003_58e3dd319f91e402" not in {s["id"] for s in brief["sources"]}  # watson, 16 October
    assert brief["period"] == ["2024-11-01", "2024-11-30"]
    assert brief["undated"] == 3  # the seeds that state no date stay in, counted on the front page
    assert any("1 article(s) dated outside the period" in r.getMessage() for r in caplog.records)


def test_order_date_puts_the_newest_first_and_the_undated_last(tmp_path: Path) -> None:
    config = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    for section in config["sections"]:
        section["order"] = "date"
    path = tmp_path / "config.yaml"
    config["articles"] = str(ROOT / "seeds")
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    brief = _build(path, tmp_path, "brief")
    for section in brief["sections"]:
        dates = [e["published"] or "" for e in section["excerpts"]]
        dated = [d for d in dates if d]
        assert dated == sorted(dated, reverse=True)
        assert dates == dated + [""] * (len(dates) - len(dated))


def test_the_newest_telling_of_a_fact_leads_and_the_earlier_are_its_dated_corroborations(tmp_path: Path) -> None:
    brief = _build(_config(tmp_path, ROOT / "tests" / "gold" / "articles"), tmp_path, "brief")
    folded = [e for s in brief["sections"] for e in s["excerpts"] if e["corroborated_by"]]
    assert folded
    for e in folded:
        assert all((c["published"] or "") <= (e["published"] or "") for c in e["corroborated_by"])


def test_the_key_point_is_the_newest_strong_excerpt() -> None:
    def ex(score: float, day: int | None) -> Excerpt:
        return Excerpt(source="a", start=0, end=1, text="x", score=score,
                       published=dt.date(2024, 11, day) if day else None)

    assert key_point([ex(10, 1), ex(9, 20), ex(3, 30)]) == 1  # strong and newer; the weak one is newer still
    assert key_point([ex(10, None), ex(9, None)]) == 0


def test_one_report_in_several_files_is_one_source(tmp_path: Path) -> None:
    agency = ("Seoul (dpa) - Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes weitere Soldaten nach "
              "Russland geschickt. Insgesamt seien inzwischen rund 12.000 Soldaten in Russland, teilte der Dienst mit. "
              "Ein Teil von ihnen sei bereits in der Region Kursk im Einsatz. Moskau und Pjöngjang hatten im Juni einen "
              "Beistandspakt unterzeichnet. Südkorea erwägt nun, der Ukraine Waffen zu liefern.")
    folder = _folder(tmp_path, "articles", SEEDS[:2])
    (folder / "a_tonline.txt").write_text(f"Nordkorea schickt mehr Soldaten\n\nVon t-online\n\n{agency}\n\nMehr zum Thema\n",
                                          encoding="utf-8")
    (folder / "b_zeit.txt").write_text(f"Nordkorea: Weitere Soldaten in Russland\n\nZEIT ONLINE\n\n{agency}\n",
                                       encoding="utf-8")
    shutil.copy(SEEDS[0], folder / "zz_saved_twice.txt")
    for n in range(30):  # agency copy run by many outlets: more than share any boilerplate line
        (folder / f"c{n:02d}.txt").write_text(f"Meldung {n}\n\nAus unserem Netzwerk\n\n{agency}\n", encoding="utf-8")
    brief = _build(_config(tmp_path, folder), tmp_path, "brief")
    by_path = {s["path"]: s for s in brief["sources"]}
    assert "b_zeit.txt" not in by_path and "zz_saved_twice.txt" not in by_path
    assert any("b_zeit.txt" in c for c in by_path["a_tonline.txt"]["copies"])
    assert any("zz_saved_twice.txt" in c for c in by_path[SEEDS[0].name]["copies"])
    assert not any(p.startswith("c") and p[1:3].isdigit() for p in by_path)
    assert len(by_path["a_tonline.txt"]["copies"]) == 31


def test_copies_are_found_where_every_sentence_is_in_many_files() -> None:
    """A topic folder of recombined paragraphs: each sentence in dozens of files, no two files alike
    but one saved twice. Only that one is folded."""
    import itertools

    from briefing.copies import fold_copies
    from briefing.models import Article
    from briefing.segment import split_sentences

    pool = [f"Nordkorea hat nach Angaben aus Seoul im Monat {m} weitere {m}00 Soldaten nach Russland geschickt."
            for m in range(1, 13)]
    texts = [" ".join(pool[j] for j in combo) for combo in itertools.islice(itertools.combinations(range(12), 6), 60)]
    articles = [Article(id=f"a{i:02d}", path=f"a{i:02d}.txt", text=t, language="de") for i, t in enumerate(texts)]
    articles.append(Article(id="b_saved_twice", path="b_saved_twice.txt", text=texts[7], language="de"))
    copies = fold_copies(articles, [s for a in articles for s in split_sentences(a)])
    assert {kept: [c.id for c in cs] for kept, cs in copies.copies.items()} == {"a07": ["b_saved_twice"]}


def test_a_copy_shares_nine_in_ten_of_the_shorter_telling_s_sentences() -> None:
    """The fold's threshold, at its edge: a file that shares 9 of its 10 sentences with a longer one is
    its copy; one that shares 8 of 10 is not, nor a note of two sentences that both share."""
    from briefing.copies import fold_copies
    from briefing.models import Article
    from briefing.segment import split_sentences

    said = [f"Nordkorea hat nach Angaben aus Seoul im Monat {m} weitere {m}00 Soldaten nach Russland geschickt."
            for m in range(1, 13)]
    own = [f"Das Ministerium in Kiew meldete am Tag {d} neue Gefechte in der Region Kursk." for d in range(1, 4)]
    texts = {"a_full": said, "b_nine": said[:9] + own[:1], "c_eight": said[:8] + own[1:3], "d_note": said[:2]}
    articles = [Article(id=k, path=f"{k}.txt", text=" ".join(v), language="de") for k, v in texts.items()]
    copies = fold_copies(articles, [s for a in articles for s in split_sentences(a)])
    assert {kept: [c.id for c in cs] for kept, cs in copies.copies.items()} == {"a_full": ["b_nine"]}


def test_the_copies_of_a_folder_are_found_once_and_afresh_when_an_article_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing import copies as copies_module
    from briefing.cache import ArticleCache
    from briefing.config import load_config
    from briefing.pipeline import build_brief

    folder = _folder(tmp_path, "articles", SEEDS)
    shutil.copy(SEEDS[0], folder / "zz_saved_twice.txt")
    config = load_config(_config(tmp_path, folder))
    cache = ArticleCache(tmp_path / "cache")
    calls: list[int] = []
    real = copies_module.find_copies
    monkeypatch.setattr(copies_module, "find_copies", lambda *args: calls.append(1) or real(*args))

    def copies() -> dict[str, list[str]]:
        return {s.path: s.copies for s in build_brief(config, folder, cache).brief.sources if s.copies}

    first = copies()
    assert len(first) == 1 and calls == [1]
    assert copies() == first and calls == [1]  # the same articles: what was found is kept
    (folder / "zz_saved_twice.txt").write_text("Ein ganz anderer Bericht.\n\nSüdkorea erwägt Waffenlieferungen an "
                                               "die Ukraine, sagte Präsident Yoon am Montag in Seoul.\n", encoding="utf-8")
    assert copies() == {} and calls == [1, 1]
