//! Unit tests of `hangup::group::handout` (were in src/group/handout.rs).

use hangup::engine::Library;
use hangup::engine::Outcome;
use hangup::group::handout::*;
use hangup::progress::Progress;
use hangup::progress::{Day, Record, TrickRecord};

fn progress() -> Progress {
    let mut p = Progress::default();
    let day = Day::parse("2026-11-20").expect("date");
    p.scenarios.insert(
        "police-courier".into(),
        Record {
            plays: 2,
            first_played: day,
            last_played: day,
            last_outcome: Outcome::Defrauded,
            safe: 1,
            partly_safe: 0,
            defrauded: 1,
            last_seed: None,
            missed_last_time: vec!["secrecy".into()],
        },
    );
    // A call this computer no longer has: left out, not printed.
    p.scenarios.insert(
        "<gone>".into(),
        Record {
            plays: 1,
            first_played: day,
            last_played: day,
            last_outcome: Outcome::Safe,
            safe: 1,
            partly_safe: 0,
            defrauded: 0,
            last_seed: None,
            missed_last_time: Vec::new(),
        },
    );
    p.tricks.insert(
        "secrecy".into(),
        TrickRecord {
            missed: 1,
            last_missed: day,
            to_practise: true,
        },
    );
    p
}

#[test]
fn mine_adds_what_was_practised_and_the_tricks_that_caught_them() {
    let library = Library::builtin();
    let today = Day::parse("2026-11-30").expect("date").0;
    let sheet = Handout::build_mine(&library, &[], "ewni", today, &progress()).expect("sheet");
    let m = sheet.mine.as_ref().expect("mine");
    assert_eq!(m.practised.len(), 1);
    assert_eq!(m.practised[0].1, 2);
    assert_eq!(m.caught.len(), 1);
    assert_eq!(m.caught[0].0, "Secrecy");
    assert_eq!(m.last.as_deref(), Some("20 November 2026"));
    // Only the practised call's tricks, and the one that caught them is
    // not listed twice.
    assert!(sheet.tricks.iter().all(|(n, _)| n != "Secrecy"));
    assert!(sheet.tricks.iter().any(|(n, _)| n == "Fake authority"));
    for format in [Format::Html, Format::Markdown, Format::Text] {
        let text = sheet.render(format);
        let lower = text.to_lowercase();
        assert!(lower.contains("what you practised (the last time on 20 november 2026)"));
        assert!(
            lower.contains("tricks that caught you out: worth practising again"),
            "{text}"
        );
        assert!(lower.contains("worth practising again"));
        assert!(!text.contains("spotted it since"));
        assert!(text.contains("(2 times)"));
        assert!(
            !text.contains("<gone>") && !text.contains("&lt;gone"),
            "a call not on this computer is left out: {text}"
        );
    }
}

#[test]
fn mine_with_nothing_saved_says_so_and_lists_every_call_trick() {
    let library = Library::builtin();
    let sheet = Handout::build_mine(&library, &[], "ewni", 0, &Progress::default()).expect("sheet");
    let all = Handout::build(&library, &[], "ewni", 0).expect("sheet");
    assert_eq!(sheet.tricks, all.tricks);
    let html = sheet.render(Format::Html);
    assert!(html.contains(&Mine::nothing()));
    assert!(html.contains("Other tricks you practised spotting"));
}

#[test]
fn trick_names_read_as_a_sentence() {
    let library = Library::builtin();
    let mut sheet = Handout::build(&library, &[], "ewni", 0).expect("sheet");
    sheet.tricks = vec![("A".into(), String::new())];
    assert_eq!(sheet.trick_names(), "A.");
    sheet.tricks.push(("B".into(), String::new()));
    sheet.tricks.push(("C".into(), String::new()));
    assert_eq!(sheet.trick_names(), "A, B and C.");
}
