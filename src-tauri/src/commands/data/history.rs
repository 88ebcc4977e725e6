//! What was imported into the workspace, and taking the last import back.

use crate::error::ApiError;
use crate::state::AppState;
use csplan_store::{ImportRecord, UndoSummary};
use tauri::State;

/// Every import into this workspace, newest first.
#[tauri::command]
pub async fn import_history(state: State<'_, AppState>) -> Result<Vec<ImportRecord>, ApiError> {
    Ok(state.store().await?.imports().await?)
}

/// Undoes the last import not yet undone (accounts it added removed, accounts it updated as they
/// were before), then reloads the book so every plan uses it again.
#[tauri::command]
pub async fn import_undo(state: State<'_, AppState>) -> Result<UndoSummary, ApiError> {
    let summary = state.store().await?.undo_import(None).await?;
    state.reload_book().await?;
    Ok(summary)
}
