//! Snapshots of the book and the metrics of a period through the store (issue 7; DOMAIN.md §5.1
//! retention and churn, §5.6 NPS bands, §6.2 health bands, §6.7 early warning).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use csplan_domain::Cents;
use csplan_domain::metrics::{AccountArr, Group, HealthBand, HealthBands, Metric, Movements};
use csplan_store::{
    GroupBy, ImportReport, MetricsSetup, NewWorkspace, Store, StoreError, WarningThresholds,
};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// (id, ARR dollars, health, nps, active users, renewal date, CSM)
type Account = (
    u32,
    &'static str,
    u32,
    &'static str,
    u32,
    &'static str,
    &'static str,
);

fn book_csv(dir: &Path, name: &str, accounts: &[Account]) -> PathBuf {
    let mut text = format!("{}\n", common::HEADER);
    for (id, arr, health, nps, users, renewal, csm) in accounts {
        text.push_str(&format!(
            "ACC-{id:07},Account {id},{arr},50,Software,NA,Growth,2024-01-15,{renewal},adoption,{health},{nps},{users},40,{csm},ideal\n"
        ));
    }
    text_file(dir, name, &text)
}

/// `text` written to the file `name` in `dir`.
fn text_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// One account of each movement type between Q1 and Q2 (DOMAIN.md §5.1, §5.3, §5.5): 1 expands
/// $1,000 → $1,500, 2 contracts $2,000 → $1,200, 3 churns ($3,000), 4 is new ($4,000), 5 was a
/// customer at Q4 ($500), gone at Q1 and back at Q2 ($700, reactivation), 6 stays at $5,000.
const Q4: [Account; 5] = [
    (1, "1000", 80, "9", 30, "2026-09-01", "Ann"),
    (2, "2000", 60, "7", 30, "2026-09-01", "Ann"),
    (3, "3000", 30, "3", 30, "2026-09-01", "Bob"),
    (5, "500", 50, "", 10, "2026-09-01", "Bob"),
    (6, "5000", 90, "10", 30, "2026-09-01", "Bob"),
];
const Q1: [Account; 4] = [
    (1, "1000", 80, "9", 30, "2026-09-01", "Ann"),
    (2, "2000", 60, "7", 30, "2026-09-01", "Ann"),
    (3, "3000", 30, "3", 30, "2026-09-01", "Bob"),
    (6, "5000", 90, "10", 30, "2026-09-01", "Bob"),
];
const Q2: [Account; 5] = [
    (1, "1500", 85, "10", 35, "2026-06-15", "Ann"),
    (2, "1200", 35, "5", 20, "2026-07-01", "Ann"),
    (4, "4000", 75, "8", 12, "2027-03-01", "Bob"),
    (5, "700", 65, "6", 8, "2026-12-01", "Bob"),
    (6, "5000", 90, "9", 31, "2026-08-01", "Bob"),
];

/// A movements file (DOMAIN.md §5.1, §5.5 vocabulary) of `rows` under its header.
fn movements_file(dir: &Path, name: &str, rows: &[&str]) -> PathBuf {
    let mut text = "account,date,type,amount\n".to_string();
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text_file(dir, name, &text)
}

/// The problems of a file the store refused, or a panic naming `what` when it took it.
fn refused<T: std::fmt::Debug>(result: Result<T, StoreError>, what: &str) -> ImportReport {
    match result {
        Err(StoreError::InvalidImport(report)) => report,
        other => panic!("{what} should be refused: {other:?}"),
    }
}

async fn empty_workspace(dir: &tempfile::TempDir) -> Store {
    Store::create(&common::db_path(dir, "w.db"), NewWorkspace::Empty)
        .await
        .unwrap()
}

/// The labels of the workspace's snapshots, oldest first.
async fn snapshot_labels(store: &Store) -> Vec<String> {
    let snapshots = store.snapshots().await.unwrap();
    snapshots.into_iter().map(|s| s.label).collect()
}

