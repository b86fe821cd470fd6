"""Scores a brief's JSON against a hand-made gold annotation (see tests/gold/*.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefing.ingest import read_articles

Span = tuple[str, int, int]  # file stem prefix, start, end


@dataclass
class Score:
    precision: float
    recall: float
    excerpts: int
    wrong: list[str] = field(default_factory=list)  # excerpts in a section, relevant only to another one
    irrelevant: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)  # section/fact ids not covered


def _locate(texts: dict[str, str], ref: list[Any]) -> Span:
    """A gold sentence's span in the text briefing reads from the file (for HTML: the extracted text)."""
    prefix, needle = (f"{ref[0]:03d}" if isinstance(ref[0], int) else str(ref[0])), str(ref[1])
    matches = sorted(name for name in texts if name.startswith(prefix))
    assert len(matches) == 1, f"gold names {prefix}: {matches}"
    text = texts[matches[0]]
    at = text.find(needle)
    assert at >= 0 and text.find(needle, at + 1) < 0, f"gold substring not unique or missing: {ref}"
    return matches[0], at, at + len(needle)


def evaluate(gold_path: Path, brief: dict[str, Any]) -> Score:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    folder = (gold_path.parent / gold["articles"]).resolve()
    texts = {Path(a.path).name: a.text for a in read_articles(folder)[0]}
    paths = {s["id"]: Path(s["path"]).name for s in brief["sources"]}
    facts: dict[str, dict[str, list[Span]]] = {}
    relevant: dict[str, list[Span]] = {}
    for sid, section in gold["sections"].items():
        facts[sid] = {fid: [_locate(texts, r) for r in refs] for fid, refs in section["facts"].items()}
        relevant[sid] = [s for spans in facts[sid].values() for s in spans]
        relevant[sid] += [_locate(texts, r) for r in section.get("acceptable", [])]

    def hits(spans: list[Span], name: str, start: int, end: int) -> bool:
        return any(n == name and s < end and start < e for n, s, e in spans)

    right = total = 0
    score = Score(0.0, 0.0, 0)
    covered = 0
    fact_count = 0
    for section in brief["sections"]:
        sid = section["id"]
        for ex in section["excerpts"]:
            total += 1
            name = paths[ex["source"]]
            if hits(relevant.get(sid, []), name, ex["start"], ex["end"]):
                right += 1
            elif any(hits(spans, name, ex["start"], ex["end"]) for other, spans in relevant.items() if other != sid):
                score.wrong.append(f"{sid}: {ex['text'][:90]}")
            else:
                score.irrelevant.append(f"{sid}: {ex['text'][:90]}")
        quoted = [(paths[c["source"]], c["start"], c["end"]) for ex in section["excerpts"]
                  for c in [ex, *ex.get("corroborated_by", [])]]
        for fid, spans in facts.get(sid, {}).items():
            fact_count += 1
            if any(hits(spans, *q) for q in quoted):
                covered += 1
            else:
                score.missed.append(f"{sid}/{fid}")
    score.excerpts = total
    score.precision = right / total if total else 0.0
    score.recall = covered / fact_count if fact_count else 0.0
    return score
