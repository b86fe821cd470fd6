"""numbers: the figures in a run of tokens, with what makes them comparable: their value or range,
scale ("1,5 Mrd."), currency, share, hedge ("rund", "bis zu") and kind (count, range, upper bound,
increment, part of a total, share, money). Which of them a section counts is figures.py's question."""

from __future__ import annotations

import re
from typing import NamedTuple

from . import lexicon as lx

# Numbers with their thousands separators (also a narrow space), decimals, and the signs around them.
TOKEN = re.compile(r"\d+(?:[.,'’\u202f\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|[^\W\d_]+(?:-[^\W\d_]+)*|[%$€£–]")
Tok = tuple[str, int, int]  # a token of TOKEN: its text, start and end in the sentence


class Number(NamedTuple):
    start: int  # its first token (a hedge or currency included)
    end: int  # the token after it
    low: float | None  # None: an upper bound ("bis zu 15.000")
    high: float
    kind: str  # count, range, upper-bound, increment, part, share, money
    bound: str  # "≈" (about), "≥" (at least), "≤" (up to: money, shares) or ""


def numbers(toks: list[Tok], small: bool = False) -> list[Number]:
    """Each figure among the tokens: a count of a hundred or more (`small`: of two or more), a share, an
    amount of money; with its range, hedge, scale and currency."""
    found: list[Number] = []
    i = 0
    while i < len(toks):
        word = toks[i][0]
        value = value_of(word)
        if value is None and word.lower() in lx.NUMBER_WORDS and i + 1 < len(toks) and _scales(toks[i + 1][0]):
            value = lx.NUMBER_WORDS[word.lower()]  # "eine Milliarde", "zehn Prozent"
        before = toks[i - 1][0].lower() if i else ""
        if value is None or (_is_year(word) and before not in lx.NOT_A_YEAR_AFTER):
            i += 1
            continue
        start, end, low, high = i, i + 1, value, value
        if end + 1 < len(toks) and lx.RANGE.match(toks[end][0]) and (upper := value_of(toks[end + 1][0])) is not None \
                and upper > value:
            end, high = end + 2, upper
        elif end < len(toks) and (upper := value_of(toks[end][0].lstrip("–-"))) is not None and toks[end][0][:1] in "–-":
            end, high = end + 1, upper
        scale = lx.SCALE.get(toks[end][0].lower().rstrip(".")) if end < len(toks) else None
        if scale:
            low, high, end = low * scale, high * scale, end + 1
        currency = end < len(toks) and toks[end][0].lower() in lx.CURRENCY
        if currency:
            end += 1
        elif start and toks[start - 1][0].lower() in lx.CURRENCY:
            currency, start = True, start - 1
        share = end < len(toks) and (toks[end][0].lower() in lx.PERCENT or
                                     " ".join(t[0].lower() for t in toks[end : end + 2]) in lx.PERCENT)
        if share:
            end += 1 if toks[end][0].lower() in lx.PERCENT else 2
        # (a small one is no day of a month: "Dec 18 (Reuters)", "am 18. Dezember")
        dated = before.rstrip(".") in lx.MONTHS or end < len(toks) and toks[end][0].lower().rstrip(".") in lx.MONTHS
        if not (share or currency or scale) and (value < (2 if small else 100) or value < 100 and dated):
            i = end
            continue
        kind = "share" if share else "money" if currency else "range" if high > low else "count"
        if kind == "range" and start and toks[start - 1][0].lower() in ("between", "zwischen"):
            start -= 1
        bound = ""
        for _ in range(2):  # "including about 500": a hedge, and before it what the number is part of
            phrase = next((p for width in (2, 1) if start - width >= 0 and (p := " ".join(
                t[0].lower() for t in toks[start - width : start])) in _BEFORE), None)
            if phrase is None or phrase == "über" and _after_a_noun(toks, start - 1):
                break  # "eine Kreditlinie über zehn Milliarden Dollar": a credit line of, not more than
            if phrase in lx.UP_TO:
                if kind in ("count", "range"):
                    kind = "upper-bound"
                elif not bound:
                    bound = "≤"  # "bis zu 25 Milliarden Dollar", "up to 10%": money and shares keep their kind
            elif phrase in lx.PART_BEFORE:
                kind = "part" if kind in ("count", "range", "upper-bound") else kind
            elif not bound:
                bound = "≈" if phrase in lx.ABOUT else "≥"
            start -= len(phrase.split())
        if kind in ("count", "range"):
            near = {t[0].lower() for t in toks[max(0, start - 1) : start] + toks[end : end + 1]}
            if near & lx.INCREMENT:
                kind = "increment"
            elif _part_of_a_total(toks, end):
                kind = "part"
        found.append(Number(start, end, None if kind == "upper-bound" else low, high, kind, bound))
        i = end
    return found


_BEFORE = lx.UP_TO | lx.ABOUT | lx.AT_LEAST | lx.PART_BEFORE


def _after_a_noun(toks: list[Tok], at: int) -> bool:
    """German "über" right after a noun gives an amount ("ein Scheck über 500 Euro"); after a verb or a
    preposition it is "more than" ("stieg auf über 200", "Über 200 Menschen")."""
    return at >= 1 and toks[at - 1][0][:1].isupper() and toks[at - 1][0].isalpha()


def _scales(word: str) -> bool:
    word = word.lower()
    return word.rstrip(".") in lx.SCALE or word in lx.PERCENT or word == "per"


def _part_of_a_total(toks: list[Tok], end: int) -> bool:
    """"500 officers among the 12,000", "500 von 12.000": a number followed by a larger one it is part of."""
    for k in range(end, min(end + 4, len(toks))):
        if toks[k][0].lower() in lx.PART_AFTER:
            return any(toks[j][0][:1].isdigit() for j in range(k + 1, min(k + 4, len(toks))))
    return False


def value_of(word: str) -> float | None:
    """12.000, 12,000, 12 000 are twelve thousand; 1,5 and 1.5 one and a half."""
    if not word[:1].isdigit():
        return None
    if re.fullmatch(r"\d{1,3}(?:[.,'’\u202f\u00a0]\d{3})+", word):
        return float(re.sub(r"\D", "", word))
    m = re.fullmatch(r"(\d{1,3}(?:[.,'’\u202f\u00a0]\d{3})*|\d+)(?:[.,](\d+))?", word)
    if m is None:
        return None
    whole = float(re.sub(r"\D", "", m.group(1)))
    return whole + float("0." + m.group(2)) if m.group(2) else whole


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def value_at(toks: list[Tok], start: int, end: int) -> int:
    """The first digit token of a figure's span."""
    return next((k for k in range(start, end) if toks[k][0][:1].isdigit()), start)
