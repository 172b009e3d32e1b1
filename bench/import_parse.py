"""Peak memory and time of parsing hostile /import uploads (the worst shapes that fit the caps).

Each case runs in a fresh process: the ZIP is built first, then `parse_upload` runs
under tracemalloc; the peak it reports is what parsing allocated beyond the upload
itself. RSS growth (ru_maxrss) is printed beside it. Prints one JSON object.

    python bench/import_parse.py
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import subprocess
import sys
import time
import tracemalloc
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from coachbot.domain import archive

HEAD = b'{"format": "coachbot-export", "version": 1, "tables": {"food_log": {"columns": ["note"], "rows": '


def _zip(body: bytes) -> bytes:
    buf = io.BytesIO()
    # Stored when it fits (a ratio of 1 passes the zip-bomb check whatever the shape), else deflated.
    method = zipfile.ZIP_STORED if len(body) < archive.MAX_UPLOAD - 1024 else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buf, "w", compression=method) as zf:
        zf.writestr(archive.JSON_NAME, body)
    return buf.getvalue()


def _fill(item: bytes, budget: int) -> bytes:
    """HEAD + one row [item, item, ...] + tail, as large as the byte and value caps let through."""
    per = len(item) + 1
    values = archive.count_values(item + b",")   # what each item adds to the value count
    n = min((budget - len(HEAD) - 8) // per, (archive.MAX_VALUES - 20) // values)
    return HEAD + b"[[" + b",".join([item] * n) + b"]]}}}"


BUDGET = min(archive.MAX_JSON, archive.MAX_UPLOAD - 1024)   # stored: the JSON is the upload
CASES = {
    # the attack: millions of empty lists (now refused by the value count)
    "empty_lists_uncapped": lambda: HEAD + b"[" + b",".join([b"[]"] * 1_700_000) + b"]}}}",
    "empty_lists": lambda: _fill(b"[]", BUDGET),
    "empty_objects": lambda: _fill(b"{}", BUDGET),
    "floats": lambda: _fill(b"1.5e300", BUDGET),
    "short_strings": lambda: _fill(b'"ab"', BUDGET),
    "wide_strings": lambda: _fill(('"' + "\U0001F600" * 20 + '"').encode(), BUDGET),
    "long_strings": lambda: _fill(b'"' + b"x" * (archive.MAX_STRING - 2) + b'"', BUDGET),
    # deflated up to the JSON cap: random text (so the ratio stays low) with one emoji, which
    # makes the decoded document 4 bytes per character
    "random_text_one_emoji": lambda: _random_text_one_emoji(archive.MAX_JSON - 200),
}


def _random_text_one_emoji(budget: int) -> bytes:
    rng = random.Random(1)
    chunk = 9_000
    items = ['"' + "".join(rng.choices("abcdefghijklmnop", k=chunk)) + '"'
             for _ in range(budget // (chunk + 3))]
    return HEAD + '[["\U0001F600",'.encode() + ",".join(items).encode() + b"]]}}}"


def run_case(name: str) -> dict:
    body = CASES[name]()
    data = _zip(body)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    started = time.perf_counter()
    try:
        archive.parse_upload(data)
        outcome = "parsed"
    except archive.ArchiveError as exc:
        outcome = f"refused:{exc.reason}"
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"case": name, "zip_kb": round(len(data) / 1024, 1), "json_mb": round(len(body) / 2**20, 2),
            "outcome": outcome, "peak_mb": round(peak / 2**20, 1),
            "rss_growth_mb": round((rss_after - rss_before) / 1024, 1), "seconds": round(seconds, 3)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--case", help="run one case in this process (used internally)")
    args = p.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return
    results = []
    for name in CASES:
        out = subprocess.run([sys.executable, __file__, "--case", name], capture_output=True, text=True,
                             check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    worst = max(r["peak_mb"] for r in results)
    print(json.dumps({"benchmark": "import_parse", "max_json_mb": archive.MAX_JSON / 2**20,
                      "max_values": archive.MAX_VALUES, "cases": results, "worst_peak_mb": worst,
                      "target_mb": 50}))


if __name__ == "__main__":
    main()
