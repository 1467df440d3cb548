//! `hangup script ID`: the call as a large-print role-play script. A volunteer
//! reads the caller's lines aloud while a participant answers; the choices say
//! where each answer leads, and the feedback is there to read out after.
//!
//! Plain text, short lines, capitals for headings and a blank line between
//! parts, so it prints large and reads well from a page.

use std::fmt::Write as _;

use crate::engine::Verdict;
use crate::engine::script::{Node, Role, Script};
use crate::i18n::tr;
use crate::present::wording::outcome_words;
use crate::tr;

/// Lines are wrapped to this many characters (prints at 16 pt or more on A4).
pub const WIDTH: usize = 60;

/// Wrap `text` to `width`, each line starting with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    for para in text.lines() {
        let mut line = String::from(indent);
        for word in para.split_whitespace() {
            if line.len() > indent.len() && line.chars().count() + 1 + word.chars().count() > width
            {
                out.push_str(line.trim_end());
                out.push('\n');
                line = String::from(indent);
            }
            if line.len() > indent.len() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The steps in the order a reader meets them: from the start, breadth first.
fn reading_order(script: &Script) -> Vec<usize> {
    let mut order = vec![script.start];
    let mut i = 0;
    while i < order.len() {
        let step = order[i];
        for c in by_file_order(script, step) {
            if let Node::Step(n) = c.next
                && !order.contains(&n)
            {
                order.push(n);
            }
        }
        i += 1;
    }
    for s in 0..script.steps.len() {
        if !order.contains(&s) {
            order.push(s);
        }
    }
    order
}

fn by_file_order(script: &Script, step: usize) -> Vec<&crate::engine::script::ScriptChoice> {
    let mut v: Vec<_> = script.steps[step].choices.iter().collect();
    v.sort_by_key(|c| c.authored_index);
    v
}

/// The whole script as text.
pub fn script_text(script: &Script) -> String {
    let order = reading_order(script);
    let part_of = |n: usize| order.iter().position(|&s| s == n).map_or(0, |p| p + 1);
    let mut out = String::new();
    let rule = "=".repeat(WIDTH);
    let _ = writeln!(out, "{rule}");
    out.push_str(&wrap(
        &tr!("script-title", title = script.title.to_uppercase()),
        WIDTH,
        "",
    ));
    let _ = writeln!(out, "{rule}");
    out.push('\n');
    out.push_str(&wrap(&script.summary, WIDTH, ""));
    out.push_str(&wrap(
        &crate::present::wording::source_line(script.kind, &script.source),
        WIDTH,
        "",
    ));
    out.push('\n');
    out.push_str(&wrap(&tr("script-how"), WIDTH, ""));
    out.push('\n');
    // Wrapped like every other line (a long name and force ran past the page).
    out.push_str(&wrap(
        &tr!(
            "script-caller",
            name = script.caller_name.as_str(),
            // After the comma: "the police fraud squad", as on the practice screen.
            organisation = crate::present::wording::mid_sentence(&script.caller_organisation)
        ),
        WIDTH,
        "",
    ));
    let _ = writeln!(
        out,
        "{}",
        tr!("script-number", number = script.caller_number.as_str())
    );
    for (i, &s) in order.iter().enumerate() {
        let st = &script.steps[s];
        out.push('\n');
        let _ = writeln!(out, "{}", "-".repeat(WIDTH));
        let _ = writeln!(out, "{}", tr!("script-part", n = i + 1));
        let _ = writeln!(out, "{}", "-".repeat(WIDTH));
        if st.has_roles() || st.lines.iter().any(|l| !l.cond.is_always()) {
            for l in &st.lines {
                out.push('\n');
                let only = crate::present::wording::describe_cond(&l.cond)
                    .map(|c| format!("[{c}] "))
                    .unwrap_or_default();
                match l.role {
                    Role::Narration => {
                        out.push_str(&wrap(&format!("{only}({})", l.text), WIDTH, ""));
                    }
                    Role::Thought => {
                        let _ = writeln!(out, "{only}{}", tr("script-you-think"));
                        out.push_str(&wrap(&l.text, WIDTH, "    "));
                    }
                    Role::Message => {
                        let _ = writeln!(out, "{only}{}", tr("script-message"));
                        out.push_str(&wrap(&format!("\"{}\"", l.text), WIDTH, "    "));
                    }
                    Role::Speech => {
                        let _ = writeln!(
                            out,
                            "{only}{}",
                            tr!("script-says", who = l.who.to_uppercase())
                        );
                        out.push_str(&wrap(&format!("\"{}\"", l.text), WIDTH, "    "));
                    }
                }
            }
        } else {
            if let Some(scene) = &st.scene {
                out.push('\n');
                out.push_str(&wrap(&format!("({scene})"), WIDTH, ""));
            }
            out.push('\n');
            let _ = writeln!(out, "{}", tr!("script-says", who = st.who.to_uppercase()));
            out.push_str(&wrap(&format!("\"{}\"", st.says), WIDTH, "    "));
        }
        out.push('\n');
        let _ = writeln!(out, "{}", tr("script-what-would-you-do"));
        for (n, c) in by_file_order(script, s).into_iter().enumerate() {
            out.push('\n');
            let only = crate::present::wording::describe_cond(&c.cond)
                .map(|c| format!("[{c}] "))
                .unwrap_or_default();
            out.push_str(&wrap(&format!("{}. {only}{}", n + 1, c.text), WIDTH, "  "));
            let verdict = match c.verdict {
                Verdict::Safer => format!("{} ", tr("script-safer")),
                Verdict::Risky => format!("{} ", tr("script-risky")),
                Verdict::Neutral => String::new(),
            };
            out.push_str(&wrap(&format!("{verdict}{}", c.feedback), WIDTH, "     "));
            let leads = match c.next {
                Node::Step(n) => tr!("script-go-on", n = part_of(n)),
                Node::Ending(e) => match script.endings.get(e) {
                    Some(end) => tr!(
                        "script-call-ends",
                        outcome = outcome_words(script.kind, end.outcome),
                        title = end.title.as_str()
                    ),
                    None => tr("script-call-ends-plain"),
                },
            };
            out.push_str(&wrap(&format!("-> {leads}"), WIDTH, "     "));
            // For proof-reading: the replay line, and what the call remembers.
            out.push_str(&wrap(
                &tr!("script-replay", recap = c.recap.as_str()),
                WIDTH,
                "     ",
            ));
            if !c.set.is_empty() {
                out.push_str(&wrap(
                    &tr!("script-remembers", facts = c.set.join(", ")),
                    WIDTH,
                    "     ",
                ));
            }
        }
        if let Some(node) = st.on_repeat {
            let again = match node {
                Node::Step(x) => tr!("script-part", n = part_of(x)),
                Node::Ending(e) => script.endings.get(e).map_or_else(String::new, |e| {
                    tr!("script-the-ending", title = e.title.as_str())
                }),
            };
            out.push('\n');
            out.push_str(&wrap(&tr!("script-second-time", part = again), WIDTH, ""));
        }
    }
    // Every ending as the learner reads it, then the questions after the call.
    out.push('\n');
    let _ = writeln!(out, "{rule}");
    let _ = writeln!(out, "{}", tr("script-endings"));
    let _ = writeln!(out, "{rule}");
    for e in &script.endings {
        out.push('\n');
        out.push_str(&wrap(
            &format!("{} {}", outcome_words(script.kind, e.outcome), e.title),
            WIDTH,
            "",
        ));
        for (h, c) in e.happened.iter().zip(&e.happened_cond) {
            let only = crate::present::wording::describe_cond(c)
                .map(|c| format!("[{c}] "))
                .unwrap_or_default();
            out.push_str(&wrap(&format!("- {only}{h}"), WIDTH, "  "));
        }
    }
    if !script.recall.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{rule}");
        let _ = writeln!(out, "{}", tr("script-questions"));
        let _ = writeln!(out, "{rule}");
        for (i, q) in script.recall.iter().enumerate() {
            out.push('\n');
            out.push_str(&wrap(&format!("{}. {}", i + 1, q.question), WIDTH, "   "));
            let answer = tr(if q.answer { "script-yes" } else { "script-no" });
            let said = if q.explain.starts_with(&answer) {
                q.explain.clone()
            } else {
                format!("{answer}. {}", q.explain)
            };
            out.push_str(&wrap(&tr!("script-answer", said = said), WIDTH, "   "));
        }
    }
    out.push('\n');
    let _ = writeln!(out, "{rule}");
    let _ = writeln!(out, "{}", tr("script-what-to-do"));
    let _ = writeln!(out, "{rule}");
    let safe = script
        .endings
        .iter()
        .find(|e| e.outcome == crate::engine::Outcome::Safe)
        .or(script.endings.first());
    if let Some(e) = safe {
        for (i, a) in e.action.iter().enumerate() {
            out.push_str(&wrap(&format!("{}. {a}", i + 1), WIDTH, ""));
        }
    }
    out
}
