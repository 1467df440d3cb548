//! Lints that keep the lessons right on every path (codes `H09xx`).
//!
//! The validator (`engine::validate`) decides whether a file can be played at all.
//! These rules are about what it teaches: a phone scam that forgets to clear the
//! line, 101 offered once a courier is on the way, answers that can be guessed by
//! their length or their number, and slips in plain English. `hangup check` runs
//! them on every file it checks, after the validator, so an author sees every
//! problem in one run. Every code is documented in `docs/authoring.md`.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::ops::Range;

use crate::engine::model::{Kind, Medium, Scenario, Sp, Verdict};
use crate::engine::text::fill;
use crate::engine::validate::{Diagnostic, inner_span, texts};

/// The advice id that teaches clearing the line (see `assets/catalogue/advice.toml`).
pub const CLEAR_LINE: &str = "clear-line";

/// Every lesson lint, in file order within each rule.
pub fn lint(s: &Scenario, source: Option<&str>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    clear_line(s, &mut out);
    courier_then_101(s, source, &mut out);
    length_gives_it_away(s, &mut out);
    key_press(s, source, &mut out);
    plain_english(s, source, &mut out);
    out
}

fn span(sp: &Sp) -> Option<Range<usize>> {
    Some(sp.span())
}

/// H0901: every ending of a phone scam teaches clearing the line.
fn clear_line(s: &Scenario, out: &mut Vec<Diagnostic>) {
    if s.kind != Kind::Scam || s.medium != Medium::Call {
        return;
    }
    for e in &s.endings {
        let own = !e.action.is_empty();
        let action = if own { &e.action } else { &s.action };
        if action.iter().any(|a| a.get_ref() == CLEAR_LINE) {
            continue;
        }
        let at = if own {
            e.action.first().map_or_else(|| span(&e.id), span)
        } else {
            s.action.first().map_or_else(|| span(&e.id), span)
        };
        out.push(
            Diagnostic::error(
                "H0901",
                format!(
                    "ending \"{}\" of a phone scam does not teach clearing the line",
                    e.id.get_ref()
                ),
                at,
            )
            .with_hint(
                "add \"clear-line\" to its action: use another phone, or wait five minutes and test the line",
            ),
        );
    }
}

/// Words in a caller's line or a scene that say a courier or taxi is coming.
const COMING: [&str; 8] = [
    "on the way",
    "on its way",
    "on their way",
    "will come",
    "will collect",
    "is coming",
    "will be with you",
    "will pick",
];

/// Does this step say a courier (or taxi) is coming to the learner?
fn says_courier_coming(says: &str, scene: Option<&str>) -> bool {
    [Some(says), scene].into_iter().flatten().any(|t| {
        let t = t.to_lowercase();
        (t.contains("courier") || t.contains("taxi")) && COMING.iter().any(|w| t.contains(w))
    })
}

