//! Rule sets (DOMAIN.md §2; WORKLOADS.md W2) on hand-made books: every condition kind, first
//! match wins, the catch-all, the per-segment summary, moves, and the rule files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::Cents;
use csplan_domain::capacity::{CapacityParams, TouchModel, plan};
use csplan_domain::segmentation::{
    Account, Bounds, CatchAll, Condition, CustomCondition, IsoDate, NumericField, OneOf, Range,
    RenewalWithin, RuleError, RuleSet, SegmentRule, TextCondition, TextField, TextMatch,
    TierBounds, assign, moves, plan_rule_set, rule_change, rules_from_json, rules_from_toml,
    rules_to_json, rules_to_toml, segment_books, segment_by_tier, summarize,
};
use csplan_domain::segmentation::{TouchModelTotal, book_total};
use std::path::Path;

fn date(text: &str) -> IsoDate {
    IsoDate::parse(text).unwrap()
}

fn account(id: &str, arr: &str) -> Account {
    Account {
        account_id: id.to_string(),
        account_name: format!("{id} Ltd"),
        arr: Cents::parse_decimal(arr).unwrap(),
        employees: Some(100),
        industry: Some("Software".into()),
        region: "NA".into(),
        plan: "Growth".into(),
        contract_start: date("2024-01-15"),
        renewal_date: date("2026-06-30"),
        lifecycle_stage: "adoption".into(),
        health_score: 70,
        nps: None,
        active_users: 10,
        licenses: 20,
        csm_owner: None,
        icp_fit: "ideal".into(),
        custom: Default::default(),
    }
}

fn rule(name: &str, conditions: Vec<Condition>) -> SegmentRule {
    SegmentRule {
        name: name.into(),
        touch_model: TouchModel::LowTouch,
        colour: "#009E73".into(),
        conditions,
        activities: None,
    }
}

fn rules(segments: Vec<SegmentRule>) -> RuleSet {
    RuleSet {
        name: "test".into(),
        as_of: date("2026-01-01"),
        segments,
        catch_all: CatchAll {
            name: "Rest".into(),
            touch_model: TouchModel::Automated,
            colour: "#F0E442".into(),
            activities: None,
        },
    }
}

/// Which of the accounts a single condition picks (index 0 = the rule, 1 = the catch-all).
fn picked(condition: Condition, book: &[Account]) -> Vec<bool> {
    let set = rules(vec![rule("Picked", vec![condition])]);
    set.validate().unwrap();
    assign(&set, book).into_iter().map(|i| i == 0).collect()
}

/// One account per value, named `{prefix}{index}`, with `set` writing the value into it.
fn book_of<T>(prefix: &str, values: &[T], set: impl Fn(&mut Account, &T)) -> Vec<Account> {
    values
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let mut a = account(&format!("{prefix}{i}"), "10");
            set(&mut a, value);
            a
        })
        .collect()
}

/// The name of the segment `set` gives each account of `book`, in order.
fn segment_of<'a>(set: &'a RuleSet, book: &[Account]) -> Vec<&'a str> {
    let names = set.segment_names();
    assign(set, book).into_iter().map(|i| names[i]).collect()
}

fn range(field: NumericField, min: Option<f64>, max: Option<f64>) -> Condition {
    Condition::Range(Range { field, min, max })
}

fn repo_file(path: &str) -> (String, String) {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    (path.to_string(), std::fs::read_to_string(full).unwrap())
}

fn example(path: &str) -> RuleSet {
    let (name, text) = repo_file(path);
    rules_from_toml(&name, &text).unwrap()
}

#[test]
fn numeric_ranges_are_half_open_and_skip_missing_values() {
    let mut small = account("A", "24999.99");
    small.employees = None;
    small.health_score = 40;
    small.nps = Some(9);
    let mut edge = account("B", "25000.00");
    edge.employees = Some(50);
    edge.licenses = 100;
    edge.health_score = 80;
    let big = account("C", "100000.00");
    let book = [small, edge, big];
    use NumericField::*;
    for (field, min, max, expected) in [
        (Arr, Some(25000.0), Some(100000.0), [false, true, false]),
        (Arr, None, Some(25000.0), [true, false, false]),
        (Arr, Some(100000.0), None, [false, false, true]),
        // No employee count never matches.
        (Employees, Some(0.0), None, [false, true, true]),
        (Licenses, Some(50.0), None, [false, true, false]),
        (HealthScore, Some(50.0), Some(80.0), [false, false, true]),
        (Nps, Some(9.0), None, [true, false, false]),
        (ActiveUsers, Some(10.0), Some(11.0), [true, true, true]),
    ] {
        assert_eq!(
            picked(range(field, min, max), &book),
            expected,
            "{field:?} from {min:?} below {max:?}"
        );
    }
}

