//! The accounts CSV import (WORKLOADS.md W1 rules) and the tier summary over the stored book.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{HEADER, csv_line, db_path, good_row, temp_dir, write_csv};
use csplan_domain::Cents;
use csplan_domain::segmentation::{TierBounds, segment_by_tier};
use csplan_store::{NewWorkspace, Store, StoreError};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::Connection;
use sqlx::sqlite::SqliteConnection;
use std::path::Path;

/// shared/ sits beside the repository (on developer machines and in CI).
const SAMPLE_1K: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/bench/data/accounts_1k.csv"
);

async fn empty_store(dir: &tempfile::TempDir) -> Store {
    Store::create(&db_path(dir, "plan.db"), NewWorkspace::Empty)
        .await
        .unwrap()
}

fn sample_path() -> &'static Path {
    Path::new(SAMPLE_1K)
}

#[tokio::test]
async fn imports_the_1k_sample_exactly() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let summary = store.import_accounts_csv(sample_path()).await.unwrap();
    assert_eq!((summary.added, summary.updated), (1_000, 0));
    assert_eq!(summary.file, SAMPLE_1K);

    let info = store.workspace_info().await.unwrap();
    assert_eq!(info.accounts, 1_000);
    // Independently: python3 -c "import csv, decimal; print(sum(decimal.Decimal(r['arr']) for r
    //   in csv.DictReader(open('accounts_1k.csv'))))" prints 17213269.45.
    assert_eq!(info.total_arr, Cents(1_721_326_945));

    // Same file, W2 rule set A (python3 decimal, same way): Enterprise 23 / 4426809.13,
    // Mid-Market 154 / 7132807.37, SMB 823 / 5653652.95.
    let tiers = store.tier_summary(&TierBounds::default()).await.unwrap();
    let got: Vec<(&str, u64, i64)> = tiers
        .iter()
        .map(|s| (s.segment.as_str(), s.accounts, s.total_arr.0))
        .collect();
    assert_eq!(
        got,
        [
            ("Enterprise", 23, 442_680_913),
            ("Mid-Market", 154, 713_280_737),
            ("SMB", 823, 565_365_295)
        ]
    );
    store.close().await;
}

#[tokio::test]
async fn stores_values_as_the_file_has_them() {
    let dir = temp_dir();
    let path = db_path(&dir, "plan.db");
    let store = Store::create(&path, NewWorkspace::Empty).await.unwrap();
    store.import_accounts_csv(sample_path()).await.unwrap();
    store.close().await;

    let mut conn = SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    // Line 5 of the file (ACC-0000004): a quoted name with a comma, an NPS answer, a named CSM.
    let row: (String, i64, String, Option<i64>, Option<String>) = sqlx::query_as(
        "SELECT account_name, arr_cents, region, nps, csm_owner FROM accounts
         WHERE account_id = 'ACC-0000004'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(
        row,
        (
            "Granite Learning, Inc.".to_string(),
            10_000_000,
            "EMEA".to_string(),
            Some(9),
            Some("Yusuf Wilson".to_string())
        )
    );
    // python3 csv module over the same file: 470 rows in region NA, 611 without an NPS answer.
    let na: i64 = sqlx::query_scalar("SELECT count(*) FROM accounts WHERE region = 'NA'")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    let no_nps: i64 = sqlx::query_scalar("SELECT count(*) FROM accounts WHERE nps IS NULL")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!((na, no_nps), (470, 611));
    conn.close().await.unwrap();
}

#[tokio::test]
async fn reimporting_updates_instead_of_duplicating() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let first = dir.path().join("first.csv");
    write_csv(&first, &[good_row(1, "100.00"), good_row(2, "200.00")]);
    let summary = store.import_accounts_csv(&first).await.unwrap();
    assert_eq!((summary.added, summary.updated), (2, 0));

    let second = dir.path().join("second.csv");
    write_csv(&second, &[good_row(2, "250.50"), good_row(3, "300.00")]);
    let summary = store.import_accounts_csv(&second).await.unwrap();
    assert_eq!((summary.added, summary.updated), (1, 1));

    let info = store.workspace_info().await.unwrap();
    assert_eq!(info.accounts, 3);
    assert_eq!(info.total_arr, Cents(10_000 + 25_050 + 30_000));

    let again = store.import_accounts_csv(&second).await.unwrap();
    assert_eq!((again.added, again.updated), (0, 2));
    assert_eq!(store.workspace_info().await.unwrap().accounts, 3);
    store.close().await;
}

