use anyhow::Result;
use csplan_store::{NewWorkspace, Store};
use std::path::Path;

pub async fn run(db: &Path) -> Result<()> {
    let store = Store::create(db, NewWorkspace::Demo).await?;
    let info = store.workspace_info().await?;
    store.close().await;
    println!(
        "Created the demo workspace {} ({}): {} accounts, {} of ARR, {} CSMs, {} quarters of history, {} scenarios.",
        info.path,
        info.name,
        info.accounts,
        info.total_arr.to_exact_string(),
        info.csms,
        info.quarters,
        info.scenarios
    );
    Ok(())
}
