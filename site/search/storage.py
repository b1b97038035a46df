"""Where an embedded index lives: ``<PATH>/CURRENT`` names the live directory.

A full rebuild writes a new directory beside the live one and then replaces the
pointer with ``os.replace`` (atomic on POSIX), so readers switch between two
complete indexes and never see a half-built one.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

POINTER = "CURRENT"
DEFAULT_NAME = "main"


def live_dir(base: str | os.PathLike) -> Path:
    base = Path(base)
    try:
        name = (base / POINTER).read_text(encoding="utf-8").strip()
    except OSError:
        name = ""
    if not name or "/" in name or name.startswith("."):
        name = DEFAULT_NAME
    return base / name


def pointer_stamp(base: str | os.PathLike) -> tuple[int, int] | None:
    """Cheap change check for readers (inode + mtime of the pointer file)."""
    try:
        st = os.stat(Path(base) / POINTER)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def new_build_dir(base: str | os.PathLike) -> Path:
    base = Path(base)
    base.mkdir(parents=True, exist_ok=True)
    # unique even for two rebuilds within one second of one process; readable
    # by the web servers, which may run as another user than the rebuild
    path = Path(tempfile.mkdtemp(prefix="build-%s-" % time.strftime("%Y%m%d%H%M%S"), dir=base))
    path.chmod(0o755)
    return path


def swap(base: str | os.PathLike, new: Path, keep: int = 1) -> Path:
    """Point readers at ``new``; remove older builds, keeping ``keep`` previous
    ones (a reader may still be finishing a search in it)."""
    base = Path(base)
    previous = live_dir(base)
    tmp = base / (".%s.%d" % (POINTER, os.getpid()))
    tmp.write_text(new.name, encoding="utf-8")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, base / POINTER)
    olds = sorted(
        (p for p in base.iterdir() if p.is_dir() and p not in (new, previous) and (p.name.startswith("build-") or p.name == DEFAULT_NAME)),
        key=lambda p: p.stat().st_mtime,
    )
    for p in olds[: max(0, len(olds) - max(0, keep - 1))]:
        shutil.rmtree(p, ignore_errors=True)
    return previous
