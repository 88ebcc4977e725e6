//! The hire-by calendar (issue #4 part 2; DOMAIN.md §1.3 item 3 "hiring ahead of the Customer
//! load"). A hire that must be fully productive on the first day of quarter q:
//!
//! ```text
//! fully ramped      = first day of q
//! start date        = fully ramped - ramp months (calendar months)
//! requisition opens = start date - lead time (days)
//! ```
//!
//! A requisition that should have opened before the plan's start is late by the difference;
//! opened on the start date instead, the hire is fully productive lead time + ramp months later.

use super::calendar::{add_days, add_months};
use super::error::ForecastError;
use super::inputs::ForecastInputs;
use super::output::{Hire, QuarterSpan, SegmentOutlook};

pub(crate) fn calendar(
    inputs: &ForecastInputs,
    spans: &[QuarterSpan],
    segments: &[SegmentOutlook],
) -> Result<Vec<Hire>, ForecastError> {
    let ramp_months = i64::from(inputs.supply.ramp.ramp_months());
    let lead_days = i64::from(inputs.supply.lead_time_days);
    let mut hires = Vec::new();
    for outlook in segments {
        let mut number = 0;
        for (row, span) in outlook.quarters.iter().zip(spans) {
            if row.team.hires == 0 {
                continue;
            }
            let start = add_months(span.start, -ramp_months, "a hire's start date")?;
            let requisition_open = add_days(start, -lead_days, "a requisition date")?;
            let late_by_days = requisition_open.days_until(inputs.start).max(0) as u32;
            let earliest_fully_ramped = if late_by_days == 0 {
                span.start
            } else {
                let earliest_start = add_days(inputs.start, lead_days, "a hire's start date")?;
                add_months(earliest_start, ramp_months, "a hire's ramp-up")?
            };
            for _ in 0..row.team.hires {
                number += 1;
                hires.push(Hire {
                    segment: outlook.segment.clone(),
                    number,
                    for_quarter: span.number,
                    requisition_open,
                    start,
                    fully_ramped: span.start,
                    late_by_days,
                    earliest_fully_ramped,
                });
            }
        }
    }
    // Stable: segments keep their order on the same date.
    hires.sort_by_key(|h| h.requisition_open);
    Ok(hires)
}
