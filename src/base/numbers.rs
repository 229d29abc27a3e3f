//! Numbers written the reader's way: the locale's digits, separators and
//! percent pattern, from CLDR (ICU4X's formatters with their data compiled
//! in, so nothing is read at run time). A locale CLDR does not know
//! follows ICU4X's fallback (its language, then the root locale); nothing
//! here fails or panics. It writes kyr's own numbers (shares, counts, page
//! numbers) and Fluent's; a project's `[vars]` text never comes here.

use fixed_decimal::{Decimal, SignedRoundingMode, UnsignedRoundingMode};
use icu_decimal::DecimalFormatter;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_locale_core::Locale;

/// How a number is written: the options of `Intl.NumberFormat` that
/// Fluent's `NUMBER()` passes on, with its defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Style {
    /// A share: multiplied by 100 and written with the locale's percent
    /// pattern.
    pub(crate) percent: bool,
    /// Group digits (`1,234`) the locale's way.
    pub(crate) grouping: bool,
    /// At least this many digits before the decimal separator.
    pub(crate) min_integer: Option<usize>,
    /// At least this many digits after it.
    pub(crate) min_fraction: Option<usize>,
    /// At most this many digits after it (3 by default, 0 for a percent).
    pub(crate) max_fraction: Option<usize>,
    /// At least this many significant digits (then fraction digits do
    /// not count).
    pub(crate) min_significant: Option<usize>,
    /// At most this many significant digits.
    pub(crate) max_significant: Option<usize>,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            percent: false,
            grouping: true,
            min_integer: None,
            min_fraction: None,
            max_fraction: None,
            min_significant: None,
            max_significant: None,
        }
    }
}

/// The number formatters of one locale.
#[derive(Debug)]
pub(crate) struct Numbers {
    /// `None` only if ICU4X had no data even for the root locale: numbers
    /// are then written as Rust writes them.
    formatters: Option<Formatters>,
}

#[derive(Debug)]
struct Formatters {
    grouped: DecimalFormatter,
    ungrouped: DecimalFormatter,
    percent: PercentFormatter<DecimalFormatter>,
    percent_ungrouped: PercentFormatter<DecimalFormatter>,
}

impl Formatters {
    fn new(locale: &Locale) -> Option<Self> {
        let decimal = |grouping| {
            let options = DecimalFormatterOptions::from(grouping);
            DecimalFormatter::try_new(locale.into(), options).ok()
        };
        let percent = |grouping| {
            PercentFormatter::try_new_with_decimal_formatter(
                locale.into(),
                decimal(grouping)?,
                Default::default(),
            )
            .ok()
        };
        Some(Formatters {
            grouped: decimal(GroupingStrategy::Auto)?,
            ungrouped: decimal(GroupingStrategy::Never)?,
            percent: percent(GroupingStrategy::Auto)?,
            percent_ungrouped: percent(GroupingStrategy::Never)?,
        })
    }
}

impl Numbers {
    /// The formatters for BCP 47 tag `tag`; a tag ICU4X cannot read, or a
    /// language CLDR does not know, gets the root locale's.
    pub(crate) fn new(tag: &str) -> Self {
        let locale = Locale::try_from_str(tag).unwrap_or(Locale::UNKNOWN);
        let formatters = Formatters::new(&locale).or_else(|| Formatters::new(&Locale::UNKNOWN));
        Numbers { formatters }
    }

    /// `value` written in `style`.
    pub(crate) fn format(&self, value: f64, style: &Style) -> String {
        let (Some(formatters), Some(decimal)) = (&self.formatters, rounded(value, style)) else {
            return value.to_string();
        };
        match (style.percent, style.grouping) {
            (false, true) => formatters.grouped.format(&decimal).to_string(),
            (false, false) => formatters.ungrouped.format(&decimal).to_string(),
            (true, true) => formatters.percent.format(&decimal).to_string(),
            (true, false) => formatters.percent_ungrouped.format(&decimal).to_string(),
        }
    }

    /// The locale's ten digits, zero first, for templates that number
    /// things themselves (Typst's page counter).
    pub(crate) fn digits(&self) -> [String; 10] {
        let plain = Style {
            grouping: false,
            ..Style::default()
        };
        std::array::from_fn(|d| self.format(d as f64, &plain))
    }
}

