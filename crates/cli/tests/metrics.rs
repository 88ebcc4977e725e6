//! `csplan snapshot`, `csplan metrics` and `csplan warnings` end to end on a fixture pair of
//! snapshots (tests/fixtures/metrics_q1.csv, metrics_q2.csv), against values computed by hand.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

mod common;
use common::{csplan, fixture, ok, s, text};

/// A workspace with Q1 (2026-01-01) imported as the book and snapshotted, and Q2 (2026-04-01)
/// added from its file.
fn workspace(dir: &Path) -> PathBuf {
    let db = dir.join("w.db");
    let db_text = db.to_str().unwrap();
    ok(&[
        "import",
        "accounts",
        s(&fixture("metrics_q1.csv")),
        "--db",
        db_text,
    ]);
    let taken = ok(&[
        "snapshot",
        "take",
        "--db",
        db_text,
        "--as-of",
        "2026-01-01",
        "--label",
        "Q1",
    ]);
    assert_eq!(
        taken,
        "Took snapshot 1 \"Q1\" as of 2026-01-01: 4 customers, $11,000.00 ARR.\n"
    );
    ok(&[
        "snapshot",
        "add",
        s(&fixture("metrics_q2.csv")),
        "--db",
        db_text,
        "--as-of",
        "2026-04-01",
        "--label",
        "Q2",
    ]);
    db
}

fn metric<'a>(group: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
    group["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["key"] == key)
        .unwrap_or_else(|| panic!("metric {key}"))
}

/// `csplan metrics --db DB FLAGS --format json`, parsed.
fn metrics_json(db: &str, flags: &[&str]) -> serde_json::Value {
    let mut args = vec!["metrics", "--db", db];
    args.extend_from_slice(flags);
    args.extend(["--format", "json"]);
    serde_json::from_str(&ok(&args)).unwrap()
}

#[test]
fn metrics_of_a_period_match_the_hand_computed_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let report = metrics_json(
        db.to_str().unwrap(),
        &["--period", "2026-01-15..2026-05-01", "--by", "csm"],
    );
    assert_eq!(report["from"]["label"], "Q1");
    assert_eq!(report["to"]["label"], "Q2");
    assert_eq!(report["months"], 3);
    let book = &report["groups"][0];
    // DOMAIN.md §5.1 on the fixture: start $11,000 (1: 1,000, 2: 2,000, 3: 3,000, 6: 5,000);
    // expansion 500 (1), contraction 800 (2), churn 3,000 (3), new 4,000 (4).
    // NRR = (11,000 + 500 − 3,000 − 800) / 11,000 = 0.7; GRR = 7,200 / 11,000;
    // logo churn = 1 / 4 customers = 0.25.
    assert_eq!(metric(book, "nrr")["value"], 0.7);
    assert_eq!(metric(book, "grr")["value"], 7_200.0 / 11_000.0);
    assert_eq!(metric(book, "logo_churn_rate")["value"], 0.25);
    assert_eq!(book["movements"]["new"], 400_000);
    assert_eq!(book["movements"]["ending_arr"], 1_170_000);
    // §5.6 at Q2: promoters 1 (10), 6 (9); passive 4 (8); detractor 2 (5): (2 − 1) / 4 × 100.
    assert_eq!(metric(book, "nps")["value"], 25.0);
    // Per CSM: Ann keeps 1 and 2, $3,000 → $2,700 (NRR 0.9, GRR 2,200 / 3,000).
    assert_eq!(report["groups"][1]["label"], "CSM Ann Lee");
    assert_eq!(metric(&report["groups"][1], "nrr")["value"], 0.9);
    assert_eq!(
        metric(&report["groups"][1], "grr")["value"],
        2_200.0 / 3_000.0
    );
    // Bob: 3 churns and 6 stays ($8,000 → $5,000), 4 is new: GRR = NRR = 5,000 / 8,000.
    assert_eq!(metric(&report["groups"][2], "grr")["value"], 0.625);

    let table = ok(&["metrics", "--db", db.to_str().unwrap()]);
    assert!(
        table.contains("Period: Q1 (2026-01-01) to Q2 (2026-04-01), 3 months."),
        "{table}"
    );
    assert!(table.contains("Net revenue retention (NRR)"), "{table}");
    assert!(table.contains("70.0%"), "{table}");
    let csv = ok(&["metrics", "--db", db.to_str().unwrap(), "--format", "csv"]);
    assert!(
        csv.contains(
            "2026-01-01,2026-04-01,3,Whole book,nrr,Net revenue retention (NRR),0.7,fraction,,"
        ),
        "{csv}"
    );
}

#[test]
fn cost_flags_feed_the_magic_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let report = metrics_json(
        db.to_str().unwrap(),
        &["--cs-cost", "500", "--support-cost", "250"],
    );
    // §5.2 (002 L15): (renewed ARR 7,200 + up-sell ARR 500) / (team cost 750 a quarter × 4).
    let magic = metric(&report["groups"][0], "cs_magic_number");
    assert_eq!(magic["value"], 7_700.0 / 3_000.0);
    assert_eq!(magic["benchmark"]["met"], false);
}

