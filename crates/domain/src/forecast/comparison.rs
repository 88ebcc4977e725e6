//! Two plans over time side by side (issue #4 part 5): per segment and quarter, and in total,
//! what changes from plan A to plan B.

use super::output::{Forecast, QuarterCost, Team};
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

fn delta(segment: &str, quarter: u32, a: Side<'_>, b: Side<'_>) -> QuarterDelta {
    let fte = |s: Side<'_>| s.map_or(0.0, |(t, _)| t.required_fte);
    let heads = |s: Side<'_>| s.map_or(0, |(t, _)| t.required_headcount);
    let hires = |s: Side<'_>| s.map_or(0, |(t, _)| t.hires);
    let cost = |s: Side<'_>| s.map_or(Cents::ZERO, |(_, c)| c.cs_cost);
    QuarterDelta {
        segment: segment.to_string(),
        quarter,
        required_fte_a: fte(a),
        required_fte_b: fte(b),
        required_headcount_a: heads(a),
        required_headcount_b: heads(b),
        required_headcount_change: heads(b) as i64 - heads(a) as i64,
        hires_a: hires(a),
        hires_b: hires(b),
        hires_change: hires(b) as i64 - hires(a) as i64,
        cs_cost_a: cost(a),
        cs_cost_b: cost(b),
        cs_cost_change: cost(b) - cost(a),
    }
}

type Side<'a> = Option<(&'a Team, &'a QuarterCost)>;

fn segment_row<'a>(plan: &'a Forecast, name: &str, q: usize) -> Side<'a> {
    plan.segments
        .iter()
        .find(|s| s.segment == name)
        .and_then(|s| s.quarters.get(q))
        .map(|r| (&r.team, &r.cost))
}

fn total_row(plan: &Forecast, q: usize) -> Side<'_> {
    plan.totals.get(q).map(|t| (&t.team, &t.cost))
}

fn requisition(plan: &Forecast, segment: &str, number: u32) -> Option<IsoDate> {
    plan.hires
        .iter()
        .find(|h| h.segment == segment && h.number == number)
        .map(|h| h.requisition_open)
}

/// Plan B against plan A. Quarters beyond the shorter plan compare against nothing (zeros); a
/// segment only one plan has compares against zeros too.
pub fn compare(a: &Forecast, b: &Forecast) -> ForecastComparison {
    let mut names: Vec<&str> = a.segments.iter().map(|s| s.segment.as_str()).collect();
    for s in &b.segments {
        if !names.contains(&s.segment.as_str()) {
            names.push(&s.segment);
        }
    }
    let quarters = a.quarters.len().max(b.quarters.len());
    let mut rows = Vec::with_capacity((names.len() + 1) * quarters);
    for name in &names {
        for q in 0..quarters {
            rows.push(delta(
                name,
                q as u32 + 1,
                segment_row(a, name, q),
                segment_row(b, name, q),
            ));
        }
    }
    for q in 0..quarters {
        rows.push(delta(
            "Total",
            q as u32 + 1,
            total_row(a, q),
            total_row(b, q),
        ));
    }
    let mut hires = Vec::new();
    for name in &names {
        let count =
            |plan: &Forecast| plan.hires.iter().filter(|h| h.segment == *name).count() as u32;
        for number in 1..=count(a).max(count(b)) {
            let (ra, rb) = (requisition(a, name, number), requisition(b, name, number));
            hires.push(HireShift {
                segment: name.to_string(),
                number,
                requisition_a: ra,
                requisition_b: rb,
                days_change: ra.zip(rb).map(|(x, y)| x.days_until(y)),
            });
        }
    }
    ForecastComparison { rows, hires }
}
