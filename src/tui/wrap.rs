//! Word wrapping for [`super::doc::Doc`], row for row and cell for cell what
//! ratatui's `Paragraph` with `Wrap { trim: false }` draws, but cheaper:
//! wrapping was two thirds of a frame (docs/performance.md).
//!
//! - [`rows`] counts the rows (as `Paragraph::line_count`) and [`render`]
//!   draws them (as `Paragraph::render`), from one wrapping loop: a port of
//!   ratatui-widgets 0.3's `WordWrapper` for `trim: false` (MIT licence), on
//!   slices with buffers that are used again, not iterators of iterators.
//! - Text made only of characters that are each a grapheme of their own
//!   (printable ASCII, Latin-1 and Latin Extended-A letters, general
//!   punctuation, currency signs: nearly all of ours) is not run through
//!   grapheme segmentation, the dearest part. Anything else (accents that
//!   combine, emoji, wide letters, control characters) is split by ratatui's
//!   own `Span::styled_graphemes`, as `Paragraph` would.
//!
//! A test (tests/it/unit/tui/wrap.rs) draws random text both ways and
//! compares the buffers.

use std::collections::VecDeque;

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;

/// A grapheme of a line, with what wrapping needs to know about it.
#[derive(Debug, Clone, Copy)]
struct Glyph<'a> {
    symbol: &'a str,
    style: Style,
    width: u16,
    space: bool,
}

/// A character that is a grapheme of its own whatever is next to it, and
/// not a control character: no grapheme segmentation needed, and its width
/// does not depend on its neighbours.
pub(crate) fn alone(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{a0}'..='\u{ac}'
        | '\u{ae}'..='\u{17f}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{20a0}'..='\u{20c0}')
}

const NBSP: &str = "\u{a0}";
const ZWSP: &str = "\u{200b}";

/// `StyledGrapheme::is_whitespace`.
fn is_space(symbol: &str) -> bool {
    symbol == ZWSP || symbol.chars().all(char::is_whitespace) && symbol != NBSP
}

/// The graphemes of `line` as `Paragraph::render` sees them (the line's
/// style patched by each span's), into `out`.
fn glyphs<'a>(line: &'a Line<'_>, out: &mut Vec<Glyph<'a>>) {
    out.clear();
    for span in &line.spans {
        let style = line.style.patch(span.style);
        let text: &str = span.content.as_ref();
        let start = out.len();
        let mut simple = true;
        for (i, c) in text.char_indices() {
            if !alone(c) {
                simple = false;
                break;
            }
            let symbol = &text[i..i + c.len_utf8()];
            out.push(Glyph {
                symbol,
                style,
                width: symbol.cell_width(),
                space: c == ' ' || (c != '\u{a0}' && c.is_whitespace()),
            });
        }
        if !simple {
            out.truncate(start);
            for g in span.styled_graphemes(line.style) {
                out.push(Glyph {
                    symbol: g.symbol,
                    style: g.style,
                    width: g.symbol.cell_width(),
                    space: is_space(g.symbol),
                });
            }
        }
    }
}

/// `text` in at most `width` columns: as it is when it fits, else cut
/// with "…" at its end, so a title that goes on shows it does. Counted in
/// display columns (a wide letter takes two) and cut between graphemes
/// only (an accent stays on its letter, an emoji whole).
pub fn cut(text: &str, width: u16) -> String {
    let span = ratatui::text::Span::raw(text);
    let graphemes: Vec<&str> = span
        .styled_graphemes(Style::default())
        .map(|g| g.symbol)
        .collect();
    let total: u32 = graphemes.iter().map(|g| u32::from(g.cell_width())).sum();
    if total <= u32::from(width) {
        return text.to_string();
    }
    // Room for the "…" (one column).
    let room = width.saturating_sub(1);
    let mut used: u16 = 0;
    let mut out = String::new();
    for g in graphemes {
        let w = g.cell_width();
        if used + w > room {
            break;
        }
        used += w;
        out.push_str(g);
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    if width > 0 {
        out.push('…');
    }
    out
}

/// Buffers kept from line to line.
#[derive(Default)]
struct Wrapper<'a> {
    line: Vec<Glyph<'a>>,
    pending: Vec<Glyph<'a>>,
    word: Vec<Glyph<'a>>,
    spaces: VecDeque<Glyph<'a>>,
}

