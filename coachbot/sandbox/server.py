"""Loopback Telegram Bot API emulator served over real HTTP.

Why: driving the unmodified python-telegram-bot client against a local server
exercises the bot's real serialisation, error handling and retry paths, while
enforcing Telegram's limits (text length, callback_data size, HTML validity,
flood control) so violations surface in tests rather than in production.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
import struct
import time
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any

from aiohttp import web

from .html import parse_telegram_html
from .models import (
    ApiError,
    BotMessage,
    Call,
    Fault,
    StoredFile,
    TokenBucket,
    retry_after_seconds,
)
from .user import SandboxUser

__all__ = ["Sandbox"]

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_UPLOAD = 50 * 1024 * 1024
MAX_DOWNLOAD = 20 * 1024 * 1024

# Methods subject to flood control and to the "blocked by the user" check.
_SEND_METHODS = {"sendmessage", "sendphoto", "senddocument"}
_EDIT_METHODS = {"editmessagetext", "editmessagereplymarkup", "editmessagecaption"}
_RATE_LIMITED = _SEND_METHODS | _EDIT_METHODS
# Methods that only need a successful, recorded response.
_RECORD_ONLY = {
    "close",
    "logout",
    "setmydescription",
    "setmyshortdescription",
    "setmyname",
    "setchatmenubutton",
}
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
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)

Handler = Callable[["_Params"], Awaitable[Any]]


class _Params:
    """Typed access to form/multipart/JSON request parameters (all arrive as strings)."""

    def __init__(
        self, values: dict[str, Any], files: dict[str, tuple[bytes, str | None, str | None]]
    ):
        self.values = values
        self.files = files

    def get_str(self, name: str) -> str | None:
        v = self.values.get(name)
        if v is None:
            return None
        return v if isinstance(v, str) else json.dumps(v)

    def get_int(self, name: str, default: int | None = None) -> int | None:
        v = self.values.get(name)
        if v is None or v == "":
            return default
        try:
            return int(v)
        except (TypeError, ValueError):
            raise ApiError(400, f"Bad Request: invalid {name} specified") from None

    def get_float(self, name: str, default: float = 0.0) -> float:
        v = self.values.get(name)
        if v is None or v == "":
            return default
        try:
            return float(v)
        except (TypeError, ValueError):
            raise ApiError(400, f"Bad Request: invalid {name} specified") from None

    def get_bool(self, name: str) -> bool:
        v = self.values.get(name)
        if isinstance(v, str):
            return v.lower() in ("true", "1")
        return bool(v)

    def get_json(self, name: str) -> Any:
        v = self.values.get(name)
        if isinstance(v, str):
            try:
                return json.loads(v)
            except ValueError:
                raise ApiError(400, f"Bad Request: can't parse {name} JSON object") from None
        return v

    def chat_id(self) -> int | None:
        v = self.values.get("chat_id")
        if v is None:
            return None
        try:
            return int(v)
        except (TypeError, ValueError):
            return None


def _png_size(data: bytes) -> tuple[int, int] | None:
    """Width/height from a PNG header, so photo sizes look plausible for charts."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        w, h = struct.unpack(">II", data[16:24])
        return int(w), int(h)
    return None


