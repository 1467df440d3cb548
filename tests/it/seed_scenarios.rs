//! The built-in scenarios, and the two seed calls in particular: they load, every
//! path through them reaches an ending, every ending teaches the right action,
//! and the text follows the house style (short, plain, fictional numbers).

use std::collections::{BTreeMap, BTreeSet};

use hangup::engine::library::{BUILTIN_SCENARIOS, parse_scenario};
use hangup::engine::model::Verdict;
use hangup::engine::text::fill;
use hangup::engine::validate::validate;
use hangup::engine::{Catalogue, Library, Node, Outcome, Phase, Scenario, Script, Session};

const SEEDS: [&str; 2] = ["amazon-refund", "police-courier"];
const RUN_SEEDS: [u64; 5] = [0, 1, 7, 42, 2026];

fn builtin_text(id: &str) -> &'static str {
    let file = format!("{id}.toml");
    BUILTIN_SCENARIOS
        .iter()
        .find(|(name, _)| *name == file)
        .map(|(_, text)| *text)
        .unwrap_or_else(|| panic!("{file} is not built in"))
}

fn load(id: &str) -> Scenario {
    parse_scenario(builtin_text(id).as_bytes(), &Catalogue::builtin())
        .unwrap_or_else(|p| panic!("{id} does not load: {p:#?}"))
}

fn all_builtin() -> Vec<Scenario> {
    let c = Catalogue::builtin();
    BUILTIN_SCENARIOS
        .iter()
        .map(|(name, text)| {
            parse_scenario(text.as_bytes(), &c)
                .unwrap_or_else(|p| panic!("built-in {name} does not load: {p:#?}"))
        })
        .collect()
}

/// One finished walk: the choice texts taken and the ending reached.
#[derive(Debug)]
struct Walk {
    choices: Vec<String>,
    ending: String,
    outcome: Outcome,
    action: Vec<String>,
}

/// Walk every path from the start (depth first), driving a real `Session`.
/// A choice that leads back to a step already on this path is a loop; it is
/// counted but not followed (the checker makes sure loops have a way out).
fn walk_all(script: &Script) -> (Vec<Walk>, usize) {
    let mut session = Session::new(script.clone());
    session.answer();
    let mut walks = Vec::new();
    let mut loops = 0;
    let mut on_path = vec![script.start];
    dfs(
        &session,
        &mut on_path,
        &mut Vec::new(),
        &mut walks,
        &mut loops,
    );
    (walks, loops)
}

fn dfs(
    session: &Session,
    on_path: &mut Vec<usize>,
    texts: &mut Vec<String>,
    walks: &mut Vec<Walk>,
    loops: &mut usize,
) {
    let Phase::Deciding { step } = session.phase() else {
        panic!("walk stopped outside a decision: {:?}", session.phase());
    };
    let n = session.step(step).choices.len();
    assert!(
        (2..=4).contains(&n),
        "step {} has {n} choices",
        session.step(step).id
    );
    for i in 0..n {
        let choice = &session.step(step).choices[i];
        // A step already on the path is a loop, unless its second visit goes on (on_repeat).
        if let Node::Step(next) = choice.next
            && on_path.contains(&next)
            && session.script().steps[next].on_repeat.is_none()
        {
            *loops += 1;
            continue;
        }
        let mut s = session.clone();
        s.choose(i).expect("choice in range");
        assert!(matches!(s.phase(), Phase::Feedback { .. }));
        s.next();
        texts.push(choice.text.clone());
        match s.phase() {
            Phase::Ended { .. } => {
                let e = s.ending().expect("ended");
                assert!(s.result().is_some(), "a finished call has a result");
                walks.push(Walk {
                    choices: texts.clone(),
                    ending: e.id.clone(),
                    outcome: e.outcome,
                    action: e.action.clone(),
                });
            }
            Phase::Deciding { step: next } => {
                on_path.push(next);
                dfs(&s, on_path, texts, walks, loops);
                on_path.pop();
            }
            other => panic!("after a choice the call is in {other:?}"),
        }
        texts.pop();
    }
}

