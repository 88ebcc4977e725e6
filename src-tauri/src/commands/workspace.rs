//! The workspace (database file) the app works on: what it holds, open another, create one.

use crate::dialogs;
use crate::error::ApiError;
use crate::state::AppState;
use csplan_store::{NewWorkspace, Store, WorkspaceInfo};
use tauri::State;

const WORKSPACE_EXTENSIONS: &[&str] = &["db", "sqlite", "sqlite3"];

#[tauri::command]
pub async fn workspace_info(state: State<'_, AppState>) -> Result<WorkspaceInfo, ApiError> {
    Ok(state.store().await?.workspace_info().await?)
}

/// Asks for a workspace file and opens it. `None` when the person cancels the dialog.
#[tauri::command]
pub async fn workspace_open(state: State<'_, AppState>) -> Result<Option<WorkspaceInfo>, ApiError> {
    let filter = ("CS Plan workspace", WORKSPACE_EXTENSIONS);
    let Some(file) = dialogs::pick_file("Open a CS Plan workspace", filter).await else {
        return Ok(None);
    };
    let store = Store::open_with(&file, None, BUSY_TIMEOUT).await?;
    Ok(Some(state.switch_to(store).await?))
}

/// Asks where to save a new workspace and creates it there, with the demo data or empty.
/// Never overwrites an existing file. `None` when the person cancels the dialog.
#[tauri::command]
pub async fn workspace_new(
    state: State<'_, AppState>,
    demo: bool,
) -> Result<Option<WorkspaceInfo>, ApiError> {
    let picked = rfd::AsyncFileDialog::new()
        .set_title("Create a CS Plan workspace")
        .add_filter("CS Plan workspace", WORKSPACE_EXTENSIONS)
        .set_file_name(if demo {
            "demo-workspace.db"
        } else {
            "workspace.db"
        })
        .save_file()
        .await;
    let Some(file) = picked else {
        return Ok(None);
    };
    let kind = if demo {
        NewWorkspace::Demo
    } else {
        NewWorkspace::Empty
    };
    let store = Store::create(file.path(), kind).await?;
    Ok(Some(state.switch_to(store).await?))
}

/// How long a write waits for another program that holds the file (e.g. a colleague's CLI run).
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);
