"""Reading what a person types for safety: an emergency, a warning sign, worry, or nothing.

Pure. The rules are data, one file per language (messages/<lang>/safety-rules.toml),
written for meaning rather than for sentences:

- `[meanings]` name groups of words and phrases ("sudden", "weak", "face", "droop");
  a word ending in `*` matches any ending (`weak*`: weak, weaker, weakness);
- `[[emergency]]`, `[[warning]]` and `[[worry]]` rules fire when every meaning in
  `when` appears in one sentence, in any order, and no meaning in `unless` does;
- `[words]` says which words mean "not" (before or after what they deny), which are
  doubt and never mean "not", which end what a "not" covers ("but", "just"), and
  which everyday phrases only look like a sign ("weak coffee").

Text is lower-cased, accents and emoji are dropped, apostrophes removed, and
longer words forgive one typo (two from nine letters) as long as the first two
letters are right. The longest phrase wins, so "can't breathe" is inability, not a "not";
the meanings of shorter phrases inside it count too ("getting weaker" is both
"worse" and "weak"), except inside a harmless phrase.

A "not" covers the meanings right after it; across a comma or "or" it carries on
through a list ("no weakness, numbness or tingling"). That carried-on denial
is trusted for warnings and worry but not for emergencies: when in doubt about
an emergency, the bot says so and offers a calm way out.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EMERGENCY, WARNING, WORRY, NONE = "emergency", "warning", "worry", "none"
KINDS = (EMERGENCY, WARNING, WORRY, NONE)
SEVERITY = {NONE: 0, WORRY: 1, WARNING: 2, EMERGENCY: 3}
CRISIS = "crisis"               # an emergency rule's `reply` for thoughts of self-harm
RULES_FILE = "safety-rules.toml"
MAX_CHARS = 2000                # longer texts are read up to here
NOT_WINDOW = 4                  # a "not" reaches this many words ahead ("not sure it's real weakness")
AFTER_WINDOW = 3                # a "none"/"нет" after a meaning reaches back this many words

# Internal meaning names for the [words] lists.
_NOT, _NOT_AFTER, _DOUBT, _STOP, _LIST, _HARMLESS = (
    "~not", "~not-after", "~doubt", "~stop", "~list", "~harmless")
_WORD_LISTS = {"not": _NOT, "not_after": _NOT_AFTER, "doubt": _DOUBT, "stop": _STOP, "list": _LIST,
               "harmless": _HARMLESS}
_MARKS = {**dict.fromkeys(".!?;\n…", "."), **dict.fromkeys(":-–—", ":")}   # other marks: ","
_TOKEN = re.compile(r"[^\W_]+|[.!?;\n…]|[,:()\-–—/]")
_INWORD_HYPHEN = re.compile(r"(?<=\w)[-‐‑](?=\w)")
# "не сказал бы, что это слабость": the comma Russian puts before "что" must not end the "not".
_SAY_THAT = re.compile(r"(сказал[а]? бы|сказать|скажу),\s*(?=что)")


@dataclass(frozen=True)
class Reading:
    """What a text says for safety; `signs` are warning-sign codes, `reply` a special reply."""

    kind: str = NONE
    signs: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    reply: str = ""

    @property
    def severity(self) -> int:
        return SEVERITY[self.kind]


@dataclass(frozen=True)
class Rule:
    kind: str
    name: str
    when: frozenset[str]
    unless: frozenset[str] = frozenset()
    sign: str = ""
    reply: str = ""


@dataclass
class RuleSet:
    """One language's compiled rules."""

    language: str
    rules: tuple[Rule, ...]
    phrases: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]  # first token -> phrases
    exact: frozenset[str]
    stems: frozenset[str]
    by_first: dict[str, tuple[str, ...]]   # typo candidates by their first two letters
    no_typos: frozenset[str]
    _cache: dict[tuple[str, bool], frozenset[str]] = field(default_factory=dict)


class RulesError(ValueError):
    """A rule file that cannot be used, with the file and the reason."""


