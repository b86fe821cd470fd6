"""cli: arguments in, pipeline called, errors turned into one line and an exit code.
Only this module prints or exits."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import __version__
from .errors import BriefingError, ConfigError, UsageError
from .render_process import RenderProcess

# The pipeline is imported where it is used, after a build has started its render process (render_process):
# importing it takes as long as that process needs to import WeasyPrint, and the two then overlap.
if TYPE_CHECKING:
    from .config import Config
    from .pipeline import Build

log = logging.getLogger("briefing")


def main(argv: list[str] | None = None) -> int:
    # Measured on CPython 3.11: a build run straight from the console script's top-level frame took
    # 0.5 s longer (80,000 more mmap/munmap calls) than the same build one call deeper, as under
    # `python -m briefing`. One more frame here keeps both entry points on the fast side.
    return _main(argv)


def _main(argv: list[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(f"Error: {exc} (see briefing --help)", file=sys.stderr)
        return exc.exit_code
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    level = logging.ERROR if args.quiet else logging.INFO if getattr(args, "verbose", False) else logging.WARNING
    _log_to_stderr(level)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # its font notices are not the user's business
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    # A large folder makes millions of objects that live to the end of the run, and Python's collector
    # walks each of them at least twice to find the few hundred that form cycles (0.7 s of a warm
    # 10,000-article run). A run's garbage goes as it is freed; cycles wait to the end of the run (or
    # of each build, when watching). Worker processes collect as usual (parallel._start_worker).
    gc.disable()
    try:
        if args.command == "build" and not args.watch:
            with RenderProcess(show_errors=args.debug) as args.renderer:
                return int(args.run(args))
        return int(args.run(args))
    except BriefingError as exc:
        if args.debug:
            raise
        for line in str(exc).splitlines() or ["failed"]:
            print(f"Error: {line}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Error: interrupted; earlier outputs were left as they were", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "briefing explain | head -1": the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more to flush at exit
        return 0


_handler: logging.Handler | None = None  # the one main() installed, replaced when it runs again in one process


def _log_to_stderr(level: int) -> None:
    """Messages of `level` and above to stderr, as bare lines (other handlers, a test's, stay)."""
    global _handler
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(message)s"))
    _handler.setLevel(level)
    root.addHandler(_handler)
    root.setLevel(min(level, logging.WARNING))  # warnings are made even when -q prints none of them


class _Parser(argparse.ArgumentParser):
    """Mistakes on the command line are one "Error:" line like every other mistake, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _count(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, got {value}")
        return value
    return parse


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing", description="Turn a folder of news articles into a cited PDF brief.")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    # Each command takes only the options it uses: what reads the inputs, what builds a brief from them.
    inputs = _Parser(add_help=False)
    inputs.add_argument("--config", type=Path, default=Path("config.yaml"), help="config file (default: ./config.yaml)")
    inputs.add_argument("--articles", type=Path, help="articles folder (default: from the config)")
    inputs.add_argument("--debug", action="store_true", help="show tracebacks")
    inputs.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    building = _Parser(add_help=False)
    building.add_argument("-v", "--verbose", action="store_true", help="also print the time each stage took")
    building.add_argument("--no-cache", action="store_true", help="process every article afresh, leave the cache alone")
    building.add_argument("-j", "--jobs", type=_count(1), metavar="N", help="processes for many articles (default: all cores)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = sub.add_parser("build", parents=[inputs, building], help="write the PDF brief")
    build.add_argument("--strict", action="store_true", help="treat warnings (skipped files, empty sections) as failure")
    build.add_argument("--out", type=Path, help="PDF file to write (default: from the config)")
    build.add_argument("--json", type=Path, help="also write the brief as JSON to this file ('-': standard output)")
    build.add_argument("--html", type=Path, help="also write the HTML the PDF is made from")
    build.add_argument("--eml", type=Path, help="also write an e-mail draft (.eml) with the PDF attached")
    build.add_argument("--to", action="append", default=[], metavar="ADDRESS", help="recipient of the e-mail draft")
    build.add_argument("--since", type=Path, metavar="PREVIOUS", help="mark what is new since an earlier edition: "
                       "its JSON (--json) or its PDF")
    build.add_argument("--watch", action="store_true", help="stay running and rebuild when config, templates or articles change")
    build.set_defaults(run=_build)

    schema = sub.add_parser("schema", help="print the JSON Schema of the brief's JSON (or of the config)")
    schema.add_argument("which", nargs="?", choices=["brief", "config"], default="brief")
    schema.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    schema.add_argument("-q", "--quiet", action="store_true", help=argparse.SUPPRESS)
    schema.set_defaults(run=_schema)

    sources = sub.add_parser("sources", parents=[inputs], help="list the articles with the metadata found in them")
    sources.set_defaults(run=_sources)

    explain = sub.add_parser("explain", parents=[inputs, building], help="show why each excerpt was chosen or left out")
    explain.add_argument("--rejected", type=_count(0), default=5, metavar="N", help="best rejected candidates per section")
    explain.add_argument("--find", metavar="TEXT", help="why the sentence that contains TEXT is quoted where it is, or not")
    explain.set_defaults(run=_explain)
    return parser


def _load(args: argparse.Namespace) -> tuple[Config, Path]:
    from .config import load_config

    config = load_config(args.config)
    articles = args.articles if args.articles is not None else config.resolved(config.articles)
    return config, articles


def _build_brief(args: argparse.Namespace, config: Config, articles: Path) -> Build:
    from .cache import ArticleCache
    from .pipeline import build_brief
    from .progress import terminal_progress
    from .timeline import previous_edition

    folder = config.resolved(config.cache).resolve()
    if not args.no_cache and folder.is_relative_to(articles.resolve()):
        raise ConfigError(f"{args.config}: cache: {config.cache} is inside the articles folder; put it elsewhere")
    cache = None if args.no_cache else ArticleCache(folder)
    previous = previous_edition(args.since) if getattr(args, "since", None) else None
    return build_brief(config, articles, cache, args.jobs, None if args.quiet else terminal_progress, previous)


def _build(args: argparse.Namespace) -> int:
    if not args.watch:
        return _build_once(args)
    from .render import template_dirs
    from .watch import watch

    _build_or_report(args)

    def paths() -> list[Path]:
        try:
            config, articles = _load(args)
        except BriefingError:
            return [args.config]
        return [args.config, articles, *template_dirs(config, args.config)]

    log.warning("Watching %s for changes (Ctrl-C to stop)", ", ".join(str(p) for p in paths()))
    try:
        watch(paths, lambda: _build_or_report(args))
    except KeyboardInterrupt:
        pass
    return 0


def _build_or_report(args: argparse.Namespace) -> None:
    """In watch mode a failed build is reported and the watch goes on."""
    try:
        _build_once(args)
    except BriefingError as exc:
        for line in str(exc).splitlines():
            print(f"Error: {line}", file=sys.stderr)
    finally:
        gc.collect()  # the build's cycles (the collector is off: see _main)


def _build_once(args: argparse.Namespace) -> int:
    from .publish import Targets, check_target, publish
    from .render import brief_json, template_dirs

    config, articles = _load(args)
    build = _build_brief(args, config, articles)
    if args.strict and build.warnings:
        raise BriefingError(f"--strict: {len(build.warnings)} warning(s), first: {build.warnings[0]}; nothing written")
    out = args.out or config.resolved(str(config.output).replace("{date}", build.brief.date.isoformat()))
    to_stdout = args.json is not None and str(args.json) == "-"
    templates = template_dirs(config, args.config)
    targets = Targets(out, None if to_stdout else args.json, args.html, args.eml, tuple(args.to or ()))
    for target in targets.paths():
        check_target(target, articles, args.config, templates, config)
    if len({t.resolve() for t in targets.paths()}) < len(targets.paths()):
        raise UsageError("two outputs are the same file: give each its own name")
    publish(build.brief, config, templates, targets, getattr(args, "renderer", None))
    if to_stdout:
        sys.stdout.write(brief_json(build.brief) + "\n")
    _report(build, out)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from .config import Config
    from .models import Brief

    model = Brief if args.which == "brief" else Config
    print(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


def _sources(args: argparse.Namespace) -> int:
    """What ingest made of each file, so the user can check it and correct it in sources.yaml."""
    from .ingest import read_articles, safe_name

    _, folder = _load(args)
    articles, skipped = read_articles(folder)
    for a in articles:  # (what a file says is shown escaped: no text can send codes to the terminal)
        furniture = sum(s.end - s.start for s in a.furniture)
        share = 100 * furniture / max(1, len(a.text))
        print(f"{safe_name(a.path)}")
        print(f"  title:     {safe_name(a.title or '-')}")
        print(f"  outlet:    {safe_name(a.outlet or '-')}")
        print(f"  published: {a.published.isoformat() if a.published else '-'}")
        print(f"  language:  {a.language or '-'}")
        if a.url:
            print(f"  url:       {safe_name(a.url)}")
        kinds = sorted({s.kind for s in a.furniture})
        print(f"  furniture: {share:.0f}% of {len(a.text)} characters ({', '.join(kinds) or 'none'})")
    for s in skipped:
        print(f"{s.path}\n  skipped:   {s.reason}")
    print(f"{len(articles)} articles, {len(skipped)} skipped. Correct metadata in {folder / 'sources.yaml'}.")
    return 0


def _explain(args: argparse.Namespace) -> int:
    config, articles = _load(args)
    build = _build_brief(args, config, articles)
    if args.find:
        from .explain import why_not

        print("\n".join(why_not(build, args.find)))
        return 0
    for choice in build.choices:
        print(f"== {choice.config.id}: {choice.config.title} ({len(choice.excerpts)} excerpts)")
        for ex in choice.excerpts:
            also = f" +{len(ex.corroborated_by)} sources" if ex.corroborated_by else ""
            print(f"  + {ex.score:6.2f} [{ex.source}] {_short(ex.text)}")
            print(f"           terms: {', '.join(ex.matched)}{also}; said by: {ex.attribution or '-'}")
        for r in choice.rejected[: args.rejected]:
            print(f"  - {r.score:6.2f} {r.reason}: {_short(r.text)}")
    return 0


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _report(build: Build, out: Path) -> None:
    excerpts = sum(len(s.excerpts) for s in build.brief.sections)
    for note in build.warnings:
        log.warning("warning: %s", note)
    summary = f"Wrote {out}: {len(build.brief.sections)} sections, {excerpts} excerpts from {len(build.articles)} articles"
    if build.skipped:
        summary += f"; {len(build.skipped)} file(s) skipped"
    log.warning("%s", summary)
