//! Drawing each screen. Everything here reads the app state and draws it; the
//! only thing written back is where the clickable areas ended up.
//!
//! Every size is safe: rectangles are clamped to the frame, and below the
//! minimum size a plain "please make the window bigger" message is shown.

use crate::tui::canvas::Canvas;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Wrap};

use crate::engine::Phase;

use crate::present::screens;
use crate::present::wording::{self, WORDS as W};

use super::app::{Action, App, Overlay, PAGE, Screen, Target};
use super::body;
use super::theme::Theme;

/// The narrowest terminal, in columns, that screens are drawn in; below it "Please make the window bigger." shows instead.
pub const MIN_WIDTH: u16 = 40;
/// The lowest terminal, in rows, that screens are drawn in (see [`MIN_WIDTH`]).
pub const MIN_HEIGHT: u16 = 12;

/// Draw the practice app's current screen (and any window over it) into `frame`, noting the clickable areas in `app.targets`.
pub fn draw(frame: &mut ratatui::Frame, app: &App) {
    paint(&mut Canvas::new(frame), app);
}

/// Lay the practice app's screen out at `area` without drawing it: the
/// same function that draws ([`paint`]) notes how far its text and the help
/// card can scroll, the list's pages and the clickable areas. `update`
/// clamps scrolling by this (see `App::update`).
pub fn lay_out(app: &App, area: Rect) {
    paint(&mut Canvas::measure(area), app);
}

/// Draw (or, measuring, only lay out) the practice app's screen.
///
/// By touch (kiosk), a screen whose text scrolls gets a rail at the right
/// of its text: a tall "More above" block at its top and "More below" at
/// its bottom, each only while there is more that way. Their places stay
/// the rail's (empty at either end), so nothing moves under a finger while
/// a visitor scrolls. Whether the text
/// scrolls is found by laying it out once without the rail.
pub fn paint(frame: &mut Canvas, app: &App) {
    let area = frame.area();
    let rail = app.options.mode.touch() && !covered(area.width, area.height) && {
        paint_with(&mut Canvas::measure(area), app, false);
        match app.overlay {
            Some(Overlay::Help) => app.help_scroll_max.get() > 0,
            _ => app.scroll_max.get() > 0,
        }
    };
    paint_with(frame, app, rail);
}

/// The rail's width: its longer label, and a border either side.
fn rail_width() -> u16 {
    let chars = W
        .scroll_up
        .chars()
        .count()
        .max(W.more_below.chars().count());
    u16::try_from(chars).unwrap_or(u16::MAX).saturating_add(2)
}

/// The rail (see [`paint`]): "More above" at the top of `area`, "More
/// below" at its bottom, each three rows tall, each shown (and a touch
/// target) only while there is more that way. At either end its place is
/// left empty, not dimmed: a dimmed "More above" over text already at its
/// top read as a cue all the same (in monochrome it looked the same as a
/// live one). The place stays the rail's, so nothing moves under a finger.
fn draw_rail(frame: &mut Canvas, area: Rect, app: &App) {
    let theme = &app.options.theme;
    let (at, max) = match app.overlay {
        Some(Overlay::Help) => (
            app.help_scroll.min(app.help_scroll_max.get()),
            app.help_scroll_max.get(),
        ),
        _ => (app.scroll_at(), app.scroll_max.get()),
    };
    let up = Rect { height: 3, ..area };
    let down = Rect {
        y: area.bottom().saturating_sub(3),
        height: 3,
        ..area
    };
    for (r, label, live, action) in [
        (up, W.scroll_up, at > 0, Action::PageUp),
        (down, W.more_below, at < max, Action::PageDown),
    ] {
        frame.render_widget(Clear, r);
        if !live {
            continue;
        }
        frame.render_widget(
            Paragraph::new(label).style(theme.selected).block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.border),
            ),
            r,
        );
        target(app, r, Target::Act(action));
    }
}

