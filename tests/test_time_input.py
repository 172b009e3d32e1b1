"""What people type for times of day, UTC offsets and places."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot.domain.timeparse import in_window, parse_time_of_day, parse_utc_offset
from coachbot.domain.timezones import find_city, offset_zone, resolve_zone_text, zone_for_location


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
    assert resolve_zone_text(text)[0].zone == zone


def test_ambiguous_city_offers_choices_and_nonsense_offers_none() -> None:
    assert {c.zone for c in find_city("Portland")} >= {"America/Los_Angeles", "America/New_York"}
    assert resolve_zone_text("Qwertyuiopville") == []
    assert resolve_zone_text("x" * 200) == []


def test_fixed_offsets_are_valid_zones_or_refused() -> None:
    assert offset_zone(330) == "Asia/Kolkata" and offset_zone(-60) == "Etc/GMT+1"
    assert offset_zone(17) is None


@pytest.mark.parametrize(
    ("lat", "lon", "zone"),
    [(52.52, 13.40, "Europe/Berlin"), (40.71, -74.0, "America/New_York"), (-33.87, 151.21, "Australia/Sydney"),
     (35.68, 139.69, "Asia/Tokyo")],
)
def test_shared_location_picks_the_local_zone(lat: float, lon: float, zone: str) -> None:
    assert zone_for_location(lat, lon) == zone


def test_impossible_coordinates_are_refused() -> None:
    with pytest.raises(ValueError):
        zone_for_location(123.0, 0.0)
