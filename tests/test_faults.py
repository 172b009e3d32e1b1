"""Telegram misbehaving (429 with retry_after, 5xx, slow answers on a share of calls): the bot keeps serving.

The person here behaves like a person: when a reply does not come they try
again. What must hold: onboarding and settings complete, answers already given
are kept, and nothing a person reads is a traceback or an internal error text.
Reminders falling due during the faults are delivered once they stop, as long
as they are inside their grace window, and never twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

from reminders_helpers import engine, reminders_of, seed
from support.harness import Harness, onboard

from coachbot import metrics
from coachbot.sandbox import Fault, SandboxUser, validate_telegram_html
from coachbot.storage.timefmt import from_iso

ROOT = Path(__file__).resolve().parent.parent
INTERNAL = ("Traceback", "Exception", "Error:", "Internal Server Error", "Bad Gateway", "NetworkError",
            "RetryAfter", "Too Many Requests", "123456789")


REPLY_METHODS = ("sendMessage", "editMessageText", "answerCallbackQuery")


def on_a_share_of_replies(sb: object, kind: str, probability: float, seed: int, **extra: object) -> None:
    """Inject a fault on a share of the calls that answer people (polling itself stays healthy)."""
    for i, method in enumerate(REPLY_METHODS):
        sb.inject(Fault(method=method, kind=kind, probability=probability, seed=seed + i, **extra))  # type: ignore[attr-defined,arg-type]


def has_button(user: SandboxUser, label: str) -> bool:
    return any(label == text for m in user.messages for row in m.buttons for text, _ in row)


async def until(h: Harness, act: Callable[[], Awaitable[object]], done: Callable[[], Awaitable[bool]],
                tries: int = 8) -> int:
    """Do `act` like a person would, again if nothing happened; return how many tries it took."""
    for attempt in range(1, tries + 1):
        try:
            await act()
        except LookupError:  # the button is not on screen yet; a person would wait and look again
            pass
        await h.idle()
        if await done():
            return attempt
    raise AssertionError("the bot never answered despite retries")


def assert_nothing_internal_reached(h: Harness, user: SandboxUser) -> None:
    apology = validate_telegram_html(h.services.i18n.t("en", "error-generic"))
    for m in user.messages:
        text = m.text or ""
        assert not any(word in text for word in INTERNAL), text
        if "Sorry" in text:
            assert text == apology


async def onboard_persistently(h: Harness, user: SandboxUser) -> int:
    """Onboarding with retries; returns the total number of attempts (≥ 6)."""
    people = h.storage.people

    async def step_is(step: str | None, label: str | None = None) -> bool:
        p = await people.get(user.id)
        shown = has_button(user, label) if label else any(m.reply_keyboard for m in user.messages)
        return p is not None and p.onboarding_step == step and shown

    async def done() -> bool:
        p = await people.get(user.id)
        # "All set", or after a lost confirmation the /start reply that says everything is kept
        said = ("All set", "Good to see you again", "Todo listo", "Qué bueno", "Всё готово", "Рад")
        return p is not None and p.onboarded and any(w in (m.text or "") for m in user.messages for w in said)

    def answer(before: str, act: Callable[[], Awaitable[object]]) -> Callable[[], Awaitable[object]]:
        """Answer the question; if the bot already moved on but its next question got lost,
        do what a person would: send /start, which asks the current question again."""
        async def go() -> object:
            p = await people.get(user.id)
            if p is not None and p.onboarding_step != before:
                return await user.send("/start")
            return await act()
        return go

    attempts = await until(h, lambda: user.send("/start"), lambda: step_is("lang", "English"))
    attempts += await until(h, answer("lang", lambda: user.press("English")), lambda: step_is("tz"))
    attempts += await until(h, answer("tz", lambda: user.send("Madrid")), lambda: step_is("wake", "07:00"))
    attempts += await until(h, answer("wake", lambda: user.press("07:00")), lambda: step_is("sleep", "23:00"))
    attempts += await until(h, answer("sleep", lambda: user.press("23:00")), lambda: step_is("ci", "20:00"))
    attempts += await until(h, answer("ci", lambda: user.press("20:00")), done)
    return attempts


async def _async(value: bool) -> bool:
    return value


async def change_wake_time(h: Harness, user: SandboxUser, new: str) -> None:
    async def wake_is_new() -> bool:
        p = await h.storage.people.get(user.id)
        return p is not None and p.wake_time == new

    await until(h, lambda: user.send("/settings"), lambda: _async(has_button(user, "Wake-up")))
    await until(h, lambda: user.press("Wake-up"), lambda: _async(has_button(user, new)))
    await until(h, lambda: user.press(new), wake_is_new)


async def test_429_and_slow_answers_are_absorbed_without_the_person_noticing(bot: Harness) -> None:
    sb = bot.sandbox
    on_a_share_of_replies(sb, "429", 0.1, seed=7, retry_after=1)
    on_a_share_of_replies(sb, "slow", 0.3, seed=20, delay=0.2)
    user = bot.user(7001)
    await onboard(bot, user)  # the plain happy path: no retry needed from the person
    await change_wake_time(bot, user, "07:30")
    sb.clear_faults()
    assert sb.count_429 > 0, "faults were really injected"
    assert_nothing_internal_reached(bot, user)
    assert not any("Sorry" in (m.text or "") for m in user.messages), "retries made errors invisible"


async def test_5xx_on_a_share_of_calls_never_loses_an_answer_or_shows_a_traceback(bot: Harness) -> None:
    sb = bot.sandbox
    on_a_share_of_replies(sb, "500", 0.25, seed=11)
    on_a_share_of_replies(sb, "502", 0.1, seed=30)
    first, second = bot.user(7002), bot.user(7003, language_code="es")
    attempts = await onboard_persistently(bot, first)
    await change_wake_time(bot, first, "06:30")
    await onboard_persistently(bot, second)
    sb.clear_faults()
    failed = [c for c in sb.calls if c.status >= 500]
    assert failed and attempts >= 6, "faults were really injected"
    for user in (first, second):
        p = await bot.storage.people.get(user.id)
        assert p is not None and p.onboarded and p.timezone == "Europe/Madrid" and p.checkin_time == "20:00"
        assert_nothing_internal_reached(bot, user)
    assert (await bot.storage.people.get(first.id)).wake_time == "06:30"  # type: ignore[union-attr]
    # Once the faults stop, everything answers at the first try again.
    await first.send("/help")
    await bot.idle()
    assert "Sorry" not in (first.last.text or "")


async def test_blocking_stops_messages_and_coming_back_restores(bot: Harness) -> None:
    user = bot.user(7004)
    await onboard(bot, user)
    user.block()
    await bot.idle()
    assert not (await bot.storage.people.get(user.id)).active  # type: ignore[union-attr]
    user.unblock()
    await user.send("/start")
    await bot.idle()
    p = await bot.storage.people.get(user.id)
    assert p is not None and p.active and p.onboarded
    assert "Good to see you again" in user.last.text


async def test_reminders_inside_grace_are_delivered_once_faults_stop(bot: Harness) -> None:
    """Two hours of a flaky Telegram while reminders fall due; then the faults stop.

    Twelve people have a check-in (grace 3 h) between 10:10 and 11:38 local and
    water reminders every 30 minutes (grace 30 min). One of them can receive
    nothing at all during the faults. Ticks run every 5 minutes of fake time.
    """
    sb, eng, store = bot.sandbox, engine(bot), bot.storage.reminders
    eng.sender.per_chat_interval = 0.0          # ticks are minutes apart in fake time, not in real time
    people = [await seed(bot, 7100 + i, checkin_time=f"{10 + (10 + 8 * i) // 60}:{(10 + 8 * i) % 60:02d}",
                         hydration_every_minutes=30) for i in range(12)]
    users = [u for u, _ in people]
    unlucky, answerer = users[0], users[1]
    sb.inject(Fault(method="sendMessage", kind="500", chat_id=unlucky.id))  # everything to them fails
    sb.inject(Fault(method="sendMessage", kind="429", retry_after=1, probability=0.3, times=3, seed=1))
    sb.inject(Fault(method="sendMessage", kind="500", probability=0.3, seed=2))
    sb.inject(Fault(method="sendMessage", kind="502", probability=0.1, seed=3))
    sb.inject(Fault(method="sendMessage", kind="slow", delay=0.05, probability=0.3, seed=4))
    answered = False
    for _ in range(24):                                  # 10:05 .. 12:00 local
        bot.clock.advance(minutes=5)
        await eng.tick(bot.clock.now)
        if not answered and reminders_of(answerer):
            await answerer.press("No", message=reminders_of(answerer)[0])  # answering while Telegram is flaky
            await bot.idle()
            answered = True
    assert answered and sb.count_429 > 0 and sum(c.status >= 500 for c in sb.calls) > 10, "faults were real"
    rows = await bot.storage.db.fetchall("SELECT id, kind, due_utc, status FROM deliveries WHERE status = 'pending'")
    inside = {r["id"] for r in rows
              if bot.clock.now - from_iso(r["due_utc"]) <= timedelta(minutes=eng.grace(r["kind"]))}
    assert inside, "some reminders were still waiting when the faults stopped"

    sb.clear_faults()
    await eng.tick(bot.clock.now)
    bot.clock.advance(minutes=1)
    await eng.tick(bot.clock.now)

    delivered = await bot.storage.db.fetchall(
        "SELECT id, person_id, kind, due_utc, sent_utc, status FROM deliveries WHERE status IN ('sent', 'merged')")
    assert inside <= {r["id"] for r in delivered}, "every reminder inside its grace window went out"
    for r in delivered:
        late = from_iso(r["sent_utc"]) - from_iso(r["due_utc"])
        assert late <= timedelta(minutes=eng.grace(r["kind"])), "nothing outside its grace window is sent"
    statuses = await bot.storage.db.fetchall("SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status")
    by_status = {r["status"]: r["n"] for r in statuses}
    assert "pending" not in by_status and "failed" not in by_status, by_status
    assert (await store.counts(unlucky.id)).get("stale", 0) >= 1, "their missed water reminders were dropped"
    m = metrics.of(bot.services)
    assert m is not None and m.value("coachbot_reminders_dropped_total", kind="hydration", reason="stale") >= 1
    for user in users:
        checkins = [r for r in delivered if r["person_id"] == user.id and r["kind"] == "checkin"]
        assert len(checkins) == 1, f"the check-in reached {user.id} exactly once"
        accepted = sum(1 for c in sb.calls if c.method == "sendMessage" and c.chat_id == user.id and c.status == 200)
        recorded = (await store.counts(user.id)).get("sent", 0)
        if user is not answerer:                         # the answerer also got replies to their taps
            assert accepted == recorded == len(reminders_of(user)), "one message per recorded send: no duplicate"
        assert_nothing_internal_reached(bot, user)
        assert not any("Sorry" in (m.text or "") for m in user.messages)
    row = await bot.storage.checkins.get(answerer.id, bot.clock.now.date())
    assert row is not None and row.twitches is False, "the answer given during the faults is stored"
