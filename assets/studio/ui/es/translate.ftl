# Estudio de kyr, páginas «translate»: español (traducción no revisada).
