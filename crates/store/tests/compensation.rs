//! Compensation in the workspace: the demo's history and W4 plans, the history CSV import
//! (round trip, upsert, every rejection leaving the workspace as it was) and saved comp plans with
//! their versions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{db_path, temp_dir};
use csplan_domain::compensation::{
    BacktestOptions, HISTORY_COLUMNS, History, Metric, backtest, plan_from_toml, read_history,
};
use csplan_store::{NewWorkspace, Store, StoreError};
use sqlx::Connection;
use sqlx::sqlite::SqliteConnection;
use std::path::{Path, PathBuf};

const CURRENT: &str = "Current plan (80/20, GRR)";
const PROPOSED: &str = "Proposed plan (70/30, NRR + expansion)";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// DATA.md §2's shared history (200 CSMs x 8 quarters), beside the repository.
fn shared_history() -> PathBuf {
    [
        repo("../shared/bench/data/csm_history.csv"),
        PathBuf::from("/work/shared/bench/data/csm_history.csv"),
    ]
    .into_iter()
    .find(|p| p.exists())
    .expect("shared/bench/data/csm_history.csv beside the repository")
}

fn example_plan(file: &str) -> csplan_domain::compensation::CompPlan {
    let path = repo(file);
    plan_from_toml(file, &std::fs::read_to_string(path).unwrap()).unwrap()
}

async fn empty(dir: &tempfile::TempDir) -> Store {
    Store::create(&db_path(dir, "comp.db"), NewWorkspace::Empty)
        .await
        .unwrap()
}

/// A one-CSM history file with the standard header plus `extra` columns; each row is the
/// standard cells then the extra cells.
fn write_history(dir: &tempfile::TempDir, name: &str, extra: &[&str], rows: &[String]) -> PathBuf {
    let mut header: Vec<&str> = HISTORY_COLUMNS.to_vec();
    header.extend_from_slice(extra);
    let mut text = header.join(",");
    text.push('\n');
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A valid row: renewable 100,000 of which 5,000 churned and 3,000 downgraded (GRR 0.92), and
/// 10,000 of expansion (NRR 1.02).
fn row(csm: &str, quarter: &str, index: u32) -> String {
    format!(
        "{csm},Dana Whitfield,SMB,{quarter},{index},400000,40,100000,92000,5000,3000,10000,9000,0.920000,1.020000,31,20"
    )
}

fn problems(error: &StoreError) -> Vec<(u64, Option<String>)> {
    match error {
        StoreError::InvalidImport(report) => report
            .problems
            .iter()
            .map(|p| (p.line, p.column.clone()))
            .collect(),
        other => panic!("expected an invalid import, got {other:?}"),
    }
}

#[tokio::test]
async fn the_demo_has_twelve_csms_over_eight_quarters_and_the_w4_plans() {
    let dir = temp_dir();
    let store = Store::open(&db_path(&dir, "demo.db")).await.unwrap();
    let history = store.csm_history().await.unwrap();
    assert_eq!(history.by_csm().len(), 12);
    assert_eq!(history.rows.len(), 96);
    let quarters: Vec<String> = history.quarters().into_iter().map(|q| q.1).collect();
    assert_eq!(
        quarters,
        [
            "2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"
        ]
    );
    assert!(history.extra_columns.is_empty());
    for r in &history.rows {
        assert_eq!(r.quarter, format!("{}Q{}", r.year, r.quarter_of_year));
        assert_eq!(
            r.renewed_arr,
            r.renewable_arr - r.churned_arr - r.downgraded_arr
        );
    }

    let plans = store.list_comp_plans().await.unwrap();
    let names: Vec<&str> = plans.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, [CURRENT, PROPOSED]);
    assert!(plans.iter().all(|p| p.version == 1));
    let current = store.comp_plan_by_name(CURRENT).await.unwrap();
    let proposed = store.comp_plan_by_name(PROPOSED).await.unwrap();
    // The example files' plans, named after the saved plans.
    let mut expected = example_plan("examples/comp/current.toml");
    expected.name = CURRENT.to_string();
    assert_eq!(current.plan, expected);
    assert_eq!(plan_from_toml("saved", &current.toml).unwrap(), expected);
    assert_eq!(proposed.plan.split.variable, 30.0);

    // The demo is ready to backtest: W4 on the workspace's history and plans.
    let result = backtest(
        &history,
        &current.plan,
        &proposed.plan,
        &BacktestOptions::default(),
    )
    .unwrap();
    assert_eq!(result.csm_totals.len(), 12);
    assert_eq!(result.quarterly_cost.len(), 16);
    store.close().await;
}

