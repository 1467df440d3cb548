//! `hangup check`, `hangup schema` and `hangup paths`, as library calls.

use std::path::{Path, PathBuf};

use hangup::check::{
    Format, Report, check_builtin, check_bytes, check_files, paths_report, run_check, schema_json,
};
use hangup::engine::Catalogue;
use hangup::engine::library::{BUILTIN_SCENARIOS, parse_scenario};

const BROKEN: &str = "tests/fixtures/broken";
const TINY: &str = "tests/fixtures/tiny.toml";

/// (code, line, column) of every diagnostic for one file, via the JSON output.
fn located(path: &str) -> Vec<(String, u64, u64)> {
    let (code, found) = json_diagnostics(&[PathBuf::from(path)]);
    assert_eq!(code, 1, "{path} should fail the check");
    found
        .into_iter()
        .map(|(_, code, line, column, _)| (code, line, column))
        .collect()
}

fn has(found: &[(String, u64, u64)], code: &str, line: u64, column: u64) -> bool {
    found
        .iter()
        .any(|(c, l, col)| c == code && *l == line && *col == column)
}

#[test]
fn five_problems_in_one_run_each_located() {
    let found = located("tests/fixtures/broken/five-problems.toml");
    let expected = [
        ("H0406", 22, 34), // the ESC byte itself, in the caller's line
        ("H0203", 32, 8),  // next = "ask-nme"
        ("H0303", 59, 6),  // loop-a / loop-b: a trap cycle
        ("H0408", 93, 6),  // ending "lost" has no `happened`
    ];
    // Step "ask-name" is unreachable only because of the typo "ask-nme": one
    // mistake, one diagnostic (H0203, whose hint names it), no H0301 as well.
    for (code, line, col) in expected {
        assert!(
            has(&found, code, line, col),
            "missing {code} at {line}:{col}; found {found:?}"
        );
    }
    let codes: std::collections::BTreeSet<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(codes.len(), 4, "four distinct codes: {found:?}");
    assert!(!codes.contains("H0301"), "{found:?}");
}

#[test]
fn dangling_next_gets_a_did_you_mean_hint() {
    let mut out = Vec::new();
    run_check(
        &[PathBuf::from("tests/fixtures/broken/five-problems.toml")],
        None,
        Format::Human,
        &mut out,
    );
    let text = String::from_utf8(out).expect("utf-8 output");
    assert!(text.contains(
        "error[H0203]: next = \"ask-nme\" is not the id of any step or ending\n   \
         --> tests/fixtures/broken/five-problems.toml:32:8\n"
    ));
    assert!(text.contains("  = hint: did you mean `next = \"ask-name\"`?"));
    // The ESC byte is never written back to the terminal.
    assert!(!text.contains('\u{1b}'));
    // The caret sits under the ESC (column 34, so 33 spaces after the gutter).
    let caret = format!("   | {}^\n", " ".repeat(33));
    assert!(text.contains(&caret), "{text}");
}

#[test]
fn every_unknown_key_is_reported_with_a_suggestion() {
    let found = located("tests/fixtures/broken/unknown-keys.toml");
    assert!(has(&found, "H0102", 3, 1), "titel: {found:?}");
    assert!(has(&found, "H0102", 21, 1), "sayz: {found:?}");
    assert!(has(&found, "H0102", 26, 1), "nxt: {found:?}");
    assert!(has(&found, "H0103", 5, 8), "kind = \"scma\": {found:?}");
    assert!(has(&found, "H0103", 7, 11), "minutes = \"five\": {found:?}");
    let bytes = std::fs::read("tests/fixtures/broken/unknown-keys.toml").expect("fixture");
    let report = check_bytes("u.toml".into(), &bytes, &Catalogue::builtin());
    let hints: Vec<&str> = report
        .diagnostics
        .iter()
        .filter_map(|d| d.hint.as_deref())
        .collect();
    for h in [
        "did you mean `title`?",
        "did you mean `says`?",
        "did you mean `next`?",
    ] {
        assert!(hints.contains(&h), "{h} not in {hints:?}");
    }
}

#[test]
fn missing_field_is_reported_at_its_table() {
    let src = "id = \"x\"\ntitle = \"t\"\nsummary = \"s\"\nkind = \"scam\"\nstart = \"a\"\n\n[source]\nwho = \"w\"\nwhen = \"n\"\n\n[caller]\nname = \"n\"\nnumber = \"1\"\n";
    let report = check_bytes("m.toml".into(), src.as_bytes(), &Catalogue::builtin());
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "H0104")
        .expect("missing field reported");
    assert!(d.message.contains("[caller]") && d.message.contains("organisation"));
    let at = src.find("[caller]").expect("header");
    assert_eq!(d.span, Some(at..at + 8)); // the `[caller]` header
}

