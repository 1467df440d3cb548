//! Checks for memory within a call (facts a choice `set`s, and the `when`,
//! `unless` and `again` conditions that read them), the lines of a step, and
//! loops that repeat with nothing new (codes H0501 to H0508).
//!
//! Facts only ever become true during a call, so two simple flows over the
//! call's graph are exact enough to be useful: the facts that *may* be set on
//! arrival at each step or ending (some way there sets them), and the facts
//! that *must* be set (every way there sets them). A choice is only followed
//! where its condition can hold.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::model::{Scenario, Sp, Step};
use super::validate::{Diagnostic, MAX_CHOICES, MIN_CHOICES, closest};

/// Is a fact name easy to type and read? Small letters, digits, `-` and `_`.
pub fn valid_fact(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 40
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && name.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Does any choice of this step depend on facts or visits?
pub fn has_conditional_choices(st: &Step) -> bool {
    st.choices
        .iter()
        .any(|c| c.when.is_some() || c.unless.is_some() || c.again.is_some())
}

/// One way from a node to another: the facts it needs and the facts it sets.
struct Edge<'a> {
    from: usize,
    to: usize,
    when: Option<&'a str>,
    unless: Option<&'a str>,
    set: Vec<&'a str>,
    /// (step index, choice index), or `None` for an `on_repeat`.
    choice: Option<(usize, usize)>,
}

/// Facts on arrival at one node; `None` until the node is reached.
#[derive(Clone, Default)]
struct Known<'a> {
    may: BTreeSet<&'a str>,
    must: Option<BTreeSet<&'a str>>,
}

/// Every check in this module.
pub fn check(s: &Scenario, out: &mut Vec<Diagnostic>) {
    check_lines(s, out);
    let unknown = check_names(s, out);
    let flow = Flow::of(s);
    check_endings(s, &flow, &unknown, out);
    check_never_shown(s, &flow, &unknown, out);
    check_choice_counts(s, &flow, &unknown, out);
    check_loops(s, out);
}

/// Every place a fact is read: (`when` or `unless`, the name).
fn reads(s: &Scenario) -> Vec<&Sp> {
    let mut v = Vec::new();
    for st in &s.steps {
        for l in &st.lines {
            v.extend(l.when.iter().chain(&l.unless));
        }
        for c in &st.choices {
            v.extend(c.when.iter().chain(&c.unless));
        }
    }
    for e in &s.endings {
        v.extend(e.when.iter().chain(&e.unless));
        for l in &e.lines {
            v.extend(l.when.iter().chain(&l.unless));
        }
    }
    v
}

fn sets(s: &Scenario) -> Vec<&Sp> {
    s.steps
        .iter()
        .flat_map(|st| &st.choices)
        .flat_map(|c| &c.set)
        .collect()
}

/// H0505 and H0506: each line says one thing; each step says something.
fn check_lines(s: &Scenario, out: &mut Vec<Diagnostic>) {
    for st in &s.steps {
        if st.says.is_none() && st.lines.is_empty() {
            out.push(
                Diagnostic::error(
                    "H0506",
                    format!("step \"{}\" has nothing said or shown", st.id.get_ref()),
                    Some(st.id.span()),
                )
                .with_hint("add says = \"...\", or [[step.line]] entries"),
            );
        }
        for l in &st.lines {
            let given: Vec<(&str, &Sp)> = [
                ("says", &l.says),
                ("narration", &l.narration),
                ("thought", &l.thought),
                ("message", &l.message),
            ]
            .into_iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
            .collect();
            match given.as_slice() {
                [] => {
                    let at = l
                        .who
                        .as_ref()
                        .or(l.when.as_ref())
                        .or(l.unless.as_ref())
                        .map(Sp::span)
                        .unwrap_or_else(|| st.id.span());
                    out.push(
                        Diagnostic::error(
                            "H0505",
                            format!(
                                "a [[step.line]] in step \"{}\" has no words",
                                st.id.get_ref()
                            ),
                            Some(at),
                        )
                        .with_hint("give it one of: says, narration, thought or message"),
                    );
                }
                [_] => {}
                [..] => {
                    // Point at the one written later: the earlier one is the line's.
                    let mut by_place = given.clone();
                    by_place.sort_by_key(|(_, v)| v.span().start);
                    let (first, _) = by_place[0];
                    let (second, v) = by_place[1];
                    out.push(
                        Diagnostic::error(
                            "H0505",
                            format!(
                                "this [[step.line]] has both `{first}` and `{second}`; a line is one of them"
                            ),
                            Some(v.span()),
                        )
                        .with_hint("put each in its own [[step.line]]"),
                    );
                }
            }
            if let Some(w) = &l.who
                && l.says.is_none()
                && !given.is_empty()
            {
                out.push(
                    Diagnostic::error(
                        "H0505",
                        format!("`who` goes with `says`, but this line is {}", given[0].0),
                        Some(w.span()),
                    )
                    .with_hint("remove `who`, or make the line `says`"),
                );
            }
        }
    }
}

