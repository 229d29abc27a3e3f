//! QR codes, made offline: a target (a web address, a `tel:` number) ->
//! an SVG image the PDF templates place like any other image.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// A QR code as SVG, with its quiet zone; the error is a diagnostic
/// message (the target is too long for a QR code).
pub(crate) fn svg(target: &str) -> Result<String, String> {
    let code = QrCode::with_error_correction_level(target.as_bytes(), EcLevel::M).map_err(|e| {
        let shown: String = target.chars().take(60).collect();
        let more = if target.chars().count() > 60 {
            "…"
        } else {
            ""
        };
        format!("`{shown}{more}` cannot be made into a QR code: {e}")
    })?;
    Ok(code
        .render::<svg::Color>()
        .quiet_zone(true)
        .module_dimensions(4, 4)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_becomes_an_svg_and_too_much_text_is_an_error() {
        let image = svg("https://example.org/fr/red-card.html").unwrap();
        assert!(image.starts_with("<?xml") && image.contains("<svg"));
        assert!(svg(&"x".repeat(5000)).is_err());
    }
}
