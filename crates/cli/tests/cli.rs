//! The `csplan` binary end to end on real workspace files and fixture CSVs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

mod common;
use common::{failure, fixture, ok, repo, s, shared_book};

/// A workspace holding the 1k-account book of shared/bench (gen_book.py 1k, seed 42).
fn imported_1k(dir: &Path) -> PathBuf {
    let db = dir.join("book.db");
    let out = ok(&["import", "accounts", s(&shared_book()), "--db", s(&db)]);
    assert!(out.contains("1000 accounts added, 0 updated"), "{out}");
    db
}

/// The Total row of `csplan capacity --format json` on `db` with `flags`.
fn capacity_total(db: &Path, flags: &[&str]) -> serde_json::Value {
    let args = [
        &["capacity", "--db", s(db)][..],
        flags,
        &["--format", "json"],
    ]
    .concat();
    let rows: serde_json::Value = serde_json::from_str(&ok(&args)).unwrap();
    rows.as_array().unwrap().last().unwrap().clone()
}

#[test]
fn demo_creates_a_workspace_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    assert!(ok(&["demo", "--db", s(&db)]).contains("Created the demo workspace"));
    let before = std::fs::read(&db).unwrap();
    let again = failure(&["demo", "--db", s(&db)]);
    assert!(again.contains(s(&db)), "{again}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

/// WORKLOADS.md W3 on the 1k book with examples/w3-catalog.csv. Expected values: per tier the
/// account count and exact ARR (Decimal sum of the file's arr column), then W3's formulas by
/// hand: Enterprise 4,426,809.13 / 1,500,000 = 2.95120608667 CSMs -> 3 hires, 23 / 2.9512 =
/// 7.79 customers per CSM (high-touch); bottom-up 600 / 12 = 50 per CSM (low-touch),
/// 23 x 12 / 600 = 0.46 CSMs -> 1 hire. Total: 1,000 accounts, $17,213,269.45,
/// 11.4755 CSMs top-down with 3 + 5 + 4 = 12 hires, 2.8583 bottom-up with 1 + 2 + 2 = 5.
#[test]
fn capacity_reproduces_w3_on_the_1k_book() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_1k(dir.path());
    let catalog = repo("examples/w3-catalog.csv");
    let csv = ok(&[
        "capacity",
        "--db",
        s(&db),
        "--catalog",
        s(&catalog),
        "--format",
        "csv",
    ]);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with(
        "segment,accounts,total_arr,csms_topdown,headcount_topdown,customers_per_csm_topdown,\
         touch_topdown,activities_per_month,customers_per_csm_bottomup,csms_bottomup,\
         headcount_bottomup,touch_bottomup,"
    ));
    assert_eq!(lines.len(), 5);
    let w3 = |line: &str| line.split(',').take(12).collect::<Vec<_>>().join(",");
    assert_eq!(
        w3(lines[1]),
        "Enterprise,23,4426809.13,2.9512060866666667,3,7.793423883175193,high-touch,12.0,50.0,0.46,1,low-touch"
    );
    assert_eq!(
        w3(lines[2]),
        "Mid-Market,154,7132807.37,4.755204913333333,5,32.385565460742285,high-touch,4.0,150.0,1.0266666666666666,2,low-touch"
    );
    assert_eq!(
        w3(lines[3]),
        "SMB,823,5653652.95,3.7691019666666667,4,218.35440040584734,automated,1.0,600.0,1.3716666666666666,2,automated"
    );
    let total: Vec<&str> = lines[4].split(',').collect();
    assert_eq!(
        &total[..6],
        [
            "Total",
            "1000",
            "17213269.45",
            "11.475512966666667",
            "12",
            "87.14207398873896"
        ]
    );
    assert_eq!(
        &total[8..11],
        ["349.8542274052478", "2.8583333333333334", "5"]
    );
}

#[test]
fn capacity_json_and_flags_override_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_1k(dir.path());
    let total = capacity_total(
        &db,
        &[
            "--arr-per-csm",
            "750000",
            "--activities-per-csm",
            "300",
            "--tier-bounds",
            "50000,10000",
            "--catalog",
            s(&repo("examples/w3-catalog.csv")),
        ],
    );
    assert_eq!(total["segment"], "Total");
    assert_eq!(total["accounts"], 1000);
    // Halving ARR per CSM doubles the top-down FTE: 17,213,269.45 / 750,000.
    let fte = total["csms_topdown"].as_f64().unwrap();
    assert!((fte - 17_213_269.45 / 750_000.0).abs() < 1e-9, "{fte}");
    assert_eq!(total["touch_topdown"], serde_json::Value::Null);
}

