//! The capacity plan over time (issue #4), worked by hand. Sections cited are DOMAIN.md's:
//! §1.1 (top-down and bottom-up), §1.3 (ramp, hiring ahead of the load, CS cost band), §1.4
//! (forecast), §1.10 (ramp, lead time, attrition, cost are user inputs), §5.2 (Magic Number).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::Cents;
use csplan_domain::capacity::{Rounding, TouchModel};
use csplan_domain::forecast::{
    ArrMovement, CostBand, Drivers, ForecastError, ForecastInputs, LogoMovement, Preset,
    QuarterOverride, RampProfile, RequiredBasis, SegmentForecast, compare, forecast, forecast_with,
};
use csplan_domain::segmentation::{IsoDate, SegmentBook};

fn d(text: &str) -> IsoDate {
    IsoDate::parse(text).unwrap()
}

fn dollars(amount: i64) -> Cents {
    Cents::from_dollars(amount)
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{actual} is not {expected}"
    );
}

/// A Mid-Market book of 100 logos and $15M ARR growing 10% a quarter: 10% more logos a quarter,
/// each new logo at the book's average $150,000; 10 CSMs today; 6 activities per customer a
/// month; 4 quarters from 2027-01-01; 3-month ramp, 90-day lead time, no attrition.
fn growing_book() -> ForecastInputs {
    let segment = SegmentForecast {
        segment: "Mid-Market".into(),
        opening_logos: 100.0,
        opening_arr: dollars(15_000_000),
        current_csms: 10.0,
        activities_per_customer_per_month: 6.0,
        base: Drivers {
            new_logos: LogoMovement::Rate { rate: 0.10 },
            new_logo_arr: dollars(150_000),
            ..Drivers::default()
        },
        overrides: Vec::new(),
    };
    let mut inputs = ForecastInputs::new(d("2027-01-01"), vec![segment]);
    inputs.quarters = 4;
    inputs
}

/// §1.4 roll-forward and §1.1 top-down / bottom-up per quarter:
/// ARR 16.5M, 18.15M, 19.965M, 21.9615M -> top-down 11, 12.1, 13.31, 14.641 FTE;
/// logos 110, 121, 133.1, 146.41 x 6 / 600 -> bottom-up 1.1, 1.21, 1.331, 1.4641 FTE.
#[test]
fn growing_book_needs_by_quarter() {
    let plan = forecast(&growing_book()).unwrap();
    let rows = &plan.segments[0].quarters;
    let closing: Vec<Cents> = rows.iter().map(|r| r.book.closing_arr).collect();
    assert_eq!(
        closing,
        [
            Cents(1_650_000_000),
            Cents(1_815_000_000),
            Cents(1_996_500_000),
            Cents(2_196_150_000)
        ]
    );
    assert_eq!(rows[1].book.new_arr, dollars(1_650_000));
    assert_eq!(rows[1].book.opening_arr, dollars(16_500_000));
    let td: Vec<f64> = rows.iter().map(|r| r.top_down.fte).collect();
    assert_eq!(td, [11.0, 12.1, 13.31, 14.641]);
    let td_heads: Vec<u64> = rows.iter().map(|r| r.top_down.headcount).collect();
    assert_eq!(td_heads, [11, 13, 14, 15]);
    let expected_logos = [110.0, 121.0, 133.1, 146.41];
    for (row, (logos, bu)) in rows
        .iter()
        .zip(expected_logos.iter().zip([1.1, 1.21, 1.331, 1.4641]))
    {
        close(row.book.closing_logos, *logos);
        close(row.bottom_up.fte, bu);
        assert_eq!(row.bottom_up.headcount, 2);
        // 600 / 6 = 100 customers per CSM: low-touch (§1.1 step 3).
        assert_eq!(row.bottom_up.customers_per_csm, Some(100.0));
        assert_eq!(row.bottom_up.touch, Some(TouchModel::LowTouch));
    }
    // 110 logos / 11 CSMs = 10 customers per CSM: high-touch.
    assert_eq!(rows[0].top_down.customers_per_csm, Some(10.0));
    assert_eq!(rows[0].top_down.touch, Some(TouchModel::HighTouch));
}

