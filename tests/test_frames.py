"""Frames: documented columns, both languages, and source columns on every observation."""

from __future__ import annotations

from dashboard.data import frames


def test_observation_rows_all_carry_their_source(catalogue):
    obs = frames.observations(catalogue)
    for column in frames.SOURCE_COLUMNS:
        assert column in obs.columns
    for column in ("source_id", "source_publisher", "status", "source_licence"):
        assert obs[column].notna().all(), column
    urls = {s.id: s.url for s in catalogue.sources}
    assert (obs["source_url"].fillna("") == obs["source_id"].map(urls).fillna("")).all()
    assert obs.loc[obs["source_id"] != "world-bank-wdi", "source_url"].str.startswith("http").all()


def test_observations_keep_ranges_and_qualifiers(catalogue):
    obs = frames.observations(catalogue)
    ct = frames.series_rows(obs, "ct_diagnosis_minutes").set_index("category")
    assert (ct.loc["before_ai", "low"], ct.loc["before_ai", "high"]) == (10, 15)
    assert (ct.loc["with_ai", "low"], ct.loc["with_ai", "high"]) == (2, 3)
    students = frames.series_rows(obs, "students_in_remote_education").iloc[0]
    assert (students["value"], students["qualifier"]) == (200, "more_than")


def test_participants_frame_is_bilingual_and_complete(catalogue):
    p = frames.participants(catalogue)
    assert len(p) == 15
    assert (
        p[["name_en", "name_zh", "title_en", "title_zh", "organisation_en", "organisation_zh"]]
        .notna()
        .all()
        .all()
    )
    # every country of the event is represented; Timor-Leste joined ASEAN only in 2025
    assert set(p["represents"]) == {c.code for c in catalogue.countries} - {"TLS"} | {"ASEAN10"}


def test_expand_selection_turns_groups_into_members(catalogue):
    assert frames.expand_selection(catalogue, ["CLMV", "VNM", "CHN"]) == ["KHM", "LAO", "MMR", "VNM", "CHN"]


def test_filter_countries_keeps_only_selected(catalogue):
    obs = frames.observations(catalogue)
    gmv = frames.series_rows(obs, "internet_economy_gmv")
    assert set(frames.filter_countries(gmv, ["VNM", "THA"])["entity"]) == {"VNM", "THA"}
    assert len(frames.filter_countries(gmv, [])) == len(gmv)


def test_proposal_field_matrix_matches_the_tags(catalogue):
    matrix = frames.proposal_field_matrix(catalogue)
    assert list(matrix.index) == [1, 2, 3, 4, 5, 6]
    assert matrix.loc[4, "smart_city"] == 1 and matrix.loc[4, "cybersecurity"] == 0
    assert (
        matrix.loc[
            2, ["five_g", "internet_of_things", "artificial_intelligence", "industrial_internet"]
        ].sum()
        == 4
    )
