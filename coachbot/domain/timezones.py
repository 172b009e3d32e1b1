"""Turn what a person tells us (a city, an offset, an abbreviation, a zone name) into an IANA zone.

Pure: the city look-up is passed in (`coachbot.storage.cities.CityIndex.named`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .timeparse import parse_utc_offset

# Offsets that are not whole hours have no Etc/GMT zone; a real zone with that
# offset keeps the stored value a valid IANA name.
_FRACTIONAL = {
    -570: "Pacific/Marquesas", -210: "America/St_Johns", 210: "Asia/Tehran", 270: "Asia/Kabul",
    330: "Asia/Kolkata", 345: "Asia/Kathmandu", 390: "Asia/Yangon", 525: "Australia/Eucla",
    570: "Australia/Darwin", 630: "Australia/Lord_Howe", 765: "Pacific/Chatham",
}

# Abbreviations people type, with the zone each most often means. Summer and winter forms
# (EST/EDT) name the same zone, whose daylight-saving rules then apply. Ambiguous ones take
# their most common meaning (IST = India, CST = US Central) and the reply says which it became.
ABBREVIATIONS = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "AST": "America/Halifax", "ADT": "America/Halifax", "NST": "America/St_Johns",
    "NDT": "America/St_Johns", "BRT": "America/Sao_Paulo", "ART": "America/Argentina/Buenos_Aires",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "BST": "Europe/London",
    "IST": "Asia/Kolkata", "CET": "Europe/Berlin", "CEST": "Europe/Berlin",
    "EET": "Europe/Athens", "EEST": "Europe/Athens", "MSK": "Europe/Moscow", "МСК": "Europe/Moscow",
    "SAMT": "Europe/Samara", "YEKT": "Asia/Yekaterinburg", "OMST": "Asia/Omsk",
    "KRAT": "Asia/Krasnoyarsk", "IRKT": "Asia/Irkutsk", "YAKT": "Asia/Yakutsk",
    "VLAT": "Asia/Vladivostok", "MAGT": "Asia/Magadan", "PETT": "Asia/Kamchatka",
    "SAST": "Africa/Johannesburg", "CAT": "Africa/Maputo", "EAT": "Africa/Nairobi",
    "WAT": "Africa/Lagos", "PKT": "Asia/Karachi", "WIB": "Asia/Jakarta", "SGT": "Asia/Singapore",
    "HKT": "Asia/Hong_Kong", "JST": "Asia/Tokyo", "KST": "Asia/Seoul",
    "AWST": "Australia/Perth", "ACST": "Australia/Adelaide", "ACDT": "Australia/Adelaide",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland",
}
_ETC_RE = re.compile(r"^Etc/GMT([+-])(\d{1,2})$")


@dataclass(frozen=True)
class ZoneChoice:
    zone: str
    label: str  # what to show the person: "Springfield, Missouri, US", "UTC+3", "EST"
    abbreviation: bool = False  # typed as an abbreviation: the reply says which zone it became


class CityLike(Protocol):
    # read-only, so frozen dataclasses (storage's City) satisfy it
    @property
    def name(self) -> str: ...
    @property
    def region(self) -> str: ...
    @property
    def country(self) -> str: ...
    @property
    def zone(self) -> str: ...
    @property
    def population(self) -> int: ...
    @property
    def main_name(self) -> bool: ...


CityLookup = Callable[[str], Sequence[CityLike]]


def offset_zone(minutes: int) -> str | None:
    """An IANA zone with this fixed offset (Etc/GMT signs are inverted by POSIX convention)."""
    if minutes % 60 == 0:
        hours = minutes // 60
        if hours == 0:
            return "Etc/UTC"
        return f"Etc/GMT{'-' if hours > 0 else '+'}{abs(hours)}"
    return _FRACTIONAL.get(minutes)


def format_offset(minutes: int) -> str:
    """Minutes east of UTC as people write them: UTC+3, UTC-5:30, UTC."""
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")


def zone_offset_minutes(zone: str, now: datetime) -> int:
    offset = now.astimezone(ZoneInfo(zone)).utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def describe_zone(zone: str, now: datetime | None = None) -> str:
    """A stored zone as a person reads it: 'UTC+3' for fixed offsets, else the name (and offset now)."""
    if zone in ("Etc/UTC", "UTC", "Etc/GMT", "Etc/UCT"):
        return "UTC"
    m = _ETC_RE.match(zone)
    if m:  # POSIX signs: Etc/GMT-3 is three hours east of UTC
        hours = int(m.group(2))
        return format_offset(hours * 60 if m.group(1) == "-" else -hours * 60)
    name = zone.replace("_", " ")
    return f"{name} ({format_offset(zone_offset_minutes(zone, now))})" if now is not None else name


def city_choices(cities: Sequence[CityLike], limit: int = 4) -> list[ZoneChoice]:
    """Largest city per distinct zone, labelled so that same-named places can be told apart."""
    best: dict[str, CityLike] = {}
    for city in sorted(cities, key=lambda c: (not c.main_name, -c.population)):
        best.setdefault(city.zone, city)  # per zone, a city with that very name first, then the largest
    matches = sorted(best.values(), key=lambda c: -c.population)
    # A name whose best-known city dwarfs the rest (Madrid, Spain vs Madrid, Colombia) needs no question,
    # unless it was found by an old or foreign name while places really called that exist (Victoria).
    dominant = len(matches) > 1 and matches[0].population >= 10 * max(1, matches[1].population)
    if dominant and (matches[0].main_name or not any(c.main_name for c in matches)):
        matches = matches[:1]
    matches = matches[:limit]
    labels = [", ".join(p for p in (c.name, c.region, c.country) if p) for c in matches]
    # Still alike (a region the index does not know): add the zone's own city.
    alike = {label for label in labels if labels.count(label) > 1}
    return [ZoneChoice(c.zone, f"{label} ({c.zone.rsplit('/', 1)[-1].replace('_', ' ')})" if label in alike else label)
            for c, label in zip(matches, labels, strict=True)]


def resolve_zone_text(text: str, cities: CityLookup) -> list[ZoneChoice]:
    """What a typed answer could mean: a zone name, an offset, an abbreviation or a city (several if ambiguous)."""
    cleaned = text.strip()
    if not cleaned or len(cleaned) > 80:
        return []
    if "/" in cleaned:
        candidate = cleaned.replace(" ", "_")
        for zone in (candidate, *(z for z in available_timezones() if z.lower() == candidate.lower())):
            if is_valid_zone(zone):
                return [ZoneChoice(zone, describe_zone(zone))]
    minutes = parse_utc_offset(cleaned)
    if minutes is not None:
        fixed = offset_zone(minutes)
        return [ZoneChoice(fixed, format_offset(minutes))] if fixed else []
    abbreviation = cleaned.upper()
    if abbreviation in ABBREVIATIONS:
        return [ZoneChoice(ABBREVIATIONS[abbreviation], abbreviation, abbreviation=True)]
    return city_choices(cities(cleaned))


def is_valid_zone(zone: str) -> bool:
    try:
        ZoneInfo(zone)
        return True
    except (ZoneInfoNotFoundError, ValueError):
        return False


def local_clock(zone: str, now: datetime) -> str:
    return now.astimezone(ZoneInfo(zone)).strftime("%H:%M")

