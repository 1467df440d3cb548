//! The Linux text console (`TERM=linux`): only the characters its fonts have.
//!
//! Debian's console fonts (console-setup's Lat15-* and Uni2-*) hold about 500
//! characters; anything else shows as a diamond (♦). `assets/console/glyphs.txt`
//! lists the characters every one of those fonts has (read from the fonts'
//! own Unicode tables). On the console, every frame is checked against it
//! just before it is sent, and any other character is replaced by a near
//! one that is there (✔ → *, ▶ → >, … → .), or by "?".

use std::collections::HashSet;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::buffer::Buffer;

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Draw for the Linux console from now on (the run loop sets it from TERM).
pub fn set_active(on: bool) {
    ACTIVE.store(on, Ordering::Relaxed);
}

/// True while drawing for the Linux console.
pub fn active() -> bool {
    ACTIVE.load(Ordering::Relaxed)
}

const GLYPHS: &str = include_str!("../../assets/console/glyphs.txt");

/// The characters every Lat15-* and Uni2-* console font has.
pub fn glyphs() -> &'static HashSet<char> {
    static SET: OnceLock<HashSet<char>> = OnceLock::new();
    SET.get_or_init(|| {
        GLYPHS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| u32::from_str_radix(l.trim(), 16).ok())
            .filter_map(char::from_u32)
            .collect()
    })
}

/// True when the console fonts have `c`.
pub fn has(c: char) -> bool {
    glyphs().contains(&c)
}

/// A character the console fonts have, for one they may lack.
pub fn stand_in(c: char) -> char {
    if has(c) {
        return c;
    }
    let near = match c {
        '✔' | '✓' | '✗' | '✘' => '*',
        '▶' | '►' | '➜' | '→' => '>',
        '◀' | '◄' | '←' => '<',
        '…' => '.',
        '╭' => '┌',
        '╮' => '┐',
        '╰' => '└',
        '╯' => '┘',
        '▀' | '▄' | '▌' | '▐' | '▖' | '▗' | '▘' | '▝' | '▙' | '▛' | '▜' | '▟' | '▚' | '▞' => {
            '█'
        }
        'ŵ' => 'w',
        'ŷ' => 'y',
        'Ŵ' => 'W',
        'Ŷ' => 'Y',
        _ => '?',
    };
    if has(near) { near } else { '?' }
}

/// Replace, in place, every character in the frame the console fonts lack.
pub fn fix_buffer(buffer: &mut Buffer) {
    for cell in buffer.content.iter_mut() {
        let symbol = cell.symbol();
        if symbol.chars().all(has) {
            continue;
        }
        let fixed: String = symbol.chars().map(stand_in).collect();
        cell.set_symbol(&fixed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let fonts = include_str!("../../assets/console/fonts.txt");
        let unit = include_str!("../../assets/hangup-kiosk.service");
        let docs = include_str!("../../docs/kiosk.md");
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
}
