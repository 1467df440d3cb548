//! Group mode: the projector session driven with synthetic keys, its screens
//! at 80x24 and 120x40 (and 40x12 for the quick check), the quick check with a
//! room, the role-play script, the handout and the session record.

use crate::common;

use common::{ch, key, screen_text, send};
use crossterm::event::KeyCode;
use hangup::dates;
use hangup::engine::library::parse_scenario;
use hangup::engine::{Catalogue, Library, Phase, Script};
use hangup::group::GroupApp as App;
use hangup::group::handout::{Format, Handout};
use hangup::group::record::{self, Record};
use hangup::group::{ItemStatus, Saved, Stage, Tally, roleplay};

const TINY: &str = include_str!("../fixtures/tiny.toml");

/// The tiny fixture twice (as two calls), so a plan has something to order.
fn two_library() -> Library {
    let catalogue = Catalogue::builtin();
    let one = parse_scenario(TINY.as_bytes(), &catalogue).expect("fixture loads");
    let second = TINY
        .replace("id = \"tiny\"", "id = \"tiny-two\"")
        .replace("A tiny test call", "A second tiny call")
        .replace("minutes = 5", "minutes = 7");
    let two = parse_scenario(second.as_bytes(), &catalogue).expect("second fixture loads");
    Library {
        catalogue,
        scenarios: vec![one, two],
        skipped: Vec::new(),
    }
}

/// A group session with the default plan: the quick check before, the two
/// calls, the quick check after.
fn group_app() -> App {
    App::new(two_library(), crate::harness::group_options(1))
}

/// [`group_app`], keeping its record in `dir`.
fn group_app_saving_to(dir: &std::path::Path) -> App {
    let mut app = group_app();
    if let Some(g) = app.group.as_mut() {
        g.data_dir = Some(dir.to_path_buf());
    }
    app
}

/// A group session with the two calls only (the quick checks taken out of the
/// plan), for the tests of the calls themselves.
fn calls_app() -> App {
    let mut app = group_app();
    if let Some(g) = app.group.as_mut() {
        g.plan.retain(|p| p.is_call());
    }
    app
}

/// Send keys (chars) at 80x24; returns whether each changed the screen.
fn keys(app: &mut App, s: &str) -> Vec<bool> {
    s.chars()
        .map(|c| match c {
            '\n' => send(app, key(KeyCode::Enter), 80, 24),
            '<' => send(app, key(KeyCode::Esc), 80, 24),
            '^' => send(app, key(KeyCode::Up), 80, 24),
            'v' => send(app, key(KeyCode::Down), 80, 24),
            c => send(app, ch(c), 80, 24),
        })
        .collect()
}

fn g(app: &App) -> &hangup::group::GroupState {
    app.group.as_deref().expect("group state")
}

fn phase(app: &App) -> Option<Phase> {
    g(app).session.as_ref().map(|s| s.phase())
}

#[test]
fn plan_lists_minutes_and_total_and_can_skip_and_reorder() {
    let mut app = calls_app();
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("1. Today: A tiny test call (5 min)"),
        "{text}"
    );
    assert!(text.contains("2 calls: about 12 minutes"), "{text}");
    assert!(text.contains("22 minutes"), "{text}");
    // Move the second call up, then skip the (now second) tiny call.
    keys(&mut app, "vu");
    assert_eq!(g(&app).plan[0].id, "tiny-two");
    keys(&mut app, "2");
    assert_eq!(g(&app).plan[1].status, ItemStatus::Skipped);
    assert!(screen_text(&app, 80, 24).contains("1 call: about 7 minutes"));
    keys(&mut app, "\n");
    assert_eq!(g(&app).stage, Stage::Call);
    assert_eq!(g(&app).position(), (1, 1));
    assert!(screen_text(&app, 80, 24).contains("Call 1 of 1: A second tiny call"));
}

#[test]
fn notes_are_hidden_at_start_and_toggle_with_n() {
    let mut app = calls_app();
    keys(&mut app, "\n\n");
    assert!(matches!(phase(&app), Some(Phase::Deciding { .. })));
    let hidden = screen_text(&app, 80, 24);
    assert!(
        !hidden.contains("has anyone had a call like this"),
        "{hidden}"
    );
    keys(&mut app, "n");
    let shown = screen_text(&app, 80, 24);
    assert!(
        shown.contains("Ask: has anyone had a call like this?"),
        "{shown}"
    );
    keys(&mut app, "n");
    assert!(!screen_text(&app, 80, 24).contains("has anyone had a call"));
}

#[test]
fn tallies_are_typed_per_choice_then_the_top_choice_is_revealed() {
    let mut app = calls_app();
    keys(&mut app, "\n\n");
    // No choice is highlighted before the room answers; Enter reveals nothing yet.
    assert!(!screen_text(&app, 80, 24).contains('▶'));
    assert_eq!(keys(&mut app, "\n"), vec![false]);
    keys(&mut app, "t3\n12\n");
    assert_eq!(g(&app).tally_entry, None);
    let counts = g(&app).shown_counts(0);
    assert_eq!(counts, vec![Some(3), Some(12)]);
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("3 hands") && text.contains("12 hands"),
        "{text}"
    );
    // The most hands is highlighted; Enter reveals it.
    assert_eq!(g(&app).selected, 1);
    keys(&mut app, "\n");
    assert_eq!(phase(&app), Some(Phase::Feedback { step: 0, choice: 1 }));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("The room said:"), "{text}");
    // Stored in file order, whatever the on-screen order was.
    let t = &g(&app).tallies[0];
    assert_eq!((t.scenario.as_str(), t.step.as_str()), ("tiny", "hello"));
    assert_eq!(t.counts.iter().flatten().sum::<u32>(), 15);
}

#[test]
fn the_stop_question_shows_no_hands_under_yes_and_no() {
    let mut app = calls_app();
    keys(&mut app, "\n\nt5\n2\n");
    assert!(screen_text(&app, 80, 24).contains("5 hands"));
    keys(&mut app, "q");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("STOP THE SESSION?"), "{text}");
    assert!(!text.contains("hands"), "{text}");
}

#[test]
fn tally_typing_can_be_corrected_and_cancelled() {
    let mut app = calls_app();
    keys(&mut app, "\n\nt45");
    keys(&mut app, "<"); // delete the 5
    keys(&mut app, "\n");
    assert_eq!(g(&app).shown_counts(0)[0], Some(4));
    keys(&mut app, "<"); // nothing typed for choice 2: stop counting
    assert_eq!(g(&app).tally_entry, None);
    assert_eq!(g(&app).shown_counts(0)[1], None);
}

#[test]
fn reveal_back_and_another_choice() {
    let mut app = calls_app();
    keys(&mut app, "\n\n1");
    assert_eq!(phase(&app), Some(Phase::Feedback { step: 0, choice: 0 }));
    keys(&mut app, "2");
    assert_eq!(phase(&app), Some(Phase::Feedback { step: 0, choice: 1 }));
    keys(&mut app, "<");
    assert_eq!(phase(&app), Some(Phase::Deciding { step: 0 }));
    keys(&mut app, "<");
    assert_eq!(phase(&app), Some(Phase::Incoming));
    assert_eq!(keys(&mut app, "<"), vec![false]);
}

#[test]
fn pause_blanks_the_screen_and_ignores_other_keys() {
    let mut app = calls_app();
    keys(&mut app, "\n\n");
    let before = screen_text(&app, 80, 24);
    keys(&mut app, "p");
    let blank = screen_text(&app, 80, 24);
    assert!(!blank.contains("says"), "{blank}");
    assert!(blank.contains("Blank screen. Press b to go on."));
    assert_eq!(keys(&mut app, "1nt\n"), vec![false, false, false, true]);
    assert_eq!(screen_text(&app, 80, 24), before);
    // b and `.` (a remote's blank button) blank it and bring it back too.
    keys(&mut app, "b");
    assert!(screen_text(&app, 80, 24).contains("Blank screen."));
    keys(&mut app, ".");
    assert_eq!(screen_text(&app, 80, 24), before);
}

#[test]
fn nothing_moves_without_a_key() {
    let mut app = calls_app();
    keys(&mut app, "\n\n");
    let a = screen_text(&app, 120, 40);
    std::thread::sleep(std::time::Duration::from_millis(50));
    let b = screen_text(&app, 120, 40);
    assert_eq!(a, b);
    assert_eq!(phase(&app), Some(Phase::Deciding { step: 0 }));
}

#[test]
fn help_card_has_every_number_and_closes() {
    let mut app = calls_app();
    keys(&mut app, "\n?");
    let text = screen_text(&app, 120, 40);
    for n in Catalogue::builtin().numbers("ewni") {
        assert!(text.contains(&n.number), "{} missing:\n{text}", n.number);
    }
    keys(&mut app, "<");
    assert!(screen_text(&app, 120, 40).contains("THE PHONE IS RINGING"));
}

#[test]
fn plan_during_a_session_skips_and_jumps() {
    let mut app = calls_app();
    keys(&mut app, "\n");
    keys(&mut app, "l");
    assert!(g(&app).plan_open);
    // The current call cannot be skipped from the plan; the next one can.
    assert_eq!(keys(&mut app, "x"), vec![false]);
    keys(&mut app, "vx<");
    assert_eq!(g(&app).plan[1].status, ItemStatus::Skipped);
    // Finish the only call: straight to the end.
    keys(&mut app, "\n1\n\n");
    assert_eq!(g(&app).stage, Stage::Finished);
}

#[test]
fn s_skips_the_current_call() {
    let mut app = calls_app();
    keys(&mut app, "\ns1");
    assert_eq!(g(&app).plan[0].status, ItemStatus::Skipped);
    assert_eq!(g(&app).current, Some(1));
}

#[test]
fn whole_session_of_two_calls_saves_an_anonymous_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = calls_app();
    if let Some(g) = app.group.as_mut() {
        g.data_dir = Some(dir.path().to_path_buf());
    }
    // Call 1: notes on, hands counted, reveal, to the end.
    keys(&mut app, "\n\nnt5\n9\n\n");
    while !matches!(phase(&app), Some(Phase::Ended { .. })) {
        keys(&mut app, "1\n");
    }
    keys(&mut app, "\n");
    assert_eq!(g(&app).position(), (2, 2));
    // Call 2: pick the second choice each time.
    keys(&mut app, "\n");
    while !matches!(phase(&app), Some(Phase::Ended { .. })) {
        keys(&mut app, "2\n");
    }
    keys(&mut app, "\n");
    assert_eq!(g(&app).stage, Stage::Finished);
    // Enter before a count is typed saves nothing.
    assert_eq!(keys(&mut app, "\n"), vec![false]);
    assert_eq!(g(&app).saved, None);
    // The footer says what to do; Enter saves once a number is typed.
    assert!(screen_text(&app, 80, 24).contains("Type the number of people"));
    assert!(!screen_text(&app, 80, 24).contains("Enter Save the record"));
    keys(&mut app, "14");
    assert!(screen_text(&app, 80, 24).contains("Enter Save the record"));
    keys(&mut app, "\n");
    let Some(Saved::To(path)) = g(&app).saved.clone() else {
        panic!("not saved: {:?}", g(&app).saved);
    };
    // After saving, the footer says so and no longer offers to save.
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Type again to correct the number"), "{text}");
    assert!(!text.contains("Enter Save the record"), "{text}");
    let csv = std::fs::read_to_string(&path).expect("csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], record::HEADER);
    assert_eq!(lines.len(), 2);
    assert!(lines[1].contains(",tiny;tiny-two,14,"), "{csv}");
    assert!(lines[1].contains("tiny/hello="), "{csv}");
    // Saved once: Enter again adds nothing.
    keys(&mut app, "\n");
    assert_eq!(
        std::fs::read_to_string(&path).expect("csv").lines().count(),
        2
    );
}

