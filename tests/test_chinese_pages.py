"""Chinese pages are Chinese: no phrase of the English catalogue on any page or in any chart spec
of `?lang=zh` (proper names, codes and the sources' own titles are data, not catalogue phrases)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.present.i18n import LOCALES
from dashboard.web.pages import PAGES

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "web" / "app.py")
SHOWN_KEYS = {"text", "name", "ticktext", "hovertemplate"}


def deny_list() -> set[str]:
    """Every run of two or more English words in the English catalogue (placeholders split it)."""
    english = yaml.safe_load((LOCALES / "en.yaml").read_text(encoding="utf-8"))["strings"]
    chinese = yaml.safe_load((LOCALES / "zh.yaml").read_text(encoding="utf-8"))["strings"]
    phrases = set()
    for key, text in english.items():
        if text == chinese.get(key):  # the same in both (e.g. "CC BY 4.0")
            continue
        for part in re.split(r"\{[^}]*\}|%\{[^}]*\}|<[^>]+>", text):
            part = part.strip(" .,:;()·\"'")
            if re.fullmatch(r"[A-Za-z][A-Za-z'’-]*( [A-Za-z][A-Za-z'’-]*)+", part):
                phrases.add(part)
    return phrases


def interface_text(markdown: str) -> str:
    """A Markdown element without its table rows: the agenda's tables show the Chinese original
    beside our English translation on purpose (data, not interface); their headers are kept."""
    lines = markdown.splitlines()
    kept = []
    for i, line in enumerate(lines):
        is_header = i + 1 < len(lines) and lines[i + 1].startswith("| ---")
        if not line.startswith("|") or is_header:
            kept.append(line)
    return "\n".join(kept)


def visible_text(spec: dict) -> list[str]:
    out = []

    def walk(node, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k != "template":
                    walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in SHOWN_KEYS:
            out.append(node)

    walk(spec)
    return out


@pytest.mark.parametrize("page", PAGES, ids=[p.slug for p in PAGES])
def test_no_english_interface_phrase_on_a_chinese_page(page):
    phrases = deny_list()
    assert len(phrases) > 50, "the deny list is built from the English catalogue"
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "zh"
    if page.url_path:
        at.switch_page(f"app_pages/{page.file}")
    at.run()
    assert not at.exception
    kinds = ("markdown", "caption", "info", "header", "subheader", "title")
    texts = [interface_text(el.value) for kind in kinds for el in at.get(kind)]
    texts += [t for el in at.get("plotly_chart") for t in visible_text(json.loads(el.proto.spec))]
    found = sorted({p for p in phrases for text in texts if p in text})
    assert not found, f"/{page.url_path}?lang=zh shows English: {found}"
