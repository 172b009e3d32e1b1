# Acompañamiento: consejos, ejercicios, respiración guiada, alimentos y diario de comidas, páginas para aprender.
# Solo HTML de Telegram; ninguna línea de un mensaje de varias líneas puede empezar por [ * o .

cmd-tip = Un consejo adaptado a tu día
cmd-breathe = Una ronda de respiración guiada
cmd-food = Diario de comidas y alimentos que ayudan
cmd-learn = Sobre las contracciones, en palabras sencillas

coaching-disclaimer = <i>Información general de autocuidado, no un consejo médico.</i>
coaching-on = activado
coaching-off = desactivado
coaching-setting-tip = Consejo diario
coaching-topics = ◀️ Todos los temas
coaching-worried = 😟 Me preocupa

## Consejos

coaching-tip-title = 💡 <b>Un consejo para hoy</b>
coaching-daily-title = 💡 <b>Tu consejo del día</b> (puedes desactivarlos en /settings)
coaching-tip-another = 🔄 Otro consejo
coaching-tip-try = ▶️ Probar: { $exercise }
coaching-why-relax = <i>En tu último registro marcaste un estrés alto, así que aquí tienes algo para calmarte.</i>
coaching-why-sleep = <i>Dormiste menos de 7 horas, así que aquí tienes algo para esta noche.</i>
coaching-why-caffeine = <i>Estás cerca de tu límite de cafeína de hoy.</i>
coaching-why-water = <i>Hoy vas un poco por detrás con el agua.</i>
coaching-why-recovery = <i>Notaste contracciones después de hacer ejercicio intenso, así que aquí tienes algo para recuperarte.</i>
coaching-why-general = <i>Algo pequeño que ayuda a mucha gente.</i>

