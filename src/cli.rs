//! The command line. Help texts are written for a volunteer setting this up,
//! not for a programmer.

use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// Practise spotting scam phone calls, safely.
///
/// Run it with no command to see the list of practice calls. Use the number
/// keys to choose. Press ? at any time for help, and q to stop.
#[derive(Debug, Parser)]
#[command(name = "hangup", version, about, long_about)]
pub struct Cli {
    /// A folder of extra scenario files to use as well as the built-in ones.
    /// A file with the same id as a built-in scenario replaces it.
    #[arg(long, global = true, value_name = "FOLDER")]
    pub scenarios: Option<PathBuf>,

    /// The language for the screens and calls: "cy" (Cymraeg) or "en-GB"
    /// (English). Without it: the kiosk's language setting, then LANGUAGE,
    /// LC_ALL, LC_MESSAGES and LANG, then English.
    #[arg(long, global = true, value_name = "LANGUAGE")]
    pub language: Option<String>,

    /// Use plain text, one line at a time (for screen readers and scripts).
    /// This is chosen by itself when the input or output is not a screen.
    #[arg(long, global = true)]
    pub plain: bool,

    /// Repeat a run exactly: the same names, amounts and order of choices.
    #[arg(long, global = true, value_name = "NUMBER")]
    pub seed: Option<u64>,

    /// Whose numbers to show.
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<Region>,

    /// Stronger contrast: the terminal's own colours, with bold and underline.
    #[arg(long, global = true)]
    pub high_contrast: bool,

    /// No colour at all (also chosen when NO_COLOR is set).
    #[arg(long, global = true)]
    pub monochrome: bool,

    /// After the screen changes, ignore keys and touches for this long, so a
    /// doubled key does not answer a question not yet seen (0 turns it off).
    #[arg(
        long,
        global = true,
        value_name = "MILLISECONDS",
        default_value_t = 400
    )]
    pub key_pause: u64,

    /// Colours for a light or dark background. Without it, hangup asks the
    /// terminal, then looks at COLORFGBG; if neither says, it uses the
    /// terminal's own colours.
    #[arg(long, global = true, value_enum, value_name = "light|dark")]
    pub theme: Option<ThemeArg>,

    /// Big letters for the caller's words and the key messages, when the
    /// window is wide enough.
    #[arg(long, global = true)]
    pub large: bool,

    /// Where hangup keeps its few files: your progress, kiosk counts and group
    /// records (default: HANGUP_DATA_DIR, or your computer's usual place for program data).
    #[arg(long, global = true, value_name = "FOLDER")]
    pub data_dir: Option<PathBuf>,

    /// Do not save any progress (nothing is written to the computer).
    #[arg(long, global = true)]
    pub no_save: bool,

    /// Read the caller's words and the choices aloud (off unless asked for).
    #[arg(long, global = true)]
    pub speak: bool,

    /// The program that speaks, with its options; the words are added at the end.
    /// For example "spd-say -r -30".
    #[arg(
        long,
        global = true,
        value_name = "COMMAND",
        default_value = crate::speech::DEFAULT_COMMAND
    )]
    pub speak_command: String,

    /// What to do; without one, the list of practice calls.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands (`hangup play`, `hangup check` and the rest).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play one practice call, by its id (see `hangup list`) or a file name.
    Play {
        /// The scenario's id, e.g. police-courier, or the path of a .toml file.
        #[arg(value_name = "ID_OR_FILE")]
        scenario: String,
    },
    /// Run a group session on a projector or big screen (for volunteers).
    Group {
        /// Put these calls in today's plan, in this order (you can change it on screen).
        #[arg(long = "scenario", value_name = "ID")]
        scenario_ids: Vec<String>,
        /// Open the volunteer's notes window: it follows the session running in
        /// another window (start either first), and its keys act on it too.
        #[arg(long)]
        notes: bool,
    },
    /// Print a call as a large-print script to read aloud in a role play.
    Script {
        /// The scenario's id, e.g. police-courier, or the path of a .toml file.
        #[arg(value_name = "ID_OR_FILE")]
        scenario: String,
    },
    /// Make a one-page, large-print take-home sheet to print.
    Handout {
        /// The calls practised (give it more than once). Without it: every call.
        #[arg(long = "scenario", value_name = "ID")]
        scenario_ids: Vec<String>,
        /// What kind of file to make.
        #[arg(long, default_value = "html", value_name = "FORMAT")]
        format: HandoutFormat,
        /// Write to this file instead of the screen. An existing file is not
        /// replaced unless --force is given.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace the --out file if it is already there.
        #[arg(long)]
        force: bool,
        /// Add what you practised on this computer and the tricks that caught
        /// you out (read from your progress file, nothing else).
        #[arg(long)]
        mine: bool,
        /// Count "practise again" from this day (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE", hide = true)]
        today: Option<String>,
    },
    /// List the practice calls, one a line, starting with each one's id.
    List {
        /// Print a JSON list (id, title, kind, source) for other programs.
        #[arg(long)]
        json: bool,
    },
    /// Run as an unattended kiosk: resets when left alone, keeps nothing about
    /// visitors. See the kiosk guide: /usr/share/doc/hangup/kiosk.md when
    /// installed from the package, docs/kiosk.md in the source.
    Kiosk(KioskArgs),
    /// Print the kiosk's anonymous counts (visits, calls finished) per day.
    Stats(StatsArgs),
    /// Check scenario files for mistakes (for people who write them).
    /// With no files, checks the built-in ones and any in --scenarios.
    Check {
        /// Scenario files or folders to check.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// How to print problems.
        #[arg(long, default_value = "human", value_name = "FORMAT")]
        format: CheckFormat,
    },
    /// Print a translation file to fill in (for translators): every text of
    /// a call, a catalogue or the quick check, with the translation so far.
    /// Use with --language, e.g. `hangup translate police-courier --language cy`.
    Translate {
        /// A call's id or file, or red-flags, advice or quick-check.
        #[arg(value_name = "ID_OR_FILE")]
        what: String,
    },
    /// Print the JSON Schema of the scenario format (for text editors).
    Schema,
    /// List every way through a call, and how often each ending is reached.
    Paths {
        /// The scenario's id, or the path of a .toml file (it may be half written).
        #[arg(value_name = "ID_OR_FILE")]
        scenario: String,
        /// text (every path, in words), or a map of the call: dot (Graphviz),
        /// svg (a picture, no Graphviz needed) or mermaid (for Markdown pages).
        #[arg(long, default_value = "text", value_name = "FORMAT",
              value_parser = ["text", "dot", "svg", "mermaid"])]
        format: String,
    },
    /// Show which calls you have practised, and when to practise again.
    Progress {
        /// Delete the saved progress.
        #[arg(long)]
        reset: bool,
    },
    /// Print tab completion for a shell (bash, zsh or fish), for packagers.
    /// For example: hangup completions bash > /etc/bash_completion.d/hangup
    Completions {
        /// Which shell.
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (troff), for packagers: hangup man > hangup.1
    /// (each command also has its own page, e.g. hangup-kiosk(1), in the package)
    Man,
}

