//! Issue target: the W5 stress test (100,000 trials × 200 CSMs × 4 quarters, two plans) runs
//! fast. Each generator is measured on the shipped history with the example plans; trials are
//! fewer than W5's so criterion can repeat them (the time scales linearly with trials).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use csplan_domain::compensation::{
    CompPlan, Generator, StressSetup, plan_from_toml, read_history, simulate,
};
use std::hint::black_box;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn plan(name: &str) -> CompPlan {
    let path = root().join("examples/comp").join(name);
    plan_from_toml(name, &std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn stress(c: &mut Criterion) {
    let path = std::env::var("CSPLAN_BENCH_HISTORY")
        .unwrap_or_else(|_| "/work/shared/bench/data/csm_history.csv".to_string());
    let history = read_history(&path, std::fs::File::open(&path).unwrap()).unwrap();
    let plans = [plan("current.toml"), plan("proposed.toml")];
    let mut group = c.benchmark_group("W5 stress, 10,000 trials x 200 CSMs x 4 quarters, 2 plans");
    group.sample_size(10);
    for generator in [Generator::Exact, Generator::Free] {
        let setup = StressSetup {
            trials: 10_000,
            generator,
            ..StressSetup::default()
        };
        group.bench_function(format!("{generator:?}"), |b| {
            b.iter(|| black_box(simulate(&history, &plans, &setup).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, stress);
criterion_main!(benches);
