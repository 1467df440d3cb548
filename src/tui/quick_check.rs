//! Drawing the quick check in the terminal app: the offer, the questions and
//! the result. The sets and scoring are in `engine::quick_check`, when to
//! offer it and the steps in `present::flow`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::present::wording::{self, WORDS as W};

use super::app::{App, Target};
use super::practice::text_and_buttons;

pub use crate::present::flow::{QuickScreen, QuickState, QuickStep};

/// Draws a quick-check screen's body (its title and footer come from its
/// screen model, in `ui::draw`).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, q: &QuickScreen) {
    let theme = &app.options.theme;
    match q {
        QuickScreen::Offer(stage) => {
            // No heading: the title bar says "A quick check".
            let lines = vec![Line::from(wording::check_offer(*stage)), Line::from("")];
            let yes = format!("1  {}", W.quick_yes);
            let no = format!("2  {}", W.not_now);
            text_and_buttons(
                frame,
                area,
                app,
                lines,
                &[(&yes, Target::Choice(0)), (&no, Target::Choice(1))],
            );
        }
        QuickScreen::Questions(run) => {
            let Some(item) = run.current() else {
                return;
            };
            // A short window (big fonts, small screen): no blank rows and no
            // question line (the buttons ask it), so the caller's words fit.
            let compact = area.height < 14;
            let mut call = vec![
                Line::from(crate::present::wording::quick_scene(item)),
                Line::from(item.who.clone()),
            ];
            if !compact {
                call.push(Line::from(""));
            }
            call.push(Line::from(crate::present::wording::quick_said(item)).style(theme.caller));
            if !compact {
                call.push(Line::from(""));
            }
            match run.answered {
                None => {
                    let mut lines = call.clone();
                    if !compact {
                        lines.push(Line::from(W.scam_or_real).style(theme.heading));
                    }
                    let a = format!("1  {}", W.a_scam);
                    let b = format!("2  {}", W.a_real_call);
                    let c = format!("3  {}", W.not_sure);
                    text_and_buttons(
                        frame,
                        area,
                        app,
                        lines,
                        &[
                            (&a, Target::Choice(0)),
                            (&b, Target::Choice(1)),
                            (&c, Target::Choice(2)),
                        ],
                    );
                }
                Some(said) => {
                    // The answer first: in a small window it is what matters now.
                    let right = said.is_right(item);
                    let mut lines = vec![
                        Line::from(wording::check_answer(said, item)).style(if right {
                            theme.safer
                        } else {
                            theme.heading
                        }),
                        Line::from(item.explain.clone()),
                        Line::from(""),
                    ];
                    lines.extend(call);
                    let go = format!("Enter  {}", W.go_on);
                    text_and_buttons(frame, area, app, lines, &[(&go, Target::Continue)]);
                }
            }
        }
        QuickScreen::Result { lines, source, .. } => {
            // No heading: the title bar says "Quick check done".
            let mut text = Vec::new();
            text.extend(lines.iter().map(|l| Line::from(l.clone())));
            text.push(Line::from(""));
            text.push(Line::from(wording::based_on_advice(source)));
            text.push(Line::from(""));
            let go = format!("Enter  {}", W.to_the_calls);
            text_and_buttons(frame, area, app, text, &[(&go, Target::Continue)]);
        }
    }
}
