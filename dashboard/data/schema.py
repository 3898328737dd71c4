"""Pydantic models for every curated data file.

Strict on purpose: unknown keys are errors (a typo such as `licence_url` must not pass silently),
and values are not coerced (YAML 1.1 reads a bare `NO` as false; it must not become the string
"False"). Checks that need more than one record live in `checks.py`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ENTITY_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,15}$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
MIN_YEAR, MAX_YEAR = 1990, 2035


def _iso_date(value: str) -> str:
    if not ISO_DATE.match(value):
        raise ValueError(f'{value!r} is not a date written as "YYYY-MM-DD"')
    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real calendar date") from exc
    return value


def _date_or_year(value: str) -> str:
    """A day ("YYYY-MM-DD"), or a year ("YYYY") where the source gives only the year."""
    if re.fullmatch(r"\d{4}", value):
        return value
    return _iso_date(value)


def _entity_code(value: str) -> str:
    if not ENTITY_CODE.match(value):
        raise ValueError(f"{value!r} is not an entity code (upper-case letters, digits or _)")
    return value


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"{value!r} is not an id (lower-case letters, digits, - or _)")
    return value


def _url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
        raise ValueError(f"{value!r} is not a valid http(s) URL")
    return value


def _year(value: int) -> int:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise ValueError(f"year {value} is outside the plausible range {MIN_YEAR}-{MAX_YEAR}")
    return value


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("value must be a finite number (not NaN or infinity)")
    if abs(value) > 1e15:
        raise ValueError(f"value {value} is implausibly large")
    return value


def _day_or_month(value: str) -> str:
    """A day ("YYYY-MM-DD"), or a month ("YYYY-MM") where the source gives only the month."""
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        return value
    return _iso_date(value)


IsoDate = Annotated[str, AfterValidator(_iso_date)]
DayOrMonth = Annotated[str, AfterValidator(_day_or_month)]
DateOrYear = Annotated[str, AfterValidator(_date_or_year)]
EntityCode = Annotated[str, AfterValidator(_entity_code)]
Slug = Annotated[str, AfterValidator(_slug)]
Url = Annotated[str, AfterValidator(_url)]
Year = Annotated[int, AfterValidator(_year)]
Number = Annotated[float, AfterValidator(_finite)]
NonEmpty = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    """Base: unknown keys rejected, no type coercion, immutable after loading."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class LocalText(Strict):
    """The same text in both interface languages."""

    en: NonEmpty
    zh: NonEmpty


class Quote(Strict):
    """Words in their original language, with a translation marked as to who made it."""

    original: NonEmpty
    language: Literal["zh", "en"]
    translation: NonEmpty | None = None
    translation_by: Literal["ours", "source"] | None = None

    @model_validator(mode="after")
    def _translation_is_attributed(self) -> Quote:
        if self.translation is not None and self.translation_by is None:
            raise ValueError("a translation needs translation_by: ours or source")
        return self


# --- countries.yaml ---------------------------------------------------------------------------


class Tile(Strict):
    row: Annotated[int, Field(ge=0, le=9)]
    col: Annotated[int, Field(ge=0, le=9)]


class Membership(Strict):
    """When a country joined ASEAN, and where that is written."""

    member_since: DateOrYear
    source: Slug
    quote: NonEmpty


class Country(Strict):
    code: EntityCode
    name: LocalText
    official_name: LocalText
    aliases: list[NonEmpty] = []
    asean: Membership | None
    tile: Tile

    def asean_member_on(self, day: str) -> bool:
        """Was the country an ASEAN member on `day` ("YYYY-MM-DD")? A year-only date counts from
        the end of that year, so an unknown day never makes a country a member too early."""
        if self.asean is None:
            return False
        since = self.asean.member_since
        return (since + "-12-31" if len(since) == 4 else since) <= day


class Group(Strict):
    code: EntityCode
    name: LocalText
    #: The group's name on its button in the filter ("ASEAN-10 (2020)"); the full name otherwise.
    short_name: LocalText | None = None
    description: LocalText
    members: Annotated[list[EntityCode], Field(min_length=1)]
    #: The ASEAN membership the group stands for, as of this day: its ASEAN members must be exactly
    #: the countries that were members then (checked). Null for groups that are not "all of ASEAN".
    asean_membership_as_of: IsoDate | None = None


class Reference(Strict):
    """A benchmark that is neither a country nor one of our groups (World, East Asia & Pacific)."""

    code: EntityCode
    name: LocalText
    description: LocalText


class CountriesFile(Strict):
    countries: Annotated[list[Country], Field(min_length=1)]
    groups: list[Group] = []
    references: list[Reference] = []


# --- sources.yaml -----------------------------------------------------------------------------


