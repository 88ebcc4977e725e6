//! Issue target: recomputing the whole plan after a parameter change takes under 16 ms (one
//! frame) for 100k accounts held in memory. The book is the generated 100k-account file of
//! shared/bench/gen_book.py (`bench/run.sh` makes it); CSPLAN_BENCH_BOOK points elsewhere.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use csplan_domain::Cents;
use csplan_domain::capacity::{ScenarioInputs, run};
use std::hint::black_box;

fn load_book() -> Vec<Cents> {
    let path = std::env::var("CSPLAN_BENCH_BOOK")
        .unwrap_or_else(|_| "../../bench-data/accounts_100k.csv".to_string());
    let mut reader = csv::Reader::from_path(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}; run bench/run.sh to generate the book first"));
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "arr")
        .expect("an arr column");
    reader
        .records()
        .map(|r| Cents::parse_decimal(&r.unwrap()[column]).unwrap())
        .collect()
}

fn recompute(c: &mut Criterion) {
    let book = load_book();
    let mut inputs = ScenarioInputs::default();
    let mut arr_per_csm = 1_500_000;
    c.bench_function(
        &format!("plan after a parameter change ({} accounts)", book.len()),
        |b| {
            b.iter(|| {
                // A different ARR per CSM each time, as when a person types in the field.
                arr_per_csm = if arr_per_csm == 1_500_000 {
                    1_400_000
                } else {
                    1_500_000
                };
                inputs.params.arr_per_csm = Cents::from_dollars(arr_per_csm);
                black_box(run(black_box(&book), &inputs).unwrap())
            })
        },
    );
}

criterion_group!(benches, recompute);
criterion_main!(benches);
