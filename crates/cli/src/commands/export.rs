//! `csplan export`: documents written to a file.

use crate::commands::plan::compute;
use crate::export_args::{ExportAccountsArgs, TableFormat};
use crate::plan_args::{ExportFormat, ExportPlanArgs, ExportWhat};
use anyhow::{Context, Result, anyhow};
use csplan_report::forecast::{forecast_csv, forecast_report_html, forecast_xlsx};
use csplan_report::{accounts_csv, accounts_xlsx};
use csplan_store::{DEFAULT_BUSY_TIMEOUT, Store};

pub async fn run(what: &ExportWhat) -> Result<()> {
    match what {
        ExportWhat::Plan(args) => plan(args).await,
        ExportWhat::Accounts(args) => accounts(args).await,
    }
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
