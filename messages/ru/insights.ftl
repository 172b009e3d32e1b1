# Сводки: /summary, /chart, /report и еженедельная сводка.

cmd-summary = Последние 7 и 30 дней
cmd-chart = График за последние 30 дней
cmd-report = PDF-отчёт для врача

insights-empty = Пока показывать нечего. Когда наберётся несколько отметок (/checkin) или записей о воде и кофе, я соберу из них сводку и график.
insights-summary-title = <b>📊 Что показывает ваш дневник</b>
insights-weekly-title = <b>📊 Ваша неделя коротко</b>
insights-summary-more = /chart рисует последние 30 дней, /report готовит PDF, который можно показать врачу.
insights-period = <b>{ $days ->
        [one] Последний { $days } день
        [few] Последние { $days } дня
       *[many] Последние { $days } дней
    }</b>
insights-no-checkins = За эти дни отметок нет.
insights-checkins = Дней с отметкой: { $checkins } из { $days }; с подёргиваниями: { $twitch }.
insights-item-count = { $name } ×{ $count }
insights-where = Где: { $places }
insights-strength = Насколько сильно: { $levels }
insights-trend-fewer = Тенденция: спокойнее, чем за предыдущие { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    } 📉
insights-trend-more = Тенденция: подёргиваний больше, чем за предыдущие { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }
insights-trend-same = Тенденция: примерно как за предыдущие { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }
insights-trend-unknown = Тенденция: пока мало отметок, чтобы сравнить с тем, что было за предыдущие { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }.
insights-averages = В среднем: { $caffeine } · { $water } · { $sleep } · { $stress }
insights-avg-caffeine-none = ☕ нет записей
insights-avg-caffeine = ☕ { $value } мг в день ({ $n ->
        [one] { $n } день
        [few] { $n } дня
       *[many] { $n } дней
    })
insights-avg-water-none = 💧 нет записей
insights-avg-water = 💧 { $value } мл в день ({ $n ->
        [one] { $n } день
        [few] { $n } дня
       *[many] { $n } дней
    })
insights-avg-sleep-none = 😴 нет ответов
insights-avg-sleep = 😴 { $value } ч ({ $n ->
        [one] { $n } ночь
        [few] { $n } ночи
       *[many] { $n } ночей
    })
insights-avg-stress-none = стресс: нет ответов
insights-avg-stress = стресс { $value }/5 ({ $n ->
        [one] { $n } день
        [few] { $n } дня
       *[many] { $n } дней
    })
insights-exercise = 🏃 Физическая нагрузка: { $levels }

insights-loc-face = лицо
insights-loc-arm = руки
insights-loc-leg = ноги
insights-loc-torso = туловище
insights-level-mild = слабые
insights-level-noticeable = заметные
insights-level-strong = сильные
insights-freq-few = несколько раз
insights-freq-onoff = время от времени
insights-freq-most = большую часть дня
insights-exercise-none = не было
insights-exercise-light = лёгкая
insights-exercise-hard = интенсивная

insights-triggers-title = <b>Закономерности за последние { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }</b>
insights-triggers-empty = Сравнивать пока рано. Продолжайте отмечаться (в спокойные дни очень помогает одно нажатие про сон и стресс) и записывать кофеин и воду: когда наберётся хотя бы 3 дня с фактором и 3 без него, я покажу, как отличаются дни с подёргиваниями.
insights-factor-caffeine_over = Кофеин выше вашего лимита ({ $limit } мг)
insights-factor-caffeine_late = Кофеин позже вашего «стоп-времени» накануне вечером
insights-factor-water_low = Воды меньше цели ({ $goal } мл)
insights-factor-short_sleep = Сон меньше 7 часов
insights-factor-high_stress = Стресс 4–5
insights-factor-hard_exercise = Интенсивная нагрузка в этот день
insights-factor-mgk_food = Записаны продукты с магнием или калием
insights-factor-line = • { $factor }: с этим — { $w } { $w ->
        [one] день
        [few] дня
       *[many] дней
    } (подёргивания в { $wt }), без этого — { $wo } { $wo ->
        [one] день
        [few] дня
       *[many] дней
    } (подёргивания в { $wot }). { $verdict }
