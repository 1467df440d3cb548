//! The layers of the program (see "How it is built" in the README): the
//! engine, the front-end-neutral `present` layer, and front ends that never
//! import each other. Each rule is checked by reading the source files: every
//! path into the crate (`crate::x`, `use crate::{x, y}`, `super::x` that
//! reaches the crate root, `hangup::x`) names the top-level module it uses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The files of a module: `src/NAME.rs` or everything under `src/NAME/`.
fn module_files(name: &str) -> Vec<PathBuf> {
    let root = src();
    let mut v = Vec::new();
    let file = root.join(format!("{name}.rs"));
    if file.is_file() {
        v.push(file);
    }
    rust_files(&root.join(name), &mut v);
    assert!(!v.is_empty(), "no source for {name}");
    v
}

/// The crate's top-level modules (`pub mod x;` in lib.rs).
fn top_modules() -> Vec<String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).expect("read lib.rs");
    lib.lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect()
}

/// `text` without comments (line, doc and block comments) or string and
/// char literals, so a word in prose or in a message never counts.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if rest.starts_with("/*") {
            i += 2;
            while i < b.len() && !text[i..].starts_with("*/") {
                if b[i] == b'\n' {
                    out.push('\n');
                }
                i += 1;
            }
            i += 2;
        } else if b[i] == b'"' {
            // A string: skip to its closing quote (raw strings hold no `"` here
            // that matter; an escaped quote is skipped).
            let raw = out.ends_with('r') || out.ends_with("r#");
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' && !raw {
                    i += 1;
                } else if b[i] == b'\n' {
                    out.push('\n');
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && is_char_literal(rest) {
            // A char literal ('x' or '\n'); a lifetime ('a) is left alone.
            i += 1;
            while i < b.len() && b[i] != b'\'' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
        } else {
            let ch = rest.chars().next().unwrap_or(' ');
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// `rest` starts with a char literal ('x', '£' or '\n'), not a lifetime ('a).
fn is_char_literal(rest: &str) -> bool {
    let mut it = rest.chars().skip(1);
    let first = it.next();
    first == Some('\\') || (first.is_some() && it.next() == Some('\''))
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The top-level modules a path after a crate-root prefix names: `tui::app`
/// gives `tui`; `{engine, tui::{app, ui}}` gives `engine` and `tui`.
fn names_after(rest: &str, out: &mut BTreeSet<String>) {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        // Split the group's items at depth 0 commas.
        let (mut depth, mut start) = (0usize, 0usize);
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    names_item(&group[start..i], out);
                    return;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    names_item(&group[start..i], out);
                    start = i + 1;
                }
                _ => {}
            }
        }
    } else {
        names_item(rest, out);
    }
}

fn names_item(item: &str, out: &mut BTreeSet<String>) {
    let id = ident_at(item.trim_start());
    if !id.is_empty() && id != "self" {
        out.insert(id.to_string());
    }
}

/// The crate's top-level modules that `text` (the source of a file `depth`
/// folders below `src/`, `mod.rs` counting as its folder) refers to.
fn imported(text: &str, depth: usize) -> BTreeSet<String> {
    let code = code_only(text);
    let mut prefixes = vec!["crate::".to_string(), "hangup::".to_string()];
    prefixes.push("super::".repeat(depth + 1));
    let mut out = BTreeSet::new();
    for p in &prefixes {
        let mut from = 0;
        while let Some(at) = code[from..].find(p.as_str()) {
            let start = from + at;
            from = start + p.len();
            // A whole path segment: not `my_crate::` or `self::super::`.
            let before = code[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            // `super::super::x` from a shallower prefix is not the crate root.
            if p.starts_with("super") && code[from..].starts_with("super::") {
                continue;
            }
            names_after(&code[from..], &mut out);
        }
    }
    out
}

/// Folders below `src/` for a file (`src/group/mod.rs` and `src/plain.rs`: 0).
fn depth_of(file: &Path) -> usize {
    let rel = file.strip_prefix(src()).expect("under src");
    let folders = rel.components().count() - 1;
    if file.file_name().is_some_and(|n| n == "mod.rs") {
        folders.saturating_sub(1)
    } else {
        folders
    }
}

/// Each top-level module and the other top-level modules it uses.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let tops = top_modules();
    let mut g = BTreeMap::new();
    for m in &tops {
        let mut uses = BTreeSet::new();
        for f in module_files(m) {
            let text = std::fs::read_to_string(&f).expect("read source");
            uses.extend(
                imported(&text, depth_of(&f))
                    .into_iter()
                    .filter(|u| u != m && tops.contains(u)),
            );
        }
        g.insert(m.clone(), uses);
    }
    g
}

/// Lines of code in `module` that name one of `outside` (other crates or
/// std paths, e.g. "ratatui", "std::fs").
fn outside_uses(module: &str, outside: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for f in module_files(module) {
        let text = std::fs::read_to_string(&f).expect("read source");
        for (i, line) in code_only(&text).lines().enumerate() {
            for b in outside {
                if line.contains(b) {
                    found.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
                }
            }
        }
    }
    found
}