/// §1.3 items 2-3: hires cover each quarter's shortfall (ceiling): 11 - 10 = 1; 12.1 - 11 = 1.1
/// -> 2; 13.31 - 13 -> 1; 14.641 - 14 -> 1. A hire fully productive on the first day of quarter q
/// starts 3 months earlier and its requisition opens 90 days before that.
#[test]
fn growing_book_requisition_dates() {
    let plan = forecast(&growing_book()).unwrap();
    let hires: Vec<u64> = plan.segments[0]
        .quarters
        .iter()
        .map(|r| r.team.hires)
        .collect();
    assert_eq!(hires, [1, 2, 1, 1]);
    let calendar: Vec<(u32, u32, String, String, String, u32)> = plan
        .hires
        .iter()
        .map(|h| {
            (
                h.number,
                h.for_quarter,
                h.requisition_open.to_string(),
                h.start.to_string(),
                h.fully_ramped.to_string(),
                h.late_by_days,
            )
        })
        .collect();
    let row = |n, q, req: &str, start: &str, ramped: &str, late| {
        (
            n,
            q,
            req.to_string(),
            start.to_string(),
            ramped.to_string(),
            late,
        )
    };
    assert_eq!(
        calendar,
        [
            // 2026-07-03 + 90 days = 2026-10-01; 182 days before the plan starts.
            row(1, 1, "2026-07-03", "2026-10-01", "2027-01-01", 182),
            row(2, 2, "2026-10-03", "2027-01-01", "2027-04-01", 90),
            row(3, 2, "2026-10-03", "2027-01-01", "2027-04-01", 90),
            row(4, 3, "2027-01-01", "2027-04-01", "2027-07-01", 0),
            row(5, 4, "2027-04-02", "2027-07-01", "2027-10-01", 0),
        ]
    );
    // Late requisitions opened on the plan's start: 2027-01-01 + 90 days + 3 months.
    let earliest: Vec<String> = plan
        .hires
        .iter()
        .map(|h| h.earliest_fully_ramped.to_string())
        .collect();
    assert_eq!(
        earliest,
        [
            "2027-07-01",
            "2027-07-01",
            "2027-07-01",
            "2027-07-01",
            "2027-10-01"
        ]
    );
    assert_eq!(
        plan.headline,
        "15 CSMs needed by Q4 2027 (top-down): 5 hires, the first requisition opens 2026-07-03 (182 days late)."
    );
    assert_eq!(plan.ramp_months, 3);
}

/// §1.3 items 2-3 (ramp 0% / 50% / 50%, 90-day lead time): the requisitions for Q1 and Q2 are
/// late, so opened on 2027-01-01 those hires start on 2027-04-01 with the Q3 hire: Q1 has only
/// today's 10 CSMs (a shortfall of 1), Q2 adds 4 hires at (0 + 0.5 + 0.5) / 3 = 1/3 each, Q3
/// has them fully and the Q4 hire at 1/3; all of Q2's payroll has 14 CSMs.
#[test]
fn growing_book_effective_capacity() {
    let plan = forecast(&growing_book()).unwrap();
    let teams: Vec<_> = plan.segments[0]
        .quarters
        .iter()
        .map(|r| r.team.clone())
        .collect();
    close(teams[0].existing_fte, 10.0);
    close(teams[0].ramped_hires_fte, 0.0);
    close(teams[0].ramping_fte, 0.0);
    close(teams[0].effective_fte, 10.0);
    close(teams[0].surplus_fte, -1.0);
    close(teams[0].paid_fte, 10.0);
    close(teams[1].ramping_fte, 4.0 / 3.0);
    close(teams[1].effective_fte, 10.0 + 4.0 / 3.0);
    close(teams[1].surplus_fte, 10.0 + 4.0 / 3.0 - 12.1);
    close(teams[1].paid_fte, 14.0);
    close(teams[2].ramped_hires_fte, 4.0);
    close(teams[2].ramping_fte, 1.0 / 3.0);
    close(teams[3].effective_fte, 15.0);
    close(teams[3].surplus_fte, 15.0 - 14.641);
    assert_eq!(teams[3].cumulative_hires, 5);
    assert_eq!(teams[3].required_headcount, 15);
}

