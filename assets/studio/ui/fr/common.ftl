# Studio de kyr : les mots de toutes les pages du studio (kyr serve).
# Traduction non relue.

studio-language-name = Français
studio-choose-language = Langue de ces pages
studio-home = Toutes les langues et tous les documents
studio-site = Les pages construites
studio-previous = Précédent
studio-next = Suivant
studio-position = { $at } / { $count }
studio-no-messages = Ce document n’utilise aucun message.
studio-no-text = Aucune langue de la chaîne de cette langue n’a de texte pour ce message.
studio-not-found = Cette page n’existe pas. Revenez à la liste des langues et des documents.
