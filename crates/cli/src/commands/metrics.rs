//! `csplan metrics` and `csplan warnings`: the period's metrics and early-warning list from the
//! workspace's snapshots, as the Metrics page shows them (same store calls, same numbers).

use crate::args::Format;
use crate::metrics_args::{By, MetricsArgs, MovementsCommand, SetupArgs, WarningsArgs};
use anyhow::{Context, Result, bail};
use comfy_table::{CellAlignment, Table, presets::UTF8_FULL_CONDENSED};
use csplan_domain::Cents;
use csplan_domain::metrics::{Metric, Unit};
use csplan_report::{band_name, early_warning_csv, neutralise};
use csplan_store::{EarlyWarning, GroupBy, MetricsSetup, PeriodReport, Snapshot, Store};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

async fn open(db: &Path) -> Result<Store> {
    Ok(Store::open_with(db, None, Duration::from_secs(5)).await?)
}

fn cost(flag: &str, text: &str) -> Result<Cents> {
    let amount = Cents::parse_decimal(text).with_context(|| format!("{flag} {text}"))?;
    if amount.0 < 0 {
        bail!("{flag} cannot be negative (it is {text})");
    }
    Ok(amount)
}

/// The saved set-up with every flag given laid over it.
fn setup(saved: MetricsSetup, args: &SetupArgs) -> Result<MetricsSetup> {
    let mut setup = saved;
    if let Some(text) = &args.cs_cost {
        setup.costs.cs_team_cost = Some(cost("--cs-cost", text)?);
    }
    if let Some(text) = &args.support_cost {
        setup.costs.support_team_cost = Some(cost("--support-cost", text)?);
    }
    if let Some(text) = &args.cac {
        setup.costs.cac = Some(cost("--cac", text)?);
    }
    if let Some(percent) = args.gross_margin {
        setup.costs.gross_margin = Some(percent / 100.0);
    }
    if let Some(points) = args.green_from {
        setup.settings.health_bands.green_from = points;
    }
    if let Some(points) = args.yellow_from {
        setup.settings.health_bands.yellow_from = points;
    }
    if let Some(points) = args.gap_flag {
        setup.settings.gap_flag_points = points;
    }
    Ok(setup)
}

/// The two snapshots of `FROM..TO`, or the last two.
async fn period(store: &Store, text: Option<&str>) -> Result<(Snapshot, Snapshot)> {
    match text {
        Some(text) => {
            let Some((from, to)) = text.split_once("..") else {
                bail!("--period takes FROM..TO, two dates: e.g. 2025-10-01..2026-01-01");
            };
            Ok((
                store.snapshot_at(from.trim()).await?,
                store.snapshot_at(to.trim()).await?,
            ))
        }
        None => {
            let mut snapshots = store.snapshots().await?;
            let (Some(to), Some(from)) = (snapshots.pop(), snapshots.pop()) else {
                bail!(
                    "the workspace needs two snapshots of the book for a period; take one with `csplan snapshot take` or add one with `csplan snapshot add`"
                );
            };
            Ok((from, to))
        }
    }
}

fn group_by(by: Option<By>) -> GroupBy {
    match by {
        None => GroupBy::Book,
        Some(By::Segment) => GroupBy::Segment,
        Some(By::Csm) => GroupBy::Csm,
    }
}

pub async fn run(args: &MetricsArgs) -> Result<()> {
    if args.movements {
        return from_movements(args).await;
    }
    let store = open(&args.db).await?;
    let result = async {
        let setup = setup(store.metrics_setup().await?, &args.setup)?;
        let (from, to) = period(&store, args.period.as_deref()).await?;
        let by = group_by(args.by);
        Ok::<_, anyhow::Error>(store.metrics_between(from, to, by, &setup).await?)
    }
    .await;
    store.close().await;
    let report = result?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
            Ok(())
        }
        Format::Csv => write_csv(&report, &mut out),
        Format::Table => write_table(&report, &mut out),
    }
}

