//! The one-page plan for the CFO (DOMAIN.md §1.3: the CFO conversation is about the investment
//! required and the retention it buys): the answer, four headline numbers, the three charts,
//! the plan per quarter and every assumption, on one A4 page when printed. Self-contained:
//! inline CSS and SVG, no script, no network.

use super::PlanDocument;
use super::sheets::{Cell, sheets};
use crate::html::{NO_SCRIPT_CSP, escape, page};
use csplan_charts::forecast::plan_charts;
use std::fmt::Write;

const CSS: &str = include_str!("report.css");

fn percent(fraction: f64) -> String {
    format!("{:.1}%", fraction * 100.0)
}

/// The four headline numbers of the last quarter.
fn kpis(doc: &PlanDocument<'_>, out: &mut String) {
    let forecast = doc.forecast;
    let (Some(last), Some(span)) = (forecast.totals.last(), forecast.quarters.last()) else {
        return;
    };
    let today: f64 = doc.inputs.segments.iter().map(|s| s.current_csms).sum();
    let first_requisition = forecast
        .hires
        .iter()
        .map(|h| h.requisition_open)
        .min()
        .map_or_else(
            || "no hires needed".to_string(),
            |d| format!("first requisition {d}"),
        );
    let band = doc
        .bands
        .and_then(|b| b.quarters.iter().find(|q| q.quarter == last.quarter))
        .map(|b| {
            format!(
                "; P10-P90 {:.0}-{:.0}",
                b.required_headcount.p10, b.required_headcount.p90
            )
        })
        .unwrap_or_default();
    let share = last
        .cost
        .cost_pct_of_arr
        .map_or_else(|| "no ARR".to_string(), percent);
    let magic = last
        .magic_number
        .map_or_else(|| "no cost".to_string(), |m| format!("{m:.1}"));
    let items = [
        (
            format!("{} CSMs", last.team.required_headcount),
            format!("needed by {} (today {today}){band}", span.title),
        ),
        (
            format!("{} hires", last.team.cumulative_hires),
            first_requisition,
        ),
        (
            share,
            format!(
                "CS cost of ARR in {} ({} a quarter); benchmark 5-15%",
                span.title,
                last.cost.cs_cost.to_short_string()
            ),
        ),
        (
            magic,
            format!("CS Magic Number in {}; target above 5.0", span.title),
        ),
    ];
    out.push_str("<section class=\"kpis\">\n");
    for (value, note) in items {
        let _ = writeln!(
            out,
            "<div class=\"kpi\"><b>{}</b><span>{}</span></div>",
            escape(&value),
            escape(&note)
        );
    }
    out.push_str("</section>\n");
}

fn cell_html(cell: &Cell) -> (String, bool) {
    match cell {
        Cell::Text(text) => (escape(text), false),
        Cell::Money(cents) => (cents.to_exact_string(), true),
        Cell::Number(value, decimals) => (format!("{value:.decimals$}"), true),
        Cell::Count(count) => (count.to_string(), true),
        Cell::Share(fraction) => (percent(*fraction), true),
        Cell::Date(date) => (date.to_string(), true),
        Cell::Empty => ("–".to_string(), true),
    }
}

/// The summary table with only the columns a CFO reads, under short headings so it fits beside
/// the charts; the workbook has every column.
fn quarters(doc: &PlanDocument<'_>, out: &mut String) {
    let Some(summary) = sheets(doc).into_iter().find(|s| s.title == "Summary") else {
        return;
    };
    let wanted = [
        ("Quarter", "Quarter"),
        ("Required headcount", "CSMs needed"),
        ("Required headcount P10", "P10"),
        ("Required headcount P90", "P90"),
        ("Effective FTE", "Team FTE"),
        ("Surplus (+) / shortfall (-) FTE", "Gap FTE"),
        ("Hires", "Hires"),
        ("CS cost % of ARR", "Cost % ARR"),
    ];
    let columns: Vec<(usize, &str)> = wanted
        .iter()
        .filter_map(|(w, short)| {
            summary
                .headers
                .iter()
                .position(|h| h == w)
                .map(|i| (i, *short))
        })
        .collect();
    out.push_str("<table>\n<thead><tr>");
    for &(c, short) in &columns {
        let class = if c == 0 { "" } else { " class=\"num\"" };
        let _ = write!(out, "<th{class}>{}</th>", escape(short));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let gap = summary
        .headers
        .iter()
        .position(|h| h.starts_with("Surplus"));
    for row in &summary.rows {
        out.push_str("<tr>");
        for &(c, _) in &columns {
            let (text, numeric) = row.get(c).map_or((String::new(), false), cell_html);
            let short =
                Some(c) == gap && matches!(row.get(c), Some(Cell::Number(v, _)) if *v < -0.005);
            let class = match (numeric, short) {
                (_, true) => " class=\"num short\"",
                (true, false) => " class=\"num\"",
                _ => "",
            };
            let _ = write!(out, "<td{class}>{text}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn assumptions(doc: &PlanDocument<'_>, out: &mut String) {
    let Some(sheet) = sheets(doc).into_iter().find(|s| s.title == "Assumptions") else {
        return;
    };
    out.push_str("<ul class=\"assumptions\">\n");
    for row in &sheet.rows {
        let text = |i: usize| row.get(i).map(|c| cell_html(c).0).unwrap_or_default();
        let note = text(2);
        let note = if note.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"note\">({note})</span>")
        };
        let _ = writeln!(out, "<li><b>{}:</b> {}{note}</li>", text(0), text(1));
    }
    out.push_str("</ul>\n");
}

/// The report as one HTML document.
pub fn forecast_report_html(doc: &PlanDocument<'_>) -> String {
    let charts = plan_charts(doc.forecast, doc.bands);
    let forecast = doc.forecast;
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h1>{}: how many CSMs we need each quarter, and when we must hire</h1>",
        escape(doc.name)
    );
    let span = match (forecast.quarters.first(), forecast.quarters.last()) {
        (Some(first), Some(last)) => format!("{} to {}", first.title, last.title),
        _ => String::new(),
    };
    let bands = doc.bands.map_or_else(
        || "no Monte Carlo run".to_string(),
        |b| format!("risk bands from {} trials, seed {}", b.trials, b.seed),
    );
    let _ = writeln!(
        body,
        "<p class=\"meta\">{} · sized {} · {} preset · {}</p>",
        escape(&span),
        escape(forecast.basis.label()),
        escape(doc.preset.label()),
        escape(&bands)
    );
    let _ = writeln!(
        body,
        "<p class=\"answer\">{}</p>",
        escape(&forecast.headline)
    );
    kpis(doc, &mut body);
    body.push_str("<section class=\"charts\">\n");
    for svg in [&charts.capacity, &charts.hires, &charts.cost] {
        let _ = writeln!(body, "<figure>{svg}</figure>");
    }
    body.push_str("<div class=\"per-quarter\">\n<h2>Per quarter</h2>\n");
    quarters(doc, &mut body);
    body.push_str("</div>\n</section>\n<h2>Assumptions</h2>\n");
    assumptions(doc, &mut body);
    body.push_str("<footer>Made with CS Plan. Benchmarks: CS cost 5-15% of revenue for established companies, under 5% for large organisations (DOMAIN.md §1.3, 004 L35); CS Magic Number above 5.0 (DOMAIN.md §5.2, 002 L15). Ramp, lead time, attrition and costs are the plan's own inputs: the sources give none.</footer>\n");
    page(
        &format!("{} – CS capacity plan", doc.name),
        NO_SCRIPT_CSP,
        CSS,
        &body,
        "",
    )
}
