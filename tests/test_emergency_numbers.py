"""Which number to call: time zone -> country (tzdata's tables) -> the local emergency number."""

from __future__ import annotations

import re

import pytest

from coachbot.domain import emergency
from coachbot.i18n import LANGUAGES, I18n


@pytest.mark.parametrize(("zone", "country", "number"), [
    ("Europe/Madrid", "ES", "112"), ("Europe/Berlin", "DE", "112"), ("Europe/London", "GB", "999"),
    ("America/New_York", "US", "911"), ("America/Toronto", "CA", "911"), ("Australia/Sydney", "AU", "000"),
    ("Pacific/Auckland", "NZ", "111"), ("Asia/Tokyo", "JP", "119"), ("Europe/Moscow", "RU", "103 / 112"),
    ("Asia/Kolkata", "IN", "112 / 108"), ("America/Mexico_City", "MX", "911"),
    # old names and links are followed to their zone
    ("Asia/Calcutta", "IN", "112 / 108"), ("US/Eastern", "US", "911"), ("Europe/Kiev", "UA", "103 / 112"),
])
def test_a_zone_gives_its_countrys_number(zone: str, country: str, number: str) -> None:
    found = emergency.numbers_for_zone(zone)
    assert (found.country, found.emergency) == (country, number)


@pytest.mark.parametrize("zone", [None, "", "Etc/GMT-3", "UTC", "Nowhere/Atlantis", "../../etc/passwd"])
def test_no_country_means_no_number(zone: str | None) -> None:
    assert emergency.numbers_for_zone(zone).emergency is None


def test_a_country_without_a_table_entry_has_no_number() -> None:
    found = emergency.numbers_for_zone("Africa/Abidjan")
    assert found.country == "CI" and found.emergency is None


def test_the_table_uses_real_country_codes_and_only_digits() -> None:
    assert set(emergency.NUMBERS) <= emergency.country_codes()
    assert set(emergency.CRISIS_LINES) <= set(emergency.NUMBERS)
    for number in [*emergency.NUMBERS.values(), *emergency.CRISIS_LINES.values()]:
        assert re.fullmatch(r"\d[\d ]*( / \d[\d ]*)?", number), number
    assert all(emergency.NUMBERS[c] == "112" for c in ("FR", "IT", "PL", "SE", "NO", "IS"))


def test_the_table_names_its_sources() -> None:
    doc = emergency.__doc__ or ""
    assert "European Commission" in doc and "List of emergency telephone numbers" in doc


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unknown_says_112_in_europe_and_911_in_north_america_and_no_catalog_says_911_in_america(
        lang: str) -> None:
    i18n = I18n()
    text = i18n.t(lang, "safety-number", number="unknown")
    assert "112" in text and "911" in text
    catalogs = "".join(p.read_text(encoding="utf-8") for p in (i18n.root / lang).glob("*.ftl"))
    assert "911 en América" not in catalogs and "уголок лица" not in catalogs
