# Studio de kyr, pages « work » : français (traduction non relue).
