//! Load and check 1, 100 and 1,000 scenario files (distinct ids, written to a
//! temporary folder from the built-in scenarios and the tiny fixture); and a
//! 1 MiB adversarial file beside 1 MiB of ordinary scenarios (checking must be
//! linear: within 5x). Run: `cargo bench --bench check`.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use hangup::check::{check_bytes, check_files};
use hangup::engine::Catalogue;
use hangup::engine::library::BUILTIN_SCENARIOS;

const TINY: &str = include_str!("../tests/fixtures/tiny.toml");

#[path = "../tests/it/hostile_gen.rs"]
mod hostile_gen;

const MIB: usize = 1024 * 1024;

/// 1 MiB of ordinary scenarios against 1 MiB adversarial files, one at a time.
fn hostile(c: &mut Criterion) {
    let catalogue = Catalogue::builtin();
    let sources: Vec<&str> = BUILTIN_SCENARIOS.iter().map(|(_, t)| *t).collect();
    let ordinary = hostile_gen::ordinary(MIB, &sources);
    let mut group = c.benchmark_group("check_1mib");
    group.sample_size(10);
    group.bench_function("ordinary", |b| {
        b.iter(|| {
            for (i, f) in ordinary.iter().enumerate() {
                black_box(check_bytes(format!("{i}.toml"), f.as_bytes(), &catalogue));
            }
        })
    });
    for (name, text) in [
        ("missing_next", hostile_gen::missing_next(MIB - 1024)),
        ("long_chain", hostile_gen::long_chain(MIB - 1024)),
        ("duplicate_ids", hostile_gen::duplicate_ids(MIB - 1024)),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(check_bytes("x.toml".into(), text.as_bytes(), &catalogue)))
        });
    }
    group.finish();
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

fn bench(c: &mut Criterion) {
    let catalogue = Catalogue::builtin();
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for n in [1usize, 100, 1000] {
        let dir = tempfile::tempdir().expect("temp dir");
        generate(dir.path(), n);
        let paths = [dir.path().to_path_buf()];
        let report = check_files(&paths, &catalogue);
        assert_eq!(report.files.len(), n);
        assert_eq!(report.errors(), 0, "generated files must be clean");
        group.bench_with_input(BenchmarkId::new("files", n), &paths, |b, paths| {
            b.iter(|| black_box(check_files(paths, &catalogue)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench, hostile);
criterion_main!(benches);
