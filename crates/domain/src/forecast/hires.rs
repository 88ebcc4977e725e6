//! The hire-by calendar (issue #4 part 2; DOMAIN.md §1.3 item 3 "hiring ahead of the Customer
//! load"). A hire that must be fully productive on the first day of quarter q:
//!
//! ```text
//! fully ramped      = first day of q
//! start date        = fully ramped - ramp months (calendar months)
//! requisition opens = start date - lead time (days)
//! ```
//!
//! A requisition that should have opened before the plan's start is late by the difference. It
//! can open on the plan's start at the earliest, so the hire starts on the first day of the plan
//! month in which the lead time has run out (hires start on a month's first day), and is fully
//! productive ramp months after that. Effective capacity counts late hires from that actual
//! start, so the first quarters show the shortfall a late requisition leaves.

use super::calendar::{add_days, add_months};
use super::error::ForecastError;
use super::inputs::ForecastInputs;
use super::output::{Hire, QuarterSpan, SegmentOutlook};
use crate::segmentation::IsoDate;

/// The dates of every hire for one quarter.
#[derive(Debug, Clone)]
pub(crate) struct HireDates {
    requisition_open: IsoDate,
    start: IsoDate,
    fully_ramped: IsoDate,
    late_by_days: u32,
    earliest_start: IsoDate,
    earliest_fully_ramped: IsoDate,
    /// The actual start (`earliest_start`) in whole plan months from the plan's start
    /// (negative: before it), for the capacity arithmetic.
    pub(crate) start_month: i64,
}

/// Whole plan months from the plan's start until `date`, counting a month begun after its first
/// day as the next one.
fn months_until(start: IsoDate, date: IsoDate) -> Result<i64, ForecastError> {
    let whole = start.whole_months_until(date);
    let boundary = add_months(start, whole, "a hire's start date")?;
    Ok(if boundary < date { whole + 1 } else { whole })
}

/// The dates of a hire for each quarter of the plan.
pub(crate) fn schedule(
    inputs: &ForecastInputs,
    spans: &[QuarterSpan],
) -> Result<Vec<HireDates>, ForecastError> {
    let ramp_months = i64::from(inputs.supply.ramp.ramp_months());
    let lead_days = i64::from(inputs.supply.lead_time_days);
    let earliest_month = months_until(
        inputs.start,
        add_days(inputs.start, lead_days, "a hire's start date")?,
    )?;
    spans
        .iter()
        .map(|span| {
            let start = add_months(span.start, -ramp_months, "a hire's start date")?;
            let requisition_open = add_days(start, -lead_days, "a requisition date")?;
            let late_by_days = requisition_open.days_until(inputs.start).max(0) as u32;
            let planned_month = 3 * i64::from(span.number - 1) - ramp_months;
            let start_month = if late_by_days == 0 {
                planned_month
            } else {
                earliest_month.max(planned_month)
            };
            let earliest_start = if late_by_days == 0 {
                start
            } else {
                add_months(inputs.start, start_month, "a hire's start date")?
            };
            Ok(HireDates {
                requisition_open,
                start,
                fully_ramped: span.start,
                late_by_days,
                earliest_start,
                earliest_fully_ramped: add_months(earliest_start, ramp_months, "a hire's ramp-up")?,
                start_month,
            })
        })
        .collect()
}

/// One `Hire` per person, by requisition date (segments keep their order on the same date).
pub(crate) fn calendar(
    schedule: &[HireDates],
    spans: &[QuarterSpan],
    segments: &[SegmentOutlook],
) -> Vec<Hire> {
    let mut hires = Vec::new();
    for outlook in segments {
        let mut number = 0;
        for ((row, span), dates) in outlook.quarters.iter().zip(spans).zip(schedule) {
            for _ in 0..row.team.hires {
                number += 1;
                hires.push(Hire {
                    segment: outlook.segment.clone(),
                    number,
                    for_quarter: span.number,
                    requisition_open: dates.requisition_open,
                    start: dates.start,
                    fully_ramped: dates.fully_ramped,
                    late_by_days: dates.late_by_days,
                    earliest_start: dates.earliest_start,
                    earliest_fully_ramped: dates.earliest_fully_ramped,
                });
            }
        }
    }
    hires.sort_by_key(|h| h.requisition_open);
    hires
}
