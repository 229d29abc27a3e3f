use super::*;

/// The typed text of message `id` as Fluent reads it in `file` (no junk
/// allowed).
fn read_back(file: &str, id: &str) -> String {
    let body = file.strip_prefix('\u{FEFF}').unwrap_or(file);
    let resource =
        fluent_syntax::parser::parse(body).unwrap_or_else(|(_, e)| panic!("{e:?}\n{file}"));
    let message = resource
        .body
        .iter()
        .find_map(|e| match e {
            ast::Entry::Message(m) if m.id.name == id => Some(m),
            _ => None,
        })
        .unwrap();
    typed_of(message.value.as_ref().unwrap()).unwrap()
}

fn written(typed: &str) -> String {
    value_of(typed).written("\n").0
}

#[test]
fn variables_bold_and_links_are_written_as_typed() {
    assert_eq!(
        written("Appelez **{ $hotline }** ou [le site](https://example.org)."),
        " Appelez **{ $hotline }** ou [le site](https://example.org)."
    );
    assert_eq!(written("{$hotline}"), " { $hotline }");
    assert_eq!(
        written("{ -brand } { title.short }"),
        " { -brand } { title.short }"
    );
}

#[test]
fn braces_typed_as_text_stay_text() {
    assert_eq!(written("a {b c} } {"), r#" a {"{"}b c{"}"} {"}"} {"{"}"#);
    // A name alone in braces is a reference: the check says when there is
    // no such message.
    assert_eq!(written("a {b}"), " a { b }");
    assert_eq!(written("{ hello world }"), r#" {"{"} hello world {"}"}"#);
    let file = format!("m ={}\n", written("a {b c} } {"));
    assert_eq!(read_back(&file, "m"), "a {b c} } {");
}

#[test]
fn a_mistyped_variable_is_left_for_fluent_to_judge() {
    assert_eq!(written("Appelez { “$hotline” }"), " Appelez { “$hotline” }");
    assert_eq!(written("Appelez { $hotline"), " Appelez { $hotline");
    assert_eq!(written("Appelez { $téléphone }"), " Appelez { $téléphone }");
    assert!(
        fluent_syntax::parser::parse(format!("m ={}\n", written("Appelez { $hotline")).as_str())
            .is_err()
    );
}

#[test]
fn lines_are_indented_and_what_fluent_would_misread_at_their_start_is_quoted() {
    let typed = "\n\nFirst line\n* a list item\n\n[a link](https://example.org) at the start\n.dot\n  [indented\nid = not an id\n# not a comment\n\n";
    let written = written(typed);
    assert_eq!(
        written,
        "\n    First line\n    {\"*\"} a list item\n\n    {\"[\"}a link](https://example.org) at the start\n    {\".\"}dot\n      {\"[\"}indented\n    id = not an id\n    # not a comment"
    );
    let file = format!("before = 1\nm ={written}\nafter = 2\n");
    // Spaces before a quoted mark are lost, as before any `{ … }` that
    // starts a line.
    assert_eq!(read_back(&file, "m"), typed.trim().replace("  [", "["));
    assert_eq!(read_back(&file, "after"), "2");
}

#[test]
fn one_line_keeps_its_leading_marks_unquoted() {
    assert_eq!(written("[link](u) and *this*"), " [link](u) and *this*");
    assert_eq!(written(".5 %"), " .5 %");
}

#[test]
fn each_byte_written_says_where_it_was_typed() {
    let value = value_of("ab\n{x");
    let (text, from) = value.written("\n");
    assert_eq!(text, "\n    ab\n    {\"{\"}x");
    let at = |needle: &str| from[text.find(needle).unwrap()];
    assert_eq!(at("ab"), Some(0));
    assert_eq!(at("b"), Some(1));
    assert_eq!(at("{\"{"), Some(3));
    assert_eq!(at("x"), Some(4));
    assert_eq!(from[0], None);
}

#[test]
fn line_ends_and_control_characters_typed_are_made_plain() {
    let value = value_of("a\r\nb\rc\u{7}d");
    assert_eq!(value.typed, "a\nb\ncd");
    assert_eq!(value.written("\n").0, "\n    a\n    b\n    cd");
    assert!(value_of(" \n  \n").is_empty());
}

#[test]
fn a_value_that_plain_text_cannot_say_is_not_edited() {
    let file = "m = { $n ->\n    [one] one\n   *[other] many\n}\nf = { NUMBER($n) }\n";
    let resource = fluent_syntax::parser::parse(file).unwrap();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            assert_eq!(typed_of(m.value.as_ref().unwrap()), None, "{}", m.id.name);
        }
    }
}

fn replaced(file: &str, id: &str, typed: &str) -> Replaced {
    replace(file, id, &value_of(typed)).unwrap()
}

#[test]
fn only_the_message_changes_comments_order_and_blank_lines_stay() {
    let file = "### Resource\n\n# About a\na = Old a\n\n\n## Group\n# About b\nb =\n    Old b\n    on two lines\n\n# About c\nc = Old c\n";
    let out = replaced(file, "b", "New b");
    assert_eq!(
        out.text,
        "### Resource\n\n# About a\na = Old a\n\n\n## Group\n# About b\nb = New b\n\n# About c\nc = Old c\n"
    );
    assert_eq!(&out.text[out.entry.clone()], "b = New b");
    assert_eq!(&out.text[out.value.clone()], " New b");
    let out = replaced(file, "a", "New a\non two");
    assert_eq!(
        out.text,
        "### Resource\n\n# About a\na =\n    New a\n    on two\n\n\n## Group\n# About b\nb =\n    Old b\n    on two lines\n\n# About c\nc = Old c\n"
    );
    assert_eq!(&out.text[out.entry.clone()], "a =\n    New a\n    on two");
}

