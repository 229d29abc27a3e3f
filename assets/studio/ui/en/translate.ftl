# kyr's studio, translate pages: English.
