"""LeanBot: edits report True instead of a parsed Message, errors still raise, sends still return messages."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from telegram import (
    InputFile,
    LinkPreviewOptions,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from coachbot.bot import (
    RESULT_UNREAD,
    LeanBot,
    PressedMessage,
    parse_update,
    plain_parameters,
    sent_unread,
)
from coachbot.markup import Keyboard
from coachbot.pacer import background_sends
from coachbot.sandbox import Sandbox
from coachbot.telegram_http import AiohttpRequest

TOKEN = "1234567:TEST-token-not-real-TEST-token-00001"
ROOT = Path(__file__).resolve().parents[1] / "coachbot"
EDIT_CALLS = r"(edit_message_text|edit_message_reply_markup|edit_message_caption|edit_text|edit_reply_markup|edit_caption)"


async def test_edits_are_true_sends_are_messages_and_errors_still_raise() -> None:
    async with Sandbox(token=TOKEN, rate_limits=False) as sb:
        user = sb.user(7)
        bot = LeanBot(TOKEN, base_url=sb.base_url, request=AiohttpRequest(), get_updates_request=AiohttpRequest())
        async with bot:
            sent = await bot.send_message(user.chat_id, "first")
            assert isinstance(sent, Message) and sent.text == "first"
            assert await bot.edit_message_text("second", user.chat_id, sent.message_id) is True
            assert user.last.text == "second"
            with pytest.raises(BadRequest, match="not modified"):
                await bot.edit_message_text("second", user.chat_id, sent.message_id)
            with background_sends():                       # a reminder: accepted is all the sender needs
                assert await bot.send_message(user.chat_id, "reminder") is True
            assert user.last.text == "reminder"
            with sent_unread():                            # a handler's message nobody reads back
                assert await bot.send_message(user.chat_id, "<b>Twitches?</b>", parse_mode="HTML") is True
            assert user.last.text == "Twitches?"
            assert isinstance(await bot.send_message(user.chat_id, "after"), Message)


def test_no_code_reads_what_an_edit_returns() -> None:
    assert RESULT_UNREAD == {"editMessageText", "editMessageReplyMarkup", "editMessageCaption"}
    reads = re.compile(rf"(=|return|\()\s*await\s+[\w.()\[\]]*\.{EDIT_CALLS}\(")
    offenders = [f"{path.relative_to(ROOT)}:{n}" for path in ROOT.rglob("*.py")
                 for n, line in enumerate(path.read_text().splitlines(), 1) if reads.search(line)]
    assert offenders == []


async def test_a_pressed_button_arrives_with_its_message_id_chat_and_date_only() -> None:
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup

    async with Sandbox(token=TOKEN, rate_limits=False) as sb:
        user = sb.user(7)
        bot = LeanBot(TOKEN, base_url=sb.base_url, request=AiohttpRequest(), get_updates_request=AiohttpRequest())
        async with bot:
            markup = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="1|c|t|yes")]])
            await bot.send_message(user.chat_id, "<b>Twitches today?</b>", parse_mode="HTML", reply_markup=markup)
            await user.press_data("1|c|t|yes", user.last)
            await user.send("hello")
            pressed, typed = await bot.get_updates(timeout=0)
    query = pressed.callback_query
    assert query is not None and query.data == "1|c|t|yes" and query.from_user.id == user.id
    assert query.message.message_id == user.last.message_id and query.message.chat.id == user.chat_id
    assert query.message.is_accessible and query.message.date.year >= 2026
    assert isinstance(query.message, PressedMessage) and pressed.effective_message is query.message
    assert query.message.text is None and query.message.reply_markup is None and query.message.from_user is None
    assert typed.message.text == "hello" and typed.message.from_user.id == user.id, "typed messages stay whole"


def test_no_handler_reads_more_of_a_pressed_message_than_its_id_chat_and_date() -> None:
    """What a button's handler may read of `query.message` (and nothing reads its keyboard anywhere)."""
    allowed = {"message_id", "chat", "date", "is_accessible"}
    pressed = re.compile(r"query\.message\.(\w+)")
    keyboard = re.compile(r"(query|message|effective_message)\.reply_markup\b")
    offenders = [f"{path.relative_to(ROOT)}:{n}" for path in ROOT.rglob("*.py") if "sandbox" not in path.parts
                 for n, line in enumerate(path.read_text().splitlines(), 1)
                 if keyboard.search(line) or set(pressed.findall(line)) - allowed]
    assert offenders == []


