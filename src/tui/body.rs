//! The body of every practice screen, drawn from its screen model
//! (`present::screens`): the blocks as a [`Doc`] (each role its style and
//! place), and the model's commands as buttons or a list of choices. Only
//! layout, colour, big letters and touch targets are decided here; what the
//! screen says and offers is the model's.

use crate::tui::canvas::Canvas;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::engine::Kind;
use crate::engine::model::Medium;
use crate::present::wording::{self, WORDS as W};
use crate::present::{self, Cmd, Role};

use super::app::{Action, App, Target};
use super::big;
use super::doc::{Doc, Look};

/// A document that scrolls in `area`, with "More below" on its last row
/// while there is more below. Notes how far it can scroll (the same layout
/// that draws it), so Page Down stops there.
pub fn scroll_doc(frame: &mut Canvas, area: Rect, app: &App, doc: &Doc) {
    scroll_doc_from(frame, area, app, doc, 0);
}

/// [`scroll_doc`], opening at row `from` of the document (the caller's
/// latest words) while the learner has not scrolled. Above it, the first
/// row says "More above".
pub fn scroll_doc_from(frame: &mut Canvas, area: Rect, app: &App, doc: &Doc, from: u16) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let max = doc.max_scroll(area);
    app.scroll_max.set(app.scroll_max.get().max(max));
    app.view_rows.set(area.height);
    if max > 0 && from > 0 {
        // One row less: that row says "More above".
        app.scroll_from.set(from.saturating_sub(1));
    }
    let scroll = app.scroll_at().min(max);
    doc.render(frame, area, scroll, &app.options.theme);
    if scroll > 0 && area.height > 2 {
        more_above(frame, area, app);
    }
    if scroll < max && area.height > 1 {
        more_below(frame, area, app);
    }
}

/// "More above: press Page Up" on the first row of `area`. By touch
/// (kiosk) nothing: the rail's tall "More above" block says it, and stays
/// where it is (see `ui::draw_rail`), so no row changes under a finger.
pub fn more_above(frame: &mut Canvas, area: Rect, app: &App) {
    if app.options.mode.touch() {
        return;
    }
    scroll_note(
        frame,
        Rect { height: 1, ..area },
        app,
        W.more_above_keys,
        Action::PageUp,
    );
}

/// The row of the document of `said` where the caller's latest words start
/// (the last run of a speaker's words or a message), blank row before them
/// included; 0 when there are none.
fn words_row(said: &[present::Block], app: &App, compact: bool, width: u16) -> u16 {
    let words = |r: &Role| matches!(r, Role::Speech { .. } | Role::Message);
    let Some(mut k) = said.iter().rposition(|b| words(&b.role)) else {
        return 0;
    };
    while k > 0 && said[k - 1].role == said[k].role {
        k -= 1;
    }
    let height = |blocks: &[present::Block]| {
        let mut d = Doc::new(blocks, &app.options.theme, look(app));
        d.compact = compact;
        d.height(width)
    };
    height(&said[..=k]).saturating_sub(height(&said[k..=k]))
}

/// "More below: press Page Down" on the last row of `area` (by touch
/// nothing: see [`more_above`]).
pub fn more_below(frame: &mut Canvas, area: Rect, app: &App) {
    if app.options.mode.touch() {
        return;
    }
    let row = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    scroll_note(frame, row, app, W.more_below_keys, Action::PageDown);
}

/// One row saying there is more, which scrolls when touched.
fn scroll_note(frame: &mut Canvas, row: Rect, app: &App, words: &str, act: Action) {
    frame.render_widget(Clear, row);
    frame.render_widget(Paragraph::new(words).style(app.options.theme.heading), row);
    app.targets.borrow_mut().push((row, Target::Act(act)));
}

fn look(app: &App) -> Look {
    Look {
        large: app.options.large,
    }
}

/// A button's words: the key the footer names for it, then its label. By
/// touch (kiosk) the label alone: a visitor touches it, there is no key to press.
pub(crate) fn button_label(app: &App, c: &present::Command) -> String {
    match c.key() {
        Some(k) if !app.options.mode.touch() => format!("{}  {}", k.name(), c.label),
        _ => c.label.clone(),
    }
}

