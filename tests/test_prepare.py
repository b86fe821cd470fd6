"""The cache of processed articles and the single/multi-process paths."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing.cache import ENTRY_SUFFIX, ArticleCache, dump_entry, load_entry
from briefing.config import Config, load_config
from briefing.pipeline import build_brief
from briefing.prepare import prepare_articles

from .conftest import ROOT, edited_config, section


def _copy_seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", folder)
    return folder


def _as_data(prepared: object) -> list[tuple[str, str, tuple[object, ...], list[tuple[int, int]]]]:
    articles = prepared.articles  # type: ignore[attr-defined]
    sentences = prepared.sentences  # type: ignore[attr-defined]
    return [(a.id, a.text, (a.title, a.outlet, a.published, a.language, a.furniture),
             [(s.start, s.end) for s in sentences if s.article.id == a.id]) for a in articles]


def test_a_cached_run_gives_what_a_fresh_one_gives(tmp_path: Path) -> None:
    folder = _copy_seeds(tmp_path)
    shutil.copy(ROOT / "tests" / "gold" / "articles" / "bbc_yoon.html", folder)
    cache = ArticleCache(tmp_path / "cache")
    fresh = prepare_articles(folder, None, workers=1)
    first = prepare_articles(folder, cache, workers=1)
    entries = [load_entry(str(p))["article"] for p in (tmp_path / "cache").rglob("*" + ENTRY_SUFFIX)]
    # a text file's text is the file's own and is not kept twice; a page's extracted text is kept
    assert sorted((Path(a["path"]).suffix, a["text"] is None) for a in entries) == [(".html", False)] + [(".txt", True)] * 5
    again = prepare_articles(folder, cache, workers=1)
    assert _as_data(fresh) == _as_data(first) == _as_data(again)


def test_entries_of_the_old_json_format_are_removed_and_nothing_else(tmp_path: Path) -> None:
    folder = _copy_seeds(tmp_path)
    cache_dir = tmp_path / "cache"
    prepare_articles(folder, ArticleCache(cache_dir), workers=1)
    old = [cache_dir / "ab" / ("ab" + "0" * 62 + ".json"), cache_dir / "cd" / ("cd" + "1" * 62 + ".reading.json")]
    kept = [cache_dir / "copies.json", cache_dir / "ab" / "notes.json", cache_dir / "ab" / ("ab" + "0" * 62 + ".txt")]
    for path in old + kept:
        path.parent.mkdir(exist_ok=True)
        path.write_text("{}", encoding="utf-8")
    entries = sorted(cache_dir.rglob("*" + ENTRY_SUFFIX))
    again = prepare_articles(folder, ArticleCache(cache_dir), workers=1)
    assert not any(p.exists() for p in old) and all(p.exists() for p in kept)
    assert sorted(cache_dir.rglob("*" + ENTRY_SUFFIX)) == entries and len(again.articles) == 5


def test_an_edited_article_is_processed_again(tmp_path: Path) -> None:
    folder = _copy_seeds(tmp_path)
    cache = ArticleCache(tmp_path / "cache")
    prepare_articles(folder, cache, workers=1)
    path = folder / "002_1bf99e9070e36d9d.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nEin neuer Satz über 20.000 Soldaten aus Nordkorea.\n",
                    encoding="utf-8")
    again = prepare_articles(folder, cache, workers=1)
    (article,) = [a for a in again.articles if a.id.startswith("002")]
    assert article.text.endswith("Ein neuer Satz über 20.000 Soldaten aus Nordkorea.\n")
    assert any("20.000 Soldaten" in s.text for s in again.sentences)
    assert len(list((tmp_path / "cache").rglob("*" + ENTRY_SUFFIX))) == 6  # the old entry stays, unused


def test_entries_no_run_used_for_a_month_are_removed_once_a_day(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """What an older version of the code wrote, and the entry of an article since edited or removed,
    is never read again: the cache would grow by a whole folder's entries with each version."""
    import time

    from briefing.cache import KEEP_UNUSED_DAYS

    folder = _copy_seeds(tmp_path)
    cache_dir = tmp_path / "cache"
    prepare_articles(folder, ArticleCache(cache_dir), workers=1)
    prepare_articles(folder, ArticleCache(cache_dir), workers=1)  # (the first found no folder to sweep yet)
    used = sorted(cache_dir.rglob("*" + ENTRY_SUFFIX))
    gone = cache_dir / "ab" / ("ab" + "0" * 62 + ENTRY_SUFFIX)  # another version's entry, or a removed article's
    other = cache_dir / "ab" / "notes.txt"  # not an entry: never the cache's to remove
    for path in (gone, other):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(dump_entry({"version": "old"}))
    month = time.time() - (KEEP_UNUSED_DAYS + 1) * 86400
    for path in [*used, gone, other]:
        os.utime(path, (month, month))
    prepare_articles(folder, ArticleCache(cache_dir), workers=1)  # swept today already (the run before)
    assert gone.exists()
    os.utime(cache_dir / "swept", (month, month))
    with caplog.at_level("INFO", logger="briefing"):
        again = prepare_articles(folder, ArticleCache(cache_dir), workers=1)
    assert not gone.exists() and other.exists()
    # the entries the run before used were renewed, so kept: this run took every article from them
    assert "5 articles from the cache, 0 to process" in caplog.text and len(again.articles) == 5
    assert sorted(cache_dir.rglob("*" + ENTRY_SUFFIX)) == used


