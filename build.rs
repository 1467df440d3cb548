//! Embeds every `scenarios/*.toml` file in the binary, so `cargo run --release`
//! works from any folder and a new scenario file needs no code change.
//! Also embeds the interface wording, `assets/locales/<language>/*.ftl`
//! (see `src/i18n`), so a new .ftl file needs no code change either.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=scenarios");
    let dir = Path::new("scenarios");
    let mut files: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code = String::from(
        "/// Built-in scenario files: (file name, contents).\npub const BUILTIN_SCENARIOS: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed=scenarios/{f}");
        code.push_str(&format!(
            "    ({f:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/scenarios/{f}\"))),\n"
        ));
    }
    code.push_str("];\n");
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_scenarios.rs");
    fs::write(out, code).expect("can write to OUT_DIR");
    locales();
    translations();
}

/// A folder named like a language tag: "cy", "en-GB", "gd".
fn is_language_folder(name: &str) -> bool {
    let mut parts = name.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// `BUILTIN_TRANSLATIONS`: (English file, language, contents) for every
/// translation beside a built-in English file: `scenarios/<lang>/*.toml`,
/// `assets/catalogue/<lang>/*.toml` and `assets/<lang>/quick-check.toml`.
fn translations() {
    let mut found: Vec<(String, String, String)> = Vec::new();
    for base in ["scenarios", "assets/catalogue", "assets"] {
        println!("cargo:rerun-if-changed={base}");
        for lang in fs::read_dir(base)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
        {
            let lang_name = lang.file_name().to_string_lossy().into_owned();
            if !is_language_folder(&lang_name) || !lang.path().is_dir() {
                continue;
            }
            println!("cargo:rerun-if-changed={base}/{lang_name}");
            for f in fs::read_dir(lang.path())
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
            {
                let name = f.file_name().to_string_lossy().into_owned();
                if name.ends_with(".toml") {
                    found.push((
                        format!("{base}/{name}"),
                        lang_name.clone(),
                        format!("{base}/{lang_name}/{name}"),
                    ));
                }
            }
        }
    }
    found.sort();
    let mut code = String::from(
        "/// Built-in translations: (English file, language, contents).\npub const BUILTIN_TRANSLATIONS: &[(&str, &str, &str)] = &[\n",
    );
    for (english, lang, path) in &found {
        println!("cargo:rerun-if-changed={path}");
        code.push_str(&format!(
            "    ({english:?}, {lang:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{path}\"))),\n"
        ));
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("builtin_translations.rs");
    fs::write(out, code).expect("can write to OUT_DIR");
}

/// `LOCALE_FILES`: (language folder, file name, contents) for every
/// `assets/locales/*/*.ftl`, sorted so builds are repeatable.
fn locales() {
    println!("cargo:rerun-if-changed=assets/locales");
    let root = Path::new("assets/locales");
    let mut files: Vec<(String, String)> = Vec::new();
    for lang in fs::read_dir(root)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
    {
        let lang_name = lang.file_name().to_string_lossy().into_owned();
        println!("cargo:rerun-if-changed=assets/locales/{lang_name}");
        for f in fs::read_dir(lang.path())
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
        {
            let name = f.file_name().to_string_lossy().into_owned();
            if name.ends_with(".ftl") {
                files.push((lang_name.clone(), name));
            }
        }
    }
    files.sort();
    let mut code = String::from(
        "/// Built-in interface wording: (language folder, file name, contents).\npub const LOCALE_FILES: &[(&str, &str, &str)] = &[\n",
    );
    for (lang, f) in &files {
        println!("cargo:rerun-if-changed=assets/locales/{lang}/{f}");
        code.push_str(&format!(
            "    ({lang:?}, {f:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/assets/locales/{lang}/{f}\"))),\n"
        ));
    }
    code.push_str("];\n");
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_locales.rs");
    fs::write(out, code).expect("can write to OUT_DIR");
}
