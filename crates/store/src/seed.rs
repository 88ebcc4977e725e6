//! What a brand-new workspace holds before the user adds anything.

use crate::error::StoreError;
use crate::{NewWorkspace, demo, scenarios};
use csplan_domain::capacity::ScenarioInputs;
use sqlx::sqlite::SqlitePool;
use std::path::Path;

/// The scenario every workspace starts with: the defaults the sources give.
pub(crate) const BASE_PLAN: &str = "Base plan";

pub(crate) async fn populate(
    pool: &SqlitePool,
    path: &Path,
    kind: NewWorkspace,
) -> Result<(), StoreError> {
    let db = |e| StoreError::from_sqlx(path, e);
    let mut tx = pool.begin().await.map_err(db)?;
    let (name, kind_label) = match kind {
        NewWorkspace::Demo => (demo::COMPANY.to_string(), "demo"),
        NewWorkspace::Empty => (workspace_name(path), "user"),
    };
    sqlx::query(
        "INSERT INTO workspace (id, name, kind, created_at)
         VALUES (1, ?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
    )
    .bind(name)
    .bind(kind_label)
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    let base = scenarios::insert(&mut tx, BASE_PLAN, &ScenarioInputs::default())
        .await
        .map_err(db)?;
    if kind == NewWorkspace::Demo {
        demo::populate(&mut tx).await.map_err(db)?;
    }
    scenarios::store_last(&mut tx, base).await.map_err(db)?;
    tx.commit().await.map_err(db)
}

/// An empty workspace is named after its file: `q3-plan.db` is "q3-plan".
fn workspace_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "My workspace".to_string())
}
