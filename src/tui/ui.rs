//! Drawing each screen. Everything here reads the app state and draws it; the
//! only thing written back is where the clickable areas ended up.
//!
//! Every size is safe: rectangles are clamped to the frame, and below the
//! minimum size a plain "please make the window bigger" message is shown.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Wrap};

use crate::engine::model::Medium;
use crate::engine::script::Role as LineRole;
use crate::engine::session::Session;
use crate::engine::{Kind, Outcome, Phase, Verdict};

use crate::present::wording::{self, WORDS as W};
use crate::present::{Role, screens};

use super::app::{Action, App, Overlay, PAGE, Screen, Target};
use super::big;
use super::theme::Theme;

/// The narrowest terminal, in columns, that screens are drawn in; below it "Please make the window bigger." shows instead.
pub const MIN_WIDTH: u16 = 40;
/// The lowest terminal, in rows, that screens are drawn in (see [`MIN_WIDTH`]).
pub const MIN_HEIGHT: u16 = 12;

/// Draw the practice app's current screen (and any window over it) into `frame`, noting the clickable areas in `app.targets`.
pub fn draw(frame: &mut Frame, app: &App) {
    app.targets.borrow_mut().clear();
    let area = frame.area();
    let theme = &app.options.theme;
    if covered(area.width, area.height) {
        too_small(frame, area, theme);
        return;
    }
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let body = body.inner(Margin::new(1, 0));
    // Big letters (--large) want the whole width.
    let body = if app.options.large {
        body
    } else {
        measure(body)
    };

    // The screen model: the title bar and the footer come from it, so the
    // footer always names what the keys do on the screen shown.
    let base = screens::base(&app.flow);
    let shown = screens::screen(&app.flow);
    app.scroll_max.set(0);
    // By touch (kiosk): a bar of tall blocks at the bottom for every action
    // that has no tall block of its own (Help, Back, Leave, More below...).
    let bar_cmds = if app.options.mode.touch() {
        bar_commands(app, &shown)
    } else {
        Vec::new()
    };
    let per_row = usize::from(body.width / 14).max(1);
    let bar_rows = bar_cmds.len().div_ceil(per_row) as u16;
    let bar_h = (bar_rows * 4).min(body.height / 2);
    let [body, bar] = Layout::vertical([Constraint::Min(1), Constraint::Length(bar_h)]).areas(body);
    match &app.screen {
        Screen::Start => draw_start(frame, body, app),
        Screen::Call { session, replay } => {
            if *replay {
                draw_replay(frame, body, app, session);
            } else {
                match session.phase() {
                    Phase::Incoming => draw_incoming(frame, body, app, session),
                    Phase::Deciding { step } => draw_deciding(frame, body, app, session, step),
                    Phase::Feedback { .. } => draw_feedback(frame, body, app, session),
                    Phase::Ended { .. } => draw_ending(frame, body, app, session),
                }
            }
        }
        Screen::Recall(r) => {
            super::practice::draw_recall(frame, body, app, r);
        }
        Screen::Quick(q) => {
            super::quick_check::draw(frame, body, app, q);
        }
    }
    let title = match (&base.topic, &app.screen) {
        (Some(t), _) => t.clone(),
        (None, Screen::Start) => W.app_title.to_string(),
        (None, _) => base.title.trim_end_matches('.').to_string(),
    };
    frame.render_widget(
        Paragraph::new(Line::from(format!(" {title}"))).style(theme.title_bar),
        top,
    );
    // Again after drawing: the list's page size is what the body just laid out.
    let shown = screens::screen(&app.flow);

    // Only what is on top can be touched: nothing under a card or question.
    if app.overlay.is_some() {
        app.targets.borrow_mut().clear();
    }
    app.help_scroll_max.set(0);
    match app.overlay {
        Some(Overlay::Help) => draw_help(
            frame,
            Rect {
                height: area.height.saturating_sub(1 + bar_h),
                ..area
            },
            app,
            &shown,
        ),
        Some(Overlay::ConfirmQuit | Overlay::ConfirmLeave) => {
            draw_confirm(frame, area, app, &shown)
        }
        None => {}
    }
    // After the body and any card: how far they scroll is known, so "More
    // below" is in the footer only while there is more below.
    frame.render_widget(
        Paragraph::new(Line::from(format!(" {}", footer(app, &shown, area.width))))
            .style(theme.footer),
        bottom,
    );
    if bar_h > 0 {
        draw_bar(frame, bar, app, &shown, &bar_cmds, per_row);
    }
}

