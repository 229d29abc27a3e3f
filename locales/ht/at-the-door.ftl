# Haitian Creole translation of locales/en/at-the-door.ftl. Not yet reviewed by a native speaker.

door-title = Si ajan imigrasyon vin lakay ou
door-intro =
    Ajan imigrasyon (ICE) ka vin lakay ou. Ou gen dwa, **kèlkeswa estati imigrasyon ou**.

    Rete kalm. Kenbe pòt la fèmen. Se ou ki deside si w ap louvri l.
door-steps-heading = Sa pou w fè nan pòt la
door-step-closed = **Pa louvri pòt la.** Ou ka pale ak ajan yo atravè pòt la ki fèmen.
door-step-ask = Mande yo kiyès yo ye ak poukisa yo la.
door-step-warrant = Mande yo **glise manda a anba pòt la** oswa montre l nan yon fenèt.
door-step-card = Si ou gen yon kat wouj, glise l anba pòt la.
door-warrant-heading = Verifye manda a
door-warrant-body =
    Ajan yo ka antre lakay ou san pèmisyon ou sèlman si yo gen yon **manda yon jij siyen**. Gade si gen non yon tribinal anlè paj la, siyati yon jij oswa yon majistra, epi si non ou ak adrès ou kòrèk.

    Yon manda ICE yon ofisye imigrasyon siyen, sou fòm **I-200** oswa **I-205**, se **pa** yon manda yon jij siyen. Li **pa** pèmèt ajan yo antre lakay ou si ou pa dakò.

    Si se pa yon jij ki siyen manda a, kenbe pòt la fèmen epi di: "Mwen pa ba ou pèmisyon pou antre lakay mwen."

    Si se yon jij ki siyen manda a, ajan yo ka antre. Pa reziste. Rete an silans epi mande pou w pale ak yon avoka.
door-rights-heading = Dwa ou
door-right-silent = **Ou gen dwa pou w rete an silans.** Ou pa oblije reponn kesyon sou ki kote ou fèt, sou estati imigrasyon ou, oswa sou kijan ou te vin Etazini. Di byen fò: "Mwen vle rete an silans."
door-right-no-lie = **Pa bay manti** epi pa montre fo dokiman.
door-right-no-sign = **Pa siyen anyen** anvan ou pale ak yon avoka. Gen kèk papye ki ka fè w pèdi chans pou w wè yon jij.
door-right-lawyer = **Ou gen dwa pou w pale ak yon avoka.** Si yo arete w, di: "Mwen vle pale ak yon avoka."
door-enter-heading = Si ajan yo antre kanmenm
door-enter-body =
    Di klèman: "Mwen pa dakò pou nou antre lakay mwen. Mwen pa dakò pou nou fouye."

    Pa goumen ak ajan yo, pa pouse yo, epi pa kouri, menm si ou panse y ap vyole règ yo. Rete an silans.

    Ou ka pote plent pita. Yon avoka ka ede w.
door-after-heading = Ekri sa ki te pase
door-after-body =
    Pi vit ou kapab, ekri:

    - non ajan yo ak nimewo badj yo
    - ki ajans yo soti, pa egzanp ICE oswa lapolis
    - dat la ak lè a, sa ajan yo te di ak sa yo te fè
    - non ak nimewo telefòn temwen yo, si te gen temwen

    Si sa pa danjere, pran foto tout sa ki te domaje.
door-call = Rele { $organization } nan { $hotline } pou jwenn èd legal gratis.
