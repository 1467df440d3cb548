//! The kiosk's own screens as models: the invitation and "Are you still
//! there?". The visitor's calls are the practice flow's screens
//! ([`super::screens`]); these two belong to the kiosk driver alone. The
//! kiosk draws them (`kiosk::screens`) and speech says them from the same
//! model, so nothing shown goes unsaid.

use super::model::{Cmd, Command, Key, Role, Screen};
use crate::i18n::{Language, tr};

/// The invitation: its words, and the two languages to touch. Any other key
/// or touch starts a visit (the title says so).
pub fn invitation() -> Screen {
    let mut s = Screen::new(tr("kiosk-invitation"));
    s.block(Role::Note, tr("kiosk-only-practice"));
    s.block(Role::Note, tr("kiosk-choose-language"));
    s.command(Command::new(
        Cmd::Language,
        &[Key::Char('c'), Key::Char('w')],
        Language::Cy.own_name(),
    ));
    s.command(Command::new(
        Cmd::Language,
        &[Key::Char('e')],
        Language::EnGb.own_name(),
    ));
    s
}

/// "Are you still there?", with the whole seconds left before the kiosk
/// starts again. Any key or touch carries on (the first block says so).
pub fn still_there(seconds_left: u64) -> Screen {
    let mut s = Screen::new(tr("kiosk-still-there"));
    s.block(Role::Narration, tr("kiosk-press-any"));
    s.block(
        Role::Note,
        crate::tr!("kiosk-starting-again", seconds = seconds_left),
    );
    s
}
