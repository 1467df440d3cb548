//! Text from scenario files is untrusted: it must never be able to drive the
//! learner's terminal. The checker rejects such characters with a located error;
//! `sanitize` is the second line of defence, applied to everything shown.

use std::collections::BTreeMap;

/// Why a character is not allowed in learner-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadChar {
    /// ESC (starts terminal escape sequences), or a C1 control such as CSI or OSC.
    Escape,
    /// Any other control character (except newline).
    Control,
    /// Right-to-left/left-to-right overrides that can make text lie about itself.
    Bidi,
    /// Invisible characters such as zero-width space.
    ZeroWidth,
}

impl BadChar {
    pub fn describe(self) -> &'static str {
        match self {
            BadChar::Escape => "a terminal escape character (ESC or a C1 control)",
            BadChar::Control => "a control character",
            BadChar::Bidi => "a text-direction override character",
            BadChar::ZeroWidth => "an invisible zero-width character",
        }
    }
}

/// Classify one character; `None` means it is fine to show.
pub fn bad_char(c: char) -> Option<BadChar> {
    match c {
        '\n' => None,
        '\u{1b}' | '\u{80}'..='\u{9f}' => Some(BadChar::Escape),
        '\u{0}'..='\u{1f}' | '\u{7f}' => Some(BadChar::Control),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {
            Some(BadChar::Bidi)
        }
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => Some(BadChar::ZeroWidth),
        _ => None,
    }
}

/// The first bad character in a text, with its byte offset.
pub fn find_bad_char(s: &str) -> Option<(usize, char, BadChar)> {
    s.char_indices()
        .find_map(|(i, c)| bad_char(c).map(|b| (i, c, b)))
}

/// Drop every character that could change the terminal or hide text.
/// Tabs become a space so layout stays predictable.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if bad_char(c).is_some() => None,
            c => Some(c),
        })
        .collect()
}

/// One `{name}` placeholder found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placeholder<'a> {
    /// `{name}` with its byte offset.
    Name(usize, &'a str),
    /// A `{` with no matching `}`, or an empty/ill-formed name, at this byte offset.
    Malformed(usize),
}

/// Find the placeholders in a text. Names are letters, digits, `-`, `_` and `.`.
pub fn placeholders(s: &str) -> Vec<Placeholder<'_>> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut base = 0;
    while let Some(open) = rest.find(['{', '}']) {
        let at = base + open;
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

/// Replace `{name}` with its value; unknown or malformed placeholders are left as written
/// (the checker reports them, so they never reach a learner from the built-in files).
pub fn fill(s: &str, values: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for p in placeholders(s) {
        if let Placeholder::Name(at, name) = p
            && let Some(v) = values.get(name)
        {
            out.push_str(&s[last..at]);
            out.push_str(v);
            last = at + name.len() + 2;
        }
    }
    out.push_str(&s[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_removes_escapes_and_invisibles() {
        let s = "Hi\u{1b}[31m there\u{9b}2J\u{202e}\u{200b}!\tok\nnext";
        assert_eq!(sanitize(s), "Hi[31m there2J! ok\nnext");
    }

    #[test]
    fn finds_first_bad_char() {
        assert_eq!(find_bad_char("ok"), None);
        assert_eq!(
            find_bad_char("ab\u{1b}c"),
            Some((2, '\u{1b}', BadChar::Escape))
        );
        assert_eq!(
            find_bad_char("a\u{7}"),
            Some((1, '\u{7}', BadChar::Control))
        );
        assert_eq!(
            find_bad_char("\u{202e}"),
            Some((0, '\u{202e}', BadChar::Bidi))
        );
    }

    #[test]
    fn placeholders_are_found_and_filled() {
        let mut v = BTreeMap::new();
        v.insert("name".to_string(), "Pat".to_string());
        assert_eq!(fill("Hello {name}, {name}!", &v), "Hello Pat, Pat!");
        assert_eq!(fill("Hello {other}", &v), "Hello {other}");
        assert_eq!(
            placeholders("a {b} {c d} {"),
            vec![
                Placeholder::Name(2, "b"),
                Placeholder::Malformed(6),
                Placeholder::Malformed(12)
            ]
        );
        assert_eq!(placeholders("x } y"), vec![Placeholder::Malformed(2)]);
    }
}