/// The front ends: each renders the screen model its own way and none may
/// use another. The projector (`group::view`) is a ratatui layout in the
/// group driver; the kiosk's own screens (`kiosk::screens`) likewise.
const FRONT_ENDS: &[&str] = &["tui", "plain", "speech"];
/// The modes: drivers over the flows and the front ends. None uses another.
const DRIVERS: &[&str] = &["group", "kiosk"];
/// The modules whose imports must form no cycle: the layers, the front ends,
/// the drivers (`practice` is the practice driver's outside work) and the
/// command line. The helpers beside them (`i18n`, `dates`, `progress`,
/// `store`...) are not layers.
const LAYERED: &[&str] = &[
    "engine", "present", "tui", "plain", "speech", "practice", "group", "kiosk", "cli",
];

#[test]
fn front_ends_do_not_import_each_other() {
    let g = graph();
    let uses = |m: &str| g.get(m).cloned().unwrap_or_default();
    let mut broken = Vec::new();
    // The engine is pure: it uses nothing above it.
    for u in uses("engine") {
        if ["present", "practice", "cli"]
            .iter()
            .chain(FRONT_ENDS)
            .chain(DRIVERS)
            .any(|m| *m == u)
        {
            broken.push(format!("engine uses {u}"));
        }
    }
    // The neutral layer uses no front end and no driver.
    for u in uses("present") {
        if ["practice", "cli"]
            .iter()
            .chain(FRONT_ENDS)
            .chain(DRIVERS)
            .any(|m| *m == u)
        {
            broken.push(format!("present uses {u}"));
        }
    }
    // No front end uses another front end, or a driver.
    for f in FRONT_ENDS {
        for u in uses(f) {
            if FRONT_ENDS.iter().chain(DRIVERS).any(|m| *m == u) {
                broken.push(format!("front end {f} uses {u}"));
            }
        }
    }
    // No driver uses another driver.
    for d in DRIVERS {
        for u in uses(d) {
            if DRIVERS.contains(&u.as_str()) {
                broken.push(format!("mode {d} uses mode {u}"));
            }
        }
    }
    // No cycle among the layers, front ends, modes and the command line
    // (tui and group, tui and plain, cli and kiosk were cycles once).
    let layered: BTreeMap<String, BTreeSet<String>> = g
        .iter()
        .filter(|(m, _)| LAYERED.contains(&m.as_str()))
        .map(|(m, us)| {
            let us = us.iter().filter(|u| LAYERED.contains(&u.as_str()));
            (m.clone(), us.cloned().collect())
        })
        .collect();
    for (a, us) in &layered {
        for b in us {
            if reaches(&layered, b, a) {
                broken.push(format!("cycle: {a} uses {b}, and {b} leads back to {a}"));
            }
        }
    }
    // No terminal and no I/O below the front ends.
    broken.extend(outside_uses("engine", &["ratatui", "crossterm"]));
    broken.extend(outside_uses(
        "present",
        &["ratatui", "crossterm", "std::fs", "std::process", "std::io"],
    ));
    broken.extend(outside_uses("plain", &["ratatui", "crossterm"]));
    broken.extend(outside_uses("speech", &["ratatui", "crossterm"]));
    assert!(
        broken.is_empty(),
        "layers broken:\n{}\n\nthe graph: {g:#?}",
        broken.join("\n")
    );
}

/// Whether `from` uses `to`, directly or through other modules.
fn reaches(g: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_string()];
    while let Some(m) = todo.pop() {
        if m == to {
            return true;
        }
        if seen.insert(m.clone())
            && let Some(next) = g.get(&m)
        {
            todo.extend(next.iter().cloned());
        }
    }
    false
}

#[test]
fn the_layer_check_can_fail() {
    let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    // Every way of naming another module is seen ...
    assert_eq!(imported("use crate::tui::app;", 0), set(&["tui"]));
    assert_eq!(
        imported("use crate::{\n    engine,\n    tui::{app, ui},\n};", 0),
        set(&["engine", "tui"])
    );
    assert_eq!(imported("let x = super::plain::f();", 0), set(&["plain"]));
    assert_eq!(imported("use super::super::kiosk::X;", 1), set(&["kiosk"]));
    assert_eq!(
        imported("fn f() { hangup::group::run() }", 0),
        set(&["group"])
    );
    // ... but not a sibling inside the module, a comment or a string.
    assert!(imported("use super::view;", 1).is_empty());
    assert!(
        imported(
            "// crate::tui\n/* crate::plain */ let s = \"crate::kiosk\";",
            0
        )
        .is_empty()
    );
    assert!(imported("use my_crate::tui;", 0).is_empty());
    // The real sources are read: the terminal front end uses the engine
    // and ratatui, the kiosk driver uses the terminal front end.
    let g = graph();
    assert!(g["tui"].contains("present"), "{g:#?}");
    assert!(g["kiosk"].contains("tui"), "{g:#?}");
    assert!(!outside_uses("tui", &["ratatui"]).is_empty());
    // A cycle is found.
    let mut c = g.clone();
    c.entry("tui".into()).or_default().insert("kiosk".into());
    assert!(reaches(&c, "kiosk", "tui") && reaches(&c, "tui", "kiosk"));
}
