"""Shorten Telegram HTML safely: never inside a tag or an entity, and every open tag closed.

Used everywhere a long text is sent or edited (handlers/common.py, reminders/sender.py),
so a long list of notes full of '<&>' (escaped as &lt;&amp;&gt;) is cut between
characters, never in the middle of '&amp;'.
"""

from __future__ import annotations

import re

MAX_TEXT = 4096
_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{1,10});|.",
                    re.DOTALL)
_VOID = frozenset({"br"})


def truncate_html(text: str, limit: int = MAX_TEXT, tail: str = "…") -> str:
    """`text` if it fits in `limit` characters, else a prefix ending in `tail` with open tags closed."""
    if len(text) <= limit:
        return text
    budget = limit - len(tail)
    out: list[str] = []
    stack: list[str] = []
    size = 0
    closers = 0   # characters needed to close what is open
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        name = (m.group(2) or "").lower()
        after = closers
        if name and name not in _VOID:
            after = closers - (len(name) + 3) if m.group(1) else closers + len(name) + 3
        if size + len(token) + max(after, 0) > budget:
            break
        out.append(token)
        size += len(token)
        if name and name not in _VOID:
            if m.group(1):
                if name in stack:
                    del stack[len(stack) - 1 - stack[::-1].index(name)]
            else:
                stack.append(name)
            closers = sum(len(t) + 3 for t in stack)
    return "".join(out) + tail + "".join(f"</{t}>" for t in reversed(stack))
