# kyr's interface messages in Haitian Creole: PARTIAL. The messages this file lacks are
# shown in English until they are translated (kyr check names them). Not yet
# reviewed by a native speaker.

project-title = Konnen Dwa Ou
kyr-not-legal-advice = Enfòmasyon jeneral, se pa konsèy legal.
kyr-last-reviewed = Dènye revizyon: { $date }
kyr-unreviewed = Tradiksyon sa a poko revize.
kyr-partial = Gen kèk pati nan paj sa a ki poko tradui, yo parèt nan yon lòt lang.
kyr-languages = Lang
kyr-sources = Sous
kyr-listen = Koute
kyr-documents = Dokiman
kyr-help = Èd legal gratis: { $organization }, { $hotline }
