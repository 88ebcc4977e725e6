//! The native file dialogs (rfd, GTK) and the file reads and writes behind them, shared by every
//! command so each error names the file and what to do the same way.

use crate::error::ApiError;
use std::path::{Path, PathBuf};

/// A dialog's file type filter: its name and extensions.
pub type Filter<'a> = (&'a str, &'a [&'a str]);

/// Asks for one existing file; `None` when the person cancels.
pub async fn pick_file(title: &str, filter: Filter<'_>) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_title(title)
        .add_filter(filter.0, filter.1)
        .pick_file()
        .await
        .map(|file| file.path().to_path_buf())
}

/// Asks where to save `text` and writes it there; the saved path, or `None` when the person
/// cancels.
pub async fn save_text(
    title: &str,
    file_name: &str,
    filter: Filter<'_>,
    text: &str,
) -> Result<Option<String>, ApiError> {
    save_bytes(title, file_name, filter, text.as_bytes()).await
}

/// Asks where to save `bytes` (a workbook, say) and writes them there; the saved path, or
/// `None` when the person cancels.
pub async fn save_bytes(
    title: &str,
    file_name: &str,
    filter: Filter<'_>,
    bytes: &[u8],
) -> Result<Option<String>, ApiError> {
    let picked = rfd::AsyncFileDialog::new()
        .set_title(title)
        .set_file_name(file_name)
        .add_filter(filter.0, filter.1)
        .save_file()
        .await;
    let Some(file) = picked else {
        return Ok(None);
    };
    let path = file.path();
    std::fs::write(path, bytes).map_err(|e| {
        ApiError::new(
            "io",
            format!(
                "{} could not be written ({e}). Choose another folder or file name.",
                path.display()
            ),
        )
    })?;
    Ok(Some(path.display().to_string()))
}

/// The file's name as a person sees it in messages, and its text.
pub fn read_text(path: &Path) -> Result<(String, String), ApiError> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let text = std::fs::read_to_string(path).map_err(|e| {
        ApiError::new(
            "io",
            format!("{name} could not be read ({e}). Check the file and try again."),
        )
    })?;
    Ok((name, text))
}