// ---- Snapshots of the projector screens ------------------------------------

fn snap_at(app: &App, name: &str) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen_text(app, w, h));
    }
}

#[test]
fn snapshots() {
    let mut app = calls_app();
    snap_at(&app, "group_plan");
    keys(&mut app, "\n");
    snap_at(&app, "group_incoming");
    keys(&mut app, "\nt7\n");
    snap_at(&app, "group_tally_entry");
    keys(&mut app, "2\nn");
    snap_at(&app, "group_deciding_notes");
    keys(&mut app, "n\n");
    snap_at(&app, "group_feedback");
    keys(&mut app, "\n");
    if !matches!(phase(&app), Some(Phase::Ended { .. })) {
        keys(&mut app, "1\n");
    }
    snap_at(&app, "group_ending");
    keys(&mut app, "\n\n1\n\n");
    keys(&mut app, "12");
    snap_at(&app, "group_finished");
}

// ---- The role-play script ---------------------------------------------------

#[test]
fn script_has_every_line_and_choice_and_where_it_leads() {
    let lib = two_library();
    let script = Script::build(&lib.scenarios[0], &lib.catalogue, "ewni", 1);
    let text = roleplay::script_text(&script);
    for st in &script.steps {
        assert!(text.contains(&st.says[..20]), "missing {}", st.says);
        for c in &st.choices {
            assert!(text.contains(&c.text), "missing {}", c.text);
        }
    }
    assert!(text.contains("Go on to PART 2."));
    assert!(text.contains("The call ends: You stayed safe."));
    assert!(text.lines().all(|l| l.chars().count() <= roleplay::WIDTH));
    insta::assert_snapshot!("group_script", text);
}

// ---- The handout -----------------------------------------------------------

fn handout(region: &str, format: Format) -> String {
    let lib = two_library();
    let today = dates::parse_iso("2026-03-01").expect("date");
    Handout::build(&lib, &["tiny".into()], region, today)
        .expect("handout")
        .render(format)
}

#[test]
fn handout_has_every_catalogue_number_in_every_format_and_region() {
    let cat = Catalogue::builtin();
    for region in cat.region_ids() {
        for format in [Format::Html, Format::Markdown, Format::Text] {
            // HTML writes the apostrophe as &#39;.
            let text = handout(region, format).replace("&#39;", "'");
            for n in cat.numbers(region) {
                assert!(
                    text.contains(&n.number),
                    "{region} {format:?}: {} missing",
                    n.number
                );
            }
            assert!(text.contains("My bank's number: ____"));
            assert!(text.contains("Someone I trust: ____"));
            assert!(text.contains("Practise again around 15 March 2026."));
        }
    }
}

#[test]
fn handout_lists_the_tricks_practised_and_the_right_action() {
    let text = handout("ewni", Format::Text);
    for trick in ["Pressure", "Asks for private details", "Fake authority"] {
        assert!(text.contains(trick), "{trick} missing:\n{text}");
    }
    assert!(
        !text.contains("Courier collection"),
        "not practised in tiny"
    );
    assert!(text.contains("1. Hang up."));
    assert!(handout("scotland", Format::Text).contains("Police Scotland"));
}

#[test]
fn handout_html_is_self_contained_large_print_a4() {
    let html = handout("ewni", Format::Html);
    let lower = html.to_ascii_lowercase();
    for bad in [
        "src=http",
        "src=\"http",
        "src='http",
        "<link",
        "@import",
        "url(",
        "<script",
    ] {
        assert!(!lower.contains(bad), "external or active content: {bad}");
    }
    assert!(html.contains("@page { size: A4"));
    // Every font size is 14 pt or more.
    for part in html.split("font-size:").skip(1) {
        let pt: f32 = part
            .trim_start()
            .split("pt")
            .next()
            .and_then(|n| n.trim().parse().ok())
            .expect("sizes are in pt");
        assert!(pt >= 14.0, "font-size {pt}pt is under 14pt");
    }
}

#[test]
fn handout_for_an_unknown_scenario_says_so() {
    let lib = two_library();
    let err = Handout::build(&lib, &["nope".into()], "ewni", 0)
        .expect_err("unknown id")
        .to_string();
    assert!(err.contains("nope"));
}

// ---- The session record ----------------------------------------------------

#[test]
fn record_csv_appends_with_one_header_and_reads_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rec = Record {
        date: "2026-03-01".into(),
        duration_minutes: 52,
        scenarios: vec!["police-courier".into(), "amazon-refund".into()],
        attendees: 18,
        tallies: vec![Tally {
            scenario: "police-courier".into(),
            step: "call".into(),
            counts: vec![Some(3), None, Some(15)],
            labels: Vec::new(),
        }],
        check_before: None,
        check_after: None,
        marks: Default::default(),
    };
    let path = record::append(dir.path(), &rec).expect("append");
    record::append(dir.path(), &rec).expect("append again");
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(
        text,
        "date,duration_minutes,scenarios,attendees,tallies,\
         check_before_right,check_before_hands,check_after_right,check_after_hands,\
         check_before_unsure,check_after_unsure,marks\n\
         2026-03-01,52,police-courier;amazon-refund,18,police-courier/call=3|-|15,,,,,,,\n\
         2026-03-01,52,police-courier;amazon-refund,18,police-courier/call=3|-|15,,,,,,,\n"
    );
    let back = record::read_all(dir.path()).expect("read all");
    assert_eq!(back, vec![rec.clone(), rec]);
    let s = record::summary(dir.path()).expect("summary");
    assert_eq!((s.sessions, s.attendees, s.minutes), (2, 36, 104));
    assert_eq!(s.scenarios[0], ("amazon-refund".to_string(), 2));
    let mut out = Vec::new();
    record::write_summary(&s, &mut out).expect("write");
    assert!(String::from_utf8_lossy(&out).contains("Group sessions: 2"));
}

#[test]
fn record_data_dir_prefers_the_flag() {
    let p = std::path::Path::new("/tmp/somewhere");
    assert_eq!(record::data_dir(Some(p)), Some(p.to_path_buf()));
}

// ---- The quick check with a room --------------------------------------------

use hangup::engine::Kind;
use hangup::engine::quick_check::{QuickCheck, Stage as CheckStage};
use hangup::group::ItemKind;
use hangup::group::record::Hands;

fn check_items(stage: CheckStage) -> Vec<hangup::engine::quick_check::CheckItem> {
    QuickCheck::builtin()
        .set(stage)
        .expect("the set")
        .items
        .clone()
}

/// Keys for a show of hands: `right` hands on the right answer, `wrong` on the
/// other, typed in screen order (1 A scam, 2 A real call).
fn hands_keys(answer: Kind, right: u32, wrong: u32) -> String {
    let (scam, real) = match answer {
        Kind::Scam => (right, wrong),
        Kind::Genuine => (wrong, right),
    };
    format!("t{scam}\n{real}\nt")
}

fn play(app: &App) -> &hangup::group::CheckPlay {
    g(app).check.as_ref().expect("a quick check on screen")
}

/// Play a whole quick check: for snippet i, `hands(i)` gives (right, wrong)
/// hands, or None for no count. Ends on the result screen.
fn run_check(app: &mut App, stage: CheckStage, hands: impl Fn(usize) -> Option<(u32, u32)>) {
    assert_eq!(g(app).stage, Stage::Check);
    assert_eq!(play(app).stage, stage);
    for (i, item) in check_items(stage).iter().enumerate() {
        assert_eq!(play(app).index, i);
        assert!(!play(app).revealed);
        match hands(i) {
            Some((right, wrong)) => {
                keys(app, &hands_keys(item.answer, right, wrong));
                // Counting done: Enter reveals, as at a call's question.
                assert_eq!(keys(app, "\n"), vec![true]);
            }
            None => {
                keys(app, "1");
            }
        }
        assert!(play(app).revealed, "snippet {i} revealed");
        keys(app, "\n");
    }
    assert!(play(app).at_result());
}

/// Play a call to its end with choice 1 each time, then Enter (the next item).
fn run_call(app: &mut App) {
    assert_eq!(g(app).stage, Stage::Call);
    keys(app, "\n");
    while !matches!(phase(app), Some(Phase::Ended { .. })) {
        keys(app, "1\n");
    }
    keys(app, "\n");
}

#[test]
fn the_plan_has_both_quick_checks_first_and_last() {
    let mut app = group_app();
    let kinds: Vec<ItemKind> = g(&app).plan.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ItemKind::Check(CheckStage::Before),
            ItemKind::Call(0),
            ItemKind::Call(1),
            ItemKind::Check(CheckStage::After),
        ]
    );
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("1. Today: Quick check: before practice (5 min)"),
        "{text}"
    );
    assert!(
        text.contains("4. Today: Quick check: after practice (5 min)"),
        "{text}"
    );
    assert!(
        text.contains("2 calls and 2 quick checks: about 22 minutes"),
        "{text}"
    );
    assert!(text.contains("32 minutes"), "{text}");
    // Skipped and put back with the same keys as a call.
    keys(&mut app, "1");
    assert_eq!(g(&app).plan[0].status, ItemStatus::Skipped);
    assert!(screen_text(&app, 80, 24).contains("2 calls and 1 quick check: about 17"));
    keys(&mut app, "x");
    assert_eq!(g(&app).plan[0].status, ItemStatus::Planned);
    // The checks stay first and last: a call cannot move past them.
    keys(&mut app, "v");
    assert_eq!(keys(&mut app, "u"), vec![false]);
    keys(&mut app, "vv");
    assert_eq!(
        keys(&mut app, "u"),
        vec![false],
        "the after check stays last"
    );
    keys(&mut app, "^");
    assert_eq!(keys(&mut app, "d"), vec![false]);
    assert_eq!(keys(&mut app, "u"), vec![true], "two calls still swap");
    assert_eq!(g(&app).plan[1].id, "tiny-two");
    // Chosen calls on the command line go between the checks.
    let mut g2 = hangup::group::GroupState::new(&two_library());
    g2.choose_plan(&["tiny-two".into()]);
    let ids: Vec<&str> = g2.plan.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "quick-check-before",
            "tiny-two",
            "tiny",
            "quick-check-after"
        ]
    );
    assert_eq!(g2.plan[2].status, ItemStatus::Skipped);
    assert_eq!(g2.plan[3].status, ItemStatus::Planned);
    // No quick-check file: no checks in the plan.
    let g3 = hangup::group::GroupState::with_quick_check(&two_library(), None);
    assert!(g3.plan.iter().all(|p| p.is_call()));
}