LicenceForm = Literal["cc-by-4.0", "stated", "not-stated", "not-recorded"]
LICENCE_LABELS = {
    "cc-by-4.0": {"en": "CC BY 4.0", "zh": "CC BY 4.0"},
    "not-stated": {"en": "Terms not stated on the page", "zh": "页面未说明使用条款"},
    "not-recorded": {"en": "Terms not recorded", "zh": "使用条款未记录"},
    "stated": {"en": "Stated on the page: “{statement}”", "zh": "页面声明：“{statement}”"},
}


class Licence(Strict):
    """What the publisher states about reuse, never assumed (see the header of sources.yaml)."""

    form: LicenceForm
    statement: NonEmpty | None = None
    url: Url | None = None

    @model_validator(mode="after")
    def _statement_only_when_stated(self) -> Licence:
        if (self.form == "stated") != (self.statement is not None):
            raise ValueError("give `statement` (the page's own words) exactly when form is 'stated'")
        return self

    def label(self, lang: str) -> str:
        """A one-line label for footers and tables, in the reader's language."""
        return LICENCE_LABELS[self.form][lang].format(statement=self.statement)

    @property
    def name(self) -> str:
        return self.label("en")


class Original(Strict):
    """The publisher a mirrored page copies, as far as we could trace it."""

    publisher: LocalText
    title: NonEmpty | None
    url: Url | None
    note: LocalText


class Source(Strict):
    id: Slug
    publisher: LocalText
    title: NonEmpty | None
    url: Url | None
    url_note: NonEmpty | None = None
    mirror_of: Original | None = None
    reports_on: NonEmpty | None = None
    date_published: IsoDate | None
    date_accessed: IsoDate | None  # null: not recorded
    language: Literal["zh", "en", "id", "ja", "th", "vi"]
    licence: Licence
    citation: NonEmpty


class SourcesFile(Strict):
    sources: Annotated[list[Source], Field(min_length=1)]


# --- definitions.yaml -------------------------------------------------------------------------


class Definition(Strict):
    id: Slug
    name: LocalText
    description: LocalText


class DefinitionsFile(Strict):
    definitions: Annotated[list[Definition], Field(min_length=1)]


# --- event.yaml -------------------------------------------------------------------------------


class Designation(Strict):
    text: Quote
    meeting: LocalText
    sources: Annotated[list[Slug], Field(min_length=1)]


class Event(Strict):
    id: Slug
    name: LocalText
    name_aliases: list[NonEmpty] = []
    date: IsoDate
    format: LocalText
    theme: Quote
    asean_chair: EntityCode
    designation: Designation
    sources: Annotated[list[Slug], Field(min_length=1)]


class Launch(Strict):
    date: IsoDate
    place: LocalText


class ThemeYear(Strict):
    year: Year
    name: LocalText
    zh_by: Literal["ours", "source"]
    launched: Launch | None
    source: Slug


class EventFile(Strict):
    event: Event
    theme_years: list[ThemeYear] = []


# --- participants.yaml ------------------------------------------------------------------------

Rank = Literal["head_of_government", "minister", "deputy_minister", "senior_official", "secretary_general"]
Role = Literal["congratulatory_letter", "read_letter", "keynote", "remarks", "statement"]


class TitleReading(Strict):
    """Another source's reading of a participant's title, credited to it (shown beside the seed's)."""

    title: LocalText
    rank: Rank
    sources: Annotated[list[Slug], Field(min_length=1)]


class Participant(Strict):
    id: Slug
    name: LocalText
    #: verified: an English-language page (not the seed) names this person with this title.
    name_en_status: Literal["verified", "inferred"]
    represents: EntityCode
    organisation: LocalText
    #: "ours" where the curators wrote the Chinese organisation name (the seed does not give it).
    organisation_zh_by: Literal["ours", "source"] = "source"
    title: LocalText
    rank: Rank
    other_readings: list[TitleReading] = []
    roles: Annotated[list[Role], Field(min_length=1)]
    note: LocalText | None = None
    sources: Annotated[list[Slug], Field(min_length=1)]

    @property
    def took_part(self) -> bool:
        """Sending a congratulatory letter is not taking part: someone else read it out."""
        return any(role != "congratulatory_letter" for role in self.roles)


class AttendingBody(Strict):
    id: Slug
    name: LocalText
    en_by: Literal["ours", "source"]
    #: "ours" where the curators composed the Chinese name (e.g. the 工业和信息化部 prefix that the
    #: seed's list leaves implicit).
    zh_by: Literal["ours", "source"] = "source"


class ParticipantsFile(Strict):
    participants: Annotated[list[Participant], Field(min_length=1)]
    attending_bodies: list[AttendingBody] = []


# --- statements.yaml --------------------------------------------------------------------------


class CooperationField(Strict):
    id: Slug
    name: LocalText
    keywords_zh: Annotated[list[NonEmpty], Field(min_length=1)]


class Statement(Strict):
    id: Slug
    kind: Literal["experience", "proposal", "statement", "plan"]
    number: Annotated[int, Field(ge=1, le=99)]
    speaker: Slug | None
    text: Quote
    fields: list[Slug] = []
    source: Slug
    note: LocalText | None = None
    corroborated_by: list[Slug] = []


