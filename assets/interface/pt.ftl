# Brazilian Portuguese translation of locales/en/kyr.ftl. Not yet reviewed by a native-speaking legal professional.

project-title = Conheça seus direitos
kyr-not-legal-advice = Informações gerais, não é orientação jurídica.
kyr-last-reviewed = Última revisão: { $date }
kyr-unreviewed = Esta tradução ainda não foi revisada.
kyr-partial = Algumas partes desta página ainda não foram traduzidas e aparecem em outro idioma.
kyr-mostly-fallback = A maior parte desta página ainda não está traduzida. Os trechos marcados com o nome de um idioma são mostrados nesse idioma.
kyr-translated = { $share } traduzido
kyr-print = Imprimir
kyr-print-handout = Folheto: imprimir a 100 %, de um ou dos dois lados.
kyr-print-card = Cartão de bolso para uma gráfica: frente e verso, em tamanho real.
kyr-print-card-sheet = Cartões de bolso para imprimir em casa: frente e verso, virando pela borda longa, a 100 % (tamanho real, não «ajustar à página»); depois cortar pelas marcas.
kyr-print-booklet = Páginas do livreto, para ler na tela ou imprimir uma a uma.
kyr-print-booklet-sheets = Livreto para dobrar: frente e verso, virando pela borda curta, a 100 %; empilhar as folhas, dobrá-las ao meio e grampear na dobra.
kyr-languages = Idiomas
kyr-sources = Fontes
kyr-listen = Ouvir
kyr-documents = Documentos
kyr-help = Ajuda jurídica gratuita: { $organization }, { $hotline }