async fn workspace(dir: &tempfile::TempDir) -> Store {
    let store = empty_workspace(dir).await;
    for (file, as_of, label, book) in [
        ("q4.csv", "2025-10-01", "Q4", &Q4[..]),
        ("q1.csv", "2026-01-01", "Q1", &Q1[..]),
        ("q2.csv", "2026-04-01", "Q2", &Q2[..]),
    ] {
        let csv = book_csv(dir.path(), file, book);
        store.add_snapshot_csv(&csv, as_of, label).await.unwrap();
    }
    store
}

fn value(report: &csplan_store::PeriodReport, group: usize, key: &str) -> Option<f64> {
    metric(&report.groups[group].metrics, key)
}

/// The value of the metric `key`, which must be among `metrics`.
fn metric(metrics: &[Metric], key: &str) -> Option<f64> {
    metrics.iter().find(|m| m.key == key).unwrap().value
}

#[tokio::test]
async fn one_account_of_each_movement_type() {
    let dir = common::temp_dir();
    let store = workspace(&dir).await;
    let setup = MetricsSetup::default();
    let report = store
        .period_metrics("2026-01-01", "2026-04-01", GroupBy::Book, &setup)
        .await
        .unwrap();
    assert_eq!(
        (report.from.label.as_str(), report.to.label.as_str()),
        ("Q1", "Q2")
    );
    assert_eq!(report.months, 3);
    let m = &report.groups[0].movements;
    let dollars = |d: i64| Cents::from_dollars(d);
    assert_eq!(m.starting_arr, dollars(11_000));
    assert_eq!(m.expansion, dollars(500));
    assert_eq!(m.contraction, dollars(800));
    assert_eq!(m.churned, dollars(3_000));
    assert_eq!(m.new, dollars(4_000));
    assert_eq!(m.reactivated, dollars(700));
    assert_eq!(m.ending_arr, dollars(12_400));
    assert_eq!(
        (
            m.customers_at_start,
            m.new_customers,
            m.churned_customers,
            m.reactivated_customers,
            m.customers_at_end
        ),
        (4, 1, 1, 1, 5)
    );
    // §5.1: NRR = (11,000 + 500 − 3,000 − 800) / 11,000; GRR = (11,000 − 3,000 − 800) / 11,000;
    // logo churn = 1 / 4; retention = 3 / 4.
    assert_eq!(value(&report, 0, "nrr"), Some(7_700.0 / 11_000.0));
    assert_eq!(value(&report, 0, "grr"), Some(7_200.0 / 11_000.0));
    assert_eq!(value(&report, 0, "logo_churn_rate"), Some(0.25));
    assert_eq!(value(&report, 0, "customer_retention_rate"), Some(0.75));
    // §5.6 at Q2: promoters 1 (10) and 6 (9), passive 4 (8), detractors 2 (5) and 5 (6):
    // (2 − 2) / 5 × 100 = 0. §6.2 bands 70/40: green 1, 4, 6; yellow 5; red 2.
    assert_eq!(value(&report, 0, "nps"), Some(0.0));
    let health = report.groups[0].health;
    assert_eq!((health.green, health.yellow, health.red), (3, 1, 1));

    // The same books through the domain's own diff give the same summary.
    let books = |accounts: &[Account]| -> Vec<AccountArr> {
        accounts
            .iter()
            .map(|(id, arr, ..)| AccountArr {
                account_id: format!("ACC-{id:07}"),
                arr: Cents::parse_decimal(arr).unwrap(),
                segment: None,
                csm: None,
            })
            .collect()
    };
    let seen: HashSet<String> = ["ACC-0000005".to_string()].into_iter().collect();
    assert_eq!(
        *m,
        Movements::from_snapshots(&books(&Q1), &books(&Q2), &seen)
    );
    store.close().await;
}

