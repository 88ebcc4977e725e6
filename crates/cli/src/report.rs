//! The capacity plan as rows for people (table) and for scripts (CSV, JSON). The first twelve
//! columns are W3's (shared/bench/WORKLOADS.md), in W3's order, so the output can be checked
//! against the reference; the planner's other columns follow.

use crate::args::Format;
use anyhow::Result;
use comfy_table::{CellAlignment, Table, presets::UTF8_FULL_CONDENSED};
use csplan_domain::Cents;
use csplan_domain::capacity::{CapacityPlan, PlanSide, SegmentPlan};
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Serialize)]
struct Row {
    segment: String,
    accounts: u64,
    total_arr: f64,
    csms_topdown: f64,
    headcount_topdown: u64,
    customers_per_csm_topdown: Option<f64>,
    touch_topdown: Option<&'static str>,
    activities_per_month: Option<f64>,
    customers_per_csm_bottomup: Option<f64>,
    csms_bottomup: f64,
    headcount_bottomup: u64,
    touch_bottomup: Option<&'static str>,
    gap_csms: f64,
    gap_headcount: i64,
    implied_arr_per_csm: Option<f64>,
    minutes_per_customer_per_month: Option<f64>,
    hours_per_csm_per_month: Option<f64>,
    rounding: &'static str,
    explanation: Option<String>,
}

/// Cents to a dollar number whose shortest decimal form is the exact cents (safe below 2^53
/// cents, i.e. $90 trillion).
fn dollars(amount: Cents) -> f64 {
    amount.0 as f64 / 100.0
}

fn touch(side: &PlanSide) -> Option<&'static str> {
    side.touch.map(|t| t.label())
}

fn segment_row(plan: &CapacityPlan, s: &SegmentPlan) -> Row {
    Row {
        segment: s.segment.clone(),
        accounts: s.accounts,
        total_arr: dollars(s.total_arr),
        csms_topdown: s.top_down.fte,
        headcount_topdown: s.top_down.headcount,
        customers_per_csm_topdown: s.top_down.customers_per_csm,
        touch_topdown: touch(&s.top_down),
        activities_per_month: Some(s.activities_per_customer_per_month),
        customers_per_csm_bottomup: s.bottom_up.customers_per_csm,
        csms_bottomup: s.bottom_up.fte,
        headcount_bottomup: s.bottom_up.headcount,
        touch_bottomup: touch(&s.bottom_up),
        gap_csms: s.gap_fte,
        gap_headcount: s.gap_headcount,
        implied_arr_per_csm: s.implied_arr_per_csm.map(dollars),
        minutes_per_customer_per_month: Some(s.minutes_per_customer_per_month),
        hours_per_csm_per_month: s.hours_per_csm_per_month,
        rounding: plan.rounding.label(),
        explanation: Some(s.explanation.clone()),
    }
}

fn rows(plan: &CapacityPlan) -> Vec<Row> {
    let mut rows: Vec<Row> = plan.segments.iter().map(|s| segment_row(plan, s)).collect();
    let t = &plan.total;
    rows.push(Row {
        segment: "Total".to_string(),
        accounts: t.accounts,
        total_arr: dollars(t.total_arr),
        csms_topdown: t.top_down.fte,
        headcount_topdown: t.top_down.headcount,
        customers_per_csm_topdown: t.top_down.customers_per_csm,
        touch_topdown: None,
        activities_per_month: None,
        customers_per_csm_bottomup: t.bottom_up.customers_per_csm,
        csms_bottomup: t.bottom_up.fte,
        headcount_bottomup: t.bottom_up.headcount,
        touch_bottomup: None,
        gap_csms: t.gap_fte,
        gap_headcount: t.gap_headcount,
        implied_arr_per_csm: (t.bottom_up.fte > 0.0)
            .then(|| dollars(t.total_arr) / t.bottom_up.fte),
        minutes_per_customer_per_month: None,
        hours_per_csm_per_month: None,
        rounding: plan.rounding.label(),
        explanation: None,
    });
    rows
}

pub fn write(plan: &CapacityPlan, format: Format, out: &mut impl Write) -> Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows(plan))?;
            writeln!(out)?;
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            for row in rows(plan) {
                writer.serialize(row)?;
            }
            writer.flush()?;
        }
        Format::Table => write_table(plan, out)?,
    }
    Ok(())
}

fn fixed(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.decimals$}"))
}

fn write_table(plan: &CapacityPlan, out: &mut impl Write) -> Result<()> {
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
        "Segment",
        "Accounts",
        "ARR",
        "Top-down FTE",
        "Hire",
        "Cust/CSM",
        "Touch",
        "Act/cust/mo",
        "Bottom-up FTE",
        "Hire",
        "Cust/CSM",
        "Touch",
        "Gap FTE",
    ]);
    for row in rows(plan) {
        table.add_row(vec![
            row.segment,
            row.accounts.to_string(),
            Cents((row.total_arr * 100.0).round() as i64).to_exact_string(),
            format!("{:.1}", row.csms_topdown),
            row.headcount_topdown.to_string(),
            fixed(row.customers_per_csm_topdown, 1),
            row.touch_topdown.unwrap_or("").to_string(),
            row.activities_per_month
                .map_or_else(String::new, |a| format!("{a:.2}")),
            format!("{:.1}", row.csms_bottomup),
            row.headcount_bottomup.to_string(),
            fixed(row.customers_per_csm_bottomup, 1),
            row.touch_bottomup.unwrap_or("").to_string(),
            format!("{:+.1}", row.gap_csms),
        ]);
    }
    // Every column but the segment name and the two touch models holds a number.
    for index in (1..13).filter(|i| ![6, 11].contains(i)) {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(out, "How many CSMs do we need? {}", plan.headline)?;
    writeln!(out, "{table}")?;
    writeln!(
        out,
        "Hire = FTE rounded by {}. Capacity: {:.0} activities a day, one every {:.0} minutes, {:.0} hours a month.",
        plan.rounding.label(),
        plan.activities_per_day,
        plan.minutes_per_activity,
        plan.hours_per_month
    )?;
    for segment in &plan.segments {
        writeln!(out, "- {}", segment.explanation)?;
    }
    Ok(())
}
