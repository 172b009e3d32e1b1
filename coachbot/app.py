"""Build the telegram.ext.Application: wiring only, no business logic."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import ModuleType
from typing import Any

from telegram import BotCommand, Update
from telegram.ext import Application, ApplicationBuilder, Defaults

from . import watchdog
from .bot import LeanBot
from .config import Settings
from .handlers import (
    admin,
    caveats,
    checkin,
    coaching,
    data,
    errors,
    info,
    insights,
    intake,
    questions,
    router,
    safety,
    settings_menu,
    signs,
    start,
)
from .i18n import LANGUAGES, I18n
from .pacer import SharedPacer
from .runtime import Clock, Services, system_clock
from .storage import Storage
from .storage.db import redact
from .telegram_http import AiohttpRequest
from .updates import PerPersonUpdateProcessor

log = logging.getLogger(__name__)

# Order matters only for group 0 handlers; router and errors catch whatever is left.
FEATURES: list[ModuleType] = [admin, safety, start, questions, settings_menu, info, checkin, signs, intake,
                              caveats, coaching, insights, data, router, errors]
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER]
# Commands shown in Telegram's menu, in this order, when a feature provides them.
MENU_ORDER = ["checkin", "today", "water", "coffee", "tip", "breathe", "food", "learn", "history", "signs",
              "summary", "chart", "report", "settings", "pause", "resume", "export", "import", "delete",
              "privacy", "sos", "help"]


def build_application(settings: Settings, *, clock: Clock = system_clock,
                      i18n: I18n | None = None, rate_limiter: bool = True,
                      max_concurrent_updates: int = 64) -> Application:
    """Create the Application; storage opens in post_init and closes in post_shutdown."""
    limits = settings.reminders  # one pacer for replies and reminders, replies first
    bot = LeanBot(
        settings.token or "0:sandbox-token-not-used-against-telegram",
        base_url=settings.api_base_url,
        base_file_url=settings.api_file_url,
        defaults=Defaults(parse_mode="HTML"),
        request=AiohttpRequest(connection_pool_size=max(8, max_concurrent_updates // 2), pool_timeout=10.0),
        get_updates_request=AiohttpRequest(connection_pool_size=1),
        rate_limiter=(SharedPacer(limits.global_rate * limits.rate_scale, max_retries=3, window=1 / limits.rate_scale)
                      if rate_limiter else None),
    )
    processor = PerPersonUpdateProcessor(max_concurrent_updates)
    app = (
        ApplicationBuilder()
        .bot(bot)
        .concurrent_updates(processor)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    services = Services(settings=settings, storage=Storage(settings.db_path, pool_size=settings.db_pool_size),
                        i18n=i18n or I18n(), clock=clock)
    app.bot_data["services"] = services
    processor.share_with_other_processes(services.storage, services.now)
    for feature in FEATURES:
        feature.register(app)
    return app


def commands_for(language: str, i18n: I18n) -> list[BotCommand]:
    provided = {c for feature in FEATURES for c in getattr(feature, "COMMANDS", [])}
    names = [c for c in MENU_ORDER if c in provided]
    return [BotCommand(name, i18n.raw(language, f"cmd-{name}")) for name in names]


async def _post_init(app: Application) -> None:
    services: Services = app.bot_data["services"]
    await services.storage.open()
    await app.bot.set_my_commands(commands_for("en", services.i18n))
    for lang in LANGUAGES:
        if lang != "en":
            await app.bot.set_my_commands(commands_for(lang, services.i18n), language_code=lang)
    for feature in FEATURES:
        startup = getattr(feature, "startup", None)
        if startup is not None:
            await startup(app)
    watchdog.start(app, services.settings.reminders.tick_seconds)
    log.info("coachbot ready (database %s)", redact(services.settings.db_path))


async def _post_shutdown(app: Application) -> None:
    services: Services = app.bot_data["services"]
    for feature in reversed(FEATURES):
        shutdown = getattr(feature, "shutdown", None)
        if shutdown is not None:
            await shutdown(app)
    await services.storage.close()


@asynccontextmanager
async def running(app: Application, *, poll_timeout: float = 1.0,
                  webhook: dict[str, Any] | None = None) -> AsyncIterator[Application]:
    """Run the application inside an existing event loop (tests, `coachbot chat`).

    run_polling()/run_webhook() own the loop and call post_init themselves; here we do the
    same steps by hand: long polling by default, or PTB's webhook server with `webhook` options.
    """
    await app.initialize()
    await _post_init(app)
    assert app.updater is not None
    if webhook is None:
        await app.updater.start_polling(poll_interval=0.0, timeout=int(max(1, poll_timeout)),
                                        allowed_updates=ALLOWED_UPDATES)
    else:
        await app.updater.start_webhook(**webhook)
    await app.start()
    try:
        yield app
    finally:
        if app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await _post_shutdown(app)
        await app.shutdown()