impl<'a> Wrapper<'a> {
    /// The rows of one line at `max` columns, each given to `emit`
    /// (ratatui's `WordWrapper::process_input` with `trim: false`). Stops,
    /// returning false, when `emit` does.
    fn line(&mut self, max: u16, emit: &mut impl FnMut(&[Glyph<'a>]) -> bool) -> bool {
        let mut emitted = false;
        let mut line_width: u16 = 0;
        let mut word_width: u16 = 0;
        let mut space_width: u16 = 0;
        let mut after_word = false;
        self.pending.clear();
        self.word.clear();
        self.spaces.clear();
        for k in 0..self.line.len() {
            let g = self.line[k];
            if g.width > max {
                continue;
            }
            let word_found = after_word && g.space;
            let overflow = self.pending.is_empty()
                && word_width
                    .saturating_add(space_width)
                    .saturating_add(g.width)
                    > max;
            if word_found || overflow {
                self.pending.extend(self.spaces.drain(..));
                line_width = line_width.saturating_add(space_width);
                self.pending.append(&mut self.word);
                line_width = line_width.saturating_add(word_width);
                space_width = 0;
                word_width = 0;
            }
            let line_full = line_width >= max;
            let word_overflow = g.width > 0
                && line_width
                    .saturating_add(space_width)
                    .saturating_add(word_width)
                    >= max;
            if line_full || word_overflow {
                let mut remaining = max.saturating_sub(line_width);
                emitted = true;
                if !emit(&self.pending) {
                    return false;
                }
                self.pending.clear();
                line_width = 0;
                while let Some(s) = self.spaces.front() {
                    if s.width > remaining {
                        break;
                    }
                    space_width -= s.width;
                    remaining -= s.width;
                    self.spaces.pop_front();
                }
                if g.space && self.spaces.is_empty() {
                    continue;
                }
            }
            if g.space {
                space_width = space_width.saturating_add(g.width);
                self.spaces.push_back(g);
            } else {
                word_width = word_width.saturating_add(g.width);
                self.word.push(g);
            }
            after_word = !g.space;
        }
        self.pending.extend(self.spaces.drain(..));
        self.pending.append(&mut self.word);
        if !self.pending.is_empty() {
            emitted = true;
            if !emit(&self.pending) {
                return false;
            }
        }
        if !emitted {
            return emit(&[]);
        }
        true
    }
}

/// Wrap `lines` at `width`, giving each row and its line's alignment to
/// `emit` until it returns false.
fn wrap<'a, 'b: 'a>(
    lines: impl IntoIterator<Item = &'a Line<'b>>,
    width: u16,
    mut emit: impl FnMut(&[Glyph<'a>], Option<Alignment>) -> bool,
) {
    if width == 0 {
        return;
    }
    let mut w = Wrapper {
        line: Vec::with_capacity(128),
        pending: Vec::with_capacity(128),
        word: Vec::with_capacity(32),
        spaces: VecDeque::with_capacity(8),
    };
    for line in lines {
        glyphs(line, &mut w.line);
        let align = line.alignment;
        if !w.line(width, &mut |row| emit(row, align)) {
            return;
        }
    }
}

/// Rows `lines` take at `width`: `Paragraph::new(lines).wrap(Wrap { trim:
/// false }).line_count(width)`.
pub fn rows<'a, 'b: 'a>(lines: impl IntoIterator<Item = &'a Line<'b>>, width: u16) -> usize {
    let mut n = 0usize;
    wrap(lines, width, |_, _| {
        n += 1;
        true
    });
    n
}

/// Draw `lines` wrapped into `area`: `Paragraph::new(lines).wrap(Wrap {
/// trim: false }).render(area, buf)`.
pub fn render<'a, 'b: 'a>(
    lines: impl IntoIterator<Item = &'a Line<'b>>,
    area: Rect,
    buf: &mut Buffer,
) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let mut y = 0u16;
    wrap(lines, area.width, |row, align| {
        let x0 = match align.unwrap_or(Alignment::Left) {
            Alignment::Left => 0,
            a => {
                let w: u16 = row.iter().map(|g| g.width).sum();
                match a {
                    Alignment::Center => (area.width / 2).saturating_sub(w / 2),
                    _ => area.width.saturating_sub(w),
                }
            }
        };
        let mut x = x0;
        for g in row {
            if g.width == 0 {
                continue;
            }
            let symbol = if g.symbol.is_empty() { " " } else { g.symbol };
            buf[Position::new(area.left() + x, area.top() + y)]
                .set_symbol(symbol)
                .set_style(g.style);
            x += g.width;
        }
        y += 1;
        y < area.height
    });
}
