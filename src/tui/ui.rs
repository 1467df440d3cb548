//! Drawing each screen. Everything here reads the app state and draws it; the
//! only thing written back is where the clickable areas ended up.
//!
//! Every size is safe: rectangles are clamped to the frame, and below the
//! minimum size a plain "please make the window bigger" message is shown.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Wrap};

use crate::engine::model::Medium;
use crate::engine::script::Role;
use crate::engine::session::Session;
use crate::engine::{Kind, Outcome, Phase, Verdict};

use super::app::{App, Overlay, PAGE, Screen, Target};
use super::big;
use super::theme::Theme;

pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

pub fn draw(frame: &mut Frame, app: &App) {
    if app.options.mode.projector() {
        crate::group::view::draw(frame, app);
        return;
    }
    app.targets.borrow_mut().clear();
    let area = frame.area();
    let theme = &app.options.theme;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, theme);
        return;
    }
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let body = inset(body, 1, 0);

    let (title, keys) = match &app.screen {
        Screen::Start => {
            draw_start(frame, body, app);
            (
                "hangup: practise spotting phone scams".to_string(),
                if app.options.mode.can_quit() {
                    (
                        "Press a number to choose   ? Help   q Stop",
                        "Number: choose  ? Help",
                    )
                } else {
                    (
                        "Press a number or touch a call   ? Help",
                        "Number: choose  ? Help",
                    )
                },
            )
        }
        Screen::Call { session, replay } => {
            let title = session.script().title.clone();
            let keys = if *replay {
                draw_replay(frame, body, app, session);
                ("Enter Go back   ? Help", "Enter Back  ? Help")
            } else {
                match session.phase() {
                    Phase::Incoming => {
                        draw_incoming(frame, body, app, session);
                        ("Press 1 or Enter   Esc Back   ? Help", "1 Answer  ? Help")
                    }
                    Phase::Deciding { step } => {
                        draw_deciding(frame, body, app, session, step);
                        (
                            "Press a number to choose   Esc Leave   ? Help",
                            "Number: choose  ? Help",
                        )
                    }
                    Phase::Feedback { .. } => {
                        draw_feedback(frame, body, app, session);
                        (
                            "Enter Go on   Esc Choose again   ? Help",
                            "Enter Go on  ? Help",
                        )
                    }
                    Phase::Ended { .. } => {
                        draw_ending(frame, body, app, session);
                        (
                            "Enter Back to the list   r Replay   ? Help",
                            "Enter List  r Replay",
                        )
                    }
                }
            };
            (title, keys)
        }
        Screen::Recall(r) => super::practice::draw_recall(frame, body, app, r),
        Screen::Quick(q) => super::quick_check::draw(frame, body, app, q),
    };
    frame.render_widget(
        Paragraph::new(Line::from(format!(" {title}"))).style(theme.title_bar),
        top,
    );
    frame.render_widget(
        Paragraph::new(Line::from(format!(
            " {}",
            if area.width >= 60 { keys.0 } else { keys.1 }
        )))
        .style(theme.footer),
        bottom,
    );

    // Only what is on top can be touched: nothing under a card or question.
    if app.overlay.is_some() {
        app.targets.borrow_mut().clear();
    }
    match app.overlay {
        Some(Overlay::Help) => draw_help(frame, area, app),
        Some(Overlay::ConfirmQuit) => draw_confirm(
            frame,
            area,
            app,
            "Do you want to stop practising?",
            "Press Y for yes, or N for no.",
        ),
        Some(Overlay::ConfirmLeave) => draw_confirm(
            frame,
            area,
            app,
            "Do you want to leave this call and go back to the list?",
            "Press Y for yes, or N for no.",
        ),
        None => {}
    }
}

fn inset(r: Rect, x: u16, y: u16) -> Rect {
    Rect {
        x: r.x.saturating_add(x),
        y: r.y.saturating_add(y),
        width: r.width.saturating_sub(2 * x),
        height: r.height.saturating_sub(2 * y),
    }
}

