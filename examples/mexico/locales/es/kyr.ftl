# kyr's interface messages in Spanish, the language of this project (kyr's own translation). Not yet reviewed by a native-speaking legal professional.

project-title = Conozca sus derechos en México
kyr-not-legal-advice = Información general, no es asesoría legal.
kyr-last-reviewed = Última revisión: { $date }
kyr-unreviewed = Esta traducción todavía no ha sido revisada.
kyr-partial = Algunas partes de esta página todavía no están traducidas y se muestran en otro idioma.
kyr-mostly-fallback = La mayor parte de esta página aún no está traducida. Los pasajes marcados con el nombre de un idioma se muestran en ese idioma.
kyr-not-translated = Este texto todavía no está traducido.
kyr-translated = Traducido al { $share }
kyr-print = Imprimir
kyr-print-handout = Hoja informativa: imprimir al 100 %, por una o por ambas caras.
kyr-print-card = Tarjeta de bolsillo para una imprenta: anverso y reverso, a tamaño real.
kyr-print-card-sheet = Tarjetas de bolsillo para imprimir en casa: a doble cara, girando por el borde largo, al 100 % (tamaño real, no «ajustar a la página»); luego recortar por las marcas.
kyr-print-booklet = Páginas del folleto, para leer en pantalla o imprimir una por una.
kyr-print-booklet-sheets = Folleto para doblar: a doble cara, girando por el borde corto, al 100 %; apilar las hojas, doblarlas por la mitad y grapar en el pliegue.
kyr-languages = Idiomas
kyr-sources = Fuentes
kyr-listen = Escuchar
kyr-documents = Documentos
kyr-help = Ayuda: { $organization }, { $hotline }
# Se imprime en el margen de una hoja de tarjetas de bolsillo, solo en este idioma (el del proyecto): es para quien imprime.
kyr-card-sheet-help = Imprimir las dos páginas en una sola hoja, a doble cara, girando por el borde largo, al 100 % (tamaño real). Recortar por las marcas.
