//! The metrics commands through Tauri's real IPC layer on the mock runtime (no window, no
//! display), against a real demo workspace, with the argument names the UI sends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_app_lib::state::AppState;
use csplan_store::{GroupBy, NewWorkspace, Store};
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// Fields drop in order: the window and the app (with the open store) before the folder.
struct Harness {
    window: WebviewWindow<MockRuntime>,
    _app: App<MockRuntime>,
    path: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Harness {
    fn demo() -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.db");
        let state = tauri::async_runtime::block_on(async {
            let store = Store::create(&path, NewWorkspace::Demo).await.unwrap();
            let book = store.account_arr().await.unwrap();
            AppState::with_store(store, book)
        });
        let app = csplan_app_lib::with_commands(mock_builder())
            .manage(state)
            .build(mock_context(noop_assets()))
            .unwrap();
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Harness {
            window,
            _app: app,
            path,
            _dir: dir,
        }
    }

    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }
}

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
