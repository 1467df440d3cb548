//! A scenario made ready to play: one variant picked (names, amounts, numbers),
//! every placeholder filled, choices put in this run's order, tricks and advice
//! looked up in the catalogues for the learner's region, and all text sanitised.
//!
//! Everything random comes from one seed, so `--seed N` repeats a run exactly.

use std::collections::{BTreeMap, BTreeSet};

use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng, rngs::StdRng};

use super::catalogue::Catalogue;
use super::model::{Channel, Kind, Medium, Outcome, Scenario, Verdict};
use super::text::{fill, sanitize};

/// Where a choice leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    /// A step, as a 0-based index into [`Script::steps`].
    Step(usize),
    /// An ending, as a 0-based index into [`Script::endings`].
    Ending(usize),
}

/// A trick, as shown to the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trick {
    /// The red-flag id from the catalogue, e.g. `fake-authority`.
    pub id: String,
    /// The trick's short name in the catalogue's words, sanitised, e.g. "Fake authority".
    pub name: String,
    /// One line that explains the trick, sanitised.
    pub explain: String,
}

/// A scenario made ready to play (see the module docs): built by [`Script::build`] from one seed.
#[derive(Debug, Clone)]
pub struct Script {
    /// The scenario's id, as in its file: lower-case words joined by `-`, e.g. `police-courier`.
    pub id: String,
    /// The title shown on the start screen, with placeholders filled.
    pub title: String,
    /// One line saying what happens in this call, with placeholders filled.
    pub summary: String,
    /// Whether this is a scam or a genuine contact.
    pub kind: Kind,
    /// How the first contact arrives; from the first step's `channel` when it has one, else the scenario's `medium`.
    pub medium: Medium,
    /// "Who, when" of the warning this is based on.
    pub source: String,
    /// The name the caller gives, with this run's variant filled in.
    pub caller_name: String,
    /// The organisation the caller claims to be from.
    pub caller_organisation: String,
    /// The number or sender shown on the first screen: the first step's `sender` when it sets a channel, else the caller's (fictional) number.
    pub caller_number: String,
    /// The first step, as a 0-based index into `steps`.
    pub start: usize,
    /// Every step, in file order; a [`Node::Step`] indexes this.
    pub steps: Vec<ScriptStep>,
    /// Every ending, in file order; a [`Node::Ending`] indexes this.
    pub endings: Vec<ScriptEnding>,
    /// The questions asked after the call, in file order.
    pub recall: Vec<ScriptRecall>,
    /// The region whose numbers and advice this run uses.
    pub region: String,
}

/// When a line or a choice is shown: facts set (or not) earlier in the call,
/// and whether this is the first visit to the step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cond {
    /// The fact that must have been set earlier in the call, if any.
    pub when: Option<String>,
    /// The fact that must not have been set, if any.
    pub unless: Option<String>,
    /// `Some(true)`: only on a second or later visit to the step; `Some(false)`: only on the first; `None`: either.
    pub again: Option<bool>,
}

impl Cond {
    /// Does this hold, given the facts set so far and whether the step was seen before?
    pub fn holds(&self, facts: &BTreeSet<String>, again: bool) -> bool {
        self.when.as_ref().is_none_or(|f| facts.contains(f))
            && self.unless.as_ref().is_none_or(|f| !facts.contains(f))
            && self.again.is_none_or(|a| a == again)
    }

    /// True when the condition always holds (no `when`, `unless` or `again`).
    pub fn is_always(&self) -> bool {
        *self == Cond::default()
    }
}

/// What kind of line this is; each front end shows each role in its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Words spoken aloud by `who`.
    Speech,
    /// What happens, told by the narrator (outside any speech box).
    Narration,
    /// The learner's own thought ("You think: ...").
    Thought,
    /// A message arriving (a text, an email, a voice note).
    Message,
}

