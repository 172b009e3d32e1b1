"""What people type for times of day, UTC offsets and places."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot.domain.timeparse import in_window, parse_time_of_day, parse_utc_offset
from coachbot.domain.timezones import (
    ZoneChoice,
    describe_zone,
    format_offset,
    offset_zone,
    resolve_zone_text,
)
from coachbot.storage.cities import City, shared_index

CITIES = shared_index()


def resolve(text: str) -> list[ZoneChoice]:
    return resolve_zone_text(text, CITIES.named)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7", "07:00"), ("7:30", "07:30"), ("07.30", "07:30"), ("0730", "07:30"), ("7pm", "19:00"),
     ("7 PM", "19:00"), ("12am", "00:00"), ("12pm", "12:00"), ("19h", "19:00"), ("23:59", "23:59"),
     ("0:00", "00:00"), ("25:99", None), ("24:00", None), ("13pm", None), ("", None), ("abc", None),
     ("7:5", None), ("-1", None), ("9" * 50, None)],
)
def test_parse_time_of_day(text: str, expected: str | None) -> None:
    assert parse_time_of_day(text) == expected


@given(st.text(max_size=30))
def test_time_parser_returns_valid_time_or_none(text: str) -> None:
    value = parse_time_of_day(text)
    if value is not None:
        hour, minute = map(int, value.split(":"))
        assert 0 <= hour <= 23 and 0 <= minute <= 59


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("+3", 180), ("UTC-5:30", -330), ("GMT+0545", 345), ("utc", 0), ("-12", -720), ("+14", 840),
     ("+15", None), ("+3:75", None), ("three", None)],
)
def test_parse_utc_offset(text: str, minutes: int | None) -> None:
    assert parse_utc_offset(text) == minutes


@pytest.mark.parametrize(
    ("value", "start", "end", "inside"),
    [("12:00", "07:00", "23:00", True), ("06:59", "07:00", "23:00", False), ("23:00", "07:00", "23:00", False),
     ("01:00", "18:00", "02:00", True), ("17:00", "18:00", "02:00", False), ("02:00", "18:00", "02:00", False)],
)
def test_wake_window_may_cross_midnight(value: str, start: str, end: str, inside: bool) -> None:
    assert in_window(value, start, end) is inside


@pytest.mark.parametrize(
    ("text", "zone"),
    [("Madrid", "Europe/Madrid"), ("москва", "Europe/Moscow"), ("Ciudad de México", "America/Mexico_City"),
     ("europe/berlin", "Europe/Berlin"), ("UTC+5:30", "Asia/Kolkata"), ("+3", "Etc/GMT-3"),
     ("-3", "Etc/GMT+3"), ("UTC", "Etc/UTC")],
)
def test_typed_places_become_iana_zones(text: str, zone: str) -> None:
    assert resolve(text)[0].zone == zone


def test_ambiguous_city_offers_choices_and_nonsense_offers_none() -> None:
    assert {c.zone for c in resolve("Portland")} >= {"America/Los_Angeles", "America/New_York"}
    assert resolve("Qwertyuiopville") == []
    assert resolve("x" * 200) == []


def test_fixed_offsets_are_valid_zones_or_refused() -> None:
    assert offset_zone(330) == "Asia/Kolkata" and offset_zone(-60) == "Etc/GMT+1"
    assert offset_zone(17) is None


@pytest.mark.parametrize(
    ("lat", "lon", "zone"),
    [(52.52, 13.40, "Europe/Berlin"), (40.71, -74.0, "America/New_York"), (-33.87, 151.21, "Australia/Sydney"),
     (35.68, 139.69, "Asia/Tokyo"), (64.13, -21.9, "Atlantic/Reykjavik"), (-21.13, -175.2, "Pacific/Tongatapu"),
     (-18.0, -179.9, "Pacific/Fiji")],
)
def test_shared_location_picks_the_local_zone(lat: float, lon: float, zone: str) -> None:
    assert CITIES.nearest_zone(lat, lon) == zone


@pytest.mark.parametrize(
    ("text", "zone", "label"),
    [("UTC+3", "Etc/GMT-3", "UTC+3"), ("+3", "Etc/GMT-3", "UTC+3"), ("gmt-5", "Etc/GMT+5", "UTC-5"),
     ("UTC+5:30", "Asia/Kolkata", "UTC+5:30"), ("utc", "Etc/UTC", "UTC")],
)
def test_offsets_are_shown_as_people_write_them(text: str, zone: str, label: str) -> None:
    assert resolve(text) == [ZoneChoice(zone, label)]
    assert describe_zone(zone) in (label, "Asia/Kolkata")


@pytest.mark.parametrize(
    ("zone", "shown"),
    [("Etc/GMT-3", "UTC+3"), ("Etc/GMT+5", "UTC-5"), ("Etc/UTC", "UTC"), ("America/New_York", "America/New York")],
)
def test_stored_zones_are_described_without_posix_signs(zone: str, shown: str) -> None:
    assert describe_zone(zone) == shown


def test_described_zone_carries_its_offset_now() -> None:
    winter, summer = datetime(2026, 1, 15, tzinfo=UTC), datetime(2026, 7, 15, tzinfo=UTC)
    assert describe_zone("America/New_York", winter) == "America/New York (UTC-5)"
    assert describe_zone("America/New_York", summer) == "America/New York (UTC-4)"
    assert format_offset(-210) == "UTC-3:30" and format_offset(345) == "UTC+5:45"


@pytest.mark.parametrize(
    ("text", "zone"),
    [("EST", "America/New_York"), ("pst", "America/Los_Angeles"), ("CET", "Europe/Berlin"),
     ("MSK", "Europe/Moscow"), ("мск", "Europe/Moscow"), ("IST", "Asia/Kolkata"), ("AEST", "Australia/Sydney")],
)
def test_abbreviations_become_zones_and_say_so(text: str, zone: str) -> None:
    [choice] = resolve(text)
    assert choice.zone == zone and choice.abbreviation and choice.label == text.upper()


def test_same_named_cities_are_told_apart_by_region() -> None:
    labels = [c.label for c in resolve("Springfield")]
    assert len(labels) == len(set(labels)) >= 3
    assert "Springfield, Missouri, US" in labels and "Springfield, Oregon, US" in labels
    assert [c.label for c in resolve("London")] == ["London, GB"]
    assert "Victoria, British Columbia, CA" in [c.label for c in resolve("Victoria")]
    assert [c.label for c in resolve("Portland")][:2] == ["Portland, Oregon, US", "Portland, Maine, US"]


def test_cities_alike_even_with_region_get_their_zone_city() -> None:
    twins = [City("Alma", "", "RU", "Europe/Moscow", 90), City("Alma", "", "RU", "Asia/Omsk", 80)]
    assert [c.label for c in resolve_zone_text("Alma", lambda _: twins)] == ["Alma, RU (Moscow)", "Alma, RU (Omsk)"]


def test_impossible_coordinates_are_refused() -> None:
    with pytest.raises(ValueError):
        CITIES.nearest_zone(123.0, 0.0)
