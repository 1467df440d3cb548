//! One rehearsal of one call, as a small state machine with no terminal code.
//!
//! The phases are the same in every front end: the phone rings, the caller
//! speaks and the learner chooses, the choice is explained, and the call ends
//! with the right action. The TUI and plain mode both just show the phase.

use std::collections::BTreeSet;

use super::model::{Kind, Outcome, Verdict};
use super::script::{Node, Script, ScriptChoice, ScriptEnding, ScriptStep, Trick};

/// Where the call is: what the screen shows and which actions make sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The phone is ringing (or a message has arrived): caller ID is shown.
    Incoming,
    /// The caller has spoken; the learner must choose.
    Deciding {
        /// The step on screen, as a 0-based index into `Script::steps`.
        step: usize,
    },
    /// The learner chose; the explanation is shown.
    Feedback {
        /// The step the choice was made at (0-based index into `Script::steps`).
        step: usize,
        /// The choice made, 0-based in the order shown on screen.
        choice: usize,
    },
    /// The call is over.
    Ended {
        /// The ending reached, as a 0-based index into `Script::endings`.
        ending: usize,
    },
}

/// One choice the learner made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    /// The step the choice was made at, as a 0-based index into `Script::steps`.
    pub step: usize,
    /// The choice as numbered on screen (0-based).
    pub choice: usize,
    /// The same choice in `Script::steps[step].choices`.
    pub index: usize,
}

/// Why an action on a [`Session`] was refused; the session is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// The current step has no choice with this number (1-based, as the learner saw it).
    #[error("there is no choice {0} here")]
    NoSuchChoice(usize),
    /// The call is not waiting for a choice (it is ringing, showing feedback, or over).
    #[error("there is nothing to choose right now")]
    NotDeciding,
}

/// What a finished call meant, for scores and progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallResult {
    /// The scenario's id, e.g. `police-courier`.
    pub scenario: String,
    /// Whether the call was a scam or genuine.
    pub kind: Kind,
    /// How the call ended.
    pub outcome: Outcome,
    /// Tricks the learner went along with (a risky choice showed them).
    pub missed: Vec<String>,
    /// Every trick the call showed on the learner's path (the choices taken
    /// named them), first time each, in order: `missed` and the ones resisted.
    /// Only these count as met: a trick elsewhere in the file, on a path not
    /// taken, was never faced.
    pub met: Vec<String>,
}

impl CallResult {
    /// A scam spotted, or a genuine call handled well.
    pub fn handled_well(&self) -> bool {
        self.outcome == Outcome::Safe
    }
}

/// The learner's own path next to the safer way, for the replay.
///
/// `yours` is only what the learner chose, one line per choice, and
/// `your_ending` how the call ended. `safe` is the same as `yours` up to
/// `departs`, the first choice that left the safe path; from there it is the
/// shortest safer way to a safe ending. A run that was safe all the way has no
/// `departs` and no `safe` column. This is data: the words around it (the
/// summary line, "Ending: ...") are `crate::present::wording::replay`'s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replay {
    /// The learner's own path: one recap per choice.
    pub yours: Vec<String>,
    /// The title of the ending the learner reached, once the call is over.
    pub your_ending: Option<String>,
    /// The safer way: the same as `yours` up to `departs`, then the shortest safer way to a safe ending; empty when the run was safe all the way.
    pub safe: Vec<String>,
    /// The title of the safe ending the safer way reaches (`None` when it is the learner's own way).
    pub safe_ending: Option<String>,
    /// Index (0-based) in `yours` of the first choice that left the safe path.
    pub departs: Option<usize>,
}

/// One rehearsal of one call (see the module docs); start it with [`Session::new`] and [`Session::answer`].
#[derive(Debug, Clone)]
pub struct Session {
    script: Script,
    phase: Phase,
    path: Vec<Taken>,
    /// Facts set by the choices so far.
    facts: BTreeSet<String>,
    /// How many times each step has been reached.
    visits: Vec<u32>,
    /// The step on screen, as shown: only the lines and choices whose conditions hold.
    shown: Option<(usize, ScriptStep)>,
    /// The ending reached, as shown: only the lines whose facts hold.
    shown_ending: Option<ScriptEnding>,
}

