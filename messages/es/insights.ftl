# Insights: /summary, /chart, /report y el resumen semanal.

cmd-summary = Tus últimos 7 y 30 días
cmd-chart = Gráfico de los últimos 30 días
cmd-report = Un PDF de una página para tu médico

insights-empty = Todavía no hay nada que mostrar. Cuando hayas hecho algunos registros (/checkin) o anotado agua o café, los convertiré en un resumen y un gráfico.
insights-summary-title = <b>📊 Lo que muestra tu registro</b>
insights-weekly-title = <b>📊 Tu semana de un vistazo</b>
insights-summary-more = /chart dibuja los últimos 30 días y /report prepara un PDF de una página que puedes enseñar a un médico.
insights-period = <b>Últimos { $days } días</b>
insights-no-checkins = Sin registros en estos días.
insights-checkins = Registros en { $checkins } de { $days } días; con tics en { $twitch } de ellos.
insights-item-count = { $name } ×{ $count }
insights-where = Dónde: { $places }
insights-strength = Intensidad: { $levels }
insights-trend-fewer = Tendencia: más tranquilo que los { $days } días anteriores 📉
insights-trend-more = Tendencia: más tics que en los { $days } días anteriores
insights-trend-same = Tendencia: parecido a los { $days } días anteriores
insights-trend-unknown = Tendencia: aún no hay registros suficientes para comparar con los { $days } días anteriores.
insights-averages = Promedios diarios: cafeína { $caffeine } mg · agua { $water } ml · sueño { $sleep } h · estrés { $stress }/5
insights-not-logged = –

insights-loc-face = cara
insights-loc-arm = brazos
insights-loc-leg = piernas
insights-loc-torso = tronco
insights-level-mild = leves
insights-level-noticeable = notables
insights-level-strong = fuertes
insights-freq-few = unas pocas veces
insights-freq-onoff = a ratos
insights-freq-most = casi todo el día

insights-triggers-title = <b>Patrones de los últimos { $days } días</b>
insights-triggers-empty = Aún no hay suficiente para comparar. Sigue haciendo tus registros y anotando cafeína y agua: cuando haya al menos 3 días con algo y 3 sin ello, te mostraré cómo se comparan tus días con tics.
insights-factor-caffeine_over = Cafeína por encima de tu límite ({ $limit } mg)
insights-factor-caffeine_late = Cafeína después de tu hora tope la tarde anterior
insights-factor-water_low = Agua por debajo de tu objetivo ({ $goal } ml)
insights-factor-short_sleep = Menos de 7 horas de sueño
insights-factor-high_stress = Estrés de 4–5
insights-factor-mgk_food = Alimentos con magnesio o potasio anotados
insights-factor-line = • { $factor }: tics en { $wt } de { $w } días con ello y en { $wot } de { $wo } sin ello. { $verdict }
insights-verdict-more = Por ahora se asocia con más días con tics.
insights-verdict-fewer = Por ahora se asocia con menos días con tics.
insights-verdict-none = Por ahora no se ve una relación clara.
insights-verdict-unknown = Es pronto para decir nada: espero al menos 3 días de cada lado.
insights-triggers-note = <i>Son patrones de tu propio registro, no una prueba de nada: muchas cosas cambian a la vez.</i>

insights-redflag = ⚠️ El { $date } me contaste: { $flags }. Si aún no lo has hecho, conviene enseñárselo pronto a un médico para que lo revise y pueda descartar cosas. /report prepara un resumen de una página para llevar.
insights-flag-weakness = debilidad que va a más
insights-flag-balance = problemas de equilibrio o coordinación
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

insights-chart-title = Últimos { $days } días
insights-chart-twitches = Tics
insights-chart-none = ninguno
insights-chart-no-checkin = sin registro
insights-chart-caffeine = Cafeína, mg
insights-chart-limit = tu límite
insights-chart-water = Agua, litros
insights-chart-goal = tu objetivo
insights-chart-sleep = Sueño, horas
insights-chart-caption = Tus últimos 30 días: arriba los tics; debajo, cafeína, agua y sueño. Las líneas discontinuas son tu propio límite y tus objetivos.

insights-report-caption = Tu informe de una página para el médico: lo que anotaste en los últimos 30 días. Todo sale de tus propios registros.
insights-report-title = Registro de fasciculaciones: resumen para el médico
insights-report-period = Periodo: del { $start } al { $end } ({ $days } días). Registros diarios anotados por la propia persona.
insights-report-none = sin registros
insights-report-h-twitches = Fasciculaciones
insights-report-checkins = Días con fasciculaciones: { $twitch } de { $checkins } días registrados (de { $days }).
insights-report-first = Primera fasciculación registrada: { $date }
insights-report-where = Localización: { $places }
insights-report-often = Frecuencia a lo largo del día: { $often }
insights-report-strength = Intensidad: { $levels }
insights-report-h-flags = Señales de alarma comunicadas
insights-report-flag = { $date }: { $flags }
insights-report-no-flags = No se comunicó ninguna.
insights-report-earlier = …y { $n ->
        [one] { $n } anterior.
       *[other] { $n } anteriores.
    }
insights-report-h-medicines = Medicamentos
insights-report-medicine = Nuevo medicamento indicado el: { $dates }
insights-report-no-medicine = No se indicaron medicamentos nuevos.
insights-report-h-intake = Cafeína y agua
insights-report-caffeine = Cafeína: { $avg } mg/día de media (límite propio { $limit } mg; superado { $over ->
        [one] { $over } día
       *[other] { $over } días
    }).
insights-report-water = Agua: { $avg } ml/día de media (objetivo propio { $goal } ml; por debajo { $low ->
        [one] { $low } día
       *[other] { $low } días
    }).
insights-report-h-sleep = Sueño y estrés
insights-report-sleep = Sueño: unas { $avg } h por noche de media; menos de 7 horas { $short ->
        [one] { $short } noche
       *[other] { $short } noches
    }.
insights-report-stress = Estrés: { $avg }/5 de media; 4–5 durante { $high ->
        [one] { $high } día
       *[other] { $high } días
    }.
insights-report-h-patterns = Patrones en el registro (solo asociación)
insights-report-no-patterns = Aún no hay días suficientes para comparar.
insights-report-h-nudges = Sugerencias de la app de consultar a un médico
insights-report-nudge = { $date } (nivel { $level }): { $reasons }; respuesta: { $response }
insights-report-no-nudges = Ninguna.
insights-report-answer-booked = cita pedida
insights-report-answer-later = más tarde
insights-report-answer-none = sin respuesta
insights-reason-persistent = contracciones que siguieron apareciendo durante semanas
insights-reason-weakness = debilidad comunicada
insights-reason-balance = problemas de equilibrio comunicados
insights-reason-shrinking = músculo más pequeño comunicado
insights-reason-stiffness = rigidez o calambres que no ceden comunicados
insights-reason-numbness = entumecimiento u hormigueo comunicado
insights-reason-breathing = respirar cuesta cada vez más, comunicado
insights-reason-speaking = hablar o tragar cuesta cada vez más, comunicado
insights-reason-speech = dificultad para hablar o tragar comunicada
insights-reason-places = contracciones en más de un sitio
insights-reason-not_improving = sin mejora tras cuatro semanas
insights-reason-medicine = empezaron cerca de un medicamento nuevo o cambiado
insights-reason-emergency = se comunicaron señales repentinas o graves
insights-report-footer = Generado el { $date } por coachbot, una herramienta de autoseguimiento. Los datos los anota la propia persona; no son un diagnóstico.
