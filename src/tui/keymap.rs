//! Keys, clicks and touches → actions. Only key presses count (some terminals
//! also report releases and repeats, which would choose twice).

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::app::Action;

/// The action a terminal event stands for: a key press, a click or touch, or a resize (redraw); `None` for anything else, including key releases and repeats.
pub fn action_for(event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => key_action(key),
        Event::Mouse(mouse) => mouse_action(mouse),
        Event::Resize(..) => Some(Action::Redraw),
        _ => None,
    }
}

/// Ctrl-L: repaint the whole screen.
pub fn is_repaint(event: &Event) -> bool {
    matches!(event, Event::Key(k) if k.kind == KeyEventKind::Press
        && k.modifiers.contains(KeyModifiers::CONTROL)
        && k.code == KeyCode::Char('l'))
}

fn key_action(key: &KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c' | 'd') => Some(Action::ForceQuit),
            KeyCode::Char('l') => Some(Action::Redraw),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Enter | KeyCode::Char(' ') => Action::Select,
        KeyCode::Esc | KeyCode::Backspace => Action::Back,
        KeyCode::Char(c @ '1'..='9') => Action::Pick(c as usize - '1' as usize),
        KeyCode::Char('0') => Action::More,
        KeyCode::Char('?' | 'h' | 'H') | KeyCode::F(1) => Action::Help,
        KeyCode::Char('q' | 'Q') => Action::Quit,
        KeyCode::Char('y' | 'Y') => Action::Yes,
        KeyCode::Char('n' | 'N') => Action::No,
        KeyCode::Char('r' | 'R') => Action::Replay,
        KeyCode::Char('b' | 'B') => Action::Undo,
        KeyCode::Char(c) if c.is_ascii_graphic() => Action::Char(c),
        _ => return None,
    })
}

fn mouse_action(mouse: &MouseEvent) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
            column: mouse.column,
            row: mouse.row,
        }),
        _ => None,
    }
}
