# Coaching: tips, exercises, guided breathing, foods and the food diary, learn pages.
# Telegram HTML only; no line may start with [ * or . inside a multi-line message.

cmd-tip = A tip that fits your day
cmd-breathe = A guided breathing round
cmd-food = Food diary and helpful foods
cmd-learn = About twitches, in plain words

coaching-disclaimer = <i>General self-care information, not medical advice.</i>
coaching-on = on
coaching-off = off
coaching-setting-tip = Daily tip
coaching-topics = ◀️ All topics
coaching-worried = 😟 I'm worried

## Tips

coaching-tip-title = 💡 <b>A tip for today</b>
coaching-daily-title = 💡 <b>Your daily tip</b> (you can turn these off in /settings)
coaching-tip-another = 🔄 Another tip
coaching-tip-try = ▶️ Try it: { $exercise }
coaching-why-relax = <i>You rated your stress high in your last check-in, so here is something calming.</i>
coaching-why-sleep = <i>You slept less than 7 hours, so here is something for tonight.</i>
coaching-why-caffeine = <i>You're close to your caffeine limit for today.</i>
coaching-why-water = <i>You're a little behind on water today.</i>
coaching-why-recovery = <i>You noticed twitches after hard exercise, so here is something for recovery.</i>
coaching-why-general = <i>Something small that helps many people.</i>

coaching-tip-relax-box = Stress keeps nerves on alert, and muscles can twitch more. Two minutes of box breathing tells your body it is safe: breathe in for 4, hold for 4, out for 4, hold for 4.
coaching-tip-relax-478 = Slow breathing with a long out-breath calms the nervous system. Try 4-7-8 breathing: in through the nose for 4, hold for 7, out through the mouth for 8. Four rounds are enough to start.
coaching-tip-relax-pmr = Tension you don't notice can keep muscles busy. Progressive muscle relaxation lets you feel the difference: tense one group of muscles gently, then let it go, from your feet up to your face.
coaching-tip-relax-mindful = When your mind races, a one-minute pause helps: notice five things you can see, four you can hear and three you can feel. Nothing to fix, just noticing.
coaching-tip-relax-walk = A 10-minute walk, ideally outdoors, lowers stress hormones and loosens tight muscles. Slow and easy counts.
coaching-tip-sleep-schedule = Going to bed and getting up at about the same time every day, weekends too, steadies your body clock. Tired muscles and nerves twitch more easily.
coaching-tip-sleep-screens = Bright screens late at night keep the brain awake. Try putting the phone away 30 to 60 minutes before bed and doing something calm instead.
coaching-tip-sleep-winddown = A wind-down routine helps you fall asleep: dim the lights, a warm shower, then a few rounds of 4-7-8 breathing in bed.
coaching-tip-sleep-bedroom = A cool, dark and quiet bedroom helps deeper sleep. If you can't sleep after about 20 minutes, get up and do something calm until you feel sleepy.
coaching-tip-caffeine-cutoff = Caffeine stays in the body for hours. Having your last coffee, tea or energy drink at least 6 hours before bed protects your sleep, and calmer nights mean calmer muscles.
coaching-tip-caffeine-taper = Cutting back slowly avoids headaches: try replacing one caffeinated drink a day with water or a decaf version, and repeat every few days.
coaching-tip-caffeine-hidden = Caffeine hides in cola, energy drinks, strong tea, chocolate and some pain relievers. Counting these too gives you a truer picture.
coaching-tip-caffeine-swap = When you reach for a coffee out of habit, try a glass of water or a herbal tea first. Often the tiredness is thirst or the need for a short break.
coaching-tip-water-glass = Even mild dehydration can make muscles twitchy. A glass of water now, and one with each meal, makes the day easier.
coaching-tip-water-bottle = Keeping a bottle in sight is one of the simplest ways to drink more. Refill it each time it's empty.
coaching-tip-water-food = Fruit and vegetables count toward your water too: cucumber, watermelon, oranges and soups all help.
coaching-tip-water-habit = Link water to things you already do: a glass after waking, before each meal and after brushing your teeth.
coaching-tip-recovery-rest = Twitches after hard training are common and usually settle with rest. Give those muscles a lighter day, and drink and eat well to refuel.
coaching-tip-recovery-stretch = Gentle stretching after exercise helps tired muscles relax. Hold each stretch for 20 to 30 seconds, without bouncing or pain.
coaching-tip-recovery-minerals = Sweating loses water and minerals. After a hard workout, water plus foods with potassium and magnesium (bananas, potatoes, beans, nuts) help you recover.
coaching-tip-general-diary = Noting what you eat and drink can show patterns over time. /food logs it in one tap.
coaching-tip-general-foods = Magnesium and potassium help muscles and nerves work smoothly. Spinach, beans, nuts, seeds, bananas and potatoes are good everyday sources.
coaching-tip-general-movement = Regular gentle movement, like walking, swimming, cycling or yoga, helps both stress and muscles. A little most days beats a lot once a week.
coaching-tip-general-checking = If you catch yourself testing your strength or watching your muscles for twitches, try to gently let it go. Checking keeps attention on the twitches and tends to make worry, and the twitches, feel bigger.

