//! `csplan import`: accounts (CSV or XLSX, validated, recorded, undoable), undo, the list of
//! imports, and the CSM history.

use crate::import_args::ImportAccountsArgs;
use anyhow::{Context, Result};
use csplan_report::{ProblemRow, import_problems_csv};
use csplan_store::{
    DateOrderFinding, ImportOptions, ImportProgress, ImportReport, Store, StoreError,
};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// Problems printed to the terminal; the rest are in the --report file.
const PROBLEMS_SHOWN: usize = 10;

/// A missing workspace is created empty: an import is someone bringing their own book, which
/// must not be mixed with the demo company; it appears only if the import succeeds. A rejected
/// import exits non-zero (main prints the error, which names the first problems' lines and
/// columns).
pub async fn accounts(args: &ImportAccountsArgs) -> Result<()> {
    let options = ImportOptions {
        mapping: super::import_mappings::overridden(args).await?,
        mapping_name: args.mapping.clone(),
        date_order: args.date_order.map(Into::into),
        sheet: args.sheet.clone(),
        skip_invalid: args.skip_invalid,
    };
    let result = Store::import_accounts_at(
        &args.db,
        Duration::from_secs(5),
        &args.file,
        &options,
        &Arc::new(ImportProgress::new()),
    )
    .await;
    let outcome = match result {
        Ok(outcome) => outcome,
        Err(StoreError::InvalidImport(report)) => {
            if let Some(path) = &args.report {
                write_report(path, &report)?;
                eprintln!(
                    "The {} problems are listed in {}.",
                    report.total_problems,
                    path.display()
                );
            }
            return Err(StoreError::InvalidImport(report).into());
        }
        Err(e) => return Err(e.into()),
    };
    println!(
        "Imported {} (import {}): {} accounts added, {} updated, {} rows skipped.",
        outcome.file, outcome.import_id, outcome.added, outcome.updated, outcome.rejected
    );
    if let DateOrderFinding::Inferred { order } | DateOrderFinding::Chosen { order } =
        outcome.date_order
    {
        println!("Numeric dates were read as {}.", order.words());
    }
    if outcome.report.total_problems > 0 {
        for problem in outcome.report.problems.iter().take(PROBLEMS_SHOWN) {
            eprintln!("  skipped {problem}");
        }
        let shown = outcome.report.problems.len().min(PROBLEMS_SHOWN) as u64;
        if outcome.report.total_problems > shown {
            eprintln!(
                "  ... and {} more problems",
                outcome.report.total_problems - shown
            );
        }
    }
    if let Some(path) = &args.report {
        write_report(path, &outcome.report)?;
    }
    Ok(())
}

fn write_report(path: &Path, report: &ImportReport) -> Result<()> {
    let csv = import_problems_csv(report.problems.iter().map(|p| ProblemRow {
        line: p.line,
        column: p.column.as_deref(),
        value: &p.value,
        reason: &p.reason,
    }));
    std::fs::write(path, csv).with_context(|| format!("cannot write {}", path.display()))
}

/// Undoes the newest import still in place, or the one given.
pub async fn undo(db: &Path, id: Option<i64>) -> Result<()> {
    let store = Store::open_with(db, None, Duration::from_secs(5)).await?;
    let result = store.undo_import(id).await;
    store.close().await;
    let summary = result?;
    println!(
        "Undid import {} ({}): {} accounts removed, {} restored to their values before it.",
        summary.import_id, summary.file_name, summary.removed, summary.restored
    );
    Ok(())
}

/// One line per import, newest first.
pub async fn list(db: &Path) -> Result<()> {
    let store = Store::open_with(db, None, Duration::from_secs(5)).await?;
    let result = store.imports().await;
    store.close().await;
    let imports = result?;
    if imports.is_empty() {
        println!("No imports yet.");
        return Ok(());
    }
    let mut table = comfy_table::Table::new();
    table.load_preset(comfy_table::presets::ASCII_MARKDOWN);
    table.set_header([
        "id", "file", "kind", "finished", "added", "updated", "skipped", "state",
    ]);
    for record in imports {
        let state = match (&record.undone_at, record.can_undo) {
            (Some(when), _) => format!("undone {when}"),
            (None, true) => "in place (undo-able)".to_string(),
            (None, false) => "in place".to_string(),
        };
        table.add_row([
            record.id.to_string(),
            record.file_name,
            record.kind.name().to_string(),
            record.finished_at,
            record.added.to_string(),
            record.updated.to_string(),
            record.rejected.to_string(),
            state,
        ]);
    }
    println!("{table}");
    Ok(())
}

/// History goes into an existing workspace: its CSMs and quarters must line up with the
/// workspace's own numbering, which the store checks before writing anything.
pub async fn history(file: &Path, db: &Path) -> Result<()> {
    let store = Store::open_with(db, None, Duration::from_secs(5)).await?;
    let result = store.import_history_csv(file).await;
    store.close().await;
    let summary = result?;
    println!(
        "Imported {}: {} CSMs over {} quarters; {} rows added, {} updated.",
        summary.file, summary.csms, summary.quarters, summary.added, summary.updated
    );
    Ok(())
}
