"""Each page's content, ready to draw: pure `(model, language, filter) → view` functions.

Why: a filter change reruns the whole page script, and pandas work done there is paid on every
click. A view holds only what the page draws (strings, numbers, `Chart`s, display tables), so the
app builds it once per data version, language and filter and a rerun only hands it to Streamlit.
No Streamlit here; tests call these directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from dashboard.data import derived, frames
from dashboard.data.model import Model
from dashboard.present import charts, formatting, tables
from dashboard.present.charts import Chart
from dashboard.present.i18n import label, pick, t
from dashboard.present.text import escape_markdown as esc

Selection = tuple[str, ...]  # ISO codes in catalogue order; empty = all countries


def display_table(frame: pd.DataFrame) -> pa.Table:
    """A table as `st.dataframe` sends it (Arrow): converted once with the cached view, not on
    every rerun (pandas → Arrow was a quarter of the Country page's rerun)."""
    return pa.Table.from_pandas(frame, preserve_index=False)


def _definition(m: Model, definition_id: str):
    return next(d for d in m.cat.definitions if d.id == definition_id)


def _covered(obs: pd.DataFrame, series_id: str, lang: str) -> str:
    """The countries a curated series covers (for the empty state when the filter excludes them)."""
    rows = frames.series_rows(obs, series_id)
    return charts.entity_names(rows[~rows["is_group"]], lang)


# --- Overview -----------------------------------------------------------------------------------


#: The Overview's key indicators: the internet economy, the two subscriptions that carry it, and
#: income. Each one's name links to the page that charts the series in full.
KEY_INDICATORS = (
    "internet_economy_gmv",
    "mobile_cellular_subscriptions_per_100_people",
    "fixed_broadband_subscriptions_per_100_people",
    "gdp_per_capita_current_usd",
)
#: A key indicator's trend line starts here: long enough to show the direction, short enough to read.
TREND_FROM = 2010
#: A key indicator names this many publishers at most; past that, two and how many more.
MAX_PUBLISHERS = 3


@dataclass(frozen=True)
class KeyIndicator:
    """One key indicator: what its columns in the Overview's table hold, and where to read more."""

    series_id: str
    title: str
    topic: str | None  # a World Bank series' topic (its page offers it); None: the Digital economy page
    note: str  # its unit and its source


@dataclass(frozen=True)
class KeyIndicators:
    """The Overview's key indicators for the filter, as one table: a row per chosen country (all
    without a filter), and per indicator its latest value with the year, and its trend since
    `TREND_FROM` (a sparkline): small multiples a phone scrolls sideways, country pinned.

    One table, not a tile per indicator: the landing page reruns on every filter change, and each
    element costs every rerun (four tiles of a link, a caption and a table took the Overview's
    rerun from 1.54 to 1.73 times the floor's; the table costs +0.01)."""

    indicators: list[KeyIndicator]
    table: pa.Table
    trend_columns: list[str]


def _key_rows(m: Model, series_id: str, selected: Selection) -> pd.DataFrame:
    """A series' actual and estimated values (never a projection as the latest), the latest edition
    of each year where editions differ, for the chosen countries (all without a filter)."""
    rows = frames.series_rows(m.observations, series_id)
    rows = rows[~rows["is_group"] & rows["kind"].isin(["actual", "estimate"]) & rows["value"].notna()]
    if "edition" in rows and rows["edition"].notna().any():
        rows = frames.latest_editions(rows)
    return frames.filter_countries(rows, list(selected)).sort_values("year")


def key_indicators(m: Model, lang: str, selected: Selection) -> KeyIndicators:
    """The Overview's key indicators for the filter (cached apart from the event card and the
    regional chart, which do not change with it)."""
    known = {x.id for x in m.cat.series}
    names = {c.code: pick(c.name.en, c.name.zh, lang) for c in m.cat.countries}
    codes = [c for c in m.country_codes if not selected or c in selected]
    columns: dict[str, list] = {t("col_country_short", lang): [names[c] for c in codes]}
    indicators, trends = [], []
    for series_id in (s for s in KEY_INDICATORS if s in known):
        meta = m.series(series_id)
        rows = _key_rows(m, series_id, selected)
        latest = rows.groupby("entity").tail(1).set_index("entity")
        decimals = formatting.decimals_of(rows) if not rows.empty else meta.decimal_places
        written = dict(zip(latest.index, formatting.labels(latest["value"], lang, decimals), strict=True))
        trend = rows[rows["year"] >= TREND_FROM].groupby("entity")["value"].apply(list)
        short = t(f"key_{series_id}", lang)
        columns[short] = [
            t("value_year", lang, value=written[c], year=int(latest.at[c, "year"])) if c in written else "—"
            for c in codes
        ]
        trends.append(t("trend_of", lang, indicator=short))
        columns[trends[-1]] = [trend.get(c, []) for c in codes]
        publishers = list(dict.fromkeys(rows["source_publisher_zh" if lang == "zh" else "source_publisher"]))
        if len(publishers) > MAX_PUBLISHERS:  # the page's Sources tab lists them all
            publishers = [*publishers[:2], t("more_sources", lang, n=len(publishers) - 2)]
        indicators.append(
            KeyIndicator(
                series_id=series_id,
                title=pick(meta.title.en, meta.title.zh, lang),
                topic=meta.topic,
                note=t("list_separator", lang).join(
                    [
                        pick(meta.unit.en, meta.unit.zh, lang),
                        label("source", lang) + formatting.join(publishers, lang),
                    ]
                ),
            )
        )
    return KeyIndicators(indicators, display_table(pd.DataFrame(columns)), trends)


@dataclass(frozen=True)
class Overview:
    # Markdown: the event's name, date, format, chair, theme, designation, and who took part. One
    # element (lines joined by hard breaks): each element costs every rerun.
    event_card: str
    definition: str
    share: Chart
    pages: str  # Markdown: what each page shows

    @property
    def charts(self) -> list[Chart]:
        """The page's charts in page order: what the export routes offer (one list per page)."""
        return [self.share]


def overview(m: Model, lang: str) -> Overview:
    ev = m.cat.event
    chair = next(c for c in m.cat.countries if c.code == ev.asean_chair)
    share = frames.series_rows(m.observations, "internet_economy_gmv_share_of_gdp")
    took_part = m.participants["took_part"]
    represented = m.participants.loc[took_part, "represents"]
    definition = _definition(m, "internet_economy_gmv_share_of_gdp")

    def facts(*pairs: tuple[str, object]) -> str:
        return " · ".join(f"**{t(key, lang)}**: {value}" for key, value in pairs)

    return Overview(
        event_card=f"## {esc(pick(ev.name.en, ev.name.zh, lang))}\n\n"
        + "  \n".join(
            [
                facts(
                    ("event_date", esc(ev.date)),
                    ("event_format", esc(pick(ev.format.en, ev.format.zh, lang))),
                    ("event_chair", esc(pick(chair.name.en, chair.name.zh, lang))),
                ),
                facts(("event_theme", esc(ev.theme.original))),
                f":gray[{t('translation', lang)} ({t('our_translation', lang)}): {esc(ev.theme.translation)}]",
                facts(
                    (
                        "event_designation",
                        esc(pick(ev.designation.meeting.en, ev.designation.meeting.zh, lang)),
                    )
                ),
                facts(
                    ("event_countries", represented[represented != "ASEAN10"].nunique()),
                    ("event_officials", int(took_part.sum())),
                    ("event_letters", int((~took_part).sum())),
                    ("event_proposals", int((m.statements["kind"] == "proposal").sum())),
                ),
            ]
        ),
        definition=f"**{t('definition', lang)}**: "
        + esc(pick(definition.description.en, definition.description.zh, lang)),
        share=charts.gmv_share_of_gdp(share, lang),
        pages="\n".join(
            f"- **{t(f'page_{slug}', lang)}** — {t(f'about_page_{slug}', lang)}" for slug in PAGE_GUIDE
        ),
    )


#: The pages the Overview describes, in menu order (i18n keys `page_…` and `about_page_…`).
PAGE_GUIDE = (
    "participants",
    "digital_economy",
    "connectivity",
    "innovation",
    "agenda",
    "timeline",
    "country",
    "sources",
)


# --- Digital economy ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DigitalEconomy:
    gmv: Chart
    gmv_to_gdp: Chart
    gmv_to_gdp_definition: str
    national_definition: str
    national: Chart
    national_notes: list[str]
    china_shown: bool
    ct: Chart | None
    people: Chart | None

    @property
    def charts(self) -> list[Chart]:
        return [c for c in (self.gmv, self.gmv_to_gdp, self.national, self.ct, self.people) if c is not None]


GMV_VIEWS = ["latest", "revisions"]


@dataclass(frozen=True)
class GmvChoices:
    """What the GMV chart offers: its views (a revision view only when some year has two editions
    or more), the years a reader can compare across editions (latest first), and the years and
    `?time=` values of the latest-edition lines."""

    views: list[str]
    revised_years: list[str]
    years: list[int]
    time_ranges: list[str]


def gmv_choices(m: Model) -> GmvChoices:
    rows = frames.series_rows(m.observations, "internet_economy_gmv")
    revised = frames.revised_years(rows)
    years = sorted(int(y) for y in rows["year"].unique())
    return GmvChoices(
        GMV_VIEWS if revised else GMV_VIEWS[:1],
        [str(y) for y in sorted(revised, reverse=True)],
        years,
        time_options(years),
    )


def digital_economy(
    m: Model,
    lang: str,
    selected: Selection,
    gmv_view: str = "latest",
    gmv_year: str = "",
    time: str = "",
    stack_mode: str = "absolute",
    y_scale: str = "linear",
) -> DigitalEconomy:
    obs = m.observations
    chosen = list(selected)
    covered_gmv = _covered(obs, "internet_economy_gmv", lang)
    gmv = frames.series_rows(obs, "internet_economy_gmv")
    gmv = frames.filter_countries(gmv[~gmv["is_group"]], chosen)
    if gmv_view == "revisions" and gmv_year:
        gmv_chart = charts.gmv_revisions(gmv, lang, int(gmv_year), covered_gmv)
    else:
        # Grapher's settings on the latest-edition lines: years shown, change since the first, log
        rows, unit, log = with_settings(
            frames.latest_editions(gmv), t("axis_usd_bn", lang), lang, parse_time(time), stack_mode, y_scale
        )
        relative = unit if stack_mode == "relative" else ""
        gmv_chart = charts.gmv_by_country(rows, lang, covered_gmv, relative_unit=relative, log=log)
    ratio = frames.filter_countries(m.derived[m.derived["series_id"] == derived.GMV_TO_GDP], chosen)
    ratio_definition = _definition(m, "derived_gmv_to_gdp")
    national_definition = _definition(m, "national_digital_economy_share_of_gdp")
    national = frames.filter_countries(
        frames.series_rows(obs, "national_digital_economy_share_of_gdp"), chosen
    )
    notes = national.dropna(subset=[f"note_{lang}"])
    china_shown = not selected or "CHN" in selected
    ct = people = None
    if china_shown:
        ct_series = m.series("ct_diagnosis_minutes")
        categories = {k: {"en": v.en, "zh": v.zh} for k, v in ct_series.categories.items()}
        ct = charts.ct_diagnosis_range(frames.series_rows(obs, "ct_diagnosis_minutes"), lang, categories)
        people = charts.pandemic_people(
            obs[obs["series_id"].isin(["students_in_remote_education", "remote_office_users"])], lang
        )
    return DigitalEconomy(
        gmv=gmv_chart,
        gmv_to_gdp=charts.gmv_to_gdp(ratio, lang, covered_gmv),
        gmv_to_gdp_definition=label("definition", lang)
        + esc(pick(ratio_definition.description.en, ratio_definition.description.zh, lang)),
        national_definition=f"**{t('definition', lang)}** · "
        f"{esc(pick(national_definition.name.en, national_definition.name.zh, lang))}{t('colon', lang)}"
        f"{t('definition_badge', lang)}",
        national=charts.national_digital_share(
            national, lang, _covered(obs, "national_digital_economy_share_of_gdp", lang)
        ),
        national_notes=[
            f"{esc(entity)} {year}: {esc(note)}"
            for entity, year, note in zip(
                notes[f"entity_{lang}"], notes["year"], notes[f"note_{lang}"], strict=True
            )
        ],
        china_shown=china_shown,
        ct=ct,
        people=people,
    )


# --- Participants -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Participants:
    tiles: Chart
    by_rank: Chart
    officials: pa.Table
    bodies: str  # markdown list
    # Markdown: chosen countries that were not ASEAN members at the event (e.g. Timor-Leste in 2020),
    # said in words so an empty list never reads as "absent". Empty when there are none.
    not_members: str

    @property
    def charts(self) -> list[Chart]:
        return [self.tiles, self.by_rank]


def _not_a_member_then(m: Model, country, lang: str) -> str:
    """Markdown saying a country joined ASEAN after the 2020 event, so took no part (never shown
    as "absent"); "" for a country that was a member then, or is not an ASEAN country."""
    day = m.cat.event.date
    if country.asean is None or country.asean_member_on(day):
        return ""
    name = pick(country.name.en, country.name.zh, lang)
    return esc(t("not_member_at_event", lang, country=name, since=country.asean.member_since, date=day))


def participants(m: Model, lang: str, selected: Selection) -> Participants:
    people = m.participants
    if selected:
        people = people[people["represents"].isin(selected) | (people["represents"] == "ASEAN10")]
    bodies = [
        f"- {esc(b.name.zh)}"
        + (f" ({t('zh_by_us', lang)})" if b.zh_by == "ours" else "")
        + f" — {esc(b.name.en)}"
        + (f" ({t('our_translation', lang)})" if b.en_by == "ours" else "")
        for b in m.cat.attending_bodies
    ]
    notes = [_not_a_member_then(m, c, lang) for c in m.cat.countries if c.code in selected]
    return Participants(
        not_members="  \n".join(note for note in notes if note),
        tiles=charts.representation_tiles(m.representation, lang, list(selected)),
        by_rank=charts.officials_by_rank(people, lang),
        officials=display_table(tables.officials_table(people, lang)),
        bodies="\n".join(bodies),
    )


# --- Cooperation agenda -------------------------------------------------------------------------


@dataclass(frozen=True)
class Agenda:
    statements: dict[str, str]  # kind → one Markdown table: original | our translation | who, fields, source
    matrix: Chart
    timeline: Chart

    @property
    def charts(self) -> list[Chart]:
        return [self.matrix, self.timeline]


def _cell(text: str) -> str:
    """Data text as one Markdown table cell: escaped (pipes included), on one line."""
    return esc(" ".join(str(text).split()))


@dataclass(frozen=True)
class Timeline:
    """The Timeline page: milestones 2016–2026 on a time axis, and as a table with their sources."""

    chart: Chart
    table: pa.Table
    shown: int
    total: int
    trade: Chart
    #: (label, value as written, what it is and where it comes from): one figure per definition
    figures: list[tuple[str, str, str]]

    @property
    def charts(self) -> list[Chart]:
        return [self.chart, self.trade]


def milestones_for(m: Model, selected: Selection) -> pd.DataFrame:
    """The milestones that concern the chosen countries (all without a filter): one that concerns
    ASEAN shows for a country that was a member on its date (Timor-Leste from 26 October 2025);
    one that concerns China shows when China is chosen."""
    rows = m.milestones
    if not selected or rows.empty:
        return rows
    countries = {c.code: c for c in m.cat.countries}

    def concerns(row) -> bool:
        codes = row["concerns"].split()
        day = row["date"] if len(row["date"]) == 10 else row["date"] + "-28"
        members = [c for c in selected if c in countries and countries[c].asean_member_on(day)]
        return any(c in codes for c in selected) or ("ASEAN" in codes and bool(members))

    return rows[rows.apply(concerns, axis=1)]


def timeline(m: Model, lang: str, selected: Selection) -> Timeline:
    rows = milestones_for(m, selected).copy()
    # a month-only date sits mid-month on the axis; the table keeps it as the source gives it
    rows["when"] = [d if len(d) == 10 else d + "-15" for d in rows["date"]]
    publisher = "source_publisher_zh" if lang == "zh" else "source_publisher"
    rows["source_label"] = [
        f"{p} · {title}" if isinstance(title, str) and title else str(p)
        for p, title in zip(rows[publisher], rows["source_title"], strict=True)
    ]
    chart = charts.milestone_timeline(rows, lang)
    table = pd.DataFrame(
        {
            t("col_milestone_date", lang): rows["date"],
            t("col_milestone", lang): rows[f"title_{lang}"],
            t("col_kind", lang): [t(f"milestone_kind_{k}", lang) for k in rows["kind"]],
            t("col_china_party", lang): [t("yes" if p else "no", lang) for p in rows["china_party"]],
            t("source", lang): rows[publisher],
            t("col_link", lang): rows["source_url"],
        }
    )
    obs = m.observations
    trade = charts.trade_by_year(frames.series_rows(obs, "china_asean_trade_trillion_yuan"), lang)
    figures = []
    for series_id in (
        "china_asean_trade_billion_usd",
        "china_asean_combined_digital_economy",
        "china_asean_terrestrial_optical_cables",
    ):
        found = frames.series_rows(obs, series_id)
        if found.empty:
            continue
        last = found.sort_values("year").iloc[-1]
        series = m.series(series_id)
        definition = _definition(m, series.definition)
        kind = f" ({t(last['kind'], lang)})" if last["kind"] in ("projection", "estimate") else ""
        words = charts.qualifier_words(lang)
        value = formatting.qualified(last["value"], last["qualifier"], lang, words, series.decimal_places)
        publisher = last["source_publisher_zh" if lang == "zh" else "source_publisher"]
        figures.append(
            (
                f"{pick(series.title.en, series.title.zh, lang)}, {int(last['year'])}{kind}",
                f"{value} {pick(series.unit.en, series.unit.zh, lang)}",
                f"{label('definition', lang)}{pick(definition.name.en, definition.name.zh, lang)} · "
                f"{label('source', lang)}{publisher}",
            )
        )
    return Timeline(chart, display_table(table), len(rows), len(m.milestones), trade, figures)


def agenda(m: Model, lang: str) -> Agenda:
    field_names = {f.id: (f.name.zh if lang == "zh" else f.name.en) for f in m.cat.fields}
    seed = next(src for src in m.cat.sources if src.id == "miit-2020-06-12-opening")
    seed_footer = label("source", lang) + t(
        "source_year",
        lang,
        publisher=pick(seed.publisher.en, seed.publisher.zh, lang),
        year=seed.date_published[:4],
    )
    header = (
        f"| {t('original', lang)} | {t('translation', lang)} ({t('our_translation', lang)}) | "
        f"{t('speaker', lang)} · {t('fields_named', lang)} · {t('source', lang)} |\n| --- | --- | --- |"
    )
    rows: dict[str, list[str]] = {}
    for row in m.statements.sort_values("number").itertuples():
        speaker = row.speaker_zh if lang == "zh" else row.speaker_en
        named = (", " if lang == "en" else "、").join(field_names[f] for f in row.fields.split("; ") if f)
        cells = [
            f"{_cell(row.original)} :gray[({_cell(row.language)})]",
            _cell(row.translation),
            f"**{_cell(speaker if isinstance(speaker, str) else '—')}** · {_cell(named or '—')} · {_cell(row.source_id)}",
        ]
        rows.setdefault(row.kind, []).append("| " + " | ".join(cells) + " |")
    # One Markdown table per kind: the original and the translation side by side, row by row, in
    # one element (a bordered card of columns per statement cost 6 elements each, per rerun).
    statements = {kind: header + "\n" + "\n".join(lines) for kind, lines in rows.items()}
    sources = {src.id: src for src in m.cat.sources}
    timeline_sources = "; ".join(
        dict.fromkeys(
            (sources[i].publisher.zh if lang == "zh" else sources[i].publisher.en)
            for i in m.theme_years["source_id"]
        )
    )
    return Agenda(
        statements=statements,
        matrix=charts.proposal_field_matrix(
            frames.proposal_field_matrix(m.cat), field_names, lang, seed_footer
        ),
        timeline=charts.theme_year_timeline(m.theme_years, lang, label("source", lang) + timeline_sources),
    )


# --- Country profile ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CountryProfile:
    represented_by: str  # markdown list: one item per person, the note (if any) under it
    figures: pa.Table  # curated (non-World Bank) observations for the country
    rankings: list[Chart]  # where the country stands on each curated series it has
    sparklines: pa.Table  # one row per World Bank series

    @property
    def charts(self) -> list[Chart]:
        return self.rankings


def country_profile(m: Model, lang: str, code: str) -> CountryProfile:
    people = m.participants[m.participants["represents"] == code].sort_values("rank_order")
    represented_by = []  # one Markdown list, not an element per person: each costs every rerun
    for p in people.itertuples():
        roles = formatting.join([t(f"role_{r}", lang) for r in p.roles.split("; ")], lang)
        title = p.title_zh if lang == "zh" else p.title_en
        other = p.title_other_zh if lang == "zh" else p.title_other_en
        if isinstance(other, str):
            title = f"{title} ({label('other_readings', lang)}{other})"
        note = p.note_zh if lang == "zh" else p.note_en
        item = f"- **{esc(f'{p.name_zh} · {p.name_en}')}** — {esc(title)} · {esc(roles)}"
        represented_by.append(item + (f"  \n  :gray[{esc(note)}]" if isinstance(note, str) else ""))
    obs = m.observations
    mine = obs[(obs["entity"] == code) & (obs["source_id"] != "world-bank-wdi")]
    rankings = []
    for series_id in ("internet_economy_gmv", "national_digital_economy_share_of_gdp"):
        rows = frames.series_rows(obs, series_id)
        rows = rows[~rows["is_group"] & rows["kind"].isin(["actual", "estimate"])]
        years = rows[rows["entity"] == code]["year"]
        if years.empty:
            continue
        rows = rows[rows["year"] == int(years.max())]
        first = rows.iloc[0]
        rankings.append(
            charts.ranking(rows, lang, code, first[f"series_title_{lang}"], first[f"unit_{lang}"])
        )
    if not represented_by:
        country = next(c for c in m.cat.countries if c.code == code)
        represented_by.append(_not_a_member_then(m, country, lang))  # "" when it was a member
    return CountryProfile(
        represented_by="\n".join(represented_by),
        figures=display_table(
            tables.readable_observations(
                mine,
                lang,
                categories={
                    (s.id, key): pick(label.en, label.zh, lang)
                    for s in m.cat.series
                    for key, label in s.categories.items()
                },
                definitions={d.id: pick(d.name.en, d.name.zh, lang) for d in m.cat.definitions},
            )
        ),
        rankings=rankings,
        sparklines=display_table(tables.sparkline_table(obs, code, lang)),
    )


# --- Sources ------------------------------------------------------------------------------------


def bundle_tables(m: Model, selected: Selection) -> dict[str, pd.DataFrame]:
    """The data bundle's tables: only the chosen countries' rows (all of them when none is chosen)."""
    tables = dict(m.tables)
    if selected:
        tables["observations"] = m.tables["observations"][m.tables["observations"]["entity"].isin(selected)]
        tables["participants"] = m.tables["participants"][
            m.tables["participants"]["represents"].isin(selected)
        ]
        tables["countries"] = m.tables["countries"][m.tables["countries"]["code"].isin(selected)]
    return tables


SOURCE_COLUMNS = {
    "id": None,
    "publisher": "col_publisher",
    "title": "col_source_title",
    "reports_on": "col_reports_on",
    "mirror_of": "col_mirror_of",
    "date_published": "col_date",
    "date_accessed": "col_accessed",
    "url": "col_link",
    "licence": "col_licence",
    "records": "col_records",
}


def sources_table(m: Model, lang: str) -> pa.Table:
    """Every source with what rests on it, headers in the reader's language."""
    src = m.sources
    mirror = src[f"mirror_of_{lang}"].where(
        src[f"mirror_of_{lang}"].isna(), src[f"mirror_of_{lang}"] + ": " + src[f"mirror_note_{lang}"]
    )
    table = src.assign(
        publisher=src[f"publisher_{lang}"],
        title=src["title"].fillna(t("title_not_recorded", lang)),
        mirror_of=mirror,
        date_accessed=src["date_accessed"].fillna(t("not_recorded", lang)),
        licence=src["licence_zh" if lang == "zh" else "licence"],
    )[list(SOURCE_COLUMNS)]
    text = [c for c in table.columns if c not in ("records", "url")]  # a link stays empty
    table[text] = table[text].astype(object).where(table[text].notna(), "—")  # not "None" on the page
    table.columns = [t(key, lang) if key else name for name, key in SOURCE_COLUMNS.items()]
    return display_table(table)


# --- World Bank indicator pages -----------------------------------------------------------------

REFERENCES = ["WLD", "EAS", derived.ASEAN]


def indicator_ids(m: Model, topics: tuple[str, ...]) -> list[str]:
    """The series an indicator page offers, in catalogue order (the first is its default)."""
    return [x.id for x in m.cat.series if x.topic in topics and x.id in m.observed_series]


@dataclass(frozen=True, eq=False)
class IndicatorSeries:
    """One series' rows (ours and derived), its years, and the default ranking year: the latest
    year in which at least half of the countries with any value have one.

    Compared and hashed by identity, so the app's view cache can key the charts on the very
    object it cached (rows are not hashable)."""

    series_id: str
    rows: pd.DataFrame
    years: list[str]
    default_year: str


def indicator_series(m: Model, series_id: str) -> IndicatorSeries:
    rows = pd.concat(
        [
            m.observations[m.observations["series_id"] == series_id],
            m.derived[m.derived["series_id"] == series_id],
        ],
        ignore_index=True,
    )
    counts = rows[~rows["is_group"]].groupby("year")["entity"].nunique()
    default_year = str(max(y for y, n in counts.items() if n >= counts.max() / 2))
    # Text columns as plain Python objects: every new filter selects from these rows a few times,
    # and selecting from pandas' Arrow-backed strings cost over half of a filter change's server
    # time under load (profiled with py-spy, 100 readers); these few hundred rows cost little more.
    text = [c for c in rows.columns if pd.api.types.is_string_dtype(rows[c]) and rows[c].dtype != object]
    rows = rows.astype(dict.fromkeys(text, object))
    return IndicatorSeries(series_id, rows, [str(y) for y in sorted(counts.index)], default_year)


def _indicator_labels(m: Model, series_id: str, lang: str) -> tuple[str, str]:
    meta = m.series(series_id)
    return (meta.title.zh, meta.unit.zh) if lang == "zh" else (meta.title.en, meta.unit.en)


#: Grapher's own URL keys and values for the year-line charts' settings.
STACK_MODES = ["absolute", "relative"]
Y_SCALES = ["linear", "log"]


def time_options(years: list[int]) -> list[str]:
    """Every `?time=` a year chart accepts, in Grapher's syntax: "2010..2020" for a range, "2015"
    for one year, "" for the chart's default."""
    return ["", *(str(y) for y in years), *(f"{a}..{b}" for i, a in enumerate(years) for b in years[i + 1 :])]


def time_ranges(m: Model, series: IndicatorSeries) -> list[str]:
    """The `?time=` values a World Bank page accepts (cached with the series)."""
    return time_options([int(y) for y in series.years])


def parse_time(time: str) -> tuple[int, int] | None:
    """ "2010..2020" → (2010, 2020), "2015" → (2015, 2015), "" → None (the chart's default)."""
    if not time:
        return None
    first, _, last = time.partition("..")
    return int(first), int(last or first)


def indicator_window(series: IndicatorSeries, time: str = "", year: str = "") -> tuple[int, int]:
    """The years a World Bank page shows, first and last: the lines span them and the ranking is
    for the last one (Grapher's rule: a single-year view shows the end of the time range).

    `time` as the link gives it ("2010..2020" or "2015"); else an older link's `?year=` (the
    ranking's year, lines up to it); else from the first year to the default year, the latest
    that at least half the countries report, so the ranking opens on a well-covered year."""
    window = parse_time(time)
    if window:
        return window
    return int(series.years[0]), int(year or series.default_year)


def relative_change(rows: pd.DataFrame) -> pd.DataFrame:
    """Each entity's values as the change since its first value in the rows, in percent (Grapher's
    relative mode); an entity whose first value is zero has no relative line."""
    out = []
    # a stable sort: the entities keep their order among those first seen the same year
    for _, grp in rows.sort_values("year", kind="stable").groupby("entity", sort=False):
        known = grp.dropna(subset=["value"])
        if known.empty or known["value"].iloc[0] == 0:
            continue
        base = known["value"].iloc[0]
        out.append(grp.assign(value=(grp["value"] / base - 1) * 100, decimal_places=1))
    return pd.concat(out, ignore_index=True) if out else rows.iloc[0:0]


def with_settings(
    rows: pd.DataFrame, unit: str, lang: str, window: tuple[int, int] | None, stack_mode: str, y_scale: str
) -> tuple[pd.DataFrame, str, bool]:
    """The rows a year chart plots under Grapher's settings, its unit, and whether its axis is log:
    only the `window`'s years; as change since the first of them (`relative`, the unit says so);
    a log axis only for absolute values that are all positive."""
    rows = settings_rows(rows, window, stack_mode)
    return rows, *settings_axis(rows, unit, lang, stack_mode, y_scale)


def settings_rows(rows: pd.DataFrame, window: tuple[int, int] | None, stack_mode: str) -> pd.DataFrame:
    """The rows under the window and mode: each entity's on its own, so the rows of any set of
    entities are the same whether picked before or after (`charts.LineSet`)."""
    if window:
        rows = rows[(rows["year"] >= window[0]) & (rows["year"] <= window[1])]
    if stack_mode == "relative" and not rows.empty:
        rows = relative_change(rows)
    return rows


def settings_axis(
    rows: pd.DataFrame, unit: str, lang: str, stack_mode: str, y_scale: str
) -> tuple[str, bool]:
    """The unit and whether the axis is log, for the rows drawn (both depend on which they are)."""
    if stack_mode == "relative" and not rows.empty:
        unit = t("relative_unit", lang, year=int(rows["year"].min()), unit=unit)
    log = y_scale == "log" and stack_mode != "relative" and bool((rows["value"].dropna() > 0).all())
    return unit, log


#: Who a reader can add to any indicator chart as a reference line ("Compare with China").
PARTNERS = ["CHN"]


def line_set(
    m: Model, series: IndicatorSeries, lang: str, window: tuple[int, int] | None, stack_mode: str
) -> charts.LineSet:
    """Every entity's line of the indicator under the window and mode: made once, then each
    filter's lines chart picks from it (`indicator_lines`)."""
    return charts.LineSet(settings_rows(series.rows, window, stack_mode), lang)


def indicator_lines(
    m: Model,
    series: IndicatorSeries,
    lang: str,
    selected: Selection,
    window: tuple[int, int] | None = None,
    stack_mode: str = "absolute",
    y_scale: str = "linear",
    compare: str = "",
    lines: charts.LineSet | None = None,
) -> Chart:
    """Lines over time for the chosen countries, with World, East Asia & Pacific and ASEAN-10, and
    the `compare` partner (China) as a reference line whatever the filter; limited to `window`,
    as change since its start (`relative`), on a log axis: the Table tab and the downloads hold
    exactly the plotted values. `lines` is `line_set` for these settings, when it is kept."""
    title, unit = _indicator_labels(m, series.series_id, lang)
    lines = lines if lines is not None else line_set(m, series, lang, window, stack_mode)
    shown = list(selected) or m.country_codes
    totals = m.series(series.series_id).aggregate == "sum"
    references = [] if totals else REFERENCES
    compared = compare if compare in PARTNERS and compare not in shown else ""
    rows = lines.rows_of([*shown, *references, *([compared] if compared else [])])
    unit, log = settings_axis(rows, unit, lang, stack_mode, y_scale)
    return charts.indicator_lines(
        rows, lang, title=title, unit=unit, totals=totals, log=log, compared=compared, lines=lines
    )


def china_vs_asean(m: Model, series: IndicatorSeries, lang: str) -> Chart:
    """China beside the ASEAN-10 aggregate: the same whatever countries are chosen."""
    title, unit = _indicator_labels(m, series.series_id, lang)
    rows = series.rows
    return charts.china_vs_asean(
        rows[rows["entity"].isin(["CHN", derived.ASEAN])], lang, title=title, unit=unit
    )


@dataclass(frozen=True, eq=False)
class RankingOfAll:
    """A year's ranking of every country, before any filter: built once per series, year and
    language (compared and hashed by identity, as `IndicatorSeries`, for the view cache)."""

    chart: Chart
    rows: pd.DataFrame  # the ranked rows: every country with a value that year
    title: str
    unit: str
    year: int


def ranking_of_all(m: Model, series: IndicatorSeries, lang: str, year: int) -> RankingOfAll:
    title, unit = _indicator_labels(m, series.series_id, lang)
    rows = series.rows
    # Every country: a reader clicks a bar to add a country to the filter (or remove it), so the
    # others must be there to click.
    ranked = rows[~rows["is_group"] & (rows["year"] == year) & rows["entity"].isin(m.country_codes)]
    chart = charts.indicator_ranking(ranked, lang, title=title, unit=unit, year=year, highlight=[])
    return RankingOfAll(chart, ranked, title, unit, year)


def indicator_ranking(m: Model, base: RankingOfAll, lang: str, selected: Selection) -> Chart:
    """The year's ranking with the chosen countries in the accent colour; the subtitle names the
    chosen countries without a value that year. Only these differ from the ranking of all, so a
    new filter recolours it (`charts.highlighted`) instead of building it again."""
    names = {c.code: pick(c.name.en, c.name.zh, lang) for c in m.cat.countries}
    ranked = set(base.rows["entity"])
    missing = [names[c] for c in (selected or m.country_codes) if c not in ranked]
    if not selected and not missing:
        return base.chart  # the ranking of all, as built
    if base.chart.is_empty:  # a sentence, not a chart: cheap to make again
        return charts.indicator_ranking(
            base.rows,
            lang,
            title=base.title,
            unit=base.unit,
            year=base.year,
            highlight=list(selected),
            missing=missing,
        )
    subtitle = charts.ranking_subtitle(lang, base.unit, base.year, missing)
    return charts.highlighted(base.chart, selected, subtitle=subtitle)


@dataclass(frozen=True)
class IndicatorPage:
    """A World Bank indicator page's three charts (each built and cached on its own: a new year
    rebuilds only the ranking)."""

    lines: Chart
    ranking: Chart
    china: Chart

    @property
    def charts(self) -> list[Chart]:
        return [self.lines, self.ranking, self.china]


def indicator_about(m: Model, series_id: str, lang: str) -> str:
    """ "About this indicator" as one Markdown block: the World Bank's own title and definition
    (English, as published), where it comes from, and how we processed it. Data text is escaped."""
    meta = m.series(series_id)
    origin = meta.origin
    code = f" · `{origin.dataset_code}`" if origin and "`" not in origin.dataset_code else ""
    lines = [f"**{esc(meta.title.en)}**{code}", esc(meta.description.en)]
    if origin:
        lines.append(
            f":gray[{esc(origin.producer)} · {esc(origin.title)} · {esc(origin.licence.name)} · "
            f"{esc(origin.snapshot)}]"
        )
    lines.append(f":gray[{esc(pick(meta.processing.en, meta.processing.zh, lang))}]")
    return "\n\n".join(lines)
