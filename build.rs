//! Embeds every `scenarios/*.toml` file in the binary, so `cargo run --release`
//! works from any folder and a new scenario file needs no code change.

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
}
