//! The compensation commands through Tauri's real IPC layer on the mock runtime (no window, no
//! display), against a real demo workspace, with the argument names the UI sends. Expected
//! numbers come from the domain engine run on the same workspace's history and plans.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_app_lib::commands::compensation::{StressShifts, import_plan, stress, stress_setup};
use csplan_domain::compensation::{
    BacktestOptions, CompPlan, History, StressPreset, backtest, lint, sensitivity, simulate,
    summarize, target_budget,
};
use csplan_store::Store;
use serde_json::{Value, json};

mod common;
use common::Harness;

impl Harness {
    /// The demo's plans by id: (current, proposed), the order they were saved in.
    fn demo_plans(&self) -> (i64, i64) {
        let list = self.call("comp_plans", json!({})).unwrap();
        let mut ids: Vec<i64> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_i64().unwrap())
            .collect();
        ids.sort();
        assert_eq!(ids.len(), 2, "the demo has two comp plans: {list}");
        (ids[0], ids[1])
    }

    fn plan(&self, id: i64) -> CompPlan {
        let opened = self.call("comp_plan_open", json!({ "id": id })).unwrap();
        serde_json::from_value(opened["saved"]["plan"].clone()).unwrap()
    }

    /// What the engine reads from the workspace file, through a second connection.
    fn history(&self) -> History {
        tauri::async_runtime::block_on(async {
            let store = Store::open(&self.path).await.unwrap();
            let history = store.csm_history().await.unwrap();
            store.close().await;
            history
        })
    }
}

/// Equal up to the last bits of each number: the IPC layer's JSON parser does not round-trip
/// every f64 exactly.
fn assert_same(shown: &Value, expected: &Value, at: &str) {
    match (shown, expected) {
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            assert!(
                (a - b).abs() <= 1e-12 * a.abs().max(b.abs()),
                "{at}: {a} != {b}"
            );
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{at}: lengths differ");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                assert_same(x, y, &format!("{at}[{i}]"));
            }
        }
        (Value::Object(a), Value::Object(b)) => {
            assert_eq!(
                a.keys().collect::<Vec<_>>(),
                b.keys().collect::<Vec<_>>(),
                "{at}: fields differ"
            );
            for (key, x) in a {
                assert_same(x, &b[key], &format!("{at}.{key}"));
            }
        }
        _ => assert_eq!(shown, expected, "{at}"),
    }
}

fn backtest_args(current: i64, proposed: i64) -> Value {
    json!({
        "currentId": current,
        "proposedId": proposed,
        "options": { "perf_weights": { "grr": 0.4, "nrr": 0.4, "nps": 0.2 }, "top_share": 0.1, "max_drop_pct": 0.0 },
    })
}

#[test]
fn the_backtest_is_the_engines_on_the_workspace_history_with_both_charts() {
    let h = Harness::demo();
    let (current, proposed) = h.demo_plans();
    let view = h
        .call("comp_backtest", backtest_args(current, proposed))
        .unwrap();

    let expected = backtest(
        &h.history(),
        &h.plan(current),
        &h.plan(proposed),
        &BacktestOptions::default(),
    )
    .unwrap();
    assert_same(
        &view["backtest"],
        &serde_json::to_value(&expected).unwrap(),
        "backtest",
    );
    assert_eq!(
        view["history"]["csms"], 12,
        "the demo history: {}",
        view["history"]
    );
    assert_eq!(view["history"]["quarters"], 8);
    for chart in ["payout_distribution", "rank_vs_rank"] {
        let svg = view["charts"][chart].as_str().unwrap();
        assert!(svg.contains("<svg"), "{chart} is an SVG");
    }
    let headline = view["backtest"]["verdict"]["headline"].as_str().unwrap();
    assert!(headline.starts_with("Top performers"), "{headline}");
}

#[test]
fn a_save_returns_the_new_version_and_the_lint_of_what_was_saved() {
    let h = Harness::demo();
    let (_, proposed) = h.demo_plans();
    let mut plan = h.plan(proposed);
    let before = lint(&plan);
    assert!(
        before.iter().all(|w| w.field != "split"),
        "70/30 is a CS split: {before:?}"
    );

    plan.split.base = 50.0;
    plan.split.variable = 50.0;
    let saved = h
        .call(
            "comp_plan_save",
            json!({ "id": proposed, "plan": plan.clone() }),
        )
        .unwrap();
    assert_eq!(saved["summary"]["version"], 2);
    let fields: Vec<&str> = saved["lint"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"split"),
        "50/50 is Sales' norm: {fields:?}"
    );

    // Saving the same plan again changes nothing, so it keeps its version.
    let again = h
        .call("comp_plan_save", json!({ "id": proposed, "plan": plan }))
        .unwrap();
    assert_eq!(again["summary"]["version"], 2);
    assert_eq!(h.plan(proposed).split.variable, 50.0);
}

