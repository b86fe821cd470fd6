"""publish: a built brief as the files a user asked for (PDF, and JSON, HTML and an e-mail draft
beside it). Everything is made before anything is written, and all files are written together
(output.write_all): a failure leaves every earlier output as it was."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .errors import UsageError
from .mail import email_draft
from .models import Brief
from .output import write_all
from .pdf import make_pdf
from .render import brief_json, pdf_job, render_html
from .render_process import RenderProcess


@dataclass(frozen=True)
class Targets:
    """Where the outputs go (None: not made)."""

    pdf: Path
    json: Path | None = None
    html: Path | None = None
    eml: Path | None = None
    mail_to: tuple[str, ...] = ()  # the e-mail draft's recipients (none given: the config's)

    def paths(self) -> list[Path]:
        return [t for t in (self.pdf, self.json, self.html, self.eml) if t is not None]


def publish(brief: Brief, config: Config, templates: list[Path], targets: Targets,
            renderer: RenderProcess | None = None) -> None:
    """`renderer`: a process started early that makes the PDF (see render_process); none: made here."""
    html = render_html(brief, templates)
    job = pdf_job(html, brief, templates, pdf_a=config.pdf_a, attach_json=config.attach_json)
    pdf = renderer.make_pdf(job) if renderer is not None else make_pdf(job)
    outputs = {targets.pdf: pdf}
    if targets.json:
        outputs[targets.json] = brief_json(brief).encode("utf-8")
    if targets.html:
        outputs[targets.html] = html.encode("utf-8")
    if targets.eml:
        outputs[targets.eml] = email_draft(brief, pdf, targets.pdf.name, list(targets.mail_to) or config.email.to,
                                           config.email.cc, config.email.sender)
    write_all(outputs)


def check_target(target: Path, articles: Path, config_path: Path, templates: list[Path], config: Config) -> None:
    """Outputs never go where they would overwrite an input: the articles folder, the config, a
    template, the cache."""
    where = target.resolve()
    if where.is_relative_to(articles.resolve()):
        raise UsageError(f"{target}: refusing to write into the articles folder {articles}")
    if where == config_path.resolve():
        raise UsageError(f"{target}: refusing to overwrite the config")
    if any(where.is_relative_to(t.resolve()) for t in templates):
        raise UsageError(f"{target}: refusing to write into a template folder")
    if where.is_relative_to(config.resolved(config.cache).resolve()):
        raise UsageError(f"{target}: refusing to write into the cache folder")
