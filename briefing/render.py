"""render: one Brief to HTML (Jinja2, autoescaped), HTML to PDF (WeasyPrint), and the same Brief to JSON.
Every file is written next to its target and renamed into place, so a failed run never leaves a
half-written brief and never destroys the last good one."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import jinja2

from .errors import RenderError
from .lexicon import CURRENCY
from .models import Brief, Figure, Spread

BUILTIN_TEMPLATES = next(
    (p for p in (Path(__file__).parent / "templates", Path(__file__).parent.parent / "templates") if p.is_dir()),
    Path(__file__).parent / "templates",
)

LABELS: dict[str, dict[str, str]] = {
    "de": {
        "contents": "Inhalt", "key_points": "Kernaussagen", "sources": "Quellen", "page": "Seite", "of": "von",
        "no_evidence": "Keine Belege in den Quellen.", "date": "Stand", "author": "Verfasser",
        "period": "Zeitraum der Quellen", "source_count": "Ausgewertete Artikel", "figures": "Gemeldete Zahlen",
        "figure": "Zahl", "source": "Quelle", "claimant": "Angabe von", "published": "Datum", "file": "Datei",
        "cited": "zitiert", "times": "mal", "also": "Ebenso berichtet in", "said_by": "Angabe", "unknown": "unbekannt",
        "outlet": "Medium", "note": "Alle Zitate sind wörtlich den genannten Quellen entnommen.",
        "open_quote": "„", "close_quote": "“",
        "more": "und %d weitere",
        "spread": "Die Quellen weichen ab: %s zwischen %s und %s (%d Quellen binnen einer Woche)",
        "figures_left_out": "%d weitere Angaben stehen nicht in der Tabelle; sie zeigt die neuesten.",
        "increment": "weitere", "part": "Teil einer Gesamtzahl", "up_to": "bis zu",
        "new": "Neu", "new_since": "Neu seit", "nothing_new": "Nichts Neues seit der letzten Ausgabe.",
        "undated": "%d ohne Datum", "copies": "Gleicher Text auch in",
        "uncited": "Weitere %d ausgewertete Artikel werden nicht zitiert; sie stehen in der JSON-Anlage.",
    },
    "en": {
        "contents": "Contents", "key_points": "Key points", "sources": "Sources", "page": "Page", "of": "of",
        "no_evidence": "No evidence in the sources.", "date": "Date", "author": "Author",
        "period": "Period covered", "source_count": "Articles analysed", "figures": "Reported figures",
        "figure": "Figure", "source": "Source", "claimant": "Stated by", "published": "Date", "file": "File",
        "cited": "cited", "times": "times", "also": "Also reported in", "said_by": "Stated by", "unknown": "unknown",
        "outlet": "Outlet", "note": "All quotations are verbatim from the sources named.",
        "open_quote": "“", "close_quote": "”",
        "more": "and %d more",
        "spread": "Sources differ: %s between %s and %s (%d sources within a week)",
        "figures_left_out": "%d further figures are not in the table; it shows the newest.",
        "increment": "more", "part": "part of a total", "up_to": "up to",
        "new": "New", "new_since": "New since", "nothing_new": "Nothing new since the last edition.",
        "undated": "%d undated", "copies": "The same text also in",
        "uncited": "%d further articles were read but are not quoted; they are listed in the attached JSON.",
    },
}

_MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}


def format_date(value: dt.date | None, language: str) -> str:
    if value is None:
        return LABELS[language]["unknown"]
    month = _MONTHS[language][value.month - 1]
    return f"{value.day}. {month} {value.year}" if language == "de" else f"{value.day} {month} {value.year}"


def short_date(value: dt.date | None, language: str) -> str:
    if value is None:
        return "–"
    return f"{value.day:02d}.{value.month:02d}.{value.year}" if language == "de" else value.isoformat()


def number(value: float, language: str) -> str:
    """A number in the brief's style: 12.000 and 1,5 in German, 12,000 and 1.5 in English."""
    scale = ""
    if value >= 10**9:
        value, scale = value / 10**9, " Mrd." if language == "de" else " bn"
    elif value >= 10**6:
        value, scale = value / 10**6, " Mio." if language == "de" else " m"
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
    if language == "de":
        text = text.translate(str.maketrans(",.", ".,"))
    return text + scale


