"""A checked copy of the catalogue as JSON, outside `data/`, so a restarted server skips the YAML.

Why: reading the YAML with line numbers and running every check takes ~0.5 s of CPU, which a
server that starts while its first reader's browser loads the page pays at the worst moment
(it holds the interpreter lock the page's scripts are served under). A catalogue that passed
every check is written here as JSON; the next start with the same files and the same code reads
it back through the same pydantic schema (~12 ms for 3,970 observations, measured) and builds
the frames from it.

The key is a hash of the data files' names and bytes, the data directory's path, this package's
source and the pydantic and Python versions: any edit to the data or the code misses, and the YAML
is read and checked again. Only a catalogue that passed every check is written, and never into the
data directory (a cache directory inside it is refused). The directory is `$DASHBOARD_CACHE_DIR`,
else `$XDG_CACHE_HOME/china-asean-dashboard`, else `~/.cache/china-asean-dashboard`; set
`DASHBOARD_CACHE_DIR=off` to use none. A snapshot that cannot be read, or that another user could
have written, is ignored and replaced.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
import os
import sys
import tempfile
from pathlib import Path

import pydantic

from dashboard.data.loading import data_files, fingerprint, load_catalogue
from dashboard.data.schema import Catalogue

CACHE_DIR_ENV = "DASHBOARD_CACHE_DIR"
OFF = "off"
#: Snapshots kept (the newest): every data or code change writes a new one of ~1 MB.
KEEP = 8

log = logging.getLogger("dashboard")


@functools.cache
def _adapter() -> pydantic.TypeAdapter:
    return pydantic.TypeAdapter(Catalogue)


PACKAGE_DIR = Path(__file__).resolve().parents[1]


def source_files() -> list[Path]:
    """Every source file of the dashboard package, subpackages and locale catalogues included."""
    return sorted(p for p in PACKAGE_DIR.rglob("*") if p.suffix in (".py", ".yaml") and p.is_file())


@functools.cache
def code_version() -> str:
    """The dashboard's whole source and the versions that shape validation: a change to any
    misses. Every module of every subpackage (`rglob`): an edit inside `data/` or anywhere else
    must not reuse a snapshot made by other code."""
    h = hashlib.sha256(f"{sys.version}\0{pydantic.VERSION}\n".encode())
    package = PACKAGE_DIR
    for path in source_files():
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\n")
    return h.hexdigest()


def cache_dir() -> Path | None:
    """Where snapshots live, or None when turned off."""
    env = os.environ.get(CACHE_DIR_ENV)
    if env is not None:
        return None if env.strip().lower() in (OFF, "") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "china-asean-dashboard"


def snapshot_key(data_dir: Path) -> str:
    """Hash of the directory's path, every data file's name and bytes, and the code version."""
    h = hashlib.sha256(f"{code_version()}\0{data_dir.resolve()}\n".encode())
    for path in data_files(data_dir):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\n")
    return h.hexdigest()[:32]


def _path(data_dir: Path) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    if folder.resolve().is_relative_to(data_dir.resolve()):
        log.warning("not using %s for data snapshots: it is inside the data directory", folder)
        return None
    try:
        return folder / f"catalogue-{snapshot_key(data_dir)}.json"
    except OSError:  # a data file vanished or cannot be read: the YAML loader will say which
        return None


def _trusted(path: Path) -> bool:
    """Read only a file this user owns that nobody else may write (nor its folder)."""
    try:
        for p in (path, path.parent):
            st = p.stat()
            if (hasattr(os, "getuid") and st.st_uid != os.getuid()) or st.st_mode & 0o022:
                return False
    except OSError:
        return False
    return True


def load(data_dir: Path) -> Catalogue | None:
    """The snapshot of `data_dir` as it is now, or None (none yet, turned off, or unreadable)."""
    return _read(_path(data_dir), data_dir)


def _read(path: Path | None, data_dir: Path) -> Catalogue | None:
    if path is None or not path.is_file() or not _trusted(path):
        return None
    try:
        cat = _adapter().validate_json(path.read_bytes())
    except (OSError, ValueError) as exc:  # pydantic's ValidationError is a ValueError
        log.warning("ignoring data snapshot %s: %s", path, str(exc).splitlines()[0])
        return None
    # Same bytes, maybe newer modification times: the version must be today's fingerprint.
    return dataclasses.replace(cat, fingerprint=fingerprint(data_dir))


def _write(cat: Catalogue, path: Path | None) -> None:
    """Write the checked catalogue atomically (a reader never sees half a file); failures only log."""
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".catalogue-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_adapter().dump_json(cat))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(path.parent)
    except OSError as exc:
        log.warning("could not write the data snapshot to %s: %s", path.parent, exc)


def _prune(folder: Path) -> None:
    """Keep the `KEEP` newest snapshots in `folder`; older ones belong to data or code since changed."""
    found = sorted(folder.glob("catalogue-*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in found[KEEP:]:
        old.unlink(missing_ok=True)


def load_checked_catalogue(data_dir: str | os.PathLike[str]) -> Catalogue:
    """The catalogue from its snapshot when the files and code are unchanged, else from the YAML
    (every check; `DataError` lists every problem), snapshotted for the next start."""
    root = Path(data_dir)
    path = _path(root)  # hashes every data file: once per load, not again to write
    cat = _read(path, root)
    if cat is None:
        cat = load_catalogue(root)  # raises DataError: nothing is written
        _write(cat, path)
    return cat
