//! Engine tests over the format fixture: load, play, undo, replay, variants.

use hangup::engine::{Catalogue, Outcome, Phase, Script, Session, library::parse_scenario};

fn tiny() -> hangup::engine::Scenario {
    let bytes = include_bytes!("../fixtures/tiny.toml");
    parse_scenario(bytes, &Catalogue::builtin()).expect("fixture loads")
}

fn choose_text(s: &mut Session, starts: &str) {
    let Phase::Deciding { step } = s.phase() else {
        panic!("not deciding: {:?}", s.phase())
    };
    let n = s.script().steps[step]
        .choices
        .iter()
        .position(|c| c.text.starts_with(starts))
        .expect("choice exists");
    s.choose(n).expect("valid choice");
    s.next();
}

#[test]
fn plays_to_defrauded_ending_and_replays_safe_path() {
    let c = Catalogue::builtin();
    let mut s = Session::new(Script::build(&tiny(), &c, "ewni", 7));
    assert_eq!(s.phase(), Phase::Incoming);
    s.answer();
    choose_text(&mut s, "Ask what");
    choose_text(&mut s, "Read out");
    let r = s.result().expect("over");
    assert_eq!(r.outcome, Outcome::Defrauded);
    assert!(r.missed.contains(&"asks-for-details".to_string()));
    let replay = s.replay();
    assert_eq!(replay.yours[0], "You kept talking.");
    assert_eq!(replay.safe[0], "You hung up.");
    let ending = s.ending().expect("ended");
    assert!(ending.action[0].starts_with("Hang up"));
    assert!(
        ending.title.contains('£'),
        "placeholder filled: {}",
        ending.title
    );
}

#[test]
fn undo_walks_back() {
    let c = Catalogue::builtin();
    let mut s = Session::new(Script::build(&tiny(), &c, "ewni", 1));
    s.answer();
    choose_text(&mut s, "Ask what");
    assert!(s.undo()); // back to feedback of first choice
    assert!(matches!(s.phase(), Phase::Feedback { .. }));
    assert!(s.undo());
    assert!(matches!(s.phase(), Phase::Deciding { .. }));
    assert!(s.path().is_empty());
    assert!(s.undo());
    assert_eq!(s.phase(), Phase::Incoming);
    assert!(!s.undo());
}

#[test]
fn same_seed_same_script_different_seeds_vary() {
    let c = Catalogue::builtin();
    let t = tiny();
    let a = Script::build(&t, &c, "ewni", 42);
    let b = Script::build(&t, &c, "ewni", 42);
    assert_eq!(a.steps[0].says, b.steps[0].says);
    assert_eq!(a.steps[0].choices[0].text, b.steps[0].choices[0].text);
    let distinct: std::collections::BTreeSet<String> = (0..20)
        .map(|seed| {
            let s = Script::build(&t, &c, "ewni", seed);
            format!("{}|{}", s.steps[0].says, s.steps[0].choices[0].text)
        })
        .collect();
    assert!(
        distinct.len() > 2,
        "seeds should vary the run: {distinct:?}"
    );
}

#[test]
fn bad_choice_is_refused_without_changing_state() {
    let c = Catalogue::builtin();
    let mut s = Session::new(Script::build(&tiny(), &c, "ewni", 3));
    assert!(s.choose(0).is_err());
    s.answer();
    assert!(s.choose(9).is_err());
    assert!(matches!(s.phase(), Phase::Deciding { .. }));
}
