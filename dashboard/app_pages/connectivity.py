"""Connectivity: World Bank subscription, server and electricity indicators for the filtered countries."""

from dashboard import ui

ui.indicator_page("connectivity")
