//! Unit tests of `hangup::tui::big` (were in src/tui/big.rs).

use hangup::tui::big::*;
use hangup::tui::canvas::Canvas;
use ratatui::style::Style;
use ratatui::{Terminal, backend::TestBackend};
use tui_big_text::PixelSize;

const LONG: &str = "Hello, this is Sam Jones from the fraud team at your bank. We have seen two payments \
    from your account this morning that we think are not yours. I need you to stay on the line while we stop them.";

#[test]
fn a_long_sentence_in_a_short_space_falls_back() {
    assert!(LONG.len() > 190, "{}", LONG.len());
    assert_eq!(fit(LONG, 80, 10), None);
}

#[test]
fn a_long_sentence_in_a_big_window_uses_small_big_letters() {
    let f = fit(LONG, 196, 24).expect("fits at 49 letters a line");
    assert_eq!(f.size, PixelSize::Quadrant);
    assert!(f.lines.iter().all(|l| l.chars().count() <= 49));
    assert_eq!(f.lines.join(" "), LONG);
    assert!(f.width <= 196 && f.height <= 56);
}

#[test]
fn key_messages_at_80_columns() {
    // 12 letters: too wide for the 8-column letters on one line, so either
    // two lines of those (if high enough) or one line of the 4-column ones.
    let f = fit("Safer choice", 78, 6).expect("fits");
    assert_eq!(f.size, PixelSize::Quadrant);
    assert_eq!(f.lines, ["Safer choice"]);
    assert_eq!((f.width, f.height), (48, 4));
    let f = fit("Safer choice", 78, 8).expect("fits");
    assert_eq!(f.size, PixelSize::HalfHeight);
    assert_eq!(f.lines, ["Safer", "choice"]);
    assert_eq!((f.width, f.height, f.gap), (48, 8, 0), "no room for a gap");
    let f = fit("Safer choice", 78, 9).expect("fits");
    assert_eq!((f.size, f.height, f.gap), (PixelSize::HalfHeight, 9, 1));
    let f = fit("HANG UP", 118, 8).expect("fits");
    assert_eq!(f.size, PixelSize::Full);
    assert_eq!((f.width, f.height), (56, 8));
}

#[test]
fn too_small_means_normal_text() {
    assert_eq!(
        fit("Safer choice", 38, 3),
        None,
        "not even one row of letters"
    );
    assert_eq!(fit("Safer choice", 3, 40), None, "not even one letter wide");
    assert_eq!(fit("Hi", 0, 0), None);
    assert_eq!(fit("", 200, 60), None, "nothing to show");
    assert_eq!(fit("   ", 200, 60), None);
}

#[test]
fn a_word_longer_than_a_line_falls_back() {
    // 21 letters; 80 columns hold 20 of the smallest big letters.
    assert_eq!(wrap("reportfraud.police.uk", 20), None);
    assert_eq!(fit("Go to reportfraud.police.uk", 80, 60), None);
    assert!(fit("Go to reportfraud.police.uk", 84, 60).is_some());
}

#[test]
fn wrapping_keeps_every_word_and_never_passes_the_limit() {
    let lines = wrap("one two three four five six", 9).expect("wraps");
    assert_eq!(lines, ["one two", "three", "four five", "six"]);
    assert_eq!(wrap("a  b\n c", 3).expect("wraps"), ["a b", "c"]);
    assert_eq!(wrap("", 5), None);
    assert_eq!(wrap("word", 0), None);
}

#[test]
fn characters_without_big_letters_fall_back() {
    // The pound sign and accents are in the font; typographic quotes and
    // dashes become their plain forms; emoji and CJK are not in it.
    assert_eq!(letters("£2,400 café").as_deref(), Some("£2,400 café"));
    assert_eq!(
        letters("\u{201c}It\u{2019}s fine\u{201d} \u{2014} wait\u{2026}").as_deref(),
        Some("\"It's fine\" - wait...")
    );
    assert_eq!(letters("Hello 👋"), None);
    assert_eq!(letters("10 m³"), None, "missing from the font");
    assert_eq!(fit("Hello 👋", 200, 60), None);
    assert_eq!(fit("你好", 200, 60), None);
    // A combining accent would be drawn without its accent: fall back.
    assert_eq!(fit("cafe\u{301}", 200, 60), None);
}

#[test]
fn every_drawable_character_draws_something() {
    // So "drawable" never lets a blank through where a letter should be.
    for c in (' '..='\u{ff}').filter(|&c| drawable(c) && c != ' ') {
        let f = fit(&c.to_string(), 8, 8).expect("one letter fits");
        let mut t = Terminal::new(TestBackend::new(8, 8)).expect("backend");
        t.draw(|fr| {
            let a = fr.area();
            assert!(draw(&mut Canvas::new(fr), a, &f, Style::new()))
        })
        .expect("draw");
        let inked = t
            .backend()
            .buffer()
            .content()
            .iter()
            .any(|cell| cell.symbol() != " ");
        assert!(inked, "{c:?} ({:04X}) drew nothing", u32::from(c));
    }
}

#[test]
fn a_fit_too_big_for_the_area_draws_nothing() {
    let f = fit("Risky choice", 96, 8).expect("fits");
    let mut t = Terminal::new(TestBackend::new(95, 8)).expect("backend");
    t.draw(|fr| {
        let a = fr.area();
        assert!(!draw(&mut Canvas::new(fr), a, &f, Style::new()))
    })
    .expect("draw");
    let blank = t
        .backend()
        .buffer()
        .content()
        .iter()
        .all(|c| c.symbol() == " ");
    assert!(blank, "no half letters");
}

#[test]
fn drawn_size_matches_the_fit() {
    for (w, h) in [(80u16, 24u16), (120, 40), (40, 12)] {
        let Some(f) = fit("Risky choice", w, h) else {
            continue;
        };
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("backend");
        t.draw(|fr| {
            let a = fr.area();
            assert!(draw(&mut Canvas::new(fr), a, &f, Style::new()))
        })
        .expect("draw");
        let buf = t.backend().buffer();
        for y in 0..h {
            for x in 0..w {
                if x >= f.width || y >= f.height {
                    assert_eq!(buf[(x, y)].symbol(), " ", "ink outside the fit at {x},{y}");
                }
            }
        }
    }
}
