//! The input guard: which key presses, touches and pastes reach the screen.
//! Pure (events and a clock in, accepted events out), so it is tested on
//! its own; the run loop in `tui::run_with` feeds it.
//!
//! - **Settle window.** A press within [`SETTLE`] (about 400 ms) of a screen
//!   change is not an answer on the new screen: a doubled key or a double tap
//!   lands on nothing instead of on a question the learner never saw.
//! - **Held keys.** A terminal repeats a held key as more presses. The same
//!   key again within [`HELD`] of the last time it arrived is a repeat and is
//!   ignored (arrow keys excepted: holding one to move is fine; and digits in a
//!   number field, where "11" is eleven).
//! - **The kiosk's staff exit** is for staff, not learners: with it on
//!   ([`Context::staff_exit`]) every F10 press reaches it at once, however
//!   fast (it tells a held F10 from presses itself: see
//!   `crate::kiosk::input::StaffExit`); at its PIN prompt
//!   ([`Context::pin_prompt`]) every digit typed is taken (a PIN may repeat
//!   digits, and staff type it straight after the third F10), no key there
//!   waits out the settle window, and key presses read together are typing,
//!   not a paste.
//! - **Feedback screens.** Only Enter, Space or a touch go on; digits do nothing.
//! - **Pastes** are ignored, except in a field that takes typed text (the
//!   group's head count), where their characters are typed. A paste without
//!   bracketed-paste markers (the Linux console's mouse paste) arrives as
//!   ordinary key presses: more than [`BURST_KEYS`] of them already queued
//!   together (see [`Guard::accept_batch`]) are a paste too, and so are key
//!   presses arriving within [`PASTE_GAP`] of such a burst (a long paste
//!   comes in several reads). One press, or a doubled key, works as before.
//! - **Nothing acts unseen.** While the screen is covered ("make the window
//!   bigger"), only a resize, Ctrl-L and Ctrl-C get through.

use std::time::{Duration, Instant};

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// How long after a screen change presses are not taken as answers.
pub const SETTLE: Duration = Duration::from_millis(400);
/// The same key again within this time of the last one is a held key's repeat.
/// (Terminals start repeating 250-660 ms after a key goes down, then send
/// about 30 a second.)
pub const HELD: Duration = Duration::from_millis(700);

/// More key presses than this, queued together in one read, are a paste:
/// a person's doubled key is two.
pub const BURST_KEYS: usize = 2;
/// Key presses this soon after a paste burst are the rest of that paste.
pub const PASTE_GAP: Duration = Duration::from_millis(50);

static SETTLE_MS: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(SETTLE.as_millis() as u64);

/// Set the settle window for this run (`--key-pause`).
pub fn set_settle(window: Duration) {
    SETTLE_MS.store(
        u64::try_from(window.as_millis()).unwrap_or(u64::MAX),
        std::sync::atomic::Ordering::Relaxed,
    );
}

/// The settle window for this run.
pub fn settle() -> Duration {
    Duration::from_millis(SETTLE_MS.load(std::sync::atomic::Ordering::Relaxed))
}

/// What the screen on show accepts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// A feedback screen: only Enter, Space or a touch go on.
    pub feedback: bool,
    /// A field that takes typed text (pastes are typed into it).
    pub text_field: bool,
    /// The screen is covered by a notice (the window is too small).
    pub covered: bool,
    /// The kiosk's staff exit is on: every F10 press gets through, at once
    /// and however fast (the staff exit counts them and tells a held key
    /// from presses itself).
    pub staff_exit: bool,
    /// The staff exit's PIN prompt shows: every digit typed gets through.
    pub pin_prompt: bool,
}

/// The input guard's state (see the module docs): when the screen last changed and the last key seen.
#[derive(Debug, Clone)]
pub struct Guard {
    settle: Duration,
    /// When the screen last changed (as drawn).
    changed_at: Option<Instant>,
    /// The last key press seen (accepted or not) and when.
    last_key: Option<(KeyCode, KeyModifiers, Instant)>,
    /// When the last key press of an unbracketed paste arrived.
    pasted_at: Option<Instant>,
}

