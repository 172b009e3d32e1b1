"""The layers hold, read from the source itself (an `ast` walk, nothing imported):

- `domain/` imports nothing of the bot outside `domain/`, and neither Telegram nor a database;
- `storage/` imports only `domain/` and itself;
- `reminders/` never imports `handlers/`;
- no import cycles, between modules or between packages (`coachbot.handlers`, `coachbot.config`, ...).

Imports under `if TYPE_CHECKING:` never run, so they are left out; imports inside functions count.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "coachbot"


def module_name(path: Path) -> str:
    parts = ["coachbot", *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in ROOT.rglob("*.py")}


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except those under `if TYPE_CHECKING:`."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in [child, *_runtime_nodes(child)])
            continue
        yield node
        yield from _runtime_nodes(node)


def imports_of(name: str) -> set[str]:
    """The coachbot modules (and outside packages) `name` imports when it runs."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.add(child if child in MODULES else base)
    return {f for f in found if f != name}


GRAPH = {name: {i for i in imports_of(name) if i in MODULES} for name in MODULES}


def package_of(name: str) -> str:
    return ".".join(name.split(".")[:2])


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_walk_sees_imports() -> None:
    assert "coachbot.handlers.common" in GRAPH["coachbot.handlers.press"]
    assert "coachbot.domain.checkins" in GRAPH["coachbot.codec"]
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]


def test_no_import_cycles_between_modules() -> None:
    assert cycles(GRAPH) == []


def test_no_import_cycles_between_packages() -> None:
    packages: dict[str, set[str]] = {}
    for name, targets in GRAPH.items():
        packages.setdefault(package_of(name), set()).update(
            package_of(t) for t in targets if package_of(t) != package_of(name))
    assert cycles(packages) == []


RULES = [
    # (layer, what it may import from coachbot, outside packages it must not import)
    ("coachbot.domain", ("coachbot.domain",), ("telegram", "aiosqlite", "asyncpg", "sqlite3")),
    ("coachbot.storage", ("coachbot.domain", "coachbot.storage"), ("telegram",)),
    ("coachbot.reminders", None, ("coachbot.handlers",)),
]


@pytest.mark.parametrize(("layer", "allowed", "forbidden"), RULES, ids=[r[0] for r in RULES])
def test_layers_import_only_downwards(layer: str, allowed: tuple[str, ...] | None,
                                      forbidden: tuple[str, ...]) -> None:
    bad = []
    for name in (n for n in MODULES if n == layer or n.startswith(layer + ".")):
        for target in imports_of(name):
            ours = target == "coachbot" or target.startswith("coachbot.")
            if ours and allowed is not None and not target.startswith(allowed):
                bad.append(f"{name} -> {target}")
            if any(target == f or target.startswith(f + ".") for f in forbidden):
                bad.append(f"{name} -> {target}")
    assert bad == []


# ---- the wiring in app.py ---------------------------------------------------------------
def test_the_menu_lists_only_commands_the_bot_answers(tmp_path: Path) -> None:
    from telegram.ext import CommandHandler

    from coachbot.app import MENU_ORDER, build_application
    from coachbot.config import Settings

    app = build_application(Settings(token="1:x", db_path=str(tmp_path / "bot.sqlite3"), source="<test>"))
    answered = {c for group in app.handlers.values() for h in group if isinstance(h, CommandHandler)
                for c in h.commands}
    assert set(MENU_ORDER) <= answered
    svc = app.bot_data["services"]
    assert svc.reminders is not None and svc.safety is not None and svc.breathing is not None
    assert {"checkin", "intake_wc", "data-import"} <= set(svc.text_inputs)
    labels = [item.label_key for item in svc.setting_items]
    assert len(labels) == len(set(labels)) and "insights-setting-weekly" in labels