/// Imports a file whose line 4 is `bad` (lines 2 and 3 are valid) into a workspace holding
/// one account, and returns the report; checks that nothing was written.
async fn rejected(bad: Vec<String>) -> csplan_store::ImportReport {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let seed = dir.path().join("seed.csv");
    write_csv(&seed, &[good_row(1, "100.00")]);
    store.import_accounts_csv(&seed).await.unwrap();
    let before = store.workspace_info().await.unwrap();

    let file = dir.path().join("bad.csv");
    // Line 2 would update account 1: a rejected import must not apply that either.
    write_csv(&file, &[good_row(1, "999.00"), good_row(2, "200.00"), bad]);
    let error = store.import_accounts_csv(&file).await.unwrap_err();
    assert_eq!(error.code(), "invalid-import");
    let message = error.to_string();
    let StoreError::InvalidImport(report) = error else {
        panic!("expected InvalidImport");
    };
    assert!(message.contains("bad.csv"), "{message}");
    assert!(message.contains("nothing was written"), "{message}");
    assert_eq!(store.workspace_info().await.unwrap(), before);
    store.close().await;
    report
}

fn bad_row(column: usize, value: &str) -> Vec<String> {
    let mut row = good_row(3, "300.00");
    row[column] = value.to_string();
    row
}

async fn assert_rejected_at(bad: Vec<String>, column: Option<&str>, reason_part: &str) {
    let report = rejected(bad).await;
    assert_eq!(report.total_problems, 1, "{report:?}");
    let problem = &report.problems[0];
    assert_eq!(problem.line, 4, "{problem:?}");
    assert_eq!(problem.column.as_deref(), column, "{problem:?}");
    assert!(problem.reason.contains(reason_part), "{problem:?}");
}

#[tokio::test]
async fn rejects_non_numeric_arr() {
    assert_rejected_at(bad_row(2, "12k"), Some("arr"), "\"12k\" is not a number").await;
}

#[tokio::test]
async fn rejects_negative_arr() {
    assert_rejected_at(bad_row(2, "-5.00"), Some("arr"), "negative").await;
}

#[tokio::test]
async fn rejects_health_score_above_100() {
    assert_rejected_at(bad_row(10, "105"), Some("health_score"), "outside 0 to 100").await;
}

#[tokio::test]
async fn rejects_fractional_health_score() {
    assert_rejected_at(
        bad_row(10, "72.5"),
        Some("health_score"),
        "not a whole number",
    )
    .await;
}

#[tokio::test]
async fn rejects_nps_above_10() {
    assert_rejected_at(bad_row(11, "11"), Some("nps"), "outside 0 to 10").await;
}

#[tokio::test]
async fn rejects_unknown_region() {
    assert_rejected_at(bad_row(5, "Europe"), Some("region"), "not one of NA, EMEA").await;
}

#[tokio::test]
async fn rejects_impossible_dates() {
    assert_rejected_at(
        bad_row(7, "2025-02-30"),
        Some("contract_start"),
        "real calendar",
    )
    .await;
}

/// W1: `03/01/2026` in a date column is refused, naming line and column, because it reads as
/// 1 March and as 3 January and nothing in the file decides (issue #3: an explicit choice where
/// ambiguous). With the order chosen the same file imports.
#[tokio::test]
async fn rejects_a_date_that_reads_both_ways_until_the_order_is_chosen() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let file = dir.path().join("us.csv");
    let mut row = good_row(2, "200.00");
    row[8] = "03/01/2026".to_string();
    write_csv(&file, &[good_row(1, "100.00"), row]);
    let error = store.import_accounts_csv(&file).await.unwrap_err();
    assert_eq!(error.code(), "ambiguous-dates");
    let message = error.to_string();
    assert!(
        message.contains("line 3, column renewal_date: \"03/01/2026\" and 0 other dates read both"),
        "{message}"
    );
    assert!(message.contains("nothing was written"), "{message}");
    assert_eq!(store.workspace_info().await.unwrap().accounts, 0);
    store.close().await;
}

