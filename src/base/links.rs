//! Link targets allowed in content: `http`, `https`, `mailto` and `tel`
//! only. Anything else (`javascript:`, `data:`, `file:`, relative paths) is
//! refused, whatever its letter case or encoding.

/// The schemes a link may use.
pub(crate) const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Checks a link target; the error is a diagnostic message.
pub(crate) fn check(target: &str) -> Result<(), String> {
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
                Err(format!(
                    "link target `{}` is empty after its scheme",
                    shown(target)
                ))
            } else {
                Ok(())
            }
        }
        _ => Err(format!(
            "link target `{}` is not allowed: use an http, https, mailto or tel link",
            shown(target)
        )),
    }
}

/// Checks a QR code's target: an http, https or tel link, where
/// `{locale}` and `{document}` will be filled in.
pub(crate) fn check_qr(template: &str) -> Result<(), String> {
    let sample = fill_qr(template, "xx", "document");
    check(&sample)?;
    let lower = clean(&sample).to_ascii_lowercase();
    if !(lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("tel:")) {
        return Err(format!(
            "a QR code must point to an http, https or tel link, not `{}`",
            shown(template)
        ));
    }
    if let Some(at) = template.find('{') {
        let rest = &template[at..];
        if !(rest.starts_with("{locale}") || rest.starts_with("{document}")) {
            return Err(format!(
                "in `{}`, only `{{locale}}` and `{{document}}` are filled in",
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

/// The form written into outputs: surrounding space and the characters
/// browsers ignore in a URL removed; a `tel:` number keeps only `+` and
/// digits, so every phone dials it.
pub(crate) fn normalize(target: &str) -> String {
    let cleaned = clean(target);
    match cleaned.split_once(':') {
        Some((scheme, number)) if scheme.eq_ignore_ascii_case("tel") => {
            let digits: String = number
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            format!("tel:{digits}")
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
    fn tel_links_keep_plus_and_digits() {
        assert_eq!(normalize("tel:+1 (555) 010-1234"), "tel:+15550101234");
        assert_eq!(normalize("HTTPS://a.org/x"), "https://a.org/x");
    }
}