/// On time, a hire for Q2 works Q1 at 1/3 and counts fully from Q2: with a 30-day lead time
/// nothing is late and Q1 has 10 + 1 ramped + 2 x 1/3 ramping.
#[test]
fn on_time_hires_ramp_before_their_quarter() {
    let mut inputs = growing_book();
    inputs.start = d("2027-07-01");
    inputs.supply.lead_time_days = 0;
    inputs.supply.ramp.productivity_by_month = vec![];
    let plan = forecast(&inputs).unwrap();
    assert!(plan.hires.iter().all(|h| h.late_by_days == 0));
    close(plan.segments[0].quarters[0].team.effective_fte, 11.0);
    let mut ramping = growing_book();
    ramping.start = d("2027-07-01");
    ramping.supply.lead_time_days = 0;
    ramping.segments[0].base.new_logos = LogoMovement::Rate { rate: 0.0 };
    ramping.segments[0].overrides.push(QuarterOverride {
        quarter: 2,
        new_logos: Some(LogoMovement::Count { logos: 30.0 }),
        ..QuarterOverride::default()
    });
    // Q2: 130 logos x $150k = $19.5M -> 13 FTE -> 3 hires starting 2027-07-01 (month 0, on
    // time with no lead time): Q1 has 10 + 3 x 1/3 = 11 effective, Q2 13.
    let plan = forecast(&ramping).unwrap();
    let q = &plan.segments[0].quarters;
    assert_eq!(q[1].team.hires, 3);
    close(q[0].team.ramping_fte, 1.0);
    close(q[0].team.effective_fte, 11.0);
    close(q[0].team.paid_fte, 13.0);
    close(q[1].team.ramped_hires_fte, 3.0);
    assert_eq!(plan.hires[0].start, d("2027-07-01"));
    assert_eq!(plan.hires[0].earliest_start, d("2027-07-01"));
}

/// §1.3 cost band and §5.2 Magic Number, Q1: paid 10 CSMs x $150,000 / 4 = $375,000; managers
/// 10 / 8 = 1.25 x $200,000 / 4 = $62,500; CS cost $437,500; x 4 / $16.5M = 10.6% (5-15%).
/// Renewed $15M x 3/12 = $3,750,000, no upsell, no support cost: 3,750,000 / 437,500 = 8.57.
#[test]
fn growing_book_cost_and_magic_number() {
    let plan = forecast(&growing_book()).unwrap();
    let q1 = &plan.totals[0];
    assert_eq!(q1.cost.csm_cost, dollars(375_000));
    close(q1.cost.manager_fte, 1.25);
    assert_eq!(q1.cost.manager_cost, dollars(62_500));
    assert_eq!(q1.cost.cs_cost, dollars(437_500));
    close(q1.cost.cost_pct_of_arr.unwrap(), 1_750_000.0 / 16_500_000.0);
    assert_eq!(q1.cost.band, Some(CostBand::FiveToFifteen));
    assert_eq!(q1.renewed_arr, dollars(3_750_000));
    assert_eq!(q1.upsell_arr, Cents::ZERO);
    assert_eq!(q1.support_cost, Cents::ZERO);
    close(q1.magic_number.unwrap(), 3_750_000.0 / 437_500.0);
    // Q2: 14 paid -> $525,000 + 1.75 managers $87,500 = $612,500.
    assert_eq!(plan.totals[1].cost.cs_cost, dollars(612_500));
    // One segment: the total is the segment.
    assert_eq!(plan.segments[0].quarters[0].cost, q1.cost);
}

/// §1.1 with the bottom-up basis: 2 CSMs of need against 10 today is a surplus, no hires.
#[test]
fn bottom_up_basis_hires_nobody_when_the_team_is_larger() {
    let mut inputs = growing_book();
    inputs.basis = RequiredBasis::BottomUp;
    let plan = forecast(&inputs).unwrap();
    assert!(plan.hires.is_empty());
    close(plan.totals[3].team.surplus_fte, 10.0 - 1.4641);
    assert_eq!(
        plan.headline,
        "2 CSMs needed by Q4 2027 (bottom-up): no hires, today's team covers every quarter."
    );
    inputs.basis = RequiredBasis::Max;
    let max = forecast(&inputs).unwrap();
    assert_eq!(max.hires.len(), 5);
}