fn paint_with(frame: &mut Canvas, app: &App, rail: bool) {
    app.targets.borrow_mut().clear();
    let area = frame.area();
    app.size.set(area);
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
    let text_x = body.x;

    // The screen model: the title bar and the footer come from it, so the
    // footer always names what the keys do on the screen shown.
    // Built once a frame; again below only if the list's pages moved.
    let pages = app.pages.borrow().clone();
    let base = screens::base(&app.flow);
    app.scroll_max.set(0);
    app.view_rows.set(0);
    app.scroll_from.set(0);
    // By touch (kiosk): a bar of tall blocks at the bottom for every action
    // that has no tall block of its own (Help, Back, Leave, More below...).
    let (bar_cmds, bar_labels) = if app.options.mode.touch() {
        let shown = screens::shown_over(&app.flow, base.clone());
        let cmds = bar_commands(app, &shown);
        let labels: Vec<usize> = cmds
            .iter()
            .filter_map(|&id| shown.find(id).map(|c| c.label.chars().count()))
            .collect();
        (cmds, labels)
    } else {
        (Vec::new(), Vec::new())
    };
    let bar_rows = pack_bar(&bar_labels, body.width).len() as u16;
    // Whole rows of blocks only: a spare row would go to waste above them.
    let bar_h = (bar_rows * 4).min(body.height / 2) / 4 * 4;
    let [body, bar] = Layout::vertical([Constraint::Min(1), Constraint::Length(bar_h)]).areas(body);
    // The rail, at the right of the text: as tall as the text, or in a
    // short window (40x12) from the title row down, so that its two blocks
    // have a row between them.
    let rail_w = rail_width();
    let rail = (rail && body.width > rail_w + 20).then(|| {
        let (y, height) = if body.height >= 7 {
            (body.y, body.height)
        } else {
            (top.y, body.bottom() - top.y)
        };
        Rect {
            x: body.right() - rail_w,
            y,
            width: rail_w,
            height,
        }
    });
    let body = match rail {
        Some(_) => Rect {
            width: body.width - rail_w - 1,
            ..body
        },
        None => body,
    };
    // Under the help card (which covers it) the screen is laid out, not
    // drawn: its pages and scroll still count, its letters would not show.
    let mut hidden = Canvas::measure(area);
    let beneath = if app.overlay == Some(Overlay::Help) {
        &mut hidden
    } else {
        &mut *frame
    };
    draw_body(beneath, body, app, &base);
    // The screen's own title ("Step 2.", "Your choice.") where the body
    // does not show it: speech and plain mode say it, so it is shown too.
    let title_in_body = match &app.screen {
        Screen::Call { session, replay } => {
            !*replay && matches!(session.phase(), Phase::Incoming | Phase::Ended { .. })
        }
        _ => true,
    };
    let title = match (&base.topic, &app.screen) {
        (Some(t), _) if !title_in_body => {
            format!("{} - {t}", base.title.trim_end_matches('.'))
        }
        (Some(t), _) => t.clone(),
        (None, Screen::Start) => W.app_title.to_string(),
        (None, _) => base.title.trim_end_matches('.').to_string(),
    };
    // The bar runs the whole width; its words start where the text column
    // does (centred on a wide window), not at the window's edge.
    frame.render_widget(Paragraph::new("").style(theme.title_bar), top);
    let title_x = text_x.clamp(top.x, top.right());
    // Short of the rail where it reaches up into the title row.
    let title_end = match rail {
        Some(r) if r.y <= top.y => r.x.saturating_sub(1).max(title_x),
        _ => top.right(),
    };
    // A title too long for its row ends with "…": it shows it goes on.
    let title_w = title_end - title_x;
    frame.render_widget(
        Paragraph::new(Line::from(super::wrap::cut(&title, title_w))).style(theme.title_bar),
        Rect {
            x: title_x,
            width: title_w,
            ..top
        },
    );
    // The list's page size is what the body just laid out: if that moved
    // the pages, the model of the page shown is made again.
    let base = if *app.pages.borrow() == pages {
        base
    } else {
        screens::base(&app.flow)
    };
    let shown = screens::shown_over(&app.flow, base);

    // Only what is on top can be touched: nothing under a card or question.
    if app.overlay.is_some() {
        app.targets.borrow_mut().clear();
    }
    app.help_scroll_max.set(0);
    let mut bar_in_box = false;
    match app.overlay {
        Some(Overlay::Help) => draw_help(
            frame,
            Rect {
                height: area.height.saturating_sub(1 + bar_h),
                // Beside the rail, which scrolls it.
                width: match rail {
                    Some(r) => r.x.saturating_sub(area.x + 1),
                    None => area.width,
                },
                ..area
            },
            app,
            &shown,
        ),
        Some(Overlay::ConfirmQuit | Overlay::ConfirmLeave) => {
            // By touch the box keeps above the bar ("Hear it again") where
            // there is room for both; where there is not (40x12) the bar's
            // blocks go in the box, beside its last answer: the bar was
            // drawn over the box's "No" block, and a touch there said no.
            let above_bar = Rect {
                height: area.height.saturating_sub(bar_h),
                ..area
            };
            if bar_h == 0 || confirm_height(app, &shown, area.width) < above_bar.height {
                draw_confirm(frame, above_bar, app, &shown, &[]);
            } else {
                let beside: Vec<(String, Option<String>, Target)> = bar_cmds
                    .iter()
                    .filter_map(|&id| {
                        let c = shown.find(id)?;
                        let t = Target::Act(app.flow.action_for(id));
                        Some((c.label.clone(), c.short.clone(), t))
                    })
                    .collect();
                draw_confirm(frame, area, app, &shown, &beside);
                bar_in_box = true;
            }
        }
        None => {}
    }
    // Under a question nothing scrolls: the rail is not shown (its place is kept).
    if let Some(r) = rail
        && matches!(app.overlay, None | Some(Overlay::Help))
    {
        draw_rail(frame, r, app);
    }
    // After the body and any card: how far they scroll is known, so "More
    // below" is in the footer only while there is more below.
    draw_footer(frame, bottom, app, &shown);
    if bar_h > 0 && !bar_in_box {
        draw_bar(frame, bar, app, &shown, &bar_cmds);
    }
    plain_spaces(frame);
}

