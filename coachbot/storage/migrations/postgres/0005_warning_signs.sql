-- Warning signs reported outside the weekly screen (see sqlite/0005_warning_signs.sql).
CREATE TABLE warning_signs (
    person_id     BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    day           TEXT NOT NULL,
    sign          TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('screen', 'button', 'text', 'command')),
    created_utc   TEXT NOT NULL,
    PRIMARY KEY (person_id, day, sign, source)
);
