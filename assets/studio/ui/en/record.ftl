# kyr's studio, record pages: English.
