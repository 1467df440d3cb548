//! Unit tests of `hangup::kiosk::input` (were in src/kiosk/input.rs).

use crossterm::event::{Event, KeyCode, KeyEvent, MouseButton, MouseEventKind};
use crossterm::event::{KeyModifiers, MouseEvent};
use hangup::kiosk::input::*;
use std::time::{Duration, Instant};

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn tap(column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

#[test]
fn identical_presses_within_300ms_count_once() {
    let t0 = Instant::now();
    let mut d = Debounce::default();
    assert!(d.accept(&key(KeyCode::Char('1')), t0));
    assert!(!d.accept(&key(KeyCode::Char('1')), t0 + ms(120)));
    assert!(!d.accept(&key(KeyCode::Char('1')), t0 + ms(299)));
    assert!(d.accept(&key(KeyCode::Char('1')), t0 + ms(300)));
    // A different key is never held back.
    assert!(d.accept(&key(KeyCode::Char('2')), t0 + ms(310)));
    assert!(d.accept(&key(KeyCode::Char('1')), t0 + ms(320)));
}

#[test]
fn a_shaky_double_tap_counts_once() {
    let t0 = Instant::now();
    let mut d = Debounce::default();
    assert!(d.accept(&tap(10, 5), t0));
    assert!(!d.accept(&tap(11, 5), t0 + ms(150)));
    assert!(!d.accept(&tap(10, 6), t0 + ms(200)));
    // Somewhere else on the screen is a different press.
    assert!(d.accept(&tap(10, 12), t0 + ms(210)));
    assert!(d.accept(&tap(10, 5), t0 + ms(900)));
}

#[test]
fn releases_pass_and_do_not_reset_the_filter() {
    let t0 = Instant::now();
    let mut d = Debounce::default();
    let release = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Up(MouseButton::Left),
        column: 10,
        row: 5,
        modifiers: KeyModifiers::NONE,
    });
    assert!(d.accept(&tap(10, 5), t0));
    assert!(d.accept(&release, t0 + ms(50)));
    assert!(!d.accept(&tap(10, 5), t0 + ms(100)));
}

fn staff(pin: &str) -> StaffExit {
    StaffExit::new(Some(pin.to_string()))
}

fn type_keys(s: &mut StaffExit, keys: &[KeyCode], t: Instant) -> Vec<StaffStep> {
    keys.iter().map(|k| s.on_event(&key(*k), t)).collect()
}

/// F10 three times, 0.3 s apart from `t` (presses at one instant would be
/// a held key's repeats); the time of the last.
fn f10_three(s: &mut StaffExit, t: Instant) -> Instant {
    for i in 0..3 {
        s.on_event(&key(KeyCode::F(10)), t + ms(300 * i));
    }
    t + ms(600)
}

#[test]
fn f10_three_times_then_the_pin_exits() {
    let t0 = Instant::now();
    let mut s = staff("2468");
    let t0 = f10_three(&mut s, t0);
    assert_eq!(s.prompt(), Some(0));
    let steps = type_keys(
        &mut s,
        &[
            KeyCode::Char('2'),
            KeyCode::Char('4'),
            KeyCode::Char('6'),
            KeyCode::Char('8'),
            KeyCode::Enter,
        ],
        t0,
    );
    assert_eq!(steps.last(), Some(&StaffStep::Exit));
}

#[test]
fn wrong_pin_does_not_exit_and_esc_leaves_the_prompt() {
    let t0 = Instant::now();
    let mut s = staff("2468");
    let t0 = f10_three(&mut s, t0);
    let steps = type_keys(&mut s, &[KeyCode::Char('1'), KeyCode::Enter], t0);
    assert!(!steps.contains(&StaffStep::Exit));
    assert!(s.wrong);
    assert_eq!(s.prompt(), Some(0));
    assert_eq!(s.on_event(&key(KeyCode::Esc), t0), StaffStep::Taken);
    assert_eq!(s.prompt(), None);
    // Back to normal: ordinary keys pass through again.
    assert_eq!(s.on_event(&key(KeyCode::Char('1')), t0), StaffStep::Pass);
}

#[test]
fn f10_presses_must_be_close_together_and_uninterrupted() {
    let t0 = Instant::now();
    let mut s = staff("2468");
    let f10 = key(KeyCode::F(10));
    s.on_event(&f10, t0);
    s.on_event(&f10, t0 + ms(1000));
    s.on_event(&f10, t0 + ms(5000));
    assert_eq!(s.prompt(), None);
    s.on_event(&f10, t0 + ms(5100));
    s.on_event(&key(KeyCode::Char('x')), t0 + ms(5200));
    s.on_event(&f10, t0 + ms(5300));
    assert_eq!(s.prompt(), None);
}

#[test]
fn no_pin_means_no_staff_exit() {
    let t0 = Instant::now();
    let mut s = StaffExit::new(None);
    let f10 = key(KeyCode::F(10));
    for _ in 0..5 {
        assert_eq!(s.on_event(&f10, t0), StaffStep::Pass);
    }
    assert_eq!(s.prompt(), None);
    assert!(!StaffExit::new(Some(String::new())).enabled());
}

#[test]
fn a_held_f10_counts_once_and_fast_presses_all_count() {
    let f10 = key(KeyCode::F(10));
    // Presses 0.15 s apart: three presses.
    let t0 = Instant::now();
    let mut s = staff("2468");
    for i in 0..3 {
        assert_eq!(s.on_event(&f10, t0 + ms(150 * i)), StaffStep::Taken);
    }
    assert_eq!(s.prompt(), Some(0));
    // Held: a press, the first repeat 0.25 s later, then 30 a second.
    let held = |s: &mut StaffExit, at: Instant, repeats: u64| {
        s.on_event(&f10, at);
        for i in 0..repeats {
            s.on_event(&f10, at + ms(250 + 33 * i));
        }
        at + ms(250 + 33 * repeats)
    };
    let mut s = staff("2468");
    let end = held(&mut s, t0, 40);
    assert_eq!(s.prompt(), None, "one long hold");
    // A press and then a hold: the first repeat opens the prompt for a
    // moment, the next shows it was a held key and closes it again.
    let mut s = staff("2468");
    s.on_event(&f10, t0);
    s.on_event(&f10, t0 + ms(300));
    s.on_event(&f10, t0 + ms(550));
    assert_eq!(s.prompt(), Some(0));
    s.on_event(&f10, t0 + ms(583));
    assert_eq!(s.prompt(), None, "closed again");
    // The two real presses still count: one more opens it.
    s.on_event(&f10, t0 + ms(900));
    assert_eq!(s.prompt(), Some(0));
    // A third press held a little long keeps the prompt it opened.
    let mut s = staff("2468");
    s.on_event(&f10, end);
    s.on_event(&f10, end + ms(300));
    held(&mut s, end + ms(600), 5);
    assert_eq!(s.prompt(), Some(0));
    // Another key between: not one held key.
    let mut s = staff("2468");
    s.on_event(&f10, t0);
    s.on_event(&key(KeyCode::Char('x')), t0 + ms(200));
    s.on_event(&f10, t0 + ms(250));
    s.on_event(&f10, t0 + ms(500));
    s.on_event(&f10, t0 + ms(800));
    assert_eq!(s.prompt(), Some(0));
}
