//! Opening and creating workspace files, and every way that can fail without touching the file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{db_path, stray_files, temp_dir};
use csplan_store::{NewWorkspace, Store, StoreError};
use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use std::path::Path;
use std::time::{Duration, Instant};

const SHORT_TIMEOUT: Duration = Duration::from_millis(300);

async fn raw_connection(path: &Path, create: bool) -> SqliteConnection {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(create);
    SqliteConnection::connect_with(&options).await.unwrap()
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[tokio::test]
async fn an_empty_workspace_is_migrated_from_nothing() {
    let dir = temp_dir();
    let path = db_path(&dir, "q3-plan.db");
    let store = Store::create(&path, NewWorkspace::Empty).await.unwrap();
    let info = store.workspace_info().await.unwrap();
    assert_eq!(info.name, "q3-plan");
    assert_eq!(info.kind, "user");
    assert_eq!((info.accounts, info.csms, info.quarters), (0, 0, 0));
    assert_eq!(info.total_arr.0, 0);
    assert_eq!(info.scenarios, 1);
    let last = store.last_scenario_id().await.unwrap().unwrap();
    assert_eq!(store.scenario(last).await.unwrap().name, "Base plan");
    store.close().await;

    // Every table of the schema is there, and the file carries CS Plan's application id.
    let mut conn = raw_connection(&path, false).await;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\'
         ORDER BY name",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    assert_eq!(
        tables,
        [
            "accounts",
            "capacity_activities",
            "capacity_catalogs",
            "capacity_scenarios",
            "comp_plan_versions",
            "comp_plans",
            "csm_quarter_extras",
            "csm_quarters",
            "csms",
            "forecast_scenarios",
            "import_before_images",
            "import_mappings",
            "imports",
            "maturity_answers",
            "maturity_assessments",
            "maturity_respondents",
            "revenue_movements",
            "rule_sets",
            "settings",
            "snapshot_accounts",
            "snapshots",
            "workspace"
        ]
    );
    let application_id: i64 = sqlx::query_scalar("PRAGMA application_id")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(application_id, i64::from(i32::from_be_bytes(*b"CSPL")));
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(journal, "wal");
    // Built with 16 KiB pages (connect.rs NEW_PAGE_SIZE: the faster bulk import and scans).
    let page_size: i64 = sqlx::query_scalar("PRAGMA page_size")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(page_size, 16_384);
    conn.close().await.unwrap();
    assert!(stray_files(dir.path()).is_empty());
}

#[tokio::test]
async fn a_missing_file_opens_as_the_demo() {
    let dir = temp_dir();
    let path = db_path(&dir, "plan.db");
    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.path(), path);
    let info = store.workspace_info().await.unwrap();
    assert_eq!(info.kind, "demo");
    assert_eq!(info.name, "Northwind Analytics (demo)");
    store.close().await;
    assert!(stray_files(dir.path()).is_empty());
}

#[tokio::test]
async fn a_missing_file_that_must_exist_is_reported() {
    let dir = temp_dir();
    let path = db_path(&dir, "nowhere.db");
    let error = Store::open_with(&path, None, SHORT_TIMEOUT)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "missing");
    assert!(error.to_string().contains("nowhere.db"), "{error}");
    assert!(!path.exists());
}

#[tokio::test]
async fn an_empty_file_is_initialised() {
    let dir = temp_dir();
    let path = db_path(&dir, "fresh.db");
    std::fs::write(&path, b"").unwrap();
    let store = Store::open_with(&path, None, SHORT_TIMEOUT).await.unwrap();
    let info = store.workspace_info().await.unwrap();
    assert_eq!((info.kind.as_str(), info.scenarios), ("user", 1));
    store.close().await;
    assert!(stray_files(dir.path()).is_empty());
}

#[tokio::test]
async fn create_never_overwrites() {
    let dir = temp_dir();
    let path = db_path(&dir, "plan.db");
    Store::create(&path, NewWorkspace::Empty)
        .await
        .unwrap()
        .close()
        .await;
    let before = bytes(&path);
    let error = Store::create(&path, NewWorkspace::Demo).await.unwrap_err();
    assert_eq!(error.code(), "exists");
    assert!(
        error.to_string().contains("nothing was overwritten"),
        "{error}"
    );
    assert_eq!(bytes(&path), before);

    let empty = db_path(&dir, "empty.db");
    std::fs::write(&empty, b"").unwrap();
    let error = Store::create(&empty, NewWorkspace::Empty)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "exists");
    assert!(bytes(&empty).is_empty());
}

