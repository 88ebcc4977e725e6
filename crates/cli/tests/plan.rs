//! `csplan plan` and `csplan export plan` end to end on a workspace holding the engine's worked
//! example (crates/domain/tests/forecast_worked_examples.rs: a Mid-Market book of 100 logos and
//! $15M growing 10% a quarter, 10 CSMs, 3-month ramp, 90-day lead time, 4 quarters from
//! 2027-01-01; DOMAIN.md §1.1, §1.3, §1.4).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::Cents;
use csplan_domain::forecast::{
    Drivers, ForecastInputs, LogoMovement, SegmentForecast, Uncertainty,
};
use csplan_domain::segmentation::IsoDate;
use csplan_store::{NewWorkspace, Store};
use serde_json::Value;
use std::path::{Path, PathBuf};

mod common;
use common::{failure, ok, s};

fn growing_book() -> ForecastInputs {
    let segment = SegmentForecast {
        segment: "Mid-Market".into(),
        opening_logos: 100.0,
        opening_arr: Cents::from_dollars(15_000_000),
        current_csms: 10.0,
        activities_per_customer_per_month: 6.0,
        base: Drivers {
            new_logos: LogoMovement::Rate { rate: 0.10 },
            new_logo_arr: Cents::from_dollars(150_000),
            ..Drivers::default()
        },
        overrides: Vec::new(),
    };
    let mut inputs = ForecastInputs::new(IsoDate::parse("2027-01-01").unwrap(), vec![segment]);
    inputs.quarters = 4;
    inputs
}

/// A workspace with the worked example saved as "Growing book" (2,000 trials, seed 7).
fn workspace(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("plan.db");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let store = Store::create(&path, NewWorkspace::Empty).await.unwrap();
        let uncertainty = Uncertainty {
            trials: 2_000,
            seed: 7,
            ..Uncertainty::default()
        };
        store
            .create_forecast("Growing book", &growing_book(), &uncertainty)
            .await
            .unwrap();
        store.close().await;
    });
    path
}

fn plan_json(db: &Path, extra: &[&str]) -> Value {
    let mut args = vec![
        "plan",
        "--db",
        s(db),
        "--scenario",
        "Growing book",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    serde_json::from_str(&ok(&args)).unwrap()
}

#[test]
fn the_worked_example_gives_the_hand_computed_needs_and_requisition_dates() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(&dir);
    let plan = plan_json(&db, &[]);
    assert_eq!(plan["plan"], "Growing book");
    let forecast = &plan["forecast"];
    // ARR 16.5M, 18.15M, 19.965M, 21.9615M / $1.5M per CSM (§1.1 step 1).
    let quarters = forecast["segments"][0]["quarters"].as_array().unwrap();
    let td: Vec<f64> = quarters
        .iter()
        .map(|q| q["top_down"]["fte"].as_f64().unwrap())
        .collect();
    assert_eq!(td, [11.0, 12.1, 13.31, 14.641]);
    let closing: Vec<i64> = quarters
        .iter()
        .map(|q| q["book"]["closing_arr"].as_i64().unwrap())
        .collect();
    assert_eq!(
        closing,
        [1_650_000_000, 1_815_000_000, 1_996_500_000, 2_196_150_000]
    );
    // Hires 1, 2, 1, 1: fully productive on each quarter's first day, so they start 3 months
    // earlier and the requisition opens 90 days before that (§1.3 items 2-3).
    let hires: Vec<(String, String, String, u64)> = forecast["hires"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["requisition_open"].as_str().unwrap().to_string(),
                h["start"].as_str().unwrap().to_string(),
                h["fully_ramped"].as_str().unwrap().to_string(),
                h["late_by_days"].as_u64().unwrap(),
            )
        })
        .collect();
    let hire = |req: &str, start: &str, ramped: &str, late| {
        (req.to_string(), start.to_string(), ramped.to_string(), late)
    };
    assert_eq!(
        hires,
        [
            hire("2026-07-03", "2026-10-01", "2027-01-01", 182),
            hire("2026-10-03", "2027-01-01", "2027-04-01", 90),
            hire("2026-10-03", "2027-01-01", "2027-04-01", 90),
            hire("2027-01-01", "2027-04-01", "2027-07-01", 0),
            hire("2027-04-02", "2027-07-01", "2027-10-01", 0),
        ]
    );
    assert_eq!(
        forecast["headline"],
        "15 CSMs needed by Q4 2027 (top-down): 5 hires, the first requisition opens 2026-07-03 (182 days late)."
    );

    // The table says the same for people.
    let table = ok(&["plan", "--db", s(&db), "--scenario", "Growing book"]);
    assert!(table.contains("15 CSMs needed by Q4 2027"), "{table}");
    assert!(table.contains("$16,500,000.00"), "{table}");
    assert!(table.contains("2027-04-02"), "{table}");
    assert!(table.contains("Risk bands: 2000 trials, seed 7"), "{table}");
}