#[test]
fn warnings_export_is_spreadsheet_safe() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let csv = ok(&["warnings", "--db", db.to_str().unwrap(), "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    // The most at risk first: 2 (red: health 60 → 35, active users 30 → 20, both past the
    // default falls of 10 points and 20%); then the green renewals of 2026-04-01..=2026-06-30 by
    // ARR: 6 ($5,000), 1 ($1,500).
    assert_eq!(lines.len(), 4, "{csv}");
    assert_eq!(
        lines[1],
        "ACC-0000002,Birch Foods,1200.00,Ann Lee,2026-07-01,false,red,35,60,true,20,30,true"
    );
    assert!(lines[2].starts_with("ACC-0000006,'=Delta Health,5000.00,Bo Chen,2026-05-01,true,green,90,90,false,31,30,false"), "{csv}");
    assert!(lines[3].starts_with("ACC-0000001,"), "{csv}");
}

#[test]
fn mistakes_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let db = db.to_str().unwrap();
    let out = csplan(&["metrics", "--db", db, "--period", "2026-01-01"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--period takes FROM..TO"),
        "{}",
        text(&out.stderr)
    );
    let out = csplan(&["metrics", "--db", db, "--period", "2025-01-01..2026-04-01"]);
    assert!(
        text(&out.stderr).contains("no snapshot of the book dated 2025-01-01 or earlier"),
        "{}",
        text(&out.stderr)
    );
    let out = csplan(&[
        "snapshot",
        "add",
        s(&fixture("accounts_bad.csv")),
        "--db",
        db,
        "--as-of",
        "2026-05-01",
    ]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("line"), "{}", text(&out.stderr));
    let out = csplan(&["metrics", "--db", db, "--cac=-5"]);
    assert!(
        text(&out.stderr).contains("--cac cannot be negative"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_movements_file_gives_the_same_nrr_as_the_second_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let db = db.to_str().unwrap();
    let imported = ok(&[
        "movements",
        "import",
        s(&fixture("metrics_movements.csv")),
        "--db",
        db,
    ]);
    assert_eq!(
        imported,
        "Imported metrics_movements.csv: 4 movements, dated 2026-02-01 to 2026-03-10.\n"
    );
    let period = metrics_json(db, &["--period", "2026-01-01..2026-03-31", "--movements"]);
    // DOMAIN.md §5.1: the file's rows are the fixture's Q1 → Q2 changes, so NRR is again
    // (11,000 + 500 − 3,000 − 800) / 11,000 = 0.7 and GRR 7,200 / 11,000.
    assert_eq!(period["rows"], 4);
    assert_eq!(metric(&period["book"], "nrr")["value"], 0.7);
    assert_eq!(metric(&period["book"], "grr")["value"], 7_200.0 / 11_000.0);
    assert_eq!(period["book"]["movements"]["new"], 400_000);
    assert_eq!(period["groups"], serde_json::json!([]));

    // Per CSM, each account in its group at the start (Q1): Ann keeps 1 (+$500) and 2 (−$800),
    // $3,000 → $2,700: NRR 0.9, GRR 2,200 / 3,000, as between the snapshots. Bo Chen had 3
    // (churns, $3,000) and 6 ($5,000): GRR = NRR = 5,000 / 8,000; ACC-0000004 is new in the
    // file, has no group at the start and counts in the whole book only (DOMAIN.md §5.1).
    let by_csm = metrics_json(
        db,
        &[
            "--period",
            "2026-01-01..2026-03-31",
            "--movements",
            "--by",
            "csm",
        ],
    );
    assert_eq!(by_csm["book"], period["book"]);
    let groups = by_csm["groups"].as_array().unwrap();
    let labels: Vec<&str> = groups
        .iter()
        .map(|g| g["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["CSM Ann Lee", "CSM Bo Chen"]);
    assert_eq!(metric(&groups[0], "nrr")["value"], 0.9);
    assert_eq!(metric(&groups[0], "grr")["value"], 2_200.0 / 3_000.0);
    assert_eq!(metric(&groups[1], "nrr")["value"], 0.625);
    assert_eq!(groups[1]["movements"]["new"], 0);
    // Health is the last snapshot's on or before 2026-03-31 (Q1): Ann 80 and 60, Bo 30 and 90.
    assert_eq!(
        groups[0]["health"],
        serde_json::json!({ "green": 1, "yellow": 1, "red": 0 })
    );
    assert_eq!(
        groups[1]["health"],
        serde_json::json!({ "green": 1, "yellow": 0, "red": 1 })
    );
    let csv = ok(&[
        "metrics",
        "--db",
        db,
        "--period",
        "2026-01-01..2026-03-31",
        "--movements",
        "--by",
        "csm",
        "--format",
        "csv",
    ]);
    assert!(
        csv.starts_with("from,to,months,group,key,label,value,unit\n"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "2026-01-01,2026-03-31,2,CSM Ann Lee,nrr,Net revenue retention (NRR),0.9,fraction\n"
        ),
        "{csv}"
    );

    // A period that ends before its starting snapshot is refused, by name.
    let out = csplan(&[
        "metrics",
        "--db",
        db,
        "--period",
        "2026-01-01..2025-12-01",
        "--movements",
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains(
            "The period ends on 2025-12-01, but it starts at snapshot \"Q1\" (2026-01-01): choose an end after the start."
        ),
        "{}",
        text(&out.stderr)
    );
}
