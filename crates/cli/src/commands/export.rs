//! `csplan export`: documents written to a file.

use crate::commands::plan::compute;
use crate::plan_args::{ExportFormat, ExportPlanArgs, ExportWhat};
use anyhow::{Context, Result, anyhow};
use csplan_report::forecast::{forecast_csv, forecast_report_html, forecast_xlsx};

pub async fn run(what: &ExportWhat) -> Result<()> {
    match what {
        ExportWhat::Plan(args) => plan(args).await,
    }
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
