"""Placeholder for the coaching feature; filled in by its issue."""

from __future__ import annotations

from telegram.ext import Application

COMMANDS: list[str] = []


def register(app: Application) -> None:
    return None
