# Wolof translation of locales/en/kyr.ftl. Not yet reviewed by a native speaker.

project-title = Xam say àq
kyr-languages = Làkk yi
kyr-documents = Këyit yi
