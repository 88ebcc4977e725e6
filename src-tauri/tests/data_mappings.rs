//! The saved-mapping commands through Tauri's real IPC layer on the mock runtime, against a real
//! demo workspace and the e2e fixture `tests/e2e/fixtures/accounts-with-errors.csv`: an import
//! saves its mapping under the name given, the list shows it, a clashing or empty name is
//! refused with its reason, and it can be deleted.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_app_lib::state::AppState;
use serde_json::{Value, json};
use std::path::Path;
use tauri::Manager;

mod common;
use common::Harness;

fn options(mapping_name: Option<&str>) -> Value {
    json!({ "options": { "mapping": null, "mapping_name": mapping_name, "date_order": null,
        "sheet": null, "skip_invalid": true } })
}

#[test]
fn a_mapping_saved_under_a_name_is_listed_checked_and_deleted() {
    let app = Harness::demo();
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/e2e/fixtures/accounts-with-errors.csv");
    app.app
        .state::<AppState>()
        .imports
        .choose(file.to_path_buf());
    assert_eq!(app.call("import_mappings", json!({})).unwrap(), json!([]));

    app.call("import_run", options(Some("  HubSpot export ")))
        .unwrap();
    let saved = app.call("import_mappings", json!({})).unwrap();
    // The named mapping first, then the one remembered for the file's headers.
    assert_eq!(saved.as_array().unwrap().len(), 2);
    assert_eq!(saved[0]["name"], "HubSpot export");
    assert_eq!(saved[0]["headers"].as_array().unwrap().len(), 17);
    assert_eq!(
        saved[0]["mapping"]["columns"][16],
        json!({ "header": "Tier Notes", "target": { "kind": "custom" } })
    );
    assert_eq!(saved[1]["name"], Value::Null);

    let check = |name: &str, replacing: Option<&str>| {
        app.call(
            "import_mapping_name_check",
            json!({ "name": name, "replacing": replacing }),
        )
    };
    let clash = check("hubspot EXPORT", None).unwrap_err();
    assert_eq!(clash["code"], "invalid-name");
    assert_eq!(
        clash["message"],
        "A saved mapping is already called \"HubSpot export\" (names are compared ignoring upper and lower case). Use that mapping to update it, or choose another name."
    );
    assert_eq!(
        check("hubspot EXPORT", Some("HubSpot export")).unwrap(),
        "hubspot EXPORT"
    );
    assert_eq!(check(" Salesforce ", None).unwrap(), "Salesforce");
    assert_eq!(check("", None).unwrap_err()["code"], "invalid-name");

    app.call("import_mapping_delete", json!({ "name": "HubSpot export" }))
        .unwrap();
    let left = app.call("import_mappings", json!({})).unwrap();
    assert_eq!(left.as_array().unwrap().len(), 1);
    assert_eq!(left[0]["name"], Value::Null);
    let gone = app
        .call("import_mapping_delete", json!({ "name": "HubSpot export" }))
        .unwrap_err();
    assert_eq!(gone["code"], "not-found");
}

#[test]
fn a_remapped_column_takes_the_field_from_the_column_that_had_it() {
    let app = Harness::create("empty.db", csplan_store::NewWorkspace::Empty);
    let mapping = json!({ "columns": [
        { "header": "Id", "target": { "kind": "field", "field": "account_id" } },
        { "header": "ARR", "target": { "kind": "field", "field": "arr" } },
        { "header": "Contract Value", "target": { "kind": "custom" } },
        { "header": "MRR", "target": { "kind": "custom" } },
    ] });
    let remap = |mapping: &Value, column: usize, target: Value| {
        app.call(
            "import_mapping_remap",
            json!({ "mapping": mapping, "column": column, "target": target }),
        )
    };
    let moved = remap(&mapping, 2, json!({ "kind": "field", "field": "arr" })).unwrap();
    let kinds = |m: &Value| -> Vec<Value> {
        m["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["target"].clone())
            .collect()
    };
    assert_eq!(
        kinds(&moved),
        vec![
            json!({ "kind": "field", "field": "account_id" }),
            json!({ "kind": "custom" }),
            json!({ "kind": "field", "field": "arr" }),
            json!({ "kind": "custom" }),
        ]
    );
    // MRR displaces ARR (ARR is 12 x MRR: one of them gives it).
    let monthly = remap(&moved, 3, json!({ "kind": "mrr" })).unwrap();
    assert_eq!(monthly["columns"][2]["target"], json!({ "kind": "custom" }));
    assert_eq!(monthly["columns"][3]["target"], json!({ "kind": "mrr" }));

    let error = remap(&mapping, 9, json!({ "kind": "skip" })).unwrap_err();
    assert_eq!(error["code"], "invalid-inputs");
    assert_eq!(
        error["message"],
        "the file has 4 columns; there is no column 10"
    );
}
