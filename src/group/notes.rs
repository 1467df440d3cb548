//! The volunteer's notes window (`hangup group --notes`): a second terminal,
//! for example on the laptop while the room view is on the projector. It
//! follows the running session live: where the session is, what the room
//! sees, the facilitator notes, the choices with the room's hands and which
//! one is safer, and the time against the plan. Keys pressed here act on the
//! same session (the room view does the work and sends its new state back).
//!
//! [`NotesModel`] is what the room view sends after every change; it is plain
//! data, built from `GroupState` with no terminal code. [`NotesApp`] draws it.
//! Everything in a model came over a socket, so every string is cleaned
//! before it reaches the terminal.

use std::time::{Instant, SystemTime};

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};
use serde::{Deserialize, Serialize};

use super::link::{LinkEvent, Message, Peer};
use super::{CHECK_OPTIONS, GroupState, Stage};
use crate::engine::{Phase, Verdict};
use crate::tui::app::{Action, Overlay};
use crate::tui::theme::Theme;

/// The session as the notes window shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NotesModel {
    /// "Call 1 of 2: title  -  Question 1", as on the room view's top row.
    pub place: String,
    /// What the room is looking at, in a few words.
    pub room_sees: String,
    /// The caller's words on screen now (or the quick check's words).
    pub says: String,
    /// The facilitator notes for this moment ("" when there are none).
    pub notes: String,
    /// The choices in the order the room sees them.
    pub choices: Vec<NotesChoice>,
    /// Hands are being typed for this choice (0-based, as on screen).
    pub counting: Option<usize>,
    /// The digits typed so far for it.
    pub typed: String,
    /// Minutes since the first call started, and minutes in today's plan.
    pub minutes: u32,
    /// Minutes in today's plan (the welcome, the quick checks and every call not skipped).
    pub planned_minutes: u32,
    /// The room's screen is blank.
    pub blank: bool,
    /// What comes after this call or check ("" when nothing is left).
    pub next: String,
    /// The plan items still to come after it, and their minutes.
    pub items_left: usize,
    /// Minutes those items are planned to take, added up.
    pub minutes_left: u32,
    /// At the end: the number of people typed so far, while it can be typed.
    pub people: Option<String>,
    /// At the end: whether the record was saved, in words ("" before).
    pub saved: String,
}

/// One choice (or one quick-check answer) as the notes window shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NotesChoice {
    /// What the choice says (or the quick-check answer, e.g. "A scam").
    pub text: String,
    /// "safer", "risky", "the answer" or "".
    pub mark: String,
    /// The room's hands, if counted.
    pub hands: Option<u32>,
    /// Its meaning is on the room's screen now (Enter goes on from it).
    pub revealed: bool,
    /// Highlighted on the room's screen (Enter reveals it).
    pub highlighted: bool,
}

fn mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Safer => "safer",
        Verdict::Risky => "risky",
        Verdict::Neutral => "",
    }
}

