//! The one place that decides where hangup keeps its few files (progress, kiosk
//! counts, group records) and how it writes them, so they never end up in
//! different folders or half-written.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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

/// Write `bytes` to `path` so that a crash or power cut at any moment leaves
/// either the old file or the new one: temp file in the same folder, fsync,
/// rename over the old one, fsync the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "data".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = written.and_then(|()| fs::rename(&tmp, path)) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    // Make the rename itself durable. Not every system lets a folder be
    // opened this way; the data is already safe in the file by then.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_folder_wins_and_atomic_write_replaces_whole_file() {
        let t = tempfile::tempdir().expect("temp dir");
        assert_eq!(data_dir(Some(t.path()), None), Some(t.path().to_path_buf()));
        let f = t.path().join("x.toml");
        write_atomic(&f, b"old").expect("write");
        write_atomic(&f, b"new").expect("write");
        assert_eq!(fs::read(&f).expect("read"), b"new");
        let left: Vec<_> = fs::read_dir(t.path()).expect("dir").collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }
}
