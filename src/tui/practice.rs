//! Drawing the quick questions after a call, and text with big buttons
//! under it. The state is in `crate::present::flow`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::app::{App, Target};

pub use crate::present::flow::{Finished, Practice, Recall, RecallStep};
use crate::present::wording::{self, WORDS as W, recall_verdict as verdict_words};

/// Draws the recall screen's body (its title and footer come from its
/// screen model, in `ui::draw`).
pub fn draw_recall(frame: &mut Frame, area: Rect, app: &App, r: &Recall) {
    let theme = &app.options.theme;
    let Some(q) = r.current() else {
        return;
    };
    let mut lines = vec![
        Line::from(wording::question_of(r.index + 1, r.questions.len())).style(theme.heading),
        Line::from(""),
        Line::from(q.question.clone()).style(theme.caller),
        Line::from(""),
    ];
    let labels: Vec<(String, Target)> = match r.answered {
        None => vec![
            (format!("1  {}", W.yes), Target::Choice(0)),
            (format!("2  {}", W.no), Target::Choice(1)),
        ],
        Some(said) => {
            lines.push(
                Line::from(verdict_words(said, q.answer)).style(if said == q.answer {
                    theme.safer
                } else {
                    theme.heading
                }),
            );
            lines.push(Line::from(q.explain.clone()));
            vec![(format!("Enter  {}", W.go_on), Target::Continue)]
        }
    };
    let buttons: Vec<(&str, Target)> = labels.iter().map(|(l, t)| (l.as_str(), *t)).collect();
    text_and_buttons(frame, area, app, lines, &buttons);
}

/// Some lines of text, then big buttons under them (three rows each, so a
/// finger can hit them). Each button is a click or touch target. In a small
/// window the buttons shrink to one row each, and text that still does not
/// fit scrolls (Page Down), so nothing is cut off.
pub fn text_and_buttons(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    lines: Vec<Line<'_>>,
    buttons: &[(&str, Target)],
) {
    let theme = &app.options.theme;
    let para = Paragraph::new(Text::from(lines.clone())).wrap(Wrap { trim: true });
    let h = para.line_count(area.width) as u16;
    let n = buttons.len() as u16;
    let tall = h.saturating_add(3 * n) <= area.height;
    let btn_h = if tall { 3 * n } else { n };
    let [text, btns] = Layout::vertical([
        Constraint::Length(h.min(area.height.saturating_sub(btn_h))),
        Constraint::Min(0),
    ])
    .areas(area);
    if h > text.height {
        super::ui::scrolled(frame, text, app, Text::from(lines));
    } else {
        frame.render_widget(para, text);
    }
    // One width for all: wide enough for the words, never narrower than 24.
    let widest = buttons
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let width = btns.width.min((widest as u16).saturating_add(4).max(24));
    let row_h = if tall { 3 } else { 1 };
    let mut y = btns.y;
    for &(label, t) in buttons {
        if y + row_h > btns.y + btns.height {
            break;
        }
        let b = Rect {
            x: btns.x,
            y,
            width,
            height: row_h,
        };
        let block = if tall {
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border)
        } else {
            Block::default()
        };
        frame.render_widget(Paragraph::new(label).style(theme.selected).block(block), b);
        app.targets.borrow_mut().push((b, t));
        y += row_h;
    }
}

/// The start screen's extra head lines (progress, notices).
pub fn start_head(app: &App) -> Vec<String> {
    let mut v = app.practice.head.clone();
    if let Some(n) = &app.practice.notice {
        v.push(n.clone());
    }
    v
}

/// The ending's extra line: when to practise again.
pub fn booster(app: &App) -> Option<String> {
    app.practice.today.map(crate::progress::booster_line)
}
