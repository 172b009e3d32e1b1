# Respuestas de seguridad al texto libre, /sos y los botones 🚨.
# Solo HTML de Telegram. Los marcadores deben ser idénticos en en, es y ru.

cmd-sos = Señales repentinas o graves: qué hacer ahora

safety-number = { $number ->
        [unknown] al número de emergencias de tu país (el 112 en Europa, el 911 en Norteamérica)
       *[other] al { $number }
    }
safety-emergency =
    🚨 <b>Por favor, llama ahora { $number }.</b>

    La debilidad o el entumecimiento repentinos en un lado del cuerpo, la cara caída de un lado, la dificultad repentina para hablar, la dificultad para respirar o tragar, el dolor en el pecho o un desmayo necesitan ayuda de inmediato. No esperes a ver si se pasa y no conduzcas. Si hay alguien cerca, pídele que se quede contigo.
safety-crisis =
    💛 <b>Gracias por contármelo. No tienes que cargar con esto a solas.</b>

    Si crees que podrías actuar según estos pensamientos, o no estás a salvo ahora mismo, llama { $number } o ve a las urgencias más cercanas.

    { $line }

    Si puedes, cuéntale hoy a alguien de confianza cómo te sientes.
safety-crisis-line = { $crisis ->
        [unknown] Una línea de crisis puede escucharte a cualquier hora, de día o de noche; en findahelpline.com están las gratuitas de tu país.
       *[other] Puedes hablar con una línea de crisis a cualquier hora, de día o de noche: { $crisis }.
    }
safety-misread = 🙂 Me entendiste mal, estoy bien
safety-misread-ack = Gracias por decírmelo, y perdona si te entendí mal. Seguimos.
safety-warning =
    🩺 <b>Conviene que te vea un médico pronto, en los próximos días.</b>

    Mencionaste:
    { $signs }

    A menudo tiene una explicación cotidiana, y un médico puede examinarte y descartar lo que necesite tratamiento. Tu médico de cabecera es un buen punto de partida.

    <i>Si empezó de repente, llama ahora { $number }.</i>
safety-sign-weakness = • debilidad, o menos fuerza al agarrar
safety-sign-balance = • problemas de equilibrio o de coordinación
safety-sign-shrinking = • un músculo que se ve más pequeño
safety-sign-stiffness = • rigidez o calambres que no ceden
safety-sign-numbness = • entumecimiento u hormigueo
safety-sign-speaking = • hablar o tragar cada vez cuesta más
safety-sign-breathing = • respirar cada vez cuesta más
safety-save-sign = 📝 Guardar como señal de hoy
safety-not-meant = No quería decir eso
safety-sign-saved = ✅ Guardado como señal de alerta de hoy. Aparece en /history y /summary, y en el informe para tu médico (/report).
safety-not-meant-ack = De acuerdo, no se guardó nada. Perdona si te entendí mal.
