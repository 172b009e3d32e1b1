"""How the safety rules read the labelled corpus in tests/safety_corpus/. Prints JSON.

    python bench/safety_corpus.py            # figures per language and per file
    python bench/safety_corpus.py --misses   # and every phrase read wrongly

Every phrase is read the way the bot reads a message: with all three languages'
rules, the most severe reading winning. Recall counts emergency phrases read as
emergency, and warning phrases read as a warning or an emergency.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import emit
from coachbot.domain import safety
from coachbot.i18n import LANGUAGES, messages_dir

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "safety_corpus"
CLASSES = ("emergency", "warning", "worry", "negated", "everyday")


@dataclass(frozen=True)
class Phrase:
    language: str
    file: str
    label: str          # one of CLASSES
    sign: str           # for warnings: the expected sign code
    text: str


def load_corpus(root: Path = CORPUS) -> list[Phrase]:
    """Every labelled phrase: `[class]` or `[warning <sign>]` headers, one phrase a line, # comments."""
    phrases = []
    for path in sorted(root.glob("*.txt")):
        lang = path.stem.split("-")[0]
        label, sign = "", ""
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                label, _, sign = line[1:-1].partition(" ")
                if label not in CLASSES:
                    raise ValueError(f"{path}: unknown class {label!r}")
                continue
            phrases.append(Phrase(lang, path.name, label, sign, line))
    return phrases


def correct(p: Phrase, r: safety.Reading) -> bool:
    """What the rules must answer for each class."""
    if p.label == "emergency":
        return r.kind == safety.EMERGENCY
    if p.label == "warning":
        return r.kind == safety.EMERGENCY or (r.kind == safety.WARNING and p.sign in r.signs)
    if p.label == "worry":
        return r.kind == safety.WORRY
    return r.kind == safety.NONE


def evaluate(phrases: list[Phrase], rules: dict[str, safety.RuleSet]) -> dict[str, Any]:
    groups: dict[str, dict[str, Any]] = {}
    misses = []
    for p in phrases:
        r = safety.read_any(rules, p.text, p.language)
        for key in (p.language, p.file):
            g = groups.setdefault(key, {c: {"n": 0, "ok": 0, "as_emergency": 0} for c in CLASSES})
            g[p.label]["n"] += 1
            g[p.label]["ok"] += correct(p, r)
            g[p.label]["as_emergency"] += r.kind == safety.EMERGENCY
        if not correct(p, r):
            misses.append({"lang": p.language, "label": f"{p.label} {p.sign}".strip(), "got": r.kind,
                           "signs": list(r.signs), "text": p.text})
    figures = {}
    for key, g in groups.items():
        n_calm = g["negated"]["n"] + g["everyday"]["n"]
        figures[key] = {
            "phrases": sum(c["n"] for c in g.values()),
            **{f"{c}_n": g[c]["n"] for c in CLASSES},
            "emergency_recall": _ratio(g["emergency"]["ok"], g["emergency"]["n"]),
            "warning_recall": _ratio(g["warning"]["ok"], g["warning"]["n"]),
            "warning_as_emergency": g["warning"]["as_emergency"],
            "worry_as_worry": _ratio(g["worry"]["ok"], g["worry"]["n"]),
            "worry_as_emergency": g["worry"]["as_emergency"],
            "negated_or_everyday_as_emergency": _ratio(
                g["negated"]["as_emergency"] + g["everyday"]["as_emergency"], n_calm),
            "negated_or_everyday_as_none": _ratio(g["negated"]["ok"] + g["everyday"]["ok"], n_calm),
        }
    return {"figures": figures, "misses": misses}


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every phrase read wrongly")
    args = parser.parse_args(argv)
    rules = safety.load_rules(messages_dir(), LANGUAGES)
    phrases = load_corpus()
    started = time.perf_counter()
    result = evaluate(phrases, rules)
    elapsed = time.perf_counter() - started
    out: dict[str, Any] = {"phrases": len(phrases), "figures": result["figures"],
                           "misses": len(result["misses"]),
                           "ms_per_phrase": round(elapsed * 1000 / max(1, len(phrases)), 3)}
    if args.misses:
        out["missed"] = result["misses"]
    return emit(out)


if __name__ == "__main__":
    main()
