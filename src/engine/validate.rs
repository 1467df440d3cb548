//! Every rule a scenario must follow, as located diagnostics with stable codes.
//!
//! The loader uses this to refuse a broken scenario (the learner never sees it);
//! `hangup check` uses the same list to tell the author exactly what to fix.
//! Codes are documented in `docs/authoring.md`; never reuse or renumber one.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::ops::Range;

use serde::Serialize;

use super::catalogue::Catalogue;
use super::model::{Kind, Outcome, Scenario, Sp};
use super::text::{Placeholder, find_bad_char, placeholders};

/// How serious a diagnostic is; in JSON `"warning"` or `"error"`. Ordered: a warning sorts before an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth fixing, but the scenario still loads and plays.
    Warning,
    /// The scenario is refused: the loader leaves it out and `hangup check` fails.
    Error,
}

/// One problem found in a scenario file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Whether this refuses the scenario or only warns.
    pub severity: Severity,
    /// Stable code, e.g. `H0203`.
    pub code: &'static str,
    /// Plain words: what is wrong.
    pub message: String,
    /// Byte range in the file, when known.
    pub span: Option<Range<usize>>,
    /// One line on how to fix it, when that helps.
    pub hint: Option<String>,
    /// Other places that explain the problem, e.g. where an id was first used.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

/// A second place for a diagnostic: in the same file, or in another one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// The other file, as the report names it; `None` for the same file.
    pub path: Option<String>,
    /// Byte range in that file.
    pub span: Range<usize>,
    /// Plain words for what is there, e.g. "first used here".
    pub note: String,
}

impl Diagnostic {
    /// An error with a stable `code` (e.g. `H0203`), plain-words `message`, and byte `span` in the file when known.
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
            related: Vec::new(),
        }
    }

    /// A warning, otherwise as [`Diagnostic::error`].
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

    /// The same diagnostic with a one-line hint on how to fix it (replacing any hint it had).
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Point at a second place too (`path` is `None` for the same file).
    pub fn with_related(
        mut self,
        path: Option<String>,
        span: Range<usize>,
        note: impl Into<String>,
    ) -> Self {
        self.related.push(Related {
            path,
            span,
            note: note.into(),
        });
        self
    }

    /// True for an error, false for a warning.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Limits that keep a scenario playable and a file safe to read.
pub const MIN_CHOICES: usize = 2;
/// The most choices one step may offer ([`MIN_CHOICES`] is the fewest); more is error H0404.
pub const MAX_CHOICES: usize = 4;
/// The largest scenario file read, in bytes (1 MiB); a bigger file is refused before parsing.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// The longest simple path (in steps) a call may have before `hangup check` warns.
pub const MAX_PATH_STEPS: usize = 30;

/// The call screen is 80x24; text is wrapped to this many columns inside its border.
pub const TEXT_COLUMNS: usize = 76;
/// A choice is one line, after its number.
pub const CHOICE_COLUMNS: usize = 70;

/// Run every rule that needs the whole scenario (the file already parsed).
pub fn validate(s: &Scenario, catalogue: &Catalogue) -> Vec<Diagnostic> {
    validate_source(s, catalogue, None)
}

/// As `validate`, with the file's text when known, so a problem inside a text
/// (a bad character, a stray `{`) can point at the exact character.
pub fn validate_source(
    s: &Scenario,
    catalogue: &Catalogue,
    source: Option<&str>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_ids(s, source, &mut out);
    check_references(s, catalogue, &mut out);
    check_graph(s, &mut out);
    check_text(s, source, &mut out);
    check_fit(s, &mut out);
    super::variants::check(s, source, &mut out);
    super::memory::check(s, &mut out);
    super::house::check(s, source, &mut out);
    out
}

