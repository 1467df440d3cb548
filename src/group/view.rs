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
//! fit loses its blank lines first; then it scrolls, with "More below" and
//! "More above" (a question's choices stay at the bottom while the words
//! above them scroll): nothing is left off unseen.

use crate::tui::canvas::Canvas;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::i18n::tr;
use crate::present::group_screens;
use crate::present::wording::{self, WORDS as W};
use crate::present::{Cmd, Command, Role, Screen};
use crate::tr;
use crate::tui::app::{Action, Overlay, Target};

use super::GroupApp as App;
use crate::tui::theme::Theme;
use crate::tui::ui::{MIN_HEIGHT, MIN_WIDTH};

use super::{GroupState, HelpRoom, ItemStatus, Stage, command_action};

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
pub fn draw(frame: &mut ratatui::Frame, app: &App) {
    paint(&mut Canvas::new(frame), app);
}

/// Lay the room view out at `area` without drawing it: the same function
/// that draws ([`paint`]) notes how far the help card can scroll, which
/// `update` clamps by.
pub fn lay_out(app: &App, area: Rect) {
    paint(&mut Canvas::measure(area), app);
}

/// Draw (or, measuring, only lay out) the room view.
pub fn paint(frame: &mut Canvas, app: &App) {
    app.targets.borrow_mut().clear();
    app.help_room.set(HelpRoom::default());
    let area = frame.area();
    app.size.set(area);
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
        // A click or touch anywhere brings the screen back (its one command).
        if let Some(a) = model.commands.first().and_then(command_action) {
            app.targets.borrow_mut().push((area, Target::Act(a)));
        }
        return;
    }
    let notes_h = if g.notes && g.playing() && !g.plan_open && app.overlay.is_none() {
        (area.height / 4).max(4)
    } else {
        0
    };
    let gap = u16::from(area.height >= 16);
    // The keys on one row; where they do not fit and there is room, on two,
    // so that every key is named (and can be clicked).
    let on_plan = app.overlay.is_none() && (g.stage == Stage::Plan || g.plan_open);
    let drawn = on_plan || asks(&model, app.overlay);
    let help = app.overlay == Some(Overlay::Help);
    let width = usize::from(area.width.saturating_sub(1));
    // A long screen names its scroll keys too: room for them on the footer
    // where its words would not fit (the body's rows as laid out below).
    let long = !on_plan && !help && !g.paused && {
        let gaps = 2 * gap + 2 + notes_h + 1;
        let margin = (area.width / 12).clamp(1, 10);
        let w = area.width.saturating_sub(2 * margin);
        !fits_whole(&model, theme, w, area.height.saturating_sub(gaps))
            && !asks(&model, app.overlay)
    };
    let footer_h = if area.height >= 20 {
        u16::try_from(rows_of(footer_items_at(&model, help || long, long, drawn), width, 2).len())
            .unwrap_or(1)
            .max(1)
    } else {
        1
    };
    let [top, _, head, _, body, notes, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Min(1),
        Constraint::Length(notes_h),
        Constraint::Length(footer_h),
    ])
    .areas(area);
    // Wide margins: about a tenth of the width each side.
    let margin = (area.width / 12).clamp(1, 10);
    let body = body.inner(Margin::new(margin, 0));
    let head = head.inner(Margin::new(margin, 0));

    if app.overlay.is_some() {
        frame.render_widget(Clear, body);
    }
    let (mut below, mut above) = (false, false);
    if on_plan {
        draw_plan(frame, body, app, g, &model);
    } else if app.overlay == Some(Overlay::Help) {
        below = draw_help(frame, body, app, g, &model);
    } else {
        (below, above) = draw_body(frame, body, app, g, &model);
    }
    let topic = app
        .notice
        .clone()
        .or_else(|| model.topic.clone())
        .unwrap_or_default();
    // A row too short for its words ends them with "…".
    let cut = crate::tui::wrap::cut;
    frame.render_widget(
        Paragraph::new(Line::from(format!(
            " {}",
            cut(&topic, top.width.saturating_sub(1))
        )))
        .style(theme.title_bar),
        top,
    );
    frame.render_widget(
        Paragraph::new(Line::from(cut(&model.title.to_uppercase(), head.width)))
            .style(theme.heading),
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
    // The numbered choices are drawn (each a target) on the plan and where
    // the room answers; elsewhere the footer names each one.
    draw_footer(frame, bottom, app, &model, (below, above), drawn);
}

