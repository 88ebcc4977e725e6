//! Issue #4 part 10: a 10,000-trial Monte Carlo over 8 quarters and 5 segments completes in
//! under 200 ms on the 2-core machine. Also times one deterministic plan (the page recomputes it
//! on every keystroke).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use csplan_domain::Cents;
use csplan_domain::compensation::Progress;
use csplan_domain::forecast::{
    ArrMovement, Drivers, ForecastInputs, LogoMovement, QuarterOverride, RequiredBasis,
    SegmentForecast, Uncertainty, forecast, simulate,
};
use csplan_domain::segmentation::IsoDate;
use std::hint::black_box;

/// Five segments with every driver moving, a per-quarter override, attrition and the larger of
/// both models, so every path of the engine runs.
fn inputs() -> ForecastInputs {
    let segments = [
        ("Strategic", 25.0, 15_000_000, 8.0, 30.0),
        ("Enterprise", 120.0, 18_000_000, 12.0, 26.0),
        ("Mid-Market", 600.0, 21_000_000, 14.0, 7.8),
        ("SMB", 2_500.0, 9_000_000, 6.0, 3.75),
        ("Self-serve", 9_000.0, 4_500_000, 2.0, 0.5),
    ]
    .into_iter()
    .map(|(name, logos, arr, csms, activities)| SegmentForecast {
        segment: name.to_string(),
        opening_logos: logos,
        opening_arr: Cents::from_dollars(arr),
        current_csms: csms,
        activities_per_customer_per_month: activities,
        base: Drivers {
            new_logos: LogoMovement::Rate { rate: 0.07 },
            new_logo_arr: Cents::from_dollars(arr / logos as i64),
            churn: ArrMovement::Rate { rate: 0.025 },
            contraction: ArrMovement::Rate { rate: 0.01 },
            expansion: ArrMovement::Rate { rate: 0.035 },
        },
        overrides: vec![QuarterOverride {
            quarter: 4,
            churn: Some(ArrMovement::Rate { rate: 0.05 }),
            ..QuarterOverride::default()
        }],
    })
    .collect();
    let mut inputs = ForecastInputs::new(IsoDate::parse("2027-01-01").unwrap(), segments);
    inputs.quarters = 8;
    inputs.basis = RequiredBasis::Max;
    inputs.supply.attrition_per_year = 0.15;
    inputs
}

fn risk_bands(c: &mut Criterion) {
    let inputs = inputs();
    let uncertainty = Uncertainty {
        trials: 10_000,
        ..Uncertainty::default()
    };
    let mut group = c.benchmark_group("forecast");
    group.sample_size(20);
    group.bench_function("risk bands: 10,000 trials, 8 quarters, 5 segments", |b| {
        b.iter(|| {
            simulate(
                black_box(&inputs),
                black_box(&uncertainty),
                &Progress::new(),
            )
            .unwrap()
        })
    });
    group.bench_function("plan: 8 quarters, 5 segments", |b| {
        b.iter(|| forecast(black_box(&inputs)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, risk_bands);
criterion_main!(benches);
