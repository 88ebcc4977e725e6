//! Commands through Tauri's real IPC layer on the mock runtime (no window, no display), against
//! a real workspace file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_app_lib::state::AppState;
use csplan_domain::capacity::{ScenarioInputs, run};
use csplan_store::Store;
use serde_json::json;

mod common;
use common::Harness;

#[test]
fn plans_the_open_book_with_both_charts() {
    let app = Harness::demo();
    let defaults = app.call("capacity_defaults", json!({})).unwrap();
    let view = app
        .call("capacity_plan", json!({ "inputs": defaults }))
        .unwrap();

    // The same numbers as the domain computes on the same book.
    let book = tauri::async_runtime::block_on(async {
        let info = app.call("workspace_info", json!({})).unwrap();
        let store = Store::open(std::path::Path::new(info["path"].as_str().unwrap()))
            .await
            .unwrap();
        store.account_arr().await.unwrap()
    });
    let expected = run(&book, &ScenarioInputs::default()).unwrap();
    assert_eq!(view["plan"]["headline"], json!(expected.headline));
    assert_eq!(
        view["plan"]["total"]["top_down"]["headcount"],
        json!(expected.total.top_down.headcount)
    );
    for chart in ["csms_per_segment", "customers_per_csm"] {
        assert!(view["charts"][chart].as_str().unwrap().contains("<svg"));
    }
}

#[test]
fn an_invalid_input_names_its_field() {
    let app = Harness::demo();
    let mut inputs = app.call("capacity_defaults", json!({})).unwrap();
    inputs["params"]["arr_per_csm"] = json!(0);
    let message = app.refused(
        "capacity_plan",
        json!({ "inputs": inputs }),
        "invalid-arr-per-csm",
    );
    assert!(
        message.starts_with("ARR per CSM must be more than $0"),
        "{message}"
    );
}

#[test]
fn scenarios_are_saved_remembered_and_compared() {
    let app = Harness::demo();
    let first = app.call("scenario_current", json!({})).unwrap();
    let mut inputs = first["inputs"].clone();
    inputs["params"]["arr_per_csm"] = json!(200_000_000);

    let created = app
        .call(
            "scenario_create",
            json!({ "name": "Leaner top-down", "inputs": inputs }),
        )
        .unwrap();
    assert_eq!(created["name"], "Leaner top-down");
    // The new scenario is the one opened next time.
    let current = app.call("scenario_current", json!({})).unwrap();
    assert_eq!(current["id"], created["id"]);

    let comparison = app
        .call(
            "scenario_compare",
            json!({ "a": first["id"], "b": created["id"] }),
        )
        .unwrap();
    let rows = comparison["rows"].as_array().unwrap();
    let total = rows.last().unwrap();
    assert_eq!(total["segment"], "Total");
    // $2M per CSM funds fewer CSMs than $1.5M on the same ARR.
    assert!(total["top_down"]["fte_change"].as_f64().unwrap() < 0.0);
    assert_eq!(total["bottom_up"]["fte_change"].as_f64().unwrap(), 0.0);

    app.refused(
        "scenario_create",
        json!({ "name": "leaner TOP-DOWN", "inputs": inputs }),
        "duplicate-name",
    );

    app.call("scenario_delete", json!({ "id": created["id"] }))
        .unwrap();
    let list = app.call("scenario_list", json!({})).unwrap();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|s| s["id"] != created["id"])
    );
}

#[test]
fn a_file_that_cannot_be_opened_still_starts_the_app_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "quarterly notes, not a database").unwrap();
    let state = tauri::async_runtime::block_on(AppState::open(Ok(path.clone())));
    let app = Harness::with_state(dir, path, state);

    let message = app.refused("workspace_info", json!({}), "not-a-database");
    assert!(message.contains("notes.db"), "{message}");
    app.refused("scenario_list", json!({}), "not-a-database");
}
