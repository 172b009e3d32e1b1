"""Doctor-nudge rules: every rule and its boundaries, table-driven."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot.domain import nudges as n
from coachbot.domain.checkins import CheckinDay, SignReport

TODAY = date(2026, 3, 10)
NOW = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)


def twitch(offset: int, *places: str, strength: str = "mild", med: bool = False) -> CheckinDay:
    """A finished twitch day `offset` days before TODAY."""
    return CheckinDay(day=TODAY - timedelta(days=offset), twitches=True, locations=places or ("face",),
                      intensity=strength, new_medicine=med, step=None)


def calm(offset: int) -> CheckinDay:
    return CheckinDay(day=TODAY - timedelta(days=offset), twitches=False, step=None)


def run(first: int, last: int = 0, *places: str) -> list[CheckinDay]:
    """Twitch days every day from `first` days ago to `last` days ago."""
    return [twitch(o, *places) for o in range(first, last - 1, -1)]


def sent(level: int, *reasons: str, days_ago: float = 0, response: str | None = None,
         answered_days_ago: float | None = None) -> n.NudgeRecord:
    created = NOW - timedelta(days=days_ago)
    responded = None if response is None else NOW - timedelta(days=answered_days_ago or days_ago)
    return n.NudgeRecord(id=1, level=level, reasons=reasons, created=created, response=response,
                         responded=responded)


def signs(day: date, *codes: str, source: str = "screen") -> list[SignReport]:
    return [SignReport(day, code, source) for code in codes]


def reasons_at(level: int, checkins: list[CheckinDay], reports: list[SignReport] = (), days: int = 14) -> tuple:
    found = {x.level: x.reasons for x in n.candidates(checkins, list(reports), TODAY, days)}
    return found.get(level, ())


# ---------------------------------------------------------------- level 3: persistent
@pytest.mark.parametrize(("checkins", "expected"), [
    (run(12), False),                                    # 13 days: not yet
    (run(13), True),                                     # 14 days: weeks of twitches
    (run(20), True),
    ([twitch(13), twitch(6), twitch(0)], True),          # spread over 14 days, gaps within a week
    ([twitch(14), twitch(7), twitch(0)], True),          # gaps of exactly 7 days still one episode
    ([twitch(15), twitch(7), twitch(0)], False),         # an 8-day gap: twitches had stopped
    ([twitch(20), twitch(13)], False),                   # over: last twitch a week+ ago
    ([twitch(19), twitch(13), twitch(6)], True),         # still going (last twitch within a week)
    ([*run(13, 7), *[calm(o) for o in range(6, -1, -1)]], False),  # a calm week ends the episode
    ([], False),
], ids=["13-days", "14-days", "21-days", "spread-14", "gap-7", "gap-8", "stopped", "ongoing", "calm-week", "none"])
def test_persistent_twitches(checkins: list[CheckinDay], expected: bool) -> None:
    assert ("persistent" in reasons_at(3, checkins)) is expected


@pytest.mark.parametrize(("days", "span", "expected"), [(14, 13, False), (14, 14, True), (7, 7, True),
                                                         (7, 6, False), (30, 29, False), (30, 30, True)])
def test_persistent_days_is_configurable(days: int, span: int, expected: bool) -> None:
    assert ("persistent" in reasons_at(3, run(span - 1), days=days)) is expected


# ---------------------------------------------------------------- level 3: places
@pytest.mark.parametrize(("checkins", "expected"), [
    ([twitch(0, "face")], False),                        # one place
    ([twitch(0, "face", "leg")], True),                  # two places the same day
    ([twitch(3, "arm"), twitch(0, "leg")], True),        # two places within a week
    ([twitch(1, "face"), twitch(0, "face")], False),     # the same place twice
    ([twitch(7, "arm"), twitch(0, "leg")], False),       # the other place was over a week ago
    ([twitch(6, "arm"), twitch(0, "leg")], True),
], ids=["one", "two-same-day", "two-in-week", "same-place", "8-days-apart", "7-days-apart"])
def test_more_than_one_place(checkins: list[CheckinDay], expected: bool) -> None:
    assert ("places" in reasons_at(3, checkins)) is expected


# ---------------------------------------------------------------- level 3: not improving
def weeks(early: str | None, recent: str | None, *, start: int = 27) -> list[CheckinDay]:
    """Check-ins every day from `start` days ago; twitch strength per fortnight (None = calm)."""
    days = []
    for o in range(start, -1, -1):
        strength = early if o >= 14 else recent
        days.append(twitch(o, strength=strength) if strength else calm(o))
    return days


@pytest.mark.parametrize(("checkins", "expected"), [
    (weeks("mild", "mild"), True),            # four weeks on, no better
    (weeks("mild", "strong"), True),          # worse
    (weeks("strong", "mild"), False),         # easing
    (weeks("mild", None), False),             # gone
    (weeks(None, "mild"), False),             # new twitches are not "not improving"
    (weeks("mild", "mild", start=26), False),  # only 27 days of check-ins: too soon to judge
], ids=["same", "worse", "better", "gone", "new", "27-days"])
def test_not_improving_after_four_weeks(checkins: list[CheckinDay], expected: bool) -> None:
    assert ("not_improving" in reasons_at(3, checkins)) is expected


# ---------------------------------------------------------------- level 3: medicine
@pytest.mark.parametrize(("checkins", "expected"), [
    ([twitch(0, med=True)], True),                               # started together
    ([twitch(7), twitch(0, med=True)], True),                    # a week after they began
    ([twitch(8), twitch(1), twitch(0, med=True)], False),        # began well before the medicine
    ([twitch(5, med=True), twitch(0)], True),
    ([twitch(0)], False),
], ids=["same-day", "7-days", "8-days", "earlier-report", "no-medicine"])
def test_began_with_a_medicine(checkins: list[CheckinDay], expected: bool) -> None:
    assert ("medicine" in reasons_at(3, checkins)) is expected


# ---------------------------------------------------------------- level 2: red flags
@pytest.mark.parametrize(("reports", "expected"), [
    (signs(TODAY, "weakness"), ("weakness",)),
    (signs(TODAY, "speech", "balance"), ("balance", "speech")),             # a legacy code still counts
    ([], ()),                                                               # none of these
    (signs(TODAY - timedelta(days=6), "shrinking"), ("shrinking",)),
    (signs(TODAY - timedelta(days=7), "shrinking"), ()),                    # last week's report
    (signs(TODAY, "numbness", source="button") + signs(TODAY - timedelta(days=2), "stiffness", source="text"),
     ("stiffness", "numbness")),                                            # every source, list order
    (signs(TODAY, "speaking", "breathing", source="command"), ("breathing", "speaking")),
], ids=["one", "two", "none", "6-days", "7-days", "sources", "new-signs"])
def test_red_flags_mean_see_a_doctor_soon(reports: list[SignReport], expected: tuple) -> None:
    assert reasons_at(2, [twitch(0)], reports) == expected
    assert reasons_at(2, [], reports) == expected                           # on a day without twitches too


def test_a_new_report_always_gets_its_advice() -> None:
    assert n.for_report(["numbness", "weakness", "weakness"]) == n.Nudge(2, ("weakness", "numbness"))
    assert n.for_report([]) is None


# ---------------------------------------------------------------- cadence
P = ("persistent",)


@pytest.mark.parametrize(("history", "nudge", "expected"), [
    ([], n.Nudge(3, P), True),
    ([sent(3, *P, days_ago=6.9)], n.Nudge(3, P), False),         # once per level per 7 days
    ([sent(3, *P, days_ago=7)], n.Nudge(3, P), True),            # a week later: again
    ([sent(3, *P, days_ago=1)], n.Nudge(3, ("persistent", "places")), True),  # a new reason escalates
    ([sent(3, *P, days_ago=1)], n.Nudge(2, ("weakness",)), True),  # a higher level escalates
    ([sent(2, "weakness", days_ago=1)], n.Nudge(3, P), False),   # "see a doctor soon" covers booking
    ([sent(2, "weakness", days_ago=1)], n.Nudge(2, ("weakness",)), False),
    ([sent(2, "weakness", days_ago=1)], n.Nudge(2, ("weakness", "speech")), True),
    ([sent(3, *P, days_ago=4, response="later")], n.Nudge(3, P), True),      # "later" = a few days
    ([sent(3, *P, days_ago=2.9, response="later")], n.Nudge(3, P), False),
    ([sent(1, "emergency", days_ago=0)], n.Nudge(1, ("emergency",)), True),  # emergencies always
], ids=["first", "6.9-days", "7-days", "new-reason", "higher-level", "l2-covers-l3", "l2-again",
        "l2-new-flag", "later-3-days", "later-too-soon", "emergency-always"])
def test_cadence(history: list[n.NudgeRecord], nudge: n.Nudge, expected: bool) -> None:
    assert (n.due([nudge], history, NOW) == nudge) is expected


# ---------------------------------------------------------------- acknowledgment
@pytest.mark.parametrize(("history", "nudge", "expected"), [
    ([sent(3, *P, days_ago=10, response="booked")], n.Nudge(3, P), False),             # quiet 30 days
    ([sent(3, *P, days_ago=40, response="booked", answered_days_ago=29.9)], n.Nudge(3, P), False),
    ([sent(3, *P, days_ago=40, response="booked", answered_days_ago=30)], n.Nudge(3, P), True),
    ([sent(3, *P, days_ago=10, response="booked")], n.Nudge(3, ("persistent", "places")), False),
    ([sent(2, "weakness", days_ago=10, response="booked")], n.Nudge(2, ("weakness",)), True),  # never 1-2
    ([sent(3, *P, days_ago=10, response="booked")], n.Nudge(2, ("speech",)), True),  # escalation beats quiet
    ([sent(3, *P, days_ago=10, response="booked")], n.Nudge(1, ("emergency",)), True),
], ids=["quiet", "29.9-days", "30-days", "quiet-new-l3-reason", "never-level-2", "escalation-l2",
        "escalation-l1"])
def test_booked_quiets_level_three_only(history: list[n.NudgeRecord], nudge: n.Nudge, expected: bool) -> None:
    assert (n.due([nudge], history, NOW) == nudge) is expected


def test_the_most_urgent_due_nudge_wins() -> None:
    found = [n.Nudge(3, P), n.Nudge(2, ("balance",))]
    assert n.due(found, [], NOW) == n.Nudge(2, ("balance",))
    assert n.due(found, [sent(2, "balance", days_ago=1)], NOW) is None
    assert n.due(found, [sent(2, "balance", days_ago=8)], NOW) == n.Nudge(2, ("balance",))


def test_candidates_carry_every_reason_most_urgent_first() -> None:
    checkins = [*run(13, 1, "face"), twitch(0, "face", "leg", med=True)]
    assert n.candidates(checkins, signs(TODAY, "weakness"), TODAY, 14) == [
        n.Nudge(2, ("weakness",)), n.Nudge(3, ("persistent", "places"))]


@given(st.lists(st.tuples(st.integers(0, 60), st.booleans(), st.sampled_from(["face", "arm", "leg"])),
                max_size=40))
def test_rules_are_total_and_reasons_belong_to_their_level(days: list[tuple[int, bool, str]]) -> None:
    checkins = [CheckinDay(day=TODAY - timedelta(days=o), twitches=t, locations=(p,), step=None)
                for o, t, p in {o: (o, t, p) for o, t, p in days}.values()]
    for nudge in n.candidates(checkins, [], TODAY, 14):
        assert nudge.reasons and set(nudge.reasons) <= set(n.REASONS[nudge.level])
    assert n.due(n.candidates(checkins, [], TODAY, 14), [], NOW) in (None, *n.candidates(checkins, [], TODAY, 14))
