//! The link between the room view (`hangup group`) and the volunteer's notes
//! window (`hangup group --notes`): a Unix socket in the data folder, so
//! nothing leaves the machine.
//!
//! Either window may start first. Each one tries to reach the other; if no one
//! answers, it listens on the socket instead (a socket file left by a crash is
//! replaced; anything else at that path is left alone). When the other window
//! closes, the one left listens again, so the other can come back at any time.
//! One other window at a time.
//!
//! A thread does all of this and hands what it hears to the window's event
//! loop through the same channel as the terminal's keys (see
//! `tui::run_with_inputs`), so the loop blocks and nothing polls.
//!
//! Messages are lines of JSON ([`Message`]), each at most [`MAX_LINE`] bytes.
//! A line that is too long, not UTF-8 or not a message is ignored.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::fs::FileTypeExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::notes::NotesModel;
use crate::tui::app::Action;

/// The socket's name in the data folder.
pub const SOCKET_NAME: &str = "group-session.sock";
/// The longest message line read; longer lines are skipped.
pub const MAX_LINE: usize = 256 * 1024;
/// A write that takes longer than this (the other window stopped reading)
/// drops the link instead of stalling the window.
const WRITE_TIMEOUT: Duration = Duration::from_secs(2);

/// What the link thread tells the window.
#[derive(Debug)]
pub enum LinkEvent {
    /// The other window is there; write to it with this.
    Up(Peer),
    /// A message from the other window.
    Got(Message),
    /// The other window went away.
    Down,
    /// No link can be made (the reason, in plain words); the window works alone.
    Failed(String),
}

/// What the two windows say to each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Message {
    /// The room view's state, for the notes window (after every change).
    Room(Box<NotesModel>),
    /// A key pressed in the notes window, for the room view to act on.
    Key {
        /// The key's name as [`key_name`] writes it, e.g. "enter" or "pick2".
        key: String,
    },
}

/// The way to write to the other window.
#[derive(Debug)]
pub struct Peer(UnixStream);

impl Peer {
    /// Send one message; false if the other window is gone (or stalled).
    pub fn send(&mut self, m: &Message) -> bool {
        let Ok(mut line) = serde_json::to_vec(m) else {
            return false;
        };
        line.push(b'\n');
        self.0
            .write_all(&line)
            .and_then(|()| self.0.flush())
            .is_ok()
    }
}

impl From<UnixStream> for Peer {
    /// Talk to the other window over `stream` (the link thread does this; a
    /// test may pass one end of a socket pair).
    fn from(stream: UnixStream) -> Self {
        Self(stream)
    }
}

impl Drop for Peer {
    /// The window is closing (or has lost the other one): close the socket,
    /// so the other window hears it at once.
    fn drop(&mut self) {
        let _ = self.0.shutdown(std::net::Shutdown::Both);
    }
}

/// The socket's path in this data folder.
pub fn socket_path(data_dir: &Path) -> PathBuf {
    data_dir.join(SOCKET_NAME)
}

/// Start the link thread for the socket at `path`. `tell` hands each event to
/// the window; when it returns false (the window has closed) the thread ends.
pub fn start(path: PathBuf, tell: impl Fn(LinkEvent) -> bool + Send + 'static) {
    std::thread::spawn(move || run(&path, &tell));
}

fn run(path: &Path, tell: &dyn Fn(LinkEvent) -> bool) {
    loop {
        // The other window is listening: talk to it until it goes.
        if let Ok(stream) = UnixStream::connect(path) {
            if !serve(stream, tell) {
                return;
            }
            continue;
        }
        // No one there: listen, and serve each window that comes, in turn.
        let listener = match listen(path) {
            Ok(l) => l,
            // Someone started listening just now: talk to them instead.
            Err(e) if e.kind() == io::ErrorKind::AddrInUse => continue,
            Err(e) => {
                tell(LinkEvent::Failed(format!(
                    "the link to the other window could not start ({})",
                    crate::error::plain_io(&e)
                )));
                return;
            }
        };
        for stream in listener.incoming() {
            match stream {
                Ok(s) => {
                    if !serve(s, tell) {
                        return;
                    }
                }
                Err(_) => std::thread::sleep(Duration::from_millis(100)),
            }
        }
    }
}

/// Listen at `path`. A socket file no one answers on (left by a crash) is
/// replaced; `AddrInUse` means another window is listening there now.
fn listen(path: &Path) -> io::Result<UnixListener> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    // One window at a time checks and replaces the file: two windows that
    // both found it stale would each remove the other's new socket and both
    // listen, each on a file no one can reach. The lock is on the folder
    // itself (no lock file is left behind); if it cannot be taken, go on.
    let mut folder = path
        .parent()
        .and_then(|d| std::fs::File::open(d).ok())
        .map(fd_lock::RwLock::new);
    let _one_at_a_time = folder.as_mut().and_then(|l| l.write().ok());
    match UnixListener::bind(path) {
        Ok(l) => return owner_only(path, l),
        Err(e) if e.kind() != io::ErrorKind::AddrInUse => return Err(e),
        Err(_) => {}
    }
    if UnixStream::connect(path).is_ok() {
        return Err(io::ErrorKind::AddrInUse.into());
    }
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.file_type().is_socket() {
        return Err(io::Error::other(format!(
            "{} is in the way and is not a socket",
            path.display()
        )));
    }
    std::fs::remove_file(path)?;
    owner_only(path, UnixListener::bind(path)?)
}

