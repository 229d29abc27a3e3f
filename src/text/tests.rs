use super::*;

#[test]
fn unpaired_isolates_and_embeddings_are_dropped_per_line() {
    assert_eq!(balance_lines("a\u{2066}b\u{2069}c"), "a\u{2066}b\u{2069}c");
    assert_eq!(balance_lines("a\u{2066}b\nc\u{2069}d"), "ab\ncd");
    assert_eq!(balance_lines("\u{2069}\u{202C}x\u{202B}"), "x");
    // A PDI closes the embedding opened inside its isolate.
    assert_eq!(
        balance_lines("\u{2067}\u{202A}x\u{2069}"),
        "\u{2067}x\u{2069}"
    );
    assert_eq!(
        balance_lines("\u{202B}x\u{202C} \u{2068}y\u{2069}"),
        "\u{202B}x\u{202C} \u{2068}y\u{2069}"
    );
}

#[test]
fn numbers_are_isolated_only_in_right_to_left_text() {
    assert_eq!(
        isolate("+1 (555) 010-1234", Direction::Ltr),
        "+1 (555) 010-1234"
    );
    assert_eq!(
        isolate("+1 (555) 010-1234", Direction::Rtl),
        "\u{2066}+1 (555) 010-1234\u{2069}"
    );
    assert_eq!(isolate("مساعدة", Direction::Rtl), "مساعدة");
    assert_eq!(isolate("مساعدة", Direction::Ltr), "\u{2067}مساعدة\u{2069}");
    assert_eq!(
        isolate("مركز 24", Direction::Rtl),
        "\u{2068}مركز 24\u{2069}"
    );
}

#[test]
fn a_right_to_left_line_that_starts_in_latin_gets_an_rlm() {
    assert_eq!(
        start_lines("WhatsApp متاح", Direction::Rtl),
        "\u{200F}WhatsApp متاح"
    );
    assert_eq!(
        start_lines("متاح WhatsApp", Direction::Rtl),
        "متاح WhatsApp"
    );
    // An isolated number first does not decide the line's direction.
    let line = "\u{2066}+1 555\u{2069} اتصل";
    assert_eq!(start_lines(line, Direction::Rtl), line);
    assert_eq!(start_lines("Call 911", Direction::Ltr), "Call 911");
}

#[test]
fn long_text_is_cut_at_sections_then_paragraphs_then_words_and_numbered() {
    let fits = |text: &str| text.chars().count() <= 40;
    let section = |text: &str, heads| Section {
        text: text.to_owned(),
        heads,
    };
    let sections = [
        section("*One*\n\nshort", 1),
        section("*Two*\n\nsome words that are far too many for one", 1),
    ];
    let messages = cut(&sections, &fits);
    assert_eq!(
        messages,
        [
            "(1/3) *One*\n\nshort",
            "(2/3) *Two*\n\nsome words that are far too",
            "(3/3) many for one",
        ]
    );
    assert!(messages.iter().all(|m| fits(m)));
    // One message needs no number.
    assert_eq!(cut(&[section("a", 0)], &fits), ["a"]);
    // Without a heading, a paragraph that fits in a message of its own
    // starts one.
    let plain = [section("a first paragraph\n\nthen a second one, longer", 0)];
    assert_eq!(
        cut(&plain, &fits),
        ["(1/2) a first paragraph", "(2/2) then a second one, longer"]
    );
}

#[test]
fn words_are_not_cut_inside_a_phone_number() {
    let text = "call \u{2066}+1 (555) 010-1234\u{2069} now";
    assert_eq!(
        words(text),
        ["call", "\u{2066}+1 (555) 010-1234\u{2069}", "now"]
    );
    assert_eq!(sentences("One. Two? Three"), ["One.", "Two?", "Three"]);
}

#[test]
fn a_run_with_no_space_is_cut_between_grapheme_clusters() {
    use unicode_segmentation::UnicodeSegmentation as _;
    let fits = |text: &str| text.chars().count() <= 40;
    let runs = [
        "e\u{301}".repeat(60),                 // e and a combining acute
        "\u{2764}\u{FE0F}".repeat(60),         // a heart and its variation selector
        "\u{1100}\u{1161}\u{11A8}".repeat(40), // Hangul as jamo
        "\u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}".repeat(12), // a flag's tags
        "\u{0915}\u{094D}\u{0937}".repeat(40), // Devanagari ksha: a virama between consonants
    ];
    for run in runs {
        let section = Section {
            text: run.clone(),
            heads: 0,
        };
        let messages = cut(&[section], &fits);
        assert!(messages.len() > 1, "{run}");
        let mut joined = String::new();
        for message in &messages {
            let body = message
                .split_once(") ")
                .map_or(message.as_str(), |(_, b)| b);
            assert!(fits(message), "{message}");
            // Each part holds whole clusters: it starts where the run's
            // clusters start.
            let starts: Vec<usize> = run.grapheme_indices(true).map(|(i, _)| i).collect();
            assert!(
                starts.contains(&joined.len()),
                "a part of {run:?} starts inside a cluster"
            );
            joined.push_str(body);
        }
        assert_eq!(joined, run);
    }
}

