//! The kiosk's own full screens: the invitation, "Are you still there?" and
//! the staff PIN prompt. Still (nothing moves but the countdown, which the
//! idle rules require), centred, in plain words.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::tui::theme::Theme;

pub const INVITATION: &str = "Press any key or touch the screen to practise spotting a phone scam.";

/// What speech says while "Are you still there?" shows (once, not each second).
pub const STILL_THERE_SAID: &str =
    "Are you still there? Press any key or touch the screen, or it will start again.";

/// A full-screen box with the lines centred in it.
fn centred(frame: &mut Frame, theme: &Theme, title: &str, lines: Vec<Line<'static>>) {
    let area = frame.area();
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

pub fn attract(frame: &mut Frame, theme: &Theme) {
    centred(
        frame,
        theme,
        " hangup ",
        vec![
            Line::from(INVITATION).style(theme.heading),
            Line::from(""),
            Line::from("It is only practice. Nothing about you is kept."),
        ],
    );
}

pub fn still_there(frame: &mut Frame, theme: &Theme, seconds_left: u64) {
    let unit = if seconds_left == 1 {
        "second"
    } else {
        "seconds"
    };
    centred(
        frame,
        theme,
        "",
        vec![
            Line::from("Are you still there?").style(theme.heading),
            Line::from(""),
            Line::from("Press any key or touch the screen."),
            Line::from(""),
            Line::from(format!("Starting again in {seconds_left} {unit}.")),
        ],
    );
}

pub fn staff_prompt(frame: &mut Frame, theme: &Theme, typed: usize, wrong: bool) {
    let mut lines = vec![
        Line::from("Staff exit").style(theme.heading),
        Line::from(""),
        Line::from("Type the PIN, then press Enter. Esc goes back."),
        Line::from(""),
        Line::from(format!("PIN: {}", "*".repeat(typed))),
    ];
    if wrong {
        lines.push(Line::from(""));
        lines.push(Line::from("That PIN is not right. Try again."));
    }
    centred(frame, theme, "", lines);
}