/// The footer: the model's commands as "keys label" parts, each one a click
/// or touch target for its command's action.
fn draw_footer(
    frame: &mut Canvas,
    area: Rect,
    app: &App,
    model: &Screen,
    (below, above): (bool, bool),
    drawn: bool,
) {
    draw_parts(
        frame,
        area,
        app.options.theme.footer,
        footer_items_at(model, below, above, drawn),
        &app.targets,
    );
}

/// A footer of `parts` in `area` (those that fit), each part with an action
/// a click or touch target in `targets`. The notes window's footer too.
pub(crate) fn draw_parts(
    frame: &mut Canvas,
    area: Rect,
    style: Style,
    parts: Vec<Part>,
    targets: &std::cell::RefCell<Vec<(Rect, Target)>>,
) {
    let rows = rows_of(
        parts,
        usize::from(area.width.saturating_sub(1)),
        usize::from(area.height.max(1)),
    );
    let right = area.x.saturating_add(area.width);
    for (k, items) in rows.iter().enumerate() {
        let y = area.y.saturating_add(u16::try_from(k).unwrap_or(u16::MAX));
        let row = Rect {
            y,
            height: 1,
            ..area
        };
        frame.render_widget(
            Paragraph::new(Line::from(format!(" {}", glued(items).join(SEP)))).style(style),
            row,
        );
        let mut x = area.x.saturating_add(1);
        for (i, p) in items.iter().enumerate() {
            if i > 0 && !p.joined {
                x = x.saturating_add(SEP.len() as u16);
            }
            let w = u16::try_from(unicode_width::UnicodeWidthStr::width(p.text.as_str()))
                .unwrap_or(u16::MAX);
            let r = Rect {
                x,
                y,
                width: w.min(right.saturating_sub(x)),
                height: 1,
            };
            if let Some(a) = p.action
                && r.width > 0
            {
                targets.borrow_mut().push((r, Target::Act(a)));
            }
            x = x.saturating_add(w);
        }
    }
}

/// The parts on at most `rows` rows of `width`, in order: a part and the
/// ones joined to it stay together; what does not fit is left off (the
/// lowest rank first, see [`Part::rank`]). Always at least one row.
fn rows_of(mut parts: Vec<Part>, width: usize, rows: usize) -> Vec<Vec<Part>> {
    if rows <= 1 {
        return vec![fitted(parts, width)];
    }
    // Short of rows: the lowest ranks go first, as on one row.
    loop {
        let laid = rows_in_order(parts.clone(), width, rows);
        let placed: usize = laid.iter().map(Vec::len).sum();
        if placed == parts.len() || !drop_lowest(&mut parts) {
            return laid;
        }
    }
}

/// The parts on at most `rows` rows of `width`, in order, until one does
/// not fit.
fn rows_in_order(parts: Vec<Part>, width: usize, rows: usize) -> Vec<Vec<Part>> {
    let mut groups: Vec<Vec<Part>> = Vec::new();
    for p in parts {
        match groups.last_mut() {
            Some(g) if p.joined => g.push(p),
            _ => groups.push(vec![p]),
        }
    }
    let len = |g: &[Part]| g.iter().map(|p| p.text.chars().count()).sum::<usize>();
    let mut out: Vec<Vec<Part>> = vec![Vec::new()];
    let mut used = 0;
    for g in groups {
        let l = len(&g);
        let empty = out.last().is_none_or(Vec::is_empty);
        if empty || used + SEP.len() + l <= width {
            used = if empty { l } else { used + SEP.len() + l };
            if let Some(row) = out.last_mut() {
                row.extend(g);
            }
        } else if out.len() < rows {
            out.push(g);
            used = l;
        } else {
            break;
        }
    }
    out
}

