# Onboarding, settings, help, privacy and general replies.
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href="...">; escape & < > as &amp; &lt; &gt;.

not-medical-advice = <i>I'm a self-help coach, not a doctor, and nothing here is a diagnosis or medical advice.</i>

welcome =
    Hi, { $name }! I'm here to help you keep an eye on muscle twitches and the everyday things that can set them off: stress, sleep, caffeine, water, medicines and food.

    Most twitches are harmless and fade on their own. A quick daily check-in helps you see patterns, and I'll tell you calmly when something is worth showing to a doctor.

    { not-medical-advice } { caveat-adults }

    Setting up takes under a minute.
welcome-resume = Welcome back! Let's finish setting up where we left off.
welcome-back = Good to see you again. Everything you logged is still here. /checkin logs today, /help shows everything else.
need-start = Hi! Send /start and I'll get you set up in under a minute.
finish-setup-first = Let's finish setting up first: just answer the question above (or send /start to see it again).

ask-language = Which language should I use?
language-set = Language: English ✅
share-location = 📍 Share my location
ask-timezone =
    <b>Your time zone</b>, so reminders arrive at the right local time.

    Tap the button below to share your location, or type a city (for example <i>Madrid</i>), a UTC offset (<i>UTC+3</i>, <i>UTC-5:30</i>), an abbreviation (<i>EST</i>, <i>CET</i>) or a zone name (<i>Europe/Berlin</i>).
choose-zone = I found more than one place with that name. Which one is yours?
timezone-set = Time zone set to <b>{ $zone }</b>: your local time is { $time } now.
timezone-set-abbreviation = I took <b>{ $typed }</b> as <b>{ $zone }</b>: your local time is { $time } now. If you meant another zone, type a city or an offset such as <i>UTC+3</i>.
settings-changing-tz = Changing your time zone…
ask-wake = <b>When do you usually wake up?</b> I never message you before this time. Tap one or type a time like 06:45.
ask-sleep = <b>When do you usually go to sleep?</b> I stay quiet after this time. Tap one or type a time like 23:15.
ask-ci = <b>When would you like your daily check-in?</b> It takes a few seconds. Pick a time between { $wake } and { $sleep }, or type one.
onboarding-done =
    All set! ✅

    • Time zone: { $zone }
    • Awake: { $wake }–{ $sleep }
    • Daily check-in: { $checkin }

    Try /checkin now if you like. /settings changes any of this, /privacy explains what I keep, /help shows everything.

error-bad-time = I couldn't read that as a time. Please type it like <i>07:30</i> or <i>7pm</i>.
error-wake-equals-sleep = Waking and sleeping can't be at the same time. Please choose another time.
error-checkin-outside-window = That's outside your waking hours ({ $wake }–{ $sleep }), and I don't message people while they sleep. Please choose a time in between.
error-sleep-length = A bedtime of { $time } with wake-up at { $wake } doesn't leave a night of 4 to 14 hours. Please choose another bedtime.
hours-moved-sleep = Bedtime moved to { $time }, so you still sleep { $hours } { $hours ->
        [one] hour
       *[other] hours
    }.
hours-moved-wake = Wake-up moved to { $time }, so you still sleep { $hours } { $hours ->
        [one] hour
       *[other] hours
    }.
hours-moved-checkin = Check-in moved to { $time }, so it stays within your waking hours.
error-unknown-zone = I couldn't find that place. Try a bigger city nearby, a UTC offset such as <i>+2</i> or <i>UTC-3:30</i>, or share your location.
use-buttons = Please choose with the buttons above.
not-understood = I didn't catch that. The buttons in my messages are the quickest way; /help lists everything I can do. If you feel suddenly unwell, send /sos.
unknown-command = I don't know that command. /help lists the ones I do.
stale-button = That button is from an older message. Nothing changed.
error-too-long = That's a very long message. I can read up to { $limit } characters here, so please shorten it.
error-generic = Sorry, something went wrong on my side. Nothing you saved was lost; please try again in a moment.

settings-title = <b>Your settings</b> (local time now: { $time })
settings-line = • { $label }: <b>{ $value }</b>
settings-saved = Saved ✅
settings-close = Done
settings-closed = Settings saved. /settings opens them again.
setting-language = Language
setting-timezone = Time zone
setting-wake = Wake-up
setting-sleep = Bedtime
setting-checkin = Check-in time

help =
    <b>What I can do</b>

    <b>Every day</b>
    /checkin: log today in a few taps (one tap on a good day)
    /history: your last 14 days
    /signs: tell me about a new or changing symptom, any day
    /water, /coffee: log a drink in one tap
    /today: today's water and caffeine

    <b>Feeling better</b>
    /tip: a tip that fits your day
    /breathe: a guided breathing round
    /food: your food diary and foods that help
    /learn: about twitches, in plain words

    <b>Your patterns</b>
    /summary: your last 7 and 30 days
    /chart: a chart of the last 30 days
    /report: a one-page PDF for your doctor

    <b>Settings and data</b>
    /settings: language, time zone, hours, reminders
    /pause, /resume: a break from reminders
    /privacy: what I keep
    /sos: sudden or severe signs, what to do now
    /export, /import, /delete: take, restore or erase your data

    { not-medical-advice } If you have sudden weakness, numbness on one side, a drooping face, or trouble speaking, breathing or swallowing, call your local emergency number now (/sos tells you which).
privacy =
    <b>Your data</b>

    I keep only what you tell me: your Telegram id and chat, language, time zone, waking hours and reminder settings, and what you log (check-ins, water, caffeine, food, how you slept and felt). I use it only to remind you, to show you your own patterns and to suggest when to see a doctor.

    Nothing is shared with anyone or used for advertising. It stays in this bot's own database, run by whoever operates this bot.

    /export sends you a copy of everything; /delete erases everything about you, reminders included.

    { privacy-health }

    { caveat-adults }

cmd-start = Start or resume
cmd-settings = Language, time zone, hours, reminders
cmd-privacy = What I keep and how to delete it
cmd-help = What I can do
undo-button = ↩️ Undo
undo-nothing = Already undone: nothing to remove.
freetext-greeting = { $part ->
        [morning] Good morning!
        [afternoon] Good afternoon!
        [evening] Good evening!
       *[night] Hello!
    } Would you like to do today's check-in? It takes a few seconds.
freetext-twitches = I'm sorry they're bothering you. Noting them in today's check-in shows, over the days, what goes with them (sleep, caffeine, stress). Most twitches are harmless and settle on their own.
freetext-checkin-button = 📝 Check in now
unknown-command-guess = I don't know that command. Did you mean { $command }?
# Units, with numbers in the language's own style (2,000 ml · 2000 ml · 2 000 мл).
unit-ml = { $value } ml
unit-mg = { $value } mg
unit-plus-ml = +{ $value } ml
