# Proactive reminders: fallbacks, controls on every reminder, hydration and caffeine texts.

reminders-checkin-fallback = 🌙 Time for your check-in: a few taps, that's all. /checkin
reminders-tip-fallback = 🌱 A small tip is ready for you whenever you like: /tip
reminders-summary-fallback = 📊 Your weekly summary is ready: /summary
reminders-generic-fallback = 👋 A gentle reminder from your coach. /today shows your day.
reminders-hydration = 💧 A gentle nudge: time for a glass of water.
reminders-caffeine-last-call =
    ☕ Last call for caffeine: your cut-off is { $cutoff }, so later drinks are less likely to disturb your sleep.
    Today so far: { $total } of { $limit } mg.

reminders-snooze = ⏰ Later
reminders-less = 🔕 Less often
reminders-snoozed = OK, I'll remind you again at { $time }.
reminders-every-hours = Every { $hours } hours
reminders-every-days = { $days ->
    [one] Every day
    [7] Once a week
    [14] Every two weeks
   *[other] Every { $days } days
}
reminders-turn-off = Turn these off
reminders-less-hydration = How often would you like water reminders?
reminders-less-checkin = How often would you like the check-in reminder?
reminders-less-caffeine = How often would you like the caffeine last call?
reminders-less-tip = How often would you like a tip?
reminders-less-summary = How often would you like your summary?
reminders-now-every-hours = Done: water reminders every { $hours } hours now. /settings changes it any time.
reminders-now-every-days = { $days ->
    [one] Done: this reminder comes every day.
    [7] Done: this reminder comes once a week now.
   *[other] Done: this reminder comes every { $days } days now.
}
reminders-off-hydration = Water reminders are off. /water still logs any time, and /settings turns them back on.
reminders-off-caffeine = The caffeine last call is off. /settings turns it back on.
reminders-off-tip = Daily tips are off. /settings turns them back on.
reminders-off-summary = The weekly summary is off. /settings turns it back on.
