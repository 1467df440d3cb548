//! Generated hostile scenario files, shared by the hostile-input tests
//! (`tests/it/hostile.rs`) and the checker benchmark (`tools/bench/benches/check.rs`,
//! which includes this file by path). Every generator is deterministic.

#![allow(dead_code)]

/// The head of a valid scam scenario with `id`, starting at step `start`.
pub fn head(id: &str, start: &str) -> String {
    format!(
        r#"id = "{id}"
title = "A generated call"
summary = "A caller says they are from the bank."
kind = "scam"
start = "{start}"
action = ["hang-up", "clear-line", "call-bank", "report"]

[source]
who = "Test Police"
when = "January 2026"

[caller]
name = "Sam Jones"
organisation = "Your bank"
number = "01632 960001"

"#
    )
}

/// The two endings every generated file has.
pub const ENDINGS: &str = r#"
[[ending]]
id = "safe-end"
outcome = "safe"
title = "You kept your money safe"
happened = ["You hung up."]

[[ending]]
id = "lost"
outcome = "defrauded"
title = "The caller took your money"
happened = ["You paid."]
"#;

fn step(id: &str, next_a: &str, next_b: &str) -> String {
    format!(
        r#"[[step]]
id = "{id}"
says = "Hello, this is your bank."

[[step.choice]]
text = "Hang up."
feedback = "Good."
verdict = "safer"
next = "{next_a}"

[[step.choice]]
text = "Keep talking."
feedback = "Risky."
verdict = "risky"
next = "{next_b}"

"#
    )
}

/// A 64-character id made from `i` (all different, all near each other, the
/// worst case for a "did you mean" search that compares every pair).
pub fn long_id(prefix: char, i: usize) -> String {
    format!("{prefix}{}{i:012}", "x".repeat(51))
}

/// About `bytes` bytes: many steps whose `next` names a missing 64-character
/// id (the file that took 2 minutes with a quadratic did-you-mean).
pub fn missing_next(bytes: usize) -> String {
    let mut s = head("hostile-missing-next", &long_id('s', 0));
    let mut i = 0;
    while s.len() + ENDINGS.len() < bytes.saturating_sub(400) {
        s.push_str(&step(&long_id('s', i), &long_id('m', i), "lost"));
        i += 1;
    }
    s.push_str(ENDINGS);
    s
}

/// About `bytes` bytes: one long valid chain s0 → s1 → … → the endings (the
/// file whose path-length warning used to be lost).
pub fn long_chain(bytes: usize) -> String {
    let mut steps = Vec::new();
    let mut i = 0;
    let mut len = 0;
    while len < bytes.saturating_sub(1200) {
        let st = step(&format!("s{i}"), &format!("s{}", i + 1), "lost");
        len += st.len();
        steps.push(st);
        i += 1;
    }
    let n = steps.len();
    let mut s = head("hostile-long-chain", "s0");
    for st in steps {
        s.push_str(&st);
    }
    s.push_str(&step(&format!("s{n}"), "safe-end", "lost"));
    s.push_str(ENDINGS);
    s
}

/// About `bytes` bytes: the same step id again and again.
pub fn duplicate_ids(bytes: usize) -> String {
    let mut s = head("hostile-duplicates", "same");
    while s.len() + ENDINGS.len() < bytes.saturating_sub(400) {
        s.push_str(&step("same", "safe-end", "lost"));
    }
    s.push_str(ENDINGS);
    s
}

/// The built-in scenarios, copied with new ids until they fill about `bytes`.
pub fn ordinary(bytes: usize, sources: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut total = 0;
    let mut i = 0;
    while total < bytes {
        let src = sources[i % sources.len()];
        let mut text = String::with_capacity(src.len() + 16);
        let mut done = false;
        for line in src.lines() {
            if !done && line.starts_with("id = \"") {
                text.push_str(&format!("id = \"ordinary-{i}\"\n"));
                done = true;
            } else {
                text.push_str(line);
                text.push('\n');
            }
        }
        total += text.len();
        out.push(text);
        i += 1;
    }
    out
}
