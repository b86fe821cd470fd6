"""Who makes a claim: the speaker or source an excerpt names ("sagte Pentagon-Sprecherin Sabrina Singh",
"laut ukrainischem Geheimdienst", "according to the Pentagon"). Always words of the text itself."""

from __future__ import annotations

import re
from functools import lru_cache

from .hedging import ANNOUNCE, SAID_DE, SAY_DE, SAY_EN, closing_tag
from .names import FULL_NAME, PERSON, PHRASE, ROLE, base_form

_SAY_DE, _SAY_EN = SAY_DE, SAY_EN
# What opens a German sentence before its verb when the subject comes after it: "Am Sonntag", "Zuvor"
_ADVERBIAL = (r"Am|Im|In|Nach|Vor|Seit|Bei|Zuvor|Danach|Inzwischen|Gestern|Heute|Später|Zudem|Außerdem|Dann|Nun|"
              r"Jetzt|Bereits|Kurz|Daraufhin|Anschließend|Unterdessen|Indes|Mittlerweile|Erst|Schon|Zugleich")

# Finite verbs that make a name after "said" the subject of a clause of its own
_FINITE = (r"(?:had|has|have|was|were|is|are|would|will|could|should|did|does|must|might|may|can|wanted|wants|"
           r"habe|hat|hatte|sei|seien|war|werde|wird|würde|wolle|könne|müsse)")  # ("will": English and German)