impl NotesModel {
    /// The notes window's view of this session now.
    pub fn of(g: &GroupState, overlay: Option<Overlay>, now: SystemTime) -> Self {
        let mut m = NotesModel {
            place: crate::present::group_screens::topic(g),
            minutes: g.duration_minutes(now),
            planned_minutes: g.planned_minutes(),
            blank: g.paused,
            counting: g.tally_entry.as_ref().map(|e| e.choice),
            typed: g
                .tally_entry
                .as_ref()
                .map_or_else(String::new, |e| e.typed.clone()),
            ..NotesModel::default()
        };
        let after = g.current.map_or(0, |c| c + 1);
        let to_come: Vec<&super::PlanItem> = g.plan[after.min(g.plan.len())..]
            .iter()
            .filter(|p| p.status == super::ItemStatus::Planned)
            .collect();
        if g.stage != Stage::Finished {
            m.next = to_come
                .first()
                .map_or_else(String::new, |p| p.title.clone());
            m.items_left = to_come.len();
            m.minutes_left = to_come.iter().map(|p| p.minutes).sum();
        }
        let highlighted = |i: usize| g.highlight && g.selected == i && g.tally_entry.is_none();
        m.room_sees = match (overlay, g.stage) {
            (Some(Overlay::Help), _) => "The help card".into(),
            (Some(_), _) => "The question: stop the session?".into(),
            _ if g.paused => "A blank screen".into(),
            (None, Stage::Plan) => "Today's plan".into(),
            (None, Stage::Finished) => "The end: thank you for taking part".into(),
            (None, _) if g.plan_open => "Today's plan".into(),
            (None, Stage::Call | Stage::Check) => String::new(),
        };
        match g.stage {
            Stage::Call => {
                let Some(session) = g.session.as_deref() else {
                    return m;
                };
                if let Some(st) = session.current_step() {
                    m.says = format!("{} says: {}", st.who, st.says);
                    m.notes = st.notes.clone().unwrap_or_default();
                }
                match session.phase() {
                    Phase::Incoming => {
                        let s = session.script();
                        if m.room_sees.is_empty() {
                            m.room_sees = "The phone is ringing".into();
                        }
                        m.says = format!(
                            "{}, {} ({})",
                            s.caller_name, s.caller_organisation, s.caller_number
                        );
                    }
                    Phase::Deciding { step } | Phase::Feedback { step, .. } => {
                        let revealed = match session.phase() {
                            Phase::Feedback { choice, .. } => Some(choice),
                            _ => None,
                        };
                        if m.room_sees.is_empty() {
                            m.room_sees = match revealed {
                                Some(c) => format!("What choice {} means", c + 1),
                                None => "The question: what would you do?".into(),
                            };
                        }
                        let counts = g.shown_counts(step);
                        m.choices = session
                            .step(step)
                            .choices
                            .iter()
                            .enumerate()
                            .map(|(i, c)| NotesChoice {
                                text: c.text.clone(),
                                mark: mark(c.verdict).into(),
                                hands: counts.get(i).copied().flatten(),
                                revealed: revealed == Some(i),
                                highlighted: revealed.is_none() && highlighted(i),
                            })
                            .collect();
                    }
                    Phase::Ended { .. } => {
                        if m.room_sees.is_empty() {
                            m.room_sees = "How the call ended".into();
                        }
                        if let Some(e) = session.ending() {
                            m.says = e.title.clone();
                        }
                    }
                }
            }
            Stage::Check => {
                let Some(play) = g.check.as_ref() else {
                    return m;
                };
                m.notes = crate::present::group_screens::check_notes(g).unwrap_or_default();
                let Some(item) = play.current() else {
                    if m.room_sees.is_empty() {
                        m.room_sees = "The quick check: how the room did".into();
                    }
                    m.says = g.check_result_lines().join(" ");
                    return m;
                };
                if m.room_sees.is_empty() {
                    m.room_sees = if play.revealed {
                        "The quick check: the answer".into()
                    } else {
                        "The quick check: a scam or a real call?".into()
                    };
                }
                m.says = crate::present::wording::quick_said(item);
                let counts = play.counts();
                m.choices = CHECK_OPTIONS
                    .iter()
                    .enumerate()
                    .map(|(i, said)| NotesChoice {
                        text: crate::present::group::option_label(*said).into(),
                        mark: if *said == item.answer.into() {
                            "the answer".into()
                        } else {
                            String::new()
                        },
                        hands: counts.get(i).copied().flatten(),
                        revealed: play.revealed && *said == item.answer.into(),
                        highlighted: !play.revealed && highlighted(i),
                    })
                    .collect();
            }
            Stage::Finished => {
                let saved = matches!(g.saved, Some(super::Saved::To(_)));
                m.people = (!saved).then(|| g.attendees.clone());
                m.saved = match &g.saved {
                    Some(super::Saved::To(_)) => "Saved. The record is kept.".into(),
                    Some(super::Saved::Failed(e)) => format!("Not saved: {e}"),
                    None => String::new(),
                };
            }
            Stage::Plan => {}
        }
        m
    }
}

