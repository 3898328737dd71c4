"""Connectivity: World Bank subscription, server and electricity indicators for the filtered countries."""

from dashboard.web.app_pages._indicator import indicator_page

indicator_page("connectivity")
