# Pulaar translation of locales/en/kyr.ftl. Not yet reviewed by a native speaker.

project-title = Anndu hakkeeji maa
kyr-languages = Ɗemɗe
