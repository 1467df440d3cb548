//! The files the Debian package installs beside the binary (manual pages,
//! tab completion, the kiosk's systemd unit) are made from the command line's
//! definition and kept in `assets/generated`, so a bare `cargo deb` works.
//! These tests fail when they are out of date; refresh them with
//! `HANGUP_UPDATE_GENERATED=1 cargo test --test it packaging::`.

use std::path::{Path, PathBuf};

use clap_complete::Shell;

fn generated() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/generated")
}

/// Compare `want` with the committed file, or write it when asked to.
fn same_as_committed(relative: &str, want: &[u8]) -> Result<(), String> {
    let path = generated().join(relative);
    if std::env::var_os("HANGUP_UPDATE_GENERATED").is_some() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        std::fs::write(&path, want).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let have = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if have == want {
        Ok(())
    } else {
        Err(format!(
            "{} is out of date: run HANGUP_UPDATE_GENERATED=1 cargo test --test it packaging::",
            path.display()
        ))
    }
}

#[test]
fn every_manual_page_is_committed_and_up_to_date() {
    let pages = hangup::cli::man_pages();
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.first(), Some(&"hangup.1"));
    for expected in [
        "hangup-play.1",
        "hangup-group.1",
        "hangup-kiosk.1",
        "hangup-check.1",
    ] {
        assert!(names.contains(&expected), "no {expected} in {names:?}");
    }
    let mut problems = Vec::new();
    for (name, text) in &pages {
        if let Err(e) = same_as_committed(&format!("man/{name}"), text) {
            problems.push(e);
        }
    }
    // No stale page left behind for a command that went.
    if std::env::var_os("HANGUP_UPDATE_GENERATED").is_none() {
        let dir = generated().join("man");
        let entries = std::fs::read_dir(&dir)
            .map(|d| d.flatten().count())
            .unwrap_or(0);
        if entries != pages.len() {
            problems.push(format!(
                "{} has {entries} files, want {}",
                dir.display(),
                pages.len()
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_page_the_main_page_points_to_exists() {
    let pages = hangup::cli::man_pages();
    let main = String::from_utf8_lossy(&pages[0].1).into_owned();
    // clap_mangen names each command as hangup\-NAME(1).
    let mut pointed = 0;
    for part in main.split("hangup\\-").skip(1) {
        let Some(name) = part.split('(').next() else {
            continue;
        };
        if name.chars().all(|c| c.is_ascii_lowercase()) && part[name.len()..].starts_with("(1)") {
            pointed += 1;
            let file = format!("hangup-{name}.1");
            assert!(
                pages.iter().any(|(n, _)| *n == file),
                "hangup.1 points to {file}, which is not made"
            );
        }
    }
    assert!(
        pointed >= 8,
        "found only {pointed} command pages named in hangup.1"
    );
}

#[test]
fn tab_completion_files_are_committed_and_up_to_date() {
    let mut problems = Vec::new();
    for (shell, file) in [
        (Shell::Bash, "hangup.bash"),
        (Shell::Zsh, "_hangup"),
        (Shell::Fish, "hangup.fish"),
    ] {
        let text = hangup::cli::completion(shell);
        assert!(
            String::from_utf8_lossy(&text).contains("kiosk"),
            "{file} does not complete kiosk"
        );
        if let Err(e) = same_as_committed(file, &text) {
            problems.push(e);
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_packaged_kiosk_unit_is_the_source_unit_run_from_usr_bin() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(root.join("assets/hangup-kiosk.service")).expect("unit");
    assert!(source.contains("ExecStart=/usr/local/bin/hangup kiosk"));
    let packaged = source.replace("/usr/local/bin/hangup", "/usr/bin/hangup");
    // Its comments too: the trial found "(ExecStart below expects hangup in
    // /usr/local/bin)" above ExecStart=/usr/bin/hangup.
    assert!(!packaged.contains("/usr/local/bin"), "{packaged}");
    same_as_committed("hangup-kiosk.service", packaged.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Where the package puts each file (`[package.metadata.deb] assets` in
/// Cargo.toml): package path -> source path. A `*` is expanded in the last
/// part of a source path only, as the assets use it.
fn packaged_files() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml"))
            .expect("Cargo.toml reads");
    let assets = manifest["package"]["metadata"]["deb"]["assets"]
        .as_array()
        .expect("assets");
    let mut files = Vec::new();
    for asset in assets {
        let (Some(source), Some(dest)) = (asset[0].as_str(), asset[1].as_str()) else {
            panic!("asset {asset:?}");
        };
        let sources: Vec<PathBuf> = match source.rsplit_once("/*") {
            Some((dir, ext)) => std::fs::read_dir(root.join(dir))
                .expect("asset folder")
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(ext))
                .collect(),
            None => vec![root.join(source)],
        };
        for s in sources {
            let name = s.file_name().expect("file name").to_string_lossy();
            let installed = if dest.ends_with('/') {
                format!("{dest}{name}")
            } else {
                dest.to_string()
            };
            files.push((installed, s));
        }
    }
    files
}

/// The documents' links work where the package puts them:
/// /usr/share/doc/hangup/README.md links to docs/kiosk.md, which is there.
#[test]
fn every_link_in_the_packaged_documents_leads_to_a_packaged_file() {
    let files = packaged_files();
    let installed: std::collections::BTreeSet<&str> =
        files.iter().map(|(i, _)| i.as_str()).collect();
    let mut broken = Vec::new();
    let mut links = 0;
    for (at, source) in files.iter().filter(|(i, _)| i.ends_with(".md")) {
        let text = std::fs::read_to_string(source).expect("document");
        let dir = Path::new(at).parent().expect("folder");
        for part in text.split("](").skip(1) {
            let Some(target) = part.split(')').next() else {
                continue;
            };
            let target = target.split('#').next().unwrap_or_default();
            // A scheme (https:, mailto:, or javascript: in a hostile-input example) is not a file.
            if target.is_empty() || target.contains(':') {
                continue;
            }
            links += 1;
            // Resolve "..": the package's paths have no symlinks.
            let mut path: Vec<&str> = dir.iter().map(|p| p.to_str().unwrap_or("")).collect();
            for piece in target.split('/') {
                match piece {
                    "." | "" => {}
                    ".." => {
                        path.pop();
                    }
                    p => path.push(p),
                }
            }
            let resolved = path.join("/");
            if !installed.contains(resolved.as_str()) {
                broken.push(format!(
                    "{at}: ({target}) -> {resolved}, not in the package"
                ));
            }
        }
    }
    assert!(links >= 6, "found only {links} links");
    assert!(broken.is_empty(), "{broken:#?}");
}

/// The package's copyright file carries the licence's text, not just its name.
#[test]
fn the_package_carries_the_licence_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml"))
            .expect("Cargo.toml reads");
    let file = manifest["package"]["metadata"]["deb"]["license-file"][0]
        .as_str()
        .expect("license-file in [package.metadata.deb]");
    let text = std::fs::read_to_string(root.join(file)).expect("the licence file");
    assert!(text.contains("Permission is hereby granted, free of charge"));
    assert_eq!(manifest["package"]["license"].as_str(), Some("MIT"));
}

/// The trial: README said `cargo install --path .` (not the tested set in
/// Cargo.lock), and scenarios/README.md "The two built-in calls" when there
/// are many more.
#[test]
fn install_uses_the_lock_file_and_no_count_of_calls_goes_stale() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    assert!(!readme.contains("cargo install --path"), "use --locked");
    assert!(readme.contains("cargo install --locked --path ."));
    let scenarios =
        std::fs::read_to_string(root.join("scenarios/README.md")).expect("scenarios README");
    assert!(!scenarios.contains("two built-in calls"));
}
