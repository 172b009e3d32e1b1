# Registro diario, /history y el aviso para ver al médico.
# Solo HTML de Telegram. Los marcadores deben ser idénticos en en, es y ru.

cmd-checkin = Registra el día en unos toques
cmd-history = Tus últimos 14 días

checkin-date = { $weekday ->
        [mon] lun
        [tue] mar
        [wed] mié
        [thu] jue
        [fri] vie
        [sat] sáb
       *[sun] dom
    } { $day } { $month ->
        [jan] ene
        [feb] feb
        [mar] mar
        [apr] abr
        [may] may
        [jun] jun
        [jul] jul
        [aug] ago
        [sep] sep
        [oct] oct
        [nov] nov
       *[dec] dic
    }
checkin-title = { $when ->
        [yesterday] 📝 <b>Ayer, { $date }</b>
       *[today] 📝 <b>Hoy, { $date }</b>
    }
checkin-chosen = ✓ { $label }

checkin-q-twitches = { $when ->
        [yesterday] ¿Tuviste contracciones musculares ayer?
       *[today] ¿Has tenido contracciones musculares hoy?
    }
checkin-no = No
checkin-yes = Sí
checkin-later = Más tarde
checkin-later-ok = Sin problema. Envía /checkin cuando tengas un momento.
checkin-later-again = Sin problema. Te lo vuelvo a preguntar hacia las { $time }, o envía /checkin cuando tengas un momento.

checkin-q-where = ¿Dónde los notaste? Toca todos los sitios que correspondan y luego <b>Listo</b>.
checkin-place-face = Párpado o cara
checkin-place-arm = Brazo o mano
checkin-place-leg = Pierna o pie
checkin-place-torso = Tronco o espalda
checkin-short-face = cara
checkin-short-arm = brazo
checkin-short-leg = pierna
checkin-short-torso = tronco
checkin-done = Listo
checkin-pick-place = Toca primero al menos un sitio.

checkin-q-often = ¿Con qué frecuencia?
checkin-often-few = Unas pocas veces
checkin-often-onoff = A ratos
checkin-often-most = Casi todo el día

checkin-q-strength = ¿Con qué intensidad?
checkin-strength-mild = Leve
checkin-strength-noticeable = Notable
checkin-strength-strong = Fuerte

checkin-q-stress = ¿Cuánto estrés sentiste, de 1 (tranquilidad) a 5 (mucho)?
checkin-q-sleep = ¿Cuánto dormiste anoche?
checkin-sleep-lt5 = menos de 5 h
checkin-sleep-5to6 = 5–6 h
checkin-sleep-6to7 = 6–7 h
checkin-sleep-7to8 = 7–8 h
checkin-sleep-gt8 = más de 8 h

checkin-q-med = ¿Empezaste o cambiaste algún medicamento en las últimas dos semanas?
checkin-med-no = No
checkin-med-yes = Sí

checkin-q-flags =
    <b>Una comprobación semanal rápida.</b> ¿Has notado algo de esto últimamente? Toca lo que corresponda y luego <b>Listo</b>. Si no te pasa nada de esto, toca <i>Nada de esto</i>.
checkin-flag-weakness = Debilidad que va a más, se te caen cosas
checkin-flag-balance = Problemas de equilibrio o coordinación
checkin-flag-shrinking = Un músculo que se ve más pequeño
checkin-flag-stiffness = Rigidez o calambres que no ceden
checkin-flag-numbness = Entumecimiento u hormigueo
checkin-flag-breathing = Cada vez cuesta más respirar
checkin-flag-speaking = Hablar o tragar cuesta más desde hace semanas
# Guardado antes de que cambiara la lista; solo se muestra en el historial y los informes.
checkin-flag-speech = Dificultad para hablar o tragar
checkin-flags-none = Nada de esto
checkin-pick-flag = Toca lo que corresponda, o «Nada de esto».
checkin-sos = 🚨 Síntomas repentinos o graves

checkin-saved-none = { $when ->
        [yesterday] ✅ <b>Sin contracciones musculares ayer: guardado.</b> Gracias por completarlo.
       *[today] ✅ <b>Sin contracciones musculares hoy: guardado.</b> Gracias por registrarlo.
    }
checkin-saved-twitch = 〰️ <b>Guardado.</b> Gracias, es todo lo que necesito { $when ->
        [yesterday] de ayer.
       *[today] de hoy.
    }
checkin-line-places = Dónde: { $places }
checkin-line-pattern = Frecuencia: { $often } · Intensidad: { $strength }
checkin-line-context = Estrés { $stress }/5 · Sueño { $sleep } · Medicamento nuevo: { $med }
checkin-line-intake = Registrado ese día: 💧 { $water } ml · ☕ { $caffeine } mg
checkin-med-note = 💊 Algunos medicamentos pueden causar contracciones musculares como efecto secundario. Si crees que el tuyo podría ser uno de ellos, coméntalo con quien te lo recetó. Por favor, no dejes un medicamento recetado por tu cuenta.
checkin-flags-noted = ⚠️ Has señalado: { $flags }. Conviene que lo vea un médico pronto, en los próximos días.
checkin-yesterday-missing = Ayer aún no tiene registro. ¿Quieres completarlo?
checkin-change = ✏️ Cambiar respuestas
checkin-fill-yesterday = 📅 Completar ayer
checkin-use-buttons = Basta con tocar un botón del registro de arriba, no hace falta escribir. Envía /checkin para verlo de nuevo.
checkin-closed = Ese registro ya está cerrado. Envía /checkin para el de hoy.

