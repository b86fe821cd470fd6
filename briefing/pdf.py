"""pdf: the brief's HTML to PDF (WeasyPrint). Needs nothing else of the package, so that a render process
(render_process) imports WeasyPrint and this alone."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from .errors import RenderError


@dataclass(frozen=True)
class PdfJob:
    """What the PDF is made of (render.pdf_job makes one from a brief)."""

    html: str
    date: dt.date                        # the brief's: every date in the PDF is this one
    templates: list[Path]                # the only folders the HTML may load files from, the built-in last
    attachment: tuple[str, str] | None   # (file name, JSON text) of the brief's data, or none
    pdf_a: bool = False


def make_pdf(job: PdfJob) -> bytes:
    """The PDF, byte for byte the same for the same job."""
    from weasyprint import HTML, Attachment  # imported late: it is the slowest import by far

    stamp = dt.datetime.combine(job.date, dt.time(0, 0), tzinfo=dt.UTC)
    fetcher = _local_fetcher(job.templates)
    attachments = []
    if job.attachment is not None:
        name, text = job.attachment
        attachments.append(Attachment(
            string=text, name=name, url_fetcher=fetcher, created=stamp, modified=stamp, relationship="Data",
            description="Excerpts with offsets into their sources, and the source list",
        ))
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))  # fontTools stamps subset fonts with it
    try:
        document = HTML(string=job.html, base_url=job.templates[-1].resolve().as_uri() + "/", url_fetcher=fetcher)
        identifier = hashlib.md5(job.html.encode("utf-8")).hexdigest().encode()
        return bytes(document.write_pdf(
            pdf_tags=True, attachments=attachments, pdf_identifier=identifier,
            pdf_variant="pdf/a-3u" if job.pdf_a else None,
        ) or b"")
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one line
        raise RenderError(f"PDF rendering failed: {exc}") from None
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def _local_fetcher(allowed: list[Path]) -> Any:
    """A URL fetcher that reaches only the templates' own files: no network, nothing else on disk."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    roots = [p.resolve() for p in allowed]

    class TemplateOnlyFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            parsed = urlparse(url)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if any(path.is_relative_to(root) for root in roots) and path.is_file():
                    return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _mime(path)})
            raise ValueError(f"refused to fetch {url[:80]}: only the template's own files are used")

    return TemplateOnlyFetcher()


def _mime(path: Path) -> str:
    return {".css": "text/css", ".ttf": "font/ttf", ".otf": "font/otf", ".woff2": "font/woff2", ".woff": "font/woff",
            ".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg"}.get(path.suffix.lower(),
                                                                                 "application/octet-stream")
