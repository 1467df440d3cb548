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
struct Line {
    /// The options for practice (no command).
    #[command(flatten)]
    options: PracticeOptions,

    /// What to do; without one, the list of practice calls.
    #[command(subcommand)]
    command: Option<Command>,
}

/// The command line, read: every setting with its value, and the command.
///
/// Each command takes only the options that apply to it (its `--help`,
/// tab completion and manual page list exactly those); an option given
/// where it does not apply is refused by clap with a plain message.
/// Options given before the command (`hangup --scenarios DIR list`) count
/// too, where the command takes them. A setting a command does not take
/// keeps its default here.
#[derive(Debug, Clone)]
pub struct Cli {
    /// `--scenarios`: a folder of extra scenario files.
    pub scenarios: Option<PathBuf>,
    /// `--language`: "cy" or "en-GB", as given.
    pub language: Option<String>,
    /// `--plain`: plain text, one line at a time.
    pub plain: bool,
    /// `--seed`: repeat a run exactly.
    pub seed: Option<u64>,
    /// `--region`: whose numbers to show.
    pub region: Option<Region>,
    /// `--high-contrast`.
    pub high_contrast: bool,
    /// `--monochrome`.
    pub monochrome: bool,
    /// `--key-pause`, in milliseconds (default 400).
    pub key_pause: u64,
    /// `--theme`.
    pub theme: Option<ThemeArg>,
    /// `--large`.
    pub large: bool,
    /// `--data-dir`.
    pub data_dir: Option<PathBuf>,
    /// `--no-save`.
    pub no_save: bool,
    /// `--speak`.
    pub speak: bool,
    /// `--speak-command` (default [`crate::speech::DEFAULT_COMMAND`]).
    pub speak_command: String,
    /// What to do; `None` is practice (the list of calls).
    pub command: Option<Command>,
}

impl Default for Cli {
    fn default() -> Self {
        Cli {
            scenarios: None,
            language: None,
            plain: false,
            seed: None,
            region: None,
            high_contrast: false,
            monochrome: false,
            key_pause: DEFAULT_KEY_PAUSE,
            theme: None,
            large: false,
            data_dir: None,
            no_save: false,
            speak: false,
            speak_command: crate::speech::DEFAULT_COMMAND.to_string(),
            command: None,
        }
    }
}

/// `--key-pause` when not given, in milliseconds.
pub const DEFAULT_KEY_PAUSE: u64 = 400;

/// A group of options, put into [`Cli`] (a later value wins; a switch given
/// anywhere is on).
trait Apply {
    fn apply(&self, cli: &mut Cli);
}

/// `--scenarios`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ScenariosOption {
    /// A folder of extra scenario files to use as well as the built-in ones.
    /// A file with the same id as a built-in scenario replaces it.
    #[arg(long, value_name = "FOLDER")]
    pub scenarios: Option<PathBuf>,
}

impl Apply for ScenariosOption {
    fn apply(&self, cli: &mut Cli) {
        if let Some(v) = &self.scenarios {
            cli.scenarios = Some(v.clone());
        }
    }
}

/// `--language`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LanguageOption {
    /// The language for the screens and calls: "cy" (Cymraeg) or "en-GB"
    /// (English). Without it: the kiosk's language setting, then LANGUAGE,
    /// LC_ALL, LC_MESSAGES and LANG, then English.
    #[arg(long, value_name = "LANGUAGE", value_parser = LanguageValues, hide_possible_values = true)]
    pub language: Option<String>,
}

/// `--language`'s values, for tab completion: "cy" and "en-GB". Every
/// spelling [`crate::i18n::Language::parse`] takes ("cy_GB.UTF-8", "en")
/// is still accepted here, and a wrong one gets its plain message where the
/// language is chosen, not clap's.
#[derive(Debug, Clone, Copy)]
struct LanguageValues;

impl clap::builder::TypedValueParser for LanguageValues {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            crate::i18n::Language::REAL
                .iter()
                .map(|l| clap::builder::PossibleValue::new(l.code())),
        ))
    }
}

impl Apply for LanguageOption {
    fn apply(&self, cli: &mut Cli) {
        if let Some(v) = &self.language {
            cli.language = Some(v.clone());
        }
    }
}

/// `--seed`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SeedOption {
    /// Repeat a run exactly: the same names, amounts and order of choices.
    #[arg(long, value_name = "NUMBER")]
    pub seed: Option<u64>,
}

