# Free-text safety replies, /sos and the 🚨 buttons.
# Telegram HTML only. Placeholders must stay identical across en, es and ru.

cmd-sos = Sudden or severe signs: what to do now

# $number is a number such as "112" or "103 / 112", or "unknown".
safety-number = { $number ->
        [unknown] your local emergency number (112 in Europe, 911 in North America)
       *[other] { $number }
    }
safety-emergency =
    🚨 <b>Please call { $number } now.</b>

    Sudden weakness or numbness on one side, a drooping face, sudden trouble speaking, trouble breathing or swallowing, chest pain or fainting need help straight away. Don't wait to see whether it passes, and don't drive yourself. If someone is nearby, ask them to stay with you.
safety-crisis =
    💛 <b>Thank you for telling me. You don't have to carry this alone.</b>

    If you might act on these thoughts, or you're not safe right now, please call { $number } or go to the nearest emergency department.

    { $line }

    If you can, tell someone you trust how you feel today.
safety-crisis-line = { $crisis ->
        [unknown] A crisis line can listen at any time of day or night; findahelpline.com lists the free ones in your country.
       *[other] You can talk to a crisis line at any time, day or night: { $crisis }.
    }
safety-misread = 🙂 You misread me, I'm OK
safety-misread-ack = Thanks for telling me, and sorry I misread you. Carrying on.
safety-warning =
    🩺 <b>That's worth a doctor's look soon, within the next few days.</b>

    You mentioned:
    { $signs }

    Often there's an everyday explanation, and a doctor can examine you and rule out conditions that need treatment. Your family doctor is a good place to start.

    <i>If it came on suddenly, call { $number } now.</i>
safety-sign-weakness = • weakness, or a weaker grip
safety-sign-balance = • trouble with balance or coordination
safety-sign-shrinking = • a muscle that looks smaller
safety-sign-stiffness = • stiffness or cramps that don't ease
safety-sign-numbness = • numbness or tingling
safety-sign-speaking = • speaking or swallowing getting harder
safety-sign-breathing = • breathing getting harder
safety-save-sign = 📝 Save as today's warning sign
safety-not-meant = Not what I meant
safety-sign-saved = ✅ Saved as today's warning sign. It shows in /history and /summary, and in the report for your doctor (/report).
safety-not-meant-ack = All right, nothing was saved. Sorry if I misread you.