insights-verdict-more = Пока это связано с большим числом дней с подёргиваниями.
insights-verdict-fewer = Пока это связано с меньшим числом дней с подёргиваниями.
insights-verdict-none = Явной связи пока не видно.
insights-verdict-unknown = Говорить рано: нужно хотя бы по 3 дня с каждой стороны.
insights-verdict-few_good = Пока мало спокойных дней, где это отмечено, чтобы сравнивать.
insights-verdict-few_twitch = Пока мало дней с подёргиваниями, где это отмечено, чтобы сравнивать.
insights-triggers-note = <i>Это лишь закономерности в вашем собственном дневнике, а не доказательство: они не показывают, что чем вызвано, многое меняется одновременно, а дни без ответа не учитываются.</i>

insights-redflag = ⚠️ { $date } вы сообщили: { $flags }. Если вы ещё не были у врача, стоит показать это врачу в ближайшее время: врач всё проверит и сможет исключить возможные причины. /report подготовит сводку, чтобы взять её с собой.
insights-flag-weakness = слабость, которая нарастает
insights-flag-balance = проблемы с равновесием или координацией
insights-flag-shrinking = мышца, которая выглядит меньше
insights-flag-stiffness = скованность или судороги, которые не проходят
insights-flag-numbness = онемение или покалывание
insights-flag-breathing = дышать становится труднее
insights-flag-speaking = говорить или глотать становится труднее в течение дней или недель
insights-flag-speech = трудности с речью или глотанием
insights-flag-emergency = симптомы, потребовавшие срочной помощи

insights-on = вкл.
insights-off = выкл.
insights-setting-weekly = Сводка за неделю

# График (простой текст на картинке)
insights-chart-title = { $start } – { $end }
insights-chart-twitches = Подёргивания
insights-chart-none = нет
insights-chart-no-checkin = нет отметки
insights-chart-caffeine = Кофеин, мг
insights-chart-limit = ваш лимит
insights-chart-water = Вода, литры
insights-chart-goal = ваша цель
insights-chart-sleep = Сон, часы
insights-chart-gaps = серым: нет записей
insights-chart-caption = Ваш дневник с { $start } по { $end }: сверху подёргивания, ниже кофеин, вода и сон. Серым отмечены дни без записей; пунктир — ваши собственные лимит и цели.

# Отчёт для врача (простой текст в PDF)
insights-report-caption = Ваш отчёт для врача за период с { $start } по { $end }: все данные в нём взяты из ваших собственных отметок и записей.
insights-report-title = Дневник мышечных подёргиваний: сводка для врача
insights-report-period = Период: { $start } – { $end } ({ $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }, с первого дня записей). Ежедневные отметки и записи, сделанные самим человеком.
insights-report-none = не отмечено
insights-report-h-twitches = Подёргивания
insights-report-checkins = Дней с отметкой: { $checkins } из { $days }; с подёргиваниями: { $twitch }.
insights-report-first = Первое записанное подёргивание: { $date }
insights-report-where = Где (дни): { $places }
insights-report-often = Как часто в течение дня (дни): { $often }
insights-report-strength = Интенсивность (дни): { $levels }
insights-report-h-flags = Тревожные признаки, о которых сообщалось
insights-report-flag = { $date }: { $flags }
insights-report-no-flags = Не сообщалось.
insights-report-earlier = …и ещё { $n } раньше.
insights-report-h-nudges = Советы приложения обратиться к врачу
insights-report-nudge = { $date }: { $level }. Причина: { $reasons }.
insights-report-level-1 = совет срочно обратиться за помощью
insights-report-level-2 = обратиться к врачу в ближайшие дни
insights-report-level-3 = записаться на приём
insights-report-answer-booked = Ответ: запись к врачу есть или приём уже был ({ $date }).
insights-report-answer-later = Ответ: напомнить позже ({ $date }).
insights-report-no-nudges = Не было.
insights-report-h-medicines = Лекарства
insights-report-medicine = Новое или изменённое лекарство отмечено: { $dates }
insights-report-no-medicine = Новых или изменённых лекарств не отмечено.
insights-report-h-intake = Кофеин и вода
insights-report-caffeine-none = Кофеин: нет записей (свой лимит { $limit } мг).
insights-report-caffeine = Кофеин: в среднем { $avg } мг в день за { $n ->
        [one] { $n } день
        [few] { $n } дня
       *[many] { $n } дней
    } с записями; свой лимит { $limit } мг, превышен за { $over ->
        [one] { $over } день
        [few] { $over } дня
       *[many] { $over } дней
    }.
