"""A checked copy of the data, outside `data/`, so a restarted server skips the YAML and the checks.

Why: reading the YAML with line numbers and running every check takes ~0.5 s of CPU at 4,000
observations and minutes at a million, which a server that starts while its first reader's browser
loads the page pays at the worst moment. Data that passed every check is written here, columnar:
the frames the pages use (observations, participants, sources, …) as one Arrow IPC file each, and
the catalogue without its observations (names, groups, series metadata) as JSON, read back
through the same pydantic schema. A restart on unchanged files and code reads the frames
directly (a bare Arrow read), instead of a million observations through pydantic and pandas.

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
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pydantic

from dashboard.data import frames
from dashboard.data.loading import data_files, fingerprint, load_catalogue
from dashboard.data.schema import Catalogue

CACHE_DIR_ENV = "DASHBOARD_CACHE_DIR"
OFF = "off"
#: Snapshots kept (the newest): every data or code change writes a new one of ~1 MB.
KEEP = 8
CATALOGUE = "catalogue.json"


@dataclasses.dataclass(frozen=True)
class Checked:
    """Data that passed every check: the catalogue and the frames built from it. Read from a
    snapshot, the catalogue's series carry no observations: the `observations` frame holds them."""

    cat: Catalogue
    tables: dict[str, pd.DataFrame]


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
        return folder / f"snapshot-{snapshot_key(data_dir)}"
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


def load(data_dir: Path) -> Checked | None:
    """The snapshot of `data_dir` as it is now, or None (none yet, turned off, or unreadable)."""
    return _read(_path(data_dir), data_dir)


def _read(path: Path | None, data_dir: Path) -> Checked | None:
    names = [CATALOGUE, *(f"{name}.arrow" for name in frames.TABLES)]
    if path is None or not path.is_dir() or not all(_trusted(path / name) for name in names):
        return None
    try:
        cat = _adapter().validate_json((path / CATALOGUE).read_bytes())
        tables = {}
        for name in frames.TABLES:
            with pa.memory_map(str(path / f"{name}.arrow")) as source:
                tables[name] = pa.ipc.open_file(source).read_all().to_pandas()
    except (OSError, ValueError, pa.ArrowException) as exc:  # pydantic's ValidationError is a ValueError
        log.warning("ignoring data snapshot %s: %s", path, str(exc).splitlines()[0] if str(exc) else exc)
        return None
    # Same bytes, maybe newer modification times: the version must be today's fingerprint.
    return Checked(dataclasses.replace(cat, fingerprint=fingerprint(data_dir)), tables)


def _without_observations(cat: Catalogue) -> Catalogue:
    """The catalogue's words and metadata; its observations live in the `observations` frame."""
    return dataclasses.replace(cat, series=[s.model_copy(update={"observations": []}) for s in cat.series])


def _write(checked: Checked, path: Path | None) -> None:
    """Write the checked data atomically (a folder renamed into place: a reader never sees half of
    it); failures only log."""
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=".snapshot-"))
        try:
            (tmp / CATALOGUE).write_bytes(_adapter().dump_json(_without_observations(checked.cat)))
            for name, frame in checked.tables.items():
                table = pa.Table.from_pandas(frame, preserve_index=False)
                with (
                    pa.OSFile(str(tmp / f"{name}.arrow"), "wb") as sink,
                    pa.ipc.new_file(sink, table.schema) as out,
                ):
                    out.write_table(table)
            tmp.chmod(0o700)
            if path.exists():  # a damaged one: set aside (a reader then reads the YAML), then gone
                old = Path(tempfile.mkdtemp(dir=path.parent, prefix=".stale-"))
                os.replace(path, old / path.name)
                shutil.rmtree(old, ignore_errors=True)
            os.replace(tmp, path)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _prune(path.parent)
    except OSError as exc:
        log.warning("could not write the data snapshot to %s: %s", path.parent, exc)


def _prune(folder: Path) -> None:
    """Keep the `KEEP` newest snapshots in `folder`; older ones belong to data or code since changed."""
    found = sorted(folder.glob("snapshot-*"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in found[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)
    for old in folder.glob("catalogue-*.json"):  # the JSON snapshots of earlier versions
        old.unlink(missing_ok=True)


def load_checked(data_dir: str | os.PathLike[str]) -> Checked:
    """The checked data from its snapshot when the files and code are unchanged, else from the
    YAML (every check; `DataError` lists every problem) with its frames, snapshotted for the next
    start."""
    root = Path(data_dir)
    path = _path(root)  # hashes every data file: once per load, not again to write
    checked = _read(path, root)
    if checked is None:
        cat = load_catalogue(root)  # raises DataError: nothing is written
        checked = Checked(cat, frames.all_tables(cat))
        _write(checked, path)
    return checked
