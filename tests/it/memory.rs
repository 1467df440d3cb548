//! Memory within a call (`set`, `when`, `unless`), several lines per step with
//! roles, and `on_repeat`, played through the engine on the built-in
//! police-courier call and on small files written here.

use hangup::engine::library::{check_scenario, parse_scenario};
use hangup::engine::script::Role;
use hangup::engine::{Catalogue, Outcome, Phase, Scenario, Script, Session};

fn police() -> Scenario {
    let text = std::fs::read("scenarios/police-courier.toml").expect("police-courier");
    parse_scenario(&text, &Catalogue::builtin()).expect("police-courier loads")
}

fn session(s: &Scenario, seed: u64) -> Session {
    let mut session = Session::new(Script::build(s, &Catalogue::builtin(), "ewni", seed));
    session.answer();
    session
}

/// Choose the shown choice whose text starts with `starts`, and go on.
fn pick(s: &mut Session, starts: &str) {
    let st = s.current_step().expect("deciding");
    let n = st
        .choices
        .iter()
        .position(|c| c.text.starts_with(starts))
        .unwrap_or_else(|| {
            let shown: Vec<&str> = st.choices.iter().map(|c| c.text.as_str()).collect();
            panic!("no choice \"{starts}\" in step {}: {shown:?}", st.id)
        });
    s.choose(n).expect("valid choice");
    s.next();
}

fn step_id(s: &Session) -> String {
    s.current_step().map(|st| st.id.clone()).unwrap_or_default()
}

#[test]
fn pin_in_the_envelope_is_never_told_they_know_your_pin() {
    for seed in 0..5 {
        let mut s = session(&police(), seed);
        pick(&mut s, "Ask what has happened");
        pick(&mut s, "Say you did not spend it");
        pick(&mut s, "Agree, and find an envelope");
        pick(&mut s, "Write your PIN down");
        assert_eq!(step_id(&s), "courier-door");
        // One "keep the door shut" is offered, not both.
        let shut = s
            .current_step()
            .expect("step")
            .choices
            .iter()
            .filter(|c| c.text.starts_with("Keep the door shut"))
            .count();
        assert_eq!(shut, 1);
        pick(&mut s, "Keep the door shut");
        let e = s.ending().expect("ended");
        assert_eq!(e.id, "partly-safe-envelope");
        let story = e.happened.join(" ");
        assert!(!story.contains("know your PIN"), "{story}");
        assert!(story.contains("do not have your PIN"), "{story}");
    }
}

#[test]
fn pin_read_out_ends_with_they_know_your_pin() {
    let mut s = session(&police(), 3);
    pick(&mut s, "Ask what has happened");
    pick(&mut s, "Say you did not spend it");
    pick(&mut s, "Agree, and find an envelope");
    pick(&mut s, "Read out your PIN");
    pick(&mut s, "Keep the door shut");
    let e = s.ending().expect("ended");
    assert_eq!(e.id, "partly-safe-pin");
    assert!(e.happened.join(" ").contains("know your PIN"));
}

#[test]
fn defrauded_story_follows_how_the_pin_was_given() {
    for (how, line) in [
        ("Read out your PIN", "You read your PIN out to them"),
        ("Write your PIN down", "with your PIN written down"),
    ] {
        let mut s = session(&police(), 1);
        pick(&mut s, "Ask what has happened");
        pick(&mut s, "Say you did not spend it");
        pick(&mut s, "Agree, and find an envelope");
        pick(&mut s, how);
        pick(&mut s, "Hand over the envelope");
        let e = s.ending().expect("ended");
        assert_eq!(e.outcome, Outcome::Defrauded);
        let story = e.happened.join(" ");
        assert!(story.contains(line), "{how}: {story}");
        assert_eq!(
            e.happened.iter().filter(|h| h.contains("PIN")).count(),
            2,
            "one line says how the PIN was given, one how it was used: {story}"
        );
    }
}

