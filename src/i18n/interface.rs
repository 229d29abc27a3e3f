//! kyr's own interface messages (`kyr-help`, `kyr-unreviewed`, ...): the
//! one table of their ids, the name templates know them by, and where they
//! are printed. Coverage, scaffolding, the pages and the PDFs all read it.

/// Where an interface message is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shown {
    /// On every document page, by name in the templates' `texts`.
    Page,
    /// On every document page and on the index.
    PageAndIndex,
    /// As a notice at the top of a page, when it applies.
    Notice,
    /// On the index, under each language's name, in that language.
    IndexLocale,
    /// For whoever prints, in the reference language only (so not counted
    /// in any locale's coverage).
    Organizer,
}

/// One of kyr's own messages.
#[derive(Clone, Copy, Debug)]
pub(crate) struct InterfaceMessage {
    /// The Fluent id (`kyr-not-legal-advice`).
    pub(crate) id: &'static str,
    /// The name templates read it by: `texts.not-legal-advice` in Typst,
    /// `texts.not_legal_advice` in HTML (see [`html_name`]).
    pub(crate) name: &'static str,
    /// Where it is printed.
    pub(crate) shown: Shown,
}

const fn message(id: &'static str, name: &'static str, shown: Shown) -> InterfaceMessage {
    InterfaceMessage { id, name, shown }
}

/// Every interface message, in the order coverage lists them.
pub(crate) const MESSAGES: &[InterfaceMessage] = &[
    message("kyr-help", "help", Shown::Page),
    message(
        "kyr-not-legal-advice",
        "not-legal-advice",
        Shown::PageAndIndex,
    ),
    message("kyr-last-reviewed", "last-reviewed", Shown::Page),
    message("kyr-sources", "sources", Shown::Page),
    message("kyr-listen", "listen", Shown::Page),
    message("kyr-languages", "languages", Shown::PageAndIndex),
    message("kyr-documents", "documents", Shown::PageAndIndex),
    message("kyr-unreviewed", "unreviewed", Shown::Notice),
    message("kyr-partial", "partial", Shown::Notice),
    message("kyr-mostly-fallback", "mostly-fallback", Shown::Notice),
    message("kyr-not-translated", "not-translated", Shown::Notice),
    message("kyr-translated", "translated", Shown::IndexLocale),
    message("kyr-print", "print", Shown::PageAndIndex),
    message("kyr-print-handout", "print-handout", Shown::PageAndIndex),
    message("kyr-print-card", "print-card", Shown::PageAndIndex),
    message(
        "kyr-print-card-sheet",
        "print-card-sheet",
        Shown::PageAndIndex,
    ),
    message("kyr-print-booklet", "print-booklet", Shown::PageAndIndex),
    message(
        "kyr-print-booklet-sheets",
        "print-booklet-sheets",
        Shown::PageAndIndex,
    ),
    message("kyr-card-sheet-help", "sheet-help", Shown::Organizer),
];

/// The notice on a page whose locale is not reviewed.
pub(crate) const UNREVIEWED: &str = "kyr-unreviewed";
/// When a person last checked the content (`$date`), left off a page
/// whose document has no date.
pub(crate) const LAST_REVIEWED: &str = "kyr-last-reviewed";
/// The notice on a page that shows text from another locale.
pub(crate) const PARTIAL: &str = "kyr-partial";
/// The notice on a page that shows most of its text from another locale.
pub(crate) const MOSTLY_FALLBACK: &str = "kyr-mostly-fallback";
/// The notice on a page none of whose text is translated yet, in place
/// of the review notice (there is no translation to review).
pub(crate) const NOT_TRANSLATED: &str = "kyr-not-translated";
/// How much of a language is translated, on the index.
pub(crate) const TRANSLATED: &str = "kyr-translated";
/// The label of a recording's player, and of a QR code to a page that
/// plays recordings.
pub(crate) const LISTEN: &str = "kyr-listen";
/// How to print a card sheet.
pub(crate) const CARD_SHEET_HELP: &str = "kyr-card-sheet-help";

/// Variables kyr itself gives its messages, besides the project's
/// `[vars]`, with an example value for checking: a document's review date
/// (`kyr-last-reviewed`) and a language's translated share
/// (`kyr-translated`: `percent` the number alone, `share` with the
/// locale's percent sign).
pub(crate) const KYR_VARIABLES: &[(&str, &str)] =
    &[("date", "2026-01-01"), ("percent", "50"), ("share", "50 %")];

/// Messages every locale translates (all but the organizer's).
pub(crate) fn translated() -> impl Iterator<Item = &'static InterfaceMessage> {
    MESSAGES.iter().filter(|m| m.shown != Shown::Organizer)
}

/// Whether `id` is one of kyr's messages that only the reference locale
/// needs (printed for the organizer), so translators are not asked for it.
pub(crate) fn organizer_only(id: &str) -> bool {
    MESSAGES
        .iter()
        .any(|m| m.id == id && m.shown == Shown::Organizer)
}

/// Messages every document page prints by name.
pub(crate) fn page_texts() -> impl Iterator<Item = &'static InterfaceMessage> {
    MESSAGES
        .iter()
        .filter(|m| matches!(m.shown, Shown::Page | Shown::PageAndIndex))
}

/// Messages the index page prints by name.
pub(crate) fn index_texts() -> impl Iterator<Item = &'static InterfaceMessage> {
    MESSAGES.iter().filter(|m| m.shown == Shown::PageAndIndex)
}

/// The name as HTML templates read it: minijinja names cannot hold `-`.
pub(crate) fn html_name(name: &str) -> String {
    name.replace('-', "_")
}

/// The message by its template name.
#[cfg(test)]
fn by_name(name: &str) -> Option<&'static InterfaceMessage> {
    MESSAGES.iter().find(|m| m.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names_are_unique() {
        for (i, a) in MESSAGES.iter().enumerate() {
            for b in &MESSAGES[i + 1..] {
                assert_ne!(a.id, b.id);
                assert_ne!(a.name, b.name);
            }
            assert_eq!(by_name(a.name).map(|m| m.id), Some(a.id));
        }
        for id in [
            UNREVIEWED,
            PARTIAL,
            MOSTLY_FALLBACK,
            NOT_TRANSLATED,
            TRANSLATED,
            CARD_SHEET_HELP,
        ] {
            assert!(MESSAGES.iter().any(|m| m.id == id), "{id}");
        }
    }
}
