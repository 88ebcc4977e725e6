//! The risk bands (issue #4 part 4): seeded Monte Carlo over new logos, churn, expansion,
//! activities per customer and attrition. Percentiles as the comp stress test's (linear
//! between closest ranks).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::Cents;
use csplan_domain::compensation::Progress;
use csplan_domain::forecast::{
    ArrMovement, Band, Drivers, ForecastError, ForecastInputs, LogoMovement, MoneyBand,
    RequiredBasis, SegmentForecast, Spread, Uncertainty, forecast, simulate,
};
use csplan_domain::segmentation::IsoDate;
use proptest::prelude::*;

fn segment(name: &str, logos: f64, arr: i64, csms: f64, activities: f64) -> SegmentForecast {
    SegmentForecast {
        segment: name.to_string(),
        opening_logos: logos,
        opening_arr: Cents::from_dollars(arr),
        current_csms: csms,
        activities_per_customer_per_month: activities,
        base: Drivers {
            new_logos: LogoMovement::Rate { rate: 0.06 },
            new_logo_arr: Cents::from_dollars(arr / logos as i64),
            churn: ArrMovement::Rate { rate: 0.03 },
            contraction: ArrMovement::Rate { rate: 0.01 },
            expansion: ArrMovement::Rate { rate: 0.03 },
        },
        overrides: Vec::new(),
    }
}

fn inputs() -> ForecastInputs {
    let mut inputs = ForecastInputs::new(
        IsoDate::parse("2027-01-01").unwrap(),
        vec![
            segment("Enterprise", 60.0, 12_000_000, 7.0, 26.0),
            segment("Mid-Market", 300.0, 15_000_000, 9.0, 7.8),
            segment("SMB", 1_600.0, 8_000_000, 4.0, 3.75),
        ],
    );
    inputs.supply.attrition_per_year = 0.15;
    inputs.cost.support_cost_per_year = Cents::from_dollars(600_000);
    inputs
}

fn fixed(trials: u32) -> Uncertainty {
    Uncertainty {
        trials,
        seed: 7,
        new_logos: Spread::Fixed,
        churn: Spread::Fixed,
        expansion: Spread::Fixed,
        activities: Spread::Fixed,
        attrition: Spread::Fixed,
    }
}

fn point(value: f64) -> Band {
    Band {
        p10: value,
        p50: value,
        p90: value,
    }
}

fn money_point(value: Cents) -> MoneyBand {
    MoneyBand {
        p10: value,
        p50: value,
        p90: value,
    }
}

/// With nothing uncertain every trial is the deterministic plan, so each band collapses onto it
/// exactly: the Monte Carlo runs the plan's own engine.
#[test]
fn fixed_spreads_collapse_onto_the_plan() {
    let plan = forecast(&inputs()).unwrap();
    let bands = simulate(&inputs(), &fixed(50), &Progress::new()).unwrap();
    for (band, total) in bands.quarters.iter().zip(&plan.totals) {
        assert_eq!(band.required_fte, point(total.team.required_fte));
        assert_eq!(
            band.required_headcount,
            point(total.team.required_headcount as f64)
        );
        assert_eq!(
            band.cumulative_hires,
            point(total.team.cumulative_hires as f64)
        );
        assert_eq!(band.closing_arr, money_point(total.book.closing_arr));
        assert_eq!(band.cs_cost, money_point(total.cost.cs_cost));
    }
    for (bands, outlook) in bands.segments.iter().zip(&plan.segments) {
        assert_eq!(bands.segment, outlook.segment);
        for (band, row) in bands.quarters.iter().zip(&outlook.quarters) {
            assert_eq!(band.required_fte, point(row.team.required_fte));
            assert_eq!(band.cs_cost, money_point(row.cost.cs_cost));
        }
    }
}

/// DESIGN.md "Decisions": the same seed gives the same bands, bit for bit; another seed moves
/// them.
#[test]
fn same_seed_same_bands() {
    let u = Uncertainty {
        trials: 4_000,
        ..Uncertainty::default()
    };
    let a = simulate(&inputs(), &u, &Progress::new()).unwrap();
    let b = simulate(&inputs(), &u, &Progress::new()).unwrap();
    assert_eq!(a, b);
    let c = simulate(
        &inputs(),
        &Uncertainty {
            seed: u.seed + 1,
            ..u.clone()
        },
        &Progress::new(),
    )
    .unwrap();
    assert_ne!(a.quarters, c.quarters);
    assert_eq!((a.trials, a.seed), (4_000, u.seed));
}