#[test]
fn membership_and_text_matches() {
    let mut emea = account("ACC-1", "10");
    emea.region = "EMEA".into();
    emea.icp_fit = "stretch".into();
    emea.account_name = "Granite Learning, Inc.".into();
    emea.csm_owner = Some("Hannah Garcia".into());
    let mut apac = account("ACC-2", "10");
    apac.region = "APAC".into();
    apac.plan = "Enterprise".into();
    apac.lifecycle_stage = "expansion".into();
    apac.industry = None;
    let book = [emea, apac];
    let one_of = |field, values: &[&str]| {
        Condition::OneOf(OneOf {
            field,
            values: values.iter().map(|v| v.to_string()).collect(),
        })
    };
    for (field, values, expected) in [
        (TextField::Region, &["EMEA", "LATAM"][..], [true, false]),
        (TextField::Plan, &["Enterprise"], [false, true]),
        (TextField::LifecycleStage, &["expansion"], [false, true]),
        (TextField::IcpFit, &["ideal", "bad"], [false, true]),
        // No industry never matches.
        (TextField::Industry, &["Software"], [true, false]),
    ] {
        assert_eq!(
            picked(one_of(field, values), &book),
            expected,
            "{field:?} one of {values:?}"
        );
    }
    let text = |field, how, text: &str| {
        Condition::Text(TextCondition {
            field,
            how,
            text: text.into(),
        })
    };
    for (field, how, pattern, expected) in [
        (
            TextField::AccountName,
            TextMatch::Contains,
            "LEARNING",
            [true, false],
        ),
        (
            TextField::AccountId,
            TextMatch::Equals,
            "acc-2",
            [false, true],
        ),
        // No owner never matches.
        (
            TextField::CsmOwner,
            TextMatch::StartsWith,
            "hannah",
            [true, false],
        ),
    ] {
        assert_eq!(
            picked(text(field, how, pattern), &book),
            expected,
            "{field:?} {how:?} {pattern:?}"
        );
    }
}

#[test]
fn dates_usage_and_custom_fields() {
    // Rule set date 2026-01-01: renewing on 2026-01-01 (day 0), 2026-04-01 (day 90),
    // 2026-04-02 (day 91) and 2025-12-31 (already past).
    let renewals = ["2026-01-01", "2026-04-01", "2026-04-02", "2025-12-31"];
    let book = book_of("R", &renewals, |a, day| a.renewal_date = date(day));
    assert_eq!(
        picked(Condition::RenewalWithin(RenewalWithin { days: 90 }), &book),
        [true, true, false, false]
    );

    // Tenure in whole months at 2026-01-01: started 2025-01-01 (12), 2025-01-02 (11),
    // 2023-07-02 (29), 2026-03-01 (not started: -2).
    let starts = ["2025-01-01", "2025-01-02", "2023-07-02", "2026-03-01"];
    let book = book_of("T", &starts, |a, day| a.contract_start = date(day));
    let tenure = |min, max| picked(Condition::TenureMonths(Bounds { min, max }), &book);
    assert_eq!(tenure(Some(12.0), None), [true, false, true, false]);
    assert_eq!(tenure(Some(0.0), Some(12.0)), [false, true, false, false]);

    // Usage: 10/20 = 0.5, 39/40 = 0.975, 50/40 = 1.25 (overage), 5/0 (no licences).
    let usage = [(10, 20), (39, 40), (50, 40), (5, 0)];
    let book = book_of("U", &usage, |a, &(active, licenses)| {
        (a.active_users, a.licenses) = (active, licenses);
    });
    let ratio = |min, max| picked(Condition::UsageRatio(Bounds { min, max }), &book);
    assert_eq!(ratio(None, Some(0.5)), [false, false, false, false]);
    assert_eq!(ratio(Some(0.5), Some(1.0)), [true, true, false, false]);
    assert_eq!(ratio(Some(1.0), None), [false, false, true, false]);

    let mut tagged = account("C1", "10");
    tagged.custom.insert("channel".into(), "Partner".into());
    let untagged = account("C2", "10");
    let custom = Condition::Custom(CustomCondition {
        column: "channel".into(),
        values: vec!["partner".into(), "reseller".into()],
    });
    assert_eq!(picked(custom, &[tagged, untagged]), [true, false]);
}

