//! `csplan segment` end to end: the 1k book of shared/bench imported into a temporary
//! workspace, summarised by the W2 rule set files, checked against WORKLOADS.md W2 computed
//! independently (bench/w2_check.py: Decimal sums, the rules word for word).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{csplan, repo, s, shared_book, text};

fn imported_1k(dir: &Path) -> PathBuf {
    let db = dir.join("book.db");
    let out = csplan(&["import", "accounts", s(&shared_book()), "--db", s(&db)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    db
}

fn segment(db: &Path, rules: &str, format: &str, w2: bool) -> String {
    let rules = repo(rules);
    let mut args = vec![
        "segment",
        "--db",
        s(db),
        "--rules",
        s(&rules),
        "--format",
        format,
    ];
    if w2 {
        args.push("--w2");
    }
    let out = csplan(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// The reference tables printed by `python3 bench/w2_check.py accounts_1k.csv a|b`: per segment
/// the account count, the Decimal sum of arr and the mean of health_score.
const W2_A: &str = "segment,accounts,total_arr,mean_health
Enterprise,23,4426809.13,70.1304347826087
Mid-Market,154,7132807.37,70.07792207792208
SMB,823,5653652.95,67.54313487241798
";
const W2_B: &str = "segment,accounts,total_arr,mean_health
Strategic,10,1698902.93,79.6
Enterprise,13,2727906.20,62.84615384615385
MM Growth,39,1839421.61,82.07692307692308
MM Core,115,5293385.76,66.00869565217391
SMB Onboarding,63,443537.41,66.92063492063492
SMB Poor Fit,147,860086.18,52.70068027210884
SMB Digital,613,4350029.36,71.16639477977162
";

/// Runs the independent reference on the same CSV and the CLI's output, when Python is there;
/// the constants above already pin every cell.
fn python_agrees(rule_set: &str, output: &str, dir: &Path) {
    let file = dir.join(format!("segments_{rule_set}.csv"));
    std::fs::write(&file, output).unwrap();
    let Ok(run) = Command::new("python3")
        .arg(repo("bench/w2_check.py"))
        .args([s(&shared_book()), rule_set, s(&file)])
        .output()
    else {
        return;
    };
    assert!(
        run.status.success(),
        "{}{}",
        text(&run.stdout),
        text(&run.stderr)
    );
    assert!(text(&run.stdout).contains("reproduced"));
}

#[test]
fn w2_rule_sets_on_the_1k_book() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_1k(dir.path());
    let a = segment(&db, "examples/rules/w2-ruleset-a.toml", "csv", true);
    assert_eq!(a, W2_A);
    python_agrees("a", &a, dir.path());
    let b = segment(&db, "examples/rules/w2-ruleset-b.toml", "csv", true);
    assert_eq!(b, W2_B);
    python_agrees("b", &b, dir.path());
}

/// NPS (DOMAIN.md §5.6: % promoters 9-10 minus % detractors 0-6 of those who answered) and
/// renewals within 90 days of 2026-01-01 (both ends included) per rule set A tier, computed
/// independently in Python from the CSV (Decimal ARR, datetime.date differences):
/// Enterprise 12 answers, -33.333333333333336, 5 renewals, 966422.93; Mid-Market 55,
/// -52.72727272727273, 22, 953245.60; SMB 322, -30.124223602484474, 201, 1424270.68.
#[test]
fn nps_and_renewals_on_the_1k_book() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_1k(dir.path());
    let csv = segment(&db, "examples/rules/w2-ruleset-a.toml", "csv", false);
    let cells: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            vec![cells[0], cells[8], cells[9], cells[10], cells[11]]
        })
        .collect();
    assert_eq!(
        cells,
        [
            ["Enterprise", "-33.333333333333336", "12", "5", "966422.93"],
            ["Mid-Market", "-52.72727272727273", "55", "22", "953245.60"],
            ["SMB", "-30.124223602484474", "322", "201", "1424270.68"],
        ]
    );
}

#[test]
fn full_csv_json_and_table_agree() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_1k(dir.path());
    let rules = "examples/rules/w2-ruleset-b.toml";
    let csv = segment(&db, rules, "csv", false);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "segment,touch_model,colour,accounts,total_arr,share_of_arr,share_of_accounts,mean_health,nps,nps_responses,renewals_next_90_days,renewals_next_90_days_arr"
    );
    assert_eq!(lines.len(), 8);
    assert!(lines[1].starts_with("Strategic,high-touch,#0072B2,10,1698902.93,"));
    // Shares add up to the whole book.
    let share: f64 = lines[1..]
        .iter()
        .map(|l| l.split(',').nth(6).unwrap().parse::<f64>().unwrap())
        .sum();
    assert!((share - 1.0).abs() < 1e-12);

    let json: serde_json::Value =
        serde_json::from_str(&segment(&db, rules, "json", false)).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[1]["segment"], "Enterprise");
    assert_eq!(rows[1]["accounts"], 13);
    assert_eq!(rows[1]["total_arr"].as_f64(), Some(2727906.20));
    assert_eq!(rows[1]["mean_health"].as_f64(), Some(817.0 / 13.0));
    let csv_renewals: Vec<u64> = lines[1..]
        .iter()
        .map(|l| l.split(',').nth(10).unwrap().parse().unwrap())
        .collect();
    let json_renewals: Vec<u64> = rows
        .iter()
        .map(|r| r["renewals_next_90_days"].as_u64().unwrap())
        .collect();
    assert_eq!(csv_renewals, json_renewals);

    let w2_json: serde_json::Value =
        serde_json::from_str(&segment(&db, rules, "json", true)).unwrap();
    assert_eq!(
        w2_json[0].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["accounts", "mean_health", "segment", "total_arr"]
    );

    let table = segment(&db, rules, "table", false);
    assert!(
        table.starts_with("W2 rule set B (coverage segment): 1000 accounts, $17,213,269.45 ARR")
    );
    for name in ["Strategic", "MM Growth", "SMB Digital", "$1,698,902.93"] {
        assert!(table.contains(name), "{table}");
    }
    // The Total row is the domain's book_total: every account, the same exact ARR.
    let total_row = table.lines().find(|l| l.contains("Total")).unwrap();
    assert!(
        total_row.contains(" 1000 ") && total_row.contains("$17,213,269.45"),
        "{total_row}"
    );
}

#[test]
fn a_broken_rule_file_is_refused_naming_file_and_rule() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_1k(dir.path());
    let rules = dir.path().join("broken.toml");
    std::fs::write(
        &rules,
        "name = \"Broken\"\nas_of = \"2026-01-01\"\n\n[[segments]]\nname = \"Mid\"\ntouch_model = \"low-touch\"\ncolour = \"#000000\"\nconditions = [{ kind = \"range\", field = \"arr\", min = 100000, max = 25000 }]\n\n[catch_all]\nname = \"Rest\"\ntouch_model = \"automated\"\ncolour = \"#000000\"\n",
    )
    .unwrap();
    let out = csplan(&["segment", "--db", s(&db), "--rules", s(&rules)]);
    assert!(!out.status.success());
    let message = text(&out.stderr);
    assert!(
        message.contains("rule 1 (Mid)") && message.contains("min (100000) must be below max"),
        "{message}"
    );

    let missing = dir.path().join("nope.toml");
    let out = csplan(&["segment", "--db", s(&db), "--rules", s(&missing)]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("nope.toml"));
}
