"""The user's interface: config.yaml, validated with every problem reported at once."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from .errors import ConfigError
from .lexicon import FUNCTION_WORDS
from .yamlio import load_yaml


def _split_synonyms(value: Any) -> Any:
    """Accept `"Abkommen | Vertrag"` as well as `[Abkommen, Vertrag]` for one concept."""
    if isinstance(value, str):
        return [part.strip() for part in value.split("|") if part.strip()]
    return value


def _date_or_keyword(value: Any) -> Any:
    if value in ("latest", "today") or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError("expected YYYY-MM-DD, 'latest' or 'today'") from None


# As users write it: "Abkommen | Vertrag" or a list; the schema (briefing schema config) says so too.
Concept = Annotated[list[str], BeforeValidator(_split_synonyms, json_schema_input_type=str | list[str]),
                    Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FiguresConfig(_Strict):
    counts: list[Concept] = Field(
        default_factory=list,
        description="What the table counts: concepts whose words a number must stand with ('Stelle | Arbeitsplatz | "
        "Job'). Default: the section's own terms.",
    )
    label: str | None = Field(None, description="Heading of the table; default 'Gemeldete Zahlen' / 'Reported figures'.")
    exclude: list[Concept] = Field(
        default_factory=list, description="Sentences naming any of these give no figure for the table (the section's "
        "own exclude applies too).",
    )


def _figures_or_flag(value: Any) -> Any:
    """`figures: true` is the table of what the section's terms count; `false` (or absent) none."""
    if value is True:
        return FiguresConfig()
    if value is False or value is None:
        return None
    return value


class SectionConfig(_Strict):
    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_-]+$", description="Short stable name, used in the JSON and in links.")
    title: str = Field(min_length=1, description="Heading of the section in the brief.")
    question: str | None = Field(None, description="The question the section answers, shown under its heading.")
    terms: list[Concept] = Field(
        min_length=1,
        description="What belongs here: one concept per entry, synonyms separated by '|', German or English. "
        "Inflections and compounds match (Abkommen matches Verteidigungsabkommens). "
        "'#number' stands for any figure of a hundred or more.",
    )
    require: list[Concept] = Field(
        default_factory=list,
        description="If given, a sentence must match at least one of these concepts to be quoted here.",
    )
    exclude: list[Concept] = Field(
        default_factory=list, description="A sentence matching any of these is never quoted here."
    )
    max_excerpts: int = Field(8, ge=1, le=50, description="Upper limit of excerpts in this section.")
    order: Literal["relevance", "date"] = Field(
        "relevance", description="Order of the excerpts: the most relevant first, or the newest first (undated last).")
    figures: Annotated[FiguresConfig | None,
                       BeforeValidator(_figures_or_flag, json_schema_input_type=bool | FiguresConfig | None)] = Field(
        None, description="true, or a mapping (counts, label, exclude): a table at the top of the section of the figures "
        "the sources give for what it counts, with their kind, source and date.",
    )

    @property
    def figure_spec(self) -> FiguresConfig:
        return self.figures or FiguresConfig()


class EmailConfig(_Strict):
    to: list[str] = Field(default_factory=list, description="Recipients of the e-mail draft written by --eml.")
    cc: list[str] = Field(default_factory=list, description="Copy recipients of the e-mail draft.")
    sender: str | None = Field(None, description="Sender address of the e-mail draft.")


