# Pulaar (Adlam script) translation of locales/en/kyr.ftl. Not yet reviewed by a native speaker.

project-title = 𞤀𞤲𞥆𞤣𞤵 𞤸𞤢𞤳𞥆𞤫𞥅𞤶𞤭 𞤥𞤢𞥄
kyr-languages = 𞤍𞤫𞤥𞤯𞤫