def figure_text(figure: Figure, language: str) -> str:
    """A row's figure as the table shows it, whatever style the source wrote it in."""
    labels = LABELS[language]
    value = number(figure.high, language)
    if figure.kind == "range" and figure.low is not None:
        value = f"{number(figure.low, language)}–{value}"
    elif figure.kind == "upper-bound":
        value = f"{labels['up_to']} {value}"
    elif figure.kind == "share":
        value += " %" if language == "de" else "%"
    elif figure.kind == "money":
        sign = next((CURRENCY[w.lower()] for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*|[$€£]", figure.value)
                     if w.lower() in CURRENCY), "")
        value = f"{value} {sign}".strip()
    elif figure.kind == "increment":
        value = "+" + value
    if figure.bound:
        value = f"{figure.bound} {value}"
    if figure.counts and figure.kind not in ("share", "money"):
        value += f" {figure.counts}"
    if figure.kind in ("increment", "part"):
        value += f" ({labels[figure.kind]})"
    return value


def spread_text(spread: Spread, language: str) -> str:
    return LABELS[language]["spread"] % (spread.quantity, number(spread.low, language), number(spread.high, language),
                                         spread.sources)


def display(text: str) -> str:
    """Text as shown: white space folded. The data keeps the original characters."""
    return re.sub(r"\s+", " ", text).strip()


def template_environment(template_dirs: list[Path]) -> jinja2.Environment:
    """Templates from the user's folder first, the built-in ones last (file by file)."""
    loaders = [jinja2.FileSystemLoader(str(d)) for d in template_dirs]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["display"] = display
    env.globals["asset"] = lambda name: _asset(template_dirs, name)
    return env


def _asset(template_dirs: list[Path], name: str) -> str:
    """URL of a stylesheet, font or image: the user's copy if there is one, else the built-in."""
    for folder in template_dirs:
        if (folder / name).is_file():
            return (folder / name).resolve().as_uri()
    raise RenderError(f"template asset not found: {name}")


def render_html(brief: Brief, template_dirs: list[Path] | None = None) -> str:
    env = template_environment(template_dirs or [BUILTIN_TEMPLATES])
    labels = LABELS[brief.language]
    numbers = {s.id: s.number for s in brief.sources}
    try:
        return env.get_template("brief.html.j2").render(
            brief=brief, labels=labels, number=numbers, sources={s.id: s for s in brief.sources},
            date=lambda d: format_date(d, brief.language), short_date=lambda d: short_date(d, brief.language),
            figure_text=lambda f: figure_text(f, brief.language), spread_text=lambda s: spread_text(s, brief.language),
        )
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error: {exc}") from None


def render_pdf(html: str, brief: Brief, template_dirs: list[Path], pdf_a: bool = False,
               attach_json: bool = True) -> bytes:
    """The PDF, byte for byte the same for the same brief: every date in it is the brief's date."""
    from weasyprint import HTML, Attachment  # imported late: it is the slowest import by far

    stamp = dt.datetime.combine(brief.date, dt.time(0, 0), tzinfo=dt.UTC)
    fetcher = _local_fetcher(template_dirs)
    attachments = []
    if attach_json:
        attachments.append(Attachment(
            string=brief_json(brief), name=f"briefing-{brief.date.isoformat()}.json", url_fetcher=fetcher,
            description="Excerpts with offsets into their sources, and the source list", created=stamp, modified=stamp,
            relationship="Data",
        ))
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))  # fontTools stamps subset fonts with it
    try:
        document = HTML(string=html, base_url=template_dirs[-1].resolve().as_uri() + "/", url_fetcher=fetcher)
        identifier = hashlib.md5(html.encode("utf-8")).hexdigest().encode()
        return bytes(document.write_pdf(
            pdf_tags=True, attachments=attachments, pdf_identifier=identifier,
            pdf_variant="pdf/a-3u" if pdf_a else None,
        ) or b"")
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one line
        raise RenderError(f"PDF rendering failed: {exc}") from None
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def _local_fetcher(allowed: list[Path]) -> Any:
    """A URL fetcher that reaches only the templates' own files: no network, nothing else on disk."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    roots = [p.resolve() for p in allowed]

    class TemplateOnlyFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            parsed = urlparse(url)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if any(path.is_relative_to(root) for root in roots) and path.is_file():
                    return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _mime(path)})
            raise ValueError(f"refused to fetch {url[:80]}: only the template's own files are used")

    return TemplateOnlyFetcher()


def _mime(path: Path) -> str:
    return {".css": "text/css", ".ttf": "font/ttf", ".otf": "font/otf", ".woff2": "font/woff2", ".woff": "font/woff",
            ".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg"}.get(path.suffix.lower(),
                                                                                 "application/octet-stream")


def brief_json(brief: Brief) -> str:
    return brief.model_dump_json(indent=2) + "\n"  # (pydantic's own: the same text as json.dumps, several times faster)
