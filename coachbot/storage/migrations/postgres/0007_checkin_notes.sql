-- A note typed during a check-in (issue 14): the day's own words, shown in /history and the report.
CREATE TABLE checkin_notes (
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    day         TEXT NOT NULL,                                   -- the person's local date, YYYY-MM-DD
    note        TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
    updated_utc TEXT NOT NULL,
    PRIMARY KEY (person_id, day)
);