#[test]
fn first_match_wins_and_the_catch_all_takes_the_rest() {
    let set = rules(vec![
        rule("Big", vec![range(NumericField::Arr, Some(1000.0), None)]),
        rule(
            "Also big",
            vec![range(NumericField::Arr, Some(500.0), None)],
        ),
    ]);
    let book = [account("A", "2000"), account("B", "700"), account("C", "1")];
    assert_eq!(assign(&set, &book), [0, 1, 2]);
    assert_eq!(set.segment_names(), ["Big", "Also big", "Rest"]);
    // A rule with no conditions matches everything, so nothing reaches the later rules.
    let set = rules(vec![rule("All", vec![]), rule("Never", vec![])]);
    assert_eq!(assign(&set, &book), [0, 0, 0]);
}

/// WORKLOADS.md W2 rule set A: rows ACC-0000002..5 probe the inclusive lower bounds.
#[test]
fn w2_boundary_probes() {
    let a = example("examples/rules/w2-ruleset-a.toml");
    let book = [
        account("ACC-0000004", "100000.00"),
        account("ACC-0000005", "99999.99"),
        account("ACC-0000002", "25000.00"),
        account("ACC-0000003", "24999.99"),
    ];
    assert_eq!(
        segment_of(&a, &book),
        ["Enterprise", "Mid-Market", "Mid-Market", "SMB"]
    );

    let b = example("examples/rules/w2-ruleset-b.toml");
    let mut ideal = account("X1", "100000.00");
    ideal.icp_fit = "ideal".into();
    let mut stretch_big = account("X2", "100000.00");
    stretch_big.icp_fit = "stretch".into();
    let mut growth = account("X3", "99999.99");
    growth.lifecycle_stage = "advocacy".into();
    growth.icp_fit = "stretch".into();
    let mut bad_growth = account("X4", "25000.00");
    bad_growth.lifecycle_stage = "expansion".into();
    bad_growth.icp_fit = "bad".into();
    let mut onboarding_bad = account("X5", "24999.99");
    onboarding_bad.lifecycle_stage = "onboarding".into();
    onboarding_bad.icp_fit = "bad".into();
    let mut poor = account("X6", "0.00");
    poor.icp_fit = "bad".into();
    let digital = account("X7", "600.00");
    let book = [
        ideal,
        stretch_big,
        growth,
        bad_growth,
        onboarding_bad,
        poor,
        digital,
    ];
    assert_eq!(
        segment_of(&b, &book),
        [
            "Strategic",
            "Enterprise",
            "MM Growth",
            "MM Core",
            "SMB Onboarding",
            "SMB Poor Fit",
            "SMB Digital"
        ]
    );
}

/// The four accounts of the hand-worked summaries: A $0.10 (NPS 10, health 90, renews
/// 2026-02-01), B $0.20 (9, 61, 2026-04-02), C $150,000.00 (7, 50, 2026-04-01), D $99.70 (3, 0,
/// the default renewal 2026-06-30).
fn four_answers() -> [Account; 4] {
    let mut a = account("A", "0.10");
    (a.nps, a.health_score, a.renewal_date) = (Some(10), 90, date("2026-02-01"));
    let mut b = account("B", "0.20");
    (b.nps, b.health_score, b.renewal_date) = (Some(9), 61, date("2026-04-02"));
    let mut c = account("C", "150000.00");
    (c.nps, c.health_score, c.renewal_date) = (Some(7), 50, date("2026-04-01"));
    let mut d = account("D", "99.70");
    (d.nps, d.health_score) = (Some(3), 0);
    [a, b, c, d]
}

