"""Dates as each language writes them (CLDR through babel): one style per language everywhere.

babel is imported on first use, so starting the bot does not pay for its locale data.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache


@lru_cache(maxsize=8)
def _locale(lang: str):
    from babel import Locale

    return Locale.parse(lang)


def long_date(day: date, lang: str) -> str:
    """The date with its year, CLDR "medium": Mar 10, 2026 · 10 mar 2026 · 10 мар. 2026 г."""
    from babel.dates import format_date

    return format_date(day, "medium", locale=_locale(lang))


def short_date(day: date, lang: str) -> str:
    """Day and month, CLDR skeleton "MMMd": Mar 10 · 10 mar · 10 мар. (chart axes, lists within a year)."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMd", day, locale=_locale(lang))
