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
        let pasted = |ev: &Event| match ev {
            Event::Key(k) => k.kind != KeyEventKind::Release && !is_always(k),
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
        if ctx.covered || (held && !moves && !typing) || self.settling(now) {
            return Vec::new();
        }
        if ctx.feedback && matches!(key.code, KeyCode::Char('0'..='9')) {
            return Vec::new();
        }
        vec![event.clone()]
    }
}

/// Stop (Ctrl-C) and repaint (Ctrl-L): they get through whatever is on show.
fn is_always(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('c' | 'l'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::MouseEvent;

    fn press(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }
    fn ms(start: Instant, n: u64) -> Instant {
        start + Duration::from_millis(n)
    }
    const PLAIN: Context = Context {
        feedback: false,
        text_field: false,
        covered: false,
    };

    #[test]
    fn the_same_digit_twice_in_a_number_field_is_typed_twice() {
        let t = Instant::now();
        let mut g = Guard::default();
        let field = Context {
            text_field: true,
            ..PLAIN
        };
        for (i, c) in "1100".chars().enumerate() {
            let got = g.accept(&press(KeyCode::Char(c)), ms(t, 100 * i as u64), field);
            assert_eq!(got.len(), 1, "{c} at {i}");
        }
        // Elsewhere the same key again at once is still a held key.
        let mut g = Guard::default();
        assert_eq!(g.accept(&press(KeyCode::Char('1')), t, PLAIN).len(), 1);
        assert!(
            g.accept(&press(KeyCode::Char('1')), ms(t, 100), PLAIN)
                .is_empty()
        );
    }

    #[test]
    fn a_press_just_after_a_screen_change_is_not_an_answer() {
        let t = Instant::now();
        let mut g = Guard::default();
        g.screen_changed(t);
        assert!(
            g.accept(&press(KeyCode::Char('1')), ms(t, 150), PLAIN)
                .is_empty()
        );
        assert!(
            g.accept(&press(KeyCode::Enter), ms(t, 399), PLAIN)
                .is_empty()
        );
        assert_eq!(
            g.accept(&press(KeyCode::Char('2')), ms(t, 400), PLAIN)
                .len(),
            1
        );
    }

    #[test]
    fn wait_left_is_the_rest_of_the_settle_window_or_the_paste_gap() {
        let t = Instant::now();
        let mut g = Guard::default();
        assert_eq!(g.wait_left(t), Duration::ZERO);
        g.screen_changed(t);
        assert_eq!(g.wait_left(ms(t, 150)), SETTLE - Duration::from_millis(150));
        // A press at the end of what is left counts; one just before does not.
        let left = g.wait_left(ms(t, 150));
        assert!(
            g.accept(&press(KeyCode::Char('1')), ms(t, 149) + left, PLAIN)
                .is_empty()
        );
        assert_eq!(
            g.accept(&press(KeyCode::Char('2')), ms(t, 150) + left, PLAIN)
                .len(),
            1
        );
        assert_eq!(g.wait_left(ms(t, 5000)), Duration::ZERO);
        // After an unbracketed paste: the paste's gap.
        let at = ms(t, 10_000);
        assert!(g.accept_batch(&keys("33333"), at, PLAIN).is_empty());
        assert_eq!(g.wait_left(at), PASTE_GAP);
        let left = g.wait_left(ms(t, 10_020));
        // (A straggler of the paste would start the gap again: try it on a copy.)
        assert!(
            g.clone()
                .accept_batch(&keys("4"), ms(t, 10_019) + left, PLAIN)
                .is_empty()
        );
        assert_eq!(
            g.accept_batch(&keys("5"), ms(t, 10_020) + left, PLAIN),
            keys("5")
        );
    }

    #[test]
    fn the_window_is_configurable() {
        let t = Instant::now();
        let mut g = Guard::new(Duration::from_millis(1000));
        g.screen_changed(t);
        assert!(
            g.accept(&press(KeyCode::Char('1')), ms(t, 900), PLAIN)
                .is_empty()
        );
        assert_eq!(
            g.accept(&press(KeyCode::Char('2')), ms(t, 1000), PLAIN)
                .len(),
            1
        );
        let mut none = Guard::new(Duration::ZERO);
        none.screen_changed(t);
        assert_eq!(none.accept(&press(KeyCode::Char('1')), t, PLAIN).len(), 1);
    }

    #[test]
    fn a_held_key_counts_once() {
        let t = Instant::now();
        let mut g = Guard::default();
        assert_eq!(g.accept(&press(KeyCode::Enter), t, PLAIN).len(), 1);
        // The terminal's repeats: first after 500 ms, then every 33 ms.
        let mut at = 500;
        while at < 3000 {
            assert!(
                g.accept(&press(KeyCode::Enter), ms(t, at), PLAIN)
                    .is_empty(),
                "{at}"
            );
            at += 33;
        }
        // Let go, and press again a moment later: that counts.
        assert_eq!(
            g.accept(&press(KeyCode::Enter), ms(t, at + 800), PLAIN)
                .len(),
            1
        );
        // Repeats the terminal marks as such never count.
        let repeat = Event::Key(KeyEvent::new_with_kind(
            KeyCode::Char('1'),
            KeyModifiers::NONE,
            KeyEventKind::Repeat,
        ));
        assert!(g.accept(&repeat, ms(t, 9000), PLAIN).is_empty());
    }

    #[test]
    fn arrow_keys_may_be_held_and_different_keys_are_not_repeats() {
        let t = Instant::now();
        let mut g = Guard::default();
        for i in 0..5 {
            assert_eq!(
                g.accept(&press(KeyCode::Down), ms(t, i * 40), PLAIN).len(),
                1
            );
        }
        assert_eq!(g.accept(&press(KeyCode::Enter), ms(t, 300), PLAIN).len(), 1);
        assert_eq!(
            g.accept(&press(KeyCode::Char('2')), ms(t, 350), PLAIN)
                .len(),
            1
        );
    }

    #[test]
    fn digits_do_nothing_on_feedback_screens() {
        let t = Instant::now();
        let mut g = Guard::default();
        let fb = Context {
            feedback: true,
            ..PLAIN
        };
        assert!(g.accept(&press(KeyCode::Char('1')), t, fb).is_empty());
        assert!(
            g.accept(&press(KeyCode::Char('0')), ms(t, 10), fb)
                .is_empty()
        );
        assert_eq!(g.accept(&press(KeyCode::Enter), ms(t, 20), fb).len(), 1);
        assert_eq!(g.accept(&press(KeyCode::Char(' ')), ms(t, 40), fb).len(), 1);
        assert_eq!(g.accept(&press(KeyCode::Char('?')), ms(t, 60), fb).len(), 1);
    }

    #[test]
    fn pastes_are_ignored_except_in_a_text_field() {
        let t = Instant::now();
        let mut g = Guard::default();
        let paste = Event::Paste("07700 900123\n".into());
        assert!(g.accept(&paste, t, PLAIN).is_empty());
        let field = Context {
            text_field: true,
            ..PLAIN
        };
        let typed = g.accept(&paste, t, field);
        assert_eq!(typed.len(), 12, "the newline is not typed");
        assert_eq!(typed[0], press(KeyCode::Char('0')));
    }

    #[test]
    fn a_covered_screen_takes_only_resize_repaint_and_stop() {
        let t = Instant::now();
        let mut g = Guard::default();
        let covered = Context {
            covered: true,
            ..PLAIN
        };
        assert!(g.accept(&press(KeyCode::Char('2')), t, covered).is_empty());
        assert!(
            g.accept(&press(KeyCode::Enter), ms(t, 1000), covered)
                .is_empty()
        );
        let tap = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 1,
            row: 1,
            modifiers: KeyModifiers::NONE,
        });
        assert!(g.accept(&tap, ms(t, 2000), covered).is_empty());
        assert_eq!(g.accept(&Event::Resize(80, 24), t, covered).len(), 1);
        let ctrl_l = Event::Key(KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL));
        assert_eq!(g.accept(&ctrl_l, t, covered).len(), 1);
    }

    #[test]
    fn a_double_tap_across_a_screen_change_lands_once() {
        let t = Instant::now();
        let mut g = Guard::default();
        let tap = |row| {
            Event::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: 10,
                row,
                modifiers: KeyModifiers::NONE,
            })
        };
        assert_eq!(g.accept(&tap(5), t, PLAIN).len(), 1);
        g.screen_changed(ms(t, 30));
        assert!(g.accept(&tap(5), ms(t, 400), PLAIN).is_empty());
        assert_eq!(g.accept(&tap(5), ms(t, 900), PLAIN).len(), 1);
    }

    fn keys(text: &str) -> Vec<Event> {
        text.chars().map(|c| press(KeyCode::Char(c))).collect()
    }

    #[test]
    fn an_unbracketed_paste_is_ignored() {
        let t = Instant::now();
        let mut g = Guard::default();
        // The trial: 500 characters starting "333" pasted by the Linux
        // console's mouse, arriving as key presses in two reads.
        let mut text = "3".repeat(300);
        text.push('\n');
        let mut burst = keys(&text);
        burst.push(press(KeyCode::Enter));
        assert!(g.accept_batch(&burst, t, PLAIN).is_empty());
        assert!(
            g.accept_batch(&keys(&"3".repeat(199)), ms(t, 5), PLAIN)
                .is_empty()
        );
        // The last straggler of the paste, on its own.
        assert!(g.accept_batch(&keys("3"), ms(t, 20), PLAIN).is_empty());
        // Stop still works in the middle of a paste.
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        let mut with_stop = keys("12345");
        with_stop.push(ctrl_c.clone());
        assert_eq!(g.accept_batch(&with_stop, ms(t, 30), PLAIN), vec![ctrl_c]);
        // A real press after the paste counts.
        assert_eq!(g.accept_batch(&keys("2"), ms(t, 1000), PLAIN), keys("2"));
    }

    #[test]
    fn one_press_or_a_doubled_key_in_one_read_works_as_before() {
        let t = Instant::now();
        let mut g = Guard::default();
        assert_eq!(g.accept_batch(&keys("1"), t, PLAIN), keys("1"));
        // A doubled key read together: the second is a held key's repeat.
        assert_eq!(g.accept_batch(&keys("22"), ms(t, 1000), PLAIN), keys("2"));
        // A choice then Enter, read together, both count.
        let mut two = keys("3");
        two.push(press(KeyCode::Enter));
        assert_eq!(g.accept_batch(&two, ms(t, 2000), PLAIN), two);
    }

    #[test]
    fn an_unbracketed_paste_into_a_text_field_is_typed() {
        let t = Instant::now();
        let mut g = Guard::default();
        let field = Context {
            text_field: true,
            ..PLAIN
        };
        let mut burst = keys("07700 900123");
        burst.push(press(KeyCode::Enter));
        assert_eq!(
            g.accept_batch(&burst, t, field),
            keys("07700 900123"),
            "a paste's Enter is not pressed"
        );
    }

    #[test]
    fn a_head_count_typed_fast_then_enter_keeps_its_enter() {
        let t = Instant::now();
        let mut g = Guard::default();
        let field = Context {
            text_field: true,
            ..PLAIN
        };
        // The trial: tmux sent "1 5 Enter" in one read; the Enter was lost.
        let mut burst = keys("15");
        burst.push(press(KeyCode::Enter));
        assert_eq!(g.accept_batch(&burst, t, field), burst);
        // Elsewhere it is still a paste, and ignored.
        let mut g = Guard::default();
        assert!(g.accept_batch(&burst, t, PLAIN).is_empty());
    }
}
