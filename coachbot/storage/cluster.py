"""What several bot processes sharing one database agree on: updates already handled, who is alive."""

from __future__ import annotations

from datetime import datetime

from .db import Database
from .timefmt import to_iso


class Cluster:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def seen(self, update_id: int) -> bool:
        return await self.db.fetchone("SELECT 1 FROM updates_seen WHERE update_id = ?", (update_id,)) is not None

    async def forget_updates(self, before: datetime) -> int:
        """Telegram redelivers within hours, not days: old ids can go (and tickets nobody handled)."""
        await self.db.execute("DELETE FROM update_tickets WHERE taken_utc < ?", (to_iso(before),))
        return await self.db.execute("DELETE FROM updates_seen WHERE seen_utc < ?", (to_iso(before),))

    async def take_ticket(self, update_id: int, user_key: int, now: datetime) -> None:
        """Note an update as received, before Telegram is answered (webhook mode)."""
        await self.db.execute(
            "INSERT INTO update_tickets (update_id, user_key, taken_utc) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (update_id, user_key, to_iso(now)))

    async def earlier_ticket(self, update_id: int, user_key: int) -> bool:
        """Whether an earlier update about the same person was received and is not handled yet."""
        return await self.db.fetchone(
            "SELECT 1 FROM update_tickets WHERE user_key = ? AND update_id < ? LIMIT 1",
            (user_key, update_id)) is not None

    async def handled(self, update_id: int, user_key: int, now: datetime) -> None:
        """Remember an update as handled and let the person's next one go.

        Earlier tickets of the same person go too: they were handled already, or their process
        died after answering Telegram and before handling them (the next update waited its limit).
        """
        async with self.db.transaction() as tx:
            await tx.execute(
                "INSERT INTO updates_seen (update_id, seen_utc) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (update_id, to_iso(now)))
            await tx.execute("DELETE FROM update_tickets WHERE user_key = ? AND update_id <= ?",
                             (user_key, update_id))

    async def heartbeat(self, worker: str, now: datetime, alive_since: datetime) -> int:
        """Say this process is alive; return how many processes were seen since `alive_since`."""
        async with self.db.transaction() as tx:
            await tx.execute(
                "INSERT INTO workers (id, seen_utc) VALUES (?, ?)"
                " ON CONFLICT (id) DO UPDATE SET seen_utc = excluded.seen_utc", (worker, to_iso(now)))
            await tx.execute("DELETE FROM workers WHERE seen_utc < ?", (to_iso(alive_since),))
            row = await tx.fetchone("SELECT COUNT(*) AS n FROM workers")
        return max(1, int(row["n"])) if row else 1

    async def leave(self, worker: str) -> None:
        await self.db.execute("DELETE FROM workers WHERE id = ?", (worker,))