fn target(app: &App, area: Rect, t: Target) {
    app.targets.borrow_mut().push((area, t));
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let text = Text::from(vec![
        Line::from("Please make the window bigger.").style(theme.heading),
        Line::from(format!(
            "It needs at least {MIN_WIDTH} columns and {MIN_HEIGHT} rows."
        )),
    ]);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// A paragraph that scrolls, with a note when there is more below.
pub(crate) fn scrolled(frame: &mut Frame, area: Rect, app: &App, text: Text<'_>) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let para = Paragraph::new(text).wrap(Wrap { trim: false });
    let total = para.line_count(area.width) as u16;
    let max_scroll = total.saturating_sub(area.height);
    let scroll = app.scroll.min(max_scroll);
    frame.render_widget(para.scroll((scroll, 0)), area);
    if scroll < max_scroll && area.height > 1 {
        let note = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        frame.render_widget(Clear, note);
        frame.render_widget(
            Paragraph::new("More below: press Page Down").style(app.options.theme.heading),
            note,
        );
    }
}

fn draw_start(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.options.theme;
    let mut head: Vec<Line> = vec![
        Line::from("Choose a call to practise.").style(theme.heading),
        Line::from("Press its number, or use the arrow keys and Enter."),
    ];
    let (scams, genuine) = app.score();
    if scams.1 + genuine.1 > 0 {
        head.push(Line::from(crate::plain::so_far(scams, genuine)));
    }
    if app.refused_every_genuine_call() {
        head.push(Line::from(
            "Some calls are real. It is fine to check them by calling back on a number you trust.",
        ));
    }
    head.extend(super::practice::start_head(app).into_iter().map(Line::from));
    let skipped = &app.library.skipped;
    let mut foot: Vec<Line> = Vec::new();
    if app.options.mode.can_quit() {
        // The whole hint where there is room; in a small window, where to find it.
        let hint = if area.height >= 20 {
            READING_HINT
        } else {
            "Hard to read? Press ? for help."
        };
        foot.push(Line::from(hint).style(theme.dim));
    }
    if let Some(first) = skipped.first() {
        foot.push(
            Line::from(format!(
                "Note: {} file{} could not be used. {}: {}",
                skipped.len(),
                if skipped.len() == 1 { "" } else { "s" },
                first.path,
                first.reason
            ))
            .style(theme.dim),
        );
    }
    let head_para = Paragraph::new(head).wrap(Wrap { trim: true });
    let foot_para = Paragraph::new(foot).wrap(Wrap { trim: true });
    let head_h = (head_para.line_count(area.width) as u16).min(area.height / 2);
    let foot_h = (foot_para.line_count(area.width) as u16).min(area.height / 3);
    let [h, _, list, f] = Layout::vertical([
        Constraint::Length(head_h),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(foot_h),
    ])
    .areas(area);
    frame.render_widget(head_para, h);
    frame.render_widget(foot_para, f);

    // One page of up to nine calls, one digit key each; 0 shows the next page.
    let total = app.library.scenarios.len();
    let page = app.page_start();
    let pages = total.div_ceil(PAGE).max(1);
    let mut rows: Vec<(Line, Option<Target>, bool)> = app
        .library
        .scenarios
        .iter()
        .enumerate()
        .skip(page)
        .take(PAGE)
        .map(|(i, s)| {
            let selected = i == app.selected;
            let marker = if selected { ">" } else { " " };
            // "New" or "Due" in words, never by colour alone.
            let mark = app
                .practice
                .mark_word(s.id.get_ref())
                .map_or_else(String::new, |w| format!("{w}: "));
            let line = Line::from(format!(
                "{marker} {}  {mark}{}",
                i - page + 1,
                sanitized(s.title.get_ref())
            ));
            (line, Some(Target::Scenario(i)), selected)
        })
        .collect();
    if pages > 1 {
        rows.push((
            Line::from(format!(
                "  0  More calls (this is page {} of {pages})",
                page / PAGE + 1
            )),
            Some(Target::More),
            false,
        ));
    }
    // One row an item, or taller blocks for touch (kiosk) when they all fit.
    // Keep the highlighted row in view when the window is short.
    let (block_h, per) = list_block(app, rows.len(), list.height);
    let visible = (list.height / per).max(1) as usize;
    let sel_row = app.selected - page;
    let first = sel_row.saturating_sub(visible.saturating_sub(1));
    for (row, (line, t, selected)) in rows.into_iter().skip(first).take(visible).enumerate() {
        let r = Rect {
            y: list.y + row as u16 * per,
            height: block_h.min(list.height),
            ..list
        };
        let style = if selected { theme.selected } else { theme.text };
        let pad = Padding::vertical((block_h - 1) / 2);
        frame.render_widget(
            Paragraph::new(line)
                .style(style)
                .block(Block::default().padding(pad)),
            r,
        );
        if let Some(t) = t {
            target(app, r, t);
        }
    }
}

/// Height of one list item's block and the rows it takes with the gap after
/// it. Kiosk mode uses tall blocks when every item fits; otherwise one row each.
fn list_block(app: &App, items: usize, height: u16) -> (u16, u16) {
    let n = items.max(1) as u16;
    for pad in (1..=app.options.mode.target_padding()).rev() {
        let block = 1 + 2 * pad;
        let per = block + 1;
        if n.saturating_mul(per).saturating_sub(1) <= height {
            return (block, per);
        }
    }
    (1, 1)
}

fn sanitized(s: &str) -> String {
    crate::engine::text::sanitize(s)
}

fn draw_incoming(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let theme = &app.options.theme;
    let s = session.script();
    let (what, banner, from_label, button) = match s.medium {
        Medium::Call => (
            "Your phone is ringing.",
            "Phone ringing",
            "Caller ID shows",
            "1  Answer the phone",
        ),
        Medium::Message => (
            "A text message has arrived.",
            "New text message",
            "It is from",
            "1  Read the message",
        ),
        Medium::Visit => (
            "Someone is knocking at your door.",
            "Knock at the door",
            "",
            "1  Go to the door",
        ),
    };
    // Large print: the news in big letters at the top, in place of the heading.
    let big_rows = if app.options.large {
        big::message(frame, area, banner, theme.heading, area.height / 3)
    } else {
        None
    };
    let area = big::below(area, big_rows.unwrap_or(0));
    let mut lines = Vec::new();
    if big_rows.is_none() {
        lines.extend([Line::from(what).style(theme.heading), Line::from("")]);
    }
    // At the door there is no caller ID to show.
    if s.medium != Medium::Visit {
        lines.push(Line::from(vec![
            Span::raw(format!("{from_label}: ")),
            Span::styled(s.caller_number.clone(), theme.caller),
        ]));
    }
    lines.extend([
        Line::from(vec![
            Span::raw("They say they are: "),
            Span::styled(
                format!("{}, {}", s.caller_name, s.caller_organisation),
                theme.caller,
            ),
        ]),
        Line::from(""),
    ]);
    if s.medium != Medium::Visit {
        lines.push(Line::from(
            "Remember: the name and number on your screen can be faked. They do not prove who it is.",
        ));
    }
    let para = Paragraph::new(lines).wrap(Wrap { trim: true });
    let h = para.line_count(area.width) as u16;
    let [text, _, btn] = Layout::vertical([
        Constraint::Length(h.min(area.height.saturating_sub(4))),
        Constraint::Length(1),
        Constraint::Length(3),
    ])
    .areas(area);
    frame.render_widget(para, text);
    let btn = Rect {
        width: btn.width.min(30),
        ..btn
    };
    frame.render_widget(
        Paragraph::new(button).style(theme.selected).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border),
        ),
        btn,
    );
    target(app, btn, Target::Continue);
}

