"""The end-to-end harness: a fake clock, the running bot with its sandbox, and the taps a person makes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from coachbot.chat import settle
from coachbot.runtime import Services
from coachbot.sandbox import Sandbox, SandboxUser

TEST_TOKEN = "1234567:TEST-token-not-real-TEST-token-00001"


class FakeClock:
    """The bot's notion of now; tests move it explicitly instead of sleeping."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

    def set(self, when: datetime) -> None:
        self.now = when


@dataclass
class Harness:
    sandbox: Sandbox
    app: object
    services: Services
    clock: FakeClock

    def user(self, user_id: int = 1001, *, language_code: str = "en", first_name: str = "Alex") -> SandboxUser:
        return self.sandbox.user(user_id, first_name=first_name, language_code=language_code)

    async def idle(self) -> None:
        """Wait until every update was fetched and handled and no Bot API call is in flight."""
        await settle(self.app, self.sandbox)  # type: ignore[arg-type]

    @property
    def storage(self):
        return self.services.storage


async def talk(h: Harness, user: SandboxUser, *steps: str) -> None:
    """Say or tap each step in turn, letting the bot answer each: "[Label]" taps a button, else it is typed."""
    for step in steps:
        if step.startswith("[") and step.endswith("]"):
            await user.press(step[1:-1])
        else:
            await user.send(step)
        await h.idle()


async def choose_language(h: Harness, user: SandboxUser, language_button: str = "English") -> None:
    """/start and the language tap: the first step of onboarding."""
    await user.send("/start")
    await user.wait_for(lambda m: any(language_button == b[0] for row in m.buttons for b in row))
    await user.press(language_button)
    await h.idle()


async def onboard(h: Harness, user: SandboxUser, *, zone_text: str = "Madrid", wake: str = "07:00",
                  sleep: str = "23:00", checkin: str = "20:00", language_button: str = "English") -> None:
    """Complete onboarding the way a person would: tap, type, tap."""
    await choose_language(h, user, language_button)
    await talk(h, user, zone_text, f"[{wake}]", f"[{sleep}]", f"[{checkin}]")
    profile = await h.storage.people.get(user.chat_id)
    assert profile is not None and profile.onboarded, user.messages[-1].text


async def converse(user: SandboxUser, *exchanges: tuple[str, str]) -> None:
    """Type each text and wait for the bot's answer that contains the expected words."""
    for text, expected in exchanges:
        await user.send(text)
        await user.wait_for(expected)
