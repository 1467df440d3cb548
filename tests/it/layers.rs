//! The layers of the program (see "How it is built" in the README): the
//! engine, the front-end-neutral `present` layer, and front ends that never
//! import each other. Each rule is checked by reading the source files: every
//! path into the crate (`crate::x`, `use crate::{x, y}`, `super::x` that
//! reaches the crate root, `hangup::x`) names the top-level module it uses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, into `out` (also for other tests that read the source).
pub(crate) fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
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
    // No cycle among any modules: `no_module_imports_another_in_a_cycle`.
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

/// The import cycles in `g`: each group of two or more modules that reach
/// each other (Tarjan's strongly connected components), given as one shortest
/// cycle through its first module, e.g. `["dates", "i18n", "dates"]`.
fn cycles(g: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    #[derive(Default)]
    struct Tarjan<'a> {
        next: usize,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        groups: Vec<BTreeSet<&'a str>>,
    }
    fn visit<'a>(g: &'a BTreeMap<String, BTreeSet<String>>, v: &'a str, t: &mut Tarjan<'a>) {
        t.index.insert(v, t.next);
        t.low.insert(v, t.next);
        t.next += 1;
        t.stack.push(v);
        t.on_stack.insert(v);
        for w in g.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !t.index.contains_key(w) {
                visit(g, w, t);
                let low = t.low[v].min(t.low[w]);
                t.low.insert(v, low);
            } else if t.on_stack.contains(w) {
                let low = t.low[v].min(t.index[w]);
                t.low.insert(v, low);
            }
        }
        if t.low[v] == t.index[v] {
            let mut group = BTreeSet::new();
            while let Some(w) = t.stack.pop() {
                t.on_stack.remove(w);
                group.insert(w);
                if w == v {
                    break;
                }
            }
            t.groups.push(group);
        }
    }
    let mut t = Tarjan::default();
    for v in g.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(g, v, &mut t);
        }
    }
    let mut found: Vec<Vec<String>> = t
        .groups
        .iter()
        .filter(|group| group.len() > 1)
        .filter_map(|group| shortest_cycle(g, group))
        .collect();
    found.sort();
    found
}

/// The shortest way from the group's first module back to itself, staying
/// inside the group (breadth first).
fn shortest_cycle(
    g: &BTreeMap<String, BTreeSet<String>>,
    group: &BTreeSet<&str>,
) -> Option<Vec<String>> {
    let start = *group.first()?;
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut todo = std::collections::VecDeque::from([start]);
    while let Some(m) = todo.pop_front() {
        for next in g.get(m).into_iter().flatten() {
            let next = next.as_str();
            if next == start && m != start {
                let mut path = vec![start.to_string(), m.to_string()];
                let mut at = m;
                while let Some(&prev) = came_from.get(at) {
                    path.push(prev.to_string());
                    at = prev;
                }
                path.reverse();
                return Some(path);
            }
            if group.contains(next) && next != start && !came_from.contains_key(next) {
                came_from.insert(next, m);
                todo.push_back(next);
            }
        }
    }
    None
}

/// No two top-level modules of src/ use each other, directly or through
/// others: in each pair, one is the lower layer (it gives data: numbers,
/// enums) and the other words or draws it. `dates` and `i18n`, `present` and
/// `progress`, `tui` and `group` were cycles once.
#[test]
fn no_module_imports_another_in_a_cycle() {
    let g = graph();
    let found = cycles(&g);
    assert!(
        found.is_empty(),
        "import cycles between the modules of src/ (each uses the next):\n{}\n\n\
         Break each one so the lower module does not call up: it returns data \
         (numbers, enums) and the module above turns them into words.\n\
         The graph: {g:#?}",
        found
            .iter()
            .map(|c| format!("  {}", c.join(" -> ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
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
    // A cycle is found, and named: through a helper module too.
    let mut c = g.clone();
    c.entry("tui".into()).or_default().insert("kiosk".into());
    assert!(
        cycles(&c)
            .iter()
            .any(|cycle| cycle.contains(&"kiosk".to_string()) && cycle.contains(&"tui".to_string())),
        "{:?}",
        cycles(&c)
    );
    let edges = |pairs: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in pairs {
            g.entry(a.to_string()).or_default().insert(b.to_string());
            g.entry(b.to_string()).or_default();
        }
        g
    };
    let three = edges(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "e")]);
    assert_eq!(cycles(&three), [["a", "b", "c", "a"]]);
    let two = edges(&[("x", "y"), ("y", "x"), ("p", "q"), ("q", "p"), ("y", "p")]);
    assert_eq!(cycles(&two), [["p", "q", "p"], ["x", "y", "x"]]);
    assert!(cycles(&edges(&[("a", "b"), ("b", "c"), ("a", "c")])).is_empty());
}

/// The test attributes in a source file's code (comments and strings left out).
fn test_attributes(text: &str) -> Vec<&'static str> {
    let code: String = code_only(text).split_whitespace().collect();
    ["#[test]", "cfg(test)", "#[cfg(all(test", "#[cfg(any(test"]
        .into_iter()
        .filter(|a| code.contains(a))
        .collect()
}

/// The library has no test build (`[lib] test = false` in Cargo.toml, so
/// `cargo test` compiles it once): a test written in src/ would never run.
/// Unit tests live in tests/it/unit/, by module path.
#[test]
fn no_test_hides_in_the_library() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    assert!(files.len() > 50, "src/ was read: {} files", files.len());
    let found: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let text = std::fs::read_to_string(f).expect("a source file");
            let attrs = test_attributes(&text);
            (!attrs.is_empty()).then(|| format!("{}: {}", f.display(), attrs.join(", ")))
        })
        .collect();
    assert!(
        found.is_empty(),
        "tests in src/ never run (the library has no test build); move them to tests/it/unit/:\n{}",
        found.join("\n")
    );
    // The check can fail, and a comment or a string does not trip it.
    assert_eq!(test_attributes("#[cfg(test)]\nmod tests {}"), ["cfg(test)"]);
    assert_eq!(test_attributes("#[ test ]\nfn f() {}"), ["#[test]"]);
    assert!(test_attributes("// #[test]\nlet s = \"cfg(test)\";").is_empty());
}