#[test]
fn whole_session_with_both_checks_and_two_calls_records_the_hands() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = group_app_saving_to(dir.path());
    keys(&mut app, "\n");
    // Before: 10 right and 0 wrong for the first snippet (a 0 and a 10 typed),
    // then 6 right and 4 wrong: 40 of 60 hands.
    run_check(&mut app, CheckStage::Before, |i| {
        Some(if i == 0 { (10, 0) } else { (6, 4) })
    });
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("HOW THE ROOM DID"), "{text}");
    assert!(
        text.contains("The room: 40 of 60 hands right (66%)."),
        "{text}"
    );
    assert!(text.contains("Later, we will ask again"), "{text}");
    assert!(text.contains("Enter Next call"), "{text}");
    keys(&mut app, "\n");
    assert_eq!(g(&app).plan[0].status, ItemStatus::Done);
    assert_eq!(
        g(&app).check_result(CheckStage::Before),
        Some(Hands {
            named_right: 40,
            hands: 60,
            unsure: 0
        })
    );
    // The two calls: still "Call 1 of 2" (the checks are not calls).
    assert!(screen_text(&app, 80, 24).contains("Call 1 of 2: A tiny test call"));
    run_call(&mut app);
    assert_eq!(g(&app).position(), (2, 2));
    keys(&mut app, "\n");
    while !matches!(phase(&app), Some(Phase::Ended { .. })) {
        keys(&mut app, "1\n");
    }
    assert!(screen_text(&app, 80, 24).contains("Enter Quick check"));
    keys(&mut app, "\n");
    // After: 9 right, 1 wrong each time: 54 of 60.
    run_check(&mut app, CheckStage::After, |_| Some((9, 1)));
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("The room: 54 of 60 hands right (90%)."),
        "{text}"
    );
    assert!(
        text.contains("Before practice: 66%.") && text.contains("After practice: 90%."),
        "{text}"
    );
    assert!(
        text.contains("The room spotted more this time. Well done."),
        "{text}"
    );
    assert!(text.contains("Enter Finish"), "{text}");
    keys(&mut app, "\n");
    assert_eq!(g(&app).stage, Stage::Finished);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Calls practised today: 2"), "{text}");
    keys(&mut app, "20\n");
    let Some(Saved::To(path)) = g(&app).saved.clone() else {
        panic!("not saved: {:?}", g(&app).saved);
    };
    let csv = std::fs::read_to_string(&path).expect("csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], record::HEADER);
    assert!(lines[1].contains(",tiny;tiny-two,20,"), "{csv}");
    assert!(lines[1].ends_with(",40,60,54,60,0,0,"), "{csv}");
    let back = record::read_all(dir.path()).expect("read");
    assert_eq!(
        (back[0].check_before, back[0].check_after),
        (
            Some(Hands {
                named_right: 40,
                hands: 60,
                unsure: 0
            }),
            Some(Hands {
                named_right: 54,
                hands: 60,
                unsure: 0
            })
        )
    );
    // hangup stats: the group summary has the quick-check totals.
    let mut out = Vec::new();
    hangup::stats::print(Some(dir.path()), false, &mut out).expect("stats");
    let out = String::from_utf8_lossy(&out);
    // Only a group session: the kiosk's empty table does not say "Nothing
    // has been counted yet" above the group's totals (newcomer trial).
    assert!(
        out.starts_with("The kiosk has counted nothing yet.\n"),
        "{out}"
    );
    assert!(!out.contains("Nothing has been counted"), "{out}");
    assert!(
        out.contains(
            "Group quick check: before practice 60 hands, 66% right; \
             after practice 60 hands, 90% right."
        ),
        "{out}"
    );
}

#[test]
fn the_answer_is_never_shown_before_the_volunteer_asks() {
    let mut app = group_app();
    keys(&mut app, "\n");
    for stage in [CheckStage::Before, CheckStage::After] {
        if stage == CheckStage::After {
            // Jump to the after check from the plan.
            keys(&mut app, "lvvv\n");
            assert_eq!(play(&app).stage, CheckStage::After);
        }
        for (i, item) in check_items(stage).iter().enumerate() {
            let first = item.explain.split(". ").next().expect("a sentence");
            let hidden = |app: &App| {
                for (w, h) in [(80, 24), (40, 12), (120, 40)] {
                    let text = screen_text(app, w, h);
                    assert!(!text.contains("The answer:"), "{stage:?} {i}:\n{text}");
                    assert!(!text.contains(first), "{stage:?} {i}:\n{text}");
                }
            };
            hidden(&app);
            assert!(screen_text(&app, 80, 24).contains("a scam or a real call?"));
            // Enter before the room has answered does nothing.
            assert_eq!(keys(&mut app, "\n"), vec![false]);
            // The notes, the help card, a pause and counting hands show nothing either.
            keys(&mut app, "n");
            hidden(&app);
            keys(&mut app, "n?");
            hidden(&app);
            keys(&mut app, "<pp");
            keys(&mut app, "t12");
            hidden(&app);
            keys(&mut app, "\n3");
            hidden(&app);
            keys(&mut app, "t");
            hidden(&app);
            assert!(!play(&app).revealed);
            // Now the volunteer asks.
            keys(&mut app, "2");
            assert!(play(&app).revealed);
            let text = screen_text(&app, 120, 40);
            assert!(text.contains("The answer is number"), "{text}");
            assert!(text.contains(first), "{text}");
            assert!(text.contains("The room said:"), "{text}");
            let answer_no = if item.answer == Kind::Scam { 1 } else { 2 };
            assert!(
                text.contains(&format!("The answer is number {answer_no}.")),
                "{text}"
            );
            keys(&mut app, "\n");
        }
        assert!(play(&app).at_result());
    }
}

#[test]
fn back_steps_through_the_check_and_s_skips_it() {
    let mut app = group_app();
    keys(&mut app, "\n");
    // At the first question, back does nothing.
    assert_eq!(keys(&mut app, "<"), vec![false]);
    keys(&mut app, "1");
    assert!(play(&app).revealed);
    keys(&mut app, "<");
    assert!(!play(&app).revealed);
    keys(&mut app, "1\n");
    assert_eq!((play(&app).index, play(&app).revealed), (1, false));
    keys(&mut app, "<");
    assert_eq!((play(&app).index, play(&app).revealed), (0, true));
    keys(&mut app, "\n");
    // Hands typed, then revealed, then back: the most hands is highlighted
    // again, so Enter reveals once more.
    keys(&mut app, "t2\n7\n\n");
    assert_eq!(play(&app).counts(), vec![Some(2), Some(7), None]);
    assert_eq!((g(&app).highlight, g(&app).selected), (true, 1));
    keys(&mut app, "\n<");
    assert!(!play(&app).revealed);
    assert_eq!(keys(&mut app, "\n"), vec![true]);
    assert!(play(&app).revealed);
    // To the result, then back to the last answer.
    keys(&mut app, "\n");
    while !play(&app).at_result() {
        keys(&mut app, "1\n");
    }
    keys(&mut app, "<");
    assert_eq!(play(&app).index, play(&app).items.len() - 1);
    assert!(play(&app).revealed);
    keys(&mut app, "\n");
    assert!(play(&app).at_result());
    // s skips the check (1: yes); the hands counted (2 and 7) are kept for the record.
    keys(&mut app, "s1");
    assert_eq!(g(&app).plan[0].status, ItemStatus::Skipped);
    assert_eq!(
        g(&app).check_result(CheckStage::Before).map(|h| h.hands),
        Some(9)
    );
    assert_eq!(g(&app).stage, Stage::Call);
}

#[test]
fn a_check_without_hands_shows_the_answers_and_no_score() {
    let mut app = group_app();
    keys(&mut app, "\n");
    run_check(&mut app, CheckStage::Before, |_| None);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("All the answers have been shown."), "{text}");
    assert!(text.contains("No hands were counted"), "{text}");
    assert!(!text.contains('%'), "{text}");
    keys(&mut app, "\n");
    assert_eq!(
        g(&app).check_result(CheckStage::Before),
        Some(Hands {
            named_right: 0,
            hands: 0,
            unsure: 0
        })
    );
    // Skip both calls; the after check, with hands, has no "before" to compare.
    keys(&mut app, "s1s1");
    run_check(&mut app, CheckStage::After, |_| Some((3, 1)));
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("The room: 18 of 24 hands right (75%)."),
        "{text}"
    );
    assert!(!text.contains("Before practice"), "{text}");
    let rec = g(&app).record(std::time::SystemTime::now());
    assert_eq!(
        rec.check_after, None,
        "not done until Enter leaves the result"
    );
    keys(&mut app, "\n");
    let rec = g(&app).record(std::time::SystemTime::now());
    assert!(rec.scenarios.is_empty());
    assert!(
        record::csv_line(&rec).ends_with(",0,0,18,24,0,0,"),
        "{}",
        record::csv_line(&rec)
    );
}

/// The trial: the room's "Not sure: I would check first" hands were counted
/// as right, so a room that named no more calls right than before but said
/// "not sure" more often heard "The room spotted more this time". As in the
/// quick check, only hands that named the call right count as right (the
/// percentages and the comparison alike); "not sure" is said apart, as safe,
/// and never as wrong.
#[test]
fn room_results_count_only_hands_that_named_the_call_right() {
    use hangup::group::room_result_lines;
    let h = |named_right, hands, unsure| Hands {
        named_right,
        hands,
        unsure,
    };
    // Before: 6 of 10 right. After: the same 6 right, and 2 who had been
    // wrong now say "not sure" (the record's right column says 8, 2 of
    // them not sure: see `a_room_saying_not_sure_is_never_wrong_and_is_recorded_apart`).
    let more_unsure = room_result_lines(CheckStage::After, h(6, 10, 2), Some(h(6, 10, 0)), false);
    assert_eq!(more_unsure[0], "The room: 6 of 10 hands right (60%).");
    assert!(
        more_unsure
            .iter()
            .any(|l| l.contains("Checking first is always safe.")),
        "{more_unsure:?}"
    );
    assert!(
        more_unsure.contains(&"Before practice: 60%. After practice: 60%.".to_string()),
        "{more_unsure:?}"
    );
    assert!(
        !more_unsure.iter().any(|l| l.contains("spotted more")),
        "{more_unsure:?}"
    );
    assert!(
        more_unsure
            .iter()
            .any(|l| l.starts_with("The same as before.")),
        "{more_unsure:?}"
    );
    // Fewer "not sure", more named right: that is spotting more.
    let better = room_result_lines(CheckStage::After, h(8, 10, 0), Some(h(4, 10, 4)), false);
    assert!(
        better.contains(&"Before practice: 40%. After practice: 80%.".to_string()),
        "{better:?}"
    );
    assert!(
        better
            .iter()
            .any(|l| l.contains("The room spotted more this time")),
        "{better:?}"
    );
    for l in more_unsure.iter().chain(&better) {
        assert!(!l.contains("wrong"), "{l}");
    }
}

#[test]
fn room_results_are_kind_whatever_the_change() {
    use hangup::group::room_result_lines;
    let h = |right, hands| Hands {
        named_right: right,
        hands,
        unsure: 0,
    };
    let down = room_result_lines(CheckStage::After, h(30, 60), Some(h(45, 60)), false);
    assert_eq!(down[0], "The room: 30 of 60 hands right (50%).");
    assert_eq!(down[1], "Before practice: 75%. After practice: 50%.");
    assert!(down[2].contains("hard to tell apart"), "{down:?}");
    let same = room_result_lines(CheckStage::After, h(30, 60), Some(h(15, 30)), false);
    assert!(same[2].starts_with("The same as before."), "{same:?}");
    // Before, with the after check still to come, or not.
    assert_eq!(
        room_result_lines(CheckStage::Before, h(1, 3), None, true).len(),
        2
    );
    assert_eq!(
        room_result_lines(CheckStage::Before, h(1, 3), None, false).len(),
        1
    );
    // A before check with no hands gives nothing to compare with.
    let no_before = room_result_lines(CheckStage::After, h(5, 6), Some(h(0, 0)), false);
    assert_eq!(no_before.len(), 1, "{no_before:?}");
    for lines in [down, same, no_before] {
        for l in lines {
            assert!(l.split_whitespace().count() <= 25, "{l}");
            for bad in ["wrong", "Wrong", "fail", "bad"] {
                assert!(!l.contains(bad), "{l}");
            }
        }
    }
}

