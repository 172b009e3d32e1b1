"""Loopback Telegram Bot API emulator served over real HTTP.

Why: driving the unmodified python-telegram-bot client against a local server
exercises the bot's real serialisation, error handling and retry paths, while
enforcing Telegram's limits (text length, callback_data size, HTML validity,
flood control) so violations surface in tests rather than in production.

Where things are: :mod:`.routes` answers each Bot API method, :mod:`.chats` holds
people, messages and pending updates, :mod:`.limits` the sizes and flood control,
:mod:`.validation` what a message may contain, :mod:`.files` uploads and downloads.
This module serves HTTP, injects faults and offers the test-facing API.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from aiohttp import web

from .chats import Chats, MessageListener
from .files import FileStore
from .limits import MAX_UPLOAD, PER_CHAT_BURST, FloodControl
from .models import ApiError, BotMessage, Call, Fault
from .params import read_params
from .routes import RECORD_ONLY, BotApi, scope_key
from .user import SandboxUser

__all__ = ["Sandbox"]


class Sandbox:
    """In-process Telegram Bot API server for tests and benchmarks.

    Why: lets the real PTB client run end-to-end against Telegram-like rules
    (limits, flood control, faults) without network access or a real bot token.
    """

    def __init__(
        self,
        global_rate: float = 30.0,
        per_chat_rate: float = 1.0,
        per_chat_burst: int = PER_CHAT_BURST,
        rate_limits: bool = True,
        speedup: float = 1.0,
        token: str | None = None,
        *,
        global_burst: float | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        settle: float = 0.05,
        clock: Callable[[], float] = time.monotonic,
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
        self.clock = clock  # what `settle` and wait_idle's timeout are measured on (tests inject one)
        bot_id = int(token.split(":")[0]) if token and token.split(":")[0].isdigit() else 123
        bot_user: dict[str, Any] = {
            "id": bot_id,
            "is_bot": True,
            "first_name": "CoachBot",
            "username": "coachbot_sandbox_bot",
        }

        self.calls: list[Call] = []
        self.count_429 = 0
        self.flood_log: list[tuple[float, bool]] = []   # (monotonic time, refused) of each flood check
        self.faults: list[Fault] = []
        self.chats = Chats(bot_user, notify=self._bump)
        self.files = FileStore()
        self.flood = FloodControl(
            self.global_rate, self.global_burst, self.per_chat_rate, per_chat_burst
        )
        self.api = BotApi(self)
        self.closing = False

        self._changed = asyncio.Event()
        self._inflight = 0
        self._last_activity = self.clock()
        self._runner: web.AppRunner | None = None

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
        self.closing = False

    async def stop(self) -> None:
        """Stop serving; wakes long polls so shutdown is quick."""
        self.closing = True
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
        users = self.chats.users
        if user_id not in users:
            users[user_id] = SandboxUser(
                self, user_id, first_name, language_code, username, last_name
            )
        return users[user_id]

    @property
    def bot_user(self) -> dict[str, Any]:
        return self.chats.bot_user

    @property
    def webhook_url(self) -> str | None:
        return self.api.webhook_url

    @property
    def sent_at(self) -> list[tuple[float, int]]:
        """(monotonic time, chat id) of every message sent or edited."""
        return self.chats.sent_at

    @property
    def on_message(self) -> list[MessageListener]:
        """Callbacks run with each message right after the bot sends or edits it."""
        return self.chats.on_message

    @property
    def commands(self) -> list[dict[str, Any]]:
        """Commands set for the default scope and no language."""
        return self.commands_for()

    def commands_for(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, Any]]:
        """Commands set for a given scope/language (exact match, like getMyCommands)."""
        return list(self.api.commands.get(scope_key(scope, language_code), []))

    def inject(self, fault: Fault) -> None:
        """Add a fault; earlier faults take precedence."""
        self.faults.append(fault)

    def clear_faults(self) -> None:
        """Remove all faults."""
        self.faults.clear()

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet acknowledged by the bot (useful when debugging tests)."""
        return list(self.chats.updates)

    async def wait_idle(self, timeout: float = 5.0) -> None:
        """Wait until all updates were fetched and no request ran for ``settle`` seconds (on ``clock``)."""
        deadline = self.clock() + timeout
        while True:
            now = self.clock()
            busy = self._inflight > 0 or self.chats.has_unfetched()
            quiet_for = now - self._last_activity
            if not busy and quiet_for >= self.settle:
                return
            remaining = deadline - now
            if remaining <= 0:
                raise TimeoutError(
                    f"sandbox not idle after {timeout}s: in-flight={self._inflight}, "
                    f"unfetched updates={self.chats.unfetched_count()}"
                )
            wait = remaining if busy else min(remaining, self.settle - quiet_for)
            await self.wait_change(wait)

    def check_flood(self, chat_id: int) -> None:
        """Flood control for one send or edit to ``chat_id`` (429 when over the limits)."""
        if self.rate_limits:
            now = time.monotonic()
            try:
                self.flood.check(chat_id, now)
            except ApiError:
                self.flood_log.append((now, True))
                raise
            self.flood_log.append((now, False))

    # ------------------------------------------------------------ waiting for changes
    def _bump(self) -> None:
        """Wake every waiter (long polls, wait_for, wait_idle) after a state change."""
        ev = self._changed
        self._changed = asyncio.Event()
        ev.set()

    async def wait_change(self, timeout: float) -> None:
        """Return after the next state change, or after ``timeout`` seconds."""
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
            await self.wait_change(remaining)

    # ------------------------------------------------------------ HTTP
    async def _handle_api(self, request: web.Request) -> web.Response:
        arrived = time.monotonic()
        method = request.match_info["method"]
        lower = method.lower()
        is_poll = lower == "getupdates"
        chat_id: int | None = None
        if not is_poll:
            self._inflight += 1
        self._last_activity = self.clock()
        self._bump()
        status = 200
        try:
            if self.token is not None and request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            params = await read_params(request)
            chat_id = params.chat_id()
            if lower == "answercallbackquery":
                user = self.chats.queries.get(params.get_str("callback_query_id") or "")
                chat_id = user.id if user else None
            handler = self.api.methods.get(lower)
            if handler is None and lower not in RECORD_ONLY:
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
            self._last_activity = self.clock()
            self._bump()
        error = None if status == 200 else str(body.get("description", ""))
        self.calls.append(Call(method, chat_id, status, time.monotonic(), error, arrived))
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
            stored = self.files.by_path.get(request.match_info["path"])
            if stored is None:
                status = 404
                resp = web.json_response(ApiError(404, "Not Found").envelope(), status=404)
            else:
                status = 200
                resp = web.Response(
                    body=stored.data, content_type=stored.mime_type or "application/octet-stream"
                )
        self.calls.append(Call("file", None, status, time.monotonic()))
        self._last_activity = self.clock()
        self._bump()
        return resp