/// `--movements`: the period from FROM's snapshot and the movements after it, up to TO.
async fn from_movements(args: &MetricsArgs) -> Result<()> {
    let Some((from, to)) = args.period.as_deref().and_then(|p| p.split_once("..")) else {
        bail!("--period takes FROM..TO, two dates: e.g. 2025-10-01..2026-01-01");
    };
    let store = open(&args.db).await?;
    let result = async {
        let setup = setup(store.metrics_setup().await?, &args.setup)?;
        Ok::<_, anyhow::Error>(
            store
                .movements_metrics(from.trim(), to.trim(), group_by(args.by), &setup)
                .await?,
        )
    }
    .await;
    store.close().await;
    let period = result?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &period)?;
            writeln!(out)?;
        }
        Format::Csv | Format::Table => {
            let mut writer = csv::Writer::from_writer(&mut out);
            writer.write_record([
                "from", "to", "months", "group", "key", "label", "value", "unit",
            ])?;
            for group in std::iter::once(&period.book).chain(&period.groups) {
                for m in &group.metrics {
                    writer.write_record([
                        period.from.as_of.clone(),
                        period.to.clone(),
                        period.months.to_string(),
                        neutralise(&group.label),
                        m.key.clone(),
                        neutralise(&m.label),
                        m.value.map_or_else(String::new, |v| v.to_string()),
                        unit(m.unit).to_string(),
                    ])?;
                }
            }
            writer.flush()?;
        }
    }
    Ok(())
}

/// `csplan movements import`.
pub async fn movements(command: &MovementsCommand) -> Result<()> {
    let MovementsCommand::Import { file, db } = command;
    let store = open(db).await?;
    let result = store.import_movements_csv(file).await;
    store.close().await;
    let imported = result?;
    let dates = match (&imported.first_date, &imported.last_date) {
        (Some(first), Some(last)) => format!(", dated {first} to {last}"),
        _ => String::new(),
    };
    let replaced = if imported.replaced > 0 {
        format!(" (replacing {} from its last import)", imported.replaced)
    } else {
        String::new()
    };
    println!(
        "Imported {}: {} movements{dates}{replaced}.",
        imported.file, imported.rows
    );
    Ok(())
}

/// A metric's value as the app's cards show it; `n/a` when the formula is undefined.
fn shown(metric: &Metric) -> String {
    let Some(v) = metric.value else {
        return "n/a".to_string();
    };
    match metric.unit {
        Unit::Percent => format!("{:.1}%", v * 100.0),
        Unit::Ratio => format!("{v:.2}"),
        Unit::Money => Cents::from_dollars_rounded(v).to_exact_string(),
        Unit::Months => format!("{v:.1} months"),
        Unit::Points => format!("{v:+.1}"),
        Unit::Count => format!("{v:.0}"),
    }
}

fn unit(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "fraction",
        Unit::Ratio => "ratio",
        Unit::Money => "dollars",
        Unit::Months => "months",
        Unit::Points => "points",
        Unit::Count => "count",
    }
}

