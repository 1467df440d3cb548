//! A scenario made ready to play: one variant picked (names, amounts, numbers),
//! every placeholder filled, choices put in this run's order, tricks and advice
//! looked up in the catalogues for the learner's region, and all text sanitised.
//!
//! Everything random comes from one seed, so `--seed N` repeats a run exactly.

use std::collections::BTreeMap;

use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng, rngs::StdRng};

use super::catalogue::Catalogue;
use super::model::{Kind, Medium, Outcome, Scenario, Verdict};
use super::text::{fill, sanitize};

/// Where a choice leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Step(usize),
    Ending(usize),
}

/// A trick, as shown to the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trick {
    pub id: String,
    pub name: String,
    pub explain: String,
}

#[derive(Debug, Clone)]
pub struct Script {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub kind: Kind,
    pub medium: Medium,
    /// "Who, when" of the warning this is based on.
    pub source: String,
    pub caller_name: String,
    pub caller_organisation: String,
    pub caller_number: String,
    pub start: usize,
    pub steps: Vec<ScriptStep>,
    pub endings: Vec<ScriptEnding>,
    pub recall: Vec<ScriptRecall>,
    /// The region whose numbers and advice this run uses.
    pub region: String,
}

#[derive(Debug, Clone)]
pub struct ScriptStep {
    pub id: String,
    pub scene: Option<String>,
    /// Who is speaking (the caller's name unless the step says otherwise).
    pub who: String,
    pub says: String,
    pub notes: Option<String>,
    pub choices: Vec<ScriptChoice>,
}

#[derive(Debug, Clone)]
pub struct ScriptChoice {
    pub text: String,
    pub feedback: String,
    pub tricks: Vec<Trick>,
    pub verdict: Verdict,
    /// A short line for the replay.
    pub recap: String,
    pub next: Node,
    /// Position in the file, before shuffling (stable across variants, for stats).
    pub authored_index: usize,
}