#[test]
fn several_syntax_errors_in_one_file() {
    let found = located("tests/fixtures/broken/syntax.toml");
    assert!(found.iter().all(|f| f.0 == "H0101"));
    assert!(has(&found, "H0101", 3, 23), "unclosed string: {found:?}");
    assert!(has(&found, "H0101", 4, 11), "unquoted text: {found:?}");
    assert!(found.len() >= 3);
}

#[test]
fn content_problems_point_at_the_character() {
    let found = located("tests/fixtures/broken/content.toml");
    for (code, line, col) in [
        ("H0202", 2, 6),
        ("H0305", 2, 6),
        ("H0205", 7, 22),
        ("H0209", 23, 24),
        ("H0407", 23, 62),
        ("H0405", 26, 8),
        ("H0402", 27, 12),
        ("H0204", 28, 10),
        ("H0406", 32, 8),
        ("H0201", 37, 6),
        ("H0404", 37, 6),
    ] {
        assert!(
            has(&found, code, line, col),
            "{code} at {line}:{col}: {found:?}"
        );
    }
}

#[test]
fn non_utf8_file_is_an_error_with_a_place() {
    let found = located("tests/fixtures/broken/latin1.toml");
    assert_eq!(found, vec![("H0106".to_string(), 2, 16)]);
}

#[test]
fn huge_file_is_an_error_not_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.toml");
    let mut big = String::from("id = \"huge\"\n");
    while big.len() < 2 * 1024 * 1024 {
        big.push_str("# padding padding padding padding padding padding padding\n");
    }
    std::fs::write(&path, big).expect("write");
    let report = check_files(&[path], &Catalogue::builtin());
    let codes: Vec<&str> = report.files[0].diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec!["H0105"]);
    assert_eq!(report.exit_code(), 1);
}

/// The trial: a 2.9 MB file was reported as "1025 KiB" (only the limit
/// and one byte are read). The message names the real size, in words.
#[test]
fn a_huge_file_is_reported_with_its_real_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.toml");
    std::fs::write(&path, vec![b'#'; 3_040_000]).expect("write");
    let mut out = Vec::new();
    let code = run_check(&[path], None, Format::Human, &mut out);
    let text = String::from_utf8_lossy(&out);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("the file is 2.9 MB; the limit for a scenario file is 1 MB"),
        "{text}"
    );
    assert!(!text.contains("KiB") && !text.contains("1025"), "{text}");
    for (bytes, words) in [
        (0, "0 bytes"),
        (1, "1 byte"),
        (1000, "1000 bytes"),
        (1024, "1 KB"),
        (1025, "2 KB"),
        (1024 * 1024, "1 MB"),
        (1024 * 1024 + 1, "1.1 MB"),
    ] {
        assert_eq!(hangup::engine::library::size_words(bytes), words, "{bytes}");
    }
    assert!(hangup::engine::library::size_words(u64::MAX).ends_with(" MB"));
}

/// The trial: an empty folder printed "Checked 0 files: no problems." and
/// exited 0, so a script checking the wrong folder passed.
#[test]
fn an_empty_folder_is_an_error_not_no_problems() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("sub")).expect("sub-folder");
    std::fs::write(dir.path().join("notes.txt"), "not a scenario").expect("write");
    let mut out = Vec::new();
    let code = run_check(&[dir.path().to_path_buf()], None, Format::Human, &mut out);
    let text = String::from_utf8_lossy(&out);
    assert_eq!(code, 1, "{text}");
    let want = format!("no scenario files found in {}", dir.path().display());
    assert!(text.contains(&want), "{text}");
    assert!(text.contains("H0114"), "{text}");
    assert!(!text.contains("no problems"), "{text}");
    assert!(text.contains("Checked 0 files: 1 error"), "{text}");
    // A folder with a scenario in it is not affected.
    let report = check_files(&[PathBuf::from(TINY)], &Catalogue::builtin());
    assert!(
        report
            .files
            .iter()
            .all(|f| f.diagnostics.iter().all(|d| d.code != "H0114"))
    );
}

