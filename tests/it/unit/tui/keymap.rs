//! Unit tests of `hangup::tui::keymap` (were in src/tui/keymap.rs).

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use hangup::tui::app::Action;
use hangup::tui::keymap::*;

fn key(code: KeyCode, kind: KeyEventKind) -> Event {
    Event::Key(KeyEvent::new_with_kind(code, KeyModifiers::NONE, kind))
}

#[test]
fn only_presses_count() {
    assert_eq!(
        action_for(&key(KeyCode::Char('2'), KeyEventKind::Press)),
        Some(Action::Pick(1))
    );
    assert_eq!(
        action_for(&key(KeyCode::Char('2'), KeyEventKind::Release)),
        None
    );
    assert_eq!(action_for(&key(KeyCode::Enter, KeyEventKind::Repeat)), None);
}

#[test]
fn ctrl_c_is_a_key_not_a_signal() {
    let ev = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(action_for(&ev), Some(Action::ForceQuit));
}
