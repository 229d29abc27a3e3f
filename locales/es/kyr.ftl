# Spanish translation of locales/en/kyr.ftl. Not yet reviewed by a native-speaking legal professional.

project-title = Conozca sus derechos
kyr-not-legal-advice = Información general, no es asesoría legal.
kyr-last-reviewed = Última revisión: { $date }
kyr-unreviewed = Esta traducción todavía no ha sido revisada.
kyr-partial = Algunas partes de esta página todavía no están traducidas y se muestran en otro idioma.
kyr-mostly-fallback = La mayor parte de esta página aún no está traducida. Los pasajes marcados con el nombre de un idioma se muestran en ese idioma.
kyr-translated = Traducido al { $percent } %
kyr-languages = Idiomas
kyr-sources = Fuentes
kyr-documents = Documentos
kyr-help = Ayuda legal gratuita: { $organization }, { $hotline }
