//! Every rule a scenario must follow, as located diagnostics with stable codes.
//!
//! The loader uses this to refuse a broken scenario (the learner never sees it);
//! `hangup check` uses the same list to tell the author exactly what to fix.
//! Codes are documented in `docs/authoring.md`; never reuse or renumber one.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::ops::Range;

use serde::Serialize;

use super::catalogue::Catalogue;
use super::model::{Kind, Outcome, Scenario, Sp};
use super::text::{Placeholder, find_bad_char, placeholders};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem found in a scenario file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable code, e.g. `H0203`.
    pub code: &'static str,
    /// Plain words: what is wrong.
    pub message: String,
    /// Byte range in the file, when known.
    pub span: Option<Range<usize>>,
    /// One line on how to fix it, when that helps.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(
        code: &'static str,
        message: impl Into<String>,
        span: Option<Range<usize>>,
    ) -> Self {
        Self {
            severity: Severity::Error,
            code,
            message: message.into(),
            span,
            hint: None,
        }
    }

    pub fn warning(
        code: &'static str,
        message: impl Into<String>,
        span: Option<Range<usize>>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, message, span)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Limits that keep a scenario playable and a file safe to read.
pub const MIN_CHOICES: usize = 2;
pub const MAX_CHOICES: usize = 4;
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// Run every rule that needs the whole scenario (the file already parsed).
pub fn validate(s: &Scenario, catalogue: &Catalogue) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_ids(s, &mut out);
    check_references(s, catalogue, &mut out);
    check_graph(s, &mut out);
    check_text(s, &mut out);
    out
}

fn span(sp: &Sp) -> Option<Range<usize>> {
    Some(sp.span())
}

/// Ids are what authors type in `next = "..."`: keep them easy to type and to read.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
}

fn check_ids(s: &Scenario, out: &mut Vec<Diagnostic>) {
    let all = std::iter::once(&s.id)
        .chain(s.steps.iter().map(|st| &st.id))
        .chain(s.endings.iter().map(|e| &e.id));
    for id in all {
        if !valid_id(id.get_ref()) {
            out.push(
                Diagnostic::error(
                    "H0202",
                    format!(
                        "the id \"{}\" has characters an id cannot have",
                        id.get_ref()
                    ),
                    span(id),
                )
                .with_hint("use small letters, digits and dashes only, e.g. \"ask-for-pin\""),
            );
        }
    }
    let mut seen: HashMap<&str, &Sp> = HashMap::new();
    for id in s
        .steps
        .iter()
        .map(|st| &st.id)
        .chain(s.endings.iter().map(|e| &e.id))
    {
        if let Some(first) = seen.get(id.get_ref().as_str()) {
            let line_hint = format!("the first one is at byte {}", first.span().start);
            out.push(
                Diagnostic::error(
                    "H0201",
                    format!("the id \"{}\" is used twice", id.get_ref()),
                    span(id),
                )
                .with_hint(format!(
                    "give each step and ending its own id ({line_hint})"
                )),
            );
        } else {
            seen.insert(id.get_ref(), id);
        }
    }
}

