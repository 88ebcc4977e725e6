//! Checks a plan's inputs before anything is computed, so a bad number is reported with the
//! segment, quarter and field a person has to change instead of producing NaN or a panic.

use super::error::ForecastError;
use super::inputs::{
    ArrMovement, Drivers, ForecastInputs, LogoMovement, MAX_QUARTERS, MIN_QUARTERS, SegmentForecast,
};
use super::limits::{
    MAX_ACTIVITIES_PER_CUSTOMER, MAX_AMOUNT, MAX_CURRENT_CSMS, MAX_LOGOS, MAX_SEGMENTS,
    MIN_CSM_ACTIVITIES,
};
use crate::money::Cents;

/// The longest ramp the calendar handles: three years.
const MAX_RAMP_MONTHS: usize = 36;
/// The longest hiring lead time: ten years.
const MAX_LEAD_TIME_DAYS: u32 = 3_650;

/// Where a field belongs, for the error message.
#[derive(Clone, Copy)]
enum Place<'a> {
    Segment(&'a str),
    Quarter(&'a str, u32),
}

fn fail(place: Place<'_>, field: &'static str, reason: String) -> ForecastError {
    match place {
        Place::Segment(segment) => ForecastError::Segment {
            segment: segment.to_string(),
            field,
            reason,
        },
        Place::Quarter(segment, quarter) => ForecastError::Quarter {
            segment: segment.to_string(),
            quarter,
            field,
            reason,
        },
    }
}

fn number(
    place: Place<'_>,
    field: &'static str,
    value: f64,
    max: Option<f64>,
) -> Result<(), ForecastError> {
    if !value.is_finite() || value < 0.0 {
        return Err(fail(
            place,
            field,
            format!("must be a number of 0 or more (it is {value})"),
        ));
    }
    match max {
        Some(max) if value > max => Err(fail(
            place,
            field,
            format!("must be at most {max} (it is {value})"),
        )),
        _ => Ok(()),
    }
}

fn money(place: Place<'_>, field: &'static str, value: Cents) -> Result<(), ForecastError> {
    if value.0 < 0 {
        return Err(fail(
            place,
            field,
            format!("must be $0 or more (it is {value})"),
        ));
    }
    if value > MAX_AMOUNT {
        return Err(fail(
            place,
            field,
            format!("must be at most {MAX_AMOUNT} (it is {value})"),
        ));
    }
    Ok(())
}

fn logos(
    place: Place<'_>,
    field: &'static str,
    movement: LogoMovement,
) -> Result<(), ForecastError> {
    match movement {
        LogoMovement::Rate { rate } => number(place, field, rate, None),
        LogoMovement::Count { logos } => number(place, field, logos, Some(MAX_LOGOS)),
    }
}

/// A loss rate is a share of the book, so at most 1 (all of it).
fn arr(
    place: Place<'_>,
    field: &'static str,
    movement: ArrMovement,
    is_loss: bool,
) -> Result<(), ForecastError> {
    match movement {
        ArrMovement::Rate { rate } => number(place, field, rate, is_loss.then_some(1.0)),
        ArrMovement::Amount { amount } => money(place, field, amount),
    }
}

fn drivers(place: Place<'_>, d: &Drivers) -> Result<(), ForecastError> {
    logos(place, "new logos", d.new_logos)?;
    money(place, "ARR per new logo", d.new_logo_arr)?;
    arr(place, "gross churn", d.churn, true)?;
    arr(place, "contraction", d.contraction, true)?;
    arr(place, "expansion", d.expansion, false)
}

fn segment(s: &SegmentForecast, quarters: u32) -> Result<(), ForecastError> {
    let place = Place::Segment(&s.segment);
    number(place, "starting logos", s.opening_logos, Some(MAX_LOGOS))?;
    money(place, "starting ARR", s.opening_arr)?;
    number(
        place,
        "current CSMs",
        s.current_csms,
        Some(MAX_CURRENT_CSMS),
    )?;
    number(
        place,
        "activities per customer per month",
        s.activities_per_customer_per_month,
        Some(MAX_ACTIVITIES_PER_CUSTOMER),
    )?;
    drivers(place, &s.base)?;
    for o in &s.overrides {
        if !(1..=quarters).contains(&o.quarter) {
            return Err(fail(
                place,
                "override",
                format!("is for Q{} but the plan has Q1 to Q{quarters}", o.quarter),
            ));
        }
        drivers(Place::Quarter(&s.segment, o.quarter), &s.drivers(o.quarter))?;
    }
    Ok(())
}

fn field(field: &'static str, reason: String) -> ForecastError {
    ForecastError::Field { field, reason }
}

impl ForecastInputs {
    pub fn validate(&self) -> Result<(), ForecastError> {
        if !(MIN_QUARTERS..=MAX_QUARTERS).contains(&self.quarters) {
            return Err(ForecastError::Quarters(self.quarters));
        }
        if self.segments.is_empty() {
            return Err(ForecastError::NoSegments);
        }
        if self.segments.len() > MAX_SEGMENTS {
            return Err(field(
                "Segments",
                format!(
                    "number {}; a plan takes at most {MAX_SEGMENTS}",
                    self.segments.len()
                ),
            ));
        }
        for (i, s) in self.segments.iter().enumerate() {
            if s.segment.trim().is_empty() {
                return Err(field(
                    "Segment name",
                    format!("of segment {} is empty", i + 1),
                ));
            }
            if self.segments[..i]
                .iter()
                .any(|other| other.segment == s.segment)
            {
                return Err(ForecastError::DuplicateSegment(s.segment.clone()));
            }
            segment(s, self.quarters)?;
        }
        if self.arr_per_csm.0 <= 0 {
            return Err(field(
                "ARR per CSM",
                format!("must be more than $0 (it is {})", self.arr_per_csm),
            ));
        }
        let capacity = self.csm_activities_per_month;
        if !(capacity.is_finite() && capacity >= MIN_CSM_ACTIVITIES) {
            return Err(field(
                "Activities per CSM per month",
                format!("must be at least {MIN_CSM_ACTIVITIES} (it is {capacity})"),
            ));
        }
        let bands = self.touch_bands;
        if !(bands.high_touch_below.is_finite()
            && bands.automated_from.is_finite()
            && bands.high_touch_below > 0.0
            && bands.high_touch_below < bands.automated_from)
        {
            return Err(field(
                "Touch bands",
                format!(
                    "must have high-touch end above 0 and below where automated starts (high-touch below {}, automated from {})",
                    bands.high_touch_below, bands.automated_from
                ),
            ));
        }
        let ramp = &self.supply.ramp.productivity_by_month;
        if ramp.len() > MAX_RAMP_MONTHS {
            return Err(field(
                "Ramp profile",
                format!("lists {} months; at most {MAX_RAMP_MONTHS}", ramp.len()),
            ));
        }
        if let Some((month, p)) = ramp
            .iter()
            .enumerate()
            .find(|(_, p)| !(p.is_finite() && (0.0..=1.0).contains(*p)))
        {
            return Err(field(
                "Ramp profile",
                format!(
                    "month {} must be a productivity from 0% to 100% (it is {p})",
                    month + 1
                ),
            ));
        }
        let attrition = self.supply.attrition_per_year;
        if !(attrition.is_finite() && (0.0..=1.0).contains(&attrition)) {
            return Err(field(
                "Attrition a year",
                format!("must be from 0% to 100% (it is {attrition})"),
            ));
        }
        if self.supply.lead_time_days > MAX_LEAD_TIME_DAYS {
            return Err(field(
                "Hiring lead time",
                format!(
                    "must be at most {MAX_LEAD_TIME_DAYS} days (it is {})",
                    self.supply.lead_time_days
                ),
            ));
        }
        let cost = &self.cost;
        for (name, value) in [
            ("CSM cost a year", cost.csm_cost_per_year),
            ("Manager cost a year", cost.manager_cost_per_year),
            ("Support cost a year", cost.support_cost_per_year),
        ] {
            if value.0 < 0 || value > MAX_AMOUNT {
                return Err(field(
                    name,
                    format!("must be from $0 to {MAX_AMOUNT} (it is {value})"),
                ));
            }
        }
        if !(cost.csms_per_manager.is_finite() && cost.csms_per_manager > 0.0) {
            return Err(field(
                "CSMs per manager",
                format!("must be more than 0 (it is {})", cost.csms_per_manager),
            ));
        }
        if cost.contract_term_months == 0 {
            return Err(field(
                "Contract term",
                "must be at least 1 month".to_string(),
            ));
        }
        Ok(())
    }
}
