"""names: how news text names people and bodies (a name, a role before a name, a phrase that ends in
one) and how a reader names a claimant: in the nominative, as the base form of what the sentence put
in another case ("einen südkoreanischen Gesetzgeber" is "ein südkoreanischer Gesetzgeber")."""

from __future__ import annotations

import re

from .language import german_lemma

# A word of a name ("al-Scham" is one); a phrase that ends in names ("das ukrainische Nachrichtenportal
# "Liga"", "Haiat Tahrir al-Scham (HTS)"); a role a speaker is named by; a person's name, and one with
# its particles ("Ursula von der Leyen")
# (& in "S&P", "AT&T"; "Johnson & Johnson" below; "U.S.", "U.N.": an abbreviation with its dots)
NAME = r"(?:al-|el-)?(?:(?:[A-Z]\.){2,}|[A-ZÄÖÜ\"„][\w\"“„'’&-]*)"
PHRASE = (rf"(?:(?:der|die|das|des|dem|den|the|a|an|ein|eine|einer|eines) +)?(?:[\w\"“„'’.-]+ +){{0,5}}?{NAME}"
          rf"(?: +(?:&|of|for|and)? *{NAME}){{0,3}}"  # "Department of Agriculture", "Centers for Disease Control"
          r"(?: +\([A-ZÄÖÜ][\w-]{1,8}\))?")
ROLE = (r"[\w-]*(?:[Ss]precher|[Ss]precherin|[Mm]inister|[Mm]inisterin|[Gg]eneralsekretär|[Pp]räsident|[Pp]räsidentin|"
        r"[Cc]hef|[Cc]hefin|[Kk]anzler|[Bb]otschafter|[Ee]xperte|[Pp]rofessor|[Gg]esetzgeber|[Aa]bgeordnete[r]?|"
        r"spokesperson|spokesman|spokeswoman|[Ss]ecretary|[Cc]hief|[Aa]mbassador|[Ll]awmaker|[Aa]nalyst|[Ll]eader|President)")
PERSON = r"[A-ZÄÖÜ][\w'’-]+(?: [A-ZÄÖÜ][\w'’-]+){1,2}"
FULL_NAME = r"[A-ZÄÖÜ][\w'’-]+(?: (?:al-|el-|bin |von der |von |van der |van |de )?[A-ZÄÖÜ][\w'’-]+){1,2}"

_MASCULINE = re.compile(r"(dienst|er|ent|ist|or|eur|ling|stab|rat|chef|minister)$")


def _nominative(words: list[str]) -> list[str]:
    """A masculine or neuter noun after "des" as a reader names it: Sprechers is Sprecher,
    US-Verteidigungsministeriums US-Verteidigungsministerium, Präsidenten Präsident, Vorsitzenden
    Vorsitzender. Not the adjective of a name that is itself in the genitive ("des Weißen Hauses")."""
    noun, rest = words[0], words[1:]
    if rest and rest[0].endswith("es"):
        return words
    if noun.endswith("enden"):  # a participle as a noun: (Betriebsrats)vorsitzenden
        return [noun[:-1] + "r", *rest]
    lemma = german_lemma(noun)
    return [lemma if lemma[:1].isupper() and lemma[:3] == noun[:3] else noun, *rest]


def base_form(who: str) -> str:
    """The claimant as a reader names them, not in the case the sentence put them in: "Wi Sung-lac,
    einen südkoreanischen Gesetzgeber" is "Wi Sung-lac"; "einen südkoreanischen Gesetzgeber" is "ein
    südkoreanischer Gesetzgeber", "ukrainischen Angaben" "ukrainische Angaben", "dem Pentagon" "Pentagon";
    a nominative article stays where adjectives follow it ("der ukrainische Verteidigungsminister")."""
    name, _, apposition = who.partition(", ")
    if apposition and re.match(r"(der|die|den|dem|einen|einem|eine|einer|the|a|an)\s", apposition) and " " in name.strip():
        return name.strip()
    if apposition and re.fullmatch(PERSON, apposition) and re.search(rf"{ROLE}$", name):
        # "its defence minister, Kim Yong-hyun, said": the name; "A Pentagon spokesperson, Sabrina Singh": both
        role = re.sub(r"^(?:a|an|the)\s+", "", name, flags=re.I)
        return apposition if name[:1].islower() else f"{role} {apposition}"
    words = who.split()
    first = words[0].lower() if words else ""
    # not "der Chef des Amtes", "die Miliz Haiat Tahrir al-Scham"
    adjectives = [w for w in words[1:] if w[:1].islower() and w not in ("der", "des") and not w.startswith(("al-", "el-"))]
    if first == "des" and len(words) >= 2 and words[1][:1].isupper():  # genitive: "nach Angaben des …"
        return " ".join(_nominative(words[1:]))
    if first == "des" and len(words) >= 3 and all(w.endswith("en") for w in adjectives) and adjectives == words[1:-1]:
        # "nach Erkenntnissen des südkoreanischen Geheimdienstes": der südkoreanische Geheimdienst
        noun = _nominative(words[-1:])[0]
        article = "der" if _MASCULINE.search(noun.lower()) else "das"
        return " ".join([article, *(w[:-1] for w in adjectives), noun])
    if first in ("der", "die", "das", "the") and not adjectives or first in ("dem", "den", "des"):
        return " ".join(words[1:])
    if first in ("der", "die", "das", "the"):
        return " ".join([first, *words[1:]])  # at a sentence's start the article was capitalised
    if first == "einen":  # accusative masculine: ein südkoreanischer Gesetzgeber
        return " ".join(["ein", *(re.sub(r"en$", "er", w) if w in adjectives else w for w in words[1:])])
    if first == "einer":  # dative or genitive feminine: eine …e Zeitung
        return " ".join(["eine", *(re.sub(r"en$", "e", w) if w in adjectives else w for w in words[1:])])
    if first == "einem" and not adjectives:
        return " ".join(["ein", *words[1:]])
    if words[0][:1].islower() and first.endswith(("en", "er", "em")) and len(words) >= 2 and words[1][:1].isupper():
        noun = words[1].lower()
        if first.endswith("em") and _MASCULINE.search(noun):  # laut ukrainischem Geheimdienst
            return " ".join([first[:-2] + "er", *words[1:]])
        if not first.endswith("em") and noun.endswith(("en", "n", "e")):  # nach ukrainischen Angaben (plural)
            return " ".join([first[:-2] + "e", *words[1:]])
    return who
