# Studio de kyr, pages « record » : français (traduction non relue).