# Optional one-tap answers on the finished check-in (good days: sleep, stress, exercise; twitch days: exercise)
checkin-extras-good = Opcional, un toque por fila, para comparar los días buenos con los días con contracciones musculares: 😴 cuánto dormiste anoche, estrés de hoy (1 tranquilidad, 5 mucho), 🏃 ejercicio de hoy.
checkin-extras-twitch = Opcional, un toque: 🏃 ¿hiciste ejercicio hoy?
checkin-extra-sleep = 😴 { $label }
checkin-extra-sleep-lt5 = 0–5 h
checkin-extra-sleep-5to6 = 5–6 h
checkin-extra-sleep-6to7 = 6–7 h
checkin-extra-sleep-7to8 = 7–8 h
checkin-extra-sleep-gt8 = 8+ h
checkin-extra-stress = Estrés { $label }
checkin-extra-stress-1 = 1
checkin-extra-stress-2 = 2
checkin-extra-stress-3 = 3
checkin-extra-stress-4 = 4
checkin-extra-stress-5 = 5
checkin-extra-exercise = 🏃 { $label }
checkin-extra-exercise-none = Nada
checkin-extra-exercise-light = Suave
checkin-extra-exercise-hard = Intenso

history-title = { $count ->
        [one] <b>Tu registro hasta ahora: hoy</b>
       *[other] <b>Tus últimos { $count } días</b>
    }
history-line-none = { $date } ✅
history-line-twitch = { $date } 〰️ { $places } · { $strength }
history-line-missing = { $date } · sin registro
history-footer = ✅ sin contracciones musculares · 〰️ contracciones musculares · ⚠️ señales anotadas. /checkin registra hoy.

nudge-soon =
    🩺 <b>Por favor, ve al médico pronto, en los próximos días.</b>

    Me has contado:
    { $reasons }

    Estas señales merecen una exploración como es debido. A menudo tienen una explicación cotidiana, y un médico puede examinarte y descartar problemas que necesiten tratamiento. Tu médico de cabecera es un buen punto de partida.
nudge-book =
    🩺 <b>Vale la pena pedir cita con el médico</b>

    La mayoría de las contracciones musculares son inofensivas y esto no es un diagnóstico. Aun así, { $count ->
        [one] esto merece que lo vea
       *[other] estas señales merecen que las vea
    } un médico:
    { $reasons }

    Una cita normal es suficiente. /history muestra lo que has registrado, útil para llevarlo a la consulta.
nudge-reason-weakness = • debilidad muscular que va a más, o se te caen las cosas
nudge-reason-balance = • problemas de equilibrio o coordinación
nudge-reason-shrinking = • un músculo que se ve más pequeño
nudge-reason-stiffness = • rigidez o calambres que no ceden
nudge-reason-numbness = • entumecimiento u hormigueo
nudge-reason-breathing = • respirar cuesta cada vez más
nudge-reason-speaking = • hablar o tragar cuesta cada vez más desde hace días o semanas
nudge-reason-speech = • dificultad para hablar o tragar
nudge-reason-persistent = • contracciones musculares que siguen apareciendo desde hace { $days } días o más
nudge-reason-places = • contracciones musculares en más de un sitio
nudge-reason-not_improving = • sin mejoría después de { $weeks } semanas
nudge-reason-medicine = • contracciones que empezaron cuando iniciaste o cambiaste un medicamento: coméntalo con quien te lo recetó y no lo dejes por tu cuenta
nudge-emergency-line = <i>Si algo aparece de repente (debilidad o entumecimiento en un lado del cuerpo, la cara caída de un lado, dificultad para hablar, respirar o tragar), llama { $number }.</i>
nudge-booked = ✅ Ya tengo cita / fui al médico
nudge-later = ⏰ Recuérdamelo más tarde
nudge-ack-booked-2 = ✅ Gracias, es el paso correcto. Te avisaré igualmente si aparecen señales nuevas.
nudge-ack-booked-3 = ✅ Gracias. No volveré a mencionarlo en 30 días, salvo que aparezca algo nuevo.
nudge-ack-later = ⏰ De acuerdo, te lo recordaré dentro de unos días.

# Warning signs any day: /signs and "Something new?" under a check-in summary.
cmd-signs = Cuéntame un síntoma nuevo o que cambia
signs-something-new = 🆕 ¿Algo nuevo?
signs-q =
    <b>¿Algo nuevo o que esté cambiando?</b> Toca lo que corresponda y luego <b>Listo</b>. Si no te pasa nada de esto, toca <i>Nada de esto</i>.
signs-sudden = 🚨 Si algo empezó <b>de repente</b> (dificultad para hablar, tragar o respirar, un lado de la cara caído, debilidad o entumecimiento en un lado del cuerpo), toca el botón rojo.
signs-saved = ✅ <b>Anotado para el { $date }.</b> Gracias por contármelo.
signs-none = Gracias por comprobarlo. No anoto nada nuevo. Si algo cambia, /signs abre esta lista en cualquier momento.
checkin-undone = Respuestas anuladas. Vuelve a responder cuando quieras.
checkin-note-kept = 📝 Guardado como nota de hoy (la verás en /history y en el informe). Sigue el registro con los botones de arriba.
history-note = 　📝 { $note }
farewell = { $part ->
        [morning] Que tengas un buen día.
        [afternoon] Disfruta del resto del día.
        [evening] Que pases una buena noche.
       *[night] Que descanses.
    }