#[tokio::test]
async fn rejects_missing_required_values() {
    assert_rejected_at(bad_row(1, ""), Some("account_name"), "value is required").await;
}

#[tokio::test]
async fn rejects_wrong_number_of_fields() {
    let mut row = good_row(3, "300.00");
    row.push("extra".to_string());
    assert_rejected_at(row, None, "has 17 fields, but the header has 16").await;
}

#[tokio::test]
async fn rejects_duplicate_account_ids() {
    assert_rejected_at(good_row(2, "200.00"), Some("account_id"), "first on line 3").await;
}

#[tokio::test]
async fn lines_are_physical_lines_and_every_problem_is_counted() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let mut multi_line = good_row(1, "100.00");
    multi_line[1] = "Acme\nRocket Co.".to_string(); // lines 2 and 3
    let mut text = format!("{HEADER}\n{}\n", csv_line(&multi_line));
    // Lines 4..=253: each has a negative ARR and an NPS of 11, 500 problems in all.
    for id in 2..=251 {
        let mut row = good_row(id, "-1.00");
        row[11] = "11".to_string();
        text.push_str(&csv_line(&row));
        text.push('\n');
    }
    let file = dir.path().join("many.csv");
    std::fs::write(&file, text).unwrap();
    let StoreError::InvalidImport(report) = store.import_accounts_csv(&file).await.unwrap_err()
    else {
        panic!("expected InvalidImport");
    };
    assert_eq!(report.total_problems, 500);
    assert_eq!(report.rejected_rows, 250);
    assert_eq!(report.problems.len(), 500);
    assert_eq!(report.problems[0].line, 4);
    assert_eq!(report.problems[0].column.as_deref(), Some("arr"));
    assert_eq!(report.problems[1].column.as_deref(), Some("nps"));
    assert_eq!(report.problems[499].line, 253);
    let message = StoreError::InvalidImport(report).to_string();
    assert!(
        message.contains("line 4, column arr: -1.00 is negative"),
        "{message}"
    );
    assert!(message.contains("and 495 more"), "{message}");
    assert_eq!(store.workspace_info().await.unwrap().accounts, 0);
    store.close().await;
}

#[tokio::test]
async fn na_is_north_america_and_a_missing_header_column_is_named() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let file = dir.path().join("no-region.csv");
    let header = HEADER.replace(",region", "");
    let mut row = good_row(1, "100.00");
    row.remove(5);
    std::fs::write(&file, format!("{header}\n{}\n", csv_line(&row))).unwrap();
    let error = store.import_accounts_csv(&file).await.unwrap_err();
    assert_eq!(error.code(), "unmapped-fields");
    assert!(
        error
            .to_string()
            .contains("no column is mapped to Region (region)"),
        "{error}"
    );

    let file = dir.path().join("na.csv");
    write_csv(&file, &[good_row(1, "100.00")]);
    store.import_accounts_csv(&file).await.unwrap();
    store.close().await;
}

#[tokio::test]
async fn a_missing_file_is_an_io_error_naming_it() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let error = store
        .import_accounts_csv(&dir.path().join("gone.csv"))
        .await
        .unwrap_err();
    assert_eq!(error.code(), "io");
    assert!(error.to_string().contains("gone.csv"), "{error}");
    store.close().await;
}

