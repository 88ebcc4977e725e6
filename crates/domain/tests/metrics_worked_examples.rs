//! Every metric of issue 7 against a hand-computed example (DOMAIN.md §5, §6.2, §8.5, §9), and
//! the snapshot diff on a small book with exactly one account of each movement type.
//!
//! The book (ARR in dollars, a quarter: period_months = 3):
//!   A 10,000 → 10,000 unchanged    (SMB, ana)
//!   B 20,000 → 25,000 expansion    (Mid, ana)   +5,000
//!   C 30,000 → 24,000 contraction  (Mid, ben)   −6,000
//!   D 40,000 → —      churn        (Ent, ben)  −40,000
//!   E —      → 15,000 new          (SMB, ana)  +15,000
//!   F —      →  8,000 reactivation (SMB, ben)   +8,000 (a customer before the period)
//! Start ARR 100,000 with 4 customers; end ARR 100,000 + 15,000 + 5,000 − 6,000 − 40,000 +
//! 8,000 = 82,000 = 10,000 + 25,000 + 24,000 + 15,000 + 8,000, with 4 − 1 + 1 + 1 = 5 customers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::Cents;
use csplan_domain::metrics::{
    AccountArr, CostInputs, Group, HealthBands, LtvVariant, Metric, MetricInputs, MetricSettings,
    MetricsError, Movement, MovementKind, Movements, NpsCounts, Unit, cltv_gross_margin,
    cltv_revenue, compute, diff, groups, health_distribution, logo_churn_rate, nps, nrr_grr_gap,
};
use std::collections::HashSet;

fn account(id: &str, dollars: i64, segment: &str, csm: &str) -> AccountArr {
    AccountArr {
        account_id: id.to_string(),
        arr: Cents::from_dollars(dollars),
        segment: Some(segment.to_string()),
        csm: Some(csm.to_string()),
    }
}

fn start_book() -> Vec<AccountArr> {
    vec![
        account("A", 10_000, "SMB", "ana"),
        account("B", 20_000, "Mid", "ana"),
        account("C", 30_000, "Mid", "ben"),
        account("D", 40_000, "Ent", "ben"),
    ]
}

fn end_book() -> Vec<AccountArr> {
    vec![
        account("A", 10_000, "SMB", "ana"),
        account("B", 25_000, "Mid", "ana"),
        account("C", 24_000, "Mid", "ben"),
        account("E", 15_000, "SMB", "ana"),
        account("F", 8_000, "SMB", "ben"),
    ]
}

fn seen_before() -> HashSet<String> {
    ["F".to_string(), "Z".to_string()].into_iter().collect()
}

fn movements() -> Movements {
    Movements::from_snapshots(&start_book(), &end_book(), &seen_before())
}

fn inputs() -> MetricInputs {
    MetricInputs {
        movements: movements(),
        period_months: 3,
        // 10, 9, 9, 10 promoters; 8, 7 passives; 6, 0 detractors.
        nps: NpsCounts::from_scores(&[10, 9, 9, 8, 7, 6, 0, 10]).unwrap(),
        health_scores: vec![85.0, 70.0, 69.9, 40.0, 39.9, 10.0, f64::NAN],
        costs: CostInputs {
            cs_team_cost: Some(Cents::from_dollars(10_000)),
            support_team_cost: Some(Cents::from_dollars(5_000)),
            cac: Some(Cents::from_dollars(5_000)),
            gross_margin: Some(0.8),
        },
        settings: MetricSettings::default(),
    }
}

fn metric<'a>(all: &'a [Metric], key: &str) -> &'a Metric {
    all.iter()
        .find(|m| m.key == key)
        .unwrap_or_else(|| panic!("no metric {key}"))
}

fn value(all: &[Metric], key: &str) -> f64 {
    metric(all, key)
        .value
        .unwrap_or_else(|| panic!("{key} has no value"))
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9 * expected.abs().max(1.0),
        "{actual} != {expected}"
    );
}

#[test]
fn the_diff_finds_one_account_of_each_movement_type() {
    let found = diff(&start_book(), &end_book(), &seen_before());
    let expected = [
        ("B", MovementKind::Expansion, 5_000),
        ("C", MovementKind::Contraction, 6_000),
        ("D", MovementKind::Churn, 40_000),
        ("E", MovementKind::New, 15_000),
        ("F", MovementKind::Reactivation, 8_000),
    ];
    let expected: Vec<Movement> = expected
        .iter()
        .map(|&(id, kind, dollars)| Movement {
            account_id: id.to_string(),
            kind,
            amount: Cents::from_dollars(dollars),
        })
        .collect();
    assert_eq!(found, expected, "A is unchanged and has no movement");
}

