# French translation of locales/en/kyr.ftl. Not yet reviewed by a native-speaking legal professional.

project-title = Connaissez vos droits
kyr-not-legal-advice = Informations générales, pas des conseils juridiques.
kyr-last-reviewed = Dernière vérification : { $date }
kyr-unreviewed = Cette traduction n'a pas encore été vérifiée.
kyr-partial = Certaines parties de cette page ne sont pas encore traduites et sont affichées dans une autre langue.
kyr-mostly-fallback = La plus grande partie de cette page n'est pas encore traduite. Les passages marqués du nom d'une langue sont affichés dans cette langue.
kyr-translated = Traduit à { $percent } %
kyr-languages = Langues
kyr-sources = Sources
kyr-documents = Documents
kyr-help = Aide juridique gratuite : { $organization }, { $hotline }
