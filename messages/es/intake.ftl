# Registro de agua y cafeína, /today, /pause, /resume y sus ajustes.

cmd-today = Agua y cafeína de hoy
cmd-water = Registrar agua
cmd-coffee = Registrar café, té u otra cafeína
cmd-caffeine = Registrar cafeína
cmd-pause = Pausar los recordatorios unos días
cmd-resume = Reanudar los recordatorios

intake-custom = ✏️ Otra cantidad
intake-custom-mg = ✏️ Otra (mg)
intake-drink-coffee = ☕ Café · { $mg } mg
intake-drink-espresso = Espresso · { $mg } mg
intake-drink-black_tea = 🫖 Té negro · { $mg } mg
intake-drink-green_tea = 🍵 Té verde · { $mg } mg
intake-drink-cola = 🥤 Lata de cola · { $mg } mg
intake-drink-energy = ⚡ Bebida energética 250 ml · { $mg } mg
intake-drink-name-coffee = una taza de café
intake-drink-name-espresso = un espresso
intake-drink-name-black_tea = una taza de té negro
intake-drink-name-green_tea = una taza de té verde
intake-drink-name-cola = una lata de cola
intake-drink-name-energy = una bebida energética
intake-drink-name-custom = una bebida

intake-water-progress = Agua hoy: <b>{ $total } / { $goal } ml</b> { $bar } { $percent }%
intake-water-done = Agua hoy: <b>{ $total } / { $goal } ml</b> { $bar } ¡Objetivo cumplido, muy bien! 🎉
intake-water-logged = Añadidos { $ml } ml ✅
intake-water-bad-amount = No he entendido esa cantidad. Prueba con <i>/water 300</i> o <i>/water 0,5 l</i> (hasta 3 litros de una vez).
intake-caffeine-progress = Cafeína hoy: <b>{ $total } / { $limit } mg</b>
intake-caffeine-bedtime = A la hora de dormir ({ $bedtime }) aún podrías tener unos { $mg } mg en el cuerpo: la cafeína tarda unas 5 horas en reducirse a la mitad.
intake-caffeine-cutoff = Tu hora límite para la cafeína: { $cutoff }.
intake-caffeine-logged = Registrado: { $drink } ({ $mg } mg) ✅
intake-caffeine-warn-75 = Ya llevas tres cuartas partes de tu límite diario de { $limit } mg. Ir con calma el resto del día puede ayudar a que las contracciones musculares se calmen.
intake-caffeine-warn-100 = Has llegado o superado tu límite diario de { $limit } mg. Agua o una bebida sin cafeína son buena opción para el resto del día.
intake-caffeine-bad-amount = No lo he entendido. Prueba con <i>/coffee 120</i> para 120 mg (de 1 a 1000).

intake-today-title = <b>Tu día hasta ahora</b>
intake-today-paused = Los recordatorios están en pausa hasta el { $until }. /resume los reactiva.
intake-today-next-checkin = Próximo recordatorio del registro: { $when }.

intake-pause-ask = ¿Durante cuánto tiempo pauso los recordatorios? Mientras tanto puedes seguir registrando lo que quieras.
intake-pause-days = { $days ->
    [one] 1 día
   *[other] { $days } días
}
intake-pause-bad = Indica un número de días entre 1 y { $max }, por ejemplo <i>/pause 3</i>.
intake-paused = { $days ->
    [one] Recordatorios en pausa durante un día, hasta el { $until }. Cuídate. /resume los reactiva antes.
   *[other] Recordatorios en pausa durante { $days } días, hasta el { $until }. Cuídate. /resume los reactiva antes.
}
intake-not-paused = Los recordatorios no están en pausa ahora. /pause te da un descanso de ellos.
intake-resumed = ¡Qué bien tenerte de vuelta! Los recordatorios vuelven a estar activos.

intake-ask-wc = ¿Cuánta agua? Escribe una cantidad como <i>300</i> (ml) o <i>0,5 l</i>.
intake-ask-cc = ¿Cuánta cafeína, en mg? Escribe un número como <i>120</i>. (Una taza de café de filtro tiene unos 95 mg.)
intake-ask-goalt = Escribe tu objetivo diario de agua en ml, por ejemplo <i>2200</i> (de 1000 a 4000).
intake-ask-goalw = ¿Cuál es tu peso en kg? Te propondré unos 33 ml por kg. Solo lo uso para esto y no lo guardo.
intake-ask-limitt = Escribe tu límite diario de cafeína en mg, de 0 a 400. 400 mg es la cifra máxima habitual para adultos sanos; menos también está bien.
intake-bad-wc = { intake-water-bad-amount }
intake-bad-cc = Escribe un número de miligramos entre 1 y 1000, como <i>120</i>.
intake-bad-goalt = Escribe un objetivo entre 1000 y 4000 ml, como <i>2200</i>.
intake-bad-goalw = Escribe tu peso en kg, como <i>70</i>.
intake-bad-limitt = Escribe un número entre 0 y 400, como <i>200</i>.
intake-goal-from-weight = Eso sugiere unos <b>{ $goal } ml</b> al día; lo he puesto como tu objetivo.

    { caveat-fluids }

intake-setting-goal = Objetivo de agua
intake-setting-limit = Límite de cafeína
intake-setting-every = Avisos de agua
intake-setting-reminders = Recordatorios
intake-every-hours = cada { $hours } h
intake-every-hm = cada { $hours } h { $minutes } min
intake-on = sí
intake-off = no
intake-reminders-value = agua: { $water } · última llamada de cafeína: { $caffeine }
intake-back = ‹ Volver
intake-type = ✏️ Escribirlo
intake-goal-weight = ⚖️ Según mi peso
intake-edit-goal = <b>Objetivo diario de agua</b> (ahora { $goal } ml). Unos 2–2,5 litros de líquidos al día van bien a la mayoría de adultos; más con calor o ejercicio.

    { caveat-fluids }
intake-edit-limit = <b>Límite diario de cafeína</b> (ahora { $limit } mg). 400 mg es la cifra máxima habitual para adultos sanos (200 mg durante el embarazo o la lactancia); muchas personas con contracciones musculares se sienten mejor con menos.
intake-edit-every = <b>¿Cada cuánto te recuerdo beber agua?</b> Solo mientras no duermes y vas por detrás de tu objetivo.
intake-edit-reminders = <b>¿Qué recordatorios quieres?</b> Toca para cambiar.
intake-toggle-water = 💧 Avisos de agua: { $state }
intake-toggle-caffeine = ☕ Última llamada de cafeína: { $state }
intake-undone = Quitado: { $amount } ↩️
intake-read-glasses = He entendido “{ $typed }” como { $count ->
        [one] un vaso
       *[other] { $count } vasos
    } de { $ml } ml. Para mililitros, escribe <i>/water 300</i>.
intake-meant-litres = { $count ->
        [one] Era { $count } litro
       *[other] Eran { $count } litros
    }
intake-caffeine-logged-count = Registrado: { $drink } × { $count } ({ $mg } mg) ✅
intake-read-drinks = He entendido “{ $typed }” como { $count } de tu bebida habitual. ¿Era otra? Toca ↩️ Deshacer y luego la bebida; <i>/coffee 120 mg</i> registra miligramos.
