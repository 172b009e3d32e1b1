# Resúmenes: /summary, /chart, /report y el resumen semanal.

cmd-summary = Tus últimos 7 y 30 días
cmd-chart = Un gráfico de tus últimos 30 días
cmd-report = Un informe en PDF para tu médico

insights-empty = Todavía no hay nada que mostrar. Cuando hayas hecho algunos registros (/checkin) o anotado agua o café, los convertiré en un resumen y un gráfico.
insights-summary-title = <b>📊 Lo que muestra tu registro</b>
insights-weekly-title = <b>📊 Tu semana de un vistazo</b>
insights-summary-more = /chart dibuja tus últimos 30 días y /report prepara un PDF que puedes mostrar a un médico.
insights-period = <b>Últimos { $days ->
        [one] { $days } día
       *[other] { $days } días
    }</b>
insights-no-checkins = No hay registros en estos días.
insights-checkins = Registros en { $checkins } de { $days ->
        [one] { $days } día
       *[other] { $days } días
    }; con contracciones musculares en { $twitch } de ellos.
insights-item-count = { $name } ×{ $count }
insights-where = Dónde: { $places }
insights-strength = Intensidad: { $levels }
insights-trend-fewer = Tendencia: más calma que en los { $days ->
        [one] { $days } día
       *[other] { $days } días
    } anteriores 📉
insights-trend-more = Tendencia: más contracciones musculares que en los { $days ->
        [one] { $days } día
       *[other] { $days } días
    } anteriores
insights-trend-same = Tendencia: más o menos igual que en los { $days ->
        [one] { $days } día
       *[other] { $days } días
    } anteriores
insights-trend-unknown = Tendencia: todavía no hay registros suficientes para comparar con los { $days ->
        [one] { $days } día
       *[other] { $days } días
    } anteriores.
insights-averages = Promedios: { $caffeine } · { $water } · { $sleep } · { $stress }
insights-avg-caffeine-none = ☕ sin registrar
insights-avg-caffeine = ☕ { $value } mg al día ({ $n ->
        [one] { $n } día
       *[other] { $n } días
    })
insights-avg-water-none = 💧 sin registrar
insights-avg-water = 💧 { $value } ml al día ({ $n ->
        [one] { $n } día
       *[other] { $n } días
    })
insights-avg-sleep-none = 😴 sin respuesta
insights-avg-sleep = 😴 { $value } h ({ $n ->
        [one] { $n } noche
       *[other] { $n } noches
    })
insights-avg-stress-none = estrés sin respuesta
insights-avg-stress = estrés { $value }/5 ({ $n ->
        [one] { $n } día
       *[other] { $n } días
    })
insights-exercise = 🏃 Ejercicio: { $levels }

insights-loc-face = cara
insights-loc-arm = brazos
insights-loc-leg = piernas
insights-loc-torso = tronco
insights-level-mild = leve
insights-level-noticeable = notable
insights-level-strong = fuerte
insights-freq-few = unas pocas veces
insights-freq-onoff = a ratos
insights-freq-most = casi todo el día
insights-exercise-none = ninguno
insights-exercise-light = suave
insights-exercise-hard = intenso

insights-triggers-title = <b>Patrones en los últimos { $days ->
        [one] { $days } día
       *[other] { $days } días
    }</b>
insights-triggers-empty = Todavía no hay suficiente para comparar. Sigue haciendo tus registros (en los días buenos, un toque en sueño y estrés ayuda mucho) y anotando cafeína y agua: cuando haya al menos 3 días con algo y 3 sin ello, te mostraré cómo se comparan tus días con contracciones musculares.
insights-factor-caffeine_over = Cafeína por encima de tu límite ({ $limit } mg)
insights-factor-caffeine_late = Cafeína después de tu hora límite la tarde anterior
insights-factor-water_low = Agua por debajo de tu objetivo ({ $goal } ml)
insights-factor-short_sleep = Menos de 7 horas de sueño
insights-factor-high_stress = Estrés de 4–5
insights-factor-hard_exercise = Ejercicio intenso ese día
insights-factor-mgk_food = Alimentos con magnesio o potasio anotados
insights-factor-line = • { $factor }: contracciones musculares en { $wt } de { $w ->
        [one] { $w } día
       *[other] { $w } días
    } con ello y en { $wot } de { $wo ->
        [one] { $wo } día
       *[other] { $wo } días
    } sin ello. { $verdict }
