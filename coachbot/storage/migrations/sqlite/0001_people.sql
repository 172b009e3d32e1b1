-- People and their settings. Every other table references people(id) with
-- ON DELETE CASCADE, so deleting a person removes everything about them.
CREATE TABLE people (
    id              INTEGER PRIMARY KEY,          -- Telegram user id (== private chat id)
    chat_id         INTEGER NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1,   -- 0 after they blocked the bot
    onboarding_step TEXT,                         -- NULL once onboarding is finished
    awaiting        TEXT,                         -- what free text we expect next, if anything
    created_utc     TEXT NOT NULL,
    updated_utc     TEXT NOT NULL
);

CREATE TABLE settings (
    person_id               INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    language                TEXT NOT NULL,
    timezone                TEXT NOT NULL,
    wake_time               TEXT NOT NULL,        -- local "HH:MM"
    sleep_time              TEXT NOT NULL,
    checkin_time            TEXT NOT NULL,
    water_goal_ml           INTEGER NOT NULL,
    caffeine_limit_mg       INTEGER NOT NULL,
    caffeine_cutoff_minutes INTEGER NOT NULL DEFAULT 360,   -- before bedtime
    hydration_every_minutes INTEGER NOT NULL DEFAULT 120,
    hydration_on            INTEGER NOT NULL DEFAULT 1,
    caffeine_reminder_on    INTEGER NOT NULL DEFAULT 1,
    daily_tip_on            INTEGER NOT NULL DEFAULT 0,
    weekly_summary_on       INTEGER NOT NULL DEFAULT 0,
    paused_until_utc        TEXT
);
