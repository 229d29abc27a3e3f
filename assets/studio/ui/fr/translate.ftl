# Studio de kyr, pages « translate » : français (traduction non relue).
