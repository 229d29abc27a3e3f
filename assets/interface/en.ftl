# kyr's interface messages in English: the words kyr prints on every page
# and on the index around a project's own text.

project-title = Know Your Rights
kyr-not-legal-advice = General information, not legal advice.
kyr-last-reviewed = Last reviewed: { $date }
kyr-unreviewed = This translation has not been reviewed yet.
kyr-partial = Some parts of this page are not translated yet and are shown in another language.
kyr-mostly-fallback = Most of this page is not translated yet. Passages marked with the name of a language are shown in that language.
kyr-not-translated = This text is not translated yet.
kyr-translated = { $share } translated
kyr-print = Print
kyr-print-handout = Handout: print at 100 %, on one or both sides.
kyr-print-card = Wallet card for a print shop: front and back, at actual size.
kyr-print-card-sheet = Wallet cards to print at home: both sides, flipping on the long edge, at 100 % (actual size, not “fit to page”); then cut along the marks.
kyr-print-booklet = Booklet pages, to read on screen or print one by one.
kyr-print-booklet-sheets = Booklet to fold: both sides, flipping on the short edge, at 100 %; stack the sheets, fold them in half and staple on the fold.
kyr-languages = Languages
kyr-sources = Sources
kyr-listen = Listen
kyr-documents = Documents
kyr-help = Free legal help: { $organization }, { $hotline }
# Printed in the margin of a sheet of wallet cards, in this (the project's) language only: it is for whoever prints.
kyr-card-sheet-help = Print both pages on one sheet, double-sided, flipping on the long edge, at 100 % (actual size). Cut along the marks.
