"""Innovation & economy: R&D, researchers, articles, patents, high-tech exports, GDP and population."""

from dashboard.web.app_pages._indicator import indicator_page

indicator_page("innovation")
