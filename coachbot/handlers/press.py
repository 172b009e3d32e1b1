"""One decorator for every inline button: decode, find the person, answer, handle stale data.

    @on_press()
    async def on_button(press: Press) -> None:
        match press.button:
            case AddWater(ml=ml, ref=ref): ...

Before the handler runs, the data is read into its typed class (`coachbot/codec.py`); data no
class accepts (old, forged, out of range) gets the "this button is out of date" toast. With
`who="onboarded"` (the default) someone not set up is told what to do first; "anyone" lets
people without an account through (the 🚨 button); "unread" does not read the profile at all
(/delete must work whatever state its rows are in). The callback query is answered exactly
once: by the handler through `press.answer()` / `press.toast()` when it has something to
say, otherwise when the handler returns. The answer goes out beside the handler's own work
rather than before it: awaiting it first would hold the edit a person is waiting for (and
their lock) one Bot API round trip longer; it is awaited before the press is done.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Literal

from telegram import InlineKeyboardMarkup, Update

from coachbot.codec import REGISTRY, Button
from coachbot.domain.profile import Profile
from coachbot.runtime import Services

from .common import (
    Context,
    ReplyMarkup,
    answer,
    edit,
    language_for,
    load_person,
    require_person,
    send,
    services,
)

Who = Literal["onboarded", "anyone", "unread"]
PTBCallback = Callable[[Update, Context], Coroutine[Any, Any, None]]


@dataclass
class Press:
    update: Update
    context: Context
    button: Button
    profile: Profile | None     # never None with who="onboarded"
    lang: str
    answering: asyncio.Future[None] | None = None   # the callback answer, once started

    @property
    def svc(self) -> Services:
        return services(self.context)

    @property
    def person(self) -> Profile:
        """The onboarded person who pressed (handlers registered with who="onboarded")."""
        assert self.profile is not None
        return self.profile

    def t(self, key: str, **args: object) -> str:
        return self.svc.i18n.t(self.lang, key, **args)

    async def answer(self, text: str | None = None, alert: bool = False) -> None:
        """Answer the callback query (a toast when `text`); only the first call counts.

        Starts the answer without waiting for it; `on_press` awaits it when the handler is done.
        """
        if self.answering is None:
            self.answering = asyncio.ensure_future(answer(self.update, text, alert))

    async def toast(self, key: str, **args: object) -> None:
        await self.answer(self.t(key, **args))

    async def stale(self) -> None:
        await self.toast("stale-button")

    async def edit(self, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
        await edit(self.update, self.context, text, markup)

    async def send(self, text: str, markup: ReplyMarkup | None = None) -> None:
        await send(self.update, self.context, text, markup)


def on_press(who: Who = "onboarded") -> Callable[[Callable[[Press], Awaitable[None]]], PTBCallback]:
    def wrap(handler: Callable[[Press], Awaitable[None]]) -> PTBCallback:
        @functools.wraps(handler)
        async def callback(update: Update, context: Context) -> None:
            if who == "onboarded":
                profile = await require_person(update, context)
                if profile is None:
                    return
            elif who == "anyone":
                profile = await load_person(update, context)
            else:
                profile = None
            query = update.callback_query
            button = REGISTRY.read(query.data if query else None)
            lang = language_for(update, profile)
            if button is None:
                await answer(update, services(context).i18n.t(lang, "stale-button"))
                return
            press = Press(update, context, button, profile, lang)
            try:
                await handler(press)
            finally:
                await press.answer()
                if press.answering is not None:
                    await press.answering
        return callback
    return wrap