impl Apply for SeedOption {
    fn apply(&self, cli: &mut Cli) {
        if let Some(v) = self.seed {
            cli.seed = Some(v);
        }
    }
}

/// `--region`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RegionOption {
    /// Whose numbers to show.
    #[arg(long, value_name = "REGION")]
    pub region: Option<Region>,
}

impl Apply for RegionOption {
    fn apply(&self, cli: &mut Cli) {
        if let Some(v) = self.region {
            cli.region = Some(v);
        }
    }
}

/// `--data-dir`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DataDirOption {
    /// Where hangup keeps its few files: your progress, kiosk counts and group
    /// records (default: HANGUP_DATA_DIR, or your computer's usual place for program data).
    #[arg(long, value_name = "FOLDER")]
    pub data_dir: Option<PathBuf>,
}

impl Apply for DataDirOption {
    fn apply(&self, cli: &mut Cli) {
        if let Some(v) = &self.data_dir {
            cli.data_dir = Some(v.clone());
        }
    }
}

/// `--no-save`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct NoSaveOption {
    /// Do not save any progress (nothing is written to the computer).
    #[arg(long)]
    pub no_save: bool,
}

impl Apply for NoSaveOption {
    fn apply(&self, cli: &mut Cli) {
        cli.no_save |= self.no_save;
    }
}

/// How the full screen looks and takes keys: `--theme`, `--high-contrast`,
/// `--monochrome`, `--large`, `--key-pause`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ScreenOptions {
    /// Stronger contrast: the terminal's own colours, with bold and underline.
    #[arg(long)]
    pub high_contrast: bool,

    /// No colour at all (also chosen when NO_COLOR is set).
    #[arg(long)]
    pub monochrome: bool,

    /// After the screen changes, ignore keys and touches for this long, so a
    /// doubled key does not answer a question not yet seen (default 400; 0
    /// turns it off).
    #[arg(long, value_name = "MILLISECONDS")]
    pub key_pause: Option<u64>,

    /// Colours for a light or dark background. Without it, hangup asks the
    /// terminal, then looks at COLORFGBG; if neither says, it uses the
    /// terminal's own colours.
    #[arg(long, value_enum, value_name = "light|dark")]
    pub theme: Option<ThemeArg>,

    /// Big letters for the caller's words and the key messages, when the
    /// window is wide enough.
    #[arg(long)]
    pub large: bool,
}

impl Apply for ScreenOptions {
    fn apply(&self, cli: &mut Cli) {
        cli.high_contrast |= self.high_contrast;
        cli.monochrome |= self.monochrome;
        cli.large |= self.large;
        if let Some(v) = self.key_pause {
            cli.key_pause = v;
        }
        if let Some(v) = self.theme {
            cli.theme = Some(v);
        }
    }
}

/// Speech: `--speak` and `--speak-command`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SpeechOptions {
    /// Read every screen aloud: the caller's words, the choices, the
    /// feedback, the ending with its advice and numbers, the list and the
    /// help card (off unless asked for).
    #[arg(long)]
    pub speak: bool,

    /// The program that speaks, with its options; the words are added at the
    /// end. For example "spd-say -r -30" (default: espeak-ng -v en-gb -s 130;
    /// in Welsh, -v cy).
    #[arg(long, value_name = "COMMAND")]
    pub speak_command: Option<String>,
}

impl Apply for SpeechOptions {
    fn apply(&self, cli: &mut Cli) {
        cli.speak |= self.speak;
        if let Some(v) = &self.speak_command {
            cli.speak_command = v.clone();
        }
    }
}

/// Practice (`hangup` with no command, and `hangup play`): every setting.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PracticeOptions {
    #[command(flatten)]
    scenarios: ScenariosOption,
    #[command(flatten)]
    language: LanguageOption,
    /// Use plain text, one line at a time (for screen readers and scripts).
    /// This is chosen by itself when the input or output is not a screen.
    #[arg(long)]
    plain: bool,
    #[command(flatten)]
    seed: SeedOption,
    #[command(flatten)]
    region: RegionOption,
    #[command(flatten)]
    screen: ScreenOptions,
    #[command(flatten)]
    data_dir: DataDirOption,
    #[command(flatten)]
    no_save: NoSaveOption,
    #[command(flatten)]
    speech: SpeechOptions,
}