#[test]
fn the_summary_adds_up_from_start_to_end_arr() {
    let m = movements();
    assert_eq!(
        m,
        Movements {
            starting_arr: Cents::from_dollars(100_000),
            new: Cents::from_dollars(15_000),
            expansion: Cents::from_dollars(5_000),
            contraction: Cents::from_dollars(6_000),
            churned: Cents::from_dollars(40_000),
            reactivated: Cents::from_dollars(8_000),
            ending_arr: Cents::from_dollars(82_000),
            customers_at_start: 4,
            new_customers: 1,
            churned_customers: 1,
            reactivated_customers: 1,
            customers_at_end: 5,
        }
    );
    assert_eq!(m.retained_customers(), 3);
    assert_eq!(m.net_new(), Cents::from_dollars(-18_000));
}

fn row(id: &str, kind: MovementKind, dollars: i64) -> Movement {
    Movement {
        account_id: id.to_string(),
        kind,
        amount: Cents::from_dollars(dollars),
    }
}

#[test]
fn a_movements_file_gives_the_same_summary_as_the_second_import() {
    let rows = diff(&start_book(), &end_book(), &seen_before());
    assert_eq!(
        Movements::from_movements(&start_book(), &rows).unwrap(),
        movements()
    );
    // Two expansion rows of one account add up to one expanded account; a new account that
    // expands in the same period counts all of it as new ARR (it was not in the starting book).
    let rows = vec![
        row("B", MovementKind::Expansion, 2_000),
        row("B", MovementKind::Expansion, 3_000),
        row("N", MovementKind::New, 1_000),
        row("N", MovementKind::Expansion, 500),
    ];
    let m = Movements::from_movements(&start_book(), &rows).unwrap();
    assert_eq!(m.expansion, Cents::from_dollars(5_000));
    assert_eq!(m.new, Cents::from_dollars(1_500));
    // 100,000 + 5,000 + 1,500 = 106,500 with 4 + 1 customers.
    assert_eq!(m.ending_arr, Cents::from_dollars(106_500));
    assert_eq!(m.customers_at_end, 5);
}

#[test]
fn movements_file_rows_that_contradict_the_book_are_refused_by_account() {
    let refuse = |rows: Vec<Movement>| {
        Movements::from_movements(&start_book(), &rows)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        refuse(vec![row("X", MovementKind::Churn, 100)]),
        "account X: has a churn row but is not a customer at the start of the period and has no new or reactivation row"
    );
    assert_eq!(
        refuse(vec![row("A", MovementKind::New, 100)]),
        "account A: has a new row but is already a customer at the start of the period"
    );
    assert_eq!(
        refuse(vec![row("A", MovementKind::Contraction, 10_001)]),
        "account A: its rows take its ARR to -$1.00, below zero"
    );
    assert_eq!(
        refuse(vec![row("D", MovementKind::Churn, 30_000)]),
        "account D: has a churn row but $10,000.00 of ARR is left after the period's rows"
    );
}

#[test]
fn rows_of_one_account_are_summed_and_zero_arr_is_not_a_customer() {
    let start = vec![
        account("A", 6_000, "SMB", "ana"),
        account("A", 4_000, "SMB", "ana"),
        account("G", 0, "SMB", "ana"),
    ];
    let end = vec![
        account("A", 10_000, "SMB", "ana"),
        account("G", 500, "SMB", "ana"),
    ];
    let found = diff(&start, &end, &HashSet::new());
    assert_eq!(
        found,
        vec![Movement {
            account_id: "G".to_string(),
            kind: MovementKind::New,
            amount: Cents::from_dollars(500),
        }]
    );
}