#[test]
fn ringing_999_on_the_same_phone_twice_leads_to_the_consequence() {
    let mut s = session(&police(), 2);
    pick(&mut s, "Hang up straight away");
    assert_eq!(step_id(&s), "after-hangup");
    pick(&mut s, "Pick up the same phone");
    assert_eq!(step_id(&s), "trap");
    pick(&mut s, "Feel relieved");
    assert_eq!(step_id(&s), "instructions");
    pick(&mut s, "Say the police never collect");
    assert_eq!(step_id(&s), "after-hangup");
    pick(&mut s, "Pick up the same phone");
    // The second time, not the same words again: the consequence.
    assert_eq!(step_id(&s), "trap-again");
    pick(&mut s, "Stay on the line");
    let e = s.ending().expect("ended");
    assert_eq!(e.id, "defrauded-line");
}

#[test]
fn thoughts_are_thoughts_and_narration_is_narration() {
    let mut s = session(&police(), 4);
    pick(&mut s, "Hang up straight away");
    let st = s.current_step().expect("step");
    assert_eq!(st.lines[0].role, Role::Narration);
    assert_eq!(st.lines[1].role, Role::Thought);
    assert_eq!(
        hangup::present::wording::transcript(&st.lines[1]),
        "You think: Was that really the police? I should tell someone about it. But how?"
    );
    assert!(
        st.lines
            .iter()
            .all(|l| !hangup::present::wording::transcript(l).contains("thoughts says"))
    );
    pick(&mut s, "Pick up the same phone");
    let st = s.current_step().expect("trap");
    let speakers: Vec<&str> = st
        .lines
        .iter()
        .filter(|l| l.role == Role::Speech)
        .map(|l| l.who.as_str())
        .collect();
    assert_eq!(speakers.len(), 2, "a second voice, then the officer");
    assert_eq!(speakers[0], "A voice on the line");
    assert_ne!(speakers[0], speakers[1]);
}

#[test]
fn undo_restores_facts() {
    let mut s = session(&police(), 5);
    pick(&mut s, "Ask what has happened");
    pick(&mut s, "Say you did not spend it");
    pick(&mut s, "Agree, and find an envelope");
    pick(&mut s, "Read out your PIN");
    assert!(s.facts().contains("pin-read-out"));
    // Back to the feedback on the PIN, then back to choosing.
    assert!(s.undo());
    assert!(s.undo());
    assert!(!s.facts().contains("pin-read-out"));
    assert!(s.facts().contains("cards-in-envelope"));
    pick(&mut s, "Write your PIN down");
    pick(&mut s, "Keep the door shut");
    assert_eq!(s.ending().expect("ended").id, "partly-safe-envelope");
}

const BASE: &str = r#"
id = "memory-test"
title = "A test call"
summary = "A caller asks for a code."
kind = "scam"
start = "ask"
action = ["hang-up", "call-bank", "report"]

[source]
who = "Test"
when = "2025"

[caller]
name = "Sam"
organisation = "Bank"
number = "01632 960001"

[[step]]
id = "ask"
says = "Please read me the code."

[[step.choice]]
text = "Read it out."
feedback = "This is what the caller wanted."
set = ["code-told"]
next = "more"

[[step.choice]]
text = "Hang up."
feedback = "Well done."
next = "safe"

[[step]]
id = "more"
says = "Thank you."

[[step.line]]
thought = "Did I just give away the code?"
when = "code-told"

[[step.choice]]
text = "Hang up now."
feedback = "Good."
next = "lost"

[[step.choice]]
text = "Keep talking."
feedback = "Risky."
next = "lost"

[[ending]]
id = "safe"
outcome = "safe"
title = "Safe"
happened = ["You hung up."]

[[ending]]
id = "lost"
outcome = "defrauded"
title = "Lost"
when = "code-told"
happened = ["You read out the code."]
"#;

fn codes(text: &str) -> Vec<(&'static str, String)> {
    let (_, d) = check_scenario(text.as_bytes(), &Catalogue::builtin());
    d.into_iter().map(|d| (d.code, d.message)).collect()
}

