//! Making a new workspace file. It is built completely in a temporary file beside the target
//! and only then moved into place, so a crash or a full disk never leaves a half-made workspace
//! under the user's file name, and an existing file is never overwritten.

use crate::NewWorkspace;
use crate::connect::{connect, migrate};
use crate::error::StoreError;
use crate::header::APPLICATION_ID;
use crate::seed;
use sqlx::AssertSqlSafe;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placement {
    /// The target must not exist; if something appeared there meanwhile, it is kept.
    NoOverwrite,
    /// The target is an empty file (nothing to lose) that the new workspace replaces.
    ReplaceEmpty,
}

pub(crate) async fn create_file(
    path: &Path,
    kind: NewWorkspace,
    busy_timeout: Duration,
    placement: Placement,
) -> Result<(), StoreError> {
    check_folder(path)?;
    let temp = temp_path(path);
    let built = build(&temp, path, kind, busy_timeout).await;
    let result = match built {
        Ok(()) => place(&temp, path, placement),
        Err(e) => Err(e),
    };
    remove_leftovers(&temp);
    result
}

/// A clear message for the common mistake of a folder that does not exist (yet).
fn check_folder(path: &Path) -> Result<(), StoreError> {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() && !folder.is_dir() => Err(StoreError::io(
            path,
            "create",
            std::io::Error::new(ErrorKind::NotFound, "its folder does not exist"),
        )),
        _ => Ok(()),
    }
}

/// `.plan.db.1234-1700000000123456789.creating` beside `plan.db`: same folder, so the final
/// rename stays on one file system and is atomic.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".to_string());
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    path.with_file_name(format!(".{name}.{}-{nanos}.creating", std::process::id()))
}

async fn build(
    temp: &Path,
    target: &Path,
    kind: NewWorkspace,
    busy_timeout: Duration,
) -> Result<(), StoreError> {
    let pool = connect(temp, busy_timeout, true)
        .await
        .map_err(|e| rename_path(e, target))?;
    let result = async {
        sqlx::query(AssertSqlSafe(format!(
            "PRAGMA application_id = {APPLICATION_ID}"
        )))
        .execute(&pool)
        .await
        .map_err(|e| StoreError::from_sqlx(target, e))?;
        migrate(&pool, target).await?;
        seed::populate(&pool, target, kind).await
    }
    .await;
    // Closing the last connection checkpoints the WAL into the file and deletes the -wal file,
    // so the single file that is moved into place holds everything.
    pool.close().await;
    result
}

/// Errors while building name the file the user asked for, not the temporary file.
fn rename_path(error: StoreError, target: &Path) -> StoreError {
    match error {
        StoreError::Database { message, .. } => StoreError::Database {
            path: target.to_path_buf(),
            message,
        },
        StoreError::Locked { .. } => StoreError::Locked {
            path: target.to_path_buf(),
        },
        other => other,
    }
}

fn place(temp: &Path, target: &Path, placement: Placement) -> Result<(), StoreError> {
    std::fs::File::open(temp)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::io(target, "save the new workspace", e))?;
    match placement {
        Placement::NoOverwrite => place_new(temp, target)?,
        Placement::ReplaceEmpty => {
            let still_empty = std::fs::metadata(target).map(|m| m.len() == 0);
            if !matches!(still_empty, Ok(true)) {
                return Err(StoreError::Exists {
                    path: target.to_path_buf(),
                });
            }
            std::fs::rename(temp, target)
                .map_err(|e| StoreError::io(target, "save the new workspace as", e))?;
        }
    }
    sync_parent(target);
    Ok(())
}

/// A hard link fails if the target exists, which makes "create unless present" atomic. File
/// systems without hard links fall back to a rename after a last check.
fn place_new(temp: &Path, target: &Path) -> Result<(), StoreError> {
    let exists = || StoreError::Exists {
        path: target.to_path_buf(),
    };
    match std::fs::hard_link(temp, target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(exists()),
        Err(_) if target.exists() => Err(exists()),
        Err(_) => std::fs::rename(temp, target)
            .map_err(|e| StoreError::io(target, "save the new workspace as", e)),
    }
}

/// Makes the new directory entry durable. Best effort: some platforms cannot open a folder
/// for syncing, and the file itself is already complete and synced.
fn sync_parent(target: &Path) {
    if let Some(parent) = target.parent() {
        let dir = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        if let Ok(handle) = std::fs::File::open(dir) {
            let _ = handle.sync_all();
        }
    }
}

fn remove_leftovers(temp: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = temp.as_os_str().to_owned();
        name.push(suffix);
        // Already gone (moved into place, or never made) is the normal case.
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}