#[test]
fn quick_check_snapshots() {
    let mut app = group_app();
    insta::assert_snapshot!("group_plan_with_checks_80x24", screen_text(&app, 80, 24));
    keys(&mut app, "\n");
    let snap = |app: &App, name: &str| {
        for (w, h) in [(80, 24), (40, 12)] {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen_text(app, w, h));
        }
    };
    snap(&app, "group_check_snippet");
    keys(&mut app, "t14\n");
    snap(&app, "group_check_tally_entry");
    keys(&mut app, "5\n1\n");
    snap(&app, "group_check_counted");
    keys(&mut app, "\n");
    snap(&app, "group_check_answer");
    keys(&mut app, "\n");
    while !play(&app).at_result() {
        let answer = play(&app).current().expect("item").answer;
        keys(&mut app, &hands_keys(answer, 11, 8));
        keys(&mut app, "\n\n");
    }
    snap(&app, "group_check_result_before");
    keys(&mut app, "\ns1s1");
    run_check(&mut app, CheckStage::After, |_| Some((16, 3)));
    snap(&app, "group_check_result_after");
}

#[test]
fn every_group_screen_at_every_size() {
    // Walk a whole session (both checks with hands, two calls, notes on and
    // off, the plan open) and draw every screen from 1x1 up: no panic, and at
    // 40x12 and up the quick check's two options are always on screen.
    const SIZES: &[(u16, u16)] = &[
        (1, 1),
        (5, 3),
        (39, 11),
        (40, 12),
        (41, 13),
        (60, 16),
        (80, 24),
        (120, 40),
        (200, 60),
    ];
    let mut app = group_app();
    let mut screens = 0;
    let mut draw_all = |app: &App| {
        for &(w, h) in SIZES {
            let text = screen_text(app, w, h);
            let g = g(app);
            if w >= 40
                && h >= 12
                && g.stage == Stage::Check
                && !g.notes
                && !g.plan_open
                && app.overlay.is_none()
                && g.check
                    .as_ref()
                    .is_some_and(|p| !p.revealed && !p.at_result())
            {
                assert!(
                    text.contains("1  A scam") && text.contains("2  A real call"),
                    "{w}x{h}:\n{text}"
                );
            }
            screens += 1;
        }
    };
    let mut steps = |app: &mut App, k: &str| {
        for c in k.chars() {
            keys(app, &c.to_string());
            draw_all(app);
        }
    };
    steps(&mut app, "l<");
    steps(&mut app, "\n");
    for stage in [CheckStage::Before, CheckStage::After] {
        for item in check_items(stage) {
            steps(&mut app, &hands_keys(item.answer, 12, 3));
            steps(&mut app, "n?<nl<");
            steps(&mut app, "\n\n");
        }
        steps(&mut app, "\n");
        if stage == CheckStage::Before {
            for _ in 0..2 {
                steps(&mut app, "\n");
                while !matches!(phase(&app), Some(Phase::Ended { .. })) {
                    steps(&mut app, "t4\n1\n\n\n");
                }
                steps(&mut app, "\n");
            }
        }
    }
    assert_eq!(g(&app).stage, Stage::Finished);
    steps(&mut app, "7");
    assert!(screens > 500, "{screens}");
}

// ---- The record: quick-check columns and the older five-column file ----------

fn rec_with(before: Option<Hands>, after: Option<Hands>) -> Record {
    Record {
        date: "2026-03-05".into(),
        duration_minutes: 55,
        scenarios: vec!["police-courier".into()],
        attendees: 12,
        tallies: Vec::new(),
        check_before: before,
        check_after: after,
        marks: Default::default(),
    }
}

const OLD_FILE: &str = "date,duration_minutes,scenarios,attendees,tallies\n\
    2025-11-02,48,police-courier,12,police-courier/call=3|-|9\n\
    2025-12-01,50,\"odd,id\",9,\n";

fn hands(right: u32, hands: u32) -> Option<Hands> {
    Some(Hands {
        named_right: right,
        hands,
        unsure: 0,
    })
}

#[test]
fn an_old_five_column_file_is_widened_once_then_appended_to() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(record::FILE_NAME);
    // A row hangup cannot read is kept as it is.
    std::fs::write(&path, format!("{OLD_FILE}not a session\n")).expect("write");
    // Before any new row, the old file reads: no quick checks.
    let old = record::read_all(dir.path()).expect("read");
    assert_eq!(old.len(), 2);
    assert_eq!(old[1].scenarios, vec!["odd,id".to_string()]);
    assert!(
        old.iter()
            .all(|r| r.check_before.is_none() && r.check_after.is_none())
    );
    let mut out = Vec::new();
    record::write_summary(&record::summary(dir.path()).expect("sum"), &mut out).expect("w");
    assert!(!String::from_utf8_lossy(&out).contains("quick check"));

    record::append(dir.path(), &rec_with(hands(40, 60), None)).expect("append");
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(
        text,
        format!(
            "{}\n\
             2025-11-02,48,police-courier,12,police-courier/call=3|-|9,,,,,,,\n\
             2025-12-01,50,\"odd,id\",9,,,,,,,,\n\
             not a session\n\
             2026-03-05,55,police-courier,12,,40,60,,,0,,\n",
            record::HEADER
        )
    );
    // Every row now has the header's twelve columns (the unreadable one aside).
    for l in text.lines().filter(|l| *l != "not a session") {
        let mut quoted = false;
        let commas = l
            .chars()
            .filter(|&c| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == ',' && !quoted
            })
            .count();
        assert_eq!(commas, 11, "{l}");
    }
    // The rewrite left no temporary file behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec![record::FILE_NAME.to_string()]);

    // The next save just adds a row: the header is not written again.
    record::append(dir.path(), &rec_with(None, hands(5, 6))).expect("append again");
    let again = std::fs::read_to_string(&path).expect("read");
    assert_eq!(
        again,
        format!("{text}2026-03-05,55,police-courier,12,,,,5,6,,0,\n")
    );
    assert_eq!(again.matches("date,").count(), 1);
    let all = record::read_all(dir.path()).expect("read");
    assert_eq!(all.len(), 4);
    assert_eq!(all[0].check_before, None);
    assert_eq!(
        (all[2].check_before, all[2].check_after),
        (hands(40, 60), None)
    );
    assert_eq!(
        (all[3].check_before, all[3].check_after),
        (None, hands(5, 6))
    );
}

#[test]
fn an_old_file_from_a_spreadsheet_keeps_its_line_ends_and_mark() {
    // Saved by a spreadsheet: a byte-order mark, "\r\n" line ends, and no
    // line end after the last row.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(record::FILE_NAME);
    std::fs::write(
        &path,
        "\u{feff}date,duration_minutes,scenarios,attendees,tallies\r\n\
         2025-11-02,48,police-courier,12,\r\n\
         2025-11-09,40,amazon-refund,8,",
    )
    .expect("write");
    assert_eq!(record::read_all(dir.path()).expect("read").len(), 2);
    record::append(dir.path(), &rec_with(None, None)).expect("append");
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(
        text,
        format!(
            "\u{feff}{}\r\n\
             2025-11-02,48,police-courier,12,,,,,,,,\r\n\
             2025-11-09,40,amazon-refund,8,,,,,,,,\n\
             2026-03-05,55,police-courier,12,,,,,,,,\n",
            record::HEADER
        )
    );
    assert_eq!(record::read_all(dir.path()).expect("read").len(), 3);
}

#[test]
fn a_new_file_or_one_hangup_does_not_know_is_only_appended_to() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(record::FILE_NAME);
    // Already the new header, but no line end after the last row.
    let new = format!("{}\n2026-01-01,30,tiny,5,,1,2,,", record::HEADER);
    std::fs::write(&path, &new).expect("write");
    record::append(dir.path(), &rec_with(hands(3, 4), hands(4, 4))).expect("append");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        format!("{new}\n2026-03-05,55,police-courier,12,,3,4,4,4,0,0,\n")
    );
    let back = record::read_all(dir.path()).expect("read");
    assert_eq!(back[0].check_before, hands(1, 2));
    // A first line that is neither header is never rewritten.
    let odd = "our own notes,kept here\n";
    std::fs::write(&path, odd).expect("write");
    record::append(dir.path(), &rec_with(None, None)).expect("append");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        format!("{odd}2026-03-05,55,police-courier,12,,,,,,,,\n")
    );
}

#[test]
fn stats_sums_the_quick_check_hands_over_sessions() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(record::FILE_NAME), OLD_FILE).expect("old file");
    for r in [
        rec_with(hands(30, 60), hands(50, 60)),
        rec_with(hands(22, 40), None),
        // Done with no hands counted: a session, but no hands.
        rec_with(None, hands(0, 0)),
        // Edited by hand to more right than hands: counted as all right.
        rec_with(None, hands(9, 8)),
    ] {
        record::append(dir.path(), &r).expect("append");
    }
    let s = record::summary(dir.path()).expect("summary");
    assert_eq!(s.sessions, 6);
    assert_eq!(
        (
            s.check_before.sessions,
            s.check_before.named_right,
            s.check_before.hands
        ),
        (2, 52, 100)
    );
    assert_eq!(
        (
            s.check_after.sessions,
            s.check_after.named_right,
            s.check_after.hands
        ),
        (3, 58, 68)
    );
    let mut out = Vec::new();
    record::write_summary(&s, &mut out).expect("write");
    let out = String::from_utf8_lossy(&out);
    assert!(
        out.contains(
            "Group quick check: before practice 100 hands, 52% right; \
             after practice 68 hands, 85% right."
        ),
        "{out}"
    );
    // Only a before check so far.
    let s = record::Summary {
        check_before: s.check_before,
        check_after: Default::default(),
        ..s
    };
    let mut out = Vec::new();
    record::write_summary(&s, &mut out).expect("write");
    assert!(
        String::from_utf8_lossy(&out).contains("after practice no hands counted."),
        "{}",
        String::from_utf8_lossy(&out)
    );
}

#[test]
fn the_default_plan_fits_the_time_it_suggests() {
    let g = hangup::group::GroupState::new(&Library::builtin());
    let minutes = g.planned_minutes();
    assert!(
        (45..=hangup::group::DEFAULT_PLAN_MINUTES).contains(&minutes),
        "{minutes} minutes"
    );
    assert!(g.planned_count() >= 2, "at least two calls");
    // The quick checks stay in; the other calls are there to add with a key.
    assert_eq!(g.planned_checks(), 2);
    assert!(g.plan.iter().any(|p| p.status == ItemStatus::Skipped));
}

