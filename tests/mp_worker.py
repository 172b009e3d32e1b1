"""One bot worker process for the multi-process tests: the real Application's reminder engine,
ticking on the wall clock against a shared database, sending to the sandbox in the test process.

    python tests/mp_worker.py <database url> <sandbox base url>
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coachbot.app import _post_init, build_application
from coachbot.config import ReminderSettings, Settings
from coachbot.reminders.engine import engine_of

TOKEN = "1234567:TEST-token-not-real-TEST-token-00001"


async def main(url: str, base: str) -> None:
    reminders = replace(ReminderSettings(), tick_seconds=1.0, lease_seconds=10, rate_scale=10.0,
                        checkin_grace_minutes=60)
    settings = Settings(token=TOKEN, db_path=url, api_base_url=base, api_file_url=base, source="<worker>",
                        reminders=reminders)
    app = build_application(settings)
    await app.initialize()
    await _post_init(app)
    engine = engine_of(app)
    print("ready", flush=True)
    while True:  # what the JobQueue job does, in a loop: leases count from the send-time clock
        now = datetime.now(UTC)
        await engine.coordinate(now)
        await engine.claim(now)
        await engine.drain()
        await asyncio.sleep(0.2)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
