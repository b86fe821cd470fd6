"""explain: why a sentence is or is not in the brief, in words a user can act on."""

from __future__ import annotations

import re

from .concepts import Concepts, Rules
from .pipeline import Build
from .segment import split_sentences
from .select import SectionChoice
from .terms import ids


def why_not(build: Build, needle: str) -> list[str]:
    """For each article that contains `needle` (case ignored): where its sentence is quoted, or why not."""
    assert build.concepts is not None  # set by build_brief
    concepts = build.concepts
    lines: list[str] = []
    wanted = re.compile(re.escape(needle), re.I)
    for article in build.articles:
        hit = wanted.search(article.text)
        if hit is None:
            continue
        at = hit.start()
        lines.append(f"[{article.id}] {' '.join(article.text[at : at + 100].split())}")
        sentence = next((s for s in split_sentences(article) if s.start <= at < s.end), None)
        if sentence is None:
            kinds = sorted({f.kind for f in article.furniture if f.start <= at < f.end}) or ["heading"]
            lines.append(f"  page furniture ({', '.join(kinds)}): never quoted")
            continue
        if (article.id, sentence.start) in build.unrelated:
            lines.append("  after the article's last subheading, in a block that shares little with the rest and names "
                         "neither the topic nor a required term: taken for another story (name it in `topic` or `require`)")
            continue
        named = concepts.index.names(sentence.text, article.language)
        for choice, rules in zip(build.choices, concepts.rules, strict=True):
            verdict = _verdict(choice, rules, concepts, article.id, sentence.start, sentence.end, named)
            lines.append(f"  {choice.config.id}: {verdict}")
    return lines or [f"no article contains {needle!r}"]


def _verdict(choice: SectionChoice, rules: Rules, concepts: Concepts, source: str, start: int, end: int,
             named: int) -> str:
    def inside(where_source: str, where_start: int, where_end: int) -> bool:
        return where_source == source and where_start <= start and end <= where_end

    for ex in choice.excerpts:
        if inside(ex.source, ex.start, ex.end):
            return "quoted"
        if any(inside(c.source, c.start, c.end) for c in ex.corroborated_by):
            return f"quoted as another source of: {' '.join(ex.text.split())[:70]}…"
    for r in choice.rejected:
        if inside(r.source, r.start, r.end):
            return f"left out: {r.reason} (score {r.score})"
    hits = sorted({concepts.labels[c] for c in ids(named & rules.concepts_mask)})
    if not hits:
        return "names none of its terms (add the words the sentence uses to `terms`)"
    return f"names only {', '.join(hits)}, and scores below the best candidates left out"