fn speaker_title(session: &Session, who: &str) -> String {
    match session.script().medium {
        Medium::Message => " The message says ".to_string(),
        _ => format!(" {who} says "),
    }
}

fn draw_deciding(frame: &mut Frame, area: Rect, app: &App, session: &Session, step: usize) {
    let theme = &app.options.theme;
    let st = session.step(step);
    let width = area.width;

    // The choices: each a block of wrapped lines, the whole block clickable.
    let choice_paras: Vec<(Paragraph, u16)> = st
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let selected = i == app.selected;
            let marker = if selected { ">" } else { " " };
            let p = Paragraph::new(Line::from(format!("{marker} {}  {}", i + 1, c.text)))
                .style(if selected { theme.selected } else { theme.text })
                .wrap(Wrap { trim: false });
            let h = p.line_count(width) as u16;
            (p, h)
        })
        .collect();
    let count = choice_paras.len() as u16;
    // A short window (big fonts on a small screen): the caller's box keeps
    // only its top line, and "What would you do?" goes, so the caller's words
    // get two more rows.
    let compact = area.height < 14;
    let (border_h, question_h) = if compact { (1, 0) } else { (2, 1) };
    let text_h: u16 = choice_paras.iter().map(|(_, h)| *h).sum();
    // Tall touch blocks (kiosk mode) when they leave room for what was said.
    let pad = (0..=app.options.mode.target_padding())
        .rev()
        .find(|p| text_h + count * 3 * p + 1 + 3 <= area.height)
        .unwrap_or(0);
    let choices_h: u16 = text_h + count * 3 * pad + question_h;

    let inner_w = width.saturating_sub(2);
    // Steps written with several lines: each line in its own role. Narration
    // before anyone speaks goes above the box; thoughts read as thoughts.
    let roles = st.has_roles();
    let lead = if roles {
        st.lines
            .iter()
            .take_while(|l| l.role == Role::Narration)
            .count()
    } else {
        0
    };
    let above = (lead > 0).then(|| {
        let text: Vec<Line> = st.lines[..lead]
            .iter()
            .map(|l| Line::from(l.text.clone()).style(theme.dim))
            .collect();
        let p = Paragraph::new(Text::from(text)).wrap(Wrap { trim: false });
        let h = p.line_count(width) as u16;
        (p, h)
    });
    let above_h = above.as_ref().map_or(0, |(_, h)| *h);
    let scene = st.scene.as_ref().filter(|_| !roles).map(|scene| {
        let p =
            Paragraph::new(Line::from(scene.clone()).style(theme.dim)).wrap(Wrap { trim: false });
        let h = p.line_count(inner_w) as u16;
        (p, h)
    });
    let scene_h = scene.as_ref().map_or(0, |(_, h)| *h);
    // Large print: the caller's words in big letters, if all of them fit in
    // the room the choices leave (inside the box, under any scene line).
    let big_said = if app.options.large && !roles {
        area.height
            .saturating_sub(choices_h)
            .checked_sub(border_h + scene_h)
            .and_then(|h| big::fit(&st.says, inner_w, h))
    } else {
        None
    };
    let mut said: Vec<Line> = Vec::new();
    let first = st.lines.get(lead);
    if roles {
        for l in &st.lines[lead..] {
            said.push(match l.role {
                Role::Narration => Line::from(l.text.clone()).style(theme.dim),
                Role::Speech if first.is_some_and(|f| f.role == Role::Speech && f.who == l.who) => {
                    Line::from(format!("\"{}\"", l.text)).style(theme.caller)
                }
                Role::Speech => {
                    Line::from(format!("{}: \"{}\"", l.who, l.text)).style(theme.caller)
                }
                Role::Thought => Line::from(format!("You think: {}", l.text))
                    .style(theme.text.add_modifier(ratatui::style::Modifier::ITALIC)),
                Role::Message => {
                    Line::from(format!("A message arrives: \"{}\"", l.text)).style(theme.caller)
                }
            });
        }
    } else {
        if let Some(scene) = &st.scene {
            said.push(Line::from(scene.clone()).style(theme.dim));
        }
        said.push(Line::from(format!("\"{}\"", st.says)).style(theme.caller));
    }
    let said_text = Text::from(said);
    let said_h = match &big_said {
        Some(f) => scene_h + f.height + border_h,
        None => {
            Paragraph::new(said_text.clone())
                .wrap(Wrap { trim: false })
                .line_count(inner_w) as u16
                + border_h
        }
    };

    // A blank row between choices when there is room: easier to read and to touch.
    let n = choice_paras.len() as u16;
    let gap = u16::from(pad == 0 && area.height >= said_h + choices_h + n);
    let choices_h = choices_h + gap * n.saturating_sub(1);
    let room = area.height.saturating_sub(choices_h);
    let above_h = above_h.min(room.saturating_sub(3));
    let room = room.saturating_sub(above_h);
    let [above_area, said_area, choices_area] = Layout::vertical([
        Constraint::Length(above_h),
        Constraint::Length(said_h.min(room.max(3))),
        Constraint::Min(1),
    ])
    .areas(area);
    if let Some((p, _)) = above {
        frame.render_widget(p, above_area);
    }

    let title = match first.filter(|_| roles) {
        Some(l) if l.role == Role::Thought => " You think ".to_string(),
        Some(l) if l.role == Role::Message => " A message ".to_string(),
        Some(l) if l.role == Role::Speech => format!(" {} says ", l.who),
        Some(_) => String::new(),
        None if roles => String::new(),
        None => speaker_title(session, &st.who),
    };
    let block = Block::default()
        .borders(if compact { Borders::TOP } else { Borders::ALL })
        .border_style(theme.border)
        .title(title);
    let inner = block.inner(said_area);
    frame.render_widget(block, said_area);
    let drawn = big_said
        .as_ref()
        .is_some_and(|f| big::draw(frame, big::below(inner, scene_h), f, theme.caller));
    if drawn {
        if let Some((p, h)) = scene {
            let h = h.min(inner.height);
            frame.render_widget(p, Rect { height: h, ..inner });
        }
    } else {
        scrolled(frame, inner, app, said_text);
    }

    let [q, list] =
        Layout::vertical([Constraint::Length(question_h), Constraint::Min(0)]).areas(choices_area);
    if question_h > 0 {
        frame.render_widget(Paragraph::new("What would you do?").style(theme.heading), q);
    }
    let mut y = list.y;
    for (i, (p, h)) in choice_paras.into_iter().enumerate() {
        let bottom = list.y + list.height;
        if y >= bottom {
            break;
        }
        let r = Rect {
            x: list.x,
            y,
            width: list.width,
            height: (h + 2 * pad).min(bottom - y),
        };
        frame.render_widget(p.block(Block::default().padding(Padding::vertical(pad))), r);
        target(app, r, Target::Choice(i));
        y += h + 3 * pad + gap;
    }
}

