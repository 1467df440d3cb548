//! Each command takes only the options that apply to it: its `--help`, its
//! tab completion and its manual page list exactly those, and an option given
//! where it does not apply is refused with a plain message (issue 12: never
//! silently ignored; issue 17: each command's help lists only what it uses).

use std::collections::BTreeSet;

use crate::common::run_binary;

const SCREEN: &[&str] = &["theme", "high-contrast", "monochrome", "large", "key-pause"];
const VOICE: &[&str] = &["speak", "speak-command"];

/// Every command and the long options it takes (without --help and --version).
fn expected() -> Vec<(&'static str, BTreeSet<&'static str>)> {
    let practice: Vec<&str> = [
        &["scenarios", "language", "plain", "seed", "region"][..],
        SCREEN,
        &["data-dir", "no-save"],
        VOICE,
    ]
    .concat();
    let room: Vec<&str> = [
        &["scenarios", "language", "seed", "region"][..],
        SCREEN,
        &["data-dir"],
        VOICE,
    ]
    .concat();
    let set = |parts: &[&[&'static str]]| -> BTreeSet<&'static str> {
        parts.iter().flat_map(|p| p.iter().copied()).collect()
    };
    vec![
        ("", set(&[&practice])),
        ("play", set(&[&practice])),
        ("group", set(&[&room, &["scenario", "notes"]])),
        (
            "kiosk",
            set(&[&room, &["idle-timeout", "idle-warning", "config"]]),
        ),
        (
            "script",
            set(&[&["scenarios", "language", "seed", "region"]]),
        ),
        (
            "handout",
            set(&[&[
                "scenario",
                "format",
                "out",
                "today",
                "force",
                "mine",
                "scenarios",
                "language",
                "region",
                "data-dir",
                "no-save",
            ]]),
        ),
        ("list", set(&[&["json", "scenarios", "language"]])),
        (
            "stats",
            set(&[&["csv", "config", "report", "scenarios", "data-dir"]]),
        ),
        ("check", set(&[&["format", "scenarios", "language"]])),
        ("translate", set(&[&["language"]])),
        ("schema", set(&[])),
        ("paths", set(&[&["format", "scenarios", "language"]])),
        (
            "progress",
            set(&[&["reset", "scenarios", "language", "data-dir", "no-save"]]),
        ),
        ("completions", set(&[])),
        ("man", set(&[])),
    ]
}

/// The long options a `--help` text lists (an option's line starts two or
/// six spaces in; its description is indented further).
fn listed_in_help(sub: &str) -> BTreeSet<String> {
    let mut args = vec!["hangup"];
    if !sub.is_empty() {
        args.push(sub);
    }
    args.push("--help");
    let text = match hangup::cli::command().try_get_matches_from(args) {
        Err(e) => e.render().to_string(),
        Ok(_) => panic!("hangup {sub} --help printed no help"),
    };
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        if !(indent == 2 || indent == 6) || !line.trim_start().starts_with('-') {
            continue;
        }
        if let Some(at) = line.find("--") {
            let name: String = line[at + 2..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                .collect();
            if name != "help" && name != "version" {
                found.insert(name);
            }
        }
    }
    found
}

fn names(set: &BTreeSet<&str>) -> BTreeSet<String> {
    set.iter().map(|s| s.to_string()).collect()
}

#[test]
fn each_commands_help_lists_exactly_the_options_it_takes() {
    let mut wrong = Vec::new();
    for (sub, want) in expected() {
        let have = listed_in_help(sub);
        if have != names(&want) {
            wrong.push(format!("hangup {sub} --help lists {have:?}, want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// What bash completion offers after `hangup SUB --`.
fn bash_offers(sub: &str) -> BTreeSet<String> {
    let script =
        String::from_utf8(hangup::cli::completion(clap_complete::Shell::Bash)).expect("utf-8");
    let case = if sub.is_empty() {
        "        hangup)".to_string()
    } else {
        format!("        hangup__subcmd__{sub})")
    };
    let mut lines = script.lines().skip_while(|l| *l != case);
    assert!(lines.next().is_some(), "no {case:?} in the bash completion");
    let opts = lines
        .find(|l| l.trim_start().starts_with("opts=\""))
        .unwrap_or_else(|| panic!("no opts for {sub:?}"));
    opts.split(['"', ' '])
        .filter_map(|w| w.strip_prefix("--"))
        .filter(|w| *w != "help" && *w != "version")
        .map(str::to_string)
        .collect()
}

/// What fish completion offers for `hangup SUB`.
fn fish_offers(sub: &str) -> BTreeSet<String> {
    let script =
        String::from_utf8(hangup::cli::completion(clap_complete::Shell::Fish)).expect("utf-8");
    let cond = if sub.is_empty() {
        "-n \"__fish_hangup_needs_command\"".to_string()
    } else {
        format!("-n \"__fish_hangup_using_subcommand {sub}\"")
    };
    script
        .lines()
        .filter(|l| l.contains(&format!("{cond} ")))
        .filter_map(|l| l.split(" -l ").nth(1))
        .filter_map(|rest| rest.split_whitespace().next())
        .filter(|w| *w != "help" && *w != "version")
        .map(str::to_string)
        .collect()
}

#[test]
fn tab_completion_offers_exactly_what_help_lists() {
    let mut wrong = Vec::new();
    for (sub, want) in expected() {
        let want = names(&want);
        let bash = bash_offers(sub);
        if bash != want {
            wrong.push(format!(
                "bash: hangup {sub} -- offers {bash:?}, want {want:?}"
            ));
        }
        let fish = fish_offers(sub);
        if fish != want {
            wrong.push(format!(
                "fish: hangup {sub} -- offers {fish:?}, want {want:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn completion_for_completions_offers_the_shells_help_names() {
    let script =
        String::from_utf8(hangup::cli::completion(clap_complete::Shell::Bash)).expect("utf-8");
    let mut lines = script
        .lines()
        .skip_while(|l| *l != "        hangup__subcmd__completions)");
    assert!(lines.next().is_some());
    let opts = lines
        .find(|l| l.trim_start().starts_with("opts=\""))
        .expect("opts");
    let shells: BTreeSet<&str> = opts
        .split(['"', ' '])
        .filter(|w| !w.is_empty() && !w.starts_with('-') && !w.contains('='))
        .collect();
    assert_eq!(shells, BTreeSet::from(["bash", "fish", "zsh"]), "{opts}");
}

#[test]
fn each_manual_page_names_only_its_commands_options() {
    for (sub, want) in expected() {
        let file = if sub.is_empty() {
            "hangup.1".to_string()
        } else {
            format!("hangup-{sub}.1")
        };
        let pages = hangup::cli::man_pages();
        let Some((_, text)) = pages.iter().find(|(n, _)| *n == file) else {
            // `man` and `completions` are for packagers; they have pages too.
            panic!("no page {file}");
        };
        let text = String::from_utf8_lossy(text).replace("\\-", "-");
        let synopsis: String = text
            .split(".SH SYNOPSIS")
            .nth(1)
            .and_then(|s| s.split(".SH").next())
            .unwrap_or_default()
            .to_string();
        let have: BTreeSet<String> = synopsis
            .split("--")
            .skip(1)
            .map(|w| {
                w.chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                    .collect::<String>()
            })
            .filter(|w| w != "help" && w != "version")
            .collect();
        assert_eq!(have, names(&want), "{file} SYNOPSIS");
    }
}

/// Each option the help lists is accepted there (a value where it takes one).
#[test]
fn every_listed_option_is_accepted_where_it_is_listed() {
    fn value(option: &str) -> Option<&'static str> {
        Some(match option {
            "scenarios" | "data-dir" => ".",
            "language" => "en-GB",
            "seed" | "idle-timeout" | "idle-warning" => "3",
            "region" => "scotland",
            "theme" => "dark",
            "key-pause" => "0",
            "speak-command" => "true",
            "scenario" => "police-courier",
            "config" | "out" | "report" => "some-file",
            "today" => "2026-11-30",
            "format" => return None, // each command has its own formats
            _ => return None,
        })
    }
    let format = |sub: &str| match sub {
        "handout" => "txt",
        "check" => "short",
        _ => "text",
    };
    let positional = |sub: &str| -> Vec<&'static str> {
        match sub {
            "play" | "script" | "paths" | "translate" => vec!["police-courier"],
            "completions" => vec!["bash"],
            _ => vec![],
        }
    };
    let mut wrong = Vec::new();
    for (sub, want) in expected() {
        for option in want {
            let mut args = vec!["hangup".to_string()];
            if !sub.is_empty() {
                args.push(sub.to_string());
            }
            args.extend(positional(sub).into_iter().map(String::from));
            args.push(format!("--{option}"));
            if option == "format" {
                args.push(format(sub).into());
            } else if let Some(v) = value(option) {
                args.push(v.into());
            }
            if let Err(e) = hangup::cli::command().try_get_matches_from(&args) {
                wrong.push(format!("{args:?}: {}", e.render()));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The real binary refuses an option where it does not apply, in a plain
/// line that names it, and exits 2 before doing anything.
#[test]
fn an_option_where_it_does_not_apply_is_refused() {
    let data = tempfile::tempdir().expect("temp dir");
    let d = data.path().to_str().expect("utf-8 path");
    for (option, args) in [
        ("--speak", vec!["stats", "--data-dir", d, "--speak"]),
        ("--seed", vec!["stats", "--data-dir", d, "--seed", "1"]),
        ("--seed", vec!["--seed", "1", "stats", "--data-dir", d]),
        (
            "--language",
            vec!["stats", "--data-dir", d, "--language", "cy"],
        ),
        ("--plain", vec!["kiosk", "--plain"]),
        ("--plain", vec!["group", "--plain"]),
        ("--plain", vec!["--plain", "group"]),
        ("--speak", vec!["list", "--speak"]),
        ("--no-save", vec!["check", "--no-save"]),
        ("--large", vec!["--large", "schema"]),
    ] {
        let (out, err, code) = run_binary(&args, &[], "");
        assert_eq!(code, 2, "{args:?} ran: {out}{err}");
        assert!(
            err.contains(&format!("'{option}'")),
            "{args:?}: the message does not name {option}: {err}"
        );
        assert!(out.is_empty(), "{args:?} printed {out}");
    }
}

/// Options before the command still work where they apply, as before.
#[test]
fn options_before_the_command_still_work_where_they_apply() {
    let (out, err, code) = run_binary(&["--scenarios", ".", "list"], &[], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("police-courier"), "{out}");
    let (out, err, code) = run_binary(
        &["--seed", "1", "play", "police-courier", "--plain"],
        &[],
        "1\n1\n1\n1\n1\n1\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Screen: The call has ended."), "{out}");
}

/// `hangup stats` is in English only (its --help no longer offers
/// --language): with a Welsh LANG the table and the report are all English,
/// not half Welsh ("On 1 Rhagfyr 2026. Numbers only: ...").
#[test]
fn stats_and_its_report_are_english_whatever_the_setting() {
    let data = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        data.path().join("counters.toml"),
        "[kiosk.2026-12-01]\nvisits = 3\n",
    )
    .expect("write counts");
    let d = data.path().to_str().expect("utf-8 path");
    let report = data.path().join("report.html");
    let r = report.to_str().expect("utf-8 path");
    let welsh = std::ffi::OsStr::new("cy_GB.UTF-8");
    let env = [("LANG", welsh), ("LANGUAGE", welsh), ("LC_ALL", welsh)];
    let (out, err, code) = run_binary(&["stats", "--data-dir", d], &env, "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Visits"), "{out}");
    let (_, err, code) = run_binary(&["stats", "--data-dir", d, "--report", r], &env, "");
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(&report).expect("the report");
    assert!(page.contains("1 December 2026"), "{page}");
    for welsh_word in ["Rhagfyr", "Ymweliadau", "Galwadau"] {
        assert!(
            !page.contains(welsh_word),
            "Welsh in the report: {welsh_word}"
        );
    }
}

/// `--language` completes to the languages a visitor may choose (it offered
/// file names), wherever it is taken, in bash and fish; any spelling the
/// program understands is still accepted, and a wrong one gets the plain
/// message, not clap's.
#[test]
fn language_completes_to_the_languages() {
    let bash =
        String::from_utf8(hangup::cli::completion(clap_complete::Shell::Bash)).expect("utf-8");
    let mut lines = bash.lines();
    let mut seen = 0;
    while let Some(l) = lines.next() {
        if l.trim() == "--language)" {
            seen += 1;
            let next = lines.next().unwrap_or("");
            assert!(
                next.contains("compgen -W \"en-GB cy\""),
                "--language completes with {next:?}"
            );
        }
    }
    assert!(seen >= 5, "--language is completed in only {seen} places");
    let fish =
        String::from_utf8(hangup::cli::completion(clap_complete::Shell::Fish)).expect("utf-8");
    assert!(
        fish.lines()
            .filter(|l| l.contains("-l language"))
            .all(|l| l.contains("en-GB") && l.contains("cy")),
        "fish does not offer the languages"
    );

    let run = |lang: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_hangup"))
            .args(["--language", lang, "list"])
            .env(
                "HANGUP_DATA_DIR",
                std::env::temp_dir().join("hangup-no-data"),
            )
            .output()
            .expect("runs")
    };
    let welsh = run("cy_GB.UTF-8");
    assert!(welsh.status.success());
    assert!(String::from_utf8_lossy(&welsh.stdout).contains("Galwad gan Amazon"));
    let wrong = run("xx");
    let said = String::from_utf8_lossy(&wrong.stderr);
    assert!(said.contains("there is no language called"), "{said}");
    assert!(!said.contains("invalid value"), "{said}");
}
