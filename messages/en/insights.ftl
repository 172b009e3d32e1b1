# Insights: /summary, /chart, /report and the weekly summary.

cmd-summary = Your last 7 and 30 days
cmd-chart = A chart of the last 30 days
cmd-report = A one-page PDF for your doctor

insights-empty = There's nothing to show yet. Once you've done a few check-ins (/checkin) or logged some water or coffee, I'll turn them into a summary and a chart.
insights-summary-title = <b>📊 What your log shows</b>
insights-weekly-title = <b>📊 Your week at a glance</b>
insights-summary-more = /chart draws the last 30 days, /report makes a one-page PDF you can show a doctor.
insights-period = <b>Last { $days } days</b>
insights-no-checkins = No check-ins in these days.
insights-checkins = Check-ins on { $checkins } of { $days } days; twitches on { $twitch } of them.
insights-item-count = { $name } ×{ $count }
insights-where = Where: { $places }
insights-strength = How strong: { $levels }
insights-trend-fewer = Trend: calmer than the { $days } days before 📉
insights-trend-more = Trend: more twitching than the { $days } days before
insights-trend-same = Trend: about the same as the { $days } days before
insights-trend-unknown = Trend: not enough check-ins yet to compare with the { $days } days before.
insights-averages = Daily averages: caffeine { $caffeine } mg · water { $water } ml · sleep { $sleep } h · stress { $stress }/5
insights-not-logged = –

insights-loc-face = face
insights-loc-arm = arms
insights-loc-leg = legs
insights-loc-torso = torso
insights-level-mild = mild
insights-level-noticeable = noticeable
insights-level-strong = strong
insights-freq-few = a few times
insights-freq-onoff = on and off
insights-freq-most = most of the day

insights-triggers-title = <b>Patterns in the last { $days } days</b>
insights-triggers-empty = Not enough to compare yet. Keep checking in and logging caffeine and water: once there are at least 3 days with and 3 without something, I'll show how your twitch days compare.
insights-factor-caffeine_over = Caffeine over your limit ({ $limit } mg)
insights-factor-caffeine_late = Caffeine after your cut-off the evening before
insights-factor-water_low = Water below your goal ({ $goal } ml)
insights-factor-short_sleep = Less than 7 hours of sleep
insights-factor-high_stress = Stress at 4–5
insights-factor-mgk_food = Magnesium or potassium foods logged
insights-factor-line = • { $factor }: twitches on { $wt } of { $w } days with it, { $wot } of { $wo } without. { $verdict }
insights-verdict-more = Linked with more twitch days so far.
insights-verdict-fewer = Linked with fewer twitch days so far.
insights-verdict-none = No clear link so far.
insights-verdict-unknown = Too early to say: I wait for at least 3 days on each side.
insights-triggers-note = <i>These are patterns in your own log, not proof of anything: many things tend to change together.</i>

insights-redflag = ⚠️ On { $date } you told me about { $flags }. That is worth showing to a doctor soon, if you haven't already, so they can check it and rule things out. /report makes a one-page summary to take along.
insights-flag-weakness = weakness that is getting worse
insights-flag-balance = trouble with balance or coordination
insights-flag-shrinking = a muscle that looks smaller
insights-flag-stiffness = stiffness or cramps that don't ease
insights-flag-numbness = numbness or tingling
insights-flag-breathing = breathing getting harder
insights-flag-speaking = speaking or swallowing getting harder over days or weeks
insights-flag-speech = trouble speaking or swallowing
insights-flag-emergency = symptoms that needed urgent care

insights-on = on
insights-off = off
insights-setting-weekly = Weekly summary

# Chart (plain text inside the image)
insights-chart-title = Last { $days } days
insights-chart-twitches = Twitches
insights-chart-none = none
insights-chart-no-checkin = no check-in
insights-chart-caffeine = Caffeine, mg
insights-chart-limit = your limit
insights-chart-water = Water, litres
insights-chart-goal = your goal
insights-chart-sleep = Sleep, hours
insights-chart-caption = Your last 30 days: twitches on top, then caffeine, water and sleep. Dashed lines are your own limit and goals.

# Doctor report (plain text inside the PDF)
insights-report-caption = Your one-page report for a doctor: what you logged over the last 30 days. Everything in it comes from your own check-ins.
insights-report-title = Muscle twitch log: summary for a doctor
insights-report-period = Period: { $start } to { $end } ({ $days } days). Self-reported daily check-ins and intake logs.
insights-report-none = none recorded
insights-report-h-twitches = Twitches
insights-report-checkins = Days with twitches: { $twitch } of { $checkins } days checked in (of { $days }).
insights-report-first = First twitch recorded: { $date }
insights-report-where = Locations: { $places }
insights-report-often = How often in a day: { $often }
insights-report-strength = Intensity: { $levels }
insights-report-h-flags = Red flags reported
insights-report-flag = { $date }: { $flags }
insights-report-no-flags = None reported.
insights-report-earlier = …and { $n } earlier.
insights-report-h-medicines = Medicines
insights-report-medicine = New medicine reported on: { $dates }
insights-report-no-medicine = No new medicines reported.
insights-report-h-intake = Caffeine and water
insights-report-caffeine = Caffeine: { $avg } mg/day on average (own limit { $limit } mg; over it on { $over } days).
insights-report-water = Water: { $avg } ml/day on average (own goal { $goal } ml; below it on { $low } days).
insights-report-h-sleep = Sleep and stress
insights-report-sleep = Sleep: about { $avg } h a night on average; under 7 hours on { $short } nights.
insights-report-stress = Stress: { $avg }/5 on average; 4–5 on { $high } days.
insights-report-h-patterns = Patterns in the log (association only)
insights-report-no-patterns = Not enough days yet to compare.
insights-report-h-nudges = The app's suggestions to see a doctor
insights-report-nudge = { $date } (level { $level }): { $reasons }; answer: { $response }
insights-report-no-nudges = None.
insights-report-answer-booked = appointment booked
insights-report-answer-later = later
insights-report-answer-none = no answer
insights-reason-persistent = twitches going on for two weeks or more
insights-reason-weakness = weakness reported
insights-reason-balance = balance problems reported
insights-reason-shrinking = muscle shrinking reported
insights-reason-speech = speech or swallowing problems reported
insights-reason-places = twitches in more than one place
insights-reason-not_improving = no improvement after four weeks
insights-reason-medicine = twitches began around a new or changed medicine
insights-reason-emergency = sudden or severe signs reported
insights-report-footer = Generated { $date } by coachbot, a self-help tracker. The figures are self-reported; they are not a diagnosis.