/// H0902: once a path has a courier on the way, 101 is not the safe route (999 is).
///
/// A path has a courier on the way from a step whose words say a courier or taxi is
/// coming (its own choices included: refusing does not call the courier off), and
/// after the learner goes along with a collection (a choice that is not `safer` and
/// names the `courier` trick). From there, every `safer` choice whose text or
/// feedback offers 101 without 999 is reported, if that path is offered it: the
/// walk follows memory (`set`, `when`, `unless`) and `on_repeat`.
fn courier_then_101(s: &Scenario, source: Option<&str>, out: &mut Vec<Diagnostic>) {
    let index: BTreeMap<&str, usize> = s
        .steps
        .iter()
        .enumerate()
        .map(|(i, st)| (st.id.get_ref().as_str(), i))
        .collect();
    let Some(&start) = index.get(s.start.get_ref().as_str()) else {
        return;
    };
    // States are (step, courier on the way, facts set so far): memory decides
    // which choices a path is offered (`when` / `unless`), so a 999 version for
    // courier paths and a 101 version for the rest are both right. Facts make
    // the states many in a hostile file, so the walk stops after `MAX_STATES`.
    type State<'a> = (usize, bool, BTreeSet<&'a str>);
    const MAX_STATES: usize = 20_000;
    let mut seen: BTreeSet<State> = BTreeSet::new();
    let mut queue: VecDeque<State> = VecDeque::from([(start, false, BTreeSet::new())]);
    let mut reported: BTreeSet<(usize, usize)> = BTreeSet::new();
    while let Some((at, before, facts)) = queue.pop_front() {
        if seen.len() >= MAX_STATES || !seen.insert((at, before, facts.clone())) {
            continue;
        }
        let st = &s.steps[at];
        // Everything said in the step (`says` and speech or message lines), and
        // everything narrated (`scene` and narration lines).
        let said: Vec<&str> = st
            .says
            .iter()
            .chain(
                st.lines
                    .iter()
                    .flat_map(|l| l.says.iter().chain(&l.message)),
            )
            .map(|x| x.get_ref().as_str())
            .collect();
        let narrated: Vec<&str> = st
            .scene
            .iter()
            .chain(st.lines.iter().flat_map(|l| &l.narration))
            .map(|x| x.get_ref().as_str())
            .collect();
        let narrated = narrated.join(" ");
        let coming = before
            || says_courier_coming(
                &said.join(" "),
                (!narrated.is_empty()).then_some(narrated.as_str()),
            );
        // A second visit may go elsewhere (`on_repeat`), with the same facts.
        if let Some(&again) = st
            .on_repeat
            .as_ref()
            .and_then(|r| index.get(r.get_ref().as_str()))
        {
            queue.push_back((again, coming, facts.clone()));
        }
        for (ci, c) in st.choices.iter().enumerate() {
            let offered = c
                .when
                .as_ref()
                .is_none_or(|w| facts.contains(w.get_ref().as_str()))
                && c.unless
                    .as_ref()
                    .is_none_or(|u| !facts.contains(u.get_ref().as_str()));
            if !offered {
                continue;
            }
            let words = format!("{} {}", c.text.get_ref(), c.feedback.get_ref());
            let offers_101 = has_number(&words, "101");
            let offers_999 = has_number(&words, "999");
            if coming
                && c.verdict == Verdict::Safer
                && offers_101
                && !offers_999
                && reported.insert((at, ci))
            {
                let in_text = c.text.get_ref().find("101");
                let at_span = match in_text {
                    Some(o) => inner_span(source, &c.text, o, 3),
                    None => span(&c.text),
                };
                out.push(
                    Diagnostic::warning(
                        "H0902",
                        format!(
                            "step \"{}\" offers 101 as the safe route, but on some paths a courier is already on the way",
                            st.id.get_ref()
                        ),
                        at_span,
                    )
                    .with_hint(
                        "once a courier is on the way or at the door, the safe call is 999 (fact sheet 3.2)",
                    ),
                );
            }
            let goes_along =
                c.verdict != Verdict::Safer && c.flags.iter().any(|f| f.get_ref() == "courier");
            if let Some(&next) = index.get(c.next.get_ref().as_str()) {
                let mut after = facts.clone();
                after.extend(c.set.iter().map(|f| f.get_ref().as_str()));
                queue.push_back((next, coming || goes_along, after));
            }
        }
    }
}

/// Whether `number` appears on its own (not inside a longer run of digits).
pub fn has_number(text: &str, number: &str) -> bool {
    let b = text.as_bytes();
    text.match_indices(number).any(|(at, _)| {
        let before = at == 0 || !b[at - 1].is_ascii_digit();
        let end = at + number.len();
        let after = end >= b.len() || !b[end].is_ascii_digit();
        before && after
    })
}

