"""The dashboard's pages, in menu order: one list for the router, the tests and the benchmark."""

from __future__ import annotations

from typing import NamedTuple


class Page(NamedTuple):
    file: str  # in dashboard/app_pages/
    title_key: str  # i18n key of the page title
    icon: str
    url_path: str  # "" is the default page
    topics: tuple[str, ...] = ()  # World Bank indicator pages: the series topics they offer

    @property
    def slug(self) -> str:
        """The page's name in export URLs (`/export/<slug>/…`): its url path, "overview" for ""."""
        return self.url_path or "overview"


PAGES = [
    Page("overview.py", "page_overview", ":material/dashboard:", ""),
    Page("participants.py", "page_participants", ":material/groups:", "participants"),
    Page("digital-economy.py", "page_digital_economy", ":material/monitoring:", "digital-economy"),
    Page("connectivity.py", "page_connectivity", ":material/cell_tower:", "connectivity", ("connectivity",)),
    Page("innovation.py", "page_innovation", ":material/science:", "innovation", ("innovation", "economy")),
    Page("agenda.py", "page_agenda", ":material/handshake:", "agenda"),
    Page("timeline.py", "page_timeline", ":material/timeline:", "timeline"),
    Page("country.py", "page_country", ":material/flag:", "country"),
    Page("sources.py", "page_sources", ":material/menu_book:", "sources"),
]
PAGE_FILES = [p.file for p in PAGES]
PAGES_BY_SLUG = {p.slug: p for p in PAGES}
