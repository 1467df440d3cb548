//! The projector screens. Large print for the back of a room: bold text, wide
//! margins, blank lines between parts, few words per screen, and the same
//! regions every time:
//!
//! - top row: where we are ("Call 1 of 2: title", "Quick check before practice: 2 of 6");
//! - a heading that says what the room is looking at;
//! - the content (the caller's words, the choices, what a choice means);
//! - the volunteer's notes, only when switched on;
//! - bottom row: the keys.
//!
//! Nothing here changes state, and nothing moves on by itself. In a short
//! window (under 16 rows) the blank rows around the heading go, so the words
//! and the choices keep the room.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::engine::model::Medium;
use crate::engine::{Phase, Verdict};
use crate::present::wording::outcome_words;
use crate::tui::app::Overlay;

use super::GroupApp as App;
use crate::tui::theme::Theme;
use crate::tui::ui::{MIN_HEIGHT, MIN_WIDTH};

use super::{CHECK_OPTIONS, CheckStage, GroupState, ItemKind, ItemStatus, Saved, Stage};

/// Width of a full bar in the show-of-hands chart.
const BAR: u16 = 20;

/// Draw the group session's room view (the plan, a call, a quick check, the tally or the end) into `frame`, noting the clickable areas.
pub fn draw(frame: &mut Frame, app: &App) {
    app.targets.borrow_mut().clear();
    let area = frame.area();
    let theme = &app.options.theme;
    let Some(g) = app.group.as_deref() else {
        return;
    };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        frame.render_widget(
            Paragraph::new(vec![
                Line::from("Please make the window bigger.").style(theme.heading),
                Line::from(format!(
                    "It needs at least {MIN_WIDTH} columns and {MIN_HEIGHT} rows."
                )),
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
            Paragraph::new("Blank screen. Press b to go on.").alignment(Alignment::Right),
            r,
        );
        return;
    }
    let notes_h = if g.notes && g.playing() && !g.plan_open {
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

    let (heading, keys) = match app.overlay {
        Some(Overlay::Help) => {
            draw_help(frame, body, app);
            (
                "IF A CALL WORRIES YOU",
                "Enter or Esc  Close the card".into(),
            )
        }
        Some(_) => {
            draw_confirm(frame, body, theme);
            ("STOP THE SESSION?", "Y  Yes, stop     N  No, go on".into())
        }
        None => draw_stage(frame, body, app, g),
    };
    frame.render_widget(
        Paragraph::new(Line::from(format!(" {}", where_am_i(g)))).style(theme.title_bar),
        top,
    );
    frame.render_widget(
        Paragraph::new(Line::from(heading)).style(theme.heading),
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
    frame.render_widget(
        Paragraph::new(Line::from(format!(" {keys}"))).style(theme.footer),
        bottom,
    );
}

pub(crate) fn where_am_i(g: &GroupState) -> String {
    match g.stage {
        Stage::Plan => "Group session: today's plan".into(),
        Stage::Finished => "Group session: the end".into(),
        Stage::Check => match &g.check {
            Some(play) => {
                let which = match play.stage {
                    CheckStage::Before => "before practice",
                    CheckStage::After => "after practice",
                };
                if play.at_result() {
                    format!("Quick check {which}: the result")
                } else {
                    format!(
                        "Quick check {which}: {} of {}",
                        play.index + 1,
                        play.items.len()
                    )
                }
            }
            None => "Quick check".into(),
        },
        Stage::Call => {
            let (at, total) = g.position();
            let title = g
                .session
                .as_ref()
                .map_or(String::new(), |s| s.script().title.clone());
            match g.session.as_ref().map(|s| s.phase()) {
                Some(Phase::Deciding { .. } | Phase::Feedback { .. }) => {
                    let n = g.session.as_ref().map_or(0, |s| {
                        s.path().len() + usize::from(matches!(s.phase(), Phase::Deciding { .. }))
                    });
                    format!("Call {at} of {total}: {title}  -  Question {n}")
                }
                _ => format!("Call {at} of {total}: {title}"),
            }
        }
    }
}

/// Big text: bold, with a blank line after each sentence when there is room.
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
    Paragraph::new(Text::from(lines.to_vec()))
        .wrap(Wrap { trim: false })
        .line_count(width) as u16
}

/// Pick the spaced layout when it fits, else the tight one.
fn fit(spaced: Vec<Line<'static>>, tight: Vec<Line<'static>>, area: Rect) -> Vec<Line<'static>> {
    if height(&spaced, area.width) <= area.height {
        spaced
    } else {
        tight
    }
}

fn render(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
    frame.render_widget(
        Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false }),
        area,
    );
}

