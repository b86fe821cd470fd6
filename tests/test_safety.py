"""Hostile article text is shown, never executed, included or fetched; a build reaches nothing
outside its inputs, its templates and the Python installation."""

from __future__ import annotations

import json
import mimetypes
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.cli import main

from .conftest import ROOT, edited_config

HOSTILE = """Nordkoreanische Soldaten in Kursk: ein Test

Nordkoreanische Soldaten sind in Kursk angekommen, sagte ein Sprecher <script>alert('x')</script> am Montag zur Zahl von 10.000 Soldaten.
Rund 10.000 nordkoreanische Soldaten sollen nach Russland geschickt worden sein <img src="file:///etc/passwd"> sagte der Sprecher.
Die Zahl der entsandten nordkoreanischen Soldaten liegt bei {{ 7*7 }} Tausend <link rel="stylesheet" href="http://127.0.0.1:9/x.css"> in der Region Kursk.
Nordkoreanische Truppen wurden in die Region Kursk verlegt {% include '/etc/passwd' %} <style>@import url(http://127.0.0.1:9/a.css);</style> wie die Regierung mitteilte.
"""

_events: list[tuple[str, tuple[object, ...]]] = []
_recording = False


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _recording and event in ("open", "socket.connect", "socket.getaddrinfo", "urllib.Request"):
        _events.append((event, args))


sys.addaudithook(_audit)  # audit hooks cannot be removed; this one records only while a test asks


@pytest.fixture
def record() -> Iterator[list[tuple[str, tuple[object, ...]]]]:
    global _recording
    _events.clear()
    _recording = True
    try:
        yield _events
    finally:
        _recording = False


def test_hostile_text_is_shown_literally_and_nothing_is_fetched(
        tmp_path: Path, record: list[tuple[str, tuple[object, ...]]]) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    edited_config(tmp_path / "config.yaml", articles=str(folder), date="2024-11-05")
    out, html, data = tmp_path / "out" / "b.pdf", tmp_path / "out" / "b.html", tmp_path / "out" / "b.json"
    record.clear()  # from here on: only what the build does
    assert main(["build", "-q", "--config", str(tmp_path / "config.yaml"), "--out", str(out), "--html", str(html),
                 "--json", str(data)]) == 0

    # Nothing reached the network; nothing outside inputs, templates, outputs and Python was opened.
    assert not [e for e in record if e[0] != "open"], record
    allowed = [folder, tmp_path / "config.yaml", tmp_path / "out", ROOT / "templates", Path(sys.prefix),
               Path(sys.base_prefix), Path(__file__).parent,
               # the standard library's own: tempfile probes the temp folder, mimetypes reads its table
               Path(tempfile.gettempdir()), Path("/dev/null"), *map(Path, mimetypes.knownfiles)]
    opened = {Path(str(args[0])) for event, args in record if event == "open" and isinstance(args[0], str)}
    outside = [p for p in opened if not any(p.resolve().is_relative_to(a.resolve()) for a in allowed)]
    assert not outside, sorted(map(str, outside))
    assert not any(str(p).startswith("/etc/passwd") for p in opened)

    # The markup in the text is text: escaped in the HTML, printed in the PDF.
    page = html.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '<img src="file:///etc/passwd">' not in page
    quoted = [ex["text"] for s in json.loads(data.read_text(encoding="utf-8"))["sections"] for ex in s["excerpts"]]
    assert any("{{ 7*7 }}" in q for q in quoted)
    text = " ".join(p.extract_text() or "" for p in PdfReader(out).pages)
    assert "{{ 7*7 }}" in text and "49 Tausend" not in text
    assert "<img" in text


def test_the_url_fetcher_refuses_everything_but_the_templates(record: list[tuple[str, tuple[object, ...]]]) -> None:
    """Even if markup got through, WeasyPrint could not fetch it: files outside the template
    folder, http(s) and data beyond the template are refused."""
    from briefing.models import Brief
    from briefing.render import BUILTIN_TEMPLATES, render_pdf

    brief = Brief(title="t", author="a", date="2024-11-05", language="de", sources=[], sections=[])
    html = ('<html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
            '<link rel="stylesheet" href="file:///etc/passwd"></head><body>'
            '<img src="file:///etc/hostname"><img src="https://127.0.0.1:9/i.png"><img src="../README.md">'
            '<p>text</p></body></html>')
    record.clear()
    pdf = render_pdf(html, brief, [BUILTIN_TEMPLATES])
    assert pdf.startswith(b"%PDF")
    assert not [e for e in record if e[0] != "open"], record
    opened = [str(args[0]) for event, args in record if event == "open"]
    assert not any(p.startswith(("/etc/passwd", "/etc/hostname")) or p.endswith("README.md") for p in opened), opened
