//! Rule sets partition the book (DOMAIN.md §2; the "every account lands somewhere"):
//! every account is in exactly one segment, and counts and ARR add up to the whole book.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::Cents;
use csplan_domain::segmentation::{
    Account, IsoDate, RuleSet, assign, rules_from_toml, segment_books, summarize,
};
use proptest::prelude::*;
use std::path::Path;

fn example(path: &str) -> RuleSet {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    rules_from_toml(path, &std::fs::read_to_string(full).unwrap()).unwrap()
}

const STAGES: [&str; 5] = ["onboarding", "adoption", "renewal", "expansion", "advocacy"];
const FITS: [&str; 3] = ["ideal", "stretch", "bad"];

fn account() -> impl Strategy<Value = Account> {
    (
        0i64..30_000_000,
        0usize..5,
        0usize..3,
        0i64..=100,
        proptest::option::of(0i64..=10),
        0i64..800,
    )
        .prop_map(|(arr, stage, fit, health, nps, days)| Account {
            account_id: "ACC".into(),
            account_name: "Name".into(),
            arr: Cents(arr),
            employees: None,
            industry: None,
            region: "NA".into(),
            plan: "Growth".into(),
            contract_start: IsoDate::parse("2024-01-01").unwrap(),
            renewal_date: IsoDate::new(2025 + (days / 365) as i32, 1 + (days % 12) as u32, 28)
                .unwrap(),
            lifecycle_stage: STAGES[stage].into(),
            health_score: health,
            nps,
            active_users: 1,
            licenses: 1,
            csm_owner: None,
            icp_fit: FITS[fit].into(),
            custom: Default::default(),
        })
}

proptest! {
    #[test]
    fn rule_sets_partition_the_book(book in proptest::collection::vec(account(), 0..200)) {
        for set in [example("examples/rules/w2-ruleset-a.toml"), example("examples/rules/w2-ruleset-b.toml")] {
            let segments = set.segment_names().len();
            let assigned = assign(&set, &book);
            prop_assert_eq!(assigned.len(), book.len());
            prop_assert!(assigned.iter().all(|&i| i < segments));
            let summary = summarize(&set, &book);
            let accounts: u64 = summary.iter().map(|s| s.accounts).sum();
            let arr: Cents = summary.iter().map(|s| s.total_arr).sum();
            prop_assert_eq!(accounts, book.len() as u64);
            prop_assert_eq!(arr, book.iter().map(|a| a.arr).sum::<Cents>());
            let responses: u64 = summary.iter().map(|s| s.nps_responses).sum();
            prop_assert_eq!(responses, book.iter().filter(|a| a.nps.is_some()).count() as u64);
            if !book.is_empty() {
                let share: f64 = summary.iter().map(|s| s.share_of_accounts).sum();
                prop_assert!((share - 1.0).abs() < 1e-9);
            }
            let books = segment_books(&set, &book);
            prop_assert_eq!(books.iter().map(|b| b.accounts).sum::<u64>(), book.len() as u64);
            prop_assert!(books.iter().all(|b| b.accounts > 0));
        }
    }
}
