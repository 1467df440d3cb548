//! The kiosk's own full screens: the invitation, "Are you still there?" and
//! the staff PIN prompt. Still (nothing moves but the countdown, which the
//! idle rules require), centred, in plain words.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::i18n::{Language, tr};
use crate::present::Screen;
use crate::tui::theme::Theme;

/// A full-screen box with the lines centred in it.
fn centred(frame: &mut Frame, theme: &Theme, title: &str, lines: Vec<Line<'static>>) {
    centred_in(frame, frame.area(), theme, title, lines);
}

/// A box over `area` with the lines centred in it.
fn centred_in(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    title: &str,
    lines: Vec<Line<'static>>,
) {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(title.to_string())
        .title_alignment(Alignment::Center);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let para = Paragraph::new(lines)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    let h = (para.line_count(inner.width) as u16).min(inner.height);
    let r = Rect {
        y: inner.y + (inner.height - h) / 2,
        height: h,
        ..inner
    };
    frame.render_widget(para, r);
}

/// Where the language choice is on the invitation: one block per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageBlocks {
    /// The "Cymraeg" block, in screen cells.
    pub cymraeg: Rect,
    /// The "English" block, in screen cells.
    pub english: Rect,
}

impl LanguageBlocks {
    /// The language whose block holds (column, row).
    pub fn at(&self, column: u16, row: u16) -> Option<Language> {
        let pos = ratatui::layout::Position { x: column, y: row };
        if self.cymraeg.contains(pos) {
            Some(Language::Cy)
        } else if self.english.contains(pos) {
            Some(Language::EnGb)
        } else {
            None
        }
    }
}

/// The invitation ([`crate::present::kiosk::invitation`]), with "Cymraeg"
/// and "English" to touch along the bottom (when there is room; c and e
/// work anyway). Returns where they are.
pub fn attract(frame: &mut Frame, theme: &Theme) -> LanguageBlocks {
    let area = frame.area();
    let model = crate::present::kiosk::invitation();
    // Room for the blocks: 3 rows, and the invitation keeps at least 7.
    let with_blocks = area.height >= 12 && area.width >= 24;
    let room = if with_blocks {
        area.height.saturating_sub(3)
    } else {
        area.height
    };
    let lines = invitation_lines(&model, theme, room, area.width);
    if !with_blocks {
        centred(frame, theme, " hangup ", lines);
        return LanguageBlocks {
            cymraeg: Rect::default(),
            english: Rect::default(),
        };
    }
    let top = Rect {
        height: area.height - 3,
        ..area
    };
    centred_in(frame, top, theme, " hangup ", lines);
    let gap = 2;
    let width = (area.width.saturating_sub(gap + 2) / 2).min(24);
    let left = area.x + area.width.saturating_sub(2 * width + gap) / 2;
    let y = area.y + area.height - 3;
    let blocks = LanguageBlocks {
        cymraeg: Rect::new(left, y, width, 3),
        english: Rect::new(left + width + gap, y, width, 3),
    };
    // The model's two commands, in order: Cymraeg, then English.
    let names = model.commands.iter().map(|c| c.label.as_str());
    for ((rect, lang), name) in [
        (blocks.cymraeg, Language::Cy),
        (blocks.english, Language::EnGb),
    ]
    .into_iter()
    .zip(names)
    {
        let chosen = crate::i18n::current() == lang;
        let style = if chosen { theme.selected } else { theme.border };
        let label = if chosen {
            format!("> {name} <")
        } else {
            name.to_string()
        };
        frame.render_widget(
            Paragraph::new(Line::from(label))
                .alignment(Alignment::Center)
                .block(Block::default().borders(Borders::ALL).border_style(style)),
            rect,
        );
    }
    blocks
}

/// The invitation's words for a box `height` rows tall and `width` wide:
/// every line, with a blank row between them where there is room; in a
/// short window (40x12) without the blank rows, so "To choose your
/// language, touch Cymraeg or English." still shows. Only if even that does
/// not fit does the last line go (the two blocks say it by themselves).
fn invitation_lines(model: &Screen, theme: &Theme, height: u16, width: u16) -> Vec<Line<'static>> {
    // Inside the box: its border, and a column either side.
    let rows = height.saturating_sub(2);
    let cols = width.saturating_sub(4);
    let make = |blank: bool, take: usize| {
        let mut lines = vec![Line::from(model.title.clone()).style(theme.heading)];
        for b in model.blocks.iter().take(take) {
            if blank {
                lines.push(Line::from(""));
            }
            lines.push(Line::from(b.text.clone()));
        }
        lines
    };
    let all = model.blocks.len();
    let fits = |lines: &Vec<Line<'static>>| {
        Paragraph::new(lines.clone())
            .wrap(Wrap { trim: true })
            .line_count(cols)
            <= usize::from(rows)
    };
    [
        make(true, all),
        make(false, all),
        make(true, all.saturating_sub(1)),
    ]
    .into_iter()
    .find(fits)
    .unwrap_or_else(|| make(false, all.saturating_sub(1)))
}

/// Draw "Are you still there?" ([`crate::present::kiosk::still_there`])
/// centred, with the whole seconds left before the kiosk starts again.
pub fn still_there(frame: &mut Frame, theme: &Theme, seconds_left: u64) {
    centred(
        frame,
        theme,
        "",
        title_and_blocks(&crate::present::kiosk::still_there(seconds_left), theme),
    );
}

/// A model's title as a heading, then each block, a blank line between.
fn title_and_blocks(model: &Screen, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(model.title.clone()).style(theme.heading)];
    for b in &model.blocks {
        lines.push(Line::from(""));
        lines.push(Line::from(b.text.clone()));
    }
    lines
}

/// `locked`: seconds until a PIN can be tried again, after too many wrong ones.
pub fn staff_prompt(
    frame: &mut Frame,
    theme: &Theme,
    typed: usize,
    wrong: bool,
    locked: Option<u64>,
) {
    let mut lines = vec![
        Line::from(tr("kiosk-staff-exit")).style(theme.heading),
        Line::from(""),
        Line::from(tr("kiosk-type-pin")),
        Line::from(""),
        Line::from(crate::tr!("kiosk-pin", stars = "*".repeat(typed))),
    ];
    if let Some(secs) = locked {
        lines.push(Line::from(""));
        lines.push(Line::from(tr("kiosk-pin-locked")));
        lines.push(Line::from(crate::tr!("kiosk-try-again-in", seconds = secs)));
    } else if wrong {
        lines.push(Line::from(""));
        lines.push(Line::from(tr("kiosk-pin-wrong")));
    }
    centred(frame, theme, "", lines);
}