#[tokio::test]
async fn an_imported_history_reads_back_exactly_as_the_file_and_a_second_import_updates() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    let file = shared_history();
    let summary = store.import_history_csv(&file).await.unwrap();
    assert_eq!(
        (
            summary.csms,
            summary.quarters,
            summary.added,
            summary.updated
        ),
        (200, 8, 1600, 0)
    );
    assert_eq!(summary.file, file.display().to_string());
    let expected = read_history("x", std::fs::File::open(&file).unwrap()).unwrap();
    assert_eq!(store.csm_history().await.unwrap(), expected);

    let again = store.import_history_csv(&file).await.unwrap();
    assert_eq!((again.added, again.updated), (0, 1600));
    assert_eq!(store.csm_history().await.unwrap(), expected);
    let info = store.workspace_info().await.unwrap();
    assert_eq!((info.csms, info.quarters), (200, 8));
    store.close().await;
}

#[tokio::test]
async fn importing_into_the_demo_updates_its_csms_and_adds_the_others() {
    let dir = temp_dir();
    let store = Store::open(&db_path(&dir, "demo.db")).await.unwrap();
    let summary = store.import_history_csv(&shared_history()).await.unwrap();
    assert_eq!((summary.added, summary.updated), (1600 - 96, 96));
    let history = store.csm_history().await.unwrap();
    assert_eq!(history.rows.len(), 1600);
    // The file's name and segment replace the demo's for a CSM id both have.
    let first = &history.rows[0];
    assert_eq!(
        (first.csm_id.as_str(), first.csm_name.as_str()),
        ("CSM-001", "Maya Ziegler")
    );
    store.close().await;
}

#[tokio::test]
async fn extra_columns_round_trip_and_feed_column_measures() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    let file = write_history(
        &dir,
        "extra.csv",
        &["logo_retention", "csat"],
        &[
            format!("{},0.95,4.5", row("C1", "2025Q1", 1)),
            format!("{},,4.25", row("C1", "2025Q2", 2)),
        ],
    );
    store.import_history_csv(&file).await.unwrap();
    let history: History = store.csm_history().await.unwrap();
    assert_eq!(history.extra_columns, ["csat", "logo_retention"]);
    assert_eq!(history.rows[0].extra, [Some(4.5), Some(0.95)]);
    assert_eq!(history.rows[1].extra, [Some(4.25), None]);
    assert_eq!(
        history.rows[0].value("logo_retention", &history.extra_columns),
        Some(0.95)
    );
    assert!(!Metric::Column("csat".into()).is_revenue());

    // A nameless column (a trailing comma in the header) is fine while it stays empty.
    let trailing = write_history(
        &dir,
        "trailing.csv",
        &[""],
        &[format!("{},", row("C1", "2025Q3", 3))],
    );
    store.import_history_csv(&trailing).await.unwrap();
    let valued = write_history(
        &dir,
        "valued.csv",
        &[""],
        &[format!("{},7", row("C1", "2025Q3", 3))],
    );
    let error = store.import_history_csv(&valued).await.unwrap_err();
    assert_eq!(problems(&error), [(2, Some("(no name)".to_string()))]);

    // Re-importing without the column removes the stored values of the rows in the file.
    let plain = write_history(&dir, "plain.csv", &[], &[row("C1", "2025Q1", 1)]);
    store.import_history_csv(&plain).await.unwrap();
    let history = store.csm_history().await.unwrap();
    assert_eq!(history.extra_columns, ["csat"]);
    assert_eq!(history.rows[0].extra, [None]);
    assert_eq!(history.rows[1].extra, [Some(4.25)]);
    assert_eq!(history.rows[2].extra, [None]);
    store.close().await;
}

