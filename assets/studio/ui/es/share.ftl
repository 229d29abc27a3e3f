# Estudio de kyr, páginas «share»: español (traducción no revisada).

studio-share-refused-title = Escanee otra vez el código QR
studio-share-refused = Esta página solo se abre con el enlace del código QR. Escanee otra vez el código QR o pida el enlace a la persona que organiza.
