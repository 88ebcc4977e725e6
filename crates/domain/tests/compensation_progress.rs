//! The stress test's progress and cancel hook (UI.md: "Long work shows progress and can be
//! cancelled") must not change what it computes (DESIGN.md: a seeded result is reproduced
//! exactly; WORKLOADS.md W5).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::compensation::{
    CompError, CompPlan, Generator, History, Progress, StressSetup, plan_from_toml, read_history,
    sensitivity, sensitivity_trials, sensitivity_with, simulate, simulate_with,
};
use std::path::{Path, PathBuf};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn example(name: &str) -> CompPlan {
    let path = repo("examples/comp").join(name);
    plan_from_toml(name, &std::fs::read_to_string(path).unwrap()).unwrap()
}

fn shared_history() -> History {
    let path = [
        repo("../shared/bench/data/csm_history.csv"),
        PathBuf::from("/work/shared/bench/data/csm_history.csv"),
    ]
    .into_iter()
    .find(|p| p.exists())
    .expect("shared/bench/data/csm_history.csv beside the repository");
    read_history("csm_history.csv", std::fs::File::open(path).unwrap()).unwrap()
}

#[test]
fn a_run_with_the_hook_is_bit_identical_and_counts_every_trial() {
    let history = shared_history();
    let plans = [example("current.toml"), example("proposed.toml")];
    for generator in [Generator::Free, Generator::Exact] {
        // Not a multiple of the chunk size, so the last, shorter chunk is counted too.
        let setup = StressSetup {
            trials: 3_001,
            seed: 7,
            generator,
            ..StressSetup::default()
        };
        let progress = Progress::new();
        let hooked = simulate_with(&history, &plans, &setup, &progress).unwrap();
        let plain = simulate(&history, &plans, &setup).unwrap();
        assert_eq!(progress.trials_done(), 3_001);
        assert_eq!(hooked.costs.len(), plain.costs.len());
        for (a, b) in hooked.costs.iter().zip(&plain.costs) {
            let bits = |costs: &[f64]| costs.iter().map(|c| c.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(a), bits(b));
        }
        assert_eq!(hooked, plain);
    }
}

#[test]
fn a_cancelled_run_stops_with_an_error_saying_nothing_changed() {
    let history = shared_history();
    let plans = [example("proposed.toml")];
    let progress = Progress::new();
    progress.cancel();
    let setup = StressSetup {
        trials: 100_000,
        ..StressSetup::default()
    };
    let error = simulate_with(&history, &plans, &setup, &progress).unwrap_err();
    assert_eq!(error, CompError::Stopped);
    assert!(error.to_string().contains("stopped before the end"));
    assert!(error.to_string().contains("nothing was changed"));
    assert_eq!(progress.trials_done(), 0);
}

/// The sensitivity table (each of 7 parameters moved down and up: 14 runs) counts its trials
/// in the same progress and gives exactly the unhooked table.
#[test]
fn the_sensitivity_table_counts_its_fourteen_runs_and_is_unchanged_by_the_hook() {
    let history = shared_history();
    let plan = example("proposed.toml");
    let setup = StressSetup {
        trials: 1_001,
        seed: 3,
        ..StressSetup::default()
    };
    assert_eq!(sensitivity_trials(&setup), 14 * 1_001);
    let progress = Progress::new();
    let hooked = sensitivity_with(&history, &plan, &setup, 0.2, &progress).unwrap();
    assert_eq!(progress.trials_done(), 14_014);
    assert_eq!(hooked, sensitivity(&history, &plan, &setup, 0.2).unwrap());
}

/// UI.md: long work "can be cancelled". A cancel while the table runs stops it within the
/// chunk of trials each thread is on (1,024), not after the remaining runs: far fewer than the
/// 14 × 50,000 trials the whole table takes are done, and no table comes back.
#[test]
fn a_cancelled_sensitivity_table_stops_early() {
    let history = shared_history();
    let plan = example("proposed.toml");
    let setup = StressSetup {
        trials: 50_000,
        seed: 11,
        ..StressSetup::default()
    };
    let progress = Progress::new();
    let outcome = std::thread::scope(|scope| {
        let run = scope.spawn(|| sensitivity_with(&history, &plan, &setup, 0.2, &progress));
        // Cancel as soon as the first chunk is counted, as the page's Cancel button does.
        while progress.trials_done() == 0 && !run.is_finished() {
            std::thread::yield_now();
        }
        progress.cancel();
        run.join().unwrap()
    });
    assert_eq!(outcome, Err(CompError::Stopped));
    let done = progress.trials_done();
    assert!(done > 0, "the run had started");
    assert!(
        done < sensitivity_trials(&setup) / 14,
        "{done} trials ran after the cancel: the first of the 14 runs was not even finished"
    );
}

/// A table asked for after the cancel runs no trial at all.
#[test]
fn a_sensitivity_table_cancelled_before_it_starts_runs_nothing() {
    let history = shared_history();
    let progress = Progress::new();
    progress.cancel();
    let setup = StressSetup {
        trials: 10_000,
        ..StressSetup::default()
    };
    let outcome = sensitivity_with(&history, &example("proposed.toml"), &setup, 0.2, &progress);
    assert_eq!(outcome, Err(CompError::Stopped));
    assert_eq!(progress.trials_done(), 0);
}
