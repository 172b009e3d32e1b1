"""One set of doctor rules: when twitches are worth a doctor's look, and how urgently.

Everything that tells a person to see a doctor is built from these constants:
the nudge rules (`nudges.py`), the warning-sign list, the learn page "When to
see a doctor" and the README's doctor section (`tests/test_doctor_rules.py`
checks that the last two match). Change a rule here and all of them follow.

Sources: NHS, "Twitching eyes and muscles"
(https://www.nhs.uk/conditions/twitching-eyes-and-muscles/): see a GP if a
twitch lasts more than 2 weeks, is in more than one place, the area feels weak
or stiff, or a prescribed medicine might be causing it; don't stop a prescribed
medicine without advice. NHS, "Stroke" (https://www.nhs.uk/conditions/stroke/):
face drooping, arm weakness, speech problems: call the emergency number at once.
The project's seed text (/work/shared/seed-muscle-twitches.txt, "When to Seek
Medical Attention"): twitches that keep going for weeks, muscle weakness that is
getting worse, problems with balance or coordination, visible muscle shrinkage.
"""

from __future__ import annotations

from collections.abc import Iterable

# Levels, most urgent first.
EMERGENCY = 1   # call the local emergency number now
SOON = 2        # see a doctor within days
BOOK = 3        # book a routine appointment

# ---------------------------------------------------------------- level 3: book
PERSISTENT_DAYS = 14                 # twitches that keep coming back this long (NHS: "more than 2 weeks")
PERSISTENT_DAYS_RANGE = (7, 28)      # what `[nudges] persistent_days` may be set to
MIN_PLACES = 2                       # "more than one place" / several parts of the body
IMPROVE_AFTER_DAYS = 28              # four weeks of the coach's advice before judging "no improvement"
MEDICINE_WINDOW_DAYS = 7             # a new or changed medicine this close to when twitches began
BOOK_RULES = ("persistent", "places", "not_improving", "medicine")

# ---------------------------------------------------------- level 2: see soon
# Warning signs a person can report (codes are stored; never rename one).
WARNING_SIGNS = (
    "weakness",     # weakness that is getting worse, dropping things
    "balance",      # trouble with balance or coordination
    "shrinking",    # a muscle that looks smaller
    "stiffness",    # stiffness or cramps that don't ease
    "numbness",     # numbness or tingling
    "breathing",    # breathing slowly getting harder
    "speaking",     # speaking or swallowing getting harder over days or weeks
)
# Codes stored before issue 11 ("speech": trouble speaking or swallowing, with no
# "sudden" or "over weeks"). Never offered again, always still readable and shown.
LEGACY_WARNING_SIGNS = ("speech",)
KNOWN_WARNING_SIGNS = WARNING_SIGNS + LEGACY_WARNING_SIGNS
FLAG_WINDOW_DAYS = 7                 # a reported sign keeps counting for the check-ins of this week

# ------------------------------------------------------- level 1: emergency now
EMERGENCY_SIGNS = (
    "one_side",     # sudden weakness or numbness on one side of the body
    "face",         # one side of the face drooping
    "speech",       # sudden trouble speaking, slurred speech
    "breathing",    # trouble breathing
    "swallowing",   # choking, unable to swallow
    "chest",        # chest pain
    "fainting",     # fainting, passing out
)

# Where a warning-sign report came from.
SOURCE_SCREEN = "screen"     # the weekly screen inside a twitch-day check-in
SOURCE_BUTTON = "button"     # "Something new?" under a check-in summary
SOURCE_TEXT = "text"         # words the person typed, confirmed with a tap
SOURCE_COMMAND = "command"   # /signs
SOURCES = (SOURCE_SCREEN, SOURCE_BUTTON, SOURCE_TEXT, SOURCE_COMMAND)

SOURCES_CITED = (
    "NHS: Twitching eyes and muscles, https://www.nhs.uk/conditions/twitching-eyes-and-muscles/",
    "NHS: Stroke, https://www.nhs.uk/conditions/stroke/",
    "coachbot seed text: Muscle Twitches, Symptoms Explained (When to Seek Medical Attention)",
)


def ordered_signs(codes: Iterable[str]) -> tuple[str, ...]:
    """Known warning-sign codes only, deduplicated, in the list's order (legacy codes last)."""
    chosen = set(codes)
    return tuple(c for c in KNOWN_WARNING_SIGNS if c in chosen)
