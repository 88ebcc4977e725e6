//! Choosing the file, previewing it with a mapping, importing it, and following or stopping a
//! long read.

use crate::dialogs;
use crate::error::ApiError;
use crate::state::AppState;
use csplan_report::{ProblemRow, import_problems_csv};
use csplan_store::{
    AccountField, ImportOptions, ImportOutcome, ImportPreview, ImportProgressSnapshot,
};
use serde::Serialize;
use std::path::Path;
use tauri::State;
use ts_rs::TS;

/// The file types the open dialog offers: what `Store::import_accounts` reads.
const IMPORT_EXTENSIONS: &[&str] = &["csv", "txt", "xlsx", "xlsm"];

/// A field a column can be mapped to, as the mapping editor lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FieldChoice {
    pub field: AccountField,
    pub label: String,
    /// An import is refused until a column maps to it.
    pub required: bool,
}

/// The fields of an account, in the order of the export format (WORKLOADS.md §0).
#[tauri::command]
pub fn import_fields() -> Vec<FieldChoice> {
    AccountField::ALL
        .iter()
        .map(|&field| FieldChoice {
            field,
            label: field.label().to_string(),
            required: field.required(),
        })
        .collect()
}

/// Asks for the export to import and previews it with the mapping saved for the same export, or
/// else the detected one. `None` when the person cancels the dialog.
#[tauri::command]
pub async fn import_pick(state: State<'_, AppState>) -> Result<Option<ImportPreview>, ApiError> {
    let filter = ("CSV or Excel file", IMPORT_EXTENSIONS);
    let Some(file) = dialogs::pick_file("Import accounts", filter).await else {
        return Ok(None);
    };
    state.imports.choose(file.clone());
    Ok(Some(
        preview(&state, &file, &ImportOptions::default()).await?,
    ))
}

/// The chosen file read and checked again with the person's mapping, date order or sheet;
/// nothing is written.
#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    options: ImportOptions,
) -> Result<ImportPreview, ApiError> {
    let file = state.imports.chosen()?;
    preview(&state, &file, &options).await
}

async fn preview(
    state: &AppState,
    file: &Path,
    options: &ImportOptions,
) -> Result<ImportPreview, ApiError> {
    let run = state.imports.start();
    let store = state.store().await?;
    let preview = store
        .preview_accounts_import(file, options, run.progress())
        .await?;
    state.imports.keep_report(&preview.report);
    Ok(preview)
}

/// Imports the chosen file in one transaction (all rows, or with `skip_invalid` only the valid
/// ones), records it for undo, and reloads the book so every plan uses it. A cancelled import
/// rejects with code `cancelled` and has written nothing.
#[tauri::command]
pub async fn import_run(
    state: State<'_, AppState>,
    options: ImportOptions,
) -> Result<ImportOutcome, ApiError> {
    let file = state.imports.chosen()?;
    let outcome = {
        let run = state.imports.start();
        let store = state.store().await?;
        store
            .import_accounts(&file, &options, run.progress())
            .await?
    };
    state.imports.keep_report(&outcome.report);
    state.reload_book().await?;
    Ok(outcome)
}

/// How far the running preview or import has got (`None` when none runs); the page polls it for
/// its progress bar.
#[tauri::command]
pub fn import_progress(state: State<'_, AppState>) -> Option<ImportProgressSnapshot> {
    state.imports.progress()
}

/// Stops the running preview or import; it then rejects with code `cancelled`.
#[tauri::command]
pub fn import_cancel(state: State<'_, AppState>) -> bool {
    state.imports.cancel()
}

/// Saves the report shown (the preview's problems, or after an import those of the skipped rows)
/// as CSV where the person chooses: line, column, value, reason, spreadsheet-safe cells. `None`
/// when the dialog is cancelled.
#[tauri::command]
pub async fn import_report_save(state: State<'_, AppState>) -> Result<Option<String>, ApiError> {
    let report = state.imports.last_report()?;
    let stem = Path::new(&report.file)
        .file_stem()
        .map_or_else(|| "import".into(), |s| s.to_string_lossy().into_owned());
    dialogs::save_text(
        "Save the import report",
        &format!("{stem} - problems.csv"),
        ("CSV file", &["csv"]),
        &import_problems_csv(report.problems.iter().map(|p| ProblemRow {
            line: p.line,
            column: p.column.as_deref(),
            value: &p.value,
            reason: &p.reason,
        })),
    )
    .await
}
