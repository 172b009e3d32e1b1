"""Inline-button data (Telegram allows 1-64 bytes): the wire format and typed buttons.

Wire format: "1|<feature>|<action>|<arg>|<arg>...", versioned, never carrying identity (the
person is always update.effective_user).

Typed buttons: one small frozen class per feature action, its fields being its arguments,
each read by a spec that refuses what the bot never sends:

    class AddWater(Button, feature="in", action="w"):
        ml: int = arg(Int(1, 5000))
        ref: str = arg(Word(), default="")

`AddWater(250, "ab12").pack()` is "1|in|w|250|ab12"; `REGISTRY.read(data)` gives the AddWater
back, or None for anything malformed, foreign, out of range or from an old version. Declaring
a second class for the same feature and action fails at import. Handlers receive these
through `handlers/press.py`; the fuzz tests draw features, actions and arguments from REGISTRY.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection
from dataclasses import MISSING, dataclass
from datetime import date
from typing import Any, ClassVar, Protocol, Self, dataclass_transform

from coachbot.domain.checkins import day_code, parse_day_code

VERSION = "1"
SEP = "|"
MAX_BYTES = 64
_PART_RE = re.compile(r"^[A-Za-z0-9_.:/+\-]*$")
_INT_RE = re.compile(r"^-?[0-9]{1,19}$")
_DATA_RE = re.compile(r"[A-Za-z0-9_.:/+\-|]*\Z")   # parts and their separators


# ---- the wire format ------------------------------------------------------------------
@dataclass(frozen=True)
class Data:
    """Decoded button data, not yet typed."""

    feature: str
    action: str
    args: tuple[str, ...] = ()

    def arg(self, index: int, default: str = "") -> str:
        return self.args[index] if index < len(self.args) else default

    def int_arg(self, index: int, lo: int, hi: int) -> int | None:
        """The index-th argument as an int within [lo, hi], else None."""
        return Int(lo, hi).read(self.arg(index))


def encode(feature: str, action: str, *args: object) -> str:
    parts = [VERSION, feature, action, *(str(a) for a in args)]
    data = SEP.join(parts)
    # One match over the whole (every screen packs a dozen buttons): no part may hold SEP itself.
    if not _DATA_RE.match(data) or data.count(SEP) != len(parts) - 1:
        bad = next((p for p in parts if not _PART_RE.match(p)), data)
        raise ValueError(f"callback part {bad!r} has characters outside [A-Za-z0-9_.:/+-]")
    if len(data) > MAX_BYTES:   # every allowed character is one byte
        raise ValueError(f"callback data longer than {MAX_BYTES} bytes: {data!r}")
    return data


def decode(data: str | None) -> Data | None:
    """Parse button data; None for anything malformed, foreign or from an old version."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    parts = data.split(SEP)
    if len(parts) < 3 or parts[0] != VERSION or not all(_PART_RE.match(p) for p in parts):
        return None
    if not parts[1] or not parts[2]:
        return None
    return Data(parts[1], parts[2], tuple(parts[3:]))


def pattern(feature: str) -> re.Pattern[str]:
    """Regex for CallbackQueryHandler that routes one feature's buttons."""
    return re.compile(rf"^{VERSION}\|{re.escape(feature)}\|")


def pattern_for(*buttons: type[Button]) -> re.Pattern[str]:
    """Regex for CallbackQueryHandler that routes exactly these buttons (of one feature)."""
    features = {b.FEATURE for b in buttons}
    if len(features) != 1:
        raise ValueError(f"buttons of one feature only, not {sorted(features)}")
    actions = "|".join(re.escape(b.ACTION) for b in buttons)
    return re.compile(rf"^{VERSION}\|{re.escape(features.pop())}\|(?:{actions})(?:\||$)")


# ---- how one argument is read ---------------------------------------------------------
class Spec(Protocol):
    def read(self, raw: str) -> Any:
        """The typed value, or None when the bot never sends `raw` here."""

    def samples(self) -> tuple[str, ...]:
        """A few values the bot does send (for the fuzz tests)."""


