# Учёт воды и кофеина, /today, /pause, /resume и их настройки.

cmd-today = Вода и кофеин за сегодня
cmd-water = Записать воду
cmd-coffee = Записать кофе, чай или другой кофеин
cmd-caffeine = Записать кофеин
cmd-pause = Приостановить напоминания на несколько дней
cmd-resume = Возобновить напоминания

intake-custom = ✏️ Другое количество
intake-custom-mg = ✏️ Другое (мг)
intake-drink-coffee = ☕ Кофе · { $mg } мг
intake-drink-espresso = Эспрессо · { $mg } мг
intake-drink-black_tea = 🫖 Чёрный чай · { $mg } мг
intake-drink-green_tea = 🍵 Зелёный чай · { $mg } мг
intake-drink-cola = 🥤 Банка колы · { $mg } мг
intake-drink-energy = ⚡ Энергетик 250 мл · { $mg } мг
intake-drink-name-coffee = чашка кофе
intake-drink-name-espresso = эспрессо
intake-drink-name-black_tea = чашка чёрного чая
intake-drink-name-green_tea = чашка зелёного чая
intake-drink-name-cola = банка колы
intake-drink-name-energy = энергетик
intake-drink-name-custom = напиток

intake-water-progress = Вода сегодня: <b>{ $total } / { $goal } мл</b> { $bar } { $percent }%
intake-water-done = Вода сегодня: <b>{ $total } / { $goal } мл</b> { $bar } Цель достигнута, отлично! 🎉
intake-water-logged = Добавлено { $ml } мл ✅
intake-water-bad-amount = Не получилось понять количество. Попробуйте <i>/water 300</i> или <i>/water 0,5 л</i> (до 3 литров за раз).
intake-caffeine-progress = Кофеин сегодня: <b>{ $total } / { $limit } мг</b>
intake-caffeine-bedtime = Ко времени сна ({ $bedtime }) в организме может оставаться около { $mg } мг: количество кофеина уменьшается вдвое примерно за 5 часов.
intake-caffeine-cutoff = Ваша граница для кофеина: { $cutoff }.
intake-caffeine-logged = Записано: { $drink } ({ $mg } мг) ✅
intake-caffeine-warn-75 = Это уже три четверти вашего дневного лимита в { $limit } мг. Если до конца дня обойтись без кофеина, подёргивания могут успокоиться.
intake-caffeine-warn-100 = Вы достигли или превысили дневной лимит в { $limit } мг. До конца дня лучше выбрать воду или напиток без кофеина.
intake-caffeine-bad-amount = Не получилось понять. Попробуйте <i>/coffee 120</i> для 120 мг (от 1 до 1000).

intake-today-title = <b>Ваш день на данный момент</b>
intake-today-paused = Напоминания на паузе до { $until }. /resume включит их снова.
intake-today-next-checkin = Следующее напоминание об отметке: { $when }.

intake-pause-ask = На сколько приостановить напоминания? Записывать можно по-прежнему что угодно.
intake-pause-days = { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}
intake-pause-bad = Укажите число дней от 1 до { $max }, например <i>/pause 3</i>.
intake-paused = { $days ->
    [one] Напоминания на паузе { $days } день, до { $until }. Берегите себя. /resume вернёт их раньше.
    [few] Напоминания на паузе { $days } дня, до { $until }. Берегите себя. /resume вернёт их раньше.
    [many] Напоминания на паузе { $days } дней, до { $until }. Берегите себя. /resume вернёт их раньше.
   *[other] Напоминания на паузе { $days } дня, до { $until }. Берегите себя. /resume вернёт их раньше.
}
intake-not-paused = Напоминания сейчас не на паузе. /pause позволит сделать перерыв.
intake-resumed = С возвращением! Напоминания снова включены.

intake-ask-wc = Сколько воды? Напишите количество, например <i>300</i> (мл) или <i>0,5 л</i>.
intake-ask-cc = Сколько кофеина, в мг? Напишите число, например <i>120</i>. (В чашке заварного кофе около 95 мг.)
intake-ask-goalt = Напишите дневную цель по воде в мл, например <i>2200</i> (от 1000 до 4000).
intake-ask-goalw = Какой у вас вес в кг? Я предложу около 33 мл на кг. Вес нужен только для расчёта и не сохраняется.
intake-ask-limitt = Напишите дневной лимит кофеина в мг, от 0 до 400. 400 мг — обычная верхняя граница для здоровых взрослых; меньше — тоже хорошо.
intake-bad-wc = { intake-water-bad-amount }
intake-bad-cc = Напишите число миллиграммов от 1 до 1000, например <i>120</i>.
intake-bad-goalt = Напишите цель от 1000 до 4000 мл, например <i>2200</i>.
intake-bad-goalw = Напишите вес в кг, например <i>70</i>.
intake-bad-limitt = Напишите число от 0 до 400, например <i>200</i>.
intake-goal-from-weight = Получается около <b>{ $goal } мл</b> в день — теперь это ваша цель.

    { caveat-fluids }

intake-setting-goal = Цель по воде
intake-setting-limit = Лимит кофеина
intake-setting-every = Напоминания о воде
intake-setting-reminders = Напоминания
intake-every-hours = каждые { $hours } ч
intake-every-hm = каждые { $hours } ч { $minutes } мин
intake-on = вкл.
intake-off = выкл.
intake-reminders-value = вода { $water }, кофеин { $caffeine }
intake-back = ‹ Назад
intake-type = ✏️ Ввести
intake-goal-weight = ⚖️ По моему весу
intake-edit-goal = <b>Дневная цель по воде</b> (сейчас { $goal } мл). Большинству взрослых подходит около 2–2,5 литра жидкости в день; в жару или при нагрузках — больше.

    { caveat-fluids }
intake-edit-limit = <b>Дневной лимит кофеина</b> (сейчас { $limit } мг). 400 мг — обычная верхняя граница для здоровых взрослых (200 мг при беременности или кормлении грудью); многим людям с подёргиваниями лучше с меньшим количеством.
intake-edit-every = <b>Как часто напоминать о воде?</b> Только пока вы не спите и отстаёте от цели.
intake-edit-reminders = <b>Какие напоминания вам нужны?</b> Нажмите, чтобы переключить.
intake-toggle-water = 💧 Напоминания о воде: { $state }
intake-toggle-caffeine = ☕ Последнее напоминание о кофеине: { $state }
intake-undone = Убрано: { $amount } ↩️
intake-read-glasses = «{ $typed }» — это { $count ->
        [one] { $count } стакан
        [few] { $count } стакана
       *[many] { $count } стаканов
    } по { $ml } мл. Чтобы указать миллилитры, напишите <i>/water 300</i>.
intake-meant-litres = { $count ->
        [one] Это был { $count } литр
        [few] Это были { $count } литра
       *[many] Это были { $count } литров
    }
intake-caffeine-logged-count = Записано: { $drink } × { $count } ({ $mg } мг) ✅
intake-read-drinks = «{ $typed }» — это { $count } × ваш обычный напиток. Было что-то другое? Нажмите ↩️ Отменить, а затем нужный напиток; <i>/coffee 120 мг</i> записывает миллиграммы.
