# Advertencias donde importan (issue 11): solo para adultos, embarazo y cafeína, líquidos, potasio,
# alguien con quien hablar, datos de salud y consentimiento. Otros catálogos las citan por su nombre.

caveat-adults = coachbot está pensado para personas adultas (18 años o más). Si eres menor, habla de tus contracciones musculares con tu madre, tu padre, la persona que te cuida o un médico.
caveat-talk = 💬 Si la preocupación te pesa, háblalo con alguien: una persona de confianza, tu médico de cabecera o un psicólogo.
caveat-crisis = Si alguna vez tienes pensamientos de hacerte daño, pide ayuda ahora: llama al número de emergencias o a una línea de crisis (en findahelpline.com hay líneas gratuitas y confidenciales de tu país).
caveat-potassium = <i>Si tienes una enfermedad de los riñones, o tomas medicamentos que suben el potasio (algunas pastillas para la tensión y diuréticos), consulta a tu médico antes de comer mucho más potasio.</i>
caveat-fluids = <i>Más no es mejor: beber mucho más de lo que necesitas puede ser perjudicial. Si un médico te ha pedido limitar los líquidos (por ejemplo, por un problema de riñón o de corazón), su consejo va primero.</i>
nudge-not-advice = <i>Esto no es un diagnóstico ni un consejo médico; un médico que te examine podrá decirte más.</i>
privacy-health =
    <b>Datos de salud y tu consentimiento</b>
    Lo que registras aquí (contracciones, síntomas, sueño, estrés, medicamentos) son datos de salud. Al usar coachbot aceptas que se guarden y se usen para lo que se explica arriba, y para nada más. Tú decides qué registras, y puedes retirar tu consentimiento en cualquier momento: /delete lo borra todo al instante.

care-pregnancy-q = 🤰 <b>Una pregunta opcional:</b> ¿estás embarazada o das el pecho? Si es así, mantendré tu límite de cafeína en 200 mg al día, lo que se suele recomendar en esa etapa. Puedes saltarla y cambiar la respuesta cuando quieras en /settings.
care-pregnancy-yes = Sí
care-pregnancy-no = No
care-pregnancy-skip = Saltar
care-pregnancy-saved-yes = Gracias. Tu límite de cafeína ahora es de { $limit } mg al día. Para dudas sobre cafeína, comida o medicamentos durante el embarazo o la lactancia, tu matrona, tu médico o tu farmacéutico son quienes mejor pueden orientarte.
care-pregnancy-saved-no = Gracias, anotado. Tu límite de cafeína sigue en { $limit } mg al día.
care-pregnancy-skipped = Sin problema. Puedes responder cuando quieras en /settings.
setting-pregnancy = Embarazo o lactancia
care-value-yes = sí
care-value-no = no
care-value-unset = sin responder
care-limit-pregnant = Durante el embarazo o la lactancia lo mantengo en 200 mg o menos.
