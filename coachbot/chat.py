"""`coachbot chat`: the real bot, in-process, against the loopback sandbox, in your terminal.

Type text or /commands; inline buttons are listed as [1] [2] ... and pressed by
typing the number (type \\5 to send the text "5"). ":loc LAT LON" shares a
location, ":doc PATH" sends a file, ":quit" leaves. Piped input works too.
"""

from __future__ import annotations

import asyncio
import re
import sys
from dataclasses import replace
from pathlib import Path

from telegram.ext import Application

from .app import build_application, running
from .config import Settings
from .sandbox import BotMessage, Sandbox, SandboxUser

_TAG = re.compile(r"<[^>]+>")


def plain(html_text: str) -> str:
    import html

    return html.unescape(_TAG.sub("", html_text))


async def settle(app: Application, sandbox: Sandbox, timeout: float = 30.0) -> None:
    """Wait until every update was fetched and handled and no Bot API call is in flight."""
    processor = app.update_processor
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        await sandbox.wait_idle(timeout=timeout)
        busy = getattr(processor, "in_flight", 0) or sandbox.pending_updates
        if not busy:
            await sandbox.wait_idle(timeout=timeout)  # a handler may have just finished a call
            if not (getattr(processor, "in_flight", 0) or sandbox.pending_updates):
                return
        await asyncio.sleep(0.01)
    raise TimeoutError("the bot did not become idle")


class Transcript:
    """Prints each bot message once, and again whenever it is edited."""

    def __init__(self, user: SandboxUser, out=sys.stdout) -> None:
        self.user, self.out = user, out
        self.seen: dict[int, int] = {}
        self.buttons: list[str] = []

    def flush(self) -> None:
        for msg in self.user.messages:
            if self.seen.get(msg.message_id) == msg.edits:
                continue
            edited = msg.message_id in self.seen
            self.seen[msg.message_id] = msg.edits
            self.show(msg, edited)
        self.out.flush()

    def show(self, msg: BotMessage, edited: bool) -> None:
        head = "bot (edited)" if edited else "bot"
        body = plain(msg.html or msg.text or "")
        if msg.kind != "text":
            body = f"[{msg.kind}: {msg.filename or 'image'}, {len(msg.file_bytes or b'')} bytes] {body}"
        print(f"{head}: {body}", file=self.out)
        self.buttons = []
        for row in msg.buttons:
            labels = []
            for text, data in row:
                self.buttons.append(data or text)
                labels.append(f"[{len(self.buttons)}] {text}")
            print("    " + "   ".join(labels), file=self.out)
        if msg.reply_keyboard:
            print("    (reply keyboard: " + " | ".join(b for row in msg.reply_keyboard for b in row)
                  + "; share a location with :loc LAT LON)", file=self.out)


async def chat(settings: Settings, *, db_path: str, user_id: int, language: str, first_name: str,
               stdin=None) -> int:
    stdin = stdin or sys.stdin
    async with Sandbox() as sandbox:
        settings = replace(settings, api_base_url=sandbox.base_url, api_file_url=sandbox.base_file_url,
                           db_path=db_path)
        app = build_application(settings)
        user = sandbox.user(user_id, first_name=first_name, language_code=language)
        transcript = Transcript(user)
        async with running(app):
            interactive = stdin.isatty()
            if interactive:
                print("coachbot chat: type /start to begin, :quit to leave.")
            watcher = asyncio.create_task(_watch(sandbox, transcript))
            try:
                while True:
                    line = await asyncio.to_thread(stdin.readline)
                    if not line:
                        break
                    line = line.rstrip("\n")
                    if not line.strip():
                        continue
                    if line.strip() == ":quit":
                        break
                    if not interactive:
                        print(f"you: {line}")
                    await _act(user, transcript, line)
                    await settle(app, sandbox)
                    transcript.flush()
                await settle(app, sandbox)
                transcript.flush()
            finally:
                watcher.cancel()
    return 0


async def _watch(sandbox: Sandbox, transcript: Transcript) -> None:
    """Show messages the bot sends on its own (reminders) as they arrive."""
    while True:
        await asyncio.sleep(0.5)
        transcript.flush()


async def _act(user: SandboxUser, transcript: Transcript, line: str) -> None:
    if line.isdigit() and 1 <= int(line) <= len(transcript.buttons):
        try:
            await user.press_data(transcript.buttons[int(line) - 1])
        except LookupError:
            print("(that button is gone)")
        return
    if line.startswith(":loc"):
        try:
            _, lat, lon = line.split()
            await user.send_location(float(lat), float(lon))
        except ValueError:
            print("(usage: :loc LATITUDE LONGITUDE)")
        return
    if line.startswith(":doc "):
        path = Path(line[5:].strip())
        if not path.is_file():
            print(f"(no such file: {path})")
            return
        await user.send_document(path.name, path.read_bytes())
        return
    if line.startswith(":block"):
        user.block()
        return
    if line.startswith(":unblock"):
        user.unblock()
        return
    await user.send(line[1:] if line.startswith("\\") else line)
