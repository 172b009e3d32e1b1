# Ежедневная отметка, /history и совет обратиться к врачу.
# Только HTML Telegram. Плейсхолдеры должны совпадать в en, es и ru.

cmd-checkin = Отметить день в пару касаний
cmd-history = Последние 14 дней

checkin-date = { $weekday ->
        [mon] пн
        [tue] вт
        [wed] ср
        [thu] чт
        [fri] пт
        [sat] сб
       *[sun] вс
    } { $day } { $month ->
        [jan] янв
        [feb] фев
        [mar] мар
        [apr] апр
        [may] мая
        [jun] июн
        [jul] июл
        [aug] авг
        [sep] сен
        [oct] окт
        [nov] ноя
       *[dec] дек
    }
checkin-title = { $when ->
        [yesterday] 📝 <b>Вчера, { $date }</b>
       *[today] 📝 <b>Сегодня, { $date }</b>
    }
checkin-chosen = ✓ { $label }

checkin-q-twitches = { $when ->
        [yesterday] Были ли вчера подёргивания мышц?
       *[today] Были ли сегодня подёргивания мышц?
    }
checkin-no = Нет
checkin-yes = Да
checkin-later = Позже
checkin-later-ok = Хорошо. Отправьте /checkin, когда будет минутка.
checkin-later-again = Хорошо. Спрошу ещё раз около { $time } — или отправьте /checkin, когда будет минутка.

checkin-q-where = Где вы их замечали? Отметьте все места, а затем нажмите <b>Готово</b>.
checkin-place-face = Веко или лицо
checkin-place-arm = Рука или кисть
checkin-place-leg = Нога или стопа
checkin-place-torso = Туловище или спина
checkin-short-face = лицо
checkin-short-arm = рука
checkin-short-leg = нога
checkin-short-torso = туловище
checkin-done = Готово
checkin-pick-place = Сначала отметьте хотя бы одно место.

checkin-q-often = Как часто?
checkin-often-few = Несколько раз
checkin-often-onoff = Время от времени
checkin-often-most = Почти весь день

checkin-q-strength = Насколько сильно?
checkin-strength-mild = Слабо
checkin-strength-noticeable = Заметно
checkin-strength-strong = Сильно

checkin-q-stress = Насколько напряжённым был день, от 1 (спокойно) до 5 (очень)?
checkin-q-sleep = Сколько вы спали прошлой ночью?
checkin-sleep-lt5 = меньше 5 ч
checkin-sleep-5to6 = 5–6 ч
checkin-sleep-6to7 = 6–7 ч
checkin-sleep-7to8 = 7–8 ч
checkin-sleep-gt8 = больше 8 ч

checkin-q-med = Начинали ли вы принимать новое лекарство или меняли дозу за последние две недели?
checkin-med-no = Нет
checkin-med-yes = Да

checkin-q-flags =
    <b>Короткая еженедельная проверка.</b> Замечали ли вы что-то из этого в последнее время? Отметьте, что подходит, и нажмите <b>Готово</b>. Если ничего не подходит, нажмите <i>Ничего из этого</i>.
checkin-flag-weakness = Слабость нарастает, вещи выпадают из рук
checkin-flag-balance = Проблемы с равновесием или координацией
checkin-flag-shrinking = Мышца выглядит меньше
checkin-flag-stiffness = Скованность или судороги не проходят
checkin-flag-numbness = Онемение или покалывание
checkin-flag-breathing = Дышать становится труднее
checkin-flag-speaking = Говорить или глотать всё труднее неделями
# Сохранено до изменения списка; показывается только в истории и отчётах.
checkin-flag-speech = Трудно говорить или глотать
checkin-flags-none = Ничего из этого
checkin-pick-flag = Отметьте, что подходит, или нажмите «Ничего из этого».
checkin-sos = 🚨 Внезапные или тяжёлые симптомы

checkin-saved-none = { $when ->
        [yesterday] ✅ <b>Вчера без подёргиваний: сохранено.</b> Спасибо, что заполнили.
       *[today] ✅ <b>Сегодня без подёргиваний: сохранено.</b> Спасибо за отметку.
    }
checkin-saved-twitch = 〰️ <b>Сохранено.</b> Спасибо, это всё, что нужно за { $when ->
        [yesterday] вчера.
       *[today] сегодня.
    }
checkin-line-places = Где: { $places }
checkin-line-pattern = Как часто: { $often } · Сила: { $strength }
checkin-line-context = Стресс { $stress }/5 · Сон { $sleep } · Новое лекарство: { $med }
checkin-line-intake = Записано за день: 💧 { $water } мл · ☕ { $caffeine } мг
checkin-med-note = 💊 Некоторые лекарства могут вызывать подёргивания как побочный эффект. Если вам кажется, что дело в вашем, обсудите это с врачом, который его назначил. Пожалуйста, не отменяйте назначенное лекарство самостоятельно.
checkin-flags-noted = ⚠️ Вы отметили: { $flags }. Это стоит показать врачу в ближайшие дни.
checkin-yesterday-missing = За вчера ещё нет отметки. Заполнить?
checkin-change = ✏️ Изменить ответы
checkin-fill-yesterday = 📅 Заполнить вчера
checkin-use-buttons = Просто нажмите кнопку в отметке выше, печатать ничего не нужно. Отправьте /checkin, чтобы увидеть её снова.
checkin-closed = Эта отметка уже закрыта. Отправьте /checkin, чтобы отметить сегодня.