_PATTERNS = [
    # "mit Berufung auf Quellen aus dem ukrainischen Militärgeheimdienst", "citing sources in Kyiv"
    re.compile(r"\b(?:Berufung auf|citing|according to)\s+(?P<who>(?:(?:eine[rm]?|a)\s+)?(?:Quellen?|Kreise|sources?|officials?)\s+"
               r"(?:aus|in|from|im)\s+(?:dem|der|den|the\s+)?\s*[\w-]+(?:\s+[\w-]+)?)", re.U),
    # "…, U.S. Secretary of State Antony Blinken said on Thursday.", "…, South Korea's spy agency told lawmakers."
    re.compile(rf",\s+(?P<who>{PHRASE}(?:\s+[a-z][\w-]+){{0,2}})\s+(?:{_SAY_EN}|{ANNOUNCE})\b", re.U),
    # "…, a company spokesperson said on Saturday.", "…, a senior Ukrainian commander told Reuters.": an
    # English speaker named by role alone is written in small letters
    re.compile(rf",\s+(?P<who>(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:spokesperson|spokesman|spokeswoman|official|commander|"
               rf"lawmaker|diplomat|analyst|minister|negotiator|executive|officer|source)s?)\s+(?:{_SAY_EN}|{ANNOUNCE})\b", re.U),
    # "A Pentagon spokesperson, Sabrina Singh, said …"
    re.compile(r"(?P<who>(?:[A-Z][\w.-]*\s+){0,3}(?:spokesperson|spokesman|spokeswoman|official|minister|leader|chief|"
               r"Sprecher|Sprecherin|Minister|Ministerin),\s+(?:[A-Z][\w-]+\s*){1,3}),\s+(?:said|says|sagte|sagt)\b", re.U),
    # "…, sagte US-Verteidigungsministeriumssprecher Pat Ryder am Montag."
    # (not "…, said Scholz had been trying to …": there the name is the subject of what was said)
    re.compile(rf"[,:]\s*[\"“”»«]?\s*(?:{_SAY_DE}|{_SAY_EN})\s+(?P<who>{PHRASE})(?![\w'’&-])(?!\s+[A-ZÄÖÜ])(?!\s+{_FINITE}\b)", re.U),
    # "Am Sonntag verkündete die Miliz die Einnahme …", "Zuvor hatte das russische Außenministerium mitgeteilt, …":
    # after an adverbial, German puts the subject after the verb
    re.compile(rf"(?:^|(?<=[.!?“”\"«»] ))[\"„“»]?(?:{_ADVERBIAL})\b(?:\s+[\w.-]+){{0,2}}?\s+(?:{_SAY_DE}|{ANNOUNCE}|teilte|teilten)\s+"
               rf"(?P<who>(?:der|die|das)\s+{PHRASE})", re.U),
    re.compile(rf"(?:^|(?<=[.!?“”\"«»] ))[\"„“»]?(?:{_ADVERBIAL})\b(?:\s+[\w.-]+){{0,2}}?\s+(?:hatte|hat|hatten|haben)\s+"
               rf"(?P<who>(?:der|die|das)\s+{PHRASE})(?=[^,.;]*\b(?:{SAID_DE}|mitgeteilt)\b)", re.U),
    # "the 10,000 the US says were deployed": who gives the figure, after it
    re.compile(rf"(?<=\d )(?P<who>the\s+{PHRASE})\s+(?:says|said|estimates|estimated)\b", re.U),
    # "Dies berichtet das ukrainische Nachrichtenportal "Liga" mit Berufung auf Quellen aus dem …"
    re.compile(rf"\b(?:{_SAY_DE})\s+(?P<who>(?:das|die|der)\s+{PHRASE})", re.U),
    # "laut ukrainischem Geheimdienst", "nach Einschätzung des US-Verteidigungsministeriums", "according to …"
    # "nach US-Angaben", "nach ukrainischen Angaben"
    re.compile(r"\bnach (?P<who>[\w-]+?)-Angaben\b", re.U),
    # "nach südkoreanischen Schätzungen"; by its own account ("Die Staatsanwaltschaft leitete nach eigenen Angaben
    # Ermittlungen ein"), the subject
    re.compile(r"\b[Nn]ach (?P<who>(?!(?:eigen|sein|ihr)en )[a-zäöü][\w-]*(?:en|em) (?:Angaben|Schätzungen|Erkenntnissen|"
               r"Informationen))\b"),
    re.compile(rf"(?:^|(?<=[.!?“”\"«»] ))(?P<who>(?:Der|Die|Das)\s+{PHRASE})\s+\w+\s+(?:nach\s+)?(?:eigen|sein|ihr)en\s+Angaben\b"),
    # "…, teilte der Nachrichtendienst NIS am Mittwoch mit."
    re.compile(rf"\bteilten?\s+(?P<who>{PHRASE})\s+(?:(?:am|an|in|im)\s+\S+\s+)*mit\b", re.U),
    re.compile(rf"\b(?:[Ll]aut|[Nn]ach (?:Angaben|Einschätzung|Informationen|Darstellung|Erkenntnissen)|[Aa]ccording to|[Uu]nter Berufung auf|"
               rf"mit Berufung auf|citing)\s+(?P<who>{PHRASE}(?:\s+(?:reports?|officials?|sources?|media|authorities|estimates|"
               rf"figures|data|intelligence))?)", re.U),
    # "Wie das US-Magazin "Newsweek" berichtet", "wie Militärexperten schreiben"
    re.compile(rf"\b[Ww]ie\s+(?P<who>{PHRASE})\s+(?:{_SAY_DE}|{_SAY_EN})\b", re.U),
    # "Einem Bericht der New York Times zufolge"
    re.compile(rf"(?P<who>(?:[Ee]ine[mr]?|[Dd]e[mr])\s+{PHRASE})\s+zufolge\b", re.U),
    # "South Korea's spy agency says …", "Western officials estimate …", "HUR, …, has put the number at …"
    re.compile(r"(?:^|(?<=[.!?“”\"«»] ))[\"„“»]?(?P<who>[A-ZÄÖÜ][\w.'’-]*(?:\s+[\w.'’-]+){0,4}?)(?:,(?!\s*(?:dass|ob|weil|wenn|falls|obwohl|that|whether|because|if)\b)[^,]{1,120},)?\s+(?:has\s+|have\s+)?"
               r"(?:says?|said|told|estimates?|believes?|put|puts|reported|warned|announced|conveyed|called|described|"
               r"demanded|urged|insisted|stressed|denied|critici[sz]ed|welcomed|sagt|sagte|sagen|"
               r"schätzt|schätzen|spricht|sprach|nannte|nennt|geht von|gehen von)\b",
               re.U),
    # "…, der südkoreanische Geheimdienst NIS geht sogar von bis zu 13.000 aus"; "the 10,000 that the Pentagon gave"
    re.compile(rf"(?:[,;]|\bthat|\bwhich)\s+(?P<who>(?:der|die|das|the)\s+{PHRASE})\s+(?:geht|gehen|spricht|sprach|nennt|"
               rf"nannte|schätzt|schätzte|sagt|sagte|gave|put|said|says)\b", re.U),
    # "Südkoreas Verteidigungsminister führte aus", "Pentagon spokesperson Sabrina Singh said"
    re.compile(rf"(?:^|(?<=[.!?“”\"«»] ))[\"„“»]?(?P<who>{PHRASE})\s+(?:hat\s+|habe\s+|hatte\s+|have\s+|has\s+)?"
               rf"(?:{_SAY_DE}|{_SAY_EN}|{ANNOUNCE}|erklärt|gesagt|geantwortet|wies darauf hin)\b",
               re.U),
    # "Al-Dschalali rief die Bevölkerung zur Kooperation auf": who calls on others; "Mazón wies die Vorwürfe
    # zurück: …", "Der Minister räumte Fehler ein": who rejects or admits (German splits these verbs)
    re.compile(rf"(?:^|(?<=[.!?“”\"«»] ))[\"„“»]?(?P<who>{PHRASE})\s+(?:(?:rief|riefen|ruft|rufen)\b[^.,;:!?]*\bauf|"
               rf"(?:wies|wiesen|weist|räumte|räumten|räumt)\b[^.,;:!?]*\b(?:zurück|ein))(?=[.,;:!?])", re.U),
    # "Bestätigt worden war der Beschuss wenig später auch von Andrii Kovalenko": a passive and its agent
    re.compile(r"\b(?:[Bb]estätigt|[Gg]emeldet|[Bb]erichtet|[Dd]ementiert|[Bb]ekräftigt)\s+worden\s+(?:war|ist|sei|waren|sind)\b"
               r"[^.;]*?\bvon\s+(?P<who>[A-ZÄÖÜ][\w'’-]+(?: [A-ZÄÖÜ][\w'’-]+){1,2})", re.U),
    # "Das sagte ein Behördensprecher.": what was said, then who said it
    re.compile(rf"(?:^|(?<=[.!?“”\"«»] ))(?:Das|Dies|So)\s+(?:{_SAY_DE})\s+(?P<who>(?:der|die|das|ein|eine)\s+{PHRASE})", re.U),
    # "…", so die Experten für Geopolitik.
    re.compile(rf"[\"“”»«],?\s+so\s+(?P<who>{PHRASE})", re.U),
]
# Said, in any form: a named person in a role is the claimant only in a sentence that says something.
_SAYING = re.compile(r"\b(sagte|sagt|gesagt|erklärte|erklärt|bestätigte|bestätigt|betonte|betont|warnte|gewarnt|"
                     r"äußerte|geäußert|bekräftigte|bekräftigt|forderte|gefordert|kündigte|bezeichnete|bezeichnet|"
                     r"zitierte|zitiert|sprachen|sprach|said|says|told|warned|confirmed|stated|described|called|quoted)\b")