#[test]
fn every_builtin_scenario_loads_without_errors() {
    assert!(
        BUILTIN_SCENARIOS.len() >= 2,
        "the two seed scenarios are built in"
    );
    let lib = Library::builtin();
    assert!(
        lib.skipped.is_empty(),
        "built-in files were skipped: {:?}",
        lib.skipped
    );
    assert_eq!(lib.scenarios.len(), BUILTIN_SCENARIOS.len());
    for id in SEEDS {
        assert!(lib.get(id).is_some(), "{id} is in the library");
    }
}

#[test]
fn seed_scenarios_have_no_warnings_either() {
    let c = Catalogue::builtin();
    for id in SEEDS {
        let problems = validate(&load(id), &c);
        assert!(problems.is_empty(), "{id}: {problems:#?}");
    }
}

#[test]
fn every_path_through_every_builtin_reaches_an_ending() {
    let c = Catalogue::builtin();
    for scenario in all_builtin() {
        let id = scenario.id.get_ref().clone();
        for region in c.region_ids() {
            for seed in RUN_SEEDS {
                let script = Script::build(&scenario, &c, region, seed);
                let (walks, _loops) = walk_all(&script);
                assert!(!walks.is_empty(), "{id}: no path reaches an ending");
                let reached: BTreeSet<&str> = walks.iter().map(|w| w.ending.as_str()).collect();
                for e in &scenario.endings {
                    assert!(
                        reached.contains(e.id.get_ref().as_str()),
                        "{id}: ending {} is never reached (seed {seed})",
                        e.id.get_ref()
                    );
                }
                for w in &walks {
                    assert!(
                        !w.action.is_empty(),
                        "{id}: ending {} has no action",
                        w.ending
                    );
                }
            }
        }
    }
}

#[test]
fn seed_scenarios_are_big_enough() {
    for id in SEEDS {
        let s = load(id);
        let decisions = s.steps.iter().filter(|st| !st.choices.is_empty()).count();
        assert!(
            decisions >= 6,
            "{id} has {decisions} decision points; needs 6"
        );
        assert!(s.endings.len() >= 3, "{id} has {} endings", s.endings.len());
        let outcomes: BTreeSet<Outcome> = s.endings.iter().map(|e| e.outcome).collect();
        assert!(outcomes.contains(&Outcome::Safe), "{id} has no safe ending");
        assert!(
            outcomes.contains(&Outcome::Defrauded),
            "{id} has no defrauded ending"
        );
        for e in s.endings.iter().filter(|e| e.outcome == Outcome::Defrauded) {
            assert!(
                e.happened.len() + e.lines.len() >= 4,
                "{id}: defrauded ending {} should show step by step how the money left",
                e.id.get_ref()
            );
        }
        assert!(
            (2..=3).contains(&s.recall.len()),
            "{id} should have 2-3 recall questions, has {}",
            s.recall.len()
        );
        // Several separate paths, not one line with a few side exits.
        let script = Script::build(&s, &Catalogue::builtin(), "ewni", 1);
        let (walks, _) = walk_all(&script);
        assert!(walks.len() >= 6, "{id}: only {} paths", walks.len());
    }
}

fn has_number(text: &str) -> bool {
    ["101", "159", "999", "0300 123 2040"]
        .iter()
        .any(|n| text.contains(n))
}

#[test]
fn every_ending_restates_the_right_action() {
    // The seed calls teach the phone-call habit at every ending; the other
    // scenarios (messages, visits, genuine calls) are checked in tests/it/content.rs.
    let c = Catalogue::builtin();
    for scenario in all_builtin()
        .into_iter()
        .filter(|s| SEEDS.contains(&s.id.get_ref().as_str()))
    {
        let id = scenario.id.get_ref().clone();
        for region in c.region_ids() {
            let clear_line = c.advice_text("clear-line", region).expect("clear-line");
            let script = Script::build(&scenario, &c, region, 3);
            for e in &script.endings {
                let all = e.action.join("\n");
                assert!(
                    all.contains("Hang up") || all.contains(&clear_line),
                    "{id}/{}: ending action does not say to hang up or clear the line: {all}",
                    e.id
                );
                assert!(
                    has_number(&all),
                    "{id}/{}: ending action gives no number to call ({region}): {all}",
                    e.id
                );
            }
        }
    }
}