/// The seed call the project started from is in the default plan, first
/// of the calls (the guide's plan plays it first), and the plan still fits.
#[test]
fn the_default_plan_starts_with_the_police_courier_call() {
    let g = hangup::group::GroupState::new(&Library::builtin());
    let first = g.plan.iter().find(|p| p.is_call()).expect("a call");
    assert_eq!(first.id, "police-courier");
    assert_eq!(first.status, ItemStatus::Planned);
    assert!(g.planned_minutes() <= hangup::group::DEFAULT_PLAN_MINUTES);
}

#[test]
fn a_long_plan_scrolls_and_keeps_the_totals_on_screen() {
    // Every built-in call plus both quick checks: more rows than 80x24 holds.
    let mut app = App::new(Library::builtin(), crate::harness::group_options(1));
    let n = g(&app).plan.len();
    assert!(n > 16, "{n} rows");
    // The totals stay on screen; in the smallest window they give way, so
    // that the rows keep at least half of it.
    for (w, h, totals) in [(80, 24, Some(true)), (60, 16, Some(true)), (40, 12, None)] {
        let text = screen_text(&app, w, h);
        if let Some(totals) = totals {
            assert_eq!(text.contains("minutes"), totals, "{w}x{h}:\n{text}");
        }
        // The rows keep at least a third of the window.
        let rows = text
            .lines()
            .filter(|l| l.contains(". Today") || l.contains(". Skip"))
            .count();
        assert!(rows * 3 >= usize::from(h), "{w}x{h}:\n{text}");
        assert!(text.contains("Rows 1 to"), "{w}x{h}:\n{text}");
        // Numbers are right-aligned, so the columns do not shift at row 10.
        assert!(text.contains("▶  1. Today"), "{w}x{h}:\n{text}");
        // The default plan fits 60 minutes: the calls after that start as "Skip".
        assert!(
            h < 16 || text.contains("5. Today") || text.contains("5. Skip"),
            "{w}x{h}:\n{text}"
        );
    }
    // Down to the last row (the quick check after): it comes into view.
    for _ in 1..n {
        keys(&mut app, "v");
    }
    for (w, h) in [(80, 24), (40, 12)] {
        let text = screen_text(&app, w, h);
        assert!(text.contains(&format!("▶ {n}. Today")), "{w}x{h}:\n{text}");
        assert!(
            text.contains(&format!("to {n} of {n}.")),
            "{w}x{h}:\n{text}"
        );
    }
    assert!(screen_text(&app, 80, 24).contains("Up and Down show the rest."));
    for (w, h) in [(1, 1), (40, 13), (41, 14), (45, 20), (200, 60), (500, 200)] {
        screen_text(&app, w, h);
    }
    assert!(screen_text(&app, 80, 24).contains("Quick check: after practice"));
    insta::assert_snapshot!("group_plan_scrolled_80x24", screen_text(&app, 80, 24));
}

// ---- Presenter remotes, number pads, and the smoothing of issue 19 ---------

use crossterm::event::{Event, KeyEvent, KeyModifiers};

/// A key as a presenter remote or number pad sends it.
fn remote(app: &mut App, code: KeyCode) -> bool {
    send(app, key(code), 80, 24)
}

fn footer(app: &App) -> String {
    footer_rows(&screen_text(app, 80, 24)).join("  ")
}

/// The footer's rows at the bottom of a screen (one, or two where the keys
/// do not fit on one): the last lines that start with one space and a word
/// (the body's lines start with its margin).
fn footer_rows(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_matches('"')).collect();
    let mut rows: Vec<String> = Vec::new();
    for (k, l) in lines.iter().rev().take(2).enumerate() {
        let footer_like = l.starts_with(' ') && !l.starts_with("  ");
        if k > 0 && !footer_like {
            break;
        }
        rows.insert(0, l.trim().to_string());
    }
    rows
}

/// A presenter remote (Page Down / Right / Page Up / Left / B / `.` / F5 /
/// Shift-F5) and a number pad (digits, Enter, + and -) run a whole call with
/// a show of hands, without the keyboard.
#[test]
fn a_presenter_remote_and_a_number_pad_run_a_whole_call() {
    let mut app = calls_app();
    // Page Down starts the plan's first call, then answers the phone.
    assert!(remote(&mut app, KeyCode::PageDown));
    assert_eq!(phase(&app), Some(Phase::Incoming));
    assert!(remote(&mut app, KeyCode::PageDown));
    assert_eq!(phase(&app), Some(Phase::Deciding { step: 0 }));
    let room = screen_text(&app, 80, 24);
    // B blanks the room's screen; `.` brings it back.
    assert!(remote(&mut app, KeyCode::Char('B')));
    assert!(screen_text(&app, 80, 24).contains("Blank screen."));
    assert!(remote(&mut app, KeyCode::Char('.')));
    assert_eq!(screen_text(&app, 80, 24), room);
    // F5 and Shift-F5 ("start the show"): the room view, whatever was over it.
    remote(&mut app, KeyCode::Char('.'));
    assert!(remote(&mut app, KeyCode::F(5)));
    assert_eq!(screen_text(&app, 80, 24), room);
    keys(&mut app, "n?");
    let shift_f5 = Event::Key(KeyEvent::new(KeyCode::F(5), KeyModifiers::SHIFT));
    assert!(send(&mut app, shift_f5, 80, 24));
    assert_eq!(screen_text(&app, 80, 24), room);
    // F5 on the room view changes nothing.
    assert!(!remote(&mut app, KeyCode::F(5)));
    // Nothing is highlighted yet, so going on reveals nothing.
    assert!(!remote(&mut app, KeyCode::PageDown));
    // The show of hands on the number pad: t, then 3 Enter 9 Enter; a
    // mistyped digit goes with -.
    keys(&mut app, "t35");
    assert!(send(&mut app, ch('-'), 80, 24));
    keys(&mut app, "\n9\n");
    assert_eq!(g(&app).counts_now(), vec![Some(3), Some(9)]);
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("3 hands") && text.contains("9 hands"),
        "{text}"
    );
    // Right reveals the choice with the most hands (the second on screen).
    assert!(remote(&mut app, KeyCode::Right));
    assert_eq!(phase(&app), Some(Phase::Feedback { step: 0, choice: 1 }));
    // Left (or Page Up, or -) takes the reveal back; + reveals it again.
    assert!(remote(&mut app, KeyCode::Left));
    assert_eq!(phase(&app), Some(Phase::Deciding { step: 0 }));
    assert!(send(&mut app, ch('+'), 80, 24));
    assert!(matches!(phase(&app), Some(Phase::Feedback { step: 0, .. })));
    assert!(remote(&mut app, KeyCode::PageUp));
    assert_eq!(phase(&app), Some(Phase::Deciding { step: 0 }));
    // Space is a remote's "next" too.
    assert!(send(&mut app, ch(' '), 80, 24));
    assert!(matches!(phase(&app), Some(Phase::Feedback { step: 0, .. })));
    // On to the end of the call with Page Down and the pad's digits.
    for _ in 0..20 {
        match phase(&app) {
            Some(Phase::Ended { .. }) | None => break,
            Some(Phase::Deciding { .. }) => {
                send(&mut app, ch('1'), 80, 24);
            }
            _ => {
                remote(&mut app, KeyCode::PageDown);
            }
        }
    }
    assert!(
        matches!(phase(&app), Some(Phase::Ended { .. })),
        "{:?}",
        phase(&app)
    );
    // Esc from a remote goes back one step; it never stops the session.
    assert!(remote(&mut app, KeyCode::Esc));
    assert!(matches!(phase(&app), Some(Phase::Feedback { .. })));
    assert!(app.overlay.is_none() && app.running);
    remote(&mut app, KeyCode::PageDown);
    assert!(matches!(phase(&app), Some(Phase::Ended { .. })));
    // The hands were kept for the record, and Page Down goes to the next call.
    assert_eq!(g(&app).tallies.len(), 1);
    assert_eq!(g(&app).tallies[0].counts.iter().flatten().sum::<u32>(), 12);
    assert!(remote(&mut app, KeyCode::PageDown));
    assert_eq!(g(&app).position(), (2, 2));
}

/// After "what if we had said 2?", the footer says which choice Enter
/// follows.
#[test]
fn the_footer_says_which_revealed_choice_enter_follows() {
    let mut app = calls_app();
    keys(&mut app, "\n\n1");
    assert!(
        footer(&app).contains("Enter Go on with 1"),
        "{}",
        footer(&app)
    );
    keys(&mut app, "2");
    assert_eq!(phase(&app), Some(Phase::Feedback { step: 0, choice: 1 }));
    assert!(
        footer(&app).contains("Enter Go on with 2"),
        "{}",
        footer(&app)
    );
}

/// The hands are saved by choice (its number in the file and safer or risky),
/// so two rooms that saw the choices in different orders read the same.
#[test]
fn saved_hands_are_labelled_by_choice_whatever_order_the_room_saw() {
    let field = |seed: u64| {
        let mut app = calls_app();
        app.options.seed = Some(seed);
        keys(&mut app, "\n\n");
        let session = g(&app).session.as_ref().expect("a call");
        let step = session.step(0);
        // The room puts 2 hands on the safer choice and 8 on the other,
        // wherever they are on the screen.
        let hands: Vec<String> = step
            .choices
            .iter()
            .map(|c| match c.verdict {
                hangup::engine::Verdict::Safer => "2".to_string(),
                _ => "8".to_string(),
            })
            .collect();
        let order: Vec<usize> = step.choices.iter().map(|c| c.authored_index).collect();
        keys(&mut app, "t");
        for h in &hands {
            keys(&mut app, &format!("{h}\n"));
        }
        (record::tallies_field(&g(&app).tallies), order)
    };
    let (a, order_a) = field(1);
    let mut other = None;
    for seed in 2..40 {
        let (b, order_b) = field(seed);
        if order_b != order_a {
            other = Some(b);
            break;
        }
    }
    let b = other.expect("some seed shows the choices in another order");
    assert_eq!(a, b);
    assert!(a.starts_with("tiny/hello="), "{a}");
    assert!(a.contains("-safer:2"), "{a}");
    assert!(a.contains("-risky:8"), "{a}");
}

/// Records saved with labels and without (older files) both read back.
#[test]
fn labelled_and_older_tallies_both_read_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = format!(
        "{}\n\
         2026-03-01,52,police-courier,18,police-courier/call=3|-|15,,,,\n\
         2026-03-02,50,police-courier,12,police-courier/call=3-risky:15|1-safer:3|2-risky:-,,,,\n\
         2026-03-03,50,police-courier,12,police-courier/call=999-safer:1|x:2|1-safer:bad|2:4,,,,\n",
        record::HEADER
    );
    std::fs::write(dir.path().join(record::FILE_NAME), text).expect("write");
    let back = record::read_all(dir.path()).expect("read");
    assert_eq!(back.len(), 3);
    assert_eq!(back[0].tallies[0].counts, vec![Some(3), None, Some(15)]);
    assert!(back[0].tallies[0].labels.is_empty());
    // Labelled in any order: each count goes to its choice.
    assert_eq!(back[1].tallies[0].counts, vec![Some(3), None, Some(15)]);
    assert_eq!(
        back[1].tallies[0].labels,
        vec!["1-safer", "2-risky", "3-risky"]
    );
    // Labels that make no sense are left out, never a huge list or a panic.
    assert_eq!(back[2].tallies[0].counts, vec![None, Some(4)]);
    // Written back, the labelled row reads as it was saved.
    assert_eq!(
        record::tallies_field(&back[1].tallies),
        "police-courier/call=1-safer:3|2-risky:-|3-risky:15"
    );
}

