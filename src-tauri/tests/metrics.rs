//! The metrics commands through Tauri's real IPC layer on the mock runtime (no window, no
//! display), against a real demo workspace, with the argument names the UI sends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_store::{GroupBy, Store};
use serde_json::{Value, json};

mod common;
use common::Harness;

fn metric<'a>(group: &'a Value, key: &str) -> &'a Value {
    group["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["key"] == key)
        .unwrap()
}

#[test]
fn the_view_equals_the_store_and_remembers_the_inputs() {
    let h = Harness::demo();
    let snapshots = h.call("metrics_snapshots", json!({})).unwrap();
    let ids: Vec<i64> = snapshots
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 5);
    let mut setup = h.call("metrics_setup", json!({})).unwrap();
    setup["costs"]["cac"] = json!(1_200_000);
    let view = h
        .call(
            "metrics_view",
            json!({ "fromId": ids[3], "toId": ids[4], "by": "segment", "setup": setup }),
        )
        .unwrap();
    let book = &view["report"]["groups"][0];
    assert_eq!(book["label"], "Whole book");
    assert_eq!(view["report"]["groups"].as_array().unwrap().len(), 4);
    assert_eq!(view["trend"].as_array().unwrap().len(), 4);
    assert!(
        view["trend_chart"]
            .as_str()
            .unwrap()
            .contains("Revenue and logo retention per period")
    );

    // The same period straight from the store (the CLI's path) gives the same NRR.
    let expected = tauri::async_runtime::block_on(async {
        let store = Store::open(&h.path).await.unwrap();
        let saved = store.metrics_setup().await.unwrap();
        let from = store.snapshot(ids[3]).await.unwrap();
        let to = store.snapshot(ids[4]).await.unwrap();
        let report = store
            .metrics_between(from, to, GroupBy::Book, &saved)
            .await
            .unwrap();
        store.close().await;
        (saved.costs.cac, report.book_metric("nrr").unwrap().value)
    });
    // The view saved the CAC it was given ($12,000) with the workspace.
    assert_eq!(expected.0.map(|c| c.0), Some(1_200_000));
    assert_eq!(metric(book, "nrr")["value"].as_f64(), expected.1);
}

#[test]
fn bad_inputs_come_back_as_an_error_naming_them() {
    let h = Harness::demo();
    let mut setup = h.call("metrics_setup", json!({})).unwrap();
    setup["settings"]["health_bands"]["yellow_from"] = json!(90);
    let error = h
        .call(
            "metrics_view",
            json!({ "fromId": 1, "toId": 2, "by": "book", "setup": setup }),
        )
        .unwrap_err();
    assert_eq!(error["code"], "invalid-inputs");
    assert!(error["message"].as_str().unwrap().contains("health bands"));
    let taken = h
        .call(
            "metrics_take_snapshot",
            json!({ "asOf": "2026-04-01", "label": "Q1 close" }),
        )
        .unwrap();
    assert_eq!(taken["customers"], 2000);
    h.call("metrics_delete_snapshot", json!({ "id": taken["id"] }))
        .unwrap();
}