insights-verdict-more = Por ahora se asocia con más días con contracciones musculares.
insights-verdict-fewer = Por ahora se asocia con menos días con contracciones musculares.
insights-verdict-none = Por ahora no se ve una relación clara.
insights-verdict-unknown = Es pronto para decirlo: espero a tener al menos 3 días de cada lado.
insights-verdict-few_good = Todavía no hay suficientes días buenos registrados con este dato para comparar.
insights-verdict-few_twitch = Todavía no hay suficientes días con contracciones musculares registrados con este dato para comparar.
insights-triggers-note = <i>Son patrones de tu propio registro, no una prueba: no pueden mostrar qué causa qué, muchas cosas cambian a la vez y los días sin respuesta no cuentan.</i>

insights-redflag = ⚠️ El { $date } me contaste: { $flags }. Vale la pena que lo vea un médico pronto, si todavía no lo hiciste, para revisarlo y descartar causas. /report prepara un resumen para llevar a la consulta.
insights-flag-weakness = debilidad que va en aumento
insights-flag-balance = problemas de equilibrio o de coordinación
insights-flag-shrinking = un músculo que se ve más pequeño
insights-flag-stiffness = rigidez o calambres que no ceden
insights-flag-numbness = entumecimiento u hormigueo
insights-flag-breathing = respirar cuesta cada vez más
insights-flag-speaking = hablar o tragar cuesta cada vez más desde hace días o semanas
insights-flag-speech = dificultad para hablar o tragar
insights-flag-emergency = síntomas que necesitaron atención urgente

insights-on = activado
insights-off = desactivado
insights-setting-weekly = Resumen semanal

# Gráfico (texto plano dentro de la imagen)
insights-chart-title = { $start } – { $end }
insights-chart-twitches = Contracciones musculares
insights-chart-none = ninguna
insights-chart-no-checkin = sin registro
insights-chart-caffeine = Cafeína, mg
insights-chart-limit = tu límite
insights-chart-water = Agua, litros
insights-chart-goal = tu objetivo
insights-chart-sleep = Sueño, horas
insights-chart-gaps = gris: sin registro
insights-chart-caption = Tu registro del { $start } al { $end }: arriba las contracciones musculares; debajo, cafeína, agua y sueño. Los días en gris no tienen registro; las líneas discontinuas son tu propio límite y tus objetivos.

# Informe para el médico (texto plano dentro del PDF)
insights-report-caption = Tu informe para un médico, del { $start } al { $end }. Todo lo que contiene sale de tus propios registros.
insights-report-title = Registro de contracciones musculares: resumen para el médico
insights-report-period = Período: { $start } – { $end } ({ $days ->
        [one] { $days } día
       *[other] { $days } días
    }, desde el primer día registrado). Registros diarios y de consumo hechos por la propia persona.
insights-report-none = sin registros
insights-report-h-twitches = Contracciones musculares
insights-report-checkins = Registros en { $checkins } de { $days ->
        [one] { $days } día
       *[other] { $days } días
    }; con contracciones musculares en { $twitch } de ellos.
