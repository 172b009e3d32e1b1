"""Counting sends over time windows, as Telegram's per-second limit sees them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def busiest_window(times: Iterable[float], window: float) -> int:
    """The most sends within any `window` seconds (a sliding window over the send times)."""
    return busiest(times, window)[0]


def busiest(times: Iterable[float], window: float) -> tuple[int, float | None]:
    """(the most sends within any `window` seconds, when that window starts)."""
    ordered = sorted(times)
    most, first, start = 0, 0, None
    for last, at in enumerate(ordered):
        while at - ordered[first] >= window:
            first += 1
        if last - first + 1 > most:
            most, start = last - first + 1, ordered[first]
    return most, start


def windows(times: Iterable[float], window: float) -> Iterator[int]:
    """Sends in consecutive fixed windows from the first send (a per-second profile)."""
    ordered = sorted(times)
    if not ordered:
        return
    count, edge = 0, ordered[0] + window
    for at in ordered:
        while at >= edge:
            yield count
            count, edge = 0, edge + window
        count += 1
    yield count