impl Session {
    /// A new session for `script`, ringing ([`Phase::Incoming`]), with no choices and no facts yet.
    pub fn new(script: Script) -> Self {
        let visits = vec![0; script.steps.len()];
        Self {
            script,
            phase: Phase::Incoming,
            path: Vec::new(),
            facts: BTreeSet::new(),
            visits,
            shown: None,
            shown_ending: None,
        }
    }

    /// The facts set so far in this call.
    pub fn facts(&self) -> &BTreeSet<String> {
        &self.facts
    }

    /// Go to a node: a step (following `on_repeat` on a second visit) or an ending.
    fn arrive(&mut self, node: Node) {
        let mut node = node;
        // `on_repeat` may chain; each step is followed at most once, so this ends.
        for _ in 0..=self.script.steps.len() {
            match node {
                Node::Step(s) => {
                    let seen = self.visits.get(s).copied().unwrap_or(0);
                    match self.script.steps.get(s).and_then(|st| st.on_repeat) {
                        Some(r) if seen > 0 && r != node => node = r,
                        _ => break,
                    }
                }
                Node::Ending(_) => break,
            }
        }
        match node {
            Node::Step(s) if s < self.script.steps.len() => {
                let again = self.visits[s] > 0;
                self.visits[s] += 1;
                self.shown = Some((s, self.script.steps[s].resolve(&self.facts, again)));
                self.shown_ending = None;
                self.phase = Phase::Deciding { step: s };
            }
            Node::Step(_) => {}
            Node::Ending(e) => {
                self.shown = None;
                self.shown_ending = self.script.endings.get(e).map(|x| x.resolve(&self.facts));
                self.phase = Phase::Ended { ending: e };
            }
        }
    }

    /// Rebuild facts, visits and the screen from the path (after taking a choice back).
    fn replay_path(&mut self) {
        self.facts.clear();
        self.visits.iter_mut().for_each(|v| *v = 0);
        self.shown = None;
        self.shown_ending = None;
        self.phase = Phase::Incoming;
        let path = std::mem::take(&mut self.path);
        self.arrive(Node::Step(self.script.start));
        for t in path {
            if self.phase != (Phase::Deciding { step: t.step }) || self.choose(t.choice).is_err() {
                break;
            }
            self.next();
        }
    }

    /// The script being played.
    pub fn script(&self) -> &Script {
        &self.script
    }

    /// Where the call is now.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Every choice made so far, in order (a choice taken back with [`Session::undo`] is gone).
    pub fn path(&self) -> &[Taken] {
        &self.path
    }

    /// A step: as shown, when it is the one on screen (only the lines and choices
    /// whose conditions hold); otherwise as written.
    pub fn step(&self, i: usize) -> &ScriptStep {
        match &self.shown {
            Some((s, st)) if *s == i => st,
            _ => &self.script.steps[i],
        }
    }

    /// The step on screen (while deciding or reading feedback), as shown.
    pub fn current_step(&self) -> Option<&ScriptStep> {
        match self.phase {
            Phase::Deciding { .. } | Phase::Feedback { .. } => self.shown.as_ref().map(|(_, s)| s),
            _ => None,
        }
    }

    /// The choice being explained, while the feedback is shown.
    pub fn current_choice(&self) -> Option<&ScriptChoice> {
        match self.phase {
            Phase::Feedback { choice, .. } => self.current_step()?.choices.get(choice),
            _ => None,
        }
    }

    /// The ending reached, as shown (only the lines whose facts hold).
    pub fn ending(&self) -> Option<&ScriptEnding> {
        match self.phase {
            Phase::Ended { .. } => self.shown_ending.as_ref(),
            _ => None,
        }
    }

    /// Pick up the phone (or open the message).
    pub fn answer(&mut self) {
        if self.phase == Phase::Incoming {
            self.arrive(Node::Step(self.script.start));
        }
    }

    /// The choice taken, as written in the script.
    fn taken(&self, t: &Taken) -> &ScriptChoice {
        &self.script.steps[t.step].choices[t.index]
    }

    /// Choose the `n`-th choice (0-based) of the current step.
    pub fn choose(&mut self, n: usize) -> Result<(), SessionError> {
        let Phase::Deciding { step } = self.phase else {
            return Err(SessionError::NotDeciding);
        };
        let Some(shown) = self.current_step().and_then(|st| st.choices.get(n)) else {
            return Err(SessionError::NoSuchChoice(n + 1));
        };
        let authored = shown.authored_index;
        let index = self.script.steps[step]
            .choices
            .iter()
            .position(|c| c.authored_index == authored)
            .unwrap_or(0);
        self.path.push(Taken {
            step,
            choice: n,
            index,
        });
        self.phase = Phase::Feedback { step, choice: n };
        Ok(())
    }