_NAMED_SPEAKERS = [
    # "Pentagon-Sprecher Patrick Ryder", "NATO-Generalsekretär Mark Rutte", "Präsident Yoon Suk-yeol"
    # "der stellvertretende Außenminister Kim Hong-kyun", "deputy minister …": what qualifies the role is part of it
    re.compile(rf"(?P<who>(?:(?:[Dd]er|[Dd]ie|[Dd]en|[Dd]em|[Dd]es) (?:stellvertretende|ehemalige|frühere|neue|designierte|amtierende)[nrm]? |"
               rf"(?:[Dd]eputy|[Aa]cting|[Ff]ormer|[Vv]ice) )?{ROLE} {PERSON})", re.U),
    # "Kim Yong-hyun, der Verteidigungsminister Südkoreas"; "Wi Sung-lac, einen südkoreanischen Gesetzgeber"
    re.compile(rf"(?P<who>{PERSON}, (?:der|die|den|einen|eine|the|a) (?:[\w-]+ )?{ROLE}(?: [A-ZÄÖÜ][\w-]+)?)", re.U),
]

# Words after the claimant that belong to the rest of the sentence, not to the name.
_TRAIL = re.compile(r"\s+(am|im|in|bei|auf|gegenüber|zu|vor|nach|on|in|at|to|on|weiter|zuletzt|jetzt|nun|außerdem|"
                    r"mit|aus|dass|that|der sich|who)\b.*$", re.U)
_NOT_A_CLAIMANT = re.compile(r"^(according|laut|zufolge|aber|auch|kein|keine|keinen|nicht|noch|jedoch|sich|am|im|in|on|at|last|this|early|late|earlier|later|monday|tuesday|wednesday|"
                             r"after|before|when|while|since|until|because|nachdem|bevor|während|weil|"
                             r"thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|"
                             r"samstag|sonntag|reporters|journalisten)\b", re.I)
