# kyr's studio, the problems box of a served page: Brazilian Portuguese
# (not reviewed yet). kyr's own English words follow each problem.

studio-problems-heading = O kyr encontrou problemas nesta página
studio-problems-errors =
    { $count ->
        [one] { $count } erro
       *[other] { $count } erros
    }
studio-problems-warnings =
    { $count ->
        [one] { $count } aviso
       *[other] { $count } avisos
    }
studio-problems-note = Este quadro só aparece aqui, enquanto o kyr serve está rodando: as páginas que o kyr escreve não o têm. Ele some depois que o arquivo é corrigido e salvo.
studio-problems-error = Erro
studio-problems-warning = Aviso
studio-problems-message = Mensagem
studio-problems-detail = O kyr diz:
studio-problems-more =
    { $count ->
        [one] …e mais um problema. O terminal onde o kyr serve está rodando lista todos.
       *[other] …e mais { $count } problemas. O terminal onde o kyr serve está rodando lista todos.
    }

## What each kind of problem means and what to do, by its code.

studio-problem-ftl-syntax = O kyr não consegue ler esta linha, então a página mostra esta mensagem em outro idioma. Escreva-a como “id = texto”, comece cada linha seguinte do texto com espaços e feche toda chave aberta.
studio-problem-message-unusable = Esta mensagem tem um erro em todos os idiomas que a têm, então a página não pode mostrá-la. Corrija-a em um deles.
studio-problem-message-missing = O documento usa uma mensagem que o idioma de referência não tem. Quem escreve o documento deve acrescentá-la lá.
studio-problem-variable-dropped = A tradução deixa de fora um valor entre chaves que o original tem, como o número de telefone. Copie-o do original para o lugar dele na frase, exatamente como está escrito lá.
studio-problem-variable-added = A tradução tem um valor entre chaves que o original não tem. Apague-o, ou confira a grafia com o original.
studio-problem-markdown-emphasis = Dois asteriscos (ou sublinhados) começam um texto em negrito ou itálico que nada fecha, então seriam impressos como estão. Coloque as mesmas marcas depois da última palavra a destacar, ou apague-as.
studio-problem-markdown = Este texto tem uma marca que a página não pode mostrar como pretendido (uma lista, um título ou um link onde não cabe). Escreva-o com as marcas que o original usa.
studio-problem-control-char = O texto tem um caractere de controle invisível, que é removido. Digite a linha de novo sem ele.
studio-problem-bidi-control = O arquivo tem um caractere invisível que muda a direção de leitura. Apague-o: o kyr dá a cada idioma a sua direção.
studio-problem-ftl-private-use = O texto tem um caractere que o kyr não aceita nas mensagens; ele é substituído. Digite-o de novo.
studio-problem-id-typo = Nenhum documento usa este id: parece um id de mensagem digitado errado, então a página mostra essa mensagem em outro idioma. Corrija o id para que fique igual ao do original.
studio-problem-ftl-duplicate = Esta mensagem está escrita duas vezes neste idioma. Mantenha uma e apague a outra.
studio-problem-encoding = Este arquivo não está salvo em UTF-8, então o kyr não consegue lê-lo. Salve-o de novo em UTF-8.
studio-problem-stale = O texto original mudou depois que esta tradução foi conferida, então ela pode dizer outra coisa agora. Compare-a com o original, corrija se for preciso e confirme-a.
studio-problem-audio-stale = O texto mudou depois desta gravação, então ela pode não dizer mais o mesmo. Ouça-a e grave de novo se for preciso.
studio-problem-fallback-in-complete = Este idioma está marcado como completo, mas esta mensagem ainda não foi traduzida, então a página a mostra em outro idioma. Traduza-a.
studio-problem-glyph-missing = Nenhuma fonte do kyr consegue desenhar alguns caracteres deste texto, então eles saem impressos como quadradinhos. Veja se há um caractere digitado errado; se estiverem certos, avise a pessoa que organiza.
studio-problem-text-outside = Este texto é longo demais para o seu lugar na página impressa e fica cortado. Encurte-o, ou deixe espaços onde uma palavra longa possa quebrar.
studio-problem-card-size = Um lado do cartão de bolso tem mais texto do que cabe. Encurte as mensagens desse lado.
studio-problem-card-text-small = Um lado do cartão de bolso sai impresso pequeno demais para ler. Encurte as mensagens desse lado.
studio-problem-example-value = A página imprime um valor de exemplo (um telefone ou um nome que não leva a ninguém). Quem organiza deve pôr o valor real no kyr.toml.
