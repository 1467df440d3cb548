//! The screen model's blocks, drawn: each [`Role`] has its style and its
//! place, the same on every screen.
//!
//! - Narration, scene lines and time jumps are plain paragraphs, outside any
//!   box; the learner's thoughts read as thoughts ("You think: …", in italics).
//! - Only a named speaker's words go in a box, titled with that speaker's
//!   name ("DS Cole says"); a message is boxed as "The message says".
//!   Words said by someone not named ("They say: …") are a paragraph.
//! - Headings and questions in the heading style, verdicts in the safer or
//!   risky style (with words, never colour alone), trick names in the trick
//!   style, advice as a numbered list with hanging indents, phone numbers in
//!   the caller style, notes quieter.
//!
//! A [`Doc`] is laid out for one width ([`Doc::height`]) and drawn from any
//! row ([`Doc::render`]), so a screen scrolls through boxes and paragraphs
//! alike. The same layout is used to draw and to clamp the scroll.

use std::cell::RefCell;

use crate::tui::canvas::Canvas;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::present::wording::{self, WORDS as W};
use crate::present::{self, Role};

use super::theme::Theme;
use super::wrap;

/// One piece of a document: a paragraph, perhaps in a titled box.
#[derive(Debug, Clone)]
struct Piece {
    lines: Vec<Row>,
    /// Drawn in a box with this title.
    boxed: Option<String>,
    /// A blank row before it.
    gap: bool,
}

/// A row of a piece: a line that wraps, or a list item whose wrapped lines
/// hang under its text, not under its number.
#[derive(Debug, Clone)]
enum Row {
    Line(Line<'static>),
    Hang {
        prefix: String,
        text: String,
        style: Style,
    },
}

impl From<Line<'static>> for Row {
    fn from(l: Line<'static>) -> Self {
        Row::Line(l)
    }
}

/// Blocks of a screen model, ready to lay out and draw.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pieces: Vec<Piece>,
    /// Only the top border of boxes (a short window: two more rows of words).
    pub compact: bool,
    /// The pieces laid out at the width last asked for: a frame asks for
    /// the height several times (to share the rows out, to clamp the
    /// scroll, to draw), and wrapping is the dear part.
    laid: RefCell<Option<Laid>>,
}

/// A [`Doc`]'s pieces laid out at one width.
#[derive(Debug, Clone)]
struct Laid {
    width: u16,
    pieces: Vec<LaidPiece>,
}

/// A piece laid out: each list item's lines (none for other rows), and the
/// rows it all wraps to, borders not included.
#[derive(Debug, Clone)]
struct LaidPiece {
    hung: Vec<Vec<Line<'static>>>,
    rows: u16,
}

/// How a block is shown beyond its role's style.
#[derive(Debug, Clone, Copy, Default)]
pub struct Look {
    /// Large print: narration and advice in bold.
    pub large: bool,
}

