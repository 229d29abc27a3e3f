# kyr's interface messages in Wolof: PARTIAL. The messages this file lacks are
# shown in English until they are translated (kyr check names them). Not yet
# reviewed by a native speaker.

project-title = Xam say àq
kyr-languages = Làkk yi
kyr-documents = Këyit yi
