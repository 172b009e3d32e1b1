"""The reminders tick driven with an injected clock, against the real Application and the sandbox."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from reminders_helpers import engine, reminders_of, seed, sends
from support.harness import Harness

from coachbot.reminders.engine import ReminderEngine
from coachbot.sandbox import Fault


@pytest.fixture
async def h(bot: Harness) -> AsyncIterator[Harness]:
    """The bot, with the per-chat spacing off so tests need not wait a real second between ticks."""
    engine(bot).sender.per_chat_interval = 0.0
    yield bot


async def test_a_due_reminder_is_sent_once(h: Harness) -> None:
    user, _ = await seed(h, 1, checkin_time="10:05")          # local time is 10:00 in Madrid
    await engine(h).tick(h.clock.now)
    assert reminders_of(user) == []
    h.clock.advance(minutes=5)
    report = await engine(h).tick(h.clock.now)
    assert report.sent == 1
    [prompt] = reminders_of(user)
    assert "Any twitches today?" in prompt.text, "no check-in renderer yet: the built-in prompt is used"
    await engine(h).tick(h.clock.now)
    h.clock.advance(minutes=1)
    await engine(h).tick(h.clock.now)
    assert len(reminders_of(user)) == 1
    assert await h.storage.reminders.counts(1) == {"sent": 1}


async def test_a_six_hour_outage_sends_no_burst(h: Harness) -> None:
    on_time = [await seed(h, 100 + i, checkin_time="14:00", hydration_every_minutes=60) for i in range(10)]
    missed = [await seed(h, 200 + i, checkin_time="11:00", hydration_every_minutes=60) for i in range(10)]
    before = sends(h)
    h.clock.advance(hours=6)                                   # down from 10:00 to 16:00 local
    report = await engine(h).tick(h.clock.now)
    for user, _ in on_time:
        [message] = reminders_of(user)                         # the 14:00 check-in, 2 h late, once
        assert "Any twitches today?" in message.text
    for user, _ in missed:
        assert reminders_of(user) == [], "5 hours late is past the 3-hour grace: dropped"
    assert sends(h) - before == 10
    assert report.dropped["stale"] >= 10
    await engine(h).tick(h.clock.now)
    assert sends(h) - before == 10, "nothing is sent twice"


async def test_blocked_people_stop_receiving_until_they_come_back(h: Harness) -> None:
    blocker, _ = await seed(h, 1, checkin_time="10:05")
    other, _ = await seed(h, 2, checkin_time="10:05")
    blocker.blocked = True                                      # Telegram answers 403 from now on
    h.clock.advance(minutes=5)
    report = await engine(h).tick(h.clock.now)
    assert report.blocked == 1 and len(reminders_of(other)) == 1
    profile = await h.storage.people.get(1)
    assert profile is not None and not profile.active
    assert all(due is None for due, _ in (await h.storage.reminders.for_person(1)).values())
    calls_to_blocker = sum(1 for c in h.sandbox.calls if c.chat_id == 1)
    for _ in range(3):
        h.clock.advance(days=1)
        await engine(h).tick(h.clock.now)
    assert sum(1 for c in h.sandbox.calls if c.chat_id == 1) == calls_to_blocker
    blocker.blocked = False
    await blocker.send("/start")
    await h.idle()
    rows = await h.storage.reminders.for_person(1)
    assert rows["checkin"][0] is not None, "/start re-plans their reminders"


async def test_retry_after_delays_without_loss(h: Harness) -> None:
    users = [(await seed(h, 10 + i, checkin_time="10:05"))[0] for i in range(3)]
    h.sandbox.inject(Fault(method="sendMessage", kind="429", retry_after=1, times=1))
    h.clock.advance(minutes=5)
    await engine(h).tick(h.clock.now)
    assert h.sandbox.count_429 >= 1
    assert [len(reminders_of(u)) for u in users] == [1, 1, 1]
    await engine(h).tick(h.clock.now)
    assert [len(reminders_of(u)) for u in users] == [1, 1, 1]


async def test_several_due_kinds_collapse_into_one_message(h: Harness) -> None:
    user, _ = await seed(h, 1, checkin_time="11:05", hydration_every_minutes=65)
    h.clock.advance(minutes=65)
    await engine(h).tick(h.clock.now)
    [message] = reminders_of(user)
    assert "Any twitches today?" in message.text and "water" in message.text
    labels = [label for row in message.buttons for label, _ in row]
    assert "+250 ml" in labels and "⏰ Later" in labels and "🔕 Less often" in labels
    assert await h.storage.reminders.counts(1) == {"sent": 1, "merged": 1}


async def test_after_a_restart_pending_deliveries_inside_grace_go_out_once(h: Harness) -> None:
    fresh, _ = await seed(h, 1, checkin_time="10:05", hydration_on=False)
    stale, _ = await seed(h, 2, checkin_time="20:00", hydration_every_minutes=60)
    h.clock.advance(minutes=60)
    await engine(h).claim(h.clock.now)                         # claimed, then the process died
    assert await h.storage.reminders.counts(1) == {"pending": 1}
    h.clock.advance(minutes=40)                                # hydration grace (30 min) is over
    restarted = ReminderEngine(h.services, h.app.bot)          # type: ignore[attr-defined]
    restarted.sender.per_chat_interval = 0.0
    report = await restarted.tick(h.clock.now)
    assert len(reminders_of(fresh)) == 1 and reminders_of(stale) == []
    assert report.dropped["stale"] == 1
    await restarted.tick(h.clock.now)
    assert len(reminders_of(fresh)) == 1


async def test_quiet_hours_and_the_daily_cap(h: Harness) -> None:
    user, profile = await seed(h, 1, hydration_every_minutes=30)
    per_day: dict[str, list[str]] = {}
    for _ in range(2 * 24 * 2):                                 # two days, a tick every 30 minutes
        h.clock.advance(minutes=30)
        before = len(reminders_of(user))
        await engine(h).tick(h.clock.now)
        new = [m.text or "" for m in reminders_of(user)[before:]]
        local = profile.local_now(h.clock.now)
        if new:
            assert 7 <= local.hour < 23, f"nothing while asleep, got one at {local:%H:%M}"
            per_day.setdefault(local.date().isoformat(), []).extend(new)
    cap = h.services.settings.reminders.daily_cap
    assert per_day and all(len(texts) <= cap for texts in per_day.values())
    full_days = sorted(per_day)[:2]                              # the third day ends at 10:00
    assert all(sum("Any twitches today?" in t for t in per_day[d]) == 1 for d in full_days), \
        "the check-in still arrives every day: the cap keeps a slot for it"


async def test_snooze_brings_the_reminder_back_later(h: Harness) -> None:
    user, _ = await seed(h, 1, checkin_time="10:05", hydration_on=False)
    h.clock.advance(minutes=5)
    await engine(h).tick(h.clock.now)
    await user.press("⏰ Later")
    await h.idle()
    assert user.answers and "11:05" in (user.answers[-1][0] or "")
    assert "11:05" in user.last.text and reminders_of(user) == [], "the snoozed reminder steps aside"
    h.clock.advance(minutes=59)
    await engine(h).tick(h.clock.now)
    assert len(reminders_of(user)) == 0
    h.clock.advance(minutes=1)
    await engine(h).tick(h.clock.now)
    assert len(reminders_of(user)) == 1
    due = (await h.storage.reminders.for_person(1))["checkin"][0]
    assert due is not None and due - h.clock.now > timedelta(hours=20), "tomorrow's check-in is unchanged"


async def test_less_often_offers_a_gentler_schedule(h: Harness) -> None:
    user, _ = await seed(h, 1, hydration_every_minutes=60)
    h.clock.advance(minutes=60)
    await engine(h).tick(h.clock.now)
    await user.press("🔕 Less often")
    await h.idle()
    await user.press("Every 3 hours")
    await h.idle()
    assert "every 3 hours" in user.last.text
    await user.press_data("1|rem|hev|h|180", user.last)         # a double tap changes nothing more
    await h.idle()
    profile = await h.storage.people.get(1)
    assert profile is not None and profile.hydration_every_minutes == 180
    due = (await h.storage.reminders.for_person(1))["hydration"][0]
    assert due == h.clock.now + timedelta(minutes=180)


async def test_registered_renderers_are_used_for_tips_and_fallbacks_otherwise(h: Harness) -> None:
    user, _ = await seed(h, 1, daily_tip_on=True, hydration_on=False, caffeine_reminder_on=False,
                         checkin_time="20:00")
    due = (await h.storage.reminders.for_person(1))["tip"][0]
    assert due is not None
    h.clock.set(due)
    await engine(h).tick(h.clock.now)
    [tip] = reminders_of(user)
    fallback = h.services.i18n.t("en", "reminders-tip-fallback")
    assert ("tip" in h.services.reminder_renderers) == (tip.text != fallback)


async def test_a_big_tick_prepares_no_more_people_at_once_than_it_sends_at_once(
        h: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each person's reminder is read and rendered without a pause; all of a page at once held the
    event loop (and so everyone's replies) for ~100 ms on a slow machine."""
    from coachbot.reminders import compose

    eng = engine(h)
    eng.sender.concurrency = 3
    people = [await seed(h, 300 + i, checkin_time="10:05") for i in range(12)]
    preparing = most = 0
    real = compose.render_all

    async def counted(*args, **kwargs):
        nonlocal preparing, most
        preparing += 1
        most = max(most, preparing)
        try:
            return await real(*args, **kwargs)
        finally:
            preparing -= 1

    in_flight = 0
    real_send = eng.sender.send

    async def sending(*args, **kwargs):
        nonlocal in_flight, most
        in_flight += 1
        most = max(most, in_flight + preparing)
        try:
            return await real_send(*args, **kwargs)
        finally:
            in_flight -= 1

    monkeypatch.setattr(compose, "render_all", counted)
    monkeypatch.setattr(eng.sender, "send", sending)
    h.clock.advance(minutes=5)
    report = await eng.tick(h.clock.now)
    assert report.sent == 12 and all(len(reminders_of(user)) == 1 for user, _ in people)
    assert 1 <= most <= 3