/// H0507, H0501, H0502: fact names. Returns the names read but never set
/// (reported here once each place, so later checks stay quiet about them).
fn check_names<'a>(s: &'a Scenario, out: &mut Vec<Diagnostic>) -> BTreeSet<&'a str> {
    let set_names: BTreeSet<&str> = sets(s).iter().map(|f| f.get_ref().as_str()).collect();
    let read_names: BTreeSet<&str> = reads(s).iter().map(|f| f.get_ref().as_str()).collect();
    let mut unknown = BTreeSet::new();
    let mut explained: BTreeSet<&str> = BTreeSet::new();
    for f in sets(s).into_iter().chain(reads(s)) {
        if !valid_fact(f.get_ref()) {
            out.push(
                Diagnostic::error(
                    "H0507",
                    format!("\"{}\" is not a usable fact name", f.get_ref()),
                    Some(f.span()),
                )
                .with_hint(
                    "start with a small letter; use small letters, digits, - and _ (at most 40), e.g. \"pin-told\"",
                ),
            );
        }
    }
    // A `set` misspelt: a near name that is read more often than it is set
    // is the one meant. Report it once, at the `set`, not at every read.
    let count = |list: &[&Sp], n: &str| list.iter().filter(|f| f.get_ref() == n).count();
    let (all_sets, all_reads) = (sets(s), reads(s));
    let mut misspelt_sets: BTreeMap<&str, &str> = BTreeMap::new();
    for f in &all_sets {
        let name = f.get_ref().as_str();
        if read_names.contains(name) || !valid_fact(name) {
            continue;
        }
        let unset_reads = read_names
            .iter()
            .copied()
            .filter(|n| !set_names.contains(n));
        if let Some(meant) = closest(name, unset_reads)
            && count(&all_reads, meant) > count(&all_sets, name)
        {
            misspelt_sets.insert(name, meant);
        }
    }
    let mut told: BTreeSet<&str> = BTreeSet::new();
    for f in &all_sets {
        let name = f.get_ref().as_str();
        if let Some(meant) = misspelt_sets.get(name) {
            unknown.insert(*meant);
            explained.insert(name);
            {
                told.insert(name);
                out.push(
                    Diagnostic::error(
                        "H0501",
                        format!(
                            "this sets \"{name}\", but the `when`s and `unless`es read \"{meant}\", which nothing sets"
                        ),
                        Some(f.span()),
                    )
                    .with_hint(format!("did you mean set = [\"{meant}\"]?")),
                );
            }
        }
    }
    let invalid_sets: Vec<&str> = set_names
        .iter()
        .copied()
        .filter(|n| !valid_fact(n))
        .collect();
    for f in reads(s) {
        let name = f.get_ref().as_str();
        if set_names.contains(name) || !valid_fact(name) || unknown.contains(name) {
            continue;
        }
        // A `set` with an unusable name (H0507) is the fact meant here: one report.
        if let Some(bad) = invalid_sets
            .iter()
            .copied()
            .find(|b| b.to_lowercase().replace([' ', '_'], "-") == name.replace('_', "-"))
        {
            explained.insert(bad);
            continue;
        }
        unknown.insert(name);
        let mut d = Diagnostic::error(
            "H0501",
            format!("no choice sets the fact \"{name}\", so this can never be true"),
            Some(f.span()),
        );
        // A near name that is set but never read is almost surely the same fact.
        let unread = set_names
            .iter()
            .copied()
            .filter(|n| !read_names.contains(n));
        match closest(name, unread).or_else(|| closest(name, set_names.iter().copied())) {
            Some(c) => {
                explained.insert(c);
                d = d.with_hint(format!("did you mean \"{c}\"? A choice sets that one"));
            }
            None => {
                d = d.with_hint(format!(
                    "add set = [\"{name}\"] to the choice that makes it true"
                ));
            }
        }
        out.push(d);
    }
    let mut warned = BTreeSet::new();
    for f in sets(s) {
        let name = f.get_ref().as_str();
        if read_names.contains(name)
            || explained.contains(name)
            || !valid_fact(name)
            || !warned.insert(name)
        {
            continue;
        }
        out.push(
            Diagnostic::warning(
                "H0502",
                format!("the fact \"{name}\" is set but nothing uses it"),
                Some(f.span()),
            )
            .with_hint("use it in a `when` or `unless`, or remove it"),
        );
    }
    unknown
}

