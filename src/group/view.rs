//! The projector layout: it draws the group screen model
//! (`present::group_screens`) for the back of a room. Large print: bold
//! text, wide margins, blank lines between parts, and the same regions
//! every time:
//!
//! - top row: the model's topic ("Call 1 of 2: title. Question 1");
//! - the model's title as a heading, in capitals;
//! - the blocks, each drawn by its role (a speaker's words under "Tom
//!   says:", narration and time jumps plain and outside them, thoughts as
//!   "You think", the show of hands as bars), then the choices;
//! - the volunteer's notes, only when switched on;
//! - bottom row: the keys, made from the model's commands ([`footer`]).
//!
//! Nothing here changes state, and nothing moves on by itself. What does not
//! fit goes in a fixed order: the blank lines, then notes, then narration;
//! the choices always stay.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::i18n::tr;
use crate::present::group_screens;
use crate::present::wording::{self, WORDS as W};
use crate::present::{Cmd, Command, Role, Screen};
use crate::tr;
use crate::tui::app::Overlay;

use super::GroupApp as App;
use crate::tui::theme::Theme;
use crate::tui::ui::{MIN_HEIGHT, MIN_WIDTH};

use super::{GroupState, ItemStatus, Stage};

/// Width of a full bar in the show-of-hands chart.
const BAR: u16 = 20;

/// The model of the screen the room sees now.
pub fn model(app: &App) -> Option<Screen> {
    let g = app.group.as_deref()?;
    Some(group_screens::screen(
        g,
        app.overlay,
        &app.library,
        &app.options.region,
    ))
}

/// Draw the group session's room view (the plan, a call, a quick check, the tally or the end) into `frame`.
pub fn draw(frame: &mut Frame, app: &App) {
    app.targets.borrow_mut().clear();
    let area = frame.area();
    let theme = &app.options.theme;
    let (Some(g), Some(model)) = (app.group.as_deref(), model(app)) else {
        return;
    };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(W.too_small).style(theme.heading),
                Line::from(wording::too_small_size(MIN_WIDTH, MIN_HEIGHT)),
            ])
            .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    if g.paused && app.overlay.is_none() {
        // A blank screen; one quiet line for the volunteer in the corner.
        let r = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        frame.render_widget(
            Paragraph::new(model.title.clone()).alignment(Alignment::Right),
            r,
        );
        return;
    }
    let notes_h = if g.notes && g.playing() && !g.plan_open && app.overlay.is_none() {
        (area.height / 4).max(4)
    } else {
        0
    };
    let gap = u16::from(area.height >= 16);
    let [top, _, head, _, body, notes, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Min(1),
        Constraint::Length(notes_h),
        Constraint::Length(1),
    ])
    .areas(area);
    // Wide margins: about a tenth of the width each side.
    let margin = (area.width / 12).clamp(1, 10);
    let body = body.inner(Margin::new(margin, 0));
    let head = head.inner(Margin::new(margin, 0));

    if app.overlay.is_some() {
        frame.render_widget(Clear, body);
    }
    let on_plan = app.overlay.is_none() && (g.stage == Stage::Plan || g.plan_open);
    if on_plan {
        draw_plan(frame, body, g, &model, theme);
    } else {
        draw_body(frame, body, g, &model, theme, app.overlay);
    }
    let topic = app
        .notice
        .clone()
        .or_else(|| model.topic.clone())
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(Line::from(format!(" {topic}"))).style(theme.title_bar),
        top,
    );
    frame.render_widget(
        Paragraph::new(Line::from(model.title.to_uppercase())).style(theme.heading),
        head,
    );
    if notes_h > 0 {
        draw_notes(
            frame,
            notes.inner(Margin::new(margin.saturating_sub(1), 0)),
            g,
            theme,
        );
    }
    let keys = footer(&model, usize::from(area.width.saturating_sub(1)));
    frame.render_widget(
        Paragraph::new(Line::from(format!(" {keys}"))).style(theme.footer),
        bottom,
    );
}

/// A command's keys as the footer names them: "Enter", "Up/Down", "u/d".
fn keys_named(c: &Command) -> String {
    c.keys
        .iter()
        .map(|k| k.name())
        .collect::<Vec<_>>()
        .join("/")
}

