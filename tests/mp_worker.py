"""One bot worker process for the multi-process tests and bench/workers.py: the real Application
in webhook mode (PTB's webhook server on --port) with its reminders engine ticking on the JobQueue,
on a shared PostgreSQL database, talking to the sandbox in the parent process.

    python tests/mp_worker.py <database url> <sandbox base url> --token T --secret S --port P
                              [--rate-scale K] [--lease SECONDS] [--send-log FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coachbot.app import build_application
from coachbot.cli import serving_webhook
from coachbot.config import ReminderSettings, Settings, WebhookSettings
from coachbot.pacer import SharedPacer


def log_pacer(path: str) -> None:
    """Write every send slot this worker's pacer hands out (monotonic time, chat) and every change
    of its share to `path`, line by line (a SIGKILLed worker's lines stay): bench/workers.py reads
    them to tell the pacer's own timing from the jitter with which sends reach the sandbox."""
    out = open(path, "a", buffering=1)
    take, set_rate = SharedPacer._take, SharedPacer.set_rate

    async def logged_take(self: SharedPacer, background: bool, chat_id: int) -> None:
        await take(self, background, chat_id)
        out.write(f"S {self.timer.time():.6f} {chat_id}\n")

    def logged_set_rate(self: SharedPacer, rate: float, **kw: float) -> None:
        set_rate(self, rate, **kw)
        out.write(f"R {self.timer.time():.6f} {rate:.3f}\n")

    SharedPacer._take = logged_take  # type: ignore[method-assign]
    SharedPacer.set_rate = logged_set_rate  # type: ignore[method-assign]


async def main(args: argparse.Namespace) -> None:
    if args.send_log:
        log_pacer(args.send_log)
    reminders = replace(ReminderSettings(), tick_seconds=1.0, lease_seconds=args.lease,
                        rate_scale=args.rate_scale, checkin_grace_minutes=60)
    settings = Settings(token=args.token, db_path=args.url, api_base_url=args.base, api_file_url=args.base,
                        source="<worker>", reminders=reminders, mode="webhook",
                        webhook=WebhookSettings(listen="127.0.0.1", port=args.port,
                                                url="https://bot.example.org/hooks/", path="/telegram",
                                                secret_token=args.secret))
    app = build_application(settings)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with serving_webhook(app, settings):
        await stop.wait()


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("url")
    p.add_argument("base")
    p.add_argument("--token", required=True)
    p.add_argument("--secret", required=True)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--rate-scale", type=float, default=10.0)
    p.add_argument("--lease", type=int, default=10)
    p.add_argument("--send-log", help="write the pacer's send slots to this file")
    asyncio.run(main(p.parse_args()))