fn draw_stage(frame: &mut Frame, area: Rect, app: &App, g: &GroupState) -> (&'static str, String) {
    let theme = &app.options.theme;
    match g.stage {
        Stage::Plan => {
            draw_plan(frame, area, g, theme, false);
            (
                "TODAY'S PLAN",
                "Up/Down Move  1-9 or x In/out  u/d Earlier/later  Enter Start  q Stop".into(),
            )
        }
        Stage::Finished => {
            draw_finished(frame, area, g, theme);
            let footer = match &g.saved {
                // Saved once, for good: the footer says so and offers no save.
                Some(Saved::To(_)) => "Saved. The record is kept  q Stop",
                Some(Saved::Failed(_)) => "Not saved  Enter Try again  q Stop",
                None => "Type the number of people  Enter Save the record  q Stop",
            };
            ("THANK YOU FOR TAKING PART", footer.into())
        }
        Stage::Call | Stage::Check if g.plan_open => {
            draw_plan(frame, area, g, theme, true);
            (
                "TODAY'S PLAN",
                "Up/Down Move  x Skip/keep  u/d Earlier/later  Enter Play now  Esc Back".into(),
            )
        }
        Stage::Call => draw_call(frame, area, g, theme),
        Stage::Check => draw_check(frame, area, g, theme),
    }
}

/// What Enter does at the end of a call or a quick check.
fn enter_next(g: &GroupState) -> &'static str {
    match g.next_planned().map(|row| g.plan[row].kind) {
        Some(ItemKind::Call(_)) => "Enter Next call",
        Some(ItemKind::Check(_)) => "Enter Quick check",
        None => "Enter Finish",
    }
}

