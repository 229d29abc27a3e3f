# Studio de kyr, pages « problems » : français (traduction non relue).