/// The commands that get a block in the touch bar: every one that is not a
/// numbered choice (those are blocks of their own), not Stop, and scrolling
/// only where there is text to scroll.
fn bar_commands(app: &App, shown: &crate::present::Screen) -> Vec<crate::present::Cmd> {
    use crate::present::Cmd;
    shown
        .others()
        .map(|c| c.id)
        .filter(|id| match id {
            Cmd::Quit => false,
            Cmd::ScrollUp => match app.overlay {
                Some(Overlay::Help) => app.help_scroll > 0,
                _ => app.scroll > 0,
            },
            _ => true,
        })
        .collect()
}

/// The touch bar: tall blocks with gaps, for the commands that have no tall
/// block drawn already (checked against the targets of this frame).
fn draw_bar(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    shown: &crate::present::Screen,
    cmds: &[crate::present::Cmd],
    per_row: usize,
) {
    use crate::present::Cmd;
    let theme = &app.options.theme;
    let has_tall = |t: Target| {
        app.targets
            .borrow()
            .iter()
            .any(|(r, x)| *x == t && r.height >= 3)
    };
    let overflow = match app.overlay {
        Some(Overlay::Help) => app.help_scroll < app.help_scroll_max.get(),
        _ => app.scroll < app.scroll_max.get(),
    };
    let todo: Vec<(&str, Target)> = cmds
        .iter()
        .filter_map(|&id| {
            let label = shown.find(id)?.label.as_str();
            let action = app.flow.action_for(id);
            let t = Target::Act(action);
            let own = match id {
                Cmd::GoOn => has_tall(Target::Continue) || has_tall(t),
                Cmd::Close => has_tall(t),
                Cmd::More => has_tall(Target::More) || has_tall(t),
                Cmd::ScrollDown if !overflow => return None,
                _ => has_tall(t),
            };
            (!own).then_some((label, t))
        })
        .collect();
    let n = per_row.min(todo.len()).max(1) as u16;
    let w = area.width.saturating_sub(n - 1) / n;
    for (k, (label, t)) in todo.into_iter().enumerate() {
        let (row, col) = ((k / per_row) as u16, (k % per_row) as u16);
        let r = Rect {
            x: area.x + col * (w + 1),
            y: area.y + 1 + row * 4,
            width: w,
            height: 3,
        };
        if r.y + r.height > area.y + area.height {
            break;
        }
        frame.render_widget(
            Paragraph::new(label.to_string())
                .style(theme.selected)
                .block(
                    Block::default()
                        .borders(Borders::ALL)
                        .border_style(theme.border),
                ),
            r,
        );
        target(app, r, t);
    }
}

/// The footer, from the commands of the screen shown: key names, or in a
/// kiosk the words for touch.
pub fn footer(app: &App, shown: &crate::present::Screen, width: u16) -> String {
    if app.options.mode.touch() {
        return shown.touch_footer();
    }
    let overflow = match app.overlay {
        Some(Overlay::Help) => app.help_scroll < app.help_scroll_max.get(),
        _ => app.scroll < app.scroll_max.get(),
    };
    shown.footer(usize::from(width.saturating_sub(2)), overflow)
}

fn target(app: &App, area: Rect, t: Target) {
    app.targets.borrow_mut().push((area, t));
}

/// The terminal's cursor on the highlighted answer (on its number, after
/// the "> " marker), so braille displays and magnifiers follow the highlight.
/// Where nothing is highlighted the cursor stays hidden.
fn cursor_on(frame: &mut Frame, r: Rect, pad: u16) {
    if r.width > 2 && pad < r.height {
        frame.set_cursor_position((r.x + 2, r.y + pad));
    }
}