/// One line of a step, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptLine {
    /// How the line is shown: speech, narration, thought or message.
    pub role: Role,
    /// The speaker (speech only; empty otherwise).
    pub who: String,
    /// The words, with placeholders filled and sanitised.
    pub text: String,
    /// When the line is shown.
    pub cond: Cond,
    /// For the narration that tells how a new contact arrives (a text, a
    /// call from a new number): the channel and its sender. Its `text` is
    /// empty until the words are put in (`crate::present::wording::word_script`):
    /// the engine gives the data, the wording catalogue the sentence.
    pub arrival: Option<Arrival>,
}

/// How a new contact arrives at a step: data, worded by the front-end-neutral layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    /// The channel: a call, a text, an email, a voice note, face to face.
    pub channel: Channel,
    /// The caller ID or sender, when the step gives one.
    pub from: Option<String>,
}

/// One step of the call, ready to show (built from a scenario's `[[step]]`).
#[derive(Debug, Clone)]
pub struct ScriptStep {
    /// The step's id, as in the scenario file, e.g. `asks-for-card`.
    pub id: String,
    /// A time jump before this step ("The next day, 1pm."); also its first narration line.
    pub time: Option<String>,
    /// How this step reaches the learner, when it is a new contact.
    pub channel: Option<Channel>,
    /// Its caller ID or sender.
    pub sender: Option<String>,
    /// Narration before anyone speaks (the narration lines, joined), if any.
    pub scene: Option<String>,
    /// Who is speaking (the first speaker; the caller's name unless the step says otherwise).
    pub who: String,
    /// What is said (the speech and message lines, joined).
    pub says: String,
    /// Every line, in order, with its role. In a running session only the lines
    /// whose conditions hold are here.
    pub lines: Vec<ScriptLine>,
    /// Where a second or later visit goes instead.
    pub on_repeat: Option<Node>,
    /// Notes for a volunteer running a group session, if the author wrote any (shown only when asked for).
    pub notes: Option<String>,
    /// The choices, in this run's order (shuffled unless the scenario says `shuffle_choices = false`).
    pub choices: Vec<ScriptChoice>,
}

impl ScriptStep {
    /// This step as shown, given the facts set so far and whether it was seen before:
    /// only the lines and choices whose conditions hold.
    pub fn resolve(&self, facts: &BTreeSet<String>, again: bool) -> ScriptStep {
        let lines: Vec<ScriptLine> = self
            .lines
            .iter()
            .filter(|l| l.cond.holds(facts, again))
            .cloned()
            .collect();
        let mut out = ScriptStep {
            lines,
            choices: self
                .choices
                .iter()
                .filter(|c| c.cond.holds(facts, again))
                .cloned()
                .collect(),
            ..self.clone()
        };
        out.refresh_summary(&self.who);
        out
    }

    /// Fill `scene`, `who` and `says` from the lines (for front ends that show one speaker).
    pub(crate) fn refresh_summary(&mut self, caller: &str) {
        let narration: Vec<&str> = self
            .lines
            .iter()
            .filter(|l| l.role == Role::Narration)
            .map(|l| l.text.as_str())
            .collect();
        self.scene = (!narration.is_empty()).then(|| narration.join(" "));
        self.who = self
            .lines
            .iter()
            .find(|l| l.role == Role::Speech)
            .map_or_else(|| caller.to_string(), |l| l.who.clone());
        let said: Vec<&str> = self
            .lines
            .iter()
            .filter(|l| matches!(l.role, Role::Speech | Role::Message | Role::Thought))
            .map(|l| l.text.as_str())
            .collect();
        self.says = said.join(" ");
    }

    /// Whether the words of this step are a message (written) or speech.
    pub fn says_role(&self) -> Role {
        self.lines
            .iter()
            .find(|l| matches!(l.role, Role::Speech | Role::Message))
            .map_or(Role::Speech, |l| l.role)
    }

