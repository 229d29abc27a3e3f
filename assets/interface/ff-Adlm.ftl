# kyr's interface messages in Pulaar (Adlam script): PARTIAL. The messages this file lacks are
# shown in English until they are translated (kyr check names them). Not yet
# reviewed by a native speaker.

project-title = 𞤀𞤲𞥆𞤣𞤵 𞤸𞤢𞤳𞥆𞤫𞥅𞤶𞤭 𞤥𞤢𞥄
kyr-languages = 𞤍𞤫𞤥𞤯𞤫