    /// Go on from the feedback to wherever the choice leads (setting its facts).
    pub fn next(&mut self) {
        if let Phase::Feedback { .. } = self.phase
            && let Some(t) = self.path.last().copied()
        {
            let c = self.taken(&t);
            let node = c.next;
            let set = c.set.clone();
            self.facts.extend(set);
            self.arrive(node);
        }
    }

    /// Take back the last choice (group mode's "back"); returns false at the start.
    pub fn undo(&mut self) -> bool {
        match self.phase {
            Phase::Incoming => false,
            Phase::Deciding { step } if self.path.is_empty() && step == self.script.start => {
                self.phase = Phase::Incoming;
                true
            }
            Phase::Feedback { step, .. } => {
                self.path.pop();
                self.phase = Phase::Deciding { step };
                true
            }
            Phase::Deciding { .. } | Phase::Ended { .. } => match self.path.pop() {
                Some(t) => {
                    self.replay_path();
                    self.phase == (Phase::Deciding { step: t.step })
                        && self.choose(t.choice).is_ok()
                }
                None => false,
            },
        }
    }

    /// True once the call has reached an ending.
    pub fn is_over(&self) -> bool {
        matches!(self.phase, Phase::Ended { .. })
    }

    /// Every trick met on the way so far, first time each, in order.
    pub fn tricks_met(&self) -> Vec<&Trick> {
        let mut out: Vec<&Trick> = Vec::new();
        for t in &self.path {
            for trick in &self.taken(t).tricks {
                if !out.iter().any(|o| o.id == trick.id) {
                    out.push(trick);
                }
            }
        }
        out
    }

    /// The result of a finished call.
    pub fn result(&self) -> Option<CallResult> {
        let ending = self.ending()?;
        let mut missed: Vec<String> = Vec::new();
        for t in &self.path {
            let c = self.taken(t);
            if c.verdict == super::model::Verdict::Risky {
                for trick in &c.tricks {
                    if !missed.contains(&trick.id) {
                        missed.push(trick.id.clone());
                    }
                }
            }
        }
        Some(CallResult {
            scenario: self.script.id.clone(),
            kind: self.script.kind,
            outcome: ending.outcome,
            missed,
            met: self.tricks_met().iter().map(|t| t.id.clone()).collect(),
        })
    }

    /// The first choice (index into the path) that left the safe path: the first
    /// risky choice; if there was none but the call did not end safely, the first
    /// choice that was not a safer one. `None` when the run was safe all the way.
    pub fn departs(&self) -> Option<usize> {
        let verdict = |t: &Taken| self.taken(t).verdict;
        if let Some(i) = self.path.iter().position(|t| verdict(t) == Verdict::Risky) {
            return Some(i);
        }
        let safe_end = self.ending().is_none_or(|e| e.outcome == Outcome::Safe);
        if safe_end {
            return None;
        }
        self.path
            .iter()
            .position(|t| verdict(t) != Verdict::Safer)
            .or_else(|| self.path.len().checked_sub(1))
    }

    /// The learner's own choices next to the safer way, which leaves the learner's
    /// path at the first choice that was not safe.
    pub fn replay(&self) -> Replay {
        let recap = |s: usize, c: usize| self.script.steps[s].choices[c].recap.clone();
        let yours: Vec<String> = self
            .path
            .iter()
            .map(|t| self.taken(t).recap.clone())
            .collect();
        let your_ending = self.ending().map(|e| e.title.clone());
        let departs = self.departs();
        let Some(d) = departs else {
            return Replay {
                yours,
                your_ending,
                safe: Vec::new(),
                safe_ending: None,
                departs: None,
            };
        };
        let mut safe: Vec<String> = self.path[..d]
            .iter()
            .map(|t| self.taken(t).recap.clone())
            .collect();
        let mut safe_ending = None;
        if let Some((path, ending)) = self.script.safe_path_from(self.path[d].step) {
            safe.extend(path.iter().map(|&(s, c)| recap(s, c)));
            safe_ending = Some(self.script.endings[ending].title.clone());
        }
        Replay {
            yours,
            your_ending,
            safe,
            safe_ending,
            departs,
        }
    }
}
