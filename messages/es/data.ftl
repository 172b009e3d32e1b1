# Derechos sobre los datos: /export, /import, /delete.

cmd-export = Descarga todo lo que guardo sobre ti
cmd-import = Restaura un archivo de /export
cmd-delete = Borra todo lo tuyo

data-nothing-held = Ahora mismo no guardo nada sobre ti. Envía /start cuando quieras empezar.
data-export-caption = Aquí tienes todo lo que guardo sobre ti: { $rows ->
        [one] { $rows } registro
       *[other] { $rows } registros
    }, un archivo CSV por tabla y una copia en JSON. Para pasarte a otra copia de este bot, envíale allí este archivo después de /import.
data-export-readme =
    Esto es todo lo que esta instancia de coachbot guardaba sobre ti.

    Cada archivo .csv es una tabla (se abre con cualquier hoja de cálculo); una celda vacía significa "sin respuesta".
    coachbot-export.json contiene los mismos datos; envía este ZIP completo a un coachbot después de /import para restaurarlo.
    Tu id de Telegram y los números internos de fila no se incluyen, así que el archivo puede restaurarse en cualquier cuenta.
data-import-ask = Envíame como archivo el ZIP que te dio /export (hasta { $mb } MB). <b>Sustituirá todo lo que tengo ahora sobre ti</b> por lo que contiene.
data-import-cancelled = De acuerdo, no importo nada. Envía /import otra vez cuando tengas el archivo a mano.
data-import-unexpected = Gracias, pero solo leo archivos de /export. Para restaurar uno, envía primero /import y después el archivo.
data-import-refused = No he podido restaurar ese archivo: { $reason } No ha cambiado nada.
data-import-done = Restaurado ✅ { $rows ->
        [one] Ha vuelto { $rows } registro
       *[other] Han vuelto { $rows } registros
    }, con tus ajustes y recordatorios. /summary muestra lo que dice tu registro.
data-reason-too-big = es más grande de lo que acepto ({ $mb } MB como máximo).
data-reason-not-export = no es un archivo creado por /export.
data-reason-corrupt = el archivo está dañado o incompleto.
data-reason-newer-version = lo creó una versión más nueva de este bot. Pide a quien lo gestiona que lo actualice.
data-reason-invalid = parte de su contenido no encaja con lo que guardo (puede que se haya editado).
data-reason-invalid-at = un valor no encaja con lo que guardo (puede que se haya editado). El primero está en: { $place }.
data-reason-download = no he podido descargarlo. Prueba a enviarlo otra vez.

data-delete-ask = <b>¿Borrar todo lo tuyo?</b> Los registros, los ajustes y los recordatorios desaparecerán para siempre y no podré recuperarlos. (Si quieres una copia, usa antes /export.)
data-delete-yes = Sí, borrar todo
data-delete-no = No, conservar mis datos
data-delete-kept = No se ha borrado nada. Tus datos siguen igual.
data-delete-done = Hecho: he borrado todo lo tuyo, recordatorios incluidos. Si algún día quieres volver a empezar, envía /start.
data-delete-expired = Esa confirmación es demasiado antigua, así que no se ha borrado nada. Envía /delete otra vez si aún quieres hacerlo.
