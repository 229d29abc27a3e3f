# Brazilian Portuguese translation of locales/en/kyr.ftl. Not yet reviewed by a native-speaking legal professional.

project-title = Conheça seus direitos
kyr-not-legal-advice = Informações gerais, não é orientação jurídica.
kyr-last-reviewed = Última revisão: { $date }
kyr-unreviewed = Esta tradução ainda não foi revisada.
kyr-partial = Algumas partes desta página ainda não foram traduzidas e aparecem em outro idioma.
kyr-mostly-fallback = A maior parte desta página ainda não está traduzida. Os trechos marcados com o nome de um idioma são mostrados nesse idioma.
kyr-translated = { $percent } % traduzido
kyr-languages = Idiomas
kyr-sources = Fontes
kyr-documents = Documentos
kyr-help = Ajuda jurídica gratuita: { $organization }, { $hotline }
