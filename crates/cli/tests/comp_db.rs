//! `csplan comp backtest|stress --db`: the history from a workspace and plans by saved name give
//! the same tables as the CSV history and plan files they were imported from.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::compensation::plan_from_toml;
use csplan_store::{NewWorkspace, Store};
use std::path::{Path, PathBuf};

mod common;
use common::{failure, ok, repo, s, shared_history};

const CURRENT: &str = "Current plan (80/20, GRR)";
const PROPOSED: &str = "Proposed plan (70/30, NRR + expansion)";

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// An empty workspace holding the shared history and the two example plans, saved under the
/// names their files give them ("current", "proposed"), so the outputs can be compared byte
/// for byte.
fn workspace_like_the_files(dir: &Path) -> PathBuf {
    let db = dir.join("w4.db");
    runtime().block_on(async {
        let store = Store::create(&db, NewWorkspace::Empty).await.unwrap();
        store.import_history_csv(&shared_history()).await.unwrap();
        for file in ["examples/comp/current.toml", "examples/comp/proposed.toml"] {
            let plan = plan_from_toml(file, &std::fs::read_to_string(repo(file)).unwrap()).unwrap();
            store
                .create_comp_plan(&plan.name.clone(), &plan)
                .await
                .unwrap();
        }
        store.close().await;
    });
    db
}

#[test]
fn backtest_from_the_workspace_matches_the_files_it_was_imported_from() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace_like_the_files(dir.path());
    let current = repo("examples/comp/current.toml");
    let proposed = repo("examples/comp/proposed.toml");
    for format in ["csv", "table"] {
        let from_files = ok(&[
            "comp",
            "backtest",
            "--history",
            s(&shared_history()),
            "--current",
            s(&current),
            "--proposed",
            s(&proposed),
            "--format",
            format,
        ]);
        let from_db = ok(&[
            "comp",
            "backtest",
            "--db",
            s(&db),
            "--current",
            "current",
            "--proposed",
            "PROPOSED",
            "--format",
            format,
        ]);
        assert_eq!(from_db, from_files, "{format}");
    }
    // A plan file can stand in for a saved plan next to the workspace's history.
    let mixed = ok(&[
        "comp",
        "backtest",
        "--db",
        s(&db),
        "--current",
        s(&current),
        "--proposed",
        "proposed",
        "--format",
        "csv",
    ]);
    assert!(mixed.contains("\nCSM-001,2024Q1,6337.400000000001,14219.344285714284\n"));
}

#[test]
fn stress_from_the_workspace_matches_the_files_it_was_imported_from() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace_like_the_files(dir.path());
    let setup = repo("examples/comp/w5-stress.toml");
    let common = ["--setup", s(&setup), "--trials", "300", "--format", "csv"];
    let history = shared_history();
    let mut from_files = vec!["comp", "stress", "--history", s(&history)];
    let current = repo("examples/comp/current.toml");
    let proposed = repo("examples/comp/proposed.toml");
    from_files.extend(["--plan", s(&current), "--plan", s(&proposed)]);
    from_files.extend(common);
    let mut from_db = vec![
        "comp",
        "stress",
        "--db",
        s(&db),
        "--plan",
        "current",
        "--plan",
        "proposed",
    ];
    from_db.extend(common);
    let expected = ok(&from_files);
    assert!(expected.starts_with("#table mc_summary\n"), "{expected}");
    assert!(expected.contains("\ncurrent,300,4800000,"), "{expected}");
    assert_eq!(ok(&from_db), expected);
}

#[test]
fn the_demo_workspace_backtests_and_stresses_its_saved_plans_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&["demo", "--db", s(&db)]);
    let before = std::fs::read(&db).unwrap();
    let csv = ok(&[
        "comp",
        "backtest",
        "--db",
        s(&db),
        "--current",
        "current plan (80/20, grr)",
        "--proposed",
        PROPOSED,
        "--format",
        "csv",
    ]);
    let totals = csv
        .split("#table csm_totals\n")
        .nth(1)
        .unwrap()
        .split("#table")
        .next()
        .unwrap();
    // The demo team: 12 CSMs, each with a row under the header.
    assert_eq!(totals.lines().count(), 1 + 12, "{totals}");
    assert!(csv.contains(&format!("\n\"{CURRENT}\",")), "{csv}");

    let stress = ok(&[
        "comp",
        "stress",
        "--db",
        s(&db),
        "--plan",
        CURRENT,
        "--trials",
        "200",
        "--format",
        "csv",
    ]);
    // Budget = 12 CSMs x the $24,000 target variable of the 80/20 plan on $120,000.
    assert!(
        stress.contains(&format!("\n\"{CURRENT}\",200,288000,")),
        "{stress}"
    );
    // Reading plans and history leaves the workspace as it was.
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn names_need_a_workspace_and_a_wrong_one_lists_the_saved_plans() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&["demo", "--db", s(&db)]);
    let current = repo("examples/comp/current.toml");

    let stderr = failure(&[
        "comp",
        "backtest",
        "--history",
        s(&shared_history()),
        "--current",
        "Current plan",
        "--proposed",
        s(&current),
    ]);
    assert!(
        stderr.contains("--current \"Current plan\" does not end in .toml")
            && stderr.contains("--db"),
        "{stderr}"
    );

    let stderr = failure(&["comp", "stress", "--db", s(&db), "--plan", "Curent plan"]);
    assert!(stderr.contains("--plan \"Curent plan\""), "{stderr}");
    assert!(
        stderr.contains(&format!("\"{CURRENT}\", \"{PROPOSED}\"")),
        "{stderr}"
    );

    let stderr = failure(&[
        "comp",
        "backtest",
        "--db",
        s(&db),
        "--history",
        s(&shared_history()),
        "--current",
        "a",
        "--proposed",
        "b",
    ]);
    assert!(stderr.contains("cannot be used with"), "{stderr}");
    let stderr = failure(&["comp", "backtest", "--current", "a", "--proposed", "b"]);
    assert!(
        stderr.contains("--history") && stderr.contains("--db"),
        "{stderr}"
    );

    let missing = dir.path().join("nowhere.db");
    let stderr = failure(&[
        "comp",
        "backtest",
        "--db",
        s(&missing),
        "--current",
        "a",
        "--proposed",
        "b",
    ]);
    assert!(stderr.contains("There is no workspace at"), "{stderr}");
    assert!(!missing.exists());
}

#[test]
fn a_workspace_without_history_says_how_to_get_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    runtime().block_on(async {
        Store::create(&db, NewWorkspace::Empty)
            .await
            .unwrap()
            .close()
            .await;
    });
    let current = repo("examples/comp/current.toml");
    let proposed = repo("examples/comp/proposed.toml");
    let stderr = failure(&[
        "comp",
        "backtest",
        "--db",
        s(&db),
        "--current",
        s(&current),
        "--proposed",
        s(&proposed),
    ]);
    assert!(stderr.contains("has no CSM history"), "{stderr}");
    assert!(stderr.contains("--history FILE"), "{stderr}");
}