coaching-tip-relax-box = El estrés mantiene los nervios en alerta y los músculos pueden contraerse más. Dos minutos de respiración cuadrada le dicen a tu cuerpo que está a salvo: inspira contando 4, retén 4, espira 4, espera 4.
coaching-tip-relax-478 = Respirar despacio, con una espiración larga, calma el sistema nervioso. Prueba la respiración 4-7-8: inspira por la nariz contando 4, retén 7 y espira por la boca contando 8. Para empezar bastan cuatro ciclos.
coaching-tip-relax-pmr = La tensión que no notas puede mantener los músculos ocupados. La relajación muscular progresiva te ayuda a sentir la diferencia: tensa suavemente un grupo de músculos y luego suéltalo, desde los pies hasta la cara.
coaching-tip-relax-mindful = Cuando la mente se acelera, una pausa de un minuto ayuda: fíjate en cinco cosas que ves, cuatro que oyes y tres que sientes. No hay nada que arreglar, solo observar.
coaching-tip-relax-walk = Un paseo de 10 minutos, mejor al aire libre, baja las hormonas del estrés y suelta los músculos tensos. Despacio y con calma también cuenta.
coaching-tip-sleep-schedule = Acostarte y levantarte más o menos a la misma hora todos los días, también el fin de semana, estabiliza tu reloj interno. Los músculos y nervios cansados se contraen con más facilidad.
coaching-tip-sleep-screens = Las pantallas brillantes por la noche mantienen el cerebro despierto. Prueba a dejar el teléfono entre 30 y 60 minutos antes de dormir y hacer algo tranquilo.
coaching-tip-sleep-winddown = Una rutina para desconectar ayuda a dormirse: luz tenue, una ducha templada y luego unos ciclos de respiración 4-7-8 ya en la cama.
coaching-tip-sleep-bedroom = Un dormitorio fresco, oscuro y silencioso ayuda a dormir más profundo. Si no te duermes en unos 20 minutos, levántate y haz algo tranquilo hasta que tengas sueño.
coaching-tip-caffeine-cutoff = La cafeína permanece horas en el cuerpo. Tomar el último café, té o bebida energética al menos 6 horas antes de dormir protege tu sueño, y noches más tranquilas significan músculos más tranquilos.
coaching-tip-caffeine-taper = Reducir poco a poco evita los dolores de cabeza: cambia una bebida con cafeína al día por agua o una versión descafeinada, y repite cada pocos días.
coaching-tip-caffeine-hidden = La cafeína se esconde en los refrescos de cola, las bebidas energéticas, el té fuerte, el chocolate y algunos analgésicos. Contarlos también te da una imagen más real.
coaching-tip-caffeine-swap = Cuando vayas a por un café por costumbre, prueba antes un vaso de agua o una infusión. Muchas veces el cansancio es sed o la necesidad de una pausa corta.
coaching-tip-water-glass = Incluso una deshidratación leve puede hacer que los músculos se contraigan. Un vaso de agua ahora, y otro con cada comida, te facilita el día.
coaching-tip-water-bottle = Tener una botella a la vista es una de las formas más sencillas de beber más. Rellénala cada vez que se vacíe.
coaching-tip-water-food = La fruta y la verdura también suman agua: el pepino, la sandía, las naranjas y las sopas ayudan.
coaching-tip-water-habit = Une el agua a cosas que ya haces: un vaso al despertar, antes de cada comida y después de lavarte los dientes.
coaching-tip-recovery-rest = Las contracciones tras un entrenamiento duro son frecuentes y suelen pasar con descanso. Dale a esos músculos un día más suave, y bebe y come bien para recuperar energía.
coaching-tip-recovery-stretch = Estirar con suavidad después del ejercicio ayuda a que los músculos cansados se relajen. Mantén cada estiramiento de 20 a 30 segundos, sin rebotes ni dolor.
coaching-tip-recovery-minerals = Al sudar se pierden agua y minerales. Después de un entrenamiento duro, el agua y los alimentos con potasio y magnesio (plátanos, papas, legumbres, frutos secos) te ayudan a recuperarte.
coaching-tip-general-diary = Anotar lo que comes y bebes puede mostrar patrones con el tiempo. /food lo registra con un solo toque.
coaching-tip-general-foods = El magnesio y el potasio ayudan a que músculos y nervios funcionen bien. Las espinacas, las legumbres, los frutos secos, las semillas, los plátanos y las papas son buenas fuentes diarias.
coaching-tip-general-movement = Moverte con suavidad y regularidad, como caminar, nadar, ir en bici o hacer yoga, ayuda tanto al estrés como a los músculos. Un poco casi todos los días es mejor que mucho una vez por semana.
coaching-tip-general-checking = Si te descubres comprobando tu fuerza o vigilando tus músculos en busca de contracciones, intenta dejarlo ir con suavidad. Comprobar mantiene la atención en las contracciones y suele hacer que la preocupación, y las propias contracciones, parezcan más grandes.

## Ejercicios

coaching-ex-title = 🧘 <b>Ejercicios</b>: elige uno para ver los pasos.
coaching-ex-box-name = Respiración cuadrada
coaching-ex-478-name = Respiración 4-7-8
coaching-ex-pmr-name = Relajación muscular
coaching-ex-mindful-name = Un minuto de atención plena
coaching-ex-stretch-name = Estiramientos suaves
coaching-ex-lowimpact-name = Ejercicio de bajo impacto
coaching-ex-guide = ▶️ Guíame ahora
coaching-ex-all = 🧘 Todos los ejercicios

coaching-ex-box =
    <b>Respiración cuadrada</b>

    1. Siéntate cómodamente y suelta el aire despacio.
    2. Inspira por la nariz contando hasta 4.
    3. Retén el aire contando 4.
    4. Espira despacio contando 4.
    5. Espera contando 4 y vuelve a empezar.

    Cuatro ciclos llevan más o menos un minuto. Si contar hasta 4 te cuesta, cuenta hasta 3. Si te mareas o notas la cabeza ligera, para y respira con normalidad.
