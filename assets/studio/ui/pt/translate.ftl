# kyr's studio, translate pages: Brazilian Portuguese (not reviewed yet).

studio-translate-title = { $document } para { $language }
studio-translate-into = Traduzir para { $language }
studio-translate-heading = Na parte:
studio-translate-source = Em { $language }:
studio-translate-comment = Nota para quem traduz:
studio-translate-today-own = As páginas mostram o seu texto em { $language }.
studio-translate-today-fallback = Ainda não escrito em { $language }: as páginas o mostram em { $shown }.
studio-translate-today-broken = O seu texto em { $language } tem um erro: as páginas o mostram em { $shown } até ele ser corrigido.
studio-translate-stale = O texto original mudou desde que isto foi traduzido
studio-translate-stale-was = Era:
studio-translate-stale-now = Agora é:
studio-translate-field = Seu texto em { $language }
studio-translate-chips = Inserir:
studio-translate-marks = Digite texto simples. **Duas estrelas** em volta de palavras deixam-nas em negrito; [palavras](https://…) fazem um link. Toque em um botão acima para inserir um número ou um nome: não o digite.
studio-translate-preview = Como será impresso
studio-translate-save = Salvar e ir para a próxima
studio-translate-checking = Verificando…
studio-translate-no-problem = Nenhum problema encontrado.
studio-translate-saving = Salvando…
studio-translate-saved = Salvo em { $file }.
studio-translate-empty = Digite a tradução primeiro.
studio-translate-offline = O kyr não respondeu: o kyr serve ainda está rodando no computador?
studio-translate-detail = Palavras do kyr (em inglês)
studio-translate-not-editable = Esta mensagem escolhe as palavras conforme um número ou uma função: não pode ser editada aqui. Peça à pessoa que organiza para editá-la no arquivo.
studio-translate-reference = Este é o idioma de referência: o texto dele é escrito por quem organiza, e os outros idiomas são traduzidos a partir dele.
studio-translate-at = Linha { $line }, caractere { $column }.
studio-translate-refused-errors = Não salvo: corrija primeiro os erros mostrados em vermelho.
studio-translate-refused-usage = Não salvo: o kyr não pode usar este texto aqui.
studio-translate-refused-failed = Não salvo: o kyr não conseguiu gravar o arquivo.
studio-translate-refused-not-json = A página enviou algo que o kyr não entende. Recarregue a página.
studio-translate-refused-too-long = Este texto é longo demais para uma mensagem.

## What each problem kyr finds means, by its code.

studio-translate-problem-ftl-syntax = O kyr não consegue ler isto: algo digitado parece o começo de um nome ou número entre chaves {"{ }"}, mas não é. Use os botões para inserir números e nomes, e confira as chaves.
studio-translate-problem-markdown-emphasis = Duas estrelas ** abrem um negrito que não é fechado: coloque ** também depois da última palavra em negrito, ou apague-as.
studio-translate-problem-markdown = As marcas de negrito, links ou listas não estão sendo usadas aqui como deveriam.
studio-translate-problem-ftl-duplicate = Este texto está escrito duas vezes no arquivo.
studio-translate-problem-ftl-private-use = Há aqui um caractere que a maioria dos celulares e impressoras não consegue mostrar. Digite-o de novo com um teclado comum.
studio-translate-problem-variable-dropped = Falta um número ou nome que o texto original tem: insira-o com o botão dele.
studio-translate-problem-variable-added = Há aqui um número ou nome que o texto original não tem.
studio-translate-problem-variable-unknown = Este nome entre chaves não é um que o kyr conheça: insira números e nomes com os botões, não os digite.
studio-translate-problem-ftl-reference = Este texto se refere a outro texto que não existe.
studio-translate-problem-ftl-cycle = Este texto se refere a si mesmo.
studio-translate-problem-control-char = Há aqui um caractere invisível. Digite o texto de novo, ou apague-o.
studio-translate-problem-bidi-control = Há aqui uma marca de direção invisível. Apague-a: o kyr define a direção do texto sozinho.
studio-translate-problem-glyph-missing = Um caractere daqui não pode ser impresso com as fontes do kyr.
studio-translate-problem-fallback-in-complete = Enquanto este texto tiver um erro, as páginas o mostram em outro idioma.
studio-translate-problem-message-unusable = Nenhum idioma tem um texto utilizável para esta mensagem.
studio-translate-problem-limit = Este texto é longo demais.
studio-translate-problem-audio-stale = A gravação desta mensagem lê o texto antigo: grave-a de novo depois de salvar.
studio-translate-problem-other-error = O kyr encontrou um erro aqui.
studio-translate-problem-other-warning = O kyr encontrou aqui algo a verificar.
