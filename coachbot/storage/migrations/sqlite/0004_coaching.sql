-- Coaching: which tips a person has seen, and the food diary (issue: coaching).
CREATE TABLE tips_seen (
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    tip_id     TEXT NOT NULL,
    seen_utc   TEXT NOT NULL,            -- last time shown; the least recent repeats first
    PRIMARY KEY (person_id, tip_id)
);

CREATE TABLE food_log (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    food       TEXT NOT NULL,            -- catalog id (spinach, almonds, ...) or 'other'
    note       TEXT NOT NULL DEFAULT '', -- free text, at most 500 characters
    at_utc     TEXT NOT NULL,
    day        TEXT NOT NULL             -- the person's local date when logged
);
CREATE INDEX food_person_day ON food_log(person_id, day);
