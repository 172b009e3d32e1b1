"""Every language keeps its own words: messages/<lang>/glossary.toml lists what the catalogs must not say."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from coachbot.i18n import LANGUAGES, messages_dir

ROOT = Path(messages_dir())


def glossary(lang: str) -> dict:
    return tomllib.loads((ROOT / lang / "glossary.toml").read_text(encoding="utf-8"))


class _Text(Visitor):
    """The words of a message: its text elements, every variant included, without placeholders."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def visit_TextElement(self, node: ast.TextElement) -> None:
        self.parts.append(node.value)


def texts(lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted((ROOT / lang).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            if isinstance(entry, ast.Message | ast.Term):
                walker = _Text()
                walker.visit(entry)
                out[f"{path.name}:{entry.id.name}"] = " ".join(walker.parts)
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_a_glossary(lang: str) -> None:
    words = glossary(lang)
    assert words.get("use") and "twitch" in words["use"], "the glossary names the word for a twitch"
    for pattern in words.get("banned", {}):
        re.compile(pattern)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogs_never_use_a_banned_word(lang: str) -> None:
    banned = {re.compile(p, re.IGNORECASE): why for p, why in glossary(lang).get("banned", {}).items()}
    found = [f"{key}: {pattern.search(text).group(0)!r} ({why})"  # type: ignore[union-attr]
             for key, text in texts(lang).items() for pattern, why in banned.items() if pattern.search(text)]
    assert not found, "\n".join(found)


def test_the_glossary_catches_what_it_bans() -> None:
    banned = [re.compile(p, re.IGNORECASE) for p in glossary("es")["banned"]]
    for sample in ("¿Tuviste tics hoy?", "Deja el móvil", "Patata asada", "preocupado/a"):
        assert any(p.search(sample) for p in banned), sample
    assert not any(p.search("contracciones musculares, papa, teléfono, vale la pena") for p in banned)