/// The verdict as a key message for big letters, with its style.
fn verdict_words(verdict: Verdict, theme: &Theme) -> Option<(&'static str, Style)> {
    match verdict {
        Verdict::Safer => Some(("Safer choice", theme.safer)),
        Verdict::Risky => Some(("Risky choice", theme.risky)),
        Verdict::Neutral => None,
    }
}

fn verdict_line(verdict: Verdict, theme: &Theme) -> Option<Line<'static>> {
    match verdict {
        Verdict::Safer => Some(Line::from("Safer choice.").style(theme.safer)),
        Verdict::Risky => Some(Line::from("Risky choice.").style(theme.risky)),
        Verdict::Neutral => None,
    }
}

fn draw_feedback(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let theme = &app.options.theme;
    let Some(choice) = session.current_choice() else {
        return;
    };
    let [text, btn] = Layout::vertical([Constraint::Min(1), Constraint::Length(3)]).areas(area);
    // Large print: the verdict in big letters at the top, in place of its line.
    let big_rows = match (app.options.large, verdict_words(choice.verdict, theme)) {
        (true, Some((words, style))) => big::message(frame, text, words, style, text.height / 3),
        _ => None,
    };
    let text = big::below(text, big_rows.unwrap_or(0));
    let mut lines: Vec<Line> =
        vec![Line::from(format!("You chose: {}", choice.text)).style(theme.dim)];
    lines.push(Line::from(""));
    if big_rows.is_none() {
        lines.extend(verdict_line(choice.verdict, theme));
    }
    lines.push(Line::from(choice.feedback.clone()));
    for t in &choice.tricks {
        lines.push(Line::from(""));
        lines.push(Line::from(vec![
            Span::styled(format!("Trick: {}. ", t.name), theme.trick),
            Span::raw(t.explain.clone()),
        ]));
    }
    scrolled(frame, text, app, Text::from(lines));
    let btn = Rect {
        width: btn.width.min(24),
        ..btn
    };
    frame.render_widget(
        Paragraph::new("Enter  Go on").style(theme.selected).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border),
        ),
        btn,
    );
    target(app, btn, Target::Continue);
}

