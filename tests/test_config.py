"""Config mistakes stop the run with one line per problem, naming its path; exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.cli import main
from briefing.config import load_config

from .conftest import ROOT

GOOD = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], config: object | str) -> tuple[int, str]:
    path = tmp_path / "config.yaml"
    path.write_text(config if isinstance(config, str) else yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    code = main(["build", "--config", str(path), "--articles", str(ROOT / "seeds"), "--out", str(tmp_path / "b.pdf")])
    return code, capsys.readouterr().err


def _with(change: dict[str, object], section: int | None = None, drop: str | None = None) -> dict[str, object]:
    config = yaml.safe_load(yaml.safe_dump(GOOD))
    target = config if section is None else config["sections"][section]
    target.update(change)
    if drop:
        del target[drop]
    return config


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (_with({"max_excerpts": 0}, section=2), "sections.2.max_excerpts: Input should be greater than or equal to 1"),
        (_with({"max_excerpt": 3}, section=1), "sections.1.max_excerpt: unknown key (did you mean 'max_excerpts'?)"),
        (_with({"titel": "x"}), "titel: unknown key (did you mean 'title'?)"),
        (_with({}, drop="title"), "title: Field required"),
        (_with({}, section=0, drop="terms"), "sections.0.terms: Field required"),
        (_with({"max_excerpts": "many"}, section=0), "sections.0.max_excerpts: Input should be a valid integer"),
        (_with({"language": "fr"}), "language: Input should be 'de' or 'en'"),
        (_with({"date": "yesterday"}), "date: Value error, expected YYYY-MM-DD, 'latest' or 'today'"),
        (_with({"sections": []}), "sections: List should have at least 1 item"),
        (_with({"id": "deployment"}, section=1), "duplicate section id 'deployment'"),
        (_with({"id": ""}, section=1), "sections.1.id: String should have at least 1 character"),
        (_with({"terms": []}, section=2), "sections.2.terms: List should have at least 1 item"),
        (_with({"terms": [" | "]}, section=2), "sections.2.terms.0: Value should have at least 1 item"),
        (_with({"figures": {"count": "Stelle"}}, section=0), "sections.0.figures.count: unknown key (did you mean 'counts'?)"),
        (_with({"figures": {"label": ["a", "b"]}}, section=0), "sections.0.figures.label: Input should be a valid string"),
        (_with({"figures": "yes please"}, section=0), "sections.0.figures"),
    ],
)
def test_config_errors_name_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str], config: object, message: str) -> None:
    code, err = _run(tmp_path, capsys, config)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "b.pdf").exists()


def test_every_problem_is_reported_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = _with({"max_excerpts": 0}, section=0)
    config["sections"][3]["bogus"] = 1  # type: ignore[index]
    code, err = _run(tmp_path, capsys, config)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith("Error: ") for line in lines)


def test_yaml_syntax_error_gives_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run(tmp_path, capsys, "title: [unclosed\nauthor: x\n")
    assert code == 2
    assert "invalid YAML" in err and "line " in err and "column " in err
    assert len(err.strip().splitlines()) == 1


def test_missing_config_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", "--config", str(tmp_path / "nope.yaml")])
    assert code == 2
    assert "config file not found" in capsys.readouterr().err


def test_synonyms_may_be_a_list_or_a_bar_separated_string() -> None:
    from briefing.config import Config

    a = Config.model_validate(_with({"terms": ["Abkommen | Vertrag"]}, section=2))
    b = Config.model_validate(_with({"terms": [["Abkommen", "Vertrag"]]}, section=2))
    assert a.sections[2].terms == b.sections[2].terms == [["Abkommen", "Vertrag"]]


@pytest.mark.parametrize("path", ["config.yaml", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples").glob("*/config.yaml"))])
def test_the_config_schema_describes_configs_as_users_write_them(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    """An editor's YAML language server uses `briefing schema config`: the shipped configs must pass it."""
    import json

    import jsonschema

    assert main(["schema", "config"]) == 0
    schema = json.loads(capsys.readouterr().out)
    config = yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))
    assert not [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(config)]
    wrong = {**config, "sections": [{**config["sections"][0], "terms": 3}]}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(wrong))  # and still catches mistakes


def test_the_config_resolves_its_paths_against_its_own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "brief"
    folder.mkdir()
    (folder / "config.yaml").write_text("title: t\nauthor: a\narticles: news\ncache: c\nsections:\n  - id: s\n    title: S\n"
                                        "    terms: [a | b, c]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # run from elsewhere
    config = load_config(Path("brief") / "config.yaml")
    assert config.resolved(config.articles) == folder.resolve() / "news"
    assert config.resolved(config.cache) == folder.resolve() / "c"
