//! The import commands through Tauri's real IPC layer on the mock runtime, against a real demo
//! workspace and the e2e fixture `tests/e2e/fixtures/accounts-with-errors.csv` (7 rows in a CRM's
//! own headers: 3 valid, one of them updating the demo's ACC-0000001, and 4 rejected). The file
//! is chosen as the dialog would (`ImportRuns::choose`); everything after goes through IPC.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_app_lib::state::AppState;
use csplan_store::Store;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use tauri::Manager;

mod common;
use common::Harness;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/e2e/fixtures/accounts-with-errors.csv")
}

impl Harness {
    /// What the open dialog does when the person picks `file`.
    fn choose(&self, file: &Path) {
        self.app
            .state::<AppState>()
            .imports
            .choose(file.to_path_buf());
    }

    /// Accounts and total ARR in cents, as the app's book holds them (what every page plans on).
    fn book(&self) -> (usize, i64) {
        let state = self.app.state::<AppState>();
        let book = tauri::async_runtime::block_on(state.book());
        (book.len(), book.iter().map(|c| c.0).sum())
    }
}

fn options(skip_invalid: bool) -> Value {
    json!({ "options": { "mapping": null, "mapping_name": null, "date_order": null, "sheet": null,
        "skip_invalid": skip_invalid } })
}

#[test]
fn preview_import_and_undo_of_a_file_with_errors() {
    let app = Harness::demo();
    assert_eq!(app.book(), (2000, 3_510_099_671));
    app.choose(&fixture());

    let preview = app.call("import_preview", options(false)).unwrap();
    assert_eq!(preview["rows"], 7);
    assert_eq!(preview["valid_rows"], 3);
    assert_eq!(preview["report"]["total_problems"], 4);
    assert_eq!(preview["report"]["rejected_rows"], 4);
    // Every problem with its physical line (header = line 1), column header, value and reason.
    assert_eq!(
        preview["report"]["problems"],
        json!([
            { "line": 4, "column": "ARR", "value": "twelve thousand",
              "reason": "\"twelve thousand\" is not a number (write an amount like 1200.50, $1,200.50 or 1.200,50 EUR)" },
            { "line": 5, "column": "Health Score", "value": "140",
              "reason": "140 is outside 0 to 100" },
            { "line": 6, "column": "Contract Start", "value": "2025-02-30",
              "reason": "2025-02-30 is not a real calendar date (impossible date)" },
            { "line": 7, "column": "Account ID", "value": "ACC-0900001",
              "reason": "ACC-0900001 appears again (first on line 3); each account may appear once (duplicate account id)" },
        ])
    );
    assert_eq!(
        preview["mapping"]["columns"][16],
        json!({ "header": "Tier Notes", "target": { "kind": "custom" } })
    );
    // Nothing written by a preview, and nothing running after it.
    assert_eq!(app.book(), (2000, 3_510_099_671));
    assert_eq!(app.call("import_progress", json!({})).unwrap(), Value::Null);
    assert_eq!(app.call("import_cancel", json!({})).unwrap(), json!(false));

    // Reject mode refuses the file with its report; skip-invalid writes the 3 valid rows.
    let refused = app.call("import_run", options(false)).unwrap_err();
    assert_eq!(refused["code"], "invalid-import");
    assert_eq!(refused["import_report"]["total_problems"], 4);
    assert_eq!(app.book(), (2000, 3_510_099_671));

    let outcome = app.call("import_run", options(true)).unwrap();
    assert_eq!(
        (&outcome["added"], &outcome["updated"], &outcome["rejected"]),
        (&json!(2), &json!(1), &json!(4))
    );
    // ACC-0000001 $13,059.49 -> $15,000.00 (+194,051 cents), + $48,250.50 + $31,000.00.
    assert_eq!(
        app.book(),
        (2002, 3_510_099_671 + 194_051 + 4_825_050 + 3_100_000)
    );

    let history = app.call("import_history", json!({})).unwrap();
    assert_eq!(history[0]["file_name"], "accounts-with-errors.csv");
    assert_eq!(history[0]["can_undo"], true);

    let undone = app.call("import_undo", json!({})).unwrap();
    assert_eq!(
        (&undone["removed"], &undone["restored"]),
        (&json!(2), &json!(1))
    );
    assert_eq!(app.book(), (2000, 3_510_099_671));
    // The file on disk agrees with the book the app holds.
    let on_disk = tauri::async_runtime::block_on(async {
        Store::open(&app.path)
            .await
            .unwrap()
            .account_arr()
            .await
            .unwrap()
    });
    assert_eq!(on_disk.iter().map(|c| c.0).sum::<i64>(), 3_510_099_671);

    let nothing_left = app.call("import_undo", json!({})).unwrap_err();
    assert_eq!(nothing_left["code"], "not-found");
}

#[test]
fn a_preview_before_any_file_is_chosen_says_to_choose_one() {
    let app = Harness::demo();
    let error = app.call("import_preview", options(false)).unwrap_err();
    assert_eq!(error["code"], "no-import-file");
    assert_eq!(
        error["message"],
        "Choose the file to import first (Import accounts…)."
    );
}

#[test]
fn the_fields_are_listed_in_the_export_order_with_the_required_ones_marked() {
    let app = Harness::demo();
    let fields = app.call("import_fields", json!({})).unwrap();
    let fields = fields.as_array().unwrap();
    assert_eq!(fields.len(), 16);
    assert_eq!(fields[0]["field"], "account_id");
    assert_eq!(fields[0]["required"], true);
    assert_eq!(fields[2]["field"], "arr");
}
