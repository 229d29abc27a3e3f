# Spanish translation of locales/en/in-the-shelter.ftl. Not yet reviewed by a native-speaking legal professional.

shelter-title = Ayuda y derechos en un albergue de la ciudad
shelter-intro =
    Muchas ciudades dan albergue y ayuda a las personas que acaban de llegar a los Estados Unidos. Esta página explica la ayuda que usted podría recibir.

    Las reglas son diferentes en cada ciudad y pueden cambiar. Pregunte al personal del albergue o a alguien que da ayuda legal cuáles son las reglas donde usted vive.
shelter-basics-heading = Albergue y comida
shelter-basics-body =
    En muchas ciudades, las personas que no tienen dónde dormir pueden pedirle albergue a la ciudad. Los albergues le dan un lugar seguro para dormir, y la mayoría da comidas o alimentos.

    Pregunte al personal cuáles son las reglas: a qué hora debe regresar en la noche, cuánto tiempo se puede quedar y qué hacer si tiene que mudarse. En algunas ciudades, las personas recién llegadas solo se pueden quedar por un tiempo limitado.

    Guarde sus papeles importantes, como su pasaporte y sus papeles de inmigración, en un lugar seguro. Tenga copias, o fotos en su teléfono.
shelter-health-heading = Atención médica
shelter-health-body =
    Si está muy enfermo o gravemente herido, llame al 911 o vaya a la sala de emergencias de un hospital.

    La sala de emergencias de un hospital tiene que revisarlo y tratar una emergencia, aunque usted no pueda pagar, **sin importar su estatus migratorio**.

    Muchas ciudades tienen hospitales públicos y clínicas comunitarias que atienden a las personas sin importar su estatus migratorio, muchas veces a bajo costo o gratis. Pregunte al personal del albergue adónde ir.
shelter-language-heading = Ayuda en su idioma
shelter-language-body =
    Usted puede pedir un intérprete. Los hospitales y muchas oficinas del gobierno tienen que darle ayuda con el idioma **gratis**. Diga el nombre de su idioma y pida un intérprete.

    En la corte de inmigración, la corte le da un intérprete gratis para su audiencia.
shelter-legal-heading = Ayuda legal gratuita
shelter-legal-body =
    Muchas organizaciones dan **ayuda legal gratuita** a los inmigrantes. Un abogado le puede decir si usted puede pedir asilo u otro tipo de protección.

    No espere. En la mayoría de los casos, usted tiene que solicitar asilo **dentro de un año** después de llegar a los Estados Unidos.

    Solo un **abogado** o un **representante acreditado** que trabaja para una organización aprobada por el Departamento de Justicia de los EE. UU. le puede dar consejos legales sobre inmigración.
shelter-court-heading = Fechas de corte y su dirección
shelter-court-body =
    Siempre **vaya a todas sus audiencias en la corte de inmigración** y a todas sus citas con ICE. Si falta a una audiencia en la corte, el juez puede ordenar que lo deporten.

    Cuando se mude, informe de inmediato su nueva dirección a la corte de inmigración y a USCIS. Si no lo hace, es posible que no reciba cartas importantes sobre su caso.
shelter-fraud-heading = Protéjase del fraude
shelter-fraud-body =
    Algunas personas fingen que pueden ayudar con papeles de inmigración y le quitan su dinero.

    - Nunca le pague a un *notario*, "consultor de inmigración" o agente de viajes por ayuda legal. En los Estados Unidos, un notario **no** es un abogado.
    - No firme formularios que estén en blanco, que no entienda o que tengan información falsa.
    - Guarde una copia de todo lo que firme o envíe. Pida un recibo por cada pago.
    - Los formularios de inmigración del gobierno se pueden descargar gratis en [uscis.gov](https://www.uscis.gov).
shelter-school-heading = Escuela para los niños
shelter-school-body =
    Todos los niños en los Estados Unidos tienen derecho a ir a la **escuela pública gratuita**, sin importar su estatus migratorio o el de sus padres. Una escuela no puede rechazar a su hijo por el estatus migratorio.

    Los niños que viven en un albergue por lo general pueden empezar la escuela de inmediato, aunque no tengan todos sus papeles, como los registros escolares o el registro de vacunas. Pida ayuda al personal del albergue o a la escuela.
shelter-call = ¿Preguntas? Llame a { $organization } al { $hotline } para recibir ayuda legal gratuita.