/// Whose numbers and advice to show (`--region`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Region {
    /// England, Wales and Northern Ireland.
    Ewni,
    /// Scotland.
    Scotland,
}

impl Region {
    /// The region's id in the catalogue (`assets/catalogue`).
    pub fn id(self) -> &'static str {
        match self {
            Region::Ewni => "ewni",
            Region::Scotland => "scotland",
        }
    }
}

/// How `hangup check` prints problems (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Each problem with its line, a pointer to the place and a hint.
    Human,
    /// One line for each problem.
    Short,
    /// JSON, for text editors and automatic checks.
    Json,
}

impl From<CheckFormat> for crate::check::Format {
    fn from(f: CheckFormat) -> Self {
        match f {
            CheckFormat::Human => crate::check::Format::Human,
            CheckFormat::Short => crate::check::Format::Short,
            CheckFormat::Json => crate::check::Format::Json,
        }
    }
}

/// What kind of file `hangup handout` makes (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HandoutFormat {
    /// A web page, to print from a web browser.
    #[value(alias = "htm")]
    Html,
    /// Markdown text.
    #[value(alias = "markdown")]
    Md,
    /// Plain text.
    #[value(alias = "text")]
    Txt,
}

impl From<HandoutFormat> for crate::group::handout::Format {
    fn from(f: HandoutFormat) -> Self {
        match f {
            HandoutFormat::Html => Self::Html,
            HandoutFormat::Md => Self::Markdown,
            HandoutFormat::Txt => Self::Text,
        }
    }
}

/// Which command each option is for. The options are accepted anywhere on
/// the line (they are global), but each command's `--help` lists only those
/// it uses. An option missing from this table is listed everywhere.
const OPTION_USE: &[(&str, &[&str])] = &[
    (
        "scenarios",
        &[
            "play", "group", "script", "handout", "list", "kiosk", "check", "paths", "progress",
        ],
    ),
    (
        "language",
        &[
            "play", "group", "script", "handout", "list", "kiosk", "stats", "check", "paths",
            "progress",
        ],
    ),
    ("plain", &["play", "group"]),
    ("theme", &["play", "group", "kiosk"]),
    ("key_pause", &["play", "group", "kiosk"]),
    ("seed", &["play", "group", "script", "kiosk"]),
    ("region", &["play", "group", "script", "handout", "kiosk"]),
    ("high_contrast", &["play", "group", "kiosk"]),
    ("monochrome", &["play", "group", "kiosk"]),
    ("large", &["play", "group", "kiosk"]),
    (
        "data_dir",
        &["play", "group", "handout", "kiosk", "stats", "progress"],
    ),
    ("no_save", &["play", "handout", "progress"]),
    ("speak", &["play", "group", "kiosk"]),
    ("speak_command", &["play", "group", "kiosk"]),
];

