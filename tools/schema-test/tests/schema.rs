//! The editor's JSON Schema (what Taplo and VS Code use) against a real
//! validator: it is valid, it accepts every built-in scenario, and it rejects
//! what `hangup check` rejects wherever JSON Schema can say it.
//!
//! It reads assets/scenario.schema.json and scenarios/*.toml (the files the
//! binary embeds). tests/it/check.rs checks that the schema file is what
//! `hangup::check::schema_json()` makes, and that the schema uses only keywords
//! the checker knows: those tests need no validator.

use std::path::Path;

// The one-mistake table of tests/it/mistakes.rs, shared word for word.
#[path = "../../../tests/it/mistakes_table.rs"]
mod mistakes_table;
use mistakes_table::{BASE, MISTAKES, mistake_text};

/// The repository's root folder.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const TINY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/tiny.toml"
);
const UNKNOWN_KEYS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/broken/unknown-keys.toml"
);

/// assets/scenario.schema.json, parsed.
fn schema() -> serde_json::Value {
    let path = Path::new(ROOT).join("assets/scenario.schema.json");
    let text = std::fs::read_to_string(&path).expect("assets/scenario.schema.json");
    serde_json::from_str(&text).expect("schema is JSON")
}

/// Every built-in scenario (scenarios/*.toml) as (file name, text).
fn builtin_scenarios() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(Path::new(ROOT).join("scenarios"))
        .expect("scenarios folder")
        .map(|e| e.expect("folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("scenario");
            (p.display().to_string(), text)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn schema_is_valid_and_accepts_every_builtin_scenario() {
    let schema = schema();
    assert!(
        jsonschema::meta::is_valid(&schema),
        "not a valid JSON Schema"
    );
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let tiny = std::fs::read_to_string(TINY).expect("tiny");
    let mut files = builtin_scenarios();
    assert!(files.len() >= 10, "only {} built-in scenarios", files.len());
    files.push(("tiny.toml".into(), tiny));
    for (name, text) in &files {
        let value: serde_json::Value = toml::from_str(text).expect("scenario is TOML");
        let errs: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errs.is_empty(), "{name}: {errs:?}");
    }
    // And it rejects what the checker rejects: an unknown key, a wrong kind.
    let bad = std::fs::read_to_string(UNKNOWN_KEYS).expect("fixture");
    let value: serde_json::Value = toml::from_str(&bad).expect("TOML");
    assert!(!validator.is_valid(&value));
}

/// The JSON Schema (what Taplo and VS Code use) agrees with `hangup check` on
/// every mistake it can express: the shape of the file (unknown keys, wrong
/// kinds of value, missing keys: H0102 to H0104). It accepts the base, and it
/// accepts the mistakes only `check` can see (links, memory, text).
#[test]
fn the_schema_rejects_what_check_rejects_where_it_can() {
    let schema = schema();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let base: serde_json::Value = toml::from_str(BASE).expect("base is TOML");
    assert!(validator.is_valid(&base));
    // What JSON Schema can say: the shape, and the rules the editor schema adds.
    let shape = [
        "H0102", "H0103", "H0104", "H0113", "H0202", "H0204", "H0205", "H0210", "H0401", "H0402",
        "H0404", "H0406", "H0408", "H0409", "H0505", "H0506", "H0507", "H0509",
    ];
    let mut checked = 0;
    let mut disagree = Vec::new();
    let mut rejected = 0;
    for m in MISTAKES {
        let text = mistake_text(m);
        // Syntax errors are for a TOML reader, not the schema.
        let Ok(value) = toml::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}'))
        else {
            continue;
        };
        let shape_error = m.expect.iter().any(|(code, ..)| shape.contains(code));
        let errs: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        rejected += usize::from(!errs.is_empty());
        if errs.is_empty() == shape_error {
            disagree.push(format!("{}: check {:?}, schema {errs:?}", m.name, m.expect));
        }
        checked += 1;
    }
    assert!(disagree.is_empty(), "{}", disagree.join("\n"));
    assert!(checked >= 35, "{checked}");
    // Not only the shape: ids, choices, empty text, hidden characters, the catalogue.
    assert!(
        rejected >= 20,
        "the schema rejects only {rejected} of {checked}"
    );
}
