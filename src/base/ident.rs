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

/// The id among `candidates` closest to `id`, when it is close enough to
/// be the one meant (a typo, a letter left out or swapped).
pub(crate) fn closest_id<'a>(
    id: &str,
    candidates: impl Iterator<Item = &'a String>,
) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(id, c), c))
        .filter(|(score, _)| *score >= 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c.as_str())
}