# One word that is not a claimant: a sentence adverb caught at the start, or a noun too generic to tell the reader who.
_NOT_ALONE = {"dennoch", "zudem", "außerdem", "allerdings", "doch", "daher", "deshalb", "auch", "nun", "dann", "damit",
              "dabei", "jedoch", "zuvor", "hier", "dort", "jetzt", "bisher", "zuletzt", "erst", "kurz", "gestern",
              "heute", "still", "also", "however", "meanwhile", "mann", "frau", "zeitung", "vereinbarung", "bericht",
              "quelle", "sprecher", "sprecherin", "experte", "experten", "newspaper", "report", "man", "woman"}
_ADVERBS = set(_ADVERBIAL.split("|"))  # "Zugleich forderte die Ministerin …": an adverb opens, the speaker follows
_PRONOUNS = {"er", "sie", "es", "he", "she", "they", "it", "wir", "we", "ich", "i", "man", "dies", "das", "this"}


@lru_cache(maxsize=4096)  # agency copy and a figure's sentence asked once per figure repeat the same text
def claimants(text: str) -> tuple[tuple[int, str], ...]:
    """(position, claimant) of every source the text names, in text order."""
    text = re.sub(r"\s", " ", text)  # hard line breaks must not hide a name; positions stay
    best = _found(text, _PATTERNS)
    if best or not _SAYING.search(text):
        return tuple(best)
    # a named person in a role is only the fallback, and only the first of them: "Außenminister Kim
    # erläuterte Botschafter Sinowjew die Position …" is what Kim said
    return tuple(_found(text, _NAMED_SPEAKERS)[:1])


def _found(text: str, patterns: list[re.Pattern[str]]) -> list[tuple[int, str]]:
    best: dict[int, str] = {}
    for pattern in patterns:
        for match in pattern.finditer(text):
            who = match.group("who")
            whose = _WHOSE.match(text, match.end("who")) if _ENDS_IN_ROLE.search(who) else None
            who = _clean(re.sub(r" +", " ", who + (whose.group() if whose else "")))
            at = match.start("who")
            if who and who.lower() not in _PRONOUNS and len(who) > len(best.get(at, "")):
                best[at] = who  # where two patterns find a claimant at one place, the fuller wins
    return sorted(best.items())


def claimant_of_figure(text: str, after: str, position: int) -> str | None:
    """Who gives the figure at `position` of `text`; also from the sentence after it if that names the source."""
    if re.match(r"^(dies|das|so|this|that)\b", after, re.I):
        text = text + " " + after
    return claimant_near(text, position)


def claimant_near(text: str, position: int) -> str | None:
    """Who gives the figure at `position`: the claimant just before it in the same clause,
    else the nearest one; with the source it cites ("Liga, citing Quellen aus dem …")."""
    found = claimants(text)
    if not found:
        return None
    def same_clause(at: int, who: str) -> bool:  # ", dass" / ", that" continues what the claimant says
        return not re.search(r"[,;](?!\s*(dass|that)\b)", text[at + len(who) : position])

    earlier = [(at, who) for at, who in found if at < position]
    if earlier and _NARRATOR_GOES_ON.search(text, earlier[-1][0] + len(earlier[-1][1]), position):
        return None  # "…, Sanchez said, as the death toll rose to 217": the reporter's own clause, no one's claim
    before = [(at, who) for at, who in earlier if same_clause(at, who)]
    if before and _CITED.match(before[-1][1]) and len(before) > 1:
        before.pop()  # "Kyodo berichtet unter Berufung auf eine Quelle …": Kyodo, citing the source
    # else the sentence's own reporter, the first claimant it names
    at, who = before[-1] if before else next((f for f in found if not _CITED.match(f[1])), found[0])
    cited = next((w for a, w in found if a > at and _CITED.match(w) and a - at < 160), None)
    return f"{who} ({cited})" if cited and cited != who else who


# A clause that follows a speech tag and tells what happened meanwhile is the reporter's, not the speaker's
_NARRATOR_GOES_ON = re.compile(rf"\b(?:{SAY_DE}|{SAY_EN})\b[^,;]{{0,40}},\s*(?:as|while|when|amid|als|während|wobei)\b")

