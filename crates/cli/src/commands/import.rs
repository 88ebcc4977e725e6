use anyhow::Result;
use csplan_store::{NewWorkspace, Store};
use std::path::Path;
use std::time::Duration;

/// A missing workspace is created empty: an import is someone bringing their own book, which
/// must not be mixed with the demo company.
pub async fn accounts(file: &Path, db: &Path) -> Result<()> {
    let store = Store::open_with(db, Some(NewWorkspace::Empty), Duration::from_secs(5)).await?;
    let result = store.import_accounts_csv(file).await;
    store.close().await;
    let summary = result?;
    println!(
        "Imported {}: {} accounts added, {} updated.",
        summary.file, summary.added, summary.updated
    );
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