#[tokio::test]
async fn a_text_file_is_not_a_database() {
    let dir = temp_dir();
    let path = db_path(&dir, "accounts.csv");
    std::fs::write(&path, "account_id,arr\nACC-0000001,100.00\n").unwrap();
    let before = bytes(&path);
    let error = Store::open(&path).await.unwrap_err();
    assert_eq!(error.code(), "not-a-database");
    assert!(error.to_string().contains("accounts.csv"), "{error}");
    assert!(error.to_string().contains("nothing was changed"), "{error}");
    assert_eq!(bytes(&path), before);
}

#[tokio::test]
async fn another_programs_database_is_not_a_workspace() {
    let dir = temp_dir();
    let path = db_path(&dir, "notes.db");
    let mut conn = raw_connection(&path, true).await;
    sqlx::query("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query("INSERT INTO notes (body) VALUES ('keep me')")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let before = bytes(&path);
    let error = Store::open(&path).await.unwrap_err();
    assert_eq!(error.code(), "not-a-workspace");
    assert!(error.to_string().contains("notes.db"), "{error}");
    assert_eq!(bytes(&path), before);
}

#[tokio::test]
async fn a_workspace_locked_by_another_program_is_reported_after_the_timeout() {
    let dir = temp_dir();
    let path = db_path(&dir, "plan.db");
    Store::create(&path, NewWorkspace::Empty)
        .await
        .unwrap()
        .close()
        .await;
    let mut other = raw_connection(&path, false).await;
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut other)
        .await
        .unwrap();
    let before = bytes(&path);

    let started = Instant::now();
    let error = Store::open_with(&path, None, SHORT_TIMEOUT)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "locked", "{error}");
    assert!(
        started.elapsed() >= SHORT_TIMEOUT,
        "gave up before the busy timeout"
    );
    assert_eq!(
        error.to_string(),
        format!(
            "The workspace {} is locked by another program (another CS Plan window or a sqlite3 shell?). Close it and try again; nothing was changed.",
            path.display()
        )
    );
    assert_eq!(bytes(&path), before);

    // Once the other program lets go, the same file opens.
    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
    other.close().await.unwrap();
    let store = Store::open_with(&path, None, SHORT_TIMEOUT).await.unwrap();
    store.close().await;
}

#[tokio::test]
async fn a_workspace_from_a_newer_version_is_refused() {
    let dir = temp_dir();
    let path = db_path(&dir, "plan.db");
    Store::create(&path, NewWorkspace::Empty)
        .await
        .unwrap()
        .close()
        .await;
    let mut conn = raw_connection(&path, false).await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (9999, 'from a future CS Plan', 1, x'00', 0)",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();
    let before = bytes(&path);

    let error = Store::open(&path).await.unwrap_err();
    match &error {
        StoreError::NewerSchema { found, known, .. } => {
            assert_eq!(*found, 9999);
            assert_eq!(*known, 7);
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    assert_eq!(error.code(), "newer-schema");
    assert!(error.to_string().contains("Update CS Plan"), "{error}");
    assert_eq!(bytes(&path), before);
}

#[tokio::test]
async fn reopening_keeps_scenarios_and_edits() {
    let dir = temp_dir();
    let path = db_path(&dir, "plan.db");
    let store = Store::open(&path).await.unwrap();
    let base = store.scenario_by_name("Base plan").await.unwrap();
    let mut inputs = base.inputs.clone();
    inputs.params.csm_activities_per_month = 550.5;
    inputs.params.catalogs[0].activities[0].per_customer_per_month = 1.0 / 3.0;
    store.save_scenario_inputs(base.id, &inputs).await.unwrap();
    let renamed = store.rename_scenario(base.id, "FY27 plan").await.unwrap();
    let copy = store
        .duplicate_scenario(base.id, "FY27 stretch")
        .await
        .unwrap();
    store.set_last_scenario_id(copy.id).await.unwrap();
    let before = store.list_scenarios().await.unwrap();
    store.close().await;

    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.list_scenarios().await.unwrap(), before);
    assert_eq!(store.scenario(base.id).await.unwrap().inputs, inputs);
    assert_eq!(store.scenario(base.id).await.unwrap().name, renamed.name);
    assert_eq!(store.scenario(copy.id).await.unwrap().inputs, inputs);
    assert_eq!(store.last_scenario_id().await.unwrap(), Some(copy.id));
    store.close().await;
}

#[tokio::test]
async fn a_folder_that_does_not_exist_is_named() {
    let dir = temp_dir();
    let path = dir.path().join("no-such-folder").join("plan.db");
    let error = Store::open(&path).await.unwrap_err();
    assert_eq!(error.code(), "io");
    assert_eq!(
        error.to_string(),
        format!(
            "Could not create {}: its folder does not exist.",
            path.display()
        )
    );
    assert!(!path.exists());
}