fn draw_ending(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let theme = &app.options.theme;
    let Some(e) = session.ending() else {
        return;
    };
    let s = session.script();
    let outcome_style = match e.outcome {
        Outcome::Safe => theme.safer,
        _ => theme.risky,
    };
    let words = crate::engine::model::outcome_words(s.kind, e.outcome);
    // Large print: how it ended, then the one thing to do ("HANG UP"), in big
    // letters at the top; the rest scrolls below them.
    let mut area = area;
    let mut big_outcome = false;
    if app.options.large {
        let budget = area.height * 2 / 5;
        let action_budget = area.height / 4;
        if let Some(rows) = big::message(
            frame,
            area,
            words.trim_end_matches('.'),
            outcome_style,
            budget,
        ) {
            area = big::below(area, rows);
            big_outcome = true;
        }
        if let Some(rows) = key_action(s.kind, &e.action)
            .and_then(|a| big::message(frame, area, &a, theme.heading, action_budget))
        {
            area = big::below(area, rows);
        }
    }
    let mut lines: Vec<Line> = vec![
        Line::from(if big_outcome {
            "The call has ended.".to_string()
        } else {
            format!("The call has ended. {words}")
        })
        .style(outcome_style),
        Line::from(e.title.clone()).style(theme.heading),
        Line::from(""),
        Line::from("What happened:").style(theme.heading),
    ];
    lines.extend(e.happened.iter().map(|h| Line::from(format!("- {h}"))));
    lines.push(Line::from(""));
    let heading = match s.kind {
        Kind::Scam => "What to do if this happens to you:",
        Kind::Genuine => "How to check a call safely:",
    };
    lines.push(Line::from(heading).style(theme.heading));
    lines.extend(
        e.action
            .iter()
            .enumerate()
            .map(|(i, a)| Line::from(format!("{}. {a}", i + 1))),
    );
    let tricks = session.tricks_met();
    if !tricks.is_empty() {
        lines.push(Line::from(""));
        let names: Vec<&str> = tricks.iter().map(|t| t.name.as_str()).collect();
        lines.push(Line::from(vec![
            Span::styled("Tricks in this call: ", theme.trick),
            Span::raw(names.join(", ")),
        ]));
    }
    if let Some(b) = super::practice::booster(app) {
        lines.push(Line::from(""));
        lines.push(Line::from(b).style(theme.heading));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(s.source_line()).style(theme.dim));
    scrolled(frame, area, app, Text::from(lines));
}

