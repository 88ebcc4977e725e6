//! Worked examples computed by hand from DOMAIN.md §1.1 (the Chapter 3 exercise) and §8.1
//! (defaults), plus the invariants the planner must keep whatever the inputs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// Amounts in cents are written as dollars followed by `_00`.
#![allow(clippy::inconsistent_digit_grouping)]

use csplan_domain::Cents;
use csplan_domain::capacity::{
    Activity, CapacityParams, Rounding, ScenarioInputs, SegmentCatalog, TouchModel, Verdict,
    compare, plan, run,
};
use csplan_domain::segmentation::{SegmentBook, TierBounds};
use proptest::prelude::*;

fn catalog(segment: &str, activities_per_month: f64) -> SegmentCatalog {
    SegmentCatalog {
        segment: segment.to_string(),
        activities: vec![Activity {
            name: "All touches".into(),
            per_customer_per_month: activities_per_month,
            minutes: 15.0,
        }],
    }
}

fn params_with(catalogs: Vec<SegmentCatalog>) -> CapacityParams {
    CapacityParams {
        catalogs,
        ..CapacityParams::default()
    }
}

fn book(segment: &str, accounts: u64, arr_dollars: i64) -> SegmentBook {
    SegmentBook {
        segment: segment.to_string(),
        accounts,
        total_arr: Cents::from_dollars(arr_dollars),
    }
}

/// DOMAIN.md §1.1: $30M ARR / $1.5M = 20 CSMs; 400 customers / 20 = 20 per CSM, "<50" = high
/// touch. Bottom-up with 12 activities a month: 600 / 12 = 50 customers per CSM, which is low
/// touch ("50-200"); 400 customers need 400 / 50 = 8 CSMs.
#[test]
fn thirty_million_and_four_hundred_customers() {
    let plan = plan(
        &[book("Enterprise", 400, 30_000_000)],
        &params_with(vec![catalog("Enterprise", 12.0)]),
    )
    .unwrap();
    let segment = &plan.segments[0];
    assert_eq!(segment.top_down.fte, 20.0);
    assert_eq!(segment.top_down.headcount, 20);
    assert_eq!(segment.top_down.customers_per_csm, Some(20.0));
    assert_eq!(segment.top_down.touch, Some(TouchModel::HighTouch));
    assert_eq!(segment.activities_per_customer_per_month, 12.0);
    assert_eq!(segment.bottom_up.customers_per_csm, Some(50.0));
    assert_eq!(segment.bottom_up.touch, Some(TouchModel::LowTouch));
    assert_eq!(segment.bottom_up.fte, 8.0);
    assert_eq!(segment.bottom_up.headcount, 8);
    assert_eq!(segment.gap_fte, -12.0);
    assert_eq!(segment.gap_headcount, -12);
    // $30M / 8 CSMs = $3.75M each; 600 / 20 customers = 30 affordable activities a month.
    assert_eq!(
        segment.implied_arr_per_csm,
        Some(Cents::from_dollars(3_750_000))
    );
    assert_eq!(segment.affordable_activities_per_customer, Some(30.0));
    assert_eq!(segment.verdict, Verdict::TopDownFundsMore);
    assert_eq!(
        segment.explanation,
        "Enterprise: its $30M ARR funds 20.0 CSMs at $1.5M per CSM (high-touch), but the \
         activities you chose need only 8.0 (low-touch). You can afford a richer model of up to \
         30.0 activities per customer a month, or run the chosen model with 12.0 fewer CSMs (each \
         would carry $3.8M of ARR)."
    );
    assert_eq!(plan.headline, "20 CSMs top-down, 8 bottom-up");
}

/// DOMAIN.md §1.1 footnote **, §8.1: the hours view of 600 activities a month.
#[test]
fn hours_view() {
    let plan = plan(
        &[book("SMB", 600, 3_000_000)],
        &params_with(vec![SegmentCatalog {
            segment: "SMB".into(),
            activities: vec![
                Activity {
                    name: "Check-in call".into(),
                    per_customer_per_month: 0.5,
                    minutes: 30.0,
                },
                Activity {
                    name: "Health review email".into(),
                    per_customer_per_month: 0.5,
                    minutes: 6.0,
                },
            ],
        }]),
    )
    .unwrap();
    assert_eq!(plan.activities_per_day, 30.0);
    assert_eq!(plan.minutes_per_activity, 15.0);
    assert_eq!(plan.hours_per_month, 150.0);
    let smb = &plan.segments[0];
    // 0.5 x 30 + 0.5 x 6 = 18 minutes per customer a month; 600 / 1 = 600 customers per CSM,
    // whose book takes 600 x 18 / 60 = 180 hours a month.
    assert_eq!(smb.minutes_per_customer_per_month, 18.0);
    assert_eq!(smb.bottom_up.customers_per_csm, Some(600.0));
    assert_eq!(smb.hours_per_csm_per_month, Some(180.0));
}