#[test]
fn a_plan_the_engine_cannot_compute_is_refused_naming_the_field() {
    let h = Harness::demo();
    let (_, proposed) = h.demo_plans();
    let mut plan = h.plan(proposed);
    plan.measures[0].target = 0.0;
    let error = h
        .call("comp_plan_save", json!({ "id": proposed, "plan": plan }))
        .unwrap_err();
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("target"), "{message}");
    assert_eq!(
        h.plan(proposed).measures[0].target,
        1.05,
        "nothing was saved"
    );
}

#[test]
fn the_stress_test_is_the_engines_with_the_seed_trials_and_preset_asked_for() {
    let h = Harness::demo();
    let (current, proposed) = h.demo_plans();
    let view = h
        .call(
            "comp_stress",
            json!({ "planIds": [current, proposed], "trials": 500, "seed": 7, "preset": "churn-spike", "custom": null, "budgets": [null, 1000000.0] }),
        )
        .unwrap();

    let plans = [h.plan(current), h.plan(proposed)];
    let history = h.history();
    let setup = stress_setup(500, 7, Some(StressPreset::ChurnSpike), None);
    let run = simulate(&history, &plans, &setup).unwrap();
    let first = summarize(
        &plans[0].name,
        &run.costs[0],
        target_budget(&plans[0], run.csms),
    );
    let second = summarize(&plans[1].name, &run.costs[1], 1_000_000.0);
    assert_same(
        &view["summaries"],
        &serde_json::to_value([first, second]).unwrap(),
        "summaries",
    );
    assert_eq!(view["setup"]["seed"], 7);
    assert_eq!(view["setup"]["trials"], 500);
    // The sensitivity table is the proposed (last) plan's, on the same draws (500 < 10,000 trials).
    let rows = sensitivity(&history, &plans[1], &setup, 0.2).unwrap();
    assert_eq!(rows.len(), 7);
    assert_same(
        &view["sensitivity"],
        &serde_json::to_value(rows).unwrap(),
        "sensitivity",
    );
    assert!(view["chart"].as_str().unwrap().contains("<svg"));
}

#[test]
fn a_stress_test_without_plans_with_a_negative_budget_or_too_many_trials_is_refused() {
    let h = Harness::demo();
    let (current, _) = h.demo_plans();
    let none = h
        .call(
            "comp_stress",
            json!({ "planIds": [], "trials": 10, "seed": 1, "preset": null, "custom": null, "budgets": [] }),
        )
        .unwrap_err();
    assert_eq!(none["code"], "invalid-stress-setup");
    let negative = h
        .call(
            "comp_stress",
            json!({ "planIds": [current], "trials": 10, "seed": 1, "preset": null, "custom": null, "budgets": [-5.0] }),
        )
        .unwrap_err();
    assert_eq!(negative["code"], "invalid-budget");
    let too_many = h
        .call(
            "comp_stress",
            json!({ "planIds": [current], "trials": 4_000_000_000u32, "seed": 1, "preset": null, "custom": null, "budgets": [] }),
        )
        .unwrap_err();
    assert_eq!(too_many["code"], "invalid-stress-setup");
    assert!(too_many["message"].as_str().unwrap().starts_with("Trials"));
}

#[test]
fn an_imported_plan_file_becomes_a_new_plan_and_a_broken_one_changes_nothing() {
    let h = Harness::demo();
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("draft.toml");
    let example = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/comp/proposed.toml"),
    )
    .unwrap();
    std::fs::write(
        &good,
        example.replace("name = \"proposed\"", "name = \"Draft\""),
    )
    .unwrap();
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "name = \"Broken\"\nmodel = \"no-such-model\"\n").unwrap();

    tauri::async_runtime::block_on(async {
        let store = Store::open(&h.path).await.unwrap();
        let imported = import_plan(&store, &good).await.unwrap();
        assert_eq!(imported.saved.name, "Draft");
        assert_eq!(imported.saved.version, 1);
        let error = import_plan(&store, &broken).await.unwrap_err();
        assert_eq!(error.code, "invalid-comp-plan");
        assert!(
            error.message.starts_with("broken.toml"),
            "{}",
            error.message
        );
        assert_eq!(store.list_comp_plans().await.unwrap().len(), 3);
        store.close().await;
    });
}

