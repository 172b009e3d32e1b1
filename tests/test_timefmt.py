"""Stored times: one sortable UTC text form, written and read back exactly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot.storage.timefmt import from_iso, to_iso

aware = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(9999, 12, 30),
                     timezones=st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30)),
                                                timezone(timedelta(hours=-11))]))


@given(aware)
def test_a_stored_time_reads_back_as_the_same_instant_in_utc(moment: datetime) -> None:
    text = to_iso(moment)
    assert text == moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")   # the form rows already hold
    assert from_iso(text) == moment and from_iso(text).tzinfo == UTC


@given(aware, aware)
def test_stored_times_sort_as_text_in_time_order(a: datetime, b: datetime) -> None:
    assert (to_iso(a) < to_iso(b)) == (a < b)


@pytest.mark.parametrize("text", ["2026-12-01T10:00:00.000000", "2026-12-01T10:00:00.000000+02:00", "yesterday"])
def test_text_that_is_not_a_stored_utc_time_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        from_iso(text)


def test_a_naive_time_is_never_stored() -> None:
    with pytest.raises(ValueError):
        to_iso(datetime(2026, 12, 1, 10))