/// A button: its words, its shorter words for a button short of room
/// ("Go on" for "Go to the practice calls"), and what it does.
pub type Button = (String, Option<String>, Target);

/// A button's shorter words, named as [`button_label`] names it.
fn button_short(app: &App, c: &present::Command) -> Option<String> {
    let short = c.short.as_ref()?;
    Some(match c.key() {
        Some(k) if !app.options.mode.touch() => format!("{}  {short}", k.name()),
        _ => short.clone(),
    })
}

/// The buttons of a screen: its numbered choices, or else what Enter does.
fn buttons(app: &App, model: &present::Screen) -> Vec<Button> {
    let choices: Vec<Button> = model
        .choices()
        .filter_map(|c| match c.id {
            Cmd::Choose(i) => Some((button_label(app, c), None, Target::Choice(i))),
            _ => None,
        })
        .collect();
    if !choices.is_empty() {
        return choices;
    }
    model
        .default_command()
        .map(|c| vec![(button_label(app, c), button_short(app, c), Target::Continue)])
        .unwrap_or_default()
}

/// A document, then big buttons under it (three rows each, so a finger can
/// hit them). Each button is a click or touch target. In a small window the
/// buttons shrink to one row each, and a document that still does not fit
/// scrolls, with "More below", so nothing is cut off.
pub fn doc_and_buttons(frame: &mut Canvas, area: Rect, app: &App, doc: &Doc, buttons: &[Button]) {
    doc_and_buttons_from(frame, area, app, doc, buttons, &[]);
}