class StatementsFile(Strict):
    fields: list[CooperationField] = []
    statements: list[Statement] = []


# --- series files (figures.yaml, wdi.yaml, ...) -----------------------------------------------

Kind = Literal["actual", "estimate", "projection", "target"]
Qualifier = Literal["exact", "about", "more_than", "less_than"]
Status = Literal["verified", "derived", "as_quoted", "inferred"]


class Observation(Strict):
    entity: EntityCode
    year: Year
    #: The report year of an annual report that revises earlier years (e-Conomy SEA): the same
    #: entity, year and kind may appear once per edition, and a reader can see how estimates moved.
    edition: Year | None = None
    category: Slug | None = None
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    qualifier: Qualifier = "exact"
    kind: Kind
    source: Slug
    corroborated_by: list[Slug] = []
    quote: NonEmpty | None = None
    status: Status
    note: LocalText | None = None
    processing: LocalText | None = None

    @model_validator(mode="after")
    def _value_or_range(self) -> Observation:
        has_value = self.value is not None
        has_range = self.low is not None or self.high is not None
        if has_value == has_range:
            raise ValueError("give either value, or low and high (a range), not both and not neither")
        if has_range and (self.low is None or self.high is None):
            raise ValueError("a range needs both low and high")
        if has_range and self.low > self.high:
            raise ValueError(f"range reversed: low {self.low:g} is greater than high {self.high:g}")
        return self


class Origin(Strict):
    """Where a series comes from, in the spirit of Our World in Data's `origin`."""

    producer: NonEmpty
    title: NonEmpty
    dataset_code: NonEmpty | None = None
    snapshot: NonEmpty | None = None
    url: Url | None = None
    licence: Licence
    date_accessed: IsoDate | None = None


class Series(Strict):
    id: Slug
    title: LocalText
    title_zh_by: Literal["ours", "source"] = "ours"
    unit: LocalText
    short_unit: str
    percent: bool
    #: How many decimals a reader sees below the compact range (Our World in Data's
    #: `numDecimalPlaces`): labels, table cells and captions round to it; downloads keep every digit.
    decimal_places: Annotated[int, Field(ge=0, le=6)]
    scale: Annotated[int, Field(ge=1)] = 1
    definition: Slug
    topic: Slug | None = None
    aggregate: Literal["population_weighted_mean", "gdp_weighted_mean", "sum", "none"] = "none"
    categories: dict[Slug, LocalText] = {}
    description: LocalText
    processing: LocalText
    origin: Origin | None = None
    observations: list[Observation] = []


class SeriesFile(Strict):
    series: list[Series]


# --- milestones.yaml --------------------------------------------------------------------------

MilestoneKind = Literal[
    "summit", "ministerial_meeting", "agreement", "plan", "theme_year", "membership", "dialogue", "initiative"
]


class Milestone(Strict):
    """One step of China–ASEAN digital cooperation, 2016–2026, from a page read and quoted.

    `concerns` names who it is about: "ASEAN" (every member of the day), "CHN", or member codes
    (Timor-Leste's admission). `china_party` is false for ASEAN-internal steps (the DEFA)."""

    id: Slug
    date: DayOrMonth
    title: LocalText
    title_zh_by: Literal["ours", "source"]
    kind: MilestoneKind
    concerns: Annotated[list[EntityCode], Field(min_length=1)]
    china_party: bool
    source: Slug
    quote: NonEmpty
    #: Where the date's year is stated: in the quote (checked), or only in the page's own date
    #: ("on Friday, Feb. 10"), which must then be the milestone's year when the source records it.
    year_from: Literal["quote", "page_date"] = "quote"
    status: Literal["verified"]
    note: LocalText | None = None


class MilestonesFile(Strict):
    milestones: Annotated[list[Milestone], Field(min_length=1)]


# --- the whole data directory ---------------------------------------------------------------


@dataclass
class Catalogue:
    """Everything in the data directory, validated. Frames are built from this (frames.py)."""

    countries: list[Country]
    groups: list[Group]
    references: list[Reference]
    sources: list[Source]
    definitions: list[Definition]
    event: Event
    theme_years: list[ThemeYear]
    participants: list[Participant]
    attending_bodies: list[AttendingBody]
    fields: list[CooperationField]
    statements: list[Statement]
    series: list[Series]
    milestones: list[Milestone] = field(default_factory=list)
    fingerprint: str = ""
    files: list[str] = field(default_factory=list)

    @property
    def observation_count(self) -> int:
        return sum(len(s.observations) for s in self.series)

    def summary(self) -> str:
        return (
            f"{len(self.files)} files valid: {len(self.countries)} countries, {len(self.groups)} groups, "
            f"{len(self.sources)} sources, {len(self.participants)} participants, "
            f"{len(self.statements)} statements, {len(self.series)} series, "
            f"{self.observation_count} observations, {len(self.milestones)} milestones"
        )
