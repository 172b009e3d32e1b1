"""`coachbot chat`: the real bot, in-process, against the loopback sandbox, in your terminal.

It shows what Telegram would: messages and their edits, buttons, pop-up answers to taps
(toasts), "sending a photo…" while the bot works, and photos and files saved to a folder
with their paths. Inline buttons are listed as [1] [2] ... and a number presses a button
of the most recent message that has buttons (type \\5 to send the text "5"). ":loc LAT
LON" shares a location, ":doc PATH" sends a file, ":quit" or Ctrl-C leaves at once.
Piped input works too.
"""

from __future__ import annotations

import asyncio
import re
import sys
import threading
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


ACTIONS = {"typing": "typing…", "upload_photo": "sending a photo…", "upload_document": "sending a file…"}
EXTENSIONS = {"photo": ".png", "document": ".bin"}


class Transcript:
    """Prints each bot message once, again whenever it is edited, and the taps' pop-ups."""

    def __init__(self, user: SandboxUser, files: Path, out=sys.stdout) -> None:
        self.user, self.files, self.out = user, files, out
        self.seen: dict[int, int] = {}
        self.answers_seen = 0
        self.actions_seen = 0

    def flush(self) -> None:
        actions = getattr(self.user, "chat_actions", [])
        for action in actions[self.actions_seen:]:
            print(f"    (bot is {ACTIONS.get(action, action)})", file=self.out)
        self.actions_seen = len(actions)
        for msg in self.user.messages:
            if self.seen.get(msg.message_id) == msg.edits:
                continue
            edited = msg.message_id in self.seen
            self.seen[msg.message_id] = msg.edits
            self.show(msg, edited)
        for text, alert in self.user.answers[self.answers_seen:]:
            if text:
                print(f"    ({'alert' if alert else 'pop-up'}: {text})", file=self.out)
        self.answers_seen = len(self.user.answers)
        self.out.flush()

    def show(self, msg: BotMessage, edited: bool) -> None:
        head = "bot (edited)" if edited else "bot"
        body = plain(msg.html or msg.text or "")
        if msg.kind != "text":
            path = self.save(msg)
            body = f"[{msg.kind} saved to {path} ({len(msg.file_bytes or b'')} bytes)] {body}"
        print(f"{head}: {body}", file=self.out)
        number = 0
        for row in msg.buttons:
            labels = []
            for text, _ in row:
                number += 1
                labels.append(f"[{number}] {text}")
            print("    " + "   ".join(labels), file=self.out)
        if msg.reply_keyboard:
            print("    (reply keyboard: " + " | ".join(b for row in msg.reply_keyboard for b in row)
                  + "; share a location with :loc LAT LON)", file=self.out)

    def save(self, msg: BotMessage) -> Path:
        """Write a photo or document where the person can open it; never overwrite an earlier one."""
        name = Path(msg.filename or f"{msg.kind}-{msg.message_id}{EXTENSIONS.get(msg.kind, '')}").name
        path = self.files / name
        if path.exists():
            path = self.files / f"{msg.message_id}-{name}"
        path.write_bytes(msg.file_bytes or b"")
        return path

    def buttons(self) -> list[str]:
        """The buttons of the most recent message that still has buttons, in the order shown."""
        for msg in reversed(self.user.messages):
            if msg.buttons and not msg.deleted:
                return [data or text for row in msg.buttons for text, data in row]
        return []


def read_lines(stdin) -> asyncio.Queue[str | None]:
    """Lines from stdin on a daemon thread (None at the end), so Ctrl-C never waits for Enter."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    def pump() -> None:
        for line in stdin:
            loop.call_soon_threadsafe(queue.put_nowait, line)
        loop.call_soon_threadsafe(queue.put_nowait, None)

    threading.Thread(target=pump, name="chat-stdin", daemon=True).start()
    return queue


async def chat(settings: Settings, *, db_path: str, user_id: int, language: str, first_name: str,
               files: Path, stdin=None) -> int:
    stdin = stdin or sys.stdin
    files.mkdir(parents=True, exist_ok=True)
    async with Sandbox() as sandbox:
        settings = replace(settings, api_base_url=sandbox.base_url, api_file_url=sandbox.base_file_url,
                           db_path=db_path)
        app = build_application(settings)
        user = sandbox.user(user_id, first_name=first_name, language_code=language)
        transcript = Transcript(user, files)
        async with running(app):
            interactive = stdin.isatty()
            if interactive:
                print(f"coachbot chat: type /start to begin, :quit or Ctrl-C to leave. Files go to {files}")
            watcher = asyncio.create_task(_watch(sandbox, transcript))
            lines = read_lines(stdin)
            try:
                while True:
                    line = await lines.get()
                    if line is None:
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
    buttons = transcript.buttons()
    if line.isascii() and line.isdigit() and 1 <= int(line) <= len(buttons):
        try:
            await user.press_data(buttons[int(line) - 1])
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
