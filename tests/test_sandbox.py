"""Tests for the loopback Bot API sandbox, driven by PTB's own ``telegram.Bot``.

Why: every bot end-to-end test trusts the sandbox to behave like Telegram, so
its limits and wire formats are pinned down here against the real client.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import warnings
from collections.abc import AsyncIterator

import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from coachbot.sandbox import Fault, Sandbox, validate_telegram_html

TOKEN = "123:ABC"


@pytest.fixture
async def sb() -> AsyncIterator[Sandbox]:
    async with Sandbox() as sandbox:
        yield sandbox


@pytest.fixture
async def bot(sb: Sandbox) -> AsyncIterator[telegram.Bot]:
    b = telegram.Bot(TOKEN, base_url=sb.base_url, base_file_url=sb.base_file_url)
    async with b:
        yield b


def retry_seconds(err: RetryAfter) -> float:
    """PTB 22 returns int or timedelta depending on PTB_TIMEDELTA; accept both."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = err.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def kb(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d)] for t, d in pairs])


async def test_get_me_and_send_message_roundtrip(sb: Sandbox, bot: telegram.Bot) -> None:
    u = sb.user(1001, first_name="Ana", language_code="es")
    assert bot.bot.is_bot
    msg = await bot.send_message(
        1001, "Hola <b>Ana</b>", parse_mode="HTML", reply_markup=kb(("Yes", "y"))
    )
    assert msg.text == "Hola Ana"
    assert msg.text_html == "Hola <b>Ana</b>"
    assert msg.from_user is not None and msg.from_user.id == bot.bot.id
    assert [m.text for m in u.messages] == ["Hola Ana"]
    assert u.last is not None and u.last.html == "Hola <b>Ana</b>"
    assert u.last.buttons == [[("Yes", "y")]]
    assert u.last.kind == "text"
    assert sb.calls[-1].method == "sendMessage" and sb.calls[-1].chat_id == 1001


async def test_unknown_chat_and_method(sb: Sandbox, bot: telegram.Bot) -> None:
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_message(999, "hi")
    with pytest.raises(telegram.error.EndPointNotFound):
        await bot.do_api_request("noSuchMethod")


async def test_wrong_token_unauthorized() -> None:
    async with Sandbox(token="42:right") as sandbox:
        b = telegram.Bot("42:wrong", base_url=sandbox.base_url)
        with pytest.raises(telegram.error.InvalidToken):
            await b.get_me()


async def test_get_updates_text_and_callback(sb: Sandbox, bot: telegram.Bot) -> None:
    u = sb.user(1001, first_name="Ana", language_code="es", username="ana")
    await bot.send_message(1001, "Continue?", reply_markup=kb(("Yes", "y"), ("No", "n")))
    await u.send("/start ref")
    qid = await u.press("Yes")
    updates = await bot.get_updates(timeout=0)
    assert [x.update_id for x in updates] == [1, 2]
    m = updates[0].message
    assert m is not None and m.text == "/start ref" and m.chat.id == 1001
    assert m.from_user is not None and m.from_user.language_code == "es"
    assert m.entities[0].type == "bot_command" and m.entities[0].length == 6
    q = updates[1].callback_query
    assert q is not None and q.id == qid and q.data == "y" and q.chat_instance
    assert q.message is not None and q.message.text == "Continue?"
    assert q.message.reply_markup is not None
    assert q.from_user.username == "ana"
    # offset acknowledges
    assert await bot.get_updates(offset=3, timeout=0) == ()
    assert await bot.answer_callback_query(qid, text="ok")
    assert u.answers == [("ok", False)]
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await bot.answer_callback_query(qid)


async def test_press_lookup_and_press_data(sb: Sandbox, bot: telegram.Bot) -> None:
    u = sb.user(7)
    with pytest.raises(LookupError):
        await u.press("Yes")
    await bot.send_message(7, "a", reply_markup=kb(("Yes", "old")))
    first = u.last
    await bot.send_message(7, "b", reply_markup=kb(("Yes", "new")))
    await u.press("Yes")
    await u.press("Yes", message=first)
    await u.press_data("forged")
    ups = await bot.get_updates()
    assert [x.callback_query.data for x in ups if x.callback_query] == ["new", "old", "forged"]


