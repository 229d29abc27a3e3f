# kyr's studio, the work index: Brazilian Portuguese (not reviewed yet).

studio-work-page-title = O trabalho a fazer
studio-work-intro = Para cada idioma e documento: quanto está traduzido e gravado, e qual é a próxima tarefa.
studio-work-no-documents = Este projeto ainda não tem documentos.
studio-work-translated = Traduzidas: { $count } de { $total }
studio-work-stale = Para revisar, o texto original mudou: { $count }
studio-work-fallback = Ainda não traduzidas, mostradas em outro idioma: { $count }
studio-work-missing = Não escritas em nenhum idioma: { $count }
studio-work-recorded = Gravadas: { $count } de { $total }
studio-work-record-again = Para gravar de novo: { $count }
studio-work-next-translate = Próximo: traduzir a mensagem { $at }
studio-work-next-record = Próximo: gravar a mensagem { $at }
studio-work-done = Tudo traduzido e gravado.
