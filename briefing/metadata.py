"""Metadata stated in an article's plain text: headline, outlet, publication date, language.

What the text does not state stays None: an outlet, a date or a URL is never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Any

from . import lexicon as lx
from .language import detect_language
from .models import Article

# Outlets and agencies, as they name themselves in bylines and promos.
_OUTLETS = {
    "t-online": "t-online", "watson": "watson", "spiegel": "Der Spiegel", "zeit online": "Zeit Online",
    "faz": "FAZ", "sueddeutsche": "Süddeutsche Zeitung", "süddeutsche zeitung": "Süddeutsche Zeitung",
    "tagesschau": "tagesschau", "n-tv": "n-tv", "ntv": "n-tv", "welt": "Welt", "bild": "Bild", "focus online": "Focus Online",
    "merkur": "Merkur", "fr.de": "Frankfurter Rundschau", "stern": "stern", "rnd": "RND", "dpa": "dpa",
    "dpa-afx": "dpa-AFX", "afp": "AFP", "reuters": "Reuters", "ap": "AP", "associated press": "AP", "kyodo": "Kyodo",
    "bbc": "BBC", "cnn": "CNN", "the guardian": "The Guardian", "guardian": "The Guardian",
    "new york times": "The New York Times", "washington post": "The Washington Post", "politico": "Politico",
    "deutsche welle": "Deutsche Welle", "dw": "Deutsche Welle", "nzz": "NZZ", "der standard": "Der Standard",
    "yonhap": "Yonhap", "korea herald": "The Korea Herald", "al jazeera": "Al Jazeera",
    "kyiv independent": "The Kyiv Independent", "trtworld": "TRT World", "trt world": "TRT World", "kuna": "KUNA",
    "kna": "KNA", "epd": "epd", "keystone-sda": "Keystone-SDA", "sda": "SDA", "apa": "APA", "efe": "EFE",
    "anadolu": "Anadolu", "tass": "TASS", "interfax": "Interfax", "ukrinform": "Ukrinform",
}
_OUTLET_NAMES = "|".join(sorted((re.escape(k) for k in _OUTLETS), key=len, reverse=True))
_CANNOT_VERIFY = (r"(?:could not|cannot|was unable to|has not been able to|konnte)\s+(?:independently\s+|unabhängig\s+)?"
                  r"(?:verify|confirm|überprüfen|bestätigen|prüfen)")
_PROMO = r"[- ](update|newsletter|app|ist jetzt auf|is now on)\b"
# Matched against the lower-cased text: IGNORECASE makes Python's re several times slower. Each pattern
# comes with what a text must hold for it to match, if that is cheaper to look for: a pattern that opens
# with a name would look for the names at every word (two thirds of the time _outlet took)
_OUTLET_PATTERNS: list[tuple[re.Pattern[str], re.Pattern[str] | None]] = [
    # "Von t-online , cc", "Ein Artikel von t-online", "By Reuters staff"
    (re.compile(rf"(?:^|\s)(?:von|ein artikel von|by)\s+({_OUTLET_NAMES})\b"), None),
    # a source line: "Quelle: dpa", "SOURCE:TRTWorld and agencies"
    (re.compile(rf"(?:^|\s)(?:quelle|source|mit material von)\s*:\s*({_OUTLET_NAMES})\b"), None),
    # a credit line that is the outlet's name alone: "Keystone-SDA", "dpa"
    (re.compile(rf"^[ \t]*({_OUTLET_NAMES})[ \t]*$", re.M), None),
    # the outlet speaking of itself: "The Kyiv Independent could not verify these claims", "Reuters could not
    # independently confirm"
    (re.compile(rf"\b({_OUTLET_NAMES})\s+{_CANNOT_VERIFY}"), re.compile(_CANNOT_VERIFY)),
    # agency tag opening a report: "(dpa-AFX) -", "BERLIN (Reuters) -"
    (re.compile(rf"\(({_OUTLET_NAMES})\)\s*[-–—]"), None),
    # promo naming the outlet: "dein watson-Update", "Watson ist jetzt auf Whatsapp"
    (re.compile(rf"\b({_OUTLET_NAMES}){_PROMO}"), re.compile(_PROMO)),
]

_MONTH = "|".join(sorted(lx.MONTHS, key=len, reverse=True))
_TIME = (r"(?:\s*[,–—-]?\s*\d{1,2}[:.]\d{2}\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)?\s*"
         r"(?:cet|cest|mez|mesz|utc|gmt|edt|est|bst|kst|msk)?(?:[+-]\d{1,2})?)")
_DATE_FORMS = [
    (re.compile(rf"\b(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?(\d{{4}}){_TIME}?", re.I), "dmy"),
    (re.compile(rf"\b(\d{{1,2}})\.?\s+({_MONTH})\.?\s+(\d{{4}}){_TIME}?", re.I), "d-month-y"),
    (re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}}){_TIME}?", re.I), "month-d-y"),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2})?", re.I), "iso"),
]
_FIELDS = re.compile(r"\s+[|·•]\s+")  # the separators of a line of labels
# A date is the publication date when it is stamped as such ("Updated 11:42 PM EST, November 4, 2024"),
# or stands on its own line with a time.
_STAMP = re.compile(r"(aktualisiert|veröffentlicht|erschienen|stand|updated|published|posted|last updated)\s*(am|on|:)?"
                    r"\s*(\d{1,2}[:.]\d{2}\s*(uhr|am|pm|a\.m\.|p\.m\.)?\s*([a-z]{2,4}(?:[+-]\d{1,2})?)?\s*,?\s*)?$", re.I)


def detect_metadata(article: Article) -> dict[str, Any]:
    text = article.text
    header = text[article.furniture[0].end if article.furniture and article.furniture[0].kind == "front-matter" else 0:]
    return {
        "title": _title(article),
        "outlet": _outlet(text),
        "published": _published(header),
        "language": _language(article),
    }


def _title(article: Article) -> str | None:
    from .furniture import is_heading

    start = next((s.end for s in article.furniture if s.kind == "front-matter"), 0)
    skip = [s for s in article.furniture if s.kind not in ("heading", "header", "front-matter")]
    offset = start
    for raw in article.text[start:].splitlines(keepends=True)[:12]:
        line_start, offset = offset, offset + len(raw)
        line = raw.strip().lstrip("#").strip()
        words = len(line.split())
        if words < 4 or any(s.start <= line_start + 1 < s.end + 1 and s.start < offset for s in skip):
            continue  # breadcrumbs such as "Politik", datelines, widgets, captions
        if len(_FIELDS.split(line)) >= 3:
            continue  # "Interview | Deutschlandfunk | 14.11.2024": a line of labels, not a headline
        line = re.sub(r"^(date|datum)\s*:?\s*[\d-]+\s+", "", line, flags=re.I)  # scraper residue
        # A headline run together with its byline: keep what comes before "Von …"
        line = re.split(r"\s+(?:Von|By)\s+\S+\s*,", line)[0].strip()
        # a question may be a headline, also after a short statement: "Germany's government has collapsed.
        # What happens next?"
        if is_heading(line) or (line.endswith("?") and (not re.search(r"[.!?]\s+\S", line) or words <= 12)):
            return line
        return None  # no headline: the page starts with its lead, and a sentence is no title
    return None


def _outlet(text: str) -> str | None:
    sample = (text[:3000] + "\n" + text[-3000:]).lower()
    for pattern, needs in _OUTLET_PATTERNS:
        match = pattern.search(sample) if needs is None or needs.search(sample) else None
        if match:
            return _OUTLETS[match.group(1).lower()]
    return None


def _published(text: str) -> dt.date | None:
    head = text[:1500]
    # a line of labels ("By … | Associated Press | November 12, 2024") is read field by field
    top = (field for row in head.splitlines()[:15] for field in _FIELDS.split(row))
    # at the foot of a page only a date under its label ("Datum 29.10.2024", "Stand: 29.10.2024")
    foot = (field for row in text[-1500:].splitlines()[-15:] for field in _FIELDS.split(row))
    return next(_dates(top, labelled_only=False), None) or next(_dates(foot, labelled_only=True), None)


def _dates(lines: Iterable[str], labelled_only: bool) -> Iterator[dt.date]:
    for line in lines:
        for pattern, form in _DATE_FORMS:
            for match in pattern.finditer(line):
                before = line[: match.start()]
                stamped = _STAMP.search(before) is not None or re.match(r"\W*(datum|date)\W*$", before, re.I) is not None
                alone = not re.sub(r"[\W_]+", "", line[: match.start()] + line[match.end():])
                # "November 8, 2024 6:12 AM": a time after the date (not the dots of "29.10.2025")
                timed = re.search(r"\d[:.]\d{2}", line[match.end(3) : match.end()]) is not None
                if stamped or not labelled_only and (alone or timed):
                    date = _to_date(match, form)
                    if date:
                        yield date


def _to_date(match: re.Match[str], form: str) -> dt.date | None:
    g = match.groups()
    try:
        if form == "dmy":
            return dt.date(int(g[2]), int(g[1]), int(g[0]))
        if form == "d-month-y":
            return dt.date(int(g[2]), lx.MONTHS[g[1].lower()], int(g[0]))
        if form == "month-d-y":
            return dt.date(int(g[2]), lx.MONTHS[g[0].lower()], int(g[1]))
        return dt.date(int(g[0]), int(g[1]), int(g[2]))
    except (ValueError, KeyError):
        return None


def _language(article: Article) -> str | None:
    sample = article.text[:5000]
    lang, score = detect_language(sample)
    return lang if lang != "unk" and score >= 0.6 else None