/// The plan. When the rows do not all fit, the totals stay at the bottom and
/// the rows scroll so that the highlighted one is always on screen.
fn draw_plan(frame: &mut Frame, area: Rect, g: &GroupState, theme: &Theme, during: bool) {
    let mut rows: Vec<Line<'static>> = Vec::new();
    // Numbers right-aligned to the widest, so the columns do not shift at row 10.
    let width = g.plan.len().to_string().len();
    for (i, p) in g.plan.iter().enumerate() {
        let mark = match p.status {
            ItemStatus::Planned if Some(i) == g.current => "Now   ",
            ItemStatus::Planned => "Today ",
            ItemStatus::Skipped => "Skip  ",
            ItemStatus::Done => "Done  ",
        };
        let pointer = if i == g.cursor { "▶ " } else { "  " };
        let style = if i == g.cursor {
            theme.selected
        } else if p.status == ItemStatus::Skipped {
            theme.text
        } else {
            theme.text.add_modifier(Modifier::BOLD)
        };
        rows.push(Line::from(Span::styled(
            format!(
                "{pointer}{:>width$}. {mark} {}  ({} min)",
                i + 1,
                p.title,
                p.minutes
            ),
            style,
        )));
    }
    let mut totals = vec![Line::from("")];
    let items = g.planned_minutes() - super::WELCOME_MINUTES;
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let what = match g.planned_checks() {
        0 => count(g.planned_count(), "call", "calls"),
        checks => format!(
            "{} and {}",
            count(g.planned_count(), "call", "calls"),
            count(checks, "quick check", "quick checks")
        ),
    };
    totals.push(Line::from(Span::styled(
        format!(
            "{what}: about {items} minutes. With {} minutes for welcome and questions: {} minutes.",
            super::WELCOME_MINUTES,
            g.planned_minutes()
        ),
        theme.heading,
    )));
    if !during {
        totals.push(Line::from(
            "A session of 45 to 60 minutes suits most groups.",
        ));
    }
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
        let at = format!("Rows {start} to {end} of {n}.");
        let mut lines = Vec::new();
        if level == 0 {
            lines.push(Line::from(""));
        }
        if level <= 1 {
            lines.push(Line::from(Span::styled(
                format!("{at} Up and Down show the rest."),
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

fn draw_call(
    frame: &mut Frame,
    area: Rect,
    g: &GroupState,
    theme: &Theme,
) -> (&'static str, String) {
    let Some(session) = g.session.as_deref() else {
        return ("", String::new());
    };
    let s = session.script();
    let caller = theme.caller;
    let text = theme.text.add_modifier(Modifier::BOLD);
    let common = "n Notes  b Blank  l Plan  ? Help";
    match session.phase() {
        Phase::Incoming => {
            let (heading, from) = match s.medium {
                Medium::Call => ("THE PHONE IS RINGING", "Caller ID shows"),
                Medium::Message => ("A TEXT MESSAGE HAS ARRIVED", "It is from"),
                Medium::Visit => ("SOMEONE IS AT THE DOOR", "They say they are"),
            };
            let mut lines = vec![
                Line::from(vec![
                    Span::styled(format!("{from}:  "), text),
                    Span::styled(s.caller_number.clone(), caller),
                ]),
                Line::from(""),
                Line::from(vec![
                    Span::styled("They say they are:  ", text),
                    Span::styled(
                        format!("{}, {}", s.caller_name, s.caller_organisation),
                        caller,
                    ),
                ]),
            ];
            if s.medium != Medium::Visit {
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled(
                    "The name and number on a phone can be faked.",
                    text,
                )));
            }
            render(frame, area, lines);
            (heading, format!("Enter Answer  s Skip call  {common}"))
        }
        Phase::Deciding { step } => {
            let st = session.step(step);
            let counts = g.shown_counts(step);
            let entry = g.tally_entry.as_ref();
            let build = |spaced: bool| {
                let mut lines = Vec::new();
                if st.has_roles() {
                    // Each line in its role: narration plain, then "X says:", "You think:".
                    for l in &st.lines {
                        match crate::present::wording::line_label(l) {
                            Some(label) => {
                                lines.push(Line::from(Span::styled(label, theme.heading)));
                                lines.extend(large(&l.text, caller, spaced));
                            }
                            None => lines.extend(large(&l.text, theme.text, false)),
                        }
                        if spaced {
                            lines.push(Line::from(""));
                        }
                    }
                } else {
                    if let Some(scene) = &st.scene {
                        lines.extend(large(scene, theme.text, false));
                        if spaced {
                            lines.push(Line::from(""));
                        }
                    }
                    lines.push(Line::from(Span::styled(
                        format!("{} says:", st.who),
                        theme.heading,
                    )));
                    lines.extend(large(&st.says, caller, spaced));
                }
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled(
                    "Ask the room: what would you do?",
                    theme.heading,
                )));
                if spaced {
                    lines.push(Line::from(""));
                }
                for (i, c) in st.choices.iter().enumerate() {
                    let chosen = g.highlight && i == g.selected && entry.is_none();
                    let style = if chosen { theme.selected } else { text };
                    let pointer = if chosen { "▶" } else { " " };
                    let wrapped = super::roleplay::wrap(&c.text, area.width as usize, "     ");
                    for (k, l) in wrapped.lines().enumerate() {
                        let l = if k == 0 {
                            format!("{pointer} {}  {}", i + 1, l.trim_start())
                        } else {
                            l.to_string()
                        };
                        lines.push(Line::from(Span::styled(l, style)));
                    }
                    if let Some(l) = hands_line(counts.get(i).copied().flatten(), &counts, entry, i)
                    {
                        lines.push(l);
                    }
                    if spaced {
                        lines.push(Line::from(""));
                    }
                }
                lines
            };
            render(frame, area, fit(build(true), build(false), area));
            let keys = if entry.is_some() {
                "Type the hands  Enter Next choice  Up Previous  Esc Delete  t Done".to_string()
            } else {
                format!("1-9 Reveal  t Hands  Esc Back  {common}")
            };
            ("WHAT WOULD YOU DO?", keys)
        }
        Phase::Feedback { step, choice } => {
            let st = session.step(step);
            let Some(c) = st.choices.get(choice) else {
                return ("", String::new());
            };
            let counts = g.shown_counts(step);
            let build = |spaced: bool| {
                let mut lines = vec![Line::from(Span::styled(
                    format!("{}  {}", choice + 1, c.text),
                    text,
                ))];
                if let Some(v) = verdict(c.verdict, theme) {
                    lines.push(v);
                }
                if spaced {
                    lines.push(Line::from(""));
                }
                lines.extend(large(&c.feedback, caller, spaced));
                for t in &c.tricks {
                    if spaced {
                        lines.push(Line::from(""));
                    }
                    lines.push(Line::from(vec![
                        Span::styled(format!("The trick: {}. ", t.name), theme.trick),
                        Span::styled(t.explain.clone(), text),
                    ]));
                }
                if counts.iter().any(Option::is_some) {
                    lines.push(Line::from(""));
                    lines.push(Line::from(Span::styled("The room said:", theme.heading)));
                    for (i, ch) in st.choices.iter().enumerate() {
                        let mark = verdict_word(ch.verdict);
                        let n = counts.get(i).copied().flatten();
                        lines.push(Line::from(Span::styled(
                            format!(
                                "  {}  {}  {}",
                                i + 1,
                                bar(n, &counts),
                                if mark.is_empty() {
                                    String::new()
                                } else {
                                    format!("({mark})")
                                }
                            ),
                            text,
                        )));
                    }
                }
                lines
            };
            render(frame, area, fit(build(true), build(false), area));
            // After "what if we had said 2?", Enter goes on from the choice on
            // screen: the footer names it.
            (
                "WHAT THIS CHOICE MEANS",
                format!(
                    "Enter Go on with {}  1-9 Another  Esc Back  {common}",
                    choice + 1
                ),
            )
        }
        Phase::Ended { .. } => {
            let Some(e) = session.ending() else {
                return ("", String::new());
            };
            let build = |spaced: bool| {
                let mut lines = vec![
                    Line::from(Span::styled(
                        outcome_words(s.kind, e.outcome),
                        theme.heading,
                    )),
                    Line::from(Span::styled(e.title.clone(), caller)),
                ];
                if spaced {
                    lines.push(Line::from(""));
                }
                lines.push(Line::from(Span::styled("What to do:", theme.heading)));
                for (i, a) in e.action.iter().enumerate() {
                    lines.push(Line::from(Span::styled(format!("{}. {a}", i + 1), text)));
                }
                if spaced {
                    lines.push(Line::from(""));
                }
                lines.push(Line::from(Span::styled(
                    crate::present::wording::source_line(s.kind, &s.source),
                    theme.text,
                )));
                lines
            };
            render(frame, area, fit(build(true), build(false), area));
            let next = enter_next(g);
            ("HOW THE CALL ENDED", format!("{next}  Esc Back  {common}"))
        }
    }
}

/// The quick check: a snippet and the question, then its answer, then the
/// room's result. Smaller windows drop the scene line first, then the spacing.
fn draw_check(
    frame: &mut Frame,
    area: Rect,
    g: &GroupState,
    theme: &Theme,
) -> (&'static str, String) {
    let Some(play) = g.check.as_ref() else {
        return ("", String::new());
    };
    let text = theme.text.add_modifier(Modifier::BOLD);
    let common = "n Notes  b Blank  l Plan  ? Help";
    let Some(item) = play.current() else {
        let result = g.check_result_lines();
        let build = |spaced: bool| {
            let mut lines = Vec::new();
            for (i, l) in result.iter().enumerate() {
                if spaced && i > 0 {
                    lines.push(Line::from(""));
                }
                let style = if i == 0 { theme.caller } else { text };
                lines.push(Line::from(Span::styled(l.clone(), style)));
            }
            lines
        };
        render(frame, area, fit(build(true), build(false), area));
        return (
            "HOW THE ROOM DID",
            format!("{}  Esc Back  {common}", enter_next(g)),
        );
    };
    let counts = play.counts();
    if play.revealed {
        let (answer, label) = CHECK_OPTIONS
            .iter()
            .enumerate()
            .find(|(_, (kind, _))| *kind == item.answer)
            .map_or((0, ""), |(i, (_, label))| (i, *label));
        let build = |spaced: bool, room: bool| {
            let mut lines = vec![Line::from(Span::styled(
                format!("The answer: {}  {label}", answer + 1),
                theme.heading,
            ))];
            if spaced {
                lines.push(Line::from(""));
            }
            if room {
                lines.extend(large(&item.explain, theme.caller, spaced));
            } else {
                lines.push(Line::from(Span::styled(item.explain.clone(), theme.caller)));
            }
            if room && counts.iter().any(Option::is_some) {
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled("The room said:", theme.heading)));
                for (i, (_, option)) in CHECK_OPTIONS.iter().enumerate() {
                    let n = counts.get(i).copied().flatten();
                    lines.push(Line::from(Span::styled(
                        format!(
                            "  {}  {option:<11}  {}{}",
                            i + 1,
                            bar(n, &counts),
                            if i == answer {
                                "  (✔ the answer)"
                            } else {
                                ""
                            }
                        ),
                        text,
                    )));
                }
            }
            lines
        };
        let lines = [build(true, true), build(false, true)]
            .into_iter()
            .find(|l| height(l, area.width) <= area.height)
            .unwrap_or_else(|| build(false, false));
        render(frame, area, lines);
        let enter = if play.index + 1 < play.items.len() {
            "Enter Next"
        } else {
            "Enter The result"
        };
        return (
            "THE ANSWER",
            format!("{enter}  Esc Back  s Skip check  {common}"),
        );
    }
    let entry = g.tally_entry.as_ref();
    // The two options; `inline`: the hands on the option's own line, no bar.
    let options = |spaced: bool, inline: bool| {
        let mut lines = Vec::new();
        for (i, (_, option)) in CHECK_OPTIONS.iter().enumerate() {
            let chosen = g.highlight && i == g.selected && entry.is_none();
            let style = if chosen { theme.selected } else { text };
            let pointer = if chosen { "▶" } else { " " };
            let n = counts.get(i).copied().flatten();
            let mut spans = vec![Span::styled(
                format!("{pointer} {}  {option}", i + 1),
                style,
            )];
            match (inline, entry) {
                (true, Some(e)) if e.choice == i => spans.push(Span::styled(
                    format!("  Hands up: {}_", e.typed),
                    // Reverse video, never bold with it (3.2:1 on the Linux console).
                    Style::new().add_modifier(Modifier::REVERSED),
                )),
                (true, _) => {
                    if let Some(n) = n {
                        spans.push(Span::styled(
                            format!("  {n} hand{}", if n == 1 { "" } else { "s" }),
                            text,
                        ));
                    }
                }
                (false, _) => {}
            }
            lines.push(Line::from(spans));
            if !inline && let Some(l) = hands_line(n, &counts, entry, i) {
                lines.push(l);
            }
            if spaced && i + 1 < CHECK_OPTIONS.len() {
                lines.push(Line::from(""));
            }
        }
        lines
    };
    // 0: all, spaced; 1: all, tight; 2: who and the words; 3: the words only.
    let snippet = |level: u8| {
        let spaced = level == 0;
        let mut lines = Vec::new();
        if level <= 1 {
            lines.push(Line::from(Span::styled(
                crate::present::wording::quick_scene(item),
                theme.text,
            )));
            if spaced {
                lines.push(Line::from(""));
            }
        }
        if level <= 2 {
            lines.push(Line::from(Span::styled(item.who.clone(), text)));
        }
        if level <= 1 {
            let they_say = match item.medium {
                Medium::Message => "The message says:",
                Medium::Call | Medium::Visit => "They say:",
            };
            lines.push(Line::from(Span::styled(they_say, theme.heading)));
            lines.extend(large(&format!("\"{}\"", item.says), theme.caller, spaced));
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                "Ask the room: is this a scam or a real call?",
                theme.heading,
            )));
            if spaced {
                lines.push(Line::from(""));
            }
        } else {
            // Small windows: the words as one paragraph, so no line is wasted.
            lines.push(Line::from(Span::styled(
                crate::present::wording::quick_said(item),
                theme.caller,
            )));
        }
        lines
    };
    let full = |level: u8| {
        let mut lines = snippet(level);
        lines.extend(options(level == 0, false));
        lines
    };
    if let Some(lines) = (0..2)
        .map(full)
        .find(|l| height(l, area.width) <= area.height)
    {
        render(frame, area, lines);
    } else {
        // The options stay at the bottom, whatever happens to the words above.
        let opts = options(false, true);
        let [words, bottom] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(height(&opts, area.width)),
        ])
        .areas(area);
        let lines = (2..4)
            .map(snippet)
            .find(|l| height(l, words.width) <= words.height)
            .unwrap_or_else(|| snippet(3));
        render(frame, words, lines);
        render(frame, bottom, opts);
    }
    let keys = if entry.is_some() {
        "Type the hands  Enter Next choice  Up Previous  Esc Delete  t Done".to_string()
    } else {
        format!("1-2 Reveal  t Hands  Esc Back  s Skip check  {common}")
    };
    ("A SCAM OR A REAL CALL?", keys)
}

fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Safer => "✔ safer",
        Verdict::Risky => "✘ risky",
        Verdict::Neutral => "",
    }
}

fn verdict(v: Verdict, theme: &Theme) -> Option<Line<'static>> {
    match v {
        Verdict::Safer => Some(Line::from(Span::styled("✔ A safer choice", theme.safer))),
        Verdict::Risky => Some(Line::from(Span::styled("✘ A risky choice", theme.risky))),
        Verdict::Neutral => None,
    }
}

/// "██████   12 hands", scaled to the most hands counted.
fn bar(n: Option<u32>, all: &[Option<u32>]) -> String {
    let Some(n) = n else {
        return "not counted".into();
    };
    let max = all.iter().flatten().copied().max().unwrap_or(0).max(1);
    let len = (u64::from(n) * u64::from(BAR)).div_ceil(u64::from(max)) as usize;
    format!(
        "{:<w$}  {n} hand{}",
        "█".repeat(len),
        if n == 1 { "" } else { "s" },
        w = BAR as usize
    )
}

/// The line under a choice while counting or once counted.
fn hands_line(
    n: Option<u32>,
    all: &[Option<u32>],
    entry: Option<&super::TallyEntry>,
    i: usize,
) -> Option<Line<'static>> {
    match entry {
        Some(e) if e.choice == i => Some(Line::from(Span::styled(
            format!("      Hands up: {}_", e.typed),
            // Reverse video, never bold with it (3.2:1 on the Linux console).
            Style::new().add_modifier(Modifier::REVERSED),
        ))),
        _ => n.map(|_| Line::from(format!("      {}", bar(n, all)))),
    }
}