coaching-ex-478 =
    <b>Respiración 4-7-8</b>

    Siéntate o túmbate, con la punta de la lengua apoyada detrás de los dientes de arriba.

    1. Suelta todo el aire por la boca.
    2. Inspira en silencio por la nariz contando 4.
    3. Retén la respiración contando 7.
    4. Espira por la boca con un soplido suave contando 8.

    Al principio haz 4 ciclos; con el tiempo puedes hacer más. Puedes contar más rápido si retener el aire te cuesta. Para si notas la cabeza ligera.
coaching-ex-pmr =
    <b>Relajación muscular progresiva</b>

    Busca un sitio tranquilo para sentarte o tumbarte. Avanza despacio desde los pies hasta la cabeza: pies, pantorrillas, muslos, glúteos, abdomen, manos, brazos, hombros, cuello y cara.

    1. Inspira y tensa un grupo de músculos con firmeza, sin dolor, durante 5 a 10 segundos.
    2. Espira y suéltalo de golpe.
    3. Relájate de 10 a 30 segundos, nota lo suelto que queda y pasa al siguiente.

    Sáltate cualquier zona lesionada o que duela. Todo el ejercicio lleva unos 10 a 15 minutos.
coaching-ex-mindful =
    <b>Un minuto de atención plena</b>

    1. Siéntate cómodamente y deja que la respiración encuentre su propio ritmo.
    2. Fíjate en 5 cosas que ves, 4 que oyes y 3 que sientes (los pies en el suelo, la ropa).
    3. Cuando lleguen pensamientos, obsérvalos con amabilidad y vuelve a la respiración.

    No hay una forma correcta de hacerlo. Incluso un minuto al día ayuda, y más también es bienvenido.
coaching-ex-stretch =
    <b>Estiramientos suaves o yoga</b>

    • Cuello: inclina la oreja hacia el hombro, mantén y cambia de lado.
    • Hombros: gíralos despacio hacia atrás y abajo 5 veces.
    • Pantorrillas: manos en la pared, un pie atrás con el talón apoyado, mantén.
    • Muslos: apóyate en una silla y lleva un talón hacia el glúteo.
    • La postura del niño o el gato-vaca en el suelo, si te resulta cómodo.

    Mantén cada estiramiento de 20 a 30 segundos, respira despacio y nunca fuerces hasta el dolor ni des rebotes.
coaching-ex-lowimpact =
    <b>Ejercicio de bajo impacto</b>

    Movimiento amable con las articulaciones y tranquilizador para la mente:

    • un paseo a buen ritmo, de 10 a 30 minutos
    • nadar o caminar en el agua
    • bicicleta, en casa o al aire libre
    • yoga, taichí o pilates
    • bailar en la cocina

    Empieza suave y ve aumentando poco a poco; a la mayoría de los adultos se les recomiendan unos 150 minutos semanales de actividad moderada. Si tienes algún problema de corazón, pulmones o articulaciones, consulta con tu médico antes de empezar algo nuevo.

## Respiración guiada (/breathe)

coaching-breathe-intro =
    🫁 <b>Una ronda de respiración guiada</b>

    Siéntate o túmbate cómodamente. Iré cambiando este mensaje sobre la marcha: solo sigue las palabras. Si en algún momento te mareas o notas la cabeza ligera, para y respira con normalidad.

    ¿Cuál prefieres?