/// §1.10 attrition: 20% a year is a quarterly survival of 0.8^(1/4); a flat book needing 10 CSMs
/// with 10 today loses 10 x (1 - 0.8^(1/4)) = 0.543 FTE in Q1 -> 1 hire; by Q4 today's team is
/// 10 x 0.8 = 8 FTE.
#[test]
fn attrition_is_backfilled() {
    let segment = SegmentForecast {
        segment: "SMB".into(),
        opening_logos: 400.0,
        opening_arr: dollars(15_000_000),
        current_csms: 10.0,
        activities_per_customer_per_month: 1.0,
        base: Drivers::default(),
        overrides: Vec::new(),
    };
    let mut inputs = ForecastInputs::new(d("2027-01-01"), vec![segment]);
    inputs.quarters = 4;
    inputs.supply.attrition_per_year = 0.2;
    let plan = forecast(&inputs).unwrap();
    let teams: Vec<_> = plan.segments[0]
        .quarters
        .iter()
        .map(|r| r.team.clone())
        .collect();
    let s = 0.8_f64.powf(0.25);
    close(teams[0].existing_fte, 10.0 * s);
    close(teams[0].leavers_fte, 10.0 * (1.0 - s));
    close(teams[3].existing_fte, 8.0);
    // Q1: 10 - 9.457 = 0.543 -> 1; Q2: 10 - 8.944 - 0.946 = 0.110 -> 1;
    // Q3: 8.459 + 0.894 + 0.946 = 10.299 -> 0; Q4: 10 - 8 - 0.846 - 0.894 = 0.260 -> 1.
    let hires: Vec<u64> = teams.iter().map(|t| t.hires).collect();
    assert_eq!(hires, [1, 1, 0, 1]);
    close(teams[3].ramped_hires_fte, s * s * s + s * s + 1.0);
}

/// §1.4 drivers as amounts and per-quarter overrides. $10M ARR, 50 logos ($200k each):
/// churn $1M = 10% -> 5 logos; contraction $250k; expansion $500k; Q2 overrides new logos to 4
/// at $100k.
#[test]
fn amounts_and_overrides() {
    let segment = SegmentForecast {
        segment: "Enterprise".into(),
        opening_logos: 50.0,
        opening_arr: dollars(10_000_000),
        current_csms: 7.0,
        activities_per_customer_per_month: 26.0,
        base: Drivers {
            new_logos: LogoMovement::Count { logos: 2.0 },
            new_logo_arr: dollars(300_000),
            churn: ArrMovement::Amount {
                amount: dollars(1_000_000),
            },
            contraction: ArrMovement::Amount {
                amount: dollars(250_000),
            },
            expansion: ArrMovement::Amount {
                amount: dollars(500_000),
            },
        },
        overrides: vec![QuarterOverride {
            quarter: 2,
            new_logos: Some(LogoMovement::Count { logos: 4.0 }),
            new_logo_arr: Some(dollars(100_000)),
            ..QuarterOverride::default()
        }],
    };
    let mut inputs = ForecastInputs::new(d("2027-01-01"), vec![segment]);
    inputs.quarters = 2;
    let plan = forecast(&inputs).unwrap();
    let q1 = &plan.segments[0].quarters[0].book;
    assert_eq!(q1.new_arr, dollars(600_000));
    assert_eq!(q1.churned_arr, dollars(1_000_000));
    close(q1.churned_logos, 5.0);
    assert_eq!(q1.contraction_arr, dollars(250_000));
    assert_eq!(q1.expansion_arr, dollars(500_000));
    // 10M + 0.6M + 0.5M - 0.25M - 1M = 9.85M; 50 + 2 - 5 = 47 logos.
    assert_eq!(q1.closing_arr, dollars(9_850_000));
    close(q1.closing_logos, 47.0);
    let q2 = &plan.segments[0].quarters[1].book;
    assert_eq!(q2.new_arr, dollars(400_000));
    // Churn $1M of $9.85M: 47 x 1/9.85 logos.
    close(q2.churned_logos, 47.0 / 9.85);
    assert_eq!(q2.closing_arr, dollars(9_500_000));
    // §5.2: renewed = 10M x 3/12 - 1M - 0.25M = 1.25M; upsell 0.5M.
    assert_eq!(plan.totals[0].renewed_arr, dollars(1_250_000));
    assert_eq!(plan.totals[0].upsell_arr, dollars(500_000));
}

