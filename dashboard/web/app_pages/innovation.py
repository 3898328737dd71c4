"""Innovation & economy: R&D, researchers, articles, patents, high-tech exports, GDP and population."""

from dashboard.web import ui

ui.indicator_page("innovation")
