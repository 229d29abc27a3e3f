# Pedir refugio en México (content/refugio.md).
# Written plainly for readers with little schooling: short sentences,
# "usted", everyday words. Every statement comes from a source named in
# the document's front matter; the deadline is the one of article 18 of
# the Ley sobre Refugiados, said as the law says it.

refugio-title = Pedir refugio en México
refugio-intro =
    ¿Tiene miedo de volver a su país porque su vida, su seguridad o su libertad están en peligro? Usted puede pedir protección en México. Esta protección se llama **refugio**.

    La oficina que decide es la **COMAR** (Comisión Mexicana de Ayuda a Refugiados).
refugio-basics-heading = Lo más importante
refugio-free = Pedir refugio es **gratis**. No tiene que pagar nada.
refugio-confidential = Lo que usted cuenta es **confidencial**.
refugio-no-return = Mientras espera la respuesta, México **no lo puede devolver** a su país.
refugio-interpreter = Si no entiende bien el español, tiene derecho a un **traductor o intérprete**.
refugio-lawyer = Tiene derecho a un **representante legal** (un abogado o una abogada) durante todo el trámite.
refugio-where-heading = ¿Dónde lo pido?
refugio-where-body =
    En una oficina de la COMAR. Donde no hay oficina de la COMAR, en una oficina del **INM** (Instituto Nacional de Migración).

    Si está en una estación migratoria, también puede pedir refugio desde ahí. Pida que lo comuniquen con la COMAR.

    Si no puede escribir, puede pedirlo de palabra. La autoridad debe escribir lo que usted dice.
refugio-deadline-heading = ¿Hasta cuándo?
refugio-deadline-body = La ley dice: presente su solicitud **dentro de 30 días hábiles**. Se cuentan desde el día hábil siguiente a su llegada a México, o desde el día en que le fue posible presentarla. Días hábiles son los días en que trabajan las oficinas de gobierno.
refugio-late-body = **¿Ya pasaron los 30 días?** No se rinda. Vaya a la COMAR y explique por qué no pudo llegar antes. La COMAR le pedirá esas razones para decidir si empieza su trámite. Busque ayuda legal.
refugio-papers-heading = ¿Qué papeles le dan?
refugio-constancia = Una **constancia**: un papel que prueba que usted pidió refugio. Cuídelo.
refugio-curp = Una **CURP temporal**, para hacer otros trámites y usar servicios públicos.
refugio-card = Con la constancia puede pedir al INM una **Tarjeta de Visitante por Razones Humanitarias**. Con ella puede trabajar mientras espera.
refugio-duties-heading = Lo que usted debe cumplir
refugio-stay = **Quédese en el estado** donde pidió refugio. Si se va a otro estado sin permiso de la COMAR, su trámite se puede dar por abandonado.
refugio-sign = **Vaya a firmar** los días que le indiquen. Si no va, su trámite se puede dar por abandonado.
refugio-no-transit = La constancia **no** es un permiso para viajar por todo México.
refugio-after-heading = Después
refugio-after-body =
    La COMAR le hará una **entrevista**. Cuente lo que le pasó y por qué salió de su país. Lleve pruebas si las tiene.

    Si la respuesta es que no, puede pedir una **revisión** (recurso de revisión). Tiene **15 días hábiles** desde que le avisan la respuesta.

    Si la COMAR lo reconoce como refugiado, tiene derecho a la **residencia permanente** en México.
# The hotline and the organization come from [vars] in kyr.toml.
refugio-call = ¿Necesita ayuda con su solicitud? Llame a { $organization }: { $hotline }.
