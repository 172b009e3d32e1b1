# Recordatorios: textos de respaldo, controles en cada recordatorio, agua y cafeína.

reminders-checkin-fallback = 🌙 Es hora de tu registro diario: solo unos toques. /checkin
reminders-tip-fallback = 🌱 Tienes un pequeño consejo esperándote cuando quieras: /tip
reminders-summary-fallback = 📊 Tu resumen semanal está listo: /summary
reminders-generic-fallback = 👋 Un recordatorio amable de tu coach. /today muestra tu día.
reminders-hydration = 💧 Un pequeño aviso: es buen momento para un vaso de agua.
reminders-caffeine-last-call =
    ☕ Última llamada para la cafeína: tu hora límite es { $cutoff }, así es menos probable que afecte a tu sueño.
    Hoy llevas { $total } de { $limit } mg.

reminders-snooze = ⏰ Más tarde
reminders-less = 🔕 Menos a menudo
reminders-snoozed = De acuerdo, te lo recuerdo de nuevo a las { $time }.
reminders-every-hours = Cada { $hours } horas
reminders-every-days = { $days ->
    [one] Cada día
    [7] Una vez por semana
    [14] Cada dos semanas
   *[other] Cada { $days } días
}
reminders-turn-off = Desactivarlos
reminders-less-hydration = ¿Cada cuánto quieres que te recuerde beber agua?
reminders-less-checkin = ¿Cada cuánto quieres el recordatorio del registro?
reminders-less-caffeine = ¿Cada cuánto quieres la última llamada de cafeína?
reminders-less-tip = ¿Cada cuánto quieres recibir un consejo?
reminders-less-summary = ¿Cada cuánto quieres tu resumen?
reminders-now-every-hours = Hecho: ahora te recordaré beber agua cada { $hours } horas. Puedes cambiarlo en /settings cuando quieras.
reminders-now-every-days = { $days ->
    [one] Hecho: este recordatorio llegará cada día.
    [7] Hecho: este recordatorio llegará una vez por semana.
   *[other] Hecho: este recordatorio llegará cada { $days } días.
}
reminders-off-hydration = Los recordatorios de agua están desactivados. /water sigue funcionando siempre, y /settings los vuelve a activar.
reminders-off-caffeine = La última llamada de cafeína está desactivada. /settings la vuelve a activar.
reminders-off-tip = Los consejos diarios están desactivados. /settings los vuelve a activar.
reminders-off-summary = El resumen semanal está desactivado. /settings lo vuelve a activar.