# ------------------------------------------------------------------ text
def normalize(text: str) -> str:
    """Lower case, no accents (ё→е, й→и, ñ→n), no apostrophes, hyphenated words split."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _SAY_THAT.sub(r"\1 ", re.sub(r"['’`´ʼ]", "", text))
    return _INWORD_HYPHEN.sub(" ", text)


def tokens(text: str) -> list[str]:
    """Words and punctuation marks that matter (emoji and other symbols are dropped)."""
    return _TOKEN.findall(normalize(text))


def _is_word(token: str) -> bool:
    return token[0].isalnum()


def typo_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours counts as one), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _allowed_typos(length: int) -> int:
    return 0 if length < 5 else 1 if length < 9 else 2


# ----------------------------------------------------------------- rules
def _term(text: str) -> tuple[str, ...]:
    parts = tuple(t for t in tokens(text.replace("*", "STEMMARK")) if _is_word(t))
    return tuple(p.replace("stemmark", "*") for p in parts)


def compile_rules(data: Mapping[str, Any], language: str, source: str = "<rules>") -> RuleSet:
    """Check and compile a parsed rule file; RulesError names the file and the problem."""
    meanings = _meanings(data, source)
    phrases: dict[tuple[str, ...], set[str]] = {}
    for name, words in meanings.items():
        for w in words:
            term = _term(w)
            if not term:
                raise RulesError(f"{source}: meaning {name!r} has an empty word {w!r}")
            phrases.setdefault(term, set()).add(name)
    rules = tuple(_rule(kind, i, raw, set(meanings), source)
                  for kind in (EMERGENCY, WARNING, WORRY) for i, raw in enumerate(data.get(kind, [])))
    index: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
    for term, names in phrases.items():
        index.setdefault(term[0], []).append((term, frozenset(names)))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    vocab = {t for term in phrases for t in term}
    exact = frozenset(t for t in vocab if not t.endswith("*"))
    stems = frozenset(t[:-1] for t in vocab if t.endswith("*"))
    no_typos = frozenset(normalize(w) for w in data.get("words", {}).get("no_typos", []))
    return RuleSet(language, rules, index, exact, stems, _typo_candidates(vocab), no_typos)


def _meanings(data: Mapping[str, Any], source: str) -> dict[str, list[str]]:
    """Meaning name -> its words: the shared [words] lists under their internal names, then [meanings]."""
    meanings = {internal: list(data.get("words", {}).get(key, [])) for key, internal in _WORD_LISTS.items()}
    for name, words in data.get("meanings", {}).items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise RulesError(f"{source}: meaning {name!r} must be a list of words in quotes")
        meanings[name] = words
    return meanings


def _rule(kind: str, i: int, raw: Mapping[str, Any], meanings: set[str], source: str) -> Rule:
    when = frozenset(raw.get("when", []))
    unless = frozenset(raw.get("unless", []))
    name = str(raw.get("name", f"{kind} {i + 1}"))
    missing = sorted((when | unless) - meanings)
    if not when:
        raise RulesError(f"{source}: {kind} rule {name!r} needs `when`")
    if missing:
        raise RulesError(f"{source}: {kind} rule {name!r} uses unknown meanings {missing}")
    sign = str(raw.get("sign", ""))
    if kind == WARNING and not sign:
        raise RulesError(f"{source}: warning rule {name!r} needs a `sign`")
    return Rule(kind, name, when, unless, sign, str(raw.get("reply", "")))


def _typo_candidates(vocab: set[str]) -> dict[str, tuple[str, ...]]:
    """Words long enough to forgive a typo in (5 letters, or 6 for a stem), by their first two letters."""
    by_first: dict[str, list[str]] = {}
    for t in vocab:
        if len(t.rstrip("*")) >= (5 if not t.endswith("*") else 6):
            by_first.setdefault(t[:2], []).append(t)
    return {k: tuple(sorted(v)) for k, v in by_first.items()}


def load_rules(root: Path, languages: Iterable[str]) -> dict[str, RuleSet]:
    """Read messages/<lang>/safety-rules.toml for each language.

    People mix languages, and every text is read with every language's rules, so the
    small [words] lists ("not", "but", "and"...) of all languages apply in each of them:
    an English "not" also denies a word the Spanish rules know.
    """
    parsed = {}
    for lang in languages:
        path = root / lang / RULES_FILE
        try:
            parsed[lang] = (path, tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise RulesError(f"{path}: {exc}") from exc
    shared: dict[str, list[str]] = {}
    for _, data in parsed.values():
        for key in _WORD_LISTS:
            shared.setdefault(key, []).extend(data.get("words", {}).get(key, []))
    found = {}
    for lang, (path, data) in parsed.items():
        words = {**data.get("words", {}), **shared}
        found[lang] = compile_rules({**data, "words": words}, lang, str(path))
    return found


# -------------------------------------------------------------- matching
def _word_matches(rs: RuleSet, word: str, typos: bool) -> frozenset[str]:
    """The rule tokens (`weak*`, `arm`) this word stands for, typos forgiven if asked."""
    cached = rs._cache.get((word, typos))
    if cached is not None:
        return cached
    found = {word} if word in rs.exact else set()
    found.update(word[:n] + "*" for n in range(1, len(word) + 1) if word[:n] in rs.stems)
    if typos and not found and word not in rs.no_typos and len(word) >= 5:
        found = {cand for cand in rs.by_first.get(word[:2], ()) if _misspelt(cand, word)}
    result = frozenset(found)
    if len(rs._cache) < 50_000:
        rs._cache[(word, typos)] = result
    return result


def _misspelt(cand: str, word: str) -> bool:
    """Whether `word` is `cand` give or take the typos its length forgives (`weak*`: its start)."""
    if not cand.endswith("*"):
        limit = _allowed_typos(len(cand))
        return typo_distance(cand, word, limit) <= limit
    stem = cand[:-1]
    limit = _allowed_typos(len(stem))
    return any(typo_distance(stem, word[:n], limit) <= limit
               for n in (len(stem) - 1, len(stem), len(stem) + 1) if n <= len(word))


@dataclass
class _Hit:
    meanings: frozenset[str]
    denied: str = ""            # "" | "direct" | "list"


def _phrases_at(rs: RuleSet, toks: Sequence[str], matches: Sequence[frozenset[str]], i: int,
                end: int) -> list[tuple[int, frozenset[str]]]:
    """Every phrase starting at token i and ending by `end`: (length, meanings)."""
    found = []
    for first in matches[i]:
        for term, meaning in rs.phrases.get(first, ()):
            n = len(term)
            if i + n <= end and all(term[j] in matches[i + j] for j in range(1, n)):
                found.append((n, meaning))
    return found


def _items(rs: RuleSet, toks: Sequence[str], typos: bool = True) -> list[object]:
    """The text as hits (_Hit), plain words and boundaries: '.' ends a sentence, ',' a clause,
    ':' (colon, dash) a clause for a "not" before it but not for a "none" after it."""
    out: list[object] = []
    matches = [_word_matches(rs, t, typos) if _is_word(t) else frozenset() for t in toks]
    i = 0
    while i < len(toks):
        item, used = _item_at(rs, toks, matches, i)
        if item is not None:
            out.append(item)
        i += used
    return out


def _item_at(rs: RuleSet, toks: Sequence[str], matches: Sequence[frozenset[str]],
             i: int) -> tuple[object | None, int]:
    """The item starting at token i and how many tokens it takes; None for a harmless phrase."""
    tok = toks[i]
    if not _is_word(tok):
        return _MARKS.get(tok, ","), 1
    found = _phrases_at(rs, toks, matches, i, len(toks))
    if not found:
        return tok, 1
    n = max(length for length, _ in found)     # the longest phrase wins
    names = frozenset().union(*(m for length, m in found if length == n))
    if _HARMLESS in names:                     # "weak coffee": nothing in it counts
        return None, n
    # Shorter phrases inside count too ("getting weaker": weak).
    inner = (m for j in range(i, i + n) for _, m in _phrases_at(rs, toks, matches, j, i + n))
    return _Hit(names | {name for m in inner for name in m if not name.startswith("~")}), n


class _Denial:
    """The state while walking a text's items once, marking denied hits sentence by sentence."""

    def __init__(self) -> None:
        self.sentences: list[list[_Hit]] = [[]]
        self.reach = 0                  # words a "not" still covers
        self.carry = False              # just crossed a comma or "or" while denying
        self.clause: list[_Hit] = []    # hits since the last comma or stop word, for a "none" after them

    def reset(self) -> None:            # a sentence's end or a stop word ("but", "just")
        self.reach, self.carry, self.clause = 0, False, []

    def pause(self) -> None:            # a comma, colon or "and"/"or": a "not" carries on
        self.carry, self.reach = self.reach > 0 or self.carry, 0

    def word(self) -> None:
        self.carry, self.reach = False, max(0, self.reach - 1)

    def hit(self, hit: _Hit) -> None:
        names = hit.meanings
        if _STOP in names:
            self.reset()
        elif _LIST in names:
            self.pause()
        elif _NOT_AFTER in names or _NOT in names:
            recent = self.clause[-AFTER_WINDOW:] if _NOT_AFTER in names else []
            for h in recent:            # "numbness: none" denies the clause's last hits
                h.denied = "direct"
            if _NOT in names and not recent:
                self.reach, self.carry = NOT_WINDOW, False
        elif _DOUBT not in names:
            if self.reach > 0:
                hit.denied, self.reach = "direct", 2
            elif self.carry:
                hit.denied = "list"
            self.sentences[-1].append(hit)
            self.clause.append(hit)


