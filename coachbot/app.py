"""Build the telegram.ext.Application: every service and every handler, wired here, in order.

Read top to bottom: the bot and its pacer; the services (storage, catalogs, the reminders
engine and what each feature contributes: what a reminder kind says, who reads a typed answer,
the rows of /settings); then the handlers group by group: the allow-list gate (-2), the
safety reading of typed text (-1), the features (0, first match wins) and, last in group 0,
whatever nobody claimed. post_init opens storage and starts the engine, the watchdog and the
metrics server; post_shutdown stops them in reverse.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from . import metrics, watchdog
from .bot import LeanBot
from .codec import pattern, pattern_for
from .config import Settings
from .domain import safety as safety_rules
from .handlers import (
    admin,
    breathe,
    buttons,
    caveats,
    checkin,
    coaching,
    data,
    drinks,
    errors,
    food,
    info,
    insights,
    intake_settings,
    learn,
    pause,
    questions,
    reminder_controls,
    router,
    safety,
    settings_menu,
    signs,
    start,
)
from .i18n import LANGUAGES, I18n
from .pacer import SharedPacer
from .reminders import controls
from .reminders.engine import ReminderEngine
from .runtime import Clock, Services, system_clock
from .storage import Storage
from .storage.db import redact
from .telegram_http import AiohttpRequest
from .updates import PerPersonUpdateProcessor

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER]
# Commands shown in Telegram's menu, in this order (/stats, /caffeine and /start are not listed).
MENU_ORDER = ["checkin", "today", "water", "coffee", "tip", "breathe", "food", "learn", "history", "signs",
              "summary", "chart", "report", "settings", "pause", "resume", "export", "import", "delete",
              "privacy", "sos", "help"]
PRIVATE = filters.ChatType.PRIVATE


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
    services = build_services(settings, clock, i18n or I18n())
    services.reminders = ReminderEngine(services, app.bot)
    for hook in (services.hooks.settings_changed, services.hooks.onboarded, services.hooks.person_activated):
        hook.append(services.reminders.on_hook)   # re-plan a person's reminders when their profile changes
    app.bot_data["services"] = services
    processor.share_with_other_processes(services.storage, services.now)
    add_handlers(app)
    return app


def build_services(settings: Settings, clock: Clock, i18n: I18n) -> Services:
    """Every service, and what each feature contributes to the shared ones."""
    svc = Services(settings=settings, storage=Storage(settings.db_path, pool_size=settings.db_pool_size),
                   i18n=i18n, clock=clock)
    metrics.install(svc)
    svc.safety = safety.SafetyServices(rules=safety_rules.load_rules(i18n.root, LANGUAGES))
    svc.breathing = breathe.Breathing()
    # What each reminder kind says (domain/reminder_kinds.py declares the kinds).
    svc.reminder_renderers.update({
        "checkin": checkin.render_reminder,
        "summary": insights.weekly_summary,
        "tip": coaching.render_daily_tip,
        "caffeine": drinks.render_caffeine,
        "hydration": drinks.render_hydration,
    })
    # Who reads a typed answer, by the person's `awaiting` (profile questions: handlers/questions.py).
    svc.text_inputs.update({
        checkin.AWAITING: checkin.on_free_text,
        food.NOTE_INPUT: food.on_note,
        data.AWAITING: data.on_import_text,
        **drinks.TEXT_INPUTS,
        **intake_settings.TEXT_INPUTS,
    })
    # /settings rows after the profile questions, in this order.
    svc.setting_items.extend([*intake_settings.SETTING_ITEMS, caveats.SETTING, coaching.DAILY_TIP_ITEM,
                              insights.WEEKLY_SETTING])
    return svc


def add_handlers(app: Application) -> None:
    """Every handler, in the order PTB tries them (within a group, the first match wins)."""
    # -2: the allow-list gate, before anything reads an update.
    app.add_handler(TypeHandler(Update, admin.gate), admin.GATE_GROUP)

    # -1: safety first: typed text (and words after a command, captions) read for emergencies and
    # warning signs; /sos and every 🚨.
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & PRIVATE, safety.on_text), safety.GROUP)
    app.add_handler(CallbackQueryHandler(safety.on_button, pattern=rf"{safety.OLD_SOS}|"
                                         rf"{pattern(buttons.Emergency.FEATURE).pattern}"), safety.GROUP)
    app.add_handler(CommandHandler("sos", safety.sos_command), safety.GROUP)
    # After /sos (one handler per group runs): the words typed after any other command, and captions.
    app.add_handler(MessageHandler(filters.COMMAND & PRIVATE, safety.on_command_text), safety.GROUP)
    app.add_handler(MessageHandler(filters.CAPTION & PRIVATE, safety.on_caption), safety.GROUP)

    # 0: the features.
    app.add_handler(CommandHandler("stats", admin.stats_command))
    app.add_handler(CommandHandler("start", start.start))
    app.add_handler(ChatMemberHandler(start.member_changed, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(CallbackQueryHandler(questions.on_button, pattern=pattern(buttons.SetLanguage.FEATURE)))
    app.add_handler(CommandHandler("settings", settings_menu.settings_command))
    app.add_handler(CallbackQueryHandler(settings_menu.on_button, pattern=pattern(buttons.OpenSetting.FEATURE)))
    app.add_handler(CommandHandler("help", info.help_command))
    app.add_handler(CommandHandler("privacy", info.privacy_command))
    app.add_handler(CommandHandler("checkin", checkin.checkin_command))
    app.add_handler(CommandHandler("history", checkin.history_command))
    app.add_handler(CallbackQueryHandler(checkin.on_button, pattern=pattern(buttons.Twitches.FEATURE)))
    app.add_handler(CommandHandler("signs", signs.signs_command))
    app.add_handler(CallbackQueryHandler(signs.on_button, pattern=pattern(buttons.OpenSigns.FEATURE)))
    app.add_handler(CommandHandler("water", drinks.water_command))
    app.add_handler(CommandHandler(["coffee", "caffeine"], drinks.coffee_command))
    app.add_handler(CommandHandler("today", drinks.today_command))
    app.add_handler(CallbackQueryHandler(drinks.on_button, pattern=pattern_for(
        buttons.AddWater, buttons.AddDrink, buttons.UndoIntake, buttons.MeantLitres, buttons.AskWater,
        buttons.AskCaffeine)))
    app.add_handler(CallbackQueryHandler(intake_settings.on_button, pattern=pattern_for(
        buttons.OpenIntakeSetting, buttons.SetGoal, buttons.SetLimit, buttons.SetEvery, buttons.SetIntakeReminder,
        buttons.AskGoal, buttons.AskWeight, buttons.AskLimit)))
    app.add_handler(CommandHandler("pause", pause.pause_command))
    app.add_handler(CommandHandler("resume", pause.resume_command))
    app.add_handler(CallbackQueryHandler(pause.on_button, pattern=pattern_for(buttons.PauseFor)))
    app.add_handler(CallbackQueryHandler(reminder_controls.on_button, pattern=pattern(controls.Snooze.FEATURE)))
    app.add_handler(CallbackQueryHandler(caveats.on_button, pattern=pattern(buttons.Pregnancy.FEATURE)))
    app.add_handler(CommandHandler("tip", coaching.tip_command))
    app.add_handler(CallbackQueryHandler(coaching.on_button, pattern=pattern(buttons.AnotherTip.FEATURE)))
    app.add_handler(CommandHandler("breathe", breathe.breathe_command))
    app.add_handler(CallbackQueryHandler(breathe.on_button, pattern=pattern(buttons.Breathe.FEATURE)))
    app.add_handler(CommandHandler("food", food.food_command))
    app.add_handler(CallbackQueryHandler(food.on_button, pattern=pattern(buttons.LogFood.FEATURE)))
    app.add_handler(CommandHandler("learn", learn.learn_command))
    app.add_handler(CallbackQueryHandler(learn.on_button, pattern=pattern(buttons.LearnPage.FEATURE)))
    app.add_handler(CommandHandler("summary", insights.summary_command))
    app.add_handler(CommandHandler("chart", insights.chart_command))
    app.add_handler(CommandHandler("report", insights.report_command))
    app.add_handler(CallbackQueryHandler(insights.on_button, pattern=pattern(buttons.WeeklySummary.FEATURE)))
    app.add_handler(CommandHandler("export", data.export_command))
    app.add_handler(CommandHandler("import", data.import_command))
    app.add_handler(CommandHandler("delete", data.delete_command))
    app.add_handler(MessageHandler(filters.Document.ALL & PRIVATE, data.on_document))
    app.add_handler(CallbackQueryHandler(data.on_button, pattern=pattern(buttons.KeepData.FEATURE)))

    # 0, last: what no feature claimed: typed answers (by `awaiting`), locations, unknown
    # commands, stale buttons, stickers and photos.
    app.add_handler(CallbackQueryHandler(router.on_button, pattern=pattern(buttons.CheckinNow.FEATURE)))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & PRIVATE, router.on_text))
    app.add_handler(MessageHandler(filters.LOCATION & PRIVATE, router.on_location))
    app.add_handler(MessageHandler(filters.COMMAND & PRIVATE, router.on_unknown_command))
    app.add_handler(CallbackQueryHandler(router.on_stale_button))
    app.add_handler(MessageHandler(PRIVATE & ~filters.COMMAND & ~filters.TEXT & ~filters.LOCATION
                                   & ~filters.Document.ALL & ~filters.StatusUpdate.ALL, router.on_other_message))
    app.add_error_handler(errors.on_error)


def commands_for(language: str, i18n: I18n) -> list[BotCommand]:
    return [BotCommand(name, i18n.raw(language, f"cmd-{name}")) for name in MENU_ORDER]


async def _post_init(app: Application) -> None:
    services: Services = app.bot_data["services"]
    await services.storage.open()
    await app.bot.set_my_commands(commands_for("en", services.i18n))
    for lang in LANGUAGES:
        if lang != "en":
            await app.bot.set_my_commands(commands_for(lang, services.i18n), language_code=lang)
    await admin.start_metrics_server(app)
    assert services.reminders is not None
    services.reminders.start(app)
    watchdog.start(app, services.settings.reminders.tick_seconds)
    if gc.get_freeze_count() == 0:  # once per process (tests start many applications)
        # What start-up loaded (PTB, catalogs, rules, time zones) lives as long as the process:
        # frozen, later full collections skip it. Their ~100 ms pauses stalled reminder bursts.
        # Start-up's garbage is collected first, or it would be kept for good (~2 MB).
        gc.collect()
        gc.freeze()
    log.info("coachbot ready (database %s)", redact(services.settings.db_path))


async def _post_shutdown(app: Application) -> None:
    services: Services = app.bot_data["services"]
    await breathe.stop_rounds(services)
    if services.reminders is not None:
        await services.reminders.stop()
    await admin.stop_metrics_server(app)
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
