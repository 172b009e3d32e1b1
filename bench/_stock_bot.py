"""The baseline: a stock python-telegram-bot doing the benchmarks' work the way its docs suggest.

    python -m bench._stock_bot --db PATH --base-url URL --token TOKEN [--speedup K] [--no-throttle]

PTB defaults throughout: `ApplicationBuilder` with its httpx transport, one update
at a time, `AIORateLimiter` (its default 30 messages/s overall, scaled by K like
the sandbox; `max_retries=3`, the same retry budget as coachbot's pacer, instead of
the default 0 that would drop a message on the first 429), and the JobQueue for
reminders. It answers what the benchmarks send:

- /help: a reply; /checkin: a question with two buttons;
- a button: answer the callback, store the tap in SQLite (one INSERT and commit),
  edit the message;
- /chart and /report: the same chart and one-page PDF as coachbot, drawn in a
  worker thread of the bot with matplotlib and fpdf imported at the top;
- "tick" on stdin: one `JobQueue.run_once` per person in the database, each sending
  that person the check-in question; prints {"tick": {...}} when all have run (or, if
  APScheduler skipped some as misfired, once nothing has happened for 10 s). With PTB's
  defaults APScheduler skips every job that starts more than 1 s late, and with 10,000 jobs
  due at once all of them did (nothing was sent), so the jobs are given
  `misfire_grace_time=None` (run however late), the one setting a PTB user would change;
  `--default-grace` keeps the default to show that.

Prints "ready" once polling has started and, on SIGTERM, one JSON line with its
CPU seconds and resident memory (the same protocol as bench/_bot.py).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import signal
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiosqlite
from fpdf import FPDF  # noqa: F401 - imported at the top, as a typical bot does
from matplotlib.figure import Figure  # noqa: F401
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

from bench._common import rss_mb
from coachbot.charts import ChartText, render_chart
from coachbot.domain.stats import Day
from coachbot.pdf import PdfContent, Section, render_pdf

KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="yes"),
                                  InlineKeyboardButton("No", callback_data="no")]])
TEXT = ChartText("Your last 30 days", "Twitches", ("none", "mild", "noticeable", "strong"), "no check-in",
                 "Caffeine, mg", "limit", "Water, L", "goal", "Sleep, h")


def month(today: date) -> list[Day]:
    days = []
    for i in range(30):
        day = today - timedelta(days=29 - i)
        days.append(Day(day=day, twitches=None if i % 3 == 0 else i % 2 == 0, intensity=1 + i % 3,
                        caffeine_mg=95 * (i % 4), water_ml=250 * (i % 9), sleep="7to8"))
    return days


def draw_report() -> bytes:
    png = render_chart(month(datetime.now(UTC).date()), TEXT, 400, 2000, wide=True)
    content = PdfContent("Twitch report", "last 30 days",
                         tuple(Section(f"Section {i}", ("a line of figures",) * 4) for i in range(6)), "footer")
    return render_pdf(content, png)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text("Commands: /checkin /chart /report")


async def checkin_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text("Any twitches today?", reply_markup=KEYBOARD)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer()
    db: aiosqlite.Connection = context.bot_data["db"]
    await db.execute("INSERT INTO stock_answers (person_id, data, at) VALUES (?, ?, ?)",
                     (update.effective_user.id, query.data, datetime.now(UTC).isoformat()))
    await db.commit()
    context.user_data["taps"] = taps = context.user_data.get("taps", 0) + 1
    await query.edit_message_text(f"Saved ({taps}): {query.data}", reply_markup=KEYBOARD)


async def chart_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    png = await asyncio.to_thread(render_chart, month(datetime.now(UTC).date()), TEXT, 400, 2000)
    await update.effective_message.reply_photo(InputFile(io.BytesIO(png), filename="chart.png"))


async def report_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    pdf = await asyncio.to_thread(draw_report)
    await update.effective_message.reply_document(InputFile(io.BytesIO(pdf), filename="report.pdf"))


async def prompt_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    chat_id = context.job.chat_id
    try:
        await context.bot.send_message(chat_id, "Any twitches today?", reply_markup=KEYBOARD)
    finally:
        done: asyncio.Event = context.bot_data["tick_done"]
        context.bot_data["tick_left"] -= 1
        if context.bot_data["tick_left"] == 0:
            done.set()


async def ticks(app: Application, reader: asyncio.StreamReader) -> None:
    """On "tick": one run_once job per person, then report when every job has run."""
    while line := await reader.readline():
        if line.strip() != b"tick":
            continue
        db: aiosqlite.Connection = app.bot_data["db"]
        async with db.execute("SELECT chat_id FROM people ORDER BY id") as cur:
            chats = [row[0] for row in await cur.fetchall()]
        app.bot_data["tick_left"] = len(chats)
        app.bot_data["tick_done"] = done = asyncio.Event()
        job_kwargs = {} if app.bot_data["default_grace"] else {"misfire_grace_time": None}
        for chat_id in chats:
            app.job_queue.run_once(prompt_job, when=0, chat_id=chat_id, job_kwargs=job_kwargs)
        # With the default grace APScheduler skips late jobs, which are then never sent: stop waiting
        # once nothing moves for 10 s.
        left = -1
        while not done.is_set() and left != app.bot_data["tick_left"]:
            left = app.bot_data["tick_left"]
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), 10)
        never_ran = app.bot_data["tick_left"]
        print(json.dumps({"tick": {"claimed": len(chats), "never_ran": never_ran}}), flush=True)


async def serve(args: argparse.Namespace) -> None:
    builder = Application.builder().token(args.token).base_url(args.base_url)
    if args.throttle:
        builder = builder.rate_limiter(AIORateLimiter(overall_max_rate=30 * args.speedup, max_retries=3))
    else:
        builder = builder.rate_limiter(AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=3))
    app = builder.build()
    app.add_handler(CommandHandler("help", help_command))
    app.add_handler(CommandHandler("checkin", checkin_command))
    app.add_handler(CommandHandler("chart", chart_command))
    app.add_handler(CommandHandler("report", report_command))
    app.add_handler(CallbackQueryHandler(on_button))
    db = await aiosqlite.connect(args.db)
    await db.execute("CREATE TABLE IF NOT EXISTS stock_answers (person_id INTEGER, data TEXT, at TEXT)")
    await db.commit()
    app.bot_data["db"] = db
    app.bot_data["default_grace"] = args.default_grace
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    async with app:
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        await app.start()
        reader = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        commands = asyncio.create_task(ticks(app, reader))
        usage = os.times()
        print("ready", json.dumps({"ready_cpu_s": round(usage.user + usage.system, 3)}), flush=True)
        await stop.wait()
        commands.cancel()
        await app.updater.stop()
        await app.stop()
    await db.close()
    usage = os.times()
    print(json.dumps({"cpu_s": round(usage.user + usage.system, 2), "rss_mb": rss_mb()}), flush=True)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", default=os.environ.get("COACHBOT_DB"))
    p.add_argument("--base-url", default=os.environ.get("COACHBOT_API_BASE_URL"))
    p.add_argument("--token", default=os.environ.get("COACHBOT_TOKEN"))
    p.add_argument("--speedup", type=float, default=1.0)
    p.add_argument("--no-throttle", dest="throttle", action="store_false",
                   help="AIORateLimiter without a rate (the sandbox's flood limits are off too)")
    p.add_argument("--default-grace", action="store_true",
                   help="keep APScheduler's 1 s misfire grace for the reminder jobs (late ones are skipped)")
    p.add_argument("--now", default=None, help="ignored (bench/_bot.py's protocol)")
    p.add_argument("--global-rate", default=None, help="ignored: AIORateLimiter keeps its default 30/s")
    p.add_argument("--concurrency", default=None, help="ignored: PTB's default handles one update at a time")
    asyncio.run(serve(p.parse_args()))


if __name__ == "__main__":
    main()
