"""The real command on bad input: exit codes, one-line messages, nothing lost, nothing reached."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cache import ENTRY_SUFFIX, dump_entry, load_entry
from briefing.cli import main

from .conftest import ROOT, edited_config

GOOD = (ROOT / "seeds" / "002_1bf99e9070e36d9d.txt").read_text(encoding="utf-8")
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, in this process: main() with its own streams and working folder
    (a new interpreter per case cost most of this file's run time). `run_process` where only a real
    process will do (signals, pipes, what the interpreter does at exit)."""
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    except SystemExit as exc:  # argparse's --help and --version
        code = exc.code if isinstance(exc.code, int) else 0
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(["briefing", *args], code, out.getvalue(), err.getvalue())


def run_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)


def config_for(tmp_path: Path, articles: Path, **change: object) -> Path:
    return edited_config(tmp_path / "config.yaml", articles=str(articles), **change)


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and "Traceback" not in result.stderr
    return lines[0]


def test_help_and_version() -> None:
    assert "build" in run("--help").stdout
    assert run("--version").stdout.startswith("briefing ")


@pytest.mark.parametrize(("command", "option"), [("sources", "--strict"), ("sources", "--no-cache"), ("sources", "-j"),
                                                  ("explain", "--strict"), ("explain", "--watch")])
def test_a_command_takes_only_the_options_it_uses(command: str, option: str) -> None:
    result = run(command, option, *(["2"] if option == "-j" else []))
    assert result.returncode == 2
    assert option in one_error_line(result)