/// H0903: the safer choice is the longest (or the shortest) in more than half
/// of a scam's decisions, so a learner could guess it by its length.
fn length_gives_it_away(s: &Scenario, out: &mut Vec<Diagnostic>) {
    if s.kind != Kind::Scam {
        return;
    }
    let mut decisions = 0;
    let mut longest: Vec<&Sp> = Vec::new();
    let mut shortest: Vec<&Sp> = Vec::new();
    for st in &s.steps {
        let safer = |c: &crate::engine::model::Choice| c.verdict == Verdict::Safer;
        if !st.choices.iter().any(safer) || st.choices.iter().all(safer) {
            continue;
        }
        decisions += 1;
        let len: Vec<usize> = st
            .choices
            .iter()
            .map(|c| c.text.get_ref().chars().count())
            .collect();
        let unique = |want: usize| len.iter().filter(|&&l| l == want).count() == 1;
        let (Some(&max), Some(&min)) = (len.iter().max(), len.iter().min()) else {
            continue;
        };
        let is = |target: usize| {
            st.choices
                .iter()
                .zip(&len)
                .any(|(c, &l)| safer(c) && l == target && unique(target))
        };
        if is(max) {
            longest.push(&st.id);
        } else if is(min) {
            shortest.push(&st.id);
        }
    }
    for (which, list) in [("longest", &longest), ("shortest", &shortest)] {
        if decisions > 0 && list.len() * 2 > decisions {
            let names: Vec<&str> = list.iter().map(|i| i.get_ref().as_str()).collect();
            out.push(
                Diagnostic::warning(
                    "H0903",
                    format!(
                        "the safer choice is the {which} in {} of {decisions} decisions ({}), so it can be guessed by its length",
                        list.len(),
                        names.join(", ")
                    ),
                    list.first().and_then(|i| span(i)),
                )
                .with_hint(
                    "reword some choices so that length says nothing: make a risky one longer, or a safer one shorter",
                ),
            );
        }
    }
}

/// The key a choice's text asks the learner to press ("Press 1 ..."), with its offset.
pub fn quoted_key(text: &str) -> Option<(usize, u32)> {
    let lower = text.to_lowercase();
    lower.match_indices("press").find_map(|(at, w)| {
        let before_ok = at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphabetic();
        let rest = &lower[at + w.len()..];
        let digit_at = rest.len() - rest.trim_start().len();
        let d = rest.trim_start().chars().next()?.to_digit(10)?;
        let after = rest.trim_start().chars().nth(1);
        (before_ok && digit_at > 0 && !after.is_some_and(|c| c.is_ascii_digit()))
            .then_some((at + w.len() + digit_at, d))
    })
}

/// H0904: a choice that quotes a key press ("Press 1 ...") must be shown under that
/// number: choices are not shuffled, and it is that number in the file.
fn key_press(s: &Scenario, source: Option<&str>, out: &mut Vec<Diagnostic>) {
    for st in &s.steps {
        for (i, c) in st.choices.iter().enumerate() {
            let Some((at, key)) = quoted_key(c.text.get_ref()) else {
                continue;
            };
            let shown = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let why = if s.shuffle_choices {
                "the choices are shuffled, so it can be shown under another number".to_string()
            } else if shown != key {
                format!("it is choice {shown}, so it is shown as {shown}")
            } else {
                continue;
            };
            out.push(
                Diagnostic::error(
                    "H0904",
                    format!("a choice says \"press {key}\", but {why}"),
                    inner_span(source, &c.text, at, 1),
                )
                .with_hint(
                    "say it without the number (\"Press the key it asks for\"), or set shuffle_choices = false and put it at that number",
                ),
            );
        }
    }
}

/// Determiners that cannot be followed by another one ("your some", "the a").
/// "her" is left out: "give her some" is fine.
const FIRST_DET: [&str; 9] = ["a", "an", "the", "your", "my", "his", "their", "our", "its"];
const SECOND_DET: [&str; 11] = [
    "a", "an", "the", "your", "my", "his", "their", "our", "its", "some", "any",
];
/// Time words that take no "on" before them.
const NO_ON: [&str; 4] = ["tomorrow", "today", "tonight", "yesterday"];

/// One plain-English slip inside a text: offset in the filled text, length, and what.
pub struct Slip {
    at: usize,
    len: usize,
    /// The diagnostic code: "H0905", "H0906" or "H0907".
    pub code: &'static str,
    message: String,
    hint: &'static str,
}

/// Words (letters and apostrophes) with their byte offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices() {
        let part = ch.is_alphanumeric() || ch == '\'' || ch == '’';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// The byte offsets where a sentence starts: the start of the text, and after