/// Between the footer's parts.
const SEP: &str = "  ";

/// Note a click target for each owned line of `lines`, as a wrapping
/// paragraph lays them out in `area` from its top (scrolled by `scroll` rows).
pub(crate) fn place_targets(
    targets: &std::cell::RefCell<Vec<(Rect, Target)>>,
    area: Rect,
    lines: &[Line<'static>],
    owners: &[Option<Target>],
    scroll: u16,
) {
    let mut y = i32::from(area.y) - i32::from(scroll);
    let bottom = i32::from(area.y) + i32::from(area.height);
    for (line, owner) in lines.iter().zip(owners) {
        let h = i32::from(height(std::slice::from_ref(line), area.width).max(1));
        if let Some(t) = owner {
            let top = y.max(i32::from(area.y));
            let end = (y + h).min(bottom);
            if end > top {
                let (Ok(top), Ok(end)) = (u16::try_from(top), u16::try_from(end)) else {
                    continue;
                };
                targets.borrow_mut().push((
                    Rect {
                        y: top,
                        height: end - top,
                        ..area
                    },
                    *t,
                ));
            }
        }
        y += h;
    }
}

/// The help card: its blocks, scrolled (it opens at its top; Page Down
/// moves on and reaches its last line). Notes how far it can scroll. True
/// when there is more below.
fn draw_help(frame: &mut Canvas, area: Rect, app: &App, g: &GroupState, model: &Screen) -> bool {
    let theme = &app.options.theme;
    let spaced = block_lines(model, theme, 0, area.width);
    let lines = if height(&spaced, area.width) <= area.height {
        spaced
    } else {
        block_lines(model, theme, 1, area.width)
    };
    let max = height(&lines, area.width).saturating_sub(area.height);
    app.help_room.set(HelpRoom {
        max,
        page: area.height.saturating_sub(1).max(1),
    });
    let scroll = g.help_scroll.min(max);
    frame.render_widget(
        Paragraph::new(Text::from(lines))
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
    // "More below: press Page Down" on the last row (as on the practice
    // card), to click or touch as well; at the end the card's last line shows.
    if scroll < max && area.height > 1 {
        let note = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        frame.render_widget(Clear, note);
        frame.render_widget(Paragraph::new(W.more_below_keys).style(theme.heading), note);
        app.targets
            .borrow_mut()
            .push((note, Target::Act(Action::PageDown)));
    }
    scroll < max
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
    glued(&footer_items(s, false, true))
}

/// One part of the footer: its words, the action a click on it takes, and
/// whether it follows the part before with no gap ("1" then "/3 Another").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The words shown.
    pub text: String,
    /// What a click or touch on it does (see `command_action`), if anything.
    pub action: Option<Action>,
    /// Shown right after the part before, with no gap.
    pub joined: bool,
    /// When the row is short of room, lower ranks are left off first (the
    /// last of equal rank first); 9 is never left off.
    pub rank: u8,
    /// Shorter words for a row short of room ("s Skip" for "s Skip call").
    pub short: Option<String>,
}

/// A part of its own (a gap before it).
pub fn part(text: String, action: Option<Action>) -> Part {
    Part {
        text,
        action,
        joined: false,
        rank: 5,
        short: None,
    }
}

/// What stays longest on a short footer: the choices, Enter's action, Help
/// (its card lists every key), Stop and Skip; the notes, blank and plan
/// keys go first.
fn rank(c: &Command) -> u8 {
    use crate::present::GroupCmd;
    match c.id {
        Cmd::Help => 8,
        _ if c.default => 8,
        Cmd::Quit | Cmd::ScrollDown => 7,
        Cmd::Group(GroupCmd::Skip) => 7,
        Cmd::Back | Cmd::ScrollUp | Cmd::Group(GroupCmd::Hands) => 6,
        Cmd::SayAgain => 3,
        Cmd::Group(GroupCmd::Notes | GroupCmd::Blank | GroupCmd::Plan) => 2,
        _ => 5,
    }
}

/// The parts' words, pieces that belong together joined.
fn glued(parts: &[Part]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        match out.last_mut() {
            Some(last) if p.joined => last.push_str(&p.text),
            _ => out.push(p.text.clone()),
        }
    }
    out
}

