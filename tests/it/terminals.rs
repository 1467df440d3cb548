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
/// every character on each against `want`. (No settle window: colours are
/// the point here, not the input guard.)
fn tour(setup: Setup, fg: (u8, u8, u8), bg: (u8, u8, u8), want: f64) -> Pty {
    let pty = setup.key_pause(0).spawn();
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
        pty.pause();
    };
    pty.wait_for_first_frame();
    look(&pty, "first screen");
    if pty.screen().contains("A quick check") {
        pty.key("2");
        pty.wait_for_text("Choose a call to practise");
        pty.pause();
    }
    look(&pty, "start");
    pty.key("?");
    pty.wait_for_text("Numbers to know");
    look(&pty, "help");
    pty.key("Escape");
    pty.wait_for_text("Choose a call to practise");
    pty.pause();
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

/// A call at its first question, past the settle window.
fn at_question(setup: Setup) -> Pty {
    let pty = setup.spawn();
    pty.wait_for_text("Answer the phone");
    pty.settle();
    pty.key("Enter");
    pty.wait_for_text("What would you do?");
    pty.settle();
    pty.pause();
    pty
}

fn play() -> Setup {
    Setup::new(&["play", "police-courier"])
}

#[test]
fn a_doubled_digit_answers_once() {
    let pty = at_question(play());
    pty.send(b"11");
    pty.wait_for_text("You chose");
    // Until both presses are read and acted on.
    pty.settle();
    assert!(pty.screen().contains("You chose"), "{}", pty.screen());
}

#[test]
fn a_doubled_enter_on_feedback_does_not_answer_the_next_question() {
    let pty = at_question(play());
    pty.key("1");
    pty.wait_for_text("You chose");
    pty.settle();
    pty.pause();
    // Digits do nothing on a feedback screen.
    pty.key("2");
    pty.settle();
    pty.pause();
    assert!(pty.screen().contains("You chose"), "{}", pty.screen());
    // Two quick Enters: the first goes on, the second lands on nothing.
    pty.send(b"\r\r");
    pty.wait_until(std::time::Duration::from_secs(5), "the next screen", |p| {
        !p.screen().contains("You chose")
    });
    // Until both presses are read and acted on.
    pty.settle();
    assert!(!pty.screen().contains("You chose"), "{}", pty.screen());
}

/// An answer and Enter typed together (one read): the answer is taken, and
/// the Enter lands in the settle window of the feedback screen it brought,
/// so the learner still sees that screen (the real window, 400 ms).
#[test]
fn an_enter_right_behind_an_answer_does_not_skip_its_feedback() {
    let pty = at_question(play());
    pty.send(b"2\r");
    pty.settle();
    assert!(pty.screen().contains("You chose"), "{}", pty.screen());
}

/// A held Enter on the last feedback of a call: the call's ending, not the
/// quick questions after it. (No settle window here, so only the held-key
/// rule can stop the repeats: the doubled-key tests above keep the window.)
#[test]
fn a_held_enter_goes_on_once() {
    // Seed 3: the call ends after the second question's choice 2.
    let pty = at_question(Setup::new(&["--seed", "3", "play", "police-courier"]).key_pause(0));
    pty.key("1");
    pty.wait_for_text("You chose");
    pty.pause();
    pty.key("Enter");
    pty.wait_for_text("Step 2");
    pty.pause();
    // "Hang up, then ring 101 on a different phone": the call ends after it.
    pty.key("2");
    pty.wait_for_text("You chose");
    pty.pause();
    // A held key: the first press, then the terminal's repeats for a second.
    for _ in 0..30 {
        pty.key("Enter");
        std::thread::sleep(std::time::Duration::from_millis(33));
    }
    pty.settle();
    let s = pty.screen();
    assert!(s.contains("The call has ended"), "{s}");
    assert!(!s.contains("Quick question 1 of 3"), "{s}");
}

#[test]
fn a_paste_at_a_question_changes_nothing() {
    let pty = at_question(play());
    let before = pty.screen();
    pty.paste("07700 900123\r1\r");
    pty.settle();
    pty.pause();
    assert_eq!(pty.screen(), before);
}