def test_a_sidecar_change_is_not_served_from_the_cache(tmp_path: Path) -> None:
    folder = _copy_seeds(tmp_path)
    cache = ArticleCache(tmp_path / "cache")
    prepare_articles(folder, cache, workers=1)
    (folder / "sources.yaml").write_text("001_bd0abe7cbdd9bb56.txt:\n  outlet: Merkur\n", encoding="utf-8")
    again = prepare_articles(folder, cache, workers=1)
    assert next(a for a in again.articles if a.id.startswith("001")).outlet == "Merkur"


def test_another_tool_version_never_uses_old_entries(tmp_path: Path) -> None:
    folder = _copy_seeds(tmp_path)
    prepare_articles(folder, ArticleCache(tmp_path / "cache", version="old"), workers=1)
    newer = ArticleCache(tmp_path / "cache", version="new")
    data = (folder / "000_7f0998b91f891654.txt").read_bytes()
    assert newer.get(newer.key(data, "000_7f0998b91f891654.txt", {})) is None


def test_a_damaged_entry_is_ignored_and_rewritten(tmp_path: Path) -> None:
    folder = _copy_seeds(tmp_path)
    cache = ArticleCache(tmp_path / "cache")
    fresh = prepare_articles(folder, cache, workers=1)
    entries = sorted((tmp_path / "cache").rglob("*" + ENTRY_SUFFIX))
    entries[0].write_bytes(entries[0].read_bytes()[:-1] + b"!")  # one byte changed
    data = load_entry(str(entries[1]))
    data["sentences"] = [0, 10**9, 0]  # offsets outside the text
    entries[1].write_bytes(dump_entry(data))
    entries[2].write_bytes(entries[2].read_bytes()[:40])  # cut short
    again = prepare_articles(folder, cache, workers=1)
    assert _as_data(again) == _as_data(fresh)
    assert load_entry(str(entries[0]))["key"] in entries[0].name  # written anew
    assert load_entry(str(entries[2]))["key"] in entries[2].name


def _config(tmp_path: Path, name: str, edit: Callable[[dict[str, Any]], None] | None = None) -> Config:
    return load_config(edited_config(tmp_path / f"{name}.yaml", edit))


def _without_agreement(config: dict[str, Any]) -> None:  # the editing loop: one section fewer, another title and cap
    section(config, "south-korea")["title"] = "Südkorea"
    section(config, "deployment")["max_excerpts"] = 6
    config["sections"].remove(section(config, "agreement"))


