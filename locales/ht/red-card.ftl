# Haitian Creole translation of locales/en/red-card.ftl. Not yet reviewed by a native speaker.

card-title = Konnen dwa ou: kat wouj
card-intro =
    Tout moun ki nan Etazini gen dwa dapre Konstitisyon Etazini, **kèlkeswa estati imigrasyon yo**.

    Sèvi ak kat sa a pou pwoteje tèt ou si ajan imigrasyon vin lakay ou.
card-steps-heading = Sa pou w fè
card-keep = **Kenbe kat sa a sou ou** tout tan.
card-door = Si ajan imigrasyon vin nan pòt ou, **pa louvri pòt la**.
card-show = **Glise kat sa a anba pòt la** oswa montre l nan yon fenèt. Deklarasyon an angle ki sou kat sa a fè ajan yo konnen w ap sèvi ak dwa ou.
card-silent = **Rete an silans.** Ou pa oblije reponn kesyon. Pa bay manti.
card-sign = **Pa siyen anyen** anvan ou pale ak yon avoka.
card-call = Rele { $organization } nan { $hotline } pou jwenn èd legal gratis.
card-officer-heading = Deklarasyon pou ofisye a (an angle)
card-officer-intro = Montre ajan yo pati sa a. Ou pa oblije di anyen.