def _deny(items: list[object]) -> list[list[_Hit]]:
    """Mark denied hits and split into sentences (lists of hits)."""
    state = _Denial()
    for item in items:
        if isinstance(item, _Hit):
            state.hit(item)
        elif item == ".":
            state.sentences.append([])
            state.reset()
        elif item in (",", ":"):
            state.pause()
            state.clause = [] if item == "," else state.clause
        else:
            state.word()
    return state.sentences


def _fires(rule: Rule, present: set[str]) -> bool:
    return rule.when <= present and not (rule.unless & present)


def _fired(rs: RuleSet, hits: Sequence[_Hit]) -> list[Rule]:
    """The rules one sentence fires. An emergency word counts unless it was denied directly
    ("no chest pain"); other rules also drop words denied as part of a list ("no pain, numbness")."""
    strict = {n for h in hits if h.denied != "direct" for n in h.meanings}
    trusting = {n for h in hits if not h.denied for n in h.meanings}
    return [rule for rule in rs.rules if _fires(rule, strict if rule.kind == EMERGENCY else trusting)]


def read(rs: RuleSet, text: str, typos: bool = True) -> Reading:
    """Classify one text with one language's rules (forgiving typos, unless told not to)."""
    sentences = _deny(_items(rs, tokens(text[:MAX_CHARS]), typos))
    fired = [rule for hits in sentences for rule in _fired(rs, hits)]
    if not fired:
        return Reading()
    top = max(SEVERITY[r.kind] for r in fired)
    chosen = [r for r in fired if SEVERITY[r.kind] == top]
    signs = tuple(dict.fromkeys(r.sign for r in chosen if r.sign))
    reply = next((r.reply for r in chosen if r.reply), "")
    return Reading(chosen[0].kind, signs, tuple(dict.fromkeys(r.name for r in chosen)), reply)


def read_any(rule_sets: Mapping[str, RuleSet], text: str, first: str | None = None) -> Reading:
    """Classify with every language's rules (people type in more than one); the most severe wins.

    Typos are forgiven in `first` (the person's language; in every language when unknown),
    while other languages must match exactly, so "muebles" is never a typo of "mumble".
    `first` also breaks ties, so its sign codes and rule names come first.
    """
    order = sorted(rule_sets, key=lambda lang: lang != first)
    readings = [read(rule_sets[lang], text, first is None or lang == first) for lang in order]
    best = max(readings, key=lambda r: r.severity)   # max keeps the first of equals
    if best.kind != WARNING:
        return best
    signs = tuple(dict.fromkeys(s for r in readings if r.kind == WARNING for s in r.signs))
    return Reading(best.kind, signs, best.rules, best.reply)