/// DOMAIN.md §1.1 step 3 with the 200-is-automated convention, through the planner: 600 / 12 =
/// 50 (low), 600 / 3 = 200 (automated); ARR giving 49.99 and 199.99 customers per CSM.
#[test]
fn touch_boundaries_through_the_planner() {
    let cases = [
        (12.0, TouchModel::LowTouch),
        (3.0, TouchModel::Automated),
        (600.0 / 199.99, TouchModel::LowTouch),
        (600.0 / 49.99, TouchModel::HighTouch),
    ];
    for (activities, expected) in cases {
        let plan = plan(
            &[book("Mid-Market", 100, 1_000_000)],
            &params_with(vec![catalog("Mid-Market", activities)]),
        )
        .unwrap();
        assert_eq!(
            plan.segments[0].bottom_up.touch,
            Some(expected),
            "{activities}"
        );
    }
    // Top-down: 4,999 customers on $150M (100 CSMs) = 49.99 per CSM; 5,000 = 50.
    for (accounts, expected) in [
        (4_999, TouchModel::HighTouch),
        (5_000, TouchModel::LowTouch),
    ] {
        let plan = plan(
            &[book("Mid-Market", accounts, 150_000_000)],
            &params_with(vec![catalog("Mid-Market", 1.0)]),
        )
        .unwrap();
        assert_eq!(plan.segments[0].top_down.touch, Some(expected));
    }
}

/// W3's total row: headcount is the sum of the per-segment ceilings; customers per CSM is total
/// accounts over total FTE.
#[test]
fn totals_add_segments_and_round_per_segment() {
    let plan = plan(
        &[
            book("Enterprise", 10, 2_250_000), // 1.5 CSMs -> 2
            book("SMB", 300, 2_250_000),       // 1.5 CSMs -> 2
        ],
        &params_with(vec![catalog("Enterprise", 30.0), catalog("SMB", 1.0)]),
    )
    .unwrap();
    assert_eq!(plan.total.accounts, 310);
    assert_eq!(plan.total.total_arr, Cents::from_dollars(4_500_000));
    assert_eq!(plan.total.top_down.fte, 3.0);
    assert_eq!(plan.total.top_down.headcount, 4);
    assert_eq!(plan.total.top_down.customers_per_csm, Some(310.0 / 3.0));
    // Bottom-up: 10 x 30 / 600 = 0.5 -> 1; 300 x 1 / 600 = 0.5 -> 1.
    assert_eq!(plan.total.bottom_up.fte, 1.0);
    assert_eq!(plan.total.bottom_up.headcount, 2);
    assert_eq!(plan.total.top_down.touch, None);
    assert_eq!(plan.headline, "4 CSMs top-down, 2 bottom-up");
}

#[test]
fn named_rounding_changes_only_the_hiring_number() {
    let mut params = params_with(vec![catalog("SMB", 1.0)]);
    params.rounding = Rounding::Floor;
    let plan = plan(&[book("SMB", 10, 2_700_000)], &params).unwrap();
    assert_eq!(plan.segments[0].top_down.fte, 1.8);
    assert_eq!(plan.segments[0].top_down.headcount, 1);
    assert_eq!(plan.rounding, Rounding::Floor);
}

#[test]
fn bottom_up_needing_more_says_so() {
    let plan = plan(
        &[book("Enterprise", 100, 3_000_000)],
        &params_with(vec![catalog("Enterprise", 24.0)]),
    )
    .unwrap();
    let segment = &plan.segments[0];
    // Top-down 2 CSMs (50 customers each, low-touch); bottom-up 100 x 24 / 600 = 4 (25 each).
    assert_eq!(segment.verdict, Verdict::BottomUpNeedsMore);
    assert_eq!(
        segment.explanation,
        "Enterprise: the activities you want need 4.0 CSMs (high-touch), but its $3M ARR funds \
         only 2.0 at $1.5M per CSM (low-touch). Afford the model you want with 2.0 more CSMs (each \
         would carry $750k of ARR), or change the model to at most 12.0 activities per customer a \
         month."
    );
}

#[test]
fn matching_methods_say_keep_it() {
    let plan = plan(
        &[book("Mid-Market", 200, 3_000_000)],
        &params_with(vec![catalog("Mid-Market", 6.0)]),
    )
    .unwrap();
    assert_eq!(plan.segments[0].verdict, Verdict::Match);
    assert!(
        plan.segments[0]
            .explanation
            .starts_with("Mid-Market: both methods hire 2 CSMs")
    );
}