#[test]
fn table_output_answers_the_question() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_1k(dir.path());
    let table = ok(&[
        "capacity",
        "--db",
        s(&db),
        "--catalog",
        s(&repo("examples/w3-catalog.csv")),
    ]);
    assert!(
        table.starts_with("How many CSMs do we need? 12 CSMs top-down, 5 bottom-up"),
        "{table}"
    );
    assert!(table.contains("$17,213,269.45"));
    assert!(table.contains("Hire = FTE rounded by ceiling (round up)"));
}

#[test]
fn reimport_updates_instead_of_duplicating() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_1k(dir.path());
    let out = ok(&["import", "accounts", s(&shared_book()), "--db", s(&db)]);
    assert!(out.contains("0 accounts added, 1000 updated"), "{out}");
}

#[test]
fn an_invalid_import_names_line_and_column_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_1k(dir.path());
    let message = failure(&[
        "import",
        "accounts",
        s(&fixture("accounts_bad.csv")),
        "--db",
        s(&db),
    ]);
    assert!(message.contains("accounts_bad.csv"), "{message}");
    assert!(message.contains("line 5"), "{message}");
    assert!(message.contains("health_score"), "{message}");
    // The book is still the 1k book: W3's Total row is unchanged.
    assert_eq!(capacity_total(&db, &[])["accounts"], 1000);
}

#[test]
fn a_bad_catalogue_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_1k(dir.path());
    let message = failure(&[
        "capacity",
        "--db",
        s(&db),
        "--catalog",
        s(&fixture("bad_catalog.csv")),
    ]);
    assert!(
        message.contains("bad_catalog.csv, line 3, column per_customer_per_month"),
        "{message}"
    );
}

#[test]
fn bad_flags_and_missing_workspaces_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.db");
    assert!(failure(&["capacity", "--db", s(&missing)]).contains(s(&missing)));
    assert!(!missing.exists(), "capacity must not create a workspace");

    let db = imported_1k(dir.path());
    let reversed = failure(&["capacity", "--db", s(&db), "--tier-bounds", "25000,100000"]);
    assert!(
        reversed.contains("must be below the Enterprise bound"),
        "{reversed}"
    );
    let unparsed = failure(&["capacity", "--db", s(&db), "--arr-per-csm", "1.5M"]);
    assert!(unparsed.contains("--arr-per-csm 1.5M"), "{unparsed}");
}

#[test]
fn a_saved_scenario_drives_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&["demo", "--db", s(&db)]);
    // Digital-first SMB carries $2M per CSM instead of $1.5M: 3/4 of the top-down FTE.
    let b = capacity_total(&db, &["--scenario", "Base plan"]);
    let d = capacity_total(&db, &["--scenario", "Digital-first SMB"]);
    let ratio = d["csms_topdown"].as_f64().unwrap() / b["csms_topdown"].as_f64().unwrap();
    assert!((ratio - 0.75).abs() < 1e-12, "{ratio}");
    let unknown = failure(&["capacity", "--db", s(&db), "--scenario", "Nope"]);
    assert!(unknown.contains("Nope"), "{unknown}");
}

/// The shared 200-CSM history into the demo workspace: the demo's 12 CSMs (CSM-001..012) overlap
/// the file's first 12, so their 96 rows update and the other 188 x 8 = 1,504 are added; a second
/// import updates all 1,600.
#[test]
fn history_imports_into_a_workspace_and_updates_on_reimport() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&["demo", "--db", s(&db)]);
    let history = shared_book().with_file_name("csm_history.csv");
    let import = ["import", "history", s(&history), "--db", s(&db)];
    let first = ok(&import);
    assert!(
        first.contains("200 CSMs over 8 quarters; 1504 rows added, 96 updated"),
        "{first}"
    );
    let again = ok(&import);
    assert!(again.contains("0 rows added, 1600 updated"), "{again}");
    failure(&[
        "import",
        "history",
        s(&history),
        "--db",
        s(&dir.path().join("no.db")),
    ]);
}