/// The closest known word, for "did you mean" hints.
pub fn closest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::levenshtein(word, k), k))
        .filter(|(d, k)| *d <= 3.max(k.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn check_references(s: &Scenario, catalogue: &Catalogue, out: &mut Vec<Diagnostic>) {
    let targets: Vec<&str> = s
        .steps
        .iter()
        .map(|st| st.id.get_ref().as_str())
        .chain(s.endings.iter().map(|e| e.id.get_ref().as_str()))
        .collect();
    let steps: Vec<&str> = s.steps.iter().map(|st| st.id.get_ref().as_str()).collect();

    if !steps.contains(&s.start.get_ref().as_str()) {
        let mut d = Diagnostic::error(
            "H0203",
            format!(
                "start = \"{}\" is not the id of any step",
                s.start.get_ref()
            ),
            span(&s.start),
        );
        if let Some(c) = closest(s.start.get_ref(), steps.iter().copied()) {
            d = d.with_hint(format!("did you mean `start = \"{c}\"`?"));
        }
        out.push(d);
    }
    for st in &s.steps {
        for ch in &st.choices {
            let next = ch.next.get_ref();
            if !targets.contains(&next.as_str()) {
                let mut d = Diagnostic::error(
                    "H0203",
                    format!("next = \"{next}\" is not the id of any step or ending"),
                    span(&ch.next),
                );
                if let Some(c) = closest(next, targets.iter().copied()) {
                    d = d.with_hint(format!("did you mean `next = \"{c}\"`?"));
                }
                out.push(d);
            }
            for f in &ch.flags {
                if catalogue.red_flag(f.get_ref()).is_none() {
                    let mut d = Diagnostic::error(
                        "H0204",
                        format!("\"{}\" is not in the red-flag catalogue", f.get_ref()),
                        span(f),
                    );
                    let known = catalogue.red_flags.flags.iter().map(|f| f.id.as_str());
                    if let Some(c) = closest(f.get_ref(), known) {
                        d = d.with_hint(format!("did you mean \"{c}\"?"));
                    }
                    out.push(d);
                }
            }
        }
    }
    let actions = s
        .action
        .iter()
        .chain(s.endings.iter().flat_map(|e| &e.action));
    for a in actions {
        if catalogue.advice_step(a.get_ref()).is_none() {
            let mut d = Diagnostic::error(
                "H0205",
                format!("\"{}\" is not in the advice catalogue", a.get_ref()),
                span(a),
            );
            let known = catalogue.advice.steps.iter().map(|a| a.id.as_str());
            if let Some(c) = closest(a.get_ref(), known) {
                d = d.with_hint(format!("did you mean \"{c}\"?"));
            }
            out.push(d);
        }
    }
}

/// The call as a graph: which nodes each step leads to.
pub struct Graph<'a> {
    pub edges: BTreeMap<&'a str, Vec<&'a str>>,
    pub endings: BTreeSet<&'a str>,
}

impl<'a> Graph<'a> {
    pub fn of(s: &'a Scenario) -> Self {
        let edges = s
            .steps
            .iter()
            .map(|st| {
                let next = st
                    .choices
                    .iter()
                    .map(|c| c.next.get_ref().as_str())
                    .collect();
                (st.id.get_ref().as_str(), next)
            })
            .collect();
        let endings = s.endings.iter().map(|e| e.id.get_ref().as_str()).collect();
        Self { edges, endings }
    }

    /// Every node reachable from `from` (including it).
    pub fn reachable(&self, from: &'a str) -> BTreeSet<&'a str> {
        let mut seen = BTreeSet::new();
        let mut queue = VecDeque::from([from]);
        while let Some(n) = queue.pop_front() {
            if seen.insert(n) {
                for &m in self.edges.get(n).into_iter().flatten() {
                    queue.push_back(m);
                }
            }
        }
        seen
    }

    /// Steps from which at least one ending can be reached.
    pub fn can_finish(&self) -> BTreeSet<&'a str> {
        let mut done: BTreeSet<&str> = self.endings.clone();
        loop {
            let before = done.len();
            for (&step, next) in &self.edges {
                if next.iter().any(|n| done.contains(n)) {
                    done.insert(step);
                }
            }
            if done.len() == before {
                return done;
            }
        }
    }
}

fn check_graph(s: &Scenario, out: &mut Vec<Diagnostic>) {
    let g = Graph::of(s);
    let reach = g.reachable(s.start.get_ref());
    let finish = g.can_finish();
    for st in &s.steps {
        let id = st.id.get_ref().as_str();
        if st.choices.is_empty() {
            out.push(
                Diagnostic::error(
                    "H0302",
                    format!("step \"{id}\" has no choices, so the call gets stuck there"),
                    span(&st.id),
                )
                .with_hint("add [[step.choice]] entries, or make it an [[ending]]"),
            );
        } else if !(MIN_CHOICES..=MAX_CHOICES).contains(&st.choices.len()) {
            out.push(Diagnostic::error(
                "H0404",
                format!(
                    "step \"{id}\" has {} choices; a step needs {MIN_CHOICES} to {MAX_CHOICES}",
                    st.choices.len()
                ),
                span(&st.id),
            ));
        }
        if !reach.contains(id) {
            out.push(
                Diagnostic::error(
                    "H0301",
                    format!("step \"{id}\" can never be reached from the start"),
                    span(&st.id),
                )
                .with_hint("point a choice's `next` at it, or remove it"),
            );
        } else if !st.choices.is_empty() && !finish.contains(id) {
            out.push(
                Diagnostic::error(
                    "H0303",
                    format!(
                        "step \"{id}\" is in a loop with no way out: no ending can be reached from it"
                    ),
                    span(&st.id),
                )
                .with_hint("give one of the steps in the loop a choice that leads to an ending"),
            );
        }
    }
    for e in &s.endings {
        if !reach.contains(e.id.get_ref().as_str()) {
            out.push(Diagnostic::warning(
                "H0307",
                format!("ending \"{}\" can never be reached", e.id.get_ref()),
                span(&e.id),
            ));
        }
    }
    if s.kind == Kind::Scam {
        for (outcome, code, what) in [
            (Outcome::Safe, "H0304", "a safe ending"),
            (Outcome::Defrauded, "H0305", "a defrauded ending"),
        ] {
            if !s.endings.iter().any(|e| e.outcome == outcome) {
                out.push(
                    Diagnostic::error(
                        code,
                        format!("this scam scenario has no {what}"),
                        span(&s.id),
                    )
                    .with_hint(format!(
                        "add an [[ending]] with outcome = \"{}\"",
                        outcome.label()
                    )),
                );
            }
        }
    }
    if s.endings.is_empty() {
        out.push(Diagnostic::error(
            "H0308",
            "this scenario has no endings",
            span(&s.id),
        ));
    }
}

/// Every learner-facing text in the scenario, with a name for messages.
pub fn texts(s: &Scenario) -> Vec<(&'static str, &Sp)> {
    let mut v: Vec<(&'static str, &Sp)> = vec![
        ("title", &s.title),
        ("summary", &s.summary),
        ("source.who", &s.source.who),
        ("source.when", &s.source.when),
        ("caller.name", &s.caller.name),
        ("caller.organisation", &s.caller.organisation),
        ("caller.number", &s.caller.number),
    ];
    v.extend(s.source.url.iter().map(|u| ("source.url", u)));
    for vals in s.variants.values() {
        v.extend(vals.iter().map(|x| ("variants", x)));
    }
    for st in &s.steps {
        v.push(("says", &st.says));
        v.extend(st.scene.iter().map(|x| ("scene", x)));
        v.extend(st.who.iter().map(|x| ("who", x)));
        v.extend(st.notes.iter().map(|x| ("notes", x)));
        for c in &st.choices {
            v.push(("text", &c.text));
            v.push(("feedback", &c.feedback));
            v.extend(c.recap.iter().map(|x| ("recap", x)));
        }
    }
    for e in &s.endings {
        v.push(("title", &e.title));
        v.extend(e.happened.iter().map(|x| ("happened", x)));
    }
    for r in &s.recall {
        v.push(("question", &r.question));
        v.push(("explain", &r.explain));
    }
    v
}

fn check_text(s: &Scenario, out: &mut Vec<Diagnostic>) {
    let known: BTreeSet<&str> = s.variants.keys().map(String::as_str).collect();
    for (name, t) in texts(s) {
        let text = t.get_ref();
        if text.trim().is_empty() {
            let code = if name == "feedback" { "H0402" } else { "H0401" };
            out.push(Diagnostic::error(
                code,
                format!("`{name}` is empty"),
                span(t),
            ));
        }
        if let Some((_, c, why)) = find_bad_char(text) {
            out.push(
                Diagnostic::error(
                    "H0406",
                    format!(
                        "`{name}` contains {} (U+{:04X}), which could change the learner's screen",
                        why.describe(),
                        c as u32
                    ),
                    span(t),
                )
                .with_hint("delete it; write plain text only"),
            );
        }
        for p in placeholders(text) {
            match p {
                Placeholder::Malformed(_) => out.push(
                    Diagnostic::error(
                        "H0407",
                        format!("`{name}` has a `{{` or `}}` that is not a placeholder"),
                        span(t),
                    )
                    .with_hint("write placeholders as {name}, with a name from [variants]"),
                ),
                Placeholder::Name(_, n) if !known.contains(n) => {
                    let mut d = Diagnostic::error(
                        "H0209",
                        format!("`{name}` uses {{{n}}}, but [variants] has no list called \"{n}\""),
                        span(t),
                    );
                    if let Some(c) = closest(n, known.iter().copied()) {
                        d = d.with_hint(format!("did you mean {{{c}}}?"));
                    }
                    out.push(d);
                }
                Placeholder::Name(..) => {}
            }
        }
    }
    for (name, vals) in &s.variants {
        if vals.is_empty() {
            out.push(Diagnostic::error(
                "H0210",
                format!("the variant list \"{name}\" is empty"),
                span(&s.id),
            ));
        }
    }
    for e in &s.endings {
        if e.action.is_empty() && s.action.is_empty() {
            out.push(
                Diagnostic::error(
                    "H0403",
                    format!(
                        "ending \"{}\" does not say what the right action is",
                        e.id.get_ref()
                    ),
                    span(&e.id),
                )
                .with_hint("add action = [\"hang-up\", ...] to the ending or to the scenario"),
            );
        }
        if e.happened.is_empty() {
            out.push(Diagnostic::error(
                "H0401",
                format!("ending \"{}\" does not say what happened", e.id.get_ref()),
                span(&e.id),
            ));
        }
    }
}