/// One row per group and metric; values at full precision (percentages as fractions).
fn write_csv(report: &PeriodReport, out: &mut impl Write) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "from",
        "to",
        "months",
        "group",
        "key",
        "label",
        "value",
        "unit",
        "benchmark",
        "benchmark_met",
    ])?;
    for group in &report.groups {
        for m in &group.metrics {
            writer.write_record([
                report.from.as_of.clone(),
                report.to.as_of.clone(),
                report.months.to_string(),
                neutralise(&group.label),
                m.key.clone(),
                neutralise(&m.label),
                m.value.map_or_else(String::new, |v| v.to_string()),
                unit(m.unit).to_string(),
                m.benchmark
                    .as_ref()
                    .map_or_else(String::new, |b| neutralise(&b.text)),
                m.benchmark
                    .as_ref()
                    .and_then(|b| b.met)
                    .map_or_else(String::new, |met| met.to_string()),
            ])?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// The metrics a by-segment or by-CSM table compares side by side.
const COMPARED: [&str; 7] = [
    "logo_churn_rate",
    "grr",
    "nrr",
    "net_new_arr",
    "nps",
    "health_green",
    "health_red",
];

fn write_table(report: &PeriodReport, out: &mut impl Write) -> Result<()> {
    writeln!(
        out,
        "Period: {} ({}) to {} ({}), {} months.",
        report.from.label, report.from.as_of, report.to.label, report.to.as_of, report.months
    )?;
    let Some(book) = report.groups.first() else {
        return Ok(());
    };
    let m = &book.movements;
    writeln!(
        out,
        "Whole book: {} → {} ARR; new {}, expansion {}, contraction {}, churn {}, reactivation {}; customers {} → {}.",
        m.starting_arr.to_exact_string(),
        m.ending_arr.to_exact_string(),
        m.new.to_exact_string(),
        m.expansion.to_exact_string(),
        m.contraction.to_exact_string(),
        m.churned.to_exact_string(),
        m.reactivated.to_exact_string(),
        m.customers_at_start,
        m.customers_at_end
    )?;
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
        "Metric",
        "Value",
        "Benchmark",
        "Formula",
    ]);
    for metric in &book.metrics {
        let benchmark = metric.benchmark.as_ref().map_or_else(String::new, |b| {
            let verdict = match b.met {
                Some(true) => "met",
                Some(false) => "NOT met",
                None => "-",
            };
            format!("{verdict}: {}", b.text)
        });
        table.add_row(vec![
            metric.label.clone(),
            shown(metric),
            benchmark,
            metric.formula.clone(),
        ]);
    }
    if let Some(column) = table.column_mut(1) {
        column.set_cell_alignment(CellAlignment::Right);
    }
    writeln!(out, "{table}")?;
    if report.groups.len() > 1 {
        let mut table = Table::new();
        let mut header = vec!["Group".to_string(), "Customers at start".to_string()];
        header.extend(COMPARED.iter().filter_map(|key| {
            book.metrics
                .iter()
                .find(|m| m.key == *key)
                .map(|m| m.label.clone())
        }));
        table.load_preset(UTF8_FULL_CONDENSED).set_header(header);
        for group in &report.groups {
            let mut row = vec![
                group.label.clone(),
                group.movements.customers_at_start.to_string(),
            ];
            row.extend(
                COMPARED
                    .iter()
                    .filter_map(|key| group.metrics.iter().find(|m| m.key == *key).map(shown)),
            );
            table.add_row(row);
        }
        for index in 1..=COMPARED.len() + 1 {
            if let Some(column) = table.column_mut(index) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        writeln!(out, "{table}")?;
        writeln!(
            out,
            "Movements count in the group an account had at the start of the period; health and NPS are the book at the end. Team costs apply to the whole book only."
        )?;
    }
    Ok(())
}

pub async fn warnings(args: &WarningsArgs) -> Result<()> {
    let store = open(&args.db).await?;
    let result = async {
        let saved = store.metrics_setup().await?;
        let mut bands = saved.settings.health_bands;
        if let Some(points) = args.green_from {
            bands.green_from = points;
        }
        if let Some(points) = args.yellow_from {
            bands.yellow_from = points;
        }
        let mut thresholds = saved.warnings;
        if let Some(points) = args.health_drop {
            thresholds.health_drop_points = points;
        }
        if let Some(percent) = args.usage_drop {
            thresholds.usage_drop_percent = percent;
        }
        let (from, to) = period(&store, args.period.as_deref()).await?;
        Ok::<_, anyhow::Error>(
            store
                .early_warning(from, to, &bands, &thresholds, None)
                .await?,
        )
    }
    .await;
    store.close().await;
    let warning = result?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &warning)?;
            writeln!(out)?;
            Ok(())
        }
        Format::Csv => {
            out.write_all(early_warning_csv(&warning.accounts).as_bytes())?;
            Ok(())
        }
        Format::Table => write_warnings_table(&warning, &mut out),
    }
}

fn write_warnings_table(warning: &EarlyWarning, out: &mut impl Write) -> Result<()> {
    writeln!(
        out,
        "Renewing {} to {} (snapshot \"{}\"), by health band:",
        warning.to.as_of, warning.renewals_until, warning.to.label
    )?;
    for b in &warning.renewals_by_band {
        writeln!(
            out,
            "  {:<6} {:>6} accounts  {:>18}",
            band_name(b.band),
            b.accounts,
            b.arr.to_exact_string()
        )?;
    }
    writeln!(
        out,
        "Since \"{}\" ({}): health fell by {} points or more for {} accounts, active users by {}% or more for {}.",
        warning.from.label,
        warning.from.as_of,
        warning.thresholds.health_drop_points,
        warning.health_fell,
        warning.thresholds.usage_drop_percent,
        warning.usage_fell
    )?;
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
        "Account",
        "Name",
        "ARR",
        "CSM",
        "Renewal",
        "Band",
        "Health",
        "Active users",
        "Why",
    ]);
    for a in &warning.accounts {
        let mut why = Vec::new();
        if a.renewal_due {
            why.push("renews within 90 days");
        }
        if a.health_fell {
            why.push("health fell");
        }
        if a.usage_fell {
            why.push("usage fell");
        }
        let change = |now: i64, before: Option<i64>| match before {
            Some(b) if b != now => format!("{b} → {now}"),
            _ => now.to_string(),
        };
        table.add_row(vec![
            a.account_id.clone(),
            a.account_name.clone(),
            a.arr.to_exact_string(),
            a.csm_owner.clone().unwrap_or_default(),
            a.renewal_date.clone(),
            band_name(a.band).to_string(),
            change(a.health_score, a.health_before),
            change(a.active_users, a.active_users_before),
            why.join(", "),
        ]);
    }
    writeln!(out, "{table}")?;
    Ok(())
}
