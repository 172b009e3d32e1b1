"""PTB's webhook server, stricter: bodies over 1 MB are refused from their Content-Length before
they are read (tornado's max_body_size), and a body that is not a JSON object gets 400, not 500.

PTB builds its tornado server inside Updater.start_webhook from two names in
telegram.ext._updater; `install()` points them at the subclasses below (idempotent).
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

import tornado.web
from telegram.ext import _updater
from telegram.ext._utils.webhookhandler import TelegramHandler, WebhookAppClass, WebhookServer
from tornado.httpserver import HTTPServer

MAX_BODY = 1024 * 1024   # Telegram's updates are a few KB; 1 MB is generous


class GuardedHandler(TelegramHandler):
    async def post(self) -> None:
        self._validate_post()                 # content type and secret token first
        try:
            data = json.loads(self.request.body)
        except (ValueError, UnicodeDecodeError):
            data = None
        if not isinstance(data, dict):
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST, reason="Body is not a JSON object")
        await super().post()


class GuardedApp(WebhookAppClass):
    def __init__(self, webhook_path: str, bot: Any, update_queue: Any, secret_token: str | None = None) -> None:
        self.shared_objects = {"bot": bot, "update_queue": update_queue, "secret_token": secret_token}
        tornado.web.Application.__init__(self, [(rf"{webhook_path}/?", GuardedHandler, self.shared_objects)])


class GuardedServer(WebhookServer):
    def __init__(self, listen: str, port: int, webhook_app: Any, ssl_ctx: Any, unix: Any = None) -> None:
        super().__init__(listen, port, webhook_app, ssl_ctx, unix)
        self._http_server = HTTPServer(webhook_app, ssl_options=ssl_ctx, max_body_size=MAX_BODY)


def install() -> None:
    _updater.WebhookAppClass = GuardedApp   # type: ignore[misc]
    _updater.WebhookServer = GuardedServer  # type: ignore[misc]
