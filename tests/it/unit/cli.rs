//! Unit tests of `hangup::cli` (were in src/cli.rs).

use clap::ValueEnum;
use hangup::cli::*;
use std::path::PathBuf;

fn help(args: &[&str]) -> String {
    match command().try_get_matches_from(args) {
        Err(e) => e.render().to_string(),
        Ok(_) => String::from("(no help printed)"),
    }
}

#[test]
fn stats_help_lists_only_what_stats_uses() {
    let text = help(&["hangup", "stats", "--help"]);
    assert!(text.contains("--csv"), "{text}");
    assert!(text.contains("--data-dir"), "{text}");
    for other in [
        "--seed",
        "--large",
        "--speak-command",
        "--speak",
        "--plain",
        "--region",
    ] {
        assert!(!text.contains(other), "stats --help lists {other}:\n{text}");
    }
}

#[test]
fn play_help_lists_the_practice_options() {
    let text = help(&["hangup", "play", "--help"]);
    for o in [
        "--seed",
        "--large",
        "--speak-command",
        "--plain",
        "--region",
        "--no-save",
    ] {
        assert!(text.contains(o), "play --help lacks {o}:\n{text}");
    }
}

/// The settings a command line comes to, without the command.
fn settings(args: &[&str]) -> String {
    let mut cli = Cli::try_parse_from(args).unwrap_or_else(|e| panic!("{args:?}: {e}"));
    cli.command = None;
    format!("{cli:?}")
}

/// For every command, every shared option it lists changes the settings
/// it runs with: none is accepted and then dropped.
#[test]
fn every_option_a_command_takes_reaches_its_settings() {
    let shared = [
        ("scenarios", "some-folder"),
        ("language", "cy"),
        ("plain", ""),
        ("seed", "3"),
        ("region", "scotland"),
        ("high-contrast", ""),
        ("monochrome", ""),
        ("key-pause", "0"),
        ("theme", "dark"),
        ("large", ""),
        ("data-dir", "some-folder"),
        ("no-save", ""),
        ("speak", ""),
        ("speak-command", "spd-say"),
    ];
    let cmd = command();
    let mut commands: Vec<(&str, &clap::Command)> = vec![("", &cmd)];
    commands.extend(cmd.get_subcommands().map(|c| (c.get_name(), c)));
    let mut checked = 0;
    for (name, sub) in commands {
        let mut base = vec!["hangup"];
        if !name.is_empty() {
            base.push(name);
        }
        // The command's own required words (a call's id, a shell).
        if sub.get_arguments().any(|a| a.is_required_set()) {
            base.push(if name == "completions" { "bash" } else { "x" });
        }
        let plain = settings(&base);
        for arg in sub.get_arguments() {
            let Some(long) = arg.get_long() else { continue };
            let Some((_, value)) = shared.iter().find(|(o, _)| *o == long) else {
                continue;
            };
            let mut args = base.clone();
            let flag = format!("--{long}");
            args.push(&flag);
            if !value.is_empty() {
                args.push(value);
            }
            assert_ne!(settings(&args), plain, "{args:?} changes nothing");
            checked += 1;
        }
    }
    assert!(checked >= 60, "only {checked} options checked");
}

#[test]
fn options_before_the_command_count_where_the_command_takes_them() {
    let cli = Cli::try_parse_from(["hangup", "--seed", "3", "play", "x"]).expect("parses");
    assert_eq!(cli.seed, Some(3));
    let cli =
        Cli::try_parse_from(["hangup", "--seed", "3", "play", "x", "--seed", "4"]).expect("parses");
    assert_eq!(cli.seed, Some(4), "the later one wins");
    let cli =
        Cli::try_parse_from(["hangup", "--data-dir", "d", "group", "--large"]).expect("parses");
    assert_eq!(cli.data_dir, Some(PathBuf::from("d")));
    assert!(cli.large);
    let e = Cli::try_parse_from(["hangup", "--seed", "3", "stats"]).expect_err("refused");
    let text = e.render().to_string();
    assert!(
        text.contains("'--seed' does not apply to 'hangup stats'"),
        "{text}"
    );
    assert_eq!(e.exit_code(), 2);
}

#[test]
fn defaults_stay_when_not_given() {
    let cli = Cli::try_parse_from(["hangup", "stats"]).expect("parses");
    assert_eq!(cli.key_pause, DEFAULT_KEY_PAUSE);
    assert_eq!(cli.speak_command, hangup::speech::DEFAULT_COMMAND);
    // The help names the default speech command.
    let text = help(&["hangup", "play", "--help"]);
    assert!(
        text.contains(hangup::speech::DEFAULT_COMMAND),
        "play --help does not name the default speech command:\n{text}"
    );
}

#[test]
fn no_option_is_global() {
    let cmd = command();
    let mut all: Vec<&clap::Arg> = cmd.get_arguments().collect();
    for sub in cmd.get_subcommands() {
        all.extend(sub.get_arguments());
    }
    for a in all {
        assert!(
            !a.is_global_set(),
            "--{} is global: give it to the commands it applies to (src/cli.rs)",
            a.get_id()
        );
    }
}

#[test]
fn regions_match_the_catalogue() {
    let catalogue = hangup::engine::Catalogue::builtin();
    let ours: Vec<&str> = Region::value_variants().iter().map(|r| r.id()).collect();
    assert_eq!(ours, catalogue.region_ids());
}

#[test]
fn the_definition_is_consistent() {
    command().debug_assert();
}