#[test]
fn retention_metrics_match_the_hand_computation() {
    let all = compute(&inputs()).unwrap();
    // §5.1 churn: 1 churned / 4 at start = 25%; annualised 1 − 0.75^(12/3) = 0.68359375.
    close(value(&all, "logo_churn_rate"), 0.25);
    let churn = metric(&all, "logo_churn_rate");
    assert_eq!(churn.unit, Unit::Percent);
    assert!(churn.inputs.contains(&(
        "annualised, 1 − (1 − rate)^(12 / months)".to_string(),
        "68.4%".to_string()
    )));
    // 68.4% a year is above the 5–7% acceptable annual churn (003 L3896–3902).
    assert_eq!(churn.benchmark.as_ref().unwrap().met, Some(false));
    // 003's example denominator: 1 / (4 + 1 − 1) = 25% too, and the caveat says so.
    assert!(churn.caveat.as_ref().unwrap().contains("would give 25.0%"));
    // §5.1 retention: 3 retained / 4 at start = 75% (the 80/100 reading).
    close(value(&all, "customer_retention_rate"), 0.75);
    // §5.1 GRR: (100,000 − 40,000 − 6,000) / 100,000 = 54%.
    close(value(&all, "grr"), 0.54);
    // §5.1 NRR: (100,000 + 5,000 − 40,000 − 6,000) / 100,000 = 59%.
    close(value(&all, "nrr"), 0.59);
    // §5.1 / §8.5 gap: (59% − 54%) × 100 = 5 points, under the default 10.
    let gap = metric(&all, "nrr_grr_gap");
    close(gap.value.unwrap(), 5.0);
    assert_eq!(gap.benchmark.as_ref().unwrap().met, Some(true));
    assert!(!gap.caveat.as_ref().unwrap().starts_with("Red flag"));
}

#[test]
fn the_gap_is_flagged_above_the_users_threshold() {
    // §8.5: threshold NOT IN SOURCES; at 4 points, a 5-point gap is a red flag.
    let gap = nrr_grr_gap(&movements(), 4.0);
    assert_eq!(gap.benchmark.as_ref().unwrap().met, Some(false));
    assert!(gap.caveat.as_ref().unwrap().starts_with("Red flag"));
}

#[test]
fn revenue_metrics_match_the_hand_computation() {
    let all = compute(&inputs()).unwrap();
    // §5.3 net new: (15,000 + 8,000) + 5,000 − (40,000 + 6,000) = −18,000 = 82,000 − 100,000.
    close(value(&all, "net_new_arr"), -18_000.0);
    // §5.3 MRR = ARR / 12: −18,000 / 12 = −1,500.
    close(value(&all, "net_new_mrr"), -1_500.0);
    // §5.3 growth (parentheses restored): (82,000 − 100,000) / 100,000 = −18%.
    close(value(&all, "revenue_growth_rate"), -0.18);
    assert_eq!(
        metric(&all, "revenue_growth_rate")
            .benchmark
            .as_ref()
            .unwrap()
            .met,
        Some(false)
    );
    // §5.5 expansion: 5,000 / 100,000 = 5%.
    close(value(&all, "expansion_rate"), 0.05);
}

#[test]
fn value_metrics_match_the_hand_computation() {
    let all = compute(&inputs()).unwrap();
    // Average MRR per customer: (100,000 + 82,000) / 12 / (4 + 5) = 1,685.185185…
    // §5.4 def. 2: $ churn = (40,000 + 6,000 − 5,000) / 100,000 = 41% a quarter; monthly
    // 1 − 0.59^(1/3) = 0.161279347…; CLTV = 1,685.185185 × 0.8 / 0.161279347 = 8,359.0873…
    close(value(&all, "cltv_gross_margin"), 8_359.087_324_709_693);
    // §5.4 def. 3: logo churn monthly 1 − 0.75^(1/3) = 0.091439704…;
    // CLV = 1,685.185185 / 0.091439704 = 18,429.469…
    close(value(&all, "cltv_revenue"), 18_429.469_028_608_528);
    // §5.4 LTV:CAC with the default gross-margin CLTV: 8,359.0873 / 5,000 = 1.67182 (< 3).
    let ltv_cac = metric(&all, "ltv_cac");
    close(ltv_cac.value.unwrap(), 1.671_817_464_941_938_6);
    assert_eq!(ltv_cac.benchmark.as_ref().unwrap().met, Some(false));
    // §5.3 payback: 5,000 / 1,685.185185 = 2.967 months (< 12).
    let payback = metric(&all, "cac_payback_months");
    close(payback.value.unwrap(), 2.967_032_967_032_967);
    assert_eq!(payback.benchmark.as_ref().unwrap().met, Some(true));
    // With the revenue CLV: 18,429.469 / 5,000 = 3.6859 (> 3).
    let mut with_revenue = inputs();
    with_revenue.settings.ltv_variant = LtvVariant::Revenue;
    let all = compute(&with_revenue).unwrap();
    let ltv_cac = metric(&all, "ltv_cac");
    close(ltv_cac.value.unwrap(), 18_429.469_028_608_528 / 5_000.0);
    assert_eq!(ltv_cac.benchmark.as_ref().unwrap().met, Some(true));
    assert_eq!(ltv_cac.formula, "CLV (revenue) / CAC");
}

