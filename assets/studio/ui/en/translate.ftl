# kyr's studio, translate pages: English.

# The page's title: "red-card into Wolof".
studio-translate-title = { $document } into { $language }
studio-translate-into = Translate into { $language }
# Before the heading of the section the message is in.
studio-translate-heading = In the part:
# Above the text to translate, in a language the volunteer reads.
studio-translate-source = In { $language }:
studio-translate-comment = Note for translators:
studio-translate-today-own = The pages show your { $language } text.
studio-translate-today-fallback = Not written in { $language } yet: the pages show it in { $shown }.
studio-translate-today-broken = Your { $language } text has a mistake: the pages show it in { $shown } until it is fixed.
studio-translate-stale = The original text changed since this was translated
studio-translate-stale-was = It was:
studio-translate-stale-now = It is now:
studio-translate-field = Your text in { $language }
studio-translate-chips = Put in:
studio-translate-marks = Type plain text. **Two stars** around words make them bold; [words](https://…) make a link. Press a button above to put in a number or a name: do not type it.
studio-translate-preview = As it will be printed
studio-translate-save = Save and go to the next
studio-translate-checking = Checking…
studio-translate-no-problem = No problem found.
studio-translate-saving = Saving…
studio-translate-saved = Saved in { $file }.
studio-translate-empty = Type the translation first.
studio-translate-offline = kyr did not answer: is kyr serve still running on the computer?
studio-translate-detail = kyr's words (English)
studio-translate-not-editable = This message chooses its words by a number or a function: it cannot be edited here. Ask the organizer to edit it in its file.
studio-translate-reference = This is the reference language: its text is written by the organizers, and the other languages are translated from it.
# Where a problem is in the field.
studio-translate-at = Line { $line }, character { $column }.
studio-translate-refused-errors = Not saved: fix the mistakes shown in red first.
studio-translate-refused-usage = Not saved: kyr cannot use this text here.
studio-translate-refused-failed = Not saved: kyr could not write the file.
studio-translate-refused-not-json = The page sent something kyr does not understand. Reload the page.
studio-translate-refused-too-long = This text is too long for one message.

## What each problem kyr finds means, by its code.

studio-translate-problem-ftl-syntax = kyr cannot read this: something typed looks like the start of a name or number in braces {"{ }"}, but is not one. Use the buttons to put in numbers and names, and check the braces.
studio-translate-problem-markdown-emphasis = Two stars ** open bold text that is not closed: put ** after the last bold word too, or remove them.
studio-translate-problem-markdown = The marks for bold text, links or lists are not used as expected here.
studio-translate-problem-ftl-duplicate = This text is written twice in the file.
studio-translate-problem-ftl-private-use = There is a character here that most phones and printers cannot show. Type it again with an ordinary keyboard.
studio-translate-problem-variable-dropped = A number or name that the original text has is missing: put it in with its button.
studio-translate-problem-variable-added = There is a number or name here that the original text does not have.
studio-translate-problem-variable-unknown = This name in braces is not one kyr knows: put numbers and names in with their buttons, do not type them.
studio-translate-problem-ftl-reference = This text refers to another text that does not exist.
studio-translate-problem-ftl-cycle = This text refers to itself.
studio-translate-problem-control-char = There is an invisible character here. Type the text again, or remove it.
studio-translate-problem-bidi-control = There is an invisible direction mark here. Remove it: kyr sets the direction of the text itself.
studio-translate-problem-glyph-missing = A character here cannot be printed with kyr's fonts.
studio-translate-problem-fallback-in-complete = While this text has a mistake, the pages show it in another language.
studio-translate-problem-message-unusable = No language has a usable text for this message.
studio-translate-problem-limit = This text is too long.
studio-translate-problem-audio-stale = The recording of this message reads the old text: record it again after saving.
studio-translate-problem-other-error = kyr found a mistake here.
studio-translate-problem-other-warning = kyr found something to check here.
