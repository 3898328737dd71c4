"""Command line for curators and scripts.

python -m dashboard validate [DATA_DIR]
python -m dashboard table NAME [--data DIR] [--format csv|json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from dashboard.data import frames
from dashboard.data.loading import load_catalogue
from dashboard.data.problems import DataError
from dashboard.data.schema import Catalogue


def _load(data_dir: str | None) -> Catalogue | None:
    """The catalogue, or None after printing every problem to stderr."""
    try:
        return load_catalogue(data_dir)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return None


def _validate(args: argparse.Namespace) -> int:
    cat = _load(args.data_dir)
    if cat is None:
        return 1
    print(cat.summary())
    return 0


def _table(args: argparse.Namespace) -> int:
    cat = _load(args.data)
    if cat is None:
        return 1
    frame = frames.TABLES[args.name](cat)
    if args.format == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(frame.to_csv(index=False))
    return 0


def _import_wdi(args: argparse.Namespace) -> int:
    from dashboard.data import wdi

    try:
        target = wdi.import_wdi(Path(args.csv), Path(args.meta), Path(args.out), accessed=args.accessed)
    except wdi.ImportError_ as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        cat = load_catalogue(args.out)
    except DataError as exc:
        print(f"wrote {target}, but the data directory does not validate:\n{exc.report()}", file=sys.stderr)
        return 1
    print(f"wrote {target}; {cat.summary()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check every data file; exit 1 with every problem listed")
    p.add_argument(
        "data_dir", nargs="?", default=None, help="data directory (default: $DASHBOARD_DATA_DIR or data/)"
    )
    p.set_defaults(func=_validate)
    p = sub.add_parser("table", help="print one curated table to stdout")
    p.add_argument("name", choices=sorted(frames.TABLES))
    p.add_argument("--data", default=None, help="data directory (default: $DASHBOARD_DATA_DIR or data/)")
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.set_defaults(func=_table)
    p = sub.add_parser("import-wdi", help="turn a World Bank WDI extract into data/wdi.yaml")
    p.add_argument("csv", help="long CSV: indicator_code,country_code,country_name,year,value")
    p.add_argument("--meta", required=True, help="indicators.json with code, title, description, license")
    p.add_argument("--out", default="data", help="data directory to write wdi.yaml into (default: data)")
    p.add_argument("--accessed", default=dt.date.today().isoformat(), help="date accessed (YYYY-MM-DD)")
    p.set_defaults(func=_import_wdi)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
