# Daily check-in, /history and the doctor nudge.
# Telegram HTML only. Placeholders must stay identical across en, es and ru.

cmd-checkin = Log today in a few taps
cmd-history = Your last 14 days

checkin-date = { $weekday ->
        [mon] Mon
        [tue] Tue
        [wed] Wed
        [thu] Thu
        [fri] Fri
        [sat] Sat
       *[sun] Sun
    } { $day } { $month ->
        [jan] Jan
        [feb] Feb
        [mar] Mar
        [apr] Apr
        [may] May
        [jun] Jun
        [jul] Jul
        [aug] Aug
        [sep] Sep
        [oct] Oct
        [nov] Nov
       *[dec] Dec
    }
checkin-title = { $when ->
        [yesterday] 📝 <b>Yesterday, { $date }</b>
       *[today] 📝 <b>Today, { $date }</b>
    }
checkin-chosen = ✓ { $label }

checkin-q-twitches = { $when ->
        [yesterday] Any twitches yesterday?
       *[today] Any twitches today?
    }
checkin-no = No
checkin-yes = Yes
checkin-later = Later
checkin-later-ok = No problem. Send /checkin whenever you have a moment.
checkin-later-again = No problem. I'll ask again around { $time }, or send /checkin whenever you have a moment.

checkin-q-where = Where did you notice them? Tap every place that applies, then <b>Done</b>.
checkin-place-face = Eyelid or face
checkin-place-arm = Arm or hand
checkin-place-leg = Leg or foot
checkin-place-torso = Torso or back
checkin-short-face = face
checkin-short-arm = arm
checkin-short-leg = leg
checkin-short-torso = torso
checkin-done = Done
checkin-pick-place = Tap at least one place first.

checkin-q-often = How often?
checkin-often-few = A few times
checkin-often-onoff = On and off
checkin-often-most = Most of the day

checkin-q-strength = How strong?
checkin-strength-mild = Mild
checkin-strength-noticeable = Noticeable
checkin-strength-strong = Strong

checkin-q-stress = How stressed did you feel, from 1 (calm) to 5 (very)?
checkin-q-sleep = How long did you sleep last night?
checkin-sleep-lt5 = under 5 h
checkin-sleep-5to6 = 5–6 h
checkin-sleep-6to7 = 6–7 h
checkin-sleep-7to8 = 7–8 h
checkin-sleep-gt8 = over 8 h

checkin-q-med = Did you start or change a medicine in the last couple of weeks?
checkin-med-no = No
checkin-med-yes = Yes

checkin-q-flags =
    <b>A quick weekly check.</b> Have you noticed any of these lately? Tap any that apply, then <b>Done</b>. If nothing applies, tap <i>None of these</i>.
checkin-flag-weakness = Weakness getting worse, dropping things
checkin-flag-balance = Trouble with balance or coordination
checkin-flag-shrinking = A muscle that looks smaller
checkin-flag-stiffness = Stiffness or cramps that don't ease
checkin-flag-numbness = Numbness or tingling
checkin-flag-breathing = Breathing getting harder
checkin-flag-speaking = Speaking or swallowing: harder over weeks
# Stored before the list changed; shown in history and reports only.
checkin-flag-speech = Trouble speaking or swallowing
checkin-flags-none = None of these
checkin-pick-flag = Tap what applies, or "None of these".
checkin-sos = 🚨 Sudden or severe signs

checkin-saved-none = { $when ->
        [yesterday] ✅ <b>No twitches yesterday: saved.</b> Thanks for filling it in.
       *[today] ✅ <b>No twitches today: saved.</b> Thanks for checking in.
    }
checkin-saved-twitch = 〰️ <b>Saved.</b> Thanks, that's all I need for { $when ->
        [yesterday] yesterday.
       *[today] today.
    }
checkin-line-places = Where: { $places }
checkin-line-pattern = How often: { $often } · Strength: { $strength }
checkin-line-context = Stress { $stress }/5 · Sleep { $sleep } · New medicine: { $med }
checkin-line-intake = Logged that day: 💧 { $water } ml · ☕ { $caffeine } mg
checkin-med-note = 💊 Some medicines can cause twitches as a side effect. If you think yours might, talk to the doctor who prescribed it. Please don't stop a prescribed medicine on your own.
checkin-flags-noted = ⚠️ You noted: { $flags }. That's worth a doctor's look soon, within the next few days.
checkin-yesterday-missing = Yesterday has no check-in yet. Want to fill it in?
checkin-change = ✏️ Change answers
checkin-fill-yesterday = 📅 Fill in yesterday
checkin-use-buttons = Just tap a button in the check-in above, no typing needed. Send /checkin to see it again.
checkin-closed = That check-in is closed now. Send /checkin for today's.