/// Totals add the segments up; the second segment's hires follow the first's on the same date.
#[test]
fn two_segments_add_up() {
    let mut inputs = growing_book();
    let mut smb = SegmentForecast::from_book(
        &SegmentBook {
            segment: "SMB".into(),
            accounts: 300,
            total_arr: dollars(4_500_000),
        },
        2.0,
        3.75,
    );
    smb.base.new_logos = LogoMovement::Count { logos: 30.0 };
    smb.base.new_logo_arr = dollars(15_000);
    inputs.segments.push(smb);
    let plan = forecast(&inputs).unwrap();
    let smb_rows = &plan.segments[1].quarters;
    // SMB: 4.5M + 30 x 15k = 4.95M -> 3.3 FTE; 3.3 - 2 = 1.3 -> 2 hires in Q1.
    assert_eq!(smb_rows[0].book.closing_arr, dollars(4_950_000));
    assert_eq!(smb_rows[0].team.hires, 2);
    let q1 = &plan.totals[0];
    assert_eq!(q1.book.closing_arr, dollars(16_500_000 + 4_950_000));
    assert_eq!(q1.team.hires, 3);
    close(q1.top_down.fte, 11.0 + 3.3);
    assert_eq!(q1.top_down.headcount, 11 + 4);
    assert_eq!(q1.top_down.touch, None);
    assert_eq!(
        q1.cost.cs_cost,
        plan.segments[0].quarters[0].cost.cs_cost + smb_rows[0].cost.cs_cost
    );
    let first_three: Vec<(&str, u32)> = plan
        .hires
        .iter()
        .take(3)
        .map(|h| (h.segment.as_str(), h.number))
        .collect();
    assert_eq!(first_three, [("Mid-Market", 1), ("SMB", 1), ("SMB", 2)]);
    // Today's team (the Plan page's "today"): 10 Mid-Market CSMs + 2 SMB = 12.
    close(plan.current_csms, 12.0);
}

/// Issue #4 part 5: worst preset = new logos x0.8. Growing book Q1: 8 new logos x $150k =
/// $1.2M -> $16.2M -> 10.8 FTE -> still 1 hire; the comparison shows the cost and hire shifts.
#[test]
fn worst_preset_and_comparison() {
    let inputs = growing_book();
    let base = forecast(&inputs).unwrap();
    let worst = forecast_with(&inputs, Preset::Worst.factors()).unwrap();
    assert_eq!(
        worst.segments[0].quarters[0].book.new_arr,
        dollars(1_200_000)
    );
    close(worst.segments[0].quarters[0].top_down.fte, 10.8);
    let diff = compare(&base, &worst);
    // One segment x 4 quarters, then 4 total rows.
    assert_eq!(diff.rows.len(), 8);
    let total_q4 = &diff.rows[7];
    assert_eq!((total_q4.segment.as_str(), total_q4.quarter), ("Total", 4));
    assert_eq!(total_q4.required_headcount_a, 15);
    assert_eq!(
        total_q4.required_headcount_change,
        total_q4.required_headcount_b as i64 - 15
    );
    assert_eq!(
        total_q4.cs_cost_change,
        total_q4.cs_cost_b - total_q4.cs_cost_a
    );
    assert_eq!(diff.hires[0].requisition_a, Some(d("2026-07-03")));
    let same = compare(&base, &base);
    assert!(same.rows.iter().all(|r| r.hires_change == 0
        && r.required_headcount_change == 0
        && r.cs_cost_change == Cents::ZERO));
    assert!(same.hires.iter().all(|h| h.days_change == Some(0)));
}

/// A longer ramp moves the same hires earlier: a 4-month ramp starts Q2's hires on 2026-12-01.
#[test]
fn longer_ramp_starts_earlier() {
    let mut inputs = growing_book();
    inputs.supply.ramp = RampProfile {
        productivity_by_month: vec![0.0, 0.25, 0.5, 0.75],
    };
    inputs.supply.lead_time_days = 60;
    let plan = forecast(&inputs).unwrap();
    let second = &plan.hires[1];
    assert_eq!(second.start, d("2026-12-01"));
    assert_eq!(second.requisition_open, d("2026-10-02"));
    assert_eq!(plan.ramp_months, 4);
}

