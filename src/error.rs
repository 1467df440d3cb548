//! The crate's one error type, [`Error`]: what went wrong, in plain words a
//! volunteer can act on.
//!
//! Every message is one or two short sentences with no Rust or system jargon
//! (an operating-system error becomes words such as "permission was
//! refused", see [`plain_io`]). Every file name and every word that came from
//! the user is made safe for the terminal ([`crate::sanitize`]) before it is
//! shown. `main` prints an error as `hangup: MESSAGE` on stderr.
//!
//! A checker finding in a scenario (`file:line:col` with a code) is not an
//! [`Error`]: those are [`crate::engine::validate::Diagnostic`]s.

use std::borrow::Cow;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::sanitize;

/// A `Result` whose error is hangup's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Which file a message is about, named the way a volunteer would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Any file (e.g. one named on the command line).
    File,
    /// The anonymous counts, `counters.toml` in the data folder.
    Counts,
    /// The kiosk's settings file (`--config`, or `kiosk.toml`).
    Settings,
    /// The group-session records, `group-sessions.csv` in the data folder.
    GroupRecords,
    /// A scenario (a practice call written in TOML).
    Scenario,
    /// A folder's own catalogue (`red-flags.toml` or `advice.toml`).
    Catalogue,
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::File => "the file",
            FileKind::Counts => "the counts file",
            FileKind::Settings => "the settings file",
            FileKind::GroupRecords => "the group records file",
            FileKind::Scenario => "the scenario file",
            FileKind::Catalogue => "the catalogue file",
        })
    }
}

/// What a data folder was needed for, when none was given or found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFor {
    /// `hangup stats` reads the counts from it.
    Counts,
    /// `hangup progress` and `hangup handout --mine` read the learner's progress from it.
    Progress,
    /// `hangup group --notes` meets the room view through it.
    Notes,
}

