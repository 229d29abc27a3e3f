# Wolof translation of locales/en/at-the-door.ftl. Not yet reviewed by a native speaker.

door-steps-heading = Li nga war a def ci bunt bi
door-rights-heading = Say àq
