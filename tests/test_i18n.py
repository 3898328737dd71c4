"""Every UI string exists in both languages, and every key the code uses exists."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.present.i18n import LANGS, STRINGS, t

SRC = Path(__file__).resolve().parent.parent / "dashboard"


def test_every_string_has_both_languages():
    missing = [f"{key}: {lang}" for key, entry in STRINGS.items() for lang in LANGS if not entry.get(lang)]
    assert not missing, missing


def test_every_literal_key_used_in_the_code_exists():
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r"\bt\(\s*[\"']([a-z0-9_]+)[\"']", path.read_text(encoding="utf-8")))
    assert used, "the scan found no keys: the pattern is wrong"
    assert not sorted(used - set(STRINGS))


def test_format_placeholders_match_between_languages():
    mismatched = [
        key
        for key, entry in STRINGS.items()
        if set(re.findall(r"{(\w+)}", entry["en"])) != set(re.findall(r"{(\w+)}", entry["zh"]))
    ]
    assert not mismatched


def test_unknown_language_falls_back_to_english():
    assert t("page_sources", "fr") == "Sources"


def test_both_locale_catalogues_have_the_same_keys():
    """A translator adding a string to one file must add it to the other: nothing falls back silently."""
    import yaml

    from dashboard.present.i18n import LOCALES

    keys = {}
    for lang in LANGS:
        catalogue = yaml.safe_load((LOCALES / f"{lang}.yaml").read_text(encoding="utf-8"))
        keys[lang] = {section: set(catalogue[section]) for section in ("strings", "columns")}
    assert keys["en"] == keys["zh"], {
        section: sorted(keys["en"][section] ^ keys["zh"][section]) for section in ("strings", "columns")
    }
