"""The `coachbot` command: run, chat, check-config, backup."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import logsetup
from .config import ConfigError, Settings, check_whole, load_settings, require_token

if TYPE_CHECKING:
    from telegram.ext import Application

    from .startup import InstanceLock, NoLock

log = logging.getLogger("coachbot")


def _settings(args: argparse.Namespace, need_token: bool) -> Settings:
    settings = load_settings(getattr(args, "config", None))
    if need_token:
        require_token(settings)
    return settings


def installation_problem() -> str | None:
    """Every catalog and the safety rules load completely from where this install keeps them."""
    from .domain.safety import RulesError, load_rules
    from .i18n import LANGUAGES, catalog_problem, messages_dir

    problem = catalog_problem()
    if problem is not None:
        return problem
    try:
        load_rules(messages_dir(), LANGUAGES)
    except RulesError as exc:
        return " ".join(str(exc).split())
    return None


def cmd_check_config(args: argparse.Namespace) -> int:
    settings = _settings(args, need_token=True)
    problem = installation_problem()
    if problem is not None:
        print(f"coachbot: installation error: {problem}", file=sys.stderr)
        return 2
    print(f"ok: {settings.source} is valid (mode {settings.mode}, database {settings.db_path})")
    return 0


def webhook_options(settings: Settings, app: Application | None = None) -> dict[str, Any]:
    """Arguments for PTB's run_webhook/start_webhook: our server, Telegram's URL, the secret."""
    from . import webhook_guard
    from .app import ALLOWED_UPDATES
    from .updates import PerPersonUpdateProcessor

    processor = app.update_processor if app is not None else None
    receive = processor.receive if isinstance(processor, PerPersonUpdateProcessor) else None
    webhook_guard.install(receive)   # 1 MB body cap before reading, 400 for malformed JSON, tickets
    wh = settings.webhook
    path = wh.path.strip("/")
    return {"listen": wh.listen, "port": wh.port, "url_path": path, "secret_token": wh.secret_token,
            "webhook_url": wh.url.rstrip("/") + "/" + path, "allowed_updates": ALLOWED_UPDATES}


def serving_webhook(app: Application, settings: Settings) -> AbstractAsyncContextManager[Application]:
    """What run_webhook does, inside an existing event loop (tests): the same options, no signals."""
    from .app import running

    return running(app, webhook=webhook_options(settings, app))


def private_files() -> None:
    """Files the bot creates (database, -wal, -shm, backups, locks) are the owner's alone,
    whatever umask the caller has."""
    os.umask(0o077)


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def preflight(settings: Settings) -> None:
    """The checks before PTB starts: database usable, token accepted (StartupError otherwise)."""
    from telegram import Bot

    from .startup import StartupError, check_database, wait_for_bot_api
    from .storage.db import migrations, sqlite_path
    from .telegram_http import AiohttpRequest

    problem = installation_problem()
    if problem is not None:
        raise StartupError(f"installation error: {problem}")
    path = sqlite_path(settings.db_path)
    if path is not None:   # PostgreSQL: the server reports its own problems when the bot connects
        check_database(path, len(migrations("sqlite")), _say)

    async def get_me() -> None:
        bot = Bot(settings.token or "", base_url=settings.api_base_url,
                  request=AiohttpRequest(connection_pool_size=1))
        async with bot:   # initialize() calls getMe
            pass

    asyncio.run(wait_for_bot_api(get_me, settings.api_base_url, _say))


def cmd_run(args: argparse.Namespace) -> int:
    from .startup import StartupError

    settings = _settings(args, need_token=True)
    if args.webhook:
        settings = replace(settings, mode="webhook")
        check_whole(settings)
    private_files()
    logsetup.configure(settings.log_level, secrets=[settings.token, settings.webhook.secret_token])
    try:
        lock = instance_lock(settings.db_path)
    except StartupError as exc:
        _say(f"coachbot: {exc}")
        return 2
    try:
        try:
            preflight(settings)
        except StartupError as exc:
            _say(f"coachbot: {exc}")
            return 2
        return _serve(settings)
    finally:
        lock.release()


def instance_lock(db_url: str) -> InstanceLock | NoLock:
    """The lock that keeps a second bot off this SQLite file (PostgreSQL's claims lock rows instead)."""
    from .startup import InstanceLock, NoLock
    from .storage.db import sqlite_path

    path = sqlite_path(db_url)
    return InstanceLock(path).acquire() if path is not None else NoLock()


def _serve(settings: Settings) -> int:
    """Run until stopped; a failure is one line (exit 1), never a traceback with secrets."""
    from telegram.error import InvalidToken

    from . import eventloop, watchdog
    from .app import ALLOWED_UPDATES, build_application

    app = build_application(settings)
    loop = eventloop.install()   # run_polling and run_webhook run on the current loop
    log.info("starting in %s mode on %s", settings.mode, eventloop.name(loop))
    try:
        if settings.mode == "webhook":
            app.run_webhook(**webhook_options(settings, app))
        else:
            app.run_polling(allowed_updates=ALLOWED_UPDATES)
    except InvalidToken:
        _say("coachbot: Telegram rejected the token (telegram.token / COACHBOT_TOKEN)")
        return 2
    except Exception as exc:
        log.debug("stopped by an error", exc_info=True)
        _say(f"coachbot: stopped: {logsetup.redact(_one_line(exc), [settings.token or ''])}")
        return 1
    problem = watchdog.fatal(app)
    if problem is not None:
        _say(f"coachbot: {problem}; stopped")
        return 1
    return 0


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:300]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def cmd_chat(args: argparse.Namespace) -> int:
    from .chat import chat

    settings = _settings(args, need_token=False)
    files = Path(args.files) if args.files else Path(tempfile.mkdtemp(prefix="coachbot-chat-"))
    # The conversation stays clean: logs go to a file beside the received files, or with -v to stderr.
    if args.verbose:
        logsetup.configure("WARNING" if args.verbose == 1 else "INFO", secrets=[settings.token])
    else:
        files.mkdir(parents=True, exist_ok=True)
        logsetup.configure("WARNING", secrets=[settings.token], stream=open(files / "chat.log", "a"))
    try:
        return asyncio.run(chat(settings, db_path=args.db, user_id=args.user_id, language=args.language,
                                first_name=args.name, files=files))
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130