/// The screen beneath any card: drawn from its model's blocks and commands
/// (the list from its own layout).
fn draw_body(frame: &mut Canvas, body: Rect, app: &App, base: &crate::present::Screen) {
    match &app.screen {
        Screen::Start => draw_start(frame, body, app, base),
        Screen::Call { session, replay } => {
            if *replay {
                body::replay(frame, body, app, base);
            } else {
                match session.phase() {
                    Phase::Incoming => {
                        body::incoming(frame, body, app, base, session.script().medium);
                    }
                    Phase::Deciding { .. } => body::deciding(frame, body, app, base),
                    Phase::Feedback { .. } => body::feedback(frame, body, app, base),
                    Phase::Ended { .. } => {
                        body::ending(frame, body, app, base, session.script().kind);
                    }
                }
            }
        }
        Screen::Recall(_) | Screen::Quick(_) => body::questions(frame, body, app, base),
    }
}

/// Non-breaking spaces kept phone numbers whole while wrapping; on the
/// terminal they are plain spaces (a console font may have no glyph for
/// U+00A0, and a screen reader reads a plain space as it always has).
pub fn plain_spaces(frame: &mut Canvas) {
    let Some(buf) = frame.buffer_mut() else {
        return;
    };
    for cell in buf.content.iter_mut() {
        if cell.symbol() == "\u{a0}" {
            cell.set_symbol(" ");
        }
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
            // By touch the rail scrolls (see `paint`).
            Cmd::ScrollUp | Cmd::ScrollDown if app.options.mode.touch() => false,
            Cmd::ScrollUp => match app.overlay {
                Some(Overlay::Help) => app.help_scroll > 0,
                _ => app.scroll_at() > 0,
            },
            _ => true,
        })
        .collect()
}

