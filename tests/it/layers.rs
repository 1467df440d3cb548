//! The layers of the program (see "How it is built" in the README): the
//! engine, the front-end-neutral `present` layer, and front ends that never
//! import each other. Each rule is checked by reading the source files.

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

/// The files of a module: `src/NAME.rs` or everything under `src/NAME/`.
fn module_files(name: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut v = Vec::new();
    let file = root.join(format!("{name}.rs"));
    if file.is_file() {
        v.push(file);
    }
    rust_files(&root.join(name), &mut v);
    assert!(!v.is_empty(), "no source for {name}");
    v
}

/// Lines of code (not comments) in `module` that name one of `banned`.
fn uses(module: &str, banned: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for f in module_files(module) {
        let text = std::fs::read_to_string(&f).expect("read source");
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for b in banned {
                if code.contains(b) {
                    found.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn front_ends_do_not_import_each_other() {
    let rules: &[(&str, &[&str])] = &[
        // The engine is pure: no layer above it, no terminal.
        (
            "engine",
            &[
                "crate::present",
                "crate::tui",
                "crate::plain",
                "crate::speech",
                "crate::group",
                "crate::kiosk",
                "ratatui",
                "crossterm",
            ],
        ),
        // The neutral layer: no front end, no terminal, no I/O.
        (
            "present",
            &[
                "crate::tui",
                "crate::plain",
                "crate::speech",
                "crate::group",
                "crate::kiosk",
                "ratatui",
                "crossterm",
                "std::fs",
                "std::process",
                "std::io",
            ],
        ),
        // The front ends.
        (
            "tui",
            &[
                "crate::plain",
                "crate::speech",
                "crate::group",
                "crate::kiosk",
            ],
        ),
        (
            "plain",
            &[
                "crate::tui",
                "crate::group",
                "crate::kiosk",
                "ratatui",
                "crossterm",
            ],
        ),
        (
            "speech",
            &[
                "crate::tui",
                "crate::plain",
                "crate::group",
                "crate::kiosk",
                "ratatui",
            ],
        ),
        // The modes are drivers over the terminal front end; not over each other.
        ("group", &["crate::plain", "crate::kiosk"]),
        ("kiosk", &["crate::plain", "crate::group"]),
        // No cycle between the command line and the kiosk.
        ("cli", &["crate::kiosk"]),
    ];
    let mut all = Vec::new();
    for (module, banned) in rules {
        all.extend(uses(module, banned));
    }
    assert!(all.is_empty(), "layers broken:\n{}", all.join("\n"));
}

#[test]
fn the_layer_check_can_fail() {
    // The check finds what it looks for: the terminal front end does use ratatui.
    assert!(!uses("tui", &["ratatui"]).is_empty());
}