def test_missing_config(tmp_path: Path) -> None:
    result = run("build", "--config", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert "config file not found" in one_error_line(result)


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text("title: x\nsections: [\n  - id: a\n", encoding="utf-8")
    result = run("build", "--config", str(tmp_path / "c.yaml"))
    assert result.returncode == 2
    line = one_error_line(result)
    assert "c.yaml" in line and "line " in line and "column " in line


def test_unknown_key_suggests_the_near_one(tmp_path: Path) -> None:
    config = config_for(tmp_path, ROOT / "seeds", autor="x")
    result = run("build", "--config", str(config))
    assert result.returncode == 2
    assert "autor: unknown key (did you mean 'author'?)" in one_error_line(result)


def test_articles_folder_missing_or_empty(tmp_path: Path) -> None:
    result = run("build", "--config", str(config_for(tmp_path, tmp_path / "none")))
    assert result.returncode == 1 and "articles folder not found" in one_error_line(result)
    (tmp_path / "empty").mkdir()
    result = run("build", "--config", str(config_for(tmp_path, tmp_path / "empty")))
    assert result.returncode == 1 and "no articles in the folder" in one_error_line(result)


def test_a_mixed_folder_builds_from_the_good_files_and_names_each_bad_one(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (folder / "oneline.txt").write_text("Soldaten " * 20_000, encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG")
    (tmp_path / "secret.txt").write_text(GOOD, encoding="utf-8")
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
    out = tmp_path / "brief.pdf"
    result = run("build", "--config", str(config_for(tmp_path, folder)), "--out", str(out), "--json", str(tmp_path / "b.json"))
    assert result.returncode == 0, result.stderr
    for name in ("empty.txt", "binary.txt", "oneline.txt", "picture.png", "link.txt"):
        assert f"skipped {name}:" in result.stderr
    assert "5 file(s) skipped" in result.stderr
    data = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert [s["path"] for s in data["sources"]] == ["good.txt"]
    assert out.stat().st_size > 1000


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "brief.pdf"
    result = run("build", "--strict", "--config", str(config_for(tmp_path, folder)), "--out", str(out))
    assert result.returncode == 1
    assert "--strict" in result.stderr and "empty.txt" in result.stderr
    assert not out.exists()


def test_output_folder_is_created_and_an_unwritable_one_is_a_clear_error(tmp_path: Path) -> None:
    config = config_for(tmp_path, ROOT / "seeds")
    out = tmp_path / "new" / "deeper" / "brief.pdf"
    assert main(["build", "-q", "--config", str(config), "--out", str(out)]) == 0
    assert out.exists()
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    result = run("build", "--config", str(config), "--out", str(tmp_path / "afile" / "brief.pdf"))
    assert result.returncode == 1
    assert "cannot write" in one_error_line(result)


def test_never_writes_into_the_articles_folder(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    config = config_for(tmp_path, folder)
    for option in ("--out", "--json"):
        result = run("build", "--config", str(config), option, str(folder / "good.txt"))
        assert result.returncode == 2
        assert "refusing to write into the articles folder" in one_error_line(result)
    assert (folder / "good.txt").read_text(encoding="utf-8") == GOOD


def test_a_failed_run_leaves_the_previous_brief_intact(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    config = config_for(tmp_path, ROOT / "seeds")
    assert main(["build", "-q", "--config", str(config), "--out", str(out)]) == 0
    before = out.read_bytes()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "brief.html.j2").write_text("{% for x in %}", encoding="utf-8")
    result = run("build", "--config", str(config_for(tmp_path, ROOT / "seeds", templates=str(broken))), "--out", str(out))
    assert result.returncode == 1
    assert "template error" in one_error_line(result)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".brief.pdf")] == []  # no temp file left


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = run_process("build", "--debug", "--config", str(tmp_path / "nope.yaml"))  # the interpreter prints it
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_schema_is_published() -> None:
    schema = json.loads(run("schema").stdout)
    assert {"title", "date", "sources", "sections"} <= set(schema["properties"])
    assert "sections" in json.loads(run("schema", "config").stdout)["properties"]


def test_thousands_of_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1500):
        (folder / f"{i:04d}.txt").write_text(f"Meldung {i}\n\nDer Wetterdienst meldet für Tag {i} Regen im Norden.\n",
                                             encoding="utf-8")
    (folder / "9999.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "brief.json"
    assert main(["build", "-q", "--config", str(config_for(tmp_path, folder)), "--out", str(tmp_path / "b.pdf"),
                 "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["sources"]) == 1501
    assert all(ex["source"] == "9999" for s in data["sections"] for ex in s["excerpts"])


def test_explain_find_tells_why_a_sentence_is_or_is_not_quoted(capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.cli import main

    real = ROOT / "tests" / "gold" / "real" / "syria"
    assert main(["explain", "-q", "--no-cache", "--config", str(real / "config.yaml"), "--find", "Die Regelung gelte nicht"]) == 0
    out = capsys.readouterr().out
    assert "germany-eu: quoted" in out
    assert main(["explain", "-q", "--no-cache", "--config", str(real / "config.yaml"), "--find", "SOURCE:TRTWorld"]) == 0
    assert "page furniture" in capsys.readouterr().out
    assert main(["explain", "-q", "--no-cache", "--config", str(real / "config.yaml"), "--find", "no such words"]) == 0
    assert "no article contains" in capsys.readouterr().out


def test_explain_names_what_matched_when_too_little_did(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Only one term matched" is only actionable when it says which one: the user then adds a term
    for what else the sentence says."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "strike.txt").write_text(
        "Strike at the port\n\nThe dockers' union called a strike at the port of Hamburg on Monday, the newspaper reported.\n\n"
        "The strike over wages closed three terminals, and shipping companies said their losses were high.\n\n"
        + "".join(f"Ship number {n} waited in the outer harbour for a berth, its captain told the radio station.\n\n"
                  for n in range(12)),
        encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text("title: Port\nauthor: Desk\nlanguage: en\narticles: articles\nsections:\n"
                      "  - id: strike\n    title: Strike\n    terms:\n      - strike | walkout\n      - wage | pay\n",
                      encoding="utf-8")
    assert main(["explain", "-q", "--no-cache", "--config", str(config), "--find", "called a strike"]) == 0
    out = capsys.readouterr().out
    assert "strike: left out: only one term matched: strike" in out
    assert main(["explain", "-q", "--no-cache", "--config", str(config), "--find", "over wages"]) == 0
    assert "strike: quoted" in capsys.readouterr().out


def _strike_folder(tmp_path: Path, sections: str) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "port.txt").write_text(
        "Strike at the port\n\nThe dockers' union called a strike at the port of Hamburg on Monday over wages.\n\n"
        "About 3,000 dockers joined the strike, the union said, and three terminals closed.\n", encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(f"title: Port\nauthor: Desk\nlanguage: en\narticles: articles\nsections:\n{sections}", encoding="utf-8")
    return config


@pytest.mark.parametrize(
    ("sections", "warning"),
    [
        # a table of figures with no noun the sources count
        ("  - id: strike\n    title: Strike\n    figures: true\n    terms:\n      - strike | walkout\n      - wage | pay\n",
         "section 'strike' shows figures, but no sentence gives a number"),
        # one line of terms: no sentence can match two concepts
        ("  - id: strike\n    title: Strike\n    terms:\n      - strike | walkout | wage\n",
         "section 'strike': its terms are one line"),
        # a function word as a term matches every sentence of its language
        ("  - id: strike\n    title: Strike\n    terms:\n      - strike | walkout\n      - die | wage\n",
         "the term 'die' is a common German word"),
    ],
)
def test_a_feature_that_can_do_nothing_is_a_warning_and_fails_under_strict(
        tmp_path: Path, sections: str, warning: str, caplog: pytest.LogCaptureFixture) -> None:
    config = _strike_folder(tmp_path, sections)
    out = tmp_path / "brief.pdf"
    assert main(["build", "--no-cache", "--config", str(config), "--out", str(out)]) == 0
    assert any(warning in r.getMessage() for r in caplog.records), [r.getMessage() for r in caplog.records]
    out.unlink()
    assert main(["build", "--strict", "--no-cache", "--config", str(config), "--out", str(out)]) == 1
    assert not out.exists()


# ---- a battery of inputs that once ended the run with a traceback (issue: reliability) ----

def _one_article(tmp_path: Path) -> Path:
    """A folder of one seed: enough for the behaviour these tests check, and a quicker build."""
    folder = tmp_path / "one"
    if not folder.exists():
        folder.mkdir()
        (folder / "article.txt").write_text(SEED_TEXTS[0], encoding="utf-8")
    return folder



@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["buidl"], "invalid choice: 'buidl'"),
        (["build", "-j", "0"], "-j/--jobs: must be 1 or more"),
        (["build", "-j", "-3"], "-j/--jobs: must be 1 or more"),
        (["explain", "--rejected", "-1"], "--rejected: must be 0 or more"),
        (["build", "--no-such-option"], "unrecognized arguments: --no-such-option"),
    ],
)
def test_command_line_mistakes_are_one_error_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Error: ") and message in err[0]


def test_no_command_shows_the_commands_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "build" in capsys.readouterr().err


def test_the_command_ends_only_after_all_it_says_and_with_its_own_exit_code(tmp_path: Path) -> None:
    # it ends its process at once (no interpreter shutdown): what it wrote to a pipe must all be out,
    # with the pipe buffered as it is unless PYTHONUNBUFFERED is set
    args = ("explain", "--no-cache", "--config", str(ROOT / "config.yaml"))
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"} | {"PYTHONPATH": str(ROOT)}
    process = subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True,
                             cwd=tmp_path, env=buffered, timeout=300)
    here = run(*args, cwd=tmp_path)
    assert process.returncode == here.returncode == 0 and process.stdout.count("\n") > 50
    assert process.stdout == here.stdout
    failed = run_process("build", "--config", str(tmp_path / "nope.yaml"), cwd=tmp_path)
    assert failed.returncode == run("build", "--config", str(tmp_path / "nope.yaml")).returncode != 0
    assert one_error_line(failed)


def test_output_cut_short_by_the_reader_is_no_error(tmp_path: Path) -> None:
    command = f"{sys.executable} -m briefing explain --no-cache --config {ROOT / 'config.yaml'} | head -1"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, cwd=tmp_path, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.stdout.startswith("== ") and "Traceback" not in result.stderr and "Error" not in result.stderr


@pytest.mark.parametrize("date", ["2024-02-30", "2024-11-31", "2024-13-01"])
def test_an_impossible_date_in_the_config_is_an_error_naming_the_key(tmp_path: Path, date: str,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    config = config_for(tmp_path, _one_article(tmp_path))
    text = config.read_text(encoding="utf-8")
    assert "date: latest" in text
    config.write_text(text.replace("date: latest", f"date: {date}"), encoding="utf-8")  # unquoted, as a user writes it
    assert main(["build", "--config", str(config), "--out", str(tmp_path / "b.pdf")]) == 2
    assert "date: " in capsys.readouterr().err and not (tmp_path / "b.pdf").exists()


def test_impossible_dates_and_alias_bombs_in_front_matter_leave_the_article_in(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "bad_date.md").write_text(f"---\npublished: 2024-02-30\n---\n{SEED_TEXTS[1]}", encoding="utf-8")
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdef", "bcdefg", strict=True))
    (folder / "bomb.md").write_text(f"---\n{bomb}---\n{SEED_TEXTS[4]}", encoding="utf-8")  # not a copy of another
    data = tmp_path / "b.json"
    assert main(["build", "-q", "--no-cache", "--config", str(config_for(tmp_path, folder)), "--out", str(tmp_path / "b.pdf"),
                 "--json", str(data)]) == 0
    sources = {s["path"]: s for s in json.loads(data.read_text(encoding="utf-8"))["sources"]}
    assert sources["bad_date.md"]["published"] is None and "bomb.md" in sources


def test_an_alias_bomb_in_sources_yaml_is_one_error_line(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sources.yaml").write_text("a: &a [x,x,x,x,x,x,x,x,x]\nb: [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n", encoding="utf-8")
    result = run("build", "--no-cache", "--config", str(config_for(tmp_path, folder)), "--out", str(tmp_path / "b.pdf"))
    assert result.returncode == 2 and "aliases" in one_error_line(result)


def test_json_to_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "-q", "--no-cache", "--config", str(ROOT / "config.yaml"), "--out", str(tmp_path / "b.pdf"),
                 "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["sections"] and not Path("-").exists()


def test_outputs_can_be_read_by_colleagues(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        out, data = tmp_path / "b.pdf", tmp_path / "b.json"
        assert main(["build", "-q", "--config", str(ROOT / "config.yaml"), "--out", str(out), "--json", str(data)]) == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644 and data.stat().st_mode & 0o777 == 0o644


def test_only_web_links_become_links(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(f"---\nurl: javascript:alert(1)\n---\n{SEED_TEXTS[0]}", encoding="utf-8")
    (folder / "b.md").write_text(f"---\nurl: https://example.org/b\n---\n{SEED_TEXTS[1]}", encoding="utf-8")
    data = tmp_path / "b.json"
    assert main(["build", "-q", "--no-cache", "--config", str(config_for(tmp_path, folder)), "--out", str(tmp_path / "b.pdf"),
                 "--json", str(data)]) == 0
    urls = {s["path"]: s["url"] for s in json.loads(data.read_text(encoding="utf-8"))["sources"]}
    assert urls == {"a.md": None, "b.md": "https://example.org/b"}


def test_odd_files_in_the_folder_are_skipped_with_a_safe_line(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # would block a reader forever
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "bad\nname\x1b[31m.txt").write_text(SEED_TEXTS[0], encoding="utf-8")
    os.close(os.open(os.fsencode(folder) + b"/latin\xff.txt", os.O_CREAT | os.O_WRONLY))
    result = run("build", "--no-cache", "--config", str(config_for(tmp_path, folder)), "--out", str(tmp_path / "b.pdf"))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    for name, why in (("pipe.txt", "not a regular file"), ("loop1.txt", "looping symbolic link"),
                      ("bad\\nname\\x1b[31m.txt", "not valid text"), ("latin\\udcff.txt", "not valid text")):
        assert any(name in line and why in line for line in lines), (name, lines)
    assert not any(line.startswith("Error") for line in lines)


@pytest.mark.parametrize("damage", [dump_entry(None), dump_entry([]), dump_entry("text"), dump_entry({}), b"{", b""])
def test_a_damaged_cache_entry_is_made_again(tmp_path: Path, damage: bytes) -> None:
    config = config_for(tmp_path, _one_article(tmp_path))
    assert main(["build", "-q", "--config", str(config), "--out", str(tmp_path / "a.pdf")]) == 0
    for entry in (tmp_path / ".briefing-cache").glob("*/*" + ENTRY_SUFFIX):
        entry.write_bytes(damage)
    assert main(["build", "-q", "--config", str(config), "--out", str(tmp_path / "b.pdf")]) == 0


def test_cached_text_that_differs_from_the_file_is_never_quoted(tmp_path: Path) -> None:
    articles = _one_article(tmp_path)
    config = config_for(tmp_path, articles)
    assert main(["build", "-q", "--config", str(config), "--out", str(tmp_path / "a.pdf")]) == 0
    entries = [e for e in (tmp_path / ".briefing-cache").glob("*/*" + ENTRY_SUFFIX)
               if not e.name.endswith(".reading" + ENTRY_SUFFIX)]
    assert entries
    for entry in entries:
        data = load_entry(str(entry))
        assert data["article"]["text"] is None  # a text file's text is not kept: the file has it
        text = next(articles.glob("*.txt")).read_text(encoding="utf-8").replace("Soldaten", "Touristen")
        data["article"]["text"] = text  # a careful forger: the entry's check sum is made anew
        entry.write_bytes(dump_entry(data))
    out = tmp_path / "b.json"
    assert main(["build", "-q", "--config", str(config), "--out", str(tmp_path / "b.pdf"), "--json", str(out)]) == 0
    assert "Touristen" not in out.read_text(encoding="utf-8")


def test_a_run_that_fails_at_any_output_leaves_every_earlier_output_as_it_was(tmp_path: Path) -> None:
    config = config_for(tmp_path, _one_article(tmp_path))
    out, data = tmp_path / "b.pdf", tmp_path / "b.json"
    assert main(["build", "-q", "--config", str(config), "--out", str(out), "--json", str(data)]) == 0
    before = out.read_bytes(), data.read_bytes()
    (tmp_path / "dir.html").mkdir()  # an output that cannot be written
    assert main(["build", "-q", "--config", str(config), "--out", str(out), "--json", str(data),
                 "--html", str(tmp_path / "dir.html")]) == 1
    assert (out.read_bytes(), data.read_bytes()) == before
    assert main(["build", "-q", "--config", str(config), "--out", str(out), "--eml", str(tmp_path / "b.eml"),
                 "--to", "a@example.org\r\nBcc: someone@example.org"]) == 2
    assert out.read_bytes() == before[0] and not (tmp_path / "b.eml").exists()
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("target", ["config", "articles"])
def test_no_output_overwrites_an_input(tmp_path: Path, target: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = config_for(tmp_path, _one_article(tmp_path))
    before = config.read_bytes()
    path = config if target == "config" else _one_article(tmp_path) / "x.json"
    assert main(["build", "-q", "--config", str(config), "--out", str(tmp_path / "b.pdf"), "--json", str(path)]) == 2
    assert "refusing" in capsys.readouterr().err and config.read_bytes() == before and not (tmp_path / "b.pdf").exists()
    assert target == "config" or not path.exists()


def test_temporary_files_of_a_killed_run_are_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = tmp_path / f".b.pdf.{dead.stdout.strip()}.abc123.tmp"  # named as a run with that pid would name it
    leftover.write_bytes(b"half a PDF")
    assert main(["build", "-q", "--config", str(config_for(tmp_path, _one_article(tmp_path))), "--out", str(out)]) == 0
    assert not leftover.exists() and out.exists()


def test_the_email_draft_carries_the_marking_and_the_sender(tmp_path: Path) -> None:
    import email

    config = config_for(tmp_path, ROOT / "seeds", classification="VS-NfD")
    text = config.read_text(encoding="utf-8") + "email:\n  sender: lage@example.org\n"
    config.write_text(text, encoding="utf-8")
    eml = tmp_path / "b.eml"
    assert main(["build", "-q", "--config", str(config), "--out", str(tmp_path / "b.pdf"), "--eml", str(eml),
                 "--to", "chef@example.org"]) == 0
    message = email.message_from_bytes(eml.read_bytes())
    assert message["From"] == "lage@example.org" and message["Subject"].startswith("[VS-NfD] ")
    body = next(p for p in message.walk() if p.get_content_type() == "text/plain").get_payload(decode=True).decode()
    assert body.startswith("VS-NfD")


def test_text_the_sentence_splitter_cannot_align_is_read(tmp_path: Path) -> None:
    import unicodedata

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    hangul = unicodedata.normalize("NFD", "윤석열")  # decomposed, as some systems save it
    (folder / "korea.txt").write_text(
        f"Seoul reagiert\n\nPräsident {hangul} sagte am 3. Nov. etwas, z.B. dies. Tibetisch \u0f69\u0f9d u.a. hier.\n\n"
        + SEED_TEXTS[4], encoding="utf-8")
    data = tmp_path / "b.json"
    assert main(["build", "-q", "--no-cache", "--config", str(config_for(tmp_path, folder)), "--out", str(tmp_path / "b.pdf"),
                 "--json", str(data)]) == 0
    assert "korea.txt" in {s["path"] for s in json.loads(data.read_text(encoding="utf-8"))["sources"]}


def test_mistakes_in_sources_yaml_are_warnings_and_fail_under_strict(tmp_path: Path,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in (("a.txt", SEED_TEXTS[1]), ("b.md", SEED_TEXTS[2])):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "sources.yaml").write_text("a.txt:\n  outlett: FR\n  published: 16.12.2024\nc.txt:\n  outlet: X\n"
                                         "b.md:\n  date: 2024-11-06\n", encoding="utf-8")
    config, data = config_for(tmp_path, folder), tmp_path / "b.json"
    assert main(["build", "-q", "--no-cache", "--config", str(config), "--out", str(tmp_path / "b.pdf"), "--json", str(data)]) == 0
    messages = " | ".join(r.getMessage() for r in caplog.records)
    for part in ("unknown key 'outlett' (did you mean 'outlet'?)", "'16.12.2024' is not a date", "'c.txt' names no file"):
        assert part in messages
    dates = {s["path"]: s["published"] for s in json.loads(data.read_text(encoding="utf-8"))["sources"]}
    assert dates["b.md"] == "2024-11-06"  # Hugo's and Jekyll's "date:" is the publication date
    assert main(["build", "-q", "--strict", "--no-cache", "--config", str(config), "--out", str(tmp_path / "c.pdf")]) == 1


def test_the_cache_is_cleared_of_what_a_killed_run_left(tmp_path: Path) -> None:
    config = config_for(tmp_path, _one_article(tmp_path))
    assert main(["build", "-q", "--config", str(config), "--out", str(tmp_path / "a.pdf")]) == 0
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    folder = next((tmp_path / ".briefing-cache").glob("*/"))
    leftover = folder / f".{'0' * 64}.json.{dead.stdout.strip()}.abc.tmp"
    leftover.write_text("{", encoding="utf-8")
    assert main(["build", "-q", "--config", str(config), "--out", str(tmp_path / "b.pdf")]) == 0
    assert not leftover.exists()


def test_cache_entries_are_shared_as_the_umask_says_and_leave_no_temporary(tmp_path: Path) -> None:
    config = config_for(tmp_path, _one_article(tmp_path))
    umask = os.umask(0o027)
    try:
        assert main(["build", "-q", "--config", str(config), "--out", str(tmp_path / "a.pdf")]) == 0
    finally:
        os.umask(umask)
    entries = list((tmp_path / ".briefing-cache").glob("*/*.entry"))
    assert len(entries) == 2  # the article's and its reading's
    assert {e.stat().st_mode & 0o777 for e in entries} == {0o640}
    assert not list((tmp_path / ".briefing-cache").rglob("*.tmp"))


def test_front_matter_mistakes_are_warnings(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(f"---\noutlett: FR\npublished: 16.12.2024\n---\n{SEED_TEXTS[1]}", encoding="utf-8")
    assert main(["build", "-q", "--no-cache", "--config", str(config_for(tmp_path, folder)), "--out", str(tmp_path / "b.pdf")]) == 0
    messages = " | ".join(r.getMessage() for r in caplog.records)
    assert "a.md: front matter: unknown key 'outlett' (did you mean 'outlet'?)" in messages
    assert "a.md: front matter: published: '16.12.2024' is not a date" in messages


def test_what_a_file_says_reaches_the_terminal_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(f"---\ntitle: \"Hi\\x1b]0;owned\\x07\\nError: forged\"\n---\n{SEED_TEXTS[1]}", encoding="utf-8")
    assert main(["sources", "--config", str(config_for(tmp_path, folder))]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and not any(line.startswith("Error") for line in out.splitlines())


def test_a_title_of_several_lines_makes_a_one_line_subject(tmp_path: Path) -> None:
    import email

    config = config_for(tmp_path, _one_article(tmp_path), title="Nordkoreanische Soldaten\nim Krieg")
    eml = tmp_path / "b.eml"
    assert main(["build", "-q", "--config", str(config), "--out", str(tmp_path / "b.pdf"), "--eml", str(eml)]) == 0
    assert email.message_from_bytes(eml.read_bytes())["Subject"].startswith("Nordkoreanische Soldaten im Krieg (")


def test_the_json_records_each_sources_encoding_so_anyone_can_check_the_offsets(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "legacy.txt").write_bytes(SEED_TEXTS[1].encode("cp1252", errors="replace"))
    (folder / "utf8.txt").write_text(SEED_TEXTS[2], encoding="utf-8")
    data = tmp_path / "b.json"
    assert main(["build", "-q", "--no-cache", "--config", str(config_for(tmp_path, folder)), "--out", str(tmp_path / "b.pdf"),
                 "--json", str(data)]) == 0
    brief = json.loads(data.read_text(encoding="utf-8"))
    encodings = {s["id"]: s["encoding"] for s in brief["sources"]}
    assert encodings["utf8"] == "utf-8" and encodings["legacy"] in ("cp1252", "windows-1252")
    for excerpt in (e for s in brief["sections"] for e in s["excerpts"]):
        text = (folder / f"{excerpt['source']}.txt").read_bytes().decode(encodings[excerpt["source"]])
        assert text[excerpt["start"] : excerpt["end"]] == excerpt["text"]
