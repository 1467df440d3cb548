//! Unit tests of `hangup::sanitize` (were in src/sanitize.rs).

use hangup::sanitize::*;
use std::borrow::Cow;
use std::io::Write;

#[test]
fn hidden_characters_are_shown_not_dropped() {
    assert_eq!(line("a\u{1b}]52;c;x\u{7}b"), "a<U+001B>]52;c;x<U+0007>b");
    assert_eq!(line("two\nlines"), "two<U+000A>lines");
    assert_eq!(text("two\nlines\r"), "two\nlines<U+000D>");
    assert_eq!(text("crlf\r\nend"), "crlf\nend");
    assert_eq!(line("soft\u{ad}hyphen"), "soft<U+00AD>hyphen");
    assert_eq!(line("\u{3164}"), "<U+3164>");
    assert_eq!(line("tag\u{e0041}"), "tag<U+E0041>");
    assert_eq!(line("sep\u{2028}x\u{2029}"), "sep<U+2028>x<U+2029>");
    assert_eq!(
        line("\u{9b}2J\u{202e}\u{200b}"),
        "<U+009B>2J<U+202E><U+200B>"
    );
    assert_eq!(line("tab\there"), "tab here");
    assert!(matches!(line("plain £5 café"), Cow::Borrowed(_)));
    assert_eq!(line("a\u{202f}b"), "a\u{202f}b");
}

#[test]
fn classes() {
    assert_eq!(classify('\u{1b}'), Some(Hidden::Escape));
    assert_eq!(classify('\u{85}'), Some(Hidden::Escape));
    assert_eq!(classify('\u{7f}'), Some(Hidden::Control));
    assert_eq!(classify('\u{2067}'), Some(Hidden::Bidi));
    assert_eq!(classify('\u{feff}'), Some(Hidden::Invisible));
    assert_eq!(classify('é'), None);
    assert_eq!(find_hidden("ok\nok"), None);
    assert_eq!(
        find_hidden("ok\u{ad}"),
        Some((2, '\u{ad}', Hidden::Invisible))
    );
}

#[test]
fn html_is_escaped() {
    assert_eq!(
        html("<script>alert('x')</script> & \"q\""),
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
    );
}

#[test]
fn markdown_has_no_html_or_links() {
    assert_eq!(
        markdown("<script>x</script> [a](javascript:b) bank's"),
        "&lt;script&gt;x&lt;/script&gt; \\[a\\](javascript:b) bank's"
    );
}

#[test]
fn clean_writer_handles_split_characters() {
    let mut w = Clean::new(Vec::new());
    let bytes = "é\u{1b}[2J£".as_bytes();
    for b in bytes {
        w.write_all(&[*b]).expect("write");
    }
    w.flush().expect("flush");
    assert_eq!(
        String::from_utf8(w.into_inner()).expect("utf8"),
        "é<U+001B>[2J£"
    );
}