PG_BACKUP_HINT = (
    "coachbot: the database is PostgreSQL; back it up with its own tools, for example\n"
    "  pg_dump --format=custom --file=coachbot.dump \"$COACHBOT_DB\"\n"
    "and restore with pg_restore --clean --dbname=<url> coachbot.dump (README: Scaling out).")


def cmd_backup(args: argparse.Namespace) -> int:
    from .storage.backup import BackupError, backup_into
    from .storage.db import sqlite_path

    settings = _settings(args, need_token=False)
    path = sqlite_path(settings.db_path)
    if path is None:
        print(PG_BACKUP_HINT, file=sys.stderr)
        return 2
    if args.keep < 1:
        print("coachbot: --keep must be at least 1", file=sys.stderr)
        return 2
    if not os.path.isfile(path):
        print(f"coachbot: no database at {settings.db_path} (storage.path / COACHBOT_DB)", file=sys.stderr)
        return 1
    try:
        written, removed = backup_into(path, args.path, keep=args.keep)
    except (BackupError, sqlite3.Error, OSError) as exc:
        print(f"coachbot: backup failed: {_one_line(exc) if not isinstance(exc, BackupError) else exc}",
              file=sys.stderr)
        return 1
    print(f"backup written to {written}" + (f" ({len(removed)} older removed)" if removed else ""))
    return 0


def cmd_migrate_db(args: argparse.Namespace) -> int:
    from .storage.db import sqlite_path
    from .storage.transfer import TransferError, migrate_db

    source = sqlite_path(args.source)
    if source is not None and not os.path.isfile(source):
        print(f"coachbot: no database at {source}", file=sys.stderr)
        return 1
    try:
        report = asyncio.run(migrate_db(args.source, args.target))
    except TransferError as exc:
        print(f"coachbot: {exc}; nothing was changed in the source", file=sys.stderr)
        return 1
    for table, rows in sorted(report.rows.items()):
        print(f"{table}: {rows} rows copied and verified")
    print(f"done: {report.total} rows, identical row by row")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="coachbot", description="A calm Telegram coach for muscle twitches.")
    sub = p.add_subparsers(dest="command", required=True)

    def with_config(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sp.add_argument("--config", help="TOML config file (default: $COACHBOT_CONFIG, else built-in defaults)")
        return sp

    run = with_config(sub.add_parser("run", help="run the bot against Telegram"))
    run.add_argument("--webhook", action="store_true", help="serve a webhook instead of long polling")
    run.set_defaults(func=cmd_run)

    check = with_config(sub.add_parser("check-config", help="validate the configuration and exit 0 or 2"))
    check.set_defaults(func=cmd_check_config)

    chat = with_config(sub.add_parser("chat", help="talk to the bot in this terminal, no token needed"))
    chat.add_argument("--db", default="coachbot-chat.sqlite3", help="database for the chat session")
    chat.add_argument("--user-id", type=int, default=1001)
    chat.add_argument("--language", default="en", help="Telegram language_code of the pretend person")
    chat.add_argument("--name", default="Alex", help="first name of the pretend person")
    chat.add_argument("--files", help="folder for photos and files the bot sends (default: a new temporary one)")
    chat.add_argument("-v", "--verbose", action="count", default=0,
                      help="bot logs on stderr: -v warnings, -vv everything (otherwise they go to FILES/chat.log)")
    chat.set_defaults(func=cmd_chat)

    backup = with_config(sub.add_parser("backup", help="copy the database consistently while the bot runs"))
    backup.add_argument("path", help="an existing folder (timestamped copies, newest --keep kept) or a file path")
    backup.add_argument("--keep", type=int, default=7, help="copies to keep in the folder (default 7)")
    backup.set_defaults(func=cmd_backup)

    move = sub.add_parser("migrate-db", help="copy an instance to another database, verified row by row")
    move.add_argument("--from", dest="source", required=True, help="sqlite:///path, a path, or postgresql://…")
    move.add_argument("--to", dest="target", required=True, help="an empty database: postgresql://… or a path")
    move.set_defaults(func=cmd_migrate_db)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(f"coachbot: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
