//! The book as columns (the fast path for re-segmenting on every edit) gives exactly what the
//! accounts give: the same segment for every account under rules of every condition kind, and
//! the same summary (DOMAIN.md §2; the issue's "summary per segment").
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::Cents;
use csplan_domain::capacity::{Activity, CapacityParams};
use csplan_domain::segmentation::{
    Account, BookColumns, IsoDate, RuleSet, assign, assign_columns, rule_change,
    rule_change_columns, rules_from_toml, summarize, summarize_columns,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use std::collections::BTreeMap;

/// Every condition kind, each first in its own rule so each decides some accounts, then
/// combinations; missing values (employees, NPS, industry) are in the generated book.
const RULES: &str = r##"
name = "Every kind"
as_of = "2026-01-01"
[[segments]]
name = "Custom"
touch_model = "high-touch"
colour = "#000000"
conditions = [{ kind = "custom", column = "Tier", values = ["gold"] }]
[[segments]]
name = "Text"
touch_model = "high-touch"
colour = "#0072B2"
conditions = [{ kind = "text", field = "account_name", how = "contains", text = "ACME" }]
[[segments]]
name = "Renewing at risk"
touch_model = "high-touch"
colour = "#D55E00"
conditions = [
    { kind = "renewal_within", days = 45 },
    { kind = "range", field = "health_score", max = 50 },
]
[[segments]]
name = "Big ideal"
touch_model = "high-touch"
colour = "#009E73"
conditions = [
    { kind = "range", field = "arr", min = 100000 },
    { kind = "one_of", field = "icp_fit", values = ["ideal", "stretch"] },
]
[[segments]]
name = "Detractors"
touch_model = "low-touch"
colour = "#CC79A7"
conditions = [{ kind = "range", field = "nps", max = 7 }]
[[segments]]
name = "Big companies"
touch_model = "low-touch"
colour = "#E69F00"
conditions = [{ kind = "range", field = "employees", min = 500, max = 5000 }]
[[segments]]
name = "Software EMEA"
touch_model = "low-touch"
colour = "#56B4E9"
conditions = [
    { kind = "one_of", field = "industry", values = ["Software"] },
    { kind = "one_of", field = "region", values = ["EMEA", "APAC"] },
]
[[segments]]
name = "Low usage tenured"
touch_model = "automated"
colour = "#F0E442"
conditions = [
    { kind = "usage_ratio", max = 0.5 },
    { kind = "tenure_months", min = 12 },
]
[[segments]]
name = "Growth plans"
touch_model = "automated"
colour = "#009E73"
conditions = [
    { kind = "one_of", field = "plan", values = ["Growth"] },
    { kind = "one_of", field = "lifecycle_stage", values = ["expansion", "advocacy"] },
    { kind = "range", field = "licenses", min = 10 },
    { kind = "range", field = "active_users", max = 400 },
]
[catch_all]
name = "Everyone else"
touch_model = "automated"
colour = "#56B4E9"
"##;

const REGIONS: [&str; 4] = ["NA", "EMEA", "APAC", "LATAM"];
const PLANS: [&str; 4] = ["Starter", "Growth", "Professional", "Enterprise"];
const STAGES: [&str; 5] = ["onboarding", "adoption", "renewal", "expansion", "advocacy"];
const FITS: [&str; 3] = ["ideal", "stretch", "bad"];

fn account() -> impl Strategy<Value = Account> {
    (
        (
            0i64..30_000_000,
            proptest::option::of(0i64..10_000),
            0usize..4,
            0usize..4,
            0usize..5,
            0usize..3,
        ),
        (
            0i64..=100,
            proptest::option::of(0i64..=10),
            0i64..500,
            0i64..500,
            0i64..900,
            0i64..1500,
        ),
        (
            proptest::bool::weighted(0.1),
            proptest::bool::weighted(0.1),
            proptest::option::of(prop_oneof![
                Just("Software".to_string()),
                Just("Retail".to_string())
            ]),
        ),
    )
        .prop_map(
            |(
                (arr, employees, region, plan, stage, fit),
                (health, nps, users, licenses, renewal_days, tenure_days),
                (acme, gold, industry),
            )| {
                let base = IsoDate::parse("2026-01-01").unwrap().day_number();
                let date = civil_from_days;
                let mut custom = BTreeMap::new();
                if gold {
                    custom.insert("Tier".to_string(), "GOLD".to_string());
                }
                Account {
                    account_id: "ACC".into(),
                    account_name: if acme {
                        "Big Acme Corp".into()
                    } else {
                        "Other".into()
                    },
                    arr: Cents(arr),
                    employees,
                    industry,
                    region: REGIONS[region].into(),
                    plan: PLANS[plan].into(),
                    contract_start: date(base - tenure_days),
                    renewal_date: date(base - 30 + renewal_days),
                    lifecycle_stage: STAGES[stage].into(),
                    health_score: health,
                    nps,
                    active_users: users,
                    licenses,
                    csm_owner: None,
                    icp_fit: FITS[fit].into(),
                    custom,
                }
            },
        )
}

/// Every segment with a one-activity catalogue, so a change can be planned.
fn with_catalogues(mut rules: RuleSet) -> RuleSet {
    let catalogue = Some(vec![Activity {
        name: "Check-in".into(),
        per_customer_per_month: 2.0,
        minutes: 30.0,
    }]);
    for segment in &mut rules.segments {
        segment.activities = catalogue.clone();
    }
    rules.catch_all.activities = catalogue;
    rules
}

/// Days since 1970-01-01 back to a date (Howard Hinnant's civil_from_days, the inverse of
/// `IsoDate::day_number`).
fn civil_from_days(days: i64) -> IsoDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    IsoDate::new(year as i32, month as u32, day as u32).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn columns_assign_and_summarize_like_the_accounts(book in proptest::collection::vec(account(), 0..120)) {
        let rules = rules_from_toml("every.toml", RULES).unwrap();
        let columns = BookColumns::new(&book);
        let assigned = assign_columns(&rules, &book, &columns);
        prop_assert_eq!(&assigned, &assign(&rules, &book));
        prop_assert_eq!(summarize_columns(&rules, &columns, &assigned), summarize(&rules, &book));
        // A rule change (the first rule removed) moves and re-plans the same either way.
        let old = with_catalogues(rules);
        let mut new = old.clone();
        new.segments.remove(0);
        let base = CapacityParams::default();
        prop_assert_eq!(
            rule_change_columns(&old, &new, &book, &columns, &base).unwrap(),
            rule_change(&old, &new, &book, &base).unwrap()
        );
    }
}

/// A book large enough to take the parallel path gives the same assignment as one pass.
#[test]
fn large_books_split_across_threads_give_the_same_segments() {
    let rules = rules_from_toml("every.toml", RULES).unwrap();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let sample: Vec<Account> = (0..3000)
        .map(|_| account().new_tree(&mut runner).unwrap().current())
        .collect();
    let book: Vec<Account> = sample.iter().cycle().take(60_001).cloned().collect();
    let columns = BookColumns::new(&book);
    let assigned = assign_columns(&rules, &book, &columns);
    let single: Vec<usize> = book.iter().map(|a| rules.segment_of(a)).collect();
    assert_eq!(assigned, single);
    assert_eq!(assign(&rules, &book), single);
    // Every kind decides at least one account of the sample.
    for index in 0..rules.segment_names().len() {
        assert!(assigned.contains(&index), "segment {index} is empty");
    }
}