impl Apply for PracticeOptions {
    fn apply(&self, cli: &mut Cli) {
        self.scenarios.apply(cli);
        self.language.apply(cli);
        cli.plain |= self.plain;
        self.seed.apply(cli);
        self.region.apply(cli);
        self.screen.apply(cli);
        self.data_dir.apply(cli);
        self.no_save.apply(cli);
        self.speech.apply(cli);
    }
}

/// A full screen for a room or a visitor (`hangup group`, `hangup kiosk`):
/// as practice, without plain mode (they need a full screen) and without
/// `--no-save` (they keep no progress).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RoomOptions {
    #[command(flatten)]
    scenarios: ScenariosOption,
    #[command(flatten)]
    language: LanguageOption,
    #[command(flatten)]
    seed: SeedOption,
    #[command(flatten)]
    region: RegionOption,
    #[command(flatten)]
    screen: ScreenOptions,
    #[command(flatten)]
    data_dir: DataDirOption,
    #[command(flatten)]
    speech: SpeechOptions,
}

impl Apply for RoomOptions {
    fn apply(&self, cli: &mut Cli) {
        self.scenarios.apply(cli);
        self.language.apply(cli);
        self.seed.apply(cli);
        self.region.apply(cli);
        self.screen.apply(cli);
        self.data_dir.apply(cli);
        self.speech.apply(cli);
    }
}

/// Which calls, in which language (`list`, `check`, `paths`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CallsOptions {
    #[command(flatten)]
    scenarios: ScenariosOption,
    #[command(flatten)]
    language: LanguageOption,
}

impl Apply for CallsOptions {
    fn apply(&self, cli: &mut Cli) {
        self.scenarios.apply(cli);
        self.language.apply(cli);
    }
}

/// The commands (`hangup play`, `hangup check` and the rest).
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Play one practice call, by its id (see `hangup list`) or a file name.
    Play {
        /// The scenario's id, e.g. police-courier, or the path of a .toml file.
        #[arg(value_name = "ID_OR_FILE")]
        scenario: String,
        /// The options for practice.
        #[command(flatten)]
        options: PracticeOptions,
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
        /// The options for a full screen.
        #[command(flatten)]
        options: RoomOptions,
    },
    /// Print a call as a large-print script to read aloud in a role play.
    Script {
        /// The scenario's id, e.g. police-courier, or the path of a .toml file.
        #[arg(value_name = "ID_OR_FILE")]
        scenario: String,
        /// Which calls, in which language.
        #[command(flatten)]
        calls: CallsOptions,
        /// The names and amounts.
        #[command(flatten)]
        seed: SeedOption,
        /// Whose numbers.
        #[command(flatten)]
        region: RegionOption,
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
        /// With --mine: count "practise again" from this day (YYYY-MM-DD)
        /// instead of today, e.g. the day of the session.
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
        /// Which calls, in which language.
        #[command(flatten)]
        calls: CallsOptions,
        /// Whose numbers.
        #[command(flatten)]
        region: RegionOption,
        /// Where the progress file is (for --mine).
        #[command(flatten)]
        data_dir: DataDirOption,
        /// Read no progress (for --mine).
        #[command(flatten)]
        no_save: NoSaveOption,
    },
    /// List the practice calls, one a line, starting with each one's id.
    List {
        /// Print a JSON list (id, title, kind, source) for other programs.
        #[arg(long)]
        json: bool,
        /// Which calls, in which language.
        #[command(flatten)]
        calls: CallsOptions,
    },
    /// Run as an unattended kiosk: resets when left alone, keeps nothing about
    /// visitors. See the kiosk guide: /usr/share/doc/hangup/docs/kiosk.md when
    /// installed from the package, docs/kiosk.md in the source.
    Kiosk(KioskArgs),
    /// Print the kiosk's anonymous counts (visits, calls finished) per day,
    /// and the group sessions' totals (in English).
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
        /// Which calls, in which language.
        #[command(flatten)]
        calls: CallsOptions,
    },
    /// Print a translation file to fill in (for translators): every text of
    /// a call, a catalogue or the quick check, with the translation so far.
    /// Use with --language, e.g. `hangup translate police-courier --language cy`.
    Translate {
        /// A call's id or file, or red-flags, advice or quick-check.
        #[arg(value_name = "ID_OR_FILE")]
        what: String,
        /// The language to translate into.
        #[command(flatten)]
        language: LanguageOption,
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
        /// Which calls, in which language.
        #[command(flatten)]
        calls: CallsOptions,
    },
    /// Show which calls you have practised, and when to practise again.
    Progress {
        /// Delete the saved progress.
        #[arg(long)]
        reset: bool,
        /// Which calls, in which language.
        #[command(flatten)]
        calls: CallsOptions,
        /// Where the progress file is.
        #[command(flatten)]
        data_dir: DataDirOption,
        /// Read no progress file.
        #[command(flatten)]
        no_save: NoSaveOption,
    },
    /// Print tab completion for a shell (bash, zsh or fish), for packagers.
    /// For example: hangup completions bash > /etc/bash_completion.d/hangup
    Completions {
        /// Which shell.
        #[arg(value_name = "SHELL")]
        shell: CompletionShell,
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

impl Command {
    /// The option groups this command takes.
    fn options(&self) -> Vec<&dyn Apply> {
        match self {
            Command::Play { options, .. } => vec![options],
            Command::Group { options, .. } => vec![options],
            Command::Kiosk(args) => vec![&args.options],
            Command::Script {
                calls,
                seed,
                region,
                ..
            } => vec![calls, seed, region],
            Command::Handout {
                calls,
                region,
                data_dir,
                no_save,
                ..
            } => vec![calls, region, data_dir, no_save],
            Command::List { calls, .. }
            | Command::Check { calls, .. }
            | Command::Paths { calls, .. } => vec![calls],
            Command::Stats(args) => vec![&args.scenarios, &args.data_dir],
            Command::Translate { language, .. } => vec![language],
            Command::Progress {
                calls,
                data_dir,
                no_save,
                ..
            } => vec![calls, data_dir, no_save],
            Command::Schema | Command::Completions { .. } | Command::Man => vec![],
        }
    }
}

/// The shells `hangup completions` writes for (`clap_complete` knows more,
/// but these are the ones the package installs and the help names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompletionShell {
    /// GNU bash.
    Bash,
    /// Z shell.
    Zsh,
    /// fish.
    Fish,
}

