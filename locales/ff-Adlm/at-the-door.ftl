# Pulaar (Adlam script) translation of locales/en/at-the-door.ftl. Not yet reviewed by a native speaker.

door-rights-heading = 𞤖𞤢𞤳𞥆𞤫𞥅𞤶𞤭 𞤥𞤢𞥄
