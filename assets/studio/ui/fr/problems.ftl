# Studio de kyr, pages « problems » : français (traduction non relue).
# L’encadré en haut d’une page construite pendant que kyr serve tourne.

studio-problems-heading = kyr a trouvé des problèmes dans cette page
studio-problems-errors =
    { $count ->
        [one] { $count } erreur
       *[other] { $count } erreurs
    }
studio-problems-warnings =
    { $count ->
        [one] { $count } avertissement
       *[other] { $count } avertissements
    }
studio-problems-note = Cet encadré n’apparaît qu’ici, pendant que kyr serve tourne : les pages écrites par kyr ne l’ont pas. Il disparaît quand le fichier est corrigé et enregistré.
studio-problems-error = Erreur
studio-problems-warning = Avertissement
studio-problems-message = Message
studio-problems-detail = kyr dit (en anglais) :
studio-problems-more =
    { $count ->
        [one] …et encore un problème. Le terminal où tourne kyr serve les liste tous.
       *[other] …et { $count } autres problèmes. Le terminal où tourne kyr serve les liste tous.
    }

studio-problem-ftl-syntax = kyr ne peut pas lire cette ligne : la page montre donc ce message dans une autre langue. Écrivez-le sous la forme « id = texte », commencez chaque ligne suivante du texte par des espaces et fermez chaque accolade ouverte.
studio-problem-message-unusable = Ce message a une erreur dans toutes les langues qui l’ont : la page ne peut pas le montrer. Corrigez-le dans l’une d’elles.
studio-problem-message-missing = Le document utilise un message que la langue de référence n’a pas. La personne qui écrit le document doit l’y ajouter.
studio-problem-variable-dropped = La traduction oublie une valeur entre accolades que l’original contient, comme le numéro de téléphone. Recopiez-la depuis l’original à sa place dans la phrase, exactement comme elle y est écrite.
studio-problem-variable-added = La traduction contient une valeur entre accolades que l’original n’a pas. Retirez-la, ou vérifiez son orthographe dans l’original.
studio-problem-markdown-emphasis = Deux astérisques (ou deux tirets bas) commencent un texte en gras ou en italique, mais rien ne le ferme : ils seraient imprimés tels quels. Ajoutez les mêmes signes après le dernier mot à mettre en valeur, ou retirez-les.
studio-problem-markdown = Ce texte contient un signe que la page ne peut pas montrer comme prévu (une liste, un titre ou un lien là où il ne va pas). Écrivez-le avec les signes de l’original.
studio-problem-control-char = Le texte contient un caractère de contrôle invisible, qui est retiré. Retapez la ligne sans lui.
studio-problem-bidi-control = Le fichier contient un caractère invisible qui change le sens de lecture. Supprimez-le : kyr donne lui-même son sens à chaque langue.
studio-problem-ftl-private-use = Le texte contient un caractère que kyr n’accepte pas dans les messages ; il est remplacé. Retapez-le.
studio-problem-id-typo = Aucun document n’utilise cet identifiant : il ressemble à un identifiant de message mal tapé, et la page montre ce message dans une autre langue. Corrigez l’identifiant pour qu’il soit exactement celui de l’original.
studio-problem-ftl-duplicate = Ce message est écrit deux fois dans cette langue. Gardez-en un et supprimez l’autre.
studio-problem-encoding = Ce fichier n’est pas enregistré en UTF-8 : kyr ne peut pas le lire. Enregistrez-le de nouveau en UTF-8.
studio-problem-stale = Le texte original a changé après la vérification de cette traduction : elle ne dit peut-être plus la même chose. Comparez-la avec l’original, corrigez-la si besoin, puis confirmez-la.
studio-problem-audio-stale = Le texte a changé après cet enregistrement : il ne dit peut-être plus la même chose. Écoutez-le et enregistrez-le de nouveau si besoin.
studio-problem-fallback-in-complete = Cette langue est marquée complète, mais ce message n’est pas encore traduit : la page le montre dans une autre langue. Traduisez-le.
studio-problem-glyph-missing = Aucune police de kyr ne sait dessiner certains caractères de ce texte : ils s’impriment comme des carrés. Cherchez un caractère mal tapé ; s’ils sont justes, prévenez l’organisateur.
studio-problem-text-outside = Ce texte est trop long pour sa place sur la page imprimée et il est coupé. Raccourcissez-le, ou laissez des espaces là où un mot long peut être coupé.
studio-problem-card-size = Une face de la carte de poche a plus de texte qu’une carte ne peut en contenir. Raccourcissez les messages de cette face.
studio-problem-card-text-small = Une face de la carte de poche est imprimée trop petit pour être lue. Raccourcissez les messages de cette face.
studio-problem-example-value = La page imprime une valeur d’exemple (un numéro ou un nom qui ne joint personne). L’organisateur doit mettre la vraie dans kyr.toml.
