"""Problems in the data, phrased for the curator who must fix them, and where they are.

Its own module (as frictionless keeps its errors in their own package) so that both the loader
and the cross-file checks can use it without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: A place in a YAML document: keys and list indexes from the root.
Path_ = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place, phrased for the curator who must fix it."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return _printable(text)


def _printable(text: str) -> str:
    """One line per problem, whatever the data holds: control characters are shown escaped."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class DataError(Exception):
    """Raised with every problem found; `str()` is the full report, one problem a line."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        files = {p.file for p in self.problems}
        noun = "error" if len(self.problems) == 1 else "errors"
        fnoun = "file" if len(files) == 1 else "files"
        lines = [str(p) for p in self.problems]
        lines.append(f"{len(self.problems)} {noun} in {len(files)} {fnoun}")
        return "\n".join(lines)


def format_path(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class LineIndex:
    """One data file's dotted paths and the lines they start on, so a problem found after
    loading (a cross-file check) can still name its line."""

    def __init__(self, name: str):
        self.name = name
        self.lines: dict[Path_, int] = {}

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest ancestor that has one (a missing key's parent)."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)