/// The footer's parts, in order, made from the screen's commands only: the
/// numbered choices as "1-N verb" (with another command of the same label
/// joined: "1-9 or x In/out"), then each other command as "keys label" (a
/// command with no keys, such as "Type the hands", by its label alone).
pub fn footer_parts(s: &Screen) -> Vec<String> {
    let mut parts = Vec::new();
    let verb = s.choose.clone().unwrap_or_else(|| W.choose.to_string());
    let digits: Vec<u8> = s
        .choices()
        .flat_map(|c| c.keys.iter())
        .filter_map(|k| match k {
            crate::present::Key::Digit(d) => Some(*d),
            _ => None,
        })
        .collect();
    let same = s
        .others()
        .find(|c| c.label == verb && !c.keys.is_empty())
        .map(|c| (c.id, keys_named(c)));
    let short = s.short_answers && s.choose.is_none();
    if short {
        for c in s.choices() {
            if let Some(k) = c.key() {
                parts.push(format!("{} {}", k.name(), c.label));
            }
        }
    } else if let (Some(lo), Some(hi)) = (digits.iter().min(), digits.iter().max()) {
        let range = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}-{hi}")
        };
        match &same {
            Some((_, k)) => parts.push(format!("{range} {} {k} {verb}", W.key_or)),
            None => parts.push(format!("{range} {verb}")),
        }
    }
    for c in s.others() {
        if same.as_ref().is_some_and(|(id, _)| *id == c.id) && !digits.is_empty() {
            continue;
        }
        if c.keys.is_empty() {
            parts.push(c.label.clone());
        } else {
            parts.push(format!("{} {}", keys_named(c), c.label));
        }
    }
    parts
}

/// The footer line: [`footer_parts`] joined, the last ones left off (help,
/// plan, blank, notes come last) when the line is wider than `width`.
pub fn footer(s: &Screen, width: usize) -> String {
    let mut parts = footer_parts(s);
    loop {
        let line = parts.join("  ");
        if line.chars().count() <= width || parts.len() <= 1 {
            return line;
        }
        parts.pop();
    }
}

/// Big text: with a blank line after each sentence when there is room.
fn large(text: &str, style: Style, spaced: bool) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for sentence in sentences(text) {
        out.push(Line::from(Span::styled(sentence, style)));
        if spaced {
            out.push(Line::from(""));
        }
    }
    if spaced {
        out.pop();
    }
    out
}

/// Split text after ". ", "? " and "! " so each sentence starts a new line.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        cur.push(c);
        let ends = matches!(c, '.' | '?' | '!') && chars.get(i + 1).is_some_and(|n| *n == ' ');
        if ends || c == '\n' {
            let s = cur.trim().to_string();
            if !s.is_empty() {
                out.push(s);
            }
            cur.clear();
        }
    }
    let s = cur.trim().to_string();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// Height of lines once wrapped to `width`.
fn height(lines: &[Line<'static>], width: u16) -> u16 {
    u16::try_from(
        Paragraph::new(Text::from(lines.to_vec()))
            .wrap(Wrap { trim: false })
            .line_count(width),
    )
    .unwrap_or(u16::MAX)
}

fn render(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
    frame.render_widget(
        Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false }),
        area,
    );
}

/// "██████", scaled to the most hands counted.
fn bar(count: Option<u32>, most: u32) -> String {
    let n = count.unwrap_or(0);
    let len = (u64::from(n) * u64::from(BAR)).div_ceil(u64::from(most.max(1))) as usize;
    format!("{:<w$}", "█".repeat(len), w = BAR as usize)
}

/// The blocks, each drawn by its role. `level` 0: spaced; 1: tight; 2: no
/// notes; 3: no narration or scene lines either.
fn block_lines(model: &Screen, theme: &Theme, level: u8, width: u16) -> Vec<Line<'static>> {
    let spaced = level == 0;
    let bold = theme.text.add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut first = true;
    for b in &model.blocks {
        let drop = match b.role {
            Role::Note => level >= 2,
            Role::Narration | Role::Scene => level >= 3,
            _ => false,
        };
        if drop {
            continue;
        }
        // A blank line before each part, but not inside a list.
        let listed = matches!(b.role, Role::Advice { .. } | Role::Hands { .. });
        if spaced && !first && !listed {
            lines.push(Line::from(""));
        }
        first = false;
        let text = b.text.clone();
        match &b.role {
            Role::Heading | Role::Question => {
                lines.push(Line::from(Span::styled(text, theme.heading)))
            }
            // Narration that fits on a line stays one line; longer, a
            // sentence to a line.
            Role::Narration if text.chars().count() <= usize::from(width) => {
                lines.push(Line::from(Span::styled(text, bold)))
            }
            Role::Narration => lines.extend(large(&text, bold, false)),
            // Scene lines and time jumps: plain, never in a speaker's name.
            Role::Scene => lines.extend(large(&text, theme.text, false)),
            Role::Speech { who } if who.is_empty() => lines.push(Line::from(Span::styled(
                wording::they_say(&text),
                theme.caller,
            ))),
            Role::Speech { who } => {
                lines.push(Line::from(Span::styled(
                    format!("{}:", wording::says_title(who)),
                    theme.heading,
                )));
                lines.extend(large(&text, theme.caller, spaced));
            }
            Role::Message => {
                lines.push(Line::from(Span::styled(
                    format!("{}:", W.message_says_title),
                    theme.heading,
                )));
                lines.extend(large(&text, theme.caller, spaced));
            }
            Role::Thought => {
                lines.push(Line::from(Span::styled(
                    format!("{}:", W.you_think_title),
                    theme.heading,
                )));
                lines.extend(large(
                    &text,
                    theme.text.add_modifier(Modifier::ITALIC),
                    false,
                ));
            }
            Role::Verdict { good } => {
                let (mark, style) = if *good {
                    ("✔", theme.safer)
                } else {
                    ("✘", theme.risky)
                };
                lines.push(Line::from(Span::styled(format!("{mark} {text}"), style)));
            }
            Role::Trick { .. } => lines.push(Line::from(Span::styled(text, theme.trick))),
            Role::Advice { number } => {
                lines.push(Line::from(Span::styled(format!("{number}. {text}"), bold)))
            }
            Role::Number { .. } => lines.push(Line::from(Span::styled(text, theme.caller))),
            Role::Hands { count, most } => lines.push(Line::from(vec![
                Span::styled(format!("  {}  ", bar(*count, *most)), bold),
                Span::styled(text, bold),
            ])),
            Role::Note | Role::Keys => lines.push(Line::from(Span::styled(text, theme.text))),
        }
    }
    lines
}

