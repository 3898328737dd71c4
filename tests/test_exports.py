"""Exports are real files: PNG/SVG/PDF from a real headless Chromium, HTML offline, CSV/Excel/ZIP."""

from __future__ import annotations

import io
import re
import struct
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.data import frames
from dashboard.present import charts, exports, theme
from tests.conftest import DATA

needs_browser = pytest.mark.skipif(
    exports.find_browser() is None and not __import__("os").environ.get("CI"),
    reason="no Chromium here (CI installs it, so this never skips in CI)",
)


@pytest.fixture(scope="module")
def share_chart(catalogue):
    obs = frames.observations(catalogue)
    return charts.gmv_share_of_gdp(frames.series_rows(obs, "internet_economy_gmv_share_of_gdp"), "en")


@pytest.fixture(scope="module")
def stamped(share_chart):
    return exports.stamp(
        share_chart.figure,
        filter_text="Countries shown: VNM, THA",
        permalink="http://127.0.0.1:8501/?country=VNM",
        data_dates="Data: 2015–2025",
    )


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_stamp_adds_filter_and_permalink_without_touching_the_original(share_chart, stamped):
    footer = stamped.layout.annotations[-1].text.replace("<br>", " ")
    assert footer.startswith("Source: The Edge Singapore")
    assert footer.endswith("Countries shown: VNM, THA · Data: 2015–2025 · http://127.0.0.1:8501/?country=VNM")
    assert "Southeast Asia" in stamped.layout.title.text
    assert not any("127.0.0.1" in (a.text or "") for a in share_chart.figure.layout.annotations)


@needs_browser
def test_png_is_a_real_image_at_twice_the_size(stamped):
    data = exports.to_image(stamped, "png")
    assert png_size(data) == (2 * 1000, 2 * stamped.layout.height)  # the plot, plus title and footer


@needs_browser
def test_svg_parses_and_carries_title_source_and_permalink(stamped):
    svg = exports.to_image(stamped, "svg").decode("utf-8")
    ET.fromstring(svg)
    assert "Southeast Asia&#39;s internet economy" in svg or "Southeast Asia's internet economy" in svg
    assert "The Edge Singapore" in svg
    assert "http://127.0.0.1:8501/?country=VNM" in svg and "Data: 2015–2025" in svg


@needs_browser
def test_svg_keeps_chinese_text(catalogue):
    obs = frames.observations(catalogue)
    ch = charts.gmv_share_of_gdp(frames.series_rows(obs, "internet_economy_gmv_share_of_gdp"), "zh")
    svg = exports.to_image(exports.stamp(ch.figure, filter_text="", permalink=""), "svg").decode("utf-8")
    assert "东南亚互联网经济" in svg and "来源" in svg


@needs_browser
def test_pdf_is_a_pdf(stamped):
    data = exports.to_image(stamped, "pdf")
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


@needs_browser
def test_chinese_renders_as_glyphs_not_boxes():
    """With no CJK font, two different Chinese titles render as identical rows of boxes."""

    def title_only(text: str) -> bytes:
        fig = go.Figure()
        fig.update_layout(
            title={"text": text, "font": {"size": 40}},
            template=theme.TEMPLATE,
            width=500,
            height=160,
            xaxis={"visible": False},
            yaxis={"visible": False},
        )
        return exports.to_image(fig, "png", width=500, height=160)

    assert title_only("数字经济合作") != title_only("东盟中心开幕")


@needs_browser
def test_repeated_export_is_served_from_the_cache(stamped, monkeypatch):
    first = exports.to_image(stamped, "svg")

    def render(*args, **kwargs):
        raise AssertionError("a repeated export went to the browser again")

    monkeypatch.setattr(exports.exporter(), "_render", render)
    assert exports.to_image(stamped, "svg") == first


def test_missing_browser_gives_a_clear_error_without_starting_one(stamped, monkeypatch):
    monkeypatch.setenv("DASHBOARD_CHROMIUM", "/nonexistent/chromium")
    exporter = exports.ImageExporter()
    with pytest.raises(exports.ExportUnavailable, match="apt-get install -y chromium fonts-noto-cjk"):
        exporter.export(stamped, "png", width=100, height=100, scale=1)
    assert exporter._worker is None  # nothing was started that could hang


