//! An exhaustive walk of every path of every built-in call (issue 14):
//! - every path ends within 40 decisions (a step may come round twice: the first
//!   time and one repeat, which is where a repeated mistake must lead on);
//! - every ending of a phone scam teaches clearing the line;
//! - the replay of every path shows only the learner's own choices, then how the
//!   call ended, and the safer way leaves that path at its first unsafe choice;
//! - no ending states a fact its path never set (see `truth`).

use std::collections::BTreeMap;

use hangup::engine::library::{BUILTIN_SCENARIOS, parse_scenario};
use hangup::engine::model::{Channel, Scenario, Verdict};
use hangup::engine::script::ScriptEnding;
use hangup::engine::{Catalogue, Kind, Medium, Outcome, Phase, Script, Session};

/// The most decisions any path may take.
const MAX_DECISIONS: usize = 40;
/// How often one step may come round on one path before the walk stops there.
const VISITS: usize = 2;

struct Walk<'a> {
    name: &'a str,
    clear_line: String,
    ended: usize,
    problems: Vec<String>,
    /// The call as written, for the endings' own conditions.
    scenario: Option<&'a Scenario>,
}

/// Words in an ending line that state something only some paths did, and the
/// fact (set by the choice that did it) a path must have set to be shown them
/// ("!fact": must not have set). Matched without regard to case.
const CLAIMS: &[(&str, &str, &str)] = &[
    ("police-courier", "know your pin", "pin-read-out"),
    ("police-courier", "read your pin out", "pin-read-out"),
    ("police-courier", "pin written down", "pin-in-envelope"),
    ("police-courier", "your pin on paper", "pin-in-envelope"),
    (
        "police-courier",
        "you put your cards in an envelope",
        "cards-in-envelope",
    ),
    ("police-courier", "so you rang 999", "rang-999-safely"),
    ("bank-safe-account", "into your computer", "computer-access"),
    ("bank-safe-account", "so you called 999", "rang-999"),
    (
        "bank-callback",
        "you had called the number on your card",
        "rang-card-number",
    ),
    (
        "bank-callback",
        "you could call your bank back",
        "!rang-card-number",
    ),
    (
        "bank-fraud-check",
        "you had called the number on your card",
        "rang-card-number",
    ),
    (
        "bank-fraud-check",
        "next time, call the number on the back of your card",
        "!rang-card-number",
    ),
    (
        "gp-appointment",
        "you had called the number on your letter",
        "rang-letter-number",
    ),
    (
        "gp-appointment",
        "you could call the surgery back",
        "!rang-letter-number",
    ),
    (
        "police-courier",
        "put your bank cards in an envelope",
        "cards-in-envelope",
    ),
    (
        "police-courier",
        "you put your cards, and your pin",
        "cards-in-envelope",
    ),
];

/// Words no call may use, in any text a learner or a volunteer reads, and why.
/// The fact sheet (0.4, 2.1) says not to claim how the held line works: say the
/// caller "may have stayed on the line, or played a fake dialling tone".
const NEVER_SAY: &[(&str, &str)] = &[
    (
        "never cleared",
        "FS 0.4, 2.1: the caller may have stayed on the line",
    ),
    (
        "line stayed open",
        "FS 0.4, 2.1: the caller may have stayed on the line",
    ),
    (
        "line stays open",
        "FS 0.4, 2.1: the caller may have stayed on the line",
    ),
    (
        "never left their line",
        "FS 0.4, 2.1: the caller may have stayed on the line",
    ),
    (
        "were still on the line",
        "FS 0.4, 2.1: the caller may have stayed on the line",
    ),
    ("on tomorrow", "grammar: \"tomorrow\" takes no \"on\""),
];

/// Names that are not a speaker: narration and thoughts are lines with their
/// own role, never speech with a `who`.
const NOT_A_SPEAKER: &[&str] = &[
    "your thoughts",
    "you think",
    "narrator",
    "narration",
    "the page",
    "the screen",
];