/// The volunteer's notes during the quick check.
pub(crate) fn check_notes(g: &GroupState) -> Option<String> {
    let play = g.check.as_ref()?;
    let item = play.current();
    Some(
        match (item.map(|i| i.answer), play.revealed) {
            (None, _) => "The score belongs to the room, never to one person. \
                Only the numbers of hands are saved, with no names.",
            (Some(_), false) => "Read the words aloud. Ask for hands up for a scam, \
                then for a real call. Press t to type the hands, then show the answer.",
            (Some(crate::engine::Kind::Scam), true) => "Ask: what gave it away? \
                Whatever the room said, the safe step is the same: hang up, and call a number you trust.",
            (Some(crate::engine::Kind::Genuine), true) => "Ask: what makes this one safe? \
                They asked for no money, no PIN and no secrets. If in doubt, call back on a number you know.",
        }
        .into(),
    )
}

fn draw_notes(frame: &mut Frame, area: Rect, g: &GroupState, theme: &Theme) {
    let text = match g.stage {
        Stage::Check => check_notes(g),
        _ => g
            .session
            .as_ref()
            .and_then(|s| s.current_step().and_then(|st| st.notes.clone())),
    }
    .unwrap_or_else(|| "No notes for this part.".into());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(" Notes for the volunteer (n hides them) ");
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .style(theme.text)
            .block(block),
        area,
    );
}

