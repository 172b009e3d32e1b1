"""A short, versioned codec for inline-button data (Telegram allows 1-64 bytes).

Format: "1|<feature>|<action>|<arg>|<arg>...". The data never carries identity:
the person is always update.effective_user; args are validated by each handler.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERSION = "1"
SEP = "|"
MAX_BYTES = 64
_PART_RE = re.compile(r"^[A-Za-z0-9_.:/+\-]*$")


@dataclass(frozen=True)
class Button:
    feature: str
    action: str
    args: tuple[str, ...] = ()

    def arg(self, index: int, default: str = "") -> str:
        return self.args[index] if index < len(self.args) else default

    def int_arg(self, index: int, lo: int, hi: int) -> int | None:
        """The index-th argument as an int within [lo, hi], else None."""
        try:
            value = int(self.arg(index))
        except ValueError:
            return None
        return value if lo <= value <= hi else None


def encode(feature: str, action: str, *args: object) -> str:
    parts = [VERSION, feature, action, *(str(a) for a in args)]
    for part in parts:
        if not _PART_RE.match(part):
            raise ValueError(f"callback part {part!r} has characters outside [A-Za-z0-9_.:/+-]")
    data = SEP.join(parts)
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data longer than {MAX_BYTES} bytes: {data!r}")
    return data


def decode(data: str | None) -> Button | None:
    """Parse button data; None for anything malformed, foreign or from an old version."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    parts = data.split(SEP)
    if len(parts) < 3 or parts[0] != VERSION or not all(_PART_RE.match(p) for p in parts):
        return None
    if not parts[1] or not parts[2]:
        return None
    return Button(parts[1], parts[2], tuple(parts[3:]))


def pattern(feature: str) -> re.Pattern[str]:
    """Regex for CallbackQueryHandler that routes one feature's buttons."""
    return re.compile(rf"^{VERSION}\|{re.escape(feature)}\|")
