"""Every UI string, in English and Chinese, from one locale catalogue per language.

The words live in `locales/en.yaml` and `locales/zh.yaml` (a translator edits one file, not code);
data text (names, titles, quotes) comes from `data/`. `t(key, lang, **values)` formats a string;
a missing key is a bug the tests catch.
"""

from __future__ import annotations

from pathlib import Path

import yaml

LANGS = ("en", "zh")
DEFAULT_LANG = "en"
LANG_LABELS = {"en": "English", "zh": "中文"}

LOCALES = Path(__file__).resolve().parent / "locales"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(section: str) -> dict[str, dict[str, str]]:
    """key → {lang: text} from `locales/<lang>.yaml` (safe loader; the files ship with the code)."""
    merged: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        text = (LOCALES / f"{lang}.yaml").read_text(encoding="utf-8")
        for key, value in (yaml.load(text, Loader=_Loader).get(section) or {}).items():  # noqa: S506 - safe loader
            merged.setdefault(key, {})[lang] = value
    return merged


#: Every interface string, key → {"en": …, "zh": …}, read once when the module is imported.
STRINGS: dict[str, dict[str, str]] = _load("strings")
#: Table and download column headers, key → {lang: header}.
COLUMN_LABELS: dict[str, dict[str, str]] = _load("columns")


def column_label(column: str, lang: str) -> str:
    entry = COLUMN_LABELS.get(column)
    return (entry.get(lang) or entry["en"]) if entry else column


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang` (English if `lang` is unknown), formatted with `values`."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text


def label(key: str, lang: str) -> str:
    """`key`'s string followed by the language's colon: "Source: " / "来源："."""
    return t(key, lang) + t("colon", lang)


def pick(en: str | None, zh: str | None, lang: str) -> str:
    """Data text in the reader's language, falling back to the other one."""
    first, second = (zh, en) if lang == "zh" else (en, zh)
    return first or second or ""
