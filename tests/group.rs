//! Group mode: the projector session driven with synthetic keys, its screens
//! at 80x24 and 120x40, the role-play script, the handout and the session record.

mod common;

use common::{ch, key, screen_text, send};
use crossterm::event::KeyCode;
use hangup::dates;
use hangup::engine::library::parse_scenario;
use hangup::engine::{Catalogue, Library, Phase, Script};
use hangup::group::handout::{Format, Handout};
use hangup::group::record::{self, Record};
use hangup::group::{ItemStatus, Saved, Stage, Tally, roleplay};
use hangup::tui::app::{App, Mode, Options};
use hangup::tui::theme::{Theme, ThemeName};

const TINY: &str = include_str!("fixtures/tiny.toml");

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

fn group_app() -> App {
    App::new(
        two_library(),
        Options {
            mode: Mode::Group,
            region: "ewni".into(),
            seed: Some(1),
            theme: Theme::new(ThemeName::Monochrome),
            large: false,
        },
    )
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
    let mut app = group_app();
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("A tiny test call  (5 min)"), "{text}");
    assert!(text.contains("2 calls: about 12 minutes"), "{text}");
    assert!(text.contains("22 minutes"), "{text}");
    // Move the second call up, then skip the (now second) tiny call.
    keys(&mut app, "vu");
    assert_eq!(g(&app).plan[0].id, "tiny-two");
    keys(&mut app, "2");
    assert_eq!(g(&app).plan[1].status, ItemStatus::Skipped);
    assert!(screen_text(&app, 80, 24).contains("1 calls: about 7 minutes"));
    keys(&mut app, "\n");
    assert_eq!(g(&app).stage, Stage::Call);
    assert_eq!(g(&app).position(), (1, 1));
    assert!(screen_text(&app, 80, 24).contains("Call 1 of 1: A second tiny call"));
}

#[test]
fn notes_are_hidden_at_start_and_toggle_with_n() {
    let mut app = group_app();
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
    let mut app = group_app();
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
fn tally_typing_can_be_corrected_and_cancelled() {
    let mut app = group_app();
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
    let mut app = group_app();
    keys(&mut app, "\n\n1");
    assert_eq!(phase(&app), Some(Phase::Feedback { step: 0, choice: 0 }));
    keys(&mut app, "2");
    assert_eq!(phase(&app), Some(Phase::Feedback { step: 0, choice: 1 }));
    keys(&mut app, "b");
    assert_eq!(phase(&app), Some(Phase::Deciding { step: 0 }));
    keys(&mut app, "b");
    assert_eq!(phase(&app), Some(Phase::Incoming));
    assert_eq!(keys(&mut app, "b"), vec![false]);
}

#[test]
fn pause_blanks_the_screen_and_ignores_other_keys() {
    let mut app = group_app();
    keys(&mut app, "\n\n");
    let before = screen_text(&app, 80, 24);
    keys(&mut app, "p");
    let blank = screen_text(&app, 80, 24);
    assert!(!blank.contains("says"), "{blank}");
    assert!(blank.contains("Paused. Press p to go on."));
    assert_eq!(
        keys(&mut app, "1ntb\n"),
        vec![false, false, false, false, true]
    );
    assert_eq!(screen_text(&app, 80, 24), before);
}

#[test]
fn nothing_moves_without_a_key() {
    let mut app = group_app();
    keys(&mut app, "\n\n");
    let a = screen_text(&app, 120, 40);
    std::thread::sleep(std::time::Duration::from_millis(50));
    let b = screen_text(&app, 120, 40);
    assert_eq!(a, b);
    assert_eq!(phase(&app), Some(Phase::Deciding { step: 0 }));
}

#[test]
fn help_card_has_every_number_and_closes() {
    let mut app = group_app();
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
    let mut app = group_app();
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
    let mut app = group_app();
    keys(&mut app, "\ns");
    assert_eq!(g(&app).plan[0].status, ItemStatus::Skipped);
    assert_eq!(g(&app).current, Some(1));
}

#[test]
fn whole_session_of_two_calls_saves_an_anonymous_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = group_app();
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
    keys(&mut app, "14\n");
    let Some(Saved::To(path)) = g(&app).saved.clone() else {
        panic!("not saved: {:?}", g(&app).saved);
    };
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
    let mut app = group_app();
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
            let text = handout(region, format);
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
    let err = Handout::build(&lib, &["nope".into()], "ewni", 0).expect_err("unknown id");
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
        }],
    };
    let path = record::append(dir.path(), &rec).expect("append");
    record::append(dir.path(), &rec).expect("append again");
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(
        text,
        "date,duration_minutes,scenarios,attendees,tallies\n\
         2026-03-01,52,police-courier;amazon-refund,18,police-courier/call=3|-|15\n\
         2026-03-01,52,police-courier;amazon-refund,18,police-courier/call=3|-|15\n"
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
