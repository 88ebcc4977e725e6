//! What a plan over time answers: per segment and quarter the book, the need from both models,
//! the team, the hires and the cost; per quarter the totals; and the hire-by calendar.

use super::inputs::RequiredBasis;
use crate::capacity::{Rounding, TouchModel};
use crate::money::Cents;
use crate::segmentation::IsoDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One quarter of the plan on the calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuarterSpan {
    /// 1-based.
    pub number: u32,
    /// "Q1" .. "Q12" (plan quarters, which need not be calendar quarters).
    pub label: String,
    /// Calendar-readable: "Q3 2027" when the quarter starts on a calendar quarter's first day
    /// (1 January, April, July or October), otherwise "Q1 (2027-02-15)".
    pub title: String,
    /// First day.
    pub start: IsoDate,
    /// Last day.
    pub end: IsoDate,
}

/// The book at the end of one quarter and how it got there. ARR amounts are exact cents; each
/// movement is rounded half away from zero to the cent once, and closing = opening + new +
/// expansion - contraction - churn exactly. Logos are expected values (fractions allowed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BookQuarter {
    pub opening_logos: f64,
    pub new_logos: f64,
    pub churned_logos: f64,
    pub closing_logos: f64,
    pub opening_arr: Cents,
    pub new_arr: Cents,
    pub expansion_arr: Cents,
    pub contraction_arr: Cents,
    pub churned_arr: Cents,
    pub closing_arr: Cents,
}

/// One model's need for a quarter's closing book (DOMAIN.md §1.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Need {
    /// Exact fractional FTE.
    pub fte: f64,
    /// `fte` under the plan's rounding (for totals, the sum of the segments' headcounts).
    pub headcount: u64,
    /// Closing logos / FTE; `None` when no CSM is needed.
    pub customers_per_csm: Option<f64>,
    /// The touch model that ratio implies (§1.1 step 3); `None` on totals.
    pub touch: Option<TouchModel>,
}

/// The team of one segment in one quarter (issue #4 part 2). FTE are expected values: attrition
/// is applied as a rate, hires are whole people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Team {
    /// Required FTE on the plan's basis (top-down, bottom-up or the larger).
    pub required_fte: f64,
    /// `required_fte` under the plan's rounding.
    pub required_headcount: u64,
    /// Today's CSMs still there at the quarter's end after attrition.
    pub existing_fte: f64,
    /// Hires productive at 100% through the whole quarter (after attrition, which reaches a hire
    /// from the quarter after the one it was hired for).
    pub ramped_hires_fte: f64,
    /// Hires still ramping (or not started yet) in the quarter: their average productivity over
    /// its three months, counted from their actual start (`Hire::earliest_start`).
    pub ramping_fte: f64,
    /// existing + ramped hires + ramping hires.
    pub effective_fte: f64,
    /// effective - required: above 0 a surplus, below 0 a shortfall.
    pub surplus_fte: f64,
    /// New CSMs who must be fully productive on the quarter's first day (one `Hire` each).
    pub hires: u64,
    /// Hires for this and every earlier quarter.
    pub cumulative_hires: u64,
    /// Expected CSM FTE leaving during the quarter (attrition).
    pub leavers_fte: f64,
    /// CSM FTE on the payroll: existing + every hire from their start date, ramping or not
    /// (averaged over the quarter's months).
    pub paid_fte: f64,
}

/// What one segment (or the total) costs in a quarter (issue #4 part 3). Named
/// ForecastQuarterCost in TypeScript: the comp backtest has a QuarterCost too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(rename = "ForecastQuarterCost")]
pub struct QuarterCost {
    /// paid CSM FTE x CSM cost a year / 4, rounded to the cent.
    pub csm_cost: Cents,
    /// Manager FTE (paid CSM FTE / span of control); managers are costed by FTE.
    pub manager_fte: f64,
    /// manager FTE x manager cost a year / 4, rounded to the cent.
    pub manager_cost: Cents,
    /// csm_cost + manager_cost.
    pub cs_cost: Cents,
    /// Annualised CS cost (x4) / closing ARR, as a fraction (0.083 = 8.3%); `None` when the
    /// ARR is 0.
    pub cost_pct_of_arr: Option<f64>,
    /// Where that share falls against DOMAIN.md §1.3's bands.
    pub band: Option<CostBand>,
}

