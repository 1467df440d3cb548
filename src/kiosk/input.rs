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
#[derive(Debug, Clone)]
pub struct StaffExit {
    pin: Option<String>,
    presses: Vec<Instant>,
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
    }

    /// Feed one event at time `now`: F10 presses, PIN digits, Enter, Esc. Says whether the event was the staff exit's and whether to end the program.
    pub fn on_event(&mut self, ev: &Event, now: Instant) -> StaffStep {
        let Some(pin) = &self.pin else {
            return StaffStep::Pass;
        };
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
        if let Some(entry) = &mut self.entry {
            self.wrong = false;
            match code {
                KeyCode::Char(c @ '0'..='9') if entry.len() < PIN_MAX => entry.push(*c),
                KeyCode::Backspace => {
                    entry.pop();
                }
                KeyCode::Enter => {
                    let locked = self.locked_until.is_some_and(|t| now < t);
                    if !locked && entry == pin {
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
            self.presses.clear();
            self.entry = Some(String::new());
        }
        StaffStep::Taken
    }
}
