//! The group commands as the command line runs them: `hangup group`,
//! `hangup script ID` and `hangup handout`. `main.rs` only calls these.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::engine::{Library, Script};
use crate::tui::{self, app};

use super::handout::{Format, Handout};
use super::{GroupState, record, roleplay};
use crate::dates;
use crate::error::{DataFor, Error, Result};

/// `hangup group`: the projector session.
pub fn group(
    library: Library,
    mut options: app::Options,
    plain: bool,
    speak: Option<&str>,
    plan: &[String],
    data_dir: Option<PathBuf>,
) -> Result<ExitCode> {
    if plain {
        return Err(Error::GroupNeedsScreen);
    }
    for id in plan {
        library.find(id)?;
    }
    options.mode = app::Mode::Group;
    let mut a = super::GroupApp::new(library, options);
    let mut g = a
        .group
        .take()
        .unwrap_or_else(|| Box::new(GroupState::new(&a.library)));
    g.choose_plan(plan);
    g.data_dir = record::data_dir(data_dir.as_deref());
    let dir = g.data_dir.clone();
    a.group = Some(g);
    // `--speak`: the screens are said as they change (`speak` is the command).
    if let Some(command) = speak {
        a.speaker = Some(crate::speech::Speaker::for_language(command));
        if let Some(g) = a.group.as_mut() {
            g.speaking = true;
        }
        a.say();
    }
    // The link to a notes window (`hangup group --notes`), through the data folder.
    #[cfg(unix)]
    if let Some(dir) = dir {
        let (tx, rx) = std::sync::mpsc::channel();
        let link_tx = tx.clone();
        super::link::start(super::link::socket_path(&dir), move |ev| {
            link_tx.send(tui::Input::Other(ev)).is_ok()
        });
        let ran = tui::run_with_inputs(&mut a, tx, rx, |a, ev| a.on_link(ev));
        // The socket file goes with the window (on a signal, term.rs does it).
        tui::term::run_at_exit();
        speech_off_note(&a);
        ran.map_err(Error::Screen)?;
        return Ok(ExitCode::SUCCESS);
    }
    #[cfg(not(unix))]
    let _ = dir;
    let ran = tui::run_with(&mut a);
    speech_off_note(&a);
    ran.map_err(Error::Screen)?;
    Ok(ExitCode::SUCCESS)
}

/// Why speech went off, on the error output once the screen is given back.
fn speech_off_note(a: &super::GroupApp) {
    if let Some(n) = &a.speech_off {
        crate::sanitize::note(&format!("hangup: {n}"));
    }
}

/// `hangup group --notes`: the volunteer's notes window, following the
/// session in another window through a socket in the data folder.
pub fn group_notes(options: app::Options, data_dir: Option<PathBuf>) -> Result<ExitCode> {
    #[cfg(unix)]
    {
        let Some(dir) = record::data_dir(data_dir.as_deref()) else {
            return Err(Error::NoDataFolder(DataFor::Notes));
        };
        let mut notes = super::notes::NotesApp::new(options.theme);
        let (tx, rx) = std::sync::mpsc::channel();
        let link_tx = tx.clone();
        super::link::start(super::link::socket_path(&dir), move |ev| {
            link_tx.send(tui::Input::Other(ev)).is_ok()
        });
        let ran = tui::run_with_inputs(&mut notes, tx, rx, |n, ev| n.on_link(ev));
        tui::term::run_at_exit();
        ran.map_err(Error::Screen)?;
        Ok(ExitCode::SUCCESS)
    }
    #[cfg(not(unix))]
    {
        let _ = (options, data_dir);
        Err(Error::NotesNeedUnix)
    }
}

/// `hangup script ID`: print the role-play script.
pub fn script(library: &Library, region: &str, seed: Option<u64>, id: &str) -> Result<ExitCode> {
    let s = library.find_or_load(id)?;
    let mut script = Script::build(&s, &library.catalogue, region, seed.unwrap_or(0));
    crate::present::wording::word_script(&mut script);
    let text = roleplay::script_text(&script);
    crate::sanitize::Clean::new(io::stdout().lock()).write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Where `hangup handout --mine` reads the learner's progress.
#[derive(Debug, Clone, Default)]
pub struct MineFrom {
    /// `--data-dir`, if given.
    pub data_dir: Option<PathBuf>,
    /// `--no-save`: read nothing.
    pub no_save: bool,
}

/// `hangup handout`: write the take-home sheet, to stdout or to `out`: (file,
/// force). An existing file is replaced only with force; either way the file
/// is written atomically (a full disk leaves the old file or none, never half).
pub fn handout(
    library: &Library,
    region: &str,
    ids: &[String],
    fmt: Format,
    out: Option<(&Path, bool)>,
    today: Option<&str>,
    mine: Option<MineFrom>,
) -> Result<ExitCode> {
    let today = match today {
        Some(t) => dates::parse_iso(t).ok_or_else(|| Error::NotADate(t.to_string()))?,
        None => dates::today(),
    };
    let sheet = match mine {
        None => Handout::build(library, ids, region, today)?,
        Some(from) => {
            let progress = if from.no_save {
                crate::progress::Progress::default()
            } else {
                let dir = crate::progress::data_dir(from.data_dir.as_deref())
                    .ok_or(Error::NoDataFolder(DataFor::Progress))?;
                // Read only: a damaged file is left as it is.
                let loaded =
                    crate::progress::Store::new(dir, true).load(crate::progress::Day(today));
                if let Some(notice) = loaded.notice {
                    crate::sanitize::note(&format!("hangup: {notice}"));
                }
                loaded.progress
            };
            Handout::build_mine(library, ids, region, today, &progress)?
        }
    }
    .render(fmt);
    match out {
        Some((path, force)) => {
            let written = if force {
                crate::store::write_atomic(path, sheet.as_bytes())
            } else {
                crate::store::write_new(path, sheet.as_bytes())
            };
            written.map_err(|e| Error::write(path, e))?;
        }
        None => crate::sanitize::Clean::new(io::stdout().lock()).write_all(sheet.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