    /// True when the lines need more than one speech box to show truly
    /// (a thought, a message, two speakers, or narration between speech).
    pub fn has_roles(&self) -> bool {
        let mut speakers = self
            .lines
            .iter()
            .filter(|l| l.role == Role::Speech)
            .map(|l| l.who.as_str());
        let first = speakers.next();
        let one_speaker = speakers.all(|w| Some(w) == first);
        let late_narration = self
            .lines
            .iter()
            .skip_while(|l| l.role == Role::Narration)
            .any(|l| l.role == Role::Narration);
        !one_speaker
            || late_narration
            || self
                .lines
                .iter()
                .any(|l| matches!(l.role, Role::Thought | Role::Message))
    }
}

/// One choice at a step, ready to show.
#[derive(Debug, Clone)]
pub struct ScriptChoice {
    /// What the learner could say or do, with placeholders filled.
    pub text: String,
    /// Shown after the choice: why it helps, or what the caller wanted.
    pub feedback: String,
    /// The tricks this moment shows, looked up in the red-flag catalogue (unknown ids are left out).
    pub tricks: Vec<Trick>,
    /// Whether the choice is safer, risky or neutral.
    pub verdict: Verdict,
    /// A short line for the replay: the file's `recap`, or empty when it gives
    /// none (`crate::present::wording::word_script` then puts "You chose: TEXT").
    pub recap: String,
    /// The step or ending this choice leads to.
    pub next: Node,
    /// Position in the file, before shuffling (stable across variants, for stats).
    pub authored_index: usize,
    /// Facts this choice sets.
    pub set: Vec<String>,
    /// When it is offered.
    pub cond: Cond,
}

/// How the call ended, ready to show (built from an `[[ending]]`).
#[derive(Debug, Clone)]
pub struct ScriptEnding {
    /// The ending's id, as in the scenario file.
    pub id: String,
    /// How well the learner came out of the call.
    pub outcome: Outcome,
    /// The short headline, e.g. "You kept your money safe".
    pub title: String,
    /// What happened. In a running session, only the lines whose facts hold.
    pub happened: Vec<String>,
    /// The condition of each `happened` line (same length).
    pub happened_cond: Vec<Cond>,
    /// The right action, as short sentences, in order.
    pub action: Vec<String>,
}

/// A yes-or-no question asked after the call, ready to show.
#[derive(Debug, Clone)]
pub struct ScriptRecall {
    /// The question, with placeholders filled.
    pub question: String,
    /// The right answer: `true` for yes.
    pub answer: bool,
    /// Why, in one or two short sentences.
    pub explain: String,
}

