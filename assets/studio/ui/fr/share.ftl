# Studio de kyr, pages « share » : français (traduction non relue).
