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
use crate::i18n::tr;
use crate::tr;
use crate::tui::app::Target;
use crate::tui::app::{Action, Overlay};
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use std::cell::RefCell;

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

/// A choice's mark as sent over the link (a code, not words: the notes
/// window words it in its own language, see [`mark_words`]).
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
            (Some(Overlay::Help), _) => tr("notes-sees-help"),
            (Some(_), _) => tr("notes-sees-stop"),
            _ if g.paused => tr("notes-sees-blank"),
            (None, Stage::Plan) => tr("notes-sees-plan"),
            (None, Stage::Finished) => tr("notes-sees-end"),
            (None, _) if g.plan_open => tr("notes-sees-plan"),
            (None, Stage::Call | Stage::Check) => String::new(),
        };
        match g.stage {
            Stage::Call => {
                let Some(session) = g.session.as_deref() else {
                    return m;
                };
                if let Some(st) = session.current_step() {
                    m.says = tr!("notes-says", who = st.who.as_str(), says = st.says.as_str());
                    m.notes = st.notes.clone().unwrap_or_default();
                }
                match session.phase() {
                    Phase::Incoming => {
                        let s = session.script();
                        if m.room_sees.is_empty() {
                            m.room_sees = tr("notes-sees-ringing");
                        }
                        // After the comma, "The police fraud squad" reads
                        // "the police fraud squad" (as on the practice screen).
                        let organisation = crate::present::wording::mid_sentence(
                            s.caller_organisation.trim_end_matches('.'),
                        );
                        m.says = tr!(
                            "notes-caller",
                            name = s.caller_name.as_str(),
                            organisation = organisation,
                            number = s.caller_number.as_str()
                        );
                    }
                    Phase::Deciding { step } | Phase::Feedback { step, .. } => {
                        let revealed = match session.phase() {
                            Phase::Feedback { choice, .. } => Some(choice),
                            _ => None,
                        };
                        if m.room_sees.is_empty() {
                            m.room_sees = match revealed {
                                Some(c) => tr!("notes-sees-choice", n = c + 1),
                                None => tr("notes-sees-question"),
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
                            m.room_sees = tr("notes-sees-ended");
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
                        m.room_sees = tr("notes-sees-check-result");
                    }
                    m.says = g.check_result_lines().join(" ");
                    return m;
                };
                if m.room_sees.is_empty() {
                    m.room_sees = if play.revealed {
                        tr("notes-sees-check-answer")
                    } else {
                        tr("notes-sees-check")
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
                    Some(super::Saved::To(_)) => tr("notes-saved"),
                    Some(super::Saved::Failed(e)) => tr!("group-not-saved", why = e.as_str()),
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
    /// Clickable areas from the last frame (the choices and the keys in the
    /// footer), written while rendering.
    pub targets: RefCell<Vec<(Rect, Target)>>,
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
            targets: RefCell::new(Vec::new()),
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
    fn to_send(&self, event: &Event) -> Option<Action> {
        let action = match super::action_for(event, false)? {
            // A click or touch: the action of what was drawn there.
            Action::Click { column, row } => {
                crate::tui::app::target_at(&self.targets.borrow(), column, row)?.action()
            }
            a => a,
        };
        match action {
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
        // "q Close notes" in the footer, clicked or touched.
        if let Some(Action::Click { column, row }) = super::action_for(event, false)
            && crate::tui::app::target_at(&self.targets.borrow(), column, row)
                == Some(Target::Act(Action::Quit))
        {
            self.running = false;
            return true;
        }
        let Some(a) = self.to_send(event) else {
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

/// A choice's mark in words: "  (✔ safer)", "  (✘ risky)", "  (✔ the answer)".
fn mark_words(code: &str) -> String {
    let (sign, id) = match code {
        "safer" => ("✔", "group-mark-safer"),
        "risky" => ("✘", "group-mark-risky"),
        "the answer" => ("✔", "group-mark-answer"),
        _ => return String::new(),
    };
    format!("  ({sign} {})", tr(id))
}

/// The notes window's screen.
pub fn draw(frame: &mut Frame, app: &NotesApp) {
    use crate::engine::text::sanitize;
    app.targets.borrow_mut().clear();
    let theme = &app.theme;
    // The lines that are a choice (a click reveals it), by index.
    let mut choice_at: Vec<(usize, usize)> = Vec::new();
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
        Some(m) => format!(" {}", tr!("notes-title", place = sanitize(&m.place))),
        None => format!(" {}", tr("notes-title-waiting")),
    };
    match (&app.model, app.peer.is_some()) {
        (Some(m), true) => {
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", tr("notes-room-sees")), theme.heading),
                Span::styled(sanitize(&m.room_sees), bold),
            ]));
            let time = if m.minutes == 0 {
                tr!("notes-not-started", planned = m.planned_minutes)
            } else {
                tr!(
                    if m.minutes > m.planned_minutes {
                        "notes-time-over"
                    } else {
                        "notes-time"
                    },
                    minutes = m.minutes,
                    planned = m.planned_minutes
                )
            };
            lines.push(Line::from(Span::styled(time, theme.text)));
            if !m.next.is_empty() {
                lines.push(Line::from(Span::styled(
                    tr!(
                        "notes-next",
                        next = sanitize(&m.next),
                        items = m.items_left,
                        minutes = m.minutes_left
                    ),
                    theme.text,
                )));
            }
            if m.blank {
                lines.push(Line::from(Span::styled(tr("notes-blank"), theme.heading)));
            }
            if !m.choices.is_empty() {
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled(tr("notes-choices"), theme.heading)));
            }
            for (i, c) in m.choices.iter().enumerate() {
                let pointer = if c.highlighted || c.revealed {
                    "▶"
                } else {
                    " "
                };
                let mark = mark_words(&c.mark);
                let hands = match (m.counting, c.hands) {
                    (Some(k), _) if k == i => {
                        format!("  {}", tr!("notes-hands-typed", typed = sanitize(&m.typed)))
                    }
                    (_, Some(n)) => format!("  {}", tr!("group-hands", n = n)),
                    (_, None) => String::new(),
                };
                let style = if c.revealed || c.highlighted {
                    theme.selected
                } else {
                    theme.text
                };
                // Not while hands are typed: a click must not type a digit.
                if m.counting.is_none() {
                    choice_at.push((lines.len(), i));
                }
                lines.push(Line::from(Span::styled(
                    format!("{pointer} {}  {}{mark}{hands}", i + 1, sanitize(&c.text)),
                    style,
                )));
            }
            if let Some(i) = m.choices.iter().position(|c| c.revealed) {
                lines.push(Line::from(Span::styled(
                    tr!("notes-revealed", n = i + 1),
                    bold,
                )));
            }
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(tr("notes-yours"), theme.heading)));
            let notes = if m.notes.is_empty() {
                tr("group-no-notes")
            } else {
                sanitize(&m.notes)
            };
            lines.push(Line::from(Span::styled(notes, theme.text)));
            if let Some(people) = &m.people {
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled(
                    tr!("notes-people", typed = sanitize(people)),
                    theme.selected,
                )));
                lines.push(Line::from(Span::styled(tr("notes-people-how"), theme.text)));
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
            lines.push(Line::from(Span::styled(tr("notes-waiting"), theme.heading)));
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(tr("notes-start-with"), theme.text)));
            lines.push(Line::from(Span::styled(tr("notes-follows"), theme.text)));
            if let Some(why) = &app.failed {
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled(
                    tr!("notes-cannot", why = sanitize(why)),
                    theme.risky,
                )));
            }
        }
    }
    frame.render_widget(
        Paragraph::new(Line::from(title)).style(theme.title_bar),
        top,
    );
    let mut owners: Vec<Option<Target>> = vec![None; lines.len()];
    for (line, i) in choice_at {
        if let Some(o) = owners.get_mut(line) {
            *o = Some(Target::Act(Action::Pick(i)));
        }
    }
    super::view::place_targets(&app.targets, body, &lines, &owners, 0);
    frame.render_widget(
        Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false }),
        body,
    );
    // The keys, each a click or touch target (q closes this window).
    let key = |k: &str, id: &str, a: Action| super::view::part(format!("{k} {}", tr(id)), Some(a));
    let mut go_on = key("Enter", "notes-key-go-on", Action::Select);
    // One space after "Keys act on the room:", as in a sentence.
    go_on.text.insert(0, ' ');
    go_on.joined = true;
    let parts = vec![
        super::view::part(tr("notes-keys-intro"), None),
        go_on,
        key("t", "notes-key-hands", Action::Char('t')),
        key("Esc", "notes-key-back", Action::Back),
        key("b", "notes-key-blank", super::BLANK),
        key("q", "notes-key-close", Action::Quit),
    ];
    super::view::draw_parts(
        &mut crate::tui::canvas::Canvas::new(frame),
        bottom,
        theme.footer,
        parts,
        &app.targets,
    );
}