#[test]
fn cltv_has_no_value_when_churn_is_zero_or_negative() {
    // §5.4 caveat (003 L3390–3394): expansion 5,000 > churned 0 + contraction 0, so $ churn is
    // −5% and CLTV "tends towards infinity"; no customer churned, so 1 / logo churn is unbounded.
    let start = vec![
        account("A", 50_000, "SMB", "ana"),
        account("B", 50_000, "SMB", "ana"),
    ];
    let end = vec![
        account("A", 55_000, "SMB", "ana"),
        account("B", 50_000, "SMB", "ana"),
    ];
    let m = Movements::from_snapshots(&start, &end, &HashSet::new());
    let margin = cltv_gross_margin(&m, 3, Some(0.8));
    assert_eq!(margin.value, None);
    assert!(margin.caveat.unwrap().contains("tends towards infinity"));
    let revenue = cltv_revenue(&m, 3);
    assert_eq!(revenue.value, None);
    assert!(revenue.caveat.unwrap().contains("unbounded"));
    // Exactly zero $ churn: no movement at all.
    let flat = Movements::from_snapshots(&start, &start, &HashSet::new());
    assert_eq!(cltv_gross_margin(&flat, 3, Some(0.8)).value, None);
    // Without a gross margin the caveat asks for it.
    let no_margin = cltv_gross_margin(&movements(), 3, None);
    assert_eq!(no_margin.value, None);
    assert!(no_margin.caveat.unwrap().contains("gross margin"));
}

#[test]
fn the_magic_number_matches_the_hand_computation() {
    let all = compute(&inputs()).unwrap();
    // §5.2 (002 L15): renewed 100,000 − 40,000 − 6,000 = 54,000; up-sell 5,000;
    // cost (10,000 + 5,000) a quarter × 12 / 3 = 60,000 a year; 59,000 / 60,000 = 0.98333.
    let magic = metric(&all, "cs_magic_number");
    close(magic.value.unwrap(), 59_000.0 / 60_000.0);
    assert_eq!(magic.benchmark.as_ref().unwrap().met, Some(false));
    assert_eq!(magic.caveat, None);
    // Without costs there is nothing to divide by.
    let mut no_cost = inputs();
    no_cost.costs.cs_team_cost = None;
    no_cost.costs.support_team_cost = None;
    let all = compute(&no_cost).unwrap();
    assert_eq!(metric(&all, "cs_magic_number").value, None);
}

#[test]
fn nps_matches_the_hand_computation() {
    // §5.6 bands (000 L45–47): 4 promoters, 2 passives, 2 detractors of 8 responses;
    // NPS = (4 − 2) / 8 × 100 = 25 points.
    let all = compute(&inputs()).unwrap();
    let score = metric(&all, "nps");
    close(score.value.unwrap(), 25.0);
    assert_eq!(score.unit, Unit::Points);
    assert!(
        score
            .inputs
            .contains(&("responses".to_string(), "8".to_string()))
    );
    assert!(
        score
            .inputs
            .contains(&("promoters (9–10)".to_string(), "4".to_string()))
    );
    // Band edges: 6 is a detractor, 7 and 8 passives, 9 a promoter.
    assert_eq!(
        NpsCounts::from_scores(&[6, 7, 8, 9]).unwrap(),
        NpsCounts {
            detractors: 1,
            passives: 2,
            promoters: 1
        }
    );
    assert_eq!(
        NpsCounts::from_scores(&[9, 11]),
        Err(MetricsError::NpsScore {
            position: 2,
            score: 11
        })
    );
    assert_eq!(nps(NpsCounts::default()).value, None);
}

#[test]
fn health_distribution_matches_the_hand_count() {
    // §6.2 with CS Plan's default bands (green ≥ 70, yellow ≥ 40): 85 and 70 green, 69.9 and 40
    // yellow, 39.9 and 10 red, NaN unscored; each band 2 / 6 = 33.3%.
    let all = compute(&inputs()).unwrap();
    for key in ["health_green", "health_yellow", "health_red"] {
        close(value(&all, key), 2.0 / 6.0);
        assert!(
            metric(&all, key)
                .inputs
                .contains(&("accounts without a score".to_string(), "1".to_string()))
        );
    }
    // Edited bands: green from 80, yellow from 20: 85 green; 70, 69.9, 40, 39.9 yellow; 10 red.
    let bands = HealthBands {
        green_from: 80.0,
        yellow_from: 20.0,
    };
    let edited = health_distribution(&inputs().health_scores, &bands);
    close(edited[0].value.unwrap(), 1.0 / 6.0);
    close(edited[1].value.unwrap(), 4.0 / 6.0);
    close(edited[2].value.unwrap(), 1.0 / 6.0);
}