#[test]
fn crlf_line_ends_and_a_bom_are_kept() {
    let file = "\u{FEFF}# c\r\na = Old\r\n    more\r\nb = B\r\n";
    let out = replaced(file, "a", "One\ntwo");
    assert_eq!(
        out.text,
        "\u{FEFF}# c\r\na =\r\n    One\r\n    two\r\nb = B\r\n"
    );
    assert_eq!(read_back(&out.text, "a"), "One\ntwo");
    assert_eq!(&out.text[out.entry.clone()], "a =\r\n    One\r\n    two");
    let added = replaced(file, "z", "Zed");
    assert_eq!(added.text, format!("{file}z = Zed\r\n"));
    assert_eq!(&added.text[added.entry.clone()], "z = Zed");
}

#[test]
fn the_last_line_without_a_line_end_stays_without() {
    let out = replaced("a = A\nb = Old", "b", "New");
    assert_eq!(out.text, "a = A\nb = New");
    let out = replaced("a = A\nb = Old\n    more  ", "b", "New");
    assert_eq!(out.text, "a = A\nb = New");
    let added = replaced("a = A", "b", "B");
    assert_eq!(added.text, "a = A\nb = B\n");
}

#[test]
fn a_message_keeps_its_attributes_and_others_keep_theirs() {
    let file = "a = A\n    .title = Title of a\nb = B\n    .title = Title of b\n    .alt = Alt\n";
    let out = replaced(file, "b", "New b\nsecond");
    assert_eq!(
        out.text,
        "a = A\n    .title = Title of a\nb =\n    New b\n    second\n    .title = Title of b\n    .alt = Alt\n"
    );
    assert_eq!(read_back(&out.text, "b"), "New b\nsecond");
    assert!(out.text[out.entry.clone()].ends_with(".alt = Alt"));
    let only_attributes = "b =\n    .title = T\nc = C\n";
    let out = replaced(only_attributes, "b", "Now a value");
    assert_eq!(out.text, "b = Now a value\n    .title = T\nc = C\n");
}

#[test]
fn a_message_is_added_at_the_end_apart_from_a_last_comment() {
    assert_eq!(replaced("", "a", "A").text, "a = A\n");
    assert_eq!(replaced("a = A\n", "b", "B").text, "a = A\nb = B\n");
    assert_eq!(
        replaced("a = A\n\n# a note\n", "b", "B").text,
        "a = A\n\n# a note\n\nb = B\n"
    );
}

#[test]
fn a_definition_fluent_could_not_read_is_replaced_whole() {
    let file = "a = A\nb = Broken { $x\nc = C\n";
    let out = replaced(file, "b", "Fixed");
    assert_eq!(out.text, "a = A\nb = Fixed\nc = C\n");
    assert_eq!(&out.text[out.entry.clone()], "b = Fixed");
}

#[test]
fn an_id_defined_twice_is_refused() {
    assert_eq!(
        replace("a = 1\na = 2\n", "a", &value_of("3")),
        Err(Refusal::Twice)
    );
}

#[test]
fn a_comment_attached_to_the_next_message_stays_with_it() {
    let file = "a = A\n    more\n# for b\nb = B\n";
    let out = replaced(file, "a", "New");
    assert_eq!(out.text, "a = New\n# for b\nb = B\n");
}

#[test]
fn a_positions_in_the_file_lead_back_to_the_typed_text() {
    let out = replaced("x = 1\na = Old\n", "a", "ab\ncd {");
    let c = out.text.find("cd").unwrap();
    assert_eq!(out.typed_offset(c), Some(3));
    assert_eq!(out.typed_offset(c + 3), Some(6));
    assert_eq!(out.typed_offset(c + 4), Some(6));
    assert_eq!(out.typed_offset(0), None);
    // kyr's indentation leads to the line typed after it.
    assert_eq!(out.typed_offset(c - 2), Some(3));
}

/// Every message of every shipped locale, read as the page shows it and
/// written back, reads the same, and the rest of its file is unchanged.
#[test]
fn every_shipped_message_round_trips_and_leaves_its_file_alone() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut checked = 0;
    for tag in std::fs::read_dir(&root).unwrap() {
        for file in std::fs::read_dir(tag.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let resource = fluent_syntax::parser::parse(text.as_str()).unwrap();
            for entry in &resource.body {
                let ast::Entry::Message(m) = entry else {
                    continue;
                };
                let Some(value) = &m.value else { continue };
                let typed = typed_of(value).unwrap();
                let out = replaced(&text, m.id.name, &typed);
                assert_eq!(read_back(&out.text, m.id.name), typed, "{}", path.display());
                let old = replaced(&out.text, m.id.name, &typed);
                assert_eq!(
                    old.text, out.text,
                    "writing the same text again changes nothing"
                );
                let before_entry = &out.text[..out.entry.start];
                assert!(text.starts_with(before_entry));
                assert!(text.ends_with(&out.text[out.entry.end..]));
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}
