//! An exhaustive walk of every path of every built-in call (issue 14):
//! - every path ends within 40 decisions (a step may come round twice: the first
//!   time and one repeat, which is where a repeated mistake must lead on);
//! - every ending of a phone scam teaches clearing the line;
//! - the replay of every path shows only the learner's own choices, then how the
//!   call ended, and the safer way leaves that path at its first unsafe choice.

use std::collections::BTreeMap;

use hangup::engine::library::{BUILTIN_SCENARIOS, parse_scenario};
use hangup::engine::model::Verdict;
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
                for i in 0..session.script().steps[step].choices.len() {
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
            .map(|t| script.steps[t.step].choices[t.choice].recap.as_str())
            .collect();
        let mut want: Vec<String> = recaps.iter().map(|s| s.to_string()).collect();
        want.push(format!("Ending: {}.", ending.title));
        if r.yours != want {
            self.problems.push(format!(
                "{}: replay of {:?} shows {:?}",
                self.name, recaps, r.yours
            ));
        }
        let risky = path
            .iter()
            .position(|t| script.steps[t.step].choices[t.choice].verdict == Verdict::Risky);
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
            name,
            clear_line: clear_line.clone(),
            ended: 0,
            problems: Vec::new(),
        };
        walk.go(session, &mut BTreeMap::new());
        assert!(walk.ended > 0, "{name}: no path ends");
        total += walk.ended;
        problems.extend(walk.problems);
    }
    assert!(total > 100, "only {total} paths walked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
