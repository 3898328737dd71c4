"""Safe YAML → validated models → one `Catalogue`, with every problem reported at once.

Why this module exists: curators edit YAML by hand. They need *all* the problems in one run, each
as `data/FILE.yaml:LINE: dotted.path: what is wrong`, never a traceback. The loader never writes
to the data directory, refuses oversized files and YAML anchors/aliases (the alias-bomb vector),
and uses only libyaml's or PyYAML's *safe* loader.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from dashboard.data import schema
from dashboard.data.checks import cross_check
from dashboard.data.problems import DataError, LineIndex, Path_, Problem, format_path
from dashboard.data.schema import Catalogue

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_FILE_BYTES_ENV = "DASHBOARD_MAX_FILE_BYTES"
MAX_DEPTH = 64
DATA_DIR_ENV = "DASHBOARD_DATA_DIR"
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"

#: Files every data directory must have, and the model each is read with. Any other `*.yaml` file
#: is a series file (figures.yaml, wdi.yaml, ...).
REQUIRED_FILES: dict[str, type[BaseModel]] = {
    "countries.yaml": schema.CountriesFile,
    "sources.yaml": schema.SourcesFile,
    "definitions.yaml": schema.DefinitionsFile,
    "event.yaml": schema.EventFile,
    "participants.yaml": schema.ParticipantsFile,
    "statements.yaml": schema.StatementsFile,
}
#: Files a data directory may have, read with their own model (not as series files).
OPTIONAL_FILES: dict[str, type[BaseModel]] = {"milestones.yaml": schema.MilestonesFile}


# --- paths --------------------------------------------------------------------------------------


def resolve_data_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The explicit argument, else $DASHBOARD_DATA_DIR, else the repository's `data/`."""
    if data_dir is not None:
        return Path(data_dir)
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env) if env else DEFAULT_DATA_DIR


def display_name(data_dir: Path, file: Path) -> str:
    """`data/figures.yaml`: the data directory's own name and the file, as curators see them."""
    return f"{data_dir.name}/{file.relative_to(data_dir).as_posix()}"


def data_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.iterdir() if p.name.endswith(".yaml"))


