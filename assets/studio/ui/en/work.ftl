# kyr's studio, the work index (the first page of kyr serve): English.

studio-work-page-title = The work to do
studio-work-intro = For each language and document: how much is translated and recorded, and the next thing to do.
studio-work-no-documents = This project has no documents yet.
studio-work-translated = Translated: { $count } of { $total }
# Translated, but the reference text changed since the translation was checked.
studio-work-stale = To check again, the reference text changed: { $count }
studio-work-fallback = Not translated yet, shown in another language: { $count }
studio-work-missing = Written in no language: { $count }
studio-work-recorded = Recorded: { $count } of { $total }
studio-work-record-again = To record again: { $count }
studio-work-next-translate = Next: translate message { $at }
studio-work-next-record = Next: record message { $at }
studio-work-done = All translated and recorded.
