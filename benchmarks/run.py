"""The benchmarks: seed brief against the WeasyPrint floor, and corpora of 1,000 and 10,000
generated articles, cold and with a warm cache. Writes benchmarks/RESULTS.md.

    make bench                       # everything (the 10,000-article corpus takes several minutes)
    python benchmarks/run.py --quick # seeds and 1,000 articles only
"""

from __future__ import annotations

import compileall
import html
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
# Runs a command as its only child and reports wall time and the child's peak memory.
_MEASURE = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"wall": wall, "rss_mb": rss, "code": done.returncode, "stderr": done.stderr}))
"""


def measure(*cmd: str) -> dict[str, object]:
    result = json.loads(subprocess.run([PY, "-c", _MEASURE, *cmd], capture_output=True, text=True, check=True).stdout)
    if result["code"] != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(cmd)}\n{result['stderr']}")
    result["stages"] = {m.group(1): float(m.group(2))
                        for m in re.finditer(r"^([\w+]+): ([\d.]+) s", str(result["stderr"]), re.M)}
    return result


def config(tmp: Path, name: str, articles: Path, cache: Path, sections_changed: bool = False,
           new_terms: bool = False) -> Path:
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    text = re.sub(r"^articles: .*$", f"articles: {articles}", text, flags=re.M)
    text = re.sub(r"^date: .*$", "date: 2024-11-05", text, flags=re.M)
    text += f"\ncache: {cache}\n"
    if sections_changed:  # the editing loop: another title, one section fewer, another cap
        text = text.replace("title: Reaktion Südkoreas", "title: Südkorea").replace("max_excerpts: 12", "max_excerpts: 6")
        text = text[: text.index("  - id: agreement")] + text[text.index("  - id: south-korea"):]
    if new_terms:  # a line of terms never read before: each article is read for it
        line = "      - Nordkoreaner | nordkoreanisch | North Korean\n"
        text = text.replace(line, line + "      - Militärexperte | Beobachter | observer\n", 1)
    path = tmp / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), "0")
    return (f"{os.cpu_count()} cores ({cpu}), {int(mem) / 1024 / 1024:.0f} GiB memory, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


SEED_RUNS = 5


def _median(results: list[dict[str, object]]) -> dict[str, object]:
    return sorted(results, key=lambda r: float(r["wall"]))[len(results) // 2]  # type: ignore[arg-type]


def main() -> None:
    if set(sys.argv[1:]) - {"--quick"}:  # "--help" too: a run takes minutes and rewrites RESULTS.md
        sys.exit("usage: python benchmarks/run.py [--quick]  (writes benchmarks/RESULTS.md)")
    quick = "--quick" in sys.argv
    # what an installed package runs: compiled, as WeasyPrint is (an edited module would otherwise be
    # compiled again in every measured run where PYTHONDONTWRITEBYTECODE is set)
    compileall.compile_dir(ROOT / "briefing", quiet=1)
    rows: list[str] = []
    checks: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        # 1. The seed brief, cold, beside the floor.
        seed_cfg = config(tmp, "seed", ROOT / "seeds", tmp / "cache-seed")
        html, pdf = tmp / "seed.html", tmp / "seed.pdf"
        # Short runs vary by a tenth of a second: each is measured SEED_RUNS times, interleaved, and the
        # median is reported.
        brief_json = tmp / "seed.json"
        measure(PY, "-m", "briefing", "build", "--no-cache", "--config", str(seed_cfg), "--out", str(pdf), "--html", str(html),
                "--json", str(brief_json))
        bare, bare_full = tmp / "bare.html", tmp / "bare-full.html"
        bare.write_text(bare_html(json.loads(brief_json.read_text(encoding="utf-8"))), encoding="utf-8")
        bare_full.write_text(bare_full_html(json.loads(brief_json.read_text(encoding="utf-8"))), encoding="utf-8")
        colds, floors, bares, fulls, warms = [], [], [], [], []
        for _ in range(SEED_RUNS):
            colds.append(measure(PY, "-m", "briefing", "build", "-v", "--no-cache", "--config", str(seed_cfg),
                                 "--out", str(pdf)))
            floors.append(measure(PY, "-c", f"import weasyprint; weasyprint.HTML(filename={str(html)!r})"
                                  f".write_pdf({str(tmp / 'f.pdf')!r})"))
            bares.append(measure(PY, "-c", f"import weasyprint; weasyprint.HTML(filename={str(bare)!r})"
                                 f".write_pdf({str(tmp / 'b.pdf')!r})"))
            fulls.append(measure(PY, "-c", f"import weasyprint; weasyprint.HTML(filename={str(bare_full)!r})"
                                 f".write_pdf({str(tmp / 'bf.pdf')!r})"))
            measure(PY, "-m", "briefing", "build", "--config", str(seed_cfg), "--out", str(pdf))  # fills the cache
            warms.append(measure(PY, "-m", "briefing", "build", "-v", "--config", str(seed_cfg), "--out", str(pdf)))
            shutil.rmtree(tmp / "cache-seed", ignore_errors=True)
        cold, floor, bare_floor, full_floor, warm = (_median(colds), _median(floors), _median(bares), _median(fulls),
                                                     _median(warms))
        ratio = float(cold["wall"]) / float(floor["wall"])  # type: ignore[arg-type]
        rows.append(_row(f"seed brief, cold, no cache (median of {SEED_RUNS})", cold))
        rows.append(_row(f"seed brief, cold process, warm cache (median of {SEED_RUNS})", warm))
        rows.append(_row(f"floor: import WeasyPrint, render the same HTML (median of {SEED_RUNS})", floor))
        rows.append(_row(f"bare floor: import WeasyPrint, render the same content as plain headings, quotes and a "
                         f"list with one A4 stylesheet (median of {SEED_RUNS})", bare_floor))
        rows.append(_row(f"bare floor, all the text: the same, with the brief's front matter, key points, each excerpt's "
                         f"line of claimant, source and date, the figures as plain lines, full source entries (median of "
                         f"{SEED_RUNS})", full_floor))
        checks.append(f"seed brief / floor: {ratio:.2f}x (target <= 1.3x), with a warm cache "
                      f"{float(warm['wall']) / float(floor['wall']):.2f}x")  # type: ignore[arg-type]
        bare_wall = float(bare_floor["wall"])  # type: ignore[arg-type]
        checks.append(f"seed brief, cold process, warm cache / bare floor: {float(warm['wall']) / bare_wall:.2f}x "  # type: ignore[arg-type]
                      f"(target <= 1.5x): what the brief's styling, features and added content cost beyond its excerpts "
                      f"and source list; against the bare floor with all of its text "
                      f"{float(warm['wall']) / float(full_floor['wall']):.2f}x: what its styling and features cost")  # type: ignore[arg-type]
        # 2. Corpora: mostly other-topic filler, as the first measure; and on-topic folders
        #    (most paragraphs on the brief's topic), as a newsroom's topic folder is.
        walls = {}
        for count, topic in [(1000, False), (1000, True)] if quick else [(1000, False), (10000, False), (1000, True), (10000, True)]:
            kind = "on-topic " if topic else ""
            corpus = tmp / f"corpus-{kind.strip()}{count}"
            subprocess.run([PY, str(ROOT / "benchmarks" / "generate.py"), str(count), str(corpus),
                            *(["--on-topic"] if topic else [])], check=True)
            size = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
            first = measure(PY, "-m", "briefing", "build", "-v", "--config", str(config(tmp, f"c{kind.strip()}{count}", corpus, tmp / f"cold-{kind.strip()}{count}")),
                            "--out", str(tmp / f"{count}.pdf"))
            second = measure(PY, "-m", "briefing", "build", "-v", "--config",
                             str(config(tmp, f"e{kind.strip()}{count}", corpus, tmp / f"cold-{kind.strip()}{count}", sections_changed=True)),
                             "--out", str(tmp / f"{count}e.pdf"))
            third = measure(PY, "-m", "briefing", "build", "-v", "--config",
                            str(config(tmp, f"n{kind.strip()}{count}", corpus, tmp / f"cold-{kind.strip()}{count}", sections_changed=True,
                                       new_terms=True)), "--out", str(tmp / f"{count}n.pdf"))
            if not topic:
                walls[count] = float(first["wall"])  # type: ignore[arg-type]
            rows.append(_row(f"{count:,} {kind}articles ({size:.0f} MB), cold, empty cache", first))
            rows.append(_row(f"{count:,} {kind}articles, sections changed (one fewer, renamed, capped), warm cache", second))
            rows.append(_row(f"{count:,} {kind}articles, then a line of terms added", third))
            if count == 10000:
                checks.append(f"10,000 {kind}articles cold: {first['wall']:.0f} s (target <= 60 s), peak "
                              f"{first['rss_mb']:.0f} MB (target <= {'1,024' if topic else '1,536'} MB); after a sections change: "
                              f"{second['wall']:.1f} s (target <= 10 s); after adding a line of terms "
                              f"{third['wall']:.1f} s")
        if 1000 in walls and 10000 in walls:
            checks.append(f"10,000 / 1,000 articles: {walls[10000] / walls[1000]:.1f}x (target <= 12x)")
    results = ["# Benchmark results", "", f"Machine: {machine()}", "",
               f"Command: `make bench` (`python benchmarks/run.py{' --quick' if quick else ''}`), "
               f"{time.strftime('%Y-%m-%d')}", "",
               "| run | wall | peak memory | stages |", "|---|---|---|---|", *rows, "", "Against the targets:", "",
               *[f"- {c}" for c in checks], ""]
    (ROOT / "benchmarks" / "RESULTS.md").write_text("\n".join(results), encoding="utf-8")
    print("\n".join(results))


_BARE_HEAD = ("<!doctype html><html><head><meta charset='utf-8'><style>@page { size: A4; margin: 2cm; "
              "@bottom-right { content: counter(page) ' / ' counter(pages); } } body { font-family: serif; }</style>"
              "</head><body>")


def bare_html(brief: dict[str, Any]) -> str:
    """The brief's excerpts and source list with none of its styling: a title, each section's excerpts
    as plain blockquotes with their citation number, the source list; an A4 page with page numbers."""
    esc = html.escape
    sources = brief["sources"]
    number = {s["id"]: s["number"] for s in sources}
    parts = [_BARE_HEAD, f"<h1>{esc(str(brief['title']))}</h1>"]
    for section in brief["sections"]:
        parts.append(f"<h2>{esc(section['title'])}</h2>")
        parts += [f"<blockquote>{esc(e['text'])} [{number[e['source']]}]</blockquote>" for e in section["excerpts"]]
    parts.append("<h2>Sources</h2><ol>" + "".join(f"<li>{esc(str(s.get('title') or s['path']))}</li>" for s in sources)
                 + "</ol></body></html>")
    return "".join(parts)


def bare_full_html(brief: dict[str, Any]) -> str:
    """All the text the brief prints, with none of its styling or generated content: bare_html plus
    the front matter, the key points, each excerpt's line of who said it, where and when, and which
    sources also report it, the figures (one plain line each) and each source's full entry. What the
    brief costs beyond this is its look and its features (table of contents with page numbers, the
    figure table, running headers, PDF tags, the attached data); beyond bare_html, also its content."""
    esc = html.escape
    sources = {s["id"]: s for s in brief["sources"]}

    def cite(sid: str) -> str:
        return f"[{sources[sid]['number']}]"

    def line(e: dict[str, object]) -> str:
        said = f"{e['attribution']} · " if e.get("attribution") else ""
        also = "; ".join(str(sources[c["source"]]["label"]) for c in e.get("corroborated_by") or [])
        return esc(f"{said}{sources[e['source']]['label']}, {e.get('published') or ''}" + (f" · also: {also}" if also else ""))

    parts = [_BARE_HEAD, f"<h1>{esc(str(brief['title']))}</h1>"]
    parts += [f"<p>{esc(str(brief[k]))}</p>" for k in ("subtitle", "date", "author") if brief.get(k)]
    parts += [f"<p>{brief['period'][0]} – {brief['period'][1]}</p>"] if brief.get("period") else []
    parts.append("<h2>Key points</h2>")
    sections = brief["sections"]
    for section in sections:
        top = section["excerpts"][section["key_point"]] if section["excerpts"] else None
        parts.append(f"<h3>{esc(section['title'])}</h3>" + (f"<p>{esc(top['text'])} {cite(top['source'])}</p>" if top else ""))
    for section in sections:
        parts.append(f"<h2>{esc(section['title'])}</h2>" + (f"<p>{esc(section['question'])}</p>" if section.get("question") else ""))
        if section["figures"]:
            parts.append("<ul>" + "".join(f"<li>{esc(str(f['value']))} {esc(str(f['counts'] or ''))} · {esc(str(f['attribution'] or '–'))}"
                                          f" · {esc(str(sources[f['source']]['label']))} {cite(f['source'])} · {f['published'] or ''}</li>"
                                          for f in section["figures"]) + "</ul>")
        parts += [f"<blockquote>{esc(e['text'])} {cite(e['source'])}<br>{line(e)}</blockquote>" for e in section["excerpts"]]
    parts.append("<h2>Sources</h2><ol>" + "".join(
        f"<li>{esc(str(s.get('title') or s['path']))}. Outlet: {esc(str(s.get('outlet') or '?'))}. Published: {s.get('published') or '?'}."
        f"{' ' + esc(str(s['url'])) + '.' if s.get('url') else ''} File: {esc(str(s['path']))} · cited {s['cited']} times</li>"
        for s in sources.values() if s.get("cited")) + "</ol></body></html>")
    return "".join(parts)


def _row(label: str, result: dict[str, object]) -> str:
    stages = ", ".join(f"{k} {v:.2f} s" for k, v in result["stages"].items()) or "-"  # type: ignore[union-attr]
    return f"| {label} | {result['wall']:.2f} s | {result['rss_mb']:.0f} MB | {stages} |"


if __name__ == "__main__":
    main()