/// Everything that can stop a hangup command, with what a volunteer needs
/// to put it right: the file (path), the line, and the cause.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    // ------------------------------------------------------------ files
    /// A file could not be read: missing, not allowed, a folder, and so on.
    #[error("{what} {} could not be read ({})", shown(.path), plain_io(.source))]
    Read {
        /// Which kind of file.
        what: FileKind,
        /// The file.
        path: PathBuf,
        /// The operating system's reason (shown in plain words).
        #[source]
        source: io::Error,
    },
    /// A file is not text (it is a picture, a program, or in an old encoding).
    #[error("{what} {} is not plain UTF-8 text", shown(.path))]
    NotText {
        /// Which kind of file.
        what: FileKind,
        /// The file.
        path: PathBuf,
    },
    /// A file is bigger than hangup reads.
    #[error("{what} {} is bigger than {} KiB, the most hangup reads", shown(.path), .limit / 1024)]
    TooBig {
        /// Which kind of file.
        what: FileKind,
        /// The file.
        path: PathBuf,
        /// The most hangup reads, in bytes.
        limit: u64,
    },
    /// A file was read but what is in it makes no sense (e.g. not TOML).
    #[error("{what} {} is damaged ({})", shown(.path), sanitize::line(.why))]
    Damaged {
        /// Which kind of file.
        what: FileKind,
        /// The file.
        path: PathBuf,
        /// What is wrong, on one line.
        why: String,
    },
    /// A file could not be written (a full disk, no permission...).
    #[error("could not write \"{}\" ({})", shown(.path), plain_write(.source))]
    Write {
        /// The file.
        path: PathBuf,
        /// The operating system's reason (shown in plain words).
        #[source]
        source: io::Error,
    },
    /// A file to write is there already and `--force` was not given.
    #[error(
        "\"{}\" is already there, so it was not replaced. To replace it, add --force.",
        shown(.path)
    )]
    AlreadyThere {
        /// The file.
        path: PathBuf,
    },
    /// Writing to the screen or to where the output goes failed.
    #[error("the words could not be written out ({})", plain_io(.0))]
    Output(#[from] io::Error),
    /// The full-screen display could not be started or kept going.
    #[error("the screen could not be used ({})", plain_io(.0))]
    Screen(#[source] io::Error),
    /// The learner's saved progress could not be deleted.
    #[error("your progress could not be deleted ({}). The file is {}.", plain_io(.source), shown(.path))]
    ProgressNotDeleted {
        /// The progress file.
        path: PathBuf,
        /// The operating system's reason (shown in plain words).
        #[source]
        source: io::Error,
    },

    // ---------------------------------------------------------- folders
    /// A command needs a data folder and none was given or found.
    #[error("{}", data_for(*.0))]
    NoDataFolder(DataFor),
    /// `--scenarios` names a file, not a folder.
    #[error(
        "\"{}\" is a file, not a folder. After --scenarios, give the folder that holds the scenario files.",
        shown(.0)
    )]
    ScenariosIsAFile(PathBuf),
    /// `--scenarios` (or the kiosk's `scenarios` setting) names no folder.
    #[error(
        "the folder \"{}\" was not found. Check the name after --scenarios.",
        shown(.0)
    )]
    ScenariosNotFound(PathBuf),

    // --------------------------------------------------------- settings
    /// A problem in the kiosk settings file, with the file named.
    #[error("{} {}: {problem}", FileKind::Settings, shown(.path))]
    InSettings {
        /// The settings file.
        path: PathBuf,
        /// What is wrong in it.
        #[source]
        problem: Box<Error>,
    },
    /// The settings are not written as TOML.
    #[error("it is not written correctly{}: {}", on_line(*.line), sanitize::line(.why))]
    SettingsNotToml {
        /// The line of the mistake, when the TOML reader knows it.
        line: Option<usize>,
        /// The TOML reader's words, on one line.
        why: String,
    },
    /// A setting hangup does not know (often a typing slip).
    #[error("\"{}\" is not a setting hangup knows.{}", sanitize::line(.key), setting_hint(.near, .known))]
    UnknownSetting {
        /// The unknown name, as written.
        key: String,
        /// The known setting it is closest to, if any is close.
        near: Option<&'static str>,
        /// Every setting hangup knows.
        known: &'static [&'static str],
    },
    /// A setting's value is of the wrong kind (a word where a number goes...).
    #[error("a setting has the wrong kind of value{}: {}", on_line(*.line), sanitize::line(.why))]
    SettingValue {
        /// The line of the mistake, when the TOML reader knows it.
        line: Option<usize>,
        /// The TOML reader's words, on one line.
        why: String,
    },
    /// The kiosk pin was written as a number, not in quotes.
    #[error("the pin must be digits in quotes, for example pin = \"2468\".")]
    PinNotInQuotes,
    /// The kiosk pin is too short, too long, or not all digits.
    #[error("the pin must be 4 to {max} digits, for example pin = \"2468\".")]
    PinDigits {
        /// The most digits a pin may have.
        max: usize,
    },
    /// An idle time of 0 seconds.
    #[error("{} must be at least 1 second.", sanitize::line(.name))]
    TooFewSeconds {
        /// The setting, e.g. "idle-timeout".
        name: String,
    },
    /// An idle time longer than the setting allows.
    #[error("{} is {value} seconds; it can be at most {max} seconds ({}).", sanitize::line(.name), in_words(*.max))]
    TooManySeconds {
        /// The setting, e.g. "idle-timeout".
        name: String,
        /// The value given, in seconds.
        value: u64,
        /// The most allowed, in seconds.
        max: u64,
    },

    // ------------------------------------------------ language and region
    /// `--language` (or the kiosk's `language`) names a language hangup does not have.
    #[error(
        "there is no language called \"{}\". Choose one of: en-GB (English), cy (Cymraeg).",
        sanitize::line(.0)
    )]
    UnknownLanguage(String),
    /// `hangup translate` without `--language`.
    #[error("say which language to translate into, e.g. --language cy.")]
    NoLanguageToTranslateInto,
    /// A region the catalogue does not have.
    #[error("there is no region called \"{}\". Choose one of: {}.", sanitize::line(.name), .choices.join(", "))]
    UnknownRegion {
        /// The region asked for.
        name: String,
        /// The regions there are.
        choices: Vec<String>,
    },

    // ------------------------------------------------------------ calls
    /// No practice call has this id (and it is not a file).
    #[error("there is no practice call called \"{}\".{} Run `hangup list` to see them all.", sanitize::line(.id), did_you_mean_any(.near))]
    NoSuchCall {
        /// The id asked for.
        id: String,
        /// The ids it is closest to (at most three; none if none is close).
        near: Vec<String>,
    },
    /// A scenario file has problems the checker found.
    #[error("{}: {}. Run `hangup check {}` for details.", shown(.path), sanitize::line(.summary), shown(.path))]
    ScenarioProblems {
        /// The scenario file.
        path: PathBuf,
        /// The problems in a few words ("2 problems: ...").
        summary: String,
    },
    /// A file to draw is not TOML yet (a checker-style place to look).
    #[error(
        "{}:{line}:{column}: this is not TOML yet, so there is nothing to draw ({})",
        sanitize::line(.name), sanitize::line(.why)
    )]
    NotTomlYet {
        /// The file, as named.
        name: String,
        /// The line of the mistake, from 1.
        line: usize,
        /// The column of the mistake, in characters from 1.
        column: usize,
        /// The TOML reader's words.
        why: String,
    },
    /// A call too big to draw as one SVG picture.
    #[error(
        "this call has {nodes} boxes and {edges} arrows, too many to draw as one picture \
         (at most {max_nodes} and {max_edges}). Use --format dot or mermaid."
    )]
    TooBigToDraw {
        /// Boxes (steps and endings) in the call.
        nodes: usize,
        /// Arrows (choices) in the call.
        edges: usize,
        /// The most boxes drawn.
        max_nodes: usize,
        /// The most arrows drawn.
        max_edges: usize,
    },
    /// A loaded call could not be turned back into TOML to draw.
    #[error("the call could not be drawn ({})", sanitize::line(.0))]
    NotDrawable(String),
    /// `hangup translate WHAT`: WHAT is no call, catalogue or readable file.
    #[error(
        "there is no call, catalogue or readable file called \"{}\".",
        sanitize::line(.0)
    )]
    NothingToTranslate(String),
    /// A quick-check file is not written correctly.
    #[error("the quick check is not written correctly{}: {}", on_line(*.line), sanitize::line(.why))]
    QuickCheck {
        /// The line of the mistake, when the TOML reader knows it.
        line: Option<usize>,
        /// The TOML reader's words, on one line.
        why: String,
    },

    // ------------------------------------------------ group and kiosk
    /// `hangup group --plain`: group sessions are full-screen only.
    #[error(
        "group sessions need a full screen. To read a call aloud instead, print it with: hangup script ID"
    )]
    GroupNeedsScreen,
    /// `hangup group --notes` off Linux and macOS.
    #[error("the notes window works on Linux and macOS only.")]
    NotesNeedUnix,
    /// `hangup kiosk` without a terminal.
    #[error("kiosk mode needs a screen and keyboard (a terminal).")]
    KioskNeedsTerminal,
    /// `--today` that is not a date.
    #[error("\"{}\" is not a date. Write it as 2026-03-01.", sanitize::line(.0))]
    NotADate(String),
}