/// Walk every kind of group screen over `library`: the plan with its help
/// card and stop question, both quick checks (hands typed for all three
/// options, each answer), every call in the plan (hands typed at each
/// question, then choice 1, or the last choice when `last`, with a look at
/// another choice, the notes, the plan over the call and a blank screen),
/// the endings and the end with the people typed. `visit` sees the app
/// after every key.
pub(crate) fn walk(library: Library, last: bool, visit: &mut dyn FnMut(&App)) {
    let mut app = App::new(library, crate::harness::group_options(3));
    if let Some(g) = app.group.as_mut() {
        for p in &mut g.plan {
            p.status = ItemStatus::Planned;
        }
    }
    let mut press = |app: &mut App, k: &str| {
        for c in k.chars() {
            keys(app, &c.to_string());
            visit(app);
        }
    };
    press(&mut app, "?<qn\n");
    for _ in 0..4000 {
        let g = g(&app);
        match g.stage {
            Stage::Plan => break,
            Stage::Finished => {
                press(&mut app, "12");
                break;
            }
            Stage::Check => {
                let Some(play) = g.check.as_ref() else { break };
                if play.at_result() {
                    press(&mut app, "\n");
                } else if play.revealed {
                    press(&mut app, "n?<n\n");
                } else {
                    press(&mut app, "t3\n2\n1\n\n");
                }
            }
            Stage::Call => match phase(&app) {
                Some(Phase::Deciding { step }) => {
                    let n = g
                        .session
                        .as_ref()
                        .map_or(1, |s| s.step(step).choices.len())
                        .min(9);
                    let mut k = String::from("t");
                    for i in 0..n {
                        k.push_str(&format!("{}\n", i + 1));
                    }
                    press(&mut app, &k);
                    let pick = if last { n } else { 1 };
                    press(&mut app, &pick.to_string());
                }
                Some(Phase::Feedback { choice, .. }) => {
                    // "What if we had said 2?", then back to the room's choice.
                    let other = if choice == 0 { 2 } else { 1 };
                    press(&mut app, &other.to_string());
                    press(&mut app, &(choice + 1).to_string());
                    press(&mut app, "\n");
                }
                Some(Phase::Incoming) => press(&mut app, "nnl<bb\n"),
                Some(Phase::Ended { .. }) => press(&mut app, "n?<n\n"),
                None => break,
            },
        }
    }
}

/// The group screen model as drawn now.
fn model_of(app: &App) -> hangup::present::Screen {
    hangup::group::view::model(app).expect("a group session")
}

#[test]
fn group_speech_says_every_block_of_every_group_screen() {
    use hangup::speech::{Hands, spoken};
    let mut screens = 0;
    for last in [false, true] {
        walk(crate::harness::library(), last, &mut |app| {
            let s = model_of(app);
            let said = spoken(&s, Hands::Keys);
            // The help card's key list is said in words ("Stop: press the letter q").
            common::assert_said(&s, &said, s.texts());
            // Every key of a command, as the footer shows them ("Up/Down
            // Move" is "Move: press Up or Down"), not just the first.
            super::harness::assert_every_key_said(&s, &said);
            screens += 1;
        });
    }
    assert!(screens > 500, "{screens} screens");
}

/// What a group footer may say: each command as "keys label" (keys joined
/// with "/"), a command with no keys by its label, and the numbered choices
/// as "1-N verb" or "1-N or keys verb".
fn allowed_parts(s: &hangup::present::Screen) -> Vec<String> {
    use hangup::present::Key;
    let named = |c: &hangup::present::Command| {
        c.keys
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join("/")
    };
    let mut v: Vec<String> = s
        .commands
        .iter()
        .map(|c| {
            if c.keys.is_empty() {
                c.label.clone()
            } else {
                format!("{} {}", named(c), c.label)
            }
        })
        .collect();
    // A command's shorter words, where the footer is short of room ("s Skip").
    for c in s.commands.iter().filter(|c| !c.keys.is_empty()) {
        if let Some(short) = &c.short {
            v.push(format!("{} {short}", named(c)));
        }
    }
    // A yes-or-no dialog names its answers by their digits only:
    // "1 Yes, stop".
    if s.short_answers {
        for c in &s.commands {
            if let Some(Key::Digit(d)) = c.keys.iter().find(|k| matches!(k, Key::Digit(_))) {
                v.push(format!("{d} {}", c.label));
                // The answer Enter takes: "2/Enter No, go on".
                if c.default && c.keys.contains(&Key::Enter) {
                    v.push(format!("{d}/Enter {}", c.label));
                }
            }
        }
    }
    let digits: Vec<u8> = s
        .choices()
        .flat_map(|c| c.keys.clone())
        .filter_map(|k| match k {
            Key::Digit(d) => Some(d),
            _ => None,
        })
        .collect();
    if let (Some(lo), Some(hi)) = (digits.iter().min(), digits.iter().max()) {
        let verb = s.choose.clone().unwrap_or_else(|| "Choose".into());
        let range = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}-{hi}")
        };
        v.push(format!("{range} {verb}"));
        // Where the choices are not on screen, each digit is named (and is a
        // click target): "1/3 Another".
        let each: Vec<String> = digits.iter().map(u8::to_string).collect();
        v.push(format!("{} {verb}", each.join("/")));
        for c in s.others().filter(|c| c.label == verb) {
            v.push(format!("{range} or {} {verb}", named(c)));
        }
    }
    v
}

#[test]
fn every_group_footer_is_made_of_its_screens_commands() {
    let mut checked = 0;
    walk(two_library(), false, &mut |app| {
        let s = model_of(app);
        let ok = allowed_parts(&s);
        for (w, h) in [(80, 24), (120, 33), (40, 12)] {
            let text = screen_text(app, w, h);
            let rows = footer_rows(&text);
            let last = rows.join("  ");
            let got: Vec<&str> = last
                .split("  ")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if g(app).paused && app.overlay.is_none() {
                continue;
            }
            assert!(!got.is_empty(), "{w}x{h} {}: an empty footer", s.title);
            for p in got {
                assert!(
                    ok.iter().any(|a| a == p),
                    "{w}x{h} {}: footer part {p:?} is not one of the screen's commands {ok:?}",
                    s.title
                );
            }
            // At 80 columns and wider, nothing the room's volunteer needs is
            // left off: the choices and the default command are named.
            if w >= 80
                && let Some(d) = s.default_command()
            {
                assert!(last.contains(&d.label), "{w}x{h}: {last:?} lacks {d:?}");
            }
            checked += 1;
        }
    });
    assert!(checked > 100, "{checked}");
}

#[test]
fn narration_is_never_inside_a_speakers_words_on_the_projector() {
    use hangup::present::Role;
    // Every group screen's blocks keep the practice screens' roles: scene
    // lines and time jumps are their own blocks, thoughts are thoughts.
    let (mut scenes, mut thoughts) = (0, 0);
    let mut visit = |app: &App| {
        let s = model_of(app);
        for b in &s.blocks {
            match &b.role {
                Role::Scene => scenes += 1,
                Role::Thought => thoughts += 1,
                Role::Speech { .. } => {
                    assert!(!b.text.starts_with("You think"), "{b:?}");
                }
                _ => {}
            }
        }
        // Drawn: a thought is under "You think:", never "... says:".
        if s.blocks.iter().any(|b| b.role == Role::Thought) {
            let text = screen_text(app, 120, 40);
            assert!(text.contains("You think:"), "{text}");
        }
    };
    for last in [false, true] {
        walk(crate::harness::library(), last, &mut visit);
    }
    assert!(
        scenes > 0 && thoughts > 0,
        "{scenes} scenes, {thoughts} thoughts"
    );
}

#[test]
fn a_nine_column_file_is_widened_and_not_sure_hands_are_kept_apart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(record::FILE_NAME);
    // A file saved before "Not sure" came to group mode.
    let nine = format!(
        "{}\n2026-01-10,45,tiny,9,,7,12,10,12\n",
        record::NINE_HEADER
    );
    std::fs::write(&path, &nine).expect("write");
    let old = record::read_all(dir.path()).expect("read");
    assert_eq!(old[0].check_before, hands(7, 12), "old rows: 0 not sure");
    // 6 named right and 3 not sure: the file's right column says 9 (right
    // or careful), as it always has, with the 3 apart.
    let with_unsure = Some(Hands {
        named_right: 6,
        hands: 12,
        unsure: 3,
    });
    record::append(dir.path(), &rec_with(with_unsure, hands(11, 12))).expect("append");
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(
        text,
        format!(
            "{}\n2026-01-10,45,tiny,9,,7,12,10,12,,,\n\
             2026-03-05,55,police-courier,12,,9,12,11,12,3,0,\n",
            record::HEADER
        )
    );
    let all = record::read_all(dir.path()).expect("read");
    assert_eq!(all[1].check_before, with_unsure);
    // Stats: the careful hands are said apart, not counted as right
    // (7 + 6 of 24 named the call right).
    let mut out = Vec::new();
    record::write_summary(&record::summary(dir.path()).expect("sum"), &mut out).expect("w");
    let said = String::from_utf8_lossy(&out);
    assert!(
        said.contains("24 hands, 54% right, 3 of them not sure: I would check first (always safe)"),
        "{said}"
    );
    // A "not sure" cell larger than the right hands (an edited file) is capped.
    std::fs::write(
        &path,
        format!("{}\n2026-01-10,45,tiny,9,,2,12,,,99,\n", record::HEADER),
    )
    .expect("write");
    let capped = record::read_all(dir.path()).expect("read");
    assert_eq!(capped[0].check_before.map(|h| h.unsure), Some(2));
}

/// The room's result counted only the hands that named the call right, but
/// worked that out on the screen, while the hands kept for the session (the
/// check's total, the record read back, `hangup stats`) still had "not
/// sure" in them as right: 62% on the projector, 87% everywhere else. Now
/// the hands hold the named-right hands, with "not sure" apart, wherever
/// they are kept; only the file's own columns keep their meaning (right or
/// careful, with "not sure" apart), so files and the tools that read them
/// do not change.
#[test]
fn the_rooms_kept_hands_agree_with_its_result() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = group_app_saving_to(dir.path());
    keys(&mut app, "\n");
    // Each snippet: 5 hands on the right answer, 1 on the wrong one, 2 not sure.
    for item in check_items(CheckStage::Before) {
        let (scam, real) = match item.answer {
            Kind::Scam => (5, 1),
            Kind::Genuine => (1, 5),
        };
        keys(&mut app, &format!("t{scam}\n{real}\n2\n\n\n"));
    }
    assert!(play(&app).at_result());
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("hands right (62%)."), "{text}");
    assert_eq!(play(&app).total().percent(), Some(62));
    keys(&mut app, "\n");
    assert_eq!(
        g(&app)
            .check_result(CheckStage::Before)
            .and_then(|h| h.percent()),
        Some(62)
    );
    while g(&app).stage != Stage::Finished {
        keys(&mut app, "s1");
    }
    keys(&mut app, "7\n");
    let rec = record::read_all(dir.path()).expect("read");
    assert_eq!(rec[0].check_before.and_then(|h| h.percent()), Some(62));
    assert_eq!(rec[0].check_before.map(|h| h.unsure), Some(12));
    // The file as it always was: 42 right or careful, 12 of them not sure.
    let csv = std::fs::read_to_string(dir.path().join(record::FILE_NAME)).expect("csv");
    assert!(
        csv.lines()
            .nth(1)
            .is_some_and(|l| l.ends_with(",42,48,,,12,,")),
        "{csv}"
    );
    let mut out = Vec::new();
    record::write_summary(&record::summary(dir.path()).expect("sum"), &mut out).expect("w");
    let said = String::from_utf8_lossy(&out);
    assert!(
        said.contains("before practice 48 hands, 62% right"),
        "{said}"
    );
}

