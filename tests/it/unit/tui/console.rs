//! Unit tests of `hangup::tui::console` (were in src/tui/console.rs).

use hangup::tui::console::*;
use ratatui::buffer::Buffer;

#[test]
fn the_list_has_what_the_fonts_have_and_not_what_they_lack() {
    assert!(glyphs().len() > 500);
    for c in "AZaz09 £€–—‘’“”┌┐└┘─│█•»«é".chars() {
        assert!(has(c), "{c:?}");
    }
    for c in "✔✓▀▄◆…".chars() {
        assert!(!has(c), "{c:?}");
    }
}

#[test]
fn stand_ins_are_always_in_the_fonts() {
    for c in "✔▶…╭▀▟ŵ☃😀\u{2603}".chars() {
        assert!(has(stand_in(c)), "{c:?} -> {:?}", stand_in(c));
    }
    assert_eq!(stand_in('✔'), '*');
    assert_eq!(stand_in('a'), 'a');
}

#[test]
fn a_frame_is_fixed_in_place() {
    let mut b = Buffer::empty(ratatui::layout::Rect::new(0, 0, 6, 1));
    b.set_string(0, 0, "✔ ok…", ratatui::style::Style::new());
    fix_buffer(&mut b);
    let text: String = b.content.iter().map(|c| c.symbol()).collect();
    assert_eq!(text, "* ok. ");
}

/// The font the kiosk unit and docs/kiosk.md set is one console-setup
/// installs (a name it does not have leaves the small default font).
#[test]
fn the_kiosk_font_exists_in_console_setup() {
    let fonts = include_str!("../../../../assets/console/fonts.txt");
    let unit = include_str!("../../../../assets/hangup-kiosk.service");
    let docs = include_str!("../../../../docs/kiosk.md");
    let line = unit
        .lines()
        .find(|l| l.contains("setfont"))
        .expect("the unit sets a font");
    let font = line.split_whitespace().last().expect("a font name");
    assert!(
        fonts
            .lines()
            .any(|f| f == font || f.strip_suffix(".psf.gz") == Some(font)),
        "{font} is not a console-setup font"
    );
    assert!(docs.contains(font), "docs/kiosk.md names {font}");
    for word in docs.split(|c: char| c.is_whitespace() || c == '`') {
        if word.starts_with("ter-") {
            panic!("docs/kiosk.md still names {word}, which Debian does not have");
        }
    }
}
