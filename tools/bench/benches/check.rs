//! Load and check 1, 100 and 1,000 scenario files (distinct ids, written to a
//! temporary folder from the built-in scenarios and the tiny fixture); and a
//! 1 MiB adversarial file beside 1 MiB of ordinary scenarios (checking must be
//! linear: within 5x). Run: `cargo bench -p hangup-bench --bench check` (divan).

use std::hint::black_box;
use std::path::Path;

use divan::Bencher;
use hangup::check::{check_bytes, check_files};
use hangup::engine::Catalogue;
use hangup::engine::library::BUILTIN_SCENARIOS;

const TINY: &str = include_str!("../../../tests/fixtures/tiny.toml");

#[path = "../../../tests/it/hostile_gen.rs"]
mod hostile_gen;

const MIB: usize = 1024 * 1024;

fn main() {
    divan::main();
}

/// 1 MiB of ordinary scenarios against 1 MiB adversarial files, one at a time.
mod check_1mib {
    use super::*;

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn ordinary(b: Bencher) {
        let catalogue = Catalogue::builtin();
        let sources: Vec<&str> = BUILTIN_SCENARIOS.iter().map(|(_, t)| *t).collect();
        let ordinary = hostile_gen::ordinary(MIB, &sources);
        b.bench_local(|| {
            for (i, f) in ordinary.iter().enumerate() {
                black_box(check_bytes(format!("{i}.toml"), f.as_bytes(), &catalogue));
            }
        });
    }

    #[divan::bench(
        args = ["missing_next", "long_chain", "duplicate_ids"],
        sample_count = 10,
        sample_size = 1
    )]
    fn hostile(b: Bencher, name: &str) {
        let catalogue = Catalogue::builtin();
        let text = match name {
            "missing_next" => hostile_gen::missing_next(MIB - 1024),
            "long_chain" => hostile_gen::long_chain(MIB - 1024),
            _ => hostile_gen::duplicate_ids(MIB - 1024),
        };
        b.bench_local(|| black_box(check_bytes("x.toml".into(), text.as_bytes(), &catalogue)));
    }
}

/// Write `n` scenario files with distinct ids into `dir`.
fn generate(dir: &Path, n: usize) {
    let mut sources: Vec<&str> = BUILTIN_SCENARIOS.iter().map(|(_, t)| *t).collect();
    sources.push(TINY);
    for i in 0..n {
        let src = sources[i % sources.len()];
        // Give each copy its own id: replace the first `id = "..."` line.
        let mut out = String::with_capacity(src.len() + 16);
        let mut done = false;
        for line in src.lines() {
            if !done && line.starts_with("id = \"") {
                out.push_str(&format!("id = \"bench-{i}\"\n"));
                done = true;
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
        std::fs::write(dir.join(format!("s{i:04}.toml")), out).expect("write scenario");
    }
}

/// Checking a folder of generated files.
mod check {
    use super::*;

    /// Check a folder of `n` generated files.
    #[divan::bench(args = [1, 100, 1000], sample_count = 10, sample_size = 1)]
    fn files(b: Bencher, n: usize) {
        let catalogue = Catalogue::builtin();
        let dir = tempfile::tempdir().expect("temp dir");
        generate(dir.path(), n);
        let paths = [dir.path().to_path_buf()];
        let report = check_files(&paths, &catalogue);
        assert_eq!(report.files.len(), n);
        assert_eq!(report.errors(), 0, "generated files must be clean");
        b.bench_local(|| black_box(check_files(&paths, &catalogue)));
    }
}
