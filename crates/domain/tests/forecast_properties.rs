//! Invariants of the plan over time (issue #4 part 9), checked on random books.
//!
//! About churn: the issue asks that "higher churn never lowers required headcount under
//! top-down". Under DOMAIN.md §1.1's top-down model required CSMs = ARR / ARR per CSM, and gross
//! churn removes ARR, so higher churn can only lower (never raise) the top-down need; the literal
//! wording cannot hold. What is true, and tested here:
//! * more ARR never needs fewer CSMs (top-down), nor earlier hires later;
//! * higher churn never raises the required FTE, top-down or bottom-up (it removes ARR and, at
//!   the book's average ARR per logo, logos);
//! * a longer ramp never moves a hire date (start or requisition) later, nor does a longer lead
//!   time move a requisition later (§1.3 items 2-3);
//! * the book adds up to the cent and the totals are the sums of the segments.
//!
//! Money is rounded to the cent once per movement, so two books a few cents apart can differ by
//! a cent the "wrong" way; FTE comparisons allow 1e-7 FTE (15 cents at $1.5M per CSM).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::Cents;
use csplan_domain::forecast::{
    ArrMovement, Drivers, Forecast, ForecastInputs, LogoMovement, RampProfile, RequiredBasis,
    SegmentForecast, forecast,
};
use csplan_domain::segmentation::IsoDate;
use proptest::prelude::*;

const FTE_SLACK: f64 = 1e-7;

#[derive(Debug, Clone)]
struct Book {
    logos: f64,
    arr_dollars: i64,
    csms: f64,
    activities: f64,
    new_rate: f64,
    new_logo_dollars: i64,
    churn: f64,
    contraction: f64,
    expansion: f64,
}

fn book() -> impl Strategy<Value = Book> {
    (
        (
            1.0..2_000.0f64,
            10_000i64..100_000_000,
            0.0..40.0f64,
            0.5..30.0f64,
        ),
        (0.0..0.3f64, 0i64..500_000),
        (0.0..0.2f64, 0.0..0.1f64, 0.0..0.2f64),
    )
        .prop_map(
            |(
                (logos, arr_dollars, csms, activities),
                (new_rate, new_logo_dollars),
                (churn, contraction, expansion),
            )| Book {
                logos: logos.round(),
                arr_dollars,
                csms: csms.round(),
                activities,
                new_rate,
                new_logo_dollars,
                churn,
                contraction,
                expansion,
            },
        )
}

fn segment(name: &str, b: &Book) -> SegmentForecast {
    SegmentForecast {
        segment: name.to_string(),
        opening_logos: b.logos,
        opening_arr: Cents::from_dollars(b.arr_dollars),
        current_csms: b.csms,
        activities_per_customer_per_month: b.activities,
        base: Drivers {
            new_logos: LogoMovement::Rate { rate: b.new_rate },
            new_logo_arr: Cents::from_dollars(b.new_logo_dollars),
            churn: ArrMovement::Rate { rate: b.churn },
            contraction: ArrMovement::Rate {
                rate: b.contraction,
            },
            expansion: ArrMovement::Rate { rate: b.expansion },
        },
        overrides: Vec::new(),
    }
}

fn plan(books: &[Book], quarters: u32, attrition: f64, basis: RequiredBasis) -> ForecastInputs {
    let segments = books
        .iter()
        .enumerate()
        .map(|(i, b)| segment(&format!("Segment {}", i + 1), b))
        .collect();
    let mut inputs = ForecastInputs::new(IsoDate::parse("2027-01-01").unwrap(), segments);
    inputs.quarters = quarters;
    inputs.supply.attrition_per_year = attrition;
    inputs.basis = basis;
    inputs
}

fn required(plan: &Forecast) -> Vec<f64> {
    plan.segments
        .iter()
        .flat_map(|s| s.quarters.iter().map(|q| q.team.required_fte))
        .collect()
}

