-- Several bot processes on one database (see sqlite/0006_several_processes.sql).
ALTER TABLE deliveries ADD COLUMN lease_until TEXT;

CREATE TABLE updates_seen (
    update_id  BIGINT PRIMARY KEY,
    seen_utc   TEXT NOT NULL
);
CREATE INDEX updates_seen_age ON updates_seen(seen_utc);

CREATE TABLE workers (
    id         TEXT PRIMARY KEY,
    seen_utc   TEXT NOT NULL
);