#[test]
fn the_same_seed_gives_the_same_bands_and_the_flags_override_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(&dir);
    let first = plan_json(&db, &[]);
    let second = plan_json(&db, &[]);
    assert!(first["bands"].is_object());
    assert_eq!(first["bands"], second["bands"], "same seed, same bands");
    assert_eq!(first["bands"]["seed"], 7);
    assert_eq!(first["bands"]["trials"], 2000);
    // Every band holds its P10 <= P50 <= P90.
    for q in first["bands"]["quarters"].as_array().unwrap() {
        let band = &q["required_fte"];
        let (p10, p50, p90) = (
            band["p10"].as_f64().unwrap(),
            band["p50"].as_f64().unwrap(),
            band["p90"].as_f64().unwrap(),
        );
        assert!(p10 <= p50 && p50 <= p90, "{band}");
    }
    let other = plan_json(&db, &["--seed", "8", "--trials", "500"]);
    assert_eq!(other["bands"]["seed"], 8);
    assert_eq!(other["bands"]["trials"], 500);
    assert_ne!(other["bands"], first["bands"]);
    // The deterministic plan does not depend on the seed.
    assert_eq!(other["forecast"], first["forecast"]);

    let none = plan_json(&db, &["--trials", "0"]);
    assert!(none["bands"].is_null());
    let worst = plan_json(&db, &["--preset", "worst"]);
    assert_eq!(worst["preset"], "worst");
    assert!(worst["bands"].is_null(), "bands are for the base plan");
    // Worst: new logos x0.8, so Q1 adds 8 logos, not 10, at $150,000 each.
    assert_eq!(
        worst["forecast"]["segments"][0]["quarters"][0]["book"]["new_arr"],
        120_000_000
    );
    let two = plan_json(&db, &["--quarters", "2"]);
    assert_eq!(two["forecast"]["quarters"].as_array().unwrap().len(), 2);
}

#[test]
fn csv_and_exports_write_the_same_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(&dir);
    let csv = ok(&[
        "plan",
        "--db",
        s(&db),
        "--scenario",
        "Growing book",
        "--format",
        "csv",
    ]);
    let lines: Vec<&str> = csv.lines().collect();
    // A header, 4 quarters of Mid-Market and 4 of the total.
    assert_eq!(lines.len(), 9, "{csv}");
    assert!(lines[0].starts_with("Segment,Quarter,Opening logos"));
    assert!(
        lines[1].starts_with("Mid-Market,Q1 2027,100.0,10.0,0.0,110.0,15000000.00,1500000.00"),
        "{}",
        lines[1]
    );
    assert!(lines[8].starts_with("Total,Q4 2027,"), "{}", lines[8]);

    // `csplan export plan` with `flags` (the plan by default) as `format` into `out`.
    let export = |flags: &[&str], format: &str, out: &Path| {
        let head = ["export", "plan", "--db", s(&db)];
        ok(&[&head[..], flags, &["--format", format, "--out", s(out)]].concat());
    };
    let out = dir.path().join("plan.csv");
    export(&["--scenario", "Growing book"], "csv", &out);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), csv);

    let xlsx = dir.path().join("plan.xlsx");
    export(&[], "xlsx", &xlsx);
    let bytes = std::fs::read(&xlsx).unwrap();
    assert_eq!(&bytes[..2], b"PK", "an XLSX file is a zip archive");

    let html = dir.path().join("plan.html");
    export(&[], "html", &html);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("15 CSMs needed by Q4 2027"));
    assert_eq!(page.matches("<svg").count(), 3, "the three charts inline");
}

#[test]
fn bad_requests_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(&dir);
    let unknown = failure(&["plan", "--db", s(&db), "--scenario", "Nope"]);
    assert!(
        unknown.contains("The plan \"Nope\" is not in the workspace"),
        "{unknown}"
    );
    let long = failure(&["plan", "--db", s(&db), "--quarters", "20"]);
    assert!(
        long.contains("A plan covers 2 to 12 quarters (it asks for 20)"),
        "{long}"
    );
    let missing = dir.path().join("missing.db");
    let nowhere = failure(&["plan", "--db", s(&missing)]);
    assert!(nowhere.contains("There is no workspace at"), "{nowhere}");
}
