//! Unit tests of `hangup::check` (were in src/check/mod.rs).

mod graph;
mod lessons;

use hangup::check::*;
use hangup::engine::Catalogue;
use std::path::{Path, PathBuf};

/// A folder or file that cannot be opened is named in plain words, not
/// with the system's "(os error N)".
#[test]
fn unreadable_says_why_in_plain_words() {
    let cases = [
        (
            "folder",
            13,
            "the folder could not be opened (permission was refused)",
        ),
        (
            "folder",
            20,
            "the folder could not be opened (part of the path is a file, not a folder)",
        ),
        ("file", 2, "the file could not be opened (it was not found)"),
        (
            "file",
            21,
            "the file could not be opened (it is a folder, not a file)",
        ),
    ];
    for (what, errno, said) in cases {
        let e = std::io::Error::from_raw_os_error(errno);
        let r = unreadable(Path::new("calls"), what, &e);
        let d = &r.diagnostics[0];
        assert_eq!(d.code, "H0107");
        assert_eq!(d.message, said);
        assert!(!d.message.contains("os error"), "{}", d.message);
    }
    // An error with no plain words keeps the system's, without the code.
    let e = std::io::Error::from_raw_os_error(5);
    let r = unreadable(Path::new("calls"), "folder", &e);
    assert!(!r.diagnostics[0].message.contains("os error"));
}

/// The real thing: a missing file.
#[test]
fn a_missing_file_is_plain() {
    let r = check_files(&[PathBuf::from("no/such/file.toml")], &Catalogue::builtin());
    assert_eq!(
        r.files[0].diagnostics[0].message,
        "the file could not be opened (it was not found)"
    );
}