/// What facts may and must be set on arrival at each step and ending.
struct Flow<'a> {
    /// Steps first, then endings, in file order.
    known: Vec<Known<'a>>,
    edges: Vec<Edge<'a>>,
    steps: usize,
    /// Every mix of facts at each node, when there are few enough to list.
    exact: Option<Vec<BTreeSet<Facts<'a>>>>,
}

type Facts<'a> = BTreeSet<&'a str>;

impl<'a> Flow<'a> {
    fn of(s: &'a Scenario) -> Self {
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, st) in s.steps.iter().enumerate() {
            index.entry(st.id.get_ref()).or_insert(i);
        }
        for (i, e) in s.endings.iter().enumerate() {
            index.entry(e.id.get_ref()).or_insert(s.steps.len() + i);
        }
        let mut edges = Vec::new();
        for (si, st) in s.steps.iter().enumerate() {
            if let Some(&to) = st
                .on_repeat
                .as_ref()
                .and_then(|r| index.get(r.get_ref().as_str()))
            {
                edges.push(Edge {
                    from: si,
                    to,
                    when: None,
                    unless: None,
                    set: Vec::new(),
                    choice: None,
                });
            }
            for (ci, c) in st.choices.iter().enumerate() {
                if let Some(&to) = index.get(c.next.get_ref().as_str()) {
                    edges.push(Edge {
                        from: si,
                        to,
                        when: c.when.as_ref().map(|f| f.get_ref().as_str()),
                        unless: c.unless.as_ref().map(|f| f.get_ref().as_str()),
                        set: c.set.iter().map(|f| f.get_ref().as_str()).collect(),
                        choice: Some((si, ci)),
                    });
                }
            }
        }
        let n = s.steps.len() + s.endings.len();
        let mut known = vec![Known::default(); n];
        let mut out_of: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, e) in edges.iter().enumerate() {
            out_of[e.from].push(i);
        }
        // A start that names an ending is reported on its own (H0203).
        if let Some(&start) = index
            .get(s.start.get_ref().as_str())
            .filter(|&&i| i < s.steps.len())
        {
            known[start].must = Some(BTreeSet::new());
            let mut work = VecDeque::from([start]);
            let mut queued = vec![false; n];
            queued[start] = true;
            while let Some(at) = work.pop_front() {
                queued[at] = false;
                for &ei in &out_of[at] {
                    let e = &edges[ei];
                    let Some((may, must)) = Self::across(&known[at], e) else {
                        continue;
                    };
                    let t = &mut known[e.to];
                    let before = (t.may.len(), t.must.as_ref().map(BTreeSet::len));
                    t.may.extend(may);
                    t.must = Some(match t.must.take() {
                        Some(m) => m.intersection(&must).copied().collect(),
                        None => must,
                    });
                    let after = (t.may.len(), t.must.as_ref().map(BTreeSet::len));
                    if before != after && !queued[e.to] {
                        queued[e.to] = true;
                        work.push_back(e.to);
                    }
                }
            }
        }
        let exact = Self::exact(
            n,
            &edges,
            &out_of,
            index
                .get(s.start.get_ref().as_str())
                .copied()
                .filter(|&i| i < s.steps.len()),
        );
        Flow {
            known,
            edges,
            steps: s.steps.len(),
            exact,
        }
    }

    /// Every mix of facts that can be true on arrival at each node, when there are
    /// few enough to list (`None` otherwise: the may/must flow is used instead).
    fn exact(
        n: usize,
        edges: &[Edge<'a>],
        out_of: &[Vec<usize>],
        start: Option<usize>,
    ) -> Option<Vec<BTreeSet<Facts<'a>>>> {
        /// Most mixes listed at one node, and most mixes handled in all.
        const PER_NODE: usize = 64;
        const BUDGET: usize = 100_000;
        let start = start?;
        let mut states: Vec<BTreeSet<Facts<'a>>> = vec![BTreeSet::new(); n];
        states[start].insert(Facts::new());
        let mut work = VecDeque::from([(start, Facts::new())]);
        let mut spent = 0usize;
        while let Some((at, facts)) = work.pop_front() {
            for &ei in &out_of[at] {
                spent += 1;
                if spent > BUDGET {
                    return None;
                }
                let e = &edges[ei];
                if e.when.is_some_and(|f| !facts.contains(f))
                    || e.unless.is_some_and(|f| facts.contains(f))
                {
                    continue;
                }
                let mut next = facts.clone();
                next.extend(e.set.iter().copied());
                if states[e.to].insert(next.clone()) {
                    if states[e.to].len() > PER_NODE {
                        return None;
                    }
                    work.push_back((e.to, next));
                }
            }
        }
        Some(states)
    }

    /// The choices of one way from the start to `node` that arrives with facts
    /// for which `bad` is true (fewest choices first), as (step, choice) pairs.
    fn witness(
        &self,
        start: usize,
        node: usize,
        bad: impl Fn(&Facts<'a>) -> bool,
    ) -> Option<Vec<(usize, usize)>> {
        const BUDGET: usize = 100_000;
        let mut out_of: Vec<Vec<usize>> = vec![Vec::new(); self.known.len()];
        for (i, e) in self.edges.iter().enumerate() {
            out_of[e.from].push(i);
        }
        let mut seen: BTreeSet<(usize, Facts<'a>)> = BTreeSet::new();
        // (node, facts, parent index, edge taken)
        let mut trail: Vec<(usize, Facts<'a>, Option<usize>, Option<usize>)> =
            vec![(start, Facts::new(), None, None)];
        seen.insert((start, Facts::new()));
        let mut i = 0;
        while i < trail.len() && trail.len() < BUDGET {
            let (at, facts) = (trail[i].0, trail[i].1.clone());
            if at == node && bad(&facts) {
                let mut path = Vec::new();
                let mut k = Some(i);
                while let Some(j) = k {
                    if let Some(c) = trail[j].3.and_then(|e| self.edges[e].choice) {
                        path.push(c);
                    }
                    k = trail[j].2;
                }
                path.reverse();
                return Some(path);
            }
            for &ei in &out_of[at] {
                let e = &self.edges[ei];
                if e.when.is_some_and(|f| !facts.contains(f))
                    || e.unless.is_some_and(|f| facts.contains(f))
                {
                    continue;
                }
                let mut next = facts.clone();
                next.extend(e.set.iter().copied());
                if seen.insert((e.to, next.clone())) {
                    trail.push((e.to, next, Some(i), Some(ei)));
                }
            }
            i += 1;
        }
        None
    }

    /// The mixes of facts at a node, when listed.
    fn mixes(&self, node: usize) -> Option<&BTreeSet<Facts<'a>>> {
        self.exact.as_ref().map(|x| &x[node])
    }

    /// The facts after following `e` from a node, or `None` when it cannot be followed.
    fn across(from: &Known<'a>, e: &Edge<'a>) -> Option<(BTreeSet<&'a str>, BTreeSet<&'a str>)> {
        let must = from.must.as_ref()?;
        if e.when.is_some_and(|f| !from.may.contains(f))
            || e.unless.is_some_and(|f| must.contains(f))
        {
            return None;
        }
        let mut may = from.may.clone();
        may.extend(e.set.iter().copied());
        let mut must = must.clone();
        must.extend(e.when);
        must.extend(e.set.iter().copied());
        Some((may, must))
    }

    fn reached(&self, node: usize) -> bool {
        match self.mixes(node) {
            Some(m) => !m.is_empty(),
            None => self.known[node].must.is_some(),
        }
    }

    /// Could a condition hold on arrival at `node`?
    fn can_hold(&self, node: usize, when: Option<&str>, unless: Option<&str>) -> bool {
        if let Some(m) = self.mixes(node) {
            return m.iter().any(|f| {
                when.is_none_or(|w| f.contains(w)) && unless.is_none_or(|u| !f.contains(u))
            });
        }
        let k = &self.known[node];
        let Some(must) = &k.must else { return true };
        when.is_none_or(|f| k.may.contains(f)) && unless.is_none_or(|f| !must.contains(f))
    }
}

/// H0503: an ending that states a fact some way to it cannot have set.
fn check_endings(
    s: &Scenario,
    flow: &Flow<'_>,
    unknown: &BTreeSet<&str>,
    out: &mut Vec<Diagnostic>,
) {
    for (ei, e) in s.endings.iter().enumerate() {
        let node = flow.steps + ei;
        if !flow.reached(node) {
            continue;
        }
        for (cond, wanted) in [(&e.when, true), (&e.unless, false)] {
            let Some(fact) = cond else { continue };
            let name = fact.get_ref().as_str();
            // An unknown or unusable name is reported once, where it is (H0501, H0507).
            if !valid_fact(name) || unknown.contains(name) {
                continue;
            }
            // The first way in that breaks the ending's story.
            let culprit = flow.edges.iter().find(|edge| {
                if edge.to != node {
                    return false;
                }
                let breaks = |after: &Facts<'_>| after.contains(name) != wanted;
                match flow.mixes(edge.from) {
                    Some(mixes) => mixes.iter().any(|f| {
                        edge.when.is_none_or(|w| f.contains(w))
                            && edge.unless.is_none_or(|u| !f.contains(u))
                            && {
                                let mut after = f.clone();
                                after.extend(edge.set.iter().copied());
                                breaks(&after)
                            }
                    }),
                    None => {
                        Flow::across(&flow.known[edge.from], edge).is_some_and(|(may, must)| {
                            if wanted {
                                !must.contains(name)
                            } else {
                                may.contains(name)
                            }
                        })
                    }
                }
            });
            let Some(edge) = culprit else { continue };
            let way = match edge.choice {
                Some((si, ci)) => format!(
                    "the choice \"{}\" in step \"{}\" does",
                    s.steps[si].choices[ci].text.get_ref(),
                    s.steps[si].id.get_ref()
                ),
                None => format!(
                    "the on_repeat of step \"{}\" does",
                    s.steps[edge.from].id.get_ref()
                ),
            };
            let start = s
                .steps
                .iter()
                .position(|st| st.id.get_ref() == s.start.get_ref());
            let example = start
                .and_then(|start| flow.witness(start, node, |f| f.contains(name) != wanted))
                .filter(|p| !p.is_empty())
                .map(|p| {
                    p.iter()
                        .map(|&(si, ci)| {
                            format!(
                                "{} \"{}\"",
                                s.steps[si].id.get_ref(),
                                s.steps[si].choices[ci].text.get_ref()
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(" → ")
                });
            let way = match &example {
                Some(p) => format!("this way does: {p}"),
                None => way,
            };
            let (msg, hint) = if wanted {
                (
                    format!(
                        "ending \"{}\" is for when \"{name}\" is true, but some way here does not set it",
                        e.id.get_ref()
                    ),
                    format!(
                        "{way}; give a choice on that way `when = \"{name}\"`, or send it to another ending"
                    ),
                )
            } else {
                (
                    format!(
                        "ending \"{}\" is for when \"{name}\" is not true, but some way here sets it",
                        e.id.get_ref()
                    ),
                    format!(
                        "{way}; give a choice on that way `unless = \"{name}\"`, or send it to another ending"
                    ),
                )
            };
            out.push(Diagnostic::error("H0503", msg, Some(fact.span())).with_hint(hint));
        }
    }
}

/// H0504: a line or choice whose condition can never hold where it is.
fn check_never_shown(
    s: &Scenario,
    flow: &Flow<'_>,
    unknown: &BTreeSet<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let mut report = |node: usize, when: &Option<Sp>, unless: &Option<Sp>, what: &str| {
        if !flow.reached(node) {
            return;
        }
        let w = when.as_ref().map(|f| f.get_ref().as_str());
        let u = unless.as_ref().map(|f| f.get_ref().as_str());
        if [w, u]
            .iter()
            .flatten()
            .any(|f| unknown.contains(f) || !valid_fact(f))
        {
            return;
        }
        if !flow.can_hold(node, w, None) {
            if let Some(f) = when {
                out.push(
                    Diagnostic::warning(
                        "H0504",
                        format!(
                            "{what} can never show: no way here sets \"{}\"",
                            f.get_ref()
                        ),
                        Some(f.span()),
                    )
                    .with_hint(
                        "set the fact on a choice before this point, or remove the condition",
                    ),
                );
            }
        } else if !flow.can_hold(node, None, u)
            && let Some(f) = unless
        {
            out.push(
                Diagnostic::warning(
                    "H0504",
                    format!(
                        "{what} can never show: every way here sets \"{}\"",
                        f.get_ref()
                    ),
                    Some(f.span()),
                )
                .with_hint("remove it, or the condition"),
            );
        }
    };
    for (si, st) in s.steps.iter().enumerate() {
        for l in &st.lines {
            report(si, &l.when, &l.unless, "this line");
        }
        for c in &st.choices {
            report(si, &c.when, &c.unless, "this choice");
        }
    }
    for (ei, e) in s.endings.iter().enumerate() {
        for l in &e.lines {
            report(flow.steps + ei, &l.when, &l.unless, "this line");
        }
    }
}

/// H0404 for steps whose choices depend on facts: with every mix of facts that
/// can be true here, the learner must see 2 to 4 choices.
fn check_choice_counts(
    s: &Scenario,
    flow: &Flow<'_>,
    unknown: &BTreeSet<&str>,
    out: &mut Vec<Diagnostic>,
) {
    for (si, st) in s.steps.iter().enumerate() {
        if !has_conditional_choices(st) || !flow.reached(si) {
            continue;
        }
        let k = &flow.known[si];
        let Some(must) = &k.must else { continue };
        let read: BTreeSet<&str> = st
            .choices
            .iter()
            .flat_map(|c| c.when.iter().chain(&c.unless))
            .map(|f| f.get_ref().as_str())
            .collect();
        let listed: Option<Vec<Facts<'_>>> = flow.mixes(si).map(|m| {
            m.iter()
                .map(|f| {
                    f.iter()
                        .copied()
                        .filter(|x| read.contains(x))
                        .collect::<Facts<'_>>()
                })
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        });
        let open: Vec<&str> = st
            .choices
            .iter()
            .flat_map(|c| c.when.iter().chain(&c.unless))
            .map(|f| f.get_ref().as_str())
            .filter(|f| k.may.contains(f) && !must.contains(f) && !unknown.contains(f))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .take(6)
            .collect();
        let agains: &[bool] = if st.choices.iter().any(|c| c.again.is_some()) {
            &[false, true]
        } else {
            &[false]
        };
        let all: Vec<Facts<'_>> = match listed {
            Some(l) => l,
            None => (0u32..(1 << open.len()))
                .map(|mask| {
                    must.iter()
                        .copied()
                        .chain(
                            open.iter()
                                .enumerate()
                                .filter(|(i, _)| mask & (1 << i) != 0)
                                .map(|(_, f)| *f),
                        )
                        .collect()
                })
                .collect(),
        };
        let open: Vec<&str> = read
            .iter()
            .copied()
            .filter(|f| {
                !unknown.contains(f)
                    && all.iter().any(|m| m.contains(f))
                    && !all.iter().all(|m| m.contains(f))
            })
            .collect();
        'mixes: for facts in &all {
            for &again in agains {
                let shown = st
                    .choices
                    .iter()
                    .filter(|c| {
                        c.when.as_ref().is_none_or(|f| {
                            facts.contains(f.get_ref().as_str())
                                || unknown.contains(f.get_ref().as_str())
                        }) && c
                            .unless
                            .as_ref()
                            .is_none_or(|f| !facts.contains(f.get_ref().as_str()))
                            && c.again.is_none_or(|a| a == again)
                    })
                    .count();
                if (MIN_CHOICES..=MAX_CHOICES).contains(&shown) {
                    continue;
                }
                let set: Vec<String> = open
                    .iter()
                    .map(|f| {
                        if facts.contains(f) {
                            format!("\"{f}\" is true")
                        } else {
                            format!("\"{f}\" is not")
                        }
                    })
                    .chain(agains.len().eq(&2).then(|| {
                        if again {
                            "on a second visit"
                        } else {
                            "on the first visit"
                        }
                        .to_string()
                    }))
                    .collect();
                let when = if set.is_empty() {
                    String::new()
                } else {
                    format!("when {}, ", set.join(" and "))
                };
                out.push(
                    Diagnostic::error(
                        "H0404",
                        format!(
                            "{when}step \"{}\" offers {shown} choice{}; a step needs {MIN_CHOICES} to {MAX_CHOICES}",
                            st.id.get_ref(),
                            if shown == 1 { "" } else { "s" }
                        ),
                        Some(st.id.span()),
                    )
                    .with_hint("check the `when` and `unless` of this step's choices"),
                );
                break 'mixes;
            }
        }
    }
}

