"""PTB's webhook server, stricter: bodies over 1 MB are refused from their Content-Length before
they are read (tornado's max_body_size), and a body that is not a JSON object gets 400, not 500.

With several processes behind one webhook, `before_ack` runs before Telegram gets its answer
(the update processor takes the update's ticket there, see coachbot/updates.py).

PTB builds its tornado server inside Updater.start_webhook from two names in
telegram.ext._updater; `install()` points them at the subclasses below (idempotent).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

import tornado.web
from telegram.ext import _updater
from telegram.ext._utils.webhookhandler import TelegramHandler, WebhookAppClass, WebhookServer
from tornado.httpserver import HTTPServer

MAX_BODY = 1024 * 1024   # Telegram's updates are a few KB; 1 MB is generous
BeforeAck = Callable[[dict[str, Any]], Awaitable[None]]


class GuardedHandler(TelegramHandler):
    def initialize(self, bot: Any, update_queue: Any, secret_token: str,
                   before_ack: BeforeAck | None = None) -> None:
        super().initialize(bot, update_queue, secret_token)
        self.before_ack = before_ack

    async def post(self) -> None:
        self._validate_post()                 # content type and secret token first
        try:
            data = json.loads(self.request.body)
        except (ValueError, UnicodeDecodeError):
            data = None
        if not isinstance(data, dict):
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST, reason="Body is not a JSON object")
        if self.before_ack is not None:
            await self.before_ack(data)
        await super().post()


class GuardedApp(WebhookAppClass):
    def __init__(self, webhook_path: str, bot: Any, update_queue: Any, secret_token: str | None = None,
                 before_ack: BeforeAck | None = None) -> None:
        self.shared_objects = {"bot": bot, "update_queue": update_queue, "secret_token": secret_token,
                               "before_ack": before_ack}
        tornado.web.Application.__init__(self, [(rf"{webhook_path}/?", GuardedHandler, self.shared_objects)])


class GuardedServer(WebhookServer):
    def __init__(self, listen: str, port: int, webhook_app: Any, ssl_ctx: Any, unix: Any = None) -> None:
        super().__init__(listen, port, webhook_app, ssl_ctx, unix)
        self._http_server = HTTPServer(webhook_app, ssl_options=ssl_ctx, max_body_size=MAX_BODY)


def install(before_ack: BeforeAck | None = None) -> None:
    _updater.WebhookAppClass = functools.partial(GuardedApp, before_ack=before_ack)  # type: ignore[misc,assignment]
    _updater.WebhookServer = GuardedServer  # type: ignore[misc]
