"""Page furniture: the parts of a saved page that are not the article and must never be quoted.

Rules work on lines (a saved page keeps one block per line) and on categories, not on any
outlet's exact wording: promos, teaser lists, captions and credits, widgets, bylines and
datelines, AI-summary disclaimers, headings, and whole unrelated stories appended at the end.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .language import detect_language
from .models import TAIL, TAIL_HEADING, Span
from .segment import paragraphs

_I = re.I | re.U
_L = re.U  # for patterns applied to the lower-cased line: IGNORECASE makes Python's re several times slower

# Social, app and newsletter promos: a platform named while addressing the reader.
_PLATFORM = re.compile(
    r"whats\s?app|instagram|telegram|newsletter|facebook|tiktok|youtube|broadcast|podcast|push-?nachricht|"
    r"google news|\bapp\b|\bx\.com|threads|bluesky|mastodon|rss|postfach|inbox", _L)
_ADDRESS = re.compile(
    r"\b(dich|dir|euch|ihr|jetzt|hier|abonnier\w*|folge[nt]?|kostenlos|anmelden|melden sie sich|"
    r"you|your|sign up|subscribe|follow|join|download|get the)\b", _L)

# The reader addressed, in the middle of a sentence, as the one who reads, learns or follows: a standfirst's
# teaser ("Diese Fakten sollten Sie kennen", "Was Sie jetzt wissen müssen:", "Lesen Sie auch") or a
# promo. An article reports; it does not speak to its reader.
_READER = re.compile(r"(?<=[a-zäöüß,] )(?:Sie|Ihnen)\b[^.!?;]{0,40}?\b(?:kennen|wissen|lesen|erfahren|verstehen|"
                     r"finden|sehen|hören|folgen|abonnieren)\b|(?i:\b(?:what|all) you need to know\b|\bhere'?s what you\b)",
                     _L)  # "Sie" as written: "weil sie die Lage kennen" is someone else

# Widgets and labels of teaser boxes: reading time, share, audio, navigation.
_WIDGET = re.compile(
    r"^(\W*(lesedauer|lesezeit|reading time)\b.*|.*\b\d+\s*min(\.|uten)?\s*(lesezeit|lesedauer|read)\b.*|"
    r"(artikel|beitrag|text) (anhören|vorlesen)|listen to (this )?(article|story)|vorlesen|"
    r"(audio|video|podcast)\s*:?\s*\d+\s*min\.?|\d+\s*minute read|liveblog|live-?ticker|newsticker|"
    r"our standards:.*|explore more on these topics:.*|"
    r"(link )?kopiert|teilen|share( this)?( article| story)?|drucken|print|merken|speichern|kommentare|comments|"
    r"news folgen|meine news|mehr «[^»]*»|mehr zum thema.*|auch interessant.*|lesen sie (auch|mehr).*|"
    r"das könnte sie (auch )?interessieren.*|weitere (artikel|nachrichten|themen).*|empfehlungen.*|top-?news|"
    r"zur story|zum artikel|weiterlesen|mehr lesen|read more.*|related( stories| articles)?.*|more on this.*|"
    r"see also.*|advertisement|anzeige|werbung|exklusiv für abonnenten.*|"
    r"skip to (?:the )?(?:main )?(?:content|navigation)|(?:direkt )?zum inhalt(?: springen)?|zur navigation|startseite|home)\W*$", _I)
# "Startseite > Politik > Internationales", "DW Nachrichten | Europa", "Sections  Top Stories  Health": a breadcrumb,
# a section label or a menu, short items apart
_MENU_GAP = re.compile(r"\s+[>›»|]\s+|\s{2,}|\t")
_WIDGET_INLINE = re.compile(
    r"\b(lesedauer|lesezeit)\s*:\s*\d+\s*min\.?|\bkopiert\b|\bnews folgen\b|\b\d+\s*min read\b|"
    r"\b(aktualisiert|veröffentlicht|stand)\s*(am|:)?\s*\d{1,2}\.\d{1,2}\.\d{2,4}", _L)

# Captions and credits.
_CREDIT = re.compile(
    r"\b(bild|foto|fotos|photo|photograph|image|credit|grafik|quelle|source|copyright)\s*:\s*\S|©|\(\s*(quelle|foto|bild|archiv)[^)]*\)|"
    r"\((symbolbild|archivbild|archiv|illustration)\)|\b(imago( images)?|getty images|picture alliance|"
    r"ap photo|afp via getty|reuters/|dpa/|/dpa\b|/ap\b|/reuters\b|/afp\b|itar-tass|ria novosti|"
    r"via (ap|afp|reuters|dpa|getty images|imago|yonhap))\b", _L)  # "Russian Foreign Ministry Press Service via AP"
_TRUNCATED = re.compile(r"\s(\.\.\.|…)\s*$")
_AGENCY_CAPTION = re.compile(
    r"^(ARCHIV|ARCHIVE|FILE|HANDOUT)\b|^[A-ZÄÖÜ][A-ZÄÖÜ ,.'/-]{3,}\s[-–]\s|^\d{1,2}\.\d{1,2}\.\d{4},\s*\w+")

# Bylines, author boxes and bare date lines.
_BYLINE = re.compile(
    r"^(von|by|ein artikel von|eine analyse von|ein kommentar von|autor(in)?|author|text|reporting by|"
    r"mit material von|with reporting from)\s*:?\s+\S", _I)
_AUTHOR_BOX = re.compile(r"^(über (den|die) autor(in)?|about the authors?|zur person)\b", _I)
_DATELINE = re.compile(
    r"^\W*(aktualisiert|veröffentlicht|stand|updated|published)?\s*(am|on|:)?\s*"
    r"(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.?\s+\w+\.?\s+\d{4}|\w+\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"[\s,–-]*(\d{1,2}[:.]\d{2}\s*(uhr|h|am|pm)?)?\s*(\w{2,5})?\W*$", _I)

# Disclaimers of AI summary boxes.
_AI = re.compile(
    r"(künstliche[rn]? intelligenz|\bki\b|\bai\b|artificial intelligence|automatisch)\W.{0,80}"
    r"(erstellt|generiert|zusammengefasst|generated|created|summari[sz]ed)|"
    r"(zusammenfassung|summary)\W.{0,80}(\bki\b|\bai\b|künstliche|artificial)|"
    r"(erstellt|generiert|created|generated|produced|made)\s+(with|by|using|mit|durch|von)\W.{0,30}"
    r"(\bki\b|\bai\b|künstliche|artificial)", _L)  # "This audio is created with AI assistance"

_NAMES_AI = re.compile(r"\b(?:ki|ai)\b|künstlich|artificial|automatisch", _L)  # a quick look before _AI's slow one
_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$|^<img\b", re.I)  # a Markdown or HTML image
_TICKER = re.compile(r"^(\+\+\+|\d{1,2}[:.]\d{2}\s*(uhr)?\s*[:|–-]\s)", re.I)  # news-ticker items
_BULLET = re.compile(r"^\s*([-•*»▪►]|\d+\.)\s+")
_END_PUNCT = re.compile(r"[.!?:;…][\"“”»«'’)]*\s*$")
_WORD = re.compile(r"\w+", re.U)


def find_furniture(text: str, after: int = 0) -> list[Span]:
    """Spans of `text` (from offset `after`) that are furniture, each with its category."""
    lines = list(paragraphs(text, after))
    language = _main_language([text[s:e] for s, e in lines])
    kinds: list[str | None] = [_classify(text[s:e], language) for s, e in lines]
    _mark_teaser_runs(text, lines, kinds)
    _mark_unrelated_tail(text, lines, kinds)
    spans = [Span(s, e, kind) for (s, e), kind in zip(lines, kinds, strict=True) if kind]
    return spans + [span for (s, e), kind in zip(lines, kinds, strict=True) if not kind for span in _inline(text, s, e)]


# A teaser for another article inside a paragraph, as pages flattened to text have them: a label, a
# colon, a headline that ends in a question or exclamation mark or at the next sentence.
_INLINE_TEASER = re.compile(
    r"(?:^|(?<=[.!?\"“”»«]\s))(hintergrund|lesen sie (?:auch|mehr)|mehr (?:dazu|zum thema)|auch interessant|"
    r"passend (?:dazu|zum thema)|zum thema|das könnte sie (?:auch )?interessieren|related|read (?:more|also)|"
    r"see also|watch|video|podcast)\s*:\s+[^.!?]{3,160}[?!.](?=\s+\S|\s*$)", re.I)
# A photo's caption, often printed twice (the image's text, then its caption).
_PHOTO = re.compile(r"\b(in (?:this|a) (?:file )?(?:photo|picture|image)|photo provided by|(?:foto|bild) zeigt)\b", re.I)


def _inline(text: str, start: int, end: int) -> list[Span]:
    return [Span(start + m.start(), start + m.end(), "inline-teaser") for m in _INLINE_TEASER.finditer(text[start:end])]


def _printed_twice(line: str) -> bool:
    half = len(line) // 2
    first, second = line[:half].strip(), line[half:].strip()
    return len(first) >= 40 and first == second


@lru_cache(maxsize=4096)  # asked up to three times per line: for its language, its kind, whether it is a heading
def _words(line: str) -> int:
    return len(_WORD.findall(line))


def _main_language(lines: list[str]) -> str:
    """The article's language when at least three in four of its long lines share it, else "unk":
    only then does a line in another language stand out as an agency caption."""
    votes = [_language(line) for line in lines if _words(line) > 8]
    votes = [v for v in votes if v != "unk"]
    if not votes:
        return "unk"
    top = max(set(votes), key=votes.count)
    return top if votes.count(top) * 4 >= len(votes) * 3 else "unk"


@lru_cache(maxsize=4096)  # asked twice per long line: for the article's language, then for the line
def _language(sample: str) -> str:
    if not sample:
        return "unk"
    lang, share = detect_language(sample)
    return lang if share >= 0.7 else "unk"


def is_heading(line: str) -> bool:
    """A headline, kicker, breadcrumb or subheading: no sentence ends it."""
    words = _words(line)
    if words == 0:
        return True
    if _END_PUNCT.search(line) is None:
        return words <= 30
    # "Ukraine: Greift nun auch Südkorea stärker ein?" - a short question standing alone.
    return line.rstrip().endswith("?") and words <= 12 and line.count("?") == 1 and ". " not in line


def _classify(line: str, language: str) -> str | None:
    words = _words(line)
    low = line.lower()
    if words <= 60 and _NAMES_AI.search(low) and _AI.search(low):
        return "ai-disclaimer"
    if _IMAGE.match(line):
        return "caption"
    if _TICKER.match(line):
        return "ticker"
    items = _MENU_GAP.split(line.strip())
    if _WIDGET.match(line.strip()) or len(items) >= 2 and all(0 < len(i.split()) <= 3 and not _END_PUNCT.search(i)
                                                            for i in items):
        return "widget"
    if words <= 80 and _PLATFORM.search(low) and _ADDRESS.search(low):
        return "promo"
    inline = len(_WIDGET_INLINE.findall(low))
    if inline >= 1 and (_BYLINE.search(line) or inline >= 2):
        return "header"  # headline, byline, date, reading time and widgets run together on one line
    if _DATELINE.match(line) and words <= 8:
        return "dateline"
    if words <= 60 and _CREDIT.search(low):
        return "caption"
    if _printed_twice(line) or (words <= 80 and _PHOTO.search(line)):
        return "caption"
    if _AGENCY_CAPTION.search(line) and (_TRUNCATED.search(line) or ":" in line[:120]):
        return "caption"
    if _TRUNCATED.search(line):
        return "caption"
    if _BYLINE.match(line) and words <= 12 and not line.rstrip().endswith("."):
        return "byline"
    if _AUTHOR_BOX.match(line):
        return "author-box"
    if words >= 6 and language != "unk" and _language(line) not in (language, "unk"):
        return "caption"  # e.g. an agency caption in English inside a German article
    if words <= 60 and ("Sie" in line or "Ihnen" in line or "you" in low) and _READER.search(line):
        return "teaser"
    if _BULLET.match(line) and (is_heading(_BULLET.sub("", line)) or words <= 14):
        return "teaser"
    if is_heading(line):
        return "heading"
    return None


_TEASER_LABEL = re.compile(r"(mehr zum thema|auch interessant|lesen sie (auch|mehr)|das könnte sie|related|"
                           r"read more|more on this|see also|empfehlungen|weitere (artikel|nachrichten|themen))", _I)


def _mark_teaser_runs(text: str, lines: list[tuple[int, int]], kinds: list[str | None]) -> None:
    """Headlines listed under 'Mehr zum Thema' are teasers of other stories; a 'read the story'
    link ends a teaser of another story: mark it back to its headline."""
    for i, ((s, e), kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind == "widget" and _TEASER_LABEL.match(text[s:e].strip()):
            j = i + 1
            while j < len(lines) and kinds[j] in ("heading", "teaser"):
                kinds[j] = "teaser"
                j += 1
    for i, ((s, e), kind) in enumerate(zip(lines, kinds, strict=True)):
        label = text[s:e].strip().lower()
        # the bare link only: "Read more: Inside the crisis" is a teaser itself, not the end of one above it;
        # nor is "Read more:" on a line of its own, which introduces the teasers below it
        if kind == "widget" and not label.endswith(":") and \
                re.fullmatch(r"(zur story|zum artikel|weiterlesen|mehr lesen|read more|continue reading)\W*", label):
            j = i - 1
            while j >= max(0, i - 3) and kinds[j] is None:
                kinds[j] = "teaser"
                j -= 1
            if j >= 0 and kinds[j] == "heading":
                kinds[j] = "teaser"


def _content_words(line: str) -> set[str]:
    return {w.lower()[:6] for w in _WORD.findall(line) if len(w) >= 5 and not w.isdigit()}


def _mark_unrelated_tail(text: str, lines: list[tuple[int, int]], kinds: list[str | None]) -> None:
    """A block after the article's last heading that shares almost no vocabulary with it is another story."""
    headings = [i for i, k in enumerate(kinds) if k == "heading"]
    body_total = sum(1 for k in kinds if k is None)
    for h in headings:
        block = [i for i in range(h + 1, len(lines)) if kinds[i] is None]
        # stop at the next heading: a block is one heading and what follows it
        nxt = next((j for j in headings if j > h), len(lines))
        block = [i for i in block if i < nxt]
        if not block or len(block) > body_total // 3:
            continue
        if nxt != len(lines) and not all(kinds[j] in ("heading", "teaser", "widget") or j in block for j in range(nxt, len(lines))):
            continue  # only trailing blocks: a block followed by more article is part of it
        rest = set().union(*(_content_words(text[s:e]) for i, (s, e) in enumerate(lines)
                             if kinds[i] is None and i not in block and i < h))
        words = _content_words(" ".join(text[lines[i][0]:lines[i][1]] for i in [h, *block]))
        if words and len(words & rest) / len(words) < 0.2:
            kinds[h] = TAIL_HEADING
            for i in block:
                kinds[i] = TAIL
