//! Issue 12's "Done when", for the screens and front ends the other walks
//! leave out. The walks themselves:
//!
//! - `present::speech_says_every_block_and_every_choice_of_every_screen`:
//!   every screen of the practice flow (list, call, help card, confirm
//!   dialogs, replay, quick questions, quick check) with keys and by touch;
//! - `group::group_speech_says_every_block_of_every_group_screen`: plan,
//!   call, tally, reveal, quick checks, notes, help card and stop question;
//! - here: the kiosk's own screens (the invitation, "Are you still there?")
//!   as the kiosk really says them, and plain mode's speech of every screen.
//!
//! Touch: `present::every_kiosk_action_has_a_touch_block_at_least_three_rows_tall`
//! (80x24 and 120x33: at 40x12 the list's rows are one row tall), and here
//! the invitation's and the idle warning's blocks (40x12 too). Footers: `present::every_footer_is_made_of_its_screens_commands`,
//! `group::every_group_footer_is_made_of_its_screens_commands`, and here
//! the kiosk's. Imports: `layers`.

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use hangup::i18n::{self, Language};
use hangup::kiosk::{Kiosk, Settings, Stage};
use hangup::present::{Screen, screens};
use hangup::speech::{Hands, Speaker, Voice, numbers_aloud, spoken};
use hangup::stats::Store;
use hangup::tui::app::{App, Mode};

use super::common::{render, tiny_library};
use super::present::{options, some_calls, states};

/// Every block and command label of `s` is in `said` (numbers as speech
/// reads them); `blocks_only`: the command labels may be left out (plain
/// mode's voice, which also leaves out what plain mode does not print).
fn covers(s: &Screen, said: &str, blocks_only: bool) {
    let texts: Vec<&str> = if blocks_only {
        // Typed answers (plain mode): the lines for a full-screen keyboard
        // are neither printed nor said.
        s.blocks
            .iter()
            .filter(|b| !b.keyboard_only())
            .map(|b| b.text.as_str())
            .collect()
    } else {
        s.texts().collect()
    };
    assert!(!texts.is_empty(), "{:?}: nothing to say", s.title);
    super::common::assert_said(s, said, texts);
    assert!(said.contains(&numbers_aloud(s.title.trim().trim_end_matches('.'))));
}

fn settings() -> Settings {
    Settings {
        idle_timeout: Duration::from_secs(120),
        idle_warning: Duration::from_secs(30),
        pin: None,
    }
}

/// A kiosk in `language`, speaking through a program that says nothing
/// (`true`), so what it was asked to say can be read back.
fn kiosk(language: Language) -> Kiosk {
    i18n::set_current(language);
    let mut k = Kiosk::new(
        tiny_library(),
        options(Mode::Kiosk),
        settings(),
        Store::in_memory(),
    );
    k.speaker = Some(Speaker::new("true"));
    k
}

fn said(k: &Kiosk) -> String {
    k.speaker
        .as_ref()
        .map(|s| s.last().to_string())
        .unwrap_or_default()
}