/// `value` as a decimal rounded as `Intl.NumberFormat` rounds it in
/// `style` (half away from zero); `None` for NaN and infinities.
fn rounded(value: f64, style: &Style) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    // Rust writes the shortest text that reads back as the same double,
    // never in exponent form.
    let mut decimal = Decimal::try_from_str(&value.to_string()).ok()?;
    if style.percent {
        decimal.multiply_pow10(2);
        // `0.108` is `010.8` now.
        decimal.absolute.trim_start();
    }
    let half_expand = SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfExpand);
    if style.min_significant.is_some() || style.max_significant.is_some() {
        let max = style.max_significant.unwrap_or(21).clamp(1, 21) as i16;
        let min = (style.min_significant.unwrap_or(1).clamp(1, 21) as i16).min(max);
        let top = |d: &Decimal| {
            if d.absolute.is_zero() {
                0
            } else {
                d.absolute.nonzero_magnitude_start()
            }
        };
        decimal.round_with_mode(top(&decimal) - max + 1, half_expand);
        decimal.absolute.trim_end();
        decimal.absolute.pad_end(top(&decimal) - min + 1);
    } else {
        let min = style.min_fraction.unwrap_or(0).min(100) as i16;
        let default_max = if style.percent { 0 } else { 3 };
        let max = (style.max_fraction.unwrap_or(default_max).min(100) as i16).max(min);
        decimal.round_with_mode(-max, half_expand);
        decimal.absolute.trim_end();
        decimal.absolute.pad_end(-min);
    }
    if let Some(digits) = style.min_integer {
        decimal.absolute.pad_start(digits.clamp(1, 21) as i16);
    }
    Some(decimal)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `Intl.NumberFormat` (ICU, CLDR) writes, as Node 22 gives it.
    #[test]
    fn numbers_are_written_as_cldr_writes_them() {
        let plain = Style::default();
        let cases = [
            ("en", "1,234,567"),
            ("fr", "1\u{202F}234\u{202F}567"),
            ("ru", "1\u{A0}234\u{A0}567"),
            // CLDR's default numbering system for `ar` is Latin digits;
            // Egypt's Arabic keeps the Arabic-Indic ones.
            ("ar", "1,234,567"),
            (
                "ar-EG",
                "\u{661}\u{66C}\u{662}\u{663}\u{664}\u{66C}\u{665}\u{666}\u{667}",
            ),
            (
                "ff-Adlm",
                "\u{1E951}\u{2E41}\u{1E952}\u{1E953}\u{1E954}\u{2E41}\u{1E955}\u{1E956}\u{1E957}",
            ),
            ("wo", "1.234.567"),
            // Not in CLDR: the root locale.
            ("snk", "1,234,567"),
        ];
        for (tag, expected) in cases {
            assert_eq!(
                Numbers::new(tag).format(1234567.0, &plain),
                expected,
                "{tag}"
            );
        }
    }

    #[test]
    fn shares_take_the_locale_s_separator_and_percent_pattern() {
        let cases = [
            ("en", "10.8%"),
            ("fr", "10,8\u{A0}%"),
            ("ru", "10,8\u{A0}%"),
            ("ar", "10.8\u{200E}%\u{200E}"),
            // Arabic-Indic digits and separator; the percent sign is the
            // Latin digits' (`٪؜` in CLDR): ICU4X's percent data does
            // not follow the numbering system yet.
            ("ar-EG", "\u{661}\u{660}\u{66B}\u{668}\u{200E}%\u{200E}"),
        ];
        let share = |tag: &str, value: f64| {
            let style = Style {
                percent: true,
                max_fraction: Some(1),
                ..Style::default()
            };
            Numbers::new(tag).format(value, &style)
        };
        for (tag, expected) in cases {
            assert_eq!(share(tag, 0.108), expected, "{tag}");
        }
        assert_eq!(share("en", 1.0), "100%");
        assert_eq!(share("fr", 0.0), "0\u{A0}%");
    }

    #[test]
    fn number_options_round_and_pad_as_intl_does() {
        let en = Numbers::new("en");
        let with = |style: Style, value: f64| en.format(value, &style);
        let s = Style::default;
        assert_eq!(with(s(), 1.23456), "1.235");
        assert_eq!(with(s(), -1234.5), "-1,234.5");
        assert_eq!(
            with(
                Style {
                    max_significant: Some(3),
                    ..s()
                },
                1234.5678
            ),
            "1,230"
        );
        assert_eq!(
            with(
                Style {
                    min_significant: Some(3),
                    ..s()
                },
                0.000123
            ),
            "0.000123"
        );
        assert_eq!(
            with(
                Style {
                    min_integer: Some(3),
                    ..s()
                },
                5.0
            ),
            "005"
        );
        assert_eq!(
            with(
                Style {
                    grouping: false,
                    ..s()
                },
                1234567.0
            ),
            "1234567"
        );
        assert_eq!(
            with(
                Style {
                    percent: true,
                    ..s()
                },
                0.125
            ),
            "13%"
        );
        assert_eq!(
            with(
                Style {
                    max_fraction: Some(0),
                    ..s()
                },
                2.5
            ),
            "3"
        );
        let fr = Numbers::new("fr");
        let two = Style {
            min_fraction: Some(2),
            ..s()
        };
        assert_eq!(fr.format(2.5, &two), "2,50");
        // Pulaar in Latin letters is not in ICU4X's data: the root
        // locale's (CLDR writes `1 234,5`).
        assert_eq!(Numbers::new("ff").format(1234.5, &s()), "1,234.5");
        assert_eq!(en.format(f64::NAN, &s()), "NaN");
    }

    #[test]
    fn digits_and_counts_follow_the_numbering_system() {
        assert_eq!(Numbers::new("en").digits().concat(), "0123456789");
        assert_eq!(
            Numbers::new("ff-Adlm").digits().concat(),
            (0x1E950..=0x1E959)
                .filter_map(char::from_u32)
                .collect::<String>()
        );
        let plain = Style::default();
        assert_eq!(Numbers::new("ar-EG").format(12.0, &plain), "\u{661}\u{662}");
        // A tag ICU4X cannot read still gets numbers.
        assert_eq!(Numbers::new("not a tag").format(1234.0, &plain), "1,234");
    }
}
