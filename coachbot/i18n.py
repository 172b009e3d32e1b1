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

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax.ast import Message

log = logging.getLogger(__name__)
LANGUAGES = ("en", "es", "ru")
DEFAULT_LANGUAGE = "en"


def messages_dir() -> Path:
    """messages/ beside the package (a source checkout), or COACHBOT_MESSAGES."""
    override = os.environ.get("COACHBOT_MESSAGES")
    return Path(override) if override else Path(__file__).resolve().parent.parent / "messages"


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
        for lang in self.languages:
            bundle = FluentBundle([lang], use_isolating=False)
            keys: set[str] = set()
            for path in sorted((self.root / lang).glob("*.ftl")):
                resource = FluentResource(path.read_text(encoding="utf-8"))
                keys.update(entry.id.name for entry in resource.body if isinstance(entry, Message))
                bundle.add_resource(resource)
            self.bundles[lang] = bundle
            self.keys[lang] = keys

    def has(self, key: str, lang: str = DEFAULT_LANGUAGE) -> bool:
        return key in self.keys.get(lang, set())

    def t(self, lang: str, key: str, **args: Any) -> str:
        """Render `key` in `lang`, falling back to English, then to the key itself."""
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
