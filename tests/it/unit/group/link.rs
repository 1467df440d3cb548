//! Unit tests of `hangup::group::link` (were in src/group/link.rs).

use hangup::group::link::*;
use hangup::tui::app::Action;
use std::io::BufReader;

#[test]
fn keys_go_over_the_link_and_back() {
    for a in [
        Action::Up,
        Action::Down,
        Action::Select,
        Action::Back,
        Action::Pick(0),
        Action::Pick(8),
        Action::More,
        Action::Help,
        Action::Present,
        Action::Char('p'),
        Action::Char('t'),
    ] {
        let name = key_name(a).expect("sent");
        assert_eq!(key_action(&name), Some(a), "{name}");
    }
    assert_eq!(key_name(Action::Quit), None);
    assert_eq!(key_name(Action::ForceQuit), None);
    // The stop question is answered in the room's own window.
    assert_eq!(key_name(Action::Yes), None);
    assert_eq!(key_name(Action::No), None);
    for bad in [
        "",
        "pick0",
        "pick10",
        "pickx",
        "char",
        "charab",
        "char\u{1b}",
        "quit",
    ] {
        assert_eq!(key_action(bad), None, "{bad:?}");
    }
}

#[test]
fn long_lines_are_skipped_and_short_ones_read() {
    let mut text = b"{\"a\":1}\n".to_vec();
    text.extend(std::iter::repeat_n(b'x', MAX_LINE + 10));
    text.extend(b"\nnext\nlast-without-end");
    let mut r = BufReader::new(&text[..]);
    assert_eq!(read_line(&mut r), Some(Some(b"{\"a\":1}".to_vec())));
    assert_eq!(read_line(&mut r), Some(None));
    assert_eq!(read_line(&mut r), Some(Some(b"next".to_vec())));
    assert_eq!(read_line(&mut r), None);
}