/// The trial: a binary file printed its "line" (hundreds of stand-ins for
/// bytes). It now says plainly that the file is not text, with
/// file:line:col, and draws no line from it.
#[test]
fn a_binary_file_is_said_to_be_not_text_and_not_drawn() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("picture.toml");
    let mut bytes = b"id = 1\n".to_vec();
    bytes.extend((0..400u32).map(|i| u8::try_from((i * 37 + 128) % 256).unwrap_or(0xff)));
    std::fs::write(&path, &bytes).expect("write");
    let mut out = Vec::new();
    let code = run_check(std::slice::from_ref(&path), None, Format::Human, &mut out);
    let text = String::from_utf8(out).expect("the report is UTF-8");
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("the file is not text"), "{text}");
    let place = format!("{}:2:1", path.display());
    assert!(text.contains(&place), "file:line:col: {text}");
    for l in text.lines() {
        assert!(l.chars().count() < 160, "a long line: {l:?}");
        assert!(
            !l.contains('\u{fffd}') && !l.contains("???"),
            "stand-ins printed: {l:?}"
        );
        assert!(l.chars().all(|c| c == '\t' || !c.is_control()), "{l:?}");
    }
}

#[test]
fn missing_file_is_reported() {
    let report = check_files(&[PathBuf::from("no/such/file.toml")], &Catalogue::builtin());
    assert_eq!(report.files[0].diagnostics[0].code, "H0107");
    assert_eq!(report.exit_code(), 1);
}

#[test]
fn duplicate_scenario_ids_across_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let tiny = std::fs::read(TINY).expect("tiny");
    std::fs::write(dir.path().join("a.toml"), &tiny).expect("write");
    std::fs::write(dir.path().join("b.toml"), &tiny).expect("write");
    // Catalogue files in the folder are not scenarios.
    std::fs::write(dir.path().join("advice.toml"), "not a scenario").expect("write");
    let report = check_files(&[dir.path().to_path_buf()], &Catalogue::builtin());
    assert_eq!(report.files.len(), 2);
    let d = &report.files[1].diagnostics;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, "H0206");
    let text = String::from_utf8(tiny).expect("utf-8");
    let at = text.find("id = \"tiny\"").expect("id line") + 5;
    assert_eq!(d[0].span, Some(at..at + 6)); // "tiny" in b.toml
    assert!(report.files[0].diagnostics.is_empty());

    // The human report points at both places: b.toml, and where a.toml
    // used the id first.
    let a = report.files[0].path.clone();
    let line = text[..at].lines().count();
    let mut out = Vec::new();
    hangup::check::render(&report, Format::Human, &mut out).expect("render");
    let human = String::from_utf8(out).expect("utf-8");
    assert!(human.contains(&format!("b.toml:{line}:6")), "{human}");
    assert!(human.contains(&format!("{a}:{line}:6")), "{human}");
    assert!(human.contains("- first used here"), "{human}");
    assert_eq!(human.matches("^^^^^^").count(), 1, "{human}");
    // The JSON report has the second place too.
    let mut out = Vec::new();
    hangup::check::render(&report, Format::Json, &mut out).expect("render");
    let json: serde_json::Value = serde_json::from_slice(&out).expect("json");
    let related = &json["diagnostics"][0]["related"][0];
    assert_eq!(related["file"], serde_json::json!(a));
    assert_eq!(related["line"], serde_json::json!(line));
    assert_eq!(related["note"], "first used here");
}

#[test]
fn folders_are_walked_and_every_file_named() {
    let report = check_files(&[PathBuf::from(BROKEN)], &Catalogue::builtin());
    let names: Vec<&str> = report.files.iter().map(|f| f.path.as_str()).collect();
    for f in [
        "content",
        "five-problems",
        "latin1",
        "syntax",
        "unknown-keys",
    ] {
        assert!(
            names.iter().any(|n| n.ends_with(&format!("{f}.toml"))),
            "{f} not checked: {names:?}"
        );
    }
    assert!(report.files.iter().all(|f| !f.diagnostics.is_empty()));
    assert_eq!(report.exit_code(), 1);
}

#[test]
fn tiny_and_builtins_pass() {
    let mut out = Vec::new();
    let code = run_check(&[PathBuf::from(TINY)], None, Format::Human, &mut out);
    let text = String::from_utf8_lossy(&out);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("Checked 1 file: no problems."), "{text}");
    let report = check_builtin(None);
    assert_eq!(report.files.len(), BUILTIN_SCENARIOS.len());
    assert_eq!(report.errors(), 0, "{:?}", errors(&report));
}

fn errors(r: &Report) -> Vec<String> {
    r.files
        .iter()
        .flat_map(|f| {
            f.diagnostics
                .iter()
                .map(move |d| format!("{}: {d:?}", f.path))
        })
        .collect()
}

