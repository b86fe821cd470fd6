"""lexicon: words of German and English that the rules read, and nothing of any brief's topic.

What a figure is ("rund", "bis zu", "weitere", "Prozent", "Mrd. Euro") and which words are too
common to be a term. A config names what a brief is about; this file names how the two languages
say things."""

from __future__ import annotations

import re

# Words that say "the number of": "die Zahl der Soldaten liege bei 12.000", "a total of 3,000", "the toll rose to 217".
COUNT_WORDS = re.compile(r"^(zahl|anzahl|gesamtzahl|number|figure|total|toll|insgesamt)$", re.I)
# Joins two numbers into a range: "11.000 bis 12.000", "between 10,000 and 12,000", "10.000–12.000".
RANGE = re.compile(r"^(bis|to|and|und|–|-)$", re.I)
# Hedges before a number, by what they make of it.
ABOUT = {"etwa", "rund", "ca", "ca.", "circa", "ungefähr", "knapp", "fast", "nahezu", "about", "around", "some",
         "roughly", "nearly", "almost", "approximately", "close to", "an estimated", "geschätzt", "geschätzte"}
AT_LEAST = {"mehr als", "über", "mindestens", "gut", "more than", "over", "at least", "upwards of"}
UP_TO = {"bis zu", "up to", "as many as", "höchstens", "maximal", "knapp unter", "unter", "weniger als", "less than",
         "fewer than", "under", "below", "just under"}
# "2.000 weitere", "another 2,000": more of something already counted, not a total.
INCREMENT = {"weitere", "weiteren", "weiterer", "zusätzliche", "zusätzlichen", "additional", "another", "more", "further"}
# "die ersten 2000", "darunter 500", "500 officers among the 12,000": a part of a total counted elsewhere.
PART_BEFORE = {"die ersten", "the first", "darunter", "davon", "unter ihnen", "among them", "including", "of which",
               "of whom"}
PART_AFTER = {"among", "unter", "von"}
# "50.000 Soldaten inklusive …": a number that lumps several things together counts none of them.
COMBINED = {"inklusive", "einschließlich", "samt", "plus"}
# After these a four-digit number is a count, not a year: "die ersten 2000", "rund 2000".
NOT_A_YEAR_AFTER = {"ersten", "weitere", "weiteren", "first", "another", "additional", "rund", "etwa", "about",
                    "some", "zu", "to", "als", "than", "around"}
# Numbers written as words, a figure only before a scale or a percent sign: "eine Milliarde Dollar",
# "zehn Prozent", "two million people" (alone, "eine" is an article and "one" a pronoun)
# Month names and their abbreviations, German and English: dates in metadata, days that are no figures
MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2, "märz": 3, "march": 3,
    "mär": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5, "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7,
    "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10,
    "okt": 10, "oct": 10, "november": 11, "nov": 11, "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}

NUMBER_WORDS = {"ein": 1, "eine": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
                "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30,
                "fünfzig": 50, "hundert": 100, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "twenty": 20, "thirty": 30, "fifty": 50,
                "hundred": 100}
PERCENT = {"%", "prozent", "percent", "per cent", "prozentpunkte", "percentage points"}
SCALE = {"tausend": 10**3, "thousand": 10**3, "mio": 10**6, "million": 10**6, "millionen": 10**6, "millions": 10**6,
         "m": 10**6, "mrd": 10**9, "milliarde": 10**9, "milliarden": 10**9, "billion": 10**9, "billions": 10**9,
         "bn": 10**9, "bio": 10**12, "billionen": 10**12, "trillion": 10**12}
CURRENCY = {"€": "€", "$": "$", "£": "£", "euro": "€", "euros": "€", "eur": "€", "dollar": "$", "dollars": "$",
            "us-dollar": "$", "usd": "$", "pfund": "£", "pound": "£", "pounds": "£", "franken": "CHF", "chf": "CHF",
            "rubel": "RUB", "roubles": "RUB", "rubles": "RUB", "won": "KRW", "yen": "JPY", "yuan": "CNY"}
# Signs that stand for a word: a concept that names the word is named by the sign beside a number
# ("35,3 %" names "Prozent | percent", "$100m" names "Dollar")
SIGN_WORDS = {"%": {"%", "prozent", "percent", "per cent"},
              **{sign: {w for w, code in CURRENCY.items() if code == sign} for sign in ("€", "$", "£")}}
# People counted as such: "974.136 Menschen mit syrischer Herkunft", "2,000 people", "11.000 Mann".
# They count for a section when the sentence names one of its own concepts.
PEOPLE = re.compile(r"^(menschen|personen|leute|einwohner\w*|mann|people|persons|residents|men)$", re.I)
# A nationality said of the counted noun: "11.000 russische Soldaten" are another country's.
NATIONALITY = re.compile(r"^(?:[a-zäöüß]+-)?[a-zäöüß]{3,}(?:isch|ländisch)(?:e[nmrs]?)?$|^[A-Z][a-z]+(?:an|ian|ese|ish|i)$")

# Words of a language's grammar: they stand in nearly every sentence. As a term ("die", "the", "will")
# a concept would match everything; between a number and its noun they end the noun phrase.
FUNCTION_WORDS = {
    "de": {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "eines", "und", "oder",
           "aber", "in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur", "für",
           "über", "unter", "vor", "hinter", "neben", "zwischen", "durch", "gegen", "ohne", "um", "als", "wie", "ist",
           "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "sein", "es", "er",
           "sie", "wir", "ihr", "ich", "sich", "nicht", "auch", "noch", "nur", "so", "dass", "ob", "wenn", "man"},
    "en": {"the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as",
           "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "it", "he", "she",
           "they", "we", "you", "i", "this", "that", "these", "those", "not", "also", "so", "then", "there"},
}
ALL_FUNCTION_WORDS = FUNCTION_WORDS["de"] | FUNCTION_WORDS["en"]

# A nationality said before a word: whose it is ("Ukrainian military intelligence", "die ukrainische Armee").
# English: the capitalised adjective; German: the adjectives of the countries most in the news (a
# general "-isch" would take "militärisch" and "politisch" for nationalities). Narrower than NATIONALITY,
# with which the figure table errs towards leaving another actor's number out.
_NATIONS_DE = ("ukrainisch|russisch|amerikanisch|us-amerikanisch|chinesisch|japanisch|deutsch|französisch|britisch|"
               "israelisch|iranisch|türkisch|syrisch|polnisch|indisch|europäisch|belarussisch|ungarisch|italienisch|"
               "spanisch|kanadisch|australisch|saudisch|irakisch|afghanisch|pakistanisch|libanesisch|ägyptisch|"
               "koreanisch|nordkoreanisch|südkoreanisch|taiwanisch|georgisch|moldauisch|rumänisch|finnisch|schwedisch")
NATIONALITY_WORD = re.compile(rf"^(?:{_NATIONS_DE})(?:e[nmrs]?)?$|^[A-Z][a-z]+(?:ian|ean|ese|ish|i)$|"
                              r"^(?:American|German)$")  # (the others end in -ian, -ean, …)