## Exercises

coaching-ex-title = 🧘 <b>Exercises</b>: pick one to see the steps.
coaching-ex-box-name = Box breathing
coaching-ex-478-name = 4-7-8 breathing
coaching-ex-pmr-name = Muscle relaxation
coaching-ex-mindful-name = One-minute mindfulness
coaching-ex-stretch-name = Gentle stretching
coaching-ex-lowimpact-name = Low-impact exercise
coaching-ex-guide = ▶️ Guide me now
coaching-ex-all = 🧘 All exercises

coaching-ex-box =
    <b>Box breathing</b>

    1. Sit comfortably and breathe out slowly.
    2. Breathe in through your nose for a count of 4.
    3. Hold for 4.
    4. Breathe out slowly for 4.
    5. Hold for 4, then start again.

    Four rounds take about a minute. If counting to 4 feels hard, use 3. If you feel dizzy or light-headed, stop and breathe normally.
coaching-ex-478 =
    <b>4-7-8 breathing</b>

    Sit or lie down, with the tip of your tongue resting behind your upper front teeth.

    1. Breathe out fully through your mouth.
    2. Breathe in quietly through your nose for 4.
    3. Hold your breath for 7.
    4. Breathe out through your mouth with a soft whoosh for 8.

    Do 4 cycles at first; you can build up over time. It's fine to count faster if holding feels hard. Stop if you feel light-headed.
coaching-ex-pmr =
    <b>Progressive muscle relaxation</b>

    Find a quiet place to sit or lie down. Work slowly from your feet up to your head: feet, calves, thighs, bottom, stomach, hands, arms, shoulders, neck, face.

    1. Breathe in and tense one muscle group firmly but not painfully for 5 to 10 seconds.
    2. Breathe out and let it go all at once.
    3. Relax for 10 to 30 seconds and notice how loose it feels, then move on.

    Skip any area that is injured or hurts. The whole exercise takes about 10 to 15 minutes.
coaching-ex-mindful =
    <b>One-minute mindfulness</b>

    1. Sit comfortably and let your breath find its own pace.
    2. Notice 5 things you can see, 4 you can hear, 3 you can feel (your feet on the floor, your clothes).
    3. When thoughts come, notice them kindly and come back to your breath.

    There's no right way to do it. Even one minute a day helps, and more is welcome.
coaching-ex-stretch =
    <b>Gentle stretching or yoga</b>

    • Neck: tilt your ear toward your shoulder, hold, then switch sides.
    • Shoulders: roll them slowly back and down 5 times.
    • Calves: hands on a wall, one foot back with the heel down, hold.
    • Thighs: hold on to a chair and bring one heel toward your bottom.
    • Child's pose or cat-cow on the floor, if it's comfortable.

    Hold each stretch for 20 to 30 seconds, breathe slowly, and never push into pain or bounce.
coaching-ex-lowimpact =
    <b>Low-impact exercise</b>

    Movement that is kind to the joints and calming for the mind:

    • a brisk walk, 10 to 30 minutes
    • swimming or water walking
    • cycling, indoors or out
    • yoga, tai chi or pilates
    • dancing around the kitchen

    Start easy and build up slowly; most adults are advised about 150 minutes a week of moderate activity. If you have a heart, lung or joint condition, check with your doctor before starting something new.

## Guided breathing (/breathe)

coaching-breathe-intro =
    🫁 <b>A guided breathing round</b>

    Sit or lie down comfortably. I'll change this message as you go: just follow the words. If you feel dizzy or light-headed at any point, stop and breathe normally.

    Which one?
coaching-pattern-box = Box breathing 4-4-4-4
coaching-pattern-boxgentle = Gentler box 3-3-3-3
coaching-pattern-478 = 4-7-8 breathing
coaching-breathe-step = <b>{ $name }</b> · cycle { $cycle } of { $cycles }
coaching-phase-inhale = 🌬 Breathe in slowly through your nose… <b>{ $seconds }</b>
coaching-phase-hold = ⏸ Hold gently… <b>{ $seconds }</b>
coaching-phase-exhale = 😮‍💨 Breathe out slowly… <b>{ $seconds }</b>
coaching-phase-rest = ⏸ Rest with empty lungs… <b>{ $seconds }</b>
coaching-breathe-dizzy = <i>Dizzy? Tap Stop and breathe normally.</i>
coaching-breathe-stop = ⏹ Stop
coaching-breathe-done =
    ✅ <b>Well done.</b> That was one round of { $name }.

    Take a moment to notice how your body feels now. You can come back to this any time with /breathe.
