"""UTC timestamps are stored as ISO-8601 text with a 'Z'-free +00:00 offset, sortable."""

from __future__ import annotations

from datetime import UTC, datetime


def to_iso(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime: store only aware UTC times")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_iso(value: str | None) -> datetime | None:
    if value is None:
        return None
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