/// The trial: a paste without bracketed-paste markers (the Linux console's
/// mouse paste, `tmux paste-buffer` without -p) arrives as key presses.
/// 500 characters starting "333" chose answer 3; now nothing happens.
#[test]
fn an_unbracketed_paste_at_a_question_changes_nothing() {
    let pty = at_question(play());
    let before = pty.screen();
    let mut text = "3".repeat(250);
    text.push('\r');
    text.push_str(&"3 07700 900123 ".repeat(16));
    text.push('\r');
    pty.send(text.as_bytes());
    pty.settle();
    pty.pause();
    assert!(!pty.screen().contains("You chose"), "{}", pty.screen());
    assert_eq!(pty.screen(), before);
    // One press still answers.
    pty.key("2");
    pty.wait_for_text("You chose");
}

#[test]
fn keys_do_not_act_on_a_covered_screen() {
    let pty = at_question(play());
    pty.resize(30, 8);
    pty.wait_for_text("Please make the window bigger");
    pty.pause();
    pty.key("2");
    pty.key("Enter");
    pty.settle();
    pty.resize(80, 24);
    pty.wait_for_text("What would you do?");
    pty.settle();
    assert!(!pty.screen().contains("You chose"), "{}", pty.screen());
}

#[test]
fn the_cursor_sits_on_the_highlighted_answer() {
    let pty = at_question(play());
    // No answer is highlighted until Down (a doubled Enter picks nothing),
    // and the cursor stays hidden until then.
    assert!(pty.find("> 1").is_none(), "{}", pty.screen());
    assert!(
        !pty.cursor().2,
        "the cursor shows where nothing is highlighted"
    );
    pty.key("Down");
    pty.settle();
    let (row, col, shown) = pty.cursor();
    let (r1, c1) = pty.find("> 1").expect("the highlighted first choice");
    assert!(shown, "the cursor is hidden at a question");
    assert_eq!((row, col), (r1, c1 + 2), "{}", pty.screen());
    pty.key("Down");
    pty.settle();
    let (r2, c2) = pty.find("> 2").expect("the second choice highlighted");
    let (row, col, shown) = pty.cursor();
    assert!(shown);
    assert_eq!((row, col), (r2, c2 + 2));
    pty.pause();
    pty.key("Enter");
    pty.wait_for_text("You chose");
    pty.settle();
    assert!(
        !pty.cursor().2,
        "the cursor shows where nothing is selected"
    );
}

#[test]
fn ctrl_l_clears_stray_text() {
    let pty = Setup::new(&[]).spawn();
    pty.wait_for_first_frame();
    pty.settle();
    pty.stray("\r\n[ 1234.5678] usb 1-1: new device STRAY\r\n");
    pty.wait_for_text("STRAY");
    pty.key("C-l");
    pty.wait_until(std::time::Duration::from_secs(5), "a clean screen", |p| {
        !p.screen().contains("STRAY")
    });
    pty.settle();
    let s = pty.screen();
    assert!(
        s.contains("practise spotting phone scams") || s.contains("A quick check"),
        "{s}"
    );
}

#[test]
fn the_linux_console_gets_only_its_fonts_characters_and_a_clean_start() {
    let pty = Setup::new(&["--large", "play", "police-courier"])
        .term("linux")
        .spawn();
    pty.wait_for_text("Answer the phone");
    pty.settle();
    // The screen was cleared at start.
    assert!(crate::ptyterm::contains(&pty.raw(), b"\x1b[2J"));
    // Not asked: the console does not answer colour queries.
    assert!(pty.asked().is_empty(), "{:?}", pty.asked());
    let check = |pty: &Pty| {
        let s = pty.screen();
        for c in s.chars() {
            assert!(
                c == '\n' || hangup::tui::console::has(c),
                "{c:?} is not in the console fonts:\n{s}"
            );
        }
    };
    check(&pty);
    pty.pause();
    pty.key("Enter");
    pty.wait_for_text("What would you do?");
    pty.settle();
    check(&pty);
    pty.pause();
    pty.key("1");
    pty.wait_for_text("You chose");
    pty.settle();
    check(&pty);
}

