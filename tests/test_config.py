"""Configuration: defaults, overrides, and one clear line for every bad value."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coachbot.cli import main
from coachbot.config import ConfigError, load_settings

TOKEN = "1234567:AAAA-not-a-real-token-AAAAAAAAAAAAA"
ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_config_is_valid_and_matches_defaults() -> None:
    example = load_settings(ROOT / "config.example.toml", env={})
    defaults = load_settings(None, env={})
    assert example.reminders == defaults.reminders
    assert example.defaults == defaults.defaults
    assert example.api_base_url == "https://api.telegram.org/bot"


@pytest.mark.parametrize(
    ("toml", "key", "rule"),
    [
        ("[reminders]\ndaily_cap = 0", "reminders.daily_cap", "whole number from 1 to 50"),
        ("[reminders]\ntick_seconds = \"fast\"", "reminders.tick_seconds", "number from 1 to 300"),
        ("[defaults]\ntimezone = \"Mars/Olympus\"", "defaults.timezone", "IANA time zone"),
        ("[defaults]\ncheckin_time = \"25:99\"", "defaults.checkin_time", "HH:MM"),
        ("[defaults]\nlanguage = \"fr\"", "defaults.language", "one of"),
        ("[telegram]\napi_base_url = \"ftp://x\"", "telegram.api_base_url", "http"),
        ("[telegram]\nmode = \"carrier-pigeon\"", "telegram.mode", "one of"),
        ("[telegram]\ntoken = \"nope\"", "telegram.token", "Bot API token"),
        ("[access]\nadmin_ids = [\"me\"]", "access.admin_ids", "positive Telegram user ids"),
        ("[metrics]\nenabled = \"yes\"", "metrics.enabled", "true or false"),
        ("[nudges]\npersistent_days = 6", "nudges.persistent_days", "whole number from 7 to 28"),
        ("[nudges]\npersistent_days = 29", "nudges.persistent_days", "whole number from 7 to 28"),
        ("[nudges]\npersistent_days = 14.5", "nudges.persistent_days", "whole number from 7 to 28"),
        ("[remindrs]\ndaily_cap = 3", "remindrs", "unknown section"),
        ("[reminders]\ndailycap = 3", "reminders.dailycap", "unknown key"),
        ("[telegram]\nmode = \"webhook\"", "webhook.url", "required"),
        ("this is not toml", "-", "not valid TOML"),
    ],
)
def test_bad_values_name_file_key_and_rule(tmp_path: Path, toml: str, key: str, rule: str) -> None:
    path = write(tmp_path, toml)
    with pytest.raises(ConfigError) as err:
        load_settings(path, env={})
    assert err.value.key == key
    assert rule in err.value.rule
    assert str(err.value).startswith(f"{path}: {key}: ")


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, '[storage]\npath = "from-file.db"\n')
    s = load_settings(path, env={"COACHBOT_DB": "from-env.db", "COACHBOT_TOKEN": TOKEN})
    assert s.db_path == "from-env.db" and s.token == TOKEN


def test_config_path_comes_from_environment(tmp_path: Path) -> None:
    path = write(tmp_path, "[reminders]\ndaily_cap = 4\n")
    assert load_settings(None, env={"COACHBOT_CONFIG": str(path)}).reminders.daily_cap == 4


def test_token_never_appears_in_repr_or_errors(tmp_path: Path) -> None:
    s = load_settings(None, env={"COACHBOT_TOKEN": TOKEN})
    assert TOKEN not in repr(s) and TOKEN not in str(s)
    path = write(tmp_path, f'[telegram]\ntoken = "{TOKEN}x y"\n')
    with pytest.raises(ConfigError) as err:
        load_settings(path, env={})
    assert TOKEN not in str(err.value)


def test_check_config_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACHBOT_TOKEN", TOKEN)
    assert main(["check-config", "--config", str(ROOT / "config.example.toml")]) == 0
    bad = write(tmp_path, "[reminders]\ndaily_cap = 99\n")
    assert main(["check-config", "--config", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "reminders.daily_cap" in err and "Traceback" not in err
    monkeypatch.delenv("COACHBOT_TOKEN")
    assert main(["check-config", "--config", str(ROOT / "config.example.toml")]) == 2


@pytest.mark.subprocess
def test_check_config_as_a_real_process_has_no_traceback(tmp_path: Path) -> None:
    bad = write(tmp_path, "[defaults]\nwake_time = \"7am\"\n")
    proc = subprocess.run([sys.executable, "-m", "coachbot.cli", "check-config", "--config", str(bad)],
                          capture_output=True, text=True, env={"COACHBOT_TOKEN": TOKEN, "PATH": "/usr/bin"},
                          cwd=ROOT, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f'coachbot: configuration error: {bad}: defaults.wake_time: must be a time of day as "HH:MM" (24-hour), e.g. "07:30"'
    ]


@pytest.mark.parametrize("days", [7, 14, 28])
def test_persistent_days_accepts_one_to_four_weeks(tmp_path: Path, days: int) -> None:
    assert load_settings(write(tmp_path, f"[nudges]\npersistent_days = {days}"), env={}).nudges.persistent_days == days
    assert load_settings(write(tmp_path, ""), env={}).nudges.persistent_days == 14


def test_storage_url_selects_the_database_and_a_password_never_reaches_a_repr(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[storage]\nurl = "postgresql://bot:hunter2@db.internal/coachbot"\npool_size = 4\n')
    s = load_settings(path, env={"COACHBOT_TOKEN": TOKEN})
    assert (s.db_path, s.db_pool_size) == ("postgresql://bot:hunter2@db.internal/coachbot", 4)
    assert "hunter2" not in repr(s)
    for bad in ('url = "mysql://x/y"', "pool_size = 0"):
        path.write_text(f"[storage]\n{bad}\n")
        try:
            load_settings(path, env={"COACHBOT_TOKEN": TOKEN})
        except ConfigError:
            continue
        raise AssertionError(f"{bad} was accepted")
