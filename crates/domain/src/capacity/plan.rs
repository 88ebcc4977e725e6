//! The plan itself (DOMAIN.md §1.1, derived formulas):
//!
//! ```text
//! top_down_csms               = ARR / arr_per_csm
//! top_down_customers_per_csm  = customers / top_down_csms
//! bottom_up_customers_per_csm = csm_activity_capacity / activities_per_customer_per_month
//! bottom_up_csms              = customers x activities_per_customer_per_month / capacity
//! gap_csms                    = bottom_up_csms - top_down_csms
//! ```
//!
//! Each segment is planned on its own ("perform this exercise separately for each of your
//! segments", §1.1 step 3); the total adds the segments up as W3 does.

use super::explain::{Verdict, explain, headline};
use super::params::{CapacityParams, ParamError};
use super::rounding::Rounding;
use super::touch::TouchModel;
use crate::money::Cents;
use crate::segmentation::SegmentBook;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One method's answer for a segment or the total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanSide {
    /// Exact fractional full-time equivalents.
    pub fte: f64,
    /// The hiring number: `fte` under the plan's rounding (for the total, the sum of the
    /// segments' headcounts, since people are hired per segment).
    #[ts(type = "number")]
    pub headcount: u64,
    /// `None` when no CSM is needed, so there is nothing to divide by.
    pub customers_per_csm: Option<f64>,
    /// `None` on the total row, where a single touch model means nothing.
    pub touch: Option<TouchModel>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SegmentPlan {
    pub segment: String,
    #[ts(type = "number")]
    pub accounts: u64,
    pub total_arr: Cents,
    pub top_down: PlanSide,
    pub activities_per_customer_per_month: f64,
    pub bottom_up: PlanSide,
    /// Bottom-up FTE minus top-down FTE: above 0, the experience you want costs more CSMs than
    /// the ARR funds.
    pub gap_fte: f64,
    pub gap_headcount: i64,
    /// ARR per CSM the bottom-up team would carry (§1.1 `implied_arr_per_csm_bu`).
    pub implied_arr_per_csm: Option<Cents>,
    /// Activities per customer per month the top-down team can deliver.
    pub affordable_activities_per_customer: Option<f64>,
    /// Hours view: CSM minutes one customer takes a month at the catalogue's durations.
    pub minutes_per_customer_per_month: f64,
    /// Hours view: hours a month a bottom-up CSM's full book takes at those durations.
    pub hours_per_csm_per_month: Option<f64>,
    pub verdict: Verdict,
    /// One plain sentence: why the two methods differ and what it implies.
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TotalPlan {
    #[ts(type = "number")]
    pub accounts: u64,
    pub total_arr: Cents,
    pub top_down: PlanSide,
    pub bottom_up: PlanSide,
    pub gap_fte: f64,
    pub gap_headcount: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CapacityPlan {
    pub segments: Vec<SegmentPlan>,
    pub total: TotalPlan,
    pub rounding: Rounding,
    /// Hours view of the CSM capacity: 600 a month = 30 a day = one every 15 minutes.
    pub activities_per_day: f64,
    pub minutes_per_activity: f64,
    pub hours_per_month: f64,
    /// The answer in one line: "31 CSMs top-down, 27 bottom-up".
    pub headline: String,
}

fn per_csm(accounts: u64, fte: f64) -> Option<f64> {
    (fte > 0.0).then(|| accounts as f64 / fte)
}

fn plan_segment(book: &SegmentBook, params: &CapacityParams) -> Result<SegmentPlan, ParamError> {
    let catalog = params
        .catalog(&book.segment)
        .ok_or_else(|| ParamError::MissingCatalog(book.segment.clone()))?;
    let bands = params.touch_bands;
    let rounding = params.rounding;
    let capacity = params.csm_activities_per_month;

    let td_fte = book.total_arr.0 as f64 / params.arr_per_csm.0 as f64;
    let td_customers = per_csm(book.accounts, td_fte);
    let top_down = PlanSide {
        fte: td_fte,
        headcount: rounding.apply(td_fte),
        customers_per_csm: td_customers,
        touch: Some(bands.classify(td_customers)),
    };

    let activities = catalog.activities_per_customer_per_month();
    let bu_customers = (activities > 0.0).then(|| capacity / activities);
    let bu_fte = book.accounts as f64 * activities / capacity;
    let bottom_up = PlanSide {
        fte: bu_fte,
        headcount: rounding.apply(bu_fte),
        customers_per_csm: bu_customers,
        touch: Some(bands.classify(bu_customers)),
    };

    let minutes = catalog.minutes_per_customer_per_month();
    let mut plan = SegmentPlan {
        segment: book.segment.clone(),
        accounts: book.accounts,
        total_arr: book.total_arr,
        gap_fte: bu_fte - td_fte,
        gap_headcount: bottom_up.headcount as i64 - top_down.headcount as i64,
        implied_arr_per_csm: (bu_fte > 0.0)
            .then(|| Cents::from_dollars_rounded(book.total_arr.dollars() / bu_fte)),
        affordable_activities_per_customer: td_customers.map(|c| capacity / c),
        minutes_per_customer_per_month: minutes,
        hours_per_csm_per_month: bu_customers.map(|c| c * minutes / 60.0),
        top_down,
        activities_per_customer_per_month: activities,
        bottom_up,
        verdict: Verdict::Match,
        explanation: String::new(),
    };
    (plan.verdict, plan.explanation) = explain(&plan, params);
    Ok(plan)
}

fn total_side(accounts: u64, sides: impl Iterator<Item = PlanSide>) -> PlanSide {
    let (fte, headcount) = sides.fold((0.0, 0), |(f, h), s| (f + s.fte, h + s.headcount));
    PlanSide {
        fte,
        headcount,
        customers_per_csm: per_csm(accounts, fte),
        touch: None,
    }
}

/// Plans every segment of the book and adds them up.
pub fn plan(book: &[SegmentBook], params: &CapacityParams) -> Result<CapacityPlan, ParamError> {
    params.validate()?;
    let segments = book
        .iter()
        .map(|segment| plan_segment(segment, params))
        .collect::<Result<Vec<_>, _>>()?;
    let accounts = segments.iter().map(|s| s.accounts).sum();
    let top_down = total_side(accounts, segments.iter().map(|s| s.top_down.clone()));
    let bottom_up = total_side(accounts, segments.iter().map(|s| s.bottom_up.clone()));
    let total = TotalPlan {
        accounts,
        total_arr: segments.iter().map(|s| s.total_arr).sum(),
        gap_fte: bottom_up.fte - top_down.fte,
        gap_headcount: bottom_up.headcount as i64 - top_down.headcount as i64,
        top_down,
        bottom_up,
    };
    Ok(CapacityPlan {
        headline: headline(&total),
        segments,
        total,
        rounding: params.rounding,
        activities_per_day: params.activities_per_day(),
        minutes_per_activity: params.minutes_per_activity(),
        hours_per_month: params.hours_per_month(),
    })
}