coaching-breathe-stopped = Stopped. Breathe normally for a while; you can try again any time with /breathe, perhaps with shorter counts.
coaching-breathe-again = 🔁 Once more

## Foods and the food diary (/food)

coaching-food-pumpkinseeds = Pumpkin seeds, roasted, 1 oz (28 g)
coaching-food-almonds = Almonds, roasted, 1 oz (28 g)
coaching-food-spinach = Spinach, boiled, ½ cup
coaching-food-cashews = Cashews, roasted, 1 oz (28 g)
coaching-food-blackbeans = Black beans, cooked, ½ cup
coaching-food-potato = Potato, baked with skin, 1 medium
coaching-food-lentils = Lentils, cooked, ½ cup
coaching-food-banana = Banana, 1 medium
coaching-food-milk = Milk, low-fat, 1 cup
coaching-food-salmon = Salmon, cooked, 3 oz (85 g)
coaching-food-avocado = Avocado, cubed, ½ cup
coaching-food-apricots = Dried apricots, ½ cup
coaching-food-pumpkinseeds-short = Pumpkin seeds
coaching-food-almonds-short = Almonds
coaching-food-spinach-short = Spinach
coaching-food-cashews-short = Cashews
coaching-food-blackbeans-short = Black beans
coaching-food-potato-short = Potato
coaching-food-lentils-short = Lentils
coaching-food-banana-short = Banana
coaching-food-milk-short = Milk
coaching-food-salmon-short = Salmon
coaching-food-avocado-short = Avocado
coaching-food-apricots-short = Dried apricots
coaching-food-other-short = Something else

coaching-food-guide-title =
    🥗 <b>Foods rich in magnesium and potassium</b>

    Both minerals help muscles and nerves work smoothly. Typical amounts per serving:
coaching-food-guide-line = { $emoji } { $food }: magnesium ~{ $mg } mg, potassium ~{ $k } mg
coaching-food-guide-notes =
    Adults need about { $mgLow }–{ $mgHigh } mg of magnesium and { $kLow }–{ $kHigh } mg of potassium a day; food is the best way to get them.

    <b>Good to know</b>
    • Magnesium from supplements above { $ul } mg a day can upset the stomach and isn't safe for everyone: talk to a doctor before taking that much. Magnesium from food doesn't count toward this.
    • If you have kidney disease, or take medicines that raise potassium (some blood-pressure pills and water tablets), ask your doctor before eating a lot more potassium.

    <i>Figures: NIH Office of Dietary Supplements and USDA FoodData Central, rounded.</i>
coaching-food-title = 🗒 <b>Your food diary</b> (last { $days ->
        [one] day
       *[other] { $days } days
    })
coaching-food-empty = Nothing logged yet. Tap a food below to add it, one tap each; it helps to spot patterns next to your twitch days.
coaching-food-day = <b>{ $date }</b>
coaching-food-day-twitches = <b>{ $date }</b> · twitches
coaching-food-day-calm = <b>{ $date }</b> · no twitches
coaching-food-note = ✏️ { $note }
coaching-food-tap = Tap a food to log it for today:
coaching-food-logged = Logged: { $food } ✅
coaching-food-already = Already logged ✅
coaching-food-ask-note = ✏️ Type what you ate or drank (for example <i>oat porridge with nuts</i>). I'll add it to today's diary.
coaching-food-note-saved = Added to today's diary ✅
coaching-food-guide-button = 📖 Which foods help?
coaching-food-diary-button = 🗒 My diary

## Learn (/learn)

coaching-learn-title =
    📚 <b>Learn about muscle twitches</b>

    Pick a topic. Everything is in plain words, and you can come back any time with /learn.
coaching-learn-what-button = What twitches are
coaching-learn-causes-button = Common causes
coaching-learn-kinds-button = Kinds of twitches
coaching-learn-doctor-button = When to see a doctor
coaching-learn-managing-button = Managing them
coaching-learn-medicines-button = Medicines and twitches
coaching-learn-worry-button = Worry and twitches
coaching-learn-foods-button = Helpful foods
coaching-learn-exercises-button = Relaxation exercises
coaching-learn-ruleout-button = What can a doctor rule out?