impl Default for Guard {
    fn default() -> Self {
        Self::new(SETTLE)
    }
}

/// Key presses that are a short number (at most four digits) and then one
/// Enter: a head count typed fast.
fn number_then_enter(events: &[Event]) -> bool {
    let presses: Vec<&KeyEvent> = events
        .iter()
        .filter_map(|ev| match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => Some(k),
            _ => None,
        })
        .collect();
    let Some((last, digits)) = presses.split_last() else {
        return false;
    };
    last.code == KeyCode::Enter
        && (1..=4).contains(&digits.len())
        && digits
            .iter()
            .all(|k| matches!(k.code, KeyCode::Char(c) if c.is_ascii_digit()))
}

impl Guard {
    /// A guard whose settle window is `settle` (the run loop uses [`SETTLE`]; tests use others).
    pub fn new(settle: Duration) -> Self {
        Self {
            settle,
            changed_at: None,
            last_key: None,
            pasted_at: None,
        }
    }

    /// A new screen was drawn at `now`.
    pub fn screen_changed(&mut self, now: Instant) {
        self.changed_at = Some(now);
    }

    /// How long from `now` until a key press or a touch counts: the rest of
    /// the settle window, or of the gap after an unbracketed paste
    /// (whichever is longer; zero when presses count now). A repeat of the
    /// last key is a held key for longer (see [`HELD`]).
    pub fn wait_left(&self, now: Instant) -> Duration {
        let left = |at: Option<Instant>, window: Duration| {
            at.map_or(Duration::ZERO, |at| {
                window.saturating_sub(now.saturating_duration_since(at))
            })
        };
        left(self.changed_at, self.settle).max(left(self.pasted_at, PASTE_GAP))
    }

    fn settling(&self, now: Instant) -> bool {
        self.changed_at
            .is_some_and(|at| now.saturating_duration_since(at) < self.settle)
    }