/// UI.md "Long work shows progress and can be cancelled": every trial is counted, and a
/// cancelled run answers Stopped.
#[test]
fn progress_and_cancel() {
    let progress = Progress::new();
    simulate(&inputs(), &fixed(2_500), &progress).unwrap();
    assert_eq!(progress.trials_done(), 2_500);
    let cancelled = Progress::new();
    cancelled.cancel();
    assert_eq!(
        simulate(&inputs(), &fixed(2_500), &cancelled),
        Err(ForecastError::Stopped)
    );
}

#[test]
fn bad_spreads_are_named() {
    let run = |u: Uncertainty| {
        simulate(&inputs(), &u, &Progress::new())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        run(Uncertainty {
            churn: Spread::Triangular {
                min: 1.2,
                mode: 1.0,
                max: 1.5
            },
            ..Uncertainty::default()
        }),
        "Risk bands: churn needs min <= most likely <= max (it has 1.2, 1, 1.5)."
    );
    assert_eq!(
        run(Uncertainty {
            attrition: Spread::Normal {
                mean: 1.0,
                sd: -0.1
            },
            ..Uncertainty::default()
        }),
        "Risk bands: attrition needs a mean and a standard deviation of 0 or more (mean 1, sd -0.1)."
    );
    assert_eq!(
        run(Uncertainty {
            trials: 0,
            ..Uncertainty::default()
        }),
        "Risk bands: trials must be from 1 to 100000 (it is 0)."
    );
}

fn within(band: &Band, value: f64) -> bool {
    band.p10 <= band.p50 && band.p50 <= band.p90 && band.p10 <= value && value <= band.p90
}

fn within_money(band: &MoneyBand, value: Cents) -> bool {
    band.p10 <= band.p50 && band.p50 <= band.p90 && band.p10 <= value && value <= band.p90
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// P10 <= P50 <= P90, and with every distribution centred on the plan (symmetric
    /// triangular or normal around 1) the bands contain the deterministic plan.
    #[test]
    fn bands_are_ordered_and_contain_the_plan(
        seed in any::<u64>(),
        width in 0.05..0.5f64,
        normal in any::<bool>(),
        basis in prop_oneof![
            Just(RequiredBasis::TopDown),
            Just(RequiredBasis::BottomUp),
            Just(RequiredBasis::Max)
        ],
    ) {
        let spread = if normal {
            Spread::Normal { mean: 1.0, sd: width / 2.0 }
        } else {
            Spread::Triangular { min: 1.0 - width, mode: 1.0, max: 1.0 + width }
        };
        let u = Uncertainty {
            trials: 2_000,
            seed,
            new_logos: spread,
            churn: spread,
            expansion: spread,
            activities: spread,
            attrition: spread,
        };
        let mut inputs = inputs();
        inputs.basis = basis;
        let plan = forecast(&inputs).unwrap();
        let bands = simulate(&inputs, &u, &Progress::new()).unwrap();
        for (band, total) in bands.quarters.iter().zip(&plan.totals) {
            prop_assert!(within(&band.required_fte, total.team.required_fte), "{:?} vs {}", band.required_fte, total.team.required_fte);
            prop_assert!(within(&band.required_headcount, total.team.required_headcount as f64));
            prop_assert!(within(&band.cumulative_hires, total.team.cumulative_hires as f64), "{:?} vs {}", band.cumulative_hires, total.team.cumulative_hires);
            prop_assert!(within_money(&band.closing_arr, total.book.closing_arr));
            prop_assert!(within_money(&band.cs_cost, total.cost.cs_cost));
        }
        for (bands, outlook) in bands.segments.iter().zip(&plan.segments) {
            for (band, row) in bands.quarters.iter().zip(&outlook.quarters) {
                prop_assert!(within(&band.required_fte, row.team.required_fte));
                prop_assert!(within(&band.required_headcount, row.team.required_headcount as f64));
            }
        }
    }
}
