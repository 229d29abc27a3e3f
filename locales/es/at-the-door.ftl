# Spanish translation of locales/en/at-the-door.ftl. Not yet reviewed by a native-speaking legal professional.

door-title = Si agentes de inmigración llegan a su casa
door-intro =
    Agentes de inmigración (ICE) pueden llegar a su casa. Usted tiene derechos, **sin importar su estatus migratorio**.

    Mantenga la calma. Mantenga la puerta cerrada. Usted decide si la abre.
door-steps-heading = Qué hacer en la puerta
door-step-closed = **No abra la puerta.** Puede hablar con los agentes a través de la puerta cerrada.
door-step-ask = Pregunte quiénes son y por qué están allí.
door-step-warrant = Pídales que **pasen la orden por debajo de la puerta** o que se la muestren por una ventana.
door-step-card = Si tiene una tarjeta roja, pásela por debajo de la puerta.
door-warrant-heading = Revise la orden
door-warrant-body =
    Los agentes pueden entrar a su casa sin su permiso solo si tienen una **orden judicial firmada por un juez**. Busque el nombre de una corte en la parte de arriba, la firma de un juez o magistrado, y su nombre y dirección correctos.

    Una orden de ICE firmada por un oficial de inmigración, en el formulario **I-200** o **I-205**, **no** es una orden judicial firmada por un juez. **No** permite que los agentes entren a su casa, a menos que usted esté de acuerdo.

    Si la orden no está firmada por un juez, mantenga la puerta cerrada y diga: "No le doy permiso para entrar a mi casa."

    Si la orden está firmada por un juez, los agentes pueden entrar. No se resista. Permanezca en silencio y pida hablar con un abogado.
door-rights-heading = Sus derechos
door-right-silent = **Usted tiene el derecho de permanecer en silencio.** No tiene que contestar preguntas sobre dónde nació, su estatus migratorio o cómo llegó a los Estados Unidos. Diga en voz alta: "Quiero permanecer en silencio."
door-right-no-lie = **No mienta** y no muestre documentos falsos.
door-right-no-sign = **No firme nada** antes de hablar con un abogado. Algunos papeles pueden quitarle la oportunidad de ver a un juez.
door-right-lawyer = **Usted tiene el derecho de hablar con un abogado.** Si lo arrestan, diga: "Quiero hablar con un abogado."
door-enter-heading = Si los agentes entran de todos modos
door-enter-body =
    Diga claramente: "No doy mi consentimiento para que entren a mi casa. No doy mi consentimiento para un registro."

    No pelee ni empuje a los agentes, y no corra, aunque crea que están rompiendo las reglas. Permanezca en silencio.

    Puede presentar una queja después. Un abogado le puede ayudar.
door-after-heading = Escriba lo que pasó
door-after-body =
    En cuanto pueda, escriba:

    - los nombres y números de placa de los agentes
    - de qué agencia eran, por ejemplo ICE o la policía
    - la fecha y la hora, y lo que los agentes dijeron e hicieron
    - los nombres y números de teléfono de los testigos

    Si es seguro, tome fotos de todo lo que se haya dañado.
door-call = Llame a { $organization } al { $hotline } para recibir ayuda legal gratuita.