fn draw(k: &Kiosk, w: u16, h: u16) -> String {
    crate::common::screen_text(k, w, h)
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

/// A finger down and up at (column, row), a second after `now`.
fn touch(k: &mut Kiosk, now: &mut Instant, column: u16, row: u16) {
    *now += Duration::from_secs(1);
    k.handle(
        &mouse(MouseEventKind::Down(MouseButton::Left), column, row),
        *now,
    );
    *now += Duration::from_millis(80);
    k.handle(
        &mouse(MouseEventKind::Up(MouseButton::Left), column, row),
        *now,
    );
}

/// Where `text` last shows on a drawn screen (the lowest row): (column, row).
fn find(screen: &str, text: &str) -> Option<(u16, u16)> {
    let lines: Vec<&str> = screen.lines().collect();
    lines.iter().enumerate().rev().find_map(|(row, line)| {
        let line = line.trim_matches('"');
        let at = line.find(text)?;
        Some((line[..at].chars().count() as u16, row as u16))
    })
}

/// Let the kiosk's idle timer run until "Are you still there?" shows.
fn until_warned(k: &mut Kiosk, now: &mut Instant) {
    for _ in 0..10 {
        if k.warning.is_some() {
            return;
        }
        let Some(at) = k.next_deadline(*now) else {
            break;
        };
        *now = at;
        if k.tick(*now) {
            k.say();
        }
    }
    assert!(k.warning.is_some(), "no warning");
}

#[test]
fn the_kiosk_says_all_of_its_own_screens() {
    for language in [Language::EnGb, Language::Cy] {
        let mut k = kiosk(language);
        let mut now = Instant::now();
        // The invitation, as `--speak` says it.
        k.say();
        let invitation = k.model().expect("the invitation");
        covers(&invitation, &said(&k), false);
        // Everything drawn on it is in the model (a tall window shows it all).
        let shown = draw(&k, 120, 33);
        for b in &invitation.blocks {
            let first = b
                .text
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(shown.contains(&first), "{first:?} not drawn:\n{shown}");
        }
        // A visit: the visitor's first screen is said ...
        touch(&mut k, &mut now, 0, 0);
        assert_eq!(k.stage, Stage::Visiting);
        k.say();
        let offer = k.model().expect("the visitor's screen");
        assert_eq!(offer, screens::screen(&k.app.flow));
        covers(&offer, &said(&k), false);
        // ... then left alone: "Are you still there?" is said once, whole.
        until_warned(&mut k, &mut now);
        let warning = k.model().expect("the warning");
        let first = said(&k);
        covers(&warning, &first, false);
        // The countdown moves on; speech does not say it again each second.
        let next = k.next_deadline(now).expect("the countdown");
        now = next;
        assert!(k.tick(now));
        k.say();
        assert_ne!(k.model(), Some(warning), "the countdown moved");
        assert_eq!(said(&k), first);
    }
    i18n::set_current(Language::EnGb);
}

#[test]
fn the_kiosk_s_own_screens_are_touched_on_blocks_three_rows_tall() {
    i18n::set_current(Language::EnGb);
    for (w, h) in [(80u16, 24u16), (120, 33), (40, 12)] {
        // The invitation: each row of the "Cymraeg" block starts a visit in
        // Cymraeg (so the block is at least 3 rows tall) ...
        let shown = draw(&kiosk(Language::EnGb), w, h);
        let (col, row) = find(&shown, "Cymraeg").expect("the Cymraeg block");
        let (col2, row2) = find(&shown, "English").expect("the English block");
        assert_eq!(row, row2, "{w}x{h}: side by side\n{shown}");
        for (c, r, want) in [(col, row, Language::Cy), (col2, row2, Language::EnGb)] {
            for dy in [-1i32, 0, 1] {
                let mut k = kiosk(Language::EnGb);
                let mut now = Instant::now();
                draw(&k, w, h);
                let y = u16::try_from(i32::from(r) + dy).expect("on screen");
                touch(&mut k, &mut now, c + 1, y);
                assert_eq!(k.stage, Stage::Visiting, "{w}x{h} row {y}");
                assert_eq!(i18n::current(), want, "{w}x{h}: row {y} of {want:?}");
                i18n::set_current(Language::EnGb);
            }
        }
        // ... and a touch anywhere else starts one in the kiosk's language.
        let mut k = kiosk(Language::EnGb);
        let mut now = Instant::now();
        draw(&k, w, h);
        touch(&mut k, &mut now, w / 2, 1);
        assert_eq!(k.stage, Stage::Visiting);
        assert_eq!(i18n::current(), Language::EnGb);
        // "Are you still there?": a touch anywhere carries on (the whole
        // screen is its block), in each corner and the middle.
        for (x, y) in [
            (0, 0),
            (w - 1, 0),
            (0, h - 1),
            (w - 1, h - 1),
            (w / 2, h / 2),
        ] {
            until_warned(&mut k, &mut now);
            draw(&k, w, h);
            touch(&mut k, &mut now, x, y);
            assert!(k.warning.is_none(), "{w}x{h}: ({x}, {y}) did not carry on");
            assert_eq!(k.stage, Stage::Visiting, "{w}x{h}: the visit goes on");
        }
    }
}

#[test]
fn plain_speech_says_every_block_of_every_screen() {
    // Plain mode (`--plain --speak`) says each screen through its voice's
    // `words`: every block, and the numbered choices (the letters are on
    // the help card, and one line says how to get it).
    let voice = Speaker::new("true");
    let mut seen = 0;
    for f in states(&some_calls(), Mode::Practice) {
        let s = screens::screen(&f);
        let said = voice.words(&s);
        assert_eq!(said, spoken(&s, Hands::Typed));
        covers(&s, &said, true);
        for c in s.choices() {
            let want = numbers_aloud(c.label.trim().trim_end_matches('.'));
            assert!(
                said.contains(&want),
                "{:?}: {want:?} not in {said:?}",
                s.title
            );
        }
        seen += 1;
    }
    assert!(seen > 50, "{seen} screens");
}

#[test]
fn every_kiosk_footer_is_made_of_its_screens_commands() {
    let mut checked = 0;
    for f in states(&some_calls(), Mode::Kiosk) {
        for (w, h) in [(80u16, 24u16), (120, 33), (40, 12)] {
            let app = App {
                flow: f.clone(),
                options: options(Mode::Kiosk),
                targets: Default::default(),
                size: Default::default(),
            };
            let text = render(&app, w, h).backend().to_string();
            let last = text.lines().last().unwrap_or_default().trim_matches('"');
            let s = screens::screen(&app.flow);
            // No key names on a touch screen: what to touch, from the model.
            assert_eq!(
                last.trim(),
                s.touch_footer(),
                "{w}x{h} {:?}:\n{text}",
                s.title
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn the_kiosk_s_own_screens_speak_to_touch_not_keys() {
    // The trial: "Press any key" and "press c for Cymraeg" on a kiosk that
    // visitors use by touch.
    for language in [Language::EnGb, Language::Cy] {
        i18n::set_current(language);
        for s in [
            hangup::present::kiosk::invitation(),
            hangup::present::kiosk::still_there(30),
        ] {
            for t in s.texts().chain([s.title.as_str()]) {
                let t = t.to_lowercase();
                assert!(
                    !t.contains("press") && !t.contains("pwyswch") && !t.contains("key"),
                    "{language:?}: {t:?}"
                );
            }
            let words = [s.title.as_str()]
                .into_iter()
                .chain(s.texts())
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            assert!(
                words.contains("touch") || words.contains("cyffyrdd"),
                "{language:?}: {words}"
            );
        }
    }
    i18n::set_current(Language::EnGb);
}
