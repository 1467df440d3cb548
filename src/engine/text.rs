//! Text from scenario files is untrusted: it must never be able to drive the
//! learner's terminal. The checker rejects such characters with a located error;
//! `sanitize` is the second line of defence, applied to everything shown.

use std::collections::BTreeMap;

/// Why a character is not allowed in learner-facing text (see `crate::sanitize`).
pub use crate::sanitize::Hidden as BadChar;

/// Classify one character; `None` means it is fine to show. Newline is fine.
pub fn bad_char(c: char) -> Option<BadChar> {
    if c == '\n' {
        None
    } else {
        crate::sanitize::classify(c)
    }
}

/// The first bad character in a text, with its byte offset.
pub fn find_bad_char(s: &str) -> Option<(usize, char, BadChar)> {
    crate::sanitize::find_hidden(s)
}

/// Make text from a file safe to show: every character that could change the
/// terminal or hide text is shown as `<U+XXXX>` (newlines kept; tabs become a space).
pub fn sanitize(s: &str) -> String {
    crate::sanitize::text(s).into_owned()
}

/// One `{name}` placeholder found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placeholder<'a> {
    /// `{name}` with its byte offset.
    Name(usize, &'a str),
    /// A `{` with no matching `}`, or an empty/ill-formed name, at this byte offset.
    Malformed(usize),
    /// `{{` or `}}` at this byte offset: one literal brace, written twice.
    Brace(usize, char),
}

/// Find the placeholders in a text. Names are letters, digits, `-`, `_` and `.`
/// (`{officer.name}` is one part of a variant set). `{{` and `}}` are literal braces.
pub fn placeholders(s: &str) -> Vec<Placeholder<'_>> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut base = 0;
    while let Some(open) = rest.find(['{', '}']) {
        let at = base + open;
        if let Some(brace) = [('{', "{{"), ('}', "}}")]
            .into_iter()
            .find(|(_, pair)| rest[open..].starts_with(pair))
            .map(|(b, _)| b)
        {
            out.push(Placeholder::Brace(at, brace));
            base = at + 2;
            rest = &s[base..];
            continue;
        }
        if rest[open..].starts_with('}') {
            out.push(Placeholder::Malformed(at));
            base = at + 1;
            rest = &s[base..];
            continue;
        }
        let after = &rest[open + 1..];
        match after.find(['}', '{']) {
            Some(close) if after[close..].starts_with('}') => {
                let name = &after[..close];
                if is_placeholder_name(name) {
                    out.push(Placeholder::Name(at, name));
                } else {
                    out.push(Placeholder::Malformed(at));
                }
                base = at + 1 + close + 1;
            }
            _ => {
                out.push(Placeholder::Malformed(at));
                base = at + 1;
            }
        }
        rest = &s[base..];
    }
    out
}

fn is_placeholder_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Replace `{name}` with its value, and `{{`/`}}` with one brace; unknown or malformed placeholders are left as written
/// (the checker reports them, so they never reach a learner from the built-in files).
pub fn fill(s: &str, values: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for p in placeholders(s) {
        match p {
            Placeholder::Name(at, name) => {
                if let Some(v) = values.get(name) {
                    out.push_str(&s[last..at]);
                    out.push_str(v);
                    last = at + name.len() + 2;
                }
            }
            Placeholder::Brace(at, brace) => {
                out.push_str(&s[last..at]);
                out.push(brace);
                last = at + 2;
            }
            Placeholder::Malformed(_) => {}
        }
    }
    out.push_str(&s[last..]);
    out
}