#[tokio::test]
async fn a_file_the_domain_rejects_writes_nothing_and_names_the_line_and_column() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    let bad_grr = row("C1", "2025Q2", 2).replace("0.920000", "0.930000");
    let file = write_history(&dir, "bad.csv", &[], &[row("C1", "2025Q1", 1), bad_grr]);
    let error = store.import_history_csv(&file).await.unwrap_err();
    assert_eq!(error.code(), "invalid-import");
    assert_eq!(problems(&error), [(3, Some("grr".to_string()))]);
    assert!(error.to_string().contains("bad.csv"), "{error}");
    assert!(store.csm_history().await.unwrap().rows.is_empty());

    let no_rows = write_history(&dir, "empty.csv", &[], &[]);
    let error = store.import_history_csv(&no_rows).await.unwrap_err();
    assert_eq!(error.code(), "invalid-inputs");
    assert!(
        error
            .to_string()
            .contains("empty.csv: the history has no rows"),
        "{error}"
    );

    let missing = dir.path().join("nowhere.csv");
    let error = store.import_history_csv(&missing).await.unwrap_err();
    assert_eq!(error.code(), "io");
    assert!(error.to_string().contains("nowhere.csv"), "{error}");
    store.close().await;
}

#[tokio::test]
async fn what_the_workspace_cannot_hold_is_listed_and_nothing_is_written() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    let file = write_history(
        &dir,
        "limits.csv",
        &[],
        &[
            row("C1", "2025Q1", 1).replace(",SMB,", ",Strategic,"),
            row("C1", "2025Q2", 2).replace(",400000,", ",400000.125,"),
            row("C1", "2025Q3", 3).replace(",31,20", ",31.5,20"),
            row("C2", "2025Q1", 1).replace(",31,20", ",31,20.5"),
            row("C2", "2025Q2", 2).replace("Dana Whitfield", "Dana W."),
        ],
    );
    let error = store.import_history_csv(&file).await.unwrap_err();
    let listed = problems(&error);
    let column = |c: &str| Some(c.to_string());
    assert_eq!(
        listed,
        [
            (2, column("segment")),
            (3, column("book_arr_start")),
            (3, column("segment")),
            (4, column("nps")),
            (4, column("segment")),
            (5, column("onboarding_days")),
            (6, column("csm_name")),
        ]
    );
    assert!(error.to_string().contains("nothing was written"), "{error}");
    assert!(store.csm_history().await.unwrap().rows.is_empty());
    assert_eq!(store.workspace_info().await.unwrap().csms, 0);
    store.close().await;
}

#[tokio::test]
async fn quarters_must_be_numbered_as_the_workspace_numbers_them() {
    let dir = temp_dir();
    let store = Store::open(&db_path(&dir, "demo.db")).await.unwrap();
    let before = store.csm_history().await.unwrap();
    // The demo's 2024Q1 is quarter 1; a file calling 2026Q1 quarter 1 would mix two histories.
    let file = write_history(&dir, "renumbered.csv", &[], &[row("C9", "2026Q1", 1)]);
    let error = store.import_history_csv(&file).await.unwrap_err();
    assert_eq!(problems(&error), [(2, Some("quarter_index".to_string()))]);
    assert!(
        error
            .to_string()
            .contains("quarter_index 1 is 2024Q1 in the workspace"),
        "{error}"
    );
    assert_eq!(store.csm_history().await.unwrap(), before);

    // The next quarter, numbered on from the workspace's, is added.
    let next = write_history(&dir, "next.csv", &[], &[row("CSM-001", "2026Q1", 9)]);
    let summary = store.import_history_csv(&next).await.unwrap();
    assert_eq!((summary.added, summary.updated), (1, 0));
    assert_eq!(store.csm_history().await.unwrap().quarters().len(), 9);
    store.close().await;
}