_PRONOUN_SPEAKER = re.compile(r"\b(sagte|sagt|erklärte|fügte|führte|so|said|says|added|told)\s+(er|sie|he|she)\b|"
                              r"\b(er|sie|he|she)\s+(sagte|sagt|erklärte|said|says|added)\b|"
                              # "…, the German also wrote": a nationality standing for the person named before
                              r"\bthe (?:German|American|Russian|Ukrainian|Briton|Frenchman|Frenchwoman|Italian|"
                              r"Spaniard|Pole|Turk|Israeli|Iranian|Syrian) (?:also |then |later )?"
                              r"(?:said|says|wrote|writes|added|told)\b", re.I)


# "Ballbach: Die verlässlichsten Zahlen …": an interview answer, its speaker named at the paragraph's start.
_SPEAKER_LABEL = re.compile(r"(?:^|\n\s*\n)\s*(?P<who>[A-ZÄÖÜ][\w'’-]+(?: [A-ZÄÖÜ][\w'’-]+){0,2}):\s")
_NOT_SPEAKERS = {"Frage", "Antwort", "F", "A", "Q", "Question", "Answer", "Update", "Hinweis", "Note", "Anzeige"}


def attribute(text: str, before: str, article: str = "") -> str | None:
    """The excerpt's claimants; in an interview (`article`: the whole text), the speaker of the answer;
    when it names only "er"/"sie" ("…, sagte er."), the person it or the sentences before it
    (`before`) name last."""
    found = find_attribution(text)
    if found is None and _is_interview(article):
        paragraph = before[before.rfind("\n\n") + 2 :] if "\n\n" in before else before
        if "\n\n" not in before and len(before) >= 400:
            paragraph = ""  # the paragraph's start is out of sight
        label = _SPEAKER_LABEL.match(paragraph + text)
        if label and label.group("who") not in _NOT_SPEAKERS:
            return label.group("who")
    pronoun = _PRONOUN_SPEAKER.search(text) if found is None else None
    if pronoun:
        return _antecedent(before + " " + text[: pronoun.start()])
    return found


def _is_interview(article: str) -> bool:
    """Paragraphs that open with a speaker's name ("Ballbach: …") are an interview's answers only where
    questions are labelled too; elsewhere "Kiew: …" or "Washington: …" is a dateline, not a speaker."""
    labels = [m.group("who") for m in _SPEAKER_LABEL.finditer(article)]
    return any(label in _NOT_SPEAKERS for label in labels) or len(labels) > len(set(labels))


# A person "er" or "sie" can stand for: a claimant of the sentences before, or a role and a name
# ("HTS-Anführer Ahmed Hussein al-Scharaa rief …"); not an agency or an outlet ("berichtet die
# Nachrichtenagentur AFP" is not who "erklärte er").
_ROLE_AND_NAME = re.compile(rf"(?:[\w-]*(?:[Aa]nführer|[Ff]ührer|[Pp]remier|leader)|{ROLE}) {FULL_NAME}", re.U)
_NOT_A_PERSON = re.compile(r"agentur|zeitung|sender|ministerium|dienst|portal|magazin|medien|agency|newspaper|"
                           r"ministry|service|(?:^|\s)[A-Z]{2,}(?:$|\s(?![A-ZÄÖÜ][\w'’-]+ [A-ZÄÖÜ]))")  # "NIS", not "CEO Kelly Ortberg"


def _antecedent(text: str) -> str | None:
    """The person named last in the text's three sentences before the last one (that one says "er")."""
    sentences = re.split(r"(?<=[.!?“”\"])\s+", text.strip())
    for sentence in reversed(sentences[-4:-1]):  # nearest first
        named = [who for _, who in claimants(sentence)] + [m.group() for m in _ROLE_AND_NAME.finditer(sentence)]
        people = [who for who in named if not _NOT_A_PERSON.search(who)]
        if people:
            return _clean(people[-1])
        tag = closing_tag(sentence)
        if named or tag and not re.search(r"\b(?:er|sie|he|she|they)\b", tag):
            return None  # the nearest speaker is no person ("…, the ministry said."): "he" is not one named further back
    return None


def find_attribution(text: str, language: str | None = None) -> str | None:
    """The claimants an excerpt names, in the order it names them ("A; B"), or None."""
    in_full = [m.group() for m in _ROLE_AND_NAME.finditer(text)]
    names = list(dict.fromkeys(_named_in_full(who, in_full) for _, who in claimants(text)))
    # "Sabrina Singh" and later "Singh": keep the fuller name only
    names = [n for n in names if not any(n != m and n in m for m in names)]
    return "; ".join(names[:3]) or None


