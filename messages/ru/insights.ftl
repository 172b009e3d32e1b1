# Сводки: /summary, /chart, /report и еженедельная сводка.

cmd-summary = Последние 7 и 30 дней
cmd-chart = График за последние 30 дней
cmd-report = PDF на одну страницу для врача

insights-empty = Пока показывать нечего. Когда наберётся несколько отметок (/checkin) или записей о воде и кофе, я соберу из них сводку и график.
insights-summary-title = <b>📊 Что показывает ваш дневник</b>
insights-weekly-title = <b>📊 Ваша неделя коротко</b>
insights-summary-more = /chart рисует последние 30 дней, /report готовит PDF на одну страницу, который можно показать врачу.
insights-period = <b>Последние { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дней
    }</b>
insights-no-checkins = За эти дни отметок нет.
insights-checkins = Дней с отметкой: { $checkins } из { $days }; с подёргиваниями: { $twitch }.
insights-item-count = { $name } ×{ $count }
insights-where = Где: { $places }
insights-strength = Насколько сильно: { $levels }
insights-trend-fewer = Тенденция: спокойнее, чем в предыдущие { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дней
    } 📉
insights-trend-more = Тенденция: подёргиваний больше, чем в предыдущие { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дней
    }
insights-trend-same = Тенденция: примерно как в предыдущие { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дней
    }
insights-trend-unknown = Тенденция: пока мало отметок, чтобы сравнить с предыдущим периодом ({ $days } дн.).
insights-averages = В среднем за день: кофеин { $caffeine } мг · вода { $water } мл · сон { $sleep } ч · стресс { $stress }/5
insights-not-logged = –

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

insights-triggers-title = <b>Закономерности за последние { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дней
    }</b>
insights-triggers-empty = Сравнивать пока рано. Продолжайте отмечаться и записывать кофеин и воду: когда наберётся хотя бы 3 дня с фактором и 3 без него, я покажу, как отличаются дни с подёргиваниями.
insights-factor-caffeine_over = Кофеин выше вашего лимита ({ $limit } мг)
insights-factor-caffeine_late = Кофеин позже вашего «стоп-времени» накануне вечером
insights-factor-water_low = Воды меньше цели ({ $goal } мл)
insights-factor-short_sleep = Сон меньше 7 часов
insights-factor-high_stress = Стресс 4–5
insights-factor-mgk_food = Записаны продукты с магнием или калием
insights-factor-line = • { $factor }: подёргивания — в { $wt } из { $w } дн. с этим и в { $wot } из { $wo } дн. без этого. { $verdict }
insights-verdict-more = Пока это связано с большим числом дней с подёргиваниями.
insights-verdict-fewer = Пока это связано с меньшим числом дней с подёргиваниями.
insights-verdict-none = Явной связи пока не видно.
insights-verdict-unknown = Говорить рано: нужно хотя бы по 3 дня с каждой стороны.
insights-triggers-note = <i>Это лишь закономерности в вашем собственном дневнике, а не доказательство: многое меняется одновременно.</i>

insights-redflag = ⚠️ { $date } вы сообщили: { $flags }. Если вы ещё не были у врача, стоит показать это врачу в ближайшее время: он всё проверит и сможет исключить лишнее. /report подготовит сводку на одну страницу, чтобы взять с собой.
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

insights-chart-title = Последние { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дней
    }
insights-chart-twitches = Подёргивания
insights-chart-none = нет
insights-chart-no-checkin = нет отметки
insights-chart-caffeine = Кофеин, мг
insights-chart-limit = ваш лимит
insights-chart-water = Вода, литры
insights-chart-goal = ваша цель
insights-chart-sleep = Сон, часы
insights-chart-caption = Ваши последние 30 дней: сверху подёргивания, ниже кофеин, вода и сон. Пунктир — ваши собственные лимит и цели.

insights-report-caption = Ваша сводка для врача на одну страницу: всё, что вы записали за последние 30 дней. Все данные взяты из ваших собственных отметок.
insights-report-title = Дневник мышечных подёргиваний: сводка для врача
insights-report-period = Период: с { $start } по { $end } ({ $days } дн.). Ежедневные отметки и записи, сделанные самим человеком.
insights-report-none = не отмечено
insights-report-h-twitches = Подёргивания (фасцикуляции)
insights-report-checkins = Дни с подёргиваниями: { $twitch } из { $checkins } дн. с отметкой (всего в периоде { $days } дн.).
insights-report-first = Первое записанное подёргивание: { $date }
insights-report-where = Где: { $places }
insights-report-often = Как часто в течение дня: { $often }
insights-report-strength = Интенсивность: { $levels }
insights-report-h-flags = Тревожные признаки, о которых сообщалось
insights-report-flag = { $date }: { $flags }
insights-report-no-flags = Не сообщалось.
insights-report-earlier = …и ещё { $n } раньше.
insights-report-h-medicines = Лекарства
insights-report-medicine = Новое лекарство отмечено: { $dates }
insights-report-no-medicine = Новых лекарств не отмечено.
insights-report-h-intake = Кофеин и вода
insights-report-caffeine = Кофеин: в среднем { $avg } мг/день (свой лимит { $limit } мг; превышен { $over } { $over ->
        [one] день
        [few] дня
        [many] дней
       *[other] дней
    }).
insights-report-water = Вода: в среднем { $avg } мл/день (своя цель { $goal } мл; меньше цели { $low } { $low ->
        [one] день
        [few] дня
        [many] дней
       *[other] дней
    }).
insights-report-h-sleep = Сон и стресс
insights-report-sleep = Сон: в среднем около { $avg } ч за ночь; меньше 7 часов — { $short } { $short ->
        [one] ночь
        [few] ночи
        [many] ночей
       *[other] ночей
    }.
insights-report-stress = Стресс: в среднем { $avg }/5; 4–5 баллов — { $high } { $high ->
        [one] день
        [few] дня
        [many] дней
       *[other] дней
    }.
insights-report-h-patterns = Закономерности в дневнике (только взаимосвязь)
insights-report-no-patterns = Пока слишком мало дней для сравнения.
insights-report-h-nudges = Советы приложения обратиться к врачу
insights-report-nudge = { $date } (уровень { $level }): { $reasons }; ответ: { $response }
insights-report-no-nudges = Не было.
insights-report-answer-booked = записан(а) к врачу
insights-report-answer-later = позже
insights-report-answer-none = без ответа
insights-reason-persistent = подёргивания повторялись неделями
insights-reason-weakness = сообщалось о слабости
insights-reason-balance = сообщалось о проблемах с равновесием
insights-reason-shrinking = сообщалось об уменьшении мышцы
insights-reason-stiffness = сообщалось о скованности или судорогах, которые не проходят
insights-reason-numbness = сообщалось об онемении или покалывании
insights-reason-breathing = сообщалось, что дышать становится труднее
insights-reason-speaking = сообщалось, что говорить или глотать становится труднее
insights-reason-speech = сообщалось о трудностях с речью или глотанием
insights-reason-places = подёргивания в нескольких местах
insights-reason-not_improving = нет улучшения за четыре недели
insights-reason-medicine = начались около нового или изменённого лекарства
insights-reason-emergency = сообщалось о внезапных или тяжёлых признаках
insights-report-footer = Создано { $date } приложением coachbot для самонаблюдения. Данные внесены самим человеком и не являются диагнозом.
