"""Telegram's HTML parse_mode, re-implemented strictly.

Why: the sandbox must reject exactly the markup Telegram rejects, so a bot that
passes its tests here cannot hit "can't parse entities" in production. Other
test suites import :func:`validate_telegram_html` to check rendered messages.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["parse_telegram_html", "validate_telegram_html", "utf16_len"]

# tag -> entity type (None: decided by attributes / context).
_SIMPLE_TAGS: dict[str, str] = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}
_ALLOWED_ATTRS: dict[str, set[str]] = {
    "a": {"href"},
    "span": {"class"},
    "code": {"class"},
    "blockquote": {"expandable"},
    "tg-emoji": {"emoji-id"},
}
_ALL_TAGS = set(_SIMPLE_TAGS) | set(_ALLOWED_ATTRS)
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{0,31});")
_NAME_RE = re.compile(r"[a-zA-Z0-9-]+")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram uses for entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, pos: int) -> int:
    """Telegram reports errors at UTF-8 byte offsets; mimic that for familiar messages."""
    return len(text[:pos].encode("utf-8"))


def _decode_entity(text: str, pos: int) -> tuple[str, int]:
    """Decode the character entity at ``text[pos] == '&'``; return (char, next_pos)."""
    m = _ENTITY_RE.match(text, pos)
    if m is None:
        raise ValueError(f"Character entity expected at byte offset {_byte_offset(text, pos)}")
    body = m.group(1)
    if body.startswith("#"):
        code = int(body[2:], 16) if body[1] in "xX" else int(body[1:])
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise ValueError(f"Invalid character entity at byte offset {_byte_offset(text, pos)}")
        return chr(code), m.end()
    if body not in _NAMED_ENTITIES:
        raise ValueError(
            f'Unsupported character entity "&{body};" at byte offset {_byte_offset(text, pos)}'
        )
    return _NAMED_ENTITIES[body], m.end()


def _decode_attr(value: str) -> str:
    """Decode entities inside an attribute value (e.g. ``&amp;`` in a URL)."""
    out: list[str] = []
    i = 0
    while i < len(value):
        if value[i] == "&":
            ch, nxt = _decode_entity(value, i)
            out.append(ch)
            i = nxt
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def _parse_attrs(text: str, pos: int, tag: str, start: int) -> tuple[dict[str, str], int]:
    """Parse attributes up to the closing '>' of a start tag; return (attrs, pos after '>')."""
    attrs: dict[str, str] = {}
    n = len(text)
    while True:
        while pos < n and text[pos].isspace():
            pos += 1
        if pos >= n:
            raise ValueError(f"Unclosed start tag at byte offset {_byte_offset(text, start)}")
        if text[pos] == ">":
            return attrs, pos + 1
        m = _NAME_RE.match(text, pos)
        if m is None:
            raise ValueError(
                f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                f"at byte offset {_byte_offset(text, pos)}"
            )
        name = m.group(0).lower()
        pos = m.end()
        value = ""
        while pos < n and text[pos].isspace():
            pos += 1
        if pos < n and text[pos] == "=":
            pos += 1
            while pos < n and text[pos].isspace():
                pos += 1
            if pos >= n:
                raise ValueError(f"Unclosed start tag at byte offset {_byte_offset(text, start)}")
            quote = text[pos]
            if quote in "\"'":
                end = text.find(quote, pos + 1)
                if end < 0:
                    raise ValueError(
                        f"Unclosed start tag at byte offset {_byte_offset(text, start)}"
                    )
                raw = text[pos + 1 : end]
                pos = end + 1
            else:
                m2 = re.compile(r"[^\s>\"'<]+").match(text, pos)
                if m2 is None:
                    raise ValueError(
                        f"Unexpected end of attribute value at byte offset {_byte_offset(text, pos)}"
                    )
                raw = m2.group(0)
                pos = m2.end()
            if "<" in raw:
                raise ValueError(
                    f"Unexpected '<' in attribute at byte offset {_byte_offset(text, pos)}"
                )
            value = _decode_attr(raw)
        if name not in _ALLOWED_ATTRS.get(tag, set()):
            raise ValueError(f'Unsupported attribute "{name}" of the tag "{tag}"')
        attrs[name] = value


def _entity_for(tag: str, attrs: dict[str, str], text: str, start: int) -> dict[str, Any]:
    """Map an opened tag to the MessageEntity Telegram would create for it."""
    if tag in _SIMPLE_TAGS and tag != "code":
        return {"type": _SIMPLE_TAGS[tag]}
    if tag == "code":
        ent: dict[str, Any] = {"type": "code"}
        cls = attrs.get("class", "")
        if cls.startswith("language-") and len(cls) > len("language-"):
            ent["language"] = cls[len("language-") :]
        return ent
    if tag == "a":
        href = attrs.get("href", "")
        if not href:
            return {"type": "text_link_without_url"}
        return {"type": "text_link", "url": href}
    if tag == "span":
        if attrs.get("class") != "tg-spoiler":
            raise ValueError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {_byte_offset(text, start)}'
            )
        return {"type": "spoiler"}
    if tag == "blockquote":
        return {"type": "expandable_blockquote" if "expandable" in attrs else "blockquote"}
    if tag == "tg-emoji":
        emoji_id = attrs.get("emoji-id", "")
        if not emoji_id.isdigit():
            raise ValueError(
                f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset '
                f"{_byte_offset(text, start)}"
            )
        return {"type": "custom_emoji", "custom_emoji_id": emoji_id}
    raise ValueError(f'Unsupported start tag "{tag}" at byte offset {_byte_offset(text, start)}')


def parse_telegram_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram-HTML into (plain text, MessageEntity dicts) or raise ValueError.

    Why: the sandbox needs both the visible text (for length limits and test
    assertions) and the entities (so PTB's ``Message.text_html`` round-trips).
    """
    out: list[str] = []
    out_len = 0  # UTF-16 length of the produced plain text
    stack: list[tuple[str, dict[str, Any], int, int]] = []  # tag, entity, utf16 start, pos
    entities: list[dict[str, Any]] = []
    pos = 0
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch == "&":
            decoded, pos = _decode_entity(text, pos)
            out.append(decoded)
            out_len += utf16_len(decoded)
            continue
        if ch != "<":
            out.append(ch)
            out_len += 2 if ord(ch) > 0xFFFF else 1
            pos += 1
            continue
        start = pos
        if pos + 1 < n and text[pos + 1] == "/":
            m = _NAME_RE.match(text, pos + 2)
            name = m.group(0).lower() if m else ""
            end = m.end() if m else pos + 2
            while end < n and text[end].isspace():
                end += 1
            if end >= n or text[end] != ">":
                raise ValueError(f"Unexpected end tag at byte offset {_byte_offset(text, start)}")
            if not stack:
                raise ValueError(f"Unexpected end tag at byte offset {_byte_offset(text, start)}")
            open_tag, ent, ent_start, _ = stack[-1]
            if name != open_tag:
                raise ValueError(
                    f"Unmatched end tag at byte offset {_byte_offset(text, start)}, "
                    f'expected "</{open_tag}>", found "</{name}>"'
                )
            stack.pop()
            pos = end + 1
            length = out_len - ent_start
            if ent["type"] == "text_link_without_url" or length <= 0:
                continue
            entities.append({**ent, "offset": ent_start, "length": length})
            continue
        m = _NAME_RE.match(text, pos + 1)
        if m is None:
            raise ValueError(f'Unsupported start tag "" at byte offset {_byte_offset(text, start)}')
        name = m.group(0).lower()
        if name not in _ALL_TAGS:
            raise ValueError(
                f'Unsupported start tag "{name}" at byte offset {_byte_offset(text, start)}'
            )
        after = m.end()
        if after < n and not (text[after].isspace() or text[after] == ">"):
            raise ValueError(
                f'Unsupported start tag "{name}" at byte offset {_byte_offset(text, start)}'
            )
        attrs, pos = _parse_attrs(text, after, name, start)
        ent = _entity_for(name, attrs, text, start)
        stack.append((name, ent, out_len, start))
    if stack:
        raise ValueError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    _merge_pre_code(entities)
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _merge_pre_code(entities: list[dict[str, Any]]) -> None:
    """``<pre><code class="language-x">`` becomes one pre entity with a language, as on Telegram."""
    pres = [e for e in entities if e["type"] == "pre"]
    for pre in pres:
        for code in list(entities):
            if (
                code["type"] == "code"
                and code["offset"] == pre["offset"]
                and code["length"] == pre["length"]
            ):
                if "language" in code:
                    pre["language"] = code["language"]
                entities.remove(code)
    for e in entities:
        if e["type"] == "code":
            e.pop("language", None)


def validate_telegram_html(text: str) -> str:
    """Return the visible text of Telegram-HTML; raise ValueError(reason) if Telegram would reject it."""
    plain, _ = parse_telegram_html(text)
    return plain