# Optional one-tap answers on the finished check-in (good days: sleep, stress, exercise; twitch days: exercise)
checkin-extras-good = По желанию, одно нажатие в строке, чтобы сравнить спокойные дни с днями подёргиваний: 😴 сон прошлой ночью, стресс сегодня (1 — спокойно, 5 — очень), 🏃 физическая нагрузка сегодня.
checkin-extras-twitch = По желанию, одно нажатие: 🏃 была ли сегодня физическая нагрузка?
checkin-extra-sleep = 😴 { $label }
checkin-extra-sleep-lt5 = 0–5 ч
checkin-extra-sleep-5to6 = 5–6 ч
checkin-extra-sleep-6to7 = 6–7 ч
checkin-extra-sleep-7to8 = 7–8 ч
checkin-extra-sleep-gt8 = 8+ ч
checkin-extra-stress = Стресс { $label }
checkin-extra-stress-1 = 1
checkin-extra-stress-2 = 2
checkin-extra-stress-3 = 3
checkin-extra-stress-4 = 4
checkin-extra-stress-5 = 5
checkin-extra-exercise = 🏃 { $label }
checkin-extra-exercise-none = Нет
checkin-extra-exercise-light = Лёгкая
checkin-extra-exercise-hard = Интенсивная

history-title = <b>{ $count ->
        [one] Последний { $count } день
        [few] Последние { $count } дня
       *[many] Последние { $count } дней
    }</b>
history-line-none = { $date } ✅
history-line-twitch = { $date } 〰️ { $places } · { $strength }
history-line-missing = { $date } · нет отметки
history-footer = ✅ без подёргиваний · 〰️ подёргивания · ⚠️ отмечены признаки. /checkin — отметить сегодня.

nudge-soon =
    🩺 <b>Пожалуйста, покажитесь врачу в ближайшие дни.</b>

    Вы отметили:
    { $reasons }

    Эти признаки стоит как следует проверить. Часто у них вполне обычное объяснение, а врач может осмотреть вас и исключить состояния, которые требуют лечения. Начать можно с терапевта или семейного врача.
nudge-book =
    🩺 <b>Стоит записаться к врачу</b>

    Большинство подёргиваний безобидны, и это не диагноз. И всё же { $count ->
        [one] этот признак стоит
        [few] эти { $count } признака стоит
        [many] эти { $count } признаков стоит
       *[other] эти признаки стоит
    } показать врачу:
    { $reasons }

    Подойдёт обычный плановый приём. /history покажет, что вы записывали, это удобно взять с собой.
nudge-reason-weakness = • мышечная слабость, которая нарастает, или вещи выпадают из рук
nudge-reason-balance = • проблемы с равновесием или координацией
nudge-reason-shrinking = • мышца выглядит меньше
nudge-reason-stiffness = • скованность или судороги, которые не проходят
nudge-reason-numbness = • онемение или покалывание
nudge-reason-breathing = • дышать становится труднее
nudge-reason-speaking = • говорить или глотать становится труднее уже несколько дней или недель
nudge-reason-speech = • трудно говорить или глотать
nudge-reason-persistent = • подёргивания повторяются уже { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } или дольше
nudge-reason-places = • подёргивания больше чем в одном месте
nudge-reason-not_improving = • нет улучшения через { $weeks } { $weeks ->
        [one] неделю
        [few] недели
       *[many] недель
    }
nudge-reason-medicine = • подёргивания начались примерно тогда, когда вы начали или сменили лекарство: обсудите это с врачом, который его назначил, и не отменяйте лекарство сами
nudge-emergency-line = <i>Если что-то начнётся внезапно (слабость или онемение с одной стороны тела, перекошенное лицо или опустившийся угол рта, трудности с речью, дыханием или глотанием), позвоните { $number }.</i>
nudge-booked = ✅ Приём назначен или уже был
nudge-later = ⏰ Напомнить позже
nudge-ack-booked-2 = ✅ Спасибо, это правильный шаг. Если появятся новые признаки, я всё равно скажу.
nudge-ack-booked-3 = ✅ Спасибо. Я не буду напоминать об этом 30 дней, если не появится что-то новое.
nudge-ack-later = ⏰ Хорошо, напомню через несколько дней.

# Warning signs any day: /signs and "Something new?" under a check-in summary.
cmd-signs = Рассказать о новом или меняющемся симптоме
signs-something-new = 🆕 Что-то новое?
signs-q =
    <b>Что-то новое или меняется?</b> Отметьте, что подходит, и нажмите <b>Готово</b>. Если ничего не подходит, нажмите <i>Ничего из этого</i>.
signs-sudden = 🚨 Если что-то началось <b>внезапно</b> (трудно говорить, глотать или дышать, одна сторона лица опустилась, слабость или онемение с одной стороны тела), нажмите красную кнопку.
signs-saved = ✅ <b>Записано на { $date }.</b> Спасибо, что рассказали.
signs-none = Спасибо, что проверили. Ничего нового не записываю. Если что-то изменится, /signs откроет этот список в любой момент.
checkin-undone = Ответы отменены. Ответьте заново, когда будет удобно.
checkin-note-kept = 📝 Сохранено как заметка за сегодня (она будет в /history и в отчёте). Продолжить отметку можно кнопками выше.
history-note = 　📝 { $note }
farewell = { $part ->
        [morning] Хорошего дня.
        [afternoon] Хорошего дня.
        [evening] Хорошего вечера.
       *[night] Спокойной ночи.
    }