/// The SQL range aggregates must agree with the domain's in-memory segmentation on any book
/// and any bounds, including accounts sitting exactly on a bound.
#[tokio::test]
async fn tier_summary_equals_segment_by_tier_on_random_books() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    for round in 0..6u32 {
        let size = rng.random_range(1..400u32);
        let mut bounds = TierBounds {
            mid_market_from: Cents(rng.random_range(1..5_000_000)),
            enterprise_from: Cents(0),
        };
        bounds.enterprise_from = Cents(bounds.mid_market_from.0 + rng.random_range(1..20_000_000));
        let rows: Vec<Vec<String>> = (1..=size)
            .map(|id| {
                let cents = match rng.random_range(0..4) {
                    0 => bounds.mid_market_from.0,
                    1 => bounds.enterprise_from.0,
                    _ => rng.random_range(0..30_000_000i64),
                };
                good_row(round * 1_000 + id, &Cents(cents).to_plain_string())
            })
            .collect();
        let file = dir.path().join(format!("book-{round}.csv"));
        write_csv(&file, &rows);
        store.import_accounts_csv(&file).await.unwrap();
        let book = store.account_arr().await.unwrap();
        assert_eq!(
            store.tier_summary(&bounds).await.unwrap(),
            segment_by_tier(&book, &bounds).unwrap(),
            "round {round}, bounds {bounds:?}"
        );
        assert_eq!(
            store.tier_summary(&TierBounds::default()).await.unwrap(),
            segment_by_tier(&book, &TierBounds::default()).unwrap()
        );
    }
    let inverted = TierBounds {
        enterprise_from: Cents(100),
        mid_market_from: Cents(200),
    };
    assert_eq!(
        store.tier_summary(&inverted).await.unwrap_err().code(),
        "invalid-inputs"
    );
    store.close().await;
}

/// The tier summary reads only the ARR index: SQLite's plan shows a covering-index search for
/// each tier and never the table or a sorter.
#[tokio::test]
async fn tier_summary_walks_only_the_arr_index() {
    let dir = temp_dir();
    let path = db_path(&dir, "plan.db");
    Store::create(&path, NewWorkspace::Demo)
        .await
        .unwrap()
        .close()
        .await;
    let mut conn = SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(
        "EXPLAIN QUERY PLAN
         SELECT 0, count(*), coalesce(sum(arr_cents), 0) FROM accounts WHERE arr_cents >= ?1
         UNION ALL
         SELECT 1, count(*), coalesce(sum(arr_cents), 0) FROM accounts
             WHERE arr_cents >= ?2 AND arr_cents < ?1
         UNION ALL
         SELECT 2, count(*), coalesce(sum(arr_cents), 0) FROM accounts WHERE arr_cents < ?2",
    )
    .bind(10_000_000i64)
    .bind(2_500_000i64)
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let details: Vec<&str> = plan.iter().map(|(_, _, _, d)| d.as_str()).collect();
    let searches = details
        .iter()
        .filter(|d| d.contains("USING COVERING INDEX accounts_arr"))
        .count();
    assert_eq!(searches, 3, "{details:?}");
    assert!(
        details
            .iter()
            .all(|d| !d.contains("SCAN accounts") && !d.contains("TEMP B-TREE")),
        "{details:?}"
    );
    conn.close().await.unwrap();
}

/// Migration 0004's GLOB guard: a writer that skipped the import's date checks still cannot put
/// text that is not a YYYY-MM-DD date into the accounts table (WORKLOADS.md W1: dates stored as
/// YYYY-MM-DD text); an ISO date passes.
#[tokio::test]
async fn the_accounts_table_refuses_dates_that_are_not_iso() {
    let dir = temp_dir();
    empty_store(&dir).await.close().await;
    let path = db_path(&dir, "plan.db");
    let mut conn = SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let insert = |contract_start: &'static str| {
        sqlx::query(
            "INSERT INTO accounts (account_id, account_name, arr_cents, region, plan,
                 contract_start, renewal_date, lifecycle_stage, health_score, active_users,
                 licenses, icp_fit)
             VALUES (?1, 'Acme', 100, 'NA', 'Growth', ?2, '2026-01-15', 'adoption', 70, 1, 1,
                 'ideal')",
        )
        .bind(format!("ACC-{contract_start}"))
        .bind(contract_start)
    };
    for bad in ["03/01/2026", "2026-1-15", "2026-01-15 ", "20260115", ""] {
        let error = insert(bad).execute(&mut conn).await.unwrap_err();
        assert!(
            error.to_string().contains("CHECK constraint failed"),
            "{bad:?}: {error}"
        );
    }
    insert("2024-01-15").execute(&mut conn).await.unwrap();
    let stored: Vec<String> = sqlx::query_scalar("SELECT contract_start FROM accounts")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert_eq!(stored, ["2024-01-15"]);
    conn.close().await.unwrap();
}