    /// An unbracketed paste: `events`, all already queued when read at
    /// `now` (the run loop drains what is pending after each blocking read),
    /// hold more than [`BURST_KEYS`] key presses, or come within
    /// [`PASTE_GAP`] of such a burst. Then the events to act on: the key
    /// presses handled as an [`Event::Paste`] is (ignored, or typed into a
    /// text field), and Ctrl-C, Ctrl-L, resizes and the rest as usual.
    /// `None`: not a paste; pass each event to [`Guard::accept`] in turn.
    pub fn paste_burst(
        &mut self,
        events: &[Event],
        now: Instant,
        ctx: Context,
    ) -> Option<Vec<Event>> {
        // At the PIN prompt, keys read together are staff typing fast.
        if ctx.pin_prompt {
            return None;
        }
        let pasted = |ev: &Event| match ev {
            Event::Key(k) => {
                k.kind != KeyEventKind::Release && !is_always(k) && !is_staff_key(k, ctx)
            }
            _ => false,
        };
        let presses = events.iter().filter(|ev| pasted(ev)).count();
        let continues = self
            .pasted_at
            .is_some_and(|at| now.saturating_duration_since(at) < PASTE_GAP);
        if presses <= BURST_KEYS && !(continues && presses > 0) {
            return None;
        }
        // A number typed fast and Enter, read together (a busy machine
        // queues them), in a number field: typing, not a paste. Its Enter
        // counts, so a head count is not left unsaved without a word.
        if ctx.text_field && !continues && number_then_enter(events) {
            return Some(
                events
                    .iter()
                    .flat_map(|ev| self.accept(ev, now, ctx))
                    .collect(),
            );
        }
        self.pasted_at = Some(now);
        let text: String = events
            .iter()
            .filter_map(|ev| match ev {
                Event::Key(k) if pasted(ev) => match k.code {
                    KeyCode::Char(c) => Some(c),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        let mut out = Vec::new();
        let mut typed = false;
        for ev in events {
            if !pasted(ev) {
                out.extend(self.accept(ev, now, ctx));
            } else if !typed {
                typed = true;
                out.extend(self.accept(&Event::Paste(text.clone()), now, ctx));
            }
        }
        Some(out)
    }

    /// All of `events`, read together at `now`, as the run loop takes them
    /// (a paste burst, or each in turn; the loop also marks screen changes
    /// between them, which this does not see).
    pub fn accept_batch(&mut self, events: &[Event], now: Instant, ctx: Context) -> Vec<Event> {
        match self.paste_burst(events, now, ctx) {
            Some(accepted) => accepted,
            None => events
                .iter()
                .flat_map(|ev| self.accept(ev, now, ctx))
                .collect(),
        }
    }

    /// The events to act on for `event` arriving at `now`: none, the event
    /// itself, or (a paste into a text field) one key press per character.
    pub fn accept(&mut self, event: &Event, now: Instant, ctx: Context) -> Vec<Event> {
        match event {
            Event::Resize(..) => vec![event.clone()],
            Event::Paste(text) => {
                if ctx.text_field && !ctx.covered && !self.settling(now) {
                    text.chars()
                        .filter(|c| !c.is_control())
                        .map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
                        .collect()
                } else {
                    Vec::new()
                }
            }
            Event::Key(key) => self.key(key, event, now, ctx),
            Event::Mouse(m) => {
                let press = matches!(
                    m.kind,
                    MouseEventKind::Down(MouseButton::Left) | MouseEventKind::Up(MouseButton::Left)
                );
                if press && (ctx.covered || self.settling(now)) {
                    Vec::new()
                } else {
                    vec![event.clone()]
                }
            }
            _ => vec![event.clone()],
        }
    }

    fn key(&mut self, key: &KeyEvent, event: &Event, now: Instant, ctx: Context) -> Vec<Event> {
        if key.kind == KeyEventKind::Release {
            return vec![event.clone()];
        }
        if key.kind == KeyEventKind::Repeat {
            return Vec::new();
        }
        // Always: stop (Ctrl-C) and repaint (Ctrl-L), whatever is on show.
        if is_always(key) {
            return vec![event.clone()];
        }
        let held = self.last_key.is_some_and(|(code, mods, at)| {
            code == key.code && mods == key.modifiers && now.saturating_duration_since(at) < HELD
        });
        self.last_key = Some((key.code, key.modifiers, now));
        let moves = matches!(
            key.code,
            KeyCode::Up | KeyCode::Down | KeyCode::PageUp | KeyCode::PageDown
        );
        // In a number field, the same digit twice is a number ("11", "100"),
        // not a held key.
        let typing = ctx.text_field && matches!(key.code, KeyCode::Char('0'..='9'));
        // The staff exit's F10 and PIN digits: staff, not a learner's held
        // key or a double tap (see the module docs).
        let staff = is_staff_key(key, ctx)
            || (ctx.pin_prompt && matches!(key.code, KeyCode::Char('0'..='9')));
        if staff && !ctx.covered {
            return vec![event.clone()];
        }
        // At the PIN prompt no settle window: staff type on at once (a
        // held Enter or Backspace is still one press).
        let settling = !ctx.pin_prompt && self.settling(now);
        if ctx.covered || (held && !moves && !typing) || settling {
            return Vec::new();
        }
        if ctx.feedback && matches!(key.code, KeyCode::Char('0'..='9')) {
            return Vec::new();
        }
        vec![event.clone()]
    }
}

/// F10, while the kiosk's staff exit is on.
fn is_staff_key(key: &KeyEvent, ctx: Context) -> bool {
    ctx.staff_exit && key.code == KeyCode::F(10)
}

/// Stop (Ctrl-C) and repaint (Ctrl-L): they get through whatever is on show.
fn is_always(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('c' | 'l'))
}
