# kyr's studio, problems pages: English.
