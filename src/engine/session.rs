//! One rehearsal of one call, as a small state machine with no terminal code.
//!
//! The phases are the same in every front end: the phone rings, the caller
//! speaks and the learner chooses, the choice is explained, and the call ends
//! with the right action. The TUI and plain mode both just show the phase.

use super::model::{Kind, Outcome, Verdict};
use super::script::{Node, Script, ScriptChoice, ScriptEnding, ScriptStep, Trick};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The phone is ringing (or a message has arrived): caller ID is shown.
    Incoming,
    /// The caller has spoken; the learner must choose.
    Deciding { step: usize },
    /// The learner chose; the explanation is shown.
    Feedback { step: usize, choice: usize },
    /// The call is over.
    Ended { ending: usize },
}

/// One choice the learner made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    pub step: usize,
    pub choice: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("there is no choice {0} here")]
    NoSuchChoice(usize),
    #[error("there is nothing to choose right now")]
    NotDeciding,
}

/// What a finished call meant, for scores and progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallResult {
    pub scenario: String,
    pub kind: Kind,
    pub outcome: Outcome,
    /// Tricks the learner went along with (a risky choice showed them).
    pub missed: Vec<String>,
}

impl CallResult {
    /// A scam spotted, or a genuine call handled well.
    pub fn handled_well(&self) -> bool {
        self.outcome == Outcome::Safe
    }
}

/// The learner's own path next to the safer way, for the replay.
///
/// `yours` is only what the learner chose, one line per choice, then how the call
/// ended. `safe` is the same as `yours` up to `departs`, the first choice that left
/// the safe path; from there it is the shortest safer way to a safe ending. A run
/// that was safe all the way has no `departs` and no `safe` column: `summary` says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replay {
    pub yours: Vec<String>,
    pub safe: Vec<String>,
    /// Index (0-based) in `yours` of the first choice that left the safe path.
    pub departs: Option<usize>,
    /// One plain line about the whole run, shown above the columns.
    pub summary: String,
}

/// The last line of a column: how the call ended.
fn ended_line(title: &str) -> String {
    format!("Ending: {title}.")
}

#[derive(Debug, Clone)]
pub struct Session {
    script: Script,
    phase: Phase,
    path: Vec<Taken>,
}

impl Session {
    pub fn new(script: Script) -> Self {
        Self {
            script,
            phase: Phase::Incoming,
            path: Vec::new(),
        }
    }

    pub fn script(&self) -> &Script {
        &self.script
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    pub fn path(&self) -> &[Taken] {
        &self.path
    }

    pub fn step(&self, i: usize) -> &ScriptStep {
        &self.script.steps[i]
    }

    /// The step on screen (while deciding or reading feedback).
    pub fn current_step(&self) -> Option<&ScriptStep> {
        match self.phase {
            Phase::Deciding { step } | Phase::Feedback { step, .. } => self.script.steps.get(step),
            _ => None,
        }
    }

    pub fn current_choice(&self) -> Option<&ScriptChoice> {
        match self.phase {
            Phase::Feedback { step, choice } => self.script.steps.get(step)?.choices.get(choice),
            _ => None,
        }
    }

    pub fn ending(&self) -> Option<&ScriptEnding> {
        match self.phase {
            Phase::Ended { ending } => self.script.endings.get(ending),
            _ => None,
        }
    }

    /// Pick up the phone (or open the message).
    pub fn answer(&mut self) {
        if self.phase == Phase::Incoming {
            self.phase = Phase::Deciding {
                step: self.script.start,
            };
        }
    }

    /// Choose the `n`-th choice (0-based) of the current step.
    pub fn choose(&mut self, n: usize) -> Result<(), SessionError> {
        let Phase::Deciding { step } = self.phase else {
            return Err(SessionError::NotDeciding);
        };
        if n >= self.script.steps[step].choices.len() {
            return Err(SessionError::NoSuchChoice(n + 1));
        }
        self.path.push(Taken { step, choice: n });
        self.phase = Phase::Feedback { step, choice: n };
        Ok(())
    }

    /// Go on from the feedback to wherever the choice leads.
    pub fn next(&mut self) {
        if let Phase::Feedback { step, choice } = self.phase {
            self.phase = match self.script.steps[step].choices[choice].next {
                Node::Step(s) => Phase::Deciding { step: s },
                Node::Ending(e) => Phase::Ended { ending: e },
            };
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
            Phase::Deciding { .. } | Phase::Ended { .. } => match self.path.last() {
                Some(&Taken { step, choice }) => {
                    self.phase = Phase::Feedback { step, choice };
                    true
                }
                None => false,
            },
        }
    }

    pub fn is_over(&self) -> bool {
        matches!(self.phase, Phase::Ended { .. })
    }

    /// Every trick met on the way so far, first time each, in order.
    pub fn tricks_met(&self) -> Vec<&Trick> {
        let mut out: Vec<&Trick> = Vec::new();
        for t in &self.path {
            for trick in &self.script.steps[t.step].choices[t.choice].tricks {
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
            let c = &self.script.steps[t.step].choices[t.choice];
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
        })
    }

    /// The first choice (index into the path) that left the safe path: the first
    /// risky choice; if there was none but the call did not end safely, the first
    /// choice that was not a safer one. `None` when the run was safe all the way.
    pub fn departs(&self) -> Option<usize> {
        let verdict = |t: &Taken| self.script.steps[t.step].choices[t.choice].verdict;
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
        let mut yours: Vec<String> = self.path.iter().map(|t| recap(t.step, t.choice)).collect();
        if let Some(e) = self.ending() {
            yours.push(ended_line(&e.title));
        }
        let departs = self.departs();
        let Some(d) = departs else {
            let summary = if self.is_over() {
                "Every choice you made was a safe one. There is nothing to change."
            } else {
                "So far, every choice you made was a safe one."
            };
            return Replay {
                yours,
                safe: Vec::new(),
                departs: None,
                summary: summary.into(),
            };
        };
        let mut safe: Vec<String> = self.path[..d]
            .iter()
            .map(|t| recap(t.step, t.choice))
            .collect();
        if let Some((path, ending)) = self.script.safe_path_from(self.path[d].step) {
            safe.extend(path.iter().map(|&(s, c)| recap(s, c)));
            safe.push(ended_line(&self.script.endings[ending].title));
        }
        let summary = if d == 0 {
            "The safer way leaves your path at your first choice.".to_string()
        } else {
            format!(
                "Your first {} the same as the safer way. They part at choice {}.",
                if d == 1 {
                    "choice was".to_string()
                } else {
                    format!("{d} choices were")
                },
                d + 1
            )
        };
        Replay {
            yours,
            safe,
            departs,
            summary,
        }
    }
}
