# As mensagens da interface do kyr em português do Brasil (traduzidas do inglês
# do kyr). Ainda não revisadas por um profissional do direito falante nativo.

project-title = Conheça seus direitos
kyr-not-legal-advice = Informações gerais, não é orientação jurídica.
kyr-last-reviewed = Última revisão: { $date }
kyr-unreviewed = Esta tradução ainda não foi revisada.
kyr-partial = Algumas partes desta página ainda não foram traduzidas e aparecem em outro idioma.
kyr-mostly-fallback = A maior parte desta página ainda não está traduzida. Os trechos marcados com o nome de um idioma são mostrados nesse idioma.
kyr-not-translated = Este texto ainda não foi traduzido.
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
# Impresso na margem de uma folha de cartões de bolso, só neste idioma (o do projeto): é para quem imprime.
kyr-card-sheet-help = Imprimir as duas páginas numa única folha, frente e verso, virando pela borda longa, a 100 % (tamanho real). Depois cortar pelas marcas.
