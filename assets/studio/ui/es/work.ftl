# Estudio de kyr, páginas «work»: español (traducción no revisada).
