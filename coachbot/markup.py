"""Inline keyboards of callback buttons, cheap to build and to send.

Every screen the bot shows carries an inline keyboard of (label, callback data) buttons. PTB's
`InlineKeyboardMarkup` of `InlineKeyboardButton`s costs about 120 µs to build for nine buttons
(each button is a frozen object with a dozen attributes) and about 80 µs more to turn back into
a dict when it is sent: a fifth of the bot's CPU per check-in tap (README, Performance).

`Keyboard` is an `InlineKeyboardMarkup` that keeps the (label, data) rows as they are: `to_dict`
(what PTB sends) writes the dict straight from them, and the `InlineKeyboardButton` objects are
built only when something reads `inline_keyboard` (tests, or the reminders engine joining two
keyboards), then kept. Equal and hashed like the markup of the same buttons.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, TelegramObject

Row = Sequence[tuple[str, str]]


class Keyboard(InlineKeyboardMarkup):
    """An inline keyboard from [[(label, callback_data), ...], ...]; empty rows are left out."""

    __slots__ = ("_rows",)

    def __init__(self, rows: Iterable[Row]) -> None:
        TelegramObject.__init__(self)  # InlineKeyboardMarkup's own __init__ would build the buttons
        self._rows: tuple[tuple[tuple[str, str], ...], ...] = tuple(tuple(row) for row in rows if row)
        # `inline_keyboard` and `_id_attrs` stay unset until read: __getattr__ builds them then.
        del self._id_attrs
        self._freeze()

    @property
    def rows(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        """The (label, callback_data) rows."""
        return self._rows

    def __getattr__(self, name: str) -> Any:
        # Only called when the normal look-up fails, i.e. for the two slots left unset above.
        if name not in ("inline_keyboard", "_id_attrs"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        buttons = tuple(tuple(InlineKeyboardButton(label, callback_data=data) for label, data in row)
                        for row in self._rows)
        with self._unfrozen():
            self.inline_keyboard = buttons
            self._id_attrs = (buttons,)
        return buttons if name == "inline_keyboard" else self._id_attrs

    def to_dict(self, recursive: bool = True) -> dict[str, Any]:
        """What PTB's markup of the same buttons gives: {"inline_keyboard": [[{"callback_data", "text"}]]}."""
        return {"inline_keyboard": [[{"callback_data": data, "text": label} for label, data in row]
                                    for row in self._rows]}