/// The notes window: the last model the room view sent, and the link to it.
#[derive(Debug)]
pub struct NotesApp {
    /// The room view's latest state, `None` until it arrives or after the link drops.
    pub model: Option<NotesModel>,
    /// The link to the room view, while it is up.
    pub peer: Option<Peer>,
    /// The colours and emphasis to draw with.
    pub theme: Theme,
    /// False once the volunteer closes this window (q or Ctrl-C); the session goes on.
    pub running: bool,
    /// Why there is no link, if it could not be made.
    pub failed: Option<String>,
}

impl NotesApp {
    /// A notes window with no link yet, drawn with `theme`.
    pub fn new(theme: Theme) -> Self {
        Self {
            model: None,
            peer: None,
            theme,
            running: true,
            failed: None,
        }
    }

    /// Something from the link; true when the screen must change.
    pub fn on_link(&mut self, ev: LinkEvent) -> bool {
        match ev {
            LinkEvent::Up(peer) => {
                self.peer = Some(peer);
                self.failed = None;
            }
            LinkEvent::Got(Message::Room(model)) => self.model = Some(*model),
            // Keys are for the room view; a notes window ignores them.
            LinkEvent::Got(Message::Key { .. }) => return false,
            LinkEvent::Down => {
                self.peer = None;
                self.model = None;
            }
            LinkEvent::Failed(why) => self.failed = Some(why),
        }
        true
    }

    /// The action a key sends to the room view (none for the keys that
    /// belong to this window, or to the room's own keyboard).
    fn to_send(event: &Event) -> Option<Action> {
        match super::action_for(event)? {
            // n would show the notes on the projector; the stop question is
            // answered at the room's keyboard.
            Action::No | Action::Yes | Action::Quit | Action::ForceQuit => None,
            a => Some(a),
        }
    }
}

impl crate::tui::Driver for NotesApp {
    fn running(&self) -> bool {
        self.running
    }

    fn draw(&self, frame: &mut Frame) {
        draw(frame, self);
    }

    fn on_event(&mut self, event: &Event, _now: Instant) -> bool {
        if let Event::Key(k) = event
            && k.kind == KeyEventKind::Press
        {
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            // q or Ctrl-C closes this window only; the session goes on.
            if matches!(k.code, KeyCode::Char('q' | 'Q')) || (ctrl && k.code == KeyCode::Char('c'))
            {
                self.running = false;
                return true;
            }
        }
        if matches!(event, Event::Resize(..)) {
            return true;
        }
        let Some(a) = Self::to_send(event) else {
            return false;
        };
        let (Some(peer), Some(key)) = (self.peer.as_mut(), super::link::key_name(a)) else {
            return false;
        };
        if !peer.send(&Message::Key { key }) {
            self.peer = None;
            return true;
        }
        // The room view sends its new state back; that redraws.
        false
    }

    fn screen_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        format!(
            "{:?}",
            self.model.as_ref().map(|m| (&m.place, &m.room_sees))
        )
        .hash(&mut h);
        h.finish()
    }

    fn input_context(&self, width: u16, height: u16) -> crate::tui::guard::Context {
        crate::tui::guard::Context {
            // Typing hands: pastes are typed there, as in the room view.
            text_field: self
                .model
                .as_ref()
                .is_some_and(|m| m.counting.is_some() || m.people.is_some()),
            covered: crate::tui::ui::covered(width, height),
            ..crate::tui::guard::Context::default()
        }
    }
}