coaching-pattern-box = Respiración cuadrada 4-4-4-4
coaching-pattern-boxgentle = Cuadrada suave 3-3-3-3
coaching-pattern-478 = Respiración 4-7-8
coaching-breathe-step = <b>{ $name }</b> · ciclo { $cycle } de { $cycles }
coaching-phase-inhale = 🌬 Inspira despacio por la nariz… <b>{ $seconds }</b>
coaching-phase-hold = ⏸ Retén el aire con suavidad… <b>{ $seconds }</b>
coaching-phase-exhale = 😮‍💨 Espira despacio… <b>{ $seconds }</b>
coaching-phase-rest = ⏸ Espera con los pulmones vacíos… <b>{ $seconds }</b>
coaching-breathe-dizzy = <i>¿Mareo? Toca Parar y respira con normalidad.</i>
coaching-breathe-stop = ⏹ Parar
coaching-breathe-done =
    ✅ <b>Muy bien.</b> Has hecho una ronda de { $name }.

    Tómate un momento para notar cómo está tu cuerpo ahora. Puedes volver a esto cuando quieras con /breathe.
coaching-breathe-stopped = Parado. Respira con normalidad un rato; puedes volver a intentarlo cuando quieras con /breathe, quizá contando menos.
coaching-breathe-again = 🔁 Otra vez

## Alimentos y diario de comidas (/food)

coaching-food-pumpkinseeds = Semillas de calabaza tostadas, 28 g
coaching-food-almonds = Almendras, tostadas, 28 g
coaching-food-spinach = Espinacas, hervidas, ½ taza
coaching-food-cashews = Anacardos, tostados, 28 g
coaching-food-blackbeans = Frijoles negros, cocidos, ½ taza
coaching-food-potato = Papa asada con piel, 1 mediana
coaching-food-lentils = Lentejas, cocidas, ½ taza
coaching-food-banana = Plátano, 1 mediano
coaching-food-milk = Leche semidesnatada, 1 taza
coaching-food-salmon = Salmón, cocinado, 85 g
coaching-food-avocado = Aguacate en dados, ½ taza
coaching-food-apricots = Orejones de albaricoque, ½ taza
coaching-food-pumpkinseeds-short = Semillas de calabaza
coaching-food-almonds-short = Almendras
coaching-food-spinach-short = Espinacas
coaching-food-cashews-short = Anacardos
coaching-food-blackbeans-short = Frijoles negros
coaching-food-potato-short = Papa
coaching-food-lentils-short = Lentejas
coaching-food-banana-short = Plátano
coaching-food-milk-short = Leche
coaching-food-salmon-short = Salmón
coaching-food-avocado-short = Aguacate
coaching-food-apricots-short = Orejones
coaching-food-other-short = Otra cosa

coaching-food-guide-title =
    🥗 <b>Alimentos ricos en magnesio y potasio</b>

    Los dos minerales ayudan a que músculos y nervios funcionen bien. Cantidades habituales por ración:
coaching-food-guide-line = { $emoji } { $food }: magnesio ~{ $mg } mg, potasio ~{ $k } mg
coaching-food-guide-notes =
    Un adulto necesita unos { $mgLow }–{ $mgHigh } mg de magnesio y { $kLow }–{ $kHigh } mg de potasio al día; la comida es la mejor forma de conseguirlos.

    <b>Conviene saber</b>
    • Más de { $ul } mg al día de magnesio en suplementos puede sentar mal al estómago y no es seguro para todo el mundo: habla con un médico antes de tomar tanto. El magnesio de los alimentos no cuenta para este límite.
    • Si tienes una enfermedad renal, o tomas medicamentos que suben el potasio (algunos para la tensión y algunos diuréticos), pregunta a tu médico antes de comer mucho más potasio.

    <i>Cifras: Oficina de Suplementos Dietéticos de los NIH y USDA FoodData Central, redondeadas.</i>
coaching-food-title = 🗒 <b>Tu diario de comidas</b> ({ $days ->
        [one] último día
       *[other] últimos { $days } días
    })