/// [`doc_and_buttons`] for a document of `said`: when it does not fit, it
/// opens at the caller's latest words (see [`scroll_doc_from`]).
fn doc_and_buttons_from(
    frame: &mut Canvas,
    area: Rect,
    app: &App,
    doc: &Doc,
    buttons: &[Button],
    said: &[present::Block],
) {
    let theme = &app.options.theme;
    // A blank row between the words and the buttons.
    let h = doc
        .height(area.width)
        .saturating_add(u16::from(!doc.is_empty()));
    let n = buttons.len() as u16;
    let touch = app.options.mode.touch();
    // By touch (kiosk) the buttons are tall blocks with a row between them.
    let gap = u16::from(touch);
    let blocks_h = (3 * n + gap * n.saturating_sub(1)).saturating_add(2);
    if touch && n > 0 && blocks_h > area.height {
        // Too short for the words and tall blocks: they scroll as one
        // column (the rail's "More below"), each block whole somewhere.
        let width = area.width;
        let column: Vec<(Vec<Line<'static>>, Style, Target)> = buttons
            .iter()
            .map(|(label, _, t)| {
                let wrap = super::ui::framed_width(app, 1, width);
                (super::ui::hanging(" ", label, wrap), theme.selected, *t)
            })
            .collect();
        deciding_column(frame, area, app, doc, said, None, column, None, 1, 1);
        return;
    }
    // By touch the buttons stay tall while the words keep two rows: the
    // words scroll, the buttons are touched.
    let tall = h.saturating_add(3 * n) <= area.height || (touch && n > 0);
    let btn_h = if tall {
        3 * n + gap * n.saturating_sub(1)
    } else {
        n
    };
    let [text, btns] = Layout::vertical([
        Constraint::Length(h.min(area.height.saturating_sub(btn_h))),
        Constraint::Min(0),
    ])
    .areas(area);
    let from = words_row(said, app, doc.compact, text.width);
    scroll_doc_from(frame, text, app, doc, from);
    // One width for all: wide enough for the words, never narrower than 24.
    let widest = buttons
        .iter()
        .map(|(l, _, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let width = btns.width.min((widest as u16).saturating_add(4).max(24));
    let row_h = if tall { 3 } else { 1 };
    // The words a button has room for: its shorter words where its own
    // would be cut (beside the kiosk's rail at 40x12).
    let inside = usize::from(width.saturating_sub(if tall { 2 } else { 0 }));
    let mut y = btns.y;
    for (label, short, t) in buttons {
        let label = match short {
            Some(s) if label.chars().count() > inside => s,
            _ => label,
        };
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
        frame.render_widget(
            Paragraph::new(label.clone())
                .style(theme.selected)
                .block(block),
            b,
        );
        app.targets.borrow_mut().push((b, *t));
        y += row_h + if tall { gap } else { 0 };
    }
}

/// The incoming call (or message, or knock): its news as a heading (big
/// letters in large print), who it says it is, and the one button.
pub fn incoming(
    frame: &mut Canvas,
    area: Rect,
    app: &App,
    model: &present::Screen,
    medium: Medium,
) {
    let theme = &app.options.theme;
    let banner = match medium {
        Medium::Call => W.banner_call,
        Medium::Message => W.banner_message,
        Medium::Visit => W.banner_visit,
    };
    let big_rows = if app.options.large {
        big::message(frame, area, banner, theme.heading, area.height / 3)
    } else {
        None
    };
    let area = big::below(area, big_rows.unwrap_or(0));
    // The title bar names the call: "Practice call: …" would say it again.
    let practice = model.topic.as_deref().map(wording::practice_call);
    let mut blocks: Vec<present::Block> = Vec::new();
    if big_rows.is_none() {
        blocks.push(present::Block::new(Role::Heading, model.title.clone()));
    }
    blocks.extend(
        model
            .blocks
            .iter()
            .filter(|b| Some(&b.text) != practice.as_ref())
            .cloned(),
    );
    let doc = Doc::new(&blocks, theme, look(app));
    doc_and_buttons(frame, area, app, &doc, &buttons(app, model));
}

/// A decision: what is said (narration outside any box, each named
/// speaker's words in a box with their name) scrolls above the question;
/// the choices are below it, each a block of wrapped lines with a hanging
/// indent, the whole block clickable.
pub fn deciding(frame: &mut Canvas, area: Rect, app: &App, model: &present::Screen) {
    let theme = &app.options.theme;
    let width = area.width;
    let q = model
        .blocks
        .iter()
        .position(|b| b.role == Role::Question)
        .unwrap_or(model.blocks.len());
    let said = &model.blocks[..q];
    let question = model.blocks.get(q).map(|b| b.text.clone());

    let choice_paras: Vec<(Vec<Line<'static>>, Style, Target)> = model
        .choices()
        .filter_map(|c| match c.id {
            Cmd::Choose(i) => Some((i, c)),
            _ => None,
        })
        .map(|(i, c)| {
            // No answer is highlighted until the learner moves the highlight.
            let selected = app.highlighted && i == app.selected;
            let marker = if selected { ">" } else { " " };
            let plain = if app.options.large {
                theme.text.add_modifier(ratatui::style::Modifier::BOLD)
            } else {
                theme.text
            };
            // Wrapped choices hang under their text, not under the number
            // (the key that takes it; by touch, no number: nothing to press).
            let number = match c.key() {
                Some(k) if !app.options.mode.touch() => format!("{}  ", k.name()),
                _ => String::new(),
            };
            // By touch inside a border (see `ui::touch_frame`).
            let wrap = super::ui::framed_width(app, app.options.mode.target_padding(), width);
            let lines = super::ui::hanging(&format!("{marker} {number}"), &c.label, wrap);
            let style = if selected { theme.selected } else { plain };
            (lines, style, Target::Choice(i))
        })
        .collect();
    let highlighted = app.highlighted.then_some(Target::Choice(app.selected));
    let count = choice_paras.len() as u16;
    // A short window (big fonts on a small screen): boxes keep only their
    // top line, and "What would you do?" goes, so the words get more rows.
    let short = area.height < 14;
    let question_h = u16::from(!short && question.is_some());
    let text_h: u16 = choice_paras.iter().map(|(l, _, _)| l.len() as u16).sum();
    // Tall touch blocks (kiosk mode) when they leave room for what was said.
    // By touch they stay tall always: the column scrolls instead.
    let pad = if app.options.mode.touch() {
        app.options.mode.target_padding()
    } else {
        (0..=app.options.mode.target_padding())
            .rev()
            .find(|p| text_h + count * 3 * p + 1 + 3 <= area.height)
            .unwrap_or(0)
    };
    // Each block its padding, and a gap between blocks (none after the last).
    let choices_h: u16 = text_h + count * 2 * pad + count.saturating_sub(1) * pad + question_h;

    let mut doc = Doc::new(said, theme, look(app));
    // Boxes keep only their top line when the words would not all fit
    // above the choices otherwise: the caller's words get the row.
    let compact = short || doc.height(width) > area.height.saturating_sub(choices_h);
    doc.compact = compact;
    // The choices do not all fit under a few rows of what was said (a
    // small window, or tall touch blocks): words, question and choices
    // scroll as one column, with "More below", so no answer is hidden.
    if choices_h + doc.height(width).min(3) > area.height {
        // The column scrolls, so boxes keep their sides (beside the kiosk's
        // rail too); only a short window keeps just their top line.
        doc.compact = short;
        // A blank row between choices at least: easier to tell apart and touch.
        let gap = pad.max(1);
        deciding_column(
            frame,
            area,
            app,
            &doc,
            said,
            question,
            choice_paras,
            highlighted,
            pad,
            gap,
        );
        return;
    }
    // Large print: one speaker's words in big letters, if all of them fit
    // in the room the choices leave (under any narration).
    let speech: Vec<&present::Block> = said
        .iter()
        .filter(|b| !matches!(b.role, Role::Heading | Role::Scene))
        .collect();
    let border_h: u16 = if compact { 1 } else { 2 };
    let big_said = match speech.as_slice() {
        [b] if app.options.large && matches!(b.role, Role::Speech { .. }) => {
            let lead: Vec<present::Block> = said
                .iter()
                .take_while(|x| !matches!(x.role, Role::Speech { .. }))
                .cloned()
                .collect();
            let lead_doc = Doc::new(&lead, theme, look(app));
            let lead_h = lead_doc.height(width);
            area.height
                .saturating_sub(choices_h)
                .checked_sub(border_h + lead_h)
                .and_then(|h| big::fit(&b.text, width.saturating_sub(2), h))
                .map(|f| (lead_doc, lead_h, f, b.role.clone()))
        }
        _ => None,
    };
    let said_h = match &big_said {
        Some((_, lead_h, f, _)) => lead_h + f.height + border_h,
        None => doc.height(width),
    };
    // A blank row between choices when there is room: easier to read and to touch.
    let gap = u16::from(pad == 0 && area.height >= said_h + choices_h + count);
    let choices_h = choices_h + gap * count.saturating_sub(1);
    let room = area.height.saturating_sub(choices_h);
    let [said_area, choices_area] = Layout::vertical([
        Constraint::Length(said_h.min(room.max(3))),
        Constraint::Min(1),
    ])
    .areas(area);
    match big_said {
        Some((lead_doc, lead_h, f, role)) => {
            lead_doc.render(frame, said_area, 0, theme);
            let box_area = big::below(said_area, lead_h);
            let title = match role {
                Role::Speech { who } if !who.is_empty() => wording::says_title(&who),
                _ => String::new(),
            };
            let block = Block::default()
                .borders(if compact { Borders::TOP } else { Borders::ALL })
                .border_style(theme.border)
                .title(if title.is_empty() {
                    String::new()
                } else {
                    format!(" {title} ")
                });
            let inner = block.inner(box_area);
            frame.render_widget(block, box_area);
            big::draw(frame, inner, &f, theme.caller);
        }
        // What was said opens at the caller's latest words, so they are on
        // screen with the choices (earlier lines: "More above").
        None => {
            let from = words_row(said, app, compact, said_area.width);
            scroll_doc_from(frame, said_area, app, &doc, from);
        }
    }

    let [qa, list] =
        Layout::vertical([Constraint::Length(question_h), Constraint::Min(0)]).areas(choices_area);
    if let Some(qt) = question.filter(|_| question_h > 0) {
        frame.render_widget(Paragraph::new(qt).style(theme.heading), qa);
    }
    let mut y = list.y;
    for (lines, style, t) in choice_paras {
        let h = lines.len() as u16;
        let p = Paragraph::new(lines).style(style);
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
        frame.render_widget(p.block(super::ui::touch_frame(app, pad)), r);
        if highlighted == Some(t) && app.overlay.is_none() {
            super::ui::cursor_on(frame, r, pad);
        }
        app.targets.borrow_mut().push((r, t));
        y += h + 3 * pad + gap;
    }
}

/// A decision too tall for its window, as one column that scrolls: what
/// was said (opening at the caller's latest words), the question, then
/// each choice (`pad` rows above and below its words, `gap` rows between
/// choices). "More above" and "More below" show, and scroll when touched,
/// whenever part of the column is off screen; only the rows on view of a
/// choice are its touch block.
#[allow(clippy::too_many_arguments)]
fn deciding_column(
    frame: &mut Canvas,
    area: Rect,
    app: &App,
    doc: &Doc,
    said: &[present::Block],
    question: Option<String>,
    choices: Vec<(Vec<Line<'static>>, Style, Target)>,
    highlighted: Option<Target>,
    pad: u16,
    gap: u16,
) {
    let theme = &app.options.theme;
    if area.height == 0 || area.width == 0 {
        return;
    }
    let doc_h = doc.height(area.width);
    let mut y = doc_h;
    let question_at = question.as_ref().map(|_| {
        y += 1;
        y - 1
    });
    let mut placed: Vec<(u16, Vec<Line<'static>>, Style, Target)> = Vec::new();
    for (k, (lines, style, i)) in choices.into_iter().enumerate() {
        if k > 0 {
            y += gap;
        }
        let mut padded: Vec<Line<'static>> = vec![Line::from(""); usize::from(pad)];
        padded.extend(lines);
        padded.extend(std::iter::repeat_n(Line::from(""), usize::from(pad)));
        let h = padded.len() as u16;
        placed.push((y, padded, style, i));
        y += h;
    }
    let total = y;
    let rows = area.height;
    let max = total.saturating_sub(rows);
    app.scroll_max.set(app.scroll_max.get().max(max));
    app.view_rows.set(rows);
    let from = words_row(said, app, doc.compact, area.width);
    if max > 0 && from > 0 {
        app.scroll_from.set(from.saturating_sub(1));
    }
    let s = app.scroll_at().min(max);
    // By touch no row says "More above/below" (the rail's blocks do): the
    // rows on view stay the same wherever the column is scrolled to.
    let notes = !app.options.mode.touch();
    let above = notes && s > 0 && rows > 2;
    let below = notes && s < max && rows > 1;
    // The column's rows on view, less the rows that say "More above/below".
    let (v0, v1) = (s + u16::from(above), s + rows - u16::from(below));
    let on_screen = |top: u16, h: u16| -> Option<(u16, u16)> {
        let (a, b) = (top.max(v0), (top + h).min(v1));
        (a < b).then_some((a, b))
    };
    if let Some((a, b)) = on_screen(0, doc_h) {
        let r = Rect {
            y: area.y + (a - s),
            height: b - a,
            ..area
        };
        doc.render(frame, r, a, theme);
    }
    if let (Some(at), Some(qt)) = (question_at, question)
        && on_screen(at, 1).is_some()
    {
        let r = Rect {
            y: area.y + (at - s),
            height: 1,
            ..area
        };
        frame.render_widget(Paragraph::new(qt).style(theme.heading), r);
    }
    for (top, lines, style, i) in placed {
        let h = lines.len() as u16;
        let Some((a, b)) = on_screen(top, h) else {
            continue;
        };
        let r = Rect {
            y: area.y + (a - s),
            height: b - a,
            ..area
        };
        if super::ui::framed(app, pad) {
            // Its border where its edges are on view: the top line only
            // when its top row is, the bottom line likewise.
            let mut borders = Borders::LEFT | Borders::RIGHT;
            if a == top {
                borders |= Borders::TOP;
            }
            if b == top + h {
                borders |= Borders::BOTTOM;
            }
            let block = Block::default().borders(borders).border_style(theme.border);
            let inner = block.inner(r);
            let words = &lines[1..lines.len().saturating_sub(1).max(1)];
            let skip = (a - top).saturating_sub(1);
            frame.render_widget(block.style(style), r);
            frame.render_widget(
                Paragraph::new(words.to_vec())
                    .style(style)
                    .scroll((skip, 0)),
                inner,
            );
        } else {
            frame.render_widget(Paragraph::new(lines).style(style).scroll((a - top, 0)), r);
        }
        if highlighted == Some(i) && app.overlay.is_none() && a == top {
            super::ui::cursor_on(frame, r, pad);
        }
        app.targets.borrow_mut().push((r, i));
    }
    if above {
        more_above(frame, area, app);
    }
    if below {
        more_below(frame, area, app);
    }
}

/// Feedback on a choice: the verdict (big letters in large print), what it
/// meant, the tricks, and the button to go on.
pub fn feedback(frame: &mut Canvas, area: Rect, app: &App, model: &present::Screen) {
    let theme = &app.options.theme;
    let [text, btn] = Layout::vertical([Constraint::Min(1), Constraint::Length(3)]).areas(area);
    let verdict = model.blocks.iter().find_map(|b| match b.role {
        Role::Verdict { good } => Some((b.text.clone(), good)),
        _ => None,
    });
    // Large print: the verdict in big letters at the top, in place of its line.
    let big_rows = match (app.options.large, &verdict) {
        (true, Some((words, good))) => big::message(
            frame,
            text,
            words.trim_end_matches('.'),
            super::doc::verdict_style(*good, theme),
            text.height / 3,
        ),
        _ => None,
    };
    let text = big::below(text, big_rows.unwrap_or(0));
    let blocks: Vec<present::Block> = model
        .blocks
        .iter()
        .filter(|b| big_rows.is_none() || !matches!(b.role, Role::Verdict { .. }))
        .cloned()
        .collect();
    let doc = Doc::new(&blocks, theme, look(app));
    // The button sits under the words, a blank row between, when they fit
    // (on a wide window not 40 rows below them); when they scroll, at the
    // bottom, where it stays while they scroll.
    let h = doc.height(text.width);
    let (text, btn) = if h < text.height {
        (
            Rect { height: h, ..text },
            Rect {
                y: text.y + h + 1,
                ..btn
            },
        )
    } else {
        (text, btn)
    };
    scroll_doc(frame, text, app, &doc);
    let btn = Rect {
        width: btn.width.min(24),
        ..btn
    };
    if let Some((label, short, t)) = buttons(app, model).into_iter().next() {
        let label = match short {
            Some(s) if label.chars().count() + 2 > usize::from(btn.width) => s,
            _ => label,
        };
        frame.render_widget(
            Paragraph::new(label).style(theme.selected).block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.border),
            ),
            btn,
        );
        app.targets.borrow_mut().push((btn, t));
    }
}

/// The ending: how it went, what happened, what to do, the tricks and the
/// source. Large print: how it ended and the one thing to do ("HANG UP") in
/// big letters, and the advice before what happened.
pub fn ending(frame: &mut Canvas, area: Rect, app: &App, model: &present::Screen, kind: Kind) {
    let theme = &app.options.theme;
    let mut area = area;
    let verdict = model.blocks.iter().find_map(|b| match b.role {
        Role::Verdict { good } => Some((b.text.clone(), good)),
        _ => None,
    });
    let advice: Vec<String> = model
        .blocks
        .iter()
        .filter(|b| matches!(b.role, Role::Advice { .. }))
        .map(|b| b.text.clone())
        .collect();
    let mut big_outcome = false;
    if app.options.large {
        // The advice comes first, in bold, and the big letters take only
        // the rows it leaves, so "What to do" is on the first screen.
        let advice_rows: u16 = 4 + advice
            .iter()
            .map(|a| (a.chars().count() as u16 + 3) / area.width.max(1) + 1)
            .sum::<u16>();
        let spare = area.height.saturating_sub(advice_rows);
        let budget = (area.height * 2 / 5).min(spare);
        let action_budget = (area.height / 4).min(spare.saturating_sub(budget));
        if let Some((words, good)) = &verdict
            && let Some(rows) = big::message(
                frame,
                area,
                words.trim_end_matches('.'),
                super::doc::verdict_style(*good, theme),
                budget,
            )
        {
            area = big::below(area, rows);
            big_outcome = true;
        }
        if let Some(rows) = key_action(kind, &advice)
            .and_then(|a| big::message(frame, area, &a, theme.heading, action_budget))
        {
            area = big::below(area, rows);
        }
    }
    // "The call has ended." with how it went, on one line.
    let mut blocks: Vec<present::Block> = Vec::new();
    for b in &model.blocks {
        match b.role {
            Role::Verdict { good } => blocks.push(present::Block::new(
                Role::Verdict { good },
                if big_outcome {
                    model.title.clone()
                } else {
                    format!("{} {}", model.title, b.text)
                },
            )),
            _ => blocks.push(b.clone()),
        }
    }
    if app.options.large {
        // What to do (its heading and steps) before what happened.
        let first_advice = blocks
            .iter()
            .position(|b| matches!(b.role, Role::Advice { .. }));
        let happened = blocks
            .iter()
            .position(|b| b.role == Role::Heading && b.text == W.what_happened);
        if let (Some(a), Some(h)) = (first_advice, happened)
            && a > h
        {
            let start = a - 1;
            let end = blocks[a..]
                .iter()
                .position(|b| !matches!(b.role, Role::Advice { .. }))
                .map_or(blocks.len(), |n| a + n);
            let moved: Vec<present::Block> = blocks.drain(start..end).collect();
            for (k, b) in moved.into_iter().enumerate() {
                blocks.insert(h + k, b);
            }
        }
    }
    let doc = Doc::new(&blocks, theme, look(app));
    scroll_doc(frame, area, app, &doc);
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

/// The replay: one line about the whole run, then your path beside the
/// safer way (side by side on a wide window, one under the other else).
pub fn replay(frame: &mut Canvas, area: Rect, app: &App, model: &present::Screen) {
    let theme = &app.options.theme;
    let first_heading = model.blocks.iter().position(|b| b.role == Role::Heading);
    let (summary, rest) = model
        .blocks
        .split_at(first_heading.unwrap_or(model.blocks.len()));
    let summary = Doc::new(summary, theme, look(app));
    let high = (summary.height(area.width) + 1).min(area.height / 2);
    let [top, area] = Layout::vertical([Constraint::Length(high), Constraint::Min(0)]).areas(area);
    summary.render(frame, top, 0, theme);
    let second = rest
        .iter()
        .skip(1)
        .position(|b| b.role == Role::Heading)
        .map(|i| i + 1);
    match second {
        Some(i) if area.width >= 70 => {
            let (yours, safe) = rest.split_at(i);
            let [l, r] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .spacing(2)
                    .areas(area);
            scroll_doc(frame, l, app, &Doc::new(yours, theme, look(app)));
            scroll_doc(frame, r, app, &Doc::new(safe, theme, look(app)));
        }
        _ => scroll_doc(frame, area, app, &Doc::new(rest, theme, look(app))),
    }
}

/// The quick questions after a call, and the quick check: the screen's
/// title as its heading where the title bar says something else, the blocks,
/// then a button for each choice (or for going on).
pub fn questions(frame: &mut Canvas, area: Rect, app: &App, model: &present::Screen) {
    let theme = &app.options.theme;
    let bar = model.topic.as_deref().unwrap_or(&model.title);
    let mut blocks: Vec<present::Block> = Vec::new();
    if bar.trim_end_matches('.') != model.title.trim_end_matches('.') {
        blocks.push(present::Block::new(Role::Heading, model.title.clone()));
    }
    blocks.extend(model.blocks.iter().cloned());
    let doc = Doc::new(&blocks, theme, look(app));
    doc_and_buttons_from(frame, area, app, &doc, &buttons(app, model), &blocks);
}

/// Lines for the help card, from its model, as a document.
pub fn help_doc(app: &App, model: &present::Screen) -> Doc {
    let mut blocks = model.blocks.clone();
    if app.options.large && super::console::active() {
        blocks.push(present::Block::new(Role::Note, W.big_letters_note));
    }
    // By touch the model's own last line says how to close it.
    if let Some(close) = model.default_command()
        && !app.options.mode.touch()
    {
        let keys: Vec<String> = close.keys.iter().map(|k| k.name()).collect();
        blocks.push(present::Block::new(
            Role::Heading,
            wording::press_to_close(&keys),
        ));
    }
    Doc::new(&blocks, &app.options.theme, look(app))
}
