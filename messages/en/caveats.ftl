# Caveats where they matter (issue 11): adults only, pregnancy and caffeine, fluids, potassium,
# someone to talk to, health data and consent. Other catalogs refer to these by name.

caveat-adults = coachbot is made for adults (18 and over). If you're younger, please talk about your twitches with a parent, a carer or a doctor.
caveat-talk = 💬 If worry is weighing on you, talk to someone: a person you trust, your family doctor or a counsellor.
caveat-crisis = If you ever have thoughts of harming yourself, please reach out now: call your local emergency number or a crisis line (findahelpline.com lists free, confidential ones for your country).
caveat-potassium = <i>With kidney disease, or medicines that raise potassium (some blood-pressure pills and water tablets), ask your doctor before eating a lot more potassium.</i>
caveat-fluids = <i>More isn't better: drinking far more than you need can be harmful. If a doctor has asked you to limit fluids (for example for kidney or heart problems), their advice comes first.</i>
nudge-not-advice = <i>This isn't a diagnosis or medical advice; a doctor who examines you can tell you more.</i>
privacy-health =
    <b>Health data and your consent</b>
    What you log here (twitches, symptoms, sleep, stress, medicines) is health data. By using coachbot you agree that it is kept and used for the purposes above, and nothing else. You decide what to log, and you can take your consent back at any time: /delete erases everything, straight away.

care-pregnancy-q = 🤰 <b>One optional question:</b> are you pregnant or breastfeeding? If so, I'll keep your caffeine limit at 200 mg a day, the usual advice then. You can skip it and change the answer any time in /settings.
care-pregnancy-yes = Yes
care-pregnancy-no = No
care-pregnancy-skip = Skip
care-pregnancy-saved-yes = Thank you. Your caffeine limit is now { $limit } mg a day. For questions about caffeine, food or medicines while pregnant or breastfeeding, your midwife, doctor or pharmacist is the best person to ask.
care-pregnancy-saved-no = Thanks, noted. Your caffeine limit stays at { $limit } mg a day.
care-pregnancy-skipped = No problem. You can answer any time in /settings.
setting-pregnancy = Pregnant or breastfeeding
care-value-yes = yes
care-value-no = no
care-value-unset = not answered
care-limit-pregnant = While you're pregnant or breastfeeding I keep it at 200 mg or lower.