/// Group mode on the Linux console: the plan's pointer, the verdict marks
/// and the show-of-hands bars are all drawn with characters its fonts have
/// (the same stand-ins as the practice screens: ✔ → *).
#[test]
fn group_mode_on_the_linux_console_gets_only_its_fonts_characters() {
    let data = tempfile::tempdir().expect("temp dir");
    let d = data.path().to_str().expect("utf-8 path");
    let pty = Setup::new(&["--data-dir", d, "group", "--scenario", "police-courier"])
        .term("linux")
        .key_pause(0)
        .spawn();
    pty.wait_for_text("TODAY'S PLAN");
    let check = |pty: &Pty, what: &str| {
        pty.settle();
        let s = pty.screen();
        for c in s.chars() {
            assert!(
                c == '\n' || hangup::tui::console::has(c),
                "{what}: {c:?} is not in the console fonts:\n{s}"
            );
        }
    };
    check(&pty, "the plan");
    // The quick check first: skip it; then the call, hands counted, a choice.
    pty.pause();
    pty.key("Enter");
    pty.wait_for_text("A SCAM OR A REAL CALL?");
    pty.pause();
    pty.key("s");
    pty.wait_for_text("SKIP THIS QUICK CHECK?");
    pty.pause();
    pty.key("1");
    pty.wait_for_text("THE PHONE IS RINGING");
    pty.pause();
    pty.key("Enter");
    pty.wait_for_text("WHAT WOULD YOU DO?");
    pty.pause();
    pty.key("t");
    pty.wait_for_text("Hands up:");
    pty.pause();
    // One key at a time, each read on its own (not as a burst).
    for k in ["5", "Enter", "3", "Enter", "t"] {
        pty.key(k);
        pty.settle();
    }
    pty.wait_for_text("5 hands");
    check(&pty, "the question");
    pty.pause();
    pty.key("1");
    pty.wait_for_text("WHAT THIS CHOICE MEANS");
    check(&pty, "the reveal");
}

/// Group mode with a mouse, as a volunteer would: the real program in a
/// terminal, driven by clicks alone from the plan to a revealed choice.
#[test]
fn group_mode_runs_by_clicks_in_a_real_terminal() {
    let data = tempfile::tempdir().expect("temp dir");
    let d = data.path().to_str().expect("utf-8 path");
    let pty = Setup::new(&["--data-dir", d, "group", "--scenario", "police-courier"])
        .key_pause(0)
        .spawn();
    pty.wait_for_text("TODAY'S PLAN");
    let click = |text: &str, then: &str| {
        pty.settle();
        let (row, col) = pty
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{}", pty.screen()));
        pty.pause();
        pty.click(col + 1, row);
        pty.wait_for_text(then);
    };
    click("Enter Start", "A SCAM OR A REAL CALL?");
    click("s Skip check", "SKIP THIS QUICK CHECK?");
    click("Yes, skip it", "THE PHONE IS RINGING");
    click("Enter Answer", "WHAT WOULD YOU DO?");
    click("  1  ", "WHAT THIS CHOICE MEANS");
    click("? Help", "IF A CALL WORRIES YOU");
    click("Close the card", "WHAT THIS CHOICE MEANS");
}

/// Practice with a mouse, as a newcomer would: the real program in a
/// terminal, a call driven by clicks alone, then the ending's footer
/// ("? Help", "r Replay", "Page Down More below", "Enter Quick
/// questions"), and "Esc Skip" on the quick questions back to the list.
#[test]
fn practice_runs_by_clicks_in_a_real_terminal() {
    let pty = Setup::new(&["--no-save", "--seed", "2", "play", "police-courier"])
        .key_pause(0)
        .spawn();
    pty.wait_for_text("Answer the phone");
    let click = |text: &str, then: &str| {
        pty.settle();
        let (row, col) = pty
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{}", pty.screen()));
        pty.pause();
        pty.click(col + 1, row);
        pty.wait_for_text(then);
    };
    click("Answer the phone", "What would you do?");
    // The call: the first answer, then "Go on", until it ends.
    for _ in 0..12 {
        pty.settle();
        let s = pty.screen();
        if s.contains("The call has ended") {
            break;
        }
        let text = if s.contains("What would you do?") {
            "  1  "
        } else {
            "Enter Go on"
        };
        let (row, col) = pty
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{s}"));
        pty.pause();
        pty.click(col + 1, row);
        pty.wait_until(std::time::Duration::from_secs(5), "the next screen", |p| {
            p.screen() != s
        });
    }
    pty.wait_for_text("The call has ended");
    // The ending's footer, part by part.
    click("? Help", "Close this card");
    click("Enter Close this card", "Enter Quick questions");
    click("r Safer way", "Enter Go back");
    click("Enter Go back", "Page Down More below");
    click("Page Down More below", "Based on");
    click("Enter Quick questions", "Quick question 1 of 3");
    click("Esc Skip", "More calls");
}
