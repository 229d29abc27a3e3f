# Estudio de kyr, páginas «share»: español (traducción no revisada).
