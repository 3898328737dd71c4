"""Query-string values are checked against known values before use (pure, no Streamlit).

Streamlit's bound widgets already drop unknown values silently; a reader who pasted a broken link
deserves to be told what was ignored. Values are shown shortened and as plain text only.
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_SHOWN = 40


def unknown(values: Iterable[str], known: Iterable[str]) -> list[str]:
    """Values not in `known`, in the order given, without repeats."""
    allowed = set(known)
    out: list[str] = []
    for value in values:
        if value not in allowed and value not in out:
            out.append(value)
    return out


def shown(value: str) -> str:
    """A value made safe to quote as plain text: printable and short."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in value)
    if len(clean) > MAX_SHOWN:
        clean = clean[: MAX_SHOWN - 1] + "…"
    return clean or "(empty)"


def display(value: str) -> str:
    """A value made safe to quote in a Markdown notice: `shown`, inside a code span."""
    return f"`{shown(value).replace('`', chr(39))}`"


def iframe(src: str) -> str:
    """The snippet that embeds `src` in an article (the share box's view, a chart's embed link)."""
    return f'<iframe src="{src}" width="100%" height="640" style="border:0" loading="lazy"></iframe>'
