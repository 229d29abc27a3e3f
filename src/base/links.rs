//! Link targets allowed in content: `http`, `https`, `mailto` and `tel`
//! only. Anything else (`javascript:`, `data:`, `file:`, relative paths) is
//! refused, whatever its letter case or encoding. A `tel:` target must be a
//! number a phone can dial, and is written out exactly as it was typed.

/// The schemes a link may use.
pub(crate) const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// What a dialable `tel:` number looks like, said to whoever typed one.
pub(crate) const DIALABLE: &str = "a phone number is written with `+`, the digits 0-9 and the separators space, `-`, `.`, `(` and `)`, as in `tel:+1-212-555-0100`; letters only after digits, where they are dialled as letters, as in `tel:1-800-FLOWERS`";

/// Why a link target is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refused {
    /// A scheme content may not use, or nothing after the scheme: the
    /// link cannot be made at all.
    Scheme(String),
    /// A `tel:` target that is not a number a phone can dial: someone
    /// meant a phone link and mistyped it (see [`DIALABLE`]).
    Number(String),
}

impl Refused {
    /// The diagnostic message.
    pub(crate) fn message(&self) -> &str {
        match self {
            Refused::Scheme(message) | Refused::Number(message) => message,
        }
    }

    /// Advice on what to write instead, if there is any.
    pub(crate) fn hint(&self) -> Option<&'static str> {
        match self {
            Refused::Scheme(_) => None,
            Refused::Number(_) => Some(DIALABLE),
        }
    }
}