/// The touch bar: tall blocks with gaps, for the commands that have no tall
/// block drawn already (checked against the targets of this frame).
fn draw_bar(
    frame: &mut Canvas,
    area: Rect,
    app: &App,
    shown: &crate::present::Screen,
    cmds: &[crate::present::Cmd],
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
        _ => app.scroll_at() < app.scroll_max.get(),
    };
    // Scrolling last: when the bar is short of room it goes first (the
    // "More below" row on the text scrolls too).
    let mut cmds = cmds.to_vec();
    cmds.sort_by_key(|id| matches!(id, Cmd::ScrollDown | Cmd::ScrollUp));
    // Each block's words, and the shorter words it may take.
    let todo: Vec<(&str, Option<&str>, Target)> = cmds
        .iter()
        .filter_map(|&id| {
            let c = shown.find(id)?;
            let (label, short) = (c.label.as_str(), c.short.as_deref());
            let action = app.flow.action_for(id);
            let t = Target::Act(action);
            let own = match id {
                Cmd::GoOn => has_tall(Target::Continue) || has_tall(t),
                Cmd::Close => has_tall(t),
                Cmd::More => has_tall(Target::More) || has_tall(t),
                Cmd::ScrollDown if !overflow => return None,
                _ => has_tall(t),
            };
            (!own).then_some((label, short, t))
        })
        .collect();
    // Short of rows (a small window): first scrolling leaves the bar; then
    // blocks take their shorter words ("Again" for "Hear it again"), from
    // the end, as the footer's parts do; only then what has a smaller
    // block of its own on screen already leaves it, from the end, so that
    // what can be touched nowhere else keeps its block.
    let rows = usize::from(area.height / 4);
    let mut todo = todo;
    let fits = |todo: &[(&str, Option<&str>, Target)]| {
        let widths: Vec<usize> = todo.iter().map(|(l, _, _)| l.chars().count()).collect();
        pack_bar(&widths, area.width).len() <= rows
    };
    while !fits(&todo) {
        // A block of its own: the same action, or "Go on" as the Continue
        // button, or "More calls" as the list's row.
        let has_any = |t: Target| {
            app.targets.borrow().iter().any(|(_, x)| {
                *x == t
                    || (t == Target::Act(Action::Select) && *x == Target::Continue)
                    || (t == Target::Act(Action::More) && *x == Target::More)
            })
        };
        let scroll = |t: Target| {
            matches!(
                t,
                Target::Act(Action::PageDown) | Target::Act(Action::PageUp)
            )
        };
        if let Some(k) = todo.iter().rposition(|(_, _, t)| scroll(*t)) {
            todo.remove(k);
            continue;
        }
        if let Some(item) = todo.iter_mut().rev().find(|(_, s, _)| s.is_some()) {
            if let Some(short) = item.1.take() {
                item.0 = short;
            }
            continue;
        }
        let Some(k) = todo.iter().rposition(|(_, _, t)| has_any(*t)) else {
            break;
        };
        todo.remove(k);
    }
    let widths: Vec<usize> = todo.iter().map(|(l, _, _)| l.chars().count()).collect();
    let mut placed: Vec<(Rect, usize)> = Vec::new();
    for (row, ks) in pack_bar(&widths, area.width).into_iter().enumerate() {
        // Each block as wide as its words need, the room left shared out.
        let need: u16 = ks.iter().map(|&k| bar_width(widths[k], true)).sum();
        let gaps = ks.len().saturating_sub(1) as u16;
        let roomy = need + gaps <= area.width;
        let need: u16 = ks.iter().map(|&k| bar_width(widths[k], roomy)).sum();
        let spare = area.width.saturating_sub(need + gaps) / (ks.len().max(1) as u16);
        let mut x = area.x;
        for k in ks {
            let w = (bar_width(widths[k], roomy) + spare).min(area.x + area.width - x);
            placed.push((
                Rect {
                    x,
                    y: area.y + 1 + row as u16 * 4,
                    width: w,
                    height: 3,
                },
                k,
            ));
            x = (x + w + 1).min(area.x + area.width);
        }
    }
    for (r, k) in placed {
        let (label, _, t) = todo[k];
        if r.y + r.height > area.y + area.height || r.width < 3 {
            continue;
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

/// A touch block's width for a label of `chars` characters: its border, and
/// a space either side of the words when `roomy`.
fn bar_width(chars: usize, roomy: bool) -> u16 {
    u16::try_from(chars)
        .unwrap_or(u16::MAX)
        .saturating_add(if roomy { 4 } else { 2 })
}

/// The touch bar's rows: which blocks (by index into `labels`, their widths
/// in characters) go on each row of `width` columns, in order, with a
/// column's gap between blocks. A row holds as many as fit whole.
fn pack_bar(labels: &[usize], width: u16) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut used = 0u16;
    for (k, &chars) in labels.iter().enumerate() {
        let w = bar_width(chars, false);
        match rows.last_mut() {
            Some(row) if used + 1 + w <= width => {
                row.push(k);
                used += 1 + w;
            }
            _ => {
                rows.push(vec![k]);
                used = w;
            }
        }
    }
    rows
}

/// The footer, from the commands of the screen shown: key names, or in a
/// kiosk the words for touch.
pub fn footer(app: &App, shown: &crate::present::Screen, width: u16) -> String {
    if app.options.mode.touch() {
        return shown.touch_footer();
    }
    footer_line(app, shown, width).text()
}

/// The footer's parts (not by touch: see [`footer`]).
fn footer_line(
    app: &App,
    shown: &crate::present::Screen,
    width: u16,
) -> crate::present::FooterLine {
    let overflow = match app.overlay {
        Some(Overlay::Help) => app.help_scroll < app.help_scroll_max.get(),
        _ => app.scroll_at() < app.scroll_max.get(),
    };
    shown.footer_line(usize::from(width.saturating_sub(2)), overflow)
}

/// The footer row. With a keyboard and mouse, each part that names a key
/// ("Esc Leave", "? Help", "Page Down More below") is a click target for
/// exactly what that key does: the click goes through the same update (and
/// the same input guard) as the key. "1-3 Choose" names the choices on the
/// screen, which are targets of their own. By touch (kiosk) the footer
/// says what to touch; the tall blocks are the targets.
fn draw_footer(frame: &mut Canvas, row: Rect, app: &App, shown: &crate::present::Screen) {
    let style = app.options.theme.footer;
    if app.options.mode.touch() {
        frame.render_widget(
            Paragraph::new(Line::from(format!(" {}", shown.touch_footer()))).style(style),
            row,
        );
        return;
    }
    use unicode_width::UnicodeWidthStr;
    let line = footer_line(app, shown, row.width);
    frame.render_widget(
        Paragraph::new(Line::from(format!(" {}", line.text()))).style(style),
        row,
    );
    let sep = u16::try_from(line.sep.width()).unwrap_or(u16::MAX);
    let mut x = row.x.saturating_add(1);
    for (i, part) in line.parts.iter().enumerate() {
        if i > 0 {
            x = x.saturating_add(sep);
        }
        let w = u16::try_from(part.text.width()).unwrap_or(u16::MAX);
        let r = Rect {
            x,
            width: w.min(row.right().saturating_sub(x)),
            ..row
        };
        if let Some(k) = part.key
            && r.width > 0
            && row.height > 0
        {
            target(app, r, Target::Act(k.action()));
        }
        x = x.saturating_add(w);
    }
}

fn target(app: &App, area: Rect, t: Target) {
    app.targets.borrow_mut().push((area, t));
}

/// The terminal's cursor on the highlighted answer (on its number, after
/// the "> " marker), so braille displays and magnifiers follow the highlight.
/// Where nothing is highlighted the cursor stays hidden.
pub(crate) fn cursor_on(frame: &mut Canvas, r: Rect, pad: u16) {
    if r.width > 2 && pad < r.height {
        frame.set_cursor_position((r.x + 2, r.y + pad));
    }
}

/// The frame of a block that can be touched or clicked (an answer, a call
/// in the list), `pad` rows above and below its words. By touch (kiosk)
/// every such block has a border, as the buttons have, so answers and calls
/// look like things to touch in every theme: plain box lines, which every
/// console font has, in the border colour (7:1 on black and on white). The
/// border takes the padding's rows, so the block is as tall as before; its
/// words wrap to [`framed_width`]. With a keyboard, the padding alone.
pub(crate) fn touch_frame(app: &App, pad: u16) -> Block<'static> {
    if framed(app, pad) {
        Block::default()
            .borders(Borders::ALL)
            .border_style(app.options.theme.border)
            .padding(Padding::vertical(pad - 1))
    } else {
        Block::default().padding(Padding::vertical(pad))
    }
}

