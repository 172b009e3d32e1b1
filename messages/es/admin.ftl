# Respuestas para el operador: aviso de la lista de acceso y /stats (solo recuentos).

admin-not-allowed = ¡Hola! Este asistente funciona en privado para un grupo pequeño, así que aquí no puedo ayudarte. Gracias por tu comprensión.
admin-stats =
    <b>Estado de coachbot</b>
    Personas: { $people } ({ $onboarded } configuradas, { $active } activas)
    Mensajes atendidos: { $updates }
    Errores: { $errors }
    Recordatorios enviados: { $sent }, descartados: { $dropped }
    Base de datos: { $size } KiB