/// Only this user may talk to the session. The socket file is this
/// window's from now on: it is removed on the way out ([`remove_socket`]).
fn owner_only(path: &Path, l: UnixListener) -> io::Result<UnixListener> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && let Ok(mut bound) = BOUND.lock()
    {
        use std::os::unix::fs::MetadataExt;
        *bound = Some((path.to_path_buf(), meta.dev(), meta.ino()));
        crate::tui::term::at_exit(remove_socket);
    }
    Ok(l)
}

/// The socket file this window made (path, device, inode), if any.
static BOUND: std::sync::Mutex<Option<(PathBuf, u64, u64)>> = std::sync::Mutex::new(None);

/// Remove the socket file this window made, if it is still the same file
/// (the other window may have made a new one there since). Called on every
/// way out: a normal end, a signal, a lost terminal or a panic. After a
/// SIGKILL the file stays, and the next window to start replaces it.
pub fn remove_socket() {
    use std::os::unix::fs::MetadataExt;
    let Some((path, dev, ino)) = BOUND.lock().ok().and_then(|mut b| b.take()) else {
        return;
    };
    if let Ok(meta) = std::fs::symlink_metadata(&path)
        && meta.file_type().is_socket()
        && meta.dev() == dev
        && meta.ino() == ino
    {
        let _ = std::fs::remove_file(&path);
    }
}

/// Talk to one other window until it goes: false if this window has closed.
fn serve(stream: UnixStream, tell: &dyn Fn(LinkEvent) -> bool) -> bool {
    let writer = match stream.try_clone() {
        Ok(w) => w,
        Err(_) => return true,
    };
    let _ = writer.set_write_timeout(Some(WRITE_TIMEOUT));
    if !tell(LinkEvent::Up(Peer(writer))) {
        return false;
    }
    let mut reader = BufReader::new(stream);
    while let Some(line) = read_line(&mut reader) {
        let Some(line) = line else { continue };
        if let Ok(m) = serde_json::from_slice::<Message>(&line)
            && !tell(LinkEvent::Got(m))
        {
            return false;
        }
    }
    tell(LinkEvent::Down)
}

/// The next line: `None` at the end, `Some(None)` for a line too long to read
/// (skipped to its end).
pub fn read_line(reader: &mut impl BufRead) -> Option<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    let n = reader
        .by_ref()
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', &mut buf)
        .ok()?;
    if n == 0 {
        return None;
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        return Some(Some(buf));
    }
    if buf.len() <= MAX_LINE {
        // The last line, with no line end: the other window went.
        return None;
    }
    // Too long: skip the rest of it.
    loop {
        let (done, used) = {
            let chunk = reader.fill_buf().ok()?;
            if chunk.is_empty() {
                return None;
            }
            match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (true, i + 1),
                None => (false, chunk.len()),
            }
        };
        reader.consume(used);
        if done {
            return Some(None);
        }
    }
}

/// A key as sent over the link (the group actions the notes window may send).
pub fn key_name(a: Action) -> Option<String> {
    Some(match a {
        Action::Up => "up".into(),
        Action::Down => "down".into(),
        Action::Select => "enter".into(),
        Action::Back => "back".into(),
        Action::Pick(i) if i < 9 => format!("pick{}", i + 1),
        Action::More => "0".into(),
        Action::Help => "help".into(),
        Action::Present => "present".into(),
        Action::Char(c) if c.is_ascii_alphanumeric() || c == '.' => format!("char{c}"),
        _ => return None,
    })
}

/// The action for a key sent over the link; anything else is `None`.
pub fn key_action(name: &str) -> Option<Action> {
    Some(match name {
        "up" => Action::Up,
        "down" => Action::Down,
        "enter" => Action::Select,
        "back" => Action::Back,
        "0" => Action::More,
        "help" => Action::Help,
        "present" => Action::Present,
        _ => {
            if let Some(d) = name.strip_prefix("pick") {
                let n: usize = d.parse().ok().filter(|n| (1..=9).contains(n))?;
                Action::Pick(n - 1)
            } else {
                let mut c = name.strip_prefix("char")?.chars();
                match (c.next(), c.next()) {
                    (Some(ch), None) if ch.is_ascii_alphanumeric() || ch == '.' => Action::Char(ch),
                    _ => return None,
                }
            }
        }
    })
}