def fingerprint(data_dir: Path) -> str:
    """Changes whenever any data file's name, size or modification time does (cache key).

    Asked once per rerun, so it reads the directory with `os.scandir` (no `Path` per file)."""
    h = hashlib.sha256()
    try:
        with os.scandir(data_dir) as entries:
            for entry in sorted((e for e in entries if e.name.endswith(".yaml")), key=lambda e: e.name):
                st = entry.stat()
                h.update(f"{entry.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    except OSError as exc:
        h.update(repr(exc).encode())
    return h.hexdigest()[:16]


# --- YAML with line numbers ---------------------------------------------------------------------


class _Reader(LineIndex):
    """Reads one file: checks, parses, maps each dotted path to its line."""

    def __init__(self, data_dir: Path, file: Path, max_bytes: int):
        super().__init__(display_name(data_dir, file))
        self.data_dir = data_dir
        self.file = file
        self.max_bytes = max_bytes
        self.problems: list[Problem] = []

    def problem(self, line: int, path: Iterable[str | int], message: str) -> None:
        self.problems.append(Problem(self.name, line, format_path(path), message))

    def read(self) -> Any:
        f = self.file
        if f.is_symlink():
            target = f.resolve()
            if not target.is_relative_to(self.data_dir.resolve()):
                self.problem(0, (), "is a symbolic link leading outside the data directory; refused")
                return None
        if f.is_dir():
            self.problem(0, (), "is a directory; expected a YAML file")
            return None
        try:
            size = f.stat().st_size
            if size > self.max_bytes:
                self.problem(0, (), f"file is {size} bytes, over the {self.max_bytes}-byte limit; refused")
                return None
            raw = f.read_bytes()
        except OSError as exc:
            self.problem(0, (), f"cannot be read: {exc.strerror or exc}")
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            self.problem(0, (), f"is not UTF-8 text (byte {exc.start} cannot be decoded)")
            return None
        if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
            self.problem(1, (), "file is empty")
            return None
        loader = SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                self.problem(1, (), "file is empty")
                return None
            seen: set[int] = set()
            if not self._walk(node, (), seen, 0):
                return None
            return loader.construct_document(node)
        except yaml.MarkedYAMLError as exc:
            all_lines = text.splitlines()
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 0
            msg = " ".join(str(x) for x in (exc.context, exc.problem) if x)
            if line > len(all_lines):  # an unclosed bracket or quote: the file ended first
                line = len(all_lines)
                msg += " (the file ends before a bracket or quote is closed)"
            line_text = all_lines[mark.line] if mark and mark.line < len(all_lines) else ""
            if exc.problem and "tag" in exc.problem:
                msg = f"{exc.problem.strip()}: only plain YAML is allowed (safe loader)"
            elif "\t" in line_text:
                msg = f"YAML syntax error: {msg} (tabs cannot indent YAML; use spaces)"
            else:
                msg = f"YAML syntax error: {msg}"
            self.problem(line, (), msg)
            return None
        except yaml.reader.ReaderError as exc:
            line = text.count("\n", 0, exc.position) + 1
            char = exc.character if isinstance(exc.character, str) else chr(exc.character)
            self.problem(
                line, (), f"contains the control character U+{ord(char):04X}, which YAML does not allow"
            )
            return None
        except yaml.YAMLError as exc:
            self.problem(0, (), "YAML error: " + " ".join(str(exc).split()))
            return None
        except RecursionError:
            self.problem(0, (), f"nesting is deeper than {MAX_DEPTH} levels; refused")
            return None
        finally:
            loader.dispose()

    def _walk(self, node: yaml.Node, path: Path_, seen: set[int], depth: int) -> bool:
        """Record each path's line; refuse aliases, duplicate keys and absurd nesting."""
        if id(node) in seen:
            self.problem(self.line_of(path), path, "YAML anchors and aliases (&, *) are not allowed")
            return False
        if depth > MAX_DEPTH:
            self.problem(
                node.start_mark.line + 1, path, f"nesting is deeper than {MAX_DEPTH} levels; refused"
            )
            return False
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            seen.add(id(node))
        self.lines.setdefault(path, node.start_mark.line + 1)
        ok = True
        if isinstance(node, yaml.MappingNode):
            keys: dict[Any, int] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node)
                line = key_node.start_mark.line + 1
                if key == "<<":
                    self.problem(line, path, "YAML merge keys (<<) are not allowed")
                    return False
                if key in keys:
                    self.problem(line, path, f"duplicate key '{key}' (first at line {keys[key]})")
                    ok = False
                keys[key] = line
                self.lines[(*path, key)] = line
                if not self._walk(value_node, (*path, key), seen, depth + 1):
                    return False
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                if not self._walk(item, (*path, i), seen, depth + 1):
                    return False
        return ok


# --- pydantic errors → problems -----------------------------------------------------------------

_BOOL_HINT = "YAML reads bare yes/no/on/off/NO as a boolean; put the value in quotes"


_SCHEMA_TAG = re.compile(r"^[\w-]+\[.*\]$")


def _clean_loc(loc: tuple[Any, ...]) -> Path_:
    """Drop pydantic's own location tags (`function-after[...]`), keep the data's keys and indexes."""
    return tuple(p for p in loc if isinstance(p, int) or not _SCHEMA_TAG.match(str(p)))


