"""The shared sidebar, drawn after the page: the language link, the country filter, "Share this
view", the data bundle; and what the router sets once per session (navigation, icon, About)."""

from __future__ import annotations

import base64
import datetime as dt
import functools
from pathlib import Path

import streamlit as st

from dashboard.data.model import Model
from dashboard.present import exports, views
from dashboard.present.i18n import LANG_LABELS, LANGS, t
from dashboard.web import cache, links, routes
from dashboard.web.exhibit import export_url
from dashboard.web.pages import PAGES
from dashboard.web.state import GROUP_PICK, State, view, view_params


def language_link(page, lang: str) -> None:
    """The language switch: a link to this very view (page, countries, choices) in the other
    language, named in that language ("中文" / "English"), as bilingual sites do.

    A link rather than a radio: it is a real address (open it in a new tab, copy it), and it
    costs about half a widget on every rerun (~0.07 ms against ~0.13 ms, measured inside the
    script run). Clicking it reruns this session with `?lang=`."""
    other = next(code for code in LANGS if code != lang)
    query = [(k, v) for k, v in view_params() if k != "lang"]
    st.sidebar.page_link(
        page,
        label=LANG_LABELS[other],
        icon=":material/translate:",
        help=t("language", lang),
        query_params=[*query, ("lang", other)],
    )


def country_filter(m: Model, lang: str) -> None:
    """The one country filter: a searchable multiselect of countries bound to `?country=`, and
    below it one button per group (ASEAN-10, CLMV, …) that adds the group's members; empty = all.
    Its value is read by `current_state` (before the page); this draws it.

    Groups are buttons, not options of the multiselect: its search matches letters anywhere in a
    label, so typing "Myanmar" offered "ASEAN-6" (which excludes Myanmar), and Enter added six
    countries. In the search box a country's name now finds that country only."""
    labels = _country_labels(m, lang)
    st.sidebar.multiselect(
        t("countries", lang),
        options=list(labels),
        format_func=labels.__getitem__,
        key="country",
        help=t("countries_help", lang),
        placeholder=t("countries_placeholder", lang),
    )
    groups = _group_labels(m, lang)
    st.sidebar.pills(
        t("groups", lang),
        options=list(groups),
        format_func=groups.__getitem__,
        selection_mode="single",
        key=GROUP_PICK,
        help=t("groups_help", lang),
    )


def _country_labels(m: Model, lang: str) -> dict[str, str]:
    """The filter's option labels ("Viet Nam · 越南 (Vietnam)"): searchable in both languages."""
    return cache.view(m, _build_country_labels, lang)


def _build_country_labels(m: Model, lang: str) -> dict[str, str]:
    labels = {}
    for c in m.cat.countries:
        first, second = (c.name.zh, c.name.en) if lang == "zh" else (c.name.en, c.name.zh)
        aliases = ", ".join(a for a in c.aliases if a not in (first, second))
        labels[c.code] = f"{first} · {second}" + (f" ({aliases})" if aliases else "")
    return labels


def _group_labels(m: Model, lang: str) -> dict[str, str]:
    """Each group's button: its short name and how many countries it adds ("CLMV (4)")."""
    return cache.view(m, _build_group_labels, lang)


def _build_group_labels(m: Model, lang: str) -> dict[str, str]:
    return {
        g.code: t("group_option", lang, name=getattr(g.short_name or g.name, lang), count=len(g.members))
        for g in m.cat.groups
    }


@functools.cache
def favicon() -> str:
    """The page icon as a data URL: read once per process, fetched from nowhere (works offline).

    Given a file path, `st.set_page_config` reads the file and registers it as a media file on
    every rerun."""
    png = (Path(__file__).parent / "static" / "favicon.png").read_bytes()
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def navigation_pages(folder: Path, lang: str) -> list:
    """The `st.Page` list in the reader's language, made once per session and language.

    Not shared between sessions: Streamlit flags a page as callable on the session's run."""
    built = st.session_state.setdefault("_pages", {})
    if lang not in built:
        built[lang] = [
            st.Page(
                folder / p.file,
                title=t(p.title_key, lang),
                icon=p.icon,
                url_path=p.url_path or "overview",
                default=not p.url_path,
            )
            for p in PAGES
        ]
    return built[lang]


def share_box(state: State) -> None:
    """ "Share this view": the permalink, then an iframe snippet, each with a copy button.

    A popover whose content exists only while it is open: code blocks need a 1.5 MB script that
    would otherwise load with every first page, and the sidebar is drawn on every rerun. Two code
    blocks and no captions: a URL and an `<iframe>` say what they are."""
    popover = st.sidebar.popover(
        t("share", state.lang), icon=":material/share:", width="stretch", key="share", on_change="rerun"
    )
    if not popover.open:
        return
    permalink = state.permalink
    embed = permalink + ("&" if "?" in permalink else "?") + "embed=true"
    snippet = links.iframe(embed)
    popover.code(permalink, language=None, wrap_lines=True)
    popover.code(snippet, language="html", wrap_lines=True)


def about_markdown(lang: str) -> str:
    """What the dashboard covers and how to cite it: the toolbar's About and the Sources page."""
    return f"{t('about_text', lang)}\n\n**{t('how_to_cite', lang)}**: " + t(
        "cite_text", lang, date=dt.date.today().isoformat()
    )


def bundle_download(s: State, m: Model) -> None:
    """The sidebar's citable ZIP: filtered and full CSVs, the curated YAML, and a bilingual README.
    A link to the export route when served by `server.py`; otherwise a button that builds it on click."""
    label = t("download_bundle", s.lang)
    if routes.serving():
        st.sidebar.link_button(label, export_url(f"{routes.BUNDLE}.zip"), icon=":material/folder_zip:")
        return
    filtered = view(views.bundle_tables, tuple(s.selected))
    permalink = s.permalink

    def build() -> bytes:
        return exports.bundle_for_view(
            m.cat,
            filtered=filtered,
            full=m.tables,
            data_dir=m.data_dir,
            selected=s.selected,
            lang=s.lang,
            permalink=permalink,
            today=dt.date.today().isoformat(),
        )

    st.sidebar.download_button(
        label,
        data=build,
        file_name=exports.bundle_file_name(s.selected, s.lang),
        mime=exports.FORMATS["zip"].mime,
        on_click="ignore",
        icon=":material/folder_zip:",
        key="bundle",
    )
