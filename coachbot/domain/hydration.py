"""Daily water goal, progress and whether a hydration reminder is worth sending."""

from __future__ import annotations

import re

from .timeparse import minutes_of_day, window_minutes

ML_PER_KG = 33                  # a common rule of thumb, ~30–35 ml per kg of body weight
# A sane ceiling: ~33 ml/kg stays under it up to ~120 kg; far more is no better and can be harmful.
MIN_GOAL_ML, MAX_GOAL_ML = 1000, 4000
QUICK_ML = (250, 500)
MAX_LOG_ML = 3000
GOAL_PRESETS = (1500, 2000, 2500, 3000)
EVERY_PRESETS = (60, 90, 120, 180)
_AMOUNT_RE = re.compile(r"^\s*(\d{1,6}(?:[.,]\d{1,3})?)\s*(ml|мл|l|л|litros?|liters?|litres?)?\s*$", re.IGNORECASE)


def round_to(value: float, step: int) -> int:
    return int(round(value / step) * step)


def goal_from_weight(kg: float) -> int:
    """About 33 ml per kg, rounded to 50 ml and kept within sensible bounds."""
    return max(MIN_GOAL_ML, min(MAX_GOAL_ML, round_to(kg * ML_PER_KG, 50)))


def parse_amount_ml(text: str, limit: int = MAX_LOG_ML) -> int | None:
    """'300', '300 ml', '0.5 l', '1,5л' -> millilitres in 1..limit; None otherwise."""
    m = _AMOUNT_RE.match(text or "")
    if not m:
        return None
    if not m.group(1).replace(",", "").replace(".", "").isdecimal():
        return None
    value = float(m.group(1).replace(",", "."))  # at most 6 + 3 digits: never overflows
    unit = (m.group(2) or "").lower()
    if unit.startswith(("l", "л")) and unit not in ("ml", "мл"):
        value *= 1000
    elif not unit and value <= 5 and "." in m.group(1).replace(",", "."):
        value *= 1000  # "1.5" reads as litres
    ml = int(round(value))
    return ml if 1 <= ml <= limit else None


GLASS_ML = 250
MAX_GLASSES = 10


def read_water(text: str) -> tuple[int, str] | None:
    """What a typed water amount means, as (ml, how it was read).

    A unit or a decimal says it ("300 ml", "0.5 l", "1.5"). A small bare whole number is a
    count of glasses ("/water 2" = two glasses, 500 ml: "glasses"); 50 and more are millilitres.
    Between those ("/water 20") it could be anything, so None.
    """
    m = _AMOUNT_RE.match(text or "")
    if m and not m.group(2) and m.group(1).isdigit():
        n = int(m.group(1))
        if 1 <= n <= MAX_GLASSES:
            return n * GLASS_ML, "glasses"
        if n < 50:
            return None
    ml = parse_amount_ml(text)
    return (ml, "as-typed") if ml is not None else None


def parse_weight_kg(text: str) -> float | None:
    """'70', '70 kg', '70,5' -> kilograms in 30..250; None otherwise."""
    m = re.match(r"^\s*(\d{2,3}(?:[.,]\d)?)\s*(kg|кг)?\s*$", text or "", re.IGNORECASE)
    if not m:
        return None
    kg = float(m.group(1).replace(",", "."))
    return kg if 30 <= kg <= 250 else None


def percent(total: int, goal: int) -> int:
    return 100 if goal <= 0 else min(999, int(total * 100 / goal))


def progress_bar(total: int, goal: int, width: int = 10) -> str:
    """A gentle text bar: ▰▰▰▱▱▱▱▱▱▱."""
    filled = 0 if goal <= 0 else min(width, int(total * width / goal))
    return "▰" * filled + "▱" * (width - filled)


def expected_by_now(goal: int, day_fraction: float) -> int:
    """How much an even pace over the waking day would have reached by now."""
    return int(goal * max(0.0, min(1.0, day_fraction)))


def day_fraction(local_hhmm: str, wake: str, sleep: str) -> float:
    """How far through their waking day (wake..sleep, "HH:MM") the person is at `local_hhmm` (0..1)."""
    since = (minutes_of_day(local_hhmm) - minutes_of_day(wake)) % 1440
    return min(1.0, since / window_minutes(wake, sleep))


def should_remind(total: int, goal: int, day_fraction: float) -> bool:
    """Remind only while behind the goal and behind an even pace (with a glass of slack)."""
    if total >= goal:
        return False
    return total < expected_by_now(goal, day_fraction) + QUICK_ML[0]
