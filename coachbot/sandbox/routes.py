"""The Bot API methods the sandbox answers, one function each, and the table that names them.

Why: a reader looking for "what does sendMessage check?" finds it here; the state they
read and change is in :mod:`.chats` and :mod:`.files`, the limits in :mod:`.limits`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from .chats import Content
from .models import ApiError, BotMessage
from .params import Params
from .validation import NOT_MODIFIED, parse_markup, parse_text

if TYPE_CHECKING:
    from .server import Sandbox
    from .user import SandboxUser

__all__ = ["RECORD_ONLY", "BotApi"]

Method = Callable[[Params], Awaitable[Any]]

# Methods that only need a successful, recorded response.
RECORD_ONLY = {
    "close",
    "logout",
    "setmydescription",
    "setmyshortdescription",
    "setmyname",
    "setchatmenubutton",
}


def scope_key(scope: dict[str, Any] | None, language_code: str | None) -> tuple[str, str]:
    scope = scope or {"type": "default"}
    return json.dumps(scope, sort_keys=True), language_code or ""


class BotApi:
    """Bot API methods over the sandbox's state; ``methods`` maps lower-case names to them."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sb = sandbox
        self.chats = sandbox.chats
        self.files = sandbox.files
        self.webhook_url: str | None = None
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.methods: dict[str, Method] = {
            "getme": self.get_me,
            "deletewebhook": self.delete_webhook,
            "setwebhook": self.set_webhook,
            "getwebhookinfo": self.get_webhook_info,
            "getupdates": self.get_updates,
            "sendmessage": self.send_message,
            "editmessagetext": self.edit_message_text,
            "editmessagecaption": self.edit_message_caption,
            "editmessagereplymarkup": self.edit_message_reply_markup,
            "answercallbackquery": self.answer_callback_query,
            "setmycommands": self.set_my_commands,
            "getmycommands": self.get_my_commands,
            "deletemycommands": self.delete_my_commands,
            "sendphoto": self.send_photo,
            "senddocument": self.send_document,
            "getfile": self.get_file,
            "sendchataction": self.send_chat_action,
            "deletemessage": self.delete_message,
        }

    # ------------------------------------------------------------ checks shared by methods
    def _chat_user(self, params: Params) -> SandboxUser:
        chat_id = params.chat_id()
        if chat_id is None:
            if params.values.get("chat_id") in (None, ""):
                raise ApiError(400, "Bad Request: chat_id is empty")
            raise ApiError(400, "Bad Request: chat not found")
        user = self.chats.users.get(chat_id)
        if user is None:
            raise ApiError(400, "Bad Request: chat not found")
        return user

    def _sendable_user(self, params: Params) -> SandboxUser:
        user = self._chat_user(params)
        if user.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return user

    def _find_editable(self, params: Params) -> BotMessage:
        if params.values.get("inline_message_id"):
            raise ApiError(400, "Bad Request: MESSAGE_ID_INVALID")
        user = self._chat_user(params)
        return self.chats.editable(user, params.get_int("message_id") or 0)

    def _apply_edit(self, msg: BotMessage, content: Content) -> dict[str, Any]:
        if content.same_as(msg):
            raise ApiError(400, NOT_MODIFIED)
        self.sb.check_flood(msg.chat_id)
        self.chats.edit(msg, content)
        return self.chats.message_api(msg)

    # ------------------------------------------------------------ bot and webhook
    async def get_me(self, params: Params) -> Any:
        return {
            **self.chats.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def delete_webhook(self, params: Params) -> Any:
        self.webhook_url = None
        if params.get_bool("drop_pending_updates"):
            self.chats.drop_pending()
        return True

    async def set_webhook(self, params: Params) -> Any:
        self.webhook_url = params.get_str("url") or None
        return True

    async def get_webhook_info(self, params: Params) -> Any:
        return {
            "url": self.webhook_url or "",
            "has_custom_certificate": False,
            "pending_update_count": len(self.chats.updates),
        }

    async def get_updates(self, params: Params) -> Any:
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = params.get_int("offset")
        limit = max(1, min(100, params.get_int("limit", 100) or 100))
        timeout = max(0.0, params.get_float("timeout", 0.0))
        allowed = params.get_json("allowed_updates")
        if isinstance(allowed, list):
            self.chats.allowed_updates = set(allowed) or None
        self.chats.confirm(offset)
        deadline = time.monotonic() + timeout
        while True:
            batch = self.chats.take(limit)
            remaining = deadline - time.monotonic()
            if batch or self.sb.closing or remaining <= 0:
                return batch
            await self.sb.wait_change(remaining)

    # ------------------------------------------------------------ messages
    async def send_message(self, params: Params) -> Any:
        user = self._sendable_user(params)
        raw = params.get_str("text")
        parse_mode = params.get_str("parse_mode")
        text, entities = parse_text(raw, parse_mode, params.get_json("entities"))
        markup = parse_markup(params)
        self.sb.check_flood(user.id)
        msg = self.chats.new_message(
            user,
            kind="text",
            text=text,
            html=raw,
            parse_mode=parse_mode,
            entities=entities,
            reply_markup=markup,
        )
        return self.chats.message_api(msg)

    async def _send_media(self, params: Params, kind: str) -> Any:
        user = self._sendable_user(params)
        raw = params.get_str("caption")
        parse_mode = params.get_str("parse_mode")
        caption, entities = parse_text(
            raw, parse_mode, params.get_json("caption_entities"), caption=True
        )
        markup = parse_markup(params)
        stored = self.files.upload(params, kind, "photos" if kind == "photo" else "documents")
        self.sb.check_flood(user.id)
        msg = self.chats.new_message(
            user,
            kind=kind,
            text=caption or None,
            html=raw,
            parse_mode=parse_mode,
            entities=entities,
            reply_markup=markup,
            file_bytes=stored.data,
            filename=stored.filename,
            mime_type=stored.mime_type,
            file_id=stored.file_id,
            media=self.files.media_fields(stored, kind),
        )
        return self.chats.message_api(msg)

    async def send_photo(self, params: Params) -> Any:
        return await self._send_media(params, "photo")

    async def send_document(self, params: Params) -> Any:
        return await self._send_media(params, "document")

    async def edit_message_text(self, params: Params) -> Any:
        msg = self._find_editable(params)
        if msg.kind != "text":
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        raw = params.get_str("text")
        parse_mode = params.get_str("parse_mode")
        text, entities = parse_text(raw, parse_mode, params.get_json("entities"))
        markup = parse_markup(params, inline_only=True)
        return self._apply_edit(msg, Content(raw, parse_mode, text, entities, markup))

    async def edit_message_caption(self, params: Params) -> Any:
        msg = self._find_editable(params)
        if msg.kind == "text":
            raise ApiError(400, "Bad Request: there is no caption in the message to edit")
        raw = params.get_str("caption")
        parse_mode = params.get_str("parse_mode")
        caption, entities = parse_text(
            raw, parse_mode, params.get_json("caption_entities"), caption=True
        )
        markup = parse_markup(params, inline_only=True)
        return self._apply_edit(msg, Content(raw, parse_mode, caption or None, entities, markup))

    async def edit_message_reply_markup(self, params: Params) -> Any:
        msg = self._find_editable(params)
        markup = parse_markup(params, inline_only=True)
        return self._apply_edit(
            msg, Content(msg.html, msg.parse_mode, msg.text, msg.entities, markup)
        )

    async def delete_message(self, params: Params) -> Any:
        user = self._chat_user(params)
        if not self.chats.delete(user.id, params.get_int("message_id") or 0):
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    async def send_chat_action(self, params: Params) -> Any:
        self._sendable_user(params)
        return True

    async def answer_callback_query(self, params: Params) -> Any:
        query_id = params.get_str("callback_query_id") or ""
        user = self.chats.queries.pop(query_id, None)
        if user is None:
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        text = params.get_str("text")
        if text is not None and len(text) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        user.answers.append((text, params.get_bool("show_alert")))
        self.chats.notify()
        return True

    # ------------------------------------------------------------ commands and files
    async def set_my_commands(self, params: Params) -> Any:
        commands = params.get_json("commands")
        if not isinstance(commands, list):
            raise ApiError(400, "Bad Request: can't parse commands JSON object")
        if len(commands) > 100:
            raise ApiError(400, "Bad Request: too many commands")
        for cmd in commands:
            if not isinstance(cmd, dict):
                raise ApiError(400, "Bad Request: can't parse BotCommand")
            name = str(cmd.get("command", ""))
            desc = str(cmd.get("description", ""))
            if not 1 <= len(name) <= 32 or not all(
                c.islower() or c.isdigit() or c == "_" for c in name
            ):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(desc) <= 256:
                raise ApiError(400, "Bad Request: command description is empty")
        key = scope_key(params.get_json("scope"), params.get_str("language_code"))
        self.commands[key] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    async def get_my_commands(self, params: Params) -> Any:
        key = scope_key(params.get_json("scope"), params.get_str("language_code"))
        return list(self.commands.get(key, []))

    async def delete_my_commands(self, params: Params) -> Any:
        key = scope_key(params.get_json("scope"), params.get_str("language_code"))
        self.commands.pop(key, None)
        return True

    async def get_file(self, params: Params) -> Any:
        return self.files.get_file(params.get_str("file_id") or "")
