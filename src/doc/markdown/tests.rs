use super::*;

const DEPTH: usize = crate::config::Limits::NESTING_CEILING;

fn var(text: &str) -> Var {
    Var {
        text: text.into(),
        link: None,
    }
}

fn message(text: &str, vars: &[(String, Var)]) -> (Vec<Block>, Vec<Problem>) {
    parse_blocks(text, &Mode::Message { vars }, DEPTH)
}

#[test]
fn variables_become_isolated_nodes_without_fluent_marks() {
    let vars = [("hotline".to_owned(), var("+1 (555) 010-1234"))];
    let (blocks, problems) = message("Call \u{2068}\u{E000}\u{2069} **now**.", &vars);
    assert!(problems.is_empty());
    assert_eq!(
        blocks,
        [Block::Paragraph(vec![
            Inline::Text("Call ".into()),
            Inline::Var {
                name: "hotline".into(),
                text: "+1 (555) 010-1234".into(),
                link: None
            },
            Inline::Text(" ".into()),
            Inline::Strong(vec![Inline::Text("now".into())]),
            Inline::Text(".".into()),
        ])]
    );
}

#[test]
fn a_variable_value_is_never_read_as_markdown() {
    let vars = [("x".to_owned(), var("**not bold** <b>"))];
    let (blocks, _) = message("\u{E000}", &vars);
    assert_eq!(
        blocks,
        [Block::Paragraph(vec![Inline::Var {
            name: "x".into(),
            text: "**not bold** <b>".into(),
            link: None
        }])]
    );
}

#[test]
fn hostile_links_are_not_linked() {
    for dest in [
        "javascript:alert(1)",
        "JAVASCRIPT:x",
        "&#106;avascript:x",
        "data:text/html,x",
        "../x.html",
    ] {
        let (blocks, problems) = message(&format!("[click]({dest})"), &[]);
        assert_eq!(
            blocks,
            [Block::Paragraph(vec![Inline::Text("click".into())])],
            "{dest}"
        );
        assert_eq!(problems.len(), 1, "{dest}");
        assert!(problems[0].message.contains("not allowed"));
    }
    let (blocks, problems) = message("<https://example.org>", &[]);
    assert!(problems.is_empty());
    assert!(
        matches!(&blocks[0], Block::Paragraph(i) if matches!(&i[0], Inline::Link { href, .. } if href == "https://example.org"))
    );
}

#[test]
fn raw_html_is_text_and_emphasis_stays_inside_the_message() {
    let (blocks, _) = message("<script>alert(1)</script> and **unclosed", &[]);
    assert_eq!(
        blocks,
        [Block::Paragraph(vec![Inline::Text(
            "<script>alert(1)</script> and **unclosed".into()
        )])]
    );
}

#[test]
fn block_messages_hold_paragraphs_and_lists() {
    let (blocks, _) = message("First.\n\n- one\n- two", &[]);
    assert_eq!(blocks.len(), 2);
    let Block::List { start: None, items } = &blocks[1] else {
        panic!("{blocks:?}")
    };
    assert_eq!(
        items[1],
        [Block::Paragraph(vec![Inline::Text("two".into())])]
    );
}

#[test]
fn inline_use_of_a_block_message_is_refused() {
    let (inline, _) = parse_inline("- a list", &Mode::Message { vars: &[] }, DEPTH);
    assert!(inline.is_none());
    let (inline, _) = parse_inline("1. Rights", &Mode::Message { vars: &[] }, DEPTH);
    assert!(inline.is_none());
    let (inline, _) = parse_inline("*fine*", &Mode::Message { vars: &[] }, DEPTH);
    assert_eq!(
        inline,
        Some(vec![Inline::Emphasis(vec![Inline::Text("fine".into())])])
    );
}

#[test]
fn deep_nesting_is_cut_with_an_error() {
    let text = ">".repeat(10_000) + " deep";
    let (_, problems) = message(&text, &[]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].severity, Severity::Error);
    let text = "- ".repeat(5_000) + "deep";
    let (_, problems) = message(&text, &[]);
    assert_eq!(problems[0].severity, Severity::Error);
}

#[test]
fn nesting_counts_quotes_lists_and_emphasis_not_paragraphs_or_items() {
    let at_limit = |text: String| {
        let (_, problems) = parse_blocks(&text, &Mode::Message { vars: &[] }, 3);
        problems.is_empty()
    };
    assert!(at_limit("> > > three quotes".into()));
    assert!(!at_limit("> > > > four quotes".into()));
    assert!(at_limit("- a\n  - b\n    - c\n".into()));
    assert!(!at_limit("- a\n  - b\n    - c\n      - d\n".into()));
    assert!(at_limit("> - **bold**".into()));
    assert!(!at_limit("> - ***both***".into()));
}

#[test]
fn images_become_their_text() {
    let (blocks, problems) = message("![a map](https://x.org/m.png)", &[]);
    assert_eq!(
        blocks,
        [Block::Paragraph(vec![Inline::Text("a map".into())])]
    );
    assert_eq!(problems.len(), 1);
}
