//! `csplan rules list|export|import`, `csplan segment --rules NAME` and `csplan capacity
//! --rules NAME` end to end on a four-account book worked by hand (DOMAIN.md §2: first matching
//! rule wins; §1.1: top-down FTE = ARR / $1.5M).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::path::Path;

mod common;
use common::{failure, ok};

const BOOK: &str = "account_id,account_name,arr,employees,industry,region,plan,contract_start,renewal_date,lifecycle_stage,health_score,nps,active_users,licenses,csm_owner,icp_fit
ACC-0000001,Alpha,150000.00,500,Software,NA,Enterprise,2024-01-01,2026-03-01,adoption,80,9,90,100,Dana,ideal
ACC-0000002,Beta,120000.00,400,Software,EMEA,Enterprise,2024-01-01,2026-09-01,adoption,60,6,50,100,Dana,ideal
ACC-0000003,Gamma,130000.00,300,Retail,APAC,Professional,2024-01-01,2026-09-01,renewal,40,,10,100,Dana,stretch
ACC-0000004,\"=HYPERLINK(\"\"http://x\"\")\",5000.00,10,Retail,NA,Starter,2025-06-01,2026-02-15,onboarding,90,10,5,5,,ideal
";

/// Strategic: ARR >= $130,000 and ideal fit; Enterprise: ARR >= $100,000; SMB the rest.
const RULES: &str = r##"name = "Coverage"
as_of = "2026-01-01"

[[segments]]
name = "Strategic"
touch_model = "high-touch"
colour = "#0072B2"
conditions = [
    { kind = "range", field = "arr", min = 130000 },
    { kind = "one_of", field = "icp_fit", values = ["ideal"] },
]
activities = [{ name = "QBR", per_customer_per_month = 12, minutes = 30 }]

[[segments]]
name = "Enterprise"
touch_model = "high-touch"
colour = "#009E73"
conditions = [{ kind = "range", field = "arr", min = 100000 }]
activities = [{ name = "Check-in", per_customer_per_month = 6, minutes = 30 }]

[catch_all]
name = "SMB"
touch_model = "automated"
colour = "#56B4E9"
activities = [{ name = "Webinar", per_customer_per_month = 1, minutes = 10 }]
"##;

fn workspace(dir: &Path) -> String {
    let book = dir.join("book.csv");
    std::fs::write(&book, BOOK).unwrap();
    let db = dir.join("plan.db");
    let db = db.to_str().unwrap().to_string();
    ok(&["import", "accounts", book.to_str().unwrap(), "--db", &db]);
    let rules = dir.join("coverage.toml");
    std::fs::write(&rules, RULES).unwrap();
    let saved = ok(&["rules", "import", rules.to_str().unwrap(), "--db", &db]);
    assert_eq!(
        saved,
        "Saved \"Coverage\" (3 segments: Strategic, Enterprise, SMB).\n"
    );
    db
}

#[test]
fn segment_and_capacity_over_a_saved_rule_set() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let json: Value = serde_json::from_str(&ok(&[
        "segment", "--db", &db, "--rules", "coverage", "--format", "json",
    ]))
    .unwrap();
    let rows: Vec<(&str, u64, f64)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["segment"].as_str().unwrap(),
                r["accounts"].as_u64().unwrap(),
                r["total_arr"].as_f64().unwrap(),
            )
        })
        .collect();
    // Gamma ($130,000) is a stretch fit, so it falls through to Enterprise.
    assert_eq!(
        rows,
        [
            ("Strategic", 1, 150_000.0),
            ("Enterprise", 2, 250_000.0),
            ("SMB", 1, 5_000.0)
        ]
    );
    // Renewals within 90 days of 2026-01-01: Alpha (2026-03-01, day 59) and Delta (day 45).
    assert_eq!(json[0]["renewals_next_90_days"], 1);
    assert_eq!(json[2]["renewals_next_90_days"], 1);
    assert_eq!(json[1]["renewals_next_90_days"], 0);

    let plan: Value = serde_json::from_str(&ok(&[
        "capacity", "--db", &db, "--rules", "Coverage", "--format", "json",
    ]))
    .unwrap();
    let total = plan.as_array().unwrap().last().unwrap();
    assert_eq!(total["segment"], "Total");
    // Top-down: $405,000 / $1.5M = 0.27 FTE. Bottom-up: (1 x 12 + 2 x 6 + 1 x 1) / 600.
    assert_eq!(
        total["csms_topdown"].as_f64().unwrap(),
        405_000.0 / 1_500_000.0
    );
    let strategic = &plan[0];
    assert_eq!(strategic["segment"], "Strategic");
    assert_eq!(strategic["csms_bottomup"].as_f64().unwrap(), 1.0 / 50.0);
    assert_eq!(plan[1]["csms_bottomup"].as_f64().unwrap(), 2.0 / 100.0);
}

