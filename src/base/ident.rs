//! Identifiers shared by every stage: what a Fluent identifier (a message,
//! variable or document name) may be, and the private-use code points that
//! stand for variables inside formatted message text.

/// First private-use code point standing for a variable in formatted
/// message text: variable `i` is `VAR_BASE + i`.
pub(crate) const VAR_BASE: u32 = 0xE000;
/// One past the last code point used for variables.
pub(crate) const VAR_END: u32 = 0xF8FF;

/// A Fluent identifier: `[a-zA-Z][a-zA-Z0-9_-]*`.
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