/// The 1-based line of a byte offset.
pub fn line_of(source: &str, byte: usize) -> usize {
    let end = byte.min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The span of `len` bytes at `offset` inside a text value, when the file writes
/// the text without escapes (so value offsets match file offsets); else the whole value.
pub fn inner_span(source: Option<&str>, t: &Sp, offset: usize, len: usize) -> Option<Range<usize>> {
    let whole = t.span();
    let Some(raw) = source.and_then(|src| src.get(whole.clone())) else {
        return Some(whole);
    };
    for delim in ["\"\"\"", "'''", "\"", "'"] {
        if raw.len() >= 2 * delim.len() && raw.starts_with(delim) && raw.ends_with(delim) {
            let mut start = delim.len();
            let mut body = &raw[delim.len()..raw.len() - delim.len()];
            if delim.len() == 3 {
                if let Some(b) = body.strip_prefix('\n') {
                    body = b;
                    start += 1;
                } else if let Some(b) = body.strip_prefix("\r\n") {
                    body = b;
                    start += 2;
                }
            }
            if body == t.get_ref() && offset + len <= body.len() {
                let at = whole.start + start + offset;
                return Some(at..at + len);
            }
            break;
        }
    }
    Some(whole)
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

fn check_ids(s: &Scenario, source: Option<&str>, out: &mut Vec<Diagnostic>) {
    let all = std::iter::once(&s.id)
        .chain(s.steps.iter().map(|st| &st.id))
        .chain(s.endings.iter().map(|e| &e.id));
    for id in all {
        let text = id.get_ref();
        if text.len() > 64 && valid_id(&text[..64]) {
            out.push(
                Diagnostic::error(
                    "H0202",
                    format!(
                        "the id \"{text}\" is {} characters long; an id can have at most 64",
                        text.chars().count()
                    ),
                    span(id),
                )
                .with_hint("use a shorter id, e.g. \"ask-for-pin\""),
            );
        } else if !valid_id(text) {
            out.push(
                Diagnostic::error(
                    "H0202",
                    format!("the id \"{text}\" has characters an id cannot have"),
                    span(id),
                )
                .with_hint("use small letters, digits and dashes only, e.g. \"ask-for-pin\""),
            );
        }
    }
    let mut seen: HashMap<&str, &Sp> = HashMap::new();
    // Line numbers by binary search in one index of line starts (not a scan of
    // the file per duplicate), so many duplicates stay cheap.
    let mut lines: Option<Vec<usize>> = None;
    for id in s
        .steps
        .iter()
        .map(|st| &st.id)
        .chain(s.endings.iter().map(|e| &e.id))
    {
        if let Some(first) = seen.get(id.get_ref().as_str()) {
            let line_hint = match source {
                Some(src) => {
                    let index = lines.get_or_insert_with(|| {
                        src.bytes()
                            .enumerate()
                            .filter(|&(_, b)| b == b'\n')
                            .map(|(i, _)| i)
                            .collect()
                    });
                    let at = first.span().start;
                    format!(
                        "the first one is on line {}",
                        index.partition_point(|&nl| nl < at) + 1
                    )
                }
                None => format!("the first one is at byte {}", first.span().start),
            };
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

/// Words longer than this get no "did you mean" (a typo is in a short word).
pub const HINT_MAX_LEN: usize = 64;
/// At most this many near candidates are compared for one hint, so a hint
/// costs the same whatever the size of the file.
pub const HINT_CANDIDATES: usize = 200;
/// At most this many "did you mean" searches per file for missing references.
pub const HINTS_PER_FILE: usize = 50;

/// The closest known word, for "did you mean" hints. Only near candidates
/// (lengths close enough to be a typo) are compared, at most
/// [`HINT_CANDIDATES`] of them, so the cost is bounded.
pub fn closest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if word.len() > HINT_MAX_LEN {
        return None;
    }
    let allowed = |k: &str| 3.max(k.len() / 3);
    known
        .into_iter()
        .filter(|k| k.len() <= HINT_MAX_LEN && k.len().abs_diff(word.len()) <= allowed(k))
        .take(HINT_CANDIDATES)
        .map(|k| (strsim::levenshtein(word, k), k))
        .filter(|(d, k)| *d <= allowed(k))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn check_references(s: &Scenario, catalogue: &Catalogue, out: &mut Vec<Diagnostic>) {
    // Hashed lookups, and a cap on hint searches: checking stays linear in the file.
    let mut hints_left = HINTS_PER_FILE;
    let mut hint = |word: &str, known: &mut dyn Iterator<Item = &str>| -> Option<String> {
        if hints_left == 0 {
            return None;
        }
        hints_left -= 1;
        closest(word, known).map(str::to_string)
    };
    let target_list: Vec<&str> = s
        .steps
        .iter()
        .map(|st| st.id.get_ref().as_str())
        .chain(s.endings.iter().map(|e| e.id.get_ref().as_str()))
        .collect();
    let targets: std::collections::HashSet<&str> = target_list.iter().copied().collect();
    let step_list: Vec<&str> = s.steps.iter().map(|st| st.id.get_ref().as_str()).collect();
    let steps: std::collections::HashSet<&str> = step_list.iter().copied().collect();

    if s.endings
        .iter()
        .any(|e| e.id.get_ref() == s.start.get_ref())
    {
        let mut d = Diagnostic::error(
            "H0203",
            format!(
                "start = \"{}\" is an ending; `start` names the step the call begins with",
                s.start.get_ref()
            ),
            span(&s.start),
        );
        if let Some(first) = step_list.first() {
            d = d.with_hint(format!(
                "the first step in the file is `start = \"{first}\"`"
            ));
        }
        out.push(d);
    } else if !steps.contains(s.start.get_ref().as_str()) {
        let mut d = Diagnostic::error(
            "H0203",
            format!(
                "start = \"{}\" is not the id of any step",
                s.start.get_ref()
            ),
            span(&s.start),
        );
        if let Some(c) = hint(s.start.get_ref(), &mut step_list.iter().copied()) {
            d = d.with_hint(format!("did you mean `start = \"{c}\"`?"));
        }
        out.push(d);
    }
    // Ids written with odd characters, as a next that meant them would say.
    let misspelt: std::collections::HashSet<String> = target_list
        .iter()
        .filter(|t| !valid_id(t))
        .map(|t| t.to_lowercase().replace(' ', "-"))
        .collect();
    for st in &s.steps {
        if let Some(r) = &st.on_repeat
            && !targets.contains(&r.get_ref().as_str())
        {
            let mut d = Diagnostic::error(
                "H0203",
                format!(
                    "on_repeat = \"{}\" is not the id of any step or ending",
                    r.get_ref()
                ),
                span(r),
            );
            if let Some(c) = closest(r.get_ref(), targets.iter().copied()) {
                d = d.with_hint(format!("did you mean `on_repeat = \"{c}\"`?"));
            }
            out.push(d);
        }
        for ch in &st.choices {
            let next = ch.next.get_ref();
            // An id written with odd characters is reported once, at the id (H0202).
            if !targets.contains(next.as_str()) && !misspelt.contains(next.as_str()) {
                let mut d = Diagnostic::error(
                    "H0203",
                    format!("next = \"{next}\" is not the id of any step or ending"),
                    span(&ch.next),
                );
                let near = hint(next, &mut target_list.iter().copied());
                // Near an id written with odd characters ("a reminder"): that id
                // is the mistake, reported once, where it is (H0202).
                if near.as_deref().is_some_and(|c| !valid_id(c)) {
                    continue;
                }
                if let Some(c) = near {
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
                    let mut known = catalogue.red_flags.flags.iter().map(|f| f.id.as_str());
                    if let Some(c) = hint(f.get_ref(), &mut known) {
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
            let mut known = catalogue.advice.steps.iter().map(|a| a.id.as_str());
            if let Some(c) = hint(a.get_ref(), &mut known) {
                d = d.with_hint(format!("did you mean \"{c}\"?"));
            }
            out.push(d);
        }
    }
}

/// The call as a graph: which nodes each step leads to.
pub struct Graph<'a> {
    /// Each step's id, with the ids its choices and `on_repeat` lead to (in file order; may name ids that do not exist).
    pub edges: BTreeMap<&'a str, Vec<&'a str>>,
    /// Every ending's id.
    pub endings: BTreeSet<&'a str>,
}

impl<'a> Graph<'a> {
    /// The graph of `s`, borrowing its ids.
    pub fn of(s: &'a Scenario) -> Self {
        let edges = s
            .steps
            .iter()
            .map(|st| {
                let next = st
                    .choices
                    .iter()
                    .map(|c| c.next.get_ref().as_str())
                    .chain(st.on_repeat.iter().map(|r| r.get_ref().as_str()))
                    .collect();
                (st.id.get_ref().as_str(), next)
            })
            .collect();
        let endings = s.endings.iter().map(|e| e.id.get_ref().as_str()).collect();
        Self { edges, endings }
    }

    /// Every node reachable from `from` (including it).
    pub fn reachable(&self, from: &'a str) -> BTreeSet<&'a str> {
        self.reachable_from([from])
    }

    /// Every id reachable from any of `from`: one walk, each link looked at once.
    pub fn reachable_from(&self, from: impl IntoIterator<Item = &'a str>) -> BTreeSet<&'a str> {
        let mut seen = BTreeSet::new();
        let mut queue: VecDeque<&'a str> = from.into_iter().collect();
        while let Some(n) = queue.pop_front() {
            if seen.insert(n) {
                for &m in self.edges.get(n).into_iter().flatten() {
                    queue.push_back(m);
                }
            }
        }
        seen
    }

    /// Steps from which at least one ending can be reached: a work-list
    /// walk backwards from the endings, so each link is looked at once.
    pub fn can_finish(&self) -> BTreeSet<&'a str> {
        let mut back: HashMap<&'a str, Vec<&'a str>> = HashMap::new();
        for (&step, next) in &self.edges {
            for &n in next {
                back.entry(n).or_default().push(step);
            }
        }
        let mut done: BTreeSet<&'a str> = self.endings.clone();
        let mut work: Vec<&'a str> = done.iter().copied().collect();
        while let Some(n) = work.pop() {
            for &from in back.get(n).into_iter().flatten() {
                if done.insert(from) {
                    work.push(from);
                }
            }
        }
        done
    }
}

fn check_graph(s: &Scenario, out: &mut Vec<Diagnostic>) {
    let g = Graph::of(s);
    let ids: Vec<&str> = s
        .steps
        .iter()
        .map(|st| st.id.get_ref().as_str())
        .chain(s.endings.iter().map(|e| e.id.get_ref().as_str()))
        .collect();
    // Follow-on problems are not reported: a broken `start` or `next` is one
    // mistake (H0203), so what it would have reached counts as reached, by the
    // name the hint suggests (or, for a misspelt id, the id itself).
    let known: HashSet<&str> = ids.iter().copied().collect();
    // A start that names an ending is as broken as one that names nothing.
    let start_ok = s
        .steps
        .iter()
        .any(|st| st.id.get_ref() == s.start.get_ref());
    // Ids written with odd characters: what a reference that missed meant.
    let odd: Vec<&str> = ids.iter().copied().filter(|i| !valid_id(i)).collect();
    let mut meant: Vec<&str> = vec![s.start.get_ref().as_str()];
    let mut searches_left = HINTS_PER_FILE;
    let mut any_missing = false;
    for r in std::iter::once(&s.start)
        .chain(
            s.steps
                .iter()
                .flat_map(|st| st.choices.iter().map(|c| &c.next)),
        )
        .chain(s.steps.iter().filter_map(|st| st.on_repeat.as_ref()))
    {
        let r = r.get_ref().as_str();
        if !known.contains(r) {
            any_missing = true;
            // The same cap as the hints: checking stays linear in the file.
            if searches_left > 0 {
                searches_left -= 1;
                meant.extend(closest(r, ids.iter().copied()));
            }
        }
    }
    if any_missing {
        meant.extend(odd);
    }
    let reach = g.reachable_from(meant);
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
        } else if !(MIN_CHOICES..=MAX_CHOICES).contains(&st.choices.len())
            && !super::memory::has_conditional_choices(st)
        {
            out.push(Diagnostic::error(
                "H0404",
                format!(
                    "step \"{id}\" has {} choice{}; a step needs {MIN_CHOICES} to {MAX_CHOICES}",
                    st.choices.len(),
                    if st.choices.len() == 1 { "" } else { "s" }
                ),
                span(&st.id),
            ).with_hint("a learner needs a real choice, and no more than four to read"));
        }
        if !start_ok {
            // Nothing can be said about reaching steps until `start` is fixed.
        } else if !reach.contains(id) {
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
    for e in s.endings.iter().filter(|_| start_ok) {
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
            (Outcome::Safe, "H0304", "safe ending"),
            (Outcome::Defrauded, "H0305", "defrauded ending"),
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
    if let Some(longest) = longest_path(&g, s.start.get_ref())
        && longest > MAX_PATH_STEPS
    {
        let msg = format!(
            "one way through this call has {longest} steps; keep every path to {MAX_PATH_STEPS} or fewer"
        );
        out.push(
            Diagnostic::warning("H0306", msg, span(&s.start))
                .with_hint("run `hangup paths ID` to see the paths, and shorten the longest"),
        );
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
        v.extend(vals.iter().flat_map(|x| x.texts()).map(|x| ("variants", x)));
    }
    for st in &s.steps {
        v.extend(st.says.iter().map(|x| ("says", x)));
        v.extend(st.scene.iter().map(|x| ("scene", x)));
        v.extend(st.who.iter().map(|x| ("who", x)));
        v.extend(st.time.iter().map(|x| ("time", x)));
        v.extend(st.sender.iter().map(|x| ("sender", x)));
        for l in &st.lines {
            v.extend(l.who.iter().map(|x| ("who", x)));
            v.extend(l.says.iter().map(|x| ("says", x)));
            v.extend(l.narration.iter().map(|x| ("narration", x)));
            v.extend(l.thought.iter().map(|x| ("thought", x)));
            v.extend(l.message.iter().map(|x| ("message", x)));
        }
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
        v.extend(e.lines.iter().map(|l| ("text", &l.text)));
    }
    for r in &s.recall {
        v.push(("question", &r.question));
        v.push(("explain", &r.explain));
    }
    v
}

fn check_text(s: &Scenario, source: Option<&str>, out: &mut Vec<Diagnostic>) {
    let known = super::variants::known_names(s);
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
        if let Some((at, c, why)) = find_bad_char(text) {
            out.push(
                Diagnostic::error(
                    "H0406",
                    format!(
                        "`{name}` contains {} (U+{:04X}), which could change the learner's screen",
                        why.describe(),
                        c as u32
                    ),
                    inner_span(source, t, at, c.len_utf8()),
                )
                .with_hint("delete it; write plain text only"),
            );
        }
        for p in placeholders(text) {
            match p {
                Placeholder::Malformed(at) => {
                    // `{ fee }`: a name from [variants] with spaces round it.
                    let spaced = text
                        .get(at + 1..)
                        .and_then(|rest| rest.split_once('}'))
                        .map(|(inside, _)| inside.trim())
                        .filter(|inside| known.contains(*inside));
                    let hint = match spaced {
                        Some(n) => format!("write the placeholder without spaces: {{{n}}}"),
                        None => "write placeholders as {name}, with a name from [variants]; write {{ or }} for a bracket on its own".to_string(),
                    };
                    out.push(
                        Diagnostic::error(
                            "H0407",
                            format!("`{name}` has a `{{` or `}}` that is not a placeholder"),
                            inner_span(source, t, at, 1),
                        )
                        .with_hint(hint),
                    );
                }
                Placeholder::Name(at, n) if !known.contains(n) => {
                    out.push(super::variants::unknown_placeholder(
                        s,
                        name,
                        n,
                        inner_span(source, t, at, n.len() + 2),
                    ));
                }
                Placeholder::Name(..) | Placeholder::Brace(..) => {}
            }
        }
    }
    for (name, vals) in &s.variants {
        if vals.is_empty() {
            // The list itself has no place in the parsed file; find its line.
            let at = source.and_then(|src| {
                let mut offset = 0;
                for line in src.split_inclusive('\n') {
                    let t = line.trim_start();
                    if let Some(rest) = t.strip_prefix(name.as_str())
                        && rest.trim_start().starts_with('=')
                    {
                        let start = offset + (line.len() - t.len());
                        return Some(start..start + t.trim_end().len());
                    }
                    offset += line.len();
                }
                None
            });
            out.push(
                Diagnostic::error(
                    "H0210",
                    format!("the variant list \"{name}\" is empty"),
                    at.or_else(|| span(&s.id)),
                )
                .with_hint("give it at least one value, or remove it"),
            );
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
        if e.happened.is_empty() && e.lines.is_empty() {
            out.push(
                Diagnostic::error(
                    "H0408",
                    format!(
                        "ending \"{}\" does not explain what happened",
                        e.id.get_ref()
                    ),
                    span(&e.id),
                )
                .with_hint(
                    "add happened = [\"You ...\", \"The caller ...\"], one short line per step",
                ),
            );
        }
    }
}

/// The number of steps on the longest path from `start` that visits no step
/// twice: one depth-first walk (no recursion, each link looked at once), taking
/// the longest path that does not go back up the walk. That is exact when the
/// call has no loops, and a real path (so a fair warning) when it has; it is
/// always found, however big the file. `None` when `start` is not a step.
pub fn longest_path(g: &Graph<'_>, start: &str) -> Option<usize> {
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let (&start, _) = g.edges.get_key_value(start)?;
    let mut state: HashMap<&str, u8> = HashMap::new();
    let mut best: HashMap<&str, usize> = HashMap::new();
    let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
    state.insert(start, ON_PATH);
    while let Some(top) = stack.last_mut() {
        let (at, i) = (top.0, top.1);
        let next = g.edges.get(at).map_or(&[][..], Vec::as_slice);
        if let Some(&n) = next.get(i) {
            top.1 += 1;
            if g.edges.contains_key(n) && !state.contains_key(n) {
                state.insert(n, ON_PATH);
                stack.push((n, 0));
            }
        } else {
            let longest = next
                .iter()
                .filter(|n| state.get(*n) == Some(&DONE))
                .filter_map(|n| best.get(n))
                .max()
                .copied()
                .unwrap_or(0);
            best.insert(at, longest + 1);
            state.insert(at, DONE);
            stack.pop();
        }
    }
    best.get(start).copied()
}

/// How many lines a text takes when wrapped to `width` display columns.
pub fn wrapped_lines(text: &str, width: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(1);
    let mut lines = 0;
    for para in text.split('\n') {
        let mut used = 0usize;
        let mut para_lines = 1;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let w = word.width();
            let need = if used == 0 { w } else { used + 1 + w };
            if need <= width {
                used = need;
            } else if w <= width {
                para_lines += 1;
                used = w;
            } else {
                // A word longer than a line is broken across lines.
                if used > 0 {
                    para_lines += 1;
                }
                para_lines += (w - 1) / width;
                used = (w - 1) % width + 1;
            }
        }
        lines += para_lines;
    }
    lines
}

/// Each text with the longest variant in place of every `{name}`: the worst case on screen.
fn widest(text: &str, widest_values: &BTreeMap<String, String>) -> String {
    super::text::fill(text, widest_values)
}

fn check_fit(s: &Scenario, out: &mut Vec<Diagnostic>) {
    use unicode_width::UnicodeWidthStr;
    let widest_values = super::variants::widest(s);
    // (field name, text, most lines at TEXT_COLUMNS, or most columns on one line)
    enum Limit {
        Lines(usize),
        Columns(usize),
    }
    let mut fields: Vec<(&str, &Sp, Limit)> = vec![
        ("title", &s.title, Limit::Columns(CHOICE_COLUMNS)),
        ("summary", &s.summary, Limit::Lines(2)),
        ("caller.name", &s.caller.name, Limit::Columns(40)),
        (
            "caller.organisation",
            &s.caller.organisation,
            Limit::Columns(40),
        ),
        ("caller.number", &s.caller.number, Limit::Columns(40)),
    ];
    for st in &s.steps {
        // The call screen at 80x24 has 22 rows: the caller's box (text + 2
        // borders), "What would you do?", and the choices must all fit.
        let lines_of = |t: &Sp| wrapped_lines(&widest(t.get_ref(), &widest_values), TEXT_COLUMNS);
        // A new contact's arrival ("A text message arrives from ...") is one line.
        let says = st.says.as_ref().map_or(0, lines_of)
            + st.scene.as_ref().map_or(0, lines_of)
            + st.time.as_ref().map_or(0, lines_of)
            + usize::from(st.channel.is_some())
            + st.lines
                .iter()
                .flat_map(|l| [&l.says, &l.narration, &l.thought, &l.message])
                .flatten()
                .map(lines_of)
                .sum::<usize>();
        let choices: usize = st
            .choices
            .iter()
            .map(|c| wrapped_lines(&widest(c.text.get_ref(), &widest_values), TEXT_COLUMNS))
            .sum();
        let rows = says + 2 + 1 + choices;
        if rows > 22 {
            out.push(
                Diagnostic::error(
                    "H0405",
                    format!(
                        "step \"{}\" needs {rows} rows on an 80x24 call screen; it has 22",
                        st.id.get_ref()
                    ),
                    span(&st.id),
                )
                .with_hint("shorten what the caller says or the choices, or split the step"),
            );
        }
        fields.extend(st.says.iter().map(|t| ("says", t, Limit::Lines(10))));
        for l in &st.lines {
            for (name, t) in [
                ("says", &l.says),
                ("narration", &l.narration),
                ("thought", &l.thought),
                ("message", &l.message),
            ] {
                fields.extend(t.iter().map(|t| (name, t, Limit::Lines(10))));
            }
            fields.extend(l.who.iter().map(|t| ("who", t, Limit::Columns(40))));
        }
        fields.extend(st.scene.iter().map(|t| ("scene", t, Limit::Lines(3))));
        fields.extend(st.who.iter().map(|t| ("who", t, Limit::Columns(40))));
        fields.extend(st.sender.iter().map(|t| ("sender", t, Limit::Columns(40))));
        fields.extend(
            st.time
                .iter()
                .map(|t| ("time", t, Limit::Columns(TEXT_COLUMNS))),
        );
        if let (Some(sender), None) = (&st.sender, st.channel) {
            out.push(
                Diagnostic::error(
                    "H0509",
                    format!(
                        "step \"{}\" has `sender` but no `channel`",
                        st.id.get_ref()
                    ),
                    span(sender),
                )
                .with_hint("add channel = \"call\" (or \"text\", \"email\", \"voice-note\", \"face-to-face\") above `sender`"),
            );
        }
        for c in &st.choices {
            // A choice may wrap onto a second line; the whole screen is checked below.
            fields.push(("text", &c.text, Limit::Lines(2)));
            fields.push(("feedback", &c.feedback, Limit::Lines(6)));
            fields.extend(
                c.recap
                    .iter()
                    .map(|t| ("recap", t, Limit::Columns(TEXT_COLUMNS))),
            );
        }
    }
    for e in &s.endings {
        fields.push(("title", &e.title, Limit::Columns(CHOICE_COLUMNS)));
        fields.extend(e.happened.iter().map(|t| ("happened", t, Limit::Lines(2))));
        fields.extend(e.lines.iter().map(|l| ("text", &l.text, Limit::Lines(2))));
        let total: usize = e
            .happened
            .iter()
            .chain(e.lines.iter().map(|l| &l.text))
            .map(|h| wrapped_lines(&widest(h.get_ref(), &widest_values), TEXT_COLUMNS))
            .sum();
        // The ending screen scrolls, so a long story is a warning, not an error.
        if total > 12 {
            out.push(
                Diagnostic::warning(
                    "H0405",
                    format!(
                        "ending \"{}\": `happened` takes {total} lines on an 80x24 screen; keep it to 12 so the right action shows without scrolling",
                        e.id.get_ref()
                    ),
                    span(&e.id),
                )
                .with_hint("use fewer or shorter lines"),
            );
        }
    }
    for r in &s.recall {
        fields.push(("question", &r.question, Limit::Lines(3)));
        fields.push(("explain", &r.explain, Limit::Lines(4)));
    }
    for (name, t, limit) in fields {
        let text = widest(t.get_ref(), &widest_values);
        let problem = match limit {
            Limit::Columns(max) => {
                let longest = text
                    .split('\n')
                    .map(UnicodeWidthStr::width)
                    .max()
                    .unwrap_or(0);
                // A line break is its own problem (H0409).
                (longest > max).then(|| {
                    format!("`{name}` is {longest} columns wide; it must fit on one line of {max}")
                })
            }
            Limit::Lines(max) => {
                let lines = wrapped_lines(&text, TEXT_COLUMNS);
                (lines > max).then(|| {
                    format!(
                        "`{name}` takes {lines} lines on an 80x24 screen; it can take at most {max}"
                    )
                })
            }
        };
        if let Some(msg) = problem {
            let variants = if text == *t.get_ref() {
                ""
            } else {
                " (with the longest variant filled in)"
            };
            out.push(
                Diagnostic::error("H0405", format!("{msg}{variants}"), span(t))
                    .with_hint("use shorter sentences, or split it into two steps"),
            );
        }
    }
}
