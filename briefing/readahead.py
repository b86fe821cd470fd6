"""readahead: files a run is about to read, asked of the kernel ahead of time. A large folder is tens of
thousands of small files (each article, its cache entry and its reading); when they are not in memory
(after a reboot, or when the system dropped its file cache), reading them one by one waits on the disk
for each: 5 of the 15 s of a warm 10,000-article run here. Asked ahead, the disk reads many at once
while the run works on the ones it has (posix_fadvise WILLNEED: a hint, nothing is read into a process).

The asking is done by a small second process, not a thread: a thread of this one would take the GIL
from the run at each of its system calls (measured: a third slower when the files are in memory). The
paths go to it through a pipe that is never waited on: what does not fit is not asked. Where the call
does not exist (not POSIX) or the process cannot start, nothing is asked and nothing else changes."""

from __future__ import annotations

import os
import subprocess
import sys

try:
    import fcntl
except ImportError:  # not POSIX: then posix_fadvise is missing too, and nothing is asked
    fcntl = None  # type: ignore[assignment]

FROM_FILES = 500  # a smaller folder is read before the process would have started
_BATCH = 64 * 1024  # bytes of paths sent at once
_asking: list[subprocess.Popen[bytes]] = []  # processes left to finish on their own (kept: not warned about)
_CHILD = r"""
import os
flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC  # a FIFO put in place of a file never blocks it
rest = b""
while chunk := os.read(0, 1 << 16):
    *paths, rest = (rest + chunk).split(b"\0")
    for path in paths:
        try:
            fd = os.open(path, flags)
        except OSError:
            continue  # not there (an entry never written): the run finds that out itself
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass
        os.close(fd)
"""


class ReadAhead:
    """Paths the run reads soon. Use as a context manager; the process ends when it has asked for all."""

    def __init__(self, files: int) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._pending: list[bytes] = []
        self._size = 0
        _asking[:] = [p for p in _asking if p.poll() is None]
        if files < FROM_FILES or fcntl is None or not hasattr(os, "posix_fadvise"):
            return
        try:
            self._process = subprocess.Popen([sys.executable, "-I", "-S", "-c", _CHILD], stdin=subprocess.PIPE,
                                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            assert self._process.stdin is not None
            fd = self._process.stdin.fileno()
            os.set_blocking(fd, False)
            fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)  # room for a large folder's paths
        except (OSError, ValueError):
            pass  # a smaller pipe (the rest is dropped), or no process: nothing is asked

    def ask(self, *paths: str) -> None:
        if self._process is None:
            return
        for path in paths:
            encoded = os.fsencode(path) + b"\0"
            self._pending.append(encoded)
            self._size += len(encoded)
        if self._size >= _BATCH:
            self._send()

    def _send(self) -> None:
        assert self._process is not None and self._process.stdin is not None
        data, self._pending, self._size = b"".join(self._pending), [], 0
        try:
            os.write(self._process.stdin.fileno(), data)  # (a part may go: the process drops a cut path's end)
        except OSError:
            pass  # full (it is behind: the disk is busy anyway) or gone

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._process is None:
            return
        if self._pending:
            self._send()
        try:
            if self._process.stdin is not None:
                self._process.stdin.close()  # it asks for what it has, then ends
        except OSError:
            pass
        _asking.append(self._process)  # not waited for: the next stage's files may still be coming
        self._process = None
