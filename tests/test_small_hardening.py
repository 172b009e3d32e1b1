"""Issue 12, item 8: strict digits, capped numbers, safe HTML truncation, one-line logs."""

from __future__ import annotations

import io
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot import logsetup
from coachbot.domain import caffeine, hydration
from coachbot.domain.numbers import parse_whole
from coachbot.htmltext import truncate_html
from coachbot.sandbox import validate_telegram_html


@pytest.mark.parametrize(("text", "expected"), [
    ("3", 3), (" 60 ", 60), ("٣", 3), ("३", 3),          # decimal digits of other scripts, as int() reads them
    ("²", None), ("³", None), ("①", None), ("½", None),  # superscripts and other "digits" int() refuses
    ("61", None), ("0", None), ("-1", None), ("+3", None), ("3.0", None), ("1 0", None), ("", None),
    ("9" * 4000, None), ("0000000003", None),
])
def test_whole_numbers_are_read_strictly(text: str, expected: int | None) -> None:
    assert parse_whole(text, 1, 60) == expected


@pytest.mark.parametrize("text", ["²", "9" * 4000, "9" * 400 + ".5", "1e400", "inf", "nan", "٣٠٠٠٠٠٠٠٠٠٠"])
def test_amounts_never_raise(text: str) -> None:
    assert caffeine.parse_mg(text) is None
    assert hydration.parse_amount_ml(text) is None


def test_amounts_still_read_what_people_type() -> None:
    assert caffeine.parse_mg("120 mg") == 120 and caffeine.parse_mg("١٢٠") == 120
    assert hydration.parse_amount_ml("0,5 l") == 500 and hydration.parse_amount_ml("300") == 300


@given(st.lists(st.sampled_from(["<b>", "</b>", "<i>x</i>", "&amp;", "&lt;&amp;&gt;", "é", "🙂", "a", "\n",
                                 '<a href="https://x.org/?a=1&amp;b=2">l</a>']), max_size=400),
       st.integers(min_value=10, max_value=300))
def test_truncation_never_cuts_a_tag_or_an_entity(parts: list[str], limit: int) -> None:
    text = "".join(p for p in parts if p != "</b>") if "<b>" not in parts else "".join(parts)
    try:
        validate_telegram_html(text)
    except Exception:
        return
    out = truncate_html(text, limit)
    assert len(out) <= limit or out == text
    validate_telegram_html(out)                  # raises if Telegram would refuse it


def test_nine_long_food_notes_of_markup_stay_valid() -> None:
    note = "&lt;&amp;&gt;" * 166                 # a 500-character note of '<&>', escaped
    text = "\n".join(f"<b>Day {i}</b>: {note}" for i in range(9))
    out = truncate_html(text)
    assert len(out) <= 4096 and (out.endswith("…") or out.endswith("…</b>"))
    validate_telegram_html(out)


def test_log_lines_escape_control_characters() -> None:
    buf = io.StringIO()
    logsetup.configure("INFO", [], buf)
    try:
        logging.getLogger("coachbot.test").warning("table %s", "evil\nINFO forged line\r\x1b[31m\u2028")
    finally:
        logsetup.configure("WARNING", [])
    out = buf.getvalue()
    assert out.count("\n") == 1 and "evil\\x0aINFO forged line\\x0d\\x1b[31m\\u2028" in out