class _Links(HTMLParser):
    """Collects the URLs the page's own tags would load (script text is data, not tags)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def test_html_is_self_contained(stamped):
    html = exports.to_html(stamped, title="Southeast <Asia>").decode("utf-8")
    parser = _Links()
    parser.feed(html)
    assert not [u for u in parser.urls if re.match(r"https?:|//", u)]
    assert len(html) > 1_000_000  # plotly.js is inline, not fetched
    assert "Plotly.newPlot" in html or "newPlot" in html
    assert "<title>Southeast &lt;Asia&gt;</title>" in html
    assert "The Edge Singapore" in html


def test_csv_round_trips_with_source_columns(share_chart):
    back = pd.read_csv(io.BytesIO(exports.to_csv(share_chart.table)), encoding="utf-8-sig")
    assert list(back["year"]) == [2015, 2018, 2025]
    assert list(back["value"]) == [1.3, 2.8, 8.5]
    for col in ("source_id", "source_publisher", "source_url", "status"):
        assert back[col].notna().all()


def test_excel_round_trips_with_an_about_sheet(share_chart):
    data = exports.to_xlsx(share_chart.table, about=[("title", share_chart.title)])
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert list(sheets["data"]["value"]) == [1.3, 2.8, 8.5]
    assert "source_url" in sheets["data"].columns
    assert sheets["about"].iloc[0].tolist() == ["title", share_chart.title]


def test_file_names_say_what_they_hold():
    assert (
        exports.file_name("internet-economy-gmv", ["VNM", "THA"], "zh", "png")
        == "internet-economy-gmv_vnm-tha_zh.png"
    )
    assert exports.file_name("x", [], "en", "csv") == "x_all_en.csv"
    assert exports.file_name("数字 chart", [], "zh", "svg").isascii()


def test_bundle_has_data_yaml_and_a_bilingual_readme(catalogue):
    obs = frames.observations(catalogue)
    readme = exports.bundle_readme(
        catalogue, filter_text="Countries shown: VNM", permalink="http://x/?country=VNM", today="2026-11-27"
    )
    data = exports.bundle(
        filtered={"observations": obs[obs["entity"] == "VNM"]},
        full={"observations": obs},
        data_dir=DATA,
        readme=readme,
    )
    zf = zipfile.ZipFile(io.BytesIO(data))
    names = set(zf.namelist())
    assert {
        "README.md",
        "data/filtered/observations.csv",
        "data/full/observations.csv",
        "yaml/figures.yaml",
    } <= names
    text = zf.read("README.md").decode("utf-8")
    assert "How to cite / 引用方式" in text and "Countries shown: VNM" in text
    assert "https://vir.com.vn/vietnams-internet-e-conomy-reaches-14-billion-80708.html" in text
    assert "Internet-economy GMV as a share of GDP" in text and "not comparable" in text
    filtered = pd.read_csv(io.BytesIO(zf.read("data/filtered/observations.csv")), encoding="utf-8-sig")
    assert set(filtered["entity"]) == {"VNM"}


@needs_browser
def test_export_browser_is_replaced_when_it_dies(share_chart):
    """Kill the export browser: the next export restarts it and still returns a real image."""
    from benchmarks.common import command_line, descendants

    exporter = exports.ImageExporter()
    try:
        first = exporter.export(share_chart.figure, "png", width=300, height=200, scale=1)
        killed = 0
        for pid in descendants(__import__("os").getpid()):
            if "chrom" in command_line(pid):
                __import__("os").kill(pid, 9)
                killed += 1
        assert killed
        again = exporter.export(share_chart.figure, "png", width=301, height=200, scale=1)
        assert png_size(again) == (301, 200) and png_size(first) == (300, 200)
        assert exporter.restarts == 1
    finally:
        exporter.close()


def test_the_excel_about_sheet_names_every_source_and_licence(share_chart):
    data = exports.chart_file(
        share_chart, "xlsx", lang="en", selected=[], permalink="http://x/", today="2026-01-01"
    )
    about = pd.read_excel(io.BytesIO(data), sheet_name="about")
    sources = about[about["field"] == "source"]["value"].tolist()
    assert len(sources) == share_chart.table["source_id"].nunique()
    assert all("Licence" not in s and ("Terms" in s or "CC BY" in s) for s in sources)
    assert any("theedgesingapore.com" in s for s in sources)


@needs_browser
def test_a_chinese_pdf_has_the_charts_title_and_copies_as_the_characters_drawn(catalogue):
    """Chromium titles every PDF "Kaleido-fier" and maps some CJK glyphs to radicals (人口 → ⼈⼝):
    a reader copying or searching the text must get the ideographs."""
    from pypdf import PdfReader

    from dashboard.data import frames
    from dashboard.present import charts

    rows = frames.series_rows(frames.observations(catalogue), "national_digital_economy_share_of_gdp")
    ch = charts.national_digital_share(rows, "zh")
    link = "http://localhost:8501/digital-economy?lang=zh"
    data = exports.chart_file(ch, "pdf", lang="zh", selected=[], permalink=link, today="2026-01-01")
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == ch.title
    text = "".join(page.extract_text() for page in reader.pages)
    assert "马来西亚" in text and "中国" in text, text[:300]
    # digits too: the licence, the permalink's port, the years (lost with the CJK face first)
    assert "localhost:8501" in text and "2025" in text, text
    assert not re.search(r"[\u2e80-\u2fdf]", text), re.findall(r"[\u2e80-\u2fdf]", text)


def test_a_chart_csv_says_what_it_is_and_reads_back_with_comment_lines_skipped(share_chart):
    data = exports.chart_file(
        share_chart, "csv", lang="en", selected=[], permalink="http://x/v", today="2026-01-01"
    )
    text = data.decode("utf-8-sig")
    head = [line for line in text.splitlines() if line.startswith("#")]
    assert head[0] == f"# title: {share_chart.title}"
    assert "# permalink: http://x/v" in head and any(line.startswith("# source: ") for line in head)
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", comment="#")
    assert len(back) == len(share_chart.table) and list(back.columns) == list(share_chart.table.columns)