fn cumulative_hires(plan: &Forecast) -> Vec<u64> {
    plan.totals
        .iter()
        .map(|t| t.team.cumulative_hires)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// §1.1 step 1: more ARR never needs fewer CSMs, in any quarter, and (with no attrition,
    /// where every hire stays) never fewer hires by any quarter.
    #[test]
    fn more_arr_never_needs_fewer_csms(
        books in prop::collection::vec(book(), 1..4),
        extra in 10_000i64..5_000_000,
        quarters in 2u32..=12,
    ) {
        let base = plan(&books, quarters, 0.0, RequiredBasis::TopDown);
        let mut richer = base.clone();
        richer.segments[0].opening_arr += Cents::from_dollars(extra);
        let (a, b) = (forecast(&base).unwrap(), forecast(&richer).unwrap());
        for (x, y) in required(&a).iter().zip(required(&b)) {
            prop_assert!(y >= x - FTE_SLACK, "{y} < {x}");
        }
        for (x, y) in cumulative_hires(&a).iter().zip(cumulative_hires(&b)) {
            prop_assert!(y >= *x, "{y} hires < {x}");
        }
    }

    /// Higher churn never raises the required FTE, top-down or bottom-up.
    #[test]
    fn higher_churn_never_raises_the_need(
        books in prop::collection::vec(book(), 1..4),
        more in 0.0..0.5f64,
        quarters in 2u32..=12,
        bottom_up in any::<bool>(),
    ) {
        let basis = if bottom_up { RequiredBasis::BottomUp } else { RequiredBasis::TopDown };
        let base = plan(&books, quarters, 0.1, basis);
        let mut worse = base.clone();
        for s in &mut worse.segments {
            if let ArrMovement::Rate { rate } = s.base.churn {
                s.base.churn = ArrMovement::Rate { rate: (rate + more).min(1.0) };
            }
        }
        let (a, b) = (forecast(&base).unwrap(), forecast(&worse).unwrap());
        for (x, y) in required(&a).iter().zip(required(&b)) {
            prop_assert!(y <= x + FTE_SLACK, "{y} > {x}");
        }
    }

    /// §1.3 item 2: a longer ramp never moves a hire's start or requisition later; §1.3 item
    /// 3: nor does a longer lead time move a requisition later.
    #[test]
    fn longer_ramp_or_lead_time_never_hires_later(
        books in prop::collection::vec(book(), 1..4),
        ramp in prop::collection::vec(0.0..0.99f64, 0..8),
        extra_month in 0.0..0.99f64,
        lead in 0u32..400,
        more_lead in 0u32..200,
        attrition in 0.0..0.4f64,
    ) {
        let mut base = plan(&books, 8, attrition, RequiredBasis::Max);
        base.supply.ramp = RampProfile { productivity_by_month: ramp.clone() };
        base.supply.lead_time_days = lead;
        let mut longer = base.clone();
        longer.supply.ramp.productivity_by_month.push(extra_month);
        longer.supply.lead_time_days = lead + more_lead;
        let (a, b) = (forecast(&base).unwrap(), forecast(&longer).unwrap());
        prop_assert_eq!(a.hires.len(), b.hires.len());
        for h in &a.hires {
            let other = b.hires.iter().find(|o| o.segment == h.segment && o.number == h.number).unwrap();
            prop_assert_eq!(other.for_quarter, h.for_quarter);
            prop_assert!(other.start <= h.start);
            prop_assert!(other.requisition_open <= h.requisition_open);
            prop_assert!(other.fully_ramped == h.fully_ramped);
        }
    }

    /// §1.4: every quarter's book adds up to the cent, one quarter closes where the next opens,
    /// and every total is the sum of its segments.
    #[test]
    fn books_and_totals_add_up(
        books in prop::collection::vec(book(), 1..5),
        quarters in 2u32..=12,
        attrition in 0.0..0.5f64,
    ) {
        let f = forecast(&plan(&books, quarters, attrition, RequiredBasis::Max)).unwrap();
        for s in &f.segments {
            for pair in s.quarters.windows(2) {
                prop_assert_eq!(pair[0].book.closing_arr, pair[1].book.opening_arr);
                prop_assert_eq!(pair[0].book.closing_logos, pair[1].book.opening_logos);
            }
            for q in &s.quarters {
                let b = &q.book;
                prop_assert_eq!(
                    b.closing_arr,
                    b.opening_arr + b.new_arr + b.expansion_arr - b.contraction_arr - b.churned_arr
                );
                prop_assert!(b.closing_arr.0 >= 0);
                prop_assert!(q.team.effective_fte >= 0.0);
                prop_assert_eq!(q.cost.cs_cost, q.cost.csm_cost + q.cost.manager_cost);
            }
        }
        for (i, t) in f.totals.iter().enumerate() {
            let sum: Cents = f.segments.iter().map(|s| s.quarters[i].book.closing_arr).sum();
            prop_assert_eq!(t.book.closing_arr, sum);
            let cost: Cents = f.segments.iter().map(|s| s.quarters[i].cost.cs_cost).sum();
            prop_assert_eq!(t.cost.cs_cost, cost);
            let heads: u64 = f.segments.iter().map(|s| s.quarters[i].team.required_headcount).sum();
            prop_assert_eq!(t.team.required_headcount, heads);
        }
        let hires: u64 = f.totals.iter().map(|t| t.team.hires).sum();
        prop_assert_eq!(hires as usize, f.hires.len());
    }
}
