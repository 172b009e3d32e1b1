"""Which number to call: the person's time zone -> country (tzdata's zone tables) -> emergency number.

Sources for the table below, checked when it was written (December 2026):
- 112 in every EU and EEA country: European Commission, "112, the European emergency number"
  (digital-strategy.ec.europa.eu/en/policies/112) and EENA, the European Emergency Number Association;
- every other country: Wikipedia, "List of emergency telephone numbers"
  (en.wikipedia.org/wiki/List_of_emergency_telephone_numbers), the medical / ambulance number,
  with the general number after it where both are in common use.
Crisis lines (thoughts of self-harm) only where a national, free, round-the-clock line is well
established: 988 Suicide & Crisis Lifeline (US, and Canada since 2023), Samaritans 116 123
(UK and Ireland), Lifeline 13 11 14 (Australia), 1737 Need to talk? (New Zealand), 024 (Spain),
3114 (France). Everywhere else the bot points to findahelpline.com.

A country missing here, or a zone that is only an offset (Etc/GMT-3), gives None: the bot then
says "your local emergency number (112 in Europe, 911 in North America)".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_EU_EEA = ("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
           "IS LI NO").split()

NUMBERS: dict[str, str] = {
    **dict.fromkeys(_EU_EEA, "112"),
    # the rest of Europe
    "GB": "999", "GG": "999", "JE": "999", "IM": "999", "GI": "112", "CH": "144 / 112", "AD": "112",
    "MC": "112", "SM": "118", "VA": "112", "AX": "112", "FO": "112", "GL": "112",
    "RU": "103 / 112", "UA": "103 / 112", "BY": "103 / 112", "MD": "112", "GE": "112",
    "AM": "911 / 112", "AZ": "103 / 112", "TR": "112", "RS": "194 / 112", "ME": "124 / 112",
    "BA": "124 / 112", "MK": "194 / 112", "AL": "127 / 112",
    # Asia and Central Asia
    "KZ": "103 / 112", "KG": "103 / 112", "UZ": "103", "TJ": "103",
    "JP": "119", "KR": "119", "TW": "119", "CN": "120", "HK": "999", "MO": "999",
    "SG": "995", "MY": "999", "TH": "1669", "VN": "115", "PH": "911", "ID": "112", "IN": "112 / 108",
    "BD": "999",
    # Middle East and North Africa
    "IL": "101", "PS": "101", "AE": "998", "SA": "997", "QA": "999", "KW": "112", "BH": "999",
    "OM": "9999", "JO": "911", "IR": "115", "EG": "123", "TN": "190",
    # Sub-Saharan Africa
    "ZA": "10177 / 112", "NG": "112", "KE": "999 / 112", "GH": "112",
    # Oceania
    "AU": "000", "NZ": "111", "FJ": "911",
    # The Americas
    "US": "911", "CA": "911", "PR": "911", "VI": "911", "GU": "911", "AS": "911", "MP": "911",
    "UM": "911", "MX": "911", "BR": "192", "AR": "107 / 911", "CL": "131", "CO": "123", "PE": "106",
    "VE": "911", "EC": "911", "UY": "911", "PY": "911", "CR": "911", "PA": "911", "SV": "911",
    "HN": "911", "DO": "911", "CU": "104", "BZ": "911", "BS": "911", "BB": "511",
    "BM": "911", "KY": "911",
}

CRISIS_LINES: dict[str, str] = {
    "US": "988", "CA": "988", "GB": "116 123", "IE": "116 123", "AU": "13 11 14", "NZ": "1737",
    "ES": "024", "FR": "3114",
}


@dataclass(frozen=True)
class LocalNumbers:
    """What to call from one time zone; None when the country or its number is unknown."""

    country: str | None
    emergency: str | None
    crisis: str | None


def _table(name: str) -> list[list[str]]:
    text = resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def zone_countries() -> dict[str, str]:
    """IANA zone -> ISO country code, from tzdata's zone.tab, then zone1970.tab (first country)."""
    found: dict[str, str] = {}
    for cols in _table("zone1970.tab"):
        found[cols[2]] = cols[0].split(",")[0]
    for cols in _table("zone.tab"):   # one country per zone: more exact where both list it
        found[cols[2]] = cols[0]
    return found


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Every ISO 3166 code tzdata knows (iso3166.tab)."""
    return frozenset(cols[0] for cols in _table("iso3166.tab"))


@lru_cache(maxsize=1)
def _zones_by_content() -> dict[bytes, str]:
    """A canonical zone's compiled file -> its name; a link (Europe/Kiev) is a copy of its target."""
    root = resources.files("tzdata").joinpath("zoneinfo")
    found: dict[bytes, str] = {}
    for zone in sorted(zone_countries()):
        try:
            found.setdefault(root.joinpath(*zone.split("/")).read_bytes(), zone)
        except (FileNotFoundError, IsADirectoryError):
            continue
    return found


@lru_cache(maxsize=1024)
def country_for_zone(zone: str | None) -> str | None:
    """The country of an IANA zone, following old names (Asia/Calcutta, US/Eastern) to their zone."""
    if not zone:
        return None
    countries = zone_countries()
    if zone in countries:
        return countries[zone]
    if zone.startswith("Etc/") or ".." in zone:
        return None
    try:
        data = resources.files("tzdata").joinpath("zoneinfo", *zone.split("/")).read_bytes()
    except (FileNotFoundError, IsADirectoryError, ValueError):
        return None
    target = _zones_by_content().get(data)
    return countries.get(target) if target else None


def numbers_for_zone(zone: str | None) -> LocalNumbers:
    country = country_for_zone(zone)
    return LocalNumbers(country, NUMBERS.get(country or ""), CRISIS_LINES.get(country or ""))