/// The summary by hand. NPS (DOMAIN.md §5.6): answers 10, 9, 7, 3 -> 2 promoters, 1 detractor
/// of 4 -> (2 - 1) / 4 = +25 points. Renewals: within 90 days of 2026-01-01 are A (2026-02-01)
/// and C (2026-04-01); B (2026-04-02) is not.
#[test]
fn summary_by_hand() {
    let set = rules(vec![rule(
        "Small",
        vec![range(NumericField::Arr, None, Some(100.0))],
    )]);
    let summary = summarize(&set, &four_answers());
    assert_eq!(summary.len(), 2);
    let small = &summary[0];
    assert_eq!(small.segment, "Small");
    assert_eq!(small.accounts, 3);
    assert_eq!(
        small.total_arr,
        Cents(10_000),
        "0.10 + 0.20 + 99.70 = 100.00 exactly"
    );
    assert_eq!(small.mean_health, Some(151.0 / 3.0));
    assert_eq!(small.health_points, 151);
    assert_eq!(small.nps_responses, 3);
    assert_eq!((small.nps_promoters, small.nps_detractors), (2, 1));
    assert_eq!(small.nps, Some((2.0 - 1.0) * 100.0 / 3.0));
    assert_eq!(small.renewals_next_90_days, 1);
    assert_eq!(small.renewals_next_90_days_arr, Cents(10));
    assert_eq!(small.share_of_accounts, 0.75);
    assert_eq!(small.share_of_arr, 10_000.0 / 15_010_000.0);
    let rest = &summary[1];
    assert_eq!(rest.segment, "Rest");
    assert_eq!(rest.touch_model, TouchModel::Automated);
    assert_eq!(rest.colour, "#F0E442");
    assert_eq!(
        rest.nps,
        Some(0.0),
        "one passive: 0 promoters, 0 detractors"
    );
    assert_eq!(rest.renewals_next_90_days_arr, Cents(15_000_000));

    let empty = summarize(&set, &[]);
    assert_eq!(empty[0].mean_health, None);
    assert_eq!(empty[0].nps, None);
    assert_eq!(empty[0].share_of_arr, 0.0);
}

/// The book's total (issue #3 summary; DOMAIN.md §2.7 touch model per segment, §5.6 NPS) over
/// the four accounts of `summary_by_hand`, split "Tiny" (ARR below $1: A, B), "Small" (below
/// $100: D), both low-touch, and the automated "Rest" (C), as of 2026-01-01:
/// - 4 accounts, ARR 0.10 + 0.20 + 99.70 + 150,000.00 = $150,100.00.
/// - Mean health per account: (90 + 61 + 0 + 50) / 4 = 50.25 (the mean of the three segments'
///   means, (75.5 + 0 + 50) / 3 = 41.83, would be wrong).
/// - NPS of all four answers: promoters A (10), B (9); detractor D (3); passive C (7):
///   (2 - 1) / 4 = +25 points (not the mean of +100, -100 and 0).
/// - Renewals within 90 days: A (2026-02-01, $0.10) and C (2026-04-01, $150,000): 2, $150,000.10.
/// - Low-touch: 2 segments, 3 accounts (75.0%), $100.00 of $150,100.00; automated: 1, 1 (25.0%),
///   $150,000.00; no high-touch segment, so no high-touch line.
#[test]
fn book_total_by_hand() {
    let set = rules(vec![
        rule("Tiny", vec![range(NumericField::Arr, None, Some(1.0))]),
        rule("Small", vec![range(NumericField::Arr, None, Some(100.0))]),
    ]);
    let summary = summarize(&set, &four_answers());
    let total = book_total(&summary);
    assert_eq!(total.segments, 3);
    assert_eq!(total.accounts, 4);
    assert_eq!(total.total_arr, Cents(15_010_000));
    assert_eq!(total.mean_health, Some(50.25));
    assert_eq!(
        (
            total.nps_promoters,
            total.nps_detractors,
            total.nps_responses
        ),
        (2, 1, 4)
    );
    assert_eq!(total.nps, Some(25.0));
    assert_eq!(total.renewals_next_90_days, 2);
    assert_eq!(total.renewals_next_90_days_arr, Cents(15_000_010));
    assert_eq!(
        total.touch_models,
        vec![
            TouchModelTotal {
                touch_model: TouchModel::LowTouch,
                segments: 2,
                accounts: 3,
                total_arr: Cents(10_000),
                share_of_accounts: 0.75,
                share_of_arr: 10_000.0 / 15_010_000.0,
            },
            TouchModelTotal {
                touch_model: TouchModel::Automated,
                segments: 1,
                accounts: 1,
                total_arr: Cents(15_000_000),
                share_of_accounts: 0.25,
                share_of_arr: 15_000_000.0 / 15_010_000.0,
            },
        ]
    );
}

