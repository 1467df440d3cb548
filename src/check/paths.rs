//! `hangup paths ID`: every way through a scenario, so an author sees the whole
//! tree and a reviewer can check the teaching.
//!
//! A path is a list of choices from the start to an ending that visits no step
//! twice (a choice that goes back to a step already on the path is a loop, counted
//! but not followed). The search is bounded, and the listing is capped: large
//! trees are summarised, never printed forever.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use crate::engine::Catalogue;
use crate::engine::model::{Ending, Scenario, Step};
use crate::engine::text::sanitize;

/// Paths listed in full; the rest are only counted.
pub const LISTED_PATHS: usize = 50;
/// Steps the search may visit before it stops and says the counts are partial.
pub const SEARCH_BUDGET: usize = 1_000_000;
/// Choice text is cut to this many characters in the listing.
const CHOICE_CHARS: usize = 36;

/// One choice taken: the step, the choice's number as written in the file, its text.
#[derive(Clone)]
struct Taken<'a> {
    step: &'a str,
    number: usize,
    text: &'a str,
}

struct Search<'a> {
    steps: HashMap<&'a str, &'a Step>,
    endings: HashMap<&'a str, &'a Ending>,
    listed: Vec<(Vec<Taken<'a>>, &'a str)>,
    per_ending: BTreeMap<&'a str, usize>,
    total: usize,
    loops: usize,
    broken: usize,
    budget: usize,
    /// The fewest choices found to each ending.
    shortest: HashMap<&'a str, Vec<Taken<'a>>>,
}

fn short(text: &str) -> String {
    let clean = sanitize(text).replace('\n', " ");
    if clean.chars().count() > CHOICE_CHARS {
        let cut: String = clean.chars().take(CHOICE_CHARS - 1).collect();
        format!("\"{}…\"", cut.trim_end())
    } else {
        format!("\"{clean}\"")
    }
}