/// Everything in one call that says what the sources do not, or shows
/// narration as speech.
fn unsaid(name: &str, script: &Script) -> Vec<String> {
    let mut found = Vec::new();
    let mut texts: Vec<&str> = vec![&script.title, &script.summary];
    let mut who: Vec<&str> = Vec::new();
    for st in &script.steps {
        if st.says.trim().is_empty() {
            // Narration alone is shown as an empty speech box (and `""` in
            // the printed script): give the step a thought, a message or words.
            found.push(format!(
                "{name}: step \"{}\" has no words, message or thought",
                st.id
            ));
        }
        // In a call played as messages, a phone call must say so (`channel =
        // "call"`), or its words are shown as a message arriving.
        let rings = st
            .scene
            .as_deref()
            .is_some_and(|t| t.contains("phone rings"));
        if script.medium == Medium::Message && rings && st.channel != Some(Channel::Call) {
            found.push(format!(
                "{name}: step \"{}\" is a phone call shown as a message; give it channel = \"call\"",
                st.id
            ));
        }
        texts.extend(st.scene.as_deref());
        texts.extend(st.notes.as_deref());
        texts.push(&st.says);
        who.push(&st.who);
        for l in &st.lines {
            texts.push(&l.text);
            who.push(&l.who);
        }
        for c in &st.choices {
            texts.extend([c.text.as_str(), &c.feedback, &c.recap]);
        }
    }
    for e in &script.endings {
        texts.push(&e.title);
        texts.extend(e.happened.iter().map(String::as_str));
    }
    for r in &script.recall {
        texts.extend([r.question.as_str(), &r.explain]);
    }
    for t in texts {
        let lower = t.to_lowercase();
        for (phrase, why) in NEVER_SAY {
            if lower.contains(phrase) {
                found.push(format!("{name}: \"{t}\" says \"{phrase}\" ({why})"));
            }
        }
    }
    for w in who {
        if NOT_A_SPEAKER.contains(&w.to_lowercase().as_str()) {
            found.push(format!(
                "{name}: \"{w}\" is shown as a speaker; use a narration or thought line"
            ));
        }
    }
    found
}

#[test]
fn no_call_says_what_the_sources_do_not_or_shows_narration_as_speech() {
    let c = Catalogue::builtin();
    let mut problems = Vec::new();
    for (name, text) in BUILTIN_SCENARIOS {
        let s = parse_scenario(text.as_bytes(), &c).expect("built-in loads");
        problems.extend(unsaid(name, &Script::build(&s, &c, "ewni", 11)));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // It can fail: the old wording, and a page shown as a speaker.
    let (_, text) = BUILTIN_SCENARIOS
        .iter()
        .find(|(n, _)| *n == "cash-as-evidence.toml")
        .expect("cash-as-evidence is built in");
    let fixed =
        "They may have stayed on the line, or played a fake dialling tone. Nobody real answered.";
    assert!(text.contains(fixed));
    let wrong = text
        .replace(
            fixed,
            "The line was never cleared, so nobody real answered.",
        )
        .replace("who = \"A man\"", "who = \"The page\"");
    let s = parse_scenario(wrong.as_bytes(), &c).expect("loads");
    let found = unsaid("copy", &Script::build(&s, &c, "ewni", 11));
    assert!(
        found.iter().any(|p| p.contains("\"never cleared\"")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains("\"The page\" is shown as a speaker")),
        "{found:?}"
    );

    // A call inside a message scam, without its channel.
    let (_, parcel) = BUILTIN_SCENARIOS
        .iter()
        .find(|(n, _)| *n == "parcel-text.toml")
        .expect("parcel-text is built in");
    let channel = "time = \"Two days later.\"\nchannel = \"call\"\nsender = \"{bank_number}\"\nscene = \"It is your bank's number.\"\n";
    assert!(parcel.contains(channel));
    let wrong = parcel.replace(
        channel,
        "scene = \"Two days later, your phone rings. The screen shows {bank_number}, your bank's number.\"\n",
    );
    let s = parse_scenario(wrong.as_bytes(), &c).expect("loads");
    let found = unsaid("copy", &Script::build(&s, &c, "ewni", 11));
    assert!(
        found
            .iter()
            .any(|p| p.contains("step \"call\" is a phone call shown as a message")),
        "{found:?}"
    );

    // And a step of narration alone (the man's words and the thought made narration).
    let narrated = text
        .replace("who = \"A man\"\nsays = ", "narration = ")
        .replace(
            "thought = \"That was quick.",
            "narration = \"That was quick.",
        );
    let s = parse_scenario(narrated.as_bytes(), &c).expect("loads");
    let found = unsaid("copy", &Script::build(&s, &c, "ewni", 11));
    assert!(
        found
            .iter()
            .any(|p| p.contains("step \"held\" has no words, message or thought")),
        "{found:?}"
    );
}

impl Walk<'_> {
    fn go(&mut self, session: Session, visits: &mut BTreeMap<usize, usize>) {
        let decisions = session.path().len();
        if decisions > MAX_DECISIONS {
            self.problems.push(format!(
                "{}: a path is longer than {MAX_DECISIONS} decisions",
                self.name
            ));
            return;
        }
        match session.phase() {
            Phase::Ended { .. } => self.ended(&session),
            Phase::Deciding { step } => {
                let seen = visits.entry(step).or_insert(0);
                if *seen >= VISITS {
                    return;
                }
                *seen += 1;
                // The choices as shown: memory can hide some of those written.
                let shown = session.current_step().map_or(0, |st| st.choices.len());
                for i in 0..shown {
                    let mut next = session.clone();
                    if next.choose(i).is_err() {
                        self.problems
                            .push(format!("{}: choice {i} refused", self.name));
                        continue;
                    }
                    next.next();
                    self.go(next, visits);
                }
                if let Some(n) = visits.get_mut(&step) {
                    *n -= 1;
                }
            }
            other => self
                .problems
                .push(format!("{}: stuck in {other:?}", self.name)),
        }
    }

    fn ended(&mut self, session: &Session) {
        self.ended += 1;
        let script = session.script();
        let Some(ending) = session.ending() else {
            self.problems
                .push(format!("{}: ended with no ending", self.name));
            return;
        };
        self.truth(session, ending);
        if script.kind == Kind::Scam
            && script.medium == Medium::Call
            && !ending.action.contains(&self.clear_line)
        {
            self.problems.push(format!(
                "{}: ending \"{}\" does not teach clearing the line",
                self.name, ending.id
            ));
        }
        // The replay: your choices only, then how it ended.
        let r = session.replay();
        let path = session.path();
        let recaps: Vec<&str> = path
            .iter()
            .map(|t| script.steps[t.step].choices[t.index].recap.as_str())
            .collect();
        let want: Vec<String> = recaps.iter().map(|s| s.to_string()).collect();
        if r.yours != want || r.your_ending.as_deref() != Some(ending.title.as_str()) {
            self.problems.push(format!(
                "{}: replay of {:?} shows {:?}",
                self.name, recaps, r.yours
            ));
        }
        let risky = path
            .iter()
            .position(|t| script.steps[t.step].choices[t.index].verdict == Verdict::Risky);
        // A careful answer is never marked wrong: a path with no risky
        // choice (safer or neutral ones only, such as hanging up on a real
        // call) ends safe, so it counts as handled well in every score.
        if risky.is_none() && ending.outcome != Outcome::Safe {
            self.problems.push(format!(
                "{}: ending \"{}\" is {:?} on a path with no risky choice {recaps:?}",
                self.name, ending.id, ending.outcome
            ));
        }
        match (r.departs, risky) {
            (Some(d), Some(first)) if d == first => {}
            (None, None) if ending.outcome == Outcome::Safe => {}
            (Some(_), None) if ending.outcome != Outcome::Safe => {}
            other => self.problems.push(format!(
                "{}: replay departs {other:?} on path {recaps:?}",
                self.name
            )),
        }
        if let Some(d) = r.departs
            && r.safe.get(..d) != r.yours.get(..d)
        {
            self.problems.push(format!(
                "{}: the safer way does not follow your path up to choice {}",
                self.name,
                d + 1
            ));
        }
    }
}

