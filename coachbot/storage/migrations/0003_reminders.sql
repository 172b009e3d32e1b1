-- Intake log and the reminders engine (issue: reminders).
CREATE TABLE intake (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('water', 'caffeine')),
    amount      INTEGER NOT NULL CHECK (amount > 0),   -- ml for water, mg for caffeine
    item        TEXT NOT NULL DEFAULT '',              -- e.g. coffee, espresso, custom
    at_utc      TEXT NOT NULL,
    day         TEXT NOT NULL                          -- local date at the time of logging
);
CREATE INDEX intake_person_day ON intake(person_id, day);

CREATE TABLE reminders (
    person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,                 -- checkin | hydration | caffeine | tip | summary
    next_due_utc  TEXT,                          -- NULL = off
    every_minutes INTEGER,                       -- for repeating kinds
    snoozed_until TEXT,
    PRIMARY KEY (person_id, kind)
);
CREATE INDEX reminders_due ON reminders(next_due_utc) WHERE next_due_utc IS NOT NULL;

CREATE TABLE deliveries (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    due_utc      TEXT NOT NULL,
    created_utc  TEXT NOT NULL,
    sent_utc     TEXT,
    status       TEXT NOT NULL DEFAULT 'pending',   -- pending | sent | dropped | failed
    attempts     INTEGER NOT NULL DEFAULT 0,
    local_day    TEXT NOT NULL
);
CREATE INDEX deliveries_pending ON deliveries(status, due_utc);
CREATE INDEX deliveries_person_day ON deliveries(person_id, local_day);
