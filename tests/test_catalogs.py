"""Every catalog in messages/: same keys and placeholders in every language, renders to valid Telegram HTML.

Discovers messages/<lang>/*.ftl generically, so catalogs added by any feature are covered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from coachbot.i18n import I18n, messages_dir
from coachbot.sandbox import validate_telegram_html

PLURAL_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}
# Argument names that carry numbers (besides those used as plural selectors or in NUMBER()).
NUMERIC_NAME = re.compile(r"^(n|k|ul)$|count|num|seconds|minutes|hours|days|weeks|mg|ml|low|high|"
                          r"cycle|total|goal|limit|amount|percent|level|streak|size|age|hour|day_count",
                          re.IGNORECASE)
MAX_TEXT = 4096


@dataclass
class Entry:
    message: ast.Message
    variables: set[str] = field(default_factory=set)
    numeric: set[str] = field(default_factory=set)
    plural_selects: list[ast.SelectExpression] = field(default_factory=list)


class _Walker(Visitor):
    """Collect variables, numeric hints and plural selectors of one message."""

    def __init__(self) -> None:
        super().__init__()
        self.variables: set[str] = set()
        self.numeric: set[str] = set()
        self.references: set[str] = set()
        self.plural_selects: list[ast.SelectExpression] = []

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.variables.add(node.id.name)

    def visit_MessageReference(self, node: ast.MessageReference) -> None:
        self.references.add(node.id.name)

    def visit_FunctionReference(self, node: ast.FunctionReference) -> None:
        if node.id.name == "NUMBER":
            self.numeric.update(a.id.name for a in node.arguments.positional
                                if isinstance(a, ast.VariableReference))
        self.generic_visit(node)

    def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
        keys = {v.key.name for v in node.variants if isinstance(v.key, ast.Identifier)}
        numbers = any(isinstance(v.key, ast.NumberLiteral) for v in node.variants)
        if isinstance(node.selector, ast.VariableReference) and (keys & (PLURAL_CATEGORIES - {"other"})
                                                                 or numbers):
            self.numeric.add(node.selector.id.name)
            self.plural_selects.append(node)
        self.generic_visit(node)


def languages() -> list[str]:
    return sorted(p.name for p in messages_dir().iterdir() if p.is_dir() and list(p.glob("*.ftl")))


def catalog_files() -> list[Path]:
    return sorted(messages_dir().glob("*/*.ftl"))


@cache
def catalog(lang: str) -> dict[str, Entry]:
    """key -> Entry for every message of one language, across all its files."""
    parser = FluentParser()
    entries: dict[str, Entry] = {}
    refs: dict[str, set[str]] = {}
    for path in sorted((messages_dir() / lang).glob("*.ftl")):
        resource = parser.parse(path.read_text(encoding="utf-8"))
        for item in resource.body:
            if isinstance(item, ast.Message):
                assert item.id.name not in entries, f"{lang}: {item.id.name} defined twice ({path.name})"
                walker = _Walker()
                walker.visit(item)
                entries[item.id.name] = Entry(item, walker.variables, walker.numeric, walker.plural_selects)
                refs[item.id.name] = walker.references
    for key, entry in entries.items():   # a referenced message's variables are this message's too
        stack, done = list(refs[key]), set()
        while stack:
            ref = stack.pop()
            if ref in done or ref not in entries:
                continue
            done.add(ref)
            entry.variables |= entries[ref].variables
            entry.numeric |= entries[ref].numeric
            stack.extend(refs[ref])
    return entries


def sample_args(entry: Entry, number: int = 3) -> dict[str, object]:
    return {name: number if name in entry.numeric or NUMERIC_NAME.search(name) else f"Sample {name}"
            for name in entry.variables}


@cache
def i18n() -> I18n:
    return I18n(languages=languages())


LANGS = languages()


def test_catalogs_are_found_and_parse_cleanly() -> None:
    assert {"en", "es", "ru"} <= set(LANGS)
    parser = FluentParser()
    for path in catalog_files():
        junk = [j for j in parser.parse(path.read_text(encoding="utf-8")).body if isinstance(j, ast.Junk)]
        assert not junk, f"{path}: syntax error near {junk[0].content[:80]!r}"


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_every_language_has_exactly_the_english_keys(lang: str) -> None:
    missing = sorted(set(catalog("en")) - set(catalog(lang)))
    extra = sorted(set(catalog(lang)) - set(catalog("en")))
    assert not missing, f"{lang} is missing {missing}"
    assert not extra, f"{lang} has keys English doesn't: {extra}"


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_placeholders_match_english(lang: str) -> None:
    wrong = {key: (sorted(entry.variables), sorted(catalog(lang)[key].variables))
             for key, entry in catalog("en").items()
             if key in catalog(lang) and entry.variables != catalog(lang)[key].variables}
    assert not wrong, f"{lang}: placeholders differ from English (en, {lang}): {wrong}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_renders_to_valid_telegram_html(lang: str) -> None:
    bundle = i18n().bundles[lang]
    problems = []
    for key, entry in catalog(lang).items():
        if entry.message.value is None:
            continue
        for number in (1, 2, 5, 21):
            text, errors = bundle.format_pattern(bundle.get_message(key).value, sample_args(entry, number))
            if errors:
                problems.append(f"{key}: {errors}")
                break
            try:
                validate_telegram_html(text)
            except ValueError as exc:
                problems.append(f"{key}: {exc}")
                break
            if not 0 < len(text) < MAX_TEXT:
                problems.append(f"{key}: {len(text)} characters")
                break
    assert not problems, f"{lang}:\n" + "\n".join(problems)


def _variant(select: ast.SelectExpression, category: str) -> str:
    chosen = next((v for v in select.variants if isinstance(v.key, ast.Identifier) and v.key.name == category),
                  next(v for v in select.variants if v.default))
    return repr(chosen.value.to_json())


@pytest.mark.parametrize(("lang", "needed", "cases"), [
    ("ru", {"one", "few", "many"}, {1: "one", 2: "few", 5: "many", 21: "one", 22: "few", 11: "many"}),
    ("es", {"one"}, {1: "one", 2: "other", 5: "other", 21: "other"}),
    ("en", {"one"}, {1: "one", 2: "other", 5: "other", 21: "other"}),
])
def test_plural_selectors_pick_the_right_form(lang: str, needed: set[str], cases: dict[int, str]) -> None:
    """Each plural select has the language's forms, and 1/2/5/21 land in the right one."""
    bundle = i18n().bundles[lang]
    for key, entry in catalog(lang).items():
        for select in entry.plural_selects:
            keys = {v.key.name for v in select.variants if isinstance(v.key, ast.Identifier)}
            assert needed <= keys, f"{lang}/{key}: plural forms {sorted(keys)} lack {sorted(needed - keys)}"
        if not entry.plural_selects or entry.message.value is None:
            continue
        rendered = {}
        for number in cases:
            text, errors = bundle.format_pattern(bundle.get_message(key).value, sample_args(entry, number))
            assert not errors, (key, errors)
            rendered[number] = re.sub(r"\d+", "#", text)
        by_category: dict[str, set[str]] = {}
        for number, category in cases.items():
            by_category.setdefault(category, set()).add(rendered[number])
        for category, texts in by_category.items():
            assert len(texts) == 1, f"{lang}/{key}: numbers of category {category} render differently"
        for select in entry.plural_selects:
            for a in by_category:
                for b in by_category:
                    if a < b and _variant(select, a) != _variant(select, b) and len(entry.plural_selects) == 1:
                        assert by_category[a] != by_category[b], f"{lang}/{key}: {a} and {b} render the same"