#[tokio::test]
async fn saving_makes_a_new_version_only_when_the_plan_changes() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    let plan = example_plan("examples/comp/current.toml");
    let created = store
        .create_comp_plan("  FY27 draft ", &plan)
        .await
        .unwrap();
    assert_eq!((created.name.as_str(), created.version), ("FY27 draft", 1));
    assert_eq!(created.plan.name, "FY27 draft");

    // Unchanged (the name inside the plan does not count): the same version.
    let same = store.save_comp_plan(created.id, &plan).await.unwrap();
    assert_eq!(same.version, 1);

    let mut richer = plan.clone();
    richer.ote = 130_000.0;
    let saved = store.save_comp_plan(created.id, &richer).await.unwrap();
    assert_eq!(saved.version, 2);
    let versions = store.comp_plan_versions(created.id).await.unwrap();
    assert_eq!(
        versions.iter().map(|v| v.version).collect::<Vec<_>>(),
        [2, 1]
    );
    let latest = store.comp_plan(created.id).await.unwrap();
    assert_eq!((latest.version, latest.plan.ote), (2, 130_000.0));
    assert!(latest.toml.contains("ote = 130000"), "{}", latest.toml);
    let first = store.comp_plan_version(created.id, 1).await.unwrap();
    assert_eq!((first.version, first.plan.ote), (1, 120_000.0));
    assert_eq!(
        store
            .comp_plan_version(created.id, 3)
            .await
            .unwrap_err()
            .code(),
        "not-found"
    );
    store.close().await;
}

#[tokio::test]
async fn a_plan_the_engine_cannot_compute_is_refused_with_its_field() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    let mut plan = example_plan("examples/comp/proposed.toml");
    let created = store.create_comp_plan("Draft", &plan).await.unwrap();
    plan.measures[1].target = 0.0;
    let error = store.save_comp_plan(created.id, &plan).await.unwrap_err();
    assert_eq!(error.code(), "invalid-inputs");
    let message = error.to_string();
    assert!(
        message.contains("measures[1]") && message.contains("target"),
        "{message}"
    );
    assert_eq!(store.comp_plan(created.id).await.unwrap().version, 1);
    let error = store.create_comp_plan("Other", &plan).await.unwrap_err();
    assert_eq!(error.code(), "invalid-inputs");
    assert_eq!(store.list_comp_plans().await.unwrap().len(), 1);
    store.close().await;
}

#[tokio::test]
async fn names_are_unique_ignoring_case_through_create_duplicate_and_rename() {
    let dir = temp_dir();
    let store = Store::open(&db_path(&dir, "demo.db")).await.unwrap();
    let current = store
        .comp_plan_by_name("current PLAN (80/20, grr)")
        .await
        .unwrap();
    assert_eq!(current.name, CURRENT);

    let plan = current.plan.clone();
    let error = store
        .create_comp_plan("CURRENT PLAN (80/20, GRR)", &plan)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "invalid-name");
    assert!(error.to_string().contains(CURRENT), "{error}");
    assert_eq!(
        store
            .create_comp_plan("  ", &plan)
            .await
            .unwrap_err()
            .code(),
        "invalid-name"
    );

    let mut changed = plan.clone();
    changed.ote = 99_000.0;
    store.save_comp_plan(current.id, &changed).await.unwrap();
    let copy = store.duplicate_comp_plan(current.id, "Copy").await.unwrap();
    assert_eq!(
        (copy.version, copy.plan.ote, copy.plan.name.as_str()),
        (1, 99_000.0, "Copy")
    );
    assert_eq!(
        store
            .duplicate_comp_plan(current.id, PROPOSED)
            .await
            .unwrap_err()
            .code(),
        "invalid-name"
    );

    // Renaming keeps the versions; a plan may change the case of its own name.
    let renamed = store
        .rename_comp_plan(current.id, "current plan")
        .await
        .unwrap();
    assert_eq!(
        (renamed.name.as_str(), renamed.version),
        ("current plan", 2)
    );
    let reread = store.comp_plan(current.id).await.unwrap();
    assert_eq!(reread.plan.name, "current plan");
    assert!(
        reread.toml.contains("name = \"current plan\""),
        "{}",
        reread.toml
    );
    store
        .rename_comp_plan(current.id, "CURRENT PLAN")
        .await
        .unwrap();
    assert_eq!(
        store
            .rename_comp_plan(copy.id, "current plan")
            .await
            .unwrap_err()
            .code(),
        "invalid-name"
    );

    store.delete_comp_plan(copy.id).await.unwrap();
    for error in [
        store.comp_plan(copy.id).await.unwrap_err(),
        store.delete_comp_plan(copy.id).await.unwrap_err(),
        store.comp_plan_versions(copy.id).await.unwrap_err(),
        store.rename_comp_plan(copy.id, "x").await.unwrap_err(),
        store.save_comp_plan(copy.id, &plan).await.unwrap_err(),
        store.comp_plan_by_name("Copy").await.unwrap_err(),
    ] {
        assert_eq!(error.code(), "not-found", "{error}");
    }
    let names: Vec<String> = store
        .list_comp_plans()
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["CURRENT PLAN", PROPOSED]);
    store.close().await;
}

