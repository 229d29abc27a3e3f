# kyr's studio, recording pages: Brazilian Portuguese (not reviewed yet).

studio-record-page-title = Gravar “{ $document }”
studio-record-language = Gravação em
studio-record-under-heading = Sob o título
studio-record-is-title = Este é o título do documento.
studio-record-read-aloud = Leia isto em voz alta
studio-record-not-written = Ainda não escrito em { $language }. Aqui está em { $source }: diga em { $language }.
studio-record-state = Gravação:
studio-record-state-missing = ainda não gravada
studio-record-state-recorded = gravada
studio-record-state-changed = gravar de novo: o texto mudou
studio-record-state-unconfirmed = gravada, mas ainda não conferida com o texto: ouça e grave de novo se for preciso
studio-record-current = A gravação guardada agora ({ $duration })
studio-record-your-take = Sua nova gravação (ainda não salva)
studio-record-saved-previous = A mensagem { $at } foi salva. Aqui está a próxima.
studio-record-new = Gravar
studio-record-with-phone = Gravar com o gravador do celular, ou escolher uma gravação
studio-record-on-page = Ou gravar nesta página
studio-record-start = ● Gravar
studio-record-stop = ■ Parar
studio-record-save = Salvar
studio-record-help = Leia o texto em voz alta, ouça sua gravação e depois toque em Salvar.

## Said by the page's script while a volunteer records.

studio-record-js-recording = Gravando… leia o texto em voz alta e depois toque em Parar.
studio-record-js-listen = Ouça sua gravação. Salve se estiver certa, ou grave de novo.
studio-record-js-chosen = Ouça a gravação que você escolheu. Salve se estiver certa.
studio-record-js-saving = Salvando…
studio-record-js-mic-refused = O microfone foi recusado. Permita que esta página o use e toque em Gravar de novo, ou grave com o gravador do celular.
studio-record-js-mic-missing = Nenhum microfone foi encontrado. Ligue um e toque em Gravar de novo, ou grave com o gravador do celular.
studio-record-js-mic-failed = Não foi possível ligar o microfone. Feche outros aplicativos que o usam e toque em Gravar de novo, ou grave com o gravador do celular.
studio-record-js-offline = Não salvo: o kyr serve não responde. Ele ainda está rodando no computador?

## What the server answers to a recording.

studio-record-saved = Salva ({ $duration }).
studio-record-refused-kind = Não salvo: este arquivo não é uma gravação que o kyr possa guardar. Escolha uma gravação do gravador do celular (M4A) ou grave nesta página.
studio-record-refused-format = Não salvo: esta gravação está em { $format }, e o kyr guarda gravações M4A (AAC), Ogg Opus e WebM Opus. Grave com o gravador do celular ou nesta página.
studio-record-refused-empty = Não salvo: o arquivo está vazio. Grave a mensagem de novo.
studio-record-refused-damaged = Não salvo: a gravação está danificada ou cortada, e não tocaria. Grave a mensagem de novo.
studio-record-refused-codec = Não salvo: a gravação tem um tipo de som que o kyr não guarda ({ $codec }). Grave com o gravador de sempre do celular (M4A) ou nesta página.
studio-record-refused-silent = Não salvo: a gravação está em silêncio. O microfone deve estar mudo, ou não é o que está em uso: verifique e grave de novo.
studio-record-refused-large = Não salvo: a gravação é maior que { $limit }, o limite deste projeto (`max_audio_bytes` no kyr.toml). Grave a mensagem sozinha, ou em partes mais curtas.
studio-record-refused-cut = Não salvo: a gravação não chegou inteira. Tente de novo.
studio-record-no-such-message = Este documento não lê essa mensagem. Volte à lista de idiomas e documentos.
studio-record-failed = Não salvo: o computador não conseguiu gravar o arquivo ({ $why }). Avise a pessoa que organiza.