/// The notes window's screen.
pub fn draw(frame: &mut Frame, app: &NotesApp) {
    use crate::engine::text::sanitize;
    let theme = &app.theme;
    let area = frame.area();
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let bold = theme.text.add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let title = match &app.model {
        Some(m) => format!(" Notes: {}", sanitize(&m.place)),
        None => " Notes for the volunteer".into(),
    };
    match (&app.model, app.peer.is_some()) {
        (Some(m), true) => {
            lines.push(Line::from(vec![
                Span::styled("The room sees: ", theme.heading),
                Span::styled(sanitize(&m.room_sees), bold),
            ]));
            let time = if m.minutes == 0 {
                format!("Not started. Planned: about {} minutes.", m.planned_minutes)
            } else {
                format!(
                    "Time: {} of about {} minutes{}.",
                    m.minutes,
                    m.planned_minutes,
                    if m.minutes > m.planned_minutes {
                        " (over the plan)"
                    } else {
                        ""
                    }
                )
            };
            lines.push(Line::from(Span::styled(time, theme.text)));
            if !m.next.is_empty() {
                lines.push(Line::from(Span::styled(
                    format!(
                        "Next: {}. Still to come: {} item{}, about {} minutes.",
                        sanitize(&m.next),
                        m.items_left,
                        if m.items_left == 1 { "" } else { "s" },
                        m.minutes_left
                    ),
                    theme.text,
                )));
            }
            if m.blank {
                lines.push(Line::from(Span::styled(
                    "The room's screen is blank. Press b to bring it back.",
                    theme.heading,
                )));
            }
            if !m.choices.is_empty() {
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled("The choices:", theme.heading)));
            }
            for (i, c) in m.choices.iter().enumerate() {
                let pointer = if c.highlighted || c.revealed {
                    "▶"
                } else {
                    " "
                };
                let mark = match c.mark.as_str() {
                    "safer" => "  (✔ safer)",
                    "risky" => "  (✘ risky)",
                    "the answer" => "  (✔ the answer)",
                    _ => "",
                };
                let hands = match (m.counting, c.hands) {
                    (Some(k), _) if k == i => format!("  hands: {}_", sanitize(&m.typed)),
                    (_, Some(n)) => format!("  {n} hand{}", if n == 1 { "" } else { "s" }),
                    (_, None) => String::new(),
                };
                let style = if c.revealed || c.highlighted {
                    theme.selected
                } else {
                    theme.text
                };
                lines.push(Line::from(Span::styled(
                    format!("{pointer} {}  {}{mark}{hands}", i + 1, sanitize(&c.text)),
                    style,
                )));
            }
            if let Some(i) = m.choices.iter().position(|c| c.revealed) {
                lines.push(Line::from(Span::styled(
                    format!(
                        "Choice {} is on the room's screen. Enter goes on from it.",
                        i + 1
                    ),
                    bold,
                )));
            }
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled("Your notes:", theme.heading)));
            let notes = if m.notes.is_empty() {
                "No notes for this part.".to_string()
            } else {
                sanitize(&m.notes)
            };
            lines.push(Line::from(Span::styled(notes, theme.text)));
            if let Some(people) = &m.people {
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled(
                    format!("People who came: {}_", sanitize(people)),
                    theme.selected,
                )));
                lines.push(Line::from(Span::styled(
                    "Type the number, then Enter saves the record. No names.",
                    theme.text,
                )));
            }
            if !m.saved.is_empty() {
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled(sanitize(&m.saved), bold)));
            }
            // The caller's words last: the room has them on its screen, and
            // in a small window the choices and notes matter more.
            if !m.says.is_empty() {
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled(sanitize(&m.says), theme.caller)));
            }
        }
        _ => {
            lines.push(Line::from(Span::styled(
                "Waiting for the room view.",
                theme.heading,
            )));
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                "Start the session in another window with: hangup group",
                theme.text,
            )));
            lines.push(Line::from(Span::styled(
                "This window follows it as soon as it starts.",
                theme.text,
            )));
            if let Some(why) = &app.failed {
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled(
                    format!("It cannot: {}", sanitize(why)),
                    theme.risky,
                )));
            }
        }
    }
    frame.render_widget(
        Paragraph::new(Line::from(title)).style(theme.title_bar),
        top,
    );
    frame.render_widget(
        Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false }),
        body,
    );
    frame.render_widget(
        Paragraph::new(Line::from(
            " Keys act on the room: Enter Go on  t Hands  Esc Back  b Blank  q Close notes",
        ))
        .style(theme.footer),
        bottom,
    );
}
