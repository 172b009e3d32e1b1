"""Every inline button the features send: one small class per feature action.

The fields are the button's arguments, each with the values the bot sends (`coachbot/codec.py`
reads them back and refuses anything else). Grouped by feature prefix; a prefix belongs to one
feature and the registry refuses a (feature, action) declared twice. The buttons on reminders
themselves (snooze, "less often") live with the engine in `reminders/controls.py`.
"""

from __future__ import annotations

from datetime import date

from coachbot.codec import Button, Day, Flag, Int, OneOf, Word, arg
from coachbot.domain import caffeine, exercises, foods, hydration, planner
from coachbot.domain import checkins as ci
from coachbot.domain import doctor_rules as dr
from coachbot.domain import nudges as rules
from coachbot.i18n import LANGUAGES

ROW_ID = Int(1, 2**62)   # a database id the handler looks up for the person who pressed

# ---- q: the profile questions (onboarding and /settings) --------------------------------
PROFILE_FIELDS = ("lang", "tz", "wake", "sleep", "ci")


class SetLanguage(Button, feature="q", action="lang"):
    code: str = arg(OneOf(LANGUAGES))


class PickZone(Button, feature="q", action="tz"):
    zone: str = arg(Word())          # a zone name, or "type" for "let me type it"


class PickTime(Button):
    """A preset time for one of the three daily times (checked again by the handler)."""

    time: str = arg(Word())


class PickWake(PickTime, feature="q", action="wake"):
    pass


class PickSleep(PickTime, feature="q", action="sleep"):
    pass


class PickCheckinTime(PickTime, feature="q", action="ci"):
    pass


# ---- set: /settings ---------------------------------------------------------------------
class OpenSetting(Button, feature="set", action="open"):
    field: str = arg(OneOf(PROFILE_FIELDS))


class ShowSettings(Button, feature="set", action="show"):
    pass


class CloseSettings(Button, feature="set", action="close"):
    pass


# ---- txt: replies to free text ------------------------------------------------------------
class CheckinNow(Button, feature="txt", action="checkin"):
    pass


# ---- in: water, caffeine, pause and their settings ---------------------------------------
class AddWater(Button, feature="in", action="w"):
    ml: int = arg(Int(1, hydration.MAX_LOG_ML))
    ref: str = arg(Word(), default="")   # one log per printed button, however often it is tapped


class AddDrink(Button, feature="in", action="c"):
    drink: str = arg(OneOf(caffeine.BY_KEY))
    ref: str = arg(Word(), default="")


class UndoIntake(Button, feature="in", action="undo"):
    entry: int = arg(ROW_ID)


class MeantLitres(Button, feature="in", action="wl"):
    """"I meant litres": undo the glasses just logged and log this much instead."""

    entry: int = arg(ROW_ID)
    ml: int = arg(Int(1, hydration.MAX_LOG_ML))


class AskAmount(Button):
    """Ask for a typed amount; the person's next text answers it (people.awaiting)."""

    @property
    def awaiting(self) -> str:
        return f"intake_{self.ACTION}"


class AskWater(AskAmount, feature="in", action="wc"):
    pass


class AskCaffeine(AskAmount, feature="in", action="cc"):
    pass


class AskGoal(AskAmount, feature="in", action="goalt"):
    pass


class AskWeight(AskAmount, feature="in", action="goalw"):
    pass


class AskLimit(AskAmount, feature="in", action="limitt"):
    pass


class PauseFor(Button, feature="in", action="pause"):
    days: int = arg(Int(1, planner.MAX_PAUSE_DAYS))


INTAKE_EDITORS = ("goal", "limit", "every", "rem")


class OpenIntakeSetting(Button, feature="in", action="set"):
    which: str = arg(OneOf(INTAKE_EDITORS))


class SetGoal(Button, feature="in", action="goal"):
    ml: int = arg(Int(hydration.MIN_GOAL_ML, hydration.MAX_GOAL_ML))


class SetLimit(Button, feature="in", action="limit"):
    mg: int = arg(Int(0, caffeine.DEFAULT_LIMIT_MG))


class SetEvery(Button, feature="in", action="every"):
    minutes: int = arg(Int(30, planner.MAX_HYDRATION_EVERY))


class SetIntakeReminder(Button, feature="in", action="tog"):
    kind: str = arg(OneOf(("h", "f")))   # reminder_kinds codes: water and caffeine only
    on: bool = arg(Flag())


# ---- ci: the daily check-in and the doctor nudges ------------------------------------------
class OnDay(Button):
    """A check-in button: which day's check-in it answers."""

    day: date = arg(Day())


class Twitches(OnDay, feature="ci", action="t"):
    answer: str = arg(OneOf(("yes", "no", "later")))


class Place(OnDay, feature="ci", action="w"):
    place: str = arg(OneOf(ci.LOCATIONS))
    on: bool = arg(Flag())


class PlacesDone(OnDay, feature="ci", action="wd"):
    pass


class Choice(OnDay):
    """One answer to a one-choice question; QUESTION names it."""

    QUESTION = ci.OFTEN
    value: str = arg(Word())


class Often(Choice, feature="ci", action="o"):
    QUESTION = ci.OFTEN
    value: str = arg(OneOf(ci.OFTEN.codes))


class Strength(Choice, feature="ci", action="s"):
    QUESTION = ci.STRENGTH
    value: str = arg(OneOf(ci.STRENGTH.codes))