coaching-learn-what =
    <b>What twitches are</b>

    A twitch (doctors call it a fasciculation) is a small part of a muscle tightening on its own, for a moment. You may see a flicker under the skin or just feel it: in an eyelid, a calf, a thigh, a hand.

    It happens when a nerve sends a stray signal to a few muscle fibres. Nerves get more excitable when you're stressed, tired, low on fluids, or have had a lot of caffeine.

    Twitches are very common, and most people have them now and then. On their own, they're usually harmless and fade by themselves.
coaching-learn-causes =
    <b>Common causes</b>

    • <b>Stress and anxiety</b>: they keep the nervous system on alert.
    • <b>Tiredness</b>: short sleep or overworked muscles.
    • <b>Too little fluid</b>: even mild dehydration can do it.
    • <b>Caffeine</b>: coffee, tea, energy drinks, and also some other stimulants.
    • <b>Hard exercise</b>: tired muscles often twitch for a day or two.
    • <b>Medicines</b>: a few can cause twitches as a side effect.
    • <b>Low minerals</b>: magnesium, calcium or potassium. A doctor can check these with a simple blood test.

    Often it's a mix of several. The daily /checkin helps you see which ones matter for you.
coaching-learn-kinds =
    <b>Kinds of twitches</b>

    • <b>Occasional</b>: now and then, often after stress, a short night or a lot of caffeine. This is the most common kind.
    • <b>Persistent</b>: they keep coming back for weeks. Usually still harmless; if they go on for { $days } days or more, book a doctor's appointment.
    • <b>Widespread</b>: in more than one place around the body. Often linked to stress, exercise or minerals. Twitches in more than one place are worth a doctor's look: book a routine appointment so they can check what's behind them.
coaching-learn-ruleout =
    <b>What a doctor can rule out</b>

    A doctor usually starts with questions and a short examination of strength and reflexes. If needed, they may check:
    • minerals in the blood (magnesium, calcium, potassium);
    • thyroid function;
    • blood sugar, because diabetes can affect nerves;
    • a trapped or irritated nerve, and side effects of medicines;
    • rarer conditions of the nerves and muscles. These almost always come with clear, growing weakness, not twitches alone.

    Most people come away reassured. If you have questions, write them down and bring them to the appointment.
coaching-learn-managing =
    <b>Managing twitches</b>

    • Lower stress: breathing, relaxation, mindfulness, gentle yoga (/breathe).
    • Sleep 7 to 9 hours, at regular times.
    • Drink water through the day.
    • Keep caffeine moderate, and none late in the day.
    • Move gently and regularly; rest muscles after hard training.
    • Eat foods rich in magnesium and potassium (/food).
    • Keep a food and symptom diary to spot your own triggers.

    If lifestyle changes don't help after { $weeks } weeks, talk to a doctor: there are treatments they can suggest.

    { caveat-potassium }

    { caveat-fluids }
coaching-learn-medicines =
    <b>Medicines and twitches</b>

    Some medicines can cause twitches as a side effect, for example some asthma inhalers, stimulants, steroids, and water tablets (diuretics) that change the minerals in your blood.

    If you started a new medicine or changed a dose and then noticed twitches, please don't stop it on your own. Talk to the doctor who prescribed it, or a pharmacist: they can tell you whether it's likely and what to do.

    It helps to note the date you started it; your /checkin history shows when the twitches began.
coaching-learn-worry =
    <b>Worry and twitches</b>

    Worrying about twitches is very common, and it's understandable. Worry itself makes the nervous system more alert, so twitches can feel stronger when you're anxious, and that can turn into a loop.

    Things that help break the loop:
    • Try not to test your strength again and again, or look up symptoms late at night. Checking keeps the worry going and doesn't give new answers.
    • Give the worry a time limit: note it, then come back to what you were doing.
    • Slow breathing calms the body directly (/breathe).
    • If a worry keeps coming back, a doctor's visit can settle it. Talking to a counsellor helps many people too.

    { caveat-talk }

    { caveat-crisis }
coaching-worry-reply =
    💛 It's completely understandable to feel worried. Twitches are very common, and on their own they're usually harmless.

    Worry makes the body more alert, and that can make twitches feel stronger, so being kind to yourself right now really does help. Try not to test your muscles again and again: checking keeps the worry going.

    Would a minute of slow breathing help? And if you'd like certainty, seeing a doctor is a good, calm next step.

    { caveat-talk } { caveat-crisis }

## Settings: daily tip

coaching-back = ◀️ Back
coaching-daily-ask =
    💡 <b>Daily tip</b>: { $state }

    Once a day, at a quiet time within your waking hours, I can send one short tip that fits your day. It's off unless you turn it on.
coaching-daily-turn-on = Turn on
coaching-daily-turn-off = Turn off
coaching-food-undone = Removed from your diary ↩️
