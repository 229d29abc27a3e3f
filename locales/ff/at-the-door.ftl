# Pulaar translation of locales/en/at-the-door.ftl. Not yet reviewed by a native speaker.

door-rights-heading = Hakkeeji maa