/// The numbered choices (or Yes and No), with the highlight, and the hands
/// counted or being typed under each. `inline`: the hands on the choice's
/// own line. `spaced`: a blank line between choices.
fn choice_lines(
    model: &Screen,
    g: &GroupState,
    theme: &Theme,
    width: u16,
    spaced: bool,
    inline: bool,
) -> Vec<Line<'static>> {
    let bold = theme.text.add_modifier(Modifier::BOLD);
    let entry = g.tally_entry.as_ref();
    let counts = g.counts_now();
    let most = counts.iter().flatten().copied().max().unwrap_or(0);
    let mut lines = Vec::new();
    let listed: Vec<&Command> = model
        .commands
        .iter()
        .filter(|c| c.is_choice() || matches!(c.id, Cmd::Yes | Cmd::No))
        .collect();
    for (i, c) in listed.iter().enumerate() {
        let chosen = c.is_choice() && g.highlight && i == g.selected && entry.is_none();
        let style = if chosen || !c.is_choice() {
            theme.selected
        } else {
            bold
        };
        let pointer = if chosen { "▶" } else { " " };
        let key = match c.id {
            Cmd::Choose(n) => (n + 1).to_string(),
            _ => c.keys.first().map(|k| k.name()).unwrap_or_default(),
        };
        let typing = entry.filter(|e| e.choice == i && c.is_choice());
        let hands = counts.get(i).copied().flatten();
        let wrapped = super::roleplay::wrap(&c.label, usize::from(width), "     ");
        for (k, l) in wrapped.lines().enumerate() {
            let mut spans = vec![Span::styled(
                if k == 0 {
                    format!("{pointer} {key}  {}", l.trim_start())
                } else {
                    l.to_string()
                },
                style,
            )];
            if k == 0 && inline {
                if let Some(e) = typing {
                    spans.push(Span::styled(
                        format!("  {}", tr!("group-hands-up", typed = e.typed.as_str())),
                        // Reverse video, never bold with it (3.2:1 on the Linux console).
                        Style::new().add_modifier(Modifier::REVERSED),
                    ));
                } else if let Some(n) = hands {
                    spans.push(Span::styled(
                        format!("  {}", tr!("group-hands", n = n)),
                        bold,
                    ));
                }
            }
            lines.push(Line::from(spans));
        }
        if !inline {
            if let Some(e) = typing {
                lines.push(Line::from(Span::styled(
                    format!("      {}", tr!("group-hands-up", typed = e.typed.as_str())),
                    Style::new().add_modifier(Modifier::REVERSED),
                )));
            } else if let Some(n) = hands {
                lines.push(Line::from(Span::styled(
                    format!(
                        "      {}  {}",
                        bar(Some(n), most),
                        tr!("group-hands", n = n)
                    ),
                    bold,
                )));
            }
        }
        if spaced && i + 1 < listed.len() {
            lines.push(Line::from(""));
        }
    }
    lines
}