/// The widest text column: lines longer than this are hard to read.
pub const MEASURE: u16 = 74;

/// On a wide window the screen's text keeps a readable line length: a
/// column of `MEASURE`, centred. Up to 80 columns the whole width is used.
fn measure(body: Rect) -> Rect {
    if body.width <= 78 {
        return body;
    }
    Rect {
        x: body.x + (body.width - MEASURE) / 2,
        width: MEASURE,
        ..body
    }
}

/// True when the window is too small and a notice covers the screen.
pub fn covered(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let text = Text::from(vec![
        Line::from(W.too_small).style(theme.heading),
        Line::from(wording::too_small_size(MIN_WIDTH, MIN_HEIGHT)),
    ]);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// A paragraph that scrolls, with a note when there is more below. Notes
/// how far it can scroll, so Page Down stops there (see `Flow::scroll_max`).
pub(crate) fn scrolled(frame: &mut Frame, area: Rect, app: &App, text: Text<'_>) {
    scrolled_with(frame, area, app, text, app.scroll, &app.scroll_max);
}

fn scrolled_with(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    text: Text<'_>,
    scroll: u16,
    max_cell: &std::cell::Cell<u16>,
) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let para = Paragraph::new(text).wrap(Wrap { trim: false });
    let total = para.line_count(area.width) as u16;
    let max_scroll = total.saturating_sub(area.height);
    max_cell.set(max_cell.get().max(max_scroll));
    let scroll = scroll.min(max_scroll);
    frame.render_widget(para.scroll((scroll, 0)), area);
    if scroll < max_scroll && area.height > 1 {
        let note = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        frame.render_widget(Clear, note);
        let words = if app.options.mode.touch() {
            W.more_below_touch
        } else {
            W.more_below_keys
        };
        frame.render_widget(Paragraph::new(words).style(app.options.theme.heading), note);
        target(app, note, Target::Act(Action::PageDown));
    }
}

