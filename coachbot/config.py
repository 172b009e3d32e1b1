"""Load and validate settings from a TOML file plus environment overrides.

Every problem becomes one ConfigError naming the file, the key and the rule, so
the CLI can print a single line and exit with code 2 instead of a traceback.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .domain.doctor_rules import PERSISTENT_DAYS, PERSISTENT_DAYS_RANGE
from .domain.hydration import MAX_GOAL_ML, MIN_GOAL_ML

TELEGRAM_API = "https://api.telegram.org/bot"
TELEGRAM_FILES = "https://api.telegram.org/file/bot"
TOKEN_RE = re.compile(r"^\d{3,12}:[A-Za-z0-9_-]{20,}$")
HHMM_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
LANGUAGES = ("en", "es", "ru")


class ConfigError(Exception):
    """A configuration problem, phrased as 'file: key: rule'."""

    def __init__(self, source: str, key: str, rule: str) -> None:
        super().__init__(f"{source}: {key}: {rule}")
        self.source, self.key, self.rule = source, key, rule


@dataclass(frozen=True)
class WebhookSettings:
    listen: str = "127.0.0.1"
    port: int = 8443
    url: str = ""
    path: str = "telegram"
    secret_token: str = ""


@dataclass(frozen=True)
class ReminderSettings:
    tick_seconds: float = 20.0
    batch_size: int = 500
    lease_seconds: int = 120   # a delivery being sent is this process's for so long (several processes)
    daily_cap: int = 6
    global_rate: float = 30.0  # every send, replies first (coachbot/pacer.py): Telegram's ~30/s, never more in a second
    per_chat_interval: float = 1.05
    rate_scale: float = 1.0  # benchmarks against a sped-up sandbox: rates x K, intervals / K
    checkin_grace_minutes: int = 180
    hydration_grace_minutes: int = 30
    caffeine_grace_minutes: int = 60
    tip_grace_minutes: int = 120
    summary_grace_minutes: int = 180


@dataclass(frozen=True)
class Defaults:
    language: str = "en"
    timezone: str = "UTC"
    wake_time: str = "07:00"
    sleep_time: str = "23:00"
    checkin_time: str = "20:00"
    water_goal_ml: int = 2000
    caffeine_limit_mg: int = 400
    hydration_every_minutes: int = 120


@dataclass(frozen=True)
class NudgeSettings:
    persistent_days: int = PERSISTENT_DAYS   # domain/doctor_rules.py; 7 to 28 allowed


@dataclass(frozen=True)
class AccessSettings:
    allowed_user_ids: tuple[int, ...] = ()
    admin_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class MetricsSettings:
    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 9464


@dataclass(frozen=True)
class Settings:
    token: str = ""
    api_base_url: str = TELEGRAM_API
    api_file_url: str = TELEGRAM_FILES
    mode: str = "polling"
    db_path: str = "coachbot.sqlite3"   # a SQLite path, sqlite:///path, or postgresql://… URL
    db_pool_size: int = 10              # PostgreSQL connections per process
    log_level: str = "INFO"
    source: str = "<defaults>"
    webhook: WebhookSettings = field(default_factory=WebhookSettings)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    defaults: Defaults = field(default_factory=Defaults)
    nudges: NudgeSettings = field(default_factory=NudgeSettings)
    access: AccessSettings = field(default_factory=AccessSettings)
    metrics: MetricsSettings = field(default_factory=MetricsSettings)

    def __repr__(self) -> str:  # never let the token reach a log line or traceback
        from coachbot.storage.db import redact

        return f"Settings(source={self.source!r}, mode={self.mode!r}, db_path={redact(self.db_path)!r})"


# ---- validators: each returns the clean value or raises ValueError(rule) ----

def _int(lo: int, hi: int) -> Callable[[Any], int]:
    def check(v: Any) -> int:
        if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
            raise ValueError(f"must be a whole number from {lo} to {hi}")
        return v
    return check


def _float(lo: float, hi: float) -> Callable[[Any], float]:
    def check(v: Any) -> float:
        if isinstance(v, bool) or not isinstance(v, int | float) or not lo <= v <= hi:
            raise ValueError(f"must be a number from {lo:g} to {hi:g}")
        return float(v)
    return check


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise ValueError("must be true or false")
    return v


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError("must be a string")
    return v


def _choice(*options: str) -> Callable[[Any], str]:
    def check(v: Any) -> str:
        if v not in options:
            raise ValueError("must be one of " + ", ".join(f'"{o}"' for o in options))
        return v
    return check


def _hhmm(v: Any) -> str:
    if not isinstance(v, str) or not HHMM_RE.match(v):
        raise ValueError('must be a time of day as "HH:MM" (24-hour), e.g. "07:30"')
    return v


def _url(v: Any) -> str:
    if not isinstance(v, str) or not re.match(r"^https?://[^\s/]+", v):
        raise ValueError("must be an http:// or https:// URL")
    return v


def _db_url(v: Any) -> str:
    from coachbot.storage.db import sqlite_path

    sqlite_path(_str(v))  # raises ValueError for a scheme we do not speak
    if not v:
        raise ValueError("must not be empty")
    return v


def _zone(v: Any) -> str:
    try:
        ZoneInfo(_str(v))
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError('must be an IANA time zone name such as "Europe/Madrid"') from None
    return v


def _token(v: Any) -> str:
    if v == "":
        return v
    if not isinstance(v, str) or not TOKEN_RE.match(v):
        # The rule only: never echo the value, it may be a real token.
        raise ValueError("must look like a Bot API token from @BotFather (digits:letters)")
    return v


def _ids(v: Any) -> tuple[int, ...]:
    if not isinstance(v, list) or not all(isinstance(i, int) and not isinstance(i, bool) and i > 0 for i in v):
        raise ValueError("must be a list of positive Telegram user ids")
    return tuple(v)


# section -> key -> (attribute path, validator)
SCHEMA: dict[str, dict[str, tuple[str, Callable[[Any], Any]]]] = {
    "telegram": {
        "token": ("token", _token),
        "api_base_url": ("api_base_url", _url),
        "api_file_url": ("api_file_url", _url),
        "mode": ("mode", _choice("polling", "webhook")),
    },
    "storage": {"path": ("db_path", _db_url), "url": ("db_path", _db_url),
                "pool_size": ("db_pool_size", _int(1, 200))},
    "logging": {"level": ("log_level", _choice("DEBUG", "INFO", "WARNING", "ERROR"))},
    "webhook": {
        "listen": ("webhook.listen", _str),
        "port": ("webhook.port", _int(1, 65535)),
        "url": ("webhook.url", lambda v: v if v == "" else _url(v)),
        "path": ("webhook.path", _str),
        "secret_token": ("webhook.secret_token", _str),
    },
    "reminders": {
        "tick_seconds": ("reminders.tick_seconds", _float(1, 300)),
        "batch_size": ("reminders.batch_size", _int(1, 100_000)),
        "lease_seconds": ("reminders.lease_seconds", _int(10, 3600)),
        "daily_cap": ("reminders.daily_cap", _int(1, 50)),
        "global_rate": ("reminders.global_rate", _float(0.1, 30)),
        "per_chat_interval": ("reminders.per_chat_interval", _float(1.0, 60)),
        "rate_scale": ("reminders.rate_scale", _float(1.0, 1000)),
        "checkin_grace_minutes": ("reminders.checkin_grace_minutes", _int(1, 1440)),
        "hydration_grace_minutes": ("reminders.hydration_grace_minutes", _int(1, 1440)),
        "caffeine_grace_minutes": ("reminders.caffeine_grace_minutes", _int(1, 1440)),
        "tip_grace_minutes": ("reminders.tip_grace_minutes", _int(1, 1440)),
        "summary_grace_minutes": ("reminders.summary_grace_minutes", _int(1, 1440)),
    },
    "defaults": {
        "language": ("defaults.language", _choice(*LANGUAGES)),
        "timezone": ("defaults.timezone", _zone),
        "wake_time": ("defaults.wake_time", _hhmm),
        "sleep_time": ("defaults.sleep_time", _hhmm),
        "checkin_time": ("defaults.checkin_time", _hhmm),
        "water_goal_ml": ("defaults.water_goal_ml", _int(MIN_GOAL_ML, MAX_GOAL_ML)),
        "caffeine_limit_mg": ("defaults.caffeine_limit_mg", _int(0, 1000)),
        "hydration_every_minutes": ("defaults.hydration_every_minutes", _int(30, 720)),
    },
    "nudges": {"persistent_days": ("nudges.persistent_days", _int(*PERSISTENT_DAYS_RANGE))},
    "access": {
        "allowed_user_ids": ("access.allowed_user_ids", _ids),
        "admin_ids": ("access.admin_ids", _ids),
    },
    "metrics": {
        "enabled": ("metrics.enabled", _bool),
        "host": ("metrics.host", _str),
        "port": ("metrics.port", _int(1, 65535)),
    },
}

ENV_OVERRIDES = {
    "COACHBOT_TOKEN": ("telegram", "token"),
    "COACHBOT_DB": ("storage", "path"),
    "COACHBOT_API_BASE_URL": ("telegram", "api_base_url"),
    "COACHBOT_MODE": ("telegram", "mode"),
    "COACHBOT_LOG_LEVEL": ("logging", "level"),
}


def _set(settings: Settings, path: str, value: Any) -> Settings:
    if "." not in path:
        return replace(settings, **{path: value})
    section, attr = path.split(".", 1)
    return replace(settings, **{section: replace(getattr(settings, section), **{attr: value})})


def _read_toml(path: str | os.PathLike[str]) -> dict[str, Any]:
    try:
        with Path(path).open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(str(path), "-", "file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), "-", f"not valid TOML ({exc})") from None


def load_settings(path: str | os.PathLike[str] | None = None,
                  env: Mapping[str, str] | None = None) -> Settings:
    """Read the TOML file (if any) and apply environment overrides, validating each value."""
    env = os.environ if env is None else env
    path = path or env.get("COACHBOT_CONFIG")
    source = str(path) if path else "<defaults>"
    settings = Settings(source=source)
    for section, values in (_read_toml(path) if path else {}).items():
        if section not in SCHEMA:
            raise ConfigError(source, section, "unknown section; allowed: " + ", ".join(SCHEMA))
        if not isinstance(values, dict):
            raise ConfigError(source, section, "must be a [section] table")
        for key, value in values.items():
            if key not in SCHEMA[section]:
                raise ConfigError(source, f"{section}.{key}", "unknown key; allowed: " + ", ".join(SCHEMA[section]))
            attr, check = SCHEMA[section][key]
            try:
                settings = _set(settings, attr, check(value))
            except ValueError as exc:
                raise ConfigError(source, f"{section}.{key}", str(exc)) from None
    for var, (section, key) in ENV_OVERRIDES.items():
        if var in env and env[var] != "":
            attr, check = SCHEMA[section][key]
            try:
                settings = _set(settings, attr, check(env[var]))
            except ValueError as exc:
                raise ConfigError("environment", var, str(exc)) from None
    check_whole(settings)
    return settings


def check_whole(s: Settings) -> None:
    if s.mode == "webhook" and not s.webhook.url:
        raise ConfigError(s.source, "webhook.url", 'is required when telegram.mode = "webhook"')
    if s.mode == "webhook" and not re.match(r"^[A-Za-z0-9_-]{1,256}$", s.webhook.secret_token):
        raise ConfigError(s.source, "webhook.secret_token",
                          "is required in webhook mode: 1-256 characters of A-Z, a-z, 0-9, _ and -")


def require_token(s: Settings) -> None:
    """Running against Telegram needs a token; the sandbox does not."""
    if not s.token:
        raise ConfigError("environment", "COACHBOT_TOKEN",
                          "is required to run the bot (or set telegram.token in the config file)")