#[test]
fn duplicate_rename_and_delete_keep_the_list_in_step() {
    let h = Harness::demo();
    let (current, _) = h.demo_plans();
    let copy = h
        .call(
            "comp_plan_duplicate",
            json!({ "id": current, "name": "Current, copy" }),
        )
        .unwrap();
    let copy_id = copy["saved"]["id"].as_i64().unwrap();
    assert_eq!(copy["saved"]["plan"]["name"], "Current, copy");
    h.call(
        "comp_plan_rename",
        json!({ "id": copy_id, "name": "Renamed" }),
    )
    .unwrap();
    let names: Vec<String> = h
        .call("comp_plans", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.contains(&"Renamed".to_string()), "{names:?}");
    h.call("comp_plan_delete", json!({ "id": copy_id }))
        .unwrap();
    assert_eq!(
        h.call("comp_plans", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn a_custom_scenario_shifts_losses_and_expansion_and_a_negative_shift_names_its_field() {
    let h = Harness::demo();
    let (_, proposed) = h.demo_plans();
    let args = |churn: f64| {
        json!({ "planIds": [proposed], "trials": 300, "seed": 11, "preset": null,
                "custom": { "churn_shift": churn, "expansion_shift": 0.5 }, "budgets": [null] })
    };
    let view = h.call("comp_stress", args(2.0)).unwrap();
    assert_eq!(view["setup"]["churn_shift"], 2.0);
    assert_eq!(view["setup"]["expansion_shift"], 0.5);
    let plan = h.plan(proposed);
    let history = h.history();
    let setup = stress_setup(
        300,
        11,
        None,
        Some(StressShifts {
            churn_shift: 2.0,
            expansion_shift: 0.5,
        }),
    );
    let run = simulate(&history, std::slice::from_ref(&plan), &setup).unwrap();
    let expected = summarize(&plan.name, &run.costs[0], target_budget(&plan, run.csms));
    assert_same(
        &view["summaries"][0],
        &serde_json::to_value(expected).unwrap(),
        "custom",
    );
    let base = h
        .call(
            "comp_stress",
            json!({ "planIds": [proposed], "trials": 300, "seed": 11, "preset": null, "custom": null, "budgets": [null] }),
        )
        .unwrap();
    assert!(
        view["summaries"][0]["p50"].as_f64() < base["summaries"][0]["p50"].as_f64(),
        "more losses and half the expansion cost less variable under an NRR plan"
    );

    let error = h.call("comp_stress", args(-1.0)).unwrap_err();
    assert_eq!(error["code"], "invalid-stress-setup");
    assert!(error["message"].as_str().unwrap().contains("churn_shift"));
}

/// DESIGN.md: the seed is stored with the workspace. A finished run saves its set-up with each
/// plan's budget; reading it back gives what the page asked for.
#[test]
fn a_finished_stress_run_saves_its_set_up_in_the_workspace() {
    let h = Harness::demo();
    let (current, proposed) = h.demo_plans();
    assert_eq!(h.call("comp_stress_setup", json!({})).unwrap(), Value::Null);
    h.call(
        "comp_stress",
        json!({ "planIds": [current, proposed], "trials": 200, "seed": 99, "preset": null,
                "custom": { "churn_shift": 1.25, "expansion_shift": 0.75 }, "budgets": [null, 500000.0] }),
    )
    .unwrap();
    let saved = h.call("comp_stress_setup", json!({})).unwrap();
    assert_eq!(
        saved,
        json!({ "trials": 200, "seed": 99, "generator": "free", "preset": null,
                "custom": { "churn_shift": 1.25, "expansion_shift": 0.75 },
                "budgets": [{ "plan_id": current, "budget": null }, { "plan_id": proposed, "budget": 500000.0 }] })
    );
    // A refused run leaves the saved set-up as it was.
    h.call(
        "comp_stress",
        json!({ "planIds": [current], "trials": 10, "seed": 1, "preset": null, "custom": null, "budgets": [-5.0] }),
    )
    .unwrap_err();
    assert_eq!(h.call("comp_stress_setup", json!({})).unwrap(), saved);
}

/// UI.md: long work shows progress and can be cancelled. The run is cancelled through the
/// app state from a second command while it is running; it then stops with `stress-stopped` and
/// saves nothing.
#[test]
fn a_running_stress_test_reports_progress_and_stops_when_cancelled() {
    let h = Harness::demo();
    let (current, proposed) = h.demo_plans();
    assert_eq!(
        h.call("comp_stress_progress", json!({})).unwrap(),
        Value::Null
    );
    assert_eq!(h.call("comp_stress_cancel", json!({})).unwrap(), false);
    let window = h.window.clone();
    let run = std::thread::spawn(move || {
        common::invoke(
            &window,
            "comp_stress",
            json!({ "planIds": [current, proposed], "trials": 1_000_000, "seed": 5, "preset": null, "custom": null, "budgets": [] }),
        )
    });
    let started = std::time::Instant::now();
    let seen = loop {
        let progress = h.call("comp_stress_progress", json!({})).unwrap();
        if progress["trials_done"]
            .as_u64()
            .is_some_and(|done| done > 0)
        {
            break progress;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "no progress reported: {progress}"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    assert_eq!(seen["trials"], 1_000_000);
    assert!(seen["trials_done"].as_u64().unwrap() < 1_000_000, "{seen}");
    assert_eq!(h.call("comp_stress_cancel", json!({})).unwrap(), true);
    let error = run.join().unwrap().unwrap_err();
    assert_eq!(error["code"], "stress-stopped");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("stopped before the end; nothing was changed")
    );
    assert_eq!(
        h.call("comp_stress_progress", json!({})).unwrap(),
        Value::Null
    );
    assert_eq!(h.call("comp_stress_setup", json!({})).unwrap(), Value::Null);
}

/// The sensitivity table runs 14 × the trials (up to 10,000) after the test's own: the progress
/// command reports them apart, and a cancel while the table runs stops it with `stress-stopped`.
/// With 10,000 trials the table is 14 × 10,000 = 140,000 trials.
#[test]
fn a_cancel_while_the_sensitivity_table_runs_stops_the_table() {
    let h = Harness::demo();
    let (current, proposed) = h.demo_plans();
    let window = h.window.clone();
    let run = std::thread::spawn(move || {
        common::invoke(
            &window,
            "comp_stress",
            json!({ "planIds": [current, proposed], "trials": 10_000, "seed": 9, "preset": null, "custom": null, "budgets": [] }),
        )
    });
    let started = std::time::Instant::now();
    let seen = loop {
        let progress = h.call("comp_stress_progress", json!({})).unwrap();
        if progress["sensitivity_done"]
            .as_u64()
            .is_some_and(|done| done > 0)
        {
            break progress;
        }
        assert!(
            !run.is_finished(),
            "the run ended without the table ever reporting progress: {progress}"
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(300),
            "the table never started: {progress}"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    assert_eq!(seen["trials_done"], 10_000, "{seen}");
    assert_eq!(seen["trials"], 10_000);
    assert_eq!(seen["sensitivity_trials"], 140_000);
    assert_eq!(h.call("comp_stress_cancel", json!({})).unwrap(), true);
    let error = run.join().unwrap().unwrap_err();
    assert_eq!(error["code"], "stress-stopped");
    assert_eq!(h.call("comp_stress_setup", json!({})).unwrap(), Value::Null);
}

/// The same cancel on the `stress` function the command runs: once the table has begun, a
/// cancel stops it without running the rest of its 140,000 trials (each thread finishes the
/// chunk of 1,024 it is on, then every later run stops before its first).
#[test]
fn a_cancelled_sensitivity_table_stops_early() {
    let h = Harness::demo();
    let (current, proposed) = h.demo_plans();
    let plans = [h.plan(current), h.plan(proposed)];
    let history = h.history();
    let setup = stress_setup(10_000, 9, None, None);
    let progress = csplan_domain::compensation::Progress::new();
    let outcome = std::thread::scope(|scope| {
        let run = scope.spawn(|| stress(&history, &plans, &setup, &[], &progress));
        // The test's own 10,000 trials are done: the table has begun.
        while progress.trials_done() <= 10_000 && !run.is_finished() {
            std::thread::yield_now();
        }
        progress.cancel();
        run.join().unwrap()
    });
    let error = outcome.unwrap_err();
    assert_eq!(error.code, "stress-stopped");
    let done = progress.trials_done();
    assert!(
        (10_001..150_000).contains(&done),
        "{done} trials: the table should have begun and stopped before its end (150,000)"
    );
}
