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

/// The demo workspace with `tests/e2e/fixtures/demo-movements-2026q1.csv` imported: an upsell of
/// $500, a downgrade of $800, the churn of ACC-0000003 ($1,000) and a new logo of $4,000, all
/// after the last snapshot (2026-01-01, $35,100,996.71).
fn with_movements() -> Harness {
    let h = Harness::demo();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/e2e/fixtures/demo-movements-2026q1.csv");
    tauri::async_runtime::block_on(async {
        let store = Store::open(&h.path).await.unwrap();
        assert_eq!(store.import_movements_csv(&file).await.unwrap().rows, 4);
        store.close().await;
    });
    h
}

#[test]
fn a_period_from_movements_is_the_clis_and_saves_the_inputs() {
    let h = with_movements();
    let mut setup = h.call("metrics_setup", json!({})).unwrap();
    setup["settings"]["health_bands"]["green_from"] = json!(75);
    let period = h
        .call(
            "metrics_movements_view",
            json!({ "from": "2026-01-01", "to": "2026-03-31", "by": "book", "setup": setup }),
        )
        .unwrap();
    assert_eq!(period["from"]["as_of"], "2026-01-01");
    assert_eq!(period["to"], "2026-03-31");
    assert_eq!(period["rows"], 4);
    let book = &period["book"];
    assert_eq!(book["label"], "Whole book");
    assert_eq!(book["movements"]["starting_arr"], 3_510_099_671_i64);
    assert_eq!(book["movements"]["ending_arr"], 3_510_369_671_i64);
    // DOMAIN.md §5.1: NRR = (start + expansion − churn − contraction) / start
    // = (35,100,996.71 + 500 − 1,000 − 800) / 35,100,996.71; GRR leaves out the expansion.
    assert_eq!(
        metric(book, "nrr")["value"].as_f64(),
        Some(3_509_969_671.0 / 3_510_099_671.0)
    );
    // The store divides lost ARR by start (1 − lost / start): equal to the last bit or so.
    let grr = metric(book, "grr")["value"].as_f64().unwrap();
    assert!((grr - 3_509_919_671.0 / 3_510_099_671.0).abs() < 1e-15);
    assert_eq!(period["groups"], json!([]));
    // Per segment (ARR tier at the start): the three tiers after the same whole book; the new
    // logo has no tier at the start and counts in the whole book only.
    let by_segment = h
        .call(
            "metrics_movements_view",
            json!({ "from": "2026-01-01", "to": "2026-03-31", "by": "segment", "setup": setup }),
        )
        .unwrap();
    assert_eq!(by_segment["book"], period["book"]);
    let labels: Vec<&str> = by_segment["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["Segment Enterprise", "Segment Mid-Market", "Segment SMB"]
    );
    let new: i64 = by_segment["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["movements"]["new"].as_i64().unwrap())
        .sum();
    assert_eq!(new, 0);
    // The cut-offs given were saved with the workspace.
    let saved = h.call("metrics_setup", json!({})).unwrap();
    assert_eq!(saved["settings"]["health_bands"]["green_from"], 75.0);

    let error = h
        .call(
            "metrics_movements_view",
            json!({ "from": "2026-01-01", "to": "31/03/2026", "by": "book", "setup": saved }),
        )
        .unwrap_err();
    assert_eq!(error["code"], "invalid-inputs");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .starts_with("Period end:")
    );
}

#[test]
fn the_health_cut_offs_are_saved_without_a_period_and_bad_ones_refused() {
    let h = Harness::create("empty.db", csplan_store::NewWorkspace::Empty);
    assert_eq!(h.call("metrics_snapshots", json!({})).unwrap(), json!([]));
    let mut setup = h.call("metrics_setup", json!({})).unwrap();
    setup["settings"]["health_bands"] = json!({ "green_from": 80.0, "yellow_from": 50.0 });
    h.call("metrics_save_setup", json!({ "setup": setup }))
        .unwrap();
    let saved = h.call("metrics_setup", json!({})).unwrap();
    assert_eq!(
        saved["settings"]["health_bands"],
        json!({ "green_from": 80.0, "yellow_from": 50.0 })
    );
    setup["settings"]["health_bands"] = json!({ "green_from": 40, "yellow_from": 60 });
    let error = h
        .call("metrics_save_setup", json!({ "setup": setup }))
        .unwrap_err();
    assert_eq!(error["code"], "invalid-inputs");
    assert!(error["message"].as_str().unwrap().contains("health bands"));
    // Nothing was written: the last good cut-offs stay.
    assert_eq!(
        h.call("metrics_setup", json!({})).unwrap()["settings"]["health_bands"],
        json!({ "green_from": 80.0, "yellow_from": 50.0 })
    );
}