fn draw_finished(frame: &mut Frame, area: Rect, g: &GroupState, theme: &Theme) {
    let text = theme.text.add_modifier(Modifier::BOLD);
    let done: Vec<&str> = g
        .plan
        .iter()
        .filter(|p| p.is_call() && p.status == ItemStatus::Done)
        .map(|p| p.title.as_str())
        .collect();
    let mut lines = vec![Line::from(Span::styled(
        format!("Calls practised today: {}", done.len()),
        text,
    ))];
    for t in &done {
        lines.push(Line::from(format!("  {t}")));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "Remember: hang up, use another phone, and call a number you trust.",
        theme.caller,
    )));
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "For the volunteer: how many people came?",
        theme.heading,
    )));
    lines.push(Line::from(Span::styled(
        format!("  People: {}_", g.attendees),
        theme.selected,
    )));
    lines.push(Line::from(
        "Type the number, then Enter saves a record: date, minutes, calls, hands. No names.",
    ));
    match &g.saved {
        Some(Saved::To(p)) => lines.push(Line::from(Span::styled(
            format!(
                "Saved. The record is in {}",
                crate::engine::text::sanitize(&p.display().to_string())
            ),
            theme.safer,
        ))),
        Some(Saved::Failed(e)) => lines.push(Line::from(Span::styled(
            format!("Not saved: {}", crate::engine::text::sanitize(e)),
            theme.risky,
        ))),
        None => {}
    }
    render(frame, area, lines);
}

fn draw_help(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.options.theme;
    let text = theme.text.add_modifier(Modifier::BOLD);
    let cat = &app.library.catalogue;
    let region = &app.options.region;
    let mut lines: Vec<Line<'static>> = cat
        .core_action(region)
        .iter()
        .enumerate()
        .map(|(i, a)| Line::from(Span::styled(format!("{}. {a}", i + 1), text)))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled("Numbers to know:", theme.heading)));
    for n in cat.numbers(region) {
        lines.push(Line::from(vec![
            Span::styled(format!("{}  ", n.number), theme.caller),
            Span::styled(n.what, theme.text),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "This is practice. It cannot give advice about your own case.",
        theme.text,
    )));
    frame.render_widget(Clear, area);
    render(frame, area, lines);
}

fn draw_confirm(frame: &mut Frame, area: Rect, theme: &Theme) {
    frame.render_widget(Clear, area);
    render(
        frame,
        area,
        vec![
            Line::from(Span::styled(
                "Do you want to stop the session?",
                theme.heading,
            )),
            Line::from(""),
            Line::from(Span::styled("Y  Yes, stop", theme.selected)),
            Line::from(""),
            Line::from(Span::styled("N  No, go on", theme.selected)),
        ],
    );
}
