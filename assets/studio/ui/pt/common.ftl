# kyr's studio: the words every studio page uses, in Brazilian Portuguese.
# Translation made for kyr, not reviewed by a second speaker yet.

studio-language-name = Português
studio-choose-language = Idioma destas páginas
studio-home = Todos os idiomas e documentos
studio-site = As páginas geradas
studio-previous = Anterior
studio-next = Próxima
studio-position = { $at } / { $count }
studio-no-messages = Este documento não usa nenhuma mensagem.
studio-no-text = Nenhum idioma da cadeia deste idioma tem um texto para esta mensagem.
studio-not-found = Esta página não existe. Volte à lista de idiomas e documentos.
