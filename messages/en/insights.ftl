# Insights: /summary, /chart, /report and the weekly summary.

cmd-summary = Your last 7 and 30 days
cmd-chart = A chart of your last 30 days
cmd-report = A PDF report for your doctor

insights-empty = There's nothing to show yet. Once you've done a few check-ins (/checkin) or logged some water or coffee, I'll turn them into a summary and a chart.
insights-summary-title = <b>📊 What your log shows</b>
insights-weekly-title = <b>📊 Your week at a glance</b>
insights-summary-more = /chart draws your last 30 days, /report makes a PDF you can show a doctor.
insights-period = <b>Last { $days ->
        [one] { $days } day
       *[other] { $days } days
    }</b>
insights-no-checkins = No check-ins in these days.
insights-checkins = Check-ins on { $checkins } of { $days ->
        [one] { $days } day
       *[other] { $days } days
    }; twitches on { $twitch } of them.
insights-item-count = { $name } ×{ $count }
insights-where = Where: { $places }
insights-strength = How strong: { $levels }
insights-trend-fewer = Trend: calmer than the { $days ->
        [one] { $days } day
       *[other] { $days } days
    } before 📉
insights-trend-more = Trend: more twitching than the { $days ->
        [one] { $days } day
       *[other] { $days } days
    } before
insights-trend-same = Trend: about the same as the { $days ->
        [one] { $days } day
       *[other] { $days } days
    } before
insights-trend-unknown = Trend: not enough check-ins yet to compare with the { $days ->
        [one] { $days } day
       *[other] { $days } days
    } before.
insights-averages = Averages: { $caffeine } · { $water } · { $sleep } · { $stress }
insights-avg-caffeine-none = ☕ not logged
insights-avg-caffeine = ☕ { $value } mg a day ({ $n ->
        [one] { $n } day
       *[other] { $n } days
    })
insights-avg-water-none = 💧 not logged
insights-avg-water = 💧 { $value } ml a day ({ $n ->
        [one] { $n } day
       *[other] { $n } days
    })
insights-avg-sleep-none = 😴 not answered
insights-avg-sleep = 😴 { $value } h ({ $n ->
        [one] { $n } night
       *[other] { $n } nights
    })
insights-avg-stress-none = stress not answered
insights-avg-stress = stress { $value }/5 ({ $n ->
        [one] { $n } day
       *[other] { $n } days
    })
insights-exercise = 🏃 Exercise: { $levels }

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
insights-exercise-none = none
insights-exercise-light = light
insights-exercise-hard = hard

insights-triggers-title = <b>Patterns in the last { $days ->
        [one] { $days } day
       *[other] { $days } days
    }</b>
insights-triggers-empty = Not enough to compare yet. Keep checking in (on good days, one tap on sleep and stress helps a lot) and logging caffeine and water: once there are at least 3 days with and 3 without something, I'll show how your twitch days compare.
insights-factor-caffeine_over = Caffeine over your limit ({ $limit } mg)
insights-factor-caffeine_late = Caffeine after your cut-off the evening before
insights-factor-water_low = Water below your goal ({ $goal } ml)
insights-factor-short_sleep = Less than 7 hours of sleep
insights-factor-high_stress = Stress at 4–5
insights-factor-hard_exercise = Hard exercise that day
insights-factor-mgk_food = Magnesium or potassium foods logged
insights-factor-line = • { $factor }: twitches on { $wt } of { $w ->
        [one] { $w } day
       *[other] { $w } days
    } with it, { $wot } of { $wo ->
        [one] { $wo } day
       *[other] { $wo } days
    } without. { $verdict }
insights-verdict-more = Linked with more twitch days so far.
insights-verdict-fewer = Linked with fewer twitch days so far.
insights-verdict-none = No clear link so far.
insights-verdict-unknown = Too early to say: I wait for at least 3 days on each side.
insights-verdict-few_good = Not enough good days logged with this yet to compare.
insights-verdict-few_twitch = Not enough twitch days logged with this yet to compare.
insights-triggers-note = <i>These are patterns in your own log, not proof: they can't show what causes what, many things change together, and days without an answer aren't counted.</i>

insights-redflag = ⚠️ On { $date } you told me about { $flags }. That is worth showing to a doctor soon, if you haven't already, so they can check it and rule things out. /report makes a summary to take along.
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
insights-chart-title = { $start } – { $end }
insights-chart-twitches = Twitches
insights-chart-none = none
insights-chart-no-checkin = no check-in
insights-chart-caffeine = Caffeine, mg
insights-chart-limit = your limit
insights-chart-water = Water, litres
insights-chart-goal = your goal
insights-chart-sleep = Sleep, hours
insights-chart-gaps = grey: nothing logged
insights-chart-caption = Your log from { $start } to { $end }: twitches on top, then caffeine, water and sleep. Grey days have nothing logged; dashed lines are your own limit and goals.