impl Script {
    /// Make a scenario ready to play. `seed` picks the variant and choice order.
    /// The scenario must have passed validation (the library only holds such).
    pub fn build(scenario: &Scenario, catalogue: &Catalogue, region: &str, seed: u64) -> Self {
        let mut rng = StdRng::seed_from_u64(seed);
        let region = catalogue.region(Some(region)).to_string();

        // Pick one value from each variant list (a set is one value), in sorted order.
        // Each list is picked in the same order as ever, so a seed keeps its values.
        let values: BTreeMap<String, String> =
            super::variants::values(scenario, |_, len| rng.random_range(0..len))
                .into_iter()
                .map(|(k, v)| (k, sanitize(&v)))
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
        let first = scenario
            .steps
            .iter()
            .find(|st| st.id.get_ref() == scenario.start.get_ref());
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
                        recap: c.recap.as_ref().map(|r| t(r.get_ref())).unwrap_or_default(),
                        next: node_of
                            .get(c.next.get_ref().as_str())
                            .copied()
                            .unwrap_or(Node::Ending(0)),
                        authored_index: i,
                        set: c.set.iter().map(|f| f.get_ref().clone()).collect(),
                        cond: Cond {
                            when: c.when.as_ref().map(|f| f.get_ref().clone()),
                            unless: c.unless.as_ref().map(|f| f.get_ref().clone()),
                            again: c.again,
                        },
                    })
                    .collect();
                if scenario.shuffle_choices {
                    choices.shuffle(&mut rng);
                }
                let who = st
                    .who
                    .as_ref()
                    .map_or_else(|| caller_name.clone(), |w| t(w.get_ref()));
                let mut lines = Vec::new();
                // A time jump, then how a new contact arrives: narration first.
                // (The first step's arrival is the ringing screen itself.)
                if let Some(time) = &st.time {
                    lines.push(ScriptLine {
                        role: Role::Narration,
                        who: String::new(),
                        text: t(time.get_ref()),
                        cond: Cond::default(),
                        arrival: None,
                    });
                }
                let arrival = st
                    .channel
                    .filter(|_| st.id.get_ref() != scenario.start.get_ref())
                    .map(|channel| Arrival {
                        channel,
                        from: st.sender.as_ref().map(|f| t(f.get_ref())),
                    });
                if let Some(arrival) = arrival {
                    lines.push(ScriptLine {
                        role: Role::Narration,
                        who: String::new(),
                        text: String::new(),
                        cond: Cond::default(),
                        arrival: Some(arrival),
                    });
                }
                if let Some(scene) = &st.scene {
                    lines.push(ScriptLine {
                        role: Role::Narration,
                        who: String::new(),
                        text: t(scene.get_ref()),
                        cond: Cond::default(),
                        arrival: None,
                    });
                }
                if let Some(says) = &st.says {
                    let written = st
                        .channel
                        .map_or(scenario.medium == Medium::Message, Channel::is_written);
                    let role = if written { Role::Message } else { Role::Speech };
                    lines.push(ScriptLine {
                        role,
                        who: who.clone(),
                        text: t(says.get_ref()),
                        cond: Cond::default(),
                        arrival: None,
                    });
                }
                for l in &st.lines {
                    let (role, text) = if let Some(x) = &l.says {
                        (Role::Speech, x)
                    } else if let Some(x) = &l.narration {
                        (Role::Narration, x)
                    } else if let Some(x) = &l.thought {
                        (Role::Thought, x)
                    } else if let Some(x) = &l.message {
                        (Role::Message, x)
                    } else {
                        continue;
                    };
                    lines.push(ScriptLine {
                        role,
                        who: if role == Role::Speech {
                            l.who
                                .as_ref()
                                .map_or_else(|| caller_name.clone(), |w| t(w.get_ref()))
                        } else {
                            String::new()
                        },
                        text: t(text.get_ref()),
                        cond: Cond {
                            when: l.when.as_ref().map(|f| f.get_ref().clone()),
                            unless: l.unless.as_ref().map(|f| f.get_ref().clone()),
                            again: l.again,
                        },
                        arrival: None,
                    });
                }
                let mut step = ScriptStep {
                    id: st.id.get_ref().clone(),
                    time: st.time.as_ref().map(|x| t(x.get_ref())),
                    channel: st.channel,
                    sender: st.sender.as_ref().map(|x| t(x.get_ref())),
                    scene: None,
                    who: who.clone(),
                    says: String::new(),
                    lines,
                    on_repeat: st
                        .on_repeat
                        .as_ref()
                        .and_then(|r| node_of.get(r.get_ref().as_str()).copied()),
                    notes: st.notes.as_ref().map(|s| t(s.get_ref())),
                    choices,
                };
                step.refresh_summary(&who);
                step
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
                    happened: e
                        .happened
                        .iter()
                        .map(|h| t(h.get_ref()))
                        .chain(e.lines.iter().map(|l| t(l.text.get_ref())))
                        .collect(),
                    happened_cond: e
                        .happened
                        .iter()
                        .map(|_| Cond::default())
                        .chain(e.lines.iter().map(|l| Cond {
                            when: l.when.as_ref().map(|f| f.get_ref().clone()),
                            unless: l.unless.as_ref().map(|f| f.get_ref().clone()),
                            again: None,
                        }))
                        .collect(),
                    action: catalogue.advice_texts(
                        &ids.iter().map(|a| a.get_ref().as_str()).collect::<Vec<_>>(),
                        &region,
                    ),
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
            // A call can open with a text or an email before the phone rings.
            medium: first
                .and_then(|st| st.channel)
                .map_or(scenario.medium, Channel::medium),
            source: format!(
                "{}, {}",
                t(scenario.source.who.get_ref()),
                t(scenario.source.when.get_ref())
            ),
            caller_name,
            caller_organisation: t(scenario.caller.organisation.get_ref()),
            caller_number: t(first
                .filter(|st| st.channel.is_some())
                .and_then(|st| st.sender.as_ref())
                .unwrap_or(&scenario.caller.number)
                .get_ref()),
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

    /// The shortest way from the start to a safe ending: (step, choice) pairs and the ending.
    /// Choices are only taken where their conditions hold (facts set on the way;
    /// a step reached again counts as a repeat visit, and `on_repeat` is followed).
    pub fn safe_path(&self) -> Option<(Vec<(usize, usize)>, usize)> {
        self.safe_path_from(self.start)
    }

    /// The shortest way from step `from` to a safe ending: (step, choice) pairs and the ending.
    pub fn safe_path_from(&self, from: usize) -> Option<(Vec<(usize, usize)>, usize)> {
        use std::collections::VecDeque;
        type State = (usize, BTreeSet<String>, BTreeSet<usize>);
        /// At most this many states are searched (facts make the space larger than the steps).
        const BUDGET: usize = 20_000;
        let mut prev: Vec<(Option<usize>, usize, usize)> = Vec::new(); // (parent, step, choice)
        let mut states: Vec<State> = Vec::new();
        let mut seen: BTreeSet<(usize, BTreeSet<String>, bool)> = BTreeSet::new();
        let mut queue = VecDeque::new();
        if from >= self.steps.len() {
            return None;
        }
        states.push((from, BTreeSet::new(), BTreeSet::new()));
        prev.push((None, from, 0));
        queue.push_back(0usize);
        let path_to = |mut at: usize, prev: &Vec<(Option<usize>, usize, usize)>| {
            let mut path = Vec::new();
            while let (Some(p), step, choice) = prev[at] {
                path.push((step, choice));
                at = p;
            }
            path.reverse();
            path
        };
        while let Some(si) = queue.pop_front() {
            if states.len() > BUDGET {
                break;
            }
            let (step, facts, visited) = states[si].clone();
            let again = visited.contains(&step);
            let Some(st) = self.steps.get(step) else {
                continue;
            };
            if !seen.insert((step, facts.clone(), again)) {
                continue;
            }
            for (ci, c) in st.choices.iter().enumerate() {
                if !c.cond.holds(&facts, again) {
                    continue;
                }
                let mut f2 = facts.clone();
                f2.extend(c.set.iter().cloned());
                let mut v2 = visited.clone();
                v2.insert(step);
                let mut node = c.next;
                if let Node::Step(n) = node
                    && v2.contains(&n)
                    && let Some(r) = self.steps[n].on_repeat
                {
                    node = r;
                }
                match node {
                    Node::Ending(e)
                        if self
                            .endings
                            .get(e)
                            .is_some_and(|e| e.outcome == Outcome::Safe) =>
                    {
                        prev.push((Some(si), step, ci));
                        let path = path_to(prev.len() - 1, &prev);
                        return Some((path, e));
                    }
                    Node::Step(n) => {
                        states.push((n, f2, v2));
                        prev.push((Some(si), step, ci));
                        queue.push_back(states.len() - 1);
                    }
                    Node::Ending(_) => {}
                }
            }
        }
        None
    }
}

impl ScriptEnding {
    /// This ending as shown, given the facts set on the way: only the lines that hold.
    pub fn resolve(&self, facts: &BTreeSet<String>) -> ScriptEnding {
        let (happened, happened_cond) = self
            .happened
            .iter()
            .zip(&self.happened_cond)
            .filter(|(_, c)| c.holds(facts, false))
            .map(|(h, c)| (h.clone(), c.clone()))
            .unzip();
        ScriptEnding {
            happened,
            happened_cond,
            ..self.clone()
        }
    }
}