impl From<CompletionShell> for clap_complete::Shell {
    fn from(s: CompletionShell) -> Self {
        match s {
            CompletionShell::Bash => Self::Bash,
            CompletionShell::Zsh => Self::Zsh,
            CompletionShell::Fish => Self::Fish,
        }
    }
}

/// The command line's definition. The man pages and the shell completions
/// are made from it too, so help, completion and manual always agree.
pub fn command() -> clap::Command {
    Line::command()
}

impl Cli {
    /// Read the command line (exits with clap's message on a mistake, or
    /// after printing help or the version).
    pub fn from_env() -> Cli {
        Cli::try_parse_from(std::env::args_os()).unwrap_or_else(|e| e.exit())
    }

    /// Read a command line (the first item is the program's name). A
    /// mistake, `--help` and `--version` come back as clap's error.
    pub fn try_parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let mut cmd = command();
        let matches = cmd.try_get_matches_from_mut(args)?;
        // An option before the command counts only if the command takes it:
        // `hangup --seed 1 stats` is refused as `hangup stats --seed 1` is.
        if let Some((name, _)) = matches.subcommand() {
            let given: Vec<String> = cmd
                .get_arguments()
                .filter(|a| {
                    matches.value_source(a.get_id().as_str())
                        == Some(clap::parser::ValueSource::CommandLine)
                })
                .filter(|a| {
                    cmd.find_subcommand(name)
                        .is_some_and(|sub| !sub.get_arguments().any(|b| b.get_id() == a.get_id()))
                })
                .filter_map(|a| a.get_long().map(str::to_string))
                .collect();
            if let Some(long) = given.first() {
                let message = format!(
                    "'--{long}' does not apply to 'hangup {name}' (see 'hangup {name} --help')"
                );
                return Err(cmd.error(clap::error::ErrorKind::ArgumentConflict, message));
            }
        }
        let line = Line::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))?;
        let mut cli = Cli::default();
        line.options.apply(&mut cli);
        if let Some(c) = &line.command {
            for group in c.options() {
                group.apply(&mut cli);
            }
        }
        cli.command = line.command;
        Ok(cli)
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
    /// The options for a full screen.
    #[command(flatten)]
    pub options: RoomOptions,
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
    /// Extra scenario files, so the report can name calls from them.
    #[command(flatten)]
    pub scenarios: ScenariosOption,
    /// Where the counts are.
    #[command(flatten)]
    pub data_dir: DataDirOption,
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