impl Walk<'_> {
    /// No ending states a fact its path never set. On this path, with the
    /// facts it set (`session.facts()`):
    /// - the ending's own `when` / `unless` hold;
    /// - every line shown holds its condition;
    /// - a line that states a fact (`CLAIMS`) is shown only if the path set it;
    /// - a line written elsewhere in the ending `when` a fact is set is not
    ///   shown without that fact (the same words, but unconditional);
    /// - a line that repeats a learner's action word for word (a choice's
    ///   recap) is shown only on a path that took that action.
    fn truth(&mut self, session: &Session, ending: &ScriptEnding) {
        let facts = session.facts();
        let script = session.script();
        let taken: Vec<String> = path_recaps(session);
        let on = |f: &str| facts.contains(f);
        let mut say = |why: String| {
            self.problems.push(format!(
                "{}: ending \"{}\" on path {taken:?} (facts {facts:?}): {why}",
                self.name, ending.id
            ))
        };
        if let Some(e) = self
            .scenario
            .and_then(|s| s.endings.iter().find(|e| e.id.get_ref() == &ending.id))
        {
            if let Some(w) = e.when.as_ref().filter(|w| !on(w.get_ref())) {
                say(format!("the ending needs \"{}\"", w.get_ref()));
            }
            if let Some(u) = e.unless.as_ref().filter(|u| on(u.get_ref())) {
                say(format!("the ending needs \"{}\" not set", u.get_ref()));
            }
        }
        let written = script.endings.iter().find(|e| e.id == ending.id);
        for (line, cond) in ending.happened.iter().zip(&ending.happened_cond) {
            if !cond.holds(facts, false) {
                say(format!(
                    "\"{line}\" is shown, but its condition {cond:?} does not hold"
                ));
            }
            let lower = line.to_lowercase();
            for (_, phrase, fact) in CLAIMS.iter().filter(|(c, _, _)| *c == self.name) {
                let holds = match fact.strip_prefix('!') {
                    Some(f) => !on(f),
                    None => on(fact),
                };
                if lower.contains(phrase) && !holds {
                    say(format!(
                        "\"{line}\" says \"{phrase}\", but \"{fact}\" was never set"
                    ));
                }
            }
            if let Some(w) = written {
                for (l, c) in w.happened.iter().zip(&w.happened_cond) {
                    if l == line && c.when.as_ref().is_some_and(|f| !on(f)) && cond.when.is_none() {
                        say(format!(
                            "\"{line}\" is also written for when {:?} only",
                            c.when
                        ));
                    }
                }
            }
            let is_recap = script
                .steps
                .iter()
                .flat_map(|st| &st.choices)
                .any(|c| !c.recap.is_empty() && c.recap == *line);
            if is_recap && !taken.iter().any(|r| r == line) {
                say(format!("\"{line}\" tells a choice this path never made"));
            }
        }
    }
}

