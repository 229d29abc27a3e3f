# kyr's interface messages in Pulaar (Latin script): PARTIAL. The messages this file lacks are
# shown in English until they are translated (kyr check names them). Not yet
# reviewed by a native speaker.

project-title = Anndu hakkeeji maa
kyr-languages = Ɗemɗe