/// The footer's parts (see [`footer_parts`]), each with the action a click
/// on it takes: its command's action (see `command_action`). `overflow`:
/// the text scrolls and there is more below, so "Page Down More below" is
/// in; "Page Up" never is. `drawn`: the numbered choices are on screen, each
/// a target of its own, so "1-3 Reveal" needs none; where they are not
/// (after a choice is revealed), each digit is named and is a target:
/// "1/3 Another".
pub fn footer_items(s: &Screen, overflow: bool, drawn: bool) -> Vec<Part> {
    footer_items_at(s, overflow, false, drawn)
}

/// As [`footer_items`]; `above`: the text is scrolled down, so its
/// "Up More above" is in too.
pub fn footer_items_at(s: &Screen, overflow: bool, above: bool, drawn: bool) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
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
        .map(|c| (c.id, keys_named(c), command_action(c)));
    let short = s.short_answers && s.choose.is_none();
    if short {
        for c in s.choices() {
            if let Some(k) = c.key() {
                // The answer Enter takes says so: "2/Enter No, go on".
                let keys = if c.default && c.keys.contains(&crate::present::Key::Enter) {
                    format!("{}/Enter", k.name())
                } else {
                    k.name()
                };
                parts.push(Part {
                    rank: 9,
                    ..part(format!("{keys} {}", c.label), command_action(c))
                });
            }
        }
    } else if !drawn && same.is_none() && !digits.is_empty() {
        let n = digits.len();
        for (i, c) in s.choices().filter(|c| c.key().is_some()).enumerate() {
            let key = c.key().map(|k| k.name()).unwrap_or_default();
            let text = match (i, i + 1 == n) {
                (0, true) => format!("{key} {verb}"),
                (0, false) => key,
                (_, true) => format!("/{key} {verb}"),
                _ => format!("/{key}"),
            };
            parts.push(Part {
                text,
                action: command_action(c),
                joined: i > 0,
                rank: 9,
                short: None,
            });
        }
    } else if let (Some(lo), Some(hi)) = (digits.iter().min(), digits.iter().max()) {
        let range = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}-{hi}")
        };
        let text = match &same {
            Some((_, k, _)) => format!("{range} {} {k} {verb}", W.key_or),
            None => format!("{range} {verb}"),
        };
        parts.push(Part {
            rank: 9,
            ..part(text, same.as_ref().and_then(|(_, _, a)| *a))
        });
    }
    for c in s.others() {
        if same.as_ref().is_some_and(|(id, _, _)| *id == c.id) && !digits.is_empty() {
            continue;
        }
        match c.id {
            Cmd::ScrollUp if !above => continue,
            Cmd::ScrollDown if !overflow => continue,
            _ => {}
        }
        let p = if c.keys.is_empty() {
            part(c.label.clone(), None)
        } else {
            part(format!("{} {}", keys_named(c), c.label), command_action(c))
        };
        let short = c
            .short
            .as_ref()
            .filter(|_| !c.keys.is_empty())
            .map(|s| format!("{} {s}", keys_named(c)));
        parts.push(Part {
            rank: rank(c),
            short,
            ..p
        });
    }
    parts
}

/// The parts that fit in `width`: the lowest rank left off first (the
/// last of equal rank first; see [`Part::rank`]).
fn fitted(mut parts: Vec<Part>, width: usize) -> Vec<Part> {
    loop {
        let len: usize = parts
            .iter()
            .map(|p| p.text.chars().count() + if p.joined { 0 } else { SEP.len() })
            .sum::<usize>()
            .saturating_sub(SEP.len());
        if len <= width {
            return parts;
        }
        // The notes, blank and plan keys go before anything is shortened;
        // then shorter words ("s Skip"); then the rest, lowest rank first.
        let low = parts.iter().any(|p| !p.joined && p.rank < 6);
        let shortened = !low && shorten(&mut parts);
        if !shortened && !drop_lowest(&mut parts) {
            return parts;
        }
    }
}

