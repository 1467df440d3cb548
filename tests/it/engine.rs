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

/// A built-in scenario by id.
fn builtin(id: &str) -> hangup::engine::Scenario {
    let c = Catalogue::builtin();
    hangup::engine::library::BUILTIN_SCENARIOS
        .iter()
        .find(|(name, _)| *name == format!("{id}.toml"))
        .map(|(_, text)| parse_scenario(text.as_bytes(), &c).expect("built-in loads"))
        .expect("built-in exists")
}

#[test]
fn replay_shows_only_your_choices_and_where_the_safer_way_leaves_them() {
    let c = Catalogue::builtin();
    let mut s = Session::new(Script::build(&builtin("bank-safe-account"), &c, "ewni", 3));
    s.answer();
    // A careful first question (neutral), then trusting the number (risky), then refusing.
    choose_text(&mut s, "Say no, and ask");
    choose_text(&mut s, "Check the card");
    choose_text(&mut s, "Say a real bank never asks");
    let ending = s.ending().expect("ended").clone();
    let r = s.replay();
    // Your column: one line per choice, then how it ended. No story lines.
    assert_eq!(r.yours.len(), 3, "{:?}", r.yours);
    assert_eq!(r.yours[0], "You said no and asked what was going on.");
    assert_eq!(r.yours[1], "You trusted the number on the screen.");
    assert_eq!(r.your_ending.as_deref(), Some(ending.title.as_str()));
    // Worded: "Ending: TITLE." closes the column.
    let worded = hangup::i18n::with(hangup::i18n::Language::EnGb, || {
        hangup::present::wording::replay(&s)
    });
    assert_eq!(worded.yours[3], format!("Ending: {}.", ending.title));
    for line in &ending.happened {
        assert!(!r.yours.contains(line), "story line in your column: {line}");
    }
    // The safer way is yours up to the first risky choice, then leaves it.
    assert_eq!(r.departs, Some(1));
    assert_eq!(r.safe[0], r.yours[0]);
    assert_ne!(r.safe[1], r.yours[1]);
    assert!(
        worded
            .summary
            .as_deref()
            .is_some_and(|s| s.contains("choice 2")),
        "{:?}",
        worded.summary
    );
    assert!(
        worded
            .safe
            .last()
            .is_some_and(|l| l.starts_with("Ending: "))
    );
}

/// A run safe all the way has no safer way: no second column, and no line
/// above the columns (the ending does not offer the replay then, see
/// `present::safer_way_is_offered_only_when_there_was_a_safer_way`; it
/// used to say "There is nothing to change").
#[test]
fn a_fully_safe_run_has_no_safer_way() {
    let c = Catalogue::builtin();
    let mut s = Session::new(Script::build(&builtin("bank-safe-account"), &c, "ewni", 3));
    s.answer();
    choose_text(&mut s, "Say you will call your bank yourself");
    let r = s.replay();
    assert_eq!(r.departs, None);
    assert!(r.safe.is_empty(), "no second column: {:?}", r.safe);
    assert!(s.is_over());
    let worded = hangup::i18n::with(hangup::i18n::Language::EnGb, || {
        hangup::present::wording::replay(&s)
    });
    assert_eq!(worded.summary, None);
    assert_eq!(worded.yours.len(), 2);
    assert_eq!(r.yours.len(), 1);
}

#[test]
fn replay_of_a_real_call_hung_up_on_is_a_safe_run() {
    // Hanging up on a real caller is careful, never wrong: the replay shows no
    // "safer way" column (the ending itself says how to check next time).
    let c = Catalogue::builtin();
    let mut s = Session::new(Script::build(&builtin("gp-appointment"), &c, "ewni", 2));
    s.answer();
    choose_text(&mut s, "Say yes, you can come");
    choose_text(&mut s, "Hang up");
    let r = s.replay();
    assert_eq!(r.departs, None, "{r:?}");
    assert!(r.safe.is_empty(), "{r:?}");
    assert_eq!(r.yours.len(), 2);
}
