//! The quick check in the terminal app: when to offer it, the offer, the
//! questions and the result. The sets and the scoring are in
//! `engine::quick_check`; this file only decides and draws.
//!
//! Finished checks wait in `QuickState::done` until the run loop saves them
//! (practice: the progress file) or counts them (kiosk: `counters.toml`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::engine::Kind;
use crate::engine::quick_check::{
    Answer, CheckRun, QuickCheck, Score, Stage, answer_words, offer_words,
};

use super::app::{Action, App, Target};
use super::practice::text_and_buttons;

/// When to offer the quick check, and its results in this sitting.
#[derive(Debug, Clone)]
pub struct QuickState {
    pub check: QuickCheck,
    /// Offer the before check (first use: nothing practised, no check taken).
    pub before_due: bool,
    /// The before score, from the progress file or this sitting.
    pub first: Option<Score>,
    /// Calls finished since the last check.
    pub calls_since: u32,
    /// The after check is offered once this many calls are finished.
    pub after_calls: u32,
    /// "Not now": no more offers in this sitting.
    pub declined: bool,
    /// Checks finished, waiting to be saved or counted (drained by the run loop).
    pub done: Vec<(Stage, Score)>,
}

impl QuickState {
    /// A state for someone new (a kiosk visitor): the before check first.
    pub fn fresh(check: QuickCheck, after_calls: u32) -> Self {
        Self {
            check,
            before_due: true,
            first: None,
            calls_since: 0,
            after_calls,
            declined: false,
            done: Vec::new(),
        }
    }

    /// Which check to offer now, if any.
    pub fn offer(&self) -> Option<Stage> {
        if self.declined {
            return None;
        }
        if self.before_due && self.first.is_none() && self.calls_since == 0 {
            return Some(Stage::Before);
        }
        (self.first.is_some() && self.calls_since >= self.after_calls).then_some(Stage::After)
    }

    /// A check ended: note it (the run loop saves it).
    pub fn finished(&mut self, stage: Stage, score: Score) {
        if stage == Stage::Before && self.first.is_none() {
            self.first = Some(score);
        }
        self.before_due = false;
        self.calls_since = 0;
        self.done.push((stage, score));
    }
}

/// The screens of the quick check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuickScreen {
    /// "Would you like a quick check?"
    Offer(Stage),
    Questions(CheckRun),
    /// The score, and the change since the before check.
    Result {
        stage: Stage,
        lines: Vec<String>,
        source: String,
    },
}

/// What an action did on a quick-check screen.
pub enum QuickStep {
    Changed(bool),
    /// Back to the list of calls.
    Done,
}

impl QuickScreen {
    pub fn update(&mut self, action: Action, state: Option<&mut QuickState>) -> QuickStep {
        match self {
            QuickScreen::Offer(stage) => match action {
                Action::Pick(0) | Action::Yes | Action::Select => {
                    let run = state.and_then(|s| CheckRun::new(&s.check, *stage));
                    match run {
                        Some(run) => {
                            *self = QuickScreen::Questions(run);
                            QuickStep::Changed(true)
                        }
                        None => QuickStep::Done,
                    }
                }
                Action::Pick(1) | Action::No | Action::Back => {
                    if let Some(s) = state {
                        s.declined = true;
                    }
                    QuickStep::Done
                }
                _ => QuickStep::Changed(false),
            },
            QuickScreen::Questions(run) => {
                if action == Action::Back {
                    // Skipping part-way keeps nothing: a half score means nothing.
                    if let Some(s) = state {
                        s.declined = true;
                    }
                    return QuickStep::Done;
                }
                let changed = match (run.answered, action) {
                    (None, Action::Pick(0)) => run.answer(Kind::Scam),
                    (None, Action::Pick(1)) => run.answer(Kind::Genuine),
                    (None, Action::Pick(2)) => run.answer(Answer::NotSure),
                    (Some(_), Action::Select | Action::Pick(_)) => run.go_on(),
                    _ => false,
                };
                if run.finished() {
                    let (stage, score) = (run.stage, run.score());
                    let source = run.source.clone();
                    let first = state.as_ref().and_then(|s| s.first);
                    if let Some(s) = state {
                        s.finished(stage, score);
                    }
                    *self = QuickScreen::Result {
                        stage,
                        lines: run.result_lines(first),
                        source,
                    };
                }
                QuickStep::Changed(changed)
            }
            QuickScreen::Result { .. } => match action {
                Action::Select | Action::Pick(_) | Action::Back => QuickStep::Done,
                _ => QuickStep::Changed(false),
            },
        }
    }
}

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
            let lines = vec![
                Line::from("A quick check").style(theme.heading),
                Line::from(""),
                Line::from(offer_words(*stage)),
                Line::from(""),
            ];
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

/// What speech reads aloud on a quick-check screen.
pub fn speech_text(q: &QuickScreen) -> Option<String> {
    Some(match q {
        QuickScreen::Offer(stage) => format!("{} 1: yes. 2: not now.", offer_words(*stage)),
        QuickScreen::Questions(run) => {
            let item = run.current()?;
            match run.answered {
                None => format!(
                    "{} {} {} Is this a scam or a real call? 1: a scam. 2: a real call. 3: not sure, I would check first.",
                    item.scene(),
                    item.who,
                    item.said()
                ),
                Some(said) => format!("{} {}", answer_words(said, item), item.explain),
            }
        }
        QuickScreen::Result { lines, .. } => lines.join(" "),
    })
}
