# kyr's studio, work pages: English.
