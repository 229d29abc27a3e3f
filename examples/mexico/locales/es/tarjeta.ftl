# Tarjeta de bolsillo (content/tarjeta.md). The card has very little room:
# keep each line short. The statement for the officer is on the back, in
# Spanish, written in the skeleton itself (it is the same in every
# language, so a translator does not translate it).

tarjeta-title = Tarjeta: si Migración le revisa
tarjeta-intro = Lleve esta tarjeta. Dice qué hacer si una autoridad le pide sus papeles.
tarjeta-steps-heading = Qué hacer
tarjeta-keep = **Lleve esta tarjeta** con usted.
tarjeta-calm = Mantenga la calma. **No corra.**
tarjeta-inm = Solo el **INM** puede pedirle sus papeles migratorios.
tarjeta-interpreter = ¿No entiende español? Pida un **intérprete**.
tarjeta-sign = **No firme nada** que no entienda.
tarjeta-asylum = ¿Tiene miedo de volver a su país? Dígalo: puede **pedir refugio**.
tarjeta-officer-heading = Para la autoridad
tarjeta-officer-intro = Muestre la parte de atrás de la tarjeta a la autoridad. No tiene que decir nada más.