def _with_a_new_term(config: dict[str, Any]) -> None:
    section(config, "combat")["terms"].append("Militärexperte | Beobachter | observer")


def _spy_on_reading(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The concepts each article is read for from now on (one list per article read)."""
    import briefing.reading

    read: list[list[str]] = []
    original = briefing.reading._read_article

    def spy(job: briefing.reading.Job) -> tuple[briefing.reading.ArticleReading, dict[str, str]]:
        read.append(["|".join(c) for c in job[2]])
        return original(job)

    monkeypatch.setattr(briefing.reading, "_read_article", spy)
    return read


def test_a_sections_change_reads_only_terms_never_read_and_gives_the_fresh_brief(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _copy_seeds(tmp_path)
    cache = ArticleCache(tmp_path / "cache")
    build_brief(_config(tmp_path, "first"), folder, cache, workers=1)
    read = _spy_on_reading(monkeypatch)

    fewer = _config(tmp_path, "fewer", _without_agreement)
    cached = build_brief(fewer, folder, cache, workers=1).brief
    assert read == []  # removing a section, renaming one, changing a cap: no text is read
    assert cached.model_dump_json() == build_brief(fewer, folder, None, workers=1).brief.model_dump_json()

    read.clear()
    more = _config(tmp_path, "more", _with_a_new_term)
    cached = build_brief(more, folder, cache, workers=1).brief
    assert read == [["Militärexperte|Beobachter|observer"]] * 5  # only the new term, in each article
    assert cached.model_dump_json() == build_brief(more, folder, None, workers=1).brief.model_dump_json()


def test_damaged_or_outdated_readings_are_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _copy_seeds(tmp_path)
    config = _config(tmp_path, "config")
    fresh = build_brief(config, folder, None, workers=1).brief.model_dump_json()
    build_brief(config, folder, ArticleCache(tmp_path / "cache"), workers=1)
    entries = sorted((tmp_path / "cache").rglob("*.reading" + ENTRY_SUFFIX))
    assert len(entries) == 5
    entries[0].write_text("{not an entry", encoding="utf-8")
    data = load_entry(str(entries[1]))
    data["named"] = data["named"][:-1]  # one sentence short
    entries[1].write_bytes(dump_entry(data))
    data = load_entry(str(entries[2]))
    data["words"][0] = "many"
    entries[2].write_bytes(dump_entry(data))
    read = _spy_on_reading(monkeypatch)
    assert build_brief(config, folder, ArticleCache(tmp_path / "cache"), workers=1).brief.model_dump_json() == fresh
    assert len(read) == 3
    assert load_entry(str(entries[0]))["key"] in entries[0].name  # written anew

    read.clear()  # another version of the reading code: nothing of the old readings is used
    newer = ArticleCache(tmp_path / "cache", reading="another")
    assert build_brief(config, folder, newer, workers=1).brief.model_dump_json() == fresh
    assert len(read) == 5


def test_one_process_and_many_give_identical_briefs(tmp_path: Path, monkeypatch: object) -> None:
    import briefing.parallel

    folder = tmp_path / "many"
    folder.mkdir()
    import itertools

    # enough distinct files to take the process pool, with the parallel threshold lowered: each the
    # first, middle and last third of three different seeds (copies of one file would be one source)
    thirds = []
    for seed in sorted((ROOT / "seeds").iterdir()):
        paragraphs = seed.read_text(encoding="utf-8").split("\n\n")
        n = len(paragraphs)
        thirds.append(["\n\n".join(paragraphs[k * n // 3 : (k + 1) * n // 3]) for k in range(3)])
    for i, (a, b, c) in enumerate(itertools.permutations(range(len(thirds)), 3)):
        text = "\n\n".join([thirds[a][0], thirds[b][1], thirds[c][2]])
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    from concurrent.futures import ProcessPoolExecutor

    pools: list[str] = []

    class CountedPool(ProcessPoolExecutor):
        def __init__(self, *args: object, **kwargs: object) -> None:
            pools.append("pool")
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(briefing.parallel, "PARALLEL_FROM", 10)  # type: ignore[attr-defined]
    monkeypatch.setattr(briefing.parallel, "IN_TWO_FROM", 10)  # type: ignore[attr-defined]  (select's units too)
    monkeypatch.setattr(briefing.parallel, "ProcessPoolExecutor", CountedPool)  # type: ignore[attr-defined]
    config = load_config(ROOT / "config.yaml")
    single = build_brief(config, folder, None, workers=1).brief
    assert pools == []
    multi = build_brief(config, folder, None, workers=2).brief
    assert pools == ["pool", "pool"]
    assert single.model_dump_json() == multi.model_dump_json()
    assert single.sections[0].excerpts


def _collects(_: int) -> bool:
    return gc.isenabled()


def test_per_article_work_collects_cycles_while_the_main_process_does_not() -> None:
    """The command switches the collector off for its own large, long-lived data (cli._main); a worker
    forked from it reads thousands of articles, whose cycles must not pile up until it ends."""
    import briefing.parallel as parallel

    gc.disable()
    try:
        assert all(parallel.per_article(_collects, list(range(parallel.PARALLEL_FROM)), 2, None))
        assert all(parallel.per_article(_collects, [1, 2], 2, None))  # few: done in this process, collecting too
        assert not gc.isenabled()  # (and the main process's choice is restored after)
    finally:
        gc.enable()


@pytest.mark.skipif(__import__("briefing.parallel").parallel.START_METHOD != "fork", reason="copies are forked")
def test_in_two_gives_what_one_pass_gives_and_does_the_half_of_a_failed_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import briefing.parallel as parallel

    parent = os.getpid()

    def work(start: int, stop: int) -> tuple[list[int], int]:
        return list(range(start, stop)), os.getpid()

    forks: list[int] = []
    fork = os.fork

    def counted_fork() -> int:
        pid = fork()
        forks.extend([pid] if pid else [])
        return pid

    monkeypatch.setattr(os, "fork", counted_fork)
    monkeypatch.setattr(parallel, "IN_TWO_FROM", 4)
    (first, here), (second, there) = parallel.in_two(work, 11, 2)
    assert (first + second, here) == (list(range(11)), parent)
    assert there != parent  # the second half was done in the copy
    for workers, total in [(1, 11), (2, 3)]:  # one core, or too few items: no copy
        assert parallel.in_two(work, total, workers) == (work(0, total // 2), work(total // 2, total))
    monkeypatch.setattr(parallel, "MEMORY_BUDGET", 0)  # no memory for a copy
    assert parallel.in_two(work, 11, 2) == (work(0, 5), work(5, 11))
    monkeypatch.setattr(parallel, "MEMORY_BUDGET", 1 << 40)

    def fails_in_the_copy(start: int, stop: int) -> tuple[list[int], int]:
        if os.getpid() != parent:
            raise MemoryError
        return work(start, stop)

    assert parallel.in_two(fails_in_the_copy, 11, 2) == (work(0, 5), work(5, 11))

    def fails_here(start: int, stop: int) -> list[int]:  # while the copy has more to send than a pipe holds
        if os.getpid() == parent:
            raise ValueError("this half failed")
        return list(range(1_000_000))

    with pytest.raises(ValueError, match="this half failed"):
        parallel.in_two(fails_here, 11, 2)
    assert len(forks) == 3  # the first, the failed and the failing call
    for pid in forks:  # each copy was waited for: none is left
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_watch_rebuilds_on_change_only(tmp_path: Path) -> None:
    from briefing.watch import watch

    article = tmp_path / "a.txt"
    article.write_text("eins", encoding="utf-8")
    builds: list[int] = []
    rounds = iter(range(6))

    def rebuild() -> None:
        builds.append(1)

    def stop() -> bool:
        n = next(rounds, None)
        if n == 2:
            article.write_text("zwei, länger", encoding="utf-8")  # a change between two looks
        return n is None

    watch(lambda: [tmp_path], rebuild, interval=0.01, stop=stop)
    assert builds == [1]  # one change, one rebuild; unchanged rounds rebuild nothing


def test_a_second_run_finds_the_german_lemmas_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading simplemma's German dictionary takes most of a second: a warm run must not need it."""
    import simplemma

    import briefing.language

    def new_process() -> None:  # knows no lemma yet
        monkeypatch.setattr(briefing.language, "_lemmas", {})
        monkeypatch.setattr(briefing.language, "_new_lemmas", {})
        briefing.language.word_keys.cache_clear()

    config = load_config(ROOT / "config.yaml")
    new_process()
    build_brief(config, ROOT / "seeds", ArticleCache(tmp_path / "cache"), workers=1)
    new_process()

    def unavailable(word: str, lang: str) -> str:
        raise AssertionError(f"looked up {word!r} again")

    monkeypatch.setattr(simplemma, "lemmatize", unavailable)
    build_brief(config, ROOT / "seeds", ArticleCache(tmp_path / "cache"), workers=1)


def test_progress_off_a_terminal_is_a_line_every_tenth(capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.progress import terminal_progress

    report = terminal_progress("select")
    for done in [*range(62, 1000, 62), 1000]:  # reported in chunks, as the reading processes finish them
        report(done, 1000)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 10
    assert lines[-1] == "select: 1000/1000 articles"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_workers_end_when_the_main_process_is_killed() -> None:
    """kill -9 of the main process gives it no chance to stop its pool: the workers must notice."""
    import signal
    import subprocess
    import sys
    import time

    def state(pid: int) -> tuple[int, str] | None:  # (parent, state) of a running process, None when gone
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[1]), fields[0]) if fields[0] != "Z" else None

    script = "import time, briefing.parallel as p\nlist(p.per_article(time.sleep, [30] * p.PARALLEL_FROM, 2, None))\n"
    main = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    deadline = time.time() + 60
    workers: list[int] = []
    while len(workers) < 2 and time.time() < deadline:
        time.sleep(0.2)
        workers = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()
                   and (found := state(int(p.name))) is not None and found[0] == main.pid]
    assert workers, "the pool did not start"
    main.send_signal(signal.SIGKILL)
    main.wait()
    deadline = time.time() + 10
    while any(state(pid) for pid in workers) and time.time() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if state(pid)]