impl Doc {
    /// The document of `blocks`, in order, styled by `theme`.
    pub fn new(blocks: &[present::Block], theme: &Theme, look: Look) -> Self {
        let mut doc = Doc::default();
        let mut prev: Option<&Role> = None;
        for b in blocks {
            let text = b.text.clone();
            let body = if look.large {
                theme.text.add_modifier(Modifier::BOLD)
            } else {
                theme.text
            };
            // Words in a box: the same speaker again joins the box above.
            let boxed = match &b.role {
                Role::Speech { who } if !who.is_empty() => Some(wording::says_title(who)),
                Role::Message => Some(W.message_says_title.to_string()),
                _ => None,
            };
            if let Some(title) = boxed {
                let line = Row::from(Line::from(format!("\"{text}\"")).style(theme.caller));
                match doc.pieces.last_mut() {
                    Some(p) if prev == Some(&b.role) && p.boxed.as_ref() == Some(&title) => {
                        p.lines.push(line);
                    }
                    _ => doc.pieces.push(Piece {
                        lines: vec![line],
                        boxed: Some(title),
                        gap: false,
                    }),
                }
                prev = Some(&b.role);
                continue;
            }
            let line = match &b.role {
                Role::Heading | Role::Question | Role::Count { .. } => {
                    Line::from(text).style(theme.heading)
                }
                Role::Narration => Line::from(text).style(body),
                Role::Scene => Line::from(text).style(theme.dim),
                Role::Speech { .. } => Line::from(wording::they_say(&text)).style(theme.caller),
                Role::Message => Line::from(text).style(theme.caller),
                Role::Thought => {
                    Line::from(wording::thought(&text)).style(body.add_modifier(Modifier::ITALIC))
                }
                Role::Verdict { good: true } => Line::from(text).style(theme.safer),
                Role::Verdict { good: false } => Line::from(text).style(theme.risky),
                Role::Trick { name } => {
                    // "Trick: Fake authority." in the trick style, the rest plain.
                    let head_len = if name.is_empty() {
                        text.find(": ").map(|i| i + 1)
                    } else {
                        text.find(name.as_str()).map(|i| {
                            let end = i + name.len();
                            end + usize::from(text[end..].starts_with('.'))
                        })
                    }
                    .unwrap_or(text.len());
                    let (head, rest) = text.split_at(head_len);
                    Line::from(vec![
                        Span::styled(head.to_string(), theme.trick),
                        Span::styled(rest.to_string(), theme.text),
                    ])
                }
                Role::Advice { number } => {
                    let row = Row::Hang {
                        prefix: format!("{number}. "),
                        text,
                        style: body,
                    };
                    push(&mut doc, row, prev.is_some_and(|p| gap_between(p, &b.role)));
                    prev = Some(&b.role);
                    continue;
                }
                Role::Number { number } => match text.find(number.as_str()) {
                    Some(i) if !number.is_empty() => {
                        let (a, rest) = text.split_at(i);
                        let (n, c) = rest.split_at(number.len());
                        Line::from(vec![
                            Span::styled(a.to_string(), theme.text),
                            Span::styled(n.to_string(), theme.caller),
                            Span::styled(c.to_string(), theme.text),
                        ])
                    }
                    _ => Line::from(text).style(theme.text),
                },
                Role::Note => Line::from(text).style(theme.dim),
                // A room's show of hands (group mode): its words, plainly.
                Role::Keys | Role::Hands { .. } => Line::from(text).style(theme.text),
            };
            push(
                &mut doc,
                line.into(),
                prev.is_some_and(|p| gap_between(p, &b.role)),
            );
            prev = Some(&b.role);
        }
        doc
    }

