"""Button data: short, versioned, and never trusted blindly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot.handlers import codec


def test_round_trip() -> None:
    data = codec.encode("q", "tz", "America/Argentina/Buenos_Aires")
    assert codec.decode(data) == codec.Button("q", "tz", ("America/Argentina/Buenos_Aires",))


@pytest.mark.parametrize("data", ["", "2|q|tz|x", "1|q", "1||x", "1|q|tz|<b>", "x" * 65, "1|q|" + "a" * 61, None])
def test_malformed_or_foreign_data_is_refused(data: str | None) -> None:
    assert codec.decode(data) is None


def test_encode_refuses_data_telegram_would_reject() -> None:
    with pytest.raises(ValueError):
        codec.encode("q", "x", "a" * 64)
    with pytest.raises(ValueError):
        codec.encode("q", "x", "has|pipe")


def test_int_arg_bounds() -> None:
    b = codec.Button("c", "stress", ("5", "x"))
    assert b.int_arg(0, 1, 5) == 5 and b.int_arg(0, 1, 4) is None and b.int_arg(1, 0, 9) is None
    assert b.int_arg(7, 0, 9) is None


@given(st.text(max_size=80))
def test_decode_never_raises(data: str) -> None:
    result = codec.decode(data)
    assert result is None or len(data.encode()) <= 64


@given(st.lists(st.from_regex(r"[A-Za-z0-9_.:+-]{1,8}", fullmatch=True), min_size=2, max_size=5))
def test_anything_encoded_decodes_back(parts: list[str]) -> None:
    try:
        data = codec.encode(*parts)
    except ValueError:
        return
    assert codec.decode(data) == codec.Button(parts[0], parts[1], tuple(parts[2:]))