#[tokio::test]
async fn groups_add_up_to_the_book_and_nrr_is_never_below_grr() {
    let dir = common::temp_dir();
    let store = workspace(&dir).await;
    let setup = MetricsSetup::default();
    for (from, to) in [
        ("2025-10-01", "2026-01-01"),
        ("2026-01-01", "2026-04-01"),
        ("2025-10-01", "2026-04-01"),
    ] {
        for by in [GroupBy::Segment, GroupBy::Csm] {
            let report = store.period_metrics(from, to, by, &setup).await.unwrap();
            let book = &report.groups[0].movements;
            let parts = &report.groups[1..];
            let sum =
                |f: fn(&Movements) -> Cents| parts.iter().map(|g| f(&g.movements)).sum::<Cents>();
            assert_eq!(sum(|m| m.starting_arr), book.starting_arr);
            assert_eq!(sum(|m| m.new), book.new);
            assert_eq!(sum(|m| m.reactivated), book.reactivated);
            assert_eq!(sum(|m| m.churned), book.churned);
            assert_eq!(sum(|m| m.ending_arr), book.ending_arr);
            for g in 0..report.groups.len() {
                if let (Some(nrr), Some(grr)) = (value(&report, g, "nrr"), value(&report, g, "grr"))
                {
                    assert!(nrr >= grr, "{from}..{to} {}", report.groups[g].label);
                }
            }
        }
    }
    // Per CSM at Q1 → Q2: Ann has 1 and 2 ($3,000 → $2,700), Bob 3, 6 (start) and 4, 5 (new).
    let report = store
        .period_metrics("2026-01-01", "2026-04-01", GroupBy::Csm, &setup)
        .await
        .unwrap();
    let labels: Vec<&Group> = report.groups.iter().map(|g| &g.group).collect();
    assert_eq!(
        labels,
        [
            &Group::Book,
            &Group::Csm("Ann".into()),
            &Group::Csm("Bob".into())
        ]
    );
    assert_eq!(value(&report, 1, "nrr"), Some(2_700.0 / 3_000.0));
    assert_eq!(value(&report, 2, "grr"), Some(5_000.0 / 8_000.0));
    store.close().await;
}

#[tokio::test]
async fn a_period_finds_the_snapshot_at_or_before_each_date() {
    let dir = common::temp_dir();
    let store = workspace(&dir).await;
    assert_eq!(store.snapshot_at("2026-03-31").await.unwrap().label, "Q1");
    assert_eq!(store.snapshot_at("2026-04-01").await.unwrap().label, "Q2");
    assert_eq!(store.snapshot_at("2030-01-01").await.unwrap().label, "Q2");
    let early = store.snapshot_at("2025-09-30").await.unwrap_err();
    assert!(
        early
            .to_string()
            .contains("no snapshot of the book dated 2025-09-30 or earlier"),
        "{early}"
    );
    let same = store
        .period_metrics(
            "2026-01-05",
            "2026-02-01",
            GroupBy::Book,
            &MetricsSetup::default(),
        )
        .await
        .unwrap_err();
    assert!(
        same.to_string().contains("two different snapshots"),
        "{same}"
    );
    let bad = store.snapshot_at("2026-02-30").await.unwrap_err();
    assert_eq!(bad.code(), "invalid-inputs");
    // A year from Q4 to Q2 is 6 whole months.
    let long = store
        .period_metrics(
            "2025-10-01",
            "2026-04-01",
            GroupBy::Book,
            &MetricsSetup::default(),
        )
        .await
        .unwrap();
    assert_eq!(long.months, 6);
    store.close().await;
}

#[tokio::test]
async fn take_list_and_delete_snapshots() {
    let dir = common::temp_dir();
    let store = empty_workspace(&dir).await;
    let csv = book_csv(dir.path(), "book.csv", &Q2);
    store.import_accounts_csv(&csv).await.unwrap();
    let taken = store
        .take_snapshot("2026-04-01", " Q2 close ")
        .await
        .unwrap();
    assert_eq!(
        (taken.label.as_str(), taken.source.as_str()),
        ("Q2 close", "workspace")
    );
    assert_eq!(
        (taken.customers, taken.arr),
        (5, Cents::from_dollars(12_400))
    );
    let added = store
        .add_snapshot_csv(&book_csv(dir.path(), "q1.csv", &Q1), "2026-01-01", "Q1")
        .await
        .unwrap();
    assert_eq!(added.source, "q1.csv");
    assert_eq!(snapshot_labels(&store).await, ["Q1", "Q2 close"]);
    store.delete_snapshot(added.id).await.unwrap();
    assert_eq!(snapshot_labels(&store).await, ["Q2 close"]);
    assert_eq!(
        store.delete_snapshot(added.id).await.unwrap_err().code(),
        "not-found"
    );
    assert_eq!(
        store
            .take_snapshot("2026-04-01", "  ")
            .await
            .unwrap_err()
            .code(),
        "invalid-name"
    );
    store.close().await;
}

