# Les messages de l'interface de kyr en français (traduits de l'anglais de kyr).
# Pas encore relus par un juriste dont c'est la langue maternelle.

project-title = Connaissez vos droits
kyr-not-legal-advice = Informations générales, pas des conseils juridiques.
kyr-last-reviewed = Dernière vérification : { $date }
kyr-unreviewed = Cette traduction n'a pas encore été vérifiée.
kyr-partial = Certaines parties de cette page ne sont pas encore traduites et sont affichées dans une autre langue.
kyr-mostly-fallback = La plus grande partie de cette page n'est pas encore traduite. Les passages marqués du nom d'une langue sont affichés dans cette langue.
kyr-not-translated = Ce texte n'est pas encore traduit.
kyr-translated = Traduit à { $share }
kyr-print = Imprimer
kyr-print-handout = Fiche : imprimer à 100 %, en recto ou en recto verso.
kyr-print-card = Carte de poche pour un imprimeur : recto et verso, en taille réelle.
kyr-print-card-sheet = Cartes de poche à imprimer chez soi : recto verso, retournement sur le bord long, à 100 % (taille réelle, pas « ajuster à la page ») ; puis découper le long des repères.
kyr-print-booklet = Pages du livret, à lire à l'écran ou à imprimer une par une.
kyr-print-booklet-sheets = Livret à plier : recto verso, retournement sur le bord court, à 100 % ; empiler les feuilles, les plier en deux et agrafer sur le pli.
kyr-languages = Langues
kyr-sources = Sources
kyr-listen = Écouter
kyr-documents = Documents
kyr-help = Aide juridique gratuite : { $organization }, { $hotline }
# Imprimé dans la marge d'une feuille de cartes de poche, dans cette langue (celle du projet) seulement : il s'adresse à qui imprime.
kyr-card-sheet-help = Imprimer les deux pages sur une seule feuille, recto verso, retournement sur le bord long, à 100 % (taille réelle). Découper le long des repères.
