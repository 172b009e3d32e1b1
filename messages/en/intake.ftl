# Water and caffeine logging, /today, /pause, /resume and their settings.

cmd-today = Today's water and caffeine
cmd-water = Log water
cmd-coffee = Log coffee, tea or other caffeine
cmd-caffeine = Log caffeine
cmd-pause = Pause reminders for a few days
cmd-resume = Resume reminders

intake-custom = ✏️ Other amount
intake-custom-mg = ✏️ Other (mg)
intake-drink-coffee = ☕ Coffee · { $mg } mg
intake-drink-espresso = Espresso · { $mg } mg
intake-drink-black_tea = 🫖 Black tea · { $mg } mg
intake-drink-green_tea = 🍵 Green tea · { $mg } mg
intake-drink-cola = 🥤 Cola can · { $mg } mg
intake-drink-energy = ⚡ Energy drink 250 ml · { $mg } mg
intake-drink-name-coffee = a cup of coffee
intake-drink-name-espresso = an espresso
intake-drink-name-black_tea = a cup of black tea
intake-drink-name-green_tea = a cup of green tea
intake-drink-name-cola = a can of cola
intake-drink-name-energy = an energy drink
intake-drink-name-custom = a drink

intake-water-progress = Water today: <b>{ $total } / { $goal } ml</b> { $bar } { $percent }%
intake-water-done = Water today: <b>{ $total } / { $goal } ml</b> { $bar } Goal reached, well done! 🎉
intake-water-logged = Added { $ml } ml ✅
intake-water-bad-amount = I couldn't read that amount. Try <i>/water 300</i> or <i>/water 0.5 l</i> (up to 3 litres at once).
intake-caffeine-progress = Caffeine today: <b>{ $total } / { $limit } mg</b>
intake-caffeine-bedtime = About { $mg } mg may still be in your body at bedtime ({ $bedtime }): caffeine takes roughly 5 hours to fall by half.
intake-caffeine-cutoff = Your caffeine cut-off: { $cutoff }.
intake-caffeine-logged = Logged { $drink } ({ $mg } mg) ✅
intake-caffeine-warn-75 = That's three quarters of your daily limit of { $limit } mg. Going easy for the rest of the day can help twitches settle.
intake-caffeine-warn-100 = That's at or past your daily limit of { $limit } mg. Water or a caffeine-free drink is a kind choice for the rest of today.
intake-caffeine-bad-amount = I couldn't read that. Try <i>/coffee 120</i> for 120 mg (1 to 1000).

intake-today-title = <b>Your day so far</b>
intake-today-paused = Reminders are paused until { $until }. /resume turns them back on.
intake-today-next-checkin = Next check-in reminder: { $when }.

intake-pause-ask = Pause all reminders for how long? You can still log anything in the meantime.
intake-pause-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
intake-pause-bad = Please give a number of days from 1 to { $max }, for example <i>/pause 3</i>.
intake-paused = { $days ->
    [one] Reminders paused for a day, until { $until }. Take care. /resume brings them back sooner.
   *[other] Reminders paused for { $days } days, until { $until }. Take care. /resume brings them back sooner.
}
intake-not-paused = Reminders aren't paused right now. /pause takes a break from them.
intake-resumed = Welcome back: reminders are on again.

intake-ask-wc = How much water? Type an amount like <i>300</i> (ml) or <i>0.5 l</i>.
intake-ask-cc = How much caffeine, in mg? Type a number like <i>120</i>. (A cup of brewed coffee has about 95 mg.)
intake-ask-goalt = Type your daily water goal in ml, for example <i>2200</i> (1000 to 4000).
intake-ask-goalw = What's your body weight in kg? I'll suggest about 33 ml per kg. It's used only for this and not stored.
intake-ask-limitt = Type your daily caffeine limit in mg, from 0 to 400. 400 mg is the usual upper figure for healthy adults; lower is fine.
intake-bad-wc = { intake-water-bad-amount }
intake-bad-cc = Please type a number of milligrams from 1 to 1000, like <i>120</i>.
intake-bad-goalt = Please type a goal from 1000 to 4000 ml, like <i>2200</i>.
intake-bad-goalw = Please type your weight in kg, like <i>70</i>.
intake-bad-limitt = Please type a number from 0 to 400, like <i>200</i>.
intake-goal-from-weight = That suggests about <b>{ $goal } ml</b> a day, which I've set as your goal.

    { caveat-fluids }

intake-setting-goal = Water goal
intake-setting-limit = Caffeine limit
intake-setting-every = Water reminders
intake-setting-reminders = Reminders
intake-every-hours = every { $hours } h
intake-every-hm = every { $hours } h { $minutes } min
intake-on = on
intake-off = off
intake-reminders-value = water { $water }, caffeine last call { $caffeine }
intake-back = ‹ Back
intake-type = ✏️ Type it
intake-goal-weight = ⚖️ From my weight
intake-edit-goal = <b>Daily water goal</b> (now { $goal } ml). Around 2–2.5 litres of fluids a day suits most adults; more in heat or with exercise.

    { caveat-fluids }
intake-edit-limit = <b>Daily caffeine limit</b> (now { $limit } mg). 400 mg is the usual upper figure for healthy adults (200 mg when pregnant or breastfeeding); many people with twitches feel better with less.
intake-edit-every = <b>How often should I remind you about water?</b> Only while you're awake and behind your goal.
intake-edit-reminders = <b>Which reminders would you like?</b> Tap to switch.
intake-toggle-water = 💧 Water reminders: { $state }
intake-toggle-caffeine = ☕ Caffeine last call: { $state }
intake-undone = Removed { $amount } ↩️
intake-read-glasses = I read “{ $typed }” as { $count ->
        [one] one glass
       *[other] { $count } glasses
    } of { $ml } ml. For millilitres, type <i>/water 300</i>.
intake-meant-litres = I meant { $count ->
        [one] 1 litre
       *[other] { $count } litres
    }
intake-caffeine-logged-count = Logged { $drink } × { $count } ({ $mg } mg) ✅
intake-read-drinks = I read “{ $typed }” as { $count } of your usual drink. Something else? Tap ↩️ Undo, then the drink; <i>/coffee 120 mg</i> logs milligrams.