fn describe(path: &[Taken<'_>]) -> String {
    path.iter()
        .map(|t| format!("{} {}. {}", sanitize(t.step), t.number, short(t.text)))
        .collect::<Vec<_>>()
        .join(" → ")
}

impl<'a> Search<'a> {
    /// Follow every choice from `at`, with the facts set so far. A choice whose
    /// `when`/`unless` cannot hold is not offered; a step already on the path
    /// with `on_repeat` sends the learner on to its target.
    fn go(
        &mut self,
        at: &'a str,
        path: &mut Vec<Taken<'a>>,
        facts: &mut Vec<&'a str>,
        again: bool,
    ) -> bool {
        if self.budget == 0 {
            return false;
        }
        self.budget -= 1;
        let Some(step) = self.steps.get(at).copied() else {
            return true;
        };
        for (i, c) in step.choices.iter().enumerate() {
            let holds = c
                .when
                .as_ref()
                .is_none_or(|f| facts.contains(&f.get_ref().as_str()))
                && c.unless
                    .as_ref()
                    .is_none_or(|f| !facts.contains(&f.get_ref().as_str()))
                && c.again.is_none_or(|a| a == again);
            if !holds {
                continue;
            }
            let mut next = c.next.get_ref().as_str();
            let mut repeat = false;
            // A step already on the path with on_repeat: its second visit goes on.
            for _ in 0..=self.steps.len() {
                let on_path = next == at || path.iter().any(|t| t.step == next);
                match self.steps.get(next).and_then(|st| st.on_repeat.as_ref()) {
                    Some(r) if on_path && !repeat => {
                        next = r.get_ref().as_str();
                        repeat = true;
                    }
                    _ => break,
                }
            }
            path.push(Taken {
                step: step.id.get_ref(),
                number: i + 1,
                text: c.text.get_ref(),
            });
            let set_before = facts.len();
            for f in &c.set {
                if !facts.contains(&f.get_ref().as_str()) {
                    facts.push(f.get_ref().as_str());
                }
            }
            if self.endings.contains_key(next) {
                self.total += 1;
                *self.per_ending.entry(next).or_default() += 1;
                let best = self.shortest.entry(next).or_insert_with(|| path.clone());
                if path.len() < best.len() {
                    *best = path.clone();
                }
                if self.listed.len() < LISTED_PATHS {
                    self.listed.push((path.clone(), next));
                }
            } else if !repeat && path.iter().any(|t| t.step == next) {
                self.loops += 1;
            } else if self.steps.contains_key(next) {
                if !self.go(next, path, facts, repeat) {
                    facts.truncate(set_before);
                    path.pop();
                    return false;
                }
            } else {
                self.broken += 1;
            }
            facts.truncate(set_before);
            path.pop();
        }
        true
    }
}

/// Every distinct path through `s` (choices taken → ending), the number of paths
/// to each ending and the shortest path to each. At most `LISTED_PATHS` paths are
/// listed; the search stops after `SEARCH_BUDGET` steps and says so.
pub fn paths_report(s: &Scenario, _catalogue: &Catalogue) -> String {
    let mut search = Search {
        steps: s
            .steps
            .iter()
            .map(|st| (st.id.get_ref().as_str(), st))
            .collect(),
        endings: s
            .endings
            .iter()
            .map(|e| (e.id.get_ref().as_str(), e))
            .collect(),
        listed: Vec::new(),
        per_ending: BTreeMap::new(),
        total: 0,
        loops: 0,
        broken: 0,
        budget: SEARCH_BUDGET,
        shortest: HashMap::new(),
    };
    let start = s.start.get_ref().as_str();
    let complete = search.go(start, &mut Vec::new(), &mut Vec::new(), false);
    let at_least = if complete { "" } else { "at least " };

    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}): {} steps, {} endings, start at \"{}\".",
        sanitize(s.id.get_ref()),
        sanitize(s.title.get_ref()),
        s.steps.len(),
        s.endings.len(),
        sanitize(start)
    );
    let _ = writeln!(
        out,
        "Each choice is shown as: step, choice number in the file, choice text."
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "Paths ({at_least}{} in all):", search.total);
    for (i, (path, ending)) in search.listed.iter().enumerate() {
        let outcome = search
            .endings
            .get(ending)
            .map_or("?", |e| e.outcome.label());
        let _ = writeln!(
            out,
            "{:>4}. {} → {} ({outcome})",
            i + 1,
            describe(path),
            sanitize(ending)
        );
    }
    if search.total > search.listed.len() {
        let _ = writeln!(
            out,
            "      … and {at_least}{} more, not listed.",
            search.total - search.listed.len()
        );
    }
    if search.total == 0 {
        let _ = writeln!(out, "      (none: no ending can be reached from the start)");
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "Endings:");
    let short_paths = std::mem::take(&mut search.shortest);
    for e in &s.endings {
        let id = e.id.get_ref().as_str();
        let n = search.per_ending.get(id).copied().unwrap_or(0);
        let count = if n == 1 {
            format!("{at_least}1 path")
        } else {
            format!("{at_least}{n} paths")
        };
        match short_paths.get(id) {
            Some(p) => {
                let _ = writeln!(
                    out,
                    "  {} ({}): {count}; shortest, {} choice{}: {}",
                    sanitize(id),
                    e.outcome.label(),
                    p.len(),
                    if p.len() == 1 { "" } else { "s" },
                    describe(p)
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "  {} ({}): never reached",
                    sanitize(id),
                    e.outcome.label()
                );
            }
        }
    }
    if search.loops > 0 {
        let _ = writeln!(
            out,
            "\n{at_least}{} choice{} go back to a step already on the path (loops are not listed as paths).",
            search.loops,
            if search.loops == 1 { "" } else { "s" }
        );
    }
    if search.broken > 0 {
        let _ = writeln!(
            out,
            "{} choice{} lead to no step or ending: run `hangup check`.",
            search.broken,
            if search.broken == 1 { "" } else { "s" }
        );
    }
    if !complete {
        let _ = writeln!(
            out,
            "The tree is too big to follow every path; the counts above are partial."
        );
    }
    out
}
