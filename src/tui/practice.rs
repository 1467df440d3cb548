//! Self-paced practice in the terminal app: what the start screen says about
//! progress, the recall check after a call, and what speech reads aloud.
//!
//! The app itself does no file or process work: finished calls wait in
//! `Practice::finished` until the run loop (in `main`) saves them, and
//! `speech_text` only says what would be read aloud.

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::engine::model::{Medium, outcome_words};
use crate::engine::quick_check::{Score, Stage};
use crate::engine::script::{Script, ScriptRecall};
use crate::engine::session::{CallResult, Session};
use crate::engine::{Phase, Verdict};
use crate::progress::{Day, Mark};

use super::app::{Action, App, Screen, Target};

/// A call that ended, waiting to be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    pub result: CallResult,
    pub seed: u64,
}

/// Practice state held by the app. Empty by default: then the screens look
/// exactly as they do without progress (tests, kiosks).
#[derive(Debug, Clone, Default)]
pub struct Practice {
    /// Lines for the top of the start screen, e.g. "3 of 14 practised."
    pub head: Vec<String>,
    /// "New" or "Due" (by scenario id), shown before the title.
    pub marks: BTreeMap<String, Mark>,
    /// Set when progress is kept: the end of a call says when to practise again.
    pub today: Option<Day>,
    /// One plain line about something that went wrong (progress file, speech).
    pub notice: Option<String>,
    /// The seed each call was last played with, to pick a different variant.
    pub last_seeds: BTreeMap<String, u64>,
    /// Calls that ended, not yet saved (drained by the run loop).
    pub finished: Vec<Finished>,
    /// The seed of the call being played.
    pub current_seed: u64,
    /// The quick check ("a scam or a real call?"), when it is offered.
    pub quick: Option<super::quick_check::QuickState>,
}

impl Practice {
    pub fn mark_word(&self, id: &str) -> Option<&'static str> {
        self.marks.get(id).and_then(|m| m.word())
    }

    /// Quick checks finished and not yet saved or counted (the run loop's outbox).
    pub fn take_checks(&mut self) -> Vec<(Stage, Score)> {
        self.quick
            .as_mut()
            .map(|q| std::mem::take(&mut q.done))
            .unwrap_or_default()
    }
}

/// The quick questions after a call, one at a time.
#[derive(Debug, Clone)]
pub struct Recall {
    pub title: String,
    pub questions: Vec<ScriptRecall>,
    pub index: usize,
    /// The learner's answer to the current question, once given.
    pub answered: Option<bool>,
    pub right: usize,
}

/// What an action did to the recall check.
pub enum RecallStep {
    Changed(bool),
    Done,
}

impl Recall {
    pub fn new(script: &Script) -> Option<Self> {
        if script.recall.is_empty() {
            return None;
        }
        Some(Self {
            title: script.title.clone(),
            questions: script.recall.clone(),
            index: 0,
            answered: None,
            right: 0,
        })
    }

    pub fn current(&self) -> Option<&ScriptRecall> {
        self.questions.get(self.index)
    }

    pub fn update(&mut self, action: Action) -> RecallStep {
        let Some(q) = self.current() else {
            return RecallStep::Done;
        };
        let want = q.answer;
        match (self.answered, action) {
            (_, Action::Back) => RecallStep::Done,
            (None, Action::Yes | Action::Pick(0)) => self.answer(true, want),
            (None, Action::No | Action::Pick(1)) => self.answer(false, want),
            (Some(_), Action::Select | Action::Pick(_)) => {
                self.index += 1;
                self.answered = None;
                if self.index >= self.questions.len() {
                    RecallStep::Done
                } else {
                    RecallStep::Changed(true)
                }
            }
            _ => RecallStep::Changed(false),
        }
    }