@dataclass(frozen=True)
class Int:
    lo: int
    hi: int

    def read(self, raw: str) -> int | None:
        if not _INT_RE.match(raw):
            return None
        value = int(raw)
        return value if self.lo <= value <= self.hi else None

    def samples(self) -> tuple[str, ...]:
        return (str(self.lo), str(self.hi), str((self.lo + self.hi) // 2))


@dataclass(frozen=True)
class OneOf:
    options: Collection[str]

    def read(self, raw: str) -> str | None:
        return raw if raw in self.options else None

    def samples(self) -> tuple[str, ...]:
        return tuple(sorted(self.options))


@dataclass(frozen=True)
class Word:
    """Any non-empty text the wire format allows; the handler checks its meaning (a zone, a token)."""

    def read(self, raw: str) -> str | None:
        return raw or None

    def samples(self) -> tuple[str, ...]:
        return ("x", "Europe/Madrid", "1")


@dataclass(frozen=True)
class Flag:
    """On or off, as 1 or 0."""

    def read(self, raw: str) -> bool | None:
        return {"1": True, "0": False}.get(raw)

    def samples(self) -> tuple[str, ...]:
        return ("0", "1")


@dataclass(frozen=True)
class Day:
    """A calendar day as YYYYMMDD."""

    def read(self, raw: str) -> date | None:
        return parse_day_code(raw)

    def samples(self) -> tuple[str, ...]:
        return ("20260310", "20260309", "20991231")


def arg(spec: Spec, *, default: Any = MISSING) -> Any:
    """A button argument read by `spec` (optional when it has a default)."""
    return dataclasses.field(default=default, metadata={"spec": spec})


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, date):
        return day_code(value)
    return str(value)


# ---- typed buttons and their registry ---------------------------------------------------
@dataclass_transform(frozen_default=True, field_specifiers=(arg,))
class Button:
    """One feature action. Subclasses name `feature` and `action` in the class line; a base
    shared by several actions names neither and is not registered."""

    FEATURE: ClassVar[str] = ""
    ACTION: ClassVar[str] = ""
    NAMES: ClassVar[tuple[str, ...]] = ()   # the arguments in order (dataclasses.fields is slow per call)

    def __init_subclass__(cls, *, feature: str = "", action: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(frozen=True)(cls)
        cls.NAMES = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
        if feature or action:
            cls.FEATURE, cls.ACTION = feature, action
            REGISTRY.add(cls)

    def pack(self) -> str:
        return encode(self.FEATURE, self.ACTION, *(_text(getattr(self, name)) for name in self.NAMES))

    @classmethod
    def specs(cls) -> list[tuple[str, Spec, bool]]:
        """(name, spec, required) of each argument, in order."""
        return [(f.name, f.metadata["spec"], f.default is MISSING)
                for f in dataclasses.fields(cls)]  # type: ignore[arg-type]

    @classmethod
    def unpack(cls, args: tuple[str, ...]) -> Self | None:
        """The button from its arguments; None if one is missing or refused (extra ones are ignored)."""
        values = {}
        for i, (name, spec, required) in enumerate(cls.specs()):
            raw = args[i] if i < len(args) else ""
            if raw == "" and not required:
                continue
            value = spec.read(raw)
            if value is None:
                return None
            values[name] = value
        return cls(**values)


class Registry:
    """Every button class by (feature, action); refuses a second class for the same pair."""

    def __init__(self) -> None:
        self._classes: dict[tuple[str, str], type[Button]] = {}

    def add(self, cls: type[Button]) -> None:
        encode(cls.FEATURE, cls.ACTION)  # both must be valid, non-empty parts
        if not cls.FEATURE or not cls.ACTION:
            raise ValueError(f"{cls.__qualname__} needs both a feature and an action")
        key = (cls.FEATURE, cls.ACTION)
        old = self._classes.get(key)
        if old is not None and (old.__module__, old.__qualname__) != (cls.__module__, cls.__qualname__):
            raise ValueError(f"button data {cls.FEATURE}|{cls.ACTION} is declared twice: "
                             f"{old.__module__}.{old.__qualname__} and {cls.__module__}.{cls.__qualname__}")
        self._classes[key] = cls

    def read(self, data: str | None) -> Button | None:
        raw = decode(data)
        cls = self._classes.get((raw.feature, raw.action)) if raw else None
        return cls.unpack(raw.args) if cls is not None and raw is not None else None

    def classes(self) -> list[type[Button]]:
        return list(self._classes.values())

    def features(self) -> set[str]:
        return {feature for feature, _ in self._classes}


REGISTRY = Registry()
