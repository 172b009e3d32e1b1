"""Notice a database file deleted or replaced under the running bot, and stop it.

Writes already refuse to commit into a file that is gone (storage.db.DatabaseGone);
this job makes the process itself stop with one line and a non-zero exit code, so the
service manager restarts it (and the start-up check then names the missing file).
"""

from __future__ import annotations

import logging

from telegram.ext import Application, ContextTypes

from . import metrics

log = logging.getLogger(__name__)
JOB_NAME = "database-watchdog"


def check(app: Application) -> str | None:
    """The problem with the database file, after asking the application to stop; None if fine."""
    svc = app.bot_data["services"]
    problem = svc.storage.db.file_problem()
    if problem is None:
        return None
    if svc.fatal is None:
        svc.fatal = problem
        metrics.error(svc)
        log.error("%s; stopping", problem)
        if app.running:
            app.stop_running()
    return problem


async def _job(context: ContextTypes.DEFAULT_TYPE) -> None:
    check(context.application)


def start(app: Application, every_seconds: float) -> None:
    if app.job_queue is not None:
        app.job_queue.run_repeating(_job, interval=every_seconds, first=every_seconds, name=JOB_NAME,
                                    job_kwargs={"coalesce": True, "misfire_grace_time": None})


def fatal(app: Application) -> str | None:
    """Why the application stopped itself, if it did."""
    return app.bot_data["services"].fatal