insights-report-first = Primera contracción muscular registrada: { $date }
insights-report-where = Localización (días): { $places }
insights-report-often = Frecuencia durante el día (días): { $often }
insights-report-strength = Intensidad (días): { $levels }
insights-report-h-flags = Señales de alarma comunicadas
insights-report-flag = { $date }: { $flags }
insights-report-no-flags = No se comunicó ninguna.
insights-report-earlier = …y { $n } anteriores.
insights-report-h-nudges = Sugerencias de la aplicación de consultar a un médico
insights-report-nudge = { $date }: { $level }. Motivo: { $reasons }.
insights-report-level-1 = consejo de emergencia
insights-report-level-2 = consultar pronto a un médico
insights-report-level-3 = pedir una cita
insights-report-answer-booked = Respuesta: cita pedida o ya vio a un médico ({ $date }).
insights-report-answer-later = Respuesta: recordármelo más tarde ({ $date }).
insights-report-no-nudges = Ninguna.
insights-report-h-medicines = Medicamentos
insights-report-medicine = Medicamento nuevo o cambiado indicado el: { $dates }
insights-report-no-medicine = No se indicaron medicamentos nuevos ni cambios.
insights-report-h-intake = Cafeína y agua
insights-report-caffeine-none = Cafeína: sin registrar (límite propio { $limit } mg).
insights-report-caffeine = Cafeína: { $avg } mg al día de promedio en { $n ->
        [one] { $n } día
       *[other] { $n } días
    } registrados; límite propio { $limit } mg, superado en { $over ->
        [one] { $over } día
       *[other] { $over } días
    }.
insights-report-water-none = Agua: sin registrar (objetivo propio { $goal } ml).
insights-report-water = Agua: { $avg } ml al día de promedio en { $n ->
        [one] { $n } día
       *[other] { $n } días
    } registrados; objetivo propio { $goal } ml, por debajo en { $low ->
        [one] { $low } día
       *[other] { $low } días
    }.
insights-report-h-sleep = Sueño, estrés y ejercicio
insights-report-sleep-none = Sueño: sin respuesta.
insights-report-sleep = Sueño: unas { $avg } h por noche en { $n ->
        [one] { $n } noche
       *[other] { $n } noches
    } con respuesta; menos de 7 horas en { $short ->
        [one] { $short } noche
       *[other] { $short } noches
    }.
insights-report-stress-none = Estrés: sin respuesta.
insights-report-stress = Estrés: { $avg }/5 de promedio en { $n ->
        [one] { $n } día
       *[other] { $n } días
    } con respuesta; 4–5 en { $high ->
        [one] { $high } día
       *[other] { $high } días
    }.
insights-report-exercise = Ejercicio (días): { $levels }
insights-report-h-patterns = Patrones en el registro (solo asociación)
insights-report-no-patterns = Todavía no hay días suficientes para comparar (al menos 3 días con un factor y 3 sin él, y 3 días con contracciones musculares y 3 sin ellas).
insights-report-patterns-note = Datos comunicados por la propia persona: estas comparaciones no muestran causas, muchas cosas cambian a la vez y los días sin respuesta no cuentan.
insights-report-h-notes = Notas con sus propias palabras
insights-report-note = { $date }: { $text }
insights-reason-persistent = contracciones musculares que siguieron apareciendo durante semanas
insights-reason-weakness = comunicó debilidad
insights-reason-balance = comunicó problemas de equilibrio
insights-reason-shrinking = comunicó un músculo más pequeño
insights-reason-speech = comunicó dificultad para hablar o tragar
insights-reason-stiffness = comunicó rigidez o calambres que no ceden
insights-reason-numbness = comunicó entumecimiento u hormigueo
insights-reason-breathing = comunicó que le cuesta más respirar
insights-reason-speaking = comunicó que le cuesta cada vez más hablar o tragar
insights-reason-places = contracciones musculares en más de un lugar
insights-reason-not_improving = sin mejoría después de cuatro semanas
insights-reason-medicine = empezaron cerca de un medicamento nuevo o cambiado
insights-reason-emergency = comunicó signos repentinos o graves
insights-report-footer = Generado el { $date } por coachbot, una herramienta de autoayuda. Los datos los introdujo la propia persona; no son un diagnóstico.
insights-report-page = Página { $page } de { $pages }
