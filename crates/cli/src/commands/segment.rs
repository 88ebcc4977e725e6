//! `csplan segment`: read a rule set file, assign every account of the workspace, print the
//! summary per segment (the same `summarize` the app shows).

use crate::args::Format;
use crate::rule_source;
use crate::segment_args::SegmentArgs;
use anyhow::Result;
use comfy_table::{CellAlignment, Table, presets::UTF8_FULL_CONDENSED};
use csplan_domain::Cents;
use csplan_domain::segmentation::{BookTotal, RuleSet, SegmentSummary, book_total, summarize};
use csplan_store::Store;
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

pub async fn run(args: &SegmentArgs) -> Result<()> {
    // A file first: a mistake in it is reported without touching the workspace.
    let file = Path::new(&args.rules);
    let from_file = file.is_file().then(|| rule_source::read_file(file));
    let store = Store::open_with(&args.db, None, Duration::from_secs(5)).await?;
    let loaded = async {
        let rules = match from_file {
            Some(read) => read?,
            None => rule_source::resolve(&store, &args.rules).await?,
        };
        anyhow::Ok((rules, store.accounts().await?))
    }
    .await;
    store.close().await;
    let (rules, accounts) = loaded?;
    let summary = summarize(&rules, &accounts);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match (args.format, args.w2) {
        (Format::Csv, true) => write_w2_csv(&summary, &mut out),
        (Format::Csv, false) => write_csv(&summary, &mut out),
        (Format::Json, w2) => write_json(&summary, w2, &mut out),
        (Format::Table, _) => write_table(&rules, &summary, &mut out),
    }
}

/// A number's shortest text that reads back as the same double (W2's "full double precision").
fn number(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

/// W2's table: segments with accounts only, in rule order; ARR exact to the cent.
fn write_w2_csv(summary: &[SegmentSummary], out: &mut impl Write) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(["segment", "accounts", "total_arr", "mean_health"])?;
    for s in summary.iter().filter(|s| s.accounts > 0) {
        writer.write_record([
            s.segment.clone(),
            s.accounts.to_string(),
            s.total_arr.to_plain_string(),
            number(s.mean_health),
        ])?;
    }
    writer.flush()?;
    Ok(())
}

fn write_csv(summary: &[SegmentSummary], out: &mut impl Write) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "segment",
        "touch_model",
        "colour",
        "accounts",
        "total_arr",
        "share_of_arr",
        "share_of_accounts",
        "mean_health",
        "nps",
        "nps_responses",
        "renewals_next_90_days",
        "renewals_next_90_days_arr",
    ])?;
    for s in summary {
        writer.write_record([
            s.segment.clone(),
            s.touch_model.label().to_string(),
            s.colour.clone(),
            s.accounts.to_string(),
            s.total_arr.to_plain_string(),
            s.share_of_arr.to_string(),
            s.share_of_accounts.to_string(),
            number(s.mean_health),
            number(s.nps),
            s.nps_responses.to_string(),
            s.renewals_next_90_days.to_string(),
            s.renewals_next_90_days_arr.to_plain_string(),
        ])?;
    }
    writer.flush()?;
    Ok(())
}

/// JSON for scripts: money in dollars (the double nearest the exact cents, so its text is the
/// exact amount), W2's columns only with `--w2`.
#[derive(Serialize)]
struct JsonRow<'a> {
    segment: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    touch_model: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    colour: Option<&'a str>,
    accounts: u64,
    total_arr: f64,
    mean_health: Option<f64>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    more: Option<JsonMore>,
}

#[derive(Serialize)]
struct JsonMore {
    share_of_arr: f64,
    share_of_accounts: f64,
    nps: Option<f64>,
    nps_responses: u64,
    renewals_next_90_days: u64,
    renewals_next_90_days_arr: f64,
}

fn dollars(amount: Cents) -> f64 {
    amount.0 as f64 / 100.0
}

fn write_json(summary: &[SegmentSummary], w2: bool, out: &mut impl Write) -> Result<()> {
    let rows: Vec<JsonRow> = summary
        .iter()
        .filter(|s| !w2 || s.accounts > 0)
        .map(|s| JsonRow {
            segment: &s.segment,
            touch_model: (!w2).then(|| s.touch_model.label()),
            colour: (!w2).then_some(s.colour.as_str()),
            accounts: s.accounts,
            total_arr: dollars(s.total_arr),
            mean_health: s.mean_health,
            more: (!w2).then(|| JsonMore {
                share_of_arr: s.share_of_arr,
                share_of_accounts: s.share_of_accounts,
                nps: s.nps,
                nps_responses: s.nps_responses,
                renewals_next_90_days: s.renewals_next_90_days,
                renewals_next_90_days_arr: dollars(s.renewals_next_90_days_arr),
            }),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    writeln!(out)?;
    Ok(())
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

fn health(mean: Option<f64>) -> String {
    mean.map_or_else(|| "-".to_string(), |h| format!("{h:.1}"))
}

fn nps(score: Option<f64>, responses: u64) -> String {
    score.map_or_else(|| "-".to_string(), |n| format!("{n:+.0} ({responses})"))
}

fn write_table(rules: &RuleSet, summary: &[SegmentSummary], out: &mut impl Write) -> Result<()> {
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
        "Segment",
        "Touch",
        "Accounts",
        "% accts",
        "ARR",
        "% ARR",
        "Mean health",
        "NPS (answers)",
        "Renewing in 90 days",
        "Renewing ARR",
    ]);
    for s in summary {
        table.add_row(vec![
            s.segment.clone(),
            s.touch_model.label().to_string(),
            s.accounts.to_string(),
            percent(s.share_of_accounts),
            s.total_arr.to_exact_string(),
            percent(s.share_of_arr),
            health(s.mean_health),
            nps(s.nps, s.nps_responses),
            s.renewals_next_90_days.to_string(),
            s.renewals_next_90_days_arr.to_exact_string(),
        ]);
    }
    // The domain's total (the app's Total row): means over every account, not of the segments.
    let total: BookTotal = book_total(summary);
    let whole = if total.accounts > 0 { "100.0%" } else { "-" };
    table.add_row(vec![
        "Total".to_string(),
        String::new(),
        total.accounts.to_string(),
        whole.to_string(),
        total.total_arr.to_exact_string(),
        whole.to_string(),
        health(total.mean_health),
        nps(total.nps, total.nps_responses),
        total.renewals_next_90_days.to_string(),
        total.renewals_next_90_days_arr.to_exact_string(),
    ]);
    for index in [2, 3, 4, 5, 6, 7, 8, 9] {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(
        out,
        "{}: {} accounts, {} ARR, first matching rule wins; renewals counted from {}.",
        rules.name,
        total.accounts,
        total.total_arr.to_exact_string(),
        rules.as_of
    )?;
    writeln!(out, "{table}")?;
    writeln!(
        out,
        "NPS = % promoters (9-10) minus % detractors (0-6) of the accounts that answered."
    )?;
    Ok(())
}
