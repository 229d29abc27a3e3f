//! What a parsed Fluent pattern refers to (variables, messages) and the
//! text it holds, for the checks of the catalog and of every command.

use std::collections::BTreeSet;

use fluent_syntax::ast;

/// What a pattern refers to.
#[derive(Default)]
pub(crate) struct Refs {
    pub(crate) variables: BTreeSet<String>,
    pub(crate) messages: BTreeSet<String>,
    pub(crate) text: String,
}

impl Refs {
    pub(crate) fn pattern(&mut self, pattern: &ast::Pattern<&str>) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => self.text.push_str(value),
                ast::PatternElement::Placeable { expression } => self.expression(expression),
            }
        }
    }

    fn expression(&mut self, expression: &ast::Expression<&str>) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline),
            ast::Expression::Select { selector, variants } => {
                self.inline(selector);
                for variant in variants {
                    self.pattern(&variant.value);
                }
            }
        }
    }

    fn inline(&mut self, inline: &ast::InlineExpression<&str>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                self.variables.insert(id.name.to_owned());
            }
            ast::InlineExpression::MessageReference { id, .. } => {
                self.messages.insert(id.name.to_owned());
            }
            ast::InlineExpression::FunctionReference { arguments, .. }
            | ast::InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => {
                for arg in &arguments.positional {
                    self.inline(arg);
                }
                for arg in &arguments.named {
                    self.inline(&arg.value);
                }
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression),
            ast::InlineExpression::StringLiteral { value } => self.text.push_str(value),
            _ => {}
        }
    }
}

/// What a message's value and attributes refer to.
pub(crate) fn message_refs(message: &ast::Message<&str>) -> Refs {
    let mut refs = Refs::default();
    if let Some(value) = &message.value {
        refs.pattern(value);
    }
    for attribute in &message.attributes {
        refs.pattern(&attribute.value);
    }
    refs
}

/// The patterns of a message or term: its value and its attributes'
/// (none for a comment or junk).
pub(crate) fn entry_patterns<'e, 's>(
    entry: &'e ast::Entry<&'s str>,
) -> Vec<&'e ast::Pattern<&'s str>> {
    match entry {
        ast::Entry::Message(m) => m
            .value
            .iter()
            .chain(m.attributes.iter().map(|a| &a.value))
            .collect(),
        ast::Entry::Term(t) => std::iter::once(&t.value)
            .chain(t.attributes.iter().map(|a| &a.value))
            .collect(),
        _ => Vec::new(),
    }
}
