//! The column mappings saved under a name: listed for the person to apply one to an export whose
//! headers differ, a name checked before an import saves under it, and a mapping deleted.

use crate::error::ApiError;
use crate::state::AppState;
use csplan_store::{ColumnMapping, ColumnTarget, SavedMapping};
use tauri::State;

/// Every saved mapping, named ones first (by name), then those remembered per set of headers.
#[tauri::command]
pub async fn import_mappings(state: State<'_, AppState>) -> Result<Vec<SavedMapping>, ApiError> {
    Ok(state.store().await?.saved_mappings().await?)
}

/// The name "Save this mapping as" would save under, trimmed; rejects with `invalid-name` when
/// it is empty, too long, or another saved mapping's name (`replacing`, the saved mapping in
/// use, may keep its own).
#[tauri::command]
pub async fn import_mapping_name_check(
    state: State<'_, AppState>,
    name: String,
    replacing: Option<String>,
) -> Result<String, ApiError> {
    Ok(state
        .store()
        .await?
        .check_mapping_name(&name, replacing.as_deref())
        .await?)
}

/// Forgets the mapping saved under `name`; the mappings remembered per set of headers stay.
#[tauri::command]
pub async fn import_mapping_delete(
    state: State<'_, AppState>,
    name: String,
) -> Result<(), ApiError> {
    Ok(state.store().await?.delete_mapping(&name).await?)
}

/// `mapping` with the column at `column` (0-based) read as `target`, changed by the store's own
/// rule (the one `csplan import accounts --map` uses): the column that held the field, or ARR for
/// MRR and the other way round, becomes a custom field, so no field is ever mapped twice.
#[tauri::command]
pub fn import_mapping_remap(
    mapping: ColumnMapping,
    column: usize,
    target: ColumnTarget,
) -> Result<ColumnMapping, ApiError> {
    Ok(mapping.with_target_at(column, target)?)
}
