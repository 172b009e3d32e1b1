# Un solo conjunto de reglas (coachbot/domain/doctor_rules.py): la página «Cuándo ir al médico»
# y la sección del README se construyen con estas líneas y los motivos de los avisos
# (nudge-reason-* en checkin.ftl), en el orden de las reglas.

doctor-page-title = <b>Cuándo ir al médico</b>
doctor-page-intro = La mayoría de las contracciones musculares son inofensivas y se van solas. Estos son los momentos en que conviene que te vea un médico.
doctor-page-book = 🩺 <b>Pide una cita normal</b> en estos casos:
doctor-page-soon = ⚠️ <b>Ve al médico pronto, en los próximos días</b>, si notas:
doctor-page-emergency = 🚨 <b>Llama ya al número de emergencias</b> si algo aparece de repente:
doctor-page-outro = Las contracciones por sí solas, sin estas señales, muy rara vez son algo grave. Ir al médico es un paso sensato, no una señal de que algo vaya mal. Si aparece una señal nueva cualquier día, cuéntamela con /signs.

rule-emergency-one_side = • debilidad o entumecimiento en un lado del cuerpo
rule-emergency-face = • un lado de la cara caído
rule-emergency-speech = • dificultad para hablar, o habla arrastrada
rule-emergency-breathing = • dificultad para respirar
rule-emergency-swallowing = • atragantarse, o no poder tragar
rule-emergency-chest = • dolor en el pecho
rule-emergency-fainting = • desmayo o pérdida del conocimiento
