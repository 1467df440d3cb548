//! Two small input filters for the kiosk, both clock-free like the idle timer:
//! the tremor filter (a repeated identical press within 300 ms is ignored) and
//! the staff exit (F10 three times, then the PIN, then Enter).

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEventKind};

/// Presses closer together than this, and the same, count once (requirement B6).
pub const REPEAT_WINDOW: Duration = Duration::from_millis(300);

/// What makes two presses "the same".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Press {
    Key(KeyCode, crossterm::event::KeyModifiers),
    Touch { column: u16, row: u16 },
}

impl Press {
    fn of(ev: &Event) -> Option<Self> {
        match ev {
            Event::Key(k) if k.kind == KeyEventKind::Press => Some(Press::Key(k.code, k.modifiers)),
            Event::Mouse(m) if m.kind == MouseEventKind::Down(MouseButton::Left) => {
                Some(Press::Touch {
                    column: m.column,
                    row: m.row,
                })
            }
            _ => None,
        }
    }

    /// A shaky second tap lands a cell or two away; that is still the same tap.
    fn same_as(self, other: Press) -> bool {
        match (self, other) {
            (
                Press::Touch { column, row },
                Press::Touch {
                    column: c2,
                    row: r2,
                },
            ) => column.abs_diff(c2) <= 2 && row.abs_diff(r2) <= 1,
            (a, b) => a == b,
        }
    }
}

/// Ignores a press identical to the one before it within [`REPEAT_WINDOW`].
#[derive(Debug, Default, Clone)]
pub struct Debounce {
    last: Option<(Press, Instant)>,
}

impl Debounce {
    /// True when `ev` should be acted on. Events that are not presses
    /// (releases, resizes) always pass and do not disturb the filter.
    pub fn accept(&mut self, ev: &Event, now: Instant) -> bool {
        let Some(press) = Press::of(ev) else {
            return true;
        };
        let repeat = self.last.is_some_and(|(p, at)| {
            p.same_as(press) && now.saturating_duration_since(at) < REPEAT_WINDOW
        });
        // Measure from the press that was acted on, so holding a key down
        // (auto-repeat) gets through about three times a second, no more.
        if !repeat {
            self.last = Some((press, now));
        }
        !repeat
    }

    /// Forget the last press, so the next one is acted on (e.g. when a new visitor starts).
    pub fn reset(&mut self) {
        self.last = None;
    }
}

/// How many F10 presses open the staff PIN prompt, and within what time.
pub const STAFF_PRESSES: usize = 3;
/// The time within which the [`STAFF_PRESSES`] F10 presses must fall.
pub const STAFF_WINDOW: Duration = Duration::from_secs(3);
/// F10 presses closer together than this are a held key's repeats, not
/// presses: a held key repeats about 30 times a second (at the slowest
/// common rate, 10.9 a second: 92 ms apart), and no one presses a key twice
/// that fast.
pub const KEY_REPEAT: Duration = Duration::from_millis(100);
/// The longest PIN accepted (longer typing is ignored).
pub const PIN_MAX: usize = 12;

/// Wrong PINs allowed before the exit locks.
pub const FREE_TRIES: u32 = 5;
/// The first lock; each wrong PIN after it doubles the wait, up to [`LOCK_MAX`].
pub const LOCK_FIRST: Duration = Duration::from_secs(30);
/// The longest lock after wrong PINs: one hour.
pub const LOCK_MAX: Duration = Duration::from_secs(60 * 60);

/// How long the exit stays locked after `wrong` wrong PINs in a row:
/// nothing for the first four, then 30 s, 60 s, 120 s, … up to an hour.
pub fn lock_for(wrong: u32) -> Duration {
    if wrong < FREE_TRIES {
        return Duration::ZERO;
    }
    let doublings = (wrong - FREE_TRIES).min(16);
    LOCK_FIRST
        .checked_mul(1u32 << doublings)
        .unwrap_or(LOCK_MAX)
        .min(LOCK_MAX)
}

/// What the staff-exit filter did with an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffStep {
    /// Not for the staff exit: handle as usual.
    Pass,
    /// Taken by the staff exit (the screen may need redrawing).
    Taken,
    /// The right PIN: end the program.
    Exit,
}

/// The staff exit: F10 three times within 3 s opens a PIN prompt; the right
/// PIN and Enter ends the program. With no PIN configured it does nothing.
///
/// Every F10 press reaches it, however fast (the input guard lets them
/// through), so it tells a held F10 from presses itself: a held key sends a
/// press, then after 250-660 ms (less than [`crate::tui::guard::HELD`])
/// repeats it about 30 times a second. An F10 within [`KEY_REPEAT`] of the
/// last is a repeat, and the first such repeat shows that the F10 before it
/// (if it came within `HELD` of an F10 before it) was the key's first
/// repeat, not a press: that one is no longer counted, and if it opened
/// the PIN prompt, the prompt closes again (it showed for about 30 ms).
/// So a held F10 counts as one press, however long it is held.
#[derive(Debug, Clone)]
pub struct StaffExit {
    pin: Option<String>,
    /// The F10 presses counted towards opening the prompt.
    presses: Vec<Instant>,
    /// When the last two F10s arrived (the earlier first), counted or not.
    f10_at: [Option<Instant>; 2],
    /// The last F10 was a held key's repeat.
    held: bool,
    /// The F10 that opened the prompt, and the presses counted before it
    /// (to put back if it turns out to have been a held key's repeat).
    opened_by: Option<(Instant, Vec<Instant>)>,
    /// `Some` while the PIN prompt shows: the digits typed so far.
    entry: Option<String>,
    /// Set after a wrong PIN, shown on the prompt until the next key.
    pub wrong: bool,
    /// Wrong PINs in a row. Not cleared by Esc or a reset, only by the right PIN.
    failures: u32,
    /// No PIN is checked before this time (after too many wrong ones).
    locked_until: Option<Instant>,
}

