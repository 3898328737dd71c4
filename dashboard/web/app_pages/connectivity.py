"""Connectivity: World Bank subscription, server and electricity indicators for the filtered countries."""

from dashboard.web import ui

ui.indicator_page("connectivity")
