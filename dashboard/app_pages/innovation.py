"""Innovation & economy: R&D, researchers, articles, patents, high-tech exports, GDP and population."""

from dashboard import ui

ui.indicator_page("innovation")
