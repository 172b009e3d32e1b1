"""/start: greet a new person and begin onboarding, or welcome a known person back."""

from __future__ import annotations

from telegram import Update

from coachbot.i18n import pick_language

from . import questions
from .common import Context, load_person, send, services, tr


async def start(update: Update, context: Context) -> None:
    """Create the person on first contact; never wipe anything on a repeat /start."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    svc = services(context)
    now = svc.now()
    profile = await load_person(update, context)
    if profile is None:
        lang = pick_language(user.language_code)
        profile = await svc.storage.people.create(user.id, chat.id, lang, svc.settings.defaults, now,
                                                  first_step=questions.STEPS[0])
        await send(update, context, tr(context, lang, "welcome", name=user.first_name or ""))
        await questions.ask(update, context, profile, "lang")
        return
    if not profile.active or profile.chat_id != chat.id:
        await svc.storage.people.set_state(profile.person_id, now, active=1, chat_id=chat.id)
        profile = await svc.storage.people.get(profile.person_id)
        assert profile is not None
        await svc.hooks.emit("person_activated", profile, now)
    if profile.onboarding_step is not None:
        await send(update, context, tr(context, profile.language, "welcome-resume"))
        await questions.ask(update, context, profile, profile.onboarding_step)
        return
    await send(update, context, tr(context, profile.language, "welcome-back"))


async def member_changed(update: Update, context: Context) -> None:
    """Blocking the bot deactivates the person; unblocking restores them."""
    change = update.my_chat_member
    if change is None or change.chat.type != "private":
        return
    svc = services(context)
    profile = await svc.storage.people.get(change.from_user.id)
    if profile is None:
        return
    status = change.new_chat_member.status
    now = svc.now()
    active = status not in ("kicked", "left")
    await svc.storage.people.set_active(profile.person_id, active, now)
    if active and not profile.active:
        restored = await svc.storage.people.get(profile.person_id)
        if restored is not None:
            await svc.hooks.emit("person_activated", restored, now)
