//! `csplan comp` results for people (table), scripts (JSON) and the benchmark harness (CSV in
//! WORKLOADS.md's `#table <name>` format, W4's and W5's tables and columns).

use crate::args::Format;
use anyhow::Result;
use comfy_table::{CellAlignment, Table, presets::UTF8_FULL_CONDENSED};
use csplan_domain::compensation::{
    Backtest, LintWarning, SensitivityRow, StressSetup, StressSummary,
};
use std::io::Write;

/// A number as W4/W5 print it: shortest round-trip form, empty for none.
fn num(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

fn csv_table(
    out: &mut impl Write,
    name: &str,
    header: &[String],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<()> {
    writeln!(out, "#table {name}")?;
    let mut writer = csv::Writer::from_writer(&mut *out);
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(&row)?;
    }
    writer.flush()?;
    Ok(())
}

fn strings(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

fn money(value: f64) -> String {
    let whole = value.round().abs() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{}${grouped}", if value < -0.5 { "-" } else { "" })
}

fn right_align(table: &mut Table, from: usize) {
    let columns = table.column_count();
    for index in from..columns {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

fn backtest_csv(result: &Backtest, out: &mut impl Write) -> Result<()> {
    let (c, p) = (&result.current, &result.proposed);
    csv_table(
        out,
        "quarterly_cost",
        &strings(&[
            "quarter",
            "plan",
            "csms",
            "base_cost",
            "variable_cost",
            "total_cost",
        ]),
        result.quarterly_cost.iter().map(|q| {
            vec![
                q.quarter.clone(),
                q.plan.clone(),
                q.csms.to_string(),
                num(Some(q.base_cost)),
                num(Some(q.variable_cost)),
                num(Some(q.total_cost)),
            ]
        }),
    )?;
    csv_table(
        out,
        "plan_summary",
        &strings(&[
            "plan",
            "variable_cost_total",
            "total_cost_total",
            "spearman_perf_vs_payout",
            "top_decile_overlap",
            "top_decile_size",
            "top_decile_retained_share",
            "payout_p90_p10_ratio",
        ]),
        result.plan_summary.iter().map(|s| {
            vec![
                s.plan.clone(),
                num(Some(s.variable_cost_total)),
                num(Some(s.total_cost_total)),
                num(s.spearman_perf_vs_payout),
                s.top_decile_overlap.to_string(),
                s.top_decile_size.to_string(),
                num(s.top_decile_retained_share),
                num(s.payout_p90_p10_ratio),
            ]
        }),
    )?;
    csv_table(
        out,
        "csm_totals",
        &[
            "csm_id".to_string(),
            "perf_score".to_string(),
            "perf_rank".to_string(),
            format!("var_{c}"),
            format!("rank_{c}"),
            format!("var_{p}"),
            format!("rank_{p}"),
        ],
        result.csm_totals.iter().map(|t| {
            vec![
                t.csm_id.clone(),
                num(Some(t.perf_score)),
                num(Some(t.perf_rank)),
                num(Some(t.var_current)),
                num(Some(t.rank_current)),
                num(Some(t.var_proposed)),
                num(Some(t.rank_proposed)),
            ]
        }),
    )?;
    csv_table(
        out,
        "payouts",
        &[
            "csm_id".to_string(),
            "quarter".to_string(),
            format!("var_{c}"),
            format!("var_{p}"),
        ],
        result.payouts.iter().map(|r| {
            vec![
                r.csm_id.clone(),
                r.quarter.clone(),
                num(Some(r.var_current)),
                num(Some(r.var_proposed)),
            ]
        }),
    )
}

fn backtest_table(result: &Backtest, out: &mut impl Write) -> Result<()> {
    let (c, p) = (&result.current, &result.proposed);
    writeln!(out, "{}.", result.verdict.headline)?;
    for reason in &result.verdict.why {
        writeln!(out, "- {reason}")?;
    }
    let mut quarters = Table::new();
    quarters.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
        "Quarter".to_string(),
        "CSMs".to_string(),
        format!("{c} variable"),
        format!("{c} total"),
        format!("{p} variable"),
        format!("{p} total"),
        "Difference".to_string(),
        format!("{c} % of ARR"),
        format!("{p} % of ARR"),
    ]);
    for pair in result.quarterly_cost.chunks(2) {
        if let [cur, pro] = pair {
            quarters.add_row(vec![
                cur.quarter.clone(),
                cur.csms.to_string(),
                money(cur.variable_cost),
                money(cur.total_cost),
                money(pro.variable_cost),
                money(pro.total_cost),
                money(pro.total_cost - cur.total_cost),
                percent(cur.cost_pct_of_arr),
                percent(pro.cost_pct_of_arr),
            ]);
        }
    }
    right_align(&mut quarters, 1);
    writeln!(out, "\nComp cost per quarter")?;
    writeln!(out, "{quarters}")?;
    let mut plans = Table::new();
    plans.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
        "Plan",
        "Variable",
        "Total cost",
        "Cost % of ARR",
        "Spearman perf vs pay",
        "Top decile kept",
        "P90/P10",
    ]);
    for s in &result.plan_summary {
        plans.add_row(vec![
            s.plan.clone(),
            money(s.variable_cost_total),
            money(s.total_cost_total),
            percent(s.cost_pct_of_arr),
            s.spearman_perf_vs_payout
                .map_or_else(|| "-".into(), |v| format!("{v:.3}")),
            format!("{} of {}", s.top_decile_overlap, s.top_decile_size),
            s.payout_p90_p10_ratio
                .map_or_else(|| "-".into(), |v| format!("{v:.2}")),
        ]);
    }
    right_align(&mut plans, 1);
    writeln!(out, "\nWhole history")?;
    writeln!(out, "{plans}")?;
    if !result.falling_top_performers.is_empty() {
        let mut falling = Table::new();
        falling.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
            "CSM".to_string(),
            "Name".to_string(),
            "Segment".to_string(),
            "Perf rank".to_string(),
            format!("{c} variable"),
            format!("{p} variable"),
            "Change".to_string(),
        ]);
        for t in &result.falling_top_performers {
            falling.add_row(vec![
                t.csm_id.clone(),
                t.csm_name.clone(),
                t.segment.clone(),
                t.perf_rank.to_string(),
                money(t.var_current),
                money(t.var_proposed),
                t.change_pct
                    .map_or_else(|| "-".into(), |v| format!("{v:+.1}%")),
            ]);
        }
        right_align(&mut falling, 3);
        writeln!(out, "\nTop performers paid less")?;
        writeln!(out, "{falling}")?;
    }
    Ok(())
}

