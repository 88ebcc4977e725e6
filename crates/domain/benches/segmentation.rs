//! Issue #3 target: re-segmenting 1M accounts held in memory after a rule change takes under
//! 100 ms. The book is shared/bench/gen_book.py's 1M-account file (`bench/run.sh` makes it;
//! CSPLAN_BENCH_BOOK_1M points elsewhere), read whole into the domain's accounts; the rule set is
//! WORKLOADS.md W2 set B (examples/rules/w2-ruleset-b.toml), seven ordered rules.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use csplan_domain::Cents;
use csplan_domain::capacity::{Activity, CapacityParams, TouchModel};
use csplan_domain::segmentation::{
    Account, BookColumns, Condition, IsoDate, RuleSet, assign_columns, moves, rule_change,
    rule_change_columns, rules_from_toml, summarize, summarize_columns,
};
use std::hint::black_box;
use std::time::Duration;

fn load_book() -> Vec<Account> {
    let path = std::env::var("CSPLAN_BENCH_BOOK_1M")
        .unwrap_or_else(|_| "../../bench-data/accounts_1m.csv".to_string());
    let mut reader = csv::Reader::from_path(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}; run bench/run.sh to generate the book first"));
    let optional = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let number = |s: &str| (!s.is_empty()).then(|| s.parse::<i64>().unwrap());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            Account {
                account_id: r[0].to_string(),
                account_name: r[1].to_string(),
                arr: Cents::parse_decimal(&r[2]).unwrap(),
                employees: number(&r[3]),
                industry: optional(&r[4]),
                region: r[5].to_string(),
                plan: r[6].to_string(),
                contract_start: IsoDate::parse(&r[7]).unwrap(),
                renewal_date: IsoDate::parse(&r[8]).unwrap(),
                lifecycle_stage: r[9].to_string(),
                health_score: r[10].parse().unwrap(),
                nps: number(&r[11]),
                active_users: r[12].parse().unwrap(),
                licenses: r[13].parse().unwrap(),
                csm_owner: optional(&r[14]),
                icp_fit: r[15].to_string(),
                custom: Default::default(),
            }
        })
        .collect()
}

/// W2 set B with W3's catalogue (12 activities a customer a month for high-touch, 4 for
/// low-touch, 1 for automated), so the headcount of a change can be planned too.
fn rule_set_b() -> RuleSet {
    let text = std::fs::read_to_string("../../examples/rules/w2-ruleset-b.toml").unwrap();
    let mut rules = rules_from_toml("w2-ruleset-b.toml", &text).unwrap();
    let catalogue = |touch: TouchModel| {
        let per_month = match touch {
            TouchModel::HighTouch => 12.0,
            TouchModel::LowTouch => 4.0,
            TouchModel::Automated => 1.0,
        };
        Some(vec![Activity {
            name: "All CSM activities (W3)".into(),
            per_customer_per_month: per_month,
            minutes: 15.0,
        }])
    };
    for segment in &mut rules.segments {
        segment.activities = catalogue(segment.touch_model);
    }
    rules.catch_all.activities = catalogue(rules.catch_all.touch_model);
    rules
}

/// Rule set B with its first rule's ARR bound moved, as when a person edits it.
fn edited(rules: &RuleSet, min_dollars: f64) -> RuleSet {
    let mut edited = rules.clone();
    if let Some(Condition::Range(range)) = edited.segments[0].conditions.first_mut() {
        range.min = Some(min_dollars);
    }
    edited
}

fn resegment(c: &mut Criterion) {
    let book = load_book();
    let saved = rule_set_b();
    let versions = [edited(&saved, 150_000.0), edited(&saved, 100_000.0)];
    let mut group = c.benchmark_group("segmentation");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    // What the app holds per workspace (read once when the book loads).
    let columns = BookColumns::new(&book);
    let mut turn = 0;
    group.bench_function(
        format!(
            "columns: summary after a rule change ({} accounts)",
            book.len()
        ),
        |b| {
            b.iter(|| {
                turn = 1 - turn;
                let rules = &versions[turn];
                let assigned = assign_columns(rules, &book, black_box(&columns));
                black_box(summarize_columns(rules, &columns, &assigned))
            })
        },
    );
    group.bench_function(
        format!(
            "accounts: summary after a rule change ({} accounts)",
            book.len()
        ),
        |b| {
            b.iter(|| {
                turn = 1 - turn;
                black_box(summarize(&versions[turn], black_box(&book)))
            })
        },
    );
    group.bench_function(
        format!("accounts: moves of a rule change ({} accounts)", book.len()),
        |b| b.iter(|| black_box(moves(&saved, &versions[0], black_box(&book)))),
    );
    group.bench_function(
        format!(
            "columns: moves and headcount of a rule change ({} accounts)",
            book.len()
        ),
        |b| {
            b.iter(|| {
                let params = CapacityParams::default();
                let change = rule_change_columns(&saved, &versions[0], &book, &columns, &params);
                black_box(change.unwrap())
            })
        },
    );
    group.bench_function(
        format!(
            "accounts: moves and headcount of a rule change ({} accounts)",
            book.len()
        ),
        |b| {
            b.iter(|| {
                let params = CapacityParams::default();
                black_box(rule_change(&saved, &versions[0], black_box(&book), &params).unwrap())
            })
        },
    );
    group.finish();
}

criterion_group!(benches, resegment);
criterion_main!(benches);
