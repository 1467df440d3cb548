//! Big letters for `--large`: the caller's words and the key messages drawn
//! with the 8x8 font of `tui-big-text`, when they fit.
//!
//! `fit` picks the biggest letter size at which the whole text fits the space,
//! wrapped at spaces. When no size fits (the window is too small, a word is
//! longer than a line, or a character has no big letter) it says so with
//! `None`, and the screen shows its normal text instead. Big letters are never
//! cut off part way and never left out.

use crate::tui::canvas::Canvas;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use tui_big_text::{BigText, PixelSize};

/// The letter sizes tried, biggest first, with the cells one letter takes
/// (columns, rows). Only sizes drawn with whole, half and quarter blocks,
/// which every terminal font has: the smaller sizes need block characters
/// that many fonts lack, and would show as boxes or question marks.
const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// How a text fits in big letters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit {
    /// The letter size chosen: the biggest that fits.
    pub size: PixelSize,
    /// One entry a row of big letters.
    pub lines: Vec<String>,
    /// Blank rows between rows of big letters: 1 when there is room, as
    /// letters with tails (g, p, y) otherwise touch the capitals below.
    pub gap: u16,
    /// Columns and rows the big letters take.
    pub width: u16,
    /// Rows the big letters take, including the blank rows between them.
    pub height: u16,
}

/// The columns and rows one big letter takes at this size.
pub fn letter_cells(size: PixelSize) -> Option<(u16, u16)> {
    SIZES
        .iter()
        .find(|(s, _, _)| *s == size)
        .map(|&(_, w, h)| (w, h))
}

/// Whether the font has a big letter for this character: the printable
/// characters of Basic Latin and Latin-1 (so £, é and ü, but not emoji).
/// Not ³ and ´: font8x8 0.3 files them under the code of ², so they are missing.
pub fn drawable(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a1}'..='\u{ac}' | '\u{ae}'..='\u{b2}' | '\u{b5}'..='\u{ff}')
}

/// The text ready for big letters: curly quotes, dashes and "…" as their plain
/// forms, all runs of spaces and line breaks as one space. `None` when a
/// character has no big letter.
pub fn letters(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            // A soft hyphen only shows where a word is split, and big letters never split one.
            '\u{ad}' => {}
            c if c.is_whitespace() => out.push(' '),
            c if drawable(c) => out.push(c),
            _ => return None,
        }
    }
    Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Wrap at spaces into lines of at most `max` characters. `None` when a word
/// is longer than a line (it would have to be cut) or there is nothing to show.
/// Every character counts as one: `letters` lets through only such characters.
pub fn wrap(text: &str, max: usize) -> Option<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut len = 0usize;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if n > max {
            return None;
        }
        if len > 0 && len + 1 + n > max {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += n;
    }
    if len > 0 {
        lines.push(line);
    }
    (!lines.is_empty()).then_some(lines)
}

/// The biggest letters at which all of `text` fits in `width` x `height`
/// cells, or `None` (show the normal text instead).
pub fn fit(text: &str, width: u16, height: u16) -> Option<Fit> {
    let text = letters(text)?;
    // The Linux console's fonts have whole blocks only.
    let console = super::console::active();
    SIZES
        .iter()
        .filter(|&&(size, ..)| !console || size == PixelSize::Full)
        .find_map(|&(size, cw, ch)| {
            let per_line = usize::from(width / cw);
            if per_line == 0 || height < ch {
                return None;
            }
            let lines = wrap(&text, per_line)?;
            let n = u16::try_from(lines.len()).ok()?;
            let tall = |gap: u16| {
                n.checked_mul(ch)?
                    .checked_add((n - 1).checked_mul(gap)?)
                    .filter(|&h| h <= height)
            };
            let (gap, height) = tall(1)
                .map(|h| (1, h))
                .or_else(|| tall(0).map(|h| (0, h)))?;
            let longest = lines.iter().map(|l| l.chars().count()).max()?;
            // At most `width / cw` letters a line, so this is at most `width`.
            let width = u16::try_from(longest).ok()?.checked_mul(cw)?;
            Some(Fit {
                size,
                lines,
                gap,
                width,
                height,
            })
        })
}

/// Draw fitted big letters at the top left of `area`. Nothing is drawn, and
/// the answer is false, if the area is smaller than the fit: then draw the
/// normal text instead, so that nothing is cut off.
pub fn draw(frame: &mut Canvas, area: Rect, fit: &Fit, style: Style) -> bool {
    let Some((_, ch)) = letter_cells(fit.size) else {
        return false;
    };
    if fit.width > area.width || fit.height > area.height {
        return false;
    }
    // Underline and reverse video would stripe or fill the whole block of
    // cells round the letters, not the letters themselves.
    let style = style.remove_modifier(Modifier::UNDERLINED | Modifier::REVERSED);
    let mut y = area.y;
    for line in &fit.lines {
        let r = Rect {
            y,
            width: fit.width,
            height: ch,
            ..area
        };
        let big = BigText::builder()
            .pixel_size(fit.size)
            .style(style)
            .lines(vec![Line::from(line.clone())])
            .build();
        frame.render_widget(big, r);
        y = y.saturating_add(ch + fit.gap);
    }
    true
}

/// A short message in big letters at the top of `area`, using at most
/// `budget` rows: returns the rows used, with one blank row after, or `None`
/// when it does not fit (draw the normal text instead).
pub fn message(
    frame: &mut Canvas,
    area: Rect,
    text: &str,
    style: Style,
    budget: u16,
) -> Option<u16> {
    let f = fit(text, area.width, budget.min(area.height))?;
    draw(frame, area, &f, style).then_some((f.height + 1).min(area.height))
}

/// `area` without its first `rows` rows.
pub fn below(area: Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    Rect {
        y: area.y + rows,
        height: area.height - rows,
        ..area
    }
}
