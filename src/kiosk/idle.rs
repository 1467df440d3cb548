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

#[cfg(test)]
mod tests {
    use super::*;

    fn s(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn disarmed_has_no_deadline() {
        let t0 = Instant::now();
        let idle = Idle::new(s(120), s(30));
        assert_eq!(idle.next_deadline(t0), None);
        assert_eq!(idle.state(t0 + s(10_000)), IdleState::Active);
    }

    #[test]
    fn warns_counts_down_then_expires() {
        let t0 = Instant::now();
        let mut idle = Idle::new(s(120), s(30));
        idle.arm(t0);
        assert_eq!(idle.next_deadline(t0), Some(t0 + s(120)));
        assert_eq!(idle.on_tick(t0 + s(119)), IdleState::Active);
        assert_eq!(
            idle.on_tick(t0 + s(120)),
            IdleState::Warning { seconds_left: 30 }
        );
        assert_eq!(idle.next_deadline(t0 + s(120)), Some(t0 + s(121)));
        assert_eq!(
            idle.on_tick(t0 + s(121)),
            IdleState::Warning { seconds_left: 29 }
        );
        // Woken a little early or late, the countdown still shows whole seconds.
        assert_eq!(
            idle.state(t0 + s(121) + ms(999)),
            IdleState::Warning { seconds_left: 29 }
        );
        assert_eq!(idle.next_deadline(t0 + s(121) + ms(10)), Some(t0 + s(122)));
        assert_eq!(
            idle.on_tick(t0 + s(149) + ms(500)),
            IdleState::Warning { seconds_left: 1 }
        );
        assert_eq!(idle.next_deadline(t0 + s(149) + ms(500)), Some(t0 + s(150)));
        assert_eq!(idle.on_tick(t0 + s(150)), IdleState::Expired);
        assert!(!idle.is_armed());
        assert_eq!(idle.next_deadline(t0 + s(150)), None);
    }

    #[test]
    fn input_pushes_the_deadline_back() {
        let t0 = Instant::now();
        let mut idle = Idle::new(s(120), s(30));
        idle.arm(t0);
        assert_eq!(idle.on_input(t0 + s(100)), IdleState::Active);
        assert_eq!(idle.next_deadline(t0 + s(100)), Some(t0 + s(220)));
        assert_eq!(idle.on_tick(t0 + s(150)), IdleState::Active);
    }

    #[test]
    fn input_during_warning_is_reported_so_it_is_not_acted_on() {
        let t0 = Instant::now();
        let mut idle = Idle::new(s(3), s(3));
        idle.arm(t0);
        assert_eq!(
            idle.on_tick(t0 + s(4)),
            IdleState::Warning { seconds_left: 2 }
        );
        assert_eq!(
            idle.on_input(t0 + s(4) + ms(200)),
            IdleState::Warning { seconds_left: 2 }
        );
        // Fully restored: the next warning is a whole timeout away.
        assert_eq!(
            idle.next_deadline(t0 + s(4) + ms(200)),
            Some(t0 + s(7) + ms(200))
        );
        assert_eq!(idle.on_input(t0 + s(5)), IdleState::Active);
    }

    #[test]
    fn input_after_expiry_does_not_revive_the_session() {
        let t0 = Instant::now();
        let mut idle = Idle::new(s(3), s(3));
        idle.arm(t0);
        assert_eq!(idle.on_input(t0 + s(60)), IdleState::Expired);
        assert_eq!(idle.on_tick(t0 + s(60)), IdleState::Expired);
        assert!(!idle.is_armed());
    }

    #[test]
    fn deadlines_always_move_forward_so_the_loop_cannot_spin() {
        let t0 = Instant::now();
        let mut idle = Idle::new(s(2), s(3));
        idle.arm(t0);
        let mut now = t0;
        let mut wakes = 0;
        while let Some(d) = idle.next_deadline(now) {
            assert!(d > now || idle.state(now) == IdleState::Expired);
            now = d;
            idle.on_tick(now);
            wakes += 1;
            assert!(wakes < 10, "too many wake-ups");
        }
        // One wake to warn, one a second of the countdown (3), nothing after.
        assert_eq!(wakes, 4);
        assert_eq!(now, t0 + s(5));
    }

    #[test]
    fn huge_values_never_overflow() {
        let t0 = Instant::now();
        let mut idle = Idle::new(Duration::MAX, Duration::MAX);
        idle.arm(t0);
        assert_eq!(idle.on_input(t0 + s(5)), IdleState::Active);
        assert_eq!(idle.on_tick(t0 + s(1_000_000)), IdleState::Active);
        assert_eq!(idle.next_deadline(t0), None);
        let mut idle = Idle::new(s(10), Duration::MAX);
        idle.arm(t0);
        assert_eq!(idle.next_deadline(t0), None);
        assert_eq!(
            idle.state(t0 + s(11)),
            IdleState::Active,
            "no end can be computed, so no warning either"
        );
    }

    #[test]
    fn tiny_values_are_clamped_to_a_second() {
        let t0 = Instant::now();
        let mut idle = Idle::new(s(0), s(0));
        idle.arm(t0);
        assert_eq!(idle.next_deadline(t0), Some(t0 + s(1)));
    }
}
