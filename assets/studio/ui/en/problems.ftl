# kyr's studio, problems pages: English.
# The box at the top of a built page while kyr serve runs: what kyr found
# wrong in the page's text, each problem with its file, line and column,
# the message it is in, what it means and what to do. kyr's own English
# words follow each one as a detail.

studio-problems-heading = kyr found problems in this page
# How many of each, said when there are any: "2 errors, 1 warning".
studio-problems-errors =
    { $count ->
        [one] { $count } error
       *[other] { $count } errors
    }
studio-problems-warnings =
    { $count ->
        [one] { $count } warning
       *[other] { $count } warnings
    }
studio-problems-note = This box shows only here, while kyr serve runs: the pages kyr writes do not have it. It goes away once the file is corrected and saved.
studio-problems-error = Error
studio-problems-warning = Warning
# Before a message's id: "Message door-title".
studio-problems-message = Message
# Before kyr's own English words about the problem.
studio-problems-detail = kyr says:
# After the first problems, when there are more.
studio-problems-more =
    { $count ->
        [one] …and one more problem. The terminal where kyr serve runs lists them all.
       *[other] …and { $count } more problems. The terminal where kyr serve runs lists them all.
    }

## What each kind of problem means and what to do, by its code (the
## `code` of kyr check --message-format json).

studio-problem-ftl-syntax = kyr cannot read this line, so the page shows this message in another language. Write it as “id = text”, start every further line of the text with spaces, and close every opening brace.
studio-problem-message-unusable = This message has a mistake in every language that has it, so the page cannot show it. Correct it in one of them.
studio-problem-message-missing = The document uses a message that the reference language does not have. Whoever writes the document should add it there.
studio-problem-variable-dropped = The translation leaves out a value in braces that the original has, such as the phone number. Copy it from the original into its place in the sentence, exactly as it is written there.
studio-problem-variable-added = The translation has a value in braces that the original does not have. Remove it, or check its spelling against the original.
studio-problem-markdown-emphasis = Two asterisks (or underscores) start bold or italic text but nothing closes it, so they would be printed as they are. Add the same marks after the last word to stress, or remove them.
studio-problem-markdown = This text has a mark the page cannot show as meant (a list, a heading or a link where it does not fit). Write it with the marks the original uses.
studio-problem-control-char = The text holds an invisible control character, which is removed. Type the line again without it.
studio-problem-bidi-control = The file holds an invisible character that changes the reading direction. Delete it: kyr gives each language its direction itself.
studio-problem-ftl-private-use = The text holds a character kyr does not allow in messages; it is replaced. Type it again.
studio-problem-id-typo = No document uses this id: it looks like a mistyped message id, so the page shows that message in another language. Correct the id to match the original exactly.
studio-problem-ftl-duplicate = This message is written twice in this language. Keep one and delete the other.
studio-problem-encoding = This file is not saved as UTF-8, so kyr cannot read it. Save it again as UTF-8.
studio-problem-stale = The original text changed after this translation was checked, so it may say something else now. Compare it with the original, correct it if needed, and confirm it.
studio-problem-audio-stale = The text changed after this recording was made, so it may no longer say the same. Listen to it, and record it again if needed.
studio-problem-fallback-in-complete = This language is marked complete, but this message is not translated yet, so the page shows it in another language. Translate it.
studio-problem-glyph-missing = No font kyr has can draw some characters of this text, so they print as boxes. Check for a mistyped character; if they are right, tell the organizer.
studio-problem-text-outside = This text is too long for its place on the printed page and is cut off. Shorten it, or leave spaces where a long word may break.
studio-problem-card-size = One side of the wallet card has more text than a card can hold. Shorten the messages on that side.
studio-problem-card-text-small = One side of the wallet card is printed too small to read. Shorten the messages on that side.
studio-problem-example-value = The page prints an example value (a phone number or a name that reaches nobody). The organizer should put the real one in kyr.toml.
