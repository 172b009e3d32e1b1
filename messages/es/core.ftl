# Registro inicial, ajustes, ayuda, privacidad y respuestas generales.
# Solo HTML de Telegram: <b>, <i>, <u>, <s>, <code>, <a href="...">; escapa & < > como &amp; &lt; &gt;.

not-medical-advice = <i>Soy un asistente de autocuidado, no un médico: nada de lo que digo es un diagnóstico ni un consejo médico.</i>

welcome =
    ¡Hola, { $name }! Estoy aquí para ayudarte a seguir de cerca las contracciones musculares (fasciculaciones) y las cosas cotidianas que pueden provocarlas: el estrés, el sueño, la cafeína, el agua, los medicamentos y la comida.

    La mayoría de estas contracciones son inofensivas y desaparecen solas. Un breve registro diario te ayuda a ver patrones, y te diré con calma cuándo conviene comentarlo con un médico.

    { not-medical-advice } { caveat-adults }

    La configuración lleva menos de un minuto.
welcome-resume = ¡Hola de nuevo! Terminemos la configuración donde la dejamos.
welcome-back = Me alegra verte otra vez. Todo lo que registraste sigue aquí. /checkin registra el día de hoy y /help muestra todo lo demás.
need-start = ¡Hola! Envía /start y te dejo todo listo en menos de un minuto.
finish-setup-first = Primero terminemos la configuración: responde a la pregunta de arriba (o envía /start para verla de nuevo).

ask-language = ¿En qué idioma prefieres que te hable?
language-set = Idioma: español ✅
share-location = 📍 Compartir mi ubicación
ask-timezone =
    <b>Tu zona horaria</b>, para que los recordatorios lleguen a la hora local correcta.

    Toca el botón de abajo para compartir tu ubicación, o escribe una ciudad (por ejemplo <i>Madrid</i>), una diferencia con UTC (<i>UTC+3</i>, <i>UTC-5:30</i>), una abreviatura (<i>EST</i>, <i>CET</i>) o el nombre de una zona (<i>Europe/Berlin</i>).
choose-zone = Encontré más de un lugar con ese nombre. ¿Cuál es el tuyo?
timezone-set = Zona horaria: <b>{ $zone }</b>. Tu hora local ahora: { $time }.
timezone-set-abbreviation = He tomado <b>{ $typed }</b> como <b>{ $zone }</b>: tu hora local ahora es { $time }. Si te referías a otra zona, escribe una ciudad o una diferencia como <i>UTC+3</i>.
settings-changing-tz = Cambiando tu zona horaria…
ask-wake = <b>¿A qué hora sueles despertarte?</b> Nunca te escribiré antes de esa hora. Toca una opción o escribe una hora como 06:45.
ask-sleep = <b>¿A qué hora sueles acostarte?</b> A partir de esa hora no te escribiré. Toca una opción o escribe una hora como 23:15.
ask-ci = <b>¿A qué hora quieres hacer tu registro diario?</b> Lleva unos segundos. Elige una hora entre las { $wake } y las { $sleep }, o escríbela.
onboarding-done =
    ¡Todo listo! ✅

    • Zona horaria: { $zone }
    • Horas de actividad: { $wake }–{ $sleep }
    • Registro diario: { $checkin }

    Si quieres, prueba ahora /checkin. /settings cambia cualquiera de estos datos, /privacy explica qué guardo y /help lo muestra todo.

error-bad-time = No he podido entender esa hora. Escríbela así: <i>07:30</i> o <i>19:00</i>.
error-wake-equals-sleep = La hora de despertarte y la de dormir no pueden ser la misma. Elige otra, por favor.
error-checkin-outside-window = Esa hora queda fuera de tus horas de actividad ({ $wake }–{ $sleep }), y no escribo a nadie mientras duerme. Elige una hora dentro de ellas.
error-sleep-length = Acostarte a las { $time } y despertarte a las { $wake } no deja una noche de entre 4 y 14 horas. Elige otra hora, por favor.
hours-moved-sleep = La hora de dormir pasa a las { $time }, así sigues durmiendo { $hours } { $hours ->
        [one] hora
       *[other] horas
    }.
hours-moved-wake = La hora de despertarte pasa a las { $time }, así sigues durmiendo { $hours } { $hours ->
        [one] hora
       *[other] horas
    }.