coaching-food-empty = Todavía no hay nada anotado. Toca un alimento de abajo para añadirlo, un toque cada uno; ayuda a ver patrones junto a tus días con contracciones.
coaching-food-day = <b>{ $date }</b>
coaching-food-day-twitches = <b>{ $date }</b> · con contracciones
coaching-food-day-calm = <b>{ $date }</b> · sin contracciones
coaching-food-note = ✏️ { $note }
coaching-food-tap = Toca un alimento para anotarlo hoy:
coaching-food-logged = Anotado: { $food } ✅
coaching-food-already = Ya estaba anotado ✅
coaching-food-ask-note = ✏️ Escribe lo que has comido o bebido (por ejemplo <i>avena con frutos secos</i>). Lo añadiré al diario de hoy.
coaching-food-note-saved = Añadido al diario de hoy ✅
coaching-food-guide-button = 📖 ¿Qué alimentos ayudan?
coaching-food-diary-button = 🗒 Mi diario

## Aprender (/learn)

coaching-learn-title =
    📚 <b>Aprende sobre las contracciones musculares</b>

    Elige un tema. Todo está en palabras sencillas, y puedes volver cuando quieras con /learn.
coaching-learn-what-button = Qué son
coaching-learn-causes-button = Causas frecuentes
coaching-learn-kinds-button = Tipos de contracciones
coaching-learn-doctor-button = Cuándo ir al médico
coaching-learn-managing-button = Cómo manejarlas
coaching-learn-medicines-button = Medicamentos y contracciones
coaching-learn-worry-button = La preocupación
coaching-learn-foods-button = Alimentos que ayudan
coaching-learn-exercises-button = Ejercicios de relajación
coaching-learn-ruleout-button = ¿Qué puede descartar un médico?

coaching-learn-what =
    <b>Qué son las contracciones</b>

    Una contracción (los médicos la llaman fasciculación) es una pequeña parte de un músculo que se tensa sola durante un instante. Puedes ver un temblor bajo la piel o solo sentirlo: en un párpado, una pantorrilla, un muslo, una mano.

    Ocurre cuando un nervio envía una señal suelta a unas pocas fibras musculares. Los nervios se excitan más cuando hay estrés o cansancio, te falta líquido o has tomado mucha cafeína.

    Las contracciones son muy frecuentes y casi todo el mundo las tiene de vez en cuando. Por sí solas suelen ser inofensivas y desaparecen sin más.
coaching-learn-causes =
    <b>Causas frecuentes</b>

    • <b>Estrés y ansiedad</b>: mantienen el sistema nervioso en alerta.
    • <b>Cansancio</b>: dormir poco o músculos sobrecargados.
    • <b>Poco líquido</b>: incluso una deshidratación leve puede provocarlas.
    • <b>Cafeína</b>: café, té, bebidas energéticas y también otros estimulantes.
    • <b>Ejercicio intenso</b>: los músculos cansados suelen contraerse durante uno o dos días.
    • <b>Medicamentos</b>: algunos pueden causarlas como efecto secundario.
    • <b>Minerales bajos</b>: magnesio, calcio o potasio. Un médico puede comprobarlos con un análisis de sangre sencillo.

    A menudo es una mezcla de varias. El registro diario con /checkin te ayuda a ver cuáles influyen en tu caso.
coaching-learn-kinds =
    <b>Tipos de contracciones</b>

    • <b>Ocasionales</b>: de vez en cuando, muchas veces tras estrés, una noche corta o mucha cafeína. Es el tipo más frecuente.
    • <b>Persistentes</b>: vuelven una y otra vez durante semanas. Suelen seguir siendo inofensivas; si duran { $days } días o más, pide cita con un médico.
    • <b>Generalizadas</b>: en más de un sitio del cuerpo. A menudo tienen que ver con el estrés, el ejercicio o los minerales. Las contracciones en más de un sitio merecen que las vea un médico: pide una cita normal para que compruebe qué hay detrás.