def _named_in_full(who: str, in_full: list[str]) -> str:
    """A role or a name alone is the person the excerpt named in full with it: "Bundeskanzler Olaf
    Scholz …, betonte der Kanzler", "Außenministerin Choe Son Hui …, sagte Choe"."""
    if " " in who:
        return who
    for full in in_full:
        role, *name = full.split()
        if role.casefold().endswith(who.casefold()) or who in name:
            return full
    return who


_CITED = re.compile(r"^(eine[rm]?\s+|a\s+)?(quellen?|kreise|sources?)\b", re.I)
_SOURCES_FROM = re.compile(r"^((eine[rm]?|a)\s+)?(quellen?|kreisen|kreise|sources?|officials?|beamten?)\s+(aus|in|from|im)\s+\S+", re.I)


# "the German also wrote": a nationality standing for a person named before, not a name
_DEMONYM = re.compile(r"^(?:the\s+)?(?:German|American|Russian|Ukrainian|Briton|Frenchman|Frenchwoman|Chinese|"
                      r"Korean|South Korean|North Korean|Syrian|Turk|Israeli|Iranian|Pole|Italian|Spaniard)$")
_TRAILING_ADVERB = re.compile(r"\s+(also|too|again|later|earlier|first|then|auch|zudem|ebenfalls|weiter|nun|jetzt)$", re.I)


# In small letters: a role with what tells whose ("a company spokesperson", not "a spokesperson"); an institution
_ROLE_ONLY = re.compile(r"^(?:a|an)\s+(?:[\w-]+\s+){1,3}(?:spokesperson|spokesman|spokeswoman|official|commander|lawmaker|"
                        r"diplomat|analyst|minister|negotiator|executive|officer|source)s?$|^the\s+(?:[a-z][\w-]+\s+){0,3}"
                        r"(?:commission|ministry|government|agency|committee|council|court|police|army|military|department)$")


def _clean(who: str) -> str | None:
    if re.search(r"\b(has|have|had|is|are|was|were|hat|haben|hatte|hatten|ist|sind|war|waren)\b", who):
        return None  # a clause, not a name: ", the government has summoned the Russian ambassador and warned"
    if re.search(r"(?<=[a-zäöüß]{2})[.!?]\s*(?=[A-ZÄÖÜ])", who):
        return None  # it runs into the next sentence ("für die Beschäftigten. Sie kündigte", "Sprecher.Dem Bericht")
    if _SOURCES_FROM.match(who):  # "Quellen aus dem ukrainischen Militärgeheimdienst": the where is the who
        who = re.split(r"\s+(?:am|on|zufolge|mit|,)\s", who)[0]
    else:
        who = _TRAIL.sub("", who)
    who = who.strip(" ,.;:")
    who = re.sub(r"^(wie|as|so)\s+", "", who, flags=re.I)
    # "according to an estimate by S&P Global Ratings": who made the estimate
    who = re.sub(r"^(?i:an?|the|einer?|de[rm])\s+(?:[\w-]+\s+)?(?:estimate|report|analysis|study|survey|assessment|"
                 r"Schätzung|Analyse|Studie|Umfrage|Bericht)s?\s+(?:by|from|of|von)\s+(?=(?:the |de[rmns] )?[A-ZÄÖÜ])",
                 "", who)
    who = _TRAILING_ADVERB.sub("", who)
    if re.match(r"^(der|die|das|des|dem|den)\s+(der|die|das|des|dem|den|ein|eine|einen|einem)\b", who, re.I):
        return None  # "bezeichnete der die US-Einstufung …": the first "der" is "he", what follows the object
    who = base_form(who)
    if not who or len(who.split()) > 8 or not (re.search(r"[A-ZÄÖÜ]", who) or _ROLE_ONLY.match(who)) \
            or _NOT_A_CLAIMANT.match(who):
        return None
    if who.lower() in _NOT_ALONE or who in _ADVERBS or _DEMONYM.match(who):
        return None
    return who


# Whose speaker it is, in the genitive after the role: "ein Sprecher der Behörde", "der Chef des Bundesamtes"
_ENDS_IN_ROLE = re.compile(rf"(?:^|\s){ROLE}$")
_WHOSE = re.compile(r" (?:der|des) [A-ZÄÖÜ][\w-]+(?= |[,.;:!?]|$)")
