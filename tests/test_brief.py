"""The seed brief end to end: what an analyst gets from `make brief`."""

from __future__ import annotations

import re

from pypdf import PdfReader

from briefing.ingest import read_articles

from .conftest import ROOT, SeedBrief, source_text


def _fold(text: str) -> str:
    # PDF text extraction breaks lines and hyphenates; compare letters and digits only
    return re.sub(r"[\W_]+", "", text).lower()


def test_every_excerpt_is_verbatim_at_its_offsets(seed_brief: SeedBrief) -> None:
    data = seed_brief.data
    paths = {s["id"]: ROOT / "seeds" / s["path"] for s in data["sources"]}
    texts = {sid: source_text(p) for sid, p in paths.items()}
    count = 0
    for section in data["sections"]:
        for ex in section["excerpts"]:
            assert texts[ex["source"]][ex["start"] : ex["end"]] == ex["text"]
            for c in ex["corroborated_by"]:
                assert texts[c["source"]][c["start"] : c["end"]] == c["text"]
            count += 1
    assert count > 0


def test_every_section_has_at_least_three_excerpts(seed_brief: SeedBrief) -> None:
    sections = seed_brief.data["sections"]
    assert [s["id"] for s in sections] == ["deployment", "combat", "agreement", "south-korea"]
    for section in sections:
        assert len(section["excerpts"]) >= 3, section["id"]


def test_no_excerpt_touches_furniture(seed_brief: SeedBrief) -> None:
    articles = {a.id: a for a in read_articles(ROOT / "seeds")[0]}
    for section in seed_brief.data["sections"]:
        for ex in section["excerpts"]:
            assert not articles[ex["source"]].is_furniture(ex["start"], ex["end"]), ex["text"]


def test_no_text_is_quoted_in_two_sections(seed_brief: SeedBrief) -> None:
    spans = [(ex["source"], ex["start"], ex["end"]) for s in seed_brief.data["sections"] for ex in s["excerpts"]]
    for i, (src, a, b) in enumerate(spans):
        for src2, c, d in spans[i + 1 :]:
            assert not (src == src2 and a < d and c < b)


def test_json_has_the_fixed_shape(seed_brief: SeedBrief) -> None:
    data = seed_brief.data
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["date"])
    assert isinstance(data["title"], str)
    ids = {s["id"] for s in data["sources"]}
    for s in data["sources"]:
        assert {"id", "path", "title", "outlet", "published", "language"} <= s.keys()
    for section in data["sections"]:
        assert {"id", "title", "excerpts"} <= section.keys()
        for ex in section["excerpts"]:
            assert ex["source"] in ids
            assert isinstance(ex["start"], int) and isinstance(ex["end"], int)


def test_pdf_shows_titles_excerpts_and_metadata(seed_brief: SeedBrief) -> None:
    reader = PdfReader(seed_brief.pdf)
    text = _fold("".join(page.extract_text() or "" for page in reader.pages))
    data = seed_brief.data
    for section in data["sections"]:
        assert _fold(section["title"]) in text
        for ex in section["excerpts"]:
            assert _fold(ex["text"]) in text, ex["text"][:60]
    assert reader.metadata is not None
    assert reader.metadata.title == data["title"]
    assert reader.metadata.author
    assert len(reader.pages) >= 2


def test_pdf_embeds_its_fonts(seed_brief: SeedBrief) -> None:
    reader = PdfReader(seed_brief.pdf)
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            descendant = ref.get_object()
            font = descendant["/DescendantFonts"][0].get_object() if "/DescendantFonts" in descendant else descendant
            descriptor = font["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_every_citation_number_resolves_to_a_source(seed_brief: SeedBrief) -> None:
    html = seed_brief.html.read_text(encoding="utf-8")
    targets = set(re.findall(r'<li id="src-(\d+)"', html))
    cited = set(re.findall(r'class="cite" href="#src-(\d+)"', html))
    assert cited and cited <= targets
    # and the PDF keeps them as internal links
    reader = PdfReader(seed_brief.pdf)
    links = [a.get_object() for p in reader.pages for a in (p.get("/Annots") or []) if a.get_object().get("/Subtype") == "/Link"]
    assert links
