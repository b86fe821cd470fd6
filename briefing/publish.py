"""publish: a built brief as the files a user asked for (PDF, and JSON, HTML and an e-mail draft
beside it). Everything is made before anything is written, and all files are written together
(output.write_all): a failure leaves every earlier output as it was."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .mail import email_draft
from .models import Brief
from .output import write_all
from .render import brief_json, render_html, render_pdf


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


def publish(brief: Brief, config: Config, templates: list[Path], targets: Targets) -> None:
    html = render_html(brief, templates)
    pdf = render_pdf(html, brief, templates, pdf_a=config.pdf_a, attach_json=config.attach_json)
    outputs = {targets.pdf: pdf}
    if targets.json:
        outputs[targets.json] = brief_json(brief).encode("utf-8")
    if targets.html:
        outputs[targets.html] = html.encode("utf-8")
    if targets.eml:
        outputs[targets.eml] = email_draft(brief, pdf, targets.pdf.name, list(targets.mail_to) or config.email.to,
                                           config.email.cc, config.email.sender)
    write_all(outputs)