def _message(err: dict[str, Any]) -> tuple[Path_, str]:
    loc = _clean_loc(err["loc"])
    kind, value = err["type"], err.get("input")
    if kind == "extra_forbidden":
        return loc[:-1], f"unknown key '{loc[-1]}'"
    if kind == "missing":
        return loc[:-1], f"required key '{loc[-1]}' is missing"
    if kind == "string_type" and isinstance(value, bool):
        return loc, f"expected text, got {str(value).lower()}: {_BOOL_HINT}"
    if kind == "string_type" and hasattr(value, "isoformat"):
        return loc, f'expected a quoted date string, got an unquoted date: write "{value.isoformat()}"'
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return loc, f"{value!r} is not one of {expected}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return loc, f"expected a mapping (key: value), got {_describe(value)}"
    if kind == "list_type":
        return loc, f"expected a list, got {_describe(value)}"
    if (
        kind in {"float_type", "int_type"}
        and isinstance(value, str)
        and re.fullmatch(r"[-+]?\d+(\.\d*)?[eE][-+]?\d+", value)
    ):
        return loc, f"{value!r} is read as text: YAML 1.1 needs a dot and a sign in exponents (write 1.0e+3)"
    msg = err["msg"]
    msg = msg.removeprefix("Value error, ")
    if kind in {"int_type", "float_type", "string_type", "bool_type"}:
        msg = f"{msg}, got {_describe(value)}"
    return loc, msg


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"text {value[:40]!r}"
    return f"{type(value).__name__} {value!r}"[:60]


def _validate(reader: _Reader, model: type[BaseModel], data: Any) -> BaseModel | None:
    if not isinstance(data, dict):
        reader.problem(reader.line_of(()), (), f"the top level must be a mapping, got {_describe(data)}")
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc, msg = _message(err)
            line = reader.line_of(tuple(_clean_loc(err["loc"])))
            reader.problem(line, loc, msg)
        return None
    except RecursionError:
        reader.problem(0, (), f"nesting is deeper than {MAX_DEPTH} levels; refused")
        return None


# --- the catalogue ------------------------------------------------------------------------------


def load_catalogue(
    data_dir: str | os.PathLike[str] | None = None, *, max_bytes: int | None = None
) -> Catalogue:
    """Read and check every file in `data_dir`; raise `DataError` listing every problem.

    `max_bytes` (default: $DASHBOARD_MAX_FILE_BYTES, else 64 MiB) caps each file's size."""
    if max_bytes is None:
        max_bytes = int(os.environ.get(MAX_FILE_BYTES_ENV) or MAX_FILE_BYTES)
    root = resolve_data_dir(data_dir)
    name = root.name or str(root)
    if not root.exists():
        raise DataError([Problem(name, 0, "", "data directory does not exist")])
    if not root.is_dir():
        raise DataError([Problem(name, 0, "", "is not a directory")])
    try:
        files = data_files(root)
    except OSError as exc:
        raise DataError([Problem(name, 0, "", f"cannot be listed: {exc.strerror or exc}")]) from None
    problems: list[Problem] = []
    readers: dict[str, _Reader] = {}
    models: dict[str, BaseModel] = {}
    present = {f.name for f in files}
    for required in REQUIRED_FILES:
        if required not in present:
            problems.append(Problem(f"{name}/{required}", 0, "", "required file is missing"))
    for f in files:
        reader = _Reader(root, f, max_bytes)
        readers[f.name] = reader
        data = reader.read()
        if not reader.problems:
            kind = REQUIRED_FILES.get(f.name) or OPTIONAL_FILES.get(f.name) or schema.SeriesFile
            model = _validate(reader, kind, data)
            if model is not None:
                models[f.name] = model
        problems.extend(reader.problems)
    if problems:
        raise DataError(problems)

    series_files = [(n, m) for n, m in models.items() if isinstance(m, schema.SeriesFile)]
    cat = Catalogue(
        countries=list(models["countries.yaml"].countries),
        groups=list(models["countries.yaml"].groups),
        references=list(models["countries.yaml"].references),
        sources=list(models["sources.yaml"].sources),
        definitions=list(models["definitions.yaml"].definitions),
        event=models["event.yaml"].event,
        theme_years=list(models["event.yaml"].theme_years),
        participants=list(models["participants.yaml"].participants),
        attending_bodies=list(models["participants.yaml"].attending_bodies),
        fields=list(models["statements.yaml"].fields),
        statements=list(models["statements.yaml"].statements),
        series=[s for _, m in series_files for s in m.series],
        milestones=list(models["milestones.yaml"].milestones) if "milestones.yaml" in models else [],
        fingerprint=fingerprint(root),
        files=[f.name for f in files],
    )

    problems = cross_check(cat, readers, series_files)
    if problems:
        raise DataError(problems)
    return cat
