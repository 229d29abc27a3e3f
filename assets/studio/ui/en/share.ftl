# kyr's studio, share pages: English.

# The page a phone gets without the link's token (kyr serve --share).
studio-share-refused-title = Scan the QR code again
studio-share-refused = This page opens only with the link from the QR code. Scan the QR code again, or ask the organizer for the link.
