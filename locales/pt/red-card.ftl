# Brazilian Portuguese translation of locales/en/red-card.ftl. Not yet reviewed by a native-speaking legal professional.

card-title = Conheça seus direitos: cartão vermelho
card-intro =
    Todas as pessoas nos Estados Unidos têm direitos pela Constituição dos EUA, **qualquer que seja sua situação imigratória**.

    Use este cartão para se proteger se agentes de imigração forem até a sua casa.
card-steps-heading = O que fazer
card-keep = **Leve este cartão com você** o tempo todo.
card-door = Se agentes de imigração vierem até a sua porta, **não abra a porta**.
card-show = **Passe este cartão por baixo da porta** ou mostre-o por uma janela. O texto em inglês neste cartão diz aos agentes que você está usando seus direitos.
card-silent = **Fique em silêncio.** Você não precisa responder a perguntas. Não minta.
card-sign = **Não assine nada** antes de falar com um advogado.
card-call = Ligue para { $organization } no número { $hotline } para receber ajuda jurídica gratuita.
card-officer-heading = Declaração para o agente (em inglês)
card-officer-intro = Mostre esta parte aos agentes. Você não precisa dizer nada.
