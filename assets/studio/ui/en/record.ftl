# kyr's studio, recording pages: English. Names of languages and
# documents are passed in as they are written (the language's own name,
# the document's title).

# The page's title in the browser's tab.
studio-record-page-title = Record “{ $document }”
studio-record-language = Recording in
# Where the message sits: the heading above it in the document.
studio-record-under-heading = Under the heading
studio-record-is-title = This is the document’s title.
studio-record-read-aloud = Read this aloud
studio-record-not-written = Not written in { $language } yet. Here it is in { $source }: say it in { $language }.
studio-record-state = Recording:
studio-record-state-missing = not recorded yet
studio-record-state-recorded = recorded
studio-record-state-changed = to record again: the text changed
studio-record-state-unconfirmed = recorded, not yet checked against the text: listen, and record it again if needed
studio-record-current = The recording kept now ({ $duration })
studio-record-your-take = Your new recording (not saved yet)
studio-record-saved-previous = Message { $at } was saved. Here is the next one.
studio-record-new = Record it
studio-record-with-phone = Record with the phone’s recorder, or choose a recording
studio-record-on-page = Or record on this page
studio-record-start = ● Record
studio-record-stop = ■ Stop
studio-record-save = Save
studio-record-help = Read the text aloud, listen to your recording, then press Save.

## Said by the page's script while a volunteer records.

studio-record-js-recording = Recording… read the text aloud, then press Stop.
studio-record-js-listen = Listen to your recording. Save it if it is right, or record it again.
studio-record-js-chosen = Listen to the recording you chose. Save it if it is right.
studio-record-js-saving = Saving…
studio-record-js-mic-refused = The microphone was refused. Allow this page to use it, then press Record again, or record with the phone’s recorder.
studio-record-js-mic-missing = No microphone was found. Switch one on, then press Record again, or record with the phone’s recorder.
studio-record-js-mic-failed = The microphone could not be started. Close other apps that use it, then press Record again, or record with the phone’s recorder.
studio-record-js-offline = Not saved: kyr serve does not answer. Is it still running on the computer?

## What the server answers to a recording.

studio-record-saved = Saved ({ $duration }).
studio-record-refused-kind = Not saved: this file is not a recording kyr can keep. Choose a recording from the phone’s recorder (M4A), or record on this page.
studio-record-refused-format = Not saved: this recording is { $format }, and kyr keeps M4A (AAC), Ogg Opus and WebM Opus recordings. Record it with the phone’s recorder or on this page.
studio-record-refused-empty = Not saved: the file is empty. Record the message again.
studio-record-refused-damaged = Not saved: the recording is damaged or cut off, so it would not play. Record the message again.
studio-record-refused-codec = Not saved: the recording holds a kind of sound kyr does not keep ({ $codec }). Record it with the phone’s usual recorder (M4A), or on this page.
studio-record-refused-silent = Not saved: the recording is silent. The microphone is probably muted, or not the one in use: check it and record again.
studio-record-refused-large = Not saved: the recording is larger than { $limit }, the limit of this project (`max_audio_bytes` in kyr.toml). Record the message on its own, or in shorter parts.
studio-record-refused-cut = Not saved: the recording did not arrive whole. Try again.
studio-record-no-such-message = This document reads no such message. Go back to the list of languages and documents.
studio-record-failed = Not saved: the computer could not write the recording ({ $why }). Tell the organizer.
