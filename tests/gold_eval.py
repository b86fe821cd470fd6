"""Scores a brief's JSON against a hand-made gold annotation (see tests/gold/*.yaml, tests/gold/real/).

Run as a script to see every gold set's scores, or to write them as the new baseline:

    .venv/bin/python -m tests.gold_eval                  # scores, and what is wrong, irrelevant, missed
    .venv/bin/python -m tests.gold_eval --write-baseline # after a deliberate improvement
    .venv/bin/python -m tests.gold_eval --write-baseline --allow-lower   # only with a reason in the commit

The suite (tests/test_quality.py) fails when a score falls below its baseline minus MARGIN.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefing.ingest import read_articles
from briefing.segment import split_sentences

Span = tuple[str, int, int]  # file name, start, end
GOLD = Path(__file__).resolve().parent / "gold"
ROOT = GOLD.parent.parent
BASELINE = GOLD / "baseline.json"
# Scores move by one excerpt in thirty or forty when a rule changes; a fall smaller than this is noise,
# a larger one is a regression. Counts (wrong section, furniture) may never rise.
MARGIN = 0.02
COUNTS = ("wrong_section", "furniture_quoted")


@dataclass(frozen=True)
class GoldSet:
    """A folder of articles, the config it is briefed with, and its gold annotation."""

    name: str
    config: Path
    articles: Path
    gold: Path
    furniture: Path | None = None  # spans that must never be quoted
    claimants: Path | None = None  # who says what, per gold sentence (tests/gold/claimants/)


SETS = [
    GoldSet("seeds", ROOT / "config.yaml", ROOT / "seeds", GOLD / "seeds.yaml", None, GOLD / "claimants" / "seeds.yaml"),
    GoldSet("written", ROOT / "config.yaml", GOLD / "articles", GOLD / "extra.yaml"),
    *(GoldSet(f"real/{t}", GOLD / "real" / t / "config.yaml", GOLD / "real" / t / "articles", GOLD / "real" / t / "gold.yaml",
              GOLD / "real" / t / "furniture.yaml", GOLD / "claimants" / f"{t}.yaml") for t in ("nk-troops", "syria")),
]


@dataclass
class Score:
    precision: float
    recall: float
    excerpts: int
    wrong: list[str] = field(default_factory=list)  # excerpts in a section, relevant only to another one
    irrelevant: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)  # section/fact ids not covered
    sentence_precision: float = 0.0  # of the sentences quoted, the share that belong to their section
    furniture: list[str] = field(default_factory=list)  # excerpts that quote furniture.yaml
    attribution_precision: float | None = None  # of the claimants named, the share that are right
    attribution_recall: float | None = None  # of the claimants gold names, the share named rightly
    wrong_claimants: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float | int]:
        found: dict[str, float | int] = {"precision": round(self.precision, 3), "sentence_precision": round(self.sentence_precision, 3),
                                         "recall": round(self.recall, 3), "wrong_section": len(self.wrong),
                                         "furniture_quoted": len(self.furniture)}
        if self.attribution_precision is not None and self.attribution_recall is not None:
            found["attribution_precision"] = round(self.attribution_precision, 3)
            found["attribution_recall"] = round(self.attribution_recall, 3)
        return found

    def report(self) -> str:
        lines = [f"  {k}: {v}" for k, v in self.metrics().items()]
        for label, items in (("wrong", self.wrong), ("irrelevant", self.irrelevant), ("missed", self.missed),
                             ("furniture", self.furniture), ("claimant", self.wrong_claimants)):
            lines += [f"  {label}: {item}" for item in items]
        return "\n".join(lines)


def _locate(texts: dict[str, str], ref: list[Any]) -> Span:
    """A gold substring's span in the text briefing reads from the file (for HTML: the extracted text)."""
    prefix, needle = (f"{ref[0]:03d}" if isinstance(ref[0], int) else str(ref[0])), str(ref[1])
    matches = sorted(name for name in texts if name.startswith(prefix))
    assert len(matches) == 1, f"gold names {prefix}: {matches}"
    text = texts[matches[0]]
    at = text.find(needle)
    assert at >= 0 and text.find(needle, at + 1) < 0, f"gold substring not unique or missing: {ref}"
    return matches[0], at, at + len(needle)


