"""The aiohttp transport keeps PTB's request contract: form calls, file uploads, timeouts and network errors."""

from __future__ import annotations

import asyncio
import inspect
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot, InputFile
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

# tests only (private): builds RequestData by hand
from telegram.request._requestparameter import RequestParameter

from coachbot.telegram_http import AiohttpRequest, NotGiven

TOKEN = "123:abc"


class Api:
    """A loopback stand-in for the Bot API that records what each call carried."""

    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []
        self.hang = asyncio.Event()
        self.delay = 0.0

    async def handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        record: dict[str, Any] = {"method": method, "content_type": request.content_type,
                                  "user_agent": request.headers.get("User-Agent", "")}
        if request.content_type == "multipart/form-data":
            reader = await request.multipart()
            fields: dict[str, Any] = {}
            async for part in reader:
                body = await part.read()  # type: ignore[union-attr]
                fields[part.name] = ((part.filename, body, part.headers.get("Content-Type"))  # type: ignore[union-attr]
                                     if part.filename else body.decode())  # type: ignore[union-attr]
            record["fields"] = fields
        elif request.content_type == "application/json":
            record["fields"] = await request.json()
        else:
            record["fields"] = dict(await request.post())
        self.seen.append(record)
        if method == "hang":
            await self.hang.wait()
        if self.delay:
            await asyncio.sleep(self.delay)
        result: Any = [] if method == "getUpdates" else True
        return web.json_response({"ok": True, "result": result})


