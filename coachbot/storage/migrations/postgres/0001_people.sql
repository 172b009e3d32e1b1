-- People and their settings (PostgreSQL; same tables and meaning as sqlite/0001_people.sql).
-- Every other table references people(id) with ON DELETE CASCADE.
CREATE TABLE people (
    id              BIGINT PRIMARY KEY,           -- Telegram user id (== private chat id)
    chat_id         BIGINT NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1,   -- 0 after they blocked the bot
    onboarding_step TEXT,
    awaiting        TEXT,
    created_utc     TEXT NOT NULL,                -- ISO-8601 UTC text, as in SQLite (sortable)
    updated_utc     TEXT NOT NULL
);

CREATE TABLE settings (
    person_id               BIGINT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    language                TEXT NOT NULL,
    timezone                TEXT NOT NULL,
    wake_time               TEXT NOT NULL,
    sleep_time              TEXT NOT NULL,
    checkin_time            TEXT NOT NULL,
    water_goal_ml           INTEGER NOT NULL,
    caffeine_limit_mg       INTEGER NOT NULL,
    caffeine_cutoff_minutes INTEGER NOT NULL DEFAULT 360,
    hydration_every_minutes INTEGER NOT NULL DEFAULT 120,
    hydration_on            INTEGER NOT NULL DEFAULT 1,
    caffeine_reminder_on    INTEGER NOT NULL DEFAULT 1,
    daily_tip_on            INTEGER NOT NULL DEFAULT 0,
    weekly_summary_on       INTEGER NOT NULL DEFAULT 0,
    paused_until_utc        TEXT
);
