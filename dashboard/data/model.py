"""The validated catalogue and the frames built from it: one immutable object per data version.

No Streamlit here: the app caches one `Model` per data fingerprint, and `views` builds each page's
ready-to-draw content from it, so the pure parts can be tested and timed without a server.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from dashboard.data import derived as derived_series
from dashboard.data import frames
from dashboard.data.loading import load_catalogue
from dashboard.data.problems import DataError
from dashboard.data.schema import Catalogue, Series
from dashboard.data.snapshot import Checked


def _table(name: str) -> property:
    """One of the model's frames as an attribute (`m.observations` for `m.tables["observations"]`)."""
    return property(lambda self: self.tables[name], doc=f"The `{name}` frame.")


@dataclass(frozen=True)
class Model:
    """The catalogue and every frame the pages need, built once per data version."""

    cat: Catalogue
    data_dir: Path
    tables: dict[str, pd.DataFrame] = field(repr=False)

    observations = _table("observations")
    participants = _table("participants")
    sources = _table("sources")
    statements = _table("statements")
    theme_years = _table("theme_years")
    milestones = _table("milestones")

    @cached_property
    def representation(self) -> pd.DataFrame:
        return frames.representation(self.cat)

    @cached_property
    def derived(self) -> pd.DataFrame:
        """ASEAN-10 aggregates and GMV ÷ GDP: built on first use (the World Bank pages and the
        GMV ÷ GDP chart), not before the first page a reader sees."""
        return pd.concat(
            [
                derived_series.asean_aggregates(self.cat, self.observations),
                derived_series.gmv_to_gdp(self.observations),
            ],
            ignore_index=True,
        )

    @cached_property
    def observed_series(self) -> frozenset[str]:
        """The series with at least one observation (from the frame: a snapshot's catalogue
        carries none)."""
        return frozenset(self.observations["series_id"].unique())

    @cached_property
    def _series_by_id(self) -> dict[str, Series]:
        return {s.id: s for s in self.cat.series}

    def series(self, series_id: str) -> Series:
        return self._series_by_id[series_id]

    @property
    def version(self) -> str:
        """Changes whenever a data file changes: part of every cache key."""
        return self.cat.fingerprint

    @cached_property
    def country_codes(self) -> list[str]:
        return [c.code for c in self.cat.countries]


def build_model(
    data_dir: str | Path, load: Callable[[str | Path], Catalogue | Checked] = load_catalogue
) -> Model | DataError:
    """Load and validate `data_dir` and build its frames; a `DataError` lists every problem.
    `load` reads the catalogue from the YAML (the default), or gives the checked catalogue and
    its frames (`snapshot.load_checked`: from a snapshot when the files are unchanged)."""
    try:
        loaded = load(data_dir)
    except DataError as exc:
        return exc
    if isinstance(loaded, Checked):
        return Model(cat=loaded.cat, data_dir=Path(data_dir), tables=loaded.tables)
    return Model(
        cat=loaded,
        data_dir=Path(data_dir),
        tables=frames.all_tables(loaded),
    )