impl Error {
    /// An error reading `path` (a `what`).
    pub fn read(what: FileKind, path: &Path, source: io::Error) -> Self {
        Error::Read {
            what,
            path: path.to_path_buf(),
            source,
        }
    }

    /// An error writing `path`: "already there" when it exists and may not be replaced.
    pub fn write(path: &Path, source: io::Error) -> Self {
        if source.kind() == io::ErrorKind::AlreadyExists {
            Error::AlreadyThere {
                path: path.to_path_buf(),
            }
        } else {
            Error::Write {
                path: path.to_path_buf(),
                source,
            }
        }
    }

    /// This problem, found in the settings file `path`.
    pub fn in_settings(self, path: &Path) -> Self {
        Error::InSettings {
            path: path.to_path_buf(),
            problem: Box::new(self),
        }
    }

    /// True when the error is a write to a reader that went away (`| head`),
    /// which is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) | Error::Screen(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// An operating-system error in plain words: "permission was refused",
/// "the disk is full". Anything else is the system's own words, without
/// the "(os error N)" code.
pub fn plain_io(e: &io::Error) -> Cow<'static, str> {
    use io::ErrorKind as K;
    Cow::Borrowed(match e.kind() {
        K::NotFound => "it was not found",
        K::PermissionDenied => "permission was refused",
        K::AlreadyExists => "it is already there",
        K::IsADirectory => "it is a folder, not a file",
        K::NotADirectory => "part of the path is a file, not a folder",
        K::StorageFull => "the disk is full",
        K::ReadOnlyFilesystem => "the disk can only be read, not written",
        K::FileTooLarge => "it is too big",
        K::BrokenPipe => "the reader went away",
        K::TimedOut => "it took too long",
        K::UnexpectedEof => "it ended too soon",
        _ => {
            let words = e.to_string();
            let words = match words.find(" (os error ") {
                Some(at) => words[..at].to_string(),
                None => words,
            };
            return Cow::Owned(sanitize::line(&words).into_owned());
        }
    })
}

