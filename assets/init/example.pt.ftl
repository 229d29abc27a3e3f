# Mensagens de content/example.md. Quem traduz traduz estas; o arquivo de
# cada idioma tem os mesmos identificadores.

example-title = Se você for abordado por agentes de imigração
example-intro = Você tem direitos, seja qual for a sua situação migratória.
example-silent = Você tem o direito de permanecer em silêncio. Diga que quer permanecer em silêncio.
example-sign = Não assine nada que você não entenda. Peça para falar com um advogado.
# A linha de ajuda e a organização vêm de [vars] em kyr.toml.
example-call = Para ajuda jurídica gratuita, ligue para { $organization } no { $hotline }.
