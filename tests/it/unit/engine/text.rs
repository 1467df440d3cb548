//! Unit tests of `hangup::engine::text` (were in src/engine/text.rs).

use hangup::engine::text::*;
use std::collections::BTreeMap;

#[test]
fn sanitize_removes_escapes_and_invisibles() {
    let s = "Hi\u{1b}[31m there\u{9b}2J\u{202e}\u{200b}!\tok\nnext";
    assert_eq!(
        sanitize(s),
        "Hi<U+001B>[31m there<U+009B>2J<U+202E><U+200B>! ok\nnext"
    );
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

#[test]
fn doubled_braces_are_literal() {
    let mut v = BTreeMap::new();
    v.insert("name".to_string(), "Pat".to_string());
    assert_eq!(fill("{{name}} is {name}}}", &v), "{name} is Pat}");
    assert_eq!(
        placeholders("a {{ b }} {c}"),
        vec![
            Placeholder::Brace(2, '{'),
            Placeholder::Brace(7, '}'),
            Placeholder::Name(10, "c")
        ]
    );
    // Three in a row: a literal brace, then a placeholder.
    assert_eq!(fill("{{{name}", &v), "{Pat");
    assert_eq!(
        placeholders("{{{"),
        vec![Placeholder::Brace(0, '{'), Placeholder::Malformed(2)]
    );
}