async def test_long_poll_returns_when_update_arrives(sb: Sandbox, bot: telegram.Bot) -> None:
    u = sb.user(5)
    t0 = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    assert not poll.done()
    await u.send("hello")
    updates = await asyncio.wait_for(poll, 2)
    assert updates[0].message is not None and updates[0].message.text == "hello"
    assert time.monotonic() - t0 < 1.5


async def test_long_poll_times_out_empty(sb: Sandbox, bot: telegram.Bot) -> None:
    t0 = time.monotonic()
    assert await bot.get_updates(timeout=0.2) == ()
    assert time.monotonic() - t0 >= 0.15


async def test_text_limits(sb: Sandbox, bot: telegram.Bot) -> None:
    sb.user(1)
    with pytest.raises(BadRequest, match="(?i)message is too long"):
        await bot.send_message(1, "x" * 4097)
    with pytest.raises(BadRequest, match="(?i)message text is empty"):
        await bot.send_message(1, "  ")
    # HTML markup does not count toward the limit
    await bot.send_message(1, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="(?i)message is too long"):
        await bot.send_message(1, "&amp;" * 4097, parse_mode="HTML")


async def test_callback_data_limit(sb: Sandbox, bot: telegram.Bot) -> None:
    sb.user(1)
    with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(1, "x", reply_markup=kb(("a", "d" * 65)))
    with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(1, "x", reply_markup=kb(("a", "é" * 33)))  # 66 bytes
    await bot.send_message(1, "x", reply_markup=kb(("a", "d" * 64)))


async def test_html_rejected_and_accepted(sb: Sandbox, bot: telegram.Bot) -> None:
    sb.user(1)
    for bad in ["<b>x", "a < b", "a & b", "<b><i>x</b></i>", "<p>x</p>", "&nbsp;"]:
        with pytest.raises(BadRequest, match="(?i)can't parse entities"):
            await bot.send_message(1, bad, parse_mode="HTML")
    ok = '<b>bold <i>it <a href="https://x.org/?a=1&amp;b=2">l</a></i></b> &lt;3'
    m = await bot.send_message(1, ok, parse_mode="HTML")
    assert m.text == "bold it l <3"
    assert m.entities[-1].url == "https://x.org/?a=1&b=2"
    # Without parse_mode the same characters are fine.
    await bot.send_message(1, "a < b & c")


@pytest.mark.parametrize(
    ("html", "plain"),
    [
        ("plain", "plain"),
        ("<b>b</b><strong>s</strong><i>i</i><em>e</em>", "bsie"),
        ("<u>u</u><ins>i</ins><s>s</s><strike>k</strike><del>d</del>", "uiskd"),
        ('<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler>', "xy"),
        ('<pre><code class="language-python">a = 1</code></pre>', "a = 1"),
        ("<blockquote expandable>q</blockquote>", "q"),
        ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍"),
        ("&lt;&gt;&amp;&quot;&#65;&#x42;", '<>&"AB'),
        ("a > b", "a > b"),
    ],
)
def test_validate_html_ok(html: str, plain: str) -> None:
    assert validate_telegram_html(html) == plain


@pytest.mark.parametrize(
    "html",
    [
        "<b>unclosed",
        "</b>",
        "<b><i>x</b></i>",
        "<div>x</div>",
        "<br>",
        "1 < 2",
        "fish & chips",
        "&nbsp;",
        "&#0;",
        '<span class="other">x</span>',
        '<a href="x" target="_blank">x</a>',
        "<b",
        "<tg-emoji>x</tg-emoji>",
    ],
)
def test_validate_html_rejects(html: str) -> None:
    with pytest.raises(ValueError):
        validate_telegram_html(html)