#[tokio::test]
async fn a_bad_snapshot_file_names_line_and_column_and_writes_nothing() {
    let dir = common::temp_dir();
    let store = empty_workspace(&dir).await;
    let csv = text_file(
        dir.path(),
        "bad.csv",
        &format!(
            "{}\nACC-0000001,A,100,5,Software,NA,Growth,2024-01-15,2026-09-01,adoption,101,9,3,4,Ann,ideal\n",
            common::HEADER
        ),
    );
    let report = refused(
        store.add_snapshot_csv(&csv, "2026-01-01", "Q1").await,
        "the file",
    );
    assert_eq!(report.problems[0].line, 2);
    assert_eq!(report.problems[0].column.as_deref(), Some("health_score"));
    assert!(store.snapshots().await.unwrap().is_empty());
    store.close().await;
}

#[tokio::test]
async fn early_warning_lists_renewals_and_falls() {
    let dir = common::temp_dir();
    let store = workspace(&dir).await;
    let (q1, q2) = (
        store.snapshot_at("2026-01-01").await.unwrap(),
        store.snapshot_at("2026-04-01").await.unwrap(),
    );
    let bands = HealthBands::default();
    let warning = store
        .early_warning(q1, q2, &bands, &WarningThresholds::default(), None)
        .await
        .unwrap();
    // Window 2026-04-01 ..= 2026-06-30: only account 1 (2026-06-15) renews; account 2
    // (2026-07-01) is one day past it. Account 2 fell on health (60 → 35) and users (30 → 20).
    assert_eq!(warning.renewals_until, "2026-06-30");
    let ids: Vec<&str> = warning
        .accounts
        .iter()
        .map(|a| a.account_id.as_str())
        .collect();
    // The most at risk first: 2 (red, health 35), then 1 (green, 85).
    assert_eq!(ids, ["ACC-0000002", "ACC-0000001"]);
    assert!(warning.accounts[1].renewal_due && !warning.accounts[1].health_fell);
    let two = &warning.accounts[0];
    assert!(!two.renewal_due && two.health_fell && two.usage_fell);
    assert_eq!((two.health_before, two.band), (Some(60), HealthBand::Red));
    assert_eq!(
        (warning.health_fell, warning.usage_fell, warning.total),
        (1, 1, 2)
    );
    let green = &warning.renewals_by_band[0];
    assert_eq!(
        (green.band, green.accounts, green.arr),
        (HealthBand::Green, 1, Cents::from_dollars(1_500))
    );
    assert_eq!(warning.renewals_by_band[2].accounts, 0);
    store.close().await;
}

#[tokio::test]
async fn the_setup_is_remembered_and_checked() {
    let dir = common::temp_dir();
    let store = workspace(&dir).await;
    assert_eq!(
        store.metrics_setup().await.unwrap(),
        MetricsSetup::default()
    );
    let mut setup = MetricsSetup::default();
    setup.costs.cs_team_cost = Some(Cents::from_dollars(100));
    setup.costs.cac = Some(Cents::from_dollars(2_000));
    store.set_metrics_setup(&setup).await.unwrap();
    assert_eq!(store.metrics_setup().await.unwrap(), setup);
    let mut bad = setup;
    bad.settings.health_bands.yellow_from = 90.0;
    assert_eq!(
        store.set_metrics_setup(&bad).await.unwrap_err().code(),
        "invalid-inputs"
    );
    assert_eq!(store.metrics_setup().await.unwrap(), setup);
    // Magic Number (§5.2, 002 L15) on the whole book only: (renewed + up-sell) / team costs.
    let report = store
        .period_metrics("2026-01-01", "2026-04-01", GroupBy::Segment, &setup)
        .await
        .unwrap();
    assert!(value(&report, 0, "cs_magic_number").is_some());
    assert_eq!(value(&report, 1, "cs_magic_number"), None);
    store.close().await;
}