#[test]
fn short_format_is_one_line_each_and_json_has_every_field() {
    let path = PathBuf::from("tests/fixtures/broken/five-problems.toml");
    let mut out = Vec::new();
    run_check(std::slice::from_ref(&path), None, Format::Short, &mut out);
    let text = String::from_utf8(out).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines.iter().all(|l| l.contains(": error[H0")));

    let mut out = Vec::new();
    run_check(&[path], None, Format::Json, &mut out);
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(doc["errors"], 5);
    let first = &doc["diagnostics"][0];
    for key in [
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "severity",
        "code",
        "message",
        "hint",
    ] {
        assert!(first.get(key).is_some(), "{key} missing in {first}");
    }
    assert_eq!(first["end_column"], 35);
    assert_eq!(first["severity"], "error");
}

#[test]
fn format_names_parse() {
    assert_eq!("json".parse::<Format>(), Ok(Format::Json));
    assert_eq!("short".parse::<Format>(), Ok(Format::Short));
    assert_eq!("human".parse::<Format>(), Ok(Format::Human));
    assert!("xml".parse::<Format>().is_err());
}

#[test]
fn caret_is_placed_by_display_width() {
    // Wide characters before the problem: the caret must still line up.
    let src = "id = \"x\"\ntitle = \"t\"\nsummary = \"日本語 {oops\"\n";
    let report = check_bytes("w.toml".into(), src.as_bytes(), &Catalogue::builtin());
    let r = Report {
        files: vec![report],
    };
    let mut out = Vec::new();
    hangup::check::render(&r, Format::Human, &mut out).expect("render");
    let text = String::from_utf8(out).expect("utf-8");
    // The shape check stops first (missing fields); nothing to place yet, but no panic.
    assert!(text.contains("error[H0104]"), "{text}");

    let tiny = std::fs::read_to_string(TINY).expect("tiny");
    let bad = tiny.replace("says = \"Hello, this", "says = \"日本 {x Hello, this");
    let report = check_bytes("w.toml".into(), bad.as_bytes(), &Catalogue::builtin());
    let r = Report {
        files: vec![report],
    };
    let mut out = Vec::new();
    hangup::check::render(&r, Format::Human, &mut out).expect("render");
    let text = String::from_utf8(out).expect("utf-8");
    // `says = "` is 8 columns, 日本 is 4 more plus a space: the caret is at column 14.
    assert!(text.contains(&format!("| {}^\n", " ".repeat(13))), "{text}");
}

// The editor schema is valid JSON Schema and accepts every built-in scenario:
// tools/schema-test (it needs a validator; `.ci/run` runs it).

#[test]
fn schema_uses_only_keywords_the_checker_understands() {
    fn walk(v: &serde_json::Value, parent: Option<&str>, bad: &mut Vec<String>) {
        if let Some(map) = v.as_object() {
            for (k, child) in map {
                let named = matches!(parent, Some("properties" | "definitions"));
                if !named && !hangup::engine::structure::SUPPORTED_KEYWORDS.contains(&k.as_str()) {
                    bad.push(k.clone());
                }
                if !matches!(k.as_str(), "default" | "enum" | "const") {
                    walk(child, if named { None } else { Some(k.as_str()) }, bad);
                }
            }
        } else if let Some(items) = v.as_array() {
            for i in items {
                walk(i, None, bad);
            }
        }
    }
    // The checker walks the shape schema; the editor schema (schema_json) adds
    // rules for other validators, which `check` reports in its own words.
    let schema = hangup::engine::structure::schema().clone();
    let mut bad = Vec::new();
    walk(&schema, None, &mut bad);
    assert!(bad.is_empty(), "unsupported keywords: {bad:?}");
}

#[test]
fn schema_file_in_assets_is_up_to_date() {
    let path = Path::new("assets/scenario.schema.json");
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, schema_json()).expect("write schema");
        return;
    }
    assert_eq!(
        on_disk,
        schema_json(),
        "assets/scenario.schema.json is stale: run UPDATE_SCHEMA=1 cargo test --test check"
    );
}

#[test]
fn paths_lists_every_path_and_the_shortest_to_each_ending() {
    let cat = Catalogue::builtin();
    let bytes = std::fs::read(TINY).expect("tiny");
    let s = parse_scenario(&bytes, &cat).expect("tiny loads");
    let text = paths_report(&s, &cat);
    assert!(text.contains("Paths (3 in all):"), "{text}");
    assert!(text.contains("safe-end (safe): 2 paths; shortest, 1 choice: hello 1. \"Hang up.\""));
    assert!(text.contains("lost (defrauded): 1 path; shortest, 2 choices"));
}

