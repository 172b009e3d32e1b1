"""/export, /import and /delete: the person's data is theirs to take, bring back or erase.

/export sends a ZIP (one CSV per table plus a JSON copy). /import takes that
file back (after /import, or with /import as its caption) and replaces
everything about the person in one transaction, or changes nothing and says
why. /delete asks once, then one DELETE on people cascades to every table.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from telegram import InputFile, Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError

from coachbot import metrics
from coachbot.domain import import_rules
from coachbot.domain.archive import MAX_UPLOAD, ArchiveError, build_archive, parse_upload
from coachbot.i18n import LANGUAGES
from coachbot.storage.export import RestoreError, dump_person, restore_person, rows_about

from .buttons import DeleteEverything, KeepData
from .common import (
    Context,
    keyboard,
    language_for,
    person_and_language,
    send,
    services,
    tr,
    working,
)
from .press import Press, on_press

log = logging.getLogger(__name__)
AWAITING = "data-import"
CONFIRM_FOR = timedelta(minutes=15)   # a /delete button older than this no longer deletes


async def export_command(update: Update, context: Context) -> None:
    """Send every row about the person as a ZIP of CSV files plus a JSON copy."""
    svc = services(context)
    profile, lang = await person_and_language(update, context)
    chat = update.effective_chat
    if profile is None or chat is None:
        await send(update, context, tr(context, lang, "data-nothing-held"))
        return
    now = svc.now()
    async with working(context, chat.id, ChatAction.UPLOAD_DOCUMENT):
        tables = await dump_person(svc.storage.db, profile.person_id)
        readme = svc.i18n.raw(lang, "data-export-readme")
        archive = await asyncio.to_thread(build_archive, tables, now, readme)
    rows = sum(len(t["rows"]) for t in tables.values())
    name = f"coachbot-export-{profile.local_day(now).isoformat()}.zip"
    await context.bot.send_document(chat.id, InputFile(archive, filename=name),
                                    caption=tr(context, lang, "data-export-caption", rows=rows),
                                    parse_mode=ParseMode.HTML)


async def import_command(update: Update, context: Context) -> None:
    """Ask for the file /export produced."""
    svc = services(context)
    profile, lang = await person_and_language(update, context)
    if profile is not None:
        await svc.storage.people.set_state(profile.person_id, svc.now(), awaiting=AWAITING)
    await send(update, context, tr(context, lang, "data-import-ask",
                                   mb=MAX_UPLOAD // (1024 * 1024)))


async def on_import_text(update: Update, context: Context, profile: Any, text: str) -> None:
    """Typed text while we wait for the file: stop waiting, say how to start again."""
    svc = services(context)
    await svc.storage.people.set_state(profile.person_id, svc.now(), awaiting=None)
    await send(update, context, tr(context, profile.language, "data-import-cancelled"))


async def on_document(update: Update, context: Context) -> None:
    """A file: restore it when the person asked to import, otherwise say what files are for."""
    message = update.effective_message
    user, chat = update.effective_user, update.effective_chat
    if message is None or message.document is None or user is None or chat is None:
        return
    svc = services(context)
    profile, lang = await person_and_language(update, context)
    asked = (profile is None or profile.awaiting == AWAITING
             or (message.caption or "").strip().lower().startswith("/import"))
    if not asked:
        await send(update, context, tr(context, lang, "data-import-unexpected"))
        return
    async with working(context, chat.id, ChatAction.TYPING):
        reason, place = await _restore(context, user.id, chat.id, message.document)
    if reason is not None:
        if profile is not None and profile.awaiting == AWAITING:
            await svc.storage.people.set_state(profile.person_id, svc.now(), awaiting=None)
        log.info("import refused: %s %s", reason, place)
        because = (tr(context, lang, "data-reason-invalid-at", place=place) if place
                   else tr(context, lang, f"data-reason-{reason}", mb=MAX_UPLOAD // (1024 * 1024)))
        await send(update, context, tr(context, lang, "data-import-refused", reason=because))
        return
    restored = await svc.storage.people.get(user.id)
    assert restored is not None
    try:  # the import is committed: planning reminders again must not turn it into an apology
        await svc.hooks.emit("settings_changed", restored, svc.now())
    except Exception:
        log.exception("re-planning reminders after an import failed")
        metrics.error(svc)
    counts = await rows_about(svc.storage.db, user.id)
    await send(update, context, tr(context, restored.language, "data-import-done",
                                   rows=sum(counts.values())))


async def _restore(context: Context, person_id: int, chat_id: int,
                   document: Any) -> tuple[str | None, str]:
    """Download, validate and restore: (reason code, bad place) when refused, (None, "") when done."""
    svc = services(context)
    if document.file_size is not None and document.file_size > MAX_UPLOAD:
        return "too-big", ""
    try:
        file = await context.bot.get_file(document.file_id)
        data = bytes(await file.download_as_bytearray())
    except TelegramError:
        log.warning("could not download an import file", exc_info=True)
        return "download", ""
    now = svc.now()

    def meaning(tables: dict[str, Any]) -> None:
        import_rules.check_tables(tables, now, LANGUAGES)

    try:
        async with svc.import_slot:   # one import at a time: each holds a whole archive
            tables = await asyncio.to_thread(parse_upload, data)
            del data
            await restore_person(svc.storage.db, person_id, chat_id, tables,
                                 skip=import_rules.DERIVED_TABLES, check=meaning)
    except ArchiveError as exc:
        return exc.reason, ""
    except import_rules.ImportRefused as exc:
        return "invalid", exc.place
    except RestoreError as exc:
        log.info("import does not fit the schema: %s", exc)
        return "invalid", ""
    return None, ""


async def _known(update: Update, context: Context) -> tuple[bool, str]:
    """(is the person known, their language), without reading the rest of their profile:
    /delete must work whatever state their rows are in."""
    user = update.effective_user
    known, stored = (False, None) if user is None else \
        await services(context).storage.people.raw_language(user.id)
    lang = stored if stored in LANGUAGES else language_for(update, None)
    return known, lang


async def delete_command(update: Update, context: Context) -> None:
    """Ask once before erasing everything."""
    svc = services(context)
    known, lang = await _known(update, context)
    if not known:
        await send(update, context, tr(context, lang, "data-nothing-held"))
        return
    stamp = int(svc.now().timestamp())
    await send(update, context, tr(context, lang, "data-delete-ask"), keyboard([
        [(tr(context, lang, "data-delete-yes"), DeleteEverything(stamp).pack())],
        [(tr(context, lang, "data-delete-no"), KeepData().pack())],
    ]))


@on_press(who="unread")
async def on_button(press: Press) -> None:
    """Confirm or cancel /delete; a stale or repeated tap deletes nothing more."""
    update, context, svc = press.update, press.context, press.svc
    user = update.effective_user
    known, lang = await _known(update, context)
    if user is None:
        return
    await press.answer()
    if not known:
        await press.edit(tr(context, lang, "data-delete-done"))
        return
    match press.button:
        case KeepData():
            await press.edit(tr(context, lang, "data-delete-kept"))
        case DeleteEverything(stamp=stamp) if not _fresh(svc.now(), stamp):
            await press.edit(tr(context, lang, "data-delete-expired"))
        case DeleteEverything():
            await svc.storage.people.delete(user.id)
            if context.user_data is not None:
                context.user_data.clear()
            log.info("person deleted their data")
            await press.edit(tr(context, lang, "data-delete-done"))


def _fresh(now: datetime, stamp: int) -> bool:
    asked = datetime.fromtimestamp(stamp, tz=now.tzinfo)
    return timedelta(0) <= now - asked <= CONFIRM_FOR
