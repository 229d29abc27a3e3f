# Estudio de kyr, páginas «problems»: español (traducción no revisada).
# El recuadro arriba de una página generada mientras kyr serve está en marcha.

studio-problems-heading = kyr encontró problemas en esta página
studio-problems-errors =
    { $count ->
        [one] { $count } error
       *[other] { $count } errores
    }
studio-problems-warnings =
    { $count ->
        [one] { $count } advertencia
       *[other] { $count } advertencias
    }
studio-problems-note = Este recuadro solo aparece aquí, mientras kyr serve está en marcha: las páginas que kyr escribe no lo tienen. Desaparece cuando el archivo se corrige y se guarda.
studio-problems-error = Error
studio-problems-warning = Advertencia
studio-problems-message = Mensaje
studio-problems-detail = kyr dice (en inglés):
studio-problems-more =
    { $count ->
        [one] …y un problema más. La terminal donde corre kyr serve los muestra todos.
       *[other] …y { $count } problemas más. La terminal donde corre kyr serve los muestra todos.
    }

studio-problem-ftl-syntax = kyr no puede leer esta línea, así que la página muestra este mensaje en otro idioma. Escríbalo como «id = texto», empiece cada línea siguiente del texto con espacios y cierre cada llave que abra.
studio-problem-message-unusable = Este mensaje tiene un error en todos los idiomas que lo tienen, así que la página no puede mostrarlo. Corríjalo en uno de ellos.
studio-problem-message-missing = El documento usa un mensaje que el idioma de referencia no tiene. Quien escribe el documento debe agregarlo allí.
studio-problem-variable-dropped = A la traducción le falta un valor entre llaves que el original tiene, como el número de teléfono. Cópielo del original en su lugar dentro de la frase, tal como está escrito allí.
studio-problem-variable-added = La traducción tiene un valor entre llaves que el original no tiene. Quítelo, o revise cómo está escrito en el original.
studio-problem-markdown-emphasis = Dos asteriscos (o dos guiones bajos) abren un texto en negrita o cursiva, pero nada lo cierra, así que se imprimirían tal cual. Agregue los mismos signos después de la última palabra que quiere resaltar, o quítelos.
studio-problem-markdown = Este texto tiene un signo que la página no puede mostrar como se pretende (una lista, un título o un enlace donde no cabe). Escríbalo con los signos que usa el original.
studio-problem-control-char = El texto tiene un carácter de control invisible, que se quita. Vuelva a escribir la línea sin él.
studio-problem-bidi-control = El archivo tiene un carácter invisible que cambia la dirección de lectura. Bórrelo: kyr da a cada idioma su dirección.
studio-problem-ftl-private-use = El texto tiene un carácter que kyr no acepta en los mensajes; se reemplaza. Vuelva a escribirlo.
studio-problem-id-typo = Ningún documento usa este identificador: parece un identificador de mensaje mal escrito, así que la página muestra ese mensaje en otro idioma. Corríjalo para que sea exactamente el del original.
studio-problem-ftl-duplicate = Este mensaje está escrito dos veces en este idioma. Deje uno y borre el otro.
studio-problem-encoding = Este archivo no está guardado en UTF-8, así que kyr no puede leerlo. Guárdelo de nuevo en UTF-8.
studio-problem-stale = El texto original cambió después de revisar esta traducción, así que quizá ya no dice lo mismo. Compárela con el original, corríjala si hace falta y confírmela.
studio-problem-audio-stale = El texto cambió después de hacer esta grabación, así que quizá ya no dice lo mismo. Escúchela y vuelva a grabarla si hace falta.
studio-problem-fallback-in-complete = Este idioma está marcado como completo, pero este mensaje todavía no está traducido, así que la página lo muestra en otro idioma. Tradúzcalo.
studio-problem-glyph-missing = Ninguna fuente de kyr puede dibujar algunos caracteres de este texto, así que se imprimen como cuadritos. Busque un carácter mal escrito; si están bien, avise al organizador.
studio-problem-text-outside = Este texto es demasiado largo para su lugar en la página impresa y queda cortado. Acórtelo, o deje espacios donde una palabra larga pueda partirse.
studio-problem-card-size = Un lado de la tarjeta de bolsillo tiene más texto del que cabe en una tarjeta. Acorte los mensajes de ese lado.
studio-problem-card-text-small = Un lado de la tarjeta de bolsillo se imprime demasiado pequeño para leerse. Acorte los mensajes de ese lado.
studio-problem-example-value = La página imprime un valor de ejemplo (un número o un nombre que no llega a nadie). El organizador debe poner el verdadero en kyr.toml.
