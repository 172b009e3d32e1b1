"""`coachbot chat` shows what Telegram would, and the bot shows chat actions while it works."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from insights_helpers import seed_month
from support.harness import Harness, onboard

from coachbot.chat import Transcript
from coachbot.sandbox.models import BotMessage

ROOT = Path(__file__).resolve().parent.parent


class FakeUser:
    def __init__(self) -> None:
        self.messages: list[BotMessage] = []
        self.answers: list[tuple[str | None, bool]] = []
        self.chat_actions: list[str] = []


def message(message_id: int, buttons: list[list[tuple[str, str]]] | None = None, **fields: object) -> BotMessage:
    markup = {"inline_keyboard": [[{"text": t, "callback_data": d} for t, d in row] for row in buttons]} \
        if buttons else None
    return BotMessage(message_id=message_id, chat_id=1, kind=fields.pop("kind", "text"), date=0,  # type: ignore[arg-type]
                      reply_markup=markup, **fields)  # type: ignore[arg-type]


def test_transcript_saves_files_prints_popups_and_numbers_the_latest_buttons(tmp_path: Path) -> None:
    user, out = FakeUser(), io.StringIO()
    transcript = Transcript(user, tmp_path, out)  # type: ignore[arg-type]
    user.messages.append(message(1, text="pick", buttons=[[("A", "1|x|a"), ("B", "1|x|b")]]))
    user.messages.append(message(2, text="an error, no buttons"))
    user.chat_actions.append("upload_photo")
    user.messages.append(message(3, kind="photo", text="your chart", file_bytes=b"\x89PNG", filename="chart.png"))
    user.answers.append(("Saved ✅", False))
    transcript.flush()
    shown = out.getvalue()
    assert (tmp_path / "chart.png").read_bytes() == b"\x89PNG"
    assert f"[photo saved to {tmp_path / 'chart.png'} (4 bytes)] your chart" in shown
    assert "(bot is sending a photo…)" in shown and "(pop-up: Saved ✅)" in shown
    # "2" after a message without buttons still presses a button of the latest message that has them
    assert transcript.buttons() == ["1|x|a", "1|x|b"]
    transcript.flush()
    assert out.getvalue() == shown, "nothing is printed twice"


def test_chat_through_a_pipe_has_no_log_lines_and_ctrl_c_leaves_at_once(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONFAULTHANDLER": "1"}
    cmd = [sys.executable, "-m", "coachbot.cli", "chat", "--db", str(tmp_path / "c.db"), "--files", str(tmp_path / "f")]
    # Ctrl-C as a terminal delivers it, whoever started the tests: a shell starts background jobs with
    # SIGINT ignored, and a child keeps that (CI started that way hung here with it ignored).
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("/start\n")
    proc.stdin.flush()
    for line in proc.stdout:                       # wait for the bot's answer, input still open
        if "Which language" in line:
            break
    proc.send_signal(signal.SIGINT)                # no Enter needed
    started = time.monotonic()
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:   # say where it hangs (faulthandler on SIGABRT)
        proc.send_signal(signal.SIGABRT)
        _, err = proc.communicate(timeout=30)
        raise AssertionError(f"coachbot chat still running 60 s after Ctrl-C; its threads:\n{err[-6000:]}") from None
    assert time.monotonic() - started < 30
    rest = proc.stdout.read() + (proc.stderr.read() if proc.stderr else "")
    assert "WARNING" not in rest and "Traceback" not in rest
    assert (tmp_path / "f" / "chat.log").exists()


async def test_chart_report_and_export_show_a_chat_action_first(bot: Harness) -> None:
    user = bot.user(3004)
    await onboard(bot, user)
    await seed_month(bot.storage, 3004, bot.clock.now.date())
    for command, action, kind in (("/chart", "upload_photo", "photo"), ("/report", "upload_document", "document"),
                                  ("/export", "upload_document", "document")):
        before, old = len(user.chat_actions), {m.message_id for m in user.messages}
        await user.send(command)
        await user.wait_for(lambda m, kind=kind, old=old: m.kind == kind and m.message_id not in old, timeout=60)
        assert user.chat_actions[before:before + 1] == [action], command
        await bot.idle()
    calls = [c.method for c in bot.sandbox.calls if c.method in ("sendChatAction", "sendPhoto", "sendDocument")]
    assert calls.index("sendChatAction") < calls.index("sendPhoto")
