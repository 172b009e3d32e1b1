"""Button data: short, versioned, typed, and never trusted blindly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import coachbot.app  # noqa: F401  (every feature's buttons registered)
from coachbot import codec
from coachbot.codec import REGISTRY, Button, Flag, Int, OneOf, Word, arg
from coachbot.handlers.buttons import AddWater, SetIntakeReminder, WeeklySummary


def test_round_trip() -> None:
    data = codec.encode("q", "tz", "America/Argentina/Buenos_Aires")
    assert codec.decode(data) == codec.Data("q", "tz", ("America/Argentina/Buenos_Aires",))


@pytest.mark.parametrize("data", ["", "2|q|tz|x", "1|q", "1||x", "1|q|tz|<b>", "x" * 65, "1|q|" + "a" * 61, None])
def test_malformed_or_foreign_data_is_refused(data: str | None) -> None:
    assert codec.decode(data) is None


def test_encode_refuses_data_telegram_would_reject() -> None:
    with pytest.raises(ValueError):
        codec.encode("q", "x", "a" * 64)
    with pytest.raises(ValueError):
        codec.encode("q", "x", "has|pipe")


def test_int_arg_bounds() -> None:
    b = codec.Data("c", "stress", ("5", "x"))
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
    assert codec.decode(data) == codec.Data(parts[0], parts[1], tuple(parts[2:]))


# ---- typed buttons ------------------------------------------------------------------------
def _sample(cls: type[Button], pick: int) -> Button:
    values = {}
    for name, spec, _required in cls.specs():
        samples = spec.samples()
        values[name] = spec.read(samples[pick % len(samples)])
    return cls(**values)


@pytest.mark.parametrize("cls", REGISTRY.classes(), ids=lambda c: f"{c.FEATURE}|{c.ACTION}")
def test_every_registered_button_packs_and_reads_back(cls: type[Button]) -> None:
    for pick in range(3):
        button = _sample(cls, pick)
        assert REGISTRY.read(button.pack()) == button


def test_typed_arguments_refuse_what_the_bot_never_sends() -> None:
    assert REGISTRY.read(AddWater(250, "ab12").pack()) == AddWater(250, "ab12")
    assert REGISTRY.read("1|in|w|250") == AddWater(250, "")             # the token is optional
    for data in ("1|in|w|0|x", "1|in|w|99999|x", "1|in|w|2.5|x", "1|in|w|+5|x", "1|in|w|1_0|x", "1|in|w",
                 "1|in|tog|h|2", "1|in|tog|z|1", "1|ins|weekly", "1|ins|weekly|yes", "1|in|nope|1"):
        assert REGISTRY.read(data) is None, data
    assert REGISTRY.read("1|in|tog|f|0|extra") == SetIntakeReminder("f", False)   # extra arguments ignored


def test_settings_switches_carry_the_value_they_set() -> None:
    assert WeeklySummary(True).pack() == "1|ins|weekly|1"
    assert REGISTRY.read("1|ins|weekly|0") == WeeklySummary(False)


def test_the_registry_refuses_a_second_class_for_the_same_data() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        class AnotherWater(Button, feature="in", action="w"):
            ml: int = arg(Int(1, 5))


def test_feature_prefixes_belong_to_one_module_each() -> None:
    owners: dict[str, set[str]] = {}
    for cls in REGISTRY.classes():
        owners.setdefault(cls.FEATURE, set()).add(cls.__module__)
    assert all(len(modules) == 1 for modules in owners.values()), owners


def test_specs() -> None:
    assert Int(1, 3).read("3") == 3 and Int(1, 3).read("4") is None and Int(1, 3).read("٣") is None
    assert OneOf(("a", "b")).read("b") == "b" and OneOf(("a",)).read("c") is None
    assert Flag().read("1") is True and Flag().read("0") is False and Flag().read("2") is None
    assert Word().read("") is None and Word().read("x") == "x"