# Optional one-tap answers on the finished check-in (good days: sleep, stress, exercise; twitch days: exercise)
checkin-extras-good = Optional, one tap per row, so good days can be compared with twitchy ones: 😴 last night's sleep, stress today (1 calm, 5 very), 🏃 exercise today.
checkin-extras-twitch = Optional, one tap: 🏃 any exercise today?
checkin-extra-sleep = 😴 { $label }
checkin-extra-sleep-lt5 = 0–5 h
checkin-extra-sleep-5to6 = 5–6 h
checkin-extra-sleep-6to7 = 6–7 h
checkin-extra-sleep-7to8 = 7–8 h
checkin-extra-sleep-gt8 = 8+ h
checkin-extra-stress = Stress { $label }
checkin-extra-stress-1 = 1
checkin-extra-stress-2 = 2
checkin-extra-stress-3 = 3
checkin-extra-stress-4 = 4
checkin-extra-stress-5 = 5
checkin-extra-exercise = 🏃 { $label }
checkin-extra-exercise-none = None
checkin-extra-exercise-light = Light
checkin-extra-exercise-hard = Hard

history-title = { $count ->
        [one] <b>Your log so far: today</b>
       *[other] <b>Your last { $count } days</b>
    }
history-line-none = { $date } ✅
history-line-twitch = { $date } 〰️ { $places } · { $strength }
history-line-missing = { $date } · not logged
history-footer = ✅ no twitches · 〰️ twitches · ⚠️ signs noted. /checkin logs today.

nudge-soon =
    🩺 <b>Please see a doctor soon, within the next few days.</b>

    You told me about:
    { $reasons }

    These signs deserve a proper examination. Often there's an everyday explanation, and a doctor can examine you and rule out conditions that need treatment. Your family doctor is a good place to start.
nudge-book =
    🩺 <b>Worth booking a doctor's appointment</b>

    Most twitches are harmless, and this isn't a diagnosis. Still, { $count ->
        [one] this is
       *[other] these are
    } worth a doctor's look:
    { $reasons }

    A routine appointment is fine. /history shows what you've logged, handy to bring along.
nudge-reason-weakness = • muscle weakness that is getting worse, or dropping things
nudge-reason-balance = • trouble with balance or coordination
nudge-reason-shrinking = • a muscle that looks smaller
nudge-reason-stiffness = • stiffness or cramps that don't ease
nudge-reason-numbness = • numbness or tingling
nudge-reason-breathing = • breathing that is getting harder
nudge-reason-speaking = • speaking or swallowing that has been getting harder over days or weeks
nudge-reason-speech = • trouble speaking or swallowing
nudge-reason-persistent = • twitches that have kept coming back for { $days } days or more
nudge-reason-places = • twitches in more than one place
nudge-reason-not_improving = • no improvement after { $weeks } weeks
nudge-reason-medicine = • twitches that began around when a medicine was started or changed: talk to the prescriber, and don't stop a prescribed medicine on your own
nudge-emergency-line = <i>If anything comes on suddenly (weakness or numbness on one side, a drooping face, trouble speaking, breathing or swallowing), call { $number } now.</i>
nudge-booked = ✅ I've booked / seen a doctor
nudge-later = ⏰ Remind me later
nudge-ack-booked-2 = ✅ Thank you, that's the right step. I'll still speak up if new signs appear.
nudge-ack-booked-3 = ✅ Thank you. I won't raise this again for 30 days unless something new comes up.
nudge-ack-later = ⏰ All right, I'll remind you in a few days.

# Warning signs any day: /signs and "Something new?" under a check-in summary.
cmd-signs = Tell me about a new or changing symptom
signs-something-new = 🆕 Something new?
signs-q =
    <b>Anything new or changing?</b> Tap any that apply, then <b>Done</b>. If nothing applies, tap <i>None of these</i>.
signs-sudden = 🚨 If something came on <b>suddenly</b> (trouble speaking, swallowing or breathing, a drooping face, weakness or numbness on one side), tap the red button.
signs-saved = ✅ <b>Noted for { $date }.</b> Thank you for telling me.
signs-none = Thanks for checking. Nothing new is noted. If something changes, /signs opens this list any time.
checkin-undone = Answers taken back. Answer again whenever you like.
checkin-note-kept = 📝 Kept as today's note (you'll see it in /history and the report). The buttons above carry on the check-in.
history-note = 　📝 { $note }
farewell = { $part ->
        [morning] Have a good day.
        [afternoon] Enjoy the rest of your day.
        [evening] Have a good evening.
       *[night] Sleep well.
    }