fn draw_start(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.options.theme;
    let model = screens::base(&app.flow);
    let touch = app.options.mode.touch();
    let mut head: Vec<Line> = vec![
        Line::from(model.title.clone()).style(theme.heading),
        Line::from(if touch {
            W.list_hint_touch
        } else {
            W.list_hint_keys
        }),
    ];
    // Progress, scores and notices: the screen model's blocks.
    head.extend(model.blocks.iter().map(|b| Line::from(b.text.clone())));
    let mut foot: Vec<Line> = Vec::new();
    // "Cymraeg / English": its own row, to click or touch (and its key).
    let language = model.find(crate::present::Cmd::Language).map(|c| {
        let key = c.key().map_or_else(String::new, |k| k.name());
        (
            Line::from(format!("{key}  {}", c.label)).style(theme.heading),
            app.flow.action_for(c.id),
        )
    });
    if let Some((line, _)) = &language {
        foot.push(line.clone());
    }
    if app.options.mode.can_quit() {
        // The whole hint where there is room; in a small window, where to find it.
        let hint = if area.height >= 20 {
            W.reading_hint
        } else {
            W.reading_hint_short
        };
        foot.push(Line::from(hint).style(theme.dim));
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
    if let Some((_, action)) = language
        && f.height > 0
    {
        target(app, Rect { height: 1, ..f }, Target::Act(action));
    }

    // One page of calls, one digit key each; 0 shows the next page. By touch
    // (kiosk) a page holds as many tall blocks as fit, the first page too.
    let total = app.library.scenarios.len();
    // As many calls as fit on one page (digits reach the first nine; the
    // arrows and 0 reach the rest). By touch (kiosk) a page holds as many
    // tall blocks as fit, the first page too.
    let fit = if touch {
        usize::from((list.height + 1) / 4).max(1)
    } else {
        usize::from(list.height).max(1)
    };
    let size = if total <= fit {
        fit
    } else {
        fit.saturating_sub(1).max(1)
    };
    app.page.set(size);
    let size = app.page_size();
    let page = app.page_start();
    let pages = total.div_ceil(size).max(1);
    let mut rows: Vec<(Vec<Line>, Option<Target>, bool)> = app
        .library
        .scenarios
        .iter()
        .enumerate()
        .skip(page)
        .take(size)
        .map(|(i, s)| {
            let selected = i == app.selected;
            let marker = if selected { ">" } else { " " };
            // "New" or "Due" in words, never by colour alone.
            let mark = app
                .practice
                .mark_word(s.id.get_ref())
                .map_or_else(String::new, |w| format!("{w}: "));
            let n = i - page + 1;
            let number = if n <= PAGE {
                n.to_string()
            } else {
                " ".to_string()
            };
            let lines = hanging(
                &format!("{marker} {number}  "),
                &format!("{mark}{}", sanitized(s.title.get_ref())),
                list.width,
            );
            (lines, Some(Target::Scenario(i)), selected)
        })
        .collect();
    if pages > 1 {
        let more = format!(
            "{} {}",
            W.more_calls,
            wording::page_of(page / size + 1, pages)
        );
        rows.push((
            hanging("  0  ", &more, list.width),
            Some(Target::More),
            false,
        ));
    }
    // One row a line, or taller blocks for touch (kiosk) when they all fit.
    // Wrapped titles hang under their text. Keep the highlighted call in
    // view when the window is short.
    let (block_h, per) = list_block(app, rows.len(), list.height);
    let pad = (block_h - 1) / 2;
    let gap = per - block_h;
    let high = |lines: &Vec<Line>| (lines.len() as u16 + 2 * pad).max(block_h);
    let sel_row = (app.selected - page).min(rows.len().saturating_sub(1));
    let mut first = sel_row;
    let mut used = rows.get(sel_row).map_or(0, |(l, _, _)| high(l));
    while first > 0 {
        let h = high(&rows[first - 1].0) + gap;
        if used + h > list.height {
            break;
        }
        used += h;
        first -= 1;
    }
    let bottom = list.y + list.height;
    let mut y = list.y;
    for (lines, t, selected) in rows.into_iter().skip(first) {
        if y >= bottom {
            break;
        }
        let h = high(&lines);
        let r = Rect {
            y,
            height: h.min(bottom - y),
            ..list
        };
        let style = if selected { theme.selected } else { theme.text };
        frame.render_widget(
            Paragraph::new(lines)
                .style(style)
                .block(Block::default().padding(Padding::vertical(pad))),
            r,
        );
        if selected && app.overlay.is_none() {
            cursor_on(frame, r, pad);
        }
        if let Some(t) = t {
            target(app, r, t);
        }
        y += h + gap;
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

/// `text` wrapped to `width` after `prefix` (a number, say), each further
/// line indented to start under the text: a hanging indent.
pub(crate) fn hanging(prefix: &str, text: &str, width: u16) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let indent = prefix.width();
    let room = usize::from(width).saturating_sub(indent).max(8);
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        // A word longer than the room is broken where it must be.
        while word.width() > room {
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            let mut head = String::new();
            for ch in word.chars() {
                if (head.clone() + &ch.to_string()).width() > room {
                    break;
                }
                head.push(ch);
            }
            if head.is_empty() {
                break;
            }
            word = word[head.len()..].to_string();
            rows.push(head);
        }
        if row.is_empty() {
            row = word;
        } else if row.width() + 1 + word.width() <= room {
            row.push(' ');
            row.push_str(&word);
        } else {
            rows.push(std::mem::replace(&mut row, word));
        }
    }
    rows.push(row);
    rows.into_iter()
        .enumerate()
        .map(|(i, r)| {
            if i == 0 {
                Line::from(format!("{prefix}{r}"))
            } else {
                Line::from(format!("{}{r}", " ".repeat(indent)))
            }
        })
        .collect()
}

fn sanitized(s: &str) -> String {
    crate::engine::text::sanitize(s)
}

fn draw_incoming(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let theme = &app.options.theme;
    let s = session.script();
    let (what, banner, from_label, button) = match s.medium {
        Medium::Call => (W.ringing, W.banner_call, W.caller_id_shows, W.answer_phone),
        Medium::Message => (
            W.message_arrived,
            W.banner_message,
            W.it_is_from,
            W.read_message,
        ),
        Medium::Visit => (W.knocking, W.banner_visit, "", W.go_to_door),
    };
    let button = format!("1  {button}");
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
            Span::raw(format!("{}: ", W.they_say_they_are)),
            Span::styled(
                format!("{}, {}", s.caller_name, s.caller_organisation),
                theme.caller,
            ),
        ]),
        Line::from(""),
    ]);
    if s.medium != Medium::Visit {
        lines.push(Line::from(W.can_be_faked));
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

fn speaker_title(st: &crate::engine::script::ScriptStep) -> String {
    match st.says_role() {
        LineRole::Message => format!(" {} ", W.message_says_title),
        _ => format!(" {} ", wording::says_title(&st.who)),
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
            // Large print: the choices in bold where big letters will not fit.
            let plain = if app.options.large {
                theme.text.add_modifier(Modifier::BOLD)
            } else {
                theme.text
            };
            // Wrapped choices hang under their text, not under the number.
            let lines = hanging(&format!("{marker} {}  ", i + 1), &c.text, width);
            let h = lines.len() as u16;
            let p = Paragraph::new(lines).style(if selected { theme.selected } else { plain });
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
            .take_while(|l| l.role == LineRole::Narration)
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
                LineRole::Narration => Line::from(l.text.clone()).style(theme.dim),
                LineRole::Speech
                    if first.is_some_and(|f| f.role == LineRole::Speech && f.who == l.who) =>
                {
                    Line::from(format!("\"{}\"", l.text)).style(theme.caller)
                }
                LineRole::Speech => {
                    Line::from(format!("{}: \"{}\"", l.who, l.text)).style(theme.caller)
                }
                LineRole::Thought => Line::from(wording::thought(&l.text))
                    .style(theme.text.add_modifier(ratatui::style::Modifier::ITALIC)),
                LineRole::Message => {
                    Line::from(wording::message_arrives(&l.text)).style(theme.caller)
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
        Some(l) if l.role == LineRole::Thought => format!(" {} ", W.you_think_title),
        Some(l) if l.role == LineRole::Message => format!(" {} ", W.message_title),
        Some(l) if l.role == LineRole::Speech => format!(" {} ", wording::says_title(&l.who)),
        Some(_) => String::new(),
        None if roles => String::new(),
        None => speaker_title(st),
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
        frame.render_widget(Paragraph::new(W.what_would_you_do).style(theme.heading), q);
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
        if i == app.selected && app.overlay.is_none() {
            cursor_on(frame, r, pad);
        }
        target(app, r, Target::Choice(i));
        y += h + 3 * pad + gap;
    }
}

/// The verdict as a key message for big letters, with its style.
fn verdict_words(verdict: Verdict, theme: &Theme) -> Option<(&'static str, Style)> {
    match verdict {
        Verdict::Safer => Some((W.safer.trim_end_matches('.'), theme.safer)),
        Verdict::Risky => Some((W.risky.trim_end_matches('.'), theme.risky)),
        Verdict::Neutral => None,
    }
}

fn verdict_line(verdict: Verdict, theme: &Theme) -> Option<Line<'static>> {
    match verdict {
        Verdict::Safer => Some(Line::from(W.safer).style(theme.safer)),
        Verdict::Risky => Some(Line::from(W.risky).style(theme.risky)),
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
        vec![Line::from(format!("{}: {}", W.you_chose, choice.text)).style(theme.dim)];
    lines.push(Line::from(""));
    if big_rows.is_none() {
        lines.extend(verdict_line(choice.verdict, theme));
    }
    lines.push(if app.options.large {
        Line::from(choice.feedback.clone()).style(theme.text.add_modifier(Modifier::BOLD))
    } else {
        Line::from(choice.feedback.clone())
    });
    // Each trick from the screen model: its meaning the first time it comes
    // up in the call, after that just its name (the help card keeps the rest).
    for b in screens::base(&app.flow).blocks {
        if let Role::Trick { name } = &b.role {
            let head = format!("{}: {}.", W.trick, name.trim_end_matches('.'));
            let rest = b.text.strip_prefix(head.as_str()).unwrap_or_default();
            lines.push(Line::from(""));
            lines.push(Line::from(vec![
                Span::styled(head, theme.trick),
                Span::raw(rest.to_string()),
            ]));
        }
    }
    scrolled(frame, text, app, Text::from(lines));
    let btn = Rect {
        width: btn.width.min(24),
        ..btn
    };
    frame.render_widget(
        Paragraph::new(format!("Enter  {}", W.go_on))
            .style(theme.selected)
            .block(
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
    let words = wording::outcome_words(s.kind, e.outcome);
    // Large print: how it ended, then the one thing to do ("HANG UP"), in big
    // letters at the top; the rest scrolls below them.
    let mut area = area;
    let mut big_outcome = false;
    // Large print: the advice comes first, in bold, and the big letters take
    // only the rows it leaves, so "What to do" is on the first screen.
    let advice_rows: u16 = 4 + e
        .action
        .iter()
        .map(|a| (a.chars().count() as u16 + 3) / area.width.max(1) + 1)
        .sum::<u16>();
    if app.options.large {
        let spare = area.height.saturating_sub(advice_rows);
        let budget = (area.height * 2 / 5).min(spare);
        let action_budget = (area.height / 4).min(spare.saturating_sub(budget));
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
            W.call_ended.to_string()
        } else {
            format!("{} {words}", W.call_ended)
        })
        .style(outcome_style),
        Line::from(wording::ending_headline(&e.title)).style(theme.heading),
        Line::from(""),
    ];
    let heading = match s.kind {
        Kind::Scam => W.what_to_do_scam,
        Kind::Genuine => W.what_to_do_genuine,
    };
    let mut advice = vec![Line::from(heading).style(theme.heading)];
    let advice_style = if app.options.large {
        theme.text.add_modifier(Modifier::BOLD)
    } else {
        theme.text
    };
    advice.extend(
        e.action
            .iter()
            .enumerate()
            .map(|(i, a)| Line::from(format!("{}. {a}", i + 1)).style(advice_style)),
    );
    let mut happened = vec![Line::from(W.what_happened).style(theme.heading)];
    happened.extend(e.happened.iter().map(|h| Line::from(format!("- {h}"))));
    if app.options.large {
        lines.extend(advice);
        lines.push(Line::from(""));
        lines.extend(happened);
    } else {
        lines.extend(happened);
        lines.push(Line::from(""));
        lines.extend(advice);
    }
    let tricks = session.tricks_met();
    if !tricks.is_empty() {
        lines.push(Line::from(""));
        let names: Vec<&str> = tricks.iter().map(|t| t.name.as_str()).collect();
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", W.tricks_in_call), theme.trick),
            Span::raw(names.join(", ")),
        ]));
    }
    if let Some(b) = super::practice::booster(app) {
        lines.push(Line::from(""));
        lines.push(Line::from(b).style(theme.heading));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(wording::source_line(s.kind, &s.source)).style(theme.dim));
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
    let replay = wording::replay(session);
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
    // One line about the whole run, above the columns: where the safer way
    // leaves yours, or that there is nothing to change.
    let summary = Paragraph::new(replay.summary.clone()).wrap(Wrap { trim: false });
    let high = (summary.line_count(area.width) as u16 + 1).min(area.height / 2);
    let [top, area] = Layout::vertical([Constraint::Length(high), Constraint::Min(0)]).areas(area);
    frame.render_widget(summary, top);
    let yours = column(W.what_you_did, &replay.yours);
    if replay.departs.is_none() {
        // Safe all the way: one column only.
        scrolled(frame, area, app, yours);
        return;
    }
    let safe = column(W.safer_way, &replay.safe);
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
/// The help card, from its screen model: what to do, the numbers, the keys
/// of the screen beneath and how to close it. It scrolls (it opens at its
/// top), so its last line can be reached in the smallest window. Everything
/// under it is cleared, so no letters of the screen beneath show at its edge.
fn draw_help(frame: &mut Frame, area: Rect, app: &App, shown: &crate::present::Screen) {
    let theme = &app.options.theme;
    let mut lines: Vec<Line> = Vec::new();
    for b in &shown.blocks {
        match &b.role {
            Role::Heading => {
                if !lines.is_empty() {
                    lines.push(Line::from(""));
                }
                lines.push(Line::from(b.text.clone()).style(theme.heading));
            }
            Role::Advice { number } => lines.push(Line::from(format!("{number}. {}", b.text))),
            Role::Number { number } => {
                let what = b
                    .text
                    .strip_prefix(number.as_str())
                    .map(|t| t.trim_start_matches(':').trim())
                    .unwrap_or(&b.text);
                lines.push(Line::from(vec![
                    Span::styled(format!("{number}  "), theme.caller),
                    Span::raw(what.to_string()),
                ]));
            }
            _ => lines.push(Line::from(b.text.clone())),
        }
    }
    if app.options.large && super::console::active() {
        lines.push(Line::from(""));
        lines.push(Line::from(W.big_letters_note));
    }
    if let Some(close) = shown.default_command() {
        let keys: Vec<String> = close.keys.iter().map(|k| k.name()).collect();
        lines.push(Line::from(""));
        lines.push(
            Line::from(if app.options.mode.touch() {
                W.touch_to_close.to_string()
            } else {
                wording::press_to_close(&keys)
            })
            .style(theme.heading),
        );
    }
    frame.render_widget(Clear, area);
    let r = area.centered(Constraint::Length(76), Constraint::Length(30));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(format!(" {} ", W.help));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    scrolled_with(
        frame,
        inner,
        app,
        Text::from(lines),
        app.help_scroll,
        &app.help_scroll_max,
    );
    // By touch: the whole card closes it (More below scrolls it first).
    // Touching the card closes it; the "More below" row scrolls it instead.
    let more = app.help_scroll < app.help_scroll_max.get();
    let close = Rect {
        height: inner.height.saturating_sub(u16::from(more)),
        ..inner
    };
    target(app, close, Target::Act(Action::Back));
}