/// Give every part with shorter words those words. False if none had any.
fn shorten(parts: &mut [Part]) -> bool {
    let mut any = false;
    for p in parts.iter_mut() {
        if let Some(s) = p.short.take() {
            p.text = s;
            any = true;
        }
    }
    any
}

/// Leave off the lowest-ranked part that may go (the last of equal rank),
/// with the parts joined to it. False when none may go.
fn drop_lowest(parts: &mut Vec<Part>) -> bool {
    let lowest = parts
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.joined && p.rank < 9)
        .min_by_key(|(i, p)| (p.rank, std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    let Some(i) = lowest else {
        return false;
    };
    let end = parts[i + 1..]
        .iter()
        .position(|p| !p.joined)
        .map_or(parts.len(), |k| i + 1 + k);
    parts.drain(i..end);
    true
}

/// The footer line: [`footer_parts`] joined, the last ones left off (help,
/// plan, blank, notes come last) when the line is wider than `width`.
pub fn footer(s: &Screen, width: usize) -> String {
    glued(&fitted(footer_items(s, false, true), width)).join(SEP)
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

fn render(frame: &mut Canvas, area: Rect, lines: Vec<Line<'static>>) {
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
            // Hands under a choice are drawn with it (see `choice_lines`).
            Role::Hands { under: Some(_), .. } => true,
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
            // The number of people: a cursor after it while it is typed
            // (drawn, never said).
            Role::Count { typing } => lines.push(Line::from(Span::styled(
                if *typing { format!("{text}_") } else { text },
                theme.heading,
            ))),
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
            // "1. Hang up." with a hanging indent: wrapped lines start under
            // the words, not under the number (as on the practice screens).
            Role::Advice { number } => {
                let head = format!("{number}. ");
                let indent = " ".repeat(head.chars().count());
                let wrapped = super::roleplay::wrap(&text, usize::from(width), &indent);
                for (k, l) in wrapped.lines().enumerate() {
                    let l = if k == 0 {
                        format!("{head}{}", l.trim_start())
                    } else {
                        l.to_string()
                    };
                    lines.push(Line::from(Span::styled(l, bold)));
                }
            }
            Role::Number { .. } => lines.push(Line::from(Span::styled(text, theme.caller))),
            Role::Hands { count, most, .. } => lines.push(Line::from(vec![
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
/// own line. `spaced`: a blank line between choices. `dialog`: a question
/// such as "Stop the session?" is shown, whose Yes and No have no hands.
fn choice_lines(
    model: &Screen,
    theme: &Theme,
    width: u16,
    spaced: bool,
    inline: bool,
    dialog: bool,
) -> (Vec<Line<'static>>, Vec<Option<Target>>) {
    let bold = theme.text.add_modifier(Modifier::BOLD);
    // The hands under each choice, counted or being typed: the model's.
    let hands_under = |i: usize| {
        model
            .blocks
            .iter()
            .filter(|_| !dialog)
            .find_map(|b| match b.role {
                Role::Hands {
                    count,
                    most,
                    under: Some(u),
                    typing,
                } if u == i => Some((count, most, typing, b.text.clone())),
                _ => None,
            })
    };
    let mut lines = Vec::new();
    let mut owners = Vec::new();
    let listed: Vec<&Command> = model
        .commands
        .iter()
        .filter(|c| c.is_choice() || matches!(c.id, Cmd::Yes | Cmd::No))
        .collect();
    for (i, c) in listed.iter().enumerate() {
        // The model's highlight (in a yes-or-no question, the answer Enter takes).
        let chosen = c.is_choice() && model.highlight == Some(i);
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
        let under = hands_under(i).filter(|_| c.is_choice());
        // Every line of a choice (and its hands) is its click target.
        let owner = command_action(c).map(Target::Act);
        // Being typed: the words with a cursor; counted: the count and a bar.
        let typing = under.as_ref().filter(|h| h.2).map(|h| format!("{}_", h.3));
        let hands = under
            .as_ref()
            .filter(|h| !h.2)
            .map(|h| (h.0, h.1, h.3.clone()));
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
                if let Some(t) = &typing {
                    spans.push(Span::styled(
                        format!("  {t}"),
                        // Reverse video, never bold with it (3.2:1 on the Linux console).
                        Style::new().add_modifier(Modifier::REVERSED),
                    ));
                } else if let Some((_, _, t)) = &hands {
                    spans.push(Span::styled(format!("  {t}"), bold));
                }
            }
            lines.push(Line::from(spans));
            owners.push(owner);
        }
        if !inline {
            if let Some(t) = &typing {
                lines.push(Line::from(Span::styled(
                    format!("      {t}"),
                    Style::new().add_modifier(Modifier::REVERSED),
                )));
                owners.push(owner);
            } else if let Some((n, most, t)) = &hands {
                lines.push(Line::from(Span::styled(
                    format!("      {}  {t}", bar(*n, *most)),
                    bold,
                )));
                owners.push(owner);
            }
        }
        if spaced && i + 1 < listed.len() {
            lines.push(Line::from(""));
            owners.push(None);
        }
    }
    (lines, owners)
}

/// Choices are drawn where the room answers: a question, or the stop question.
fn asks(model: &Screen, overlay: Option<Overlay>) -> bool {
    model.blocks.iter().any(|b| b.role == Role::Question)
        && (model.choices().next().is_some() || matches!(overlay, Some(Overlay::ConfirmQuit)))
}

/// Everything but the plan: the blocks, then (on a question) the choices.
/// Smaller windows lose the blank lines; if the words still do not fit they
/// scroll (on a question, above the choices, which keep the bottom). Each
/// choice is a click target.
fn draw_body(
    frame: &mut Canvas,
    area: Rect,
    app: &App,
    g: &GroupState,
    model: &Screen,
) -> (bool, bool) {
    let theme = &app.options.theme;
    let asks = asks(model, app.overlay);
    // A yes-or-no question over the screen (stop, skip): no hands under it.
    let dialog = app.overlay.is_some() || g.asking_skip;
    let full = |level: u8| {
        let mut lines = block_lines(model, theme, level, area.width);
        let mut owners = vec![None; lines.len()];
        if asks {
            lines.push(Line::from(""));
            owners.push(None);
            let (l, o) = choice_lines(model, theme, area.width, level == 0, false, dialog);
            lines.extend(l);
            owners.extend(o);
        }
        (lines, owners)
    };
    // Spaced, then tight; when even that does not fit, nothing is left off:
    // the words scroll (above the choices, which stay, where the room answers).
    // Each level is wrapped once to measure it; the tight one, when it does
    // not fit either, is scrolled as it is (a long ending is not laid out
    // and wrapped again).
    let mut tight = None;
    for level in 0..2 {
        let (lines, owners) = full(level);
        let rows = height(&lines, area.width);
        if rows <= area.height {
            place_targets(&app.targets, area, &lines, &owners, 0);
            render(frame, area, lines);
            return (false, false);
        }
        tight = Some((lines, rows));
    }
    if !asks && let Some((lines, rows)) = tight {
        return draw_scrolled(frame, area, app, g, lines, Some(rows), false);
    }
    // The choices stay at the bottom; the words above them scroll by Page
    // Down and Page Up (Down and Up move the highlight), with "More below"
    // while there is more: who is calling is never left off.
    let (opts, owners) = choice_lines(model, theme, area.width, false, true, dialog);
    let [words, _, bottom] = Layout::vertical([
        Constraint::Min(2),
        Constraint::Length(1),
        Constraint::Length(height(&opts, area.width)),
    ])
    .areas(area);
    let seen = draw_scrolled(
        frame,
        words,
        app,
        g,
        block_lines(model, theme, 1, words.width),
        None,
        true,
    );
    place_targets(&app.targets, bottom, &opts, &owners, 0);
    render(frame, bottom, opts);
    seen
}

/// True when every block fits in `width` x `rows` (spaced or tight), as
/// [`draw_body`] lays a screen without choices out.
fn fits_whole(model: &Screen, theme: &Theme, width: u16, rows: u16) -> bool {
    (0..2).any(|l| height(&block_lines(model, theme, l, width), width) <= rows)
}

/// A screen longer than the window (an ending, a reveal, the result),
/// every line kept, scrolled a page at a time by Down and Up: "More below:
/// press Down" on its last row while there is more, "More above: press Up"
/// on its first once scrolled (each a click or touch target too). Notes how
/// far it scrolls. (More below, more above.) `paging`: the words above a
/// question's choices, which Page Down and Page Up scroll (Down and Up
/// move the highlight there). `rows`: the lines' height at `area.width`,
/// when the caller has measured it already.
fn draw_scrolled(
    frame: &mut Canvas,
    area: Rect,
    app: &App,
    g: &GroupState,
    lines: Vec<Line<'static>>,
    rows: Option<u16>,
    paging: bool,
) -> (bool, bool) {
    let theme = &app.options.theme;
    let rows = rows.unwrap_or_else(|| height(&lines, area.width));
    let max = rows.saturating_sub(area.height);
    // A page leaves out the two rows the notes may cover, so no line is
    // ever only under a note.
    app.help_room.set(HelpRoom {
        max,
        page: area.height.saturating_sub(2).max(1),
    });
    let scroll = g.scroll.min(max);
    frame.render_widget(
        Paragraph::new(Text::from(lines))
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
    let below = scroll < max && area.height > 1;
    let above = scroll > 0 && area.height > 2;
    let mut note = |y: u16, text: String, action: Action| {
        let r = Rect {
            y,
            height: 1,
            ..area
        };
        frame.render_widget(Clear, r);
        frame.render_widget(Paragraph::new(text).style(theme.heading), r);
        app.targets.borrow_mut().push((r, Target::Act(action)));
    };
    let (more_below, more_above, down, up) = if paging {
        (
            W.more_below_keys.to_string(),
            W.more_above_keys.to_string(),
            Action::PageDown,
            Action::PageUp,
        )
    } else {
        (
            tr("group-more-below"),
            tr("group-more-above"),
            Action::Down,
            Action::Up,
        )
    };
    if below {
        note(area.y + area.height - 1, more_below, down);
    }
    if above {
        note(area.y, more_above, up);
    }
    // The footer names Down and Up for a long ending; a question's words
    // say Page Down and Page Up on their own rows.
    (below && !paging, above && !paging)
}

/// The plan: each row (the model's choices) with the highlight, then the
/// totals (its blocks). When the rows do not all fit, the totals stay at
/// the bottom and the rows scroll so that the highlighted one is on screen.
fn draw_plan(frame: &mut Canvas, area: Rect, app: &App, g: &GroupState, model: &Screen) {
    let theme = &app.options.theme;
    let mut rows: Vec<Line<'static>> = Vec::new();
    // Each row is a click target: in or out of today's plan (any row, also
    // row 10 and after, which no digit reaches).
    let mut owners: Vec<Option<Target>> = Vec::new();
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
        // In or out of today's plan, by a click on the row (as `x` on the
        // highlighted row, or its digit up to 9).
        owners.push(Some(Target::Act(Action::Pick(i))));
    }
    let mut totals = vec![Line::from("")];
    totals.extend(block_lines(model, theme, 1, area.width));
    let all: Vec<Line<'static>> = rows.iter().cloned().chain(totals.clone()).collect();
    if height(&all, area.width) <= area.height {
        place_targets(&app.targets, area, &rows, &owners, 0);
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
    for (k, owner) in owners[start..end].iter().enumerate() {
        let y = list.y.saturating_add(u16::try_from(k).unwrap_or(u16::MAX));
        if let Some(t) = owner
            && y < list.y.saturating_add(list.height)
        {
            app.targets.borrow_mut().push((
                Rect {
                    y,
                    height: 1,
                    ..list
                },
                *t,
            ));
        }
    }
    render(frame, bottom, bottom_lines(level, start + 1, end));
}

fn draw_notes(frame: &mut Canvas, area: Rect, g: &GroupState, theme: &Theme) {
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
