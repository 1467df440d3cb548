//! The command line. Help texts are written for a volunteer setting this up,
//! not for a programmer.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

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

    /// Whose numbers to show: "ewni" (England, Wales and Northern Ireland) or "scotland".
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,

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

    #[command(subcommand)]
    pub command: Option<Command>,
}

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
        /// html (to print from a web browser), md or txt.
        #[arg(long, default_value = "html", value_name = "FORMAT")]
        format: String,
        /// Write to this file instead of the screen.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
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
    /// visitors. See docs/kiosk.md.
    Kiosk(crate::kiosk::KioskArgs),
    /// Print the kiosk's anonymous counts (visits, calls finished) per day.
    Stats(crate::kiosk::StatsArgs),
    /// Check scenario files for mistakes (for people who write them).
    /// With no files, checks the built-in ones and any in --scenarios.
    Check {
        /// Scenario files or folders to check.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// How to print problems: human (with the line and a caret), short
        /// (one line each) or json (for editors and CI).
        #[arg(long, default_value = "human", value_name = "FORMAT",
              value_parser = ["human", "short", "json"])]
        format: String,
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
}

/// `--theme`: which background the colours are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

impl ThemeArg {
    pub fn background(self) -> crate::tui::theme::Background {
        match self {
            ThemeArg::Light => crate::tui::theme::Background::Light,
            ThemeArg::Dark => crate::tui::theme::Background::Dark,
        }
    }
}
