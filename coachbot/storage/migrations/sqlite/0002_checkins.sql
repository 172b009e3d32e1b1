-- Daily check-ins, red-flag screens and doctor nudges (issue: check-ins).
CREATE TABLE checkins (
    person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    day           TEXT NOT NULL,                 -- the person's local date, YYYY-MM-DD
    twitches      INTEGER,                       -- 1 yes, 0 no, NULL not answered yet
    locations     TEXT NOT NULL DEFAULT '',      -- comma list: face,arm,leg,torso
    frequency     TEXT,                          -- few | onoff | most
    intensity     TEXT,                          -- mild | noticeable | strong
    stress        INTEGER CHECK (stress BETWEEN 1 AND 5),
    sleep         TEXT,                          -- lt5 | 5to6 | 6to7 | 7to8 | gt8
    new_medicine  INTEGER,                       -- 1 yes, 0 no
    exercise      INTEGER,                       -- 1 hard exercise that day
    step          TEXT DEFAULT 'twitches',       -- question on screen; NULL once finished
    created_utc   TEXT NOT NULL,
    updated_utc   TEXT NOT NULL,
    PRIMARY KEY (person_id, day)
);

CREATE TABLE red_flag_screens (
    person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    day           TEXT NOT NULL,
    flags         TEXT NOT NULL DEFAULT '',      -- comma list: weakness,balance,shrinking,speech ; '' = none
    complete      INTEGER NOT NULL DEFAULT 0,    -- 1 once answered ("none of these" or "done")
    emergency     INTEGER NOT NULL DEFAULT 0,    -- 1 if the person reported sudden emergency signs
    created_utc   TEXT NOT NULL,
    PRIMARY KEY (person_id, day)
);

CREATE TABLE nudges (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    level         INTEGER NOT NULL CHECK (level IN (1, 2, 3)),
    reasons       TEXT NOT NULL,                 -- comma list of reason codes
    created_utc   TEXT NOT NULL,
    response      TEXT,                          -- booked | later | NULL
    responded_utc TEXT
);
CREATE INDEX nudges_person ON nudges(person_id, created_utc);