async def test_edit_rules(sb: Sandbox, bot: telegram.Bot) -> None:
    u = sb.user(1)
    m = await bot.send_message(1, "v1", reply_markup=kb(("a", "a")))
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await bot.edit_message_text(
            "v1", chat_id=1, message_id=m.message_id, reply_markup=kb(("a", "a"))
        )
    await bot.edit_message_text(
        "v2", chat_id=1, message_id=m.message_id, reply_markup=kb(("a", "a"))
    )
    await bot.edit_message_reply_markup(chat_id=1, message_id=m.message_id, reply_markup=None)
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await bot.edit_message_reply_markup(chat_id=1, message_id=m.message_id)
    with pytest.raises(BadRequest, match="(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=1, message_id=999)
    last = u.last
    assert last is not None and last.text == "v2" and last.edits == 2
    assert last.history == ["v1", "v2"] and last.buttons == []
    assert await bot.delete_message(1, m.message_id)
    assert u.messages == []


async def test_wait_for_sees_edits(sb: Sandbox, bot: telegram.Bot) -> None:
    u = sb.user(1)
    m = await bot.send_message(1, "working")

    async def later() -> None:
        await asyncio.sleep(0.05)
        await bot.edit_message_text("done!", chat_id=1, message_id=m.message_id)

    task = asyncio.create_task(later())
    got = await u.wait_for("done", timeout=2)
    assert got.message_id == m.message_id
    await task
    with pytest.raises(TimeoutError, match="(?i)done!"):
        await u.wait_for(lambda x: x.text == "never", timeout=0.05)
    new = asyncio.create_task(u.wait_for_new(timeout=2))
    await asyncio.sleep(0)
    await bot.send_message(1, "fresh")
    assert (await new).text == "fresh"


async def test_per_chat_rate_limit() -> None:
    async with Sandbox(per_chat_burst=1) as sandbox:
        sandbox.user(1)
        sandbox.user(2)
        b = telegram.Bot(TOKEN, base_url=sandbox.base_url)
        await b.send_message(1, "a")
        with pytest.raises(RetryAfter) as exc:
            await b.send_message(1, "b")
        assert retry_seconds(exc.value) >= 1
        await b.send_message(2, "other chat is fine")
        assert sandbox.count_429 == 1
        assert [c for _, c in sandbox.sent_at] == [1, 2]


async def test_a_private_chat_gets_a_short_burst_but_not_a_sustained_rate() -> None:
    async with Sandbox() as sandbox:
        sandbox.user(1)
        b = telegram.Bot(TOKEN, base_url=sandbox.base_url)
        reply = await b.send_message(1, "reply")
        await b.edit_message_text("reply, edited", 1, reply.message_id)   # same second: fine
        await b.send_message(1, "a follow-up")
        await b.send_message(1, "and one more")
        with pytest.raises(RetryAfter):                                   # a fifth at once is too many
            await b.send_message(1, "too many")
        assert sandbox.count_429 == 1 and len(sandbox.user(1).messages) == 3   # the edit changed one


async def test_global_rate_limit_and_speedup() -> None:
    async with Sandbox(global_rate=2, per_chat_burst=100) as sandbox:
        b = telegram.Bot(TOKEN, base_url=sandbox.base_url)
        for i in range(3):
            sandbox.user(i)
        await b.send_message(0, "a")
        await b.send_message(1, "b")
        with pytest.raises(RetryAfter):
            await b.send_message(2, "c")
    async with Sandbox(per_chat_burst=1, speedup=1000) as fast:
        fast.user(1)
        b = telegram.Bot(TOKEN, base_url=fast.base_url)
        for _ in range(3):
            await b.send_message(1, "x")
            await asyncio.sleep(0.002)
    async with Sandbox(per_chat_burst=1, rate_limits=False) as off:
        off.user(1)
        b = telegram.Bot(TOKEN, base_url=off.base_url)
        for _ in range(5):
            await b.send_message(1, "x")


async def test_blocked_user(sb: Sandbox, bot: telegram.Bot) -> None:
    u = sb.user(1)
    u.block()
    with pytest.raises(Forbidden, match="(?i)blocked by the user"):
        await bot.send_message(1, "hi")
    u.unblock()
    await bot.send_message(1, "hi again")
    ups = await bot.get_updates()
    statuses = [
        (x.my_chat_member.old_chat_member.status, x.my_chat_member.new_chat_member.status)
        for x in ups
        if x.my_chat_member
    ]
    assert statuses == [("member", "kicked"), ("kicked", "member")]


async def test_fault_injection(sb: Sandbox, bot: telegram.Bot) -> None:
    sb.user(1)
    sb.inject(Fault(method="sendMessage", kind="429", retry_after=3, times=2))
    for _ in range(2):
        with pytest.raises(RetryAfter) as exc:
            await bot.send_message(1, "x")
        assert retry_seconds(exc.value) == 3
    await bot.send_message(1, "x")
    assert sb.count_429 == 2

    sb.inject(Fault(method="*", kind="500", probability=0.5, seed=1))
    outcomes = []
    for _ in range(20):
        try:
            await bot.get_me()
            outcomes.append(True)
        except NetworkError:
            outcomes.append(False)
    assert 0 < outcomes.count(False) < 20
    sb.clear_faults()

    sb.inject(Fault(kind="502", times=1))
    with pytest.raises(NetworkError, match="(?i)Bad Gateway"):
        await bot.get_me()

    sb.inject(Fault(method="sendMessage", kind="slow", delay=0.2))
    t0 = time.monotonic()
    await bot.send_message(1, "slow")
    assert time.monotonic() - t0 >= 0.2
    sb.clear_faults()


async def test_user_document_download(sb: Sandbox, bot: telegram.Bot) -> None:
    u = sb.user(1)
    payload = bytes(range(256)) * 10
    await u.send_document("export.zip", payload, mime_type="application/zip", caption="backup")
    (up,) = await bot.get_updates()
    doc = up.message.document  # type: ignore[union-attr]
    assert doc is not None and doc.file_name == "export.zip" and doc.mime_type == "application/zip"
    f = await bot.get_file(doc.file_id)
    assert bytes(await f.download_as_bytearray()) == payload


async def test_bot_send_document_and_photo(sb: Sandbox, bot: telegram.Bot) -> None:
    u = sb.user(1)
    m = await bot.send_document(
        1, b"col\n1\n", filename="data.csv", caption="<b>csv</b>", parse_mode="HTML"
    )
    assert m.document is not None and m.document.file_name == "data.csv"
    assert m.caption == "csv"
    png = (
        b"\x89PNG\r\n\x1a\n"
        + b"\x00\x00\x00\rIHDR"
        + (640).to_bytes(4, "big")
        + (480).to_bytes(4, "big")
    )
    p = await bot.send_photo(1, png)
    assert p.photo[-1].width == 640 and p.photo[-1].height == 480
    kinds = [(x.kind, x.file_bytes, x.filename) for x in u.messages]
    assert kinds[0] == ("document", b"col\n1\n", "data.csv")
    assert kinds[1][0] == "photo" and kinds[1][1] == png
    f = await bot.get_file(p.photo[-1].file_id)
    assert bytes(await f.download_as_bytearray()) == png


async def test_commands_and_misc(sb: Sandbox, bot: telegram.Bot) -> None:
    sb.user(1)
    await bot.set_my_commands([("start", "Start"), ("help", "Help")])
    await bot.set_my_commands([("start", "Empezar")], language_code="es")
    assert sb.commands == [
        {"command": "start", "description": "Start"},
        {"command": "help", "description": "Help"},
    ]
    assert sb.commands_for(language_code="es") == [{"command": "start", "description": "Empezar"}]
    got = await bot.get_my_commands(language_code="es")
    assert [c.command for c in got] == ["start"]
    with pytest.raises(BadRequest):
        await bot.set_my_commands([("Bad Name", "x")])
    assert await bot.send_chat_action(1, "typing")
    assert await bot.delete_webhook()
    assert await bot.set_webhook("https://example.org/hook")
    with pytest.raises(telegram.error.Conflict):
        await bot.get_updates()
    assert await bot.delete_webhook(drop_pending_updates=True)


async def turns(n: int = 50) -> None:
    """Let every runnable task reach its next wait (no time passes)."""
    for _ in range(n):
        await asyncio.sleep(0)


async def test_wait_idle() -> None:
    """Idle = every update fetched, nothing in flight, and quiet for `settle` on the sandbox's clock."""
    now = [0.0]
    async with Sandbox(clock=lambda: now[0]) as sb:
        async with telegram.Bot(TOKEN, base_url=sb.base_url, base_file_url=sb.base_file_url) as bot:
            u = sb.user(1)
            now[0] += sb.settle
            await sb.wait_idle()                       # quiet long enough already

            await u.send("ping")
            idle = asyncio.create_task(sb.wait_idle(timeout=60))
            now[0] += 10 * sb.settle
            await turns()
            assert not idle.done(), "an update nobody fetched yet is not idle, however quiet"
            ups = await bot.get_updates()
            await turns()
            assert not idle.done(), "just fetched: the bot may still answer"
            await bot.send_message(1, f"echo {ups[0].message.text}")  # type: ignore[union-attr]
            now[0] += sb.settle
            await idle
            assert u.last is not None and u.last.text == "echo ping"

            await u.send("nobody fetches this")
            late = asyncio.create_task(sb.wait_idle(timeout=0.2))
            await turns()
            now[0] += 0.3
            with pytest.raises(TimeoutError, match="unfetched updates=1"):
                await late
