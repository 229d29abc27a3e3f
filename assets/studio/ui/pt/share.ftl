# kyr's studio, share pages: Brazilian Portuguese (not reviewed yet).

studio-share-refused-title = Escaneie o código QR de novo
studio-share-refused = Esta página só abre com o link do código QR. Escaneie o código QR de novo ou peça o link à pessoa que organiza.