#[test]
fn inputs_no_formula_can_use_are_refused_by_name() {
    let mut bad = inputs();
    bad.period_months = 0;
    assert_eq!(compute(&bad), Err(MetricsError::PeriodMonths));
    let mut bad = inputs();
    bad.costs.gross_margin = Some(80.0);
    assert_eq!(compute(&bad), Err(MetricsError::GrossMargin(80.0)));
    let mut bad = inputs();
    bad.settings.health_bands = HealthBands {
        green_from: 40.0,
        yellow_from: 70.0,
    };
    let error = compute(&bad).unwrap_err();
    assert!(error.to_string().contains("yellow below green"), "{error}");
    let mut bad = inputs();
    bad.settings.gap_flag_points = -1.0;
    assert_eq!(compute(&bad), Err(MetricsError::GapThreshold(-1.0)));
}

#[test]
fn every_metric_explains_itself() {
    let all = compute(&inputs()).unwrap();
    let keys: Vec<&str> = all.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "logo_churn_rate",
            "customer_retention_rate",
            "grr",
            "nrr",
            "nrr_grr_gap",
            "net_new_arr",
            "net_new_mrr",
            "revenue_growth_rate",
            "expansion_rate",
            "cltv_gross_margin",
            "cltv_revenue",
            "ltv_cac",
            "cac_payback_months",
            "cs_magic_number",
            "nps",
            "health_green",
            "health_yellow",
            "health_red",
        ]
    );
    for m in &all {
        assert!(
            m.source.starts_with("DOMAIN.md §"),
            "{}: {}",
            m.key,
            m.source
        );
        assert!(!m.formula.is_empty() && !m.inputs.is_empty(), "{}", m.key);
    }
}

#[test]
fn an_empty_book_has_no_rates_rather_than_a_division_by_zero() {
    let empty = Movements::from_snapshots(&[], &[], &HashSet::new());
    assert_eq!(logo_churn_rate(&empty, 3).value, None);
    let mut quiet = inputs();
    quiet.movements = empty;
    let all = compute(&quiet).unwrap();
    for key in [
        "grr",
        "nrr",
        "nrr_grr_gap",
        "revenue_growth_rate",
        "cltv_revenue",
    ] {
        assert_eq!(metric(&all, key).value, None, "{key}");
    }
    close(value(&all, "net_new_arr"), 0.0);
}

#[test]
fn groups_split_the_book_by_where_the_period_began() {
    let (start, end) = (start_book(), end_book());
    assert_eq!(
        groups(&start, &end),
        vec![
            Group::Book,
            Group::Segment("Ent".to_string()),
            Group::Segment("Mid".to_string()),
            Group::Segment("SMB".to_string()),
            Group::Csm("ana".to_string()),
            Group::Csm("ben".to_string()),
        ]
    );
    // SMB: A unchanged, E new, F reactivated: start 10,000, end 33,000.
    let (s, e) = Group::Segment("SMB".to_string()).select(&start, &end);
    let smb = Movements::from_snapshots(&s, &e, &seen_before());
    assert_eq!(smb.starting_arr, Cents::from_dollars(10_000));
    assert_eq!(smb.new, Cents::from_dollars(15_000));
    assert_eq!(smb.reactivated, Cents::from_dollars(8_000));
    assert_eq!(smb.ending_arr, Cents::from_dollars(33_000));
    // ben: C contraction, D churn, F reactivation; start 70,000, end 32,000.
    let (s, e) = Group::Csm("ben".to_string()).select(&start, &end);
    let ben = Movements::from_snapshots(&s, &e, &seen_before());
    assert_eq!(ben.starting_arr, Cents::from_dollars(70_000));
    assert_eq!(ben.ending_arr, Cents::from_dollars(32_000));
    assert_eq!(ben.churned_customers, 1);
    // An account that moved CSM stays with the CSM it started the period with.
    let moved = vec![account("B", 25_000, "Mid", "ben")];
    let members = Group::Csm("ana".to_string()).members(&start_book(), &moved);
    assert!(members.contains("B"));
    // The segments partition the book: their movements add up to the whole book's.
    let mut total = Cents::ZERO;
    for group in groups(&start, &end) {
        if let Group::Segment(_) = group {
            let (s, e) = group.select(&start, &end);
            total += Movements::from_snapshots(&s, &e, &seen_before()).net_new();
        }
    }
    assert_eq!(total, movements().net_new());
}
