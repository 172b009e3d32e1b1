"""Whole numbers people type, read strictly and capped before any arithmetic."""

from __future__ import annotations

MAX_DIGITS = 9     # far above any amount the bot accepts; int() never sees a huge string


def parse_whole(text: str | None, lo: int, hi: int) -> int | None:
    """'3', '٣' (any script's decimal digits, as int() reads them) -> int within [lo, hi];
    None for anything else: superscripts ('²'), signs, spaces inside, or more than 9 digits."""
    cleaned = (text or "").strip()
    if not cleaned or len(cleaned) > MAX_DIGITS or not cleaned.isdecimal():
        return None
    value = int(cleaned)
    return value if lo <= value <= hi else None