#[test]
fn a_segment_without_catalogue_is_named() {
    let error = plan(&[book("Strategic", 5, 1_000_000)], &params_with(vec![])).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Segment Strategic has no activity catalogue. Add one so its bottom-up need can be computed."
    );
}

#[test]
fn run_segments_then_plans() {
    let book: Vec<Cents> = ["150000", "99999.99", "25000", "24999.99", "600"]
        .iter()
        .map(|s| Cents::parse_decimal(s).unwrap())
        .collect();
    let plan = run(&book, &ScenarioInputs::default()).unwrap();
    let rows: Vec<(&str, u64)> = plan
        .segments
        .iter()
        .map(|s| (s.segment.as_str(), s.accounts))
        .collect();
    assert_eq!(rows, [("Enterprise", 1), ("Mid-Market", 2), ("SMB", 2)]);
    let bad = ScenarioInputs {
        tiers: TierBounds {
            enterprise_from: Cents(100),
            mid_market_from: Cents(100),
        },
        ..ScenarioInputs::default()
    };
    assert!(run(&book, &bad).is_err());
}

#[test]
fn comparing_two_scenarios() {
    let a = plan(
        &[book("SMB", 600, 3_000_000)],
        &params_with(vec![catalog("SMB", 1.0)]),
    )
    .unwrap();
    let mut cheaper = params_with(vec![catalog("SMB", 0.5)]);
    cheaper.arr_per_csm = Cents::from_dollars(2_000_000);
    let b = plan(&[book("SMB", 600, 3_000_000)], &cheaper).unwrap();
    let rows = compare(&a, &b);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].segment, "SMB");
    assert_eq!(rows[0].top_down.fte_a, 2.0);
    assert_eq!(rows[0].top_down.fte_b, 1.5);
    assert_eq!(rows[0].top_down.headcount_change, 0);
    assert_eq!(rows[0].bottom_up.fte_change, -0.5);
    assert_eq!(rows[1].segment, "Total");
}

proptest! {
    /// More ARR never needs fewer CSMs (top-down), at any ARR per CSM and rounding.
    #[test]
    fn more_arr_never_needs_fewer_csms(
        arr in 0i64..5_000_000_000_00,
        more in 0i64..1_000_000_000_00,
        per_csm in 100_000_00i64..5_000_000_00,
        accounts in 1u64..100_000,
        rounding in prop_oneof![Just(Rounding::Ceiling), Just(Rounding::Nearest), Just(Rounding::Floor)],
    ) {
        let mut params = params_with(vec![catalog("SMB", 1.0)]);
        params.arr_per_csm = Cents(per_csm);
        params.rounding = rounding;
        let at = |arr: i64| {
            let b = SegmentBook { segment: "SMB".into(), accounts, total_arr: Cents(arr) };
            plan(&[b], &params).unwrap().total.top_down
        };
        let (low, high) = (at(arr), at(arr + more));
        prop_assert!(high.fte >= low.fte);
        prop_assert!(high.headcount >= low.headcount);
    }

    /// More activities per customer never allow more customers per CSM, and never need fewer CSMs.
    #[test]
    fn more_activities_never_allow_more_customers_per_csm(
        activities in 0.01f64..100.0,
        extra in 0.0f64..100.0,
        accounts in 1u64..100_000,
        capacity in 100.0f64..2_000.0,
    ) {
        let at = |a: f64| {
            let mut params = params_with(vec![catalog("SMB", a)]);
            params.csm_activities_per_month = capacity;
            let b = SegmentBook { segment: "SMB".into(), accounts, total_arr: Cents(1) };
            plan(&[b], &params).unwrap().segments[0].bottom_up.clone()
        };
        let (light, heavy) = (at(activities), at(activities + extra));
        prop_assert!(heavy.customers_per_csm.unwrap() <= light.customers_per_csm.unwrap());
        prop_assert!(heavy.fte >= light.fte);
        prop_assert!(heavy.headcount >= light.headcount);
    }

    /// Headcount is never below the exact FTE under ceiling rounding, and never a whole person
    /// more (beyond float noise).
    #[test]
    fn ceiling_headcount_covers_fte(arr in 1i64..10_000_000_000_00, accounts in 1u64..1_000_000) {
        let params = params_with(vec![catalog("SMB", 1.0)]);
        let b = SegmentBook { segment: "SMB".into(), accounts, total_arr: Cents(arr) };
        let side = plan(&[b], &params).unwrap().total.top_down;
        prop_assert!(side.headcount as f64 >= side.fte - 1e-6);
        prop_assert!((side.headcount as f64) < side.fte + 1.0);
    }
}