/// An empty book has a total of nothing: no mean, no NPS, no shares to give.
#[test]
fn book_total_of_an_empty_book() {
    let total = book_total(&summarize(&rules(vec![]), &[]));
    assert_eq!((total.segments, total.accounts), (1, 0));
    assert_eq!(total.total_arr, Cents(0));
    assert_eq!((total.mean_health, total.nps), (None, None));
    assert_eq!(total.touch_models[0].share_of_arr, 0.0);
    assert_eq!(total.touch_models[0].share_of_accounts, 0.0);
}

#[test]
fn four_answers_give_plus_25() {
    let book: Vec<Account> = [10, 9, 7, 3]
        .iter()
        .map(|&score| {
            let mut a = account("N", "1");
            a.nps = Some(score);
            a
        })
        .collect();
    let set = rules(vec![]);
    assert_eq!(summarize(&set, &book)[0].nps, Some(25.0));
}

/// Rule set A as books feeds the capacity planner exactly like the ARR tiers (WORKLOADS.md W3),
/// with the activity catalogue carried by the rule set.
#[test]
fn segment_books_plan_like_the_tiers() {
    let a = example("examples/rules/w2-ruleset-a.toml");
    let book = [
        account("1", "100000.00"),
        account("2", "99999.99"),
        account("3", "25000.00"),
        account("4", "24999.99"),
        account("5", "0.01"),
    ];
    let books = segment_books(&a, &book);
    let arr: Vec<Cents> = book.iter().map(|x| x.arr).collect();
    assert_eq!(
        books,
        segment_by_tier(&arr, &TierBounds::default()).unwrap()
    );
    let params = CapacityParams {
        catalogs: a.catalogs(),
        ..CapacityParams::default()
    };
    let capacity = plan(&books, &params).unwrap();
    let per_month: Vec<f64> = capacity
        .segments
        .iter()
        .map(|s| s.activities_per_customer_per_month)
        .collect();
    assert_eq!(per_month, [12.0, 4.0, 1.0]);
    // Empty segments are left out of the books.
    assert_eq!(segment_books(&a, &book[4..]).len(), 1);
}

/// W2 rule set A, the same with the Enterprise bound raised to 150,000 (and Mid-Market's top
/// with it), and a book of five accounts two of which move: $120,000 and $100,000.
fn raised_enterprise_bound() -> (RuleSet, RuleSet, [Account; 5]) {
    let a = example("examples/rules/w2-ruleset-a.toml");
    let mut raised = a.clone();
    raised.segments[0].conditions = vec![range(NumericField::Arr, Some(150000.0), None)];
    raised.segments[1].conditions = vec![range(NumericField::Arr, Some(25000.0), Some(150000.0))];
    let book = [
        account("1", "200000.00"),
        account("2", "120000.00"),
        account("3", "100000.00"),
        account("4", "30000.00"),
        account("5", "10.00"),
    ];
    (a, raised, book)
}

#[test]
fn moves_between_rule_sets() {
    let (a, raised, book) = raised_enterprise_bound();
    let m = moves(&a, &raised, &book);
    assert_eq!(m.from, ["Enterprise", "Mid-Market", "SMB"]);
    assert_eq!(m.to, ["Enterprise", "Mid-Market", "SMB"]);
    let counts: Vec<Vec<u64>> = m
        .cells
        .iter()
        .map(|row| row.iter().map(|c| c.accounts).collect())
        .collect();
    assert_eq!(counts, [[1, 2, 0], [0, 1, 0], [0, 0, 1]]);
    assert_eq!(m.cells[0][1].arr, Cents::from_dollars(220_000));
    assert_eq!(m.moved_accounts, 2);
    assert_eq!(m.moved_arr, Cents::from_dollars(220_000));
    let none = moves(&a, &a, &book);
    assert_eq!((none.moved_accounts, none.moved_arr), (0, Cents::ZERO));
}

