# Estudio de kyr, páginas «record»: español (traducción no revisada).
