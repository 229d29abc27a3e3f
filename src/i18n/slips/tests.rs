use super::*;

fn known() -> HashSet<String> {
    ["card-door", "card-show", "card-call", "card-intro"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

/// (line, column) of a slip's place, from 1, counting characters.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

fn one(text: &str) -> (Slip, (usize, usize)) {
    let mut slips = find(text, &known());
    assert_eq!(slips.len(), 1, "{slips:#?}");
    let slip = slips.remove(0);
    let at = line_col(text, slip.at.start);
    (slip, at)
}

#[test]
fn a_space_before_an_id_costs_that_message_not_the_one_above() {
    for space in [" ", "\t", "\u{A0}", "\u{3000}", "\u{200F}"] {
        let text = format!(
            "card-door = N'ouvrez pas.\n{space}card-show = Glissez\n    la carte.\ncard-call = Appelez\n"
        );
        let (slip, at) = one(&text);
        assert_eq!(at, (2, 1));
        assert_eq!(slip.costs.as_deref(), Some("card-show"));
        assert!(
            slip.message.contains("before `card-show`"),
            "{}",
            slip.message
        );
        // Its lines (and no other) are kept from Fluent.
        let start = text.find(&format!("\n{space}")).unwrap() + 1;
        assert_eq!(
            &text[slip.entry.clone()],
            &text[start..text.find("card-call").unwrap()]
        );
    }
    let (slip, _) = one("card-door = A\n\u{A0}card-show = B\n");
    assert!(
        slip.message.contains("U+00A0 NO-BREAK SPACE"),
        "{}",
        slip.message
    );
}

#[test]
fn text_that_only_looks_like_an_id_stays_text() {
    // An indented line `Word = ...` in a value, with no `-` and no id the
    // project uses, is the translator's text.
    assert!(find("card-door = A\n    Total = 3\n", &known()).is_empty());
    assert!(find("card-door = A\n    .title = B\n", &known()).is_empty());
    assert!(
        find(
            "card-door = { $n ->\n    [one] un\n   *[other] « plusieurs » l’agent\n}\n",
            &known()
        )
        .is_empty()
    );
    assert!(find("card-door = { \"«\" }\n", &known()).is_empty());
    assert!(find("card-door = « { $hotline } »\n", &known()).is_empty());
}

#[test]
fn indentation_that_is_not_spaces_is_named_at_its_line() {
    let (slip, at) = one("card-intro = A\n\u{A0}\u{A0}B\n");
    assert_eq!(at, (2, 1));
    assert!(
        slip.message
            .contains("line 2 is indented with U+00A0 NO-BREAK SPACE")
    );
    assert_eq!(slip.costs.as_deref(), Some("card-intro"));
    let (slip, _) = one("card-intro = A\n\tB\n");
    assert!(slip.message.contains("a tab (U+0009)"), "{}", slip.message);
    // Spaces first, then a no-break space: Fluent reads the spaces.
    assert!(find("card-intro = A\n    \u{A0}B\n", &known()).is_empty());
}

#[test]
fn quotes_marks_and_odd_spaces_inside_braces_are_named() {
    for (typed, name) in [
        (
            "{ \u{201C}$hotline\u{201D} }",
            "U+201C LEFT DOUBLE QUOTATION MARK",
        ),
        (
            "{ \u{AB}$hotline\u{BB} }",
            "U+00AB LEFT-POINTING DOUBLE ANGLE",
        ),
        ("{ \u{2032}$hotline }", "U+2032 PRIME"),
        ("{ \u{200F}$hotline }", "U+200F RIGHT-TO-LEFT MARK"),
        ("{\u{A0}$hotline }", "U+00A0 NO-BREAK SPACE"),
        (
            "{ $t\u{E9}l\u{E9}phone }",
            "U+00E9 LATIN SMALL LETTER E WITH ACUTE",
        ),
    ] {
        let text = format!("card-call = Appelez {typed}.\n");
        let (slip, at) = one(&text);
        assert!(slip.message.contains(name), "{typed}: {}", slip.message);
        assert_eq!(at.0, 1);
        assert!(at.1 > 20, "{typed}: {at:?}");
        assert_eq!(slip.costs.as_deref(), Some("card-call"));
    }
    for typed in [
        "pour {une aide",
        "pour { une aide }",
        "pour {l'agent",
        "\u{627}{\u{628}",
        "agents {officers (ICE)",
        "**Stay {silent.**",
    ] {
        let text = format!("card-call = {typed}\n");
        let (slip, _) = one(&text);
        assert!(
            slip.message.contains("this `{` starts no"),
            "{typed}: {}",
            slip.message
        );
        assert_eq!(slip.at.start, text.find('{').unwrap(), "{typed}");
    }
    for fine in [
        "{ other-message }",
        "{ NUMBER($n) }",
        "{ msg.attr }",
        "{ -term }",
        "{ 5 }",
    ] {
        assert!(
            find(&format!("card-call = {fine}\n"), &known()).is_empty(),
            "{fine}"
        );
    }
    // The hint names the variable the braces hold.
    let (slip, _) = one("card-call = Appelez { \u{201C}$organization\u{201D} }.\n");
    assert!(
        slip.hint.contains("write `{ $organization }`"),
        "{}",
        slip.hint
    );
    let (slip, at) = one("card-call = Appelez } vite\n");
    assert_eq!(at, (1, 21));
    assert!(slip.message.contains("closes no `{`"));
}

#[test]
fn ids_fluent_cannot_read_say_which_was_meant_and_spare_the_message_above() {
    let (slip, at) = one("card-show = A\nc\u{E0}rd-door = B\n");
    assert_eq!(at, (2, 2));
    assert_eq!(slip.costs.as_deref(), Some("card-door"));
    assert!(slip.hint.starts_with("did you mean `card-door`?"));
    let (slip, at) = one("card-show = A\ncard door = B\n");
    assert_eq!(at, (2, 5));
    assert_eq!(slip.costs.as_deref(), Some("card-door"));
    let (slip, at) = one("card-show = A\ncard-door B\n");
    assert_eq!(at, (2, 11));
    assert!(slip.message.contains("no `=` after its id"));
    // Text at the start of a line that names nothing is Fluent's to report.
    assert!(find("card-show = A\nla porte.\n", &known()).is_empty());
}

#[test]
fn a_hash_inside_a_message_or_lines_left_commented_cost_that_message() {
    let (slip, at) = one("card-intro = A\n#    B\n    C\ncard-door = D\n");
    assert_eq!(at, (2, 1));
    assert!(slip.hint.contains("line 2 is still commented out"));
    let (slip, _) = one("card-intro = A\n# English note\n    C\n");
    assert!(slip.hint.contains("a comment goes above"));
    let (slip, at) = one("card-intro = A\n#\n#     B\n#     C\n\ncard-door = D\n");
    assert_eq!(at, (3, 1));
    assert!(slip.hint.contains("lines 3 to 4"), "{}", slip.hint);
    // A commented block `kyr sync` wrote, after a blank line, is no slip.
    assert!(find("card-intro = A\n\n# card-door =\n#     B\n", &known()).is_empty());
    assert!(
        find(
            "card-intro = A\n\n# (en note) x\n# card-door = B\n",
            &known()
        )
        .is_empty()
    );
}

#[test]
fn escaped_markers_do_not_count() {
    assert_eq!(count_unescaped("**a** b", "**"), 2);
    assert_eq!(count_unescaped("**a b", "**"), 1);
    assert_eq!(count_unescaped("\\**a", "**"), 0);
    assert_eq!(unclosed_emphasis("**a** and __b"), Some("__"));
    assert_eq!(unclosed_emphasis("**a** and __b__"), None);
}
