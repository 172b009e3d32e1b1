"""What typed text that answers no question is probably about: a greeting, twitches, or a mistyped command.

Word lists cover the bot's languages (en, es, ru); matching is on folded whole words and
word stems, so "Hola!!", "my eye keeps twitching 😩" and "дёргается веко" are recognised.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

GREETINGS = {
    "hi", "hello", "hey", "hiya", "morning", "evening", "afternoon", "yo", "howdy",
    "hola", "buenas", "buenos", "saludos", "holi",
    "привет", "здравствуите", "здравствуй", "добрыи", "доброе", "приветик", "здрасте",
}
# Stems: a word starting with one of these is about twitches or the muscles that twitch.
TWITCH_STEMS = (
    "twitch", "spasm", "flicker", "fascicul", "eyelid", "quiver", "tremor", "cramp",
    "contraccion", "espasm", "parpad", "tiembl", "temblor", "calambr",
    "дерга", "дергает", "подерг", "дрож", "спазм", "судорог", "фасцикул", "веко", "века", "мышц",
)
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_COMMAND_RE = re.compile(r"^/(\w+)")  # "/chekin@coachbot x" -> "chekin"
MAX_WORDS = 40  # a long message is a story, not a greeting; still looked at for twitch words


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("ё", "е").replace("й", "и")


def words(text: str) -> list[str]:
    return _WORD_RE.findall(fold(text))


def classify(text: str) -> str | None:
    """'twitches' if the text talks about twitching, 'greeting' if it opens with a greeting, else None."""
    found = words(text)[:MAX_WORDS]
    if any(w.startswith(TWITCH_STEMS) for w in found):
        return "twitches"
    if found and (found[0] in GREETINGS or (len(found) > 1 and f"{found[0]} {found[1]}" in ("good morning",
                                                                                              "good evening",
                                                                                              "good afternoon"))):
        return "greeting"
    return None


def suggest_command(typed: str, known: set[str] | frozenset[str]) -> str | None:
    """The known command closest to a mistyped one ("/chekin" -> "checkin"), if one is close enough."""
    m = _COMMAND_RE.match(typed.strip())
    name = m.group(1).lower() if m else ""
    if not name or name in known:
        return None
    matches = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.7)
    return matches[0] if matches else None
