-- Intake log and the reminders engine (issue: reminders).
CREATE TABLE intake (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('water', 'caffeine')),
    amount      INTEGER NOT NULL CHECK (amount > 0),   -- ml for water, mg for caffeine
    item        TEXT NOT NULL DEFAULT '',              -- e.g. coffee, espresso, custom
    at_utc      TEXT NOT NULL,
    day         TEXT NOT NULL,                         -- local date at the time of logging
    ref         TEXT                                   -- button token: a double tap logs once
);
CREATE INDEX intake_person_day ON intake(person_id, day);
CREATE UNIQUE INDEX intake_person_ref ON intake(person_id, ref) WHERE ref IS NOT NULL;

-- One row per person and kind: the single source of truth for what fires when.
CREATE TABLE reminders (
    person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,                 -- checkin | hydration | caffeine | tip | summary
    next_due_utc  TEXT,                          -- NULL = off (or the person is inactive)
    every_minutes INTEGER,                       -- hydration interval when last planned (informative)
    snoozed_until TEXT,                          -- set while a snooze is pending
    every_days    INTEGER NOT NULL DEFAULT 1,    -- daily kinds: "less often" raises it
    PRIMARY KEY (person_id, kind)
) WITHOUT ROWID;
CREATE INDEX reminders_due ON reminders(next_due_utc) WHERE next_due_utc IS NOT NULL;

-- What the tick decided to send; the sender drains pending rows, so restarts lose nothing.
CREATE TABLE deliveries (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    due_utc      TEXT NOT NULL,
    created_utc  TEXT NOT NULL,
    sent_utc     TEXT,
    status       TEXT NOT NULL DEFAULT 'pending', -- pending | sent | merged | skipped | stale | asleep | blocked | failed
    attempts     INTEGER NOT NULL DEFAULT 0,
    local_day    TEXT NOT NULL
);
CREATE INDEX deliveries_pending ON deliveries(id) WHERE status = 'pending';
CREATE INDEX deliveries_pending_person ON deliveries(person_id) WHERE status = 'pending';
CREATE INDEX deliveries_person_day ON deliveries(person_id, local_day);
CREATE INDEX deliveries_created ON deliveries(created_utc);