fn path_recaps(session: &Session) -> Vec<String> {
    let script = session.script();
    session
        .path()
        .iter()
        .map(|t| script.steps[t.step].choices[t.index].recap.clone())
        .collect()
}

/// Walk every path of one call; the problems found.
fn walk_call(name: &str, text: &str) -> (usize, Vec<String>) {
    let c = Catalogue::builtin();
    let clear_line = c
        .advice_text("clear-line", "ewni")
        .expect("clear-line advice");
    let s = parse_scenario(text.as_bytes(), &c).expect("loads");
    let mut session = Session::new(Script::build(&s, &c, "ewni", 11));
    session.answer();
    let mut walk = Walk {
        name,
        clear_line,
        ended: 0,
        problems: Vec::new(),
        scenario: Some(&s),
    };
    walk.go(session, &mut BTreeMap::new());
    (walk.ended, walk.problems)
}

/// The test above can fail: a copy of police-courier whose envelope path is
/// told "You read your PIN out" (the line's `when` taken off) is caught, and so
/// is a copy whose safe ending says "so you rang 999" on every path.
#[test]
fn an_ending_that_states_a_fact_its_path_never_set_is_caught() {
    let (_, text) = BUILTIN_SCENARIOS
        .iter()
        .find(|(n, _)| *n == "police-courier.toml")
        .expect("police-courier is built in");
    let (_, ok) = walk_call("police-courier", text);
    assert!(ok.is_empty(), "{}", ok.join("\n"));

    let pin = "text = \"You read your PIN out to them, and put your bank cards in an envelope.\"\nwhen = \"pin-read-out\"\n";
    assert!(text.contains(pin));
    let wrong = text.replace(
        pin,
        "text = \"You read your PIN out to them, and put your bank cards in an envelope.\"\n",
    );
    let (_, found) = walk_call("police-courier", &wrong);
    assert!(
        found
            .iter()
            .any(|p| p.contains("\"read your pin out\", but \"pin-read-out\" was never set")),
        "{found:?}"
    );

    let rang = "text = \"They had said a courier would come, so you rang 999.\"\nwhen = \"rang-999-safely\"\n";
    assert!(text.contains(rang));
    let wrong = text.replacen(
        rang,
        "text = \"They had said a courier would come, so you rang 999.\"\n",
        1,
    );
    let (_, found) = walk_call("police-courier", &wrong);
    assert!(
        found
            .iter()
            .any(|p| p.contains("\"rang-999-safely\" was never set")),
        "{found:?}"
    );
}

#[test]
fn every_path_of_every_builtin_call_ends_and_teaches_the_right_things() {
    let c = Catalogue::builtin();
    let clear_line = c
        .advice_text("clear-line", "ewni")
        .expect("clear-line advice");
    let mut problems = Vec::new();
    let mut total = 0;
    for (name, text) in BUILTIN_SCENARIOS {
        let s = parse_scenario(text.as_bytes(), &c).expect("built-in loads");
        let mut session = Session::new(Script::build(&s, &c, "ewni", 11));
        session.answer();
        let mut walk = Walk {
            name: name.trim_end_matches(".toml"),
            clear_line: clear_line.clone(),
            ended: 0,
            problems: Vec::new(),
            scenario: Some(&s),
        };
        walk.go(session, &mut BTreeMap::new());
        assert!(walk.ended > 0, "{name}: no path ends");
        total += walk.ended;
        problems.extend(walk.problems);
    }
    assert!(total > 100, "only {total} paths walked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
