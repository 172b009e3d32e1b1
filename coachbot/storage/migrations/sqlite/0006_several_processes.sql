-- Several bot processes on one database (issue 16). SQLite runs one process (the instance lock),
-- but keeps the same schema so every backend runs the same repositories.
-- A delivery being sent is leased: other processes skip it until lease_until, so a killed
-- process's deliveries go out from the others once its lease ends.
ALTER TABLE deliveries ADD COLUMN lease_until TEXT;

-- Update ids already handled, so an update Telegram delivers twice (to two processes) runs once.
CREATE TABLE updates_seen (
    update_id  INTEGER PRIMARY KEY,
    seen_utc   TEXT NOT NULL
);
CREATE INDEX updates_seen_age ON updates_seen(seen_utc);

-- Live bot processes (heartbeats): the send budget is split between those seen lately.
CREATE TABLE workers (
    id         TEXT PRIMARY KEY,
    seen_utc   TEXT NOT NULL
);