#[test]
fn seed_endings_give_the_whole_habit() {
    for id in SEEDS {
        let s = load(id);
        for e in &s.endings {
            let ids: Vec<&str> = if e.action.is_empty() {
                s.action.iter().map(|a| a.get_ref().as_str()).collect()
            } else {
                e.action.iter().map(|a| a.get_ref().as_str()).collect()
            };
            let name = e.id.get_ref();
            for must in ["hang-up", "clear-line", "report"] {
                assert!(ids.contains(&must), "{id}/{name} lacks {must}: {ids:?}");
            }
            // `money-gone` and `computer-access` both say to call the bank.
            assert!(
                ["call-police", "call-bank", "money-gone", "computer-access"]
                    .iter()
                    .any(|a| ids.contains(a)),
                "{id}/{name} says neither call-police nor call-bank"
            );
            // Hang up first; but when money has gone, calling the bank at once comes
            // first (fact sheet 3.11 point 5), and when the caller got into the
            // computer, so does turning off its internet (3.4).
            let first = ["hang-up", "money-gone", "computer-access"];
            assert!(
                ids.first().is_some_and(|a| first.contains(a)),
                "{id}/{name}: hang up first, or call the bank first when money has gone: {ids:?}"
            );
            if e.outcome == Outcome::Defrauded {
                assert!(
                    ids.contains(&"money-gone"),
                    "{id}/{name}: a defrauded ending says what to do when money has gone"
                );
            }
        }
    }
}

/// When money has gone, calling the bank at once is the first step shown, in
/// every call (fact sheet 3.11 point 5): a learner on a small screen or a
/// kiosk may read no further than the first step.
#[test]
fn money_gone_is_the_first_step_wherever_it_is_listed() {
    let mut checked = 0;
    for s in all_builtin() {
        let lists = std::iter::once(&s.action).chain(s.endings.iter().map(|e| &e.action));
        for list in lists {
            let ids: Vec<&str> = list.iter().map(|a| a.get_ref().as_str()).collect();
            if ids.contains(&"money-gone") {
                checked += 1;
                assert_eq!(
                    ids.first(),
                    Some(&"money-gone"),
                    "{}: put money-gone first: {ids:?}",
                    s.id
                );
            }
        }
    }
    assert!(checked > 10, "only {checked} lists name money-gone");
}

#[test]
fn police_courier_teaches_the_line_held_open_trap() {
    let s = load("police-courier");
    let c = Catalogue::builtin();
    let script = Script::build(&s, &c, "ewni", 5);
    let (walks, _) = walk_all(&script);

    let same_phone = |t: &str| {
        let t = t.to_lowercase();
        t.contains("same phone") && (t.contains("999") || t.contains("bank") || t.contains("ring"))
    };

    // Some choice says "ring back on the same phone"; it is risky, names the trick,
    // explains the precaution, and never leads straight to a safe ending.
    let mut found = 0;
    for st in &script.steps {
        for ch in st.choices.iter().filter(|ch| same_phone(&ch.text)) {
            found += 1;
            assert_eq!(ch.verdict, Verdict::Risky, "{}: {}", st.id, ch.text);
            assert!(
                ch.tricks.iter().any(|t| t.id == "line-held-open"),
                "{}: the trick is named",
                st.id
            );
            assert!(
                ch.feedback.contains("another phone") && ch.feedback.contains("five minutes"),
                "{}: the feedback teaches the precaution: {}",
                st.id,
                ch.feedback
            );
            match ch.next {
                Node::Ending(e) => assert_ne!(script.endings[e].outcome, Outcome::Safe),
                Node::Step(n) => {
                    // You reach the fraudster again: someone who vouches for the caller.
                    let reached = &script.steps[n];
                    assert!(
                        reached.choices.iter().any(|c| c.verdict == Verdict::Risky),
                        "the step after the trap still has the fraudster talking"
                    );
                }
            }
        }
    }
    assert!(
        found >= 2,
        "expected the same-phone choice in more than one place, found {found}"
    );

    // Whole paths: taking the same-phone choice can end in a defrauded outcome,
    // and every walk that takes it and ends safe had to leave by another phone.
    let trapped: Vec<&Walk> = walks
        .iter()
        .filter(|w| w.choices.iter().any(|t| same_phone(t)))
        .collect();
    assert!(!trapped.is_empty());
    assert!(
        trapped.iter().any(|w| w.outcome == Outcome::Defrauded),
        "ringing back on the same phone can lead to losing money"
    );
    for w in trapped.iter().filter(|w| w.outcome == Outcome::Safe) {
        let last = w.choices.last().expect("a walk has choices").to_lowercase();
        assert!(
            last.contains("mobile")
                || last.contains("different phone")
                || last.contains("five minutes")
                || last.contains("cashier"),
            "a safe end after the trap leaves by a clear line (or the bank): {:?}",
            w.choices
        );
    }

    // The precaution, not a claim about how long a line stays open.
    for (_, t) in hangup::engine::validate::texts(&s) {
        let t = t.get_ref().to_lowercase();
        assert!(
            !t.contains("stays open") && !t.contains("stay open") && !t.contains("open for"),
            "do not claim the line stays open: {t}"
        );
    }
}