#[test]
fn paths_summarises_a_large_tree_and_survives_loops() {
    // 12 steps: two choices on to the next step, one back to the start, one to "lost":
    // 2^12 paths to safe-end plus 2^12 - 1 to lost = 8191.
    let tiny = std::fs::read_to_string(TINY).expect("tiny");
    let head = tiny.split("[[step]]").next().expect("head");
    let mut s = head.replace("start = \"hello\"", "start = \"s0\"");
    for i in 0..12 {
        let next = if i == 11 {
            "safe-end".to_string()
        } else {
            format!("s{}", i + 1)
        };
        s.push_str(&format!(
            "[[step]]\nid = \"s{i}\"\nsays = \"Step {i}.\"\n\n[[step.choice]]\ntext = \"A\"\nfeedback = \"F.\"\nnext = \"{next}\"\n\n[[step.choice]]\ntext = \"B\"\nfeedback = \"F.\"\nnext = \"{next}\"\n\n[[step.choice]]\ntext = \"Back\"\nfeedback = \"F.\"\nnext = \"s0\"\n\n[[step.choice]]\ntext = \"Give up\"\nfeedback = \"F.\"\nnext = \"lost\"\n\n"
        ));
    }
    s.push_str("[[ending]]\nid = \"safe-end\"\noutcome = \"safe\"\ntitle = \"Safe\"\nhappened = [\"Ok.\"]\n\n[[ending]]\nid = \"lost\"\noutcome = \"defrauded\"\ntitle = \"Lost\"\nhappened = [\"Lost.\"]\n");
    let cat = Catalogue::builtin();
    let scenario = match parse_scenario(s.as_bytes(), &cat) {
        Ok(sc) => sc,
        Err(e) => panic!("generated scenario should load: {e:?}"),
    };
    let text = paths_report(&scenario, &cat);
    assert!(text.contains("Paths (8191 in all):"), "{text}");
    assert!(text.contains("… and 8141 more, not listed."));
    assert!(text.contains("choices go back to a step already on the path"));
    assert!(text.lines().count() < 80);
}

#[test]
fn every_code_in_the_source_is_documented() {
    let docs = std::fs::read_to_string("docs/authoring.md").expect("docs/authoring.md");
    let mut codes = std::collections::BTreeSet::new();
    let mut stack = vec![PathBuf::from("src")];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            for e in std::fs::read_dir(&p).expect("read src").flatten() {
                stack.push(e.path());
            }
        } else if p.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&p).expect("read source");
            for (i, _) in text.match_indices("\"H0") {
                if let Some(code) = text.get(i + 1..i + 6)
                    && code[1..].chars().all(|c| c.is_ascii_digit())
                {
                    codes.insert(code.to_string());
                }
            }
        }
    }
    assert!(codes.len() >= 30, "{codes:?}");
    for code in codes {
        assert!(
            docs.contains(&format!("#### {code}")),
            "{code} is not documented"
        );
    }
}

/// The tiny fixture with its steps replaced by a chain of `n` steps (each with a way out).
fn chain(n: usize) -> String {
    let tiny = std::fs::read_to_string(TINY).expect("tiny");
    let head = tiny.split("[[step]]").next().expect("head");
    let mut s = head.replace("start = \"hello\"", "start = \"s0\"");
    for i in 0..n {
        let next = if i + 1 == n {
            "lost".to_string()
        } else {
            format!("s{}", i + 1)
        };
        s.push_str(&format!(
            "[[step]]\nid = \"s{i}\"\nsays = \"Step {i}.\"\n\n[[step.choice]]\ntext = \"On\"\nfeedback = \"F.\"\nnext = \"{next}\"\n\n[[step.choice]]\ntext = \"Hang up\"\nfeedback = \"F.\"\nnext = \"safe-end\"\n\n"
        ));
    }
    s.push_str("[[ending]]\nid = \"safe-end\"\noutcome = \"safe\"\ntitle = \"Safe\"\nhappened = [\"Ok.\"]\n\n[[ending]]\nid = \"lost\"\noutcome = \"defrauded\"\ntitle = \"Lost {amount}\"\nhappened = [\"Lost.\"]\n");
    s
}