coaching-learn-ruleout =
    <b>Qué puede descartar un médico</b>

    Normalmente el médico empieza con unas preguntas y una breve exploración de la fuerza y los reflejos. Si hace falta, puede comprobar:
    • los minerales en sangre (magnesio, calcio, potasio);
    • el funcionamiento del tiroides;
    • el azúcar en sangre, porque la diabetes puede afectar a los nervios;
    • un nervio pinzado o irritado, y efectos secundarios de medicamentos;
    • enfermedades más raras de los nervios y los músculos. Casi siempre vienen con una debilidad clara y creciente, no solo con contracciones.

    La mayoría de la gente sale tranquila. Si tienes dudas, apúntalas y llévalas a la cita.
coaching-learn-managing =
    <b>Cómo manejar las contracciones</b>

    • Baja el estrés: respiración, relajación, atención plena, yoga suave (/breathe).
    • Duerme de 7 a 9 horas, con horarios regulares.
    • Bebe agua a lo largo del día.
    • Modera la cafeína y evítala a última hora.
    • Muévete con suavidad y regularidad; deja descansar los músculos tras entrenar duro.
    • Come alimentos ricos en magnesio y potasio (/food).
    • Lleva un diario de comidas y síntomas para descubrir tus desencadenantes.

    Si los cambios en tu estilo de vida no ayudan después de { $weeks } semanas, habla con un médico: hay tratamientos que te puede proponer.

    { caveat-potassium }

    { caveat-fluids }
coaching-learn-medicines =
    <b>Medicamentos y contracciones</b>

    Algunos medicamentos pueden causar contracciones como efecto secundario, por ejemplo algunos inhaladores para el asma, estimulantes, corticoides y diuréticos que cambian los minerales de la sangre.

    Si empezaste un medicamento nuevo o cambiaste la dosis y después notaste contracciones, por favor no lo dejes por tu cuenta. Habla con el médico que te lo recetó o con tu farmacéutico: pueden decirte si es probable y qué hacer.

    Ayuda apuntar la fecha en que lo empezaste; tu historial de /checkin muestra cuándo empezaron las contracciones.
coaching-learn-worry =
    <b>La preocupación y las contracciones</b>

    Preocuparse por las contracciones es muy frecuente, y es comprensible. La propia preocupación pone el sistema nervioso más alerta, así que las contracciones pueden sentirse más fuertes cuando hay ansiedad, y eso puede convertirse en un círculo.

    Lo que ayuda a romperlo:
    • Intenta no poner a prueba tu fuerza una y otra vez, ni buscar síntomas de noche. Comprobar mantiene la preocupación y no da respuestas nuevas.
    • Ponle un tiempo a la preocupación: anótala y vuelve a lo que estabas haciendo.
    • Respirar despacio calma el cuerpo directamente (/breathe).
    • Si una preocupación vuelve una y otra vez, una visita al médico puede aclararla. Hablar con un psicólogo también ayuda a mucha gente.

    { caveat-talk }

    { caveat-crisis }
coaching-worry-reply =
    💛 Es totalmente comprensible que esto te preocupe. Las contracciones son muy frecuentes y, por sí solas, suelen ser inofensivas.

    La preocupación pone el cuerpo más alerta y eso puede hacer que las contracciones se noten más, así que tratarte con amabilidad ahora de verdad ayuda. Intenta no comprobar tus músculos una y otra vez: comprobar mantiene la preocupación.

    ¿Te vendría bien un minuto de respiración lenta? Y si quieres salir de dudas, ir al médico es un buen paso, tranquilo y sensato.

    { caveat-talk } { caveat-crisis }

## Ajustes: consejo diario

coaching-back = ◀️ Atrás
coaching-daily-ask =
    💡 <b>Consejo diario</b>: { $state }

    Una vez al día, en un momento tranquilo dentro de tus horas de actividad, puedo enviarte un consejo breve adaptado a tu día. Está desactivado hasta que lo actives.
coaching-daily-turn-on = Activar
coaching-daily-turn-off = Desactivar
coaching-food-undone = Quitado de tu diario ↩️
