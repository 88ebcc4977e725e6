//! Bringing one's own data in: accounts from a CRM or billing CSV export.

use crate::dialogs;
use crate::error::ApiError;
use crate::state::AppState;
use csplan_store::ImportSummary;
use tauri::State;

/// Asks for a CSV file and imports its accounts, then reloads the book so every plan uses them.
/// An invalid file changes nothing and comes back as an error listing each rejected row (line,
/// column, reason). `None` when the person cancels the dialog.
#[tauri::command]
pub async fn accounts_import(
    state: State<'_, AppState>,
) -> Result<Option<ImportSummary>, ApiError> {
    let Some(file) =
        dialogs::pick_file("Import accounts from a CSV file", ("CSV file", &["csv"])).await
    else {
        return Ok(None);
    };
    let summary = state.store().await?.import_accounts_csv(&file).await?;
    state.reload_book().await?;
    Ok(Some(summary))
}