#[test]
fn police_courier_has_a_courier_with_a_password_and_999() {
    let s = load("police-courier");
    let door: Vec<_> = s
        .steps
        .iter()
        .filter(|st| {
            st.says
                .iter()
                .chain(st.lines.iter().filter_map(|l| l.says.as_ref()))
                .any(|t| t.get_ref().contains("password"))
        })
        .collect();
    assert!(!door.is_empty(), "a courier comes with a password");
    for st in door {
        assert!(
            st.choices
                .iter()
                .any(|c| c.text.get_ref().contains("999") && c.verdict == Verdict::Safer),
            "{}: with a courier at the door, ringing 999 is offered",
            st.id.get_ref()
        );
    }
}

#[test]
fn seed_sources_are_cited() {
    let a = load("amazon-refund");
    assert_eq!(a.source.who.get_ref(), "West Mercia Police");
    assert_eq!(a.source.when.get_ref(), "June 2020");
    assert!(
        a.source
            .url
            .as_ref()
            .is_some_and(|u| u.get_ref().starts_with("https://www.westmercia.police.uk/"))
    );
    let p = load("police-courier");
    assert_eq!(p.source.who.get_ref(), "Hertfordshire Constabulary");
    assert_eq!(p.source.when.get_ref(), "September 2024");
    assert!(
        p.source
            .url
            .as_ref()
            .is_some_and(|u| u.get_ref().starts_with("https://"))
    );
    // The West Mercia figure in the fact sheet's careful wording, never "in 24 hours".
    let text = builtin_text("amazon-refund");
    assert!(text.contains("£40,000 of it in one day around Shrewsbury"));
    assert!(!text.contains("24 hours"));
}

/// Each variant list's longest value, so length checks use the worst case.
fn longest_values(s: &Scenario) -> BTreeMap<String, String> {
    hangup::engine::variants::widest(s)
}

fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &ch) in chars.iter().enumerate() {
        cur.push(ch);
        let end = matches!(ch, '.' | '?' | '!')
            && chars
                .get(i + 1)
                .is_none_or(|n| n.is_whitespace() || *n == '"');
        if end {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

#[test]
fn seed_text_is_short_and_plain() {
    let jargon = [
        "click", "online", "log in", "login", "download", "navigate", "menu", "portal",
    ];
    let blame = [
        "wrong!",
        "stupid",
        "foolish",
        "your fault",
        "should have known",
        "careless",
    ];
    for id in SEEDS {
        let s = load(id);
        let values = longest_values(&s);
        for (field, t) in hangup::engine::validate::texts(&s) {
            if field.starts_with("source") || field == "variants" {
                continue;
            }
            let text = fill(t.get_ref(), &values);
            let lower = text.to_lowercase();
            for w in jargon {
                assert!(
                    !lower.contains(w),
                    "{id} {field}: jargon \"{w}\" in: {text}"
                );
            }
            for sentence in sentences(&text) {
                let words = sentence.split_whitespace().count();
                assert!(
                    words <= 25,
                    "{id} {field}: a sentence of {words} words: {sentence}"
                );
            }
            if matches!(field, "feedback" | "happened" | "explain" | "title") {
                for w in blame {
                    assert!(!lower.contains(w), "{id} {field}: blaming \"{w}\": {text}");
                }
            }
        }
        for st in &s.steps {
            let says = fill(st.says.as_ref().map_or("", |t| t.get_ref()), &values);
            assert!(
                says.chars().count() <= 300,
                "{id}/{}: says is {} characters (max 300)",
                st.id.get_ref(),
                says.chars().count()
            );
            for ch in &st.choices {
                let text = fill(ch.text.get_ref(), &values);
                assert!(
                    text.chars().count() <= 70,
                    "{id}/{}: choice is {} characters: {text}",
                    st.id.get_ref(),
                    text.chars().count()
                );
            }
        }
    }
}

#[test]
fn every_seed_choice_is_fully_written() {
    // Read the raw file: `verdict` has a default, so check it is written out.
    for id in SEEDS {
        let raw: toml::Table = toml::from_str(builtin_text(id)).expect("valid TOML");
        let steps = raw["step"].as_array().expect("steps");
        for st in steps {
            let sid = st["id"].as_str().unwrap_or("?");
            for ch in st["choice"].as_array().expect("choices") {
                for key in ["text", "feedback", "flags", "verdict", "recap", "next"] {
                    assert!(ch.get(key).is_some(), "{id}/{sid}: a choice has no {key}");
                }
                let flags = ch["flags"].as_array().expect("flags is a list");
                assert!(!flags.is_empty(), "{id}/{sid}: a choice names no trick");
                let recap = ch["recap"].as_str().unwrap_or("");
                assert!(
                    recap.starts_with("You ") && recap.ends_with('.'),
                    "{id}/{sid}: recap should be a past-tense line: {recap}"
                );
            }
        }
        let s = load(id);
        assert!(s.shuffle_choices, "{id} shuffles its choices");
        for st in &s.steps {
            assert!(
                st.choices.iter().any(|c| c.verdict == Verdict::Safer),
                "{id}/{}: every step offers a safer choice",
                st.id.get_ref()
            );
        }
    }
}

fn drama_number(n: &str) -> bool {
    let rest = n
        .strip_prefix("01632 960")
        .or_else(|| n.strip_prefix("07700 900"));
    rest.is_some_and(|r| r.len() == 3 && r.chars().all(|c| c.is_ascii_digit()))
}

#[test]
fn seed_runs_differ_and_use_fictional_numbers_only() {
    let c = Catalogue::builtin();
    for id in SEEDS {
        let s = load(id);
        assert!(!s.variants.is_empty(), "{id} has [variants]");
        let mut seen = BTreeSet::new();
        for seed in 0..20 {
            let script = Script::build(&s, &c, "ewni", seed);
            assert!(
                drama_number(&script.caller_number),
                "{id}: caller number {} is not in Ofcom's drama range",
                script.caller_number
            );
            let first = &script.steps[script.start];
            seen.insert(format!(
                "{}|{}|{}",
                script.caller_number, first.says, first.choices[0].text
            ));
        }
        assert!(seen.len() > 3, "{id}: runs hardly vary: {seen:?}");
        // Any 01632/07700 number written anywhere is in the drama range.
        for (_, t) in hangup::engine::validate::texts(&s) {
            let text = t.get_ref();
            for prefix in ["01632", "07700"] {
                for (at, _) in text.match_indices(prefix) {
                    let n: String = text[at..].chars().take(12).collect();
                    assert!(drama_number(&n), "{id}: {n} is not a drama number");
                }
            }
        }
    }
}

#[test]
fn the_authors_guide_example_loads_and_plays() {
    let guide = include_str!("../../scenarios/README.md");
    let from = guide
        .find("## A complete short example")
        .expect("the guide has a worked example");
    let block = guide[from..]
        .split("```toml\n")
        .nth(1)
        .and_then(|b| b.split("\n```").next())
        .expect("the example is a toml block");
    let c = Catalogue::builtin();
    let s = parse_scenario(block.as_bytes(), &c)
        .unwrap_or_else(|p| panic!("the guide's example does not load: {p:#?}"));
    assert!(validate(&s, &c).is_empty());
    let script = Script::build(&s, &c, "ewni", 1);
    let (walks, _) = walk_all(&script);
    assert_eq!(walks.len(), 3, "the example has three paths");
    assert!(walks.iter().any(|w| w.outcome == Outcome::Defrauded));
}
