//! The file a snapshot or a movements import is read from: read off the async runtime, and
//! named in the workspace as its source.

use crate::StoreError;
use std::path::Path;

/// `read` on a blocking thread, so parsing a large CSV does not stall the runtime; a read that
/// panics or is cancelled is reported against `file`.
pub(super) async fn read_off_runtime<T: Send + 'static>(
    file: &Path,
    read: impl FnOnce() -> T + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(read).await.map_err(|e| {
        StoreError::io(
            file,
            "read",
            std::io::Error::other(format!("the read stopped unexpectedly ({e})")),
        )
    })
}

/// The name the workspace records as the source ("q1.csv"), or the whole path when it has no
/// file name.
pub(super) fn source_name(file: &Path) -> String {
    file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