#[test]
fn a_room_saying_not_sure_is_never_wrong_and_is_recorded_apart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = group_app_saving_to(dir.path());
    keys(&mut app, "\n");
    // Each snippet: 5 hands on the right answer, 1 on the wrong one, 2 not sure.
    for item in check_items(CheckStage::Before) {
        let (scam, real) = match item.answer {
            Kind::Scam => (5, 1),
            Kind::Genuine => (1, 5),
        };
        keys(&mut app, &format!("t{scam}\n{real}\n2\n"));
        assert_eq!(play(&app).counts()[2], Some(2));
        keys(&mut app, "\n");
        assert!(play(&app).revealed);
        let text = screen_text(&app, 80, 24);
        assert!(
            text.contains("3: 2 hands (checking first is always safe)."),
            "{text}"
        );
        keys(&mut app, "\n");
    }
    assert!(play(&app).at_result());
    let text = screen_text(&app, 80, 24);
    // 6 snippets: 30 right + 12 not sure, of 48 hands. "Not sure" is safe,
    // never wrong, but names no call: it is said apart, not counted right
    // (the record keeps the 42 "right or careful" hands, 12 of them apart).
    assert!(
        text.contains("The room: 30 of 48 hands right (62%)."),
        "{text}"
    );
    assert!(
        text.contains("12 hands said \"Not sure: I would check first\""),
        "{text}"
    );
    // To the end (the calls skipped), then save.
    keys(&mut app, "\n");
    while g(&app).stage != Stage::Finished {
        keys(&mut app, "s1");
    }
    keys(&mut app, "7\n");
    let rec = record::read_all(dir.path()).expect("read");
    assert_eq!(
        rec[0].check_before,
        Some(Hands {
            named_right: 30,
            hands: 48,
            unsure: 12
        })
    );
    // The file's columns as they always were: 42 right or careful, 12 of
    // them not sure.
    let csv = std::fs::read_to_string(dir.path().join(record::FILE_NAME)).expect("csv");
    assert!(
        csv.lines()
            .nth(1)
            .is_some_and(|l| l.ends_with(",42,48,,,12,,")),
        "{csv}"
    );
}

// ---- Clicks and touches, the help card's scroll, the plan's rows ----------

/// The group app as the builtin calls make it (every call, both checks).
fn builtin_app() -> App {
    App::new(Library::builtin(), crate::harness::group_options(1))
}

/// Where `text` is on the screen at `w`x`h`: (column, row) of its first letter.
fn find_on_screen(app: &App, w: u16, h: u16, text: &str) -> Option<(u16, u16)> {
    screen_text(app, w, h)
        .lines()
        .enumerate()
        .find_map(|(row, l)| {
            let l = l.trim_matches('"');
            l.find(text).map(|i| {
                (
                    u16::try_from(l[..i].chars().count()).expect("column"),
                    u16::try_from(row).expect("row"),
                )
            })
        })
}

/// Click (or touch) on `text` where the screen at `w`x`h` shows it.
fn click_on(app: &mut App, w: u16, h: u16, text: &str) -> bool {
    let (col, row) = find_on_screen(app, w, h, text)
        .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{}", screen_text(app, w, h)));
    send(app, common::click(col + 1, row), w, h)
}

/// Every action of every group screen (each command with a key, as the
/// model lists it) has a click or touch target that takes that action: the
/// choices and plan rows where they are drawn, the rest in the footer.
#[test]
fn every_group_action_has_a_click_target() {
    use hangup::group::command_action;
    use hangup::present::Cmd;
    use hangup::tui::app::Target;
    let mut checked = 0;
    walk(two_library(), false, &mut |app| {
        for (w, h) in [(120, 40), (80, 24)] {
            screen_text(app, w, h);
            let s = model_of(app);
            let targets = app.targets.borrow().clone();
            let shown = footer_rows(&screen_text(app, w, h)).join("  ");
            for c in &s.commands {
                let Some(a) = command_action(c) else { continue };
                if matches!(c.id, Cmd::ScrollUp | Cmd::ScrollDown) {
                    continue;
                }
                // At 80 columns too: the footer names every command.
                assert!(
                    c.is_choice() || shown.contains(&c.label),
                    "{w}x{h} {:?}: {:?} is left off the footer {shown:?}",
                    s.title,
                    c.label
                );
                assert!(
                    targets.iter().any(|(_, t)| *t == Target::Act(a)),
                    "{w}x{h} {:?}: {:?} ({a:?}) has no target in {targets:?}",
                    s.title,
                    c.label
                );
                checked += 1;
            }
        }
    });
    assert!(checked > 500, "{checked}");
}

/// Clicks do what the keys do: a plan row past 9 goes in and out, the
/// footer's Start starts, a choice is revealed, Help opens the card, "More
/// below" scrolls it and Close shuts it.
#[test]
fn a_mouse_or_touch_screen_runs_the_session() {
    let mut app = builtin_app();
    let n = g(&app).plan.len();
    assert!(n >= 21, "{n}");
    // Every row, also 10 to 21, goes out and back in by key (Down, then x).
    for row in 0..n {
        let before = g(&app).plan[row].status;
        keys(&mut app, "x");
        assert_ne!(g(&app).plan[row].status, before, "row {}", row + 1);
        keys(&mut app, "x");
        assert_eq!(g(&app).plan[row].status, before, "row {}", row + 1);
        keys(&mut app, "v");
    }
    // And by a click on the row, wherever the list is scrolled.
    let row = n - 3;
    let before = g(&app).plan[row].status;
    assert!(click_on(&mut app, 80, 24, &format!("{}. ", row + 1)));
    assert_ne!(g(&app).plan[row].status, before);
    assert!(click_on(&mut app, 80, 24, &format!("{}. ", row + 1)));
    assert_eq!(g(&app).plan[row].status, before);
    // Start, from the footer.
    assert!(click_on(&mut app, 80, 24, "Enter Start"));
    assert_ne!(g(&app).stage, Stage::Plan);
    // Skip the quick check (s, by its footer part; then yes), answer the phone.
    while g(&app).stage == Stage::Check {
        assert!(click_on(&mut app, 120, 40, "s Skip check"));
        assert!(click_on(&mut app, 120, 40, "Yes, skip it"));
    }
    assert!(click_on(&mut app, 120, 40, "Enter Answer"));
    assert!(matches!(phase(&app), Some(Phase::Deciding { .. })));
    // A click on choice 2 reveals it.
    assert!(click_on(&mut app, 120, 40, "2  "));
    assert!(matches!(
        phase(&app),
        Some(Phase::Feedback { choice: 1, .. })
    ));
    // Help from the footer; "More below" scrolls it (80x24); Close shuts it.
    assert!(click_on(&mut app, 120, 40, "? Help"));
    assert_eq!(app.overlay, Some(hangup::tui::app::Overlay::Help));
    assert!(click_on(&mut app, 80, 24, "More below"));
    assert!(g(&app).help_scroll > 0);
    assert!(click_on(&mut app, 80, 24, "Close the card"));
    assert_eq!(app.overlay, None);
    // A click on nothing does nothing.
    assert!(!send(&mut app, common::click(0, 1), 80, 24));
}

/// The help card scrolls with Page Down and a remote's Right, opens at its
/// top, reaches its last line at 80x24 and at 40x12, and Page Up moves back
/// at once. Page Down pressed too often never closes it.
#[test]
fn the_group_help_card_scrolls_and_its_last_line_is_reachable() {
    for (w, h) in [(80, 24), (40, 12)] {
        for down in [KeyCode::PageDown, KeyCode::Right] {
            let mut app = group_app();
            send(&mut app, ch('?'), w, h);
            let first = screen_text(&app, w, h);
            assert!(first.contains("1. Hang up."), "{w}x{h}:\n{first}");
            assert!(!first.contains("your own case."), "{w}x{h}:\n{first}");
            assert!(first.contains("More below"), "{w}x{h}:\n{first}");
            for _ in 0..40 {
                send(&mut app, key(down), w, h);
            }
            assert_eq!(
                app.overlay,
                Some(hangup::tui::app::Overlay::Help),
                "{w}x{h}"
            );
            let end = screen_text(&app, w, h);
            assert!(end.contains("your own case."), "{w}x{h}:\n{end}");
            assert!(!end.contains("More below"), "{w}x{h}:\n{end}");
            assert!(send(&mut app, key(KeyCode::PageUp), w, h), "{w}x{h}");
            assert_ne!(screen_text(&app, w, h), end, "{w}x{h}");
            // Closed and opened again: at its top.
            send(&mut app, key(KeyCode::Esc), w, h);
            assert_eq!(app.overlay, None);
            send(&mut app, ch('?'), w, h);
            assert_eq!(screen_text(&app, w, h), first, "{w}x{h}");
        }
    }
}

/// Every built-in call's role-play script, in English and Welsh, keeps to
/// the page's width (the caller's name and organisation ran past it), and the
/// organisation after a comma has no capital unless it is a name.
#[test]
fn every_role_play_script_keeps_to_the_page() {
    use hangup::i18n::{self, Language};
    for lang in [Language::EnGb, Language::Cy] {
        i18n::with(lang, || {
            let lib = Library::builtin();
            for s in &lib.scenarios {
                let mut script = Script::build(s, &lib.catalogue, "ewni", 2);
                hangup::present::wording::word_script(&mut script);
                let text = roleplay::script_text(&script);
                for l in text.lines() {
                    assert!(
                        l.chars().count() <= roleplay::WIDTH || !l.contains(' '),
                        "{lang:?} {}: {l:?}",
                        script.id
                    );
                }
                for bad in [", The ", ", Your ", ", Eich ", ", Y "] {
                    assert!(!text.contains(bad), "{lang:?} {}: {bad:?}", script.id);
                }
            }
        });
    }
}

/// The stop question is practice's yes-or-no dialog: 1 or Y stops; 2, N or
/// Esc goes on; Enter takes the safe default (go on). Its footer is
/// practice's: the two answers by their digits.
#[test]
fn stop_question_takes_digits_and_enter_is_no() {
    let mut app = group_app();
    for no in ["\n", "2", "n", "<"] {
        keys(&mut app, "q");
        assert!(app.overlay.is_some(), "q asks first");
        let text = screen_text(&app, 80, 24);
        assert!(text.contains("STOP THE SESSION?"), "{text}");
        assert!(text.contains(" 1 Yes, stop  2/Enter No, go on "), "{text}");
        assert!(keys(&mut app, no)[0], "{no:?} answers the question");
        assert!(app.overlay.is_none() && app.running, "{no:?} means go on");
    }
    keys(&mut app, "q1");
    assert!(!app.running, "1 means yes, stop");
    let mut app = group_app();
    keys(&mut app, "qy");
    assert!(!app.running, "y means yes, stop");
}

