# Mensajes de content/example.md. Quienes traducen traducen estos; el
# archivo de cada idioma tiene los mismos identificadores.

example-title = Si le paran agentes de inmigración
example-intro = Usted tiene derechos, sea cual sea su situación migratoria.
example-silent = Tiene derecho a guardar silencio. Diga que quiere guardar silencio.
example-sign = No firme nada que no entienda. Pida hablar con un abogado.
# La línea de ayuda y la organización vienen de [vars] en kyr.toml.
example-call = Para recibir ayuda legal gratuita, llame a { $organization } al { $hotline }.