#[tokio::test]
async fn plans_and_history_survive_closing_the_workspace() {
    let dir = temp_dir();
    let path = db_path(&dir, "keep.db");
    let store = Store::create(&path, NewWorkspace::Empty).await.unwrap();
    assert!(store.list_comp_plans().await.unwrap().is_empty());
    let plan = example_plan("examples/comp/proposed.toml");
    let created = store.create_comp_plan("Kept", &plan).await.unwrap();
    store.import_history_csv(&shared_history()).await.unwrap();
    let history = store.csm_history().await.unwrap();
    store.close().await;

    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.comp_plan(created.id).await.unwrap(), created);
    assert_eq!(store.csm_history().await.unwrap(), history);
    store.close().await;
}

#[tokio::test]
async fn a_version_2_workspace_is_upgraded_in_place_keeping_its_history() {
    let dir = temp_dir();
    let path = db_path(&dir, "old.db");
    let store = Store::create(&path, NewWorkspace::Demo).await.unwrap();
    let history = store.csm_history().await.unwrap();
    store.close().await;
    // Take the file back to schema version 2, as a CS Plan before compensation left it.
    let mut conn = SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    for statement in [
        "DROP TABLE comp_plan_versions",
        "DROP TABLE comp_plans",
        "DROP TABLE csm_quarter_extras",
        "DELETE FROM _sqlx_migrations WHERE version = 3",
    ] {
        sqlx::query(statement).execute(&mut conn).await.unwrap();
    }
    conn.close().await.unwrap();

    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.csm_history().await.unwrap(), history);
    // The demo plans are seeded when a demo is created, not added to an existing workspace.
    assert!(store.list_comp_plans().await.unwrap().is_empty());
    let plan = example_plan("examples/comp/current.toml");
    store
        .create_comp_plan("After the upgrade", &plan)
        .await
        .unwrap();
    store.close().await;
}

/// DESIGN.md: the seed is stored with the workspace, so the last stress run can be reproduced
/// after reopening it; saving again replaces the set-up.
#[tokio::test]
async fn stress_setup_round_trips_and_survives_reopening() {
    use csplan_domain::compensation::{Generator, StressPreset};
    use csplan_store::{PlanBudget, SavedShifts, SavedStressSetup};

    let dir = temp_dir();
    let path = db_path(&dir, "demo.db");
    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.comp_stress_setup().await.unwrap(), None);
    let first = SavedStressSetup {
        trials: 5_000,
        seed: 20_260_101,
        generator: Generator::Free,
        preset: Some(StressPreset::ChurnSpike),
        custom: None,
        budgets: vec![
            PlanBudget {
                plan_id: 1,
                budget: None,
            },
            PlanBudget {
                plan_id: 2,
                budget: Some(1_250_000.5),
            },
        ],
    };
    store.set_comp_stress_setup(&first).await.unwrap();
    assert_eq!(store.comp_stress_setup().await.unwrap(), Some(first));
    let second = SavedStressSetup {
        trials: 777,
        seed: 42,
        generator: Generator::Exact,
        preset: None,
        custom: Some(SavedShifts {
            churn_shift: 1.3,
            expansion_shift: 0.8,
        }),
        budgets: vec![PlanBudget {
            plan_id: 2,
            budget: Some(0.0),
        }],
    };
    store.set_comp_stress_setup(&second).await.unwrap();
    store.close().await;

    let reopened = Store::open(&path).await.unwrap();
    assert_eq!(reopened.comp_stress_setup().await.unwrap(), Some(second));
    reopened.close().await;
}