/// Whether a block with `pad` rows of padding is drawn with a border (see [`touch_frame`]).
pub(crate) fn framed(app: &App, pad: u16) -> bool {
    app.options.mode.touch() && pad > 0
}

/// The width the words of a block `width` wide wrap to (see [`touch_frame`]).
pub(crate) fn framed_width(app: &App, pad: u16, width: u16) -> u16 {
    if framed(app, pad) {
        width.saturating_sub(2)
    } else {
        width
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

fn too_small(frame: &mut Canvas, area: Rect, theme: &Theme) {
    let text = Text::from(vec![
        Line::from(W.too_small).style(theme.heading),
        Line::from(wording::too_small_size(MIN_WIDTH, MIN_HEIGHT)),
    ]);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

fn draw_start(frame: &mut Canvas, area: Rect, app: &App, model: &crate::present::Screen) {
    let theme = &app.options.theme;
    let touch = app.options.mode.touch();
    // In a short window (40x12) the rows go to the calls: no hint line (the
    // footer says the same) and no blank row under the head.
    let compact = area.height < 16;
    // By touch the page's number goes on the title's line: "More calls" is
    // only the bar's tall block, and no row is spent on the number alone.
    // Only where it fits on that line for any page (so the rows do not
    // change with the page); else on a row of its own under the list.
    let page_on_title = touch && {
        use unicode_width::UnicodeWidthStr;
        let most = screens::list_labels(&app.flow).len();
        let longest = format!("{} {}", model.title, wording::page_of(most, most));
        longest.width() <= usize::from(area.width)
    };
    let title = match model.page {
        Some((n, of)) if page_on_title => format!("{} {}", model.title, wording::page_of(n, of)),
        _ => model.title.clone(),
    };
    let mut head: Vec<Line> = vec![Line::from(title).style(theme.heading)];
    // How to choose, progress, scores and notices: the screen model's
    // blocks (the reading hint goes under the list).
    let hint = |t: &str| t == W.list_hint_touch || t == W.list_hint_keys;
    head.extend(
        model
            .blocks
            .iter()
            // By touch in a short window the calls get the rows: the
            // title alone (notes are for whoever looks after the kiosk).
            .filter(|_| !(compact && touch))
            // By touch the footer says "Touch a call to start it." already.
            .filter(|b| b.text != W.reading_hint && !((compact || touch) && hint(&b.text)))
            .map(|b| Line::from(b.text.clone())),
    );
    let mut foot: Vec<Line> = Vec::new();
    // "Cymraeg / English": its own row, to click or touch (and its key).
    let language = model.find(crate::present::Cmd::Language).map(|c| {
        // By touch, the words alone: there is no key to press.
        let words = match c.key() {
            Some(k) if !touch => format!("{}  {}", k.name(), c.label),
            _ => c.label.clone(),
        };
        (
            Line::from(words).style(theme.heading),
            app.flow.action_for(c.id),
        )
    });
    // By touch the bar's tall block is the one to touch: no row for it here.
    let language = language.filter(|_| !touch);
    if let Some((line, _)) = &language {
        foot.push(line.clone());
    }
    if model.blocks.iter().any(|b| b.text == W.reading_hint) {
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
    // The list keeps at least three rows: a title wrapped on two, and "0
    // More calls". In a short window the blank row under the head goes first.
    let spacer = u16::from(!compact && area.height >= head_h + foot_h + 4);
    let head_h = head_h.min(area.height.saturating_sub(foot_h + spacer + 3));
    let [h, _, list, f] = Layout::vertical([
        Constraint::Length(head_h),
        Constraint::Length(spacer),
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

    // The pages, laid out here: as many calls as fit on a page, at most
    // nine (each shown call has the digit that chooses it; 0 is "More
    // calls"). By touch (kiosk) every call is a tall block with a gap, the
    // first page too; the "More calls" row as well.
    let labels = screens::list_labels(&app.flow);
    let total = labels.len();
    let more_text = |n: usize, of: usize| format!("{} {}", W.more_calls, wording::page_of(n, of));
    // `more_row`: "More calls" is a row of the list (else only the bar's block).
    let lay_out = |pad: u16, more_row: bool| -> (Vec<usize>, bool) {
        let number = if touch { "> " } else { "> 9  " };
        let high = |lines: usize| (lines as u16 + 2 * pad).max(1 + 2 * pad) + pad;
        let heights: Vec<u16> = labels
            .iter()
            .map(|l| high(hanging(number, l, framed_width(app, pad, list.width)).len()))
            .collect();
        // The last block needs no gap under it.
        let room = list.height + pad;
        // "More calls (this is page 1 of 7)" may wrap: laid out for the
        // most pages there can be, then again for as many as there are.
        let more = |pages: usize| {
            if more_row {
                let w = framed_width(app, pad, list.width);
                high(hanging("  0  ", &more_text(pages, pages), w).len())
            } else {
                // The page's number, on a row of its own (or on the title's).
                u16::from(!page_on_title)
            }
        };
        let mut starts = crate::present::flow::paginate(&heights, room, more(total), PAGE);
        let fewer = crate::present::flow::paginate(&heights, room, more(starts.len()), PAGE);
        if more(fewer.len()) <= more(starts.len()) {
            starts = fewer;
        }
        let more = more(starts.len());
        let fits = starts.len() == 1 || heights.iter().all(|h| h + more <= room);
        (starts, fits)
    };
    let mut pad = app.options.mode.target_padding();
    let mut more_in_list = true;
    let (mut starts, fits) = lay_out(pad, !touch);
    if touch {
        // By touch the calls keep tall blocks, fewer a page in a short
        // window (a title too long for the window its own page), and "More
        // calls" is only the bar's tall block, beside Help: the list's rows
        // go to calls.
        more_in_list = false;
    } else if !fits && pad > 0 {
        // Too short for tall blocks: one row a line.
        pad = 0;
        starts = lay_out(0, true).0;
    }
    let pages = app.pages.borrow().clone();
    app.set_pages(starts);
    // The model of the page just laid out: its calls and their numbers
    // (made again only if the pages moved).
    let again;
    let model = if *app.pages.borrow() == pages {
        model
    } else {
        again = screens::base(&app.flow);
        &again
    };
    let rows: Vec<(Vec<Line>, Option<Target>, bool)> = model
        .choices()
        .filter_map(|c| match c.id {
            crate::present::Cmd::Choose(i) => Some((i, c)),
            _ => None,
        })
        .map(|(i, c)| {
            let selected = i == app.selected;
            let marker = if selected { ">" } else { " " };
            // The number that chooses it, from the model; by touch none.
            let prefix = match c.key() {
                Some(k) if !touch => format!("{marker} {}  ", k.name()),
                _ => format!("{marker} "),
            };
            let lines = hanging(&prefix, &c.label, framed_width(app, pad, list.width));
            (lines, Some(Target::Scenario(i)), selected)
        })
        .collect();
    let more_row = match (model.find(crate::present::Cmd::More), model.page) {
        (Some(more), Some((n, of))) if more_in_list => {
            let prefix = match more.key() {
                Some(k) if !touch => format!("  {}  ", k.name()),
                _ => "  ".to_string(),
            };
            let text = format!("{} {}", more.label, wording::page_of(n, of));
            Some(hanging(&prefix, &text, framed_width(app, pad, list.width)))
        }
        _ => None,
    };
    // Without that row (by touch in a short window), the page's number
    // still shows, on the list's last row.
    let page_line = match model.page {
        Some((n, of)) if !more_in_list && !page_on_title => Some(wording::page_of(n, of)),
        _ => None,
    };
    // Wrapped titles hang under their text. "More calls" always has its
    // rows under them; if the window is too short for even one call and
    // it, the highlighted call keeps what is left.
    let block_h = 1 + 2 * pad;
    let gap = pad;
    let high = |lines: &Vec<Line>| (lines.len() as u16 + 2 * pad).max(block_h);
    let more_h = match (&more_row, &page_line) {
        (Some(l), _) => high(l).min(list.height.saturating_sub(1)),
        (None, Some(_)) => u16::from(list.height > 1),
        (None, None) => 0,
    };
    let full = list;
    let list = Rect {
        height: list.height.saturating_sub(more_h),
        ..list
    };
    let page = app.page_start();
    let sel_row = app
        .selected
        .saturating_sub(page)
        .min(rows.len().saturating_sub(1));
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
                .block(touch_frame(app, pad)),
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
    if let Some(lines) = more_row.filter(|_| more_h > 0) {
        let y = y.min(full.y + full.height - more_h);
        let r = Rect {
            y,
            height: more_h,
            ..full
        };
        frame.render_widget(
            Paragraph::new(lines)
                .style(theme.text)
                .block(touch_frame(app, pad)),
            r,
        );
        target(app, r, Target::More);
    }
    if let Some(words) = page_line.filter(|_| more_h > 0) {
        let r = Rect {
            y: full.bottom() - 1,
            height: 1,
            ..full
        };
        frame.render_widget(Paragraph::new(words).style(theme.dim), r);
    }
}

/// `text` wrapped to `width` after `prefix` (a number, say), each further
/// line indented to start under the text: a hanging indent.
pub fn hanging(prefix: &str, text: &str, width: u16) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let indent = prefix.width();
    let room = usize::from(width).saturating_sub(indent).max(8);
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    // The row's width, while it is known without measuring it again: its
    // words and spaces only, each character a width of its own.
    let mut row_width: Option<usize> = Some(0);
    // Split at plain spaces only: a non-breaking space keeps a phone number whole.
    for word in text
        .split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .filter(|w| !w.is_empty())
    {
        let mut word = word;
        let mut word_width = word.width();
        // A word longer than the room is broken where it must be.
        while word_width > room {
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
                row_width = Some(0);
            }
            let mut head = 0;
            for (i, ch) in word.char_indices() {
                let end = i + ch.len_utf8();
                if word[..end].width() > room {
                    break;
                }
                head = end;
            }
            if head == 0 {
                break;
            }
            rows.push(word[..head].to_string());
            word = &word[head..];
            word_width = word.width();
        }
        // Each character its own width (no joining or combining): the
        // widths of words and spaces add up.
        let additive = word.chars().all(super::wrap::alone);
        if row.is_empty() {
            row = word.to_string();
            row_width = additive.then_some(word_width);
        } else if row_width.unwrap_or_else(|| row.width()) + 1 + word_width <= room {
            row_width = row_width.filter(|_| additive).map(|w| w + 1 + word_width);
            row.push(' ');
            row.push_str(word);
        } else {
            rows.push(std::mem::replace(&mut row, word.to_string()));
            row_width = additive.then_some(word_width);
        }
    }
    rows.push(row);
    let pad = " ".repeat(indent);
    rows.into_iter()
        .enumerate()
        .map(|(i, r)| {
            let lead = if i == 0 { prefix } else { pad.as_str() };
            let mut s = String::with_capacity(lead.len() + r.len());
            s.push_str(lead);
            s.push_str(&r);
            Line::from(s)
        })
        .collect()
}

/// A box in the middle of the screen, never bigger than the screen.
/// The help card, from its screen model: what to do, the numbers, the keys
/// of the screen beneath and how to close it. It scrolls (it opens at its
/// top), so its last line can be reached in the smallest window. Everything
/// under it is cleared, so no letters of the screen beneath show at its edge.
fn draw_help(frame: &mut Canvas, area: Rect, app: &App, shown: &crate::present::Screen) {
    let theme = &app.options.theme;
    let doc = body::help_doc(app, shown);
    frame.render_widget(Clear, area);
    let r = area.centered(Constraint::Length(76), Constraint::Length(30));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(format!(" {} ", W.help));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    // It scrolls (from its top), with "More below" while there is more.
    let max = doc.max_scroll(inner);
    app.help_scroll_max.set(max);
    app.help_view_rows.set(inner.height);
    let scroll = app.help_scroll.min(max);
    doc.render(frame, inner, scroll, theme);
    let more = scroll < max && inner.height > 1;
    if more {
        body::more_below(frame, inner, app);
    }
    // By touch (kiosk) the card closes only on its own tall "Close this
    // card" block in the bar under it, so a touch that meant to scroll or
    // read never closes it. A click (practice) anywhere on it closes it;
    // the "More below" row scrolls it instead.
    if !app.options.mode.touch() {
        let close = Rect {
            height: inner.height.saturating_sub(u16::from(more)),
            ..inner
        };
        target(app, close, Target::Act(Action::Back));
    }
}

/// A yes-or-no question, from its screen model: 1 or Y yes; 2, N or Esc
/// no; Enter the safe default (no). Its buttons are under the text, inside
/// the box, and each is a touch target.
///
/// `beside`: blocks of the touch bar (words, shorter words, target) that
/// go in the box, right of its last answer, where the box and the bar
/// cannot both fit (see `paint_with`).
fn draw_confirm(
    frame: &mut Canvas,
    area: Rect,
    app: &App,
    shown: &crate::present::Screen,
    beside: &[(String, Option<String>, Target)],
) {
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
    // Its border, the question, a blank row, then the buttons (by touch
    // with a row between them): no empty rows beyond that.
    let r = area.centered(
        Constraint::Length(width),
        Constraint::Length(confirm_height(app, shown, area.width)),
    );
    // Never over the footer row (a tall box in a short window would run
    // its border into the footer): above it, as high as there is room for.
    let above_footer = area.height.saturating_sub(1);
    let r = if r.bottom() > area.y + above_footer {
        let height = r.height.min(above_footer);
        Rect {
            y: area.y + above_footer - height,
            height,
            ..r
        }
    } else {
        r
    };
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
    // The blank row under the question goes first when rows are short, so
    // the question keeps its lines and the touch blocks their gap.
    let blank = u16::from(inner.height > text_h + 2 * bh + u16::from(touch));
    let [text, _, b1, gap, b2] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(blank),
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
    // The bar's blocks beside the last answer, each as wide as its words
    // (its shorter words where the answer would not keep its own), and
    // the answer narrower by as much.
    let answer = shown
        .choices()
        .last()
        .map_or(0, |c| c.label.chars().count());
    let mut right = b2.right();
    let mut placed: Vec<(Rect, String, Target)> = Vec::new();
    for (label, short, t) in beside.iter().rev() {
        let room = right.saturating_sub(b2.x + bar_width(answer, false) + 1);
        let words = match short {
            Some(s) if bar_width(label.chars().count(), false) > room => s,
            _ => label,
        };
        let w = bar_width(words.chars().count(), false);
        if b2.height == 0 || w > room {
            continue;
        }
        let r = Rect {
            x: right - w,
            width: w,
            ..b2
        };
        placed.push((r, words.clone(), *t));
        right = r.x.saturating_sub(1);
    }
    let b2 = Rect {
        width: right.saturating_sub(b2.x),
        ..b2
    };
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
    for (r, words, t) in placed {
        frame.render_widget(Clear, r);
        frame.render_widget(
            Paragraph::new(words).style(theme.selected).block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.border),
            ),
            r,
        );
        target(app, r, t);
    }
}

/// The rows a yes-or-no question's box wants in a window `width` wide:
/// its border, the question, a blank row, the two answers (by touch three
/// rows each, with a row between).
fn confirm_height(app: &App, shown: &crate::present::Screen, width: u16) -> u16 {
    let question = shown.blocks.first().map_or("", |b| b.text.as_str());
    let touch = app.options.mode.touch();
    let bh: u16 = if touch { 3 } else { 1 };
    let text_h = Paragraph::new(question.to_string())
        .wrap(Wrap { trim: true })
        .line_count(56.min(width).saturating_sub(4)) as u16;
    text_h + 2 * bh + 3 + u16::from(touch)
}
