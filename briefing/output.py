"""output: files written so that nothing is lost. Each is written beside its target and renamed into
place; the outputs of one run are all written first and renamed only when every one succeeded, so a
failed run leaves every earlier output as it was. Files get the mode the umask gives (they are meant
to be shared), and what an interrupted run left behind is removed by the next."""

from __future__ import annotations

import itertools
import os
import re
import tempfile
from pathlib import Path

from .errors import RenderError

_STALE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename into place: the old file survives any failure."""
    write_all({path: data})


_entries = itertools.count()


def write_entry(path: str, data: bytes) -> None:
    """`write_atomically` for the many small files of a cache (a large folder writes 20,000 a run):
    no look for a killed run's temporary files at each write (the cache removes them when opened), no
    mode to copy (each file is one this program wrote, with the mode the umask gives). OSError if it
    cannot be written."""
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.{next(_entries)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all(outputs: dict[Path, bytes]) -> None:
    """Every output written to a temporary file first; renamed into place only when all were written."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in outputs.items():
            staged.append((_stage(path, data), path))
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError as exc:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        failed = next((p for t, p in staged if not Path(p).exists() or Path(t).exists()), next(iter(outputs)))
        raise RenderError(f"{failed}: cannot write: {exc.strerror or exc}") from None


def _stage(path: Path, data: bytes) -> str:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise RenderError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, _mode(path))  # mkstemp makes it private (0600)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _mode(path: Path) -> int:
    """The mode of the file replaced, else what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_stale(path: Path) -> None:
    """Temporary files of this target left by a run that was killed (its process is gone)."""
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        found = _STALE.match(entry.name)
        if found and found["name"] == path.name and not _alive(int(found["pid"])):
            Path(entry.path).unlink(missing_ok=True)


def remove_stale_temporaries(folder: Path, outdated: re.Pattern[str] | None = None) -> None:
    """Every temporary file a killed run left anywhere under `folder` (the cache: a run writes many),
    and the files whose names match `outdated` (what an earlier version wrote and none reads)."""
    for parent, _, names in os.walk(folder, onerror=lambda _: None):
        for name in names:
            found = _STALE.match(name)
            if (found and not _alive(int(found["pid"]))) or (outdated and outdated.match(name)):
                Path(parent, name).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
