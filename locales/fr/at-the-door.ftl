# French translation of locales/en/at-the-door.ftl. Not yet reviewed by a native-speaking legal professional.

door-title = Si des agents de l'immigration viennent chez vous
door-intro =
    Des agents de l'immigration (ICE) peuvent venir chez vous. Vous avez des droits, **quel que soit votre statut d'immigration**.

    Restez calme. Gardez la porte fermée. C'est vous qui décidez si vous l'ouvrez.
door-steps-heading = Que faire à la porte
door-step-closed = **N'ouvrez pas la porte.** Vous pouvez parler aux agents à travers la porte fermée.
door-step-ask = Demandez-leur qui ils sont et pourquoi ils sont là.
door-step-warrant = Demandez-leur de **glisser le mandat sous la porte** ou de le montrer par une fenêtre.
door-step-card = Si vous avez une carte rouge, glissez-la sous la porte.
door-warrant-heading = Vérifiez le mandat
door-warrant-body =
    Les agents peuvent entrer chez vous sans votre permission seulement s'ils ont un **mandat signé par un juge**. Regardez s'il y a le nom d'un tribunal en haut, la signature d'un juge ou d'un magistrat, et votre nom et votre adresse corrects.

    Un mandat de l'ICE signé par un agent de l'immigration, sur le formulaire **I-200** ou **I-205**, n'est **pas** un mandat signé par un juge. Il ne permet **pas** aux agents d'entrer chez vous, sauf si vous êtes d'accord.

    Si le mandat n'est pas signé par un juge, gardez la porte fermée et dites : « Je ne vous donne pas la permission d'entrer chez moi. »

    Si le mandat est signé par un juge, les agents peuvent entrer. Ne résistez pas. Gardez le silence et demandez à parler à un avocat.
door-rights-heading = Vos droits
door-right-silent = **Vous avez le droit de garder le silence.** Vous n'avez pas à répondre aux questions sur votre lieu de naissance, votre statut d'immigration ou la façon dont vous êtes venu aux États-Unis. Dites à voix haute : « Je veux garder le silence. »
door-right-no-lie = **Ne mentez pas** et ne montrez pas de faux documents.
door-right-no-sign = **Ne signez rien** avant d'avoir parlé à un avocat. Certains papiers peuvent vous faire perdre la possibilité de voir un juge.
door-right-lawyer = **Vous avez le droit de parler à un avocat.** Si vous êtes arrêté, dites : « Je veux parler à un avocat. »
door-enter-heading = Si les agents entrent quand même
door-enter-body =
    Dites clairement : « Je ne consens pas à ce que vous entriez chez moi. Je ne consens pas à une fouille. »

    Ne vous battez pas, ne poussez pas les agents et ne vous enfuyez pas, même si vous pensez qu'ils ne respectent pas les règles. Gardez le silence.

    Vous pourrez porter plainte plus tard. Un avocat peut vous aider.
door-after-heading = Notez ce qui s'est passé
door-after-body =
    Dès que possible, notez :

    - les noms et les numéros de badge des agents
    - de quelle agence ils venaient, par exemple ICE ou la police
    - la date et l'heure, et ce que les agents ont dit et fait
    - les noms et les numéros de téléphone des témoins

    Si vous pouvez le faire sans danger, prenez des photos de tout ce qui a été abîmé.
door-call = Appelez { $organization } au { $hotline } pour une aide juridique gratuite.