/// The command line's definition, with each command's help trimmed to the
/// options it uses (see `OPTION_USE`). The man page and the shell
/// completions are made from this too.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    let globals: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        // A hidden copy in the command stops clap copying the visible global
        // one in; a value given there still reaches the global option.
        let hidden: Vec<clap::Arg> = globals
            .iter()
            .filter(|a| {
                OPTION_USE
                    .iter()
                    .any(|(id, used_by)| a.get_id() == id && !used_by.contains(&name.as_str()))
            })
            .map(|a| a.clone().hide(true))
            .collect();
        cmd = cmd.mut_subcommand(&name, |sub| sub.args(hidden));
    }
    cmd
}

impl Cli {
    /// Read the command line (exits with clap's message on a mistake, or
    /// after printing help or the version).
    pub fn from_env() -> Cli {
        let matches = command().get_matches();
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn hidden_options_are_still_accepted_anywhere() {
        let cli = Cli::from_arg_matches(
            &command()
                .try_get_matches_from(["hangup", "stats", "--seed", "3", "--csv"])
                .expect("parses"),
        )
        .expect("fits");
        assert_eq!(cli.seed, Some(3));
    }

    #[test]
    fn every_option_in_the_table_exists() {
        let cmd = Cli::command();
        let ids: Vec<&str> = cmd.get_arguments().map(|a| a.get_id().as_str()).collect();
        for (id, used_by) in OPTION_USE {
            assert!(ids.contains(id), "no option {id}");
            for name in *used_by {
                assert!(cmd.find_subcommand(name).is_some(), "no command {name}");
            }
        }
    }

    #[test]
    fn every_global_option_says_which_commands_use_it() {
        for a in Cli::command().get_arguments().filter(|a| a.is_global_set()) {
            assert!(
                OPTION_USE.iter().any(|(id, _)| a.get_id() == id),
                "add --{} to OPTION_USE in src/cli.rs, so each command's --help lists it only where it applies",
                a.get_id()
            );
        }
    }

    #[test]
    fn regions_match_the_catalogue() {
        let catalogue = crate::engine::Catalogue::builtin();
        let ours: Vec<&str> = Region::value_variants().iter().map(|r| r.id()).collect();
        assert_eq!(ours, catalogue.region_ids());
    }

    #[test]
    fn the_definition_is_consistent() {
        command().debug_assert();
    }
}

/// `--theme`: which background the colours are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// A light background.
    Light,
    /// A dark background.
    Dark,
}

impl ThemeArg {
    /// The theme's background.
    pub fn background(self) -> crate::tui::theme::Background {
        match self {
            ThemeArg::Light => crate::tui::theme::Background::Light,
            ThemeArg::Dark => crate::tui::theme::Background::Dark,
        }
    }
}

/// `hangup kiosk` options. Each one can also be set in the settings file;
/// the command line wins.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct KioskArgs {
    /// Seconds with no key or touch before asking "Are you still there?" (default 120).
    #[arg(long, value_name = "SECONDS")]
    pub idle_timeout: Option<u64>,
    /// Seconds that question shows, counting down, before starting again (default 30).
    #[arg(long, value_name = "SECONDS")]
    pub idle_warning: Option<u64>,
    /// The settings file (default: ~/.config/hangup/kiosk.toml, then /etc/hangup/kiosk.toml).
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
}

/// `hangup stats` options.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct StatsArgs {
    /// Print comma-separated values for a spreadsheet, instead of a table.
    #[arg(long)]
    pub csv: bool,
    /// The kiosk settings file, to find its data-dir.
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
    /// Write a one-page report with charts to this file (HTML: open it in a
    /// web browser and print it, or save it as PDF). Numbers only.
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<std::path::PathBuf>,
}

/// The manual pages, made from [`command`]: `hangup.1`, then one page per
/// visible command (`hangup-kiosk.1`, ...), as `(file name, troff text)`.
/// The package installs them (`assets/generated/man`, kept up to date by a
/// test), so every page `hangup.1` points to exists.
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    fn add(cmd: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
        let man = clap_mangen::Man::new(cmd.clone());
        let mut text = Vec::new();
        // Rendering into memory cannot fail.
        if man.render(&mut text).is_ok() {
            pages.push((man.get_filename(), text));
        }
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            add(sub.clone(), pages);
        }
    }
    let mut cmd = command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    add(cmd, &mut pages);
    pages
}

/// Tab completion for `shell` (bash, zsh, fish, ...), made from [`command`].
pub fn completion(shell: clap_complete::Shell) -> Vec<u8> {
    let mut cmd = command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "hangup", &mut out);
    out
}
