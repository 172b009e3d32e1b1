"""The compact city index: a read-only SQLite file shipped as package data.

Each look-up is one indexed query; nothing is loaded up front, so the index costs the
bot a file handle and SQLite's small page cache instead of a dict of every city
(≈131 MB). Built by `python -m coachbot.storage.cities_build`.
"""

from __future__ import annotations

import math
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

INDEX_PATH = Path(__file__).resolve().parent.parent / "data" / "cities.sqlite3"
INDEX_VERSION = 2
_PAGE_CACHE_KIB = 512


@dataclass(frozen=True)
class City:
    name: str
    region: str    # state or province, "" when the index does not know it
    country: str   # ISO 3166 alpha-2
    zone: str      # IANA zone
    population: int
    main_name: bool = True  # found by its own name rather than an alternate one ("Victoria" for Hong Kong)


def fold(text: str) -> str:
    """Lower case without accents, so 'Mexico' finds 'México' and 'ё' finds 'е'."""
    text = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("ё", "е")


class CityIndex:
    """Look-ups on the index file; safe to share between threads (one lock, short queries)."""

    def __init__(self, path: Path = INDEX_PATH) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self._db.execute(f"PRAGMA cache_size = -{_PAGE_CACHE_KIB}")
        self._lock = threading.Lock()
        version = self._db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if version is None or int(version[0]) != INDEX_VERSION:
            raise RuntimeError(f"city index {path} is version {version}, expected {INDEX_VERSION}")

    def named(self, text: str, limit: int = 50) -> list[City]:
        """Cities called `text` (any spelling the index knows), largest first."""
        key = fold(text)
        if not key:
            return []
        with self._lock:
            rows = self._db.execute(
                "SELECT c.name, c.region, c.country, c.zone, c.population, n.main FROM name n "
                "JOIN city c ON c.id = n.city WHERE n.key = ? ORDER BY c.population DESC LIMIT ?",
                (key, limit)).fetchall()
        return [City(row[0], row[1], row[2], row[3], int(row[4]), main_name=bool(row[5])) for row in rows]

    def nearest_zone(self, latitude: float, longitude: float) -> str:
        """The zone of the nearest city, searching boxes of growing size around the point."""
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise ValueError("coordinates out of range")
        lat, lon = math.radians(latitude), math.radians(longitude)
        cos_lat = math.cos(lat)

        def dist(row: tuple[float, float, str]) -> float:
            dlat = math.radians(row[0]) - lat
            dlon = (math.radians(row[1]) - lon + math.pi) % (2 * math.pi) - math.pi
            return dlat * dlat + (dlon * cos_lat) ** 2

        for span in (1.0, 3.0, 10.0, 30.0, 180.0):
            with self._lock:
                rows = self._db.execute(
                    "SELECT lat, lon, zone FROM city WHERE lat BETWEEN ? AND ?",
                    (latitude - span, latitude + span)).fetchall()
            # Longitude wraps at ±180, so filter it here rather than in SQL.
            near = [r for r in rows if span >= 180 or abs((r[1] - longitude + 180) % 360 - 180) <= span * 2]
            if near:
                # A box this size holds the nearest city only if it is within `span` degrees.
                best = min(near, key=dist)
                if span >= 180 or math.degrees(math.sqrt(dist(best))) <= span:
                    return best[2]
        raise LookupError("empty city index")


@lru_cache(maxsize=1)
def shared_index() -> CityIndex:
    return CityIndex()
