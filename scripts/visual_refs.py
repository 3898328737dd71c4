"""Rewrite the visual regression references (tests/visual/references/) after a reviewed change:
every chart of every page, both languages, five views, desktop and phone width, as normalised SVG.

    .venv/bin/python scripts/visual_refs.py

Then read `git diff --stat tests/visual/references` (and the diffs of the charts you meant to
change) before committing: tests/test_visual.py fails on any chart that differs from these."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.data.model import build_model  # noqa: E402
from dashboard.data.problems import DataError  # noqa: E402
from tests.visual import render  # noqa: E402


def main() -> int:
    model = build_model(Path(__file__).resolve().parents[1] / "data")
    if isinstance(model, DataError):
        print(model, file=sys.stderr)
        return 1
    render.REFERENCES.mkdir(parents=True, exist_ok=True)
    written = set()
    for case in render.cases(model):
        for width_name, width in render.WIDTHS.items():
            path = render.reference_path(case.key, width_name)
            path.write_text(render.normalise(render.render(case, width)), encoding="utf-8")
            written.add(path.name)
    removed = [p for p in render.REFERENCES.glob("*.svg") if p.name not in written]
    for path in removed:
        path.unlink()
    print(f"{len(written)} references written, {len(removed)} removed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
