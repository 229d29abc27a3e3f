//! How values reach Fluent and how Fluent writes them. A variable reaches
//! Fluent as its real value (a number when its text is a plain decimal
//! number), so a selector sees it (`{ $gender -> [female] … }`, plural
//! categories); where Fluent writes the variable itself, the bundle's
//! formatter writes its placeholder character instead, which the back
//! ends isolate, mark and link, and print as the variable's text,
//! unchanged. Every other number Fluent writes (`NUMBER()`, a number
//! literal) is written the locale's way, as `@fluent/bundle` and
//! `fluent.runtime` write it through CLDR.

use std::cell::RefCell;
use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Arc;

use fluent_bundle::FluentArgs;
use fluent_bundle::types::{FluentNumber, FluentNumberStyle, FluentValue};
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

use crate::base::numbers::{Numbers, Style};

/// A variable's text as the value Fluent selects on: a number when it is
/// written as a plain decimal number (`3`, `-2.50`), else the text.
pub(crate) fn value_of(text: &str) -> FluentValue<'static> {
    if is_plain_number(text)
        && let Ok(number) = text.parse::<FluentNumber>()
    {
        return FluentValue::Number(number);
    }
    FluentValue::String(text.to_owned().into())
}

/// `-`, digits, and a fraction after a `.`: nothing Rust would read as a
/// number that a person would not (`+1`, `1e5`, `inf`).
pub(crate) fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

/// The placeholder of each variable of one set of Fluent arguments.
#[derive(Debug, Default)]
pub(crate) struct Placeholders {
    /// By the address of the argument's value: what Fluent writes for
    /// `{ $name }` is that very value.
    by_address: HashMap<usize, String>,
    /// By text, for a variable's value passed on to a term
    /// (`-term(x: $name)`), which Fluent copies; `None` when two
    /// variables have the same text.
    by_text: HashMap<String, Option<String>>,
}

impl Placeholders {
    /// The placeholders of `args`, whose argument `name` stands for
    /// `placeholder(name)`. `args` must not change while they are used.
    pub(crate) fn new(args: &FluentArgs, placeholder: impl Fn(&str) -> Option<char>) -> Self {
        let mut found = Placeholders::default();
        for (name, value) in args.iter() {
            let Some(placeholder) = placeholder(name) else {
                continue;
            };
            let placeholder = placeholder.to_string();
            found.by_address.insert(address(value), placeholder.clone());
            if let FluentValue::String(text) = value {
                found
                    .by_text
                    .entry(text.to_string())
                    .and_modify(|p| *p = None)
                    .or_insert(Some(placeholder));
            }
        }
        found
    }

    fn of(&self, value: &FluentValue) -> Option<String> {
        if let Some(placeholder) = self.by_address.get(&address(value)) {
            return Some(placeholder.clone());
        }
        match value {
            FluentValue::String(text) => self.by_text.get(text.as_ref())?.clone(),
            _ => None,
        }
    }
}

fn address(value: &FluentValue) -> usize {
    std::ptr::from_ref(value) as usize
}

thread_local! {
    /// The placeholders of the arguments being formatted on this thread.
    static CURRENT: RefCell<Option<Arc<Placeholders>>> = const { RefCell::new(None) };
}

/// Runs `format` (a call to Fluent with the arguments of `placeholders`)
/// with the formatter writing their variables as placeholders.
pub(crate) fn with_placeholders<R>(
    placeholders: &Arc<Placeholders>,
    format: impl FnOnce() -> R,
) -> R {
    let before = CURRENT.with(|c| c.replace(Some(Arc::clone(placeholders))));
    let result = format();
    CURRENT.with(|c| c.replace(before));
    result
}

/// The bundles' formatter: a variable as its placeholder, a number the
/// locale's way; `None` (Fluent writes it) for anything else.
pub(crate) fn write(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let placeholder = CURRENT.with(|c| c.borrow().as_ref().and_then(|p| p.of(value)));
    if placeholder.is_some() {
        return placeholder;
    }
    let FluentValue::Number(number) = value else {
        return None;
    };
    let style = style_of(number)?;
    intls
        .with_try_get::<LocaleNumbers, _, _>((), |numbers| numbers.0.format(number.value, &style))
        .ok()
}

/// How `NUMBER()`'s options ask for a number to be written; `None` for a
/// currency, which kyr leaves to Fluent.
fn style_of(number: &FluentNumber) -> Option<Style> {
    let options = &number.options;
    let percent = match options.style {
        FluentNumberStyle::Decimal => false,
        FluentNumberStyle::Percent => true,
        FluentNumberStyle::Currency => return None,
    };
    Some(Style {
        percent,
        grouping: options.use_grouping,
        min_integer: options.minimum_integer_digits,
        min_fraction: options.minimum_fraction_digits,
        max_fraction: options.maximum_fraction_digits,
        min_significant: options.minimum_significant_digits,
        max_significant: options.maximum_significant_digits,
    })
}

/// A bundle's number formatters, made once per bundle in its cache.
struct LocaleNumbers(Numbers);

impl Memoizable for LocaleNumbers {
    type Args = ();
    type Error = Infallible;

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, Infallible> {
        Ok(LocaleNumbers(Numbers::new(&lang.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_decimal_numbers_are_numbers() {
        for number in ["3", "-2.50", "0", "1234567"] {
            assert!(is_plain_number(number), "{number}");
        }
        for text in ["+1", "1e5", "inf", "NaN", "3.", ".5", "555 0100", "", "-"] {
            assert!(!is_plain_number(text), "{text}");
        }
        assert!(matches!(value_of("3"), FluentValue::Number(_)));
        assert!(matches!(value_of("+1 555"), FluentValue::String(_)));
    }
}
