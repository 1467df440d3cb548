//! Unit tests of `hangup::kiosk::idle` (were in src/kiosk/idle.rs).

use hangup::kiosk::idle::*;
use std::time::{Duration, Instant};

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
