//! The plan over time, assembled: each segment's book rolled forward, both models' need, the
//! team and its cost, then the totals, the hire-by calendar and the one-line answer. The Monte
//! Carlo run calls the same per-segment core, so a trial at factors 1.0 is the plan.

use super::book::roll;
use super::calendar::quarter_spans;
use super::cost::quarter_cost;
use super::error::ForecastError;
use super::factors::Factors;
use super::hires::{HireDates, calendar, schedule};
use super::inputs::{ForecastInputs, RequiredBasis, SegmentForecast};
use super::limits::{MAX_AMOUNT, MAX_LOGOS};
use super::need::{bottom_up, top_down};
use super::output::{Forecast, Hire, QuarterSpan, SegmentOutlook, SegmentQuarter, TotalQuarter};
use super::staffing::{HireTiming, staff, survival_of};
use super::totals::total;

/// The plan's calendar, each quarter's hire dates and what those hires add to each quarter: all
/// fixed by the inputs, so a Monte Carlo run prepares them once.
pub(crate) struct Timeline {
    pub(crate) spans: Vec<QuarterSpan>,
    pub(crate) schedule: Vec<HireDates>,
    pub(crate) timing: HireTiming,
}

pub(crate) fn timeline(inputs: &ForecastInputs) -> Result<Timeline, ForecastError> {
    let spans = quarter_spans(inputs.start, inputs.quarters)?;
    let schedule = schedule(inputs, &spans)?;
    let start_months: Vec<i64> = schedule.iter().map(|d| d.start_month).collect();
    let timing = HireTiming::new(&inputs.supply.ramp, &start_months);
    Ok(Timeline {
        spans,
        schedule,
        timing,
    })
}

/// One segment's quarters at the given factors.
pub(crate) fn segment_quarters(
    segment: &SegmentForecast,
    inputs: &ForecastInputs,
    factors: &Factors,
    timing: &HireTiming,
) -> Vec<SegmentQuarter> {
    let books = roll(segment, inputs.quarters, factors);
    let activities = segment.activities_per_customer_per_month * factors.activities;
    let needs: Vec<_> = books
        .iter()
        .map(|b| (top_down(b, inputs), bottom_up(b, activities, inputs)))
        .collect();
    let required: Vec<f64> = needs
        .iter()
        .map(|(td, bu)| match inputs.basis {
            RequiredBasis::TopDown => td.fte,
            RequiredBasis::BottomUp => bu.fte,
            RequiredBasis::Max => td.fte.max(bu.fte),
        })
        .collect();
    let survival = survival_of(&inputs.supply, factors.attrition);
    let teams = staff(
        &required,
        segment.current_csms,
        survival,
        timing,
        inputs.rounding,
    );
    books
        .into_iter()
        .zip(needs)
        .zip(teams)
        .enumerate()
        .map(
            |(i, ((book, (top_down, bottom_up)), team))| SegmentQuarter {
                quarter: i as u32 + 1,
                cost: quarter_cost(team.paid_fte, book.closing_arr, &inputs.cost),
                book,
                top_down,
                bottom_up,
                team,
            },
        )
        .collect()
}

pub(crate) fn check_factors(factors: &Factors) -> Result<(), ForecastError> {
    let all = [
        ("new logos", factors.new_logos),
        ("churn", factors.churn),
        ("expansion", factors.expansion),
        ("activities", factors.activities),
        ("attrition", factors.attrition),
    ];
    match all.iter().find(|(_, f)| !(f.is_finite() && *f >= 0.0)) {
        Some((name, f)) => Err(ForecastError::Field {
            field: "Multiplier",
            reason: format!("of {name} must be a number of 0 or more (it is {f})"),
        }),
        None => Ok(()),
    }
}

/// Refuses a plan whose drivers take a book to a ceiling of limits.rs (the numbers past it
/// would be wrong).
fn check_ceilings(segments: &[SegmentOutlook]) -> Result<(), ForecastError> {
    for outlook in segments {
        for row in &outlook.quarters {
            let arr = row.book.closing_arr >= MAX_AMOUNT;
            if arr || row.book.closing_logos >= MAX_LOGOS {
                return Err(ForecastError::Quarter {
                    segment: outlook.segment.clone(),
                    quarter: row.quarter,
                    field: if arr { "ARR" } else { "logos" },
                    reason: format!(
                        "{} past the plan's ceiling ({MAX_AMOUNT} of ARR, {MAX_LOGOS} logos); check the growth drivers",
                        if arr { "grows" } else { "grow" }
                    ),
                });
            }
        }
    }
    Ok(())
}

/// The deterministic plan.
pub fn forecast(inputs: &ForecastInputs) -> Result<Forecast, ForecastError> {
    forecast_with(inputs, Factors::PLANNED)
}

/// The plan with multipliers on the uncertain inputs (a preset's, or any other).
pub fn forecast_with(inputs: &ForecastInputs, factors: Factors) -> Result<Forecast, ForecastError> {
    inputs.validate()?;
    check_factors(&factors)?;
    let Timeline {
        spans,
        schedule,
        timing,
    } = timeline(inputs)?;
    let segments: Vec<SegmentOutlook> = inputs
        .segments
        .iter()
        .map(|s| SegmentOutlook {
            segment: s.segment.clone(),
            quarters: segment_quarters(s, inputs, &factors, &timing),
        })
        .collect();
    check_ceilings(&segments)?;
    let totals: Vec<TotalQuarter> = (0..inputs.quarters as usize)
        .map(|q| {
            let rows: Vec<&SegmentQuarter> = segments.iter().map(|s| &s.quarters[q]).collect();
            total(q as u32 + 1, &rows, inputs)
        })
        .collect();
    let hires = calendar(&schedule, &spans, &segments);
    Ok(Forecast {
        headline: headline(&spans, &totals, &hires, inputs.basis),
        quarters: spans,
        segments,
        totals,
        hires,
        basis: inputs.basis,
        rounding: inputs.rounding,
        ramp_months: inputs.supply.ramp.ramp_months(),
        current_csms: inputs.segments.iter().map(|s| s.current_csms).sum(),
    })
}

/// "15 CSMs needed by Q4 2027 (top-down): 5 hires, the first requisition opens 2026-07-03
/// (182 days late)."
fn headline(
    spans: &[QuarterSpan],
    totals: &[TotalQuarter],
    hires: &[Hire],
    basis: RequiredBasis,
) -> String {
    let (Some(span), Some(last)) = (spans.last(), totals.last()) else {
        return String::new();
    };
    let needed = format!(
        "{} CSMs needed by {} ({})",
        last.team.required_headcount,
        span.title,
        basis.label()
    );
    match hires.first() {
        None => format!("{needed}: no hires, today's team covers every quarter."),
        Some(first) => {
            let plural = if hires.len() == 1 { "hire" } else { "hires" };
            let late = match first.late_by_days {
                0 => String::new(),
                days => format!(" ({days} days late)"),
            };
            format!(
                "{needed}: {} {plural}, the first requisition opens {}{late}.",
                hires.len(),
                first.requisition_open
            )
        }
    }
}
