//! Everything one page prints, resolved once: the document in its locale,
//! kyr's interface texts and notices, and for a wallet card its two sides
//! (the back in the officer locale) and the sheet's printing help (in the
//! reference locale). The back ends only lay out what is resolved here.
//! [`Messages::resolver`] is the one place a [`Resolver`] is made.

use fluent_bundle::types::{FluentNumber, FluentNumberOptions, FluentNumberStyle};

use crate::base::diag::{Diagnostic, Span, Strict};
use crate::config::{Config, Locale};
use crate::doc::model::{Block, Inline, Reference};
use crate::doc::{CardSides, Layout, Skeleton};
use crate::i18n::Messages;
use crate::i18n::resolve::{Document, Resolver, UsedMessage};
use crate::i18n::{coverage, interface};

/// A document resolved in one locale, with the interface texts and
/// notices both back ends print.
pub(crate) struct Page<'p> {
    /// What resolving the page found: diagnostics, fallbacks, messages used.
    pub(crate) resolver: Resolver<'p>,
    /// The document.
    pub(crate) document: Document,
    /// The page's locale.
    pub(crate) locale: &'p Locale,
    /// Interface texts by template name (`not-legal-advice`).
    pub(crate) texts: Vec<(&'static str, Vec<Inline>)>,
    /// The notice on every page about its translation's state: not
    /// translated yet (none of its text is), or not reviewed, or none.
    pub(crate) review_notice: Option<Vec<Inline>>,
    /// Notices about the translation: partly or mostly in another language.
    pub(crate) notices: Vec<Vec<Inline>>,
    /// The wallet card, when the document has the `card` layout; the error
    /// says why it cannot be made.
    pub(crate) card: Option<Result<Card<'p>, Box<Diagnostic>>>,
    /// Every message the whole document shows in the card's officer
    /// locale (what the card's back is made of), for incremental keys.
    pub(crate) officer_used: Vec<UsedMessage>,
}

/// The two sides of a wallet card and the sheet's help, resolved.
pub(crate) struct Card<'p> {
    /// The front: the title and the front section, in the page's locale.
    pub(crate) front: Document,
    /// The back: the back section, in the officer locale.
    pub(crate) back: Document,
    /// The officer locale.
    pub(crate) officer: &'p Locale,
    /// How to print a card sheet, in the reference locale.
    pub(crate) sheet_help: Vec<Inline>,
    /// The reference locale, the sheet help's language.
    pub(crate) reference: Option<&'p Locale>,
    /// Problems met resolving the sides, which belong to the page once its
    /// card is printed.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Problems met resolving the sheet help, reported with each card file.
    pub(crate) help_diagnostics: Vec<Diagnostic>,
    /// A side had an error of its locale: the page must not be written.
    pub(crate) failed: bool,
}

/// The index page's texts: the project's title, interface texts, and each
/// document's title in each locale.
pub(crate) struct IndexTexts {
    /// The project's title, in the reference locale.
    pub(crate) title: Vec<Inline>,
    /// Interface texts by template name.
    pub(crate) texts: Vec<(&'static str, Vec<Inline>)>,
    /// Document titles: `titles[locale][document]`, in configuration and
    /// skeleton order; `None` where the page does not exist.
    pub(crate) titles: Vec<Vec<Option<Vec<Inline>>>>,
    /// Each locale's state, in configuration order: how much is
    /// translated, and the review notice unless it is reviewed, both in
    /// that locale's language (through its chain).
    pub(crate) states: Vec<(Vec<Inline>, Option<Vec<Inline>>)>,
}

impl<'p> Messages<'p> {
    /// A problem with no place of its own is shown at `kyr.toml`.
    pub(crate) fn anchor(&self) -> Span {
        Span::new(self.config_file, 0..0)
    }

    /// A resolver for `document` in `locale`; `date` is the
    /// document's last review, the `$date` variable.
    pub(crate) fn resolver(
        &self,
        locale: &'p Locale,
        document: &str,
        strict: Strict,
        date: Option<&str>,
    ) -> Resolver<'p> {
        let extra: &[(&str, &str)] = match &date {
            Some(date) => &[("date", date)],
            None => &[],
        };
        self.resolver_with(locale, document, strict, extra)
    }

