# Cómo presentar una queja ante la CNDH (content/queja-cndh.md).
# Written plainly: short sentences, "usted". No phone number is given: the
# CNDH numbers found in the sources could not be confirmed as current.

queja-title = Cómo presentar una queja ante la CNDH
queja-intro = La **CNDH** (Comisión Nacional de los Derechos Humanos) recibe quejas cuando una autoridad federal, como el INM, no respeta los derechos humanos de una persona.
queja-who-heading = ¿Quién puede presentar una queja?
queja-who-body =
    Puede presentarla **cualquier persona**, cualquiera que sea su situación migratoria.

    Si la persona afectada está detenida o no se sabe dónde está, un familiar o un vecino puede presentar la queja por ella, aunque sea menor de edad.
queja-how-heading = ¿Cómo?
queja-how-office = **En una oficina de la CNDH**, por escrito. Si no sabe escribir, puede decir su queja de palabra y el personal le ayuda.
queja-how-online = **En internet**: [atencionciudadana.cndh.org.mx](https://atencionciudadana.cndh.org.mx/)
queja-how-phone = **Por teléfono**, en casos urgentes. Pida a un albergue o a la CNDH el número.
queja-what-heading = ¿Qué debe decir?
queja-what-you = Su nombre, su nacionalidad y cómo le pueden contactar.
queja-what-facts = Qué pasó, cuándo y dónde.
queja-what-authority = Qué autoridad fue. El nombre del agente ayuda, pero no es obligatorio.
queja-what-proof = Sus pruebas, si tiene: fotos, videos, papeles.
queja-when-heading = ¿Hasta cuándo?
queja-when-body = Preséntela lo antes posible. La ley da, en general, **un año** desde que pasaron los hechos o desde que usted supo de ellos. En casos graves, la CNDH puede dar más tiempo.
queja-after-heading = Después
queja-after-body =
    Guarde el **número de expediente** que le den.

    Si el problema fue con una autoridad del estado o del municipio, la CNDH le dice a qué comisión de derechos humanos del estado puede ir.

    Una queja no reemplaza su trámite de refugio ni otros trámites: siga cumpliendo sus plazos.
# The hotline and the organization come from [vars] in kyr.toml.
queja-call = Pida ayuda a { $organization }: { $hotline }.