#[tokio::test]
async fn the_demo_has_five_quarters_ending_with_its_book() {
    let dir = common::temp_dir();
    let store = Store::create(&common::db_path(&dir, "demo.db"), NewWorkspace::Demo)
        .await
        .unwrap();
    let snapshots = store.snapshots().await.unwrap();
    let dates: Vec<&str> = snapshots.iter().map(|s| s.as_of.as_str()).collect();
    assert_eq!(
        dates,
        [
            "2025-01-01",
            "2025-04-01",
            "2025-07-01",
            "2025-10-01",
            "2026-01-01"
        ]
    );
    let book: Cents = store.account_arr().await.unwrap().into_iter().sum();
    let latest = snapshots.last().unwrap();
    assert_eq!((latest.arr, latest.customers), (book, 2_000));
    // Illustrative costs come with the demo, so LTV:CAC and the Magic Number show at once.
    let setup = store.metrics_setup().await.unwrap();
    assert_eq!(setup.costs.cac, Some(Cents::from_dollars(9_000)));
    let trend = store.metrics_trend(&setup).await.unwrap();
    assert_eq!(trend.len(), 4);
    for period in &trend {
        assert!(
            period
                .book_metric("cs_magic_number")
                .unwrap()
                .value
                .is_some()
        );
        let m = &period.groups[0].movements;
        assert!(m.new.0 > 0 && m.expansion.0 > 0 && m.contraction.0 > 0 && m.churned.0 > 0);
    }
    store.close().await;
}

#[tokio::test]
async fn a_movements_file_measures_the_period_like_a_second_snapshot() {
    let dir = common::temp_dir();
    let store = workspace(&dir).await;
    // The same changes as Q1 → Q2, written as movements (DOMAIN.md §5.1, §5.5 vocabulary).
    let file = movements_file(
        dir.path(),
        "movements.csv",
        &[
            "ACC-0000001,2026-02-01,upsell,500",
            "ACC-0000002,2026-02-15,downgrade,-800",
            "ACC-0000003,2026-03-01,churn,3000",
            "ACC-0000004,2026-03-10,new,4000",
            "ACC-0000005,2026-03-31,win-back,700",
            "ACC-0000006,2026-05-01,expansion,100",
        ],
    );
    let imported = store.import_movements_csv(&file).await.unwrap();
    assert_eq!((imported.rows, imported.replaced), (6, 0));
    assert_eq!(imported.last_date.as_deref(), Some("2026-05-01"));
    // Importing the same file again replaces its rows.
    assert_eq!(store.import_movements_csv(&file).await.unwrap().replaced, 6);

    let setup = MetricsSetup::default();
    let by_file = store
        .movements_metrics("2026-01-01", "2026-04-01", GroupBy::Book, &setup)
        .await
        .unwrap();
    let by_snapshots = store
        .period_metrics("2026-01-01", "2026-04-01", GroupBy::Book, &setup)
        .await
        .unwrap();
    // The May row is after the period; the rest nets to the Q2 book exactly.
    assert_eq!(by_file.rows, 5);
    assert_eq!(by_file.book.movements, by_snapshots.groups[0].movements);
    assert_eq!(
        metric(&by_file.book.metrics, "nrr"),
        Some(7_700.0 / 11_000.0)
    );
    store.close().await;
}

