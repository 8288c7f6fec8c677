//! Diagnostics for rule files: a problem at a byte span of a file in, a rustc-style message
//! out (`file:line:column: message`, then the offending line with a caret and a hint).

use std::fmt;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::span::{LineIndex, Span};

/// One problem in one rule file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it (or `<built-in>/NAME.toml`).
    pub file: String,
    /// The file's text, to show the offending line.
    pub text: String,
    pub span: Span,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(file: &str, text: &str, span: Span, message: impl Into<String>) -> Self {
        let span = clamp(text, span);
        Diagnostic {
            file: file.to_string(),
            text: text.to_string(),
            span,
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// 1-based line and column (in characters) of the start of the span.
    pub fn line_col(&self) -> (usize, usize) {
        LineIndex::new(&self.text).line_col(&self.text, self.span.start)
    }

    /// The full rustc-style rendering: a `file:line:column: message` line, the source line
    /// with the span underlined, and the hint.
    pub fn render(&self) -> String {
        let mut span = self.span.start..self.span.end;
        if span.is_empty() {
            // Point at one character so the caret shows.
            let next = self.text[span.start..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            span = span.start..span.start + next;
        }
        let mut groups = vec![
            Level::ERROR.primary_title(self.message.as_str()).element(
                Snippet::source(self.text.as_str())
                    .path(self.file.as_str())
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(span)),
            ),
        ];
        if let Some(h) = &self.hint {
            groups.push(Group::with_title(Level::HELP.secondary_title(h.as_str())));
        }
        let body = Renderer::plain().render(&groups);
        format!("{self}\n{body}\n")
    }
}

/// Keeps a span inside the text and on character boundaries.
fn clamp(text: &str, span: Span) -> Span {
    let mut s = span.start.min(text.len());
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = span.end.clamp(s, text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    Span::new(s, e)
}

impl fmt::Display for Diagnostic {
    /// The one-line form: `file:line:column: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, col) = self.line_col();
        write!(f, "{}:{}:{}: {}", self.file, line, col, self.message)
    }
}

impl std::error::Error for Diagnostic {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_form_names_file_line_and_column() {
        let text = "[[slot]]\nname = \"x\"\npatern = \"<count>\"\n";
        let at = text.find("patern").unwrap();
        let d = Diagnostic::new(
            "claims/a.toml",
            text,
            Span::new(at, at + 6),
            "unknown field",
        )
        .hint("did you mean `pattern`?");
        assert_eq!(d.to_string(), "claims/a.toml:3:1: unknown field");
        let r = d.render();
        assert!(r.starts_with("claims/a.toml:3:1: unknown field\n"), "{r}");
        assert!(r.contains("patern = \"<count>\""), "{r}");
        assert!(r.contains("^^^^^^"), "{r}");
        assert!(r.contains("did you mean `pattern`?"), "{r}");
    }
}
