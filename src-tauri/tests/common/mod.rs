//! The app every command test drives: Tauri's real IPC layer on the mock runtime (no window, no
//! display) over a real workspace file in a temporary folder, called with the argument names the
//! UI sends. Each test file adds its own `impl Harness` helpers beside its tests.
// Each test file compiles this module on its own and uses only part of it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_app_lib::state::AppState;
use csplan_store::{NewWorkspace, Store};
use serde_json::Value;
use std::path::PathBuf;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// Fields drop in order: the window and the app (with the open store) before the folder.
pub struct Harness {
    pub window: WebviewWindow<MockRuntime>,
    pub app: App<MockRuntime>,
    /// The workspace file the app opened.
    pub path: PathBuf,
    pub dir: tempfile::TempDir,
}

impl Harness {
    /// A new demo workspace, `demo.db`.
    pub fn demo() -> Harness {
        Harness::create("demo.db", NewWorkspace::Demo)
    }

    /// A new workspace of `kind` in the file `name`, opened the way the app opens one at start.
    pub fn create(name: &str, kind: NewWorkspace) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        let state = tauri::async_runtime::block_on(async {
            let store = Store::create(&path, kind).await.unwrap();
            let book = store.account_arr().await.unwrap();
            AppState::with_store(store, book)
        });
        Harness::with_state(dir, path, state)
    }

    /// The app over `state`, whatever it holds (an open store or the reason none opened).
    pub fn with_state(dir: tempfile::TempDir, path: PathBuf, state: AppState) -> Harness {
        let app = csplan_app_lib::with_commands(mock_builder())
            .manage(state)
            .build(mock_context(noop_assets()))
            .unwrap();
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Harness {
            window,
            app,
            path,
            dir,
        }
    }

    /// One command through IPC: its JSON answer, or the JSON error it rejected with.
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke(&self.window, cmd, args)
    }

    /// The message of a command that must be refused with the error `code`.
    pub fn refused(&self, cmd: &str, args: Value, code: &str) -> String {
        let error = match self.call(cmd, args) {
            Ok(answer) => panic!("{cmd} should be refused with {code}: {answer}"),
            Err(error) => error,
        };
        assert_eq!(error["code"], code, "{cmd}: {error}");
        error["message"].as_str().unwrap().to_string()
    }
}

/// `cmd` with `args` through IPC on `window`, which a test may hand to another thread to call a
/// command while it polls others.
pub fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize::<Value>().unwrap())
}