/// The one thing to do, for big letters at the end of a scam: the first
/// sentence of the first piece of advice when it is a short command, such as
/// "Hang up." or "Stop.", in capitals.
fn key_action(kind: Kind, action: &[String]) -> Option<String> {
    if kind != Kind::Scam {
        return None;
    }
    let first = action.first()?;
    let sentence = first
        .split_once('.')
        .map_or(first.as_str(), |(a, _)| a)
        .trim();
    (!sentence.is_empty()
        && sentence.split_whitespace().count() <= 3
        && sentence.chars().count() <= 16)
        .then(|| sentence.to_uppercase())
}

fn draw_replay(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let theme = &app.options.theme;
    let replay = session.replay();
    let column = |title: &str, items: &[String]| -> Text<'static> {
        let mut lines = vec![Line::from(title.to_string()).style(theme.heading)];
        lines.extend(
            items
                .iter()
                .enumerate()
                .map(|(i, l)| Line::from(format!("{}. {l}", i + 1))),
        );
        Text::from(lines)
    };
    let yours = column("What you did:", &replay.yours);
    let safe = column("The safer way:", &replay.safe);
    if area.width >= 70 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .spacing(2)
            .areas(area);
        scrolled(frame, l, app, yours);
        scrolled(frame, r, app, safe);
    } else {
        let mut all = yours;
        all.lines.push(Line::from(""));
        all.lines.extend(safe.lines);
        scrolled(frame, area, app, all);
    }
}