# Doctor report (plain text inside the PDF)
insights-report-caption = Your report for a doctor, { $start } to { $end }. Everything in it comes from your own check-ins and logs.
insights-report-title = Muscle twitch log: summary for a doctor
insights-report-period = Period: { $start } – { $end } ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    }, from the first day logged). Self-reported daily check-ins and intake logs.
insights-report-none = none recorded
insights-report-h-twitches = Twitches
insights-report-checkins = Checked in on { $checkins } of { $days ->
        [one] { $days } day
       *[other] { $days } days
    }; twitches on { $twitch } of them.
insights-report-first = First twitch recorded: { $date }
insights-report-where = Locations (days): { $places }
insights-report-often = How often in a day (days): { $often }
insights-report-strength = Intensity (days): { $levels }
insights-report-h-flags = Warning signs reported
insights-report-flag = { $date }: { $flags }
insights-report-no-flags = None reported.
insights-report-earlier = …and { $n } earlier.
insights-report-h-nudges = The app's suggestions to see a doctor
insights-report-nudge = { $date }: { $level }. Why: { $reasons }.
insights-report-level-1 = emergency advice
insights-report-level-2 = see a doctor soon
insights-report-level-3 = book an appointment
insights-report-answer-booked = Answered: appointment booked or seen a doctor ({ $date }).
insights-report-answer-later = Answered: remind me later ({ $date }).
insights-report-no-nudges = None.
insights-report-h-medicines = Medicines
insights-report-medicine = New or changed medicine reported on: { $dates }
insights-report-no-medicine = No new or changed medicines reported.
insights-report-h-intake = Caffeine and water
insights-report-caffeine-none = Caffeine: not logged (own limit { $limit } mg).
insights-report-caffeine = Caffeine: { $avg } mg a day on average over { $n ->
        [one] { $n } day
       *[other] { $n } days
    } logged; own limit { $limit } mg, over it on { $over ->
        [one] { $over } day
       *[other] { $over } days
    }.
insights-report-water-none = Water: not logged (own goal { $goal } ml).
insights-report-water = Water: { $avg } ml a day on average over { $n ->
        [one] { $n } day
       *[other] { $n } days
    } logged; own goal { $goal } ml, below it on { $low ->
        [one] { $low } day
       *[other] { $low } days
    }.
insights-report-h-sleep = Sleep, stress and exercise
insights-report-sleep-none = Sleep: not answered.
insights-report-sleep = Sleep: about { $avg } h a night over { $n ->
        [one] { $n } night
       *[other] { $n } nights
    } answered; under 7 hours on { $short ->
        [one] { $short } night
       *[other] { $short } nights
    }.
insights-report-stress-none = Stress: not answered.
insights-report-stress = Stress: { $avg }/5 on average over { $n ->
        [one] { $n } day
       *[other] { $n } days
    } answered; 4–5 on { $high ->
        [one] { $high } day
       *[other] { $high } days
    }.
insights-report-exercise = Exercise (days): { $levels }
insights-report-h-patterns = Patterns in the log (association only)
insights-report-no-patterns = Not enough days yet to compare (at least 3 days with and 3 without a factor, and 3 days with and 3 without twitches).
insights-report-patterns-note = Self-reported data: these comparisons can't show cause, many things change together, and days without an answer aren't counted.
insights-report-h-notes = Notes in the person's own words
insights-report-note = { $date }: { $text }
insights-reason-persistent = twitches that kept coming back for weeks
insights-reason-weakness = weakness reported
insights-reason-balance = balance problems reported
insights-reason-shrinking = muscle shrinking reported
insights-reason-speech = speech or swallowing problems reported
insights-reason-stiffness = stiffness or cramps that don't ease reported
insights-reason-numbness = numbness or tingling reported
insights-reason-breathing = breathing getting harder reported
insights-reason-speaking = speaking or swallowing getting harder reported
insights-reason-places = twitches in more than one place
insights-reason-not_improving = no improvement after four weeks
insights-reason-medicine = twitches began around a new or changed medicine
insights-reason-emergency = sudden or severe signs reported
insights-report-footer = Generated { $date } by coachbot, a self-help tracker. The figures are self-reported; they are not a diagnosis.
insights-report-page = Page { $page } of { $pages }