#[test]
fn a_heading_stays_with_the_text_after_its_language_mark() {
    let fits = |text: &str| text.chars().count() <= 60;
    // The text under the heading is in another language: its mark is a
    // line of its own, and the text is too long to join the heading whole.
    let section = Section {
        text: "*Check the warrant*\n\n[Français]\nLes agents peuvent entrer chez vous \
               seulement avec un mandat signé par un juge."
            .to_owned(),
        heads: 1,
    };
    let messages = cut(&[section], &fits);
    assert!(messages.len() > 1, "{messages:?}");
    assert!(
        messages[0].starts_with("(1/")
            && messages[0].contains("*Check the warrant*\n\n[Français]\nLes"),
        "{messages:?}"
    );
    // No message ends with a mark cut off from its text.
    for message in &messages {
        assert!(!message.ends_with("[Français]"), "{message:?}");
    }
    assert_eq!(lines("[Français]\nUn\nDeux"), ["[Français]\nUn", "Deux"]);
    assert!(is_mark("[Kreyòl ayisyen]") && !is_mark("[a] b") && !is_mark("[]"));
}

#[test]
fn a_heading_with_no_text_of_its_own_joins_the_next_section() {
    let fits = |text: &str| text.chars().count() <= 40;
    let section = |text: &str, heads| Section {
        text: text.to_owned(),
        heads,
    };
    let sections = with_lone_headings_joined(vec![
        section("some opening words here", 0),
        section("*Part*", 1),
        section("*Chapter*\n\nthe chapter's text, too long to fit", 1),
    ]);
    assert_eq!(sections.len(), 2);
    assert_eq!(sections[1].heads, 2);
    let messages = cut(&sections, &fits);
    // Neither heading is left alone or at the end of a message.
    for message in &messages {
        let body = message
            .split_once(") ")
            .map_or(message.as_str(), |(_, b)| b);
        assert!(
            !body.ends_with("*Part*") && !body.ends_with("*Chapter*"),
            "{messages:?}"
        );
    }
    assert!(
        messages
            .iter()
            .any(|m| m.contains("*Part*\n\n*Chapter*\n\nthe")),
        "{messages:?}"
    );
}

#[test]
fn language_marks_are_spelt_in_gsm_letters_where_they_can_be() {
    assert_eq!(gsm_spelling("[Français]").as_deref(), Some("[Francais]"));
    assert_eq!(gsm_spelling("[Português]").as_deref(), Some("[Portugues]"));
    // Letters of the GSM alphabet stay as they are.
    assert_eq!(gsm_spelling("[Español]").as_deref(), Some("[Español]"));
    assert_eq!(
        gsm_spelling("[Kreyòl ayisyen]").as_deref(),
        Some("[Kreyòl ayisyen]")
    );
    // Scripts with no GSM look-alike keep their own letters.
    assert_eq!(gsm_spelling("[العربية]"), None);
    assert_eq!(gsm_spelling("[𞤆𞤵𞤤𞤢𞤪]"), None);
    let mark = gsm_spelling("[Français]").unwrap();
    let cost = sms::cost(&format!("{mark} Gardez le silence. Ne mentez pas."));
    assert_eq!(cost.encoding, sms::Encoding::Gsm7);
}

#[test]
fn a_ucs2_part_gets_its_marks_own_letters_back_and_a_gsm_part_keeps_gsm_ones() {
    let lang = Lang {
        tag: "fr".into(),
        dir: Direction::Ltr,
        name: "Français".into(),
    };
    let writer = Writer::new(Style::Sms, None);
    assert_eq!(writer.mark(&lang), "[Francais]");
    assert_eq!(
        writer.own_letters("[Francais] Gardez le silence.".into()),
        "[Francais] Gardez le silence."
    );
    assert_eq!(
        writer.own_letters("[Francais] par une fenêtre".into()),
        "[Français] par une fenêtre"
    );
    // A chat has no alphabet to keep to.
    assert_eq!(Writer::new(Style::Chat, None).mark(&lang), "[Français]");
}
