# Spanish translation of locales/en/red-card.ftl. Not yet reviewed by a native-speaking legal professional.

card-title = Conozca sus derechos: tarjeta roja
card-intro =
    Todas las personas en los Estados Unidos tienen derechos bajo la Constitución de los EE. UU., **sin importar su estatus migratorio**.

    Use esta tarjeta para protegerse si agentes de inmigración llegan a su casa.
card-steps-heading = Qué hacer
card-keep = **Lleve esta tarjeta con usted** en todo momento.
card-door = Si agentes de inmigración llegan a su puerta, **no abra la puerta**.
card-show = **Pase esta tarjeta por debajo de la puerta** o muéstrela por una ventana. El texto en inglés de esta tarjeta les dice a los agentes que usted está usando sus derechos.
card-silent = **Permanezca en silencio.** No tiene que contestar preguntas. No mienta.
card-sign = **No firme nada** antes de hablar con un abogado.
card-call = Llame a { $organization } al { $hotline } para recibir ayuda legal gratuita.
card-officer-heading = Declaración para el agente (en inglés)
card-officer-intro = Muestre esta parte a los agentes. Usted no tiene que decir nada.