insights-report-water-none = Вода: нет записей (своя цель { $goal } мл).
insights-report-water = Вода: в среднем { $avg } мл в день за { $n ->
        [one] { $n } день
        [few] { $n } дня
       *[many] { $n } дней
    } с записями; своя цель { $goal } мл, меньше цели за { $low ->
        [one] { $low } день
        [few] { $low } дня
       *[many] { $low } дней
    }.
insights-report-h-sleep = Сон, стресс и физическая нагрузка
insights-report-sleep-none = Сон: нет ответов.
insights-report-sleep = Сон: в среднем около { $avg } ч за ночь ({ $n ->
        [one] { $n } ночь
        [few] { $n } ночи
       *[many] { $n } ночей
    } с ответом); меньше 7 часов — { $short ->
        [one] { $short } ночь
        [few] { $short } ночи
       *[many] { $short } ночей
    }.
insights-report-stress-none = Стресс: нет ответов.
insights-report-stress = Стресс: в среднем { $avg }/5 ({ $n ->
        [one] { $n } день
        [few] { $n } дня
       *[many] { $n } дней
    } с ответом); 4–5 баллов — { $high ->
        [one] { $high } день
        [few] { $high } дня
       *[many] { $high } дней
    }.
insights-report-exercise = Физическая нагрузка (дни): { $levels }
insights-report-h-patterns = Закономерности в дневнике (только взаимосвязь)
insights-report-no-patterns = Пока слишком мало дней для сравнения (нужно хотя бы 3 дня с фактором и 3 без него, а также 3 дня с подёргиваниями и 3 без них).
insights-report-patterns-note = Данные внесены самим человеком: такие сравнения не показывают причину, многое меняется одновременно, а дни без ответа не учитываются.
insights-report-h-notes = Заметки своими словами
insights-report-note = { $date }: { $text }
insights-reason-persistent = подёргивания повторялись неделями
insights-reason-weakness = сообщалось о слабости
insights-reason-balance = сообщалось о проблемах с равновесием
insights-reason-shrinking = сообщалось об уменьшении мышцы
insights-reason-speech = сообщалось о трудностях с речью или глотанием
insights-reason-stiffness = сообщалось о скованности или судорогах, которые не проходят
insights-reason-numbness = сообщалось об онемении или покалывании
insights-reason-breathing = сообщалось, что дышать становится труднее
insights-reason-speaking = сообщалось, что говорить или глотать становится труднее
insights-reason-places = подёргивания в нескольких местах
insights-reason-not_improving = нет улучшения за четыре недели
insights-reason-medicine = начались около нового или изменённого лекарства
insights-reason-emergency = сообщалось о внезапных или тяжёлых признаках
insights-report-footer = Создано { $date } приложением coachbot для самонаблюдения. Данные внесены самим человеком и не являются диагнозом.
insights-report-page = Страница { $page } из { $pages }