#[tokio::test]
async fn a_bad_movements_file_names_line_column_and_reason() {
    let dir = common::temp_dir();
    let store = workspace(&dir).await;
    let file = movements_file(
        dir.path(),
        "bad.csv",
        &[
            "ACC-0000001,2026-02-30,upsell,500",
            "ACC-0000002,2026-02-15,refund,80",
            "ACC-0000003,2026-03-01,new,-5",
        ],
    );
    let report = refused(store.import_movements_csv(&file).await, "the file");
    let found: Vec<(u64, Option<&str>, &str)> = report
        .problems
        .iter()
        .map(|p| (p.line, p.column.as_deref(), p.value.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (2, Some("date"), "2026-02-30"),
            (3, Some("type"), "refund"),
            (4, Some("amount"), "-5")
        ]
    );
    assert!(
        report.problems[1]
            .reason
            .contains("use new, expansion, contraction, churn or reactivation")
    );
    let missing = text_file(dir.path(), "missing.csv", "account,when,type,amount\n");
    let report = refused(store.import_movements_csv(&missing).await, "the header");
    assert_eq!(report.problems[0].column.as_deref(), Some("date"));
    store.close().await;
}

/// Accounts across the three ARR tiers (DOMAIN.md §2.7: Enterprise from $100,000, Mid-Market
/// from $25,000), some changing tier: 10 is Enterprise until it falls to SMB at C, 11 moves from
/// Mid-Market up to Enterprise at B, 12 churns at B and comes back at C (SMB), 13 is new at B
/// (Mid-Market), 14 starts exactly on the Enterprise bound and falls exactly onto the
/// Mid-Market bound at B before churning at C. Every health is 80 (green).
const TIER_A: [Account; 4] = [
    (10, "150000", 80, "9", 30, "2026-09-01", "Ann"),
    (11, "30000", 80, "9", 30, "2026-09-01", "Ann"),
    (12, "5000", 80, "9", 30, "2026-09-01", "Bob"),
    (14, "100000", 80, "9", 30, "2026-09-01", "Bob"),
];
const TIER_B: [Account; 4] = [
    (10, "150000", 80, "9", 30, "2026-09-01", "Ann"),
    (11, "120000", 80, "9", 30, "2026-09-01", "Ann"),
    (13, "40000", 80, "9", 30, "2026-09-01", "Bob"),
    (14, "25000", 80, "9", 30, "2026-09-01", "Bob"),
];
const TIER_C: [Account; 4] = [
    (10, "20000", 80, "9", 30, "2026-09-01", "Ann"),
    (11, "120000", 80, "9", 30, "2026-09-01", "Ann"),
    (12, "6000", 80, "9", 30, "2026-09-01", "Bob"),
    (13, "40000", 80, "9", 30, "2026-09-01", "Bob"),
];

/// Each group's label, (starting ARR, new, expansion, contraction, churned, reactivated,
/// ending ARR) in dollars, (customers at start, new, churned, reactivated, at end), and the
/// green health count at the end.
type GroupFigures = (String, [i64; 7], [u32; 5], u32);

fn figures(groups: &[csplan_store::GroupReport]) -> Vec<GroupFigures> {
    let dollars = |c: Cents| c.0 / 100;
    groups
        .iter()
        .map(|g| {
            let m = &g.movements;
            (
                g.label.clone(),
                [
                    dollars(m.starting_arr),
                    dollars(m.new),
                    dollars(m.expansion),
                    dollars(m.contraction),
                    dollars(m.churned),
                    dollars(m.reactivated),
                    dollars(m.ending_arr),
                ],
                [
                    m.customers_at_start,
                    m.new_customers,
                    m.churned_customers,
                    m.reactivated_customers,
                    m.customers_at_end,
                ],
                g.health.green,
            )
        })
        .collect()
}