def _overlaps(spans: list[Span], name: str, start: int, end: int) -> bool:
    return any(n == name and s < end and start < e for n, s, e in spans)


def evaluate(gold_path: Path, brief: dict[str, Any], furniture: Path | None = None,
             claimants: Path | None = None) -> Score:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    folder = (gold_path.parent / gold["articles"]).resolve()
    articles = {Path(a.path).name: a for a in read_articles(folder)[0]}
    texts = {name: a.text for name, a in articles.items()}
    paths = {s["id"]: Path(s["path"]).name for s in brief["sources"]}
    facts: dict[str, dict[str, list[Span]]] = {}
    relevant: dict[str, list[Span]] = {}
    for sid, section in gold["sections"].items():
        facts[sid] = {fid: [_locate(texts, r) for r in refs] for fid, refs in section["facts"].items()}
        relevant[sid] = [s for spans in facts[sid].values() for s in spans]
        relevant[sid] += [_locate(texts, r) for r in section.get("acceptable", [])]

    right = total = 0
    sentences_right = sentences_total = 0
    score = Score(0.0, 0.0, 0)
    covered = fact_count = 0
    sentences = {name: split_sentences(a) for name, a in articles.items()}
    for section in brief["sections"]:
        sid = section["id"]
        for ex in section["excerpts"]:
            total += 1
            name = paths[ex["source"]]
            if _overlaps(relevant.get(sid, []), name, ex["start"], ex["end"]):
                right += 1
            elif any(_overlaps(spans, name, ex["start"], ex["end"]) for other, spans in relevant.items() if other != sid):
                score.wrong.append(f"{sid}: {ex['text'][:90]}")
            else:
                score.irrelevant.append(f"{sid}: {ex['text'][:90]}")
            for s in sentences[name]:  # a merged excerpt is right only as far as its sentences are
                if ex["start"] <= s.start and s.end <= ex["end"]:
                    sentences_total += 1
                    sentences_right += _overlaps(relevant.get(sid, []), name, s.start, s.end)
        quoted = [(paths[c["source"]], c["start"], c["end"]) for ex in section["excerpts"]
                  for c in [ex, *ex.get("corroborated_by", [])]]
        for fid, spans in facts.get(sid, {}).items():
            fact_count += 1
            if any(_overlaps(spans, *q) for q in quoted):
                covered += 1
            else:
                score.missed.append(f"{sid}/{fid}")
    score.excerpts = total
    score.precision = right / total if total else 0.0
    score.sentence_precision = sentences_right / sentences_total if sentences_total else 0.0
    score.recall = covered / fact_count if fact_count else 0.0
    if furniture is not None:
        score.furniture = _furniture_quoted(furniture, texts, paths, brief)
    if claimants is not None:
        _attribution(score, claimants, texts, paths, brief, [s for spans in relevant.values() for s in spans])
    return score