#[test]
fn a_very_long_path_is_a_warning_not_an_error() {
    let cat = Catalogue::builtin();
    let ok = check_bytes("c.toml".into(), chain(30).as_bytes(), &cat);
    assert!(ok.diagnostics.is_empty(), "{:?}", ok.diagnostics);
    let long = check_bytes("c.toml".into(), chain(31).as_bytes(), &cat);
    let codes: Vec<(&str, bool)> = long
        .diagnostics
        .iter()
        .map(|d| (d.code, d.is_error()))
        .collect();
    assert_eq!(codes, vec![("H0306", false)]);
    let report = Report { files: vec![long] };
    assert_eq!(report.exit_code(), 0, "warnings alone pass");
}

#[test]
fn long_caller_line_does_not_fit_the_screen() {
    let long = "Hello. ".repeat(120);
    let src = chain(2).replace("says = \"Step 0.\"", &format!("says = \"{long}\""));
    let report = check_bytes("c.toml".into(), src.as_bytes(), &Catalogue::builtin());
    let d: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(report.diagnostics.len(), 1, "{d:?}");
    assert_eq!(report.diagnostics[0].code, "H0405");
    // 11 words of "Hello." fill a 76-column line exactly, so 120 words take 11 lines.
    assert!(d[0].contains("`says` takes 11 lines"), "{d:?}");
}

#[test]
fn hidden_characters_anywhere_are_found_at_their_place() {
    // A bidi override in a comment and a C1 CSI in a value: both errors, both located.
    let src = chain(2)
        .replacen("# A tiny", "# A \u{202e}tiny", 1)
        .replace("says = \"Step 1.\"", "says = \"Step\u{9b}1.\"");
    let report = check_bytes("c.toml".into(), src.as_bytes(), &Catalogue::builtin());
    let found: Vec<(&str, Option<std::ops::Range<usize>>)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.span.clone()))
        .collect();
    let bidi = src.find('\u{202e}').expect("bidi");
    let csi = src.find('\u{9b}').expect("csi");
    assert_eq!(
        found,
        vec![
            ("H0406", Some(bidi..bidi + 3)),
            ("H0406", Some(csi..csi + 2))
        ]
    );
}

#[test]
fn old_mac_line_endings_are_reported_once_with_a_hint() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mac.toml");
    let text = std::fs::read_to_string("tests/fixtures/tiny.toml").expect("fixture");
    std::fs::write(&path, text.replace('\n', "\r")).expect("write");
    let mut out = Vec::new();
    let code = run_check(&[path], None, Format::Human, &mut out);
    let out = String::from_utf8_lossy(&out);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.matches("H0109").count(), 1, "{out}");
    assert!(!out.contains("H0101"), "no flood of syntax errors: {out}");
    assert!(out.contains("(LF)"), "the hint says what to do: {out}");
}

#[test]
fn columns_count_from_after_a_byte_order_mark() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bom.toml");
    std::fs::write(&path, "\u{feff}id = \"x\" oops\n").expect("write");
    let mut out = Vec::new();
    run_check(&[path], None, Format::Json, &mut out);
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("json");
    // The first problem after the note about the mark (H0110).
    assert_eq!(doc["diagnostics"][0]["code"], "H0110", "{doc}");
    let first = &doc["diagnostics"][1];
    assert_eq!(first["line"].as_u64(), Some(1), "{doc}");
    // `oops` starts at column 10 as an editor shows it (the mark is not shown).
    let col = first["column"].as_u64().unwrap_or(0);
    let mut plain = Vec::new();
    let p2 = dir.path().join("plain.toml");
    std::fs::write(&p2, "id = \"x\" oops\n").expect("write");
    run_check(&[p2], None, Format::Json, &mut plain);
    let plain: serde_json::Value = serde_json::from_slice(&plain).expect("json");
    assert_eq!(
        Some(col),
        plain["diagnostics"][0]["column"].as_u64(),
        "{doc}"
    );
}

/// A value nested too deeply is said in plain words, with its place, not
/// the TOML reader's "cannot recurse further; max recursion depth met".
#[test]
fn a_value_nested_too_deeply_is_said_in_plain_words() {
    let depth = hangup::engine::library::MAX_NESTING + 1;
    let src = format!(
        "id = \"x\"\nnotes = {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let report = check_bytes("deep.toml".into(), src.as_bytes(), &Catalogue::builtin());
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "H0101")
        .expect("a syntax error");
    let text = format!("{} {:?}", d.message, d.hint);
    assert!(
        d.message.contains("nested too deeply")
            && d.message
                .contains(&hangup::engine::library::MAX_NESTING.to_string()),
        "{text}"
    );
    for jargon in ["recurs", "depth"] {
        assert!(!text.contains(jargon), "jargon {jargon:?}: {text}");
    }
    // Its place: line 2, at the bracket one too many.
    let at = d.span.clone().expect("a place").start;
    assert_eq!(&src[..at].matches('\n').count(), &1, "line 2");
    // And at MAX_NESTING it is read (the number the message gives is right).
    let ok = format!(
        "a = {}{}\n",
        "[".repeat(hangup::engine::library::MAX_NESTING),
        "]".repeat(hangup::engine::library::MAX_NESTING)
    );
    assert!(toml::from_str::<toml::Value>(&ok).is_ok(), "{ok}");
}

