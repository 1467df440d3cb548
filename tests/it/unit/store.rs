//! Unit tests of `hangup::store` (were in src/store.rs).

use hangup::store::*;
use std::fs::{self, File};
use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime};

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

#[test]
fn write_new_refuses_to_replace() {
    let t = tempfile::tempdir().expect("temp dir");
    let f = t.path().join("sheet.html");
    write_new(&f, b"first").expect("write");
    let e = write_new(&f, b"second").expect_err("exists");
    assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
    assert_eq!(fs::read(&f).expect("read"), b"first");
    assert_eq!(fs::read_dir(t.path()).expect("dir").count(), 1);
}

#[test]
fn damaged_copies_never_overwrite_each_other() {
    let t = tempfile::tempdir().expect("temp dir");
    let f = t.path().join("counters.toml");
    fs::write(&f, "first damage").expect("write");
    let a = keep_damaged(&f, "damaged-2026-03-01").expect("kept");
    fs::write(&f, "second damage").expect("write");
    let b = keep_damaged(&f, "damaged-2026-03-01").expect("kept");
    assert_ne!(a, b);
    assert_eq!(fs::read(&a).expect("a"), b"first damage");
    assert_eq!(fs::read(&b).expect("b"), b"second damage");
    assert!(!f.exists());
}

#[test]
fn reading_is_capped_and_regular_only() {
    let t = tempfile::tempdir().expect("temp dir");
    let f = t.path().join("big.toml");
    fs::write(&f, vec![b'a'; 100]).expect("write");
    assert_eq!(read_capped(&f, 100).expect("fits").len(), 100);
    assert!(read_capped(&f, 99).is_err());
    assert!(read_capped(t.path(), 99).is_err(), "a folder is refused");
    #[cfg(unix)]
    {
        let dev = Path::new("/dev/zero");
        let e = read_capped(dev, 10).expect_err("device");
        assert!(e.to_string().contains("device"), "{e}");
    }
}

#[test]
fn stale_temp_files_are_swept_and_fresh_ones_kept() {
    let t = tempfile::tempdir().expect("temp dir");
    let f = t.path().join("progress.toml");
    let stale = t.path().join(".progress.toml.abc123.tmp");
    let fresh = t.path().join(".progress.toml.def456.tmp");
    fs::write(&stale, "x").expect("write");
    fs::write(&fresh, "y").expect("write");
    let old = SystemTime::now() - STALE_TEMP - Duration::from_secs(5);
    File::options()
        .write(true)
        .open(&stale)
        .and_then(|f| f.set_modified(old))
        .expect("age it");
    assert_eq!(sweep_temp(&f), 1);
    assert!(!stale.exists());
    assert!(fresh.exists());
}

#[test]
fn updates_from_two_threads_both_land() {
    let t = tempfile::tempdir().expect("temp dir");
    let f = t.path().join("n.txt");
    let add = |f: &Path| {
        update(f, 1024, |now| {
            let n: u32 = now
                .and_then(|b| String::from_utf8(b).ok())
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            Ok(((n + 1).to_string().into_bytes(), ()))
        })
        .expect("update");
    };
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..25 {
                    add(&f);
                }
            });
        }
    });
    assert_eq!(fs::read_to_string(&f).expect("read"), "100");
}
