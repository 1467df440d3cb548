//! `--large`: big letters for the caller's words and the key messages when
//! they fit, and exactly the normal screen when they do not.

use crate::common;

use crate::harness::{each_case, pairs};
use common::*;
use crossterm::event::KeyCode;
use hangup::engine::Phase;
use hangup::tui::app::{App, Target};
use hangup::tui::theme::ThemeName;
use ratatui::style::{Color, Modifier};

/// The big-letter block characters tui-big-text draws with.
fn has_big_letters(text: &str) -> bool {
    text.contains('█') || text.contains('▀') || text.contains('▄') || text.contains('▟')
}

fn large(theme: ThemeName) -> App {
    let mut a = app_with(tiny_library(), theme);
    a.options.large = true;
    a
}

/// Drive an app to a screen of the tiny fixture (as `tests/it/tui.rs` does).
fn drive(mut a: App, screen: &str) -> App {
    let steps: &[char] = match screen {
        "incoming" => &['1'],
        "deciding" => &['1', '1'],
        "feedback" => &['1', '1', 'X'],
        "feedback-safer" => &['1', '1', 'H'],
        "ending" => &['1', '1', 'X', '\n', 'P', '\n'],
        "ending-safe" => &['1', '1', 'H', '\n'],
        _ => unreachable!(),
    };
    for &c in steps {
        let ev = match c {
            '\n' => key(KeyCode::Enter),
            // Choose by text, since the choice order is shuffled by the seed.
            'X' | 'P' | 'H' => {
                let want = match c {
                    'X' => "Ask what",
                    'P' => "Read out",
                    _ => "Hang up",
                };
                let s = a.session().expect("in a call");
                let Phase::Deciding { step } = s.phase() else {
                    panic!("not deciding")
                };
                let n = s
                    .step(step)
                    .choices
                    .iter()
                    .position(|x| x.text.starts_with(want));
                ch(char::from(b'1' + n.expect("choice") as u8))
            }
            c => ch(c),
        };
        send(&mut a, ev, 80, 24);
    }
    a
}

#[test]
fn large_print_snapshots() {
    let screens = [
        "incoming",
        "deciding",
        "feedback",
        "feedback-safer",
        "ending",
        "ending-safe",
    ];
    let sizes = [(80, 24), (120, 40), (40, 12)];
    each_case(
        pairs(&screens, &sizes),
        |(screen, size): (&str, (u16, u16))| {
            let a = drive(large(ThemeName::Default), screen);
            let text = screen_text(&a, size.0, size.1);
            insta::assert_snapshot!(format!("large_{screen}_{}x{}", size.0, size.1), text);
        },
    );
}

/// Where big letters do not fit, large print is the normal screen in bold
/// (choices, feedback and advice), with the advice first on the ending.
#[test]
fn too_small_for_big_letters_is_the_normal_screen_in_bold() {
    let screens = ["incoming", "deciding", "feedback", "ending"];
    let sizes = [(40, 12), (50, 14), (100, 13)];
    each_case(
        pairs(&screens, &sizes),
        |(screen, size): (&str, (u16, u16))| {
            let big = drive(large(ThemeName::Default), screen);
            let normal = drive(app(), screen);
            let (w, h) = size;
            let big_text = screen_text(&big, w, h);
            assert!(!has_big_letters(&big_text), "{big_text}");
            let (b, n) = (render(&big, w, h), render(&normal, w, h));
            let (b, n) = (b.backend().buffer(), n.backend().buffer());
            if screen == "ending" {
                let advice = big_text.find("What to do").expect("the advice shows");
                assert!(
                    big_text.find("What happened").is_none_or(|h| h > advice),
                    "the advice comes first: {big_text}"
                );
                return;
            }
            if w > 80 {
                // Wider than 80 the normal screen keeps a readable column (big
                // letters keep the whole width): the same words, wrapped apart.
                let words = |t: &str| {
                    t.split(|c: char| c.is_whitespace() || c == '"' || c == '─')
                        .filter(|w| !w.is_empty())
                        .map(String::from)
                        .collect::<Vec<_>>()
                };
                assert_eq!(
                    words(&big_text),
                    words(&screen_text(&normal, w, h)),
                    "the same words"
                );
                return;
            }
            assert_eq!(big_text, screen_text(&normal, w, h), "the same words");
            let bold = ratatui::style::Modifier::BOLD;
            let mut bolder = 0;
            for (bc, nc) in b.content.iter().zip(n.content.iter()) {
                assert!(
                    !nc.modifier.contains(bold) || bc.modifier.contains(bold),
                    "large print lost bold"
                );
                bolder += usize::from(bc.modifier.contains(bold) && !nc.modifier.contains(bold));
            }
            if screen != "incoming" {
                assert!(bolder > 0, "{screen}: nothing is bolder in large print");
            }
        },
    );
}