/// ". ", "! " or "? " (not after a number such as "£1.99").
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(_, ch)) in chars.iter().enumerate() {
        if matches!(ch, '.' | '!' | '?')
            && chars.get(k + 1).is_some_and(|&(_, n)| n == ' ')
            && let Some(&(at, _)) = chars.get(k + 2)
        {
            out.push(at);
        }
    }
    out
}

/// The plain-English slips in one filled text: a sentence starting with a
/// small letter (H0905), two words like "the your" in a row (H0906), "on
/// tomorrow" (H0907).
pub fn slips(text: &str) -> Vec<Slip> {
    let mut out = Vec::new();
    for at in sentence_starts(text) {
        // Skip opening quotes and brackets to the first letter.
        let rest = &text[at..];
        let skip = rest.len()
            - rest
                .trim_start_matches(['"', '\'', '(', '‘', '“', ' '])
                .len();
        let word = rest[skip..].split_whitespace().next().unwrap_or("");
        // A kiss at the end of a message ("... now? x") is not a sentence.
        let kiss = word.chars().all(|c| c == 'x');
        if let Some(first) = rest[skip..].chars().next()
            && first.is_lowercase()
            && !kiss
        {
            out.push(Slip {
                at: at + skip,
                len: first.len_utf8(),
                code: "H0905",
                message: "a sentence starts with a small letter".into(),
                hint: "start each sentence with a capital letter",
            });
        }
    }
    let w = words(text);
    for pair in w.windows(2) {
        let [(a_at, a), (b_at, b)] = pair else {
            continue;
        };
        // Only words next to each other, with just a space between.
        if text[*a_at + a.len()..*b_at] != *" " {
            continue;
        }
        let (la, lb) = (a.to_lowercase(), b.to_lowercase());
        if FIRST_DET.contains(&la.as_str()) && SECOND_DET.contains(&lb.as_str()) {
            out.push(Slip {
                at: *a_at,
                len: b_at + b.len() - a_at,
                code: "H0906",
                message: format!("\"{a} {b}\": two words like \"the\" or \"your\" in a row"),
                hint: "check how the words read with every {variant} filled in",
            });
        }
        if la == "on" && NO_ON.contains(&lb.as_str()) {
            out.push(Slip {
                at: *a_at,
                len: b_at + b.len() - a_at,
                code: "H0907",
                message: format!("\"{a} {b}\": say \"{b}\", without \"on\""),
                hint: "write \"closes tomorrow\", not \"closes on tomorrow\"; put the word before a {variant} into the variant",
            });
        }
    }
    out
}

/// Every value of every variant, one filling per index, so each value is used once.
fn fillings(s: &Scenario) -> Vec<BTreeMap<String, String>> {
    (0..crate::engine::variants::longest(s))
        .map(|k| crate::engine::variants::nth(s, k))
        .collect()
}

/// H0905, H0906, H0907: plain-English slips, checked with every variant filled in.
fn plain_english(s: &Scenario, source: Option<&str>, out: &mut Vec<Diagnostic>) {
    let fills = fillings(s);
    for (name, t) in texts(s) {
        // Variant values, sources, senders and the caller's name are fragments, not prose.
        if name == "variants"
            || name == "sender"
            || name.starts_with("source.")
            || name.starts_with("caller.")
        {
            continue;
        }
        let raw = t.get_ref();
        // One report per kind of slip per text, however many variants show it.
        type Found<'h> = (Option<Range<usize>>, Vec<String>, &'h str);
        let mut found: BTreeMap<&'static str, Found<'static>> = BTreeMap::new();
        for values in &fills {
            let filled = fill(raw, values);
            for slip in slips(&filled) {
                // Point at the slip when the text has no placeholder before it.
                let at = if filled.get(..slip.at) == raw.get(..slip.at) {
                    inner_span(source, t, slip.at, slip.len)
                } else {
                    span(t)
                };
                let entry = found
                    .entry(slip.code)
                    .or_insert((at, Vec::new(), slip.hint));
                if !entry.1.contains(&slip.message) {
                    entry.1.push(slip.message);
                }
            }
        }
        for (code, (at, messages, hint)) in found {
            out.push(
                Diagnostic::warning(code, format!("`{name}`: {}", messages.join("; ")), at)
                    .with_hint(hint),
            );
        }
    }
}
