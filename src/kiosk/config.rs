//! The kiosk settings file (TOML), so a kiosk is set up once. Every setting
//! can also be given on the command line, which wins.
//!
//! ```toml
//! idle-timeout = 120      # seconds with no input before "Are you still there?"
//! idle-warning = 30       # seconds that question shows before starting again
//! pin = "2468"            # staff exit PIN (digits, in quotes); none = no staff exit
//! region = "scotland"     # "ewni" or "scotland"
//! scenarios = "/srv/hangup/scenarios"   # extra scenario files
//! data-dir = "/var/lib/hangup"          # where the counts file goes
//! large = true            # big letters when the screen is big enough (like --large)
//! theme = "dark"          # "light" or "dark" background (like --theme); else asked of the terminal
//! language = "cy"         # the language a visitor first sees: "cy" or "en-GB" (like --language)
//! speak = true            # say every screen aloud (like --speak)
//! speak-command = "espeak-ng -v en-gb"  # the program that speaks (like --speak-command)
//! ```
//!
//! A file that cannot be read, or has a setting hangup does not know, stops
//! hangup with a one-line message and exit code 2: a kiosk that silently
//! ignored its PIN or timeout would be worse than one that does not start.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, FileKind, Result};

/// Every setting the file may hold, as written in it (kebab-case); any other key stops hangup, with a "did you mean" from this list.
pub const KNOWN: &[&str] = &[
    "idle-timeout",
    "idle-warning",
    "pin",
    "region",
    "scenarios",
    "data-dir",
    "large",
    "theme",
    "language",
    "speak",
    "speak-command",
];

/// The kiosk settings file as read; every setting is optional, and the command line wins over each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// `idle-timeout`: seconds with no input before "Are you still there?" shows.
    pub idle_timeout: Option<u64>,
    /// `idle-warning`: seconds that question shows before the kiosk starts again.
    pub idle_warning: Option<u64>,
    /// `pin`: the staff exit PIN, digits in quotes; none turns the staff exit off.
    pub pin: Option<String>,
    /// `region`: the region id whose numbers are shown, `ewni` or `scotland`.
    pub region: Option<String>,
    /// `scenarios`: a folder of extra scenario files.
    pub scenarios: Option<PathBuf>,
    /// `data-dir`: the folder the counts file goes in.
    pub data_dir: Option<PathBuf>,
    /// `large`: big letters when the screen is big enough (like `--large`).
    pub large: Option<bool>,
    /// `language`: the language a visitor first sees, `cy` or `en-GB` (like `--language`).
    pub language: Option<String>,
    /// "light" or "dark": the background the colours are for.
    pub theme: Option<ThemeSetting>,
    /// `speak`: say every screen aloud (like `--speak`).
    pub speak: Option<bool>,
    /// `speak-command`: the program that speaks, with its options (like
    /// `--speak-command`, which wins when given).
    pub speak_command: Option<String>,
}

/// The kiosk's `theme` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeSetting {
    /// Colours for a light background.
    Light,
    /// Colours for a dark background.
    Dark,
}

/// Where the settings file is looked for when `--config` is not given: the
/// user's config folder (`$XDG_CONFIG_HOME/hangup/kiosk.toml`, else
/// `~/.config/hangup/kiosk.toml`, found by `etcetera` as for the data folder
/// in `crate::store`), then `/etc/hangup/kiosk.toml`.
pub fn default_locations() -> Vec<PathBuf> {
    use etcetera::BaseStrategy;
    let mut v = Vec::new();
    if let Ok(base) = etcetera::choose_base_strategy() {
        v.push(base.config_dir().join("hangup/kiosk.toml"));
    }
    v.push(PathBuf::from("/etc/hangup/kiosk.toml"));
    v
}

