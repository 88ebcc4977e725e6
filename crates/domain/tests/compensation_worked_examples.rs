//! Worked examples of the compensation engine, computed by hand from DOMAIN.md §3 and
//! WORKLOADS.md W4/W5, and the properties every plan must keep.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::compensation::{
    BacktestOptions, CompError, CompModel, CompPlan, CsmQuarter, Generator, History, Measure,
    Metric, PayPeriod, PayoutCurve, PlanEngine, RevenueShare, Role, Split, StressSetup, Tier,
    backtest, exact_normals, lint, plan_from_toml, plan_to_toml, read_history, simulate, summarize,
};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn example(name: &str) -> CompPlan {
    let path = repo("examples/comp").join(name);
    plan_from_toml(name, &std::fs::read_to_string(path).unwrap()).unwrap()
}

fn shared_history() -> History {
    let path = [
        repo("../shared/bench/data/csm_history.csv"),
        PathBuf::from("/work/shared/bench/data/csm_history.csv"),
    ]
    .into_iter()
    .find(|p| p.exists())
    .expect("shared/bench/data/csm_history.csv beside the repository");
    read_history("csm_history.csv", std::fs::File::open(path).unwrap()).unwrap()
}

/// CSM-001, 2024Q1 of shared/bench/data/csm_history.csv.
fn csm_001_2024q1() -> CsmQuarter {
    CsmQuarter {
        csm_id: "CSM-001".into(),
        csm_name: "Maya Ziegler".into(),
        segment: "Mid-Market".into(),
        quarter: "2024Q1".into(),
        quarter_index: 1,
        year: 2024,
        quarter_of_year: 1,
        book_arr_start: 2_051_985.0,
        num_accounts: 66.0,
        renewable_arr: 387_365.0,
        renewed_arr: 368_233.0,
        churned_arr: 11_628.0,
        downgraded_arr: 7_504.0,
        expansion_arr: 119_814.0,
        expansion_quota: 67_700.0,
        grr: 0.950610,
        nrr: 1.259915,
        nps: 52.0,
        onboarding_days: 23.0,
        extra: vec![],
    }
}

fn one_row(row: CsmQuarter) -> History {
    History::new(vec![row], vec![])
}

