"""Import meaning checks: table-driven nonsense of the right type, and every schema column covered."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot.domain import archive
from coachbot.domain.import_rules import DERIVED_TABLES, ImportRefused, check_tables, rules
from coachbot.i18n import LANGUAGES
from coachbot.storage import Storage
from coachbot.storage.export import person_tables

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
STAMP = "2026-03-09T08:00:00.000000Z"
GOOD = {
    "people": {"onboarding_step": None, "created_utc": STAMP, "updated_utc": STAMP},
    "settings": {"language": "es", "timezone": "Europe/Madrid", "wake_time": "07:00", "sleep_time": "23:00",
                 "checkin_time": "20:00", "water_goal_ml": 2000, "caffeine_limit_mg": 400,
                 "caffeine_cutoff_minutes": 360, "hydration_every_minutes": 120, "hydration_on": 1,
                 "caffeine_reminder_on": 1, "daily_tip_on": 0, "weekly_summary_on": 0, "paused_until_utc": None},
    "checkins": {"day": "2026-03-09", "twitches": 1, "locations": "face,arm", "frequency": "few",
                 "intensity": "mild", "stress": 3, "sleep": "6to7", "new_medicine": 0, "exercise": None,
                 "step": None, "created_utc": STAMP, "updated_utc": STAMP},
    "intake": {"kind": "caffeine", "amount": 95, "item": "coffee", "at_utc": STAMP, "day": "2026-03-09",
               "ref": None},
    "food_log": {"food": "other", "note": "борщ", "at_utc": STAMP, "day": "2026-03-10"},
    "nudges": {"level": 3, "reasons": "persistent,places", "created_utc": STAMP, "response": None,
               "responded_utc": None},
    "tips_seen": {"tip_id": "relax-box", "seen_utc": STAMP},
    "red_flag_screens": {"day": "2026-03-09", "flags": "", "complete": 1, "emergency": 0, "created_utc": STAMP},
    "warning_signs": {"day": "2026-03-09", "sign": "numbness", "source": "button", "created_utc": STAMP},
}


def tables_with(table: str | None = None, column: str | None = None, value: object = None) -> dict:
    out = {}
    for name, row in GOOD.items():
        row = dict(row)
        if name == table:
            row[column] = value
        out[name] = {"columns": list(row), "rows": [list(row.values())]}
    return out


def test_a_good_export_passes() -> None:
    check_tables(tables_with(), NOW, LANGUAGES)


# Values of the right type that mean nothing: each is refused, naming where it is.
NONSENSE = [
    ("settings", "paused_until_utc", "soon"),
    ("settings", "paused_until_utc", "2030-01-01T00:00:00.000000Z"),   # a pause longer than /pause allows
    ("settings", "hydration_every_minutes", 2**63 - 1),
    ("settings", "hydration_every_minutes", 0),
    ("settings", "water_goal_ml", -1),
    ("settings", "caffeine_limit_mg", 10**9),
    ("settings", "language", "xx"),
    ("settings", "timezone", "Mars/Olympus"),
    ("settings", "timezone", "../../etc/passwd"),
    ("settings", "wake_time", "25:00"),
    ("settings", "checkin_time", "7"),
    ("settings", "hydration_on", 2),
    ("settings", "hydration_on", True),
    ("people", "onboarding_step", "zzz"),
    ("people", "created_utc", "0"),
    ("people", "created_utc", "x"),
    ("checkins", "day", "0"),
    ("checkins", "day", "1999-12-31"),
    ("checkins", "day", "2026-03-12"),            # after tomorrow
    ("checkins", "day", "2026-02-30"),
    ("checkins", "stress", 9),
    ("checkins", "frequency", "always"),
    ("checkins", "locations", "face,face"),
    ("checkins", "locations", "face,brain"),
    ("checkins", "step", "zzz"),
    ("checkins", "updated_utc", "2126-03-09T08:00:00.000000Z"),
    ("intake", "kind", "zzz"),
    ("intake", "amount", 0),
    ("intake", "amount", 2**63 - 1),
    ("intake", "item", "<b>"),
    ("intake", "ref", "x" * 1000),
    ("food_log", "food", "poison"),
    ("food_log", "note", "x" * 501),
    ("nudges", "level", 7),
    ("nudges", "reasons", ""),
    ("nudges", "reasons", "cancer"),
    ("nudges", "response", "maybe"),
    ("tips_seen", "tip_id", "breathing"),
    ("red_flag_screens", "flags", "weakness,zzz"),
    ("red_flag_screens", "emergency", -1),
    ("warning_signs", "sign", "cancer"),
    ("warning_signs", "source", "rumour"),
    ("warning_signs", "day", "2026-13-01"),
]


@pytest.mark.parametrize(("table", "column", "value"), NONSENSE)
def test_well_typed_nonsense_is_refused_naming_the_place(table: str, column: str, value: object) -> None:
    with pytest.raises(ImportRefused) as info:
        check_tables(tables_with(table, column, value), NOW, LANGUAGES)
    assert info.value.place == f"{table}, row 1, {column}"


def test_water_and_caffeine_amounts_are_checked_against_their_own_kind() -> None:
    with pytest.raises(ImportRefused, match="intake, row 1, amount"):
        check_tables(tables_with("intake", "amount", 2500), NOW, LANGUAGES)   # 2.5 g of caffeine


def test_engine_state_is_never_read_and_unknown_tables_are_refused() -> None:
    tables = tables_with()
    tables["reminders"] = {"columns": ["kind", "next_due_utc", "every_days"], "rows": [["zzz", "0", 2**63 - 1]]}
    tables["deliveries"] = {"columns": ["kind"], "rows": [["zzz"]]}
    check_tables(tables, NOW, LANGUAGES)          # skipped: planned again after the import
    tables["journal"] = {"columns": ["mood"], "rows": [["calm"]]}
    with pytest.raises(ImportRefused, match="journal"):
        check_tables(tables, NOW, LANGUAGES)


@given(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40)))
def test_any_value_is_either_accepted_or_refused_never_an_error(value: object) -> None:
    for table, row in GOOD.items():
        for column in row:
            try:
                check_tables(tables_with(table, column, value), NOW, LANGUAGES)
            except ImportRefused:
                pass


async def test_every_column_of_every_person_table_has_a_rule(tmp_path: Path) -> None:
    """A migration that adds a person table or column must say what an import may put there."""
    storage = Storage(str(tmp_path / "schema.sqlite3"))
    await storage.open()
    try:
        tables = await person_tables(storage.db)
    finally:
        await storage.close()
    table_rules = rules(LANGUAGES)
    for table in tables:
        if table.name in DERIVED_TABLES:
            continue
        assert table.name in table_rules, f"no import rules for table {table.name}"
        missing = {c.name for c in table.columns} - set(table_rules[table.name])
        assert not missing, f"no import rule for {table.name}: {sorted(missing)}"


def test_the_parse_is_bounded_before_building_objects() -> None:
    """The issue's upload: a small file of millions of empty lists is refused before parsing."""
    body = (b'{"format": "coachbot-export", "version": 1, "tables": {"food_log": {"columns": [], "rows": ['
            + b",".join([b"[]"] * 1_500_000) + b"]}}}")
    assert len(body) < archive.MAX_UPLOAD
    with pytest.raises(archive.ArchiveError) as info:
        archive.parse_upload(body)
    assert info.value.reason == "too-big"


def test_rows_per_table_are_capped() -> None:
    rows = ",".join(['["x"]'] * (archive.MAX_TABLE_ROWS + 1))
    body = ('{"format": "coachbot-export", "version": 1, "tables": {"food_log": {"columns": ["note"], "rows": ['
            + rows + "]}}}").encode()
    with pytest.raises(archive.ArchiveError, match="too-big"):
        archive.parse_upload(body)
