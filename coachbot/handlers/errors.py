"""The global error handler: log without secrets, answer the person kindly."""

from __future__ import annotations

import logging

from telegram import Update

from coachbot import metrics
from coachbot.storage.db import DatabaseGone

from .common import Context, language_for, send, tr

log = logging.getLogger("coachbot.errors")


async def on_error(update: object, context: Context) -> None:
    """Log the failure (the redacting filter strips the token) and apologise once."""
    if isinstance(context.error, DatabaseGone):   # one line: the watchdog stops the bot
        log.error("update not handled: %s", context.error)
    else:
        log.error("error while handling an update: %s", type(context.error).__name__, exc_info=context.error)
    svc = context.application.bot_data.get("services")
    if svc is not None:
        metrics.error(svc)
    if isinstance(update, Update) and update.effective_chat is not None:
        lang = language_for(update, None)
        try:
            await send(update, context, tr(context, lang, "error-generic"))
        except Exception:
            log.warning("could not send the apology for a failed update")
