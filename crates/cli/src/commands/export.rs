//! `csplan export`: documents written to a file.

use crate::commands::plan::compute;
use crate::export_args::{ExportAccountsArgs, ExportSegmentsArgs, TableFormat};
use crate::plan_args::{ExportFormat, ExportPlanArgs, ExportWhat};
use crate::rule_source;
use anyhow::{Context, Result, anyhow};
use csplan_report::forecast::{forecast_csv, forecast_report_html, forecast_xlsx};
use csplan_report::{SegmentsFile, accounts_csv, accounts_xlsx, segments_file};
use csplan_store::{DEFAULT_BUSY_TIMEOUT, Store};

pub async fn run(what: &ExportWhat) -> Result<()> {
    match what {
        ExportWhat::Plan(args) => plan(args).await,
        ExportWhat::Accounts(args) => accounts(args).await,
        ExportWhat::Segments(args) => segments(args).await,
    }
}

/// The summary per segment of a rule set (the same `summarize` as `csplan segment`), and with
/// `--accounts` each account's segment; text cells neutralised. The same `segments_file` as the
/// Segments page's export, so the two files are equal.
async fn segments(args: &ExportSegmentsArgs) -> Result<()> {
    let store = Store::open_with(&args.db, None, DEFAULT_BUSY_TIMEOUT).await?;
    let loaded = async {
        let rules = rule_source::resolve(&store, &args.rules).await?;
        anyhow::Ok((rules, store.accounts().await?))
    }
    .await;
    store.close().await;
    let (rules, accounts) = loaded?;
    let file = match (args.format, args.accounts) {
        (TableFormat::Csv, false) => SegmentsFile::SummaryCsv,
        (TableFormat::Csv, true) => SegmentsFile::AccountsCsv,
        (TableFormat::Xlsx, with_accounts) => SegmentsFile::Workbook { with_accounts },
    };
    let bytes = segments_file(&rules, &accounts, file).map_err(|e| anyhow!(e))?;
    std::fs::write(&args.out, bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "Wrote {} segments of \"{}\" ({} accounts) to {}.",
        rules.segment_names().len(),
        rules.name,
        accounts.len(),
        args.out.display()
    );
    Ok(())
}

/// The book as CSV (readable by `csplan import accounts`) or XLSX; text cells neutralised.
async fn accounts(args: &ExportAccountsArgs) -> Result<()> {
    let store = Store::open_with(&args.db, None, DEFAULT_BUSY_TIMEOUT).await?;
    let accounts = store.accounts().await;
    store.close().await;
    let accounts = accounts?;
    let bytes = match args.format {
        TableFormat::Csv => accounts_csv(&accounts).into_bytes(),
        TableFormat::Xlsx => accounts_xlsx(&accounts).map_err(|e| anyhow!(e))?,
    };
    std::fs::write(&args.out, bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "Wrote {} accounts to {}.",
        accounts.len(),
        args.out.display()
    );
    Ok(())
}

/// The plan as a workbook, a CSV or the CFO report, written to `--out`.
async fn plan(args: &ExportPlanArgs) -> Result<()> {
    let computed = compute(&args.source).await?;
    let doc = computed.document();
    let bytes = match args.format {
        ExportFormat::Xlsx => forecast_xlsx(&doc).map_err(|e| anyhow!(e))?,
        ExportFormat::Csv => forecast_csv(&doc).into_bytes(),
        ExportFormat::Html => forecast_report_html(&doc).into_bytes(),
    };
    std::fs::write(&args.out, bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "Wrote the plan \"{}\" to {}.",
        computed.name,
        args.out.display()
    );
    Ok(())
}