class PeriodConfig(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    start: dt.date | None = Field(None, alias="from", description="First day of the period (YYYY-MM-DD).")
    end: dt.date | None = Field(None, alias="to", description="Last day of the period (YYYY-MM-DD).")


class Config(_Strict):
    title: str = Field(min_length=1, description="Title of the brief.")
    subtitle: str | None = Field(None, description="Line under the title.")
    author: str = Field(min_length=1, description="Author or organisation, shown on the front page and in the PDF metadata.")
    date: Annotated[dt.date | Literal["latest", "today"], BeforeValidator(_date_or_keyword)] = Field(
        "latest", description="Date of the brief: YYYY-MM-DD, 'latest' (the newest article's date) or 'today'."
    )
    language: Literal["de", "en"] = Field("de", description="Language of the document's fixed labels.")
    classification: str | None = Field(None, description="Handling marking repeated on every page, e.g. 'NUR FÜR DEN DIENSTGEBRAUCH'.")
    articles: Path = Field(Path("seeds"), description="Folder with the articles, relative to this file.")
    output: Path = Field(
        Path("out/briefing-{date}.pdf"), description="Where the PDF goes, relative to this file; {date} is the brief's date."
    )
    templates: Path | None = Field(
        None, description="Folder of your own templates (brief.html.j2, brief.css); each file there replaces the built-in one."
    )
    cache: Path = Field(Path(".briefing-cache"), description="Folder for processed articles, relative to this file; safe to delete.")
    pdf_a: bool = Field(False, description="Write PDF/A-3u, the archival variant of PDF.")
    attach_json: bool = Field(True, description="Embed the brief's JSON (excerpts, offsets, sources) in the PDF.")
    email: EmailConfig = Field(EmailConfig(), description="Defaults for the e-mail draft (--eml).")
    topic: list[Concept] = Field(
        default_factory=list,
        description="What the whole brief is about; sentences that mention it rank higher in every section.",
    )
    period: PeriodConfig | None = Field(
        None, description="from/to: articles dated outside it are left out of the brief (undated ones stay in).")
    quote_once: bool = Field(
        True, description="Quote each sentence in one section only, the one it fits best; false lets a sentence "
        "appear in every section it fits.",
    )
    sections: list[SectionConfig] = Field(min_length=1, description="The sections of the brief, in order.")

    _folder: Path | None = PrivateAttr(None)  # the config file's folder, which its paths are relative to

    def resolved(self, path: Path | str) -> Path:
        """A path of the config (articles, output, cache, templates) as it is meant: relative to the
        config file's folder (to the working folder for a config not read from a file)."""
        return (self._folder or Path.cwd()) / path

    @model_validator(mode="after")
    def _unique_section_ids(self) -> Config:
        seen: set[str] = set()
        for section in self.sections:
            if section.id in seen:
                raise ValueError(f"duplicate section id '{section.id}'")
            seen.add(section.id)
        return self


def _format_error(error: Any) -> str:
    path = ".".join(str(part) for part in error["loc"]) or "(top level)"
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = "unknown key"
        parent = _parent_model(error["loc"])
        names = [field.alias or name for name, field in parent.model_fields.items()]
        guess = difflib.get_close_matches(str(error["loc"][-1]), names, n=1)
        if guess:
            message += f" (did you mean '{guess[0]}'?)"
    return f"{path}: {message}"


def _parent_model(loc: tuple[Any, ...]) -> type[BaseModel]:
    if loc and loc[0] == "period":
        return PeriodConfig
    if loc and loc[0] == "sections":
        return FiguresConfig if len(loc) > 2 and loc[2] == "figures" else SectionConfig
    return Config


def load_config(path: Path) -> Config:
    """Read and validate config.yaml; raise ConfigError listing every problem, one per line."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    try:
        data = load_yaml(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path}:{where}: invalid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top level")
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        lines = [_format_error(error) for error in exc.errors()]
        raise ConfigError("\n".join(f"{path}: {line}" for line in lines)) from None
    config._folder = path.resolve().parent
    return config


def config_warnings(config: Config) -> list[str]:
    """What in a valid config cannot work as meant: one line each (failures under --strict)."""
    notes = []
    for section in config.sections:
        lines = [t for t in section.terms if t != ["#number"]]
        if len(lines) == 1:
            notes.append(f"section '{section.id}': its terms are one line, one concept; a sentence must match two, "
                         "so put distinct things on lines of their own (synonyms stay on one line, with '|')")
    places = [("topic", config.topic)] + [(f"section '{s.id}'", [*s.terms, *s.require, *s.exclude, *s.figure_spec.counts,
                                                                  *s.figure_spec.exclude]) for s in config.sections]
    for where, concepts in places:
        for term in dict.fromkeys(t for concept in concepts for t in concept):
            languages = [name for name, words in (("German", FUNCTION_WORDS["de"]), ("English", FUNCTION_WORDS["en"]))
                         if term.lower() in words]
            if languages:
                notes.append(f"{where}: the term '{term}' is a common {' and '.join(languages)} word and matches "
                             "nearly every sentence of that language; use a word that says what the section is about")
    return notes
