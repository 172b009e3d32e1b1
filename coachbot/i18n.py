"""Every sentence a person reads comes from Project Fluent catalogs in messages/<lang>/*.ftl.

Arguments are HTML-escaped before formatting because replies use Telegram's
HTML parse mode; the catalogs themselves may contain Telegram's HTML tags.
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser
from fluent.syntax.ast import Junk, Message
from fluent.syntax.ast import Message as FluentMessage

log = logging.getLogger(__name__)
LANGUAGES = ("en", "es", "ru")
LANGUAGE_NAMES = {"en": "English", "es": "Español", "ru": "Русский"}   # each in its own language
DEFAULT_LANGUAGE = "en"
FIXED_CACHE_SIZE = 4096   # I18n.fixed: formatted sentences kept (cleared when full)


def messages_dir() -> Path:
    """COACHBOT_MESSAGES, else the catalogs inside the installed package (coachbot/messages, put
    there by setup.py), else messages/ of the source checkout (editable installs, tests)."""
    override = os.environ.get("COACHBOT_MESSAGES")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent
    packaged = here / "messages"
    return packaged if packaged.is_dir() else here.parent / "messages"


def catalog_problem(root: Path | None = None, languages: Iterable[str] = LANGUAGES) -> str | None:
    """The first thing wrong with the catalogs (missing folder, syntax error, keys that differ
    from English), as one line; None when every language loads completely."""
    root = root or messages_dir()
    keys: dict[str, set[str]] = {}
    for lang in languages:
        files = sorted((root / lang).glob("*.ftl")) if (root / lang).is_dir() else []
        if not files:
            return f"no message catalogs for '{lang}' in {root / lang}"
        found: set[str] = set()
        for path in files:
            try:
                resource = FluentParser().parse(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                return f"cannot read {path}: {exc}"
            for entry in resource.body:
                if isinstance(entry, Junk):
                    line = path.read_text(encoding="utf-8")[:entry.span.start].count("\n") + 1 if entry.span else 0
                    return f"{path}: syntax error at line {line}"
                if isinstance(entry, FluentMessage):
                    found.add(entry.id.name)
        keys[lang] = found
    english = keys.get(DEFAULT_LANGUAGE, set())
    for lang, found in keys.items():
        missing = sorted(english - found)
        if missing:
            return f"catalog '{lang}' in {root / lang} lacks {len(missing)} message(s), e.g. {missing[0]}"
    return None


def pick_language(language_code: str | None, available: Iterable[str] = LANGUAGES) -> str:
    """Map Telegram's language_code ('es-MX', 'ru', None) to a catalog we have."""
    if language_code:
        base = language_code.replace("_", "-").split("-")[0].lower()
        if base in available:
            return base
    return DEFAULT_LANGUAGE


class I18n:
    """Loaded catalogs: t(lang, key, **args) renders one message."""

    def __init__(self, root: Path | None = None, languages: Iterable[str] = LANGUAGES) -> None:
        self.root = root or messages_dir()
        self.languages = tuple(languages)
        self.bundles: dict[str, FluentBundle] = {}
        self.keys: dict[str, set[str]] = {}
        self._static: dict[tuple[str, str], str] = {}
        self._fixed: dict[tuple[object, ...], str] = {}
        for lang in self.languages:
            bundle = FluentBundle([lang], use_isolating=False)
            keys: set[str] = set()
            for path in sorted((self.root / lang).glob("*.ftl")):
                # Without spans (source positions only a syntax check needs): 1.6 MB less for three languages.
                resource = FluentParser(with_spans=False).parse(path.read_text(encoding="utf-8"))
                keys.update(entry.id.name for entry in resource.body if isinstance(entry, Message))
                bundle.add_resource(resource)
            self.bundles[lang] = bundle
            self.keys[lang] = keys

    def has(self, key: str, lang: str = DEFAULT_LANGUAGE) -> bool:
        return key in self.keys.get(lang, set())

    def t(self, lang: str, key: str, **args: Any) -> str:
        """Render `key` in `lang`, falling back to English, then to the key itself.

        A sentence without arguments is formatted once and then kept (Fluent takes ~20 µs a
        sentence and a screen has about eight); one with arguments is formatted every time,
        since those can carry what a person typed (see `fixed` for arguments the code chose).
        """
        if not args:
            cached = self._static.get((lang, key))
            if cached is None:
                cached = self._static[(lang, key)] = self._format(lang, key, {})
            return cached
        return self._format(lang, key, args)

    def fixed(self, lang: str, key: str, **args: str | int) -> str:
        """t() for arguments the code itself chose from a small set (a weekday code, a day of the
        month, a label from the catalog): kept after the first time, like a sentence without
        arguments. Never for anything a person typed or anything unbounded."""
        cache_key = (lang, key, *sorted(args.items()))
        cached = self._fixed.get(cache_key)
        if cached is None:
            if len(self._fixed) >= FIXED_CACHE_SIZE:
                self._fixed.clear()
            cached = self._fixed[cache_key] = self._format(lang, key, args)
        return cached

    def _format(self, lang: str, key: str, args: dict[str, Any]) -> str:
        safe = {k: html.escape(v, quote=False) if isinstance(v, str) else v for k, v in args.items()}
        for candidate in (lang, DEFAULT_LANGUAGE):
            bundle = self.bundles.get(candidate)
            if bundle is not None and bundle.has_message(key):
                message = bundle.get_message(key)
                if message.value is None:
                    break
                text, errors = bundle.format_pattern(message.value, safe)
                if errors:
                    log.warning("catalog %s/%s: %s", candidate, key, errors)
                return str(text)
        log.error("missing message %r", key)
        return key

    def raw(self, lang: str, key: str, **args: Any) -> str:
        """Render without escaping arguments (for plain-text outputs like CSV headers, PDFs)."""
        bundle = self.bundles.get(lang) or self.bundles[DEFAULT_LANGUAGE]
        if not bundle.has_message(key):
            bundle = self.bundles[DEFAULT_LANGUAGE]
        message = bundle.get_message(key)
        if message.value is None:
            return key
        text, _ = bundle.format_pattern(message.value, args)
        return str(text)
