-- Several processes (issue 16): a webhook update gets a ticket before Telegram is answered, so
-- when one person's next update reaches another process, it waits for this one to be handled.
CREATE TABLE update_tickets (
    update_id  BIGINT PRIMARY KEY,
    user_key   BIGINT NOT NULL,   -- Telegram user (or chat) id the update is about
    taken_utc  TEXT NOT NULL
);
CREATE INDEX update_tickets_user ON update_tickets(user_key, update_id);
