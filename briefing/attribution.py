"""Who makes a claim: the speaker or source an excerpt names ("sagte Pentagon-Sprecherin Sabrina Singh",
"laut ukrainischem Geheimdienst", "according to the Pentagon"). Always words of the text itself."""

from __future__ import annotations

import re

_SAY_DE = (r"sagte|sagt|erklärte|erklärt|betonte|warnte|bestätigte|berichtete|berichtet|meldete|meldet|schreibt|"
           r"schrieb|teilte mit|ergänzt|ergänzte|führte aus|behauptete|bezeichnete|konstatierte|resümiert|zitierte")
_SAY_EN = r"said|says|told|reported|reports|wrote|warned|confirmed|stated|added|claimed"
_NAME = r"[A-ZÄÖÜ\"„][\w\"“„'’-]*"
_PHRASE = rf"(?:(?:der|die|das|des|dem|den|the|a|an|ein|eine|einer|eines) +)?(?:[\w\"“„'’-]+ +){{0,5}}?{_NAME}(?: +{_NAME}){{0,3}}"

_PATTERNS = [
    # "…, sagte US-Verteidigungsministeriumssprecher Pat Ryder am Montag."
    re.compile(rf"[,:]\s*[\"“”»«]?\s*(?:{_SAY_DE}|{_SAY_EN})\s+(?P<who>{_PHRASE})", re.U),
    # "Dies berichtet das ukrainische Nachrichtenportal "Liga" mit Berufung auf Quellen aus dem …"
    re.compile(rf"\b(?:{_SAY_DE})\s+(?P<who>(?:das|die|der)\s+{_PHRASE})", re.U),
    # "laut ukrainischem Geheimdienst", "nach Einschätzung des US-Verteidigungsministeriums", "according to …"
    # "…, teilte der Nachrichtendienst NIS am Mittwoch mit."
    re.compile(rf"\bteilten?\s+(?P<who>{_PHRASE})\s+(?:(?:am|an|in|im)\s+\S+\s+)*mit\b", re.U),
    re.compile(rf"\b(?:[Ll]aut|[Nn]ach (?:Angaben|Einschätzung|Informationen|Darstellung|Erkenntnissen)|[Aa]ccording to|[Uu]nter Berufung auf|"
               rf"mit Berufung auf|citing)\s+(?P<who>{_PHRASE})", re.U),
    # "Wie das US-Magazin "Newsweek" berichtet", "wie Militärexperten schreiben"
    re.compile(rf"\b[Ww]ie\s+(?P<who>{_PHRASE})\s+(?:{_SAY_DE}|{_SAY_EN})\b", re.U),
    # "Einem Bericht der New York Times zufolge"
    re.compile(rf"(?P<who>(?:[Ee]ine[mr]?|[Dd]e[mr])\s+{_PHRASE})\s+zufolge\b", re.U),
    # "Südkoreas Verteidigungsminister führte aus", "Pentagon spokesperson Sabrina Singh said"
    re.compile(rf"^[\"„“»]?(?P<who>{_PHRASE})\s+(?:hat\s+|have\s+|has\s+)?(?:{_SAY_DE}|{_SAY_EN}|erklärt|gesagt)\b", re.U),
    # "…", so die Experten für Geopolitik.
    re.compile(rf"[\"“”»«],?\s+so\s+(?P<who>{_PHRASE})", re.U),
]
# Words after the claimant that belong to the rest of the sentence, not to the name.
_TRAIL = re.compile(r"\s+(am|im|in|bei|auf|gegenüber|zu|vor|nach|on|in|at|to|on|weiter|zuletzt|jetzt|nun|außerdem|"
                    r"mit|aus|dass|that|der sich|who)\b.*$", re.U)
_NOT_A_CLAIMANT = re.compile(r"^(am|im|in|on|at|last|this|early|late|earlier|later|monday|tuesday|wednesday|"
                             r"thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|"
                             r"samstag|sonntag|reporters|journalisten)\b", re.I)
_PRONOUNS = {"er", "sie", "es", "he", "she", "they", "it", "wir", "we", "ich", "i", "man", "dies", "das", "this"}


def find_attribution(text: str, language: str | None = None) -> str | None:
    """The claimants an excerpt names, in the order it names them ("A; B"), or None."""
    found: list[tuple[int, str]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            who = _clean(match.group("who"))
            if who and who.lower() not in _PRONOUNS:
                found.append((match.start("who"), who))
    names = list(dict.fromkeys(who for _, who in sorted(found)))
    # "Sabrina Singh" and later "Singh": keep the fuller name only
    names = [n for n in names if not any(n != m and n in m for m in names)]
    return "; ".join(names[:3]) or None


def _clean(who: str) -> str | None:
    who = _TRAIL.sub("", who).strip(" ,.;:")
    who = re.sub(r"^(der|die|das|des|dem|den|the)\s+", "", who, flags=re.I)
    if not who or len(who.split()) > 8 or not re.search(r"[A-ZÄÖÜ]", who) or _NOT_A_CLAIMANT.match(who):
        return None
    return who
