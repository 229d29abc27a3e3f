# kyr's studio: the words every studio page uses (kyr serve). Each
# language's files hold only messages the English files have; a message a
# language lacks is shown from the next language of the volunteer's chain.

# The language's name in itself, in the language chooser.
studio-language-name = English
studio-choose-language = Language of these pages
studio-home = All languages and documents
studio-site = The built pages
studio-previous = Previous
studio-next = Next
# Where a volunteer is in a document: "3 / 12".
studio-position = { $at } / { $count }
studio-no-messages = This document uses no messages.
studio-no-text = No language of this locale's chain has a text for this message.
studio-not-found = This page does not exist. Go back to the list of languages and documents.
