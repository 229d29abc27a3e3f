# Salud, escuela y CURP (content/salud-escuela-curp.md).
# Written plainly: short sentences, "usted". Health and school follow
# article 8 of the Ley de Migración; the CURP follows ACNUR México and the
# rule published by Segob. No promise beyond what they say (medical care is
# free by law only when it is urgent and needed to save a life).

servicios-title = Salud, escuela y CURP
servicios-intro = En México usted puede recibir atención médica, y sus hijas e hijos pueden ir a la escuela, **cualquiera que sea su situación migratoria**. Lo dice el artículo 8 de la Ley de Migración.
servicios-health-heading = Salud
servicios-health-right = Tiene derecho a recibir **atención médica**, en clínicas y hospitales públicos y privados.
servicios-health-urgent = Si su vida está en peligro, la atención médica urgente es **gratis** y sin condiciones.
servicios-school-heading = Escuela
servicios-school-right = Sus hijas e hijos pueden estudiar en **escuelas públicas y privadas**.
servicios-curp-heading = La CURP
servicios-curp-what = La **CURP** (Clave Única de Registro de Población) es un código personal. Se usa en muchos trámites en México.
servicios-curp-temporal = Si usted pidió refugio, la COMAR le puede dar una **CURP temporal** después de darle su constancia.
servicios-curp-use = Con la CURP puede hacer otros trámites y usar servicios públicos, como la salud y la escuela.
servicios-curp-work = En un trabajo formal, el patrón la pide para darle de alta en el Seguro Social (IMSS).
servicios-curp-expires = La CURP temporal **vence**. Pregunte en la COMAR hasta cuándo vale la suya.
servicios-curp-permanent = Si la COMAR lo reconoce como refugiado o le da protección complementaria, su CURP puede volverse permanente.
servicios-denied = ¿Le negaron la atención o la escuela por su situación migratoria? Pida ayuda. También puede presentar una queja ante la CNDH (Comisión Nacional de los Derechos Humanos).
# The hotline and the organization come from [vars] in kyr.toml.
servicios-call = Pida ayuda a { $organization }: { $hotline }.