/// As [`plain_io`], for writing a file: a missing folder is named as such.
fn plain_write(e: &io::Error) -> Cow<'static, str> {
    match e.kind() {
        io::ErrorKind::NotFound => "its folder was not found".into(),
        _ => plain_io(e),
    }
}

/// The line (from 1) that byte `at` of `text` is on, for "on line N" in a
/// message. An offset past the end, or inside a character, counts to the end.
pub fn line_at(text: &str, at: usize) -> usize {
    let before = text.get(..at).unwrap_or(text);
    before.matches('\n').count() + 1
}

/// A path on one line, safe for the terminal.
fn shown(p: &Path) -> String {
    sanitize::path(p)
}

fn data_for(d: DataFor) -> &'static str {
    match d {
        DataFor::Counts => "there is no folder to read the counts from. Use --data-dir.",
        DataFor::Progress => {
            "there is no folder for your progress. Give one with --data-dir FOLDER."
        }
        DataFor::Notes => {
            "the notes window needs a data folder to meet the room view in. \
             Give the same one to both with --data-dir FOLDER."
        }
    }
}

fn on_line(line: Option<usize>) -> String {
    line.map_or_else(String::new, |l| format!(" on line {l}"))
}

fn setting_hint(near: &Option<&'static str>, known: &[&str]) -> String {
    match near {
        Some(k) => format!(" Did you mean \"{k}\"?"),
        None => format!(" The settings are: {}.", known.join(", ")),
    }
}

/// " Did you mean "a"?", " Did you mean "a" or "b"?", or nothing.
fn did_you_mean_any(near: &[String]) -> String {
    let quoted: Vec<String> = near
        .iter()
        .map(|n| format!("\"{}\"", sanitize::line(n)))
        .collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => format!(" Did you mean {last}?"),
        Some((last, rest)) => format!(" Did you mean {} or {last}?", rest.join(", ")),
    }
}

fn in_words(seconds: u64) -> Cow<'static, str> {
    match seconds {
        86_400 => "a day".into(),
        3_600 => "an hour".into(),
        s if s % 60 == 0 => format!("{} minutes", s / 60).into(),
        s => format!("{s} seconds").into(),
    }
}
