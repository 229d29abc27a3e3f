# Estudio de kyr, páginas de grabación: español.

studio-record-page-title = Grabar «{ $document }»
studio-record-language = Grabación en
studio-record-under-heading = Bajo el título
studio-record-is-title = Es el título del documento.
studio-record-read-aloud = Lea esto en voz alta
studio-record-not-written = Todavía no está escrito en { $language }. Aquí está en { $source }: dígalo en { $language }.
studio-record-state = Grabación:
studio-record-state-missing = todavía sin grabar
studio-record-state-recorded = grabado
studio-record-state-changed = hay que grabarlo otra vez: el texto cambió
studio-record-state-unconfirmed = grabado, todavía sin comprobar con el texto: escúchelo y grábelo otra vez si hace falta
studio-record-current = La grabación guardada ({ $duration })
studio-record-your-take = Su nueva grabación (todavía sin guardar)
studio-record-saved-previous = El mensaje { $at } quedó guardado. Aquí está el siguiente.
studio-record-new = Grabarlo
studio-record-with-phone = Grabar con la grabadora del teléfono, o elegir una grabación
studio-record-on-page = O grabar en esta página
studio-record-start = ● Grabar
studio-record-stop = ■ Parar
studio-record-save = Guardar
studio-record-help = Lea el texto en voz alta, escuche su grabación y luego pulse Guardar.

studio-record-js-recording = Grabando… lea el texto en voz alta y luego pulse Parar.
studio-record-js-listen = Escuche su grabación. Guárdela si está bien, o grábela otra vez.
studio-record-js-chosen = Escuche la grabación que eligió. Guárdela si está bien.
studio-record-js-saving = Guardando…
studio-record-js-mic-refused = Se rechazó el micrófono. Permita que esta página lo use y pulse Grabar otra vez, o grabe con la grabadora del teléfono.
studio-record-js-mic-missing = No se encontró ningún micrófono. Encienda uno y pulse Grabar otra vez, o grabe con la grabadora del teléfono.
studio-record-js-mic-failed = No se pudo encender el micrófono. Cierre las otras aplicaciones que lo usan y pulse Grabar otra vez, o grabe con la grabadora del teléfono.
studio-record-js-offline = No se guardó: kyr serve no contesta. ¿Sigue funcionando en la computadora?

studio-record-saved = Guardado ({ $duration }).
studio-record-refused-kind = No se guardó: este archivo no es una grabación que kyr pueda guardar. Elija una grabación de la grabadora del teléfono (M4A), o grabe en esta página.
studio-record-refused-format = No se guardó: esta grabación está en formato { $format }, y kyr guarda grabaciones M4A (AAC), Ogg Opus y WebM Opus. Grábela con la grabadora del teléfono o en esta página.
studio-record-refused-empty = No se guardó: el archivo está vacío. Grabe el mensaje otra vez.
studio-record-refused-damaged = No se guardó: la grabación está dañada o cortada, y no se podría escuchar. Grabe el mensaje otra vez.
studio-record-refused-codec = No se guardó: la grabación tiene un tipo de sonido que kyr no guarda ({ $codec }). Grábela con la grabadora habitual del teléfono (M4A), o en esta página.
studio-record-refused-silent = No se guardó: la grabación está en silencio. El micrófono probablemente está apagado, o no es el que se usa: revíselo y grabe otra vez.
studio-record-refused-large = No se guardó: la grabación pasa de { $limit }, el límite de este proyecto (`max_audio_bytes` en kyr.toml). Grabe el mensaje solo, o en partes más cortas.
studio-record-refused-cut = No se guardó: la grabación no llegó completa. Inténtelo otra vez.
studio-record-no-such-message = Este documento no lee ese mensaje. Vuelva a la lista de idiomas y documentos.
studio-record-failed = No se guardó: la computadora no pudo escribir la grabación ({ $why }). Avise a la persona que organiza.
