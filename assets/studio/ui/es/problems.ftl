# Estudio de kyr, páginas «problems»: español (traducción no revisada).
