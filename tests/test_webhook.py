"""Webhook mode: PTB's webhook server with a secret token, driven by real HTTP requests on loopback.

The sandbox plays the Bot API for the bot's replies (setWebhook, sendMessage);
the test plays Telegram delivering updates to the webhook.
"""

from __future__ import annotations

import asyncio
import json
import socket
from dataclasses import replace
from pathlib import Path

import aiohttp
import pytest
from support.harness import FakeClock

from coachbot.app import build_application
from coachbot.cli import main, serving_webhook, webhook_options
from coachbot.config import Settings, WebhookSettings
from coachbot.sandbox import Sandbox

SECRET = "s3cret-Token_for-tests"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def webhook_settings(settings: Settings, sandbox: Sandbox, port: int) -> Settings:
    return replace(settings, mode="webhook", api_base_url=sandbox.base_url, api_file_url=sandbox.base_file_url,
                   webhook=WebhookSettings(listen="127.0.0.1", port=port, url="https://bot.example.org/hooks/",
                                           path="/telegram", secret_token=SECRET))


async def _post(port: int, body: dict, headers: dict[str, str]) -> int:
    async with aiohttp.ClientSession() as session:
        async with session.post(f"http://127.0.0.1:{port}/telegram", data=json.dumps(body),
                                headers={"Content-Type": "application/json", **headers},
                                timeout=aiohttp.ClientTimeout(5)) as r:
            return r.status


async def test_webhook_requires_the_secret_token(sandbox: Sandbox, settings: Settings, clock: FakeClock) -> None:
    port = free_port()
    s = webhook_settings(settings, sandbox, port)
    app = build_application(s, clock=clock)
    async with serving_webhook(app, s):
        assert sandbox.webhook_url == "https://bot.example.org/hooks/telegram"
        user = sandbox.user(1001)
        await user.send("/start")
        update = sandbox.pending_updates[-1]  # the update Telegram would POST to us
        storage = app.bot_data["services"].storage
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"},
                        {"X-Telegram-Bot-Api-Secret-Token": SECRET[:-1]}):
            assert await _post(port, update, headers) == 403
        await asyncio.sleep(0.2)
        assert await storage.people.get(1001) is None, "a refused request changes nothing"
        assert user.messages == []
        assert await _post(port, update, {"X-Telegram-Bot-Api-Secret-Token": SECRET}) == 200
        await user.wait_for("Which language", timeout=10)
        assert await storage.people.get(1001) is not None


def test_webhook_options_match_the_config(settings: Settings, tmp_path: Path) -> None:
    s = replace(settings, webhook=WebhookSettings(listen="0.0.0.0", port=8443, url="https://x.example/",
                                                  path="tg/", secret_token=SECRET))
    opts = webhook_options(s)
    assert opts["webhook_url"] == "https://x.example/tg" and opts["url_path"] == "tg"
    assert opts["secret_token"] == SECRET and "callback_query" in opts["allowed_updates"]


def test_run_webhook_without_secret_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[webhook]\nurl = "https://bot.example.org"\n')
    monkeypatch.setenv("COACHBOT_TOKEN", "1234567:TEST-token-not-real-TEST-token-00001")
    assert main(["run", "--webhook", "--config", str(cfg)]) == 2
    assert "webhook.secret_token" in capsys.readouterr().err


async def test_webhook_refuses_big_bodies_unread_and_malformed_json_with_400(
        sandbox: Sandbox, settings: Settings, clock: FakeClock) -> None:
    port = free_port()
    s = webhook_settings(settings, sandbox, port)
    app = build_application(s, clock=clock)
    headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}
    async with serving_webhook(app, s), aiohttp.ClientSession() as session:
        url = f"http://127.0.0.1:{port}/telegram"
        for body in (b"{not json", b"[1, 2]", b"\xff\xfe", b'"text"'):
            async with session.post(url, data=body, headers=headers, timeout=aiohttp.ClientTimeout(5)) as r:
                assert r.status == 400, body
        big = b'{"update_id": 1, "pad": "' + b"x" * (2 * 1024 * 1024) + b'"}'
        try:
            async with session.post(url, data=big, headers=headers, timeout=aiohttp.ClientTimeout(5)) as r:
                status = r.status
        except aiohttp.ClientError:
            status = None                      # the server closed the connection without reading it
        assert status in (None, 400, 413)
        # the server still answers afterwards
        user = sandbox.user(1002)
        await user.send("/start")
        assert await _post(port, sandbox.pending_updates[-1], {"X-Telegram-Bot-Api-Secret-Token": SECRET}) == 200
        await user.wait_for("Which language", timeout=10)
