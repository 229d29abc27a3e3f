# Revisión migratoria y estación migratoria (content/revision-y-detencion.md).
# Written plainly: short sentences, "usted". Only what the Ley de Migración
# and the sources in the front matter say; advice (stay calm, do not sign
# what you do not understand) is said as advice, not as a right.

detencion-title = Si Migración le revisa o le detiene
detencion-intro =
    Usted tiene derechos en México, **cualquiera que sea su situación migratoria**.

    No tener papeles migratorios, por sí solo, **no es un delito**.
detencion-check-heading = Si le piden sus papeles
detencion-check-inm = Solo la autoridad migratoria, el **INM** (Instituto Nacional de Migración), puede pedirle que demuestre su nacionalidad o su situación migratoria.
detencion-check-calm = Mantenga la calma. No corra. Pregunte quiénes son y de qué oficina son.
detencion-check-interpreter = Si no habla o no entiende bien el español, pida un **traductor o intérprete**. La ley dice que se lo deben dar.
detencion-check-sign = **No firme ningún papel que no entienda.** Pida que se lo lean y se lo expliquen en su idioma.
detencion-check-respect = Tiene derecho a un trato digno y **sin discriminación**.
detencion-check-asylum = Si tiene miedo de volver a su país, dígalo: tiene derecho a **pedir refugio**.
detencion-station-heading = Si le llevan a una estación migratoria
detencion-station-intro = Una estación migratoria es el lugar del INM donde detienen a personas migrantes. Ahí usted tiene derecho a:
detencion-station-why = Saber **por qué** le llevaron ahí y cómo sigue su trámite.
detencion-station-writing = Recibir sus derechos **por escrito** y saber dónde presentar quejas.
detencion-station-interpreter = Un **traductor o intérprete** si no habla o no entiende el español.
detencion-station-lawyer = **Asesoría legal**, y visitas de su abogado o representante legal y de su familia.
detencion-station-phone = Hacer y recibir **llamadas telefónicas**.
detencion-station-consulate = La ayuda de su **consulado**, si usted la quiere. Si usted pidió refugio, no deben avisar a su consulado sin su permiso.
detencion-station-asylum = **Pedir refugio** desde la estación migratoria.
detencion-station-care = Comida, un lugar digno y **atención médica** si la necesita.
detencion-station-family = Seguir junto a su familia que viaja con usted.
detencion-children-heading = Niñas, niños y adolescentes
detencion-children-body = Desde una reforma de 2020, la ley dice que el INM **no debe llevar a niñas, niños ni adolescentes** a una estación migratoria, y no debe separarlos de la persona adulta que viaja con ellos.
detencion-complaint-heading = Si no respetan sus derechos
detencion-complaint-body = ¿Le pidieron dinero, le trataron mal o no respetaron sus derechos? Anote qué pasó, cuándo, dónde y, si puede, el nombre de la persona. Puede presentar una **queja** ante la CNDH (Comisión Nacional de los Derechos Humanos).
# The hotline and the organization come from [vars] in kyr.toml.
detencion-call = Pida ayuda a { $organization }: { $hotline }.