@pytest.fixture
async def api() -> AsyncIterator[tuple[Api, str]]:
    state = Api()
    app = web.Application()
    app.router.add_post("/bot{token}/{method}", state.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield state, f"http://127.0.0.1:{port}/bot"
    finally:
        state.hang.set()
        await runner.cleanup()


def params(**values: Any) -> RequestData:
    return RequestData([RequestParameter.from_input(k, v) for k, v in values.items()])


async def test_a_plain_call_is_one_json_body_and_returns_status_and_body(api: tuple[Api, str]) -> None:
    state, base = api
    async with AiohttpRequest(connection_pool_size=2) as req:
        code, body = await req.do_request(f"{base}{TOKEN}/sendMessage", "POST",
                                          params(chat_id=42, text="héllo & <b>bye</b>",
                                                 reply_markup={"inline_keyboard": []}))
    assert code == 200 and json.loads(body) == {"ok": True, "result": True}
    seen = state.seen[0]
    assert seen["content_type"] == "application/json"   # nested values stay objects, not JSON in a string
    assert seen["fields"] == {"chat_id": 42, "text": "héllo & <b>bye</b>", "reply_markup": {"inline_keyboard": []}}
    assert seen["user_agent"].startswith("python-telegram-bot")


async def test_a_file_upload_is_multipart_with_name_filename_mimetype_and_content(api: tuple[Api, str]) -> None:
    state, base = api
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    async with AiohttpRequest() as req:
        data = params(chat_id=7, caption="chart", photo=InputFile(png, filename="chart.png"))
        assert data.contains_files
        code, _ = await req.do_request(f"{base}{TOKEN}/sendPhoto", "POST", data)
    assert code == 200
    fields = state.seen[0]["fields"]
    assert state.seen[0]["content_type"] == "multipart/form-data"
    assert fields["chat_id"] == "7" and fields["caption"] == "chart"
    assert fields["photo"] == ("chart.png", png, "image/png")


async def test_an_upload_keeps_every_byte_and_a_non_ascii_file_name(api: tuple[Api, str]) -> None:
    """Uploads go over http11 as a hand-encoded form: content with CRLFs and dashes, several files."""
    state, base = api
    pdf = b"%PDF-1.7\r\n--\r\n--boundary-like\r\n" + bytes(range(256)) * 64
    async with AiohttpRequest() as req:
        data = params(chat_id=9, document=InputFile(pdf, filename="отчёт-coachbot.pdf"),
                      thumbnail=InputFile(b"\xff\xd8\xff", filename="t.jpg"))
        code, _ = await req.do_request(f"{base}{TOKEN}/sendDocument", "POST", data)
    assert code == 200
    fields = state.seen[0]["fields"]
    assert fields["document"] == ("отчёт-coachbot.pdf", pdf, "application/pdf")
    assert fields["thumbnail"] == ("t.jpg", b"\xff\xd8\xff", "image/jpeg")


async def test_bot_send_document_uploads_through_it(api: tuple[Api, str]) -> None:
    state, base = api
    bot = Bot(TOKEN, base_url=base, request=AiohttpRequest(), get_updates_request=AiohttpRequest(1))
    await bot._request[1].initialize()  # skip get_me: the stand-in answers True, not a User
    await bot._request[0].initialize()
    try:
        await bot._post("sendDocument", {"chat_id": 5, "document": InputFile(b"a,b\n1,2\n", filename="export.csv")})
    finally:
        await bot._request[0].shutdown()
        await bot._request[1].shutdown()
    assert state.seen[0]["fields"]["document"] == ("export.csv", b"a,b\n1,2\n", "text/csv")


async def test_a_read_timeout_becomes_timed_out(api: tuple[Api, str]) -> None:
    _, base = api
    async with AiohttpRequest(read_timeout=0.05) as req:
        with pytest.raises(TimedOut):
            await req.post(f"{base}{TOKEN}/hang", params(chat_id=1))
        with pytest.raises(TimedOut):  # an explicit per-call value wins over the default
            await AiohttpRequest.do_request(req, f"{base}{TOKEN}/hang", "POST", None, read_timeout=0.05)


async def test_long_polling_waits_past_the_default_read_timeout(api: tuple[Api, str]) -> None:
    """Bot.get_updates adds its poll timeout to `read_timeout`, so a slow long poll is not cut off."""
    state, base = api
    state.delay = 0.2
    bot = Bot(TOKEN, base_url=base, get_updates_request=AiohttpRequest(1, read_timeout=0.05))
    await bot._request[0].initialize()
    try:
        assert await bot.get_updates(timeout=2) == ()
    finally:
        await bot._request[0].shutdown()


async def test_a_refused_connection_becomes_network_error_and_use_before_initialize_fails() -> None:
    req = AiohttpRequest()
    with pytest.raises(RuntimeError):
        await req.do_request("http://127.0.0.1:9/bot1:x/getMe", "POST")
    async with req:
        with pytest.raises(NetworkError) as caught:
            await req.do_request("http://127.0.0.1:9/bot1:x/getMe", "POST")
        assert not isinstance(caught.value, TimedOut)
    assert req.read_timeout == 5.0


def test_the_request_contract_this_transport_implements_is_ptbs() -> None:
    """Fails loudly when a PTB upgrade changes what AiohttpRequest relies on.

    BaseRequest.do_request's parameters, and the "not given" marker for timeouts: PTB's
    DefaultValue class is private, so the transport reaches it through BaseRequest.DEFAULT_NONE.
    """
    expected = ["self", "url", "method", "request_data",
                "read_timeout", "write_timeout", "connect_timeout", "pool_timeout"]
    assert list(inspect.signature(BaseRequest.do_request).parameters) == expected
    assert list(inspect.signature(AiohttpRequest.do_request).parameters) == expected
    assert isinstance(BaseRequest.DEFAULT_NONE, NotGiven) and BaseRequest.DEFAULT_NONE.value is None
    assert not isinstance(None, NotGiven) and not isinstance(5.0, NotGiven)


def test_no_private_telegram_import_in_the_bot() -> None:
    """Private PTB modules (`telegram._…`) change without notice; the bot uses none."""
    root = Path(__file__).resolve().parent.parent / "coachbot"
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if re.search(r"^\s*(from|import)\s+telegram\._", p.read_text(), re.MULTILINE)]
    assert offenders == []


def test_the_bot_starts_without_aiohttp() -> None:
    """aiohttp (~10 MB resident) waits for the first file or the metrics server; nearly every call is http11's."""
    import subprocess
    import sys

    code = "import sys, coachbot.app, coachbot.cli; print(sorted({'aiohttp', 'yarl'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
