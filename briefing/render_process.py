"""render_process: the PDF made in a second process, started before anything else, so that it imports
WeasyPrint (about a second) while this one imports the pipeline, reads the cache and selects (about as
long for the seed brief). On two cores that second is no longer waited for.

Stdlib only at import time: the point is to start the process before the heavy imports. The job
(pdf.PdfJob) goes over stdin and the PDF comes back over stdout, pickled; the process is this
interpreter with this sys.path, so it runs the same code. Whatever goes wrong in starting or talking to
it, the PDF is made here instead; a RenderError from it is the user's error, as it would be here."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf import PdfJob

_CHILD = "import json, sys; sys.path[:] = json.loads(sys.argv[1]); from briefing.render_process import serve; serve()"


class RenderProcess:
    """One PDF, made in a process started now. Use as a context manager: an unused process is ended."""

    def __init__(self, show_errors: bool = False) -> None:
        try:
            self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-c", _CHILD, json.dumps(sys.path)], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=None if show_errors else subprocess.DEVNULL)
        except OSError:
            self._process = None

    def make_pdf(self, job: PdfJob) -> bytes:
        result = self._ask(job)
        if isinstance(result, BaseException):
            raise result
        if isinstance(result, bytes):
            return result
        from .pdf import make_pdf

        return make_pdf(job)

    def _ask(self, job: PdfJob) -> object:
        process, self._process = self._process, None
        if process is None or process.stdin is None or process.stdout is None:
            return None
        try:
            pickle.dump(job, process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            process.stdin.close()
            result = pickle.load(process.stdout)
        except (OSError, EOFError, pickle.PickleError, AttributeError, ImportError):
            result = None  # it died, or answered what cannot be read: made here
        process.stdout.close()
        process.wait()
        return result

    def __enter__(self) -> RenderProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._process is not None:  # never asked (an error came first)
            self._process.kill()
            self._process.wait()
            self._process = None


def serve() -> None:
    """The second process: import WeasyPrint, then make one PDF."""
    import logging

    import weasyprint  # noqa: F401  (the second this process is for)

    from .errors import BriefingError, RenderError
    from .pdf import make_pdf

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        job = pickle.load(sys.stdin.buffer)
    except (EOFError, OSError):
        return  # the build failed before it had a brief
    result: object
    try:
        result = make_pdf(job)
    except BriefingError as exc:
        result = exc
    except Exception as exc:  # noqa: BLE001  (one line for the user, as from a PDF made in-process)
        result = RenderError(f"PDF rendering failed: {exc}")
    pickle.dump(result, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()
    # The answer is out: end now. Tearing down WeasyPrint's modules and fonts took 0.1-0.2 s that the
    # build waited for (it waits for this process to end).
    os._exit(0)