#[test]
fn the_key_messages_are_big_at_80x24() {
    let feedback = screen_text(&drive(large(ThemeName::Default), "feedback"), 80, 24);
    assert!(has_big_letters(&feedback), "{feedback}");
    // The verdict's line is replaced by the big words, not said twice.
    assert!(!feedback.contains("Risky choice."), "{feedback}");
    assert!(
        feedback.contains("You chose: Ask what they want."),
        "{feedback}"
    );

    let incoming = screen_text(&drive(large(ThemeName::Default), "incoming"), 80, 24);
    assert!(has_big_letters(&incoming), "{incoming}");
    assert!(!incoming.contains("Your phone is ringing."), "{incoming}");
    assert!(incoming.contains("Caller ID shows"), "{incoming}");

    let ending = screen_text(&drive(large(ThemeName::Default), "ending"), 80, 24);
    assert!(has_big_letters(&ending), "{ending}");
    assert!(ending.contains("The call has ended."), "{ending}");
    assert!(
        !ending.contains("The caller got what they wanted"),
        "{ending}"
    );
}

#[test]
fn without_large_there_are_no_big_letters() {
    for screen in ["incoming", "deciding", "feedback", "ending"] {
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let text = screen_text(&drive(app(), screen), w, h);
            assert!(!has_big_letters(&text), "{screen} {w}x{h}: {text}");
        }
    }
}

#[test]
fn the_callers_words_are_big_when_the_window_is_big_enough() {
    let a = drive(large(ThemeName::Default), "deciding");
    // 81 characters: too many for 80x24, room enough at 120x40.
    let small = screen_text(&a, 80, 24);
    assert!(small.contains("\"Hello, this is"), "{small}");
    let big = screen_text(&a, 120, 40);
    assert!(!big.contains("Hello, this is"), "{big}");
    assert!(has_big_letters(&big), "{big}");
    // The choices stay normal numbered rows, and can still be clicked.
    assert!(big.contains("  1  "), "{big}");
    assert!(big.contains("  2  "), "{big}");
    draw(&a, 120, 40);
    let targets = a.targets.borrow().clone();
    assert!(targets.iter().any(|(_, t)| *t == Target::Choice(0)));
    let (rect, _) = *targets
        .iter()
        .find(|(_, t)| *t == Target::Choice(1))
        .expect("choice 2 can be clicked");
    let mut a = a;
    assert!(send(&mut a, click(rect.x + 3, rect.y), 120, 40));
    let s = a.session().expect("in a call");
    assert!(matches!(s.phase(), Phase::Feedback { choice: 1, .. }));
}