/// The headcount effect of the same change with W3's catalogue (12 / 4 / 1 activities a
/// customer a month, 600 a CSM; DOMAIN.md §1.1 step 2): Enterprise goes from 3 accounts
/// (3 x 12 / 600 = 0.06 CSMs) to 1 (0.02), Mid-Market from 1 (4 / 600) to 3 (12 / 600).
#[test]
fn rule_change_shows_moves_and_headcount() {
    let (a, raised, book) = raised_enterprise_bound();
    let change = rule_change(&a, &raised, &book, &CapacityParams::default()).unwrap();
    assert_eq!(change.moves.moved_accounts, 2);
    let rows: Vec<(&str, u64, u64)> = change
        .headcount
        .iter()
        .map(|r| (r.segment.as_str(), r.accounts_a, r.accounts_b))
        .collect();
    assert_eq!(
        rows,
        [
            ("Enterprise", 3, 1),
            ("Mid-Market", 1, 3),
            ("SMB", 1, 1),
            ("Total", 5, 5)
        ]
    );
    let close = |x: f64, y: f64| (x - y).abs() < 1e-12;
    assert!(close(change.headcount[0].bottom_up.fte_a, 0.06));
    assert!(close(change.headcount[0].bottom_up.fte_b, 0.02));
    assert!(close(change.headcount[1].bottom_up.fte_a, 4.0 / 600.0));
    assert!(close(change.headcount[1].bottom_up.fte_b, 12.0 / 600.0));
    // Rule set B names segments the default catalogues do not know: the planner asks for one.
    let b = example("examples/rules/w2-ruleset-b.toml");
    let error = plan_rule_set(&b, &book, &CapacityParams::default()).unwrap_err();
    assert!(error.to_string().contains("Strategic"), "{error}");
}

#[test]
fn rule_files_round_trip() {
    for path in [
        "examples/rules/w2-ruleset-a.toml",
        "examples/rules/w2-ruleset-b.toml",
    ] {
        let set = example(path);
        let toml = rules_to_toml(&set).unwrap();
        assert_eq!(rules_from_toml("again.toml", &toml).unwrap(), set, "{path}");
        let json = rules_to_json(&set).unwrap();
        assert_eq!(rules_from_json("again.json", &json).unwrap(), set, "{path}");
    }
    // Every kind of condition survives the trip too.
    let mut set = rules(vec![rule(
        "Everything",
        vec![
            range(NumericField::Employees, Some(10.0), Some(20.5)),
            Condition::OneOf(OneOf {
                field: TextField::Region,
                values: vec!["NA".into()],
            }),
            Condition::Text(TextCondition {
                field: TextField::Industry,
                how: TextMatch::StartsWith,
                text: "Soft".into(),
            }),
            Condition::RenewalWithin(RenewalWithin { days: 30 }),
            Condition::TenureMonths(Bounds {
                min: Some(6.0),
                max: None,
            }),
            Condition::UsageRatio(Bounds {
                min: None,
                max: Some(0.5),
            }),
            Condition::Custom(CustomCondition {
                column: "channel".into(),
                values: vec!["Partner".into()],
            }),
        ],
    )]);
    set.catch_all.activities = Some(vec![]);
    let toml = rules_to_toml(&set).unwrap();
    assert_eq!(rules_from_toml("all.toml", &toml).unwrap(), set);
}

fn file_error(text: &str) -> String {
    let error = rules_from_toml("bad.toml", text).unwrap_err();
    assert!(matches!(error, RuleError::File { .. }), "{error}");
    error.to_string()
}

fn rule_error(text: &str) -> String {
    let error = rules_from_toml("bad.toml", text).unwrap_err();
    assert!(matches!(error, RuleError::Rule { .. }), "{error}");
    error.to_string()
}

const HEAD: &str = "name = \"Mine\"\nas_of = \"2026-01-01\"\n";
const TAIL: &str =
    "\n[catch_all]\nname = \"Rest\"\ntouch_model = \"automated\"\ncolour = \"#000000\"\n";

