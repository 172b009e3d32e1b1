"""Relaxation and movement exercises, and the timed phases of the guided breathing patterns.

Texts live in the catalogs (`coaching-ex-<id>`); this module holds only the
structure: which exercises exist, and for the breathing ones, the counts.
Box breathing: 4-4-4-4, or 3-3-3-3 if four feels hard; stop if dizzy.
4-7-8 breathing: four cycles at first, sitting or lying down.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Phase:
    action: str      # inhale | hold | exhale | rest   (catalog: coaching-phase-<action>)
    seconds: int


@dataclass(frozen=True)
class BreathingPattern:
    id: str
    phases: tuple[Phase, ...]
    cycles: int

    @property
    def seconds(self) -> int:
        return self.cycles * sum(p.seconds for p in self.phases)


@dataclass(frozen=True)
class Exercise:
    id: str
    kind: str                               # breathing | relaxation | movement
    pattern: BreathingPattern | None = None  # set for exercises /breathe can guide live


BOX = BreathingPattern("box", (Phase("inhale", 4), Phase("hold", 4), Phase("exhale", 4),
                               Phase("rest", 4)), cycles=4)
BOX_GENTLE = BreathingPattern("boxgentle", (Phase("inhale", 3), Phase("hold", 3), Phase("exhale", 3),
                                            Phase("rest", 3)), cycles=4)
FOUR_SEVEN_EIGHT = BreathingPattern("478", (Phase("inhale", 4), Phase("hold", 7), Phase("exhale", 8)),
                                    cycles=4)
PATTERNS = {p.id: p for p in (BOX, BOX_GENTLE, FOUR_SEVEN_EIGHT)}

EXERCISES: tuple[Exercise, ...] = (
    Exercise("box", "breathing", BOX),
    Exercise("478", "breathing", FOUR_SEVEN_EIGHT),
    Exercise("pmr", "relaxation"),
    Exercise("mindful", "relaxation"),
    Exercise("stretch", "movement"),
    Exercise("lowimpact", "movement"),
)
BY_ID = {e.id: e for e in EXERCISES}


@dataclass(frozen=True)
class Step:
    """One screen of a guided round: cycle number (1-based), the phase, and its place overall."""

    cycle: int
    phase: Phase
    index: int


def round_steps(pattern: BreathingPattern) -> list[Step]:
    """Every phase of one guided round, in order."""
    steps: list[Step] = []
    for cycle in range(1, pattern.cycles + 1):
        for phase in pattern.phases:
            steps.append(Step(cycle, phase, len(steps)))
    return steps
