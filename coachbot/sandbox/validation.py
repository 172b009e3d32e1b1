"""What Telegram accepts in a message: parse modes, text and caption lengths, keyboards.

Why: a message the real Bot API would refuse must fail the same way in tests.
"""

from __future__ import annotations

from typing import Any

from .html import parse_telegram_html
from .limits import MAX_CALLBACK_DATA, MAX_CAPTION, MAX_TEXT
from .models import ApiError
from .params import Params

__all__ = ["NOT_MODIFIED", "parse_markup", "parse_text"]

_INLINE_ACTIONS = {
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "callback_game",
    "pay",
    "copy_text",
}
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)


def parse_text(
    raw: str | None, parse_mode: str | None, entities: Any, caption: bool = False
) -> tuple[str, list[dict[str, Any]]]:
    """Apply parse_mode and Telegram's length rules; return (plain text, entities)."""
    raw = raw or ""
    if parse_mode and parse_mode.lower() == "html":
        try:
            plain, ents = parse_telegram_html(raw)
        except ValueError as exc:
            raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from None
    else:
        plain = raw
        ents = entities if isinstance(entities, list) else []
    if caption:
        if len(plain) > MAX_CAPTION:
            raise ApiError(400, "Bad Request: message caption is too long")
    else:
        if not plain.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(plain) > MAX_TEXT:
            raise ApiError(400, "Bad Request: message is too long")
    return plain, ents


def _rows(markup: dict[str, Any], field: str, kind: str) -> list[list[Any]]:
    rows = markup[field]
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise ApiError(
            400, f'Bad Request: field "{field}" of the {kind} should be an Array of Arrays'
        )
    return rows


def parse_markup(params: Params, inline_only: bool = False) -> dict[str, Any] | None:
    """Validate reply_markup like Telegram; empty inline keyboards normalise to None."""
    markup = params.get_json("reply_markup")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        rows = _rows(markup, "inline_keyboard", "InlineKeyboardMarkup")
        for row in rows:
            for btn in row:
                _check_inline_button(btn)
        return markup if any(rows) else None
    if inline_only:
        raise ApiError(400, "Bad Request: inline keyboard expected")
    if "keyboard" in markup:
        for row in _rows(markup, "keyboard", "ReplyKeyboardMarkup"):
            for btn in row:
                if not isinstance(btn, str) and not (
                    isinstance(btn, dict) and isinstance(btn.get("text"), str)
                ):
                    raise ApiError(400, "Bad Request: can't parse keyboard button")
        return markup
    if markup.get("remove_keyboard") or markup.get("force_reply"):
        return markup
    raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")


def _check_inline_button(btn: Any) -> None:
    if not isinstance(btn, dict) or not isinstance(btn.get("text"), str):
        raise ApiError(
            400,
            'Bad Request: can\'t parse inline keyboard button: Field "text" must be of type String',
        )
    if not _INLINE_ACTIONS & set(btn):
        raise ApiError(
            400,
            "Bad Request: can't parse inline keyboard button: "
            "Text buttons are unallowed in the inline keyboard",
        )
    if "callback_data" in btn:
        data = btn["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA:
            raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
    if "url" in btn:
        url = btn["url"]
        if not isinstance(url, str) or not url.startswith(("http://", "https://", "tg://")):
            raise ApiError(400, f"Bad Request: inline keyboard button URL '{url}' is invalid")
