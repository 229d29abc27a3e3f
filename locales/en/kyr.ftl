# English interface messages used by kyr on every page.

project-title = Know Your Rights
kyr-not-legal-advice = General information, not legal advice.
kyr-last-reviewed = Last reviewed: { $date }
kyr-unreviewed = This translation has not been reviewed yet.
kyr-partial = Some parts of this page are not translated yet and are shown in another language.
kyr-languages = Languages
kyr-sources = Sources
kyr-documents = Documents
kyr-help = Free legal help: { $organization }, { $hotline }
