"""render: one Brief to HTML (Jinja2, autoescaped) and to JSON, and what the PDF is made of (pdf.py makes it).
Every file is written next to its target and renamed into place, so a failed run never leaves a
half-written brief and never destroys the last good one."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import jinja2

from .config import Config
from .errors import ConfigError, RenderError
from .lexicon import CURRENCY
from .models import Brief, Figure, Spread
from .pdf import PdfJob, make_pdf

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


def template_dirs(config: Config, config_path: Path) -> list[Path]:
    """The user's template folder (if any) first, the built-in one last."""
    dirs = [BUILTIN_TEMPLATES]
    if config.templates is not None:
        user = config.resolved(config.templates)
        if not user.is_dir():
            raise ConfigError(f"{config_path}: templates: folder not found: {user}")
        dirs.insert(0, user)
    return dirs


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
    return make_pdf(pdf_job(html, brief, template_dirs, pdf_a, attach_json))


def pdf_job(html: str, brief: Brief, template_dirs: list[Path], pdf_a: bool = False,
            attach_json: bool = True) -> PdfJob:
    attachment = (f"briefing-{brief.date.isoformat()}.json", brief_json(brief)) if attach_json else None
    return PdfJob(html, brief.date, template_dirs, attachment, pdf_a)


def brief_json(brief: Brief) -> str:
    return brief.model_dump_json(indent=2) + "\n"  # (pydantic's own: the same text as json.dumps, several times faster)