/// DOMAIN.md §1.3 (004 L35): "typically we see CS costs in the 5-15% range for established
/// companies and less than 5% for large organizations".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum CostBand {
    /// Below 5%: what large organisations typically spend.
    BelowFive,
    /// 5% to 15% inclusive: the established-company range.
    FiveToFifteen,
    /// Above 15%.
    AboveFifteen,
}

/// One segment in one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SegmentQuarter {
    /// 1-based quarter number.
    pub quarter: u32,
    pub book: BookQuarter,
    pub top_down: Need,
    pub bottom_up: Need,
    pub team: Team,
    pub cost: QuarterCost,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SegmentOutlook {
    pub segment: String,
    pub quarters: Vec<SegmentQuarter>,
}

/// Every segment added up for one quarter, with the CS Magic Number (DOMAIN.md §5.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TotalQuarter {
    pub quarter: u32,
    pub book: BookQuarter,
    pub top_down: Need,
    pub bottom_up: Need,
    /// Sums of the segments' teams (headcounts are sums of the segments' headcounts, since
    /// people are hired per segment).
    pub team: Team,
    pub cost: QuarterCost,
    /// Support cost a year / 4, rounded to the cent.
    pub support_cost: Cents,
    /// ARR renewed in the quarter: opening ARR x 3 / contract term months, less churn and
    /// contraction (losses happen at renewal), never below 0.
    pub renewed_arr: Cents,
    /// Upsell ARR in the quarter: the expansion.
    pub upsell_arr: Cents,
    /// (renewed + upsell) / (CS cost + support cost) for the quarter; target above 5.0
    /// (§5.2). `None` when the cost is 0.
    pub magic_number: Option<f64>,
}

/// One new CSM on the hire-by calendar. A hire that must be fully productive on the first day
/// of quarter q starts `ramp months` calendar months earlier, and the requisition opens
/// `lead time` days before the start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Hire {
    pub segment: String,
    /// 1, 2, ... within the segment, in date order.
    pub number: u32,
    /// The quarter whose load the hire covers (1-based).
    pub for_quarter: u32,
    pub requisition_open: IsoDate,
    pub start: IsoDate,
    pub fully_ramped: IsoDate,
    /// Days the requisition is already late on the plan's start date (0 = on time).
    pub late_by_days: u32,
    /// The day the hire actually starts: `start` when on time; for a late requisition, opened on
    /// the plan's start, the first day of the plan month in which the lead time has run out.
    pub earliest_start: IsoDate,
    /// `earliest_start` plus the ramp months: the first day the hire is fully productive
    /// (`fully_ramped` when on time). Effective capacity counts the hire from these dates.
    pub earliest_fully_ramped: IsoDate,
}

/// The plan over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Forecast {
    pub quarters: Vec<QuarterSpan>,
    pub segments: Vec<SegmentOutlook>,
    pub totals: Vec<TotalQuarter>,
    /// Every hire, by requisition date, then segment order.
    pub hires: Vec<Hire>,
    pub basis: RequiredBasis,
    pub rounding: Rounding,
    /// Months a new hire ramps (from the ramp profile).
    pub ramp_months: u32,
    /// Today's team: the segments' CSMs now, added up (FTE), what each quarter's need is set
    /// against.
    pub current_csms: f64,
    /// The answer in one line, e.g. "15 CSMs needed by Q4 2027 (top-down): 5 hires, the first
    /// requisition opens 2026-07-03 (182 days late)."
    pub headline: String,
}