def test_watch_goes_on_when_folders_come_and_go_and_names_are_no_text(tmp_path: Path) -> None:
    import os

    from briefing.watch import watch

    (tmp_path / "a.txt").write_text("eins", encoding="utf-8")
    os.close(os.open(os.fsencode(tmp_path) + b"/latin\xff.txt", os.O_CREAT | os.O_WRONLY))
    builds: list[int] = []
    rounds = iter(range(8))

    def stop() -> bool:
        n = next(rounds, None)
        if n == 2:
            (tmp_path / "new" / "deeper").mkdir(parents=True)
            (tmp_path / "new" / "deeper" / "b.txt").write_text("zwei", encoding="utf-8")
        if n == 4:
            shutil.rmtree(tmp_path / "new")
        return n is None

    watch(lambda: [tmp_path], lambda: builds.append(1), interval=0.01, stop=stop)
    assert builds == [1, 1]  # the folder came, then went


@pytest.mark.parametrize(("roots", "version"), [(("ingest", "segment"), "tool_version"), (("reading",), "reading_version"),
                                               (("copies",), "copies_version")])
def test_every_module_that_makes_a_cached_entry_versions_it(roots: tuple[str, ...], version: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Change any module that ingest or segment (or reading) imports, at any depth, and cached entries
    are made again: the version hashes each of them."""
    import subprocess
    import sys

    import briefing.cache as cache

    code = f"import sys, {', '.join('briefing.' + r for r in roots)}; print(' '.join(sorted(m for m in sys.modules if m.startswith('briefing.'))))"
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout.split()
    assert imported
    real = Path.read_bytes
    before = getattr(cache, version).__wrapped__()
    for module in (m.removeprefix("briefing.") for m in imported):
        changed = ROOT / "briefing" / f"{module}.py"
        monkeypatch.setattr(Path, "read_bytes", lambda self, p=changed: real(self) + b"# changed" if self == p else real(self))
        assert getattr(cache, version).__wrapped__() != before, module
        monkeypatch.undo()


def test_the_pool_gives_the_same_readings_under_spawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A spawned worker inherits nothing (macOS, and forkserver from Python 3.14): what reading needs,
    the concept index and the lemmas known, comes with the jobs and through the pool's setup; the
    result must be what one process gives."""
    import briefing.parallel
    from briefing.concepts import Concepts
    from briefing.config import load_config
    from briefing.figure_counts import Counts
    from briefing.reading import read_concepts

    paragraphs = [p for seed in sorted((ROOT / "seeds").iterdir()) for p in seed.read_text(encoding="utf-8").split("\n\n")
                  if len(p) > 200]  # short articles: enough for the pool to start, not a slow test
    for i in range(briefing.parallel.PARALLEL_FROM):
        (tmp_path / f"{i:03d}.txt").write_text(paragraphs[i % len(paragraphs)], encoding="utf-8")
    config = load_config(ROOT / "config.yaml")
    concepts = Concepts.of(config)
    counts = [Counts.of(s, config) for s in config.sections if s.figures]

    prepared = prepare_articles(tmp_path, workers=1)
    groups = [(None, sentences) for _, sentences in prepared.groups]

    def run(workers: int) -> tuple[object, object]:
        read = read_concepts(groups, concepts.synonyms, counts, workers=workers)
        return read.readings, read.figures

    monkeypatch.setattr(briefing.parallel, "START_METHOD", "spawn")
    alone = run(1)
    assert run(2) == alone
    # (preparing is plain work on bytes; a spawned worker there only costs its start-up)


def test_no_module_of_the_package_is_over_300_lines() -> None:
    """A module that grows past this does two things: split it where its docstring says "and"."""
    long = {p.name: n for p in (ROOT / "briefing").glob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    assert long == {}


def test_read_ahead_asks_in_a_process_of_its_own_that_no_fifo_or_missing_file_holds_up(tmp_path: Path) -> None:
    import briefing.readahead as readahead

    with readahead.ReadAhead(readahead.FROM_FILES - 1) as small:
        assert small._process is None  # a small folder is read before a process would have started
    paths = []
    for n in range(readahead.FROM_FILES):
        (tmp_path / f"{n}.txt").write_text("Ein Satz.", encoding="utf-8")
        paths.append(str(tmp_path / f"{n}.txt"))
    os.mkfifo(tmp_path / "pipe")  # put where a file was listed: opening it for reading would wait for a writer
    with readahead.ReadAhead(len(paths)) as ahead:
        ahead.ask(str(tmp_path / "pipe"), str(tmp_path / "gone.txt"), *paths * 40)
    process = readahead._asking[-1]
    assert process.wait(timeout=30) == 0


def test_a_large_cached_folder_gives_what_a_fresh_one_gives(tmp_path: Path) -> None:
    import briefing.readahead as readahead

    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(readahead.FROM_FILES + 10):  # the read-ahead process is asked for its files and entries
        (folder / f"{n:04}.txt").write_text(f"Bericht {n}. In Kursk kämpfen {n} Soldaten.\n", encoding="utf-8")
    cache = ArticleCache(tmp_path / "cache")
    fresh = prepare_articles(folder, None, workers=1)
    first = prepare_articles(folder, cache, workers=1)
    again = prepare_articles(folder, cache, workers=1)
    assert len(fresh.articles) == readahead.FROM_FILES + 10
    assert _as_data(fresh) == _as_data(first) == _as_data(again)
