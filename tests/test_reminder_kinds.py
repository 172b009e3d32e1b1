"""The reminder-kind registry agrees with everything that names a kind: config, catalogs, renderers."""

from __future__ import annotations

import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from coachbot.app import build_application
from coachbot.config import SCHEMA, ReminderSettings, Settings
from coachbot.domain import reminder_kinds
from coachbot.domain.profile import Profile
from coachbot.i18n import LANGUAGES, I18n
from coachbot.reminders.controls import decode_kinds, encode_kinds
from coachbot.reminders.engine import grace_minutes

ROOT = Path(__file__).resolve().parent.parent
KINDS = reminder_kinds.KINDS


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_kind_has_a_grace_setting_in_config_and_the_example(kind: reminder_kinds.ReminderKind) -> None:
    assert kind.grace_setting in {f.name for f in fields(ReminderSettings)}
    assert kind.grace_setting in SCHEMA["reminders"]
    example = tomllib.loads((ROOT / "config.example.toml").read_text())
    assert kind.grace_setting in example["reminders"]


def test_a_missing_grace_setting_stops_the_start_instead_of_becoming_60() -> None:
    class Partial:
        checkin_grace_minutes = 180

    with pytest.raises(LookupError, match="reminders.hydration_grace_minutes"):
        grace_minutes(Partial())
    assert grace_minutes(ReminderSettings()) == {k.name: getattr(ReminderSettings(), k.grace_setting)
                                                 for k in KINDS}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_sentence_a_kind_names_is_in_every_catalog(lang: str) -> None:
    i18n = I18n()
    for kind in KINDS:
        keys = {kind.less_prompt_key, kind.fallback_key, *(o.label_key for o in kind.less_options)}
        if kind.off_switch is not None:
            keys.add(kind.off_done_key)
        assert {k for k in keys if not i18n.has(k, lang)} == set(), kind.name


def test_codes_switches_and_choices_are_consistent() -> None:
    profile_fields = {f.name for f in fields(Profile)}
    assert len({k.code for k in KINDS}) == len(KINDS) and all(len(k.code) == 1 for k in KINDS)
    for kind in KINDS:
        assert kind.off_switch is None or kind.off_switch in profile_fields
        for option in kind.less_options:
            if option.action == reminder_kinds.EVERY_DAYS:
                assert kind.daily and 1 < option.value <= kind.max_every_days
            elif option.action == reminder_kinds.EVERY_MINUTES:
                assert not kind.daily and option.value > 0
            else:
                assert option.action == reminder_kinds.OFF and kind.off_switch is not None
    assert decode_kinds(encode_kinds(list(reminder_kinds.names()))) == list(reminder_kinds.names())
    assert decode_kinds("zc?") == ["checkin"]  # unknown codes (forged or outdated buttons) are ignored


def test_every_kind_has_a_renderer_once_the_bot_is_built(tmp_path: Path) -> None:
    app = build_application(Settings(token="1:x", db_path=str(tmp_path / "bot.sqlite3"), source="<test>"))
    assert set(reminder_kinds.names()) <= set(app.bot_data["services"].reminder_renderers)
