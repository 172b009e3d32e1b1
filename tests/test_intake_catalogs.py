"""The intake and reminders catalogs: same keys and placeholders in every language, valid HTML."""

from __future__ import annotations

import re

import pytest
from fluent.syntax import FluentParser, ast

from coachbot.i18n import LANGUAGES, I18n, messages_dir
from coachbot.sandbox import validate_telegram_html

FILES = ("intake.ftl", "reminders.ftl")


def entries(lang: str, name: str) -> dict[str, set[str]]:
    resource = FluentParser().parse((messages_dir() / lang / name).read_text(encoding="utf-8"))
    found = {}
    for entry in resource.body:
        if isinstance(entry, ast.Message):
            text = (messages_dir() / lang / name).read_text(encoding="utf-8")
            block = text[entry.span.start:entry.span.end]
            found[entry.id.name] = set(re.findall(r"\{ *\$(\w+)", block))
    return found


@pytest.mark.parametrize("name", FILES)
def test_same_keys_and_placeholders_everywhere(name: str) -> None:
    english = entries("en", name)
    for lang in LANGUAGES:
        assert entries(lang, name) == english, f"{lang}/{name} differs from en"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_renders_as_valid_telegram_html(lang: str) -> None:
    i18n = I18n()
    args = dict(mg=95, total=1200, goal=2000, limit=400, bar="▰▱", percent=60, left=800, ml=250, drink="x",
                cutoff="17:00", bedtime="23:00", until="2026-05-01 10:00", when="2026-05-01 20:00",
                days=3, max=60, hours=3, minutes=0, time="11:00", water="on", caffeine="on", state="on")
    for name in FILES:
        for key in entries("en", name):
            for days in (1, 2, 5, 7, 21):
                text = i18n.t(lang, key, **{**args, "days": days})
                assert text != key and "{" not in text, (lang, key)
                validate_telegram_html(text)