    fn answer(&mut self, said: bool, want: bool) -> RecallStep {
        self.answered = Some(said);
        if said == want {
            self.right += 1;
        }
        RecallStep::Changed(true)
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// The answer, kindly: never "Wrong!".
pub fn verdict_words(said: bool, want: bool) -> String {
    if said == want {
        format!("You said {}. That is right.", yes_no(said))
    } else {
        format!("You said {}. The answer is {}.", yes_no(said), yes_no(want))
    }
}

/// Title and footer keys for the recall screen; draws its body.
pub fn draw_recall(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    r: &Recall,
) -> (String, (&'static str, &'static str)) {
    let theme = &app.options.theme;
    let title = format!("Quick questions: {}", r.title);
    let Some(q) = r.current() else {
        return (title, ("Enter Go on", "Enter Go on"));
    };
    let mut lines = vec![
        Line::from(format!("Question {} of {}", r.index + 1, r.questions.len()))
            .style(theme.heading),
        Line::from(""),
        Line::from(q.question.clone()).style(theme.caller),
        Line::from(""),
    ];
    let keys;
    let buttons: Vec<(&str, Target)> = match r.answered {
        None => {
            keys = (
                "Press 1 for yes, 2 for no   Esc Skip   ? Help",
                "1 Yes  2 No",
            );
            vec![("1  Yes", Target::Choice(0)), ("2  No", Target::Choice(1))]
        }
        Some(said) => {
            lines.push(
                Line::from(verdict_words(said, q.answer)).style(if said == q.answer {
                    theme.safer
                } else {
                    theme.heading
                }),
            );
            lines.push(Line::from(q.explain.clone()));
            keys = ("Enter Go on   Esc Skip   ? Help", "Enter Go on");
            vec![("Enter  Go on", Target::Continue)]
        }
    };
    text_and_buttons(frame, area, app, lines, &buttons);
    (title, keys)
}

/// Some lines of text, then big buttons under them (three rows each, so a
/// finger can hit them). Each button is a click or touch target. In a small
/// window the buttons shrink to one row each, and text that still does not
/// fit scrolls (Page Down), so nothing is cut off.
pub fn text_and_buttons(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    lines: Vec<Line<'_>>,
    buttons: &[(&str, Target)],
) {
    let theme = &app.options.theme;
    let para = Paragraph::new(Text::from(lines.clone())).wrap(Wrap { trim: true });
    let h = para.line_count(area.width) as u16;
    let n = buttons.len() as u16;
    let tall = h.saturating_add(3 * n) <= area.height;
    let btn_h = if tall { 3 * n } else { n };
    let [text, btns] = Layout::vertical([
        Constraint::Length(h.min(area.height.saturating_sub(btn_h))),
        Constraint::Min(0),
    ])
    .areas(area);
    if h > text.height {
        super::ui::scrolled(frame, text, app, Text::from(lines));
    } else {
        frame.render_widget(para, text);
    }
    // One width for all: wide enough for the words, never narrower than 24.
    let widest = buttons
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let width = btns.width.min((widest as u16).saturating_add(4).max(24));
    let row_h = if tall { 3 } else { 1 };
    let mut y = btns.y;
    for &(label, t) in buttons {
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
        frame.render_widget(Paragraph::new(label).style(theme.selected).block(block), b);
        app.targets.borrow_mut().push((b, t));
        y += row_h;
    }
}

/// The start screen's extra head lines (progress, notices).
pub fn start_head(app: &App) -> Vec<String> {
    let mut v = app.practice.head.clone();
    if let Some(n) = &app.practice.notice {
        v.push(n.clone());
    }
    v
}

/// The ending's extra line: when to practise again.
pub fn booster(app: &App) -> Option<String> {
    app.practice.today.map(crate::progress::booster_line)
}

/// What speech would read aloud on the current screen (None: silence).
pub fn speech_text(app: &App) -> Option<String> {
    match &app.screen {
        Screen::Start => None,
        Screen::Quick(q) => super::quick_check::speech_text(q),
        Screen::Recall(r) => Some(recall_speech(r.current()?, r.answered)),
        Screen::Call { session, replay } => {
            if *replay {
                return None;
            }
            call_speech(session, booster(app))
        }
    }
}

/// A quick question read aloud, or (once answered) its answer.
/// Shared with plain mode, so both say the same words.
pub fn recall_speech(q: &ScriptRecall, answered: Option<bool>) -> String {
    match answered {
        None => format!("{} 1: yes. 2: no.", q.question),
        Some(said) => format!("{} {}", verdict_words(said, q.answer), q.explain),
    }
}

/// What a call's current phase says aloud: who is calling, the caller's
/// words and the choices, the feedback, or the outcome (with `booster`, the
/// line saying when to practise again). Shared with plain mode.
pub fn call_speech(session: &Session, booster: Option<String>) -> Option<String> {
    let s = session.script();
    match session.phase() {
        Phase::Incoming => Some(match s.medium {
            Medium::Call => format!(
                "Your phone is ringing. Caller ID shows {}. They say they are {}, {}.",
                s.caller_number, s.caller_name, s.caller_organisation
            ),
            Medium::Message => format!(
                "A text message has arrived from {}. It says it is from {}, {}.",
                s.caller_number, s.caller_name, s.caller_organisation
            ),
            Medium::Visit => format!(
                "Someone is knocking at your door. They say they are {}, {}.",
                s.caller_name, s.caller_organisation
            ),
        }),
        Phase::Deciding { step } => {
            let st = session.step(step);
            let mut t = if st.has_roles() {
                let lines: Vec<String> = st.lines.iter().map(|l| l.transcript()).collect();
                lines.join(" ")
            } else {
                match s.medium {
                    Medium::Message => format!("The message says: {}", st.says),
                    _ => format!("{} says: {}", st.who, st.says),
                }
            };
            t.push_str(" What would you do?");
            for (i, c) in st.choices.iter().enumerate() {
                t.push_str(&format!(" {}: {}.", i + 1, c.text.trim_end_matches('.')));
            }
            Some(t)
        }
        Phase::Feedback { .. } => {
            let c = session.current_choice()?;
            let v = match c.verdict {
                Verdict::Safer => "Safer choice. ",
                Verdict::Risky => "Risky choice. ",
                Verdict::Neutral => "",
            };
            Some(format!("{v}{}", c.feedback))
        }
        Phase::Ended { .. } => {
            let e = session.ending()?;
            let mut t = format!(
                "The call has ended. {} {}.",
                outcome_words(s.kind, e.outcome),
                e.title.trim_end_matches('.')
            );
            if let Some(b) = booster {
                t.push(' ');
                t.push_str(&b);
            }
            Some(t)
        }
    }
}
