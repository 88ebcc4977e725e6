//! Importing into a workspace given by its path, as the CLI does: an existing workspace is
//! opened and imported into; when nothing is there yet, the workspace is made with the import
//! inside it. That new file is built whole beside the target and moved into place only when the
//! import succeeded, so a rejected, cancelled or killed import leaves nothing at the path, and the
//! book is written once instead of through the WAL (see `connect::connect_to_build`).

use super::{ImportOptions, ImportOutcome, ImportProgress};
use crate::create::{Placement, create_filled};
use crate::header::{self, FileState};
use crate::{NewWorkspace, Store, StoreError};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

impl Store {
    /// Imports `file` into the workspace at `path`, creating it (empty, named after its file)
    /// when the path is free or a 0-byte file. Errors as `import_accounts`, and as `open_with`.
    pub async fn import_accounts_at(
        path: &Path,
        busy_timeout: Duration,
        file: &Path,
        options: &ImportOptions,
        progress: &Arc<ImportProgress>,
    ) -> Result<ImportOutcome, StoreError> {
        let placement = match header::inspect(path)? {
            FileState::Missing => Placement::NoOverwrite,
            FileState::Empty => Placement::ReplaceEmpty,
            _ => return import_existing(path, busy_timeout, file, options, progress).await,
        };
        let created = create_filled(
            path,
            NewWorkspace::Empty,
            busy_timeout,
            placement,
            async |store| store.import_accounts(file, options, progress).await,
        )
        .await;
        match created {
            // Another program made a workspace there meanwhile: it is kept, and imported into.
            Err(StoreError::Exists { .. }) if placement == Placement::NoOverwrite => {
                import_existing(path, busy_timeout, file, options, progress).await
            }
            other => other,
        }
    }
}

async fn import_existing(
    path: &Path,
    busy_timeout: Duration,
    file: &Path,
    options: &ImportOptions,
    progress: &Arc<ImportProgress>,
) -> Result<ImportOutcome, StoreError> {
    let store = Store::open_with(path, None, busy_timeout).await?;
    let outcome = store.import_accounts(file, options, progress).await;
    store.close().await;
    outcome
}