/// A yes-or-no question, from its screen model: 1 or Y yes; 2, N or Esc
/// no; Enter the safe default (no). Its buttons are under the text, inside
/// the box, and each is a touch target.
fn draw_confirm(frame: &mut Frame, area: Rect, app: &App, shown: &crate::present::Screen) {
    let theme = &app.options.theme;
    let question = shown
        .blocks
        .first()
        .map_or(String::new(), |b| b.text.clone());
    let touch = app.options.mode.touch();
    let bh: u16 = if touch { 3 } else { 1 };
    let width = 56.min(area.width);
    let text_h = Paragraph::new(question.clone())
        .wrap(Wrap { trim: true })
        .line_count(width.saturating_sub(4)) as u16;
    let r = area.centered(
        Constraint::Length(width),
        Constraint::Length(text_h + 2 * bh + 5),
    );
    // The rows the box covers are cleared from edge to edge, so no half
    // words of the screen beneath show beside it.
    frame.render_widget(
        Clear,
        Rect {
            x: area.x,
            width: area.width,
            ..r
        },
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(format!(" {} ", shown.title.trim_end_matches('.')));
    let inner = block.inner(r).inner(Margin::new(1, 0));
    frame.render_widget(block, r);
    let [text, _, b1, gap, b2] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(bh),
        Constraint::Length(u16::from(touch)),
        Constraint::Length(bh),
    ])
    .areas(inner);
    let _ = gap;
    frame.render_widget(
        Paragraph::new(Line::from(question).style(theme.heading)).wrap(Wrap { trim: true }),
        text,
    );
    for (c, area) in shown.choices().zip([b1, b2]) {
        let key = c.key().map_or(String::new(), |k| k.name());
        let label = if touch {
            c.label.clone()
        } else if c.default {
            format!("{key}  {} (Enter)", c.label)
        } else {
            format!("{key}  {}", c.label)
        };
        let block = if touch {
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border)
        } else {
            Block::default()
        };
        frame.render_widget(
            Paragraph::new(label).style(theme.selected).block(block),
            area,
        );
        let t = match c.id {
            crate::present::Cmd::Choose(0) => Target::Yes,
            _ => Target::No,
        };
        target(app, area, t);
    }
}