PRESS = {"id": "99", "from": {"id": 7, "is_bot": False, "first_name": "Ann", "language_code": "es"},
         "chat_instance": "-55", "data": "1|c|t|yes",
         "message": {"message_id": 10, "chat": {"id": 7, "type": "private", "first_name": "Ann"}, "date": 1796000000}}


def _press(**changes: object) -> dict:
    query = {**PRESS, **changes}
    return {"update_id": 5, "callback_query": {key: value for key, value in query.items() if value is not None}}


@pytest.mark.parametrize(("raw", "short_way"), [
    (_press(), True),
    (_press(data=None), True),                                            # a press without data
    (_press(message={**PRESS["message"], "date": 0}), True),              # under a message over two days old
    (_press(game_short_name="g"), False),                                 # anything unusual: PTB parses it
    (_press(message={**PRESS["message"], "text": "hi"}), False),
    ({"update_id": 6, "message": {"message_id": 3, "date": 1796000000, "text": "hi",
                                  "chat": {"id": 7, "type": "private"}}}, False),
])
def test_a_press_built_directly_reads_the_same_as_ptbs_parse(raw: dict, short_way: bool) -> None:
    bot = LeanBot(TOKEN)
    ours, ptb = parse_update(raw, bot), Update.de_json(raw, bot)
    assert isinstance(ours.callback_query.message if ours.callback_query else None, PressedMessage) == short_way
    assert ours.update_id == ptb.update_id and ours.effective_user == ptb.effective_user
    assert ours.effective_chat == ptb.effective_chat and ours.effective_chat.type == ptb.effective_chat.type
    if ptb.callback_query is not None:
        mine, theirs = ours.callback_query, ptb.callback_query
        assert (mine.id, mine.data, mine.chat_instance) == (theirs.id, theirs.data, theirs.chat_instance)
        assert mine.from_user.language_code == theirs.from_user.language_code
        assert (mine.message.message_id, mine.message.date, mine.message.is_accessible) == \
            (theirs.message.message_id, theirs.message.date, theirs.message.is_accessible)
        assert mine.get_bot() is bot and mine.message.get_bot() is bot
        every_field = [name for cls in type(theirs.message).__mro__ for name in getattr(cls, "__slots__", ())]
        assert {name: getattr(mine.message, name) for name in every_field if not name.startswith("_")} == \
            {name: getattr(theirs.message, name) for name in every_field if not name.startswith("_")}
        assert ours.effective_message == ptb.effective_message and mine.message.effective_attachment is None
    else:
        assert ours.message.text == ptb.message.text


def _ptb_parameters(data: dict) -> dict:
    """What PTB itself would build (RequestParameter is private: this test pins the contract)."""
    return RequestData([RequestParameter.from_input(key, value) for key, value in data.items()]).parameters


def _calls() -> list[dict]:
    return [
        {"chat_id": 7, "message_id": 10, "text": "<b>Sleep?</b>", "parse_mode": ParseMode.HTML,
         "reply_markup": Keyboard([[("5 h", "1|c|s|5"), ("7 h", "1|c|s|7")], [("Back", "1|c|b")]]),
         "link_preview_options": LinkPreviewOptions(is_disabled=True)},
        {"callback_query_id": "99", "text": "Saved", "show_alert": False, "cache_time": 0},
        {"timeout": 1, "offset": 12, "allowed_updates": ["message", "callback_query"]},
        {"chat_id": 7, "text": "hi", "reply_markup": ReplyKeyboardMarkup([["Madrid"]], one_time_keyboard=True)},
        {"chat_id": 7, "text": "hi", "reply_markup": ReplyKeyboardRemove(), "latitude": 40.4},
        {"chat_id": 7, "until_date": datetime(2026, 12, 1, tzinfo=UTC)},          # PTB's way: a date
        {"chat_id": 7, "document": InputFile(b"data", filename="x.csv")},         # PTB's way: a file
        {"chat_id": 7, "text": "hi", "reply_parameters": ReplyParameters(3)},    # PTB's way: any other object
    ]


@pytest.mark.parametrize("data", _calls())
def test_a_plain_call_sends_exactly_what_ptb_would_and_anything_else_is_left_to_ptb(data: dict) -> None:
    plain = plain_parameters(data)
    assert (plain is None) == any(key in data for key in ("until_date", "document", "reply_parameters"))
    assert plain is None or plain == _ptb_parameters(data)