#[tokio::test]
async fn each_segment_counts_its_accounts_by_tier_at_each_date() {
    let dir = common::temp_dir();
    let store = empty_workspace(&dir).await;
    for (file, as_of, label, book) in [
        ("a.csv", "2025-10-01", "A", &TIER_A),
        ("b.csv", "2026-01-01", "B", &TIER_B),
        ("c.csv", "2026-04-01", "C", &TIER_C),
    ] {
        let csv = book_csv(dir.path(), file, book);
        store.add_snapshot_csv(&csv, as_of, label).await.unwrap();
    }
    let setup = MetricsSetup::default();
    let label = |s: &str| s.to_string();
    // A → B, no earlier snapshot. Movements by the start record's tier (Group::members):
    // Enterprise 10 stays, 14 contracts $100,000 → $25,000; Mid-Market 11 expands $30,000 →
    // $120,000; SMB 12 churns. 13 is new, in its end tier (Mid-Market). Health by the end
    // record's tier: Enterprise 10, 11; Mid-Market 13, 14.
    let a_to_b = store
        .period_metrics("2025-10-01", "2026-01-01", GroupBy::Segment, &setup)
        .await
        .unwrap();
    assert_eq!(
        figures(&a_to_b.groups),
        [
            (
                label("Whole book"),
                [285_000, 40_000, 90_000, 75_000, 5_000, 0, 335_000],
                [4, 1, 1, 0, 4],
                4
            ),
            (
                label("Segment Enterprise"),
                [250_000, 0, 0, 75_000, 0, 0, 175_000],
                [2, 0, 0, 0, 2],
                2
            ),
            (
                label("Segment Mid-Market"),
                [30_000, 40_000, 90_000, 0, 0, 0, 160_000],
                [1, 1, 0, 0, 2],
                2
            ),
            (
                label("Segment SMB"),
                [5_000, 0, 0, 0, 5_000, 0, 0],
                [1, 0, 1, 0, 0],
                0
            ),
        ]
    );
    // B → C, after A: Enterprise 10 contracts $150,000 → $20,000, 11 stays; Mid-Market 13
    // stays, 14 churns; 12 comes back (a customer at A) in its end tier, SMB, which has no
    // customer at B. Health at C: Enterprise 11; Mid-Market 13; SMB 10, 12.
    let b_to_c = store
        .period_metrics("2026-01-01", "2026-04-01", GroupBy::Segment, &setup)
        .await
        .unwrap();
    assert_eq!(
        figures(&b_to_c.groups),
        [
            (
                label("Whole book"),
                [335_000, 0, 0, 130_000, 25_000, 6_000, 186_000],
                [4, 0, 1, 1, 4],
                4
            ),
            (
                label("Segment Enterprise"),
                [270_000, 0, 0, 130_000, 0, 0, 140_000],
                [2, 0, 0, 0, 2],
                1
            ),
            (
                label("Segment Mid-Market"),
                [65_000, 0, 0, 0, 25_000, 0, 40_000],
                [2, 0, 1, 0, 1],
                1
            ),
            (
                label("Segment SMB"),
                [0, 0, 0, 0, 0, 6_000, 6_000],
                [0, 0, 0, 1, 1],
                2
            ),
        ]
    );
    // From B with a file: 13 expands $70,000 in Mid-Market. Health is B's, by B's tiers; SMB
    // has no customer at B and no row, so it is no group of the period.
    let file = movements_file(
        dir.path(),
        "tiers.csv",
        &["ACC-0000013,2026-02-01,expansion,70000"],
    );
    store.import_movements_csv(&file).await.unwrap();
    let by_file = store
        .movements_metrics("2026-01-01", "2026-03-31", GroupBy::Segment, &setup)
        .await
        .unwrap();
    let mut groups = vec![by_file.book];
    groups.extend(by_file.groups);
    assert_eq!(
        figures(&groups),
        [
            (
                label("Whole book"),
                [335_000, 0, 70_000, 0, 0, 0, 405_000],
                [4, 0, 0, 0, 4],
                4
            ),
            (
                label("Segment Enterprise"),
                [270_000, 0, 0, 0, 0, 0, 270_000],
                [2, 0, 0, 0, 2],
                2
            ),
            (
                label("Segment Mid-Market"),
                [65_000, 0, 70_000, 0, 0, 0, 135_000],
                [2, 0, 0, 0, 2],
                2
            ),
        ]
    );
    store.close().await;
}