    /// A resolver with its own variables besides the project's.
    fn resolver_with(
        &self,
        locale: &'p Locale,
        document: &str,
        strict: Strict,
        extra: &[(&str, &str)],
    ) -> Resolver<'p> {
        Resolver::new(
            self.config,
            self.catalog,
            locale,
            document,
            strict,
            extra,
            self.anchor(),
        )
    }

    /// Resolves a document in a locale.
    pub(crate) fn page(&self, locale: &'p Locale, skeleton: &Skeleton, strict: Strict) -> Page<'p> {
        let (mut resolver, document, texts, review_notice, notices) =
            self.body(locale, skeleton, strict);
        let is_card = skeleton.front.layouts.contains(&Layout::Card);
        let officer_used = match self
            .config
            .locale(skeleton.front.officer_locale(self.config))
        {
            Some(officer) if is_card => self.body(officer, skeleton, Strict::OFF).0.used,
            _ => Vec::new(),
        };
        let card = is_card.then(|| self.card(locale, skeleton));
        if let Some(unlinked) = self.unlinked_recordings(locale, skeleton, &document) {
            resolver.diagnostics.push(unlinked.promote(strict));
        }
        Page {
            resolver,
            document,
            locale,
            texts,
            review_notice,
            notices,
            card,
            officer_used,
        }
    }

    /// The document, its interface texts, the review notice and the
    /// translation notices.
    #[allow(clippy::type_complexity)]
    fn body(
        &self,
        locale: &'p Locale,
        skeleton: &Skeleton,
        strict: Strict,
    ) -> (
        Resolver<'p>,
        Document,
        Vec<(&'static str, Vec<Inline>)>,
        Option<Vec<Inline>>,
        Vec<Vec<Inline>>,
    ) {
        let date = skeleton.front.last_reviewed.as_deref();
        let mut resolver = self.resolver(locale, &skeleton.name, strict, date);
        let document = resolver.document(skeleton);
        // Counted before the interface texts are resolved: the document's
        // own messages only.
        let shown = resolver.used.len();
        let borrowed = resolver
            .used
            .iter()
            .filter(|u| u.locale != locale.tag)
            .count();
        // No review date, no line saying when it was.
        // "Listen" labels recordings, and the QR code of a card read by
        // ear first: a page without either does not need it (a project
        // started before kyr played recordings may not have it).
        let listens =
            locale.audio_first || !crate::doc::model::recordings(&document.blocks).is_empty();
        let texts = interface::page_texts()
            .filter(|m| date.is_some() || m.id != interface::LAST_REVIEWED)
            .filter(|m| listens || m.id != interface::LISTEN)
            .map(|m| (m.name, resolver.interface_message(m.id)))
            .collect();
        // A page with nothing translated has nothing to review: its notice
        // says it is not translated yet, on every page, and says it all
        // (a project made before kyr had the message keeps the review
        // notice).
        let untranslated =
            untranslated(borrowed, shown) && self.defines(locale, interface::NOT_TRANSLATED);
        let review_notice = if untranslated {
            Some(resolver.interface_message(interface::NOT_TRANSLATED))
        } else {
            (!locale.reviewed).then(|| resolver.interface_message(interface::UNREVIEWED))
        };
        let mut notices = Vec::new();
        if untranslated {
            // Said by the notice above.
        } else if mostly_borrowed(borrowed, shown) {
            notices.push(resolver.interface_message(interface::MOSTLY_FALLBACK));
        } else if !resolver.fallbacks.is_empty() {
            notices.push(resolver.interface_message(interface::PARTIAL));
        }
        (resolver, document, texts, review_notice, notices)
    }

    /// Whether a locale's chain has the message `id`.
    fn defines(&self, locale: &Locale, id: &str) -> bool {
        locale
            .chain
            .iter()
            .any(|tag| self.catalog.get(tag).is_some_and(|b| b.defines(id)))
    }

    /// The warning for a page read by ear first (its locale is
    /// `audio_first`) that plays recordings, when no `qr` address says
    /// where it is published: its card has no code to them, and its chat
    /// and SMS text cannot point to them. At the locale's table in kyr.toml.
    fn unlinked_recordings(
        &self,
        locale: &Locale,
        skeleton: &Skeleton,
        document: &Document,
    ) -> Option<Diagnostic> {
        let plays = !crate::doc::model::recordings(&document.blocks).is_empty();
        let published =
            self.config
                .qr_address(skeleton.front.qr.as_deref(), locale, &skeleton.name);
        (locale.audio_first && plays && published.is_none()).then(|| {
            Diagnostic::warning(format!(
                "`{tag}` is read by ear first, but no `qr` address says where the page of \
                 `{tag}/{doc}` with its recordings is published: its card carries no code to \
                 them and its chat and SMS text cannot point to them",
                tag = locale.tag,
                doc = skeleton.name
            ))
            .code("recordings-unlinked")
            .at(locale.span.clone())
            .hint(
                "set `qr = \"https://…/{locale}/{document}.html\"` in kyr.toml, where the HTML \
                 pages are published",
            )
        })
    }

    /// The sides of a wallet card: the front from the document in its
    /// locale, the back in the officer locale.
    fn card(&self, locale: &'p Locale, skeleton: &Skeleton) -> Result<Card<'p>, Box<Diagnostic>> {
        let CardSections { sides, front, back } = card_sections(skeleton)?;
        let officer = self
            .config
            .locale(skeleton.front.officer_locale(self.config))
            .ok_or_else(|| Box::new(unknown_officer_locale(skeleton, self.config)))?;
        let mut diagnostics = Vec::new();
        let mut failed = false;
        let mut part = |locale: &'p Locale, blocks: &[Block]| {
            let mut resolver = self.resolver(
                locale,
                &skeleton.name,
                Strict::OFF,
                skeleton.front.last_reviewed.as_deref(),
            );
            let part = Skeleton {
                blocks: without(blocks.to_vec(), &sides.skip),
                ..skeleton.clone()
            };
            let document = resolver.document(&part);
            diagnostics.extend(resolver.diagnostics);
            failed |= resolver.failed;
            document
        };
        let front = part(locale, front);
        let back = part(officer, back);
        let reference = self.config.locale(&self.config.reference);
        let (sheet_help, help_diagnostics) = self.sheet_help(reference);
        Ok(Card {
            front,
            back,
            officer,
            sheet_help,
            reference,
            diagnostics,
            help_diagnostics,
            failed,
        })
    }

    /// How to print a card sheet, in the project's own language (whoever
    /// prints reads that one), with the problems met resolving it.
    fn sheet_help(&self, reference: Option<&'p Locale>) -> (Vec<Inline>, Vec<Diagnostic>) {
        match reference {
            Some(reference) => {
                let mut help_resolver = self.resolver(reference, "card-sheet", Strict::OFF, None);
                let text = help_resolver.interface_message(interface::CARD_SHEET_HELP);
                (text, help_resolver.diagnostics)
            }
            None => (Vec::new(), Vec::new()),
        }
    }

    /// The index page's texts, in the reference locale, and the title of
    /// each document in each locale whose page `exists` (`fr/door.html`).
    /// `None` when the reference locale is not configured.
    pub(crate) fn index(
        &self,
        exists: &dyn Fn(&str) -> bool,
        strict: Strict,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<IndexTexts> {
        let config = self.config;
        let reference = config.locale(&config.reference)?;
        let mut resolver = self.resolver(reference, "index", strict, None);
        let title_span = self
            .catalog
            .get(&config.reference)
            .and_then(|b| b.sources.get(&config.title))
            .map(|s| Span::new(s.file, s.id.clone()))
            .unwrap_or_else(|| self.anchor());
        let title = resolver.inline_message(&Reference {
            id: config.title.clone(),
            attr: None,
            span: title_span,
        });
        let texts = interface::index_texts()
            .map(|m| (m.name, resolver.interface_message(m.id)))
            .collect();
        diagnostics.extend(resolver.diagnostics);
        Some(IndexTexts {
            title,
            texts,
            states: self.locale_states(strict, diagnostics),
            titles: self.document_titles(exists, strict, diagnostics),
        })
    }

    /// Every configured locale's state for the index, in configuration
    /// order, in its own language: how much is translated, and the review
    /// notice unless it is reviewed.
    fn locale_states(
        &self,
        strict: Strict,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<(Vec<Inline>, Option<Vec<Inline>>)> {
        let coverage = coverage::coverage(self, &[]);
        let mut states = Vec::new();
        for (locale, covered) in self.config.locales.values().zip(&coverage) {
            let mut resolver = self.resolver(locale, "index", strict, None);
            resolver.set_numbers(&shares(covered.percent));
            let translated = resolver.interface_message(interface::TRANSLATED);
            let review =
                (!locale.reviewed).then(|| resolver.interface_message(interface::UNREVIEWED));
            diagnostics.extend(resolver.diagnostics);
            states.push((translated, review));
        }
        states
    }

    /// The title of each document in each locale whose page `exists`:
    /// `[locale][document]`, in configuration and skeleton order.
    fn document_titles(
        &self,
        exists: &dyn Fn(&str) -> bool,
        strict: Strict,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<Vec<Option<Vec<Inline>>>> {
        let mut titles = Vec::new();
        for locale in self.config.locales.values() {
            let mut of_locale = Vec::new();
            for skeleton in self.skeletons {
                if !exists(&format!("{}/{}.html", locale.tag, skeleton.name)) {
                    of_locale.push(None);
                    continue;
                }
                let mut title_resolver = self.resolver(locale, &skeleton.name, strict, None);
                of_locale.push(Some(title_resolver.inline_message(&skeleton.front.title)));
                diagnostics.extend(title_resolver.diagnostics);
            }
            titles.push(of_locale);
        }
        titles
    }
}

/// A card's sides and the blocks of each: the front section without its
/// heading (and never the document's title), the back section under its
/// heading. The card's room goes to the text, at a readable size.
fn card_sections(skeleton: &Skeleton) -> Result<CardSections<'_>, Box<Diagnostic>> {
    let sides = skeleton.front.card.as_ref().ok_or_else(|| {
        Box::new(
            Diagnostic::error("the `card` layout needs a `[card]` table")
                .at(Span::new(skeleton.file, 0..0)),
        )
    })?;
    let missing = |r: &Reference| Box::new(no_card_side(r));
    let (front_start, front_end) = skeleton
        .section_of(&sides.front.id)
        .ok_or_else(|| missing(&sides.front))?;
    let (back_start, back_end) = skeleton
        .section_of(&sides.back.id)
        .ok_or_else(|| missing(&sides.back))?;
    Ok(CardSections {
        sides,
        front: &skeleton.blocks[(front_start + 1).max(1)..front_end],
        back: &skeleton.blocks[back_start + 1..back_end],
    })
}

/// The skeleton blocks each side of a card shows.
struct CardSections<'s> {
    sides: &'s CardSides,
    front: &'s [Block],
    back: &'s [Block],
}

/// A card side (`[card] front` or `back`) names a message no heading shows.
pub(crate) fn no_card_side(side: &Reference) -> Diagnostic {
    Diagnostic::error(format!(
        "no heading shows message `{}`, so the card has nothing to print there",
        side.id
    ))
    .code("card")
    .at(side.span.clone())
    .hint("name the message of a heading (`## { id }`) of this document")
}

/// A card's `officer_locale` is not configured (the default always is),
/// at its value.
pub(crate) fn unknown_officer_locale(skeleton: &Skeleton, config: &Config) -> Diagnostic {
    let span = skeleton
        .front
        .officer
        .as_ref()
        .map_or_else(|| Span::new(skeleton.file, 0..0), |(_, at)| at.clone());
    let known: Vec<&str> = config.locales.keys().map(String::as_str).collect();
    Diagnostic::error(format!(
        "`officer_locale = \"{}\"` is not a configured locale",
        skeleton.front.officer_locale(config)
    ))
    .code("card")
    .at(span)
    .hint(format!(
        "name one of {}, or leave `officer_locale` out: the card's back is then in English when the project has it, else in `{}`, the reference",
        known.join(", "),
        config.reference
    ))
}

/// Blocks without the paragraphs and list items that are just a skipped
/// message.
fn without(blocks: Vec<Block>, skip: &[String]) -> Vec<Block> {
    let skipped = |b: &Block| match b {
        Block::Message(r) => skip.contains(&r.id),
        Block::Paragraph(inlines) => {
            matches!(inlines.as_slice(), [Inline::Message(r)] if skip.contains(&r.id))
        }
        _ => false,
    };
    blocks
        .into_iter()
        .filter(|b| !skipped(b))
        .map(|b| match b {
            Block::List { start, items } => Block::List {
                start,
                items: items
                    .into_iter()
                    .filter(|item| !(item.len() == 1 && skipped(&item[0])))
                    .map(|item| without(item, skip))
                    .collect(),
            },
            Block::Quote(inner) => Block::Quote(without(inner, skip)),
            other => other,
        })
        .collect()
}

/// Whether a page shows its messages only from other locales: then its
/// notice says it is not translated yet.
fn untranslated(borrowed: usize, shown: usize) -> bool {
    borrowed > 0 && borrowed == shown
}

/// Whether a page shows more of its messages from other locales than from
/// its own: then its notice says the page is mostly not translated.
fn mostly_borrowed(borrowed: usize, shown: usize) -> bool {
    borrowed * 2 > shown
}

/// A language's translated share for `kyr-translated`, written the way
/// of the language of the text it lands in: `$percent`, the number
/// alone (`10,8` in French), and `$share`, with the percent sign
/// (`10,8 %`).
fn shares(percent: f64) -> [(&'static str, FluentNumber); 2] {
    let tenths = FluentNumberOptions {
        maximum_fraction_digits: Some(1),
        ..FluentNumberOptions::default()
    };
    let share = FluentNumberOptions {
        style: FluentNumberStyle::Percent,
        ..tenths.clone()
    };
    [
        ("percent", FluentNumber::new(percent, tenths)),
        ("share", FluentNumber::new(percent / 100.0, share)),
    ]
}
