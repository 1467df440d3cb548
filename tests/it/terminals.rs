//! Every terminal: the real binary in a pseudo-terminal (tests/it/ptyterm.rs),
//! its screen read back with colours, and held to the contrast rule.

use crate::ptyterm::{Pty, Setup};
use hangup::tui::theme::contrast::{ratio, xterm256};

const WHITE: (u8, u8, u8) = (255, 255, 255);
const BLACK: (u8, u8, u8) = (0, 0, 0);

fn rgb(c: vt100::Color, default: (u8, u8, u8)) -> (u8, u8, u8) {
    match c {
        vt100::Color::Default => default,
        vt100::Color::Idx(i) => xterm256(i),
        vt100::Color::Rgb(r, g, b) => (r, g, b),
    }
}

/// The worst contrast of any visible character on screen, with where it is,
/// for a terminal whose own colours are `fg` on `bg`.
fn worst_contrast(pty: &Pty, fg: (u8, u8, u8), bg: (u8, u8, u8)) -> (f64, String) {
    pty.with_screen(|s| {
        let (rows, cols) = s.size();
        let mut worst = (21.0, String::new());
        for r in 0..rows.get() {
            for c in 0..cols.get() {
                let Some(cell) = s.cell(r, c) else { continue };
                let text = cell.contents();
                if text.trim().is_empty() {
                    continue;
                }
                let (mut f, mut b) = (rgb(cell.fgcolor(), fg), rgb(cell.bgcolor(), bg));
                if cell.inverse() {
                    std::mem::swap(&mut f, &mut b);
                }
                let q = ratio(f, b);
                if q < worst.0 {
                    worst = (q, format!("{text:?} at row {r} column {c}: {f:?} on {b:?}"));
                }
            }
        }
        worst
    })
}

/// Visit the start screen, a call, its feedback and the help card, checking
/// every character on each against `want`.
fn tour(setup: Setup, fg: (u8, u8, u8), bg: (u8, u8, u8), want: f64) -> Pty {
    let pty = setup.spawn();
    let mut seen = Vec::new();
    let mut look = |pty: &Pty, name: &str| {
        pty.settle();
        let (q, at) = worst_contrast(pty, fg, bg);
        assert!(
            q >= want,
            "{name}: {q:.2}:1 < {want}:1 at {at}\n{}",
            pty.screen()
        );
        seen.push(name.to_string());
    };
    pty.wait_for_first_frame();
    look(&pty, "first screen");
    if pty.screen().contains("A quick check") {
        pty.key("2");
        pty.wait_for_text("Choose a call to practise");
    }
    look(&pty, "start");
    pty.key("?");
    pty.wait_for_text("Numbers to know");
    look(&pty, "help");
    pty.key("Escape");
    pty.wait_for_text("Choose a call to practise");
    pty.key("1");
    pty.settle();
    look(&pty, "call");
    pty.key("Enter");
    pty.settle();
    look(&pty, "call answered");
    pty.key("1");
    pty.settle();
    look(&pty, "after a choice");
    assert_eq!(seen.len(), 6);
    pty
}

#[test]
fn on_a_white_terminal_every_character_reaches_7_to_1() {
    let pty = tour(Setup::new(&[]).background(WHITE), BLACK, WHITE, 7.0);
    assert!(pty.asked().contains(&"OSC 11".to_string()));
}

#[test]
fn on_a_black_terminal_every_character_reaches_7_to_1() {
    tour(Setup::new(&[]).background(BLACK), WHITE, BLACK, 7.0);
}

#[test]
fn theme_light_overrides_what_the_terminal_says() {
    // The terminal says black, the learner says light: the light colours.
    tour(
        Setup::new(&["--theme", "light"]).background(BLACK),
        BLACK,
        WHITE,
        7.0,
    );
}

#[test]
fn colorfgbg_is_used_when_the_terminal_does_not_answer() {
    tour(Setup::new(&[]).env("COLORFGBG", "0;15"), BLACK, WHITE, 7.0);
}

/// A terminal that does not say its background: only its own colours, so
/// whatever they are (white on black or black on white) the text reads.
#[test]
fn an_unknown_background_uses_the_terminals_own_colours() {
    for (fg, bg) in [(BLACK, WHITE), (WHITE, BLACK)] {
        let pty = tour(Setup::new(&[]), fg, bg, 4.5);
        let coloured = pty.with_screen(|s| {
            let (rows, cols) = s.size();
            (0..rows.get())
                .flat_map(|r| (0..cols.get()).map(move |c| (r, c)))
                .filter_map(|(r, c)| s.cell(r, c))
                .any(|cell| {
                    cell.fgcolor() != vt100::Color::Default
                        || cell.bgcolor() != vt100::Color::Default
                })
        });
        assert!(!coloured, "a colour was used on an unknown background");
    }
}

/// Start-up does not wait long for a terminal that answers nothing at all.
#[test]
fn a_silent_terminal_does_not_stall_start_up() {
    let mut setup = Setup::new(&[]);
    setup.answer_da1 = false;
    let start = std::time::Instant::now();
    let pty = setup.spawn();
    pty.wait_for_first_frame();
    let took = start.elapsed();
    assert!(took < std::time::Duration::from_secs(3), "{took:?}");
    // Nothing of the (missing) answer was taken as a key: still the first screen.
    pty.settle();
    let s = pty.screen();
    assert!(
        s.contains("practise spotting phone scams") || s.contains("A quick check"),
        "{s}"
    );
}