impl StaffExit {
    /// The staff exit for `pin`; `None` or an empty PIN turns it off (F10 then does nothing).
    pub fn new(pin: Option<String>) -> Self {
        Self {
            pin: pin.filter(|p| !p.is_empty()),
            presses: Vec::new(),
            f10_at: [None, None],
            held: false,
            opened_by: None,
            entry: None,
            wrong: false,
            failures: 0,
            locked_until: None,
        }
    }

    /// Whole seconds until a PIN can be tried again, or `None` when it can now.
    pub fn locked(&self, now: Instant) -> Option<u64> {
        let left = self.locked_until?.saturating_duration_since(now);
        (!left.is_zero()).then(|| {
            left.as_secs()
                .saturating_add(u64::from(left.subsec_nanos() > 0))
        })
    }

    /// When the lock ends (so the screen can change then), if it is locked.
    pub fn unlock_at(&self, now: Instant) -> Option<Instant> {
        self.locked_until.filter(|&t| t > now)
    }

    /// True when a PIN is set, so the staff exit works.
    pub fn enabled(&self) -> bool {
        self.pin.is_some()
    }

    /// `Some(n)` while the PIN prompt shows, with `n` digits typed.
    pub fn prompt(&self) -> Option<usize> {
        self.entry.as_ref().map(String::len)
    }

    /// Close the PIN prompt without checking (the digits typed and the F10 count are forgotten; wrong-PIN count and lock stay).
    pub fn cancel(&mut self) {
        self.entry = None;
        self.wrong = false;
        self.presses.clear();
        self.forget_f10s();
    }

    /// Another key came between: the F10s before it are not one held key.
    fn forget_f10s(&mut self) {
        self.f10_at = [None, None];
        self.held = false;
        self.opened_by = None;
    }

    /// An F10 at `now`: true when it is a held key's repeat (see
    /// [`StaffExit`]), which counts for nothing and may take back the F10
    /// before it.
    fn f10_repeat(&mut self, now: Instant) -> bool {
        let [before, last] = self.f10_at;
        self.f10_at = [last, Some(now)];
        let Some(last) = last.filter(|&t| now.saturating_duration_since(t) < KEY_REPEAT) else {
            self.held = false;
            return false;
        };
        if !self.held {
            self.held = true;
            let first_repeat =
                before.is_some_and(|b| last.saturating_duration_since(b) < crate::tui::guard::HELD);
            if first_repeat {
                self.take_back(last);
            }
        }
        true
    }

    /// The F10 at `at` was a held key's first repeat: it does not count,
    /// and the prompt it opened closes.
    fn take_back(&mut self, at: Instant) {
        if self.presses.last() == Some(&at) {
            self.presses.pop();
        }
        if self.opened_by.as_ref().is_some_and(|(by, _)| *by == at)
            && let Some((_, before)) = self.opened_by.take()
        {
            self.entry = None;
            self.wrong = false;
            self.presses = before;
        }
    }

    /// Feed one event at time `now`: F10 presses, PIN digits, Enter, Esc. Says whether the event was the staff exit's and whether to end the program.
    pub fn on_event(&mut self, ev: &Event, now: Instant) -> StaffStep {
        if self.pin.is_none() {
            return StaffStep::Pass;
        }
        let Event::Key(KeyEvent {
            code,
            kind: KeyEventKind::Press,
            ..
        }) = ev
        else {
            // While the prompt shows, touches and releases are swallowed.
            return if self.entry.is_some() {
                StaffStep::Taken
            } else {
                StaffStep::Pass
            };
        };
        if *code == KeyCode::F(10) {
            if self.f10_repeat(now) {
                return StaffStep::Taken;
            }
        } else {
            self.forget_f10s();
        }
        if let Some(entry) = &mut self.entry {
            self.wrong = false;
            match code {
                KeyCode::Char(c @ '0'..='9') if entry.len() < PIN_MAX => entry.push(*c),
                KeyCode::Backspace => {
                    entry.pop();
                }
                KeyCode::Enter => {
                    let locked = self.locked_until.is_some_and(|t| now < t);
                    if !locked && self.pin.as_deref() == Some(entry.as_str()) {
                        self.entry = None;
                        self.failures = 0;
                        self.locked_until = None;
                        return StaffStep::Exit;
                    }
                    entry.clear();
                    if !locked {
                        // A try while locked is not checked, and not counted.
                        self.failures = self.failures.saturating_add(1);
                        let wait = lock_for(self.failures);
                        self.locked_until =
                            (!wait.is_zero()).then(|| now.checked_add(wait)).flatten();
                    }
                    self.wrong = true;
                }
                KeyCode::Esc => self.cancel(),
                _ => {}
            }
            return StaffStep::Taken;
        }
        if *code != KeyCode::F(10) {
            self.presses.clear();
            return StaffStep::Pass;
        }
        self.presses
            .retain(|&t| now.saturating_duration_since(t) < STAFF_WINDOW);
        self.presses.push(now);
        if self.presses.len() >= STAFF_PRESSES {
            let mut before = std::mem::take(&mut self.presses);
            before.pop();
            self.opened_by = Some((now, before));
            self.entry = Some(String::new());
        }
        StaffStep::Taken
    }
}