def _furniture_quoted(path: Path, texts: dict[str, str], paths: dict[str, str], brief: dict[str, Any]) -> list[str]:
    spans = [_locate(texts, ref) for ref in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return [f"{section['id']}: {q['text'][:70]!r}" for section in brief["sections"] for ex in section["excerpts"]
            for q in [ex, *ex.get("corroborated_by", [])] if _overlaps(spans, paths[q["source"]], q["start"], q["end"])]


def _right_claimants(got: str, wanted: list[str | list[str]]) -> bool:
    """Every name the brief gives ("A; B") is one the gold gives for a sentence of the excerpt: it
    contains the gold's name or is contained in it ("Blinken" and "US-Außenminister Antony Blinken")."""
    names = [w.casefold() for want in wanted for w in ([want] if isinstance(want, str) else want)]
    parts = [p.strip().strip("\"“”„»«").casefold() for p in got.split(";")]
    return bool(names) and all(part and any(part in w or w in part for w in names) for part in parts)


def _attribution(score: Score, path: Path, texts: dict[str, str], paths: dict[str, str], brief: dict[str, Any],
                 gold_sentences: list[Span]) -> None:
    """Who said it, for the excerpts that quote a gold sentence: claimants.yaml lists, per sentence
    that names one, who (in its base form); a gold sentence not listed names no one. A wrong name
    counts against precision, an empty one only against recall."""
    said = [(_locate(texts, [prefix, needle]), who) for prefix, needle, who in
            yaml.safe_load(path.read_text(encoding="utf-8"))]
    named = right = expected = found = 0
    for section in brief["sections"]:
        for ex in section["excerpts"]:
            name = paths[ex["source"]]
            if not _overlaps(gold_sentences, name, ex["start"], ex["end"]):
                continue  # an irrelevant excerpt: precision already counts it
            wanted = [who for (n, s, e), who in said if n == name and s < ex["end"] and ex["start"] < e]
            got = ex.get("attribution")
            expected += bool(wanted)
            if got:
                named += 1
                ok = _right_claimants(got, wanted)
                right += ok
                found += ok
                if not ok:
                    score.wrong_claimants.append(f"{got!r} for {ex['text'][:70]!r} (gold: {wanted or 'none'})")
    score.attribution_precision = right / named if named else 1.0
    score.attribution_recall = found / expected if expected else 1.0


def build(gold_set: GoldSet) -> dict[str, Any]:
    """The brief of a gold set's folder with its config, as the JSON the command writes."""
    from briefing.config import load_config
    from briefing.pipeline import build_brief

    brief = build_brief(load_config(gold_set.config), gold_set.articles).brief
    return json.loads(brief.model_dump_json())


def score_set(gold_set: GoldSet, brief: dict[str, Any] | None = None) -> Score:
    return evaluate(gold_set.gold, brief if brief is not None else build(gold_set), gold_set.furniture, gold_set.claimants)


def digest() -> str:
    """Of the gold data: a baseline measured on other gold data is no baseline."""
    h = hashlib.sha256()
    for gold_set in SETS:
        files = [gold_set.gold, gold_set.config, *(p for p in (gold_set.furniture, gold_set.claimants) if p)]
        files += sorted(p for p in gold_set.articles.rglob("*") if p.is_file())
        for path in files:
            h.update(str(path.relative_to(ROOT)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def below_baseline(name: str, metrics: dict[str, float | int], baseline: dict[str, Any]) -> list[str]:
    """What fell below the baseline: a score by more than MARGIN, a count at all."""
    floors = baseline["sets"][name]
    falls = []
    for key, floor in floors.items():
        got = metrics.get(key)
        if got is None:
            falls.append(f"{key}: not measured (baseline {floor})")
        elif key in COUNTS:
            if got > floor:
                falls.append(f"{key}: {got} (baseline {floor})")
        elif got < floor - MARGIN:
            falls.append(f"{key}: {got} (baseline {floor}, margin {MARGIN})")
    return falls


def _worse(key: str, got: float | int | None, floor: float | int) -> bool:
    if got is None:
        return True
    return got > floor if key in COUNTS else got < floor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write-baseline", action="store_true", help="write the scores to tests/gold/baseline.json")
    parser.add_argument("--allow-lower", action="store_true", help="let the new baseline be lower than the old")
    parser.add_argument("-v", "--verbose", action="store_true", help="list what is wrong, irrelevant, missed")
    args = parser.parse_args()
    old = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else None
    measured = {}
    for gold_set in SETS:
        score = score_set(gold_set)
        measured[gold_set.name] = score.metrics()
        print(f"{gold_set.name}: " + ", ".join(f"{k} {v}" for k, v in score.metrics().items()))
        if args.verbose:
            print(score.report())
    if args.write_baseline:
        if old and not args.allow_lower:
            lower = [f"{n}.{k}: {measured[n].get(k)} (was {v})" for n in measured if n in old["sets"]
                     for k, v in old["sets"][n].items() if _worse(k, measured[n].get(k), v)]
            if lower:
                print("refusing to lower the baseline (say why in the commit, then use --allow-lower):", *lower, sep="\n  ")
                return 1
        BASELINE.write_text(json.dumps({"digest": digest(), "margin": MARGIN, "sets": measured}, indent=2) + "\n",
                            encoding="utf-8")
        print(f"wrote {BASELINE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
