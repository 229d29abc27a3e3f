# Studio de kyr, pages d’enregistrement : français.

studio-record-page-title = Enregistrer « { $document } »
studio-record-language = Enregistrement en
studio-record-under-heading = Sous le titre
studio-record-is-title = C’est le titre du document.
studio-record-read-aloud = Lisez ceci à voix haute
studio-record-not-written = Pas encore écrit en { $language }. Le voici en { $source } : dites-le en { $language }.
studio-record-state = Enregistrement :
studio-record-state-missing = pas encore enregistré
studio-record-state-recorded = enregistré
studio-record-state-changed = à enregistrer de nouveau : le texte a changé
studio-record-state-unconfirmed = enregistré, pas encore vérifié avec le texte : écoutez-le, et enregistrez-le de nouveau s’il le faut
studio-record-current = L’enregistrement gardé ({ $duration })
studio-record-your-take = Votre nouvel enregistrement (pas encore gardé)
studio-record-saved-previous = Le message { $at } est gardé. Voici le suivant.
studio-record-new = L’enregistrer
studio-record-with-phone = Enregistrer avec le dictaphone du téléphone, ou choisir un enregistrement
studio-record-on-page = Ou enregistrer sur cette page
studio-record-start = ● Enregistrer
studio-record-stop = ■ Arrêter
studio-record-save = Garder
studio-record-help = Lisez le texte à voix haute, écoutez votre enregistrement, puis appuyez sur Garder.

studio-record-js-recording = Enregistrement en cours… lisez le texte à voix haute, puis appuyez sur Arrêter.
studio-record-js-listen = Écoutez votre enregistrement. Gardez-le s’il est bon, ou enregistrez-le de nouveau.
studio-record-js-chosen = Écoutez l’enregistrement choisi. Gardez-le s’il est bon.
studio-record-js-saving = Enregistrement du fichier…
studio-record-js-mic-refused = Le micro a été refusé. Autorisez cette page à l’utiliser, puis appuyez de nouveau sur Enregistrer, ou enregistrez avec le dictaphone du téléphone.
studio-record-js-mic-missing = Aucun micro trouvé. Allumez-en un, puis appuyez de nouveau sur Enregistrer, ou enregistrez avec le dictaphone du téléphone.
studio-record-js-mic-failed = Le micro n’a pas pu démarrer. Fermez les autres applications qui l’utilisent, puis appuyez de nouveau sur Enregistrer, ou enregistrez avec le dictaphone du téléphone.
studio-record-js-offline = Pas gardé : kyr serve ne répond pas. Tourne-t-il toujours sur l’ordinateur ?

studio-record-saved = Gardé ({ $duration }).
studio-record-refused-kind = Pas gardé : ce fichier n’est pas un enregistrement que kyr peut garder. Choisissez un enregistrement du dictaphone du téléphone (M4A), ou enregistrez sur cette page.
studio-record-refused-format = Pas gardé : cet enregistrement est au format { $format }, et kyr garde les enregistrements M4A (AAC), Ogg Opus et WebM Opus. Enregistrez-le avec le dictaphone du téléphone ou sur cette page.
studio-record-refused-empty = Pas gardé : le fichier est vide. Enregistrez le message de nouveau.
studio-record-refused-damaged = Pas gardé : l’enregistrement est abîmé ou coupé, il ne pourrait pas être écouté. Enregistrez le message de nouveau.
studio-record-refused-codec = Pas gardé : l’enregistrement contient un type de son que kyr ne garde pas ({ $codec }). Enregistrez-le avec le dictaphone habituel du téléphone (M4A), ou sur cette page.
studio-record-refused-silent = Pas gardé : l’enregistrement est silencieux. Le micro est sans doute coupé, ou ce n’est pas celui qui est utilisé : vérifiez-le et enregistrez de nouveau.
studio-record-refused-large = Pas gardé : l’enregistrement dépasse { $limit }, la limite de ce projet (`max_audio_bytes` dans kyr.toml). Enregistrez le message seul, ou en parties plus courtes.
studio-record-refused-cut = Pas gardé : l’enregistrement n’est pas arrivé en entier. Réessayez.
studio-record-no-such-message = Ce document ne lit pas ce message. Revenez à la liste des langues et des documents.
studio-record-failed = Pas gardé : l’ordinateur n’a pas pu écrire l’enregistrement ({ $why }). Prévenez l’organisateur.
