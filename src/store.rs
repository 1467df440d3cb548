//! The one place that decides where hangup keeps its few files (progress, kiosk
//! counts, group records) and how it reads and writes them, so that nothing is
//! half-written, nothing is lost, and no file can stall or flood the program.
//!
//! - **Reading** ([`read_capped`]): only regular files are opened, without
//!   blocking (a FIFO, device or socket is refused with a plain reason), and
//!   the size cap is enforced while reading, not trusted from `stat`.
//! - **Writing** ([`write_atomic`], [`write_new`]): a temporary file created
//!   exclusively in the same folder (`tempfile`, so a planted symlink is never
//!   followed), flushed to disk, then renamed over the old file. Temp files
//!   left by a crash are swept ([`sweep_temp`]).
//! - **Damage** ([`keep_damaged`]): a file that cannot be read is moved aside
//!   under a name no earlier kept copy has, so a second damage on the same day
//!   never overwrites the first kept copy.
//! - **Sharing** ([`update`]): two programs on one folder take a lock on the
//!   folder (`fd-lock`), re-read the file, apply their change to what
//!   is there now, and write it atomically, so both keep their changes.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The data folder: `--data-dir`, else `HANGUP_DATA_DIR`, else a kiosk settings
/// file's `data-dir`, else the platform's place for program data (XDG on Linux),
/// else `~/.local/share/hangup`. `None` when there is no home at all.
pub fn data_dir(given: Option<&Path>, from_config: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = given {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("HANGUP_DATA_DIR").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    if let Some(p) = from_config {
        return Some(p.to_path_buf());
    }
    use etcetera::BaseStrategy;
    if let Ok(base) = etcetera::choose_base_strategy() {
        return Some(base.data_dir().join("hangup"));
    }
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|h| PathBuf::from(h).join(".local/share/hangup"))
}

/// The largest data file hangup reads (progress, counts, records, settings).
pub const MAX_DATA_BYTES: u64 = 4 * 1024 * 1024;

/// Why a file was not read, in plain words (the `io::Error` message).
fn not_regular(kind: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("it is {kind}, not an ordinary file"),
    )
}

fn kind_of(t: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_dir() { "a folder" } else { "not a file" }
}

/// Open `path` for reading only if it is a regular file (a symlink to one is
/// fine). Never blocks: the open is non-blocking, so a FIFO cannot stall it,
/// and the type is checked again on the open file.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(not_regular(kind_of(meta.file_type())));
    }
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // The file may have been swapped for a FIFO since the check above.
        opts.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = opts.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(kind_of(meta.file_type())));
    }
    Ok(file)
}

/// An error for a file bigger than `cap` bytes.
fn too_big(cap: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "it is bigger than {} KiB, the most hangup reads",
            cap.div_ceil(1024)
        ),
    )
}

/// Read a regular file, at most `cap` bytes: a bigger file is an error
/// (counted while reading, so `/dev/zero` behind a symlink or a file that grows
/// cannot fill memory). FIFOs, devices and sockets are refused without blocking.
pub fn read_capped(path: &Path, cap: u64) -> io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    let mut buf = Vec::new();
    file.take(cap.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > cap {
        return Err(too_big(cap));
    }
    Ok(buf)
}

/// Like [`read_capped`], but `Ok(None)` when the file does not exist.
pub fn read_if_there(path: &Path, cap: u64) -> io::Result<Option<Vec<u8>>> {
    match read_capped(path, cap) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// The prefix of `path`'s temp files: `.NAME.` (hidden, so never loaded).
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "data".into(), |n| n.to_string_lossy().into_owned());
    format!(".{name}.")
}

const TEMP_SUFFIX: &str = ".tmp";

/// A temp file beside `path`, created exclusively with a random name.
fn temp_beside(path: &Path, bytes: &[u8]) -> io::Result<tempfile::NamedTempFile> {
    let dir = folder_of(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

fn sync_folder(path: &Path) {
    // Make the rename itself durable. Not every system lets a folder be
    // opened this way; the data is already safe in the file by then.
    if let Ok(d) = File::open(folder_of(path)) {
        let _ = d.sync_all();
    }
}

/// Write `bytes` to `path` so that a crash or power cut at any moment leaves
/// either the old file or the new one: an exclusive temp file in the same
/// folder, fsync, rename over the old one (a symlink at `path` is replaced,
/// never followed), fsync the folder. On failure nothing is left behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temp_beside(path, bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_folder(path);
    Ok(())
}

/// Like [`write_atomic`], but refuses (`AlreadyExists`) when `path` is there,
/// checked in the same step as the rename, so nothing can slip in between.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temp_beside(path, bytes)?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_folder(path);
    Ok(())
}

/// Temp files older than this are left from a crash and are removed.
pub const STALE_TEMP: Duration = Duration::from_secs(60 * 60);

/// Remove temp files of `path` (`.NAME.*.tmp` in its folder) older than
/// [`STALE_TEMP`]: left behind by a crash or power cut. Returns how many.
/// Only regular files are removed; symlinks and folders are left alone.
pub fn sweep_temp(path: &Path) -> usize {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(folder_of(path)) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let Ok(meta) = fs::symlink_metadata(e.path()) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_TEMP);
        if meta.is_file() && old && fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Move a damaged file aside as `NAME.TAG` (e.g. `counters.toml.damaged-2026-03-01`),
/// or `NAME.TAG-2`, `-3`, … so that no earlier kept copy is ever overwritten. Returns the new
/// name. The move never replaces anything (hard link, then unlink; or, where
/// links are not possible, an exclusive copy).
pub fn keep_damaged(path: &Path, tag: &str) -> io::Result<PathBuf> {
    let dir = folder_of(path);
    let name = path
        .file_name()
        .map_or_else(|| "data".into(), |n| n.to_string_lossy().into_owned());
    for n in 1..10_000u32 {
        let kept = if n == 1 {
            dir.join(format!("{name}.{tag}"))
        } else {
            dir.join(format!("{name}.{tag}-{n}"))
        };
        match fs::hard_link(path, &kept) {
            Ok(()) => {
                fs::remove_file(path)?;
                return Ok(kept);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(e),
            Err(_) => {
                // No hard links here (some USB sticks): copy into a new file.
                let bytes = read_capped(path, MAX_DATA_BYTES.saturating_mul(4))?;
                match OpenOptions::new().write(true).create_new(true).open(&kept) {
                    Ok(mut f) => {
                        f.write_all(&bytes)?;
                        f.sync_all()?;
                        fs::remove_file(path)?;
                        return Ok(kept);
                    }
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                    Err(e) => return Err(e),
                }
            }
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many damaged copies are kept already",
    ))
}

/// The lock is taken on the data folder itself (an advisory `flock` on the
/// open folder): no extra file to leave behind or to be planted as a symlink.
fn lock_file(path: &Path) -> io::Result<File> {
    File::open(folder_of(path))
}

/// Change a shared data file safely: take the lock (waiting for another
/// hangup to finish its change), read what is there now (`None` when there is
/// no file), let `change` turn it into the new bytes, and write them
/// atomically. Returns what `change` returned alongside the bytes.
/// Two programs doing this at once both keep their changes.
pub fn update<T>(
    path: &Path,
    cap: u64,
    change: impl FnOnce(Option<Vec<u8>>) -> io::Result<(Vec<u8>, T)>,
) -> io::Result<T> {
    let mut lock = fd_lock::RwLock::new(lock_file(path)?);
    let _held = lock.write()?;
    let now = read_if_there(path, cap)?;
    let (bytes, value) = change(now)?;
    write_atomic(path, &bytes)?;
    Ok(value)
}