/// Checks a link target.
pub(crate) fn check(target: &str) -> Result<(), Refused> {
    let cleaned = clean(target);
    let scheme = cleaned.find(':').map(|i| &cleaned[..i]).filter(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    match scheme {
        Some(s) if ALLOWED_SCHEMES.iter().any(|a| a.eq_ignore_ascii_case(s)) => {
            let rest = &cleaned[s.len() + 1..];
            if rest.is_empty() {
                Err(Refused::Scheme(format!(
                    "link target `{}` is empty after its scheme",
                    shown(target)
                )))
            } else if s.eq_ignore_ascii_case("tel") {
                check_number(target, number_of(target))
            } else {
                Ok(())
            }
        }
        _ => Err(Refused::Scheme(format!(
            "link target `{}` is not allowed: use an http, https, mailto or tel link",
            shown(target)
        ))),
    }
}

/// The number of a `tel:` target as typed: what follows the first `:`,
/// only the space around the whole target left out.
fn number_of(target: &str) -> &str {
    let trimmed = target.trim_matches(|c: char| c <= ' ');
    trimmed.split_once(':').map_or("", |(_, number)| number)
}

/// Checks the number of a `tel:` target: an optional `+` first, then
/// digits and RFC 3966's visual separators (and the space people type
/// between groups), with letters only once a digit came before them (a
/// number spelled as a word, `1-800-FLOWERS`). Nothing is decoded: a
/// percent-encoded number is refused rather than guessed at.
fn check_number(target: &str, number: &str) -> Result<(), Refused> {
    let refuse = |why: String| {
        Err(Refused::Number(format!(
            "link target `{}` is not a phone number: {why}",
            shown(target)
        )))
    };
    if let Some(at) = number.find('%') {
        let code: String = number[at..].chars().take(3).collect();
        return refuse(format!(
            "`{code}` is percent-encoding, which kyr does not decode in a number; write the number as it is dialled"
        ));
    }
    let mut digits = false;
    for (i, c) in number.char_indices() {
        match c {
            '0'..='9' => digits = true,
            '+' if i == 0 => {}
            '+' => return refuse("`+` can only come first, before the country code".into()),
            ' ' | '-' | '.' | '(' | ')' => {}
            c if c.is_ascii_alphabetic() && digits => {}
            c if c.is_ascii_alphabetic() => {
                return refuse(format!(
                    "`{c}` comes before any digit; letters are dialled only after digits, as in `1-800-FLOWERS`"
                ));
            }
            c => {
                return refuse(format!("`{}` cannot be dialled", c.escape_debug()));
            }
        }
    }
    if !digits {
        return refuse("it has no digits".into());
    }
    Ok(())
}

/// Checks a QR code's target: an http, https or tel link, where
/// `{locale}` and `{document}` will be filled in.
pub(crate) fn check_qr(template: &str) -> Result<(), String> {
    let sample = fill_qr(template, "xx", "document");
    check(&sample).map_err(|refused| refused.message().to_owned())?;
    let lower = clean(&sample).to_ascii_lowercase();
    if !(lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("tel:")) {
        return Err(format!(
            "a QR code must point to an http, https or tel link, not `{}`",
            shown(template)
        ));
    }
    for (at, _) in template.match_indices('{') {
        let rest = &template[at..];
        if !(rest.starts_with("{locale}") || rest.starts_with("{document}")) {
            return Err(format!(
                "in `{}`, only `{{locale}}` and `{{document}}` are filled in (and `{{edition}}` in an edition's own `qr`)",
                shown(template)
            ));
        }
    }
    Ok(())
}

/// A QR target with its `{locale}` and `{document}` filled in.
pub(crate) fn fill_qr(template: &str, locale: &str, document: &str) -> String {
    normalize(
        &template
            .replace("{locale}", locale)
            .replace("{document}", document),
    )
}

/// The form written into outputs (a target [`check`] accepted): the
/// scheme in lowercase, surrounding space and the characters browsers
/// ignore in a URL removed. A `tel:` number stays exactly as typed
/// (`tel:+1 (212) 555-0100`, `tel:1-800-FLOWERS`): phones read its
/// separators and letters, and a reader of paper sees what was written.
pub(crate) fn normalize(target: &str) -> String {
    let cleaned = clean(target);
    match cleaned.split_once(':') {
        Some((scheme, _)) if scheme.eq_ignore_ascii_case("tel") => {
            format!("tel:{}", number_of(target))
        }
        Some((scheme, rest)) => format!("{}:{rest}", scheme.to_ascii_lowercase()),
        None => cleaned,
    }
}

/// Browsers drop ASCII tabs and newlines anywhere in a URL and trim
/// control characters and spaces around it; do the same before judging.
fn clean(target: &str) -> String {
    target
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// A target as quoted in a message: control characters made visible.
fn shown(target: &str) -> String {
    target.escape_debug().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_only_four_schemes_in_any_case() {
        for ok in [
            "https://a.org",
            "HTTP://a.org",
            "mailto:a@b.org",
            "tel:+1555",
            " tel:1 ",
        ] {
            assert!(check(ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:x",
            "data:text/html,<script>",
            "file:///etc/passwd",
            "../secret.html",
            "/abs",
            "//evil.example",
            "vbscript:x",
            "tel:",
            "",
        ] {
            assert!(check(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn tel_links_are_kept_as_typed() {
        for (typed, written) in [
            ("tel:+1 (212) 555-0100", "tel:+1 (212) 555-0100"),
            ("tel:+1-800-FLOWERS", "tel:+1-800-FLOWERS"),
            (" TEL:1-800-FLOWERS ", "tel:1-800-FLOWERS"),
            ("tel:+33.1.23.45.67.89", "tel:+33.1.23.45.67.89"),
        ] {
            assert_eq!(check(typed), Ok(()), "{typed}");
            assert_eq!(normalize(typed), written);
        }
        assert_eq!(normalize("HTTPS://a.org/x"), "https://a.org/x");
    }

    #[test]
    fn tel_links_that_cannot_be_dialled_are_refused_saying_why() {
        for (typed, why) in [
            ("tel:%2B1", "`%2B` is percent-encoding"),
            ("tel:12<script>", "`<` cannot be dialled"),
            ("tel:1+2", "`+` can only come first"),
            ("tel:FLOWERS", "`F` comes before any digit"),
            ("tel:+", "it has no digits"),
            ("tel:1\t2", "`\\t` cannot be dialled"),
            ("tel:1;ext=2", "`;` cannot be dialled"),
            ("tel:١٢٣", "`١` cannot be dialled"),
        ] {
            let refused = check(typed).unwrap_err();
            assert!(matches!(refused, Refused::Number(_)), "{typed}");
            assert!(refused.message().contains(why), "{typed}: {refused:?}");
            assert_eq!(refused.hint(), Some(DIALABLE));
        }
    }
}
