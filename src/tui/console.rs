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