/// Hands counted in a quick check are kept when the rest of it is skipped
/// with s: they go into the record (the trial found them lost without a word).
#[test]
fn hands_counted_are_kept_when_a_check_is_skipped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = group_app_saving_to(dir.path());
    keys(&mut app, "\n");
    let item = check_items(CheckStage::Before)[0].clone();
    keys(&mut app, &hands_keys(item.answer, 12, 3));
    keys(&mut app, "\n");
    assert!(play(&app).revealed);
    keys(&mut app, "s1");
    assert_eq!(g(&app).plan[0].status, ItemStatus::Skipped);
    let kept = Some(Hands {
        named_right: 12,
        hands: 15,
        unsure: 0,
    });
    assert_eq!(g(&app).check_result(CheckStage::Before), kept);
    // A check skipped before any count leaves nothing.
    assert_eq!(g(&app).check_result(CheckStage::After), None);
    if let Some(g) = app.group.as_mut() {
        g.plan.iter_mut().for_each(|p| {
            if p.status == ItemStatus::Planned {
                p.status = ItemStatus::Skipped;
            }
        });
    }
    keys(&mut app, "s1");
    assert_eq!(g(&app).stage, Stage::Finished);
    keys(&mut app, "15\n");
    let back = record::read_all(dir.path()).expect("read");
    assert_eq!(back[0].check_before, kept);
}

// ---- Skipping asks first; speech says what changed --------------------------

/// The trial: `s` skipped the call at once (one stray key lost a call). It
/// asks first with the shared yes-or-no dialog; Enter is the safe "No".
#[test]
fn s_asks_before_skipping_and_enter_keeps_the_call() {
    use hangup::present::Cmd;
    let mut app = calls_app();
    keys(&mut app, "\ns");
    let m = model_of(&app);
    assert_eq!(m.title, "Skip this call?");
    let no = m.commands.iter().find(|c| c.default).expect("a default");
    assert_eq!((no.id, no.label.as_str()), (Cmd::Choose(1), "No, go on"));
    let footer = screen_text(&app, 80, 24);
    assert!(footer.contains("Yes, skip it"), "{footer}");
    // Enter: no, the call goes on; nothing skipped.
    keys(&mut app, "\n");
    assert_eq!(g(&app).current, Some(0));
    assert_eq!(g(&app).plan[0].status, ItemStatus::Planned);
    assert_ne!(model_of(&app).title, "Skip this call?");
    // Esc and n say no too; y says yes.
    keys(&mut app, "s<sn");
    assert_eq!(g(&app).current, Some(0));
    keys(&mut app, "sy");
    assert_eq!(g(&app).plan[0].status, ItemStatus::Skipped);
    assert_eq!(g(&app).current, Some(1));
}

fn said(app: &mut App) -> String {
    match app.words_now() {
        hangup::group::Said::Say(t) => t,
        other => panic!("nothing said: {other:?}"),
    }
}

/// The trial, with `--speak`: the plan's speech read all its rows again on
/// every move or toggle; after `t` the whole question was read again; the
/// typing cursor was said ("People: 15_."); and the record's whole folder
/// path was read out. Now a change says only what changed.
#[test]
fn group_speech_says_only_what_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = calls_app();
    if let Some(g) = app.group.as_mut() {
        g.speaking = true;
        g.data_dir = Some(dir.path().join("a-long-folder").join("records"));
    }
    // The plan when it opens: all of it.
    let whole = said(&mut app);
    assert!(whole.contains("A tiny test call") && whole.contains("A second tiny call"));
    assert!(
        whole.contains("r: Hear it again") || whole.contains("letter r"),
        "{whole}"
    );
    // Down: the highlighted row and its state, not the whole plan.
    keys(&mut app, "v");
    let moved = said(&mut app);
    assert!(moved.contains("A second tiny call"), "{moved}");
    assert!(!moved.contains("A tiny test call"), "{moved}");
    // x: that row, now skipped, and the new totals.
    keys(&mut app, "x");
    let toggled = said(&mut app);
    assert!(toggled.contains("Skip: A second tiny call"), "{toggled}");
    assert!(!toggled.contains("A tiny test call"), "{toggled}");
    keys(&mut app, "x^");
    said(&mut app);
    // Start, answer: a new screen is said whole.
    keys(&mut app, "\n\n");
    let question = said(&mut app);
    let hello = "Someone has spent";
    assert!(question.contains(hello), "{question}");
    // t: the keys for counting hands, not the question again.
    keys(&mut app, "t");
    let counting = said(&mut app);
    assert!(!counting.contains(hello), "{counting}");
    assert!(counting.contains("Type the hands"), "{counting}");
    // r says the whole screen again (the run loop does it).
    assert!(!app.update(hangup::tui::app::Action::Replay));
    assert!(
        app.effects.contains(&hangup::group::GroupEffect::SayAgain),
        "{:?}",
        app.effects
    );
    app.effects.clear();
    keys(&mut app, "t");
    said(&mut app);
    // To the end; the number of people, then save.
    while g(&app).stage != Stage::Finished {
        keys(&mut app, "s1");
    }
    said(&mut app);
    keys(&mut app, "15");
    let people = said(&mut app);
    assert!(people.contains("People: 15"), "{people}");
    assert!(!people.contains('_'), "the typing cursor is said: {people}");
    assert!(screen_text(&app, 80, 24).contains("People: 15_"), "drawn");
    keys(&mut app, "\n");
    assert!(matches!(g(&app).saved, Some(Saved::To(_))));
    let saved = said(&mut app);
    assert!(saved.contains("group-sessions.csv"), "{saved}");
    assert!(
        !saved.contains("a-long-folder"),
        "the path is read out: {saved}"
    );
}

/// From the newcomer trial, with `--speak`: while the room's hands were
/// counted, the "Hands up" line and the digits typed were drawn but not in
/// the screen model, so never said. Now both come from the model: the
/// projector draws them under their choice, and speech says which choice.
#[test]
fn group_speech_says_the_hands_being_counted() {
    use hangup::present::Role;
    let mut app = calls_app();
    if let Some(g) = app.group.as_mut() {
        g.speaking = true;
    }
    said(&mut app);
    keys(&mut app, "\n\n");
    assert!(matches!(phase(&app), Some(Phase::Deciding { .. })));
    said(&mut app);
    keys(&mut app, "t");
    let counting = said(&mut app);
    assert!(counting.starts_with("Choice 1, Hands up:"), "{counting}");
    keys(&mut app, "7");
    let typed = said(&mut app);
    assert_eq!(typed, "Choice 1, Hands up: 7.");
    // In the model, under choice 1, with the cursor drawn but not said.
    let m = model_of(&app);
    assert!(
        m.blocks.iter().any(|b| b.role
            == Role::Hands {
                count: Some(7),
                most: 0,
                under: Some(0),
                typing: true
            }
            && b.text == "Hands up: 7"),
        "{:?}",
        m.blocks
    );
    assert!(screen_text(&app, 80, 24).contains("Hands up: 7_"), "drawn");
    // Enter: choice 1's count, and the next choice to count.
    keys(&mut app, "\n");
    let next = said(&mut app);
    assert!(next.contains("Choice 1, 7 hands."), "{next}");
    assert!(next.contains("Choice 2, Hands up:"), "{next}");
    keys(&mut app, "12\n");
    // (The last choice: counting is done.) Choice 1's count is not said
    // again when the bars change length.
    let third = said(&mut app);
    assert!(!third.contains("Choice 1"), "{third}");
    assert!(third.contains("Choice 2, 12 hands."), "{third}");
    // Said whole (r), the hands come after their choice, as drawn.
    app.said = None;
    let whole = said(&mut app);
    let at = |w: &str| {
        whole
            .find(w)
            .unwrap_or_else(|| panic!("{w:?} not in {whole}"))
    };
    let labels: Vec<String> = model_of(&app).choices().map(|c| c.label.clone()).collect();
    assert!(at(&labels[0]) < at("Choice 1, 7 hands"), "{whole}");
    assert!(at("Choice 1, 7 hands") < at(&labels[1]), "{whole}");
    assert!(at(&labels[1]) < at("Choice 2, 12 hands"), "{whole}");
    // Counts are numbers, never digit by digit.
    keys(&mut app, "t");
    said(&mut app);
    keys(&mut app, "101");
    assert_eq!(said(&mut app), "Choice 1, Hands up: 101.");
}

/// From the newcomer trial: moving the highlight on a group question
/// (Up/Down) said nothing. Now it says the highlighted choice, that row only.
#[test]
fn group_speech_says_the_highlighted_choice_when_it_moves() {
    let mut app = calls_app();
    if let Some(g) = app.group.as_mut() {
        g.speaking = true;
    }
    said(&mut app);
    keys(&mut app, "\n\n");
    let question = said(&mut app);
    let m = model_of(&app);
    let labels: Vec<String> = m.choices().map(|c| c.label.clone()).collect();
    assert!(labels.len() >= 2, "{labels:?}");
    keys(&mut app, "v");
    assert_eq!(model_of(&app).highlight, Some(0));
    let first = said(&mut app);
    assert!(first.starts_with(&format!("1: {}", labels[0])), "{first}");
    assert!(!first.contains(&labels[1]), "{first}");
    keys(&mut app, "v");
    let second = said(&mut app);
    assert_eq!(second, format!("2: {}", labels[1]));
    assert!(!question.is_empty() && !second.contains("What"), "{second}");
    // Drawn from the model: the mark is on the second choice.
    let text = screen_text(&app, 80, 24);
    let marked = text
        .lines()
        .find(|l| l.contains('▶'))
        .unwrap_or_default()
        .to_string();
    assert!(marked.contains(&labels[1][..8]), "{text}");
}

/// The plan shows its rows, then the totals: speech says them in that
/// order too (it said the totals first).
#[test]
fn group_speech_says_the_plan_in_the_order_shown() {
    let mut app = calls_app();
    if let Some(g) = app.group.as_mut() {
        g.speaking = true;
    }
    let whole = said(&mut app);
    let text = screen_text(&app, 80, 24);
    let m = model_of(&app);
    let row = m.choices().next().expect("a row").label.clone();
    let totals = m.blocks.first().expect("the totals").text.clone();
    let cut = |t: &str| t.chars().take(20).collect::<String>();
    let shown = |w: &str| {
        text.find(&cut(w))
            .unwrap_or_else(|| panic!("{w:?}: {text}"))
    };
    let heard = |w: &str| {
        whole
            .find(&cut(w))
            .unwrap_or_else(|| panic!("{w:?}: {whole}"))
    };
    assert!(shown(&row) < shown(&totals), "{text}");
    assert!(heard(&row) < heard(&totals), "{whole}");
}

/// From a newcomer trial with `--speak`: the projector's top line ("Call
/// 1 of 2: A tiny test call. Question 1", "Quick check before practice: 1
/// of 6") was shown but never said. A new screen says it first.
#[test]
fn group_speech_says_the_top_line() {
    let mut app = calls_app();
    if let Some(g) = app.group.as_mut() {
        g.speaking = true;
    }
    said(&mut app);
    keys(&mut app, "\n\n");
    let question = said(&mut app);
    let top = hangup::present::group_screens::topic(g(&app));
    assert!(
        question.starts_with(&hangup::speech::numbers_aloud(top.trim_end_matches('.'))),
        "{top:?} is not said first in {question:?}"
    );
}