class Stress(Choice, feature="ci", action="st"):
    QUESTION = ci.STRESS
    value: str = arg(OneOf(ci.STRESS.codes))


class Sleep(Choice, feature="ci", action="sl"):
    QUESTION = ci.SLEEP
    value: str = arg(OneOf(ci.SLEEP.codes))


class Medicine(Choice, feature="ci", action="m"):
    QUESTION = ci.MEDICINE
    value: str = arg(OneOf(ci.MEDICINE.codes))


class RedFlag(OnDay, feature="ci", action="f"):
    flag: str = arg(OneOf(ci.RED_FLAGS))
    on: bool = arg(Flag())


class FlagsNone(OnDay, feature="ci", action="fn"):
    pass


class FlagsDone(OnDay, feature="ci", action="fd"):
    pass


class ChangeAnswers(OnDay, feature="ci", action="chg"):
    pass


class FillDay(OnDay, feature="ci", action="fill"):
    pass


class UndoDay(OnDay, feature="ci", action="undo"):
    pass


class Extra(OnDay, feature="ci", action="x"):
    """An optional one-tap answer on a finished day (sleep, stress, exercise)."""

    step: str = arg(OneOf(tuple(q.step for q in ci.QUESTIONS if q.any_day)))
    code: str = arg(Word())


class CheckinSos(Button, feature="ci", action="sos"):
    """The 🚨 on check-in screens (handled by the safety layer): works whatever follows."""

    day: str = arg(Word(), default="")


class NudgeAnswer(Button, feature="ci", action="n"):
    nudge: int = arg(ROW_ID)
    response: str = arg(OneOf(rules.RESPONSES))


# ---- sg: warning signs any day --------------------------------------------------------------
SIGN_SOURCES = (dr.SOURCE_BUTTON, dr.SOURCE_COMMAND)   # the weekly screen lives in the check-in
FULL_MASK = (1 << len(dr.WARNING_SIGNS)) - 1


class OpenSigns(Button, feature="sg", action="open"):
    source: str = arg(OneOf(SIGN_SOURCES))


class TickSigns(Button, feature="sg", action="t"):
    """The list with these ticks (the bitmask travels in the data; nothing is stored yet)."""

    source: str = arg(OneOf(SIGN_SOURCES))
    mask: int = arg(Int(0, FULL_MASK))


class NoSigns(Button, feature="sg", action="none"):
    source: str = arg(OneOf(SIGN_SOURCES))


class SignsDone(Button, feature="sg", action="done"):
    source: str = arg(OneOf(SIGN_SOURCES))
    mask: int = arg(Int(1, FULL_MASK))


# ---- sos: the safety layer ---------------------------------------------------------------
class Emergency(Button, feature="sos", action="go"):
    pass


class Misread(Button, feature="sos", action="ok"):
    token: int = arg(ROW_ID)


class NotMeant(Button, feature="sos", action="no"):
    token: int = arg(ROW_ID)


class SaveSign(Button, feature="sos", action="save"):
    signs: str = arg(Word())        # warning-sign codes joined by "."


# ---- care: pregnancy -----------------------------------------------------------------------
PREGNANCY_ANSWERS = ("yes", "no", "skip")
FROM_SETUP, FROM_SETTINGS = "o", "s"


class PregnancyQuestion(Button, feature="care", action="ask"):
    pass


class Pregnancy(Button, feature="care", action="preg"):
    answer: str = arg(OneOf(PREGNANCY_ANSWERS))
    origin: str = arg(OneOf((FROM_SETUP, FROM_SETTINGS)))


# ---- coach, breathe, food, learn: coaching ----------------------------------------------
class AnotherTip(Button, feature="coach", action="tip"):
    pass


class Exercise(Button, feature="coach", action="ex"):
    id: str = arg(OneOf(exercises.BY_ID))


class Exercises(Button, feature="coach", action="exlist"):
    pass


class Worry(Button, feature="coach", action="worry"):
    pass


class DailyTip(Button, feature="coach", action="daily"):
    """Open the daily-tip editor, or turn daily tips on or off (absolute, so a double tap is harmless)."""

    choice: str = arg(OneOf(("open", "on", "off")))


class Breathe(Button, feature="breathe", action="go"):
    pattern: str = arg(OneOf(exercises.PATTERNS))


class StopBreathing(Button, feature="breathe", action="stop"):
    pass


class LogFood(Button, feature="food", action="log"):
    food: str = arg(OneOf(foods.BY_ID))
    stamp: str = arg(Word())        # the diary's last entry when shown: an old diary logs nothing


class UndoFood(Button, feature="food", action="undo"):
    entry: int = arg(ROW_ID)


class FoodNote(Button, feature="food", action="note"):
    pass


class FoodGuide(Button, feature="food", action="guide"):
    pass


class FoodDiary(Button, feature="food", action="diary"):
    pass


class LearnPage(Button, feature="learn", action="page"):
    page: str = arg(Word())


class LearnIndex(Button, feature="learn", action="index"):
    pass


# ---- ins: insights ---------------------------------------------------------------------------
class WeeklySummary(Button, feature="ins", action="weekly"):
    """Turn the weekly summary on or off: the value the person will get, not a toggle."""

    on: bool = arg(Flag())


# ---- data: /delete -----------------------------------------------------------------------
class DeleteEverything(Button, feature="data", action="del"):
    stamp: int = arg(Int(0, 2**40))   # when it was asked (seconds): an old confirmation expires


class KeepData(Button, feature="data", action="keep"):
    pass
