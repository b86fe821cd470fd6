"""The e-mail draft: an RFC 5322 message with the key points as text and the PDF attached."""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import textwrap
from email.message import EmailMessage

from .errors import UsageError
from .models import Brief
from .render import LABELS, display, format_date


def email_draft(brief: Brief, pdf: bytes, filename: str, to: list[str], cc: list[str], sender: str | None) -> bytes:
    for address in [*to, *cc, *([sender] if sender else [])]:
        _check_address(address)
    message = EmailMessage(policy=email.policy.SMTP.clone(max_line_length=200))
    marking = f"[{' '.join(brief.classification.split())}] " if brief.classification else ""
    message["Subject"] = f"{marking}{' '.join(brief.title.split())} ({format_date(brief.date, brief.language)})"
    if sender:
        message["From"] = sender
    if to:
        message["To"] = ", ".join(to)
    if cc:
        message["Cc"] = ", ".join(cc)
    stamp = dt.datetime.combine(brief.date, dt.time(8, 0), tzinfo=dt.UTC)
    message["Date"] = email.utils.format_datetime(stamp)
    message["X-Unsent"] = "1"  # mail programs open the file as a draft to send
    body = key_points_text(brief)
    message.set_content(f"{brief.classification}\n\n{body}\n{brief.classification}\n" if brief.classification else body)
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=filename)
    return message.as_bytes()


def _check_address(address: str) -> None:
    """One address, as a mail program takes it: no line breaks (they would forge headers), an @."""
    name, addr = email.utils.parseaddr(address)
    if any(c in address for c in "\r\n") or "@" not in addr or " " in addr:
        raise UsageError(f"not an e-mail address: {address!r}")


def key_points_text(brief: Brief) -> str:
    """The brief's key points as plain text: one verbatim excerpt per section, with its source."""
    labels = LABELS[brief.language]
    numbers = {s.id: s for s in brief.sources}
    lines = [brief.title, f"{labels['date']}: {format_date(brief.date, brief.language)} · {brief.author}", "",
             labels["key_points"].upper(), ""]
    for section in brief.sections:
        lines.append(section.title)
        if section.excerpts:
            top = section.excerpts[section.key_point]
            quote = f"{labels['open_quote']}{display(top.text)}{labels['close_quote']} [{numbers[top.source].number}]"
            lines += textwrap.wrap(quote, 76, initial_indent="  ", subsequent_indent="  ")
            if top.attribution:
                lines.append(f"  ({labels['said_by']}: {top.attribution})")
        else:
            lines.append(f"  {labels['no_evidence']}")
        lines.append("")
    lines.append(labels["sources"].upper())
    for source in brief.sources:
        detail = ", ".join(x for x in (source.outlet, format_date(source.published, brief.language) if source.published
                                       else None) if x)
        lines.append(f"[{source.number}] {source.title or source.path}" + (f" ({detail})" if detail else ""))
    return "\n".join(lines) + "\n"