/// `hangup play police` suggests police-courier (a prefix), `play bank`
/// the calls about a bank, and a typo its nearest id.
#[test]
fn an_unknown_call_id_gets_a_suggestion() {
    let library = hangup::engine::Library::load(None);
    for (asked, want) in [
        ("police", vec!["police-courier"]),
        ("courier", vec!["police-courier", "courier-jeweller"]),
        ("polce-courier", vec!["police-courier"]),
        ("Police-Courier", vec!["police-courier"]),
        ("hmrc", vec!["hmrc-tax"]),
    ] {
        let e = library.find(asked).expect_err("no such call");
        let text = e.to_string();
        for w in &want {
            assert!(text.contains(&format!("\"{w}\"")), "{asked}: {text}");
        }
        assert!(text.contains("Did you mean"), "{asked}: {text}");
    }
    let text = library.find("bank").expect_err("no such call").to_string();
    assert!(text.matches("\"bank-").count() >= 2, "{text}");
    let text = library.find("zzzz").expect_err("no such call").to_string();
    assert!(!text.contains("Did you mean"), "{text}");
}

/// (file name, code, line, column, hint) of every diagnostic, via the JSON output.
/// (file name, code, line, column, hint) of one diagnostic.
type Located = (String, String, u64, u64, String);

fn located_in(paths: &[PathBuf]) -> Vec<Located> {
    json_diagnostics(paths).1
}

