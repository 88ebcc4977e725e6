//! Two scenarios side by side: per segment and in total, how the answer moves from plan A to
//! plan B. Segments present in only one plan still get a row, with zeros on the other side.

use super::plan::{CapacityPlan, PlanSide};
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SideDelta {
    pub fte_a: f64,
    pub fte_b: f64,
    /// B minus A.
    pub fte_change: f64,
    #[ts(type = "number")]
    pub headcount_a: u64,
    #[ts(type = "number")]
    pub headcount_b: u64,
    #[ts(type = "number")]
    pub headcount_change: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ComparisonRow {
    /// A segment name, or "Total".
    pub segment: String,
    #[ts(type = "number")]
    pub accounts_a: u64,
    #[ts(type = "number")]
    pub accounts_b: u64,
    pub arr_a: Cents,
    pub arr_b: Cents,
    pub top_down: SideDelta,
    pub bottom_up: SideDelta,
}

fn delta(a: Option<&PlanSide>, b: Option<&PlanSide>) -> SideDelta {
    let fte = |s: Option<&PlanSide>| s.map_or(0.0, |s| s.fte);
    let heads = |s: Option<&PlanSide>| s.map_or(0, |s| s.headcount);
    SideDelta {
        fte_a: fte(a),
        fte_b: fte(b),
        fte_change: fte(b) - fte(a),
        headcount_a: heads(a),
        headcount_b: heads(b),
        headcount_change: heads(b) as i64 - heads(a) as i64,
    }
}

/// Rows in plan A's segment order, then segments only B has, then the total.
pub fn compare(a: &CapacityPlan, b: &CapacityPlan) -> Vec<ComparisonRow> {
    let mut names: Vec<&str> = a.segments.iter().map(|s| s.segment.as_str()).collect();
    for segment in &b.segments {
        if !names.contains(&segment.segment.as_str()) {
            names.push(&segment.segment);
        }
    }
    let mut rows: Vec<ComparisonRow> = names
        .into_iter()
        .map(|name| {
            let sa = a.segments.iter().find(|s| s.segment == name);
            let sb = b.segments.iter().find(|s| s.segment == name);
            ComparisonRow {
                segment: name.to_string(),
                accounts_a: sa.map_or(0, |s| s.accounts),
                accounts_b: sb.map_or(0, |s| s.accounts),
                arr_a: sa.map_or(Cents::ZERO, |s| s.total_arr),
                arr_b: sb.map_or(Cents::ZERO, |s| s.total_arr),
                top_down: delta(sa.map(|s| &s.top_down), sb.map(|s| &s.top_down)),
                bottom_up: delta(sa.map(|s| &s.bottom_up), sb.map(|s| &s.bottom_up)),
            }
        })
        .collect();
    rows.push(ComparisonRow {
        segment: "Total".to_string(),
        accounts_a: a.total.accounts,
        accounts_b: b.total.accounts,
        arr_a: a.total.total_arr,
        arr_b: b.total.total_arr,
        top_down: delta(Some(&a.total.top_down), Some(&b.total.top_down)),
        bottom_up: delta(Some(&a.total.bottom_up), Some(&b.total.bottom_up)),
    });
    rows
}
