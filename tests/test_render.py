"""The PDF as a document: metadata, fonts, structure, languages, templates, e-mail, reproducibility."""

from __future__ import annotations

import dataclasses
import email
import email.policy
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from briefing.cli import main
from briefing.errors import RenderError
from briefing.pdf import PdfJob, make_pdf
from briefing.render_process import RenderProcess

from .conftest import ROOT, SeedBrief

needs_poppler = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")


def _tool(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@needs_poppler
def test_pdfinfo_shows_metadata_tags_and_a4(seed_brief: SeedBrief) -> None:
    info = _tool("pdfinfo", str(seed_brief.pdf))
    assert "Title:           Nordkoreanische Soldaten im Krieg gegen die Ukraine" in info
    assert "Author:          Lagezentrum Osteuropa" in info
    assert "Subject:" in info and "Keywords:        Umfang der Entsendung" in info
    assert "CreationDate:    Tue Nov  5 00:00:00 2024" in info  # the brief's date, not the wall clock
    assert "Tagged:          yes" in info
    assert "(A4)" in info


@needs_poppler
def test_pdffonts_all_embedded_and_subset(seed_brief: SeedBrief) -> None:
    rows = _tool("pdffonts", str(seed_brief.pdf)).splitlines()[2:]
    assert rows
    for row in rows:
        cols = row.split()
        assert cols[-5:-2] == ["yes", "yes", "yes"], row  # emb sub uni


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_qpdf_finds_no_errors(seed_brief: SeedBrief) -> None:
    assert "No syntax or stream encoding errors" in _tool("qpdf", "--check", str(seed_brief.pdf))


@needs_poppler
def test_pdftotext_has_structure_in_order(seed_brief: SeedBrief) -> None:
    text = _tool("pdftotext", "-layout", str(seed_brief.pdf), "-")
    order = ["Inhalt", "Kernaussagen", "1. Umfang der Entsendung", "Gemeldete Truppenstärke",
             "2. Einsatz und Kampfkraft", "3. Abkommen", "4. Reaktion Südkoreas", "Quellen"]
    position = 0
    for label in order:  # each one after the one before
        position = text.index(label, position)
    pages = text.count("\f")
    assert f"Seite 1 von {pages}" in text and f"Seite {pages} von {pages}" in text


def test_pdf_has_bookmarks_for_sections_and_the_json_attached(seed_brief: SeedBrief) -> None:
    reader = PdfReader(seed_brief.pdf)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    for section in seed_brief.data["sections"]:
        assert any(section["title"] in t for t in titles), titles
    attached = reader.attachments
    (name,) = attached
    data = json.loads(attached[name][0])
    assert data["sections"] == seed_brief.data["sections"]


def test_seed_brief_is_small_enough_for_any_mail_gateway(seed_brief: SeedBrief) -> None:
    assert seed_brief.pdf.stat().st_size < 300_000


def _build(tmp_path: Path, change: dict[str, object], *extra: str) -> Path:
    config = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    config.update(change)
    config["articles"] = str(ROOT / "seeds")
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "brief.pdf"
    assert main(["build", "-q", "--config", str(path), "--out", str(out), *extra]) == 0
    return out


def _text(pdf: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(pdf).pages)


def test_english_labels(tmp_path: Path) -> None:
    text = _text(_build(tmp_path, {"language": "en", "classification": "RESTRICTED"}))
    for label in ("Contents", "Key points", "Sources", "Page 1 of", "Stated by", "5 November 2024"):
        assert label in text, label
    for german in ("Inhalt", "Kernaussagen", "Seite 1 von"):
        assert german not in text
    assert text.count("RESTRICTED") >= len(PdfReader(tmp_path / "brief.pdf").pages)  # marking on every page


def test_a_user_template_folder_overrides_one_file(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    css = (ROOT / "templates" / "brief.css").read_text(encoding="utf-8")
    (mine / "brief.css").write_text(css + "\nh2::before { content: 'ZZ-OWN-STYLE '; }\n", encoding="utf-8")
    text = _text(_build(tmp_path, {"templates": "mine"}))
    assert "ZZ-OWN-STYLE" in text  # the user's stylesheet was used …
    assert "Kernaussagen" in text  # … with the built-in template


def test_same_inputs_give_the_same_bytes(tmp_path: Path, seed_brief: SeedBrief) -> None:
    again = tmp_path / "again.pdf"
    assert main(["build", "-q", "--no-cache", "--config", str(ROOT / "config.yaml"), "--out", str(again)]) == 0
    assert again.read_bytes() == seed_brief.pdf.read_bytes()


def test_pdf_a_variant(tmp_path: Path) -> None:
    reader = PdfReader(_build(tmp_path, {"pdf_a": True}))
    metadata = reader.xmp_metadata
    assert metadata is not None
    assert "pdfaid" in str(reader.trailer["/Root"]["/Metadata"].get_object().get_data())


def test_email_draft_has_key_points_and_the_pdf(tmp_path: Path) -> None:
    eml = tmp_path / "brief.eml"
    pdf = _build(tmp_path, {}, "--eml", str(eml), "--to", "lage@example.org")
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert message["To"] == "lage@example.org"
    assert message["Subject"].startswith("Nordkoreanische Soldaten im Krieg gegen die Ukraine (5. November 2024)")
    body = message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert "KERNAUSSAGEN" in body and "Umfang der Entsendung" in body
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == pdf.read_bytes()


def test_each_quotation_is_set_in_its_own_language_so_no_word_is_hyphenated_by_another_s_rules() -> None:
    """An English brief of German and English articles: WeasyPrint hyphenates (where a template asks
    for it) and picks quotation rules by the `lang` of the element, so a German quote marked as
    English would break "weitere" as "weit-ere"."""
    from briefing.config import load_config
    from briefing.pipeline import build_brief
    from briefing.render import render_html

    config = load_config(ROOT / "config.yaml").model_copy(update={"language": "en"})
    brief = build_brief(config, ROOT / "tests" / "gold" / "articles").brief
    language = {s.id: s.language for s in brief.sources}
    assert {"de", "en"} <= set(language.values())  # both are quoted
    page = render_html(brief)
    assert '<html lang="en">' in page
    quoted = {e.text: e.source for section in brief.sections for e in section.excerpts}
    paragraphs = re.findall(r'<(?:p|li) lang="([a-z]*)">(.*?)</(?:p|li)>', page, re.S)
    seen = set()
    for lang, text in paragraphs:
        source = next((s for t, s in quoted.items() if _plain(text).lstrip("„“”").startswith(t[:40])), None)
        if source is not None:
            assert lang == language[source], text[:60]
            seen.add(lang)
    assert seen == {"de", "en"}


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def _seed_job(seed_brief: SeedBrief) -> PdfJob:
    import datetime as dt

    from briefing.render import BUILTIN_TEMPLATES

    return PdfJob(seed_brief.html.read_text(encoding="utf-8"), dt.date(2024, 11, 5), [BUILTIN_TEMPLATES],
                  ("briefing-2024-11-05.json", seed_brief.json_path.read_text(encoding="utf-8")))


def test_the_pdf_made_by_the_render_process_is_the_one_made_in_process(seed_brief: SeedBrief) -> None:
    job = _seed_job(seed_brief)
    with RenderProcess() as process:
        assert process.make_pdf(job) == make_pdf(job)


def test_a_failed_render_in_the_render_process_is_the_same_one_line_error(seed_brief: SeedBrief) -> None:
    job = dataclasses.replace(_seed_job(seed_brief), templates=[])  # no base folder: WeasyPrint cannot start
    with pytest.raises(RenderError) as here:
        make_pdf(job)
    with RenderProcess() as process, pytest.raises(RenderError) as there:
        process.make_pdf(job)
    assert str(there.value) == str(here.value)
    assert str(here.value).startswith("PDF rendering failed")


@pytest.mark.parametrize("interpreter", ["/nonexistent/python", "/bin/true"])  # cannot start; ends at once
def test_a_render_process_that_cannot_help_leaves_the_pdf_to_this_one(
        seed_brief: SeedBrief, interpreter: str, monkeypatch: pytest.MonkeyPatch) -> None:
    job = _seed_job(seed_brief)
    monkeypatch.setattr("sys.executable", interpreter)
    with RenderProcess() as process:
        assert process.make_pdf(job) == make_pdf(job)


def test_a_render_process_never_asked_is_ended() -> None:
    with RenderProcess() as process:
        child = process._process
        assert child is not None and child.poll() is None
    assert child.poll() is not None
