# Studio de kyr, pages « share » : français (traduction non relue).

studio-share-refused-title = Scannez à nouveau le code QR
studio-share-refused = Cette page s’ouvre seulement avec le lien du code QR. Scannez à nouveau le code QR, ou demandez le lien à la personne qui organise.
