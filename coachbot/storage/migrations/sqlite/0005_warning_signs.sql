-- Warning signs reported outside the weekly screen (issue 11): "Something new?" under a
-- check-in summary, /signs, or typed words the person confirmed. One row per sign, day and
-- source. The weekly screen's ticks stay in red_flag_screens.flags (source "screen"), so
-- old databases and old exports keep working unchanged; readers merge both.
CREATE TABLE warning_signs (
    person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    day           TEXT NOT NULL,                 -- the person's local date, YYYY-MM-DD
    sign          TEXT NOT NULL,                 -- weakness | balance | shrinking | stiffness | numbness
                                                 -- | breathing | speaking (legacy: speech)
    source        TEXT NOT NULL CHECK (source IN ('screen', 'button', 'text', 'command')),
    created_utc   TEXT NOT NULL,                 -- first time this sign came from this source that day
    PRIMARY KEY (person_id, day, sign, source)
);
