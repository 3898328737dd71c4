"""Numbers, compact numbers, percentages, qualified values and lists, per locale, on Babel: the
one place the dashboard writes a number for a reader (labels, hovers, text descriptions, captions).

Why Babel and not format strings: a Chinese reader counts in 万 and 亿 (`9970万`, `14.1亿`), not in
SI steps (`99.7M`, `1.4G`), and lists read `越南、泰国和印度尼西亚`. Python's `.3g` writes
`9.97e+03万` for such values; Babel's compact patterns never write an exponent.

English compact forms keep the dashboard's own short words (`2.5 k`, `99.7 m`, `1.41 bn`,
`18 tn`) instead of Babel's `K`/`M`/`B`/`T`: one rule, here.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

from babel.lists import format_list
from babel.numbers import format_compact_decimal, format_decimal

LOCALES = {"en": "en", "zh": "zh_Hans_CN"}
_EN_WORDS = {"K": " k", "M": " m", "B": " bn", "T": " tn"}
#: Below this a compact form adds nothing: a reader sees the digits (1,234 / 1234).
COMPACT_FROM = {"en": 1e3, "zh": 1e4}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["en"])


@functools.lru_cache(maxsize=1 << 16)
def number(value: float, lang: str, decimals: int = 2) -> str:
    """At most `decimals` decimals, trailing zeros dropped: 1.3, 12, 11.4, 1,234.5 (en) / 1,234.5.

    Remembered: every new filter draws the same countries' values again, and Babel's formatting
    was an eighth of a filter change's chart building (profiled under load)."""
    if not math.isfinite(value):
        return "—"
    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def fixed(value: float, lang: str, decimals: int) -> str:
    """Exactly `decimals` decimals (one precision for a whole chart): 161, 171 / 7.1, 7.5."""
    if not math.isfinite(value):
        return "—"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


#: The unit each compact suffix stands for, to count the digits before the decimal point.
_UNITS = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12, "万": 1e4, "亿": 1e8, "万亿": 1e12}


def compact(value: float, lang: str, significant: int = 3) -> str:
    """Large numbers in words with `significant` digits: 1.41 bn, 99.7 m / 14.1亿, 9970万;
    below `COMPACT_FROM` the plain number, small ones to `significant` digits (0.034)."""
    if not math.isfinite(value):
        return "—"
    if abs(value) < COMPACT_FROM.get(lang, 1e3):
        return number(value, lang, decimals=_decimals_for(value, significant))
    locale = _locale(lang)
    whole = format_compact_decimal(value, locale=locale, fraction_digits=0)
    suffix = whole.lstrip("-0123456789.,")
    mantissa = abs(value) / _UNITS.get(suffix, 1.0)
    text = format_compact_decimal(value, locale=locale, fraction_digits=_decimals_for(mantissa, significant))
    if lang != "zh":
        end = text[-1:]
        text = text[:-1] + _EN_WORDS[end] if end in _EN_WORDS else text
    return text


def _decimals_for(value: float, significant: int) -> int:
    """How many decimals show `significant` digits of `value` (12.3 → 1; 0.034 → 3; 1234 → 0)."""
    if value == 0:
        return 0
    return max(0, significant - 1 - math.floor(math.log10(abs(value))))


def labels(values: Iterable[float], lang: str, decimals: int | None = None) -> list[str]:
    """One chart's labels at one precision: from a thousand (万 in Chinese) up in words, as
    `compact` writes them; below that with the series' own `decimals` (its metadata's
    `decimal_places`, trailing zeros dropped: 7.1 and 124), or, for a series that has none, at one
    precision set by the largest value (161 and 171, not 160.639 and 170.78)."""
    values = [float(v) for v in values]
    largest = max((abs(v) for v in values if math.isfinite(v)), default=0.0)
    if largest >= COMPACT_FROM.get(lang, 1e3):
        return [compact(v, lang) for v in values]
    if decimals is not None:
        return [number(v, lang, decimals) for v in values]
    decimals = 0 if largest >= 100 else 1 if largest >= 10 else 2 if largest >= 0.1 else 3
    return [fixed(v, lang, decimals) for v in values]


def decimals_of(rows) -> int | None:
    """The precision a table of observations asks for (its series' `decimal_places`), if one."""
    if getattr(rows, "attrs", {}).get("decimal_places") is not None:
        return int(rows.attrs["decimal_places"])
    if "decimal_places" not in getattr(rows, "columns", ()):
        return None
    places = {int(d) for d in rows["decimal_places"].dropna()}
    return max(places) if places else None


def qualified(
    value: float, qualifier: str, lang: str, words: dict[str, str], decimals: int | None = None
) -> str:
    """A value with the speaker's qualifier kept: "more than 200 m", "超过2亿", "about 7".
    `words` maps a qualifier to its word in `lang` (from the locale catalogue); `decimals` is the
    series' precision, as `labels` uses it (982.3, not 982)."""
    prefix = words.get(qualifier, "")
    sep = " " if lang != "zh" and prefix else ""
    return f"{prefix}{sep}{labels([value], lang, decimals)[0]}"


def join(items: Iterable[str], lang: str) -> str:
    """A list as the reader's language writes it: "Viet Nam, Thailand, and Indonesia" /
    "越南、泰国和印度尼西亚"."""
    items = [str(i) for i in items]
    return format_list(items, locale=_locale(lang)) if items else ""


def axis(values: Iterable[float], lang: str, count: int = 5) -> dict:
    """An axis whose tick labels this module writes (Plotly's d3 formats know SI `G` and milli
    `m`, not 万/亿): "nice" steps (1, 2, 2.5, 5 × 10ⁿ) from zero, or from the lowest value when
    it is negative, to past the highest, labelled as `labels` writes one chart's numbers."""
    finite = [float(v) for v in values if v is not None and math.isfinite(float(v))]
    if not finite:
        return {}
    low, high = min(0.0, min(finite)), max(0.0, max(finite))
    if high == low:
        return {}
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks = [first + i * step for i in range(int(math.ceil((high - first) / step)) + 1)]
    if max(abs(low), abs(high)) >= COMPACT_FROM.get(lang, 1e3):
        text = [compact(v, lang) for v in ticks]
    else:  # as many decimals as the step needs: 0, 0.5, 1 (not 0.00, 0.50, 1.00)
        decimals = next(d for d in range(0, 10) if abs(round(step, d) - step) < step * 1e-9)
        text = [fixed(v, lang, decimals) for v in ticks]
    return {"tickvals": ticks, "ticktext": text}
