//! Drawing the quick check in the terminal app: the offer, the questions and
//! the result. The sets and scoring are in `engine::quick_check`, when to
//! offer it and the steps in `present::flow`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::engine::quick_check::{Stage, answer_words, offer_words};

use super::app::{App, Target};
use super::practice::text_and_buttons;

pub use crate::present::flow::{QuickScreen, QuickState, QuickStep};

/// Title and footer keys for a quick-check screen; draws its body.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    q: &QuickScreen,
) -> (String, (&'static str, &'static str)) {
    let theme = &app.options.theme;
    match q {
        QuickScreen::Offer(stage) => {
            // No heading: the title bar says "A quick check".
            let lines = vec![Line::from(offer_words(*stage)), Line::from("")];
            text_and_buttons(
                frame,
                area,
                app,
                lines,
                &[
                    ("1  Yes, start the check", Target::Choice(0)),
                    ("2  Not now", Target::Choice(1)),
                ],
            );
            (
                "Quick check: a scam or a real call?".into(),
                (
                    "Press 1 for yes, 2 for not now   ? Help",
                    "1 Yes  2 Not now",
                ),
            )
        }
        QuickScreen::Questions(run) => {
            let title = format!(
                "Quick check: call {} of {}",
                (run.index + 1).min(run.items.len()),
                run.items.len()
            );
            let Some(item) = run.current() else {
                return (title, ("Enter Go on", "Enter Go on"));
            };
            // A short window (big fonts, small screen): no blank rows and no
            // question line (the buttons ask it), so the caller's words fit.
            let compact = area.height < 14;
            let mut call = vec![Line::from(item.scene()), Line::from(item.who.clone())];
            if !compact {
                call.push(Line::from(""));
            }
            call.push(Line::from(item.said()).style(theme.caller));
            if !compact {
                call.push(Line::from(""));
            }
            match run.answered {
                None => {
                    let mut lines = call.clone();
                    if !compact {
                        lines.push(
                            Line::from("Is this a scam or a real call?").style(theme.heading),
                        );
                    }
                    text_and_buttons(
                        frame,
                        area,
                        app,
                        lines,
                        &[
                            ("1  A scam", Target::Choice(0)),
                            ("2  A real call", Target::Choice(1)),
                            ("3  Not sure: I would check first", Target::Choice(2)),
                        ],
                    );
                    (
                        title,
                        (
                            "1 A scam   2 A real call   3 Not sure   Esc Skip   ? Help",
                            "1 Scam 2 Real 3 Not sure",
                        ),
                    )
                }
                Some(said) => {
                    // The answer first: in a small window it is what matters now.
                    let right = said.is_right(item);
                    let mut lines = vec![
                        Line::from(answer_words(said, item)).style(if right {
                            theme.safer
                        } else {
                            theme.heading
                        }),
                        Line::from(item.explain.clone()),
                        Line::from(""),
                    ];
                    lines.extend(call);
                    text_and_buttons(
                        frame,
                        area,
                        app,
                        lines,
                        &[("Enter  Go on", Target::Continue)],
                    );
                    (title, ("Enter Go on   Esc Skip   ? Help", "Enter Go on"))
                }
            }
        }
        QuickScreen::Result {
            stage,
            lines,
            source,
        } => {
            let mut text = vec![
                Line::from(match stage {
                    Stage::Before => "Quick check done",
                    Stage::After => "Quick check done: how you have changed",
                })
                .style(theme.heading),
                Line::from(""),
            ];
            text.extend(lines.iter().map(|l| Line::from(l.clone())));
            text.push(Line::from(""));
            text.push(Line::from(format!("Based on advice from {source}.")));
            text.push(Line::from(""));
            text_and_buttons(
                frame,
                area,
                app,
                text,
                &[("Enter  Go to the practice calls", Target::Continue)],
            );
            (
                "Quick check: your score".into(),
                ("Enter Go to the practice calls   ? Help", "Enter Go on"),
            )
        }
    }
}
