# French translation of locales/en/red-card.ftl. Not yet reviewed by a native-speaking legal professional.

card-title = Connaissez vos droits : carte rouge
card-intro =
    Toute personne aux États-Unis a des droits selon la Constitution des États-Unis, **quel que soit son statut d'immigration**.

    Utilisez cette carte pour vous protéger si des agents de l'immigration viennent chez vous.
card-steps-heading = Que faire
card-keep = **Gardez cette carte sur vous** à tout moment.
card-door = Si des agents de l'immigration viennent à votre porte, **n'ouvrez pas la porte**.
card-show = **Glissez cette carte sous la porte** ou montrez-la par une fenêtre. Le texte en anglais sur cette carte dit aux agents que vous utilisez vos droits.
card-silent = **Gardez le silence.** Vous n'avez pas à répondre aux questions. Ne mentez pas.
card-sign = **Ne signez rien** avant d'avoir parlé à un avocat.
card-call = Appelez { $organization } au { $hotline } pour une aide juridique gratuite.
card-officer-heading = Déclaration pour l'agent (en anglais)
card-officer-intro = Montrez cette partie aux agents. Vous n'avez rien à dire.
