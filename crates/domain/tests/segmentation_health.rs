//! Health distribution per segment (DOMAIN.md §6.2: green good, yellow average, red poor; the
//! cut-offs are OPEN, CS Plan's defaults green from 70 and yellow from 40).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::Cents;
use csplan_domain::metrics::HealthBands;
use csplan_domain::segmentation::{
    Account, IsoDate, RuleSet, health_by_segment, rules_from_toml, summarize,
};

const RULES: &str = r##"
name = "Two tiers"
as_of = "2026-01-01"
[[segments]]
name = "Enterprise"
touch_model = "high-touch"
colour = "#009E73"
conditions = [{ kind = "range", field = "arr", min = 100000 }]
[catch_all]
name = "SMB"
touch_model = "automated"
colour = "#56B4E9"
"##;

fn account(arr_dollars: i64, health: i64) -> Account {
    Account {
        account_id: format!("ACC-{arr_dollars}-{health}"),
        account_name: "Name".into(),
        arr: Cents(arr_dollars * 100),
        employees: None,
        industry: None,
        region: "NA".into(),
        plan: "Growth".into(),
        contract_start: IsoDate::parse("2024-01-01").unwrap(),
        renewal_date: IsoDate::parse("2026-06-01").unwrap(),
        lifecycle_stage: "adoption".into(),
        health_score: health,
        nps: None,
        active_users: 1,
        licenses: 1,
        csm_owner: None,
        icp_fit: "ideal".into(),
        custom: Default::default(),
    }
}

fn rules() -> RuleSet {
    rules_from_toml("two.toml", RULES).unwrap()
}

/// Boundaries by hand: 39 is red, 40 yellow, 69 yellow, 70 green (bands start inclusive).
#[test]
fn counts_each_band_per_segment_at_the_default_cut_offs() {
    let book = [
        account(150_000, 39),
        account(150_000, 40),
        account(200_000, 70),
        account(5_000, 69),
        account(5_000, 100),
        account(5_000, 0),
    ];
    let rows = health_by_segment(&rules(), &book, &HealthBands::default());
    let counts: Vec<(&str, &str, u64, u64, u64)> = rows
        .iter()
        .map(|r| {
            (
                r.segment.as_str(),
                r.colour.as_str(),
                r.red,
                r.yellow,
                r.green,
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("Enterprise", "#009E73", 1, 1, 1),
            ("SMB", "#56B4E9", 1, 1, 1)
        ]
    );
    // Edited cut-offs move 69 into green and 39 into yellow.
    let bands = HealthBands {
        green_from: 60.0,
        yellow_from: 30.0,
    };
    let rows = health_by_segment(&rules(), &book, &bands);
    assert_eq!((rows[0].red, rows[0].yellow, rows[0].green), (0, 2, 1));
    assert_eq!((rows[1].red, rows[1].yellow, rows[1].green), (1, 0, 2));
}

/// Every segment's bands add up to its accounts in the summary, empty segments included.
#[test]
fn bands_add_up_to_the_summary_accounts() {
    let book: Vec<Account> = (0..=100).map(|h| account(1_000 * h, h)).collect();
    let rows = health_by_segment(&rules(), &book, &HealthBands::default());
    let summary = summarize(&rules(), &book);
    for (row, segment) in rows.iter().zip(&summary) {
        assert_eq!(row.accounts(), segment.accounts);
    }
    // ARR is $1,000 x health, so only health 100 reaches Enterprise's $100,000; SMB holds
    // health 0-99: 40 red (0-39), 30 yellow (40-69), 30 green (70-99).
    assert_eq!(rows[0].accounts(), 1);
    assert_eq!((rows[1].red, rows[1].yellow, rows[1].green), (40, 30, 30));
    assert!(
        health_by_segment(&rules(), &[], &HealthBands::default())
            .iter()
            .all(|r| r.accounts() == 0)
    );
}