    /// Nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    fn border_rows(&self) -> u16 {
        if self.compact { 1 } else { 2 }
    }

    /// A piece's lines: its rows, with each list item's wrapped lines from
    /// `hung` (see [`LaidPiece`]).
    fn lines<'a>(
        p: &'a Piece,
        hung: &'a [Vec<Line<'static>>],
    ) -> impl Iterator<Item = &'a Line<'static>> {
        p.lines.iter().zip(hung).flat_map(|(r, h)| match r {
            Row::Line(l) => std::slice::from_ref(l).iter(),
            Row::Hang { .. } => h.iter(),
        })
    }

    /// Lay the pieces out at `width`, unless they already are.
    fn lay_out(&self, width: u16) {
        if matches!(self.laid.borrow().as_ref(), Some(l) if l.width == width) {
            return;
        }
        let pieces = self
            .pieces
            .iter()
            .map(|p| {
                let inner = Self::inner_width(p, width);
                let hung: Vec<Vec<Line<'static>>> = p
                    .lines
                    .iter()
                    .map(|r| match r {
                        Row::Line(_) => Vec::new(),
                        Row::Hang {
                            prefix,
                            text,
                            style,
                        } => super::ui::hanging(prefix, text, inner)
                            .into_iter()
                            .map(|l| l.style(*style))
                            .collect(),
                    })
                    .collect();
                let rows = wrap::rows(Self::lines(p, &hung), inner);
                LaidPiece {
                    rows: u16::try_from(rows).unwrap_or(u16::MAX),
                    hung,
                }
            })
            .collect();
        *self.laid.borrow_mut() = Some(Laid { width, pieces });
    }

    fn inner_width(p: &Piece, width: u16) -> u16 {
        if p.boxed.is_some() {
            width.saturating_sub(2).max(1)
        } else {
            width.max(1)
        }
    }

    /// Each piece's wrapped rows at `width`, borders not included; wrapped
    /// once per width (see [`Doc::lay_out`]).
    fn wrapped(&self, width: u16) -> Vec<u16> {
        self.lay_out(width);
        self.laid
            .borrow()
            .as_ref()
            .map(|l| l.pieces.iter().map(|p| p.rows).collect())
            .unwrap_or_default()
    }

    /// Each piece's height at `width`, blank rows before it included.
    fn heights(&self, width: u16) -> Vec<(u16, u16)> {
        self.pieces
            .iter()
            .zip(self.wrapped(width))
            .map(|(p, mut h)| {
                if p.boxed.is_some() {
                    h = h.saturating_add(self.border_rows());
                }
                (u16::from(p.gap), h)
            })
            .collect()
    }

    /// Rows the whole document takes at `width`.
    pub fn height(&self, width: u16) -> u16 {
        self.heights(width).iter().fold(0u16, |acc, (g, h)| {
            acc.saturating_add(*g).saturating_add(*h)
        })
    }

    /// How far the document can scroll in `area`: the same layout that draws it.
    pub fn max_scroll(&self, area: Rect) -> u16 {
        self.height(area.width).saturating_sub(area.height)
    }

    /// Draw the document into `area`, from row `scroll` of it.
    pub fn render(&self, frame: &mut Canvas, area: Rect, scroll: u16, theme: &Theme) {
        if area.width == 0 || area.height == 0 || !frame.draws() {
            return;
        }
        let heights = self.heights(area.width);
        let total = heights.iter().fold(0u16, |acc, (g, h)| {
            acc.saturating_add(*g).saturating_add(*h)
        });
        let scroll = scroll.min(total.saturating_sub(area.height));
        let rows = total.min(scroll.saturating_add(area.height));
        let Some(out) = frame.buffer_mut() else {
            return;
        };
        // What the document does not draw on the rows it takes is blank.
        let shown = area.height.min(rows.saturating_sub(scroll));
        Clear.render(
            Rect {
                height: shown,
                ..area
            },
            out,
        );
        let laid = self.laid.borrow();
        let Some(laid) = laid.as_ref() else {
            return;
        };
        let mut y = 0u16;
        for ((p, lp), (gap, h)) in self.pieces.iter().zip(&laid.pieces).zip(heights) {
            y = y.saturating_add(gap);
            if y >= rows {
                break;
            }
            // Scrolled out of view above: not drawn.
            if y.saturating_add(h) <= scroll {
                y = y.saturating_add(h);
                continue;
            }
            let h_on = h.min(rows - y);
            if y >= scroll {
                let r = Rect::new(area.x, area.y + (y - scroll), area.width, h_on);
                self.draw_piece(p, lp, r, out, theme);
            } else {
                // It begins above the view: laid out whole in a buffer of its
                // own, then its rows on view copied (boxes scroll as
                // paragraphs do).
                let mut buf = Buffer::empty(Rect::new(0, 0, area.width, h_on));
                self.draw_piece(p, lp, buf.area, &mut buf, theme);
                for dy in (scroll - y)..h_on {
                    for dx in 0..area.width {
                        out[(area.x + dx, area.y + (y + dy - scroll))] = buf[(dx, dy)].clone();
                    }
                }
            }
            y = y.saturating_add(h);
        }
    }

    /// One piece, in its box if it has one, into `r` of `buf`.
    fn draw_piece(&self, p: &Piece, lp: &LaidPiece, r: Rect, buf: &mut Buffer, theme: &Theme) {
        let inner = match &p.boxed {
            Some(title) => {
                let block = Block::default()
                    .borders(if self.compact {
                        Borders::TOP
                    } else {
                        Borders::ALL
                    })
                    .border_style(theme.border)
                    .title(format!(" {title} "));
                let inner = block.inner(r);
                block.render(r, buf);
                inner
            }
            None => r,
        };
        wrap::render(Self::lines(p, &lp.hung), inner, buf);
    }
}

/// Add `row` to the last piece, or start a new piece after a blank row.
fn push(doc: &mut Doc, row: Row, gap: bool) {
    match doc.pieces.last_mut() {
        Some(p) if p.boxed.is_none() && !gap => p.lines.push(row),
        _ => doc.pieces.push(Piece {
            lines: vec![row],
            boxed: None,
            gap,
        }),
    }
}

/// Whether a blank row goes between a block of role `prev` and one of `next`.
fn gap_between(prev: &Role, next: &Role) -> bool {
    use Role::*;
    match (prev, next) {
        // A heading sits on what it heads; a headline stays by its verdict.
        (Heading, Heading) => true,
        (Heading, _) | (Verdict { .. }, Heading) => false,
        (_, Heading | Question | Trick { .. }) => true,
        (Advice { .. }, Advice { .. }) | (Note, Note) => false,
        (_, Note) => true,
        (Verdict { .. }, _) => false,
        (Scene | Thought, Scene | Thought) => false,
        (Narration, Narration) => false,
        (Number { .. } | Narration, Number { .. } | Narration) => false,
        _ => true,
    }
}

/// Lines of text, laid out as a [`Doc`] would lay out a paragraph (for
/// screens that add lines of their own around the model's blocks).
pub fn lines_height(lines: &[Line<'_>], width: u16) -> u16 {
    wrap::rows(lines, width.max(1)) as u16
}

/// The style of a verdict, for big letters.
pub fn verdict_style(good: bool, theme: &Theme) -> Style {
    if good { theme.safer } else { theme.risky }
}