fn only_payout(plan: &CompPlan, row: CsmQuarter) -> f64 {
    let history = one_row(row);
    PlanEngine::new(plan, &history)
        .unwrap()
        .history_payouts(&history)[0]
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// W4 current: $6,000 target a quarter (120,000 × 20% / 4) × grr / 0.90.
/// 6,000 × 0.950610 / 0.90 = 6,337.40.
#[test]
fn current_plan_one_csm_quarter_by_hand() {
    let plan = example("current.toml");
    assert_eq!(plan.base_per_quarter(), 24_000.0);
    assert_eq!(plan.variable_target_per_period(), 6_000.0);
    assert!(close(only_payout(&plan, csm_001_2024q1()), 6_337.40));
}

/// W4 proposed: $9,000 target a quarter. NRR attainment 1.259915 / 1.05 = 1.199919…, paid
/// 1 + 1.5 × 0.199919… = 1.299879 (accelerator); expansion 119,814 / 67,700 = 1.7698, which
/// would pay 2.1547 and is capped at 2. 9,000 × (0.6 × 1.2998786 + 0.4 × 2) = 14,219.344286.
#[test]
fn proposed_plan_one_csm_quarter_by_hand() {
    let plan = example("proposed.toml");
    assert_eq!(plan.base_per_quarter(), 21_000.0);
    let nrr_paid = 1.0 + 1.5 * (1.259_915 / 1.05 - 1.0);
    let expected = 9_000.0 * (0.6 * nrr_paid + 0.4 * 2.0);
    assert!(close(expected, 14_219.344_285_714));
    assert!(close(only_payout(&plan, csm_001_2024q1()), expected));
}

/// Comp cost as % of ARR (issue 5, "comp cost as % of ARR"; DOMAIN.md §1.3 puts CS cost against
/// revenue). One CSM-quarter of CSM-001 with a $2,051,985 book: the current plan costs
/// 24,000 base + 6,337.40 variable = 30,337.40 in the quarter, 121,349.60 a year, which is
/// 121,349.60 / 2,051,985 = 5.9138% of the book's ARR. Over the whole (one-quarter) history the
/// same figure: 30,337.40 / (2,051,985 / 4).
#[test]
fn comp_cost_as_a_share_of_arr_by_hand() {
    let history = one_row(csm_001_2024q1());
    let result = backtest(
        &history,
        &example("current.toml"),
        &example("proposed.toml"),
        &BacktestOptions::default(),
    )
    .unwrap();
    let quarter = &result.quarterly_cost[0];
    assert_eq!(quarter.book_arr, 2_051_985.0);
    assert!(close(quarter.total_cost, 30_337.40));
    let expected = 30_337.40 * 4.0 / 2_051_985.0 * 100.0;
    assert!(close(expected, 5.913_766_426_167_833));
    assert!(close(quarter.cost_pct_of_arr.unwrap(), expected));
    assert!(close(
        result.plan_summary[0].cost_pct_of_arr.unwrap(),
        expected
    ));
}

/// The headline's variable-cost change (DOMAIN.md §3.7: "what it costs"), one CSM-quarter of
/// CSM-001: the proposed plan pays 14,219.344286 against the current plan's 6,337.40, so
/// (14,219.344286 − 6,337.40) / 6,337.40 = 7,881.944286 / 6,337.40 = +124.3719%. With a GRR of 0
/// the current plan pays nothing and the change has no base: `None`, not a division by zero.
#[test]
fn variable_cost_change_by_hand() {
    let plans = (example("current.toml"), example("proposed.toml"));
    let options = BacktestOptions::default();
    let result = backtest(&one_row(csm_001_2024q1()), &plans.0, &plans.1, &options).unwrap();
    let expected = (14_219.344_285_714 - 6_337.40) / 6_337.40 * 100.0;
    assert!(close(expected, 124.371_892_033));
    assert!(close(result.variable_cost_change_pct.unwrap(), expected));

    let nothing_renewed = CsmQuarter {
        grr: 0.0,
        ..csm_001_2024q1()
    };
    let result = backtest(&one_row(nothing_renewed), &plans.0, &plans.1, &options).unwrap();
    assert_eq!(result.plan_summary[0].variable_cost_total, 0.0);
    assert!(result.plan_summary[1].variable_cost_total > 0.0);
    assert_eq!(result.variable_cost_change_pct, None);
}

/// W4's curve f(a): a up to 100%, then 1 + 1.5 (a − 1), capped at 200%. The cap is reached at
/// a = 1 + 1/1.5 = 166.67%.
#[test]
fn accelerator_and_cap_boundaries() {
    let curve = PayoutCurve::accelerated(1.5, 2.0);
    assert_eq!(curve.payout(-0.3), 0.0);
    assert_eq!(curve.payout(0.0), 0.0);
    assert_eq!(curve.payout(0.95), 0.95);
    assert_eq!(curve.payout(1.0), 1.0);
    assert!(close(curve.payout(1.1), 1.15));
    assert!(close(curve.payout(1.0 + 1.0 / 1.5), 2.0));
    assert_eq!(curve.payout(1.7), 2.0);
    assert_eq!(curve.payout(5.0), 2.0);
    // A decelerator above 120%: 1.2 at the tier start, then half rate.
    let decelerated = PayoutCurve {
        tiers: vec![
            Tier {
                from: 0.0,
                rate: 1.0,
                jump: 0.0,
            },
            Tier {
                from: 1.2,
                rate: 0.5,
                jump: 0.0,
            },
        ],
        cap: None,
    };
    assert!(close(decelerated.payout(1.4), 1.3));
    assert_eq!(decelerated.tier_starts(), vec![0.0, 1.2]);
}

/// WORKLOADS.md W5: benchlib.mc_normals(0, 0) = (0.7614824558798637, 1.3282942166794987).
#[test]
fn exact_generator_reference_pair() {
    assert_eq!(
        exact_normals(0, 0, 201, 20_260_101),
        (0.761_482_455_879_863_7, 1.328_294_216_679_498_7)
    );
}

fn grr_measure(threshold: Option<f64>, curve: PayoutCurve) -> Measure {
    Measure {
        name: "GRR".into(),
        metric: Metric::Grr,
        weight: 100.0,
        target: 0.9,
        threshold,
        lower_is_better: None,
        curve,
        quarters: None,
    }
}

fn plan_with(measures: Vec<Measure>) -> CompPlan {
    CompPlan {
        name: "draft".into(),
        model: CompModel::BasePlusVariable,
        ote: 120_000.0,
        split: Split::new(70.0, 30.0),
        pay_period: PayPeriod::Quarterly,
        role: Role::RenewalsAndExpansion,
        bonus_funding: None,
        revenue_share: None,
        measures,
    }
}

/// A threshold pays nothing below it; at 0.85 GRR against 0.9 the linear curve pays 94.4%.
#[test]
fn threshold_pays_nothing_below_it() {
    let plan = plan_with(vec![grr_measure(Some(0.85), PayoutCurve::linear())]);
    let mut row = csm_001_2024q1();
    row.grr = 0.84;
    assert_eq!(only_payout(&plan, row.clone()), 0.0);
    row.grr = 0.85;
    assert!(close(only_payout(&plan, row), 9_000.0 * 0.85 / 0.9));
}

/// DOMAIN.md §3.5: with a 75/25 revenue share the CSM's expansion measure counts 25% of the
/// expansion: 0.25 × 119,814 / 67,700 = 0.44244 attainment.
#[test]
fn revenue_share_credits_the_csm_share_of_expansion() {
    let mut plan = plan_with(vec![Measure {
        name: "Expansion".into(),
        metric: Metric::ExpansionVsQuota,
        target: 1.0,
        ..grr_measure(None, PayoutCurve::linear())
    }]);
    plan.revenue_share = Some(RevenueShare {
        sales: 75.0,
        csm: 25.0,
    });
    assert!(close(
        only_payout(&plan, csm_001_2024q1()),
        9_000.0 * (0.25 * 119_814.0 / 67_700.0)
    ));
}

/// DOMAIN.md §3.2: base only pays no variable; base plus bonus pays the funded share of the
/// target bonus whatever the CSM did.
#[test]
fn base_only_and_base_plus_bonus() {
    let mut plan = plan_with(vec![]);
    plan.model = CompModel::BaseOnly;
    assert_eq!(only_payout(&plan, csm_001_2024q1()), 0.0);
    plan.model = CompModel::BasePlusBonus;
    plan.bonus_funding = Some(0.8);
    assert!(close(only_payout(&plan, csm_001_2024q1()), 9_000.0 * 0.8));
}

/// A rotating measure pays only in its quarter (DOMAIN.md §3.4 "floating variable").
#[test]
fn rotating_measure_pays_in_its_quarter_only() {
    let mut nps = grr_measure(None, PayoutCurve::linear());
    nps.name = "NPS this quarter".into();
    nps.metric = Metric::Nps;
    nps.target = 40.0;
    nps.weight = 20.0;
    nps.quarters = Some(vec![2]);
    let mut pillar = grr_measure(None, PayoutCurve::linear());
    pillar.weight = 80.0;
    let plan = plan_with(vec![pillar, nps]);
    let q1 = only_payout(&plan, csm_001_2024q1());
    assert!(close(q1, 9_000.0 * 0.8 * 0.950_61 / 0.9));
    let mut row = csm_001_2024q1();
    row.quarter_of_year = 2;
    row.quarter = "2024Q2".into();
    assert!(close(
        only_payout(&plan, row),
        9_000.0 * (0.8 * 0.950_61 / 0.9 + 0.2 * 52.0 / 40.0)
    ));
    let warnings = lint(&plan);
    assert!(
        warnings.iter().any(|w| w.field.contains("quarter 1")),
        "{warnings:?}"
    );
}

#[test]
fn lint_names_each_questionable_field() {
    let mut plan = plan_with(vec![
        Measure {
            weight: 70.0,
            threshold: Some(0.95),
            ..grr_measure(None, PayoutCurve::accelerated(1.5, 0.8))
        },
        Measure {
            name: "Expansion".into(),
            metric: Metric::ExpansionVsQuota,
            weight: 20.0,
            target: 1.0,
            curve: PayoutCurve {
                tiers: vec![
                    Tier {
                        from: 0.0,
                        rate: 1.0,
                        jump: 0.0,
                    },
                    Tier {
                        from: 1.0,
                        rate: 1.0,
                        jump: 0.25,
                    },
                ],
                cap: None,
            },
            ..grr_measure(None, PayoutCurve::linear())
        },
    ]);
    plan.split = Split::new(50.0, 50.0);
    plan.role = Role::Onboarding;
    let fields: Vec<String> = lint(&plan).into_iter().map(|w| w.field).collect();
    for expected in [
        "split",
        "measures[].weight",
        "measures[0] \"GRR\" threshold",
        "measures[0] \"GRR\" curve.cap",
        "measures[1] \"Expansion\" curve.tiers[1].jump",
        "measures[0] \"GRR\" metric",
        "measures[1] \"Expansion\" metric",
    ] {
        assert!(
            fields.iter().any(|f| f == expected),
            "{expected} not in {fields:?}"
        );
    }
    assert!(lint(&example("proposed.toml")).is_empty());
    assert!(lint(&example("current.toml")).is_empty());
}

#[test]
fn plans_round_trip_through_toml_and_bad_fields_are_named() {
    let plan = example("proposed.toml");
    let text = plan_to_toml(&plan).unwrap();
    assert_eq!(plan_from_toml("again", &text).unwrap(), plan);
    let error =
        plan_from_toml("bad.toml", &text.replace("target = 1.05", "target = 0.0")).unwrap_err();
    assert!(
        matches!(&error, CompError::Plan { field, .. } if field.contains("measures[0]") && field.contains("target")),
        "{error}"
    );
    let typo = plan_from_toml("typo.toml", &text.replace("weight = 60", "wieght = 60"));
    assert!(typo.unwrap_err().to_string().contains("typo.toml"));
}

#[test]
fn history_problems_name_file_line_and_column() {
    let good = "csm_id,csm_name,segment,quarter,quarter_index,book_arr_start,num_accounts,renewable_arr,renewed_arr,churned_arr,downgraded_arr,expansion_arr,expansion_quota,grr,nrr,nps,onboarding_days\n\
CSM-001,Maya Ziegler,Mid-Market,2024Q1,1,2051985,66,387365,368233,11628,7504,119814,67700,0.950610,1.259915,52,23\n";
    assert_eq!(
        read_history("h.csv", good.as_bytes()).unwrap().rows.len(),
        1
    );
    for (bad, column) in [
        (good.replace(",52,23", ",152,23"), "nps"),
        (good.replace("0.950610", "0.96"), "grr"),
        (good.replace("2024Q1", "2024-1"), "quarter"),
        (good.replace(",368233,", ",368000,"), "renewed_arr"),
        (good.replace(",66,", ",6x,"), "num_accounts"),
    ] {
        let error = read_history("h.csv", bad.as_bytes()).unwrap_err();
        assert_eq!(error.line, Some(2), "{error}");
        assert_eq!(error.column.as_deref(), Some(column), "{error}");
        assert!(
            error.to_string().starts_with("h.csv, line 2, column "),
            "{error}"
        );
    }
    let missing = good.replace("nps,", "");
    assert!(read_history("h.csv", missing.as_bytes()).is_err());
    let twice = format!("{good}{}", good.lines().nth(1).unwrap());
    let error = read_history("h.csv", twice.as_bytes()).unwrap_err();
    assert_eq!(error.line, Some(3));
}

/// W4 on the shared history. The expected figures are those of bench/w4_reference.py, the
/// independent pandas implementation of WORKLOADS.md W4.
#[test]
fn w4_on_the_shared_history() {
    let history = shared_history();
    let result = backtest(
        &history,
        &example("current.toml"),
        &example("proposed.toml"),
        &BacktestOptions::default(),
    )
    .unwrap();
    assert_eq!(result.quarterly_cost.len(), 16);
    assert_eq!(result.csm_totals.len(), 200);
    assert_eq!(result.payouts.len(), 1_600);
    let [current, proposed] = &result.plan_summary[..] else {
        panic!("two plans")
    };
    assert!(close(current.variable_cost_total, 9_448_200.253_333_334));
    assert!(close(proposed.variable_cost_total, 14_573_150.682_124_38));
    assert!(close(
        current.spearman_perf_vs_payout.unwrap(),
        0.972_016_800_420_010_6
    ));
    assert!(close(
        proposed.spearman_perf_vs_payout.unwrap(),
        0.848_379_209_480_237
    ));
    assert_eq!(
        (current.top_decile_overlap, proposed.top_decile_overlap),
        (15, 13)
    );
    assert!(close(
        proposed.payout_p90_p10_ratio.unwrap(),
        1.738_242_323_887_309
    ));
    // Fewer top performers among the top earners and a lower Spearman: not rewarded.
    assert!(!result.verdict.top_performers_rewarded);
    assert_eq!(result.verdict.headline, "Top performers not rewarded");
}

/// A stress trial with no volatility replays the base year, so it costs what the backtest paid
/// for quarters 5–8 (the same payout code serves both).
#[test]
fn stress_without_volatility_replays_the_base_year() {
    let history = shared_history();
    let plans = [example("current.toml"), example("proposed.toml")];
    let setup = StressSetup {
        trials: 3,
        team_churn_sigma: 0.0,
        team_expansion_sigma: 0.0,
        csm_churn_sigma: 0.0,
        csm_expansion_sigma: 0.0,
        ..StressSetup::default()
    };
    let run = simulate(&history, &plans, &setup).unwrap();
    for (p, plan) in plans.iter().enumerate() {
        let engine = PlanEngine::new(plan, &history).unwrap();
        let paid: f64 = engine
            .history_payouts(&history)
            .iter()
            .zip(&history.rows)
            .filter(|(_, r)| r.quarter_index >= 5)
            .map(|(v, _)| v)
            .sum();
        for cost in &run.costs[p] {
            assert!((cost - paid).abs() <= 1e-6 * paid, "{cost} vs {paid}");
        }
    }
}

fn bands(seed: u64, generator: Generator) -> (f64, f64, f64) {
    let setup = StressSetup {
        trials: 400,
        seed,
        generator,
        ..StressSetup::default()
    };
    let run = simulate(&shared_history(), &[example("proposed.toml")], &setup).unwrap();
    let s = summarize("proposed", &run.costs[0], 7_200_000.0);
    (s.p5, s.p50, s.p95)
}

#[test]
fn the_same_seed_gives_the_same_bands() {
    for generator in [Generator::Exact, Generator::Free] {
        assert_eq!(bands(11, generator), bands(11, generator));
        assert_ne!(bands(11, generator), bands(12, generator));
    }
}

fn curve_strategy() -> impl Strategy<Value = PayoutCurve> {
    (
        prop::collection::vec((0.01f64..1.0, 0.0f64..3.0, 0.0f64..0.3), 0..4),
        prop::option::of(0.5f64..3.0),
        0.0f64..3.0,
    )
        .prop_map(|(steps, cap, first_rate)| {
            let mut tiers = vec![Tier {
                from: 0.0,
                rate: first_rate,
                jump: 0.0,
            }];
            let mut from = 0.0;
            for (gap, rate, jump) in steps {
                from += gap;
                tiers.push(Tier { from, rate, jump });
            }
            PayoutCurve { tiers, cap }
        })
}

proptest! {
    /// Payouts are never negative, whatever the attainment.
    #[test]
    fn payouts_are_never_negative(curve in curve_strategy(), a in -5.0f64..5.0) {
        prop_assert!(curve.payout(a) >= 0.0);
    }

    /// Under a non-decreasing curve a higher attainment never pays less.
    #[test]
    fn higher_attainment_never_pays_less(curve in curve_strategy(), a in -1.0f64..4.0, more in 0.0f64..2.0) {
        prop_assert!(curve.payout(a + more) >= curve.payout(a));
    }

    /// The same holds for a whole plan on a CSM-quarter, through thresholds and weights.
    #[test]
    fn better_grr_never_pays_less(curve in curve_strategy(), threshold in prop::option::of(0.5f64..1.0), grr in 0.0f64..1.0, more in 0.0f64..0.5) {
        let plan = plan_with(vec![grr_measure(threshold, curve)]);
        let mut row = csm_001_2024q1();
        row.grr = grr;
        let low = only_payout(&plan, row.clone());
        row.grr = grr + more;
        let high = only_payout(&plan, row);
        prop_assert!(low >= 0.0 && high >= low);
    }
}