/// `hangup check PATHS --format json`: its exit code, and (file name, code,
/// line, column, hint) of every diagnostic.
fn json_diagnostics(paths: &[PathBuf]) -> (i32, Vec<Located>) {
    let mut out = Vec::new();
    let code = run_check(paths, None, Format::Json, &mut out);
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("json output parses");
    let found = doc["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap_or_default();
            let name = Path::new(file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                name,
                d["code"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["hint"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    (code, found)
}

/// The newcomer trial: a misspelt required key (`sumary`) and a dangling
/// `next` in one file, and the same id in another. All three are real, and
/// all three are reported in one run, each where it is; the misspelt key is
/// one problem (with its "did you mean"), not also "missing `summary`".
#[test]
fn a_misspelt_required_key_hides_no_other_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let amazon = std::fs::read_to_string("scenarios/amazon-refund.toml").expect("amazon");
    let a = amazon.replacen("\nsummary = ", "\nsumary = ", 1).replacen(
        "next = \"refund\"",
        "next = \"refnud\"",
        1,
    );
    let next_line = a[..a.find("\"refnud\"").expect("next")].lines().count() as u64;
    let bank = std::fs::read_to_string("scenarios/bank-callback.toml").expect("bank");
    let b = bank.replacen("id = \"bank-callback\"", "id = \"amazon-refund\"", 1);
    let (pa, pb) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
    std::fs::write(&pa, &a).expect("write");
    std::fs::write(&pb, &b).expect("write");

    let found = located_in(&[pa.clone(), pb.clone()]);
    let at = |file: &str, code: &str, line: u64, col: u64| {
        found
            .iter()
            .find(|f| f.0 == file && f.1 == code && f.2 == line && f.3 == col)
    };
    let typo = at("a.toml", "H0102", 9, 1).unwrap_or_else(|| panic!("sumary: {found:?}"));
    assert_eq!(typo.4, "did you mean `summary`?");
    let next = at("a.toml", "H0203", next_line, 8).unwrap_or_else(|| panic!("refnud: {found:?}"));
    assert_eq!(next.4, "did you mean `next = \"refund\"`?");
    assert!(
        at("b.toml", "H0206", 5, 6).is_some(),
        "duplicate id: {found:?}"
    );
    // One mistake, one diagnostic: no "missing `summary`" too, nothing else.
    assert_eq!(found.len(), 3, "{found:?}");

    // The human report says the same, and where the id was first used.
    let mut out = Vec::new();
    let code = run_check(&[pa, pb], None, Format::Human, &mut out);
    assert_eq!(code, 1);
    let human = String::from_utf8(out).expect("utf-8");
    assert!(human.contains("a.toml:9:1"), "{human}");
    assert!(human.contains(&format!("a.toml:{next_line}:8")), "{human}");
    assert!(human.contains("b.toml:5:6"), "{human}");
    assert!(human.contains("a.toml:7:6"), "first used here: {human}");
    assert!(
        human.contains("Checked 2 files: 3 errors, 0 warnings."),
        "{human}"
    );
    assert!(!human.contains("missing `summary`"), "{human}");

    // The short format: the same three, one line each.
    let mut out = Vec::new();
    run_check(
        &[dir.path().join("a.toml"), dir.path().join("b.toml")],
        None,
        Format::Short,
        &mut out,
    );
    let short = String::from_utf8(out).expect("utf-8");
    let found: Vec<&str> = short.lines().filter(|l| l.contains(": error[")).collect();
    assert_eq!(found.len(), 3, "{short}");
    for (place, code) in [
        ("a.toml:9:1".to_string(), "H0102"),
        (format!("a.toml:{next_line}:8"), "H0203"),
        ("b.toml:5:6".to_string(), "H0206"),
    ] {
        assert!(
            found
                .iter()
                .any(|l| l.contains(&format!("{place}: error[{code}]"))),
            "{place} {code}: {short}"
        );
    }
}

/// A misspelt required key of each kind (text, table, the `start` link)
/// is one diagnostic with its "did you mean", and the checks that do not
/// need that key still run: here a dangling `next`. The key left out is
/// never checked as if it were there (no "start is not a step").
#[test]
fn each_misspelt_required_key_is_one_problem_and_the_rest_still_checked() {
    let tiny = std::fs::read_to_string(TINY).expect("tiny");
    let dangling = tiny.replacen("next = \"safe-end\"", "next = \"nowhere\"", 1);
    for (key, typo) in [
        ("title", "titel"),
        ("summary", "sumary"),
        ("start", "strat"),
        ("kind", "knid"),
        ("id", "idd"),
        ("source", "sourse"),
    ] {
        let (from, to) = if key == "source" {
            ("[source]".to_string(), format!("[{typo}]"))
        } else {
            (format!("\n{key} = "), format!("\n{typo} = "))
        };
        assert!(dangling.contains(&from), "{key} in tiny.toml");
        let text = dangling.replacen(&from, &to, 1);
        let report = check_bytes("t.toml".into(), text.as_bytes(), &Catalogue::builtin());
        let codes: Vec<(&str, Option<&str>)> = report
            .diagnostics
            .iter()
            .map(|d| (d.code, d.hint.as_deref()))
            .collect();
        let hint = format!("did you mean `{key}`?");
        assert!(
            codes.contains(&("H0102", Some(hint.as_str()))),
            "{typo}: {codes:?}"
        );
        assert!(
            codes.iter().any(|c| c.0 == "H0203"
                && report
                    .diagnostics
                    .iter()
                    .any(|d| d.message.contains("\"nowhere\""))),
            "{typo}: the dangling next is still found: {codes:?}"
        );
        assert_eq!(codes.len(), 2, "{typo}: nothing else: {codes:?}");
        // The id is read unless it is the key misspelt.
        assert_eq!(report.scenario_id.is_some(), key != "id", "{typo}");
    }
}

/// Any other problem in a file (an unknown key inside `[[step.choice]]`)
/// does not hide its id from the check that ids are not used twice.
#[test]
fn an_unknown_key_in_a_choice_keeps_the_file_in_the_duplicate_id_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let tiny = std::fs::read_to_string(TINY).expect("tiny");
    let next = tiny.find("\nnext = ").expect("a choice's next");
    let odd = format!("{}\nnxet = \"x\"{}", &tiny[..next], &tiny[next..]);
    let (pa, pb) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
    std::fs::write(&pa, &tiny).expect("write");
    std::fs::write(&pb, &odd).expect("write");
    let found = located_in(&[pa.clone(), pb.clone()]);
    let codes: Vec<(&str, &str)> = found.iter().map(|f| (f.0.as_str(), f.1.as_str())).collect();
    assert!(codes.contains(&("b.toml", "H0102")), "{found:?}");
    assert!(codes.contains(&("b.toml", "H0206")), "{found:?}");
    // The other way round: the file with the unknown key first.
    let found = located_in(&[pb, pa]);
    let codes: Vec<(&str, &str)> = found.iter().map(|f| (f.0.as_str(), f.1.as_str())).collect();
    assert!(codes.contains(&("a.toml", "H0206")), "{found:?}");
}
