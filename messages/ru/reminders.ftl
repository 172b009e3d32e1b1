# Напоминания: запасные тексты, кнопки под каждым напоминанием, вода и кофеин.

reminders-checkin-fallback = 🌙 Время для ежедневной отметки: всего пара нажатий. /checkin
reminders-tip-fallback = 🌱 Для вас есть небольшой совет, загляните, когда будет удобно: /tip
reminders-summary-fallback = 📊 Ваша сводка за неделю готова: /summary
reminders-generic-fallback = 👋 Мягкое напоминание от вашего помощника. /today покажет ваш день.
reminders-hydration = 💧 Небольшое напоминание: самое время выпить стакан воды.
reminders-caffeine-last-call =
    ☕ Последний шанс для кофеина: ваша граница — { $cutoff }, так он меньше помешает сну.
    Сегодня уже: { $total } из { $limit } мг.

reminders-snooze = ⏰ Позже
reminders-less = 🔕 Реже
reminders-snoozed = Хорошо, напомню снова в { $time }.
reminders-every-hours = Каждые { $hours } ч
reminders-every-days = { $days ->
    [one] Раз в { $days } день
    [7] Раз в неделю
    [14] Раз в две недели
    [few] Каждые { $days } дня
    [many] Каждые { $days } дней
   *[other] Каждые { $days } дня
}
reminders-turn-off = Выключить
reminders-less-hydration = Как часто напоминать о воде?
reminders-less-checkin = Как часто напоминать об отметке?
reminders-less-caffeine = Как часто присылать последнее напоминание о кофеине?
reminders-less-tip = Как часто присылать советы?
reminders-less-summary = Как часто присылать сводку?
reminders-now-every-hours = Готово: теперь напоминаю о воде каждые { $hours } ч. Изменить можно в /settings.
reminders-now-every-days = { $days ->
    [one] Готово: теперь это напоминание будет приходить раз в { $days } день.
    [7] Готово: теперь это напоминание будет приходить раз в неделю.
    [few] Готово: теперь это напоминание будет приходить раз в { $days } дня.
    [many] Готово: теперь это напоминание будет приходить раз в { $days } дней.
   *[other] Готово: теперь это напоминание будет приходить раз в { $days } дня.
}
reminders-off-hydration = Напоминания о воде выключены. /water по-прежнему работает в любое время, а /settings включит их снова.
reminders-off-caffeine = Последнее напоминание о кофеине выключено. /settings включит его снова.
reminders-off-tip = Ежедневные советы выключены. /settings включит их снова.
reminders-off-summary = Еженедельная сводка выключена. /settings включит её снова.
