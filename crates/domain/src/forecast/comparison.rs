//! Two plans over time side by side (issue #4 part 5): per segment and quarter, and in total,
//! what changes from plan A to plan B.

use crate::money::Cents;
use crate::segmentation::IsoDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One segment (or "Total") in one quarter, A against B; changes are B minus A.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuarterDelta {
    pub segment: String,
    pub quarter: u32,
    pub required_fte_a: f64,
    pub required_fte_b: f64,
    pub required_headcount_a: u64,
    pub required_headcount_b: u64,
    pub required_headcount_change: i64,
    pub hires_a: u64,
    pub hires_b: u64,
    pub hires_change: i64,
    pub cs_cost_a: Cents,
    pub cs_cost_b: Cents,
    pub cs_cost_change: Cents,
}

/// The n-th hire of a segment in both plans; `None` where a plan has no such hire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HireShift {
    pub segment: String,
    pub number: u32,
    pub requisition_a: Option<IsoDate>,
    pub requisition_b: Option<IsoDate>,
    /// Days B's requisition opens after A's (negative: earlier); `None` unless both exist.
    pub days_change: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ForecastComparison {
    /// Segments in A's order, then those only B has, then "Total"; quarters in order.
    pub rows: Vec<QuarterDelta>,
    pub hires: Vec<HireShift>,
}