/// H0508: a loop of steps a learner can go round again and again, seeing the
/// same words each time. A step with `on_repeat` breaks a loop (its second
/// visit goes elsewhere), so such steps are left out before looking for loops.
fn check_loops(s: &Scenario, out: &mut Vec<Diagnostic>) {
    let ids: BTreeMap<&str, usize> = s
        .steps
        .iter()
        .enumerate()
        .map(|(i, st)| (st.id.get_ref().as_str(), i))
        .collect();
    let n = s.steps.len();
    // A step with `on_repeat` is seen once; every later arrival goes to its
    // target instead. So in the loops that can go on for ever, an arrival at
    // such a step is an arrival at its target (followed along any chain).
    let repeat_to = |mut j: usize| -> Option<usize> {
        for _ in 0..=n {
            match &s.steps[j].on_repeat {
                None => return Some(j),
                Some(r) => j = *ids.get(r.get_ref().as_str())?,
            }
        }
        None
    };
    let next: Vec<Vec<usize>> = s
        .steps
        .iter()
        .map(|st| {
            if st.on_repeat.is_some() {
                return Vec::new();
            }
            st.choices
                .iter()
                .filter_map(|c| ids.get(c.next.get_ref().as_str()).copied())
                .filter_map(repeat_to)
                .collect()
        })
        .collect();
    for comp in strongly_connected(&next, n) {
        let cyclic = comp.len() > 1 || next[comp[0]].contains(&comp[0]);
        // A loop with no way out at all is already an error (H0303).
        let leaves = comp.iter().any(|&i| {
            s.steps[i].choices.iter().any(|c| {
                ids.get(c.next.get_ref().as_str())
                    .is_none_or(|j| !comp.contains(j))
            })
        });
        if !cyclic || !leaves {
            continue;
        }
        let first = *comp.iter().min().unwrap_or(&comp[0]);
        let mut names: Vec<&str> = comp
            .iter()
            .map(|&i| s.steps[i].id.get_ref().as_str())
            .collect();
        names.sort_unstable();
        let list = names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            Diagnostic::warning(
                "H0508",
                format!(
                    "a learner can go round the steps {list} again and again, hearing the same words"
                ),
                Some(s.steps[first].id.span()),
            )
            .with_hint(
                "give one of them on_repeat = \"...\" so the second visit leads on, e.g. to the consequence",
            ),
        );
    }
}

/// Tarjan's strongly connected components, without recursion (files are untrusted).
fn strongly_connected(next: &[Vec<usize>], n: usize) -> Vec<Vec<usize>> {
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut comps = Vec::new();
    let mut counter = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut call: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut k)) = call.last_mut() {
            if let Some(&w) = next[v].get(*k) {
                *k += 1;
                if index[w] == usize::MAX {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    call.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                call.pop();
                if let Some(&(p, _)) = call.last() {
                    low[p] = low[p].min(low[v]);
                }
                if low[v] == index[v] {
                    let mut comp = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        comp.push(w);
                        if w == v {
                            break;
                        }
                    }
                    comps.push(comp);
                }
            }
        }
    }
    comps
}
