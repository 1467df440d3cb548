//! The terminal UI: snapshots of every screen at 80x24 and 40x12, flows driven
//! by synthetic keys and clicks, and no panic at any size.

use crate::common;

use crate::harness::{each_case, pairs};
use common::*;
use crossterm::event::KeyCode;
use hangup::engine::{Outcome, Phase};
use hangup::tui::app::{Overlay, Screen, Target};
use hangup::tui::theme::ThemeName;

/// Drive the fixture to each screen and return the app there.
fn at(screen: &str) -> hangup::tui::app::App {
    let mut a = app();
    let steps: &[char] = match screen {
        "start" => &[],
        "incoming" => &['1'],
        "deciding" => &['1', '1'],
        "feedback" => &['1', '1', 'X'],
        "ending" => &['1', '1', 'X', '\n', 'P', '\n'],
        "replay" => &['1', '1', 'X', '\n', 'P', '\n', 'r'],
        "help" => &['?'],
        "quit" => &['q'],
        _ => unreachable!(),
    };
    for &c in steps {
        let ev = match c {
            '\n' => key(KeyCode::Enter),
            // Choose by text, since the choice order is shuffled by the seed.
            'X' | 'P' => {
                let want = if c == 'X' { "Ask what" } else { "Read out" };
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
fn snapshots_of_every_screen() {
    let screens = [
        "start", "incoming", "deciding", "feedback", "ending", "replay", "help", "quit",
    ];
    let sizes = [(80, 24), (40, 12)];
    each_case(
        pairs(&screens, &sizes),
        |(screen, size): (&str, (u16, u16))| {
            let a = at(screen);
            let text = screen_text(&a, size.0, size.1);
            insta::assert_snapshot!(format!("{screen}_{}x{}", size.0, size.1), text);
        },
    );
}

#[test]
fn too_small_window_says_so() {
    let a = at("deciding");
    let text = screen_text(&a, 30, 8);
    assert!(text.contains("Please make the window bigger"), "{text}");
}

#[test]
fn selected_choice_is_reverse_video_with_a_marker() {
    // Style-aware: the highlighted choice must not rely on colour alone.
    let mut a = at("deciding");
    a.update(hangup::tui::app::Action::Down);
    let t = render(&a, 80, 24);
    let buf = t.backend().buffer().clone();
    let row = (0..24u16)
        .find(|&y| {
            (0..80u16)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .starts_with(" > 1")
        })
        .expect("highlighted row with a marker");
    let cell = &buf[(4, row)];
    assert!(
        cell.modifier.contains(ratatui::style::Modifier::REVERSED),
        "selected row is reverse video"
    );
    insta::assert_debug_snapshot!("deciding_styles_80x24", buf);
}

#[test]
fn monochrome_theme_uses_no_colour() {
    let mut a = app_with(tiny_library(), ThemeName::Monochrome);
    send(&mut a, ch('1'), 80, 24);
    send(&mut a, ch('1'), 80, 24);
    let t = render(&a, 80, 24);
    for cell in t.backend().buffer().content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
}

#[test]
fn whole_call_with_digits_then_back_to_start() {
    let mut a = app();
    assert!(send(&mut a, ch('1'), 80, 24)); // start the call
    assert!(send(&mut a, ch('1'), 80, 24)); // answer
    // Keep choosing the first choice and going on until the call ends.
    for _ in 0..20 {
        let phase = a.session().expect("in call").phase();
        match phase {
            Phase::Deciding { .. } => assert!(send(&mut a, ch('1'), 80, 24)),
            Phase::Feedback { .. } => assert!(send(&mut a, key(KeyCode::Enter), 80, 24)),
            Phase::Ended { .. } => break,
            Phase::Incoming => unreachable!(),
        }
    }
    assert!(a.session().expect("in call").is_over());
    let ending = screen_text(&a, 80, 24);
    assert!(
        ending.contains("What to do if this happens to you"),
        "{ending}"
    );
    assert!(ending.contains("Hang up"), "{ending}");
    assert!(send(&mut a, key(KeyCode::Enter), 80, 24));
    // The quick recall question comes first: answer it, then go on.
    assert!(matches!(a.screen, Screen::Recall(_)));
    assert!(send(&mut a, ch('2'), 80, 24));
    assert!(send(&mut a, key(KeyCode::Enter), 80, 24));
    assert!(matches!(a.screen, Screen::Start));
    assert_eq!(a.results.len(), 1);
    let start = screen_text(&a, 80, 24);
    assert!(start.contains("So far:"), "{start}");
}

#[test]
fn arrows_and_enter_work_and_releases_are_ignored() {
    use crossterm::event::{Event, KeyEvent, KeyEventKind, KeyModifiers};
    let mut a = app();
    send(&mut a, key(KeyCode::Enter), 80, 24);
    send(&mut a, key(KeyCode::Enter), 80, 24);
    let release = Event::Key(KeyEvent::new_with_kind(
        KeyCode::Down,
        KeyModifiers::NONE,
        KeyEventKind::Release,
    ));
    assert!(!send(&mut a, release, 80, 24));
    assert_eq!(a.selected, 0);
    assert!(
        !a.highlighted,
        "an answer is highlighted before the learner moved"
    );
    // The first Down shows the highlight on the first answer, the next moves it.
    assert!(send(&mut a, key(KeyCode::Down), 80, 24));
    assert!(a.highlighted);
    assert_eq!(a.selected, 0);
    assert!(send(&mut a, key(KeyCode::Down), 80, 24));
    assert_eq!(a.selected, 1);
    assert!(send(&mut a, key(KeyCode::Enter), 80, 24));
    let s = a.session().expect("in call");
    assert!(matches!(s.phase(), Phase::Feedback { choice: 1, .. }));
}

#[test]
fn clicking_a_choice_chooses_it() {
    let mut a = at("deciding");
    draw(&a, 80, 24);
    let (rect, _) = *a
        .targets
        .borrow()
        .iter()
        .find(|(_, t)| *t == Target::Choice(1))
        .expect("choice 2 is clickable");
    assert!(send(&mut a, click(rect.x + 3, rect.y), 80, 24));
    let s = a.session().expect("in call");
    assert!(matches!(s.phase(), Phase::Feedback { choice: 1, .. }));
    // A click on nothing changes nothing.
    assert!(!send(&mut a, click(79, 0), 80, 24));
}

#[test]
fn quit_asks_first_and_esc_goes_back() {
    let mut a = app();
    send(&mut a, ch('q'), 80, 24);
    assert_eq!(a.overlay, Some(Overlay::ConfirmQuit));
    send(&mut a, ch('n'), 80, 24);
    assert!(a.running && a.overlay.is_none());
    send(&mut a, ch('1'), 80, 24);
    send(&mut a, key(KeyCode::Esc), 80, 24);
    assert!(
        matches!(a.screen, Screen::Start),
        "Esc on the ringing phone goes back"
    );
    send(&mut a, ch('q'), 80, 24);
    send(&mut a, ch('y'), 80, 24);
    assert!(!a.running);
}

#[test]
fn leaving_a_call_asks_first() {
    let mut a = at("deciding");
    send(&mut a, key(KeyCode::Esc), 80, 24);
    assert_eq!(a.overlay, Some(Overlay::ConfirmLeave));
    send(&mut a, ch('y'), 80, 24);
    assert!(matches!(a.screen, Screen::Start));
    assert!(a.results.is_empty(), "an unfinished call is not scored");
}

#[test]
fn ending_shows_outcome_in_words() {
    let a = at("ending");
    let s = a.session().expect("call");
    assert_eq!(s.result().expect("over").outcome, Outcome::Defrauded);
    let text = screen_text(&a, 80, 24);
    assert!(text.contains("The caller got what they wanted"), "{text}");
}

#[test]
fn every_screen_survives_every_size() {
    for screen in [
        "start", "incoming", "deciding", "feedback", "ending", "replay", "help", "quit",
    ] {
        let a = at(screen);
        for w in [0u16, 1, 2, 5, 10, 20, 39, 40, 41, 60, 80, 120, 200, 500] {
            for h in [0u16, 1, 2, 3, 5, 11, 12, 13, 24, 40, 60, 200] {
                draw(&a, w, h);
            }
        }
    }
}

mod sizes {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(crate::harness::cases(64)))]
        #[test]
        fn random_sizes_never_panic(w in 0u16..300, h in 0u16..120, scroll in 0u16..50, which in 0usize..8) {
            let screens = ["start", "incoming", "deciding", "feedback", "ending", "replay", "help", "quit"];
            let mut a = at(screens[which]);
            a.scroll = scroll;
            draw(&a, w, h);
        }
    }
}

#[test]
fn long_lists_page_by_nine_and_zero_shows_more() {
    // As many calls as fit show at once, at most nine: every call shown has
    // the digit that chooses it, and 0 shows the next page, numbered from 1.
    let lib = hangup::engine::Library::builtin();
    let titles: Vec<String> = lib
        .scenarios
        .iter()
        .map(|s| s.title.get_ref().clone())
        .collect();
    assert!(titles.len() > 9, "{}", titles.len());
    let mut a = app_with(lib, ThemeName::Default);
    let first_page = screen_text(&a, 80, 24);
    let n = a.page_size();
    assert_eq!(n, 9, "{first_page}");
    let (_, pages) = a.page_number();
    assert!(
        first_page.contains(&format!("0  More calls (this is page 1 of {pages})")),
        "{first_page}"
    );
    assert!(first_page.contains(&format!("9  {}", titles[8])));
    // No call is shown without its number.
    assert!(!first_page.contains(&titles[9]), "{first_page}");
    assert!(send(&mut a, ch('0'), 80, 24));
    assert_eq!(a.selected, n);
    let second_page = screen_text(&a, 80, 24);
    assert!(
        second_page.contains(&format!("> 1  {}", titles[n])),
        "{second_page}"
    );
    assert!(send(&mut a, ch('1'), 80, 24));
    assert_eq!(a.session().expect("call").script().title, titles[n]);
}

/// At 40x12 the list shows as many calls as fit (wrapped titles hang under
/// their text), not one a page, and keeps the "More calls" row.
#[test]
fn a_small_window_shows_as_many_calls_as_fit() {
    let a = app_with(hangup::engine::Library::builtin(), ThemeName::Default);
    let text = screen_text(&a, 40, 12);
    let n = a.page_size();
    assert!(n >= 3, "{n} a page: {text}");
    assert!(text.contains("0  More calls"), "{text}");
    for k in 1..=n {
        assert!(text.contains(&format!(" {k}  ")), "{k}: {text}");
    }
    // A wrapped title hangs under its text, not under its number.
    let hangs = text
        .lines()
        .map(|l| l.trim_matches('"'))
        .any(|l| l.len() > 6 && l.starts_with("      ") && !l[6..].starts_with(' '));
    assert!(hangs, "no wrapped title hangs under its text: {text}");
    let lines = text.lines().filter(|l| l.contains("  More calls")).count();
    assert_eq!(lines, 1, "{text}");
}

#[test]
fn touching_more_calls_shows_the_next_page() {
    let mut a = app_with(hangup::engine::Library::builtin(), ThemeName::Default);
    draw(&a, 80, 24);
    let (rect, _) = *a
        .targets
        .borrow()
        .iter()
        .find(|(_, t)| *t == Target::More)
        .expect("the More row can be touched");
    let n = a.page_size();
    assert!(send(&mut a, click(rect.x + 2, rect.y), 80, 24));
    assert_eq!(a.selected, n);
}

/// The last row of the screen, trimmed.
fn footer_of(a: &hangup::tui::app::App, w: u16, h: u16) -> String {
    let text = screen_text(a, w, h);
    text.lines()
        .last()
        .unwrap_or_default()
        .trim_matches('"')
        .trim()
        .to_string()
}

/// "More below" in the footer and at the foot of the text only while there
/// is more below; after extra Page Downs, one Page Up moves at once. On the
/// ending and on the help card, at 40x12.
#[test]
fn more_below_is_true_and_page_up_moves_at_once() {
    each_case(["ending", "help"], |screen: &str| {
        let (w, h) = (40, 12);
        let mut a = at(screen);
        let more = |a: &hangup::tui::app::App| screen_text(a, w, h).contains("More below");
        assert!(more(&a), "{}", screen_text(&a, w, h));
        let first = screen_text(&a, w, h);
        // To the end, and 8 presses more.
        for _ in 0..40 {
            send(&mut a, key(KeyCode::PageDown), w, h);
        }
        let end = screen_text(&a, w, h);
        assert!(!end.contains("More below"), "{end}");
        assert!(!footer_of(&a, w, h).contains("Page Down"), "{end}");
        // The last line is on screen: the source, or how to close the card.
        let last = if screen == "help" { "Esc" } else { "Based on" };
        assert!(end.contains(last), "{end}");
        // One Page Up moves at once.
        send(&mut a, key(KeyCode::PageUp), w, h);
        let up = screen_text(&a, w, h);
        assert_ne!(up, end, "Page Up did not move");
        assert!(more(&a), "{up}");
        for _ in 0..40 {
            send(&mut a, key(KeyCode::PageUp), w, h);
        }
        assert_eq!(screen_text(&a, w, h), first);
    });
}

/// Page Down and Page Up move about a page (the rows shown less two that
/// stay in view), clamped at the ends; on the help card Up and Down move one
/// row. At 40x12 and 60x16 (where both scroll).
#[test]
fn page_keys_move_a_page_and_arrows_one_row() {
    let screens = ["ending", "help"];
    let sizes = [(40, 12), (60, 16)];
    each_case(
        pairs(&screens, &sizes),
        |(screen, size): (&str, (u16, u16))| {
            let (w, h) = size;
            let mut a = at(screen);
            draw(&a, w, h);
            let help = screen == "help";
            let (rows, max) = if help {
                (a.help_view_rows.get(), a.help_scroll_max.get())
            } else {
                (a.view_rows.get(), a.scroll_max.get())
            };
            let at_now = |a: &hangup::tui::app::App| if help { a.help_scroll } else { a.scroll };
            assert!(rows > 4 && max > 0, "{rows} rows, {max} to scroll");
            let step = rows - 2;
            if help {
                send(&mut a, key(KeyCode::Down), w, h);
                assert_eq!(at_now(&a), 1, "Down: one row");
                send(&mut a, key(KeyCode::Up), w, h);
                assert_eq!(at_now(&a), 0, "Up: one row");
            }
            send(&mut a, key(KeyCode::PageDown), w, h);
            assert_eq!(at_now(&a), step.min(max), "one Page Down in {rows} rows");
            send(&mut a, key(KeyCode::PageDown), w, h);
            assert_eq!(at_now(&a), (2 * step).min(max));
            for _ in 0..20 {
                send(&mut a, key(KeyCode::PageDown), w, h);
            }
            assert_eq!(at_now(&a), max, "clamped at the end");
            send(&mut a, key(KeyCode::PageUp), w, h);
            assert_eq!(at_now(&a), max.saturating_sub(step));
            for _ in 0..20 {
                send(&mut a, key(KeyCode::PageUp), w, h);
            }
            assert_eq!(at_now(&a), 0, "clamped at the top");
        },
    );
}

/// A phone number never breaks across two lines: from 40x12 to 64x12 the
/// help card shows "0300 123 2040" whole on one row wherever it comes. The
/// model keeps it whole with non-breaking spaces; the terminal gets plain
/// spaces, and speech still reads it digit by digit.
#[test]
fn phone_numbers_never_break_across_lines() {
    let h = 12;
    let mut seen = 0;
    for w in 40..=64 {
        let mut a = at("help");
        for _ in 0..12 {
            let t = render(&a, w, h);
            let text = t.backend().to_string();
            assert!(!text.contains('\u{a0}'), "a non-breaking space on screen");
            for (i, line) in text.lines().enumerate() {
                // Every number that starts "0300" is whole on its row ("0300 123 2040").
                for (at, _) in line.match_indices("0300") {
                    let rest: String = line[at..].chars().take(13).collect();
                    let whole = rest.len() == 13
                        && rest.chars().enumerate().all(|(k, c)| match k {
                            4 | 8 => c == ' ',
                            _ => c.is_ascii_digit(),
                        });
                    assert!(whole, "row {i} splits a number: {rest:?} in {text}");
                    seen += 1;
                }
                // The row under a number's start never holds its tail alone.
                let tail = line.trim_matches(|c: char| c == '"' || c == '│' || c == ' ');
                assert!(!tail.starts_with("123 2040"), "{text}");
            }
            send(&mut a, key(KeyCode::PageDown), w, h);
        }
    }
    assert!(seen >= 50, "0300 numbers seen {seen} times");
    let a = at("help");
    let model = hangup::present::screens::screen(&a.flow);
    assert!(
        model
            .blocks
            .iter()
            .any(|b| b.text.contains("0300\u{a0}123\u{a0}2040")),
        "the model keeps the number whole"
    );
    let said = hangup::speech::spoken(&model, hangup::speech::Hands::Keys);
    assert!(said.contains("0 3 0 0, 1 2 3, 2 0 4 0"), "{said}");
    assert!(!said.contains('\u{a0}'));
}

/// With `--speak`, `s` ("Hear it again") is in the footer and in the help
/// card's key list, from the screen's commands like every other key.
#[test]
fn with_speech_the_footer_and_help_card_name_s() {
    let mut a = at("deciding");
    a.flow.speaking = true;
    assert!(
        footer_of(&a, 100, 24).contains("s Hear it again"),
        "{}",
        screen_text(&a, 100, 24)
    );
    send(&mut a, ch('?'), 80, 24);
    let mut card = String::new();
    for _ in 0..10 {
        card.push_str(&screen_text(&a, 80, 24));
        send(&mut a, key(KeyCode::PageDown), 80, 24);
    }
    assert!(card.contains("s: Hear it again."), "{card}");
    // Without speech, no `s`.
    let b = at("deciding");
    assert!(!screen_text(&b, 100, 24).contains("Hear it again"));
}

/// Scrolling is clamped in `update`, by laying the screen out as it is drawn:
/// with no frame drawn between the presses, Page Down stops at the end and
/// the first Page Up moves. The same on the help card.
#[test]
fn scrolling_is_clamped_in_update_with_no_draw_between() {
    use hangup::tui::app::Action;
    let mut a = at("ending");
    draw(&a, 40, 12);
    for _ in 0..30 {
        a.update(Action::PageDown);
    }
    let end = a.flow.scroll;
    assert!(end > 0 && end == a.flow.scroll_max.get(), "{end}");
    assert!(a.update(Action::PageUp));
    assert!(a.flow.scroll < end);
    // A bigger window: everything fits, so there is nothing to scroll.
    draw(&a, 80, 40);
    assert!(!a.update(Action::PageDown));
    assert_eq!(a.flow.scroll, 0);

    let mut h = at("help");
    draw(&h, 40, 12);
    for _ in 0..30 {
        h.update(Action::PageDown);
    }
    let end = h.flow.help_scroll;
    assert!(end > 0 && end == h.flow.help_scroll_max.get(), "{end}");
    assert!(h.update(Action::PageUp));
    assert!(h.flow.help_scroll < end);
}

/// A step in several lines: the time jump and the scene line are paragraphs
/// above the boxes, each speaker's words are in a box with their name, and
/// the thought reads as a thought, outside any box.
#[test]
fn a_step_in_several_lines() {
    each_case([(80, 24), (40, 12)], |size: (u16, u16)| {
        let catalogue = hangup::engine::Catalogue::builtin();
        let lines = hangup::engine::library::parse_scenario(
            include_bytes!("../fixtures/lines.toml"),
            &catalogue,
        )
        .expect("fixture loads");
        let mut a = app_with(
            hangup::engine::Library {
                catalogue,
                scenarios: vec![lines],
                skipped: Vec::new(),
            },
            ThemeName::Default,
        );
        send(&mut a, ch('1'), 80, 24);
        send(&mut a, key(KeyCode::Enter), 80, 24);
        let text = screen_text(&a, size.0, size.1);
        insta::assert_snapshot!(format!("several_lines_{}x{}", size.0, size.1), text);
        if size == (80, 24) {
            let rows: Vec<&str> = text.lines().collect();
            let at = |s: &str| rows.iter().position(|r| r.contains(s)).expect(s);
            // Narration above the first box, not in it.
            assert!(at("The next day, 1pm.") < at("┌ Sam Jones says"));
            assert!(at("You pick it up.") < at("┌ Sam Jones says"));
            assert!(!rows[at("You pick it up.")].contains('│'));
            // Each speaker in a box of their own.
            assert!(at("┌ Sam Jones says") < at("┌ The manager says"));
            assert!(rows[at("My manager wants")].contains('│'));
            // The thought below the boxes, as a thought.
            assert!(at("You think: Why would") > at("┌ The manager says"));
            assert!(!rows[at("You think:")].contains('│'));
        }
    });
}

/// The quick questions after a call, asked and answered.
#[test]
fn recall_snapshots() {
    each_case([(80, 24), (40, 12)], |size: (u16, u16)| {
        let mut a = at("ending");
        send(&mut a, key(KeyCode::Enter), 80, 24);
        insta::assert_snapshot!(
            format!("recall_{}x{}", size.0, size.1),
            screen_text(&a, size.0, size.1)
        );
        send(&mut a, ch('2'), 80, 24);
        insta::assert_snapshot!(
            format!("recall_answered_{}x{}", size.0, size.1),
            screen_text(&a, size.0, size.1)
        );
    });
}

/// What a frame says about scrolling, against what it shows: "More above"
/// shows exactly when the first words of the text are off the screen, and
/// "More below" exactly when its last words are (in the text, the kiosk's
/// rail or the footer alike). `first` and `last` are the text's first and
/// last words; the rows are read without the cues and the boxes' lines.
fn cues_agree(text: &str, first: &str, last: &str, what: &str) -> (bool, bool) {
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut words = String::new();
    for row in text.lines().skip(1) {
        let mut row = row.trim_matches('"').to_string();
        for cue in [
            "More above: press Page Up",
            "More below: press Page Down",
            "More above: press Up",
            "More below: press Down",
            "More above",
            "More below",
        ] {
            row = row.replace(cue, " ");
        }
        row = row.replace(['│', '┌', '┐', '└', '┘', '─'], " ");
        words.push_str(&row);
        words.push(' ');
    }
    let words = flat(&words);
    let above = text.contains("More above");
    let below = text.contains("More below");
    let top = words.contains(&flat(first));
    let bottom = words.contains(&flat(last));
    assert_eq!(
        above, !top,
        "{what}: \"More above\" shown: {above}, first words {first:?} on screen: {top}\n{text}"
    );
    assert_eq!(
        below, !bottom,
        "{what}: \"More below\" shown: {below}, last words {last:?} on screen: {bottom}\n{text}"
    );
    (above, below)
}

/// The first three and last three words of `blocks`' text.
fn ends(blocks: &[hangup::present::Block]) -> (String, String) {
    let first: Vec<&str> = blocks
        .first()
        .map(|b| b.text.split_whitespace().take(3).collect())
        .unwrap_or_default();
    let all: Vec<&str> = blocks
        .last()
        .map(|b| b.text.split_whitespace().collect())
        .unwrap_or_default();
    let last = &all[all.len().saturating_sub(3)..];
    (first.join(" "), last.join(" "))
}

/// A visitor at the kiosk saw "More above" over an ending already at its
/// top, and "More below" under its last line: the rail's blocks stayed,
/// dimmed, at either end (in monochrome, just as a live one). Now, on every
/// ending, in practice, kiosk and group mode, at sizes from 40x12 to
/// 120x33, from the top down to the end and back up again: "More above"
/// shows exactly while the first words are off the screen, "More below"
/// exactly while the last words are.
#[test]
fn scroll_cues_show_exactly_when_there_is_more_that_way() {
    use hangup::present::flow::Screen as At;
    use hangup::present::screens;
    use hangup::tui::app::{Action, App, Mode};
    const SIZES: [(u16, u16); 6] = [(40, 12), (44, 14), (52, 16), (64, 20), (80, 24), (120, 33)];
    let lib = crate::present::some_calls();
    let mut scrolled = 0;
    for mode in [Mode::Practice, Mode::Kiosk] {
        let endings: Vec<_> = crate::present::states(&lib, mode)
            .into_iter()
            .filter(|f| {
                f.overlay.is_none()
                    && !matches!(f.screen, At::Call { replay: true, .. })
                    && matches!(f.session().map(|s| s.phase()), Some(Phase::Ended { .. }))
            })
            .collect();
        assert!(endings.len() > 4, "{}", endings.len());
        for f in &endings {
            let (first, last) = ends(&screens::screen(f).blocks);
            for (w, h) in SIZES {
                let mut a = App {
                    flow: f.clone(),
                    options: crate::present::options(mode),
                    targets: Default::default(),
                    size: Default::default(),
                };
                let what = |n: &str| format!("{mode:?} {w}x{h} {n}");
                let top = screen_text(&a, w, h);
                cues_agree(&top, &first, &last, &what("at the top"));
                // Down to the end, then back up to the top.
                for (key, name) in [(Action::PageDown, "down"), (Action::PageUp, "up")] {
                    for n in 0..40 {
                        if !a.update(key) {
                            break;
                        }
                        scrolled += 1;
                        let text = screen_text(&a, w, h);
                        cues_agree(&text, &first, &last, &what(&format!("{n} {name}")));
                    }
                }
                assert_eq!(screen_text(&a, w, h), top, "{}", what("back at the top"));
            }
        }
    }
    // Group mode (the projector): every ending of two calls, by Down and Up.
    for id in ["amazon-refund", "police-courier"] {
        for (w, h) in SIZES {
            let mut app = hangup::group::GroupApp::new(
                hangup::engine::Library::builtin(),
                crate::harness::group_options(1),
            );
            let g = app.group.as_deref_mut().expect("group state");
            for p in &mut g.plan {
                p.status = if p.id == id {
                    hangup::group::ItemStatus::Planned
                } else {
                    hangup::group::ItemStatus::Skipped
                };
            }
            send(&mut app, key(KeyCode::Enter), 80, 24);
            let g = app.group.as_deref_mut().expect("group state");
            let mut s = g.session.as_deref().expect("a call").clone();
            for _ in 0..64 {
                match s.phase() {
                    Phase::Incoming => s.answer(),
                    Phase::Deciding { .. } => {
                        let _ = s.choose(0);
                    }
                    Phase::Feedback { .. } => s.next(),
                    Phase::Ended { .. } => break,
                }
            }
            g.session = Some(Box::new(s));
            g.scroll = 0;
            let model = hangup::group::view::model(&app).expect("a model");
            let (first, last) = ends(&model.blocks);
            let what = |n: &str| format!("group {id} {w}x{h} {n}");
            let top = screen_text(&app, w, h);
            cues_agree(&top, &first, &last, &what("at the top"));
            for (k, name) in [(KeyCode::Down, "down"), (KeyCode::Up, "up")] {
                for n in 0..40 {
                    if !send(&mut app, key(k), w, h) {
                        break;
                    }
                    scrolled += 1;
                    let text = screen_text(&app, w, h);
                    cues_agree(&text, &first, &last, &what(&format!("{n} {name}")));
                }
            }
        }
    }
    assert!(scrolled > 100, "{scrolled}");
}
