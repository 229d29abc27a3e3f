# Estudio de kyr: las palabras de todas las páginas del estudio (kyr serve).
# Traducción no revisada.

studio-language-name = Español
studio-choose-language = Idioma de estas páginas
studio-home = Todos los idiomas y documentos
studio-site = Las páginas generadas
studio-previous = Anterior
studio-next = Siguiente
studio-position = { $at } / { $count }
studio-no-messages = Este documento no usa ningún mensaje.
studio-no-text = Ningún idioma de la cadena de este idioma tiene un texto para este mensaje.
studio-not-found = Esta página no existe. Vuelva a la lista de idiomas y documentos.
