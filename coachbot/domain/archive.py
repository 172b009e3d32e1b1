"""The /export file format: a ZIP with one CSV per table and a JSON copy that /import reads.

Pure bytes in, bytes out. Parsing is defensive: the upload is capped, the ZIP
is checked for bombs (declared sizes, compression ratio, bounded reads) and the
JSON for its format name, version, shape and sizes before anything touches the
database. Memory is bounded before any object is built: the JSON text is capped
(MAX_JSON) and its values are counted from the raw bytes (every value but the
first follows a ',' or an opening bracket), so a small file of millions of
empty lists is refused instead of parsed. `bench/import_parse.py` measures the
peak for the worst shapes.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import datetime
from typing import Any

FORMAT = "coachbot-export"
VERSION = 1
JSON_NAME = "coachbot-export.json"
MAX_UPLOAD = 5 * 1024 * 1024        # bytes of the file a person sends back
MAX_JSON = 6 * 1024 * 1024          # uncompressed JSON copy (a heavy 5-year export is ~3 MB)
MAX_MEMBERS = 64
MAX_RATIO = 100                     # uncompressed / compressed, per member
MAX_VALUES = 400_000                # upper bound on JSON values, counted before parsing
MAX_ROWS = 100_000                  # all tables together
MAX_TABLE_ROWS = 50_000             # any one table
MAX_STRING = 10_000


class ArchiveError(ValueError):
    """Why a file can't be imported; `reason` is a short code the handler turns into a sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def build_archive(tables: dict[str, dict[str, list[Any]]], exported: datetime, readme: str) -> bytes:
    """ZIP bytes: README.txt, coachbot-export.json and <table>.csv for every table."""
    doc = {"format": FORMAT, "version": VERSION, "exported_utc": exported.isoformat(), "tables": tables}
    stamp = exported.timetuple()[:6]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        def put(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)

        put("README.txt", readme.encode("utf-8"))
        put(JSON_NAME, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
        for name, body in tables.items():
            put(f"{name}.csv", to_csv(body["columns"], body["rows"]))
    return buf.getvalue()


def to_csv(columns: list[str], rows: list[list[Any]]) -> bytes:
    """One table as CSV (UTF-8 with BOM so spreadsheets read any alphabet); NULL is empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def parse_upload(data: bytes) -> dict[str, Any]:
    """The `tables` of an export file (the ZIP, or its JSON copy on its own); ArchiveError if not."""
    if len(data) > MAX_UPLOAD:
        raise ArchiveError("too-big")
    if data.startswith(b"PK"):
        raw = _json_from_zip(data)
    elif data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        raw = data
    else:
        raise ArchiveError("not-export")
    if count_values(raw) > MAX_VALUES:
        raise ArchiveError("too-big")
    try:
        doc = json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ArchiveError("corrupt") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ArchiveError("not-export")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ArchiveError("not-export")
    if version > VERSION:
        raise ArchiveError("newer-version")
    tables = doc.get("tables")
    if not isinstance(tables, dict):
        raise ArchiveError("corrupt")
    _check_sizes(tables)
    return tables


def count_values(raw: bytes) -> int:
    """An upper bound on the number of JSON values in `raw`, without building any.

    Each value after the first is preceded by ',' or an opening bracket; characters
    inside strings are counted too, which only makes the bound larger.
    """
    return raw.count(b",") + raw.count(b"[") + raw.count(b"{") + 1


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a value an export contains")


def _json_from_zip(data: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise ArchiveError("not-export")
            info = next((i for i in infos if i.filename == JSON_NAME), None)
            if info is None:
                raise ArchiveError("not-export")
            if info.file_size > MAX_JSON or info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise ArchiveError("too-big")
            with zf.open(info) as member:
                raw = member.read(MAX_JSON + 1)   # never trust the declared size alone
            if len(raw) > MAX_JSON:
                raise ArchiveError("too-big")
            return raw
    except ArchiveError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError,
            ValueError, RuntimeError) as exc:  # bad CRC, encrypted, unknown compression, truncated
        raise ArchiveError("corrupt") from exc


def _check_sizes(tables: dict[str, Any]) -> None:
    rows = 0
    for body in tables.values():
        if not isinstance(body, dict) or not isinstance(body.get("rows"), list):
            raise ArchiveError("corrupt")
        if len(body["rows"]) > MAX_TABLE_ROWS:
            raise ArchiveError("too-big")
        rows += len(body["rows"])
        for row in body["rows"]:
            if isinstance(row, list) and any(isinstance(v, str) and len(v) > MAX_STRING for v in row):
                raise ArchiveError("too-big")
    if rows > MAX_ROWS:
        raise ArchiveError("too-big")