/// Everything but the plan: the blocks, then (on a question) the choices.
/// Smaller windows lose the blank lines, then notes, then narration; if the
/// words still do not fit, the choices keep the bottom and the words are
/// cut at the top's end.
fn draw_body(
    frame: &mut Frame,
    area: Rect,
    g: &GroupState,
    model: &Screen,
    theme: &Theme,
    overlay: Option<Overlay>,
) {
    // Choices are drawn where the room answers: a question, or the stop question.
    let asks = model.blocks.iter().any(|b| b.role == Role::Question)
        && (model.choices().next().is_some() || matches!(overlay, Some(Overlay::ConfirmQuit)));
    let full = |level: u8| {
        let mut lines = block_lines(model, theme, level, area.width);
        if asks {
            lines.push(Line::from(""));
            lines.extend(choice_lines(model, g, theme, area.width, level == 0, false));
        }
        lines
    };
    if let Some(lines) = (0..4)
        .map(full)
        .find(|l| height(l, area.width) <= area.height)
    {
        render(frame, area, lines);
        return;
    }
    if !asks {
        render(frame, area, full(3));
        return;
    }
    // The choices stay at the bottom, whatever happens to the words above.
    let opts = choice_lines(model, g, theme, area.width, false, true);
    let [words, bottom] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(height(&opts, area.width)),
    ])
    .areas(area);
    render(frame, words, block_lines(model, theme, 3, area.width));
    render(frame, bottom, opts);
}

/// The plan: each row (the model's choices) with the highlight, then the
/// totals (its blocks). When the rows do not all fit, the totals stay at
/// the bottom and the rows scroll so that the highlighted one is on screen.
fn draw_plan(frame: &mut Frame, area: Rect, g: &GroupState, model: &Screen, theme: &Theme) {
    let mut rows: Vec<Line<'static>> = Vec::new();
    // Numbers right-aligned to the widest, so the columns do not shift at row 10.
    let width = model.choices().count().to_string().len();
    for c in model.choices() {
        let Cmd::Choose(i) = c.id else { continue };
        let pointer = if i == g.cursor { "▶ " } else { "  " };
        let skipped = g
            .plan
            .get(i)
            .is_some_and(|p| p.status == ItemStatus::Skipped);
        let style = if i == g.cursor {
            theme.selected
        } else if skipped {
            theme.text
        } else {
            theme.text.add_modifier(Modifier::BOLD)
        };
        rows.push(Line::from(Span::styled(
            format!("{pointer}{:>width$}. {}", i + 1, c.label),
            style,
        )));
    }
    let mut totals = vec![Line::from("")];
    totals.extend(block_lines(model, theme, 1, area.width));
    let all: Vec<Line<'static>> = rows.iter().cloned().chain(totals.clone()).collect();
    if height(&all, area.width) <= area.height {
        render(frame, area, all);
        return;
    }
    // Too many rows: a window of them, one line each, and where it is. In a
    // small window the totals give way, so the rows keep at least half of it.
    let n = rows.len();
    // 0: a blank line, where we are, the totals; 1: where we are and the
    // minutes; 2: where we are, in short.
    let bottom_lines = |level: u8, start: usize, end: usize| {
        let at = tr!("group-plan-rows", start = start, end = end, n = n);
        let mut lines = Vec::new();
        if level == 0 {
            lines.push(Line::from(""));
        }
        if level <= 1 {
            lines.push(Line::from(Span::styled(
                format!("{at} {}", tr("group-plan-rows-rest")),
                theme.text,
            )));
            lines.extend(
                totals
                    .iter()
                    .skip(1)
                    .take(if level == 0 { 2 } else { 1 })
                    .cloned(),
            );
        } else {
            lines.push(Line::from(Span::styled(at, theme.text)));
        }
        lines
    };
    let level = (0..2)
        .find(|&l| {
            let h = height(&bottom_lines(l, n, n), area.width);
            area.height.saturating_sub(h) >= (area.height / 2).max(1)
        })
        .unwrap_or(2);
    let bottom_h = height(&bottom_lines(level, n, n), area.width);
    let fits = usize::from(area.height.saturating_sub(bottom_h)).max(1);
    let first = g.cursor.min(n.saturating_sub(1));
    let start = first.saturating_sub(fits - 1).min(n.saturating_sub(fits));
    let end = (start + fits).min(n);
    let [list, bottom] = Layout::vertical([
        Constraint::Length(u16::try_from(end - start).unwrap_or(u16::MAX)),
        Constraint::Min(0),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(Text::from(rows[start..end].to_vec())), list);
    render(frame, bottom, bottom_lines(level, start + 1, end));
}

fn draw_notes(frame: &mut Frame, area: Rect, g: &GroupState, theme: &Theme) {
    let text = match g.stage {
        Stage::Check => group_screens::check_notes(g),
        _ => g
            .session
            .as_ref()
            .and_then(|s| s.current_step().and_then(|st| st.notes.clone())),
    }
    .unwrap_or_else(|| tr("group-no-notes"));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(format!(" {} ", tr("group-notes-title")));
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .style(theme.text)
            .block(block),
        area,
    );
}