/// Load `--config FILE` (which must exist), or the first default location
/// that exists, or no settings at all.
pub fn load(given: Option<&Path>) -> Result<(Config, Option<PathBuf>)> {
    if let Some(p) = given {
        return parse_file(p).map(|c| (c, Some(p.to_path_buf())));
    }
    for p in default_locations() {
        if p.is_file() {
            return parse_file(&p).map(|c| (c, Some(p)));
        }
    }
    Ok((Config::default(), None))
}

/// The largest settings file read (it has a handful of lines).
pub const MAX_FILE_BYTES: u64 = 64 * 1024;

/// The longest `idle-timeout`: a day. Longer would never reset for the next visitor.
pub const MAX_IDLE_TIMEOUT: u64 = 24 * 60 * 60;
/// The longest `idle-warning`: an hour.
pub const MAX_IDLE_WARNING: u64 = 60 * 60;

/// Check an idle setting's range; the error is one plain sentence.
pub fn check_seconds(name: &str, value: u64) -> Result<u64> {
    let max = if name == "idle-warning" {
        MAX_IDLE_WARNING
    } else {
        MAX_IDLE_TIMEOUT
    };
    if value == 0 {
        Err(Error::TooFewSeconds { name: name.into() })
    } else if value > max {
        Err(Error::TooManySeconds {
            name: name.into(),
            value,
            max,
        })
    } else {
        Ok(value)
    }
}

fn parse_file(path: &Path) -> Result<Config> {
    // `--config /dev/null` is the usual way to say "no settings file".
    if path == Path::new("/dev/null") {
        return Ok(Config::default());
    }
    let bytes = crate::store::read_capped(path, MAX_FILE_BYTES)
        .map_err(|e| Error::read(FileKind::Settings, path, e))?;
    let text = String::from_utf8(bytes).map_err(|_| Error::NotText {
        what: FileKind::Settings,
        path: path.to_path_buf(),
    })?;
    let mut c = parse(&text).map_err(|e| e.in_settings(path))?;
    // Folders in the file are relative to the file, not to where hangup starts.
    let base = path.parent().unwrap_or(Path::new("."));
    for p in [&mut c.scenarios, &mut c.data_dir].into_iter().flatten() {
        if p.is_relative() {
            *p = base.join(&*p);
        }
    }
    Ok(c)
}

/// Parse and check the settings. Errors are one plain sentence.
pub fn parse(text: &str) -> Result<Config> {
    let line_of =
        |span: Option<std::ops::Range<usize>>| span.map(|s| crate::error::line_at(text, s.start));
    let why = |e: &toml::de::Error| e.message().trim().replace('\n', " ");
    let table: toml::Table = toml::from_str(text).map_err(|e| Error::SettingsNotToml {
        line: line_of(e.span()),
        why: why(&e),
    })?;
    for key in table.keys() {
        if !KNOWN.contains(&key.as_str()) {
            let near = KNOWN
                .iter()
                .filter(|k| strsim::levenshtein(k, key) <= 3)
                .min_by_key(|k| strsim::levenshtein(k, key));
            return Err(Error::UnknownSetting {
                key: key.clone(),
                near: near.copied(),
                known: KNOWN,
            });
        }
    }
    if let Some(v) = table.get("pin")
        && !v.is_str()
    {
        return Err(Error::PinNotInQuotes);
    }
    let c: Config = toml::from_str(text).map_err(|e| Error::SettingValue {
        line: line_of(e.span()),
        why: why(&e),
    })?;
    if let Some(pin) = &c.pin
        && (pin.len() < 4
            || pin.len() > super::input::PIN_MAX
            || !pin.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(Error::PinDigits {
            max: super::input::PIN_MAX,
        });
    }
    if let Some(l) = &c.language {
        l.parse::<crate::i18n::Language>()?;
    }
    for (name, v) in [
        ("idle-timeout", c.idle_timeout),
        ("idle-warning", c.idle_warning),
    ] {
        if let Some(v) = v {
            check_seconds(name, v)?;
        }
    }
    Ok(c)
}
