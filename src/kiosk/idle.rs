//! The kiosk's idle timer, with no clock of its own: every method is given
//! `now`, so tests drive it with made-up instants and never sleep.
//!
//! Two tiers: after `timeout` with no input a warning with a countdown shows;
//! after a further `warning` the visitor's session is dropped. While disarmed
//! (the attract screen) there is no deadline at all, so the loop can block.

use std::time::{Duration, Instant};

/// What the idle timer says about the screen right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleState {
    /// Nothing to do: disarmed, or the visitor was active recently.
    Active,
    /// "Are you still there?": whole seconds left before the reset (never 0).
    Warning {
        /// Whole seconds until the reset, rounded up (at least 1).
        seconds_left: u64,
    },
    /// Time is up: discard the visitor's session.
    Expired,
}

/// The two-tier idle timer (see the module docs): armed while a visitor is
/// using the kiosk, given the time on every call.
#[derive(Debug, Clone)]
pub struct Idle {
    timeout: Duration,
    warning: Duration,
    /// Last input, or `None` while disarmed.
    last_input: Option<Instant>,
}

impl Idle {
    /// A disarmed timer. `timeout` and `warning` are clamped to at least a second.
    pub fn new(timeout: Duration, warning: Duration) -> Self {
        let second = Duration::from_secs(1);
        Self {
            timeout: timeout.max(second),
            warning: warning.max(second),
            last_input: None,
        }
    }

    /// How long "Are you still there?" shows, in whole seconds.
    pub fn warning_secs(&self) -> u64 {
        self.warning.as_secs()
    }

    /// Start counting from `now` (a visitor has arrived).
    pub fn arm(&mut self, now: Instant) {
        self.last_input = Some(now);
    }

    /// Stop counting (back to the attract screen).
    pub fn disarm(&mut self) {
        self.last_input = None;
    }

    /// True while counting (a visitor is using the kiosk).
    pub fn is_armed(&self) -> bool {
        self.last_input.is_some()
    }

    /// `None` while disarmed, or when the time is too far away to be written
    /// down (a huge setting): then it never comes. No arithmetic can overflow.
    fn warn_at(&self) -> Option<Instant> {
        self.last_input.and_then(|t| t.checked_add(self.timeout))
    }

    fn expire_at(&self) -> Option<Instant> {
        self.warn_at().and_then(|t| t.checked_add(self.warning))
    }

    /// The state at `now`, without changing anything.
    pub fn state(&self, now: Instant) -> IdleState {
        let (Some(warn_at), Some(expire_at)) = (self.warn_at(), self.expire_at()) else {
            return IdleState::Active;
        };
        if now < warn_at {
            IdleState::Active
        } else if now < expire_at {
            let left = expire_at.saturating_duration_since(now);
            // Round up: the countdown shows 30 at the start and 1 in the last second.
            let secs = left
                .as_secs()
                .saturating_add(u64::from(left.subsec_nanos() > 0));
            IdleState::Warning {
                seconds_left: secs.max(1),
            }
        } else {
            IdleState::Expired
        }
    }

    /// Input arrived. Returns the state it interrupted: `Warning` means the
    /// input only dismisses the warning and must not also be acted on;
    /// `Expired` means the session should already have ended.
    pub fn on_input(&mut self, now: Instant) -> IdleState {
        let before = self.state(now);
        if self.is_armed() && before != IdleState::Expired {
            self.last_input = Some(now);
        }
        before
    }

    /// A deadline passed (or the loop woke for any reason): the state now.
    /// After `Expired` the timer disarms itself.
    pub fn on_tick(&mut self, now: Instant) -> IdleState {
        let s = self.state(now);
        if s == IdleState::Expired {
            self.disarm();
        }
        s
    }

    /// When the loop must next wake, strictly after `now`; `None` to block
    /// until input. While the warning shows this is the next whole second of
    /// the countdown, so the loop wakes once a second and no more.
    pub fn next_deadline(&self, now: Instant) -> Option<Instant> {
        let warn_at = self.warn_at()?;
        let expire_at = self.expire_at()?;
        if now < warn_at {
            return Some(warn_at);
        }
        if now >= expire_at {
            // Already due: wake at once so `on_tick` can end the session.
            return Some(now);
        }
        let into = now
            .saturating_duration_since(warn_at)
            .as_secs()
            .saturating_add(1);
        let next = warn_at
            .checked_add(Duration::from_secs(into))
            .unwrap_or(expire_at);
        Some(next.min(expire_at))
    }
}
