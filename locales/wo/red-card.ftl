# Wolof translation of locales/en/red-card.ftl. Not yet reviewed by a native speaker.

card-title = Xam say àq: kàrt bu xonq
card-steps-heading = Li nga war a def