pub fn write_backtest(result: &Backtest, format: Format, out: &mut impl Write) -> Result<()> {
    match format {
        Format::Csv => backtest_csv(result, out),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, result)?;
            writeln!(out)?;
            Ok(())
        }
        Format::Table => backtest_table(result, out),
    }
}

const MC_COLUMNS: [&str; 8] = [
    "plan",
    "trials",
    "budget",
    "mean_cost",
    "p5",
    "p50",
    "p95",
    "prob_cost_exceeds_budget",
];

const SENSITIVITY_COLUMNS: [&str; 8] = [
    "parameter",
    "low",
    "high",
    "mean_cost_low",
    "mean_cost_high",
    "p95_low",
    "p95_high",
    "swing",
];

fn stress_csv(
    summaries: &[StressSummary],
    sensitivity: Option<&[SensitivityRow]>,
    out: &mut impl Write,
) -> Result<()> {
    csv_table(
        out,
        "mc_summary",
        &strings(&MC_COLUMNS),
        summaries.iter().map(|s| {
            vec![
                s.plan.clone(),
                s.trials.to_string(),
                num(Some(s.budget)),
                num(Some(s.mean_cost)),
                num(Some(s.p5)),
                num(Some(s.p50)),
                num(Some(s.p95)),
                num(Some(s.prob_cost_exceeds_budget)),
            ]
        }),
    )?;
    if let Some(rows) = sensitivity {
        csv_table(
            out,
            "sensitivity",
            &strings(&SENSITIVITY_COLUMNS),
            rows.iter().map(|r| {
                vec![
                    r.parameter.clone(),
                    num(Some(r.low)),
                    num(Some(r.high)),
                    num(Some(r.mean_cost_low)),
                    num(Some(r.mean_cost_high)),
                    num(Some(r.p95_low)),
                    num(Some(r.p95_high)),
                    num(Some(r.swing)),
                ]
            }),
        )?;
    }
    Ok(())
}

fn stress_table(
    summaries: &[StressSummary],
    setup: &StressSetup,
    sensitivity: Option<&[SensitivityRow]>,
    out: &mut impl Write,
) -> Result<()> {
    writeln!(
        out,
        "Variable comp cost next year: {} trials, {:?} draws, seed {}.",
        setup.trials, setup.generator, setup.seed
    )?;
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
        "Plan",
        "Budget",
        "Mean",
        "P5 (good year for cost)",
        "P50",
        "P95 (bad year for cost)",
        "P(cost > budget)",
    ]);
    for s in summaries {
        table.add_row(vec![
            s.plan.clone(),
            money(s.budget),
            money(s.mean_cost),
            money(s.p5),
            money(s.p50),
            money(s.p95),
            format!("{:.1}%", s.prob_cost_exceeds_budget * 100.0),
        ]);
    }
    right_align(&mut table, 1);
    writeln!(out, "{table}")?;
    if let Some(rows) = sensitivity {
        let mut view = Table::new();
        view.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
            "Parameter",
            "Low → high",
            "Mean cost",
            "P95 cost",
            "Swing",
        ]);
        for r in rows {
            view.add_row(vec![
                r.parameter.clone(),
                format!("{:.3} → {:.3}", r.low, r.high),
                format!("{} → {}", money(r.mean_cost_low), money(r.mean_cost_high)),
                format!("{} → {}", money(r.p95_low), money(r.p95_high)),
                money(r.swing),
            ]);
        }
        right_align(&mut view, 1);
        writeln!(
            out,
            "\nSensitivity of {} (largest swing first):",
            summaries.first().map_or("", |s| s.plan.as_str())
        )?;
        writeln!(out, "{view}")?;
    }
    Ok(())
}

pub fn write_stress(
    summaries: &[StressSummary],
    setup: &StressSetup,
    sensitivity: Option<&[SensitivityRow]>,
    format: Format,
    out: &mut impl Write,
) -> Result<()> {
    match format {
        Format::Csv => stress_csv(summaries, sensitivity, out),
        Format::Json => {
            let value = serde_json::json!({
                "setup": setup,
                "mc_summary": summaries,
                "sensitivity": sensitivity,
            });
            serde_json::to_writer_pretty(&mut *out, &value)?;
            writeln!(out)?;
            Ok(())
        }
        Format::Table => stress_table(summaries, setup, sensitivity, out),
    }
}

pub fn write_lint(file: &str, warnings: &[LintWarning], out: &mut impl Write) -> Result<()> {
    if warnings.is_empty() {
        writeln!(out, "{file}: no warnings")?;
    }
    for warning in warnings {
        writeln!(
            out,
            "{file}: warning: {}: {}",
            warning.field, warning.message
        )?;
    }
    Ok(())
}

/// One decimal, as UI.md asks for percentages; "-" when there is no ARR to divide by.
fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "-".into(), |v| format!("{v:.1}%"))
}