#[test]
fn the_base_file_is_clean() {
    assert_eq!(codes(BASE), vec![]);
}

#[test]
fn a_misspelt_fact_is_one_diagnostic_with_the_right_name() {
    let text = BASE.replace(
        "when = \"code-told\"\nhappened",
        "when = \"code-tld\"\nhappened",
    );
    let (_, d) = check_scenario(text.as_bytes(), &Catalogue::builtin());
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, "H0501");
    assert_eq!(
        d[0].hint.as_deref(),
        Some("did you mean \"code-told\"? A choice sets that one")
    );
    let at = d[0].span.clone().expect("span");
    assert_eq!(&text[at], "\"code-tld\"");
}

#[test]
fn an_ending_whose_story_the_path_cannot_have_is_an_error() {
    // "Hang up now" also leads to "lost", whose story says the code was told:
    // reachable without it once "ask" can reach "more" without setting it.
    let text = BASE.replace(
        "text = \"Hang up.\"\nfeedback = \"Well done.\"\nnext = \"safe\"",
        "text = \"Hang up.\"\nfeedback = \"Well done.\"\nnext = \"more\"",
    );
    let (_, d) = check_scenario(text.as_bytes(), &Catalogue::builtin());
    let bad = d.iter().find(|d| d.code == "H0503").expect("H0503");
    assert_eq!(&text[bad.span.clone().expect("span")], "\"code-told\"");
    // The hint shows one whole way that breaks the story, from the start.
    assert_eq!(
        bad.hint.as_deref(),
        Some(
            "this way does: ask \"Hang up.\" → more \"Hang up now.\"; give a choice on that way `when = \"code-told\"`, or send it to another ending"
        )
    );
    let c = codes(&text);
    // and the thought that needs the fact is fine: some ways have it
    assert!(!c.iter().any(|(code, _)| *code == "H0504"), "{c:?}");
}

#[test]
fn a_fact_set_but_never_read_is_a_warning() {
    let text = BASE.replace("set = [\"code-told\"]", "set = [\"code-told\", \"spare\"]");
    let (_, d) = check_scenario(text.as_bytes(), &Catalogue::builtin());
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, "H0502");
    assert!(!d[0].is_error());
}

#[test]
fn a_line_with_two_kinds_is_reported_at_the_second() {
    let text = BASE.replace(
        "thought = \"Did I just give away the code?\"",
        "thought = \"Did I just give away the code?\"\nnarration = \"You pause.\"",
    );
    let (_, d) = check_scenario(text.as_bytes(), &Catalogue::builtin());
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, "H0505");
    assert_eq!(&text[d[0].span.clone().expect("span")], "\"You pause.\"");
}

#[test]
fn a_loop_with_nothing_new_is_a_warning_and_on_repeat_ends_it() {
    let looped = BASE.replace(
        "text = \"Keep talking.\"\nfeedback = \"Risky.\"\nnext = \"lost\"",
        "text = \"Keep talking.\"\nfeedback = \"Risky.\"\nnext = \"ask\"",
    );
    let c = codes(&looped);
    assert!(c.iter().any(|(code, _)| *code == "H0508"), "{c:?}");
    let fixed = looped.replace(
        "id = \"ask\"\nsays",
        "id = \"ask\"\non_repeat = \"lost\"\nsays",
    );
    let c = codes(&fixed);
    assert!(!c.iter().any(|(code, _)| *code == "H0508"), "{c:?}");
}

#[test]
fn old_format_files_still_load_and_play() {
    let text = std::fs::read("tests/fixtures/tiny.toml").expect("tiny");
    let s = parse_scenario(&text, &Catalogue::builtin()).expect("loads");
    let mut session = session(&s, 1);
    let st = session.current_step().expect("step");
    assert!(!st.has_roles());
    assert!(!st.says.is_empty());
    let n = st.choices.len();
    assert!(n >= 2);
    session.choose(0).expect("choose");
    assert!(matches!(session.phase(), Phase::Feedback { .. }));
}