#[test]
fn big_letters_keep_the_theme_and_never_use_colour_alone() {
    // Monochrome: no colour anywhere, big letters included.
    let a = drive(large(ThemeName::Monochrome), "feedback");
    let t = render(&a, 120, 40);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    // The big verdict is bold, like its normal line.
    let inked = buf
        .content()
        .iter()
        .find(|c| c.symbol() == "█")
        .expect("big letters");
    assert!(inked.modifier.contains(Modifier::BOLD));

    // High contrast: the risky style's underline would stripe the whole block
    // of big letters, so big letters leave it out; the words still say it.
    let a = drive(large(ThemeName::HighContrast), "feedback");
    let t = render(&a, 120, 40);
    let buf = t.backend().buffer();
    let rows: Vec<u16> = (0..40u16)
        .filter(|&y| (0..120u16).any(|x| buf[(x, y)].symbol() == "█"))
        .collect();
    assert!(!rows.is_empty());
    for &y in &rows {
        for x in 0..120u16 {
            assert!(
                !buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
                "underline at {x},{y}"
            );
        }
    }
}

#[test]
fn the_core_action_is_big_at_the_end_of_a_scam() {
    let a = drive(large(ThemeName::Default), "ending-safe");
    let t = render(&a, 120, 40);
    let text = t.backend().to_string();
    // "You stayed safe" and "HANG UP" in big letters, the advice in full below.
    assert!(text.contains("The call has ended."), "{text}");
    assert!(!text.contains("You stayed safe."), "{text}");
    assert!(text.contains("1. Hang up."), "{text}");
    let big_rows = text.lines().filter(|l| l.contains('█')).count();
    assert!(big_rows >= 12, "two blocks of big letters: {text}");
}

#[test]
fn pound_signs_are_drawn_in_big_letters() {
    // The fixture's caller says "£2,400" or "£1,200": £ is in the font, so the
    // words go big rather than falling back.
    let a = drive(large(ThemeName::Default), "deciding");
    let says = a
        .session()
        .and_then(|s| match s.phase() {
            Phase::Deciding { step } => Some(s.step(step).says.clone()),
            _ => None,
        })
        .expect("deciding");
    assert!(says.contains('£'), "{says}");
    let text = screen_text(&a, 120, 40);
    assert!(has_big_letters(&text), "{text}");
}

#[test]
fn every_large_screen_survives_every_size() {
    for screen in [
        "incoming",
        "deciding",
        "feedback",
        "feedback-safer",
        "ending",
        "ending-safe",
    ] {
        let mut a = drive(large(ThemeName::Default), screen);
        for scroll in [0u16, 50] {
            a.scroll = scroll;
            for w in (1u16..=200).step_by(9).chain([39, 40, 41, 80, 120, 200]) {
                // (13 is one of the steps too: drawn once.)
                for h in (1u16..=60).step_by(4).chain([11, 12, 24, 40, 60]) {
                    draw(&a, w, h);
                }
            }
        }
    }
}

#[test]
fn every_choice_stays_on_screen_beside_big_words() {
    // The caller's words only get the room the choices leave, so in every
    // step of every built-in call each choice can still be seen and touched.
    use hangup::tui::app::Action;
    let lib = hangup::engine::Library::builtin();
    let mut big_seen = 0;
    for i in 0..lib.scenarios.len() {
        for last in [false, true] {
            let mut a = app_with(lib.clone(), ThemeName::Default);
            a.options.large = true;
            a.update(Action::Pick(i));
            a.update(Action::Select);
            for _ in 0..64 {
                let Some(s) = a.session() else { break };
                match s.phase() {
                    Phase::Deciding { step } => {
                        let k = s.step(step).choices.len();
                        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
                            let text = screen_text(&a, w, h);
                            big_seen += usize::from(has_big_letters(&text));
                            let shown = a
                                .targets
                                .borrow()
                                .iter()
                                .filter(|(_, t)| matches!(t, Target::Choice(_)))
                                .count();
                            assert_eq!(shown, k, "scenario {i} at {w}x{h}: {text}");
                        }
                        a.update(Action::Pick(if last { k - 1 } else { 0 }));
                    }
                    Phase::Feedback { .. } | Phase::Incoming => {
                        a.update(Action::Select);
                    }
                    Phase::Ended { .. } => break,
                }
            }
        }
    }
    assert!(big_seen > 20, "big words were drawn ({big_seen} screens)");
}
