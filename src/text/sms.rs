//! SMS segments, counted as phones count them (3GPP TS 23.038 and 23.040):
//! a text of the GSM 03.38 default alphabet is sent in 7-bit units (160 in
//! one SMS, 153 per segment of a longer one; the extension characters
//! `€ [ ] { } \ ~ ^ |` take two), any other text in UTF-16 units (70 in one
//! SMS, 67 per segment; a character outside the Basic Multilingual Plane,
//! such as Adlam, takes two). Phones never split an extension character or
//! a surrogate pair between two segments, and neither does this count.

/// How an SMS is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// The GSM 03.38 default alphabet, 7 bits a unit.
    Gsm7,
    /// UTF-16 (UCS-2 to older phones), 16 bits a unit.
    Ucs2,
}

impl Encoding {
    /// Its usual name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Encoding::Gsm7 => "GSM-7",
            Encoding::Ucs2 => "UCS-2",
        }
    }

    /// Units in a text sent as one SMS.
    fn single(self) -> usize {
        match self {
            Encoding::Gsm7 => 160,
            Encoding::Ucs2 => 70,
        }
    }

    /// Units in each segment of a longer text (the rest of the 140 bytes
    /// holds the header that joins the segments again).
    fn segment(self) -> usize {
        match self {
            Encoding::Gsm7 => 153,
            Encoding::Ucs2 => 67,
        }
    }
}

/// What a text costs to send by SMS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cost {
    /// Its encoding.
    pub(crate) encoding: Encoding,
    /// Its length in units of that encoding.
    pub(crate) units: usize,
    /// SMS segments (each billed as one SMS).
    pub(crate) segments: usize,
}

/// The GSM 03.38 default alphabet, in its table's order.
const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
                         ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/// The extension table: each is sent as an escape and itself.
const GSM_EXTENSION: &str = "\u{c}^{}\\[~]|€";

/// Units of `c` in GSM-7, or `None` when GSM-7 cannot send it.
fn gsm_units(c: char) -> Option<usize> {
    if GSM_BASIC.contains(c) {
        Some(1)
    } else if GSM_EXTENSION.contains(c) {
        Some(2)
    } else {
        None
    }
}

/// Whether GSM-7 can send `c`.
pub(crate) fn is_gsm(c: char) -> bool {
    gsm_units(c).is_some()
}

/// What `text` costs: GSM-7 when every character is in its alphabet,
/// otherwise UCS-2.
pub(crate) fn cost(text: &str) -> Cost {
    let gsm: Option<Vec<usize>> = text.chars().map(gsm_units).collect();
    let (encoding, units) = match gsm {
        Some(units) => (Encoding::Gsm7, units),
        None => (Encoding::Ucs2, text.chars().map(char::len_utf16).collect()),
    };
    let total = units.iter().sum();
    // An empty text is still one SMS.
    let segments = if total <= encoding.single() {
        1
    } else {
        // Filled one after the other; a character that does not fit
        // whole in what is left of a segment starts the next one.
        let mut segments = 1;
        let mut used = 0;
        for n in units {
            if used + n > encoding.segment() {
                segments += 1;
                used = 0;
            }
            used += n;
        }
        segments
    };
    Cost {
        encoding,
        units: total,
        segments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsm_text_fits_160_in_one_sms_and_153_a_segment_after() {
        let one = cost(&"a".repeat(160));
        assert_eq!(
            one,
            Cost {
                encoding: Encoding::Gsm7,
                units: 160,
                segments: 1
            }
        );
        assert_eq!(cost(&"a".repeat(161)).segments, 2);
        assert_eq!(cost(&"a".repeat(306)).segments, 2);
        assert_eq!(cost(&"a".repeat(307)).segments, 3);
        assert_eq!(cost("").segments, 1);
        // Accents of the GSM alphabet, and line ends, are one unit each.
        assert_eq!(cost("Ça: é è à ù ñ ü ¿?\n").encoding, Encoding::Gsm7);
    }

    #[test]
    fn extension_characters_count_twice_and_are_not_split() {
        let euro = cost("Costs 5 €");
        assert_eq!((euro.encoding, euro.units), (Encoding::Gsm7, 10));
        // 159 units and a euro sign: 161, so two segments.
        assert_eq!(cost(&format!("{}€", "a".repeat(158))).segments, 1);
        assert_eq!(cost(&format!("{}€", "a".repeat(159))).segments, 2);
        // 152 units then `[`: it does not fit in the first segment's last
        // unit, so it starts the second.
        let text = format!("{}[{}", "a".repeat(152), "a".repeat(152));
        assert_eq!(cost(&text).units, 306);
        assert_eq!(cost(&text).segments, 3);
    }

    #[test]
    fn other_text_is_ucs2_70_in_one_sms_and_67_a_segment_after() {
        let arabic = "لديك الحق في التزام الصمت";
        assert_eq!(cost(arabic).encoding, Encoding::Ucs2);
        assert_eq!(cost(&"ب".repeat(70)).segments, 1);
        assert_eq!(cost(&"ب".repeat(71)).segments, 2);
        assert_eq!(cost(&"ب".repeat(134)).segments, 2);
        assert_eq!(cost(&"ب".repeat(135)).segments, 3);
        // One character outside GSM-7 makes the whole text UCS-2.
        let bullet = cost(&format!("• {}", "a".repeat(100)));
        assert_eq!((bullet.encoding, bullet.segments), (Encoding::Ucs2, 2));
    }

    #[test]
    fn adlam_takes_two_units_a_character_so_35_fit_in_one_sms() {
        let letter = "𞤢"; // U+1E922 ADLAM SMALL LETTER A
        assert_eq!(cost(&letter.repeat(35)).units, 70);
        assert_eq!(cost(&letter.repeat(35)).segments, 1);
        assert_eq!(cost(&letter.repeat(36)).segments, 2);
        // 33 a segment (66 units): a pair is never cut.
        assert_eq!(cost(&letter.repeat(66)).segments, 2);
        assert_eq!(cost(&letter.repeat(67)).segments, 3);
    }
}