hours-moved-checkin = El registro diario pasa a las { $time }, así queda dentro de tus horas de actividad.
error-unknown-zone = No he encontrado ese lugar. Prueba con una ciudad grande cercana, una diferencia con UTC como <i>+2</i> o <i>UTC-3:30</i>, o comparte tu ubicación.
use-buttons = Elige una opción con los botones de arriba, por favor.
not-understood = No te he entendido. Los botones de mis mensajes son la forma más rápida; /help muestra todo lo que puedo hacer. Si de repente te encuentras mal, envía /sos.
unknown-command = No conozco ese comando. /help muestra los que sí conozco.
stale-button = Ese botón es de un mensaje anterior. No ha cambiado nada.
error-too-long = Es un mensaje muy largo. Aquí puedo leer hasta { $limit } caracteres; acórtalo, por favor.
error-generic = Lo siento, algo ha fallado por mi parte. No se ha perdido nada de lo que guardaste; inténtalo de nuevo en un momento.

settings-title = <b>Tus ajustes</b> (hora local ahora: { $time })
settings-line = • { $label }: <b>{ $value }</b>
settings-saved = Guardado ✅
settings-close = Listo
settings-closed = Ajustes guardados. /settings los vuelve a abrir.
setting-language = Idioma
setting-timezone = Zona horaria
setting-wake = Despertar
setting-sleep = Hora de dormir
setting-checkin = Hora del registro

help =
    <b>Lo que puedo hacer</b>

    <b>Cada día</b>
    /checkin: registra el día en unos toques (uno solo en un buen día)
    /history: tus últimos 14 días
    /signs: cuéntame un síntoma nuevo o que cambia, cualquier día
    /water, /coffee: anota una bebida con un toque
    /today: el agua y la cafeína de hoy

    <b>Para sentirte mejor</b>
    /tip: un consejo adaptado a tu día
    /breathe: una ronda de respiración guiada
    /food: tu diario de comidas y alimentos que ayudan
    /learn: sobre las contracciones, en palabras sencillas

    <b>Tus patrones</b>
    /summary: tus últimos 7 y 30 días
    /chart: un gráfico de los últimos 30 días
    /report: un PDF de una página para tu médico

    <b>Ajustes y datos</b>
    /settings: idioma, zona horaria, horario, recordatorios
    /pause, /resume: un descanso de los recordatorios
    /privacy: qué guardo
    /sos: señales repentinas o graves, qué hacer ahora
    /export, /import, /delete: descarga, restaura o borra tus datos

    { not-medical-advice } Si de repente notas debilidad, entumecimiento en un lado del cuerpo, la cara caída o dificultad para hablar, respirar o tragar, llama ahora al número de emergencias de tu país (/sos te dice cuál).
privacy =
    <b>Tus datos</b>

    Solo guardo lo que me cuentas: tu id y chat de Telegram, idioma, zona horaria, horario y ajustes de recordatorios, y lo que registras (registros diarios, agua, cafeína, comida, cómo dormiste y cómo te sentiste). Lo uso solo para recordarte cosas, mostrarte tus propios patrones y sugerirte cuándo ver a un médico.

    No se comparte con nadie ni se usa para publicidad. Se queda en la base de datos de este bot, gestionada por quien lo opera.

    /export te envía una copia de todo; /delete borra todo lo tuyo, incluidos los recordatorios.

    { privacy-health }

    { caveat-adults }

cmd-start = Empezar o continuar
cmd-settings = Idioma, zona horaria, horario, recordatorios
cmd-privacy = Qué guardo y cómo borrarlo
cmd-help = Lo que puedo hacer
undo-button = ↩️ Deshacer
undo-nothing = Ya estaba deshecho: no queda nada que quitar.
freetext-greeting = { $part ->
        [morning] ¡Buenos días!
        [afternoon] ¡Buenas tardes!
       *[other] ¡Buenas noches!
    } ¿Quieres hacer el registro de hoy? Lleva unos segundos.
freetext-twitches = Siento que te estén molestando. Anotarlas en el registro de hoy muestra, con los días, con qué se relacionan (sueño, cafeína, estrés). La mayoría de las contracciones musculares son inofensivas y desaparecen solas.
freetext-checkin-button = 📝 Hacer el registro
unknown-command-guess = No conozco ese comando. ¿Querías decir { $command }?
# Units, with numbers in the language's own style (2,000 ml · 2000 ml · 2 000 мл).
unit-ml = { $value } ml
unit-mg = { $value } mg
unit-plus-ml = +{ $value } ml
