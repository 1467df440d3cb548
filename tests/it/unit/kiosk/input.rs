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

#[test]
fn f10_three_times_then_the_pin_exits() {
    let t0 = Instant::now();
    let mut s = staff("2468");
    let f10 = KeyCode::F(10);
    type_keys(&mut s, &[f10, f10, f10], t0);
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
    let f10 = KeyCode::F(10);
    type_keys(&mut s, &[f10, f10, f10], t0);
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
