# English interface messages used by kyr on every page.

project-title = Know Your Rights
kyr-not-legal-advice = General information, not legal advice.
kyr-last-reviewed = Last reviewed: { $date }
kyr-unreviewed = This translation has not been reviewed yet.
kyr-partial = Some parts of this page are not translated yet and are shown in another language.
kyr-mostly-fallback = Most of this page is not translated yet. Passages marked with the name of a language are shown in that language.
kyr-translated = { $percent } % translated
kyr-languages = Languages
kyr-sources = Sources
kyr-documents = Documents
kyr-help = Free legal help: { $organization }, { $hotline }
# Printed in the margin of a sheet of wallet cards, in this (the project's) language only: it is for whoever prints.
kyr-card-sheet-help = Print both pages on one sheet, double-sided, flipping on the long edge, at 100 % (actual size). Cut along the marks.