fn with_rule(rule: &str) -> String {
    format!("{HEAD}\n[[segments]]\n{rule}\n{TAIL}")
}

#[test]
fn rule_file_errors_name_the_file_line_and_field() {
    let unknown_field = with_rule(
        "name = \"Big\"\ntouch_model = \"high-touch\"\ncolour = \"#000000\"\nconditions = [{ kind = \"range\", field = \"revenue\", min = 1 }]",
    );
    let message = file_error(&unknown_field);
    assert!(message.contains("bad.toml"), "{message}");
    assert!(message.contains("line 8"), "{message}");
    assert!(message.contains("revenue"), "{message}");

    let misspelt_key = with_rule(
        "name = \"Big\"\ntouch_model = \"high-touch\"\ncolour = \"#000000\"\nconditions = [{ kind = \"range\", field = \"arr\", maxx = 1 }]",
    );
    let message = file_error(&misspelt_key);
    assert!(message.contains("maxx"), "{message}");

    let bad_touch = with_rule("name = \"Big\"\ntouch_model = \"medium\"\ncolour = \"#000000\"");
    let message = file_error(&bad_touch);
    assert!(
        message.contains("touch_model") || message.contains("medium"),
        "{message}"
    );

    let bad_date = format!("name = \"Mine\"\nas_of = \"2026-02-30\"\n{TAIL}");
    let message = file_error(&bad_date);
    assert!(
        message.contains("2026-02-30") && message.contains("line 2"),
        "{message}"
    );

    assert!(file_error(HEAD).contains("catch_all"));
}

#[test]
fn invalid_rules_are_refused_naming_the_rule() {
    let empty_name = with_rule("name = \" \"\ntouch_model = \"high-touch\"\ncolour = \"#000000\"");
    let message = rule_error(&empty_name);
    assert!(
        message.contains("rule 1") && message.contains("empty"),
        "{message}"
    );

    let duplicate = format!(
        "{HEAD}\n[[segments]]\nname = \"Big\"\ntouch_model = \"high-touch\"\ncolour = \"#000000\"\n\n[[segments]]\nname = \"big\"\ntouch_model = \"low-touch\"\ncolour = \"#000000\"\n{TAIL}"
    );
    let message = rule_error(&duplicate);
    assert!(
        message.contains("rule 2 (big)") && message.contains("unique"),
        "{message}"
    );

    let duplicate_catch_all =
        with_rule("name = \"Rest\"\ntouch_model = \"high-touch\"\ncolour = \"#000000\"");
    let message = rule_error(&duplicate_catch_all);
    assert!(message.contains("catch-all"), "{message}");

    let reversed = with_rule(
        "name = \"Mid\"\ntouch_model = \"low-touch\"\ncolour = \"#000000\"\nconditions = [{ kind = \"range\", field = \"arr\", min = 100000, max = 25000 }]",
    );
    let message = rule_error(&reversed);
    assert!(
        message.contains("rule 1 (Mid)")
            && message.contains("range of arr")
            && message.contains("min (100000) must be below max (25000)"),
        "{message}"
    );

    let unknown_value = with_rule(
        "name = \"West\"\ntouch_model = \"low-touch\"\ncolour = \"#000000\"\nconditions = [{ kind = \"one_of\", field = \"region\", values = [\"North America\"] }]",
    );
    let message = rule_error(&unknown_value);
    assert!(
        message.contains("rule 1 (West)")
            && message.contains("\"North America\" is not one of NA, EMEA, APAC, LATAM"),
        "{message}"
    );

    let bad_colour = with_rule("name = \"Big\"\ntouch_model = \"high-touch\"\ncolour = \"blue\"");
    let message = rule_error(&bad_colour);
    assert!(
        message.contains("rule 1 (Big)") && message.contains("\"blue\""),
        "{message}"
    );

    let reversed_tenure = with_rule(
        "name = \"New\"\ntouch_model = \"low-touch\"\ncolour = \"#000000\"\nconditions = [{ kind = \"tenure_months\", min = 12, max = 12 }]",
    );
    assert!(rule_error(&reversed_tenure).contains("tenure_months"));
}