/// A box in the middle of the screen, never bigger than the screen.
fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// How to get bigger or stronger text (start screen and help card).
pub const READING_HINT: &str = "Hard to read? Start hangup with --large for big letters, or --high-contrast for strong colours.";

fn draw_help(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.options.theme;
    let cat = &app.library.catalogue;
    let region = &app.options.region;
    let mut lines: Vec<Line> = vec![Line::from("If a call worries you:").style(theme.heading)];
    lines.extend(
        cat.core_action(region)
            .iter()
            .enumerate()
            .map(|(i, a)| Line::from(format!("{}. {a}", i + 1))),
    );
    lines.push(Line::from(""));
    lines.push(Line::from("Numbers to know:").style(theme.heading));
    for n in cat.numbers(region) {
        lines.push(Line::from(vec![
            Span::styled(format!("{}  ", n.number), theme.caller),
            Span::raw(n.what),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(if app.options.mode.can_quit() {
        "Keys: numbers choose. Arrow keys and Enter work too. Esc goes back. q stops."
    } else {
        "Keys: numbers choose. Arrow keys and Enter work too. Esc goes back."
    }));
    if app.options.mode.can_quit() {
        lines.push(Line::from(""));
        lines.push(Line::from(READING_HINT));
        lines.push(Line::from(
            "You can also use --theme light or --theme dark to match your screen.",
        ));
    }
    lines.push(Line::from("Press Enter or Esc to close this card.").style(theme.heading));
    let r = popup(area, 76, 30);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(" Help ");
    let inner = block.inner(r);
    frame.render_widget(block, r);
    scrolled(frame, inner, app, Text::from(lines));
}

fn draw_confirm(frame: &mut Frame, area: Rect, app: &App, question: &str, keys: &str) {
    let theme = &app.options.theme;
    let r = popup(area, 50, 8);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [text, buttons] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let p = Paragraph::new(vec![
        Line::from(question.to_string()).style(theme.heading),
        Line::from(keys.to_string()),
    ])
    .wrap(Wrap { trim: true })
    .style(Style::default());
    frame.render_widget(p, text);
    let [yes, _, no] = Layout::horizontal([
        Constraint::Percentage(45),
        Constraint::Percentage(10),
        Constraint::Percentage(45),
    ])
    .areas(buttons);
    frame.render_widget(Paragraph::new(" Y  Yes").style(theme.selected), yes);
    frame.render_widget(Paragraph::new(" N  No").style(theme.selected), no);
    target(app, yes, Target::Yes);
    target(app, no, Target::No);
}