class Sandbox:
    """In-process Telegram Bot API server for tests and benchmarks.

    Why: lets the real PTB client run end-to-end against Telegram-like rules
    (limits, flood control, faults) without network access or a real bot token.
    """

    def __init__(
        self,
        global_rate: float = 30.0,
        per_chat_rate: float = 1.0,
        per_chat_burst: int = 3,
        rate_limits: bool = True,
        speedup: float = 1.0,
        token: str | None = None,
        *,
        global_burst: float | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        settle: float = 0.05,
    ) -> None:
        self.global_rate = global_rate * speedup
        self.per_chat_rate = per_chat_rate * speedup
        self.per_chat_burst = per_chat_burst
        self.global_burst = global_burst if global_burst is not None else global_rate
        self.rate_limits = rate_limits
        self.speedup = speedup
        self.token = token
        self.host = host
        self.port = port
        self.settle = settle
        bot_id = int(token.split(":")[0]) if token and token.split(":")[0].isdigit() else 123
        self.bot_user: dict[str, Any] = {
            "id": bot_id,
            "is_bot": True,
            "first_name": "CoachBot",
            "username": "coachbot_sandbox_bot",
        }

        self.calls: list[Call] = []
        self.count_429 = 0
        self.sent_at: list[tuple[float, int]] = []
        self.webhook_url: str | None = None
        self.faults: list[Fault] = []
        self._commands: dict[tuple[str, str], list[dict[str, Any]]] = {}

        self._users: dict[int, SandboxUser] = {}
        self._bot_messages: dict[int, dict[int, BotMessage]] = {}
        self._user_messages: dict[int, dict[int, dict[str, Any]]] = {}
        self._msg_counter: dict[int, itertools.count[int]] = {}
        self._update_ids = itertools.count(1)
        self._updates: list[dict[str, Any]] = []
        self._delivered_upto = 0
        self._allowed_updates: set[str] | None = None
        self._files: dict[str, StoredFile] = {}
        self._files_by_path: dict[str, StoredFile] = {}
        self._file_counter = itertools.count(1)
        self._queries: dict[str, SandboxUser] = {}
        self._query_counter = itertools.count(1)
        self._global_bucket = TokenBucket(self.global_rate, self.global_burst)
        self._chat_buckets: dict[int, TokenBucket] = {}

        self._changed = asyncio.Event()
        self._inflight = 0
        self._last_activity = time.monotonic()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._handlers: dict[str, Handler] = {
            "getme": self._get_me,
            "deletewebhook": self._delete_webhook,
            "setwebhook": self._set_webhook,
            "getwebhookinfo": self._get_webhook_info,
            "getupdates": self._get_updates,
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "editmessagecaption": self._edit_message_caption,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "answercallbackquery": self._answer_callback_query,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletemycommands": self._delete_my_commands,
            "sendphoto": self._send_photo,
            "senddocument": self._send_document,
            "getfile": self._get_file,
            "sendchataction": self._send_chat_action,
            "deletemessage": self._delete_message,
        }

    # ------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        """Serve on host:port (port 0 picks a free one)."""
        app = web.Application(client_max_size=MAX_UPLOAD + 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        self.port = sock.getsockname()[1]
        site = web.SockSite(self._runner, sock)
        await site.start()
        self._closing = False

    async def stop(self) -> None:
        """Stop serving; wakes long polls so shutdown is quick."""
        self._closing = True
        self._bump()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Sandbox:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """Value for ``ApplicationBuilder().base_url``."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for ``ApplicationBuilder().base_file_url``."""
        return f"http://{self.host}:{self.port}/file/bot"

    # ------------------------------------------------------------ public API
    def user(
        self,
        user_id: int,
        first_name: str = "Test",
        language_code: str | None = "en",
        username: str | None = None,
        last_name: str | None = None,
    ) -> SandboxUser:
        """Get or create the user (and private chat) with this id."""
        if user_id not in self._users:
            self._users[user_id] = SandboxUser(
                self, user_id, first_name, language_code, username, last_name
            )
        return self._users[user_id]

    @property
    def commands(self) -> list[dict[str, Any]]:
        """Commands set for the default scope and no language."""
        return self.commands_for()

    def commands_for(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, Any]]:
        """Commands set for a given scope/language (exact match, like getMyCommands)."""
        return list(self._commands.get(self._scope_key(scope, language_code), []))

    def inject(self, fault: Fault) -> None:
        """Add a fault; earlier faults take precedence."""
        self.faults.append(fault)

    def clear_faults(self) -> None:
        """Remove all faults."""
        self.faults.clear()

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet acknowledged by the bot (useful when debugging tests)."""
        return list(self._updates)

    async def wait_idle(self, timeout: float = 5.0) -> None:
        """Wait until all updates were fetched and no request ran for ``settle`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            now = time.monotonic()
            busy = self._inflight > 0 or self._has_unfetched()
            quiet_for = now - self._last_activity
            if not busy and quiet_for >= self.settle:
                return
            remaining = deadline - now
            if remaining <= 0:
                raise TimeoutError(
                    f"sandbox not idle after {timeout}s: in-flight={self._inflight}, "
                    f"unfetched updates={sum(1 for u in self._updates if u['update_id'] > self._delivered_upto)}"
                )
            wait = remaining if busy else min(remaining, self.settle - quiet_for)
            await self._wait_change(wait)

    # ------------------------------------------------------------ internals: state
    def _bump(self) -> None:
        """Wake every waiter (long polls, wait_for, wait_idle) after a state change."""
        ev = self._changed
        self._changed = asyncio.Event()
        ev.set()

    async def _wait_change(self, timeout: float) -> None:
        ev = self._changed
        try:
            await asyncio.wait_for(ev.wait(), max(0.0, timeout))
        except TimeoutError:
            pass

    async def _wait_until(
        self, find: Callable[[], BotMessage | None], timeout: float
    ) -> BotMessage | None:
        deadline = time.monotonic() + timeout
        while True:
            found = find()
            if found is not None:
                return found
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            await self._wait_change(remaining)

    def _has_unfetched(self) -> bool:
        return any(u["update_id"] > self._delivered_upto for u in self._updates)

    def _next_message_id(self, chat_id: int) -> int:
        counter = self._msg_counter.setdefault(chat_id, itertools.count(1))
        return next(counter)

    def _push_update(self, payload: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, **payload})
        self._bump()
        return update_id

    def _push_callback(self, user: SandboxUser, msg: BotMessage, data: str) -> str:
        query_id = f"{user.id}{next(self._query_counter):08d}"
        self._queries[query_id] = user
        self._push_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user.to_api(),
                    "message": self._message_api(msg),
                    "chat_instance": str(-(user.id * 7 + 13)),
                    "data": data,
                }
            }
        )
        return query_id

    def _push_member_update(self, user: SandboxUser, old: str, new: str) -> None:
        def member(status: str) -> dict[str, Any]:
            d: dict[str, Any] = {"user": self.bot_user, "status": status}
            if status == "kicked":
                d["until_date"] = 0
            return d

        self._push_update(
            {
                "my_chat_member": {
                    "chat": user.chat_api(),
                    "from": user.to_api(),
                    "date": int(time.time()),
                    "old_chat_member": member(old),
                    "new_chat_member": member(new),
                }
            }
        )

    def _store_file(
        self, data: bytes, filename: str | None, mime_type: str | None, folder: str
    ) -> StoredFile:
        n = next(self._file_counter)
        ext = ""
        if filename and "." in filename:
            ext = "." + filename.rsplit(".", 1)[1]
        elif folder == "photos":
            ext = ".jpg"
        stored = StoredFile(
            file_id=f"SBX{folder[:3].upper()}{n:06d}",
            file_unique_id=f"U{n:06d}",
            data=data,
            file_path=f"{folder}/file_{n}{ext}",
            filename=filename,
            mime_type=mime_type,
        )
        self._files[stored.file_id] = stored
        self._files_by_path[stored.file_path] = stored
        return stored

    @staticmethod
    def _scope_key(scope: dict[str, Any] | None, language_code: str | None) -> tuple[str, str]:
        scope = scope or {"type": "default"}
        return json.dumps(scope, sort_keys=True), language_code or ""

    # ------------------------------------------------------------ internals: HTTP
    async def _read_params(self, request: web.Request) -> _Params:
        values: dict[str, Any] = dict(request.query)
        files: dict[str, tuple[bytes, str | None, str | None]] = {}
        ctype = request.content_type
        if ctype == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                values.update(body)
        elif request.can_read_body:
            form = await request.post()
            for key, val in form.items():
                if isinstance(val, web.FileField):
                    files[key] = (val.file.read(), val.filename, val.content_type)
                else:
                    values[key] = val
        return _Params(values, files)

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        lower = method.lower()
        is_poll = lower == "getupdates"
        chat_id: int | None = None
        if not is_poll:
            self._inflight += 1
        self._last_activity = time.monotonic()
        self._bump()
        status = 200
        try:
            if self.token is not None and request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            params = await self._read_params(request)
            chat_id = params.chat_id()
            if lower == "answercallbackquery":
                user = self._queries.get(params.get_str("callback_query_id") or "")
                chat_id = user.id if user else None
            handler = self._handlers.get(lower)
            if handler is None and lower not in _RECORD_ONLY:
                raise ApiError(404, "Not Found")
            await self._apply_faults(method, chat_id)
            result = await handler(params) if handler is not None else True
            body: dict[str, Any] = {"ok": True, "result": result}
        except ApiError as err:
            status = err.code
            body = err.envelope()
            if status == 429:
                self.count_429 += 1
        finally:
            if not is_poll:
                self._inflight -= 1
            self._last_activity = time.monotonic()
            self._bump()
        error = None if status == 200 else str(body.get("description", ""))
        self.calls.append(Call(method, chat_id, status, time.monotonic(), error))
        return web.json_response(body, status=status)

    async def _apply_faults(self, method: str, chat_id: int | None) -> None:
        for fault in self.faults:
            if not fault.matches(method, chat_id):
                continue
            if fault.kind == "slow":
                await asyncio.sleep(fault.delay)
                continue
            if fault.kind == "429":
                raise ApiError(
                    429,
                    f"Too Many Requests: retry after {fault.retry_after}",
                    {"retry_after": fault.retry_after},
                )
            if fault.kind == "502":
                raise ApiError(502, "Bad Gateway")
            raise ApiError(500, "Internal Server Error")

    async def _handle_file(self, request: web.Request) -> web.Response:
        if self.token is not None and request.match_info["token"] != self.token:
            status = 401
            resp = web.json_response(ApiError(401, "Unauthorized").envelope(), status=401)
        else:
            stored = self._files_by_path.get(request.match_info["path"])
            if stored is None:
                status = 404
                resp = web.json_response(ApiError(404, "Not Found").envelope(), status=404)
            else:
                status = 200
                resp = web.Response(
                    body=stored.data, content_type=stored.mime_type or "application/octet-stream"
                )
        self.calls.append(Call("file", None, status, time.monotonic()))
        self._last_activity = time.monotonic()
        self._bump()
        return resp

    # ------------------------------------------------------------ validation helpers
    def _chat_user(self, params: _Params) -> SandboxUser:
        chat_id = params.chat_id()
        if chat_id is None:
            if params.values.get("chat_id") in (None, ""):
                raise ApiError(400, "Bad Request: chat_id is empty")
            raise ApiError(400, "Bad Request: chat not found")
        user = self._users.get(chat_id)
        if user is None:
            raise ApiError(400, "Bad Request: chat not found")
        return user

    def _check_blocked(self, user: SandboxUser) -> None:
        if user.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")

    def _check_rate(self, chat_id: int) -> None:
        """Flood control: global and per-chat token buckets, checked before consuming either."""
        if not self.rate_limits:
            return
        now = time.monotonic()
        bucket = self._chat_buckets.get(chat_id)
        if bucket is None:
            bucket = self._chat_buckets[chat_id] = TokenBucket(
                self.per_chat_rate, self.per_chat_burst
            )
        wait = max(self._global_bucket.wait_time(now), bucket.wait_time(now))
        if wait > 0:
            n = retry_after_seconds(wait)
            raise ApiError(429, f"Too Many Requests: retry after {n}", {"retry_after": n})
        self._global_bucket.take(now)
        bucket.take(now)

    def _record_send(self, chat_id: int) -> None:
        self.sent_at.append((time.monotonic(), chat_id))

    @staticmethod
    def _parse_text(
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

    @staticmethod
    def _parse_markup(params: _Params, inline_only: bool = False) -> dict[str, Any] | None:
        """Validate reply_markup like Telegram; empty inline keyboards normalise to None."""
        markup = params.get_json("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            rows = markup["inline_keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise ApiError(
                    400,
                    'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup '
                    "should be an Array of Arrays",
                )
            for row in rows:
                for btn in row:
                    Sandbox._check_inline_button(btn)
            if not any(rows):
                return None
            return markup
        if inline_only:
            raise ApiError(400, "Bad Request: inline keyboard expected")
        if "keyboard" in markup:
            rows = markup["keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise ApiError(
                    400,
                    'Bad Request: field "keyboard" of the ReplyKeyboardMarkup '
                    "should be an Array of Arrays",
                )
            for row in rows:
                for btn in row:
                    if not isinstance(btn, str) and not (
                        isinstance(btn, dict) and isinstance(btn.get("text"), str)
                    ):
                        raise ApiError(400, "Bad Request: can't parse keyboard button")
            return markup
        if markup.get("remove_keyboard") or markup.get("force_reply"):
            return markup
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")

    @staticmethod
    def _check_inline_button(btn: Any) -> None:
        if not isinstance(btn, dict) or not isinstance(btn.get("text"), str):
            raise ApiError(
                400,
                'Bad Request: can\'t parse inline keyboard button: Field "text" must be of type String',
            )
        actions = _INLINE_ACTIONS & set(btn)
        if not actions:
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

    def _message_api(self, m: BotMessage) -> dict[str, Any]:
        """Telegram ``Message`` object for a bot message at its current state."""
        user = self._users[m.chat_id]
        d: dict[str, Any] = {
            "message_id": m.message_id,
            "from": self.bot_user,
            "chat": user.chat_api(),
            "date": m.date,
        }
        if m.edit_date is not None:
            d["edit_date"] = m.edit_date
        if m.kind == "text":
            d["text"] = m.text
            if m.entities:
                d["entities"] = m.entities
        else:
            d.update(m.media)
            if m.text:
                d["caption"] = m.text
                if m.entities:
                    d["caption_entities"] = m.entities
        if m.reply_markup and "inline_keyboard" in m.reply_markup:
            d["reply_markup"] = m.reply_markup
        return d

    def _find_editable(self, params: _Params) -> BotMessage:
        if params.values.get("inline_message_id"):
            raise ApiError(400, "Bad Request: MESSAGE_ID_INVALID")
        user = self._chat_user(params)
        message_id = params.get_int("message_id")
        msg = self._bot_messages.get(user.id, {}).get(message_id or 0)
        if msg is None or msg.deleted:
            if message_id in self._user_messages.get(user.id, {}):
                raise ApiError(400, "Bad Request: message can't be edited")
            raise ApiError(400, "Bad Request: message to edit not found")
        return msg

    def _apply_edit(
        self,
        msg: BotMessage,
        raw: str | None,
        parse_mode: str | None,
        text: str | None,
        entities: list[dict[str, Any]],
        markup: dict[str, Any] | None,
    ) -> dict[str, Any]:
        same = msg.text == text and msg.entities == entities and msg.reply_markup == markup
        if same:
            raise ApiError(400, _NOT_MODIFIED)
        self._check_rate(msg.chat_id)
        if msg.text != text and text is not None:
            msg.history.append(text)
        msg.text = text
        msg.html = raw
        msg.parse_mode = parse_mode
        msg.entities = entities
        msg.reply_markup = markup
        msg.edits += 1
        msg.edit_date = int(time.time())
        self._record_send(msg.chat_id)
        self._bump()
        return self._message_api(msg)

    def _new_message(self, user: SandboxUser, **fields: Any) -> BotMessage:
        msg = BotMessage(
            message_id=self._next_message_id(user.id),
            chat_id=user.id,
            date=int(time.time()),
            **fields,
        )
        if msg.text is not None:
            msg.history.append(msg.text)
        self._bot_messages.setdefault(user.id, {})[msg.message_id] = msg
        self._record_send(user.id)
        self._bump()
        return msg

    def _upload(self, params: _Params, field: str, folder: str) -> StoredFile:
        """Resolve an uploaded part, ``attach://`` reference or known file_id."""
        ref = params.files.get(field)
        value = params.get_str(field)
        if ref is None and value and value.startswith("attach://"):
            ref = params.files.get(value[len("attach://") :])
        if ref is not None:
            data, filename, mime = ref
            if len(data) > MAX_UPLOAD:
                raise ApiError(413, "Request Entity Too Large")
            if not data:
                raise ApiError(400, "Bad Request: file must be non-empty")
            return self._store_file(data, filename=filename, mime_type=mime, folder=folder)
        if value and value in self._files:
            return self._files[value]
        if not value:
            raise ApiError(400, f"Bad Request: there is no {field} in the request")
        raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")

    # ------------------------------------------------------------ methods
    async def _get_me(self, params: _Params) -> Any:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _delete_webhook(self, params: _Params) -> Any:
        self.webhook_url = None
        if params.get_bool("drop_pending_updates"):
            if self._updates:
                self._delivered_upto = max(self._delivered_upto, self._updates[-1]["update_id"])
            self._updates.clear()
        return True

    async def _set_webhook(self, params: _Params) -> Any:
        self.webhook_url = params.get_str("url") or None
        return True

    async def _get_webhook_info(self, params: _Params) -> Any:
        return {
            "url": self.webhook_url or "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _allowed(self, update: dict[str, Any]) -> bool:
        if not self._allowed_updates:
            return True
        return any(k in self._allowed_updates for k in update if k != "update_id")

    async def _get_updates(self, params: _Params) -> Any:
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
            self._allowed_updates = set(allowed) or None
        if offset is not None:
            if offset < 0:
                self._updates = self._updates[offset:]
            else:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + timeout
        while True:
            self._updates = [u for u in self._updates if self._allowed(u)]
            remaining = deadline - time.monotonic()
            if self._updates or self._closing or remaining <= 0:
                break
            await self._wait_change(remaining)
        batch = self._updates[:limit]
        if batch:
            self._delivered_upto = max(self._delivered_upto, batch[-1]["update_id"])
        return batch

    async def _send_message(self, params: _Params) -> Any:
        user = self._chat_user(params)
        self._check_blocked(user)
        raw = params.get_str("text")
        parse_mode = params.get_str("parse_mode")
        text, entities = self._parse_text(raw, parse_mode, params.get_json("entities"))
        markup = self._parse_markup(params)
        self._check_rate(user.id)
        msg = self._new_message(
            user,
            kind="text",
            text=text,
            html=raw,
            parse_mode=parse_mode,
            entities=entities,
            reply_markup=markup,
        )
        return self._message_api(msg)

    async def _send_media(self, params: _Params, kind: str) -> Any:
        user = self._chat_user(params)
        self._check_blocked(user)
        raw = params.get_str("caption")
        parse_mode = params.get_str("parse_mode")
        caption, entities = self._parse_text(
            raw, parse_mode, params.get_json("caption_entities"), caption=True
        )
        markup = self._parse_markup(params)
        stored = self._upload(params, kind, "photos" if kind == "photo" else "documents")
        self._check_rate(user.id)
        size = len(stored.data)
        if kind == "photo":
            w, h = _png_size(stored.data) or (1280, 720)
            scale = min(1.0, 320 / max(w, h, 1))
            media: dict[str, Any] = {
                "photo": [
                    {
                        "file_id": stored.file_id + "s",
                        "file_unique_id": stored.file_unique_id + "s",
                        "width": max(1, int(w * scale)),
                        "height": max(1, int(h * scale)),
                        "file_size": size,
                    },
                    {
                        "file_id": stored.file_id,
                        "file_unique_id": stored.file_unique_id,
                        "width": w,
                        "height": h,
                        "file_size": size,
                    },
                ]
            }
            self._files[stored.file_id + "s"] = stored
        else:
            media = {
                "document": {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "file_size": size,
                }
            }
            if stored.filename:
                media["document"]["file_name"] = stored.filename
            if stored.mime_type:
                media["document"]["mime_type"] = stored.mime_type
        msg = self._new_message(
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
            media=media,
        )
        return self._message_api(msg)

    async def _send_photo(self, params: _Params) -> Any:
        return await self._send_media(params, "photo")

    async def _send_document(self, params: _Params) -> Any:
        return await self._send_media(params, "document")

    async def _edit_message_text(self, params: _Params) -> Any:
        msg = self._find_editable(params)
        if msg.kind != "text":
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        raw = params.get_str("text")
        parse_mode = params.get_str("parse_mode")
        text, entities = self._parse_text(raw, parse_mode, params.get_json("entities"))
        markup = self._parse_markup(params, inline_only=True)
        return self._apply_edit(msg, raw, parse_mode, text, entities, markup)

    async def _edit_message_caption(self, params: _Params) -> Any:
        msg = self._find_editable(params)
        if msg.kind == "text":
            raise ApiError(400, "Bad Request: there is no caption in the message to edit")
        raw = params.get_str("caption")
        parse_mode = params.get_str("parse_mode")
        caption, entities = self._parse_text(
            raw, parse_mode, params.get_json("caption_entities"), caption=True
        )
        markup = self._parse_markup(params, inline_only=True)
        return self._apply_edit(msg, raw, parse_mode, caption or None, entities, markup)

    async def _edit_message_reply_markup(self, params: _Params) -> Any:
        msg = self._find_editable(params)
        markup = self._parse_markup(params, inline_only=True)
        return self._apply_edit(msg, msg.html, msg.parse_mode, msg.text, msg.entities, markup)

    async def _answer_callback_query(self, params: _Params) -> Any:
        query_id = params.get_str("callback_query_id") or ""
        user = self._queries.pop(query_id, None)
        if user is None:
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        text = params.get_str("text")
        if text is not None and len(text) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        user.answers.append((text, params.get_bool("show_alert")))
        self._bump()
        return True

    async def _set_my_commands(self, params: _Params) -> Any:
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
        key = self._scope_key(params.get_json("scope"), params.get_str("language_code"))
        self._commands[key] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    async def _get_my_commands(self, params: _Params) -> Any:
        key = self._scope_key(params.get_json("scope"), params.get_str("language_code"))
        return list(self._commands.get(key, []))

    async def _delete_my_commands(self, params: _Params) -> Any:
        key = self._scope_key(params.get_json("scope"), params.get_str("language_code"))
        self._commands.pop(key, None)
        return True

    async def _get_file(self, params: _Params) -> Any:
        stored = self._files.get(params.get_str("file_id") or "")
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        if len(stored.data) > MAX_DOWNLOAD:
            raise ApiError(400, "Bad Request: file is too big")
        return {
            "file_id": params.get_str("file_id"),
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    async def _send_chat_action(self, params: _Params) -> Any:
        user = self._chat_user(params)
        self._check_blocked(user)
        return True

    async def _delete_message(self, params: _Params) -> Any:
        user = self._chat_user(params)
        message_id = params.get_int("message_id") or 0
        msg = self._bot_messages.get(user.id, {}).get(message_id)
        if msg is not None and not msg.deleted:
            msg.deleted = True
            self._bump()
            return True
        if self._user_messages.get(user.id, {}).pop(message_id, None) is not None:
            return True
        raise ApiError(400, "Bad Request: message to delete not found")
