"""Caffeine: typical amounts per drink, the daily limit, warnings and what is left at bedtime."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .numbers import parse_whole

DEFAULT_LIMIT_MG = 400          # FDA: up to ~400 mg/day is not generally linked to harm in healthy adults
PREGNANCY_LIMIT_MG = 200        # pregnancy: NHS and ACOG advise under 200 mg a day; the same cap is used while breastfeeding
HALF_LIFE_HOURS = 5.0           # typical caffeine half-life in adults (varies roughly 2–10 h)
MAX_DRINK_MG = 1000
LIMIT_PRESETS = (400, 300, 200, 100)
WARN_AT = (75, 100)             # percent of the limit


def limit_for(limit_mg: int, pregnant: bool | None) -> int:
    """The daily limit in use: the person's own, and never above 200 mg while pregnant or breastfeeding."""
    return min(limit_mg, PREGNANCY_LIMIT_MG) if pregnant else limit_mg


@dataclass(frozen=True)
class Drink:
    key: str
    mg: int


# Typical caffeine per serving (USDA/FDA figures, rounded): a cup is ~240 ml.
DRINKS: tuple[Drink, ...] = (
    Drink("coffee", 95),        # brewed coffee, 1 cup
    Drink("espresso", 63),      # 1 shot
    Drink("black_tea", 47),     # 1 cup
    Drink("green_tea", 28),     # 1 cup
    Drink("cola", 34),          # 1 can (355 ml)
    Drink("energy", 80),        # 250 ml
)
BY_KEY = {d.key: d for d in DRINKS}


def parse_mg(text: str) -> int | None:
    """'120', '120 mg', '120мг' -> milligrams in 1..1000; None otherwise."""
    cleaned = (text or "").strip().lower().replace(" ", "")
    for suffix in ("mg", "мг"):
        cleaned = cleaned.removesuffix(suffix)
    return parse_whole(cleaned, 1, MAX_DRINK_MG)


MAX_DRINKS = 5


def read_caffeine(text: str) -> tuple[int, int] | None:
    """A typed caffeine amount as (drinks, mg): "/coffee 2" is two of your usual drink (2, 0);
    "/coffee 120" or "/coffee 2 mg" is milligrams (0, mg). None if it can't be read."""
    cleaned = (text or "").strip()
    drinks = parse_whole(cleaned, 1, MAX_DRINKS)
    if drinks is not None:
        return drinks, 0
    mg = parse_mg(cleaned)
    return (0, mg) if mg is not None else None


def usual_drink(recent_items: Iterable[str]) -> Drink:
    """The drink a person logs most (ties: the most recent first); brewed coffee for someone new."""
    counts: dict[str, int] = {}
    for item in recent_items:  # most recent first
        if item in BY_KEY:
            counts[item] = counts.get(item, 0) + 1
    if not counts:
        return BY_KEY["coffee"]
    order = list(counts)
    return BY_KEY[max(order, key=lambda k: (counts[k], -order.index(k)))]


def crossed(before: int, after: int, limit: int) -> int | None:
    """The highest warning threshold (75 or 100 % of the limit) this drink crossed, if any."""
    if limit <= 0:
        return 100 if after > 0 and before == 0 else None
    hit = None
    for pct in WARN_AT:
        line = limit * pct / 100
        if before < line <= after:
            hit = pct
    return hit


def remaining_mg(doses: Iterable[tuple[datetime, int]], at: datetime,
                 half_life_hours: float = HALF_LIFE_HOURS) -> int:
    """Caffeine still in the body at `at` from (time, mg) doses, by simple exponential decay."""
    total = 0.0
    for when, mg in doses:
        if when <= at:
            hours = (at - when).total_seconds() / 3600
            total += mg * 0.5 ** (hours / half_life_hours)
    return int(round(total))