#[test]
fn list_export_import_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    assert!(
        ok(&["rules", "list", "--db", &db])
            .starts_with("  Coverage\tStrategic > Enterprise > SMB\t")
    );
    let toml = ok(&["rules", "export", "COVERAGE", "--db", &db]);
    let json_path = dir.path().join("coverage.json");
    let export_json = [
        "rules",
        "export",
        "Coverage",
        "--db",
        &db,
        "--format",
        "json",
        "--out",
        json_path.to_str().unwrap(),
    ];
    ok(&export_json);
    // Writing over an existing file is refused.
    let again = failure(&export_json);
    assert!(again.contains("already exists"), "{again}");
    assert_eq!(
        ok(&["rules", "import", json_path.to_str().unwrap(), "--db", &db]),
        "Saved \"Coverage (2)\" (3 segments: Strategic, Enterprise, SMB).\n"
    );
    let copy = ok(&["rules", "export", "Coverage (2)", "--db", &db]);
    assert_eq!(
        copy,
        toml.replace("name = \"Coverage\"", "name = \"Coverage (2)\"")
    );

    let message = failure(&["segment", "--db", &db, "--rules", "Nope"]);
    assert!(
        message
            .contains("no rule set of that name (saved rule sets: \"Coverage\", \"Coverage (2)\")"),
        "{message}"
    );
}

/// `csplan export segments`: the summary as CSV (exact cents), each account's segment with
/// `--accounts` (a formula-like account name neutralised), and a workbook with both sheets.
#[test]
fn export_segments_as_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let out = dir.path().join("segments.csv");
    let run = |format: &str, accounts: bool, out: &Path| {
        let mut args = vec![
            "export",
            "segments",
            "--db",
            &db,
            "--rules",
            "Coverage",
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ];
        if accounts {
            args.push("--accounts");
        }
        ok(&args);
    };
    run("csv", false, &out);
    let text = std::fs::read_to_string(&out).unwrap();
    let cells: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split(',').take(5).collect())
        .collect();
    assert_eq!(
        cells,
        [
            vec![
                "segment",
                "touch_model",
                "accounts",
                "share_of_accounts",
                "total_arr"
            ],
            vec!["Strategic", "high-touch", "1", "0.25", "150000.00"],
            vec!["Enterprise", "high-touch", "2", "0.5", "250000.00"],
            vec!["SMB", "automated", "1", "0.25", "5000.00"],
        ]
    );
    run("csv", true, &out);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "account_id,account_name,segment,arr\n\
         ACC-0000001,Alpha,Strategic,150000.00\n\
         ACC-0000002,Beta,Enterprise,120000.00\n\
         ACC-0000003,Gamma,Enterprise,130000.00\n\
         ACC-0000004,\"'=HYPERLINK(\"\"http://x\"\")\",SMB,5000.00\n"
    );
    let xlsx = dir.path().join("segments.xlsx");
    run("xlsx", true, &xlsx);
    let bytes = std::fs::read(&xlsx).unwrap();
    // A zip (the XLSX container) holding both sheets by name.
    assert_eq!(&bytes[..2], b"PK");
    let listing = String::from_utf8_lossy(&bytes);
    assert!(listing.contains("xl/worksheets/sheet2.xml"), "two sheets");
}
