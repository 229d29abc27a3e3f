# kyr's studio, share pages: English.