#[derive(Debug, Clone)]
pub struct ScriptEnding {
    pub id: String,
    pub outcome: Outcome,
    pub title: String,
    pub happened: Vec<String>,
    /// The right action, as short sentences, in order.
    pub action: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ScriptRecall {
    pub question: String,
    pub answer: bool,
    pub explain: String,
}

impl Script {
    /// Make a scenario ready to play. `seed` picks the variant and choice order.
    /// The scenario must have passed validation (the library only holds such).
    pub fn build(scenario: &Scenario, catalogue: &Catalogue, region: &str, seed: u64) -> Self {
        let mut rng = StdRng::seed_from_u64(seed);
        let region = catalogue.region(Some(region)).to_string();

        // Pick one value from each variant list, in a fixed (sorted) order.
        let values: BTreeMap<String, String> = scenario
            .variants
            .iter()
            .filter(|(_, list)| !list.is_empty())
            .map(|(k, list)| {
                let i = rng.random_range(0..list.len());
                (k.clone(), sanitize(list[i].get_ref()))
            })
            .collect();
        let t = |s: &str| sanitize(&fill(s, &values));

        let node_of: BTreeMap<&str, Node> = scenario
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.get_ref().as_str(), Node::Step(i)))
            .chain(
                scenario
                    .endings
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.id.get_ref().as_str(), Node::Ending(i))),
            )
            .collect();

        let caller_name = t(scenario.caller.name.get_ref());
        let steps = scenario
            .steps
            .iter()
            .map(|st| {
                let mut choices: Vec<ScriptChoice> = st
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| ScriptChoice {
                        text: t(c.text.get_ref()),
                        feedback: t(c.feedback.get_ref()),
                        tricks: c
                            .flags
                            .iter()
                            .filter_map(|f| catalogue.red_flag(f.get_ref()))
                            .map(|f| Trick {
                                id: f.id.clone(),
                                name: sanitize(&f.name),
                                explain: sanitize(&f.explain),
                            })
                            .collect(),
                        verdict: c.verdict,
                        recap: c.recap.as_ref().map_or_else(
                            || format!("You chose: {}", t(c.text.get_ref())),
                            |r| t(r.get_ref()),
                        ),
                        next: node_of
                            .get(c.next.get_ref().as_str())
                            .copied()
                            .unwrap_or(Node::Ending(0)),
                        authored_index: i,
                    })
                    .collect();
                if scenario.shuffle_choices {
                    choices.shuffle(&mut rng);
                }
                ScriptStep {
                    id: st.id.get_ref().clone(),
                    scene: st.scene.as_ref().map(|s| t(s.get_ref())),
                    who: st
                        .who
                        .as_ref()
                        .map_or_else(|| caller_name.clone(), |w| t(w.get_ref())),
                    says: t(st.says.get_ref()),
                    notes: st.notes.as_ref().map(|s| t(s.get_ref())),
                    choices,
                }
            })
            .collect();

        let endings = scenario
            .endings
            .iter()
            .map(|e| {
                let ids = if e.action.is_empty() {
                    &scenario.action
                } else {
                    &e.action
                };
                ScriptEnding {
                    id: e.id.get_ref().clone(),
                    outcome: e.outcome,
                    title: t(e.title.get_ref()),
                    happened: e.happened.iter().map(|h| t(h.get_ref())).collect(),
                    action: ids
                        .iter()
                        .filter_map(|a| catalogue.advice_text(a.get_ref(), &region))
                        .collect(),
                }
            })
            .collect();

        let start = match node_of.get(scenario.start.get_ref().as_str()) {
            Some(Node::Step(i)) => *i,
            _ => 0,
        };

        Script {
            id: scenario.id.get_ref().clone(),
            title: t(scenario.title.get_ref()),
            summary: t(scenario.summary.get_ref()),
            kind: scenario.kind,
            medium: scenario.medium,
            source: format!(
                "{}, {}",
                t(scenario.source.who.get_ref()),
                t(scenario.source.when.get_ref())
            ),
            caller_name,
            caller_organisation: t(scenario.caller.organisation.get_ref()),
            caller_number: t(scenario.caller.number.get_ref()),
            start,
            steps,
            endings,
            recall: scenario
                .recall
                .iter()
                .map(|r| ScriptRecall {
                    question: t(r.question.get_ref()),
                    answer: r.answer,
                    explain: t(r.explain.get_ref()),
                })
                .collect(),
            region,
        }
    }

    /// Where this call comes from, for the end of the call: scams cite the
    /// warning they are based on; real calls cite the advice they teach.
    pub fn source_line(&self) -> String {
        match self.kind {
            Kind::Scam => format!("Based on a warning from {}.", self.source),
            Kind::Genuine => format!("Based on advice from {}.", self.source),
        }
    }

    /// The shortest way from the start to a safe ending: (step, choice) pairs and the ending.
    pub fn safe_path(&self) -> Option<(Vec<(usize, usize)>, usize)> {
        self.safe_path_from(self.start)
    }

    /// The shortest way from step `from` to a safe ending: (step, choice) pairs and the ending.
    pub fn safe_path_from(&self, from: usize) -> Option<(Vec<(usize, usize)>, usize)> {
        use std::collections::VecDeque;
        let mut prev: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        let mut seen = vec![false; self.steps.len()];
        if from >= self.steps.len() {
            return None;
        }
        let mut queue = VecDeque::from([from]);
        seen[from] = true;
        while let Some(step) = queue.pop_front() {
            for (ci, c) in self.steps[step].choices.iter().enumerate() {
                match c.next {
                    Node::Ending(e) if self.endings[e].outcome == Outcome::Safe => {
                        let mut path = vec![(step, ci)];
                        let mut at = step;
                        while let Some(&(p, pc)) = prev.get(&at) {
                            path.push((p, pc));
                            at = p;
                        }
                        path.reverse();
                        return Some((path, e));
                    }
                    Node::Step(n) if !seen[n] => {
                        seen[n] = true;
                        prev.insert(n, (step, ci));
                        queue.push_back(n);
                    }
                    _ => {}
                }
            }
        }
        None
    }
}