/// Floor rounding leaves part of a shortfall unfilled instead of hiring a whole person.
#[test]
fn rounding_is_named() {
    let mut inputs = growing_book();
    inputs.rounding = Rounding::Floor;
    let plan = forecast(&inputs).unwrap();
    let hires: Vec<u64> = plan.segments[0]
        .quarters
        .iter()
        .map(|r| r.team.hires)
        .collect();
    // 11 - 10 = 1; 12.1 - 11 = 1.1 -> 1; 13.31 - 12 = 1.31 -> 1; 14.641 - 13 = 1.641 -> 1.
    assert_eq!(hires, [1, 1, 1, 1]);
}

#[test]
fn bad_inputs_name_what_to_change() {
    let message = |f: &dyn Fn(&mut ForecastInputs)| {
        let mut inputs = growing_book();
        f(&mut inputs);
        forecast(&inputs).unwrap_err().to_string()
    };
    assert_eq!(
        message(&|i| i.quarters = 13),
        "A plan covers 2 to 12 quarters (it asks for 13)."
    );
    assert_eq!(
        message(&|i| i.segments[0].base.churn = ArrMovement::Rate { rate: 1.5 }),
        "Segment Mid-Market: gross churn must be at most 1 (it is 1.5)."
    );
    assert_eq!(
        message(&|i| i.segments[0].overrides.push(QuarterOverride {
            quarter: 2,
            expansion: Some(ArrMovement::Rate { rate: -0.1 }),
            ..QuarterOverride::default()
        })),
        "Segment Mid-Market, Q2: expansion must be a number of 0 or more (it is -0.1)."
    );
    assert_eq!(
        message(&|i| i.segments[0].overrides.push(QuarterOverride {
            quarter: 9,
            ..QuarterOverride::default()
        })),
        "Segment Mid-Market: override is for Q9 but the plan has Q1 to Q4."
    );
    assert_eq!(
        message(&|i| i.supply.ramp.productivity_by_month = vec![0.0, 1.5]),
        "Ramp profile month 2 must be a productivity from 0% to 100% (it is 1.5)."
    );
    assert_eq!(
        message(&|i| i.segments.push(i.segments[0].clone())),
        "Segment names must be unique: \"Mid-Market\" appears twice."
    );
    assert_eq!(
        message(&|i| i.segments[0].current_csms = f64::NAN),
        "Segment Mid-Market: current CSMs must be a number of 0 or more (it is NaN)."
    );
    assert!(matches!(
        forecast(&ForecastInputs::new(d("2027-01-01"), Vec::new())),
        Err(ForecastError::NoSegments)
    ));
    // 1000% expansion a quarter: $15M x 11^q passes $10 trillion in Q6.
    assert_eq!(
        message(&|i| {
            i.quarters = 8;
            i.segments[0].base.expansion = ArrMovement::Rate { rate: 10.0 };
        }),
        "Segment Mid-Market, Q6: ARR grows past the plan's ceiling ($10,000,000,000,000.00 of ARR, 10000000000 logos); check the growth drivers."
    );
}

/// Runaway multipliers in the risk bands stay within the ceilings instead of overflowing.
#[test]
fn runaway_risk_bands_do_not_overflow() {
    use csplan_domain::compensation::Progress;
    use csplan_domain::forecast::{Spread, Uncertainty, simulate};
    let mut inputs = growing_book();
    inputs.quarters = 12;
    inputs.segments[0].base.expansion = ArrMovement::Rate { rate: 2.0 };
    let huge = Spread::Triangular {
        min: 50.0,
        mode: 100.0,
        max: 200.0,
    };
    let u = Uncertainty {
        trials: 200,
        new_logos: huge,
        expansion: huge,
        activities: huge,
        ..Uncertainty::default()
    };
    let bands = simulate(&inputs, &u, &Progress::new()).unwrap();
    assert_eq!(
        bands.quarters[11].closing_arr.p90,
        csplan_domain::forecast::MAX_AMOUNT
    );
}
